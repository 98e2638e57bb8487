// Cross-check 1: the browser twin verifies every golden vector file the C++ library wrote
// (tests/data/crypto/*.json, all kinds, negative vectors included); and its own files.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { documentText, generateAll, kinds, Producer, verifyDocument } from '../../../crypto/js/tools/vectors.mjs';
import { loadSumo } from '../../../crypto/js/tools/pwhash-sumo.mjs';
import { cppVectorDir, jsVectorDir, readJson, vectorFiles } from './helpers.mjs';

const allKinds = kinds.map(([kind]) => kind);

async function verifyDir(dir, producerCheck) {
    const sumo = await loadSumo();
    const perKind = {};
    for (const file of vectorFiles(dir)) {
        const doc = readJson(file);
        producerCheck(doc.producer, file);
        const report = await verifyDocument(doc, { sumo });
        assert.deepEqual(report.failures, [], `${file}`);
        assert.ok(report.checked > 0, `${file} has no vectors`);
        assert.equal(report.checked, doc.vectors.length);
        const k = (perKind[doc.kind] ??= { vectors: 0, ok: 0, negative: 0 });
        k.vectors += report.checked;
        k.ok += report.expects.ok ?? 0;
        k.negative += report.checked - (report.expects.ok ?? 0);
        // Replay vectors hold their negative cases in `expects`.
        for (const v of doc.vectors)
            k.negative += (v.expects ?? []).filter((e) => e !== 'ok').length;
    }
    return perKind;
}

test('every C++ golden vector file verifies in the browser twin', async (t) => {
    const perKind = await verifyDir(cppVectorDir, (producer, file) =>
        assert.ok(!String(producer).startsWith('lotse-crypto-js'), `${file} should come from the C++ tool`));
    for (const kind of allKinds) {
        assert.ok(perKind[kind], `no C++ vector file of kind ${kind}`);
        assert.ok(perKind[kind].vectors > 0, `no C++ vectors of kind ${kind}`);
        if (kind !== 'keys') // the C++ keys file has positive vectors only
            assert.ok(perKind[kind].negative > 0, `no negative C++ vectors of kind ${kind}`);
        t.diagnostic(`C++ ${kind}: ${perKind[kind].vectors} vectors (${perKind[kind].negative} negative)`);
    }
});

test('the committed JS vector files verify, cover every kind and carry the JS producer', async (t) => {
    const perKind = await verifyDir(jsVectorDir, (producer, file) => assert.equal(producer, Producer, file));
    for (const kind of allKinds) {
        assert.ok(perKind[kind] && perKind[kind].vectors > 0, `no JS vectors of kind ${kind}`);
        assert.ok(perKind[kind].negative > 0, `no negative JS vectors of kind ${kind}`);
        t.diagnostic(`JS ${kind}: ${perKind[kind].vectors} vectors (${perKind[kind].negative} negative)`);
    }
});

test('the generator is deterministic and matches the committed files', async () => {
    const first = await generateAll();
    const second = await generateAll();
    assert.equal(first.length, allKinds.length);
    for (let i = 0; i < first.length; ++i) {
        const text = documentText(first[i].document);
        assert.equal(text, documentText(second[i].document), `${first[i].fileName} differs between runs`);
        assert.equal(text, readFileSync(join(jsVectorDir, first[i].fileName), 'utf8'),
                     `tests/data/crypto/js/${first[i].fileName} is stale: run node crypto/js/tools/vectors.mjs generate tests/data/crypto/js`);
    }
});

test('the vector tool CLI writes and verifies files', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'lotse-cryptojs-'));
    try {
        const tool = new URL('../../../crypto/js/tools/vectors.mjs', import.meta.url).pathname;
        const gen = spawnSync(process.execPath, [tool, 'generate', dir], { encoding: 'utf8' });
        assert.equal(gen.status, 0, gen.stderr);
        const files = vectorFiles(dir);
        assert.equal(files.length, allKinds.length);
        const ver = spawnSync(process.execPath, [tool, 'verify', ...files], { encoding: 'utf8' });
        assert.equal(ver.status, 0, ver.stderr);
        // A tampered file fails verification.
        const doc = readJson(join(dir, 'record.json'));
        doc.vectors[0].plaintext = `00${doc.vectors[0].plaintext.slice(2)}`;
        const bad = join(dir, 'bad.json');
        (await import('node:fs')).writeFileSync(bad, JSON.stringify(doc));
        const fail = spawnSync(process.execPath, [tool, 'verify', bad], { encoding: 'utf8' });
        assert.equal(fail.status, 1);
        assert.match(fail.stderr, /FAIL record\//);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

test('the verifier notices wrong expectations, unknown kinds and empty files', async () => {
    const doc = readJson(join(cppVectorDir, 'record.json'));
    const negative = doc.vectors.findIndex((v) => v.expect !== 'ok');
    const changed = structuredClone(doc);
    changed.vectors[negative].expect = changed.vectors[negative].expect === 'InvalidKey' ? 'InvalidLength' : 'InvalidKey';
    changed.vectors[0].expect = 'AuthenticationFailed';
    const report = await verifyDocument(changed);
    assert.equal(report.failures.length, 2);
    assert.equal((await verifyDocument({ ...doc, kind: 'nonsense' })).failures.length, 1);
    assert.equal((await verifyDocument({ ...doc, vectors: [] })).failures.length, 1);
    assert.equal((await verifyDocument({ ...doc, format: 'v0' })).failures.length, 1);
    const unknownError = structuredClone(doc);
    unknownError.vectors[negative].expect = 'Oops';
    assert.equal((await verifyDocument(unknownError)).failures.length, 1);
});

test('the worked example in FORMAT.md\'s appendix decrypts by hand with another binding (sumo)', async () => {
    const sumo = await loadSumo();
    const format = readFileSync(join(cppVectorDir, '../../../crypto/FORMAT.md'), 'utf8');
    const appendix = format.slice(format.indexOf('## Appendix'));
    assert.ok(appendix.length > 100, 'FORMAT.md has no appendix');
    const hexOf = (re) => {
        const m = appendix.match(re);
        assert.ok(m, `appendix lacks ${re}`);
        return Uint8Array.from(m[1].match(/../g), (b) => parseInt(b, 16));
    };
    const key = hexOf(/key `([0-9a-f]{64})`/);
    const ad = hexOf(/AD \(hex\)\s+([0-9a-f]+)/);
    const nonce = hexOf(/envelope\[14\.\.38\)\s+([0-9a-f]{48})/);
    const plaintext = hexOf(/plaintext `([0-9a-f]+)`/);
    const vector = readJson(join(cppVectorDir, 'record.json')).vectors.find((v) => v.name === 'chat message');
    assert.ok(vector, 'record.json has no "chat message" vector');
    const envelope = Uint8Array.from(vector.envelope.match(/../g), (b) => parseInt(b, 16));
    assert.deepEqual(envelope.subarray(14, 38), nonce);
    // AD = "lotse-record-v1" || envelope[0..14) || short(roomId) || short(senderId), built here by hand.
    const enc = new TextEncoder();
    const room = enc.encode(vector.roomId);
    const sender = Uint8Array.from(vector.senderId.match(/../g), (b) => parseInt(b, 16));
    const handAd = new Uint8Array([...enc.encode('lotse-record-v1'), ...envelope.subarray(0, 14), room.length, ...room, sender.length, ...sender]);
    assert.deepEqual(handAd, ad);
    assert.deepEqual(sumo.crypto_aead_xchacha20poly1305_ietf_decrypt(null, envelope.subarray(38), ad, nonce, key), plaintext);
});
