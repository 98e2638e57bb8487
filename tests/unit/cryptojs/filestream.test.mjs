// Section 7: file stream writer/reader, incremental, and the stream attacks.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { createFileStreamWriter, decryptFile, encryptFile, FileStreamReader, FileStreamWriter, init } from '../../../crypto/js/index.mjs';
import { createFileStreamWriterWithHeader } from '../../../crypto/js/testing.mjs';
import { flipBit, throwsCode, utf8 } from './helpers.mjs';

before(init);

const key = new Uint8Array(32).fill(0x21);
const fileId = 'file-1';
const patterned = (n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);

// A tiny deterministic generator for piece sizes.
function* pieces(total, seed) {
    let x = seed;
    let at = 0;
    while (at < total) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        const n = Math.min(total - at, x % 3000);
        yield [at, at + n];
        at += n;
    }
}

function readAll(stream, pieceSeed) {
    const reader = new FileStreamReader(key, fileId);
    const out = [];
    for (const [from, to] of pieces(stream.length, pieceSeed))
        out.push(...reader.push(stream.subarray(from, to)));
    reader.finish();
    return Uint8Array.from(out);
}

test('round trips for sizes around chunk boundaries, written and read in random pieces', () => {
    for (const size of [0, 1, 1023, 1024, 1025, 2048, 4097, 10000]) {
        const pt = patterned(size);
        const whole = encryptFile(key, fileId, pt, 1024);
        const n = Math.max(1, Math.ceil(size / 1024));
        assert.equal(whole.length, 38 + utf8(fileId).length + 21 * n + size, `size ${size}`);
        assert.deepEqual(decryptFile(key, fileId, whole), pt);
        const writer = createFileStreamWriter(key, fileId, size, 1024);
        const parts = [writer.header];
        for (const [from, to] of pieces(size, size + 1))
            parts.push(writer.push(pt.subarray(from, to)));
        parts.push(writer.finish());
        const stream = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
        let o = 0;
        for (const p of parts) {
            stream.set(p, o);
            o += p.length;
        }
        assert.equal(stream.length, whole.length);
        assert.deepEqual(readAll(stream, 99), pt);
        assert.deepEqual(readAll(stream, 5), pt);
    }
    const big = patterned(200000);
    assert.deepEqual(decryptFile(key, fileId, encryptFile(key, fileId, big)), big);
});

test('the incremental reader returns only authenticated chunks, and errors are final', () => {
    const pt = patterned(3000);
    const stream = encryptFile(key, fileId, pt, 1024);
    const h = 14 + 6 + 24;
    const full = 4 + 1024 + 17;
    const reader = new FileStreamReader(key, fileId);
    assert.equal(reader.push(stream.subarray(0, h + full - 1)).length, 0, 'nothing before chunk 0 is complete');
    assert.deepEqual(reader.push(stream.subarray(h + full - 1, h + full)), pt.subarray(0, 1024));
    const tampered = flipBit(stream.subarray(h + full, h + 2 * full), 8 * 100);
    const err = throwsCode(() => reader.push(tampered), 'AuthenticationFailed');
    throwsCode(() => reader.push(stream.subarray(h + full)), 'AuthenticationFailed');
    const again = throwsCode(() => reader.finish(), 'AuthenticationFailed');
    assert.equal(again, err, 'the same error, every time');
});

test('truncation at every length is Truncated; trailing data is TrailingData', () => {
    const stream = encryptFile(key, fileId, patterned(2100), 1024);
    for (let n = 0; n < stream.length; ++n)
        throwsCode(() => decryptFile(key, fileId, stream.subarray(0, n)), 'Truncated', `length ${n}`);
    throwsCode(() => decryptFile(key, fileId, new Uint8Array([...stream, 0])), 'TrailingData');
    const reader = new FileStreamReader(key, fileId);
    reader.push(stream);
    reader.finish();
    throwsCode(() => reader.push(Uint8Array.of(1)), 'TrailingData');
    throwsCode(() => reader.finish(), 'TrailingData');
});

test('a flipped bit anywhere is refused; header bits with their specific errors', () => {
    const stream = encryptFile(key, fileId, patterned(1500), 1024);
    const counts = {};
    for (let bit = 0; bit < stream.length * 8; ++bit) {
        let err;
        try {
            decryptFile(key, fileId, flipBit(stream, bit));
        } catch (error) {
            err = error;
        }
        assert.ok(err, `bit ${bit} decrypted`);
        counts[err.code] = (counts[err.code] ?? 0) + 1;
    }
    // version 8 bits; chunk size/total size/id length/id bits give InvalidLength, TooLarge,
    // WrongPurpose, OutOfOrder/Replayed (index bits) or AuthenticationFailed; nothing decrypts.
    assert.equal(counts.UnsupportedVersion, 8);
    assert.equal(counts.WrongPurpose, 7 * 8); // the file id and its length byte
    assert.ok(counts.AuthenticationFailed > 1500 * 8);
    assert.ok(counts.OutOfOrder > 0 && counts.InvalidLength > 0 && counts.TooLarge > 0);
});

test('reordered, duplicated, dropped and relabelled chunks; missing final tag', () => {
    const pt = patterned(3000);
    const stream = encryptFile(key, fileId, pt, 1024);
    const h = 44;
    const full = 1045;
    const [head, c0, c1, c2] = [stream.subarray(0, h), stream.subarray(h, h + full), stream.subarray(h + full, h + 2 * full),
                                stream.subarray(h + 2 * full)];
    const join = (...parts) => new Uint8Array(parts.flatMap((p) => [...p]));
    throwsCode(() => decryptFile(key, fileId, join(head, c1, c0, c2)), 'OutOfOrder');
    throwsCode(() => decryptFile(key, fileId, join(head, c0, c2)), 'OutOfOrder');
    throwsCode(() => decryptFile(key, fileId, join(head, c0, c0, c1, c2)), 'Replayed');
    throwsCode(() => decryptFile(key, fileId, join(head, c0, c1)), 'Truncated');
    throwsCode(() => decryptFile(key, fileId, join(head, c0, c1, c2, c2)), 'TrailingData');
    const relabelled = Uint8Array.from(c1);
    relabelled.set([0, 0, 0, 0]);
    throwsCode(() => decryptFile(key, fileId, join(head, relabelled)), 'AuthenticationFailed');
    const header = new Uint8Array(24).fill(5);
    const noFinal = createFileStreamWriterWithHeader(key, fileId, 3000, 1024, header, { omitFinalTag: true });
    throwsCode(() => decryptFile(key, fileId, join(noFinal.header, noFinal.push(pt), noFinal.finish())), 'Truncated');
    // A stream of another file, under another key, or with a different declared size.
    throwsCode(() => decryptFile(key, 'file-2', stream), 'WrongPurpose');
    throwsCode(() => decryptFile(new Uint8Array(32), fileId, stream), 'AuthenticationFailed');
    throwsCode(() => decryptFile(key.subarray(1), fileId, stream), 'InvalidKey');
    const resized = Uint8Array.from(stream);
    resized[12] ^= 1;
    throwsCode(() => decryptFile(key, fileId, resized), 'AuthenticationFailed');
    // Two streams of the same file spliced: chunk 1 from another stream.
    const other = encryptFile(key, fileId, pt, 1024);
    throwsCode(() => decryptFile(key, fileId, join(head, c0, other.subarray(h + full, h + 2 * full), c2)), 'AuthenticationFailed');
});

test('malformed headers and writer misuse', () => {
    const stream = encryptFile(key, fileId, patterned(10), 1024);
    const edit = (at, bytes) => { const s = Uint8Array.from(stream); s.set(bytes, at); return s; };
    throwsCode(() => decryptFile(key, fileId, edit(0, [2])), 'UnsupportedVersion');
    throwsCode(() => decryptFile(key, fileId, Uint8Array.of(0)), 'UnsupportedVersion');
    throwsCode(() => decryptFile(key, fileId, edit(1, [0, 0, 3, 255])), 'InvalidLength');
    throwsCode(() => decryptFile(key, fileId, edit(1, [0, 0x40, 0, 1])), 'InvalidLength');
    throwsCode(() => decryptFile(key, fileId, edit(13, [0])), 'InvalidLength');
    throwsCode(() => decryptFile(key, fileId, edit(5, [0, 0, 1, 0, 0, 0, 0, 1])), 'TooLarge');
    throwsCode(() => createFileStreamWriter(key, fileId, 2 ** 40 + 1), 'TooLarge');
    createFileStreamWriter(key, fileId, 2 ** 40);
    throwsCode(() => createFileStreamWriter(key, fileId, 10, 1023), 'InvalidLength');
    throwsCode(() => createFileStreamWriter(key, fileId, 10, 4194305), 'InvalidLength');
    throwsCode(() => createFileStreamWriter(key, '', 10), 'InvalidLength');
    throwsCode(() => createFileStreamWriter(key, 'x'.repeat(256), 10), 'InvalidLength');
    throwsCode(() => createFileStreamWriter(key.subarray(1), fileId, 10), 'InvalidKey');
    const w = createFileStreamWriter(key, fileId, 10, 1024);
    w.push(patterned(4));
    throwsCode(() => w.push(patterned(7)), 'TooLarge');
    throwsCode(() => w.finish(), 'InvalidLength');
    w.push(patterned(6));
    w.finish();
    throwsCode(() => w.finish(), 'MalformedInput');
    throwsCode(() => w.push(new Uint8Array(0)), 'MalformedInput');
    throwsCode(() => new FileStreamWriter(key, fileId, 10, 1024, new Uint8Array(24)), 'MalformedInput');
    const badReader = new FileStreamReader(key.subarray(2), fileId);
    throwsCode(() => badReader.push(stream), 'InvalidKey');
});
