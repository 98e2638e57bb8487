// Sections 9-15: signed JSON and device registration, KDF, SAS, base64url and tokens, errors,
// self-tests, initialisation, and the browser-only rule for the library's sources.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import * as lotse from '../../../crypto/js/index.mjs';
import { runSelfTests } from '../../../crypto/js/selftest.mjs';
import { loadSumo } from '../../../crypto/js/tools/pwhash-sumo.mjs';
import { flipBit, hex, sourceRoot, throwsCode, utf8 } from './helpers.mjs';

const { deriveSubkey, fromBase64Url, generateToken, shortAuthenticationCode, signCanonicalJson, signDeviceRegistration,
        signingKeyPairFromSeed, toBase64Url, tokensEqual, verifyCanonicalJson, verifyDeviceRegistration,
        generateEncryptionKeyPair, generateSigningKeyPair, videoFrameKey } = lotse;

let sumo;
before(async () => {
    await lotse.init();
    sumo = await loadSumo();
});

test('error names are exactly those of FORMAT.md section 14', () => {
    const format = readFileSync(join(sourceRoot, 'crypto/FORMAT.md'), 'utf8');
    const section = format.slice(format.indexOf('## 14 Errors'), format.indexOf('## 15'));
    const names = [...section.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]);
    assert.deepEqual([...lotse.errorNames].sort(), [...new Set(names)].sort());
    const e = new lotse.LotseCryptoError('Truncated', 'x');
    assert.ok(e instanceof Error && e.code === 'Truncated' && lotse.isLotseCryptoError(e, 'Truncated'));
});

test('operations before init() throw NotInitialised; init() is idempotent', async () => {
    const script = `import('./crypto/js/tools/node-webcrypto.mjs').then(() => import('./crypto/js/index.mjs')).then(async (m) => {
        try { m.keyId(new Uint8Array(32)); console.log('no error'); } catch (e) { console.log(e.code); }
        await Promise.all([m.init(), m.init()]); console.log(m.isInitialised()); })`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: sourceRoot, encoding: 'utf8' });
    assert.equal(r.stdout.trim(), 'NotInitialised\ntrue', r.stderr);
});

test('self-tests pass, and fail naming the primitive when one is broken', () => {
    const sodium = sumo; // same API as the standard build
    assert.equal(runSelfTests(sodium), null);
    const broken = (name, wrap) => new Proxy(sodium, { get: (t, p) => (p === name ? wrap(t[p].bind(t)) : t[p]) });
    assert.equal(runSelfTests(broken('crypto_scalarmult_base', (f) => (sk) => flipBit(f(sk), 3))), 'X25519');
    assert.equal(runSelfTests(broken('crypto_sign_verify_detached', () => () => true)), 'Ed25519');
    assert.equal(runSelfTests(broken('crypto_aead_xchacha20poly1305_ietf_decrypt', () => (n, c) => c)), 'XChaCha20-Poly1305');
    assert.equal(runSelfTests(broken('crypto_generichash', (f) => (n, m, k) => f(n, m, new Uint8Array(16)))), 'BLAKE2b');
    assert.equal(runSelfTests(broken('crypto_box_seal_open', () => () => utf8('0123456789abcdef0123456789abcdef'))), 'crypto_box_seal_open');
    // A primitive that accepts tampered input (returns the last good output) is caught too.
    const lenient = (f) => { let last; return (...args) => { try { return (last = f(...args)); } catch { return last; } }; };
    assert.equal(runSelfTests(broken('crypto_aead_xchacha20poly1305_ietf_decrypt', lenient)), 'XChaCha20-Poly1305');
    assert.equal(runSelfTests(broken('crypto_box_seal_open', lenient)), 'crypto_box_seal_open');
    assert.equal(runSelfTests(broken('crypto_secretstream_xchacha20poly1305_pull', () => () => false)), 'crypto_secretstream');
    assert.equal(runSelfTests(broken('crypto_kdf_derive_from_key', (f) => (l, id, c, k) => f(l, id + 1n, c, k))), 'crypto_kdf');
    assert.equal(runSelfTests(broken('randombytes_buf', () => (n) => new Uint8Array(n))), 'randomness');
});

test('signed JSON: purpose-bearing objects, tampering, key checks', () => {
    const key = generateSigningKeyPair();
    const object = { purpose: 'lotse-consent-v1', booking: 'bk-1', at: 1795000000, fields: ['name', null, true] };
    const sig = signCanonicalJson(key, object);
    verifyCanonicalJson(key.publicKey, { fields: ['name', null, true], at: 1795000000, booking: 'bk-1', purpose: 'lotse-consent-v1' }, sig);
    throwsCode(() => verifyCanonicalJson(key.publicKey, { ...object, purpose: 'lotse-device-v1' }, sig), 'BadSignature');
    throwsCode(() => verifyCanonicalJson(key.publicKey, { ...object, at: 1795000001 }, sig), 'BadSignature');
    throwsCode(() => verifyCanonicalJson(key.publicKey, object, flipBit(sig, 7)), 'BadSignature');
    throwsCode(() => verifyCanonicalJson(key.publicKey, object, sig.subarray(1)), 'InvalidLength');
    throwsCode(() => verifyCanonicalJson(key.publicKey, { ...object, x: 0.5 }, sig), 'InvalidJson');
    throwsCode(() => verifyCanonicalJson(hex('0100000000000000000000000000000000000000000000000000000000000000'), object, sig), 'InvalidKey');
    throwsCode(() => signCanonicalJson(key, { x: 1.5 }), 'InvalidJson');
});

test('signed JSON: a non-empty string purpose, equal to the expected one (section 9)', () => {
    const key = generateSigningKeyPair();
    const object = { purpose: 'lotse-consent-v1', booking: 'bk-1' };
    const sig = signCanonicalJson(key, object);
    verifyCanonicalJson(key.publicKey, object, sig, 'lotse-consent-v1');
    throwsCode(() => verifyCanonicalJson(key.publicKey, object, sig, 'lotse-device-v1'), 'WrongPurpose');
    throwsCode(() => verifyCanonicalJson(key.publicKey, object, sig, ''), 'WrongPurpose');
    const { purpose: _purpose, ...noPurpose } = object;
    throwsCode(() => signCanonicalJson(key, noPurpose), 'WrongPurpose');
    // Signed over the raw canonical bytes: only the purpose check can refuse it.
    const rawSig = lotse.signDetached(key, lotse.CanonicalJson.serialize(noPurpose));
    throwsCode(() => verifyCanonicalJson(key.publicKey, noPurpose, rawSig), 'WrongPurpose');
    throwsCode(() => verifyCanonicalJson(key.publicKey, noPurpose, rawSig, 'lotse-consent-v1'), 'WrongPurpose');
    for (const bad of ['', 1, null, true, { purpose: 'x' }, ['lotse-consent-v1']]) {
        const o = { ...object, purpose: bad };
        throwsCode(() => signCanonicalJson(key, o), 'WrongPurpose');
        const s = lotse.signDetached(key, lotse.CanonicalJson.serialize(o));
        throwsCode(() => verifyCanonicalJson(key.publicKey, o, s, 'lotse-consent-v1'), 'WrongPurpose');
    }
    // Order: InvalidJson, InvalidKey, InvalidLength before WrongPurpose; WrongPurpose before BadSignature.
    throwsCode(() => verifyCanonicalJson(key.publicKey, { ...noPurpose, x: 0.5 }, rawSig), 'InvalidJson');
    throwsCode(() => verifyCanonicalJson(key.publicKey.subarray(0, 31), noPurpose, rawSig), 'InvalidKey');
    throwsCode(() => verifyCanonicalJson(key.publicKey, noPurpose, rawSig.subarray(0, 63)), 'InvalidLength');
    throwsCode(() => verifyCanonicalJson(key.publicKey, object, flipBit(sig, 5), 'other'), 'WrongPurpose');
});

test('device registration: build, verify, and every refusal in order', () => {
    const enc = generateEncryptionKeyPair();
    const signing = generateSigningKeyPair();
    const reg = signDeviceRegistration(enc, signing);
    assert.deepEqual(Object.keys(reg).sort(), ['ed25519', 'signature', 'x25519']);
    const keys = verifyDeviceRegistration(reg);
    assert.deepEqual(keys.x25519, enc.publicKey);
    assert.deepEqual(signDeviceRegistration(enc.secretKey, signing), reg);
    const statement = { ed25519: reg.ed25519, purpose: 'lotse-device-v1', x25519: reg.x25519 };
    verifyCanonicalJson(signing.publicKey, statement, fromBase64Url(reg.signature));
    throwsCode(() => verifyDeviceRegistration(null), 'MalformedInput');
    throwsCode(() => verifyDeviceRegistration([1, 2, 3]), 'MalformedInput');
    throwsCode(() => verifyDeviceRegistration({ ...reg, x25519: `${reg.x25519}=` }), 'MalformedInput');
    throwsCode(() => verifyDeviceRegistration({ ...reg, x25519: 'AAAA', ed25519: `${reg.ed25519}=` }), 'MalformedInput');
    throwsCode(() => verifyDeviceRegistration({ ...reg, x25519: toBase64Url(new Uint8Array(31)), signature: 'AA' }), 'InvalidKey');
    throwsCode(() => verifyDeviceRegistration({ ...reg, x25519: toBase64Url(new Uint8Array(32)) }), 'InvalidKey');
    throwsCode(() => verifyDeviceRegistration({ ...reg, signature: 'AAAA' }), 'InvalidLength');
    throwsCode(() => verifyDeviceRegistration({ ...reg, x25519: toBase64Url(generateEncryptionKeyPair().publicKey) }), 'BadSignature');
    // A signature over another purpose's statement with the same keys does not register.
    const otherPurpose = signCanonicalJson(signing, { ...statement, purpose: 'lotse-consent-v1' });
    throwsCode(() => verifyDeviceRegistration({ ...reg, signature: toBase64Url(otherPurpose) }), 'BadSignature');
});

test('KDF: contexts, ids as BigInt, limits; equal to BLAKE2b with salt and personalisation', () => {
    const master = new Uint8Array(32).fill(9);
    const video = videoFrameKey(master);
    assert.deepEqual(video, deriveSubkey(master, 'lotsevid', 1, 32));
    assert.notDeepEqual(video, deriveSubkey(master, 'lotsedb_', 1n, 32));
    const salt = new Uint8Array(16);
    new DataView(salt.buffer).setBigUint64(0, (1n << 63n) + 5n, true);
    const personal = new Uint8Array(16);
    personal.set(utf8('lotsedb_'));
    assert.deepEqual(deriveSubkey(master, 'lotsedb_', (1n << 63n) + 5n, 40),
                     sumo.crypto_generichash_blake2b_salt_personal(40, master, salt, personal));
    throwsCode(() => deriveSubkey(master, 'lotsevid', -1, 32), 'InvalidLength');
    throwsCode(() => deriveSubkey(master, 'lotsevid', 1n << 64n, 32), 'InvalidLength');
    throwsCode(() => deriveSubkey(master, 'lotsevidé', 1, 32), 'InvalidLength');
    throwsCode(() => deriveSubkey(master, 'lotsevid', 1, 65), 'InvalidLength');
    throwsCode(() => deriveSubkey(master.subarray(1), 'lotsevid', 1, 32), 'InvalidKey');
});

test('short authentication code: BigInt reduction, symmetry, grouping', () => {
    const a = generateEncryptionKeyPair().publicKey;
    const b = generateEncryptionKeyPair().publicKey;
    const code = shortAuthenticationCode(a, b, 'room-1');
    assert.match(code, /^\d{4} \d{4} \d{4} \d{4}$/);
    assert.equal(shortAuthenticationCode(b, a, 'room-1'), code);
    assert.notEqual(shortAuthenticationCode(a, b, 'room-2'), code);
    const [lo, hi] = Buffer.compare(Buffer.from(a), Buffer.from(b)) <= 0 ? [a, b] : [b, a];
    const h = sumo.crypto_generichash(32, new Uint8Array([...utf8('lotse-sas-v1'), 6, ...utf8('room-1'), ...lo, ...hi]), null);
    const v = Buffer.from(h.subarray(0, 8)).readBigUInt64BE() % 10000000000000000n;
    assert.equal(code.replace(/ /g, ''), v.toString().padStart(16, '0'));
    throwsCode(() => shortAuthenticationCode(a.subarray(1), b, 'room-1'), 'InvalidKey');
    throwsCode(() => shortAuthenticationCode(a, b, ''), 'InvalidLength');
});

test('base64url: round trips, exactly one accepted text per byte string', () => {
    for (let n = 0; n < 70; ++n) {
        const bytes = sumo.randombytes_buf(n);
        const text = toBase64Url(bytes);
        assert.equal(text, Buffer.from(bytes).toString('base64url'));
        assert.deepEqual(fromBase64Url(text), bytes);
    }
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let accepted = 0;
    for (const a of alphabet) {
        for (const b of alphabet) {
            const text = a + b;
            try {
                assert.equal(toBase64Url(fromBase64Url(text)), text);
                ++accepted;
            } catch (error) {
                assert.equal(error.code, 'MalformedInput');
            }
        }
    }
    assert.equal(accepted, 256);
    for (const bad of ['=', 'AA==', 'A', 'AAAAA', 'A A', 'AA\n', '+A', '/A', 'Ä', 'AB']) {
        if (bad === 'AB')
            throwsCode(() => fromBase64Url(bad), 'MalformedInput');
        else
            throwsCode(() => fromBase64Url(bad), 'MalformedInput', JSON.stringify(bad));
    }
    throwsCode(() => fromBase64Url(42), 'MalformedInput');
});

test('capability tokens: 43 characters, 256 bits, constant-time comparison', () => {
    const tokens = new Set();
    for (let i = 0; i < 200; ++i) {
        const t = generateToken();
        assert.match(t, /^[A-Za-z0-9_-]{43}$/);
        assert.equal(fromBase64Url(t).length, 32);
        tokens.add(t);
    }
    assert.equal(tokens.size, 200);
    const t = generateToken();
    assert.ok(tokensEqual(t, `${t}`));
    assert.ok(!tokensEqual(t, generateToken()));
    assert.ok(!tokensEqual(t, t.slice(0, 42)));
    assert.ok(!tokensEqual(t, `${t}A`));
    assert.ok(!tokensEqual(t, null));
    assert.ok(lotse.constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2)));
    assert.ok(!lotse.constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3)));
});

test('the library runs in browsers: no node-only APIs, only relative imports and libsodium-wrappers', () => {
    const dir = join(sourceRoot, 'crypto/js');
    const files = readdirSync(dir).filter((f) => f.endsWith('.mjs'));
    assert.ok(files.length >= 14);
    for (const file of files) {
        const text = readFileSync(join(dir, file), 'utf8');
        const code = text.replace(/\/\/.*$/gm, '');
        for (const banned of [/\bBuffer\b/, /\bprocess\b/, /\brequire\s*\(/, /\b__dirname\b/, /\bglobal\./, /node:/])
            assert.doesNotMatch(code, banned, `${file} uses ${banned}`);
        for (const m of code.matchAll(/(?:import|export)\s[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)) {
            const spec = m[1] ?? m[2];
            assert.ok(spec.startsWith('./') || spec === 'libsodium-wrappers', `${file} imports ${spec}`);
        }
    }
});

test('the library works with node\'s globals hidden (process, Buffer, require) and window defined', () => {
    const r = spawnSync(process.execPath, [join(sourceRoot, 'tests/unit/cryptojs/browser-like.mjs')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'browser-like ok');
});
