// Section 6: sealed envelope (multi-recipient) attacks.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { generateEncryptionKeyPair, init, keyId, openSealed, sealContext, SealPurpose, sealedRecipientKeyIds,
         sealToRecipients } from '../../../crypto/js/index.mjs';
import { flipBit, hex, throwsCode, utf8 } from './helpers.mjs';

before(init);

test('every recipient opens; layout and lengths', () => {
    const devices = [generateEncryptionKeyPair(), generateEncryptionKeyPair(), generateEncryptionKeyPair()];
    const payload = utf8('{"name":"Olena"}');
    const context = sealContext.booking('bk-1');
    assert.equal(context, 'booking:bk-1');
    const env = sealToRecipients(devices.map((d) => d.publicKey), SealPurpose.BookingFields, context, payload);
    assert.equal(env.length, 43 + 96 * 3 + payload.length);
    assert.deepEqual([...env.subarray(0, 3)], [1, 1, 3]);
    assert.deepEqual(sealedRecipientKeyIds(env), devices.map((d) => keyId(d.publicKey)));
    for (const d of devices) {
        assert.deepEqual(openSealed(d, SealPurpose.BookingFields, context, env), payload);
        assert.deepEqual(openSealed(d.secretKey, SealPurpose.BookingFields, utf8(context), env), payload);
    }
    throwsCode(() => openSealed(generateEncryptionKeyPair(), SealPurpose.BookingFields, context, env), 'NotARecipient');
    assert.equal(sealContext.roomKey('r-1', 4), 'room:r-1:4');
    assert.equal(sealContext.keyTransfer(hex('00ff')), 'device:00ff');
});

test('a flipped bit anywhere fails for the opener with the specific error', () => {
    const [a, b] = [generateEncryptionKeyPair(), generateEncryptionKeyPair()];
    const env = sealToRecipients([a.publicKey, b.publicKey], SealPurpose.RoomKey, 'room:r:1', utf8('room key bytes'));
    const counts = {};
    for (let bit = 0; bit < env.length * 8; ++bit) {
        const byte = bit >> 3;
        let expected = 'AuthenticationFailed';
        if (byte === 0)
            expected = 'UnsupportedVersion';
        else if (byte === 1)
            expected = 'WrongPurpose';
        else if (byte === 2)
            expected = (env[2] ^ (1 << (bit & 7))) > 64 ? 'TooLarge' : 'InvalidLength'; // table cut short or too long
        else if (byte >= 3 + 96 && byte < 3 + 96 + 16)
            expected = 'NotARecipient'; // b's own key id changed: b is no longer listed
        let err;
        try {
            openSealed(b, SealPurpose.RoomKey, 'room:r:1', flipBit(env, bit));
        } catch (error) {
            err = error;
        }
        assert.ok(err, `bit ${bit} opened`);
        assert.equal(err.code, expected, `bit ${bit}`);
        counts[err.code] = (counts[err.code] ?? 0) + 1;
    }
    assert.equal(counts.NotARecipient, 128);
    assert.ok(counts.AuthenticationFailed > 100 * 8);
});

test('recipient table attacks: swapped, dropped, duplicated, foreign sealed key', () => {
    const [a, b, c] = [generateEncryptionKeyPair(), generateEncryptionKeyPair(), generateEncryptionKeyPair()];
    const env = sealToRecipients([a, b, c].map((k) => k.publicKey), SealPurpose.BookingFields, 'booking:x', utf8('p'));
    const entry = (i) => env.subarray(3 + 96 * i, 3 + 96 * (i + 1));
    const tail = env.subarray(3 + 96 * 3);
    const swapped = new Uint8Array([...env.subarray(0, 3), ...entry(1), ...entry(0), ...entry(2), ...tail]);
    for (const k of [a, b, c])
        throwsCode(() => openSealed(k, SealPurpose.BookingFields, 'booking:x', swapped), 'AuthenticationFailed');
    const dropped = new Uint8Array([1, 1, 2, ...entry(0), ...entry(1), ...tail]);
    throwsCode(() => openSealed(a, SealPurpose.BookingFields, 'booking:x', dropped), 'AuthenticationFailed');
    throwsCode(() => openSealed(c, SealPurpose.BookingFields, 'booking:x', dropped), 'NotARecipient');
    const dup = new Uint8Array([...env.subarray(0, 3), ...entry(0), ...entry(0), ...entry(2), ...tail]);
    throwsCode(() => openSealed(c, SealPurpose.BookingFields, 'booking:x', dup), 'MalformedInput');
    // Another envelope's sealed content key under c's id: the box opens, the payload does not.
    const other = sealToRecipients([c.publicKey], SealPurpose.BookingFields, 'booking:x', utf8('q'));
    const foreign = Uint8Array.from(env);
    foreign.set(other.subarray(3 + 16, 3 + 96), 3 + 96 * 2 + 16);
    throwsCode(() => openSealed(c, SealPurpose.BookingFields, 'booking:x', foreign), 'AuthenticationFailed');
    throwsCode(() => openSealed(c, SealPurpose.BookingFields, 'booking:y', env), 'AuthenticationFailed');
    throwsCode(() => openSealed(c, SealPurpose.RoomKey, 'booking:x', env), 'WrongPurpose');
});

test('malformed lengths and versions', () => {
    const a = generateEncryptionKeyPair();
    const env = sealToRecipients([a.publicKey], SealPurpose.RoomKey, '', new Uint8Array(0));
    assert.equal(env.length, 43 + 96);
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, 'c'.repeat(256), env), 'InvalidLength');
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', new Uint8Array(0)), 'InvalidLength');
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', Uint8Array.of(2, 2, 1)), 'UnsupportedVersion');
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', Uint8Array.of(1, 2)), 'InvalidLength');
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', Uint8Array.of(1, 2, 0)), 'InvalidLength');
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', Uint8Array.of(1, 2, 65)), 'TooLarge');
    for (let n = 1; n < env.length; ++n) {
        const expected = n < 3 ? 'InvalidLength' : n < 3 + 96 ? 'InvalidLength' : n < 3 + 96 + 40 ? 'InvalidLength' : 'AuthenticationFailed';
        throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', env.subarray(0, n)), expected, `length ${n}`);
    }
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', new Uint8Array([...env, 0])), 'AuthenticationFailed');
    const big = new Uint8Array(3 + 96 + 24 + 1048576 + 17);
    big.set(env.subarray(0, 99));
    throwsCode(() => openSealed(a, SealPurpose.RoomKey, '', big), 'TooLarge');
});

test('sealing refuses bad recipient lists, keys and sizes', () => {
    const keys = Array.from({ length: 65 }, () => generateEncryptionKeyPair().publicKey);
    assert.equal(sealedRecipientKeyIds(sealToRecipients(keys.slice(0, 64), 1, '', utf8('x'))).length, 64);
    throwsCode(() => sealToRecipients(keys, 1, '', utf8('x')), 'TooLarge');
    throwsCode(() => sealToRecipients([], 1, '', utf8('x')), 'InvalidLength');
    throwsCode(() => sealToRecipients([keys[0], keys[1], keys[0]], 1, '', utf8('x')), 'InvalidKey');
    throwsCode(() => sealToRecipients([keys[0], new Uint8Array(32)], 1, '', utf8('x')), 'InvalidKey');
    throwsCode(() => sealToRecipients([keys[0].subarray(1)], 1, '', utf8('x')), 'InvalidKey');
    throwsCode(() => sealToRecipients([keys[0]], 1, 'c'.repeat(256), utf8('x')), 'InvalidLength');
    throwsCode(() => sealToRecipients([keys[0]], 1, '', new Uint8Array(1048577)), 'TooLarge');
    const max = sealToRecipients([keys[0]], 1, 'c'.repeat(255), new Uint8Array(1048576));
    assert.equal(max.length, 43 + 96 + 1048576);
});
