// FORMAT.md §18, the call frames of server-stub/web/js/callcrypto.mjs: layout, round trip, what a
// tampered frame or a wrong key does, and that no IV repeats under one key.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import * as lotse from '../../../crypto/js/index.mjs';
import { clearHeaderBytes, FrameCrypter, FrameKind, FrameOverhead, frameEncryptionSupport } from '../../../server-stub/web/js/callcrypto.mjs';

let roomKey;
let frameKey;
before(async () => {
    await lotse.init();
    roomKey = crypto.getRandomValues(new Uint8Array(32));
    frameKey = lotse.videoFrameKey(roomKey);
});

async function pair(epoch = 3) {
    const sender = new FrameCrypter();
    const receiver = new FrameCrypter();
    await sender.setKey(epoch, frameKey);
    await receiver.setKey(epoch, frameKey, { send: false });
    return { sender, receiver };
}

function frame(length, first = 0x9d) {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    bytes[0] = first;
    return bytes;
}

test('a VP8 key frame keeps 10 bytes in clear, a delta frame 3, Opus 1; the rest is sealed', async () => {
    const { sender, receiver } = await pair(258);
    for (const [kind, keyFrame, h] of [[FrameKind.Video, true, 10], [FrameKind.Video, false, 3], [FrameKind.Audio, false, 1]]) {
        const plain = frame(1200);
        const sealed = await sender.encryptFrame(kind, plain.buffer, keyFrame);
        assert.equal(sealed.length, plain.length + FrameOverhead);
        assert.deepEqual(sealed.subarray(0, h), plain.subarray(0, h), 'header in clear');
        assert.notDeepEqual(sealed.subarray(h, h + 64), plain.subarray(h, h + 64), 'payload not in clear');
        assert.equal(sealed[sealed.length - 2], h);
        assert.equal(sealed[sealed.length - 1], 258 % 256, 'key id = epoch mod 256');
        assert.deepEqual(await receiver.decryptFrame(kind, sealed), plain);
    }
    assert.equal(receiver.stats.decrypted, 3);
    assert.equal(receiver.stats.decryptFailures, 0);
    assert.equal(clearHeaderBytes(FrameKind.Video, true, 4), 4, 'a short frame keeps its length');
    const tiny = await sender.encryptFrame(FrameKind.Video, new Uint8Array([1, 2]), true);
    assert.deepEqual(await receiver.decryptFrame(FrameKind.Video, tiny), new Uint8Array([1, 2]));
    assert.deepEqual(await sender.encryptFrame(FrameKind.Audio, new Uint8Array(0), false), new Uint8Array(0), 'empty passes');
});

test('a flipped bit anywhere, another kind, another key or a truncated frame fails and is counted', async () => {
    const { sender, receiver } = await pair();
    const plain = frame(300);
    const sealed = await sender.encryptFrame(FrameKind.Video, plain, true);
    let failures = 0;
    for (let i = 0; i < sealed.length; ++i) {
        const tampered = sealed.slice();
        tampered[i] ^= 0x01;
        assert.equal(await receiver.decryptFrame(FrameKind.Video, tampered), null, `bit flipped at byte ${i}`);
        ++failures;
    }
    assert.equal(await receiver.decryptFrame(FrameKind.Audio, sealed), null, 'video frame opened as audio');
    assert.equal(await receiver.decryptFrame(FrameKind.Video, sealed.subarray(0, FrameOverhead - 1)), null, 'too short');
    failures += 2;

    const stranger = new FrameCrypter();
    await stranger.setKey(3, lotse.videoFrameKey(crypto.getRandomValues(new Uint8Array(32))), { send: false });
    assert.equal(await stranger.decryptFrame(FrameKind.Video, sealed), null, 'wrong room key');
    const otherEpoch = new FrameCrypter();
    await otherEpoch.setKey(4, frameKey, { send: false });
    assert.equal(await otherEpoch.decryptFrame(FrameKind.Video, sealed), null, 'no key for that key id');
    assert.equal(stranger.stats.decryptFailures, 1);
    assert.equal(otherEpoch.stats.decryptFailures, 1);
    assert.equal(receiver.stats.decryptFailures, failures);
    assert.deepEqual(await receiver.decryptFrame(FrameKind.Video, sealed), plain, 'the original still opens');
});

test('IVs never repeat under one key: salt per key, one counter for all tracks; a new key draws a new salt', async () => {
    const { sender } = await pair(7);
    const seen = new Set();
    let salt = null;
    for (let i = 0; i < 2000; ++i) {
        const kind = i % 3 === 0 ? FrameKind.Audio : FrameKind.Video;
        const sealed = await sender.encryptFrame(kind, frame(40), i % 50 === 0);
        const iv = sealed.subarray(sealed.length - 14, sealed.length - 2);
        const ivHex = Buffer.from(iv).toString('hex');
        assert.ok(!seen.has(ivHex), `IV repeated at frame ${i}`);
        seen.add(ivHex);
        salt ??= ivHex.slice(0, 8);
        assert.equal(ivHex.slice(0, 8), salt, 'one salt per key');
        assert.equal(Buffer.from(iv.subarray(4)).readBigUInt64BE(), BigInt(i), 'counter counts frames of all tracks');
    }
    await sender.setKey(8, lotse.videoFrameKey(crypto.getRandomValues(new Uint8Array(32))));
    const next = await sender.encryptFrame(FrameKind.Video, frame(40), false);
    assert.equal(next[next.length - 1], 8);
    assert.equal(Buffer.from(next.subarray(next.length - 10, next.length - 2)).readBigUInt64BE(), 0n, 'counter restarts with the key');
});

test('during a key change the receiver opens frames of the old and the new epoch by key id', async () => {
    const { sender, receiver } = await pair(1);
    const old = await sender.encryptFrame(FrameKind.Audio, frame(80), false);
    const newKey = lotse.videoFrameKey(crypto.getRandomValues(new Uint8Array(32)));
    await sender.setKey(2, newKey);
    await receiver.setKey(2, newKey, { send: false });
    const fresh = await sender.encryptFrame(FrameKind.Audio, frame(80), false);
    assert.notEqual(await receiver.decryptFrame(FrameKind.Audio, fresh), null);
    assert.notEqual(await receiver.decryptFrame(FrameKind.Audio, old), null);
    receiver.forgetKey(1);
    assert.equal(await receiver.decryptFrame(FrameKind.Audio, old), null, 'a forgotten epoch no longer opens');
});

test('without either WebRTC frame API the page refuses to encrypt calls', () => {
    assert.equal(frameEncryptionSupport({}), null);
    assert.equal(frameEncryptionSupport({ RTCRtpScriptTransform: function RTCRtpScriptTransform() {} }), 'script-transform');
    function Sender() {}
    Sender.prototype.createEncodedStreams = () => {};
    assert.equal(frameEncryptionSupport({ RTCRtpSender: Sender }), 'encoded-streams');
});
