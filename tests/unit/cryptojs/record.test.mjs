// Section 4 and 5: record envelope attacks and the replay window.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { init, keyId, generateEncryptionKeyPair, MaxRecordPlaintext, openRecord, peekRecord, RecordPurpose,
         ReplayGuard, sealRecord } from '../../../crypto/js/index.mjs';
import { sealRecordWithNonce } from '../../../crypto/js/testing.mjs';
import { flipBit, throwsCode, utf8 } from './helpers.mjs';

before(init);

const key = new Uint8Array(32).fill(0x42);
const sender = new Uint8Array(16).fill(0x17);
const ctx = { roomId: 'room-1', senderId: sender, purpose: RecordPurpose.ChatMessage, epoch: 3, sequence: 5n };
const opener = { roomId: 'room-1', senderId: sender, purpose: RecordPurpose.ChatMessage };

test('round trip, layout and lengths', () => {
    const pt = utf8('Hallo 👋');
    const env = sealRecord(key, ctx, pt);
    assert.equal(env.length, 54 + pt.length);
    assert.deepEqual([...env.subarray(0, 14)], [1, 1, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 5]);
    const opened = openRecord(key, opener, env);
    assert.deepEqual(opened.plaintext, pt);
    assert.equal(opened.epoch, 3);
    assert.equal(opened.sequence, 5n);
    assert.deepEqual(peekRecord(env), { purpose: 1, epoch: 3, sequence: 5n });
    assert.notDeepEqual(sealRecord(key, ctx, pt).subarray(14, 38), env.subarray(14, 38), 'nonces are random');
    const max = new Uint8Array(MaxRecordPlaintext);
    assert.equal(openRecord(key, opener, sealRecord(key, ctx, max)).plaintext.length, MaxRecordPlaintext);
    throwsCode(() => sealRecord(key, ctx, new Uint8Array(MaxRecordPlaintext + 1)), 'TooLarge');
    throwsCode(() => openRecord(key, opener, new Uint8Array(54 + MaxRecordPlaintext + 1).fill(1)), 'TooLarge');
});

test('a flipped bit anywhere is refused with the specific error, never plaintext', () => {
    const env = sealRecordWithNonce(key, ctx, utf8('secret text'), new Uint8Array(24).fill(1));
    const counts = {};
    for (let bit = 0; bit < env.length * 8; ++bit) {
        const byte = bit >> 3;
        const expected = byte === 0 ? 'UnsupportedVersion' : byte === 1 ? 'WrongPurpose' : 'AuthenticationFailed';
        const err = throwsCode(() => openRecord(key, opener, flipBit(env, bit)), expected, `bit ${bit}`);
        counts[err.code] = (counts[err.code] ?? 0) + 1;
    }
    assert.deepEqual(counts, { UnsupportedVersion: 8, WrongPurpose: 8, AuthenticationFailed: (env.length - 2) * 8 });
});

test('associated data binds room, sender, purpose, epoch and sequence', () => {
    const env = sealRecord(key, ctx, utf8('x'));
    throwsCode(() => openRecord(new Uint8Array(32).fill(0x43), opener, env), 'AuthenticationFailed');
    throwsCode(() => openRecord(key, { ...opener, roomId: 'room-2' }, env), 'AuthenticationFailed');
    throwsCode(() => openRecord(key, { ...opener, senderId: keyId(generateEncryptionKeyPair().publicKey) }, env), 'AuthenticationFailed');
    // Room id and sender swapped, or split differently across the two length-prefixed fields.
    throwsCode(() => openRecord(key, { ...opener, roomId: sender, senderId: utf8('room-1') }, env), 'AuthenticationFailed');
    const ab = sealRecord(key, { ...ctx, roomId: 'ab', senderId: utf8('c') }, utf8('x'));
    throwsCode(() => openRecord(key, { ...opener, roomId: 'a', senderId: utf8('bc') }, ab), 'AuthenticationFailed');
    throwsCode(() => openRecord(key, { ...opener, purpose: RecordPurpose.RoomControl }, env), 'WrongPurpose');
    const moved = Uint8Array.from(env);
    moved[1] = RecordPurpose.RoomControl;
    throwsCode(() => openRecord(key, { ...opener, purpose: RecordPurpose.RoomControl }, moved), 'AuthenticationFailed');
    const header = sealRecord(key, { ...ctx, epoch: 4, sequence: 9n }, utf8('y'));
    const spliced = new Uint8Array([...header.subarray(0, 14), ...env.subarray(14)]);
    throwsCode(() => openRecord(key, opener, spliced), 'AuthenticationFailed');
});

test('malformed lengths, versions, keys and ids, in FORMAT.md order', () => {
    const env = sealRecord(key, ctx, utf8('hello'));
    throwsCode(() => openRecord(key.subarray(0, 31), opener, new Uint8Array(0)), 'InvalidKey');
    throwsCode(() => openRecord(key, { ...opener, roomId: '' }, new Uint8Array(0)), 'InvalidLength');
    throwsCode(() => openRecord(key, { ...opener, roomId: 'r'.repeat(256) }, env), 'InvalidLength');
    throwsCode(() => openRecord(key, { ...opener, senderId: new Uint8Array(256) }, env), 'InvalidLength');
    throwsCode(() => openRecord(key, opener, new Uint8Array(0)), 'InvalidLength');
    throwsCode(() => openRecord(key, opener, Uint8Array.of(2)), 'UnsupportedVersion');
    throwsCode(() => openRecord(key, opener, env.subarray(0, 53)), 'InvalidLength');
    throwsCode(() => openRecord(key, opener, Uint8Array.of(1)), 'InvalidLength');
    for (let n = 1; n < env.length; ++n)
        throwsCode(() => openRecord(key, opener, env.subarray(0, n)), n < 54 ? 'InvalidLength' : 'AuthenticationFailed');
    throwsCode(() => openRecord(key, opener, new Uint8Array([...env, 0])), 'AuthenticationFailed');
    throwsCode(() => sealRecord(key.subarray(1), ctx, utf8('x')), 'InvalidKey');
    throwsCode(() => sealRecord(key, { ...ctx, epoch: 2 ** 32 }, utf8('x')), 'InvalidLength');
    throwsCode(() => sealRecord(key, { ...ctx, sequence: -1 }, utf8('x')), 'InvalidLength');
    throwsCode(() => sealRecord(key, { ...ctx, sequence: 1n << 64n }, utf8('x')), 'InvalidLength');
    throwsCode(() => sealRecord(key, { ...ctx, roomId: '\ud800' }, utf8('x')), 'InvalidLength');
    throwsCode(() => sealRecordWithNonce(key, ctx, utf8('x'), new Uint8Array(23)), 'InvalidLength');
});

test('replayed records are refused; the window only moves for authentic records', () => {
    const guard = new ReplayGuard();
    const seal = (sequence, epoch = 1, senderId = sender) => sealRecord(key, { ...ctx, epoch, sequence, senderId }, utf8(`m${sequence}`));
    const open = (env, senderId = sender) => openRecord(key, { ...opener, senderId }, env, guard);
    const first = seal(0n);
    assert.deepEqual(open(first).plaintext, utf8('m0'));
    throwsCode(() => open(first), 'Replayed');
    throwsCode(() => open(seal(0n)), 'Replayed', 'same sequence, fresh nonce');
    open(seal(2n));
    open(seal(1n));
    throwsCode(() => open(seal(1n)), 'Replayed');
    const forged = flipBit(seal(3n), 8 * 40);
    throwsCode(() => open(forged), 'AuthenticationFailed');
    open(seal(3n)); // the forgery did not burn sequence 3
    open(seal(1026n));
    open(seal(4n)); // 1022 below the highest: inside the window, new
    throwsCode(() => open(seal(3n)), 'Replayed'); // 1023 below: inside the window, seen
    throwsCode(() => open(seal(2n)), 'OutOfOrder'); // 1024 below
    throwsCode(() => open(seal(1026n)), 'Replayed');
    open(seal(0n, 2)); // another epoch has its own window
    const other = keyId(generateEncryptionKeyPair().publicKey);
    open(seal(0n, 1, other), other); // and so has another sender
    throwsCode(() => open(seal(0n, 1, other), other), 'Replayed');
    guard.forgetEpoch(1);
    open(seal(0n)); // a forgotten epoch starts afresh
    // Purpose is checked before the window (FORMAT.md section 4 order).
    throwsCode(() => openRecord(key, { ...opener, purpose: 2 }, seal(0n, 2), guard), 'WrongPurpose');
});

test('replay window at u64 limits and after big jumps', () => {
    const guard = new ReplayGuard();
    const top = (1n << 64n) - 1n;
    guard.accept(1, sender, 5n);
    guard.accept(1, sender, 5n + 5000n);
    guard.check(1, sender, 5n + 5000n - 1023n);
    throwsCode(() => guard.check(1, sender, 5n + 5000n - 1024n), 'OutOfOrder');
    throwsCode(() => guard.check(1, sender, 5n), 'OutOfOrder');
    guard.accept(1, sender, top);
    throwsCode(() => guard.check(1, sender, top), 'Replayed');
    guard.check(1, sender, top - 1n);
    throwsCode(() => guard.check(1, sender, top - 1024n), 'OutOfOrder');
    throwsCode(() => guard.check(1, sender, 1n << 64n), 'InvalidLength');
});
