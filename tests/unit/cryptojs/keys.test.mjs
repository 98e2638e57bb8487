// Section 3: key checks, key ids, fingerprints, detached signatures. The Ed25519 public-key check
// (crypto_sign_ed25519_pk_to_curve25519 + canonical encoding on the standard build) is proven
// equal to crypto_core_ed25519_is_valid_point (sumo build) on every class of input.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { checkEncryptionPublicKey, checkSigningPublicKey, encryptionKeyPairFromSecretKey, fingerprint,
         generateEncryptionKeyPair, generateSigningKeyPair, init, keyId, signDetached, signingKeyPairFromSeed,
         verifyDetached } from '../../../crypto/js/index.mjs';
import { loadSumo } from '../../../crypto/js/tools/pwhash-sumo.mjs';
import { flipBit, hex, throwsCode, utf8, wycheproofFile } from './helpers.mjs';

let sumo;
before(async () => {
    await init();
    sumo = await loadSumo();
});

function accepts(fn) {
    try {
        fn();
        return true;
    } catch (error) {
        assert.equal(error.code, 'InvalidKey', `unexpected ${error.stack}`);
        return false;
    }
}

// The eight points of order dividing 8, as libsodium lists them, with sign-bit and y >= p variants.
const torsion = [
    '0100000000000000000000000000000000000000000000000000000000000000',
    'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    '0000000000000000000000000000000000000000000000000000000000000000',
    '0000000000000000000000000000000000000000000000000000000000000080',
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
    '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
    '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
];

function ed25519Cases() {
    const cases = [];
    for (const t of torsion) {
        cases.push(['small order', hex(t)]);
        const signFlipped = hex(t);
        signFlipped[31] ^= 0x80;
        cases.push(['small order, sign bit flipped', signFlipped]);
    }
    // Every encoding with y >= p (non-canonical), with and without the sign bit.
    for (let low = 0xed; low <= 0xff; ++low) {
        for (const top of [0x7f, 0xff]) {
            const e = new Uint8Array(32).fill(0xff);
            e[0] = low;
            e[31] = top;
            cases.push(['y >= p', e]);
        }
    }
    for (let i = 0; i < 300; ++i) {
        const pk = sumo.crypto_sign_seed_keypair(sumo.randombytes_buf(32)).publicKey;
        cases.push(['valid', pk]);
        const neg = Uint8Array.from(pk);
        neg[31] ^= 0x80;
        cases.push(['valid, negated', neg]);
        for (const t of torsion.slice(1, 8).filter((_, j) => j % 2 === 0 || i % 4 === 0))
            cases.push(['with a torsion component', sumo.crypto_core_ed25519_add(pk, hex(t))]);
        cases.push(['random bytes', sumo.randombytes_buf(32)]);
        cases.push(['random point', sumo.crypto_core_ed25519_from_uniform(sumo.randombytes_buf(32))]);
    }
    return cases;
}

test('the Ed25519 check equals crypto_core_ed25519_is_valid_point on every class of input', (t) => {
    const tally = {};
    for (const [kind, pk] of ed25519Cases()) {
        const expected = sumo.crypto_core_ed25519_is_valid_point(pk);
        const actual = accepts(() => checkSigningPublicKey(pk));
        assert.equal(actual, expected, `${kind}: ${Buffer.from(pk).toString('hex')}`);
        const k = (tally[kind] ??= { accepted: 0, refused: 0 });
        k[actual ? 'accepted' : 'refused'] += 1;
    }
    t.diagnostic(JSON.stringify(tally));
    assert.ok(tally['valid'].accepted === 300 && tally['small order'].refused === 8 &&
              tally['small order, sign bit flipped'].refused === 8 && tally['y >= p'].refused === 38);
    assert.ok(tally['with a torsion component'].refused > 300 && tally['with a torsion component'].accepted === 0);
    assert.ok(tally['random bytes'].accepted > 0 && tally['random bytes'].refused > 0);
});

test('the Ed25519 check agrees with is_valid_point on the Wycheproof keys, and the rows verify as listed', (t) => {
    const data = wycheproofFile('ed25519_test.json');
    let rows = 0;
    let invalid = 0;
    for (const group of data.testGroups) {
        const pk = hex(group.publicKey.pk);
        assert.equal(accepts(() => checkSigningPublicKey(pk)), sumo.crypto_core_ed25519_is_valid_point(pk));
        for (const row of group.tests) {
            const sig = hex(row.sig);
            const msg = hex(row.msg);
            let verdict;
            try {
                verifyDetached(pk, msg, sig);
                verdict = 'valid';
            } catch (error) {
                assert.ok(['BadSignature', 'InvalidLength'].includes(error.code), error.stack);
                verdict = 'invalid';
            }
            assert.equal(verdict, row.result, `tcId ${row.tcId} ${row.comment}`);
            ++rows;
            invalid += verdict === 'invalid' ? 1 : 0;
        }
    }
    assert.ok(rows > 100 && invalid > 0);
    t.diagnostic(`${rows} Ed25519 rows, ${invalid} invalid`);
});

test('X25519: Wycheproof rows, and the small-order check refuses exactly the all-zero results', (t) => {
    const data = wycheproofFile('x25519_test.json');
    const zero = '00'.repeat(32);
    let rows = 0;
    let refused = 0;
    for (const group of data.testGroups) {
        for (const row of group.tests) {
            const pub = hex(row.public);
            assert.equal(pub.length, 32);
            const ok = accepts(() => checkEncryptionPublicKey(pub));
            if (row.shared === zero) {
                assert.equal(ok, false, `tcId ${row.tcId} small order accepted`);
                ++refused;
            } else {
                assert.equal(ok, true, `tcId ${row.tcId} refused`);
                assert.equal(Buffer.from(sumo.crypto_scalarmult(hex(row.private), pub)).toString('hex'), row.shared);
            }
            ++rows;
        }
    }
    assert.ok(rows > 500 && refused > 5);
    t.diagnostic(`${rows} X25519 rows, ${refused} small-order public keys refused`);
});

test('XChaCha20-Poly1305: Wycheproof rows through the twin\'s AEAD', async (t) => {
    const { aeadDecrypt, aeadEncrypt } = await import('../../../crypto/js/aead.mjs');
    const data = wycheproofFile('xchacha20_poly1305_test.json');
    let valid = 0;
    let invalid = 0;
    for (const group of data.testGroups) {
        for (const row of group.tests) {
            const [key, iv, aad, msg, ct, tag] = [row.key, row.iv, row.aad, row.msg, row.ct, row.tag].map(hex);
            if (key.length !== 32 || iv.length !== 24 || tag.length !== 16) {
                throwsCode(() => aeadDecrypt(key, iv, aad, new Uint8Array([...ct, ...tag])),
                           key.length !== 32 ? 'InvalidKey' : 'InvalidLength');
                ++invalid;
                continue;
            }
            const sealed = new Uint8Array([...ct, ...tag]);
            if (row.result === 'valid') {
                assert.deepEqual(aeadEncrypt(key, iv, aad, msg), sealed, `tcId ${row.tcId}`);
                assert.deepEqual(aeadDecrypt(key, iv, aad, sealed), msg);
                ++valid;
            } else {
                throwsCode(() => aeadDecrypt(key, iv, aad, sealed), 'AuthenticationFailed', `tcId ${row.tcId}`);
                ++invalid;
            }
        }
    }
    assert.ok(valid > 200 && invalid > 50);
    t.diagnostic(`${valid} valid, ${invalid} invalid XChaCha20-Poly1305 rows`);
});

test('key ids and fingerprints', () => {
    const pair = encryptionKeyPairFromSecretKey(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'));
    const full = sumo.crypto_generichash(32, new Uint8Array([...utf8('lotse-keyid-v1'), ...pair.publicKey]), null);
    assert.deepEqual(keyId(pair.publicKey), full.slice(0, 16));
    assert.notDeepEqual(keyId(pair.publicKey), sumo.crypto_generichash(16, new Uint8Array([...utf8('lotse-keyid-v1'), ...pair.publicKey]), null));
    const fp = fingerprint(pair.publicKey);
    assert.match(fp, /^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    assert.equal(fp.replace(/ /g, '').toLowerCase(), Buffer.from(full.slice(0, 16)).toString('hex'));
});

test('generated keys pass the checks; wrong sizes are InvalidKey', () => {
    const enc = generateEncryptionKeyPair();
    const sig = generateSigningKeyPair();
    checkEncryptionPublicKey(enc.publicKey);
    checkSigningPublicKey(sig.publicKey);
    assert.deepEqual(encryptionKeyPairFromSecretKey(enc.secretKey).publicKey, enc.publicKey);
    assert.deepEqual(signingKeyPairFromSeed(sig.seed).publicKey, sig.publicKey);
    for (const n of [0, 31, 33, 64]) {
        throwsCode(() => checkEncryptionPublicKey(new Uint8Array(n).fill(9)), 'InvalidKey');
        throwsCode(() => checkSigningPublicKey(new Uint8Array(n).fill(9)), 'InvalidKey');
        throwsCode(() => encryptionKeyPairFromSecretKey(new Uint8Array(n)), 'InvalidKey');
        throwsCode(() => signingKeyPairFromSeed(new Uint8Array(n)), 'InvalidKey');
    }
    throwsCode(() => checkEncryptionPublicKey('not bytes'), 'InvalidKey');
});

test('detached signatures: every flipped bit, wrong key, wrong lengths', () => {
    const key = signingKeyPairFromSeed(new Uint8Array(32).fill(3));
    const msg = utf8('a message');
    const sig = signDetached(key, msg);
    verifyDetached(key.publicKey, msg, sig);
    for (let bit = 0; bit < 512; ++bit)
        throwsCode(() => verifyDetached(key.publicKey, msg, flipBit(sig, bit)), 'BadSignature', `bit ${bit}`);
    for (let bit = 0; bit < msg.length * 8; ++bit)
        throwsCode(() => verifyDetached(key.publicKey, flipBit(msg, bit), sig), 'BadSignature');
    throwsCode(() => verifyDetached(generateSigningKeyPair().publicKey, msg, sig), 'BadSignature');
    throwsCode(() => verifyDetached(key.publicKey, msg, sig.subarray(0, 63)), 'InvalidLength');
    throwsCode(() => verifyDetached(hex(torsion[4]), msg, sig), 'InvalidKey');
});
