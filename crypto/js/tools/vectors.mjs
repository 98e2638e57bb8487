#!/usr/bin/env node
// Golden vector files of FORMAT.md section 16, from the browser twin.
//   node crypto/js/tools/vectors.mjs generate DIR    writes every kind's file (deterministic)
//   node crypto/js/tools/vectors.mjs verify FILE...  checks files (the C++ tool's or ours)
// Node-only (fs); the library it drives runs unchanged in browsers.
import './node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import { init, lib } from '../sodium.mjs';
import { errorNames, LotseCryptoError } from '../errors.mjs';
import { ascii, concat, equalBytes, fromHex, toHex, u32, u64, u8, short } from '../bytes.mjs';
import { fromBase64Url, toBase64Url } from '../base64url.mjs';
import { canonicalize, canonicalizeToString, serialize, stringify } from '../canonicaljson.mjs';
import { checkSigningPublicKey, encryptionKeyPairFromSecretKey, fingerprint, keyId, signDetached,
         signingKeyPairFromSeed } from '../keys.mjs';
import { openRecord, RecordPurpose } from '../record.mjs';
import { ReplayGuard } from '../replay.mjs';
import { openSealed, SealPurpose, sealedRecipientKeyIds } from '../sealed.mjs';
import { decryptFile, FileStreamReader } from '../filestream.mjs';
import { signCanonicalJson, signDeviceRegistration, verifyCanonicalJson as verifySignedJson, verifyDeviceRegistration } from '../signature.mjs';
import { deriveSubkey } from '../kdf.mjs';
import { shortAuthenticationCode } from '../sas.mjs';
import { boxSealWithSeed, createFileStreamWriterWithHeader, sealRecordWithNonce, sealToRecipientsWith } from '../testing.mjs';
import { deriveKeyFromPassphrase, loadSumo, verifyPasswordHash } from './pwhash-sumo.mjs';

export const FormatName = 'lotse-crypto-vectors-v1';
export const Producer = 'lotse-crypto-js (browser twin, libsodium-wrappers 0.8.4)';

export const kinds = [
    ['keys', 'keys.json'], ['record', 'record.json'], ['replay', 'replay.json'], ['sealed', 'sealed.json'],
    ['filestream', 'filestream.json'], ['canonical-json', 'canonical-json.json'], ['signature', 'signature.json'],
    ['device', 'device.json'], ['kdf', 'kdf.json'], ['sas', 'sas.json'], ['pwhash', 'pwhash.json'],
    ['base64url', 'base64url.json'],
];

const utf8 = (text) => new TextEncoder().encode(text);
const MaxSafe = BigInt(Number.MAX_SAFE_INTEGER);

// ---- shared helpers ----------------------------------------------------------------------------

// Fixed "random" bytes: BLAKE2b of a label (our own labels, so our files differ from the C++ ones).
function fixed(label, size = 32) {
    return lib().crypto_generichash(size, utf8(`lotse-js-vector:${label}`), null);
}

function u64Json(v) {
    const b = BigInt(v);
    return b > MaxSafe ? b.toString() : Number(b);
}

function u64Value(v) {
    if (typeof v === 'string') {
        if (!/^[0-9]+$/.test(v))
            throw new Error(`bad u64 ${v}`);
        return BigInt(v);
    }
    if (!Number.isSafeInteger(v) || v < 0)
        throw new Error(`bad u64 ${v}`);
    return BigInt(v);
}

function flipBit(bytes, bit) {
    const out = Uint8Array.from(bytes);
    out[bit >> 3] ^= 1 << (bit & 7);
    return out;
}

function patterned(size, seed = 7) {
    return Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) & 0xff);
}

function outcome(fn) {
    try {
        return { name: 'ok', value: fn() };
    } catch (error) {
        if (error instanceof LotseCryptoError)
            return { name: error.code, error };
        throw error; // a bug, not an outcome
    }
}

function vector(name, expect, fields) {
    return { name, expect, ...fields };
}

// Vectors whose expectation is written down, not taken from the code: generation stops when the
// code disagrees, so a broken twin cannot write broken files.
function expectOutcome(name, expect, fn) {
    const result = outcome(fn);
    if (result.name !== expect)
        throw new Error(`vector '${name}': expected ${expect}, got ${result.name}${result.error ? ` (${result.error.message})` : ''}`);
    return result.value;
}

function document(kind, vectors) {
    return { format: FormatName, kind, producer: Producer, vectors };
}

// ---- keys ----------------------------------------------------------------------------------------

function generateKeys() {
    const vectors = [];
    for (const label of ['keys-advisor', 'keys-seeker', 'keys-third']) {
        const xs = fixed(`${label}-x25519`);
        const seed = fixed(`${label}-ed25519`);
        const x = encryptionKeyPairFromSecretKey(xs).publicKey;
        const ed = signingKeyPairFromSeed(seed).publicKey;
        vectors.push(vector(label, 'ok', {
            x25519SecretKey: toHex(xs), x25519PublicKey: toHex(x), ed25519Seed: toHex(seed), ed25519PublicKey: toHex(ed),
            keyIdX25519: toHex(keyId(x)), keyIdEd25519: toHex(keyId(ed)), fingerprintX25519: fingerprint(x),
        }));
    }
    vectors.push(vector('x25519 secret key of 31 bytes', 'InvalidKey',
                        { x25519SecretKey: toHex(fixed('keys-short', 31)), ed25519Seed: toHex(fixed('keys-seed')) }));
    vectors.push(vector('ed25519 seed of 33 bytes', 'InvalidKey',
                        { x25519SecretKey: toHex(fixed('keys-x')), ed25519Seed: toHex(fixed('keys-long', 33)) }));
    return document('keys', vectors);
}

function verifyKeys(v, check) {
    const got = outcome(() => [encryptionKeyPairFromSecretKey(fromHex(v.x25519SecretKey)),
                                signingKeyPairFromSeed(fromHex(v.ed25519Seed))]);
    if (!check.expect(got.name) || got.name !== 'ok')
        return;
    const [x, ed] = got.value;
    check.bytes('x25519PublicKey', v.x25519PublicKey, x.publicKey);
    check.bytes('ed25519PublicKey', v.ed25519PublicKey, ed.publicKey);
    check.bytes('keyIdX25519', v.keyIdX25519, keyId(x.publicKey));
    check.bytes('keyIdEd25519', v.keyIdEd25519, keyId(ed.publicKey));
    check.equal('fingerprintX25519', v.fingerprintX25519, fingerprint(x.publicKey));
}

// ---- record --------------------------------------------------------------------------------------

function recordFields(c, key, envelope) {
    return { key: toHex(key), roomId: c.roomId, senderId: toHex(c.senderId), purpose: c.purpose, envelope: toHex(envelope) };
}

function generateRecord() {
    const vectors = [];
    const key = fixed('record-key');
    const sender = keyId(encryptionKeyPairFromSecretKey(fixed('keys-advisor-x25519')).publicKey);
    const base = { roomId: 'room-js-1', senderId: sender, purpose: RecordPurpose.ChatMessage, epoch: 7, sequence: 0n };
    const oks = [
        ['chat message', base, utf8('Guten Tag! Ich habe eine Frage zu meinem Termin. Добрий день 🙂')],
        ['empty plaintext', { ...base, sequence: 1n }, new Uint8Array(0)],
        ['whiteboard operation', { ...base, purpose: RecordPurpose.WhiteboardOperation, sequence: 99n }, utf8('{"op":"erase","id":12}')],
        ['signature package', { ...base, purpose: RecordPurpose.SignaturePackage, sequence: 3n }, patterned(200)],
        ['room control', { ...base, purpose: RecordPurpose.RoomControl, epoch: 0, sequence: 0n }, utf8('{"leave":true}')],
        ['file manifest', { ...base, purpose: RecordPurpose.FileManifest, sequence: 4n }, patterned(80, 3)],
        ['largest epoch and sequence', { ...base, epoch: 0xffffffff, sequence: (1n << 64n) - 1n }, utf8('max')],
        ['sequence 2^53', { ...base, sequence: 1n << 53n }, utf8('2^53')],
        ['room id of 255 bytes', { ...base, roomId: 'r'.repeat(255) }, utf8('long room')],
        ['non-ASCII room id', { ...base, roomId: 'Beratungsraum-Zürich-ق' }, patterned(5000, 1)],
        ['sender id of one byte', { ...base, senderId: Uint8Array.of(9) }, utf8('short sender')],
    ];
    oks.forEach(([name, c, plaintext], i) => {
        const nonce = fixed(`record-nonce-${i}`, 24);
        const env = sealRecordWithNonce(key, c, plaintext, nonce);
        vectors.push(vector(name, 'ok', { ...recordFields(c, key, env), epoch: c.epoch, sequence: u64Json(c.sequence),
                                          nonce: toHex(nonce), plaintext: toHex(plaintext) }));
    });
    const plaintext = utf8('Können wir den Termin auf Donnerstag verschieben?');
    const env = sealRecordWithNonce(key, { ...base, sequence: 12n }, plaintext, fixed('record-nonce-x', 24));
    const c = { ...base };
    const bad = (name, expect, ctx, k, e) => {
        expectOutcome(name, expect, () => openRecord(k, ctx, e));
        vectors.push(vector(name, expect, recordFields(ctx, k, e)));
    };
    const otherSender = keyId(encryptionKeyPairFromSecretKey(fixed('keys-seeker-x25519')).publicKey);
    const withByte = (at, value) => { const out = Uint8Array.from(env); out[at] = value; return out; };
    const otherEnv = sealRecordWithNonce(key, { ...base, sequence: 13n }, plaintext, fixed('record-nonce-y', 24));
    const spliced = concat(otherEnv.subarray(0, 14), env.subarray(14));
    bad('flipped version-independent header bit (purpose byte to 3)', 'AuthenticationFailed',
        { ...c, purpose: 3 }, key, withByte(1, 3));
    for (const bit of [8 * 2, 8 * 9 + 4, 8 * 14, 8 * 37 + 7, 8 * 38, 8 * (env.length - 17), 8 * (env.length - 1) + 7])
        bad(`flipped bit ${bit}`, 'AuthenticationFailed', c, key, flipBit(env, bit));
    bad('wrong key', 'AuthenticationFailed', c, fixed('record-wrong-key'), env);
    bad('other room id', 'AuthenticationFailed', { ...c, roomId: 'room-js-2' }, key, env);
    bad('other sender', 'AuthenticationFailed', { ...c, senderId: otherSender }, key, env);
    bad('room id and sender swapped', 'AuthenticationFailed', { ...c, roomId: 'room-js-1', senderId: utf8('room-js-1') }, key, env);
    bad('header of another record spliced in', 'AuthenticationFailed', c, key, spliced);
    bad('last byte cut', 'AuthenticationFailed', c, key, env.subarray(0, env.length - 1));
    bad('byte appended', 'AuthenticationFailed', c, key, concat(env, Uint8Array.of(0)));
    bad('opened as whiteboard operation', 'WrongPurpose', { ...c, purpose: RecordPurpose.WhiteboardOperation }, key, env);
    bad('version 0', 'UnsupportedVersion', c, key, withByte(0, 0));
    bad('version 2', 'UnsupportedVersion', c, key, withByte(0, 2));
    bad('version 2, one byte', 'UnsupportedVersion', c, key, Uint8Array.of(2));
    bad('53 bytes', 'InvalidLength', c, key, env.subarray(0, 53));
    bad('one byte', 'InvalidLength', c, key, env.subarray(0, 1));
    bad('empty', 'InvalidLength', c, key, new Uint8Array(0));
    bad('key of 33 bytes', 'InvalidKey', c, fixed('record-key', 33), env);
    bad('empty key', 'InvalidKey', c, new Uint8Array(0), env);
    bad('empty room id', 'InvalidLength', { ...c, roomId: '' }, key, env);
    bad('room id of 256 bytes', 'InvalidLength', { ...c, roomId: 'r'.repeat(256) }, key, env);
    bad('empty sender id', 'InvalidLength', { ...c, senderId: new Uint8Array(0) }, key, env);
    return document('record', vectors);
}

function verifyRecord(v, check) {
    const key = fromHex(v.key);
    const ctx = { roomId: v.roomId, senderId: fromHex(v.senderId), purpose: v.purpose };
    const got = outcome(() => openRecord(key, ctx, fromHex(v.envelope)));
    if (!check.expect(got.name) || got.name !== 'ok')
        return;
    check.bytes('plaintext', v.plaintext, got.value.plaintext);
    check.equal('epoch', BigInt(v.epoch), BigInt(got.value.epoch));
    check.equal('sequence', u64Value(v.sequence), got.value.sequence);
    if (v.nonce !== undefined) {
        const again = outcome(() => sealRecordWithNonce(key, { ...ctx, epoch: got.value.epoch, sequence: got.value.sequence },
                                                        got.value.plaintext, fromHex(v.nonce)));
        check.bytes('resealed envelope', v.envelope, again.value ?? new Uint8Array(0));
    }
}

// ---- replay --------------------------------------------------------------------------------------

function generateReplay() {
    const vectors = [];
    const key = fixed('replay-key');
    const senderA = fixed('replay-sender-a', 16);
    const senderB = fixed('replay-sender-b', 16);
    const make = (name, roomId, sender, steps) => {
        const guard = new ReplayGuard();
        const envelopes = [];
        const expects = [];
        steps.forEach(([sequence, expect, options = {}], i) => {
            const c = { roomId, senderId: sender, purpose: options.purpose ?? 1, epoch: options.epoch ?? 1, sequence: BigInt(sequence) };
            let env = sealRecordWithNonce(key, c, utf8(`m${i}`), fixed(`replay-${name}-${i}`, 24));
            if (options.tamper)
                env = flipBit(env, 8 * (env.length - 1));
            expectOutcome(`${name} #${i}`, expect,
                          () => openRecord(key, { roomId, senderId: sender, purpose: 1 }, env, guard));
            envelopes.push(toHex(env));
            expects.push(expect);
        });
        vectors.push(vector(name, 'ok', { key: toHex(key), roomId, senderId: toHex(sender), purpose: 1, envelopes, expects }));
    };
    make('in order, late, replayed, too old', 'room-js-replay', senderA, [
        [0, 'ok'], [1, 'ok'], [3, 'ok'], [2, 'ok'], [3, 'Replayed'], [0, 'Replayed'], [1030, 'ok'],
        [7, 'ok'], [6, 'OutOfOrder'], [7, 'Replayed'], [1029, 'ok'], [1029, 'Replayed'], [5000, 'ok'],
        [3977, 'ok'], [3976, 'OutOfOrder'], [4999, 'ok'],
    ]);
    make('a forged record does not burn its sequence', 'room-js-replay', senderB, [
        [10, 'ok'], [11, 'AuthenticationFailed', { tamper: true }], [11, 'ok'], [11, 'Replayed'],
        [9, 'AuthenticationFailed', { tamper: true }], [9, 'ok'],
    ]);
    make('epochs have separate windows', 'room-js-epochs', senderA, [
        [5, 'ok', { epoch: 1 }], [5, 'ok', { epoch: 2 }], [5, 'Replayed', { epoch: 1 }], [5, 'Replayed', { epoch: 2 }],
        [0, 'ok', { epoch: 3 }],
    ]);
    make('purpose is checked before the window', 'room-js-purpose', senderA, [
        [0, 'ok'], [0, 'WrongPurpose', { purpose: 2 }], [1, 'WrongPurpose', { purpose: 2 }], [1, 'ok'],
    ]);
    make('sequences near 2^64', 'room-js-big', senderA, [
        [(1n << 64n) - 2n, 'ok'], [(1n << 64n) - 1n, 'ok'], [(1n << 64n) - 2n, 'Replayed'], [(1n << 64n) - 1025n, 'OutOfOrder'],
        [(1n << 64n) - 1024n, 'ok'],
    ]);
    return document('replay', vectors);
}

function verifyReplay(v, check) {
    if (!Array.isArray(v.envelopes) || !Array.isArray(v.expects) || v.envelopes.length === 0 ||
        v.envelopes.length !== v.expects.length) {
        check.fail('envelopes and expects differ in length');
        return;
    }
    const guard = new ReplayGuard();
    const key = fromHex(v.key);
    const ctx = { roomId: v.roomId, senderId: fromHex(v.senderId), purpose: v.purpose };
    v.envelopes.forEach((env, i) => {
        const got = outcome(() => openRecord(key, ctx, fromHex(env), guard));
        if (got.name !== v.expects[i])
            check.fail(`envelope ${i}: expected ${v.expects[i]}, got ${got.name}`);
    });
    check.expect('ok');
}

// ---- sealed --------------------------------------------------------------------------------------

function sealRecipient(label) {
    const sk = fixed(label);
    return { secretKey: sk, publicKey: encryptionKeyPairFromSecretKey(sk).publicKey, seed: fixed(`${label}-ephemeral`) };
}

function generateSealed() {
    const vectors = [];
    const devices = Array.from({ length: 64 }, (_, i) => sealRecipient(`sealed-device-${i}`));
    const [a, b, c] = devices;
    const outsider = sealRecipient('sealed-outsider');
    const fields = (rs, openWith, purpose, context, envelope) => ({
        recipients: rs.map((r) => ({ secretKey: toHex(r.secretKey), publicKey: toHex(r.publicKey), ephemeralSeed: toHex(r.seed) })),
        openWith: { secretKey: toHex(openWith.secretKey) },
        purpose,
        context: toHex(context),
        envelope: toHex(envelope),
    });
    const ok = (name, rs, openWith, purpose, context, payload) => {
        const contentKey = fixed(`${name}-content-key`);
        const nonce = fixed(`${name}-nonce`, 24);
        const env = sealToRecipientsWith(rs.map((r) => r.publicKey), purpose, context, payload, contentKey, nonce, rs.map((r) => r.seed));
        expectOutcome(name, 'ok', () => openSealed(openWith.secretKey, purpose, context, env));
        vectors.push(vector(name, 'ok', { ...fields(rs, openWith, purpose, context, env), contentKey: toHex(contentKey),
                                          nonce: toHex(nonce), payload: toHex(payload) }));
        return env;
    };
    const booking = utf8('booking:bk-js-77');
    const payload = utf8('{"address":"Hauptstraße 5, 10115 Berlin","name":"Ahmad Rahimi","phone":"+49 151 000000"}');
    const env = ok('booking fields to three devices, opened by the third', [a, b, c], c, SealPurpose.BookingFields, booking, payload);
    ok('booking fields, opened by the first', [a, b, c], a, SealPurpose.BookingFields, booking, payload);
    ok('room key to one participant', [b], b, SealPurpose.RoomKey, utf8('room:r-js-3:12'), fixed('sealed-room-key'));
    ok('key transfer, empty payload', [a, c], c, SealPurpose.KeyTransfer, utf8(`device:${toHex(keyId(c.publicKey))}`), new Uint8Array(0));
    ok('empty context', [a], a, SealPurpose.RoomKey, new Uint8Array(0), utf8('x'));
    ok('context of 255 bytes', [a, b], b, SealPurpose.BookingFields, utf8('c'.repeat(255)), patterned(3000));
    ok('64 recipients, opened by the last', devices, devices[63], SealPurpose.BookingFields, booking, utf8('to all'));
    ok('unknown purpose byte 9', [a], a, 9, booking, utf8('p'));

    const table = 3 + 96 * 3;
    const bad = (name, expect, openWith, purpose, context, envelope, rs = [a, b, c]) => {
        expectOutcome(name, expect, () => openSealed(openWith.secretKey, purpose, context, envelope));
        vectors.push(vector(name, expect, fields(rs, openWith, purpose, context, envelope)));
    };
    const edit = (fn) => { const out = Uint8Array.from(env); fn(out); return out; };
    const entry = (i) => env.slice(3 + 96 * i, 3 + 96 * (i + 1));
    bad('not a recipient', 'NotARecipient', outsider, SealPurpose.BookingFields, booking, env);
    bad('other context', 'AuthenticationFailed', c, SealPurpose.BookingFields, utf8('booking:bk-js-78'), env);
    bad('empty context instead of the right one', 'AuthenticationFailed', c, SealPurpose.BookingFields, new Uint8Array(0), env);
    bad('opened as room key', 'WrongPurpose', c, SealPurpose.RoomKey, booking, env);
    bad('purpose byte changed', 'AuthenticationFailed', c, SealPurpose.RoomKey, booking, edit((e) => { e[1] = 2; }));
    for (const bit of [8 * 3 + 1, 8 * (3 + 16 + 5), 8 * (3 + 96 * 2 + 16 + 33), 8 * (3 + 96 * 2 + 16 + 79), 8 * table, 8 * (table + 24), 8 * (env.length - 1)])
        bad(`flipped bit ${bit}`, 'AuthenticationFailed', c, SealPurpose.BookingFields, booking, flipBit(env, bit));
    bad('entries of the first two recipients swapped', 'AuthenticationFailed', c, SealPurpose.BookingFields, booking,
        concat(env.subarray(0, 3), entry(1), entry(0), env.subarray(3 + 192)));
    bad('a recipient dropped (count lowered)', 'AuthenticationFailed', a, SealPurpose.BookingFields, booking,
        concat(Uint8Array.of(1, 1, 2), entry(0), entry(2), env.subarray(table)));
    bad('content key sealed to c by someone else', 'AuthenticationFailed', c, SealPurpose.BookingFields, booking,
        edit((e) => e.set(boxSealWithSeed(fixed('sealed-foreign-content-key'), c.publicKey, fixed('sealed-foreign-seed')), 3 + 96 * 2 + 16)));
    bad('own key id, another recipient\'s sealed key', 'AuthenticationFailed', c, SealPurpose.BookingFields, booking,
        edit((e) => e.set(entry(0).subarray(16), 3 + 96 * 2 + 16)));
    bad('recipient listed twice', 'MalformedInput', a, SealPurpose.BookingFields, booking, edit((e) => e.set(entry(0), 3 + 96 * 2)));
    // Section 6's order: the table's length is checked before its key ids.
    bad('recipient listed twice, table cut short', 'InvalidLength', a, SealPurpose.BookingFields, booking,
        edit((e) => e.set(entry(0), 3 + 96)).subarray(0, 3 + 96 * 2 + 40));
    bad('recipient listed twice, last entry cut short', 'InvalidLength', a, SealPurpose.BookingFields, booking,
        edit((e) => e.set(entry(1), 3 + 96 * 2)).subarray(0, table - 1));
    bad('recipient listed twice, table complete, nonce cut short', 'MalformedInput', a, SealPurpose.BookingFields, booking,
        edit((e) => e.set(entry(1), 3 + 96 * 2)).subarray(0, table + 10));
    bad('zero recipients', 'InvalidLength', a, SealPurpose.BookingFields, booking, edit((e) => { e[2] = 0; }));
    bad('65 recipients', 'TooLarge', a, SealPurpose.BookingFields, booking, edit((e) => { e[2] = 65; }));
    bad('255 recipients', 'TooLarge', a, SealPurpose.BookingFields, booking, edit((e) => { e[2] = 255; }));
    bad('version 0', 'UnsupportedVersion', a, SealPurpose.BookingFields, booking, edit((e) => { e[0] = 0; }));
    bad('version 2', 'UnsupportedVersion', a, SealPurpose.BookingFields, booking, edit((e) => { e[0] = 2; }));
    bad('empty', 'InvalidLength', a, SealPurpose.BookingFields, booking, new Uint8Array(0));
    bad('two bytes', 'InvalidLength', a, SealPurpose.BookingFields, booking, env.subarray(0, 2));
    bad('cut inside the recipient table', 'InvalidLength', a, SealPurpose.BookingFields, booking, env.subarray(0, table - 1));
    bad('table only', 'InvalidLength', a, SealPurpose.BookingFields, booking, env.subarray(0, table));
    bad('nonce and 15 bytes', 'InvalidLength', a, SealPurpose.BookingFields, booking, env.subarray(0, table + 24 + 15));
    bad('nonce and 16 bytes', 'AuthenticationFailed', a, SealPurpose.BookingFields, booking, env.subarray(0, table + 24 + 16));
    bad('byte appended', 'AuthenticationFailed', a, SealPurpose.BookingFields, booking, concat(env, Uint8Array.of(0)));
    bad('context of 256 bytes', 'InvalidLength', a, SealPurpose.BookingFields, utf8('c'.repeat(256)), env);
    return document('sealed', vectors);
}

function verifySealed(v, check) {
    const purpose = v.purpose;
    const context = fromHex(v.context);
    const env = fromHex(v.envelope);
    const got = outcome(() => openSealed(fromHex(v.openWith.secretKey), purpose, context, env));
    if (!check.expect(got.name) || got.name !== 'ok')
        return;
    check.bytes('payload', v.payload, got.value);
    const pks = v.recipients.map((r) => fromHex(r.publicKey));
    const ids = sealedRecipientKeyIds(env);
    if (ids.length !== pks.length || !pks.every((pk, i) => equalBytes(keyId(pk), ids[i])))
        check.fail('recipient key ids differ');
    if (v.nonce !== undefined && v.contentKey !== undefined) {
        const again = outcome(() => sealToRecipientsWith(pks, purpose, context, got.value, fromHex(v.contentKey), fromHex(v.nonce),
                                                         v.recipients.map((r) => fromHex(r.ephemeralSeed))));
        check.bytes('resealed envelope', v.envelope, again.value ?? new Uint8Array(0));
    }
}

// ---- filestream ------------------------------------------------------------------------------------

function makeStream(key, fileId, plaintext, chunkSize, streamHeader, options, declaredSize) {
    const w = createFileStreamWriterWithHeader(key, fileId, declaredSize ?? plaintext.length, chunkSize, streamHeader, options);
    return concat(w.header, w.push(plaintext), w.finish());
}

// A stream with chosen tags per chunk (for the tag attacks the writer cannot make).
function makeStreamWithTags(key, fileId, plaintext, chunkSize, streamHeader, tags) {
    const sodium = lib();
    const head = concat(u8(1), u32(chunkSize), u64(plaintext.length), short(fileId));
    const ad = concat(ascii('lotse-file-v1'), head);
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, key);
    const parts = [head, streamHeader];
    tags.forEach((tag, i) => {
        const chunk = plaintext.subarray(i * chunkSize, Math.min(plaintext.length, (i + 1) * chunkSize));
        parts.push(u32(i), sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, ad, tag));
    });
    return concat(...parts);
}

function readIncrementally(key, fileId, stream, feed) {
    const reader = new FileStreamReader(key, fileId);
    const parts = [];
    for (let i = 0; i < stream.length; i += feed)
        parts.push(reader.push(stream.subarray(i, Math.min(stream.length, i + feed))));
    reader.finish();
    return concat(...parts);
}

function generateFileStream() {
    const vectors = [];
    const key = fixed('file-key');
    const fileId = utf8('file-js-ä1');
    const fields = (id, stream, k = key) => ({ key: toHex(k), fileId: toHex(id), stream: toHex(stream) });
    const oks = [
        ['empty file', 0, 1024, 0],
        ['one byte', 1, 1024, 0],
        ['chunk size minus one', 1023, 1024, 100],
        ['exactly one chunk', 1024, 1024, 1],
        ['one chunk and one byte', 1025, 1024, 0],
        ['four chunks, last partial, fed 13 bytes at a time', 3500, 1024, 13],
        ['two full chunks of 1500', 3000, 1500, 4096],
        ['default chunk size, three chunks', 140000, 65536, 65536],
    ];
    oks.forEach(([name, size, chunkSize, feed], i) => {
        const header = fixed(`file-header-${i}`, 24);
        const plaintext = patterned(size, i);
        const stream = makeStream(key, fileId, plaintext, chunkSize, header);
        expectOutcome(name, 'ok', () => decryptFile(key, fileId, stream));
        const f = { ...fields(fileId, stream), chunkSize, totalSize: size, streamHeader: toHex(header), plaintext: toHex(plaintext) };
        if (feed > 0)
            f.feed = feed;
        vectors.push(vector(name, 'ok', f));
    });

    const header = fixed('file-header-x', 24);
    const plaintext = patterned(2600, 9);
    const stream = makeStream(key, fileId, plaintext, 1024, header);
    const h = 14 + fileId.length + 24;
    const full = 4 + 1024 + 17;
    const head = stream.subarray(0, h);
    const c0 = stream.subarray(h, h + full);
    const c1 = stream.subarray(h + full, h + 2 * full);
    const c2 = stream.subarray(h + 2 * full);
    const bad = (name, expect, s, id = fileId, k = key) => {
        expectOutcome(name, expect, () => decryptFile(k, id, s));
        vectors.push(vector(name, expect, fields(id, s, k)));
    };
    const edit = (fn) => { const out = Uint8Array.from(stream); fn(out); return out; };
    const relabel = (chunk, index) => { const out = Uint8Array.from(chunk); out.set(u32(index), 0); return out; };
    bad('empty input', 'Truncated', new Uint8Array(0));
    bad('version byte only', 'Truncated', stream.subarray(0, 1));
    bad('cut inside the header', 'Truncated', stream.subarray(0, 13));
    bad('cut inside the secretstream header', 'Truncated', stream.subarray(0, h - 1));
    bad('header only', 'Truncated', head);
    bad('cut inside a chunk index', 'Truncated', stream.subarray(0, h + 2));
    bad('last chunk missing', 'Truncated', concat(head, c0, c1));
    bad('cut inside the last chunk', 'Truncated', stream.subarray(0, stream.length - 1));
    bad('middle chunk dropped', 'OutOfOrder', concat(head, c0, c2));
    bad('chunks reordered', 'OutOfOrder', concat(head, c1, c0, c2));
    bad('first chunk duplicated', 'Replayed', concat(head, c0, c0, c1, c2));
    bad('last chunk duplicated', 'TrailingData', concat(stream, c2));
    bad('chunk 1 relabelled as chunk 0', 'AuthenticationFailed', concat(head, relabel(c1, 0)));
    bad('chunk 0 relabelled as chunk 1', 'OutOfOrder', concat(head, relabel(c0, 1)));
    bad('one trailing zero byte', 'TrailingData', concat(stream, Uint8Array.of(0)));
    bad('trailing stream', 'TrailingData', concat(stream, stream));
    bad('flipped ciphertext bit in chunk 1', 'AuthenticationFailed', flipBit(stream, 8 * (h + full + 4 + 500)));
    bad('flipped MAC bit of the last chunk', 'AuthenticationFailed', flipBit(stream, 8 * (stream.length - 1)));
    bad('flipped encrypted tag byte bit', 'AuthenticationFailed', flipBit(stream, 8 * (h + 4)));
    bad('flipped secretstream header bit', 'AuthenticationFailed', flipBit(stream, 8 * (h - 1)));
    bad('total size lowered by one', 'AuthenticationFailed', edit((s) => { s[12] -= 1; }));
    bad('chunk size changed to 1025', 'AuthenticationFailed', edit((s) => s.set(u32(1025), 1)));
    bad('wrong key', 'AuthenticationFailed', stream, fileId, fixed('file-wrong-key'));
    bad('key of 31 bytes', 'InvalidKey', stream, fileId, fixed('file-key', 31));
    bad('other file id', 'WrongPurpose', stream, utf8('file-js-ä2'));
    bad('file id prefix', 'WrongPurpose', stream, utf8('file-js-'));
    bad('version 0', 'UnsupportedVersion', edit((s) => { s[0] = 0; }));
    bad('version 2', 'UnsupportedVersion', edit((s) => { s[0] = 2; }));
    bad('chunk size 1023', 'InvalidLength', edit((s) => s.set(u32(1023), 1)));
    bad('chunk size 4 MiB + 1', 'InvalidLength', edit((s) => s.set(u32(4194305), 1)));
    bad('file id length 0', 'InvalidLength', edit((s) => { s[13] = 0; }));
    bad('total size 2^40 + 1', 'TooLarge', edit((s) => s.set(u64((1n << 40n) + 1n), 5)));
    bad('final tag missing', 'Truncated', makeStream(key, fileId, plaintext, 1024, header, { omitFinalTag: true }));
    bad('final tag on the first of three chunks', 'Truncated', makeStreamWithTags(key, fileId, plaintext, 1024, header, [3, 0, 3]));
    bad('push tag on a middle chunk', 'Truncated', makeStreamWithTags(key, fileId, plaintext, 1024, header, [0, 1, 3]));
    bad('rekey tag on the last chunk', 'Truncated', makeStreamWithTags(key, fileId, plaintext, 1024, header, [0, 0, 2]));
    return document('filestream', vectors);
}

function verifyFileStream(v, check) {
    const key = fromHex(v.key);
    const fileId = fromHex(v.fileId);
    const stream = fromHex(v.stream);
    const whole = outcome(() => decryptFile(key, fileId, stream));
    // The incremental reader must agree, fed in pieces (of `feed` bytes, or 997 otherwise).
    const feed = Number.isInteger(v.feed) && v.feed > 0 ? v.feed : 997;
    const pieces = outcome(() => readIncrementally(key, fileId, stream, feed));
    if (pieces.name !== whole.name)
        check.fail(`incremental read: ${pieces.name}, whole: ${whole.name}`);
    if (!check.expect(whole.name) || whole.name !== 'ok')
        return;
    check.bytes('plaintext', v.plaintext, whole.value);
    check.bytes('incremental plaintext', v.plaintext, pieces.value ?? new Uint8Array(0));
    check.equal('totalSize', u64Value(v.totalSize), BigInt(whole.value.length));
    const again = outcome(() => makeStream(key, fileId, whole.value, v.chunkSize, fromHex(v.streamHeader)));
    check.bytes('re-encrypted stream', v.stream, again.value ?? new Uint8Array(0));
}

// ---- canonical-json --------------------------------------------------------------------------------

function generateCanonicalJson() {
    const vectors = [];
    const add = (name, input, expect) => {
        const out = expectOutcome(name, expect, () => canonicalizeToString(input));
        vectors.push(vector(name, expect, expect === 'ok' ? { input, output: out } : { input }));
    };
    add('example of FORMAT.md section 8', '{ "b": [1, true, null, "\\u00e9\\ud83d\\ude00\\u0001"], "a": -5 }', 'ok');
    add('nested sorting and every kind of whitespace', ' \t\r\n{"z":{"b":1,"a":[{"y":null,"x":false}]},"m":[],"a":{}}\n', 'ok');
    add('short escapes and \\/', '["\\"\\\\\\/\\b\\f\\n\\r\\t"]', 'ok');
    add('control characters as lowercase \\u00xx', '["\\u0000\\u0007\\u000B\\u000e\\u001F"]', 'ok');
    add('U+007F, U+2028 and / stay literal', '["\\u007f\\u2028/"]', 'ok');
    add('escaped letters become literal', '{"\\u0041\\u00DF":"\\u4e2d\\uD83D\\uDE00"}', 'ok');
    add('raw non-BMP and RTL text', '{"ar":"مرحبا","fa":"سلام","emoji":"👩‍👩‍👧"}', 'ok');
    add('UTF-16 key order: U+E000 after U+1F600, both after ASCII', '{"\\ue000":1,"😀":2,"~":3,"é":4,"A":5,"a":6,"":7}', 'ok');
    add('key order is not code point order', '{"\\uffff":1,"\\ud800\\udc00":2}', 'ok');
    add('integers', '[0,-1,1,-9007199254740991,9007199254740991,1234567890,-10]', 'ok');
    add('top-level string', '"x"', 'ok');
    add('top-level integer', ' 42 ', 'ok');
    add('top-level null', 'null', 'ok');
    add('64 levels of nesting around a value', `${'['.repeat(64)}1${']'.repeat(64)}`, 'ok');
    add('deep objects', `${'{"a":'.repeat(63)}{}${'}'.repeat(63)}`, 'ok');
    add('66 levels of nesting', `${'['.repeat(66)}${']'.repeat(66)}`, 'InvalidJson');
    // Section 8: depth counts arrays and objects, whatever the innermost one holds.
    const nest = (open, inner, close, levels) => `${open.repeat(levels)}${inner}${close.repeat(levels)}`;
    add('64 nested empty arrays', nest('[', '', ']', 64), 'ok');
    add('65 nested empty arrays', nest('[', '', ']', 65), 'InvalidJson');
    add('65 nested arrays around a value', nest('[', '1', ']', 65), 'InvalidJson');
    add('64 nested empty objects', nest('{"k":', '{}', '}', 63), 'ok');
    add('65 nested empty objects', nest('{"k":', '{}', '}', 64), 'InvalidJson');
    add('65 nested objects around a value', nest('{"k":', 'true', '}', 65), 'InvalidJson');
    add('64 levels, objects in arrays, innermost empty', `[${nest('[{"k":', '{}', '}]', 31)}]`, 'ok');
    add('65 levels, arrays in objects, innermost empty', nest('{"k":[', '[]', ']}', 32), 'InvalidJson');
    add('64 levels, arrays in objects, around a value', nest('{"k":[', '"v"', ']}', 32), 'ok');
    add('fraction', '[1.5]', 'InvalidJson');
    add('integral fraction', '[2.0]', 'InvalidJson');
    add('exponent', '[1e3]', 'InvalidJson');
    add('capital exponent', '[1E3]', 'InvalidJson');
    add('negative zero', '[-0]', 'InvalidJson');
    add('negative zero with fraction', '[-0.0]', 'InvalidJson');
    add('2^53', '[9007199254740992]', 'InvalidJson');
    add('-2^53', '[-9007199254740992]', 'InvalidJson');
    add('huge integer', '[123456789012345678901234567890]', 'InvalidJson');
    add('leading zero', '[00]', 'InvalidJson');
    add('leading zero before digits', '[012]', 'InvalidJson');
    add('plus sign', '[+1]', 'InvalidJson');
    add('minus alone', '[-]', 'InvalidJson');
    add('hex number', '[0x10]', 'InvalidJson');
    add('NaN', '[NaN]', 'InvalidJson');
    add('duplicate key', '{"a":1,"b":2,"a":1}', 'InvalidJson');
    add('duplicate key after unescaping', '{"é":1,"\\u00e9":2}', 'InvalidJson');
    add('duplicate key in a nested object', '[{"k":{"x":1,"x":1}}]', 'InvalidJson');
    add('lone high surrogate', '["\\ud83d"]', 'InvalidJson');
    add('lone low surrogate', '["\\ude00"]', 'InvalidJson');
    add('surrogates reversed', '["\\ude00\\ud83d"]', 'InvalidJson');
    add('high surrogate then a letter', '["\\ud83d\\u0041"]', 'InvalidJson');
    add('lone surrogate in a key', '{"\\udbff":1}', 'InvalidJson');
    add('short \\u escape', '["\\u12"]', 'InvalidJson');
    add('bad \\u escape', '["\\u12g4"]', 'InvalidJson');
    add('unknown escape', '["\\x41"]', 'InvalidJson');
    add('single-quoted escape', '["\\\'"]', 'InvalidJson');
    add('raw tab in a string', '["a\tb"]', 'InvalidJson');
    add('raw newline in a string', '["a\nb"]', 'InvalidJson');
    add('byte order mark', '\ufeff{}', 'InvalidJson');
    add('non-breaking space as whitespace', '{\u00a0}', 'InvalidJson');
    add('form feed as whitespace', '\f[]', 'InvalidJson');
    add('empty text', '', 'InvalidJson');
    add('whitespace only', '  \n', 'InvalidJson');
    add('two values', '{} {}', 'InvalidJson');
    add('trailing comma in an array', '[1,]', 'InvalidJson');
    add('trailing comma in an object', '{"a":1,}', 'InvalidJson');
    add('missing comma', '[1 2]', 'InvalidJson');
    add('missing colon', '{"a" 1}', 'InvalidJson');
    add('unquoted key', '{a:1}', 'InvalidJson');
    add('non-string key', '{1:1}', 'InvalidJson');
    add('unterminated string', '["abc', 'InvalidJson');
    add('unterminated array', '[1', 'InvalidJson');
    add('truncated literal', '[tru]', 'InvalidJson');
    add('capitalised literal', '[True]', 'InvalidJson');
    add('comment', '[1/*c*/]', 'InvalidJson');
    return document('canonical-json', vectors);
}

function verifyCanonicalJson(v, check) {
    const got = outcome(() => canonicalize(v.input));
    if (!check.expect(got.name) || got.name !== 'ok')
        return;
    check.bytes('output', toHex(utf8(v.output)), got.value);
    const again = outcome(() => canonicalize(got.value));
    check.bytes('output canonicalised again', toHex(got.value), again.value ?? new Uint8Array(0));
}

// ---- signature and device ----------------------------------------------------------------------

// Ed25519 key B + T (B the base point, T a point of order 8) and a signature under it that
// crypto_sign_verify_detached accepts: scalar 1, and a nonce r for which k = H(R || A || M) is a
// multiple of 8, so that [k]T vanishes. Only section 3's check refuses the key. The C++ tool
// carries the same bytes as constants.
const torsionObject = { purpose: 'lotse-test-v1', note: 'signed with scalar 1 under B + a point of order 8' };
const order8Point = 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a';

function torsionSignature(sumo) {
    const one = new Uint8Array(32);
    one[0] = 1;
    const pk = sumo.crypto_core_ed25519_add(sumo.crypto_scalarmult_ed25519_base_noclamp(one), fromHex(order8Point));
    const message = utf8(stringify(torsionObject));
    for (let i = 0; ; ++i) {
        const r = sumo.crypto_core_ed25519_scalar_reduce(sumo.crypto_hash_sha512(utf8(`lotse-torsion-r-${i}`)));
        const R = sumo.crypto_scalarmult_ed25519_base_noclamp(r);
        const k = sumo.crypto_core_ed25519_scalar_reduce(sumo.crypto_hash_sha512(concat(R, pk, message)));
        if (k[0] % 8 !== 0)
            continue;
        const signature = concat(R, sumo.crypto_core_ed25519_scalar_add(r, k));
        if (sumo.crypto_sign_verify_detached(signature, message, pk) !== true)
            throw new Error('torsion signature does not verify in libsodium');
        return { pk, signature };
    }
}

async function generateSignature() {
    const sumo = await loadSumo();
    const vectors = [];
    const seed = fixed('signature-seed');
    const key = signingKeyPairFromSeed(seed);
    const fields = (pk, object, sig, purpose) => {
        const canonical = outcome(() => stringify(object));
        return { ed25519Seed: toHex(seed), publicKey: toHex(pk), object, purpose, signature: toHex(sig),
                 ...(canonical.name === 'ok' ? { canonical: canonical.value } : {}) };
    };
    const statement = {
        purpose: 'lotse-signed-form-v1',
        form: 'Einwilligung Datenverarbeitung',
        room: 'room-js-1',
        signedAt: 1795000123,
        strokes: [[0, 0, 12], [5, -3, 40]],
        signer: { name: 'Мария Шевченко', role: 'help-seeker' },
        accepted: true,
        withdrawn: null,
        note: 'Tab\there, quote " and emoji 🖊',
    };
    const form = statement.purpose;
    const test = 'lotse-test-v1';
    const ok = (name, object) => {
        const sig = signCanonicalJson(key, object);
        expectOutcome(name, 'ok', () => verifySignedJson(key.publicKey, object, sig, object.purpose));
        vectors.push(vector(name, 'ok', fields(key.publicKey, object, sig, object.purpose)));
        return sig;
    };
    const sig = ok('signed form', statement);
    ok('purpose only', { purpose: test });
    ok('keys needing UTF-16 order', { purpose: test, '\ue000': 1, '😀': 2, z: [], Z: {} });
    ok('largest integers', { purpose: test, max: 9007199254740991, min: -9007199254740991 });
    const bad = (name, expect, pk, object, signature, purpose = form) => {
        expectOutcome(name, expect, () => verifySignedJson(pk, object, signature, purpose));
        vectors.push(vector(name, expect, fields(pk, object, signature, purpose)));
    };
    bad('member changed', 'BadSignature', key.publicKey, { ...statement, room: 'room-js-2' }, sig);
    bad('member added', 'BadSignature', key.publicKey, { ...statement, extra: 0 }, sig);
    bad('member removed', 'BadSignature', key.publicKey, Object.fromEntries(Object.entries(statement).filter(([k]) => k !== 'withdrawn')), sig);
    bad('purpose changed', 'BadSignature', key.publicKey, { ...statement, purpose: 'lotse-consent-v1' }, sig, 'lotse-consent-v1');
    bad('other public key', 'BadSignature', signingKeyPairFromSeed(fixed('signature-other')).publicKey, statement, sig);
    bad('flipped bit in R', 'BadSignature', key.publicKey, statement, flipBit(sig, 9));
    bad('flipped bit in S', 'BadSignature', key.publicKey, statement, flipBit(sig, 8 * 40 + 1));
    bad('signature of 63 bytes', 'InvalidLength', key.publicKey, statement, sig.subarray(0, 63));
    bad('signature of 65 bytes', 'InvalidLength', key.publicKey, statement, concat(sig, Uint8Array.of(0)));
    bad('empty signature', 'InvalidLength', key.publicKey, statement, new Uint8Array(0));
    bad('public key of 31 bytes', 'InvalidKey', key.publicKey.subarray(0, 31), statement, sig);
    bad('float in the object', 'InvalidJson', key.publicKey, { ...statement, amount: 2.5 }, sig);
    bad('integer above 2^53 - 1 in the object', 'InvalidJson', key.publicKey, { ...statement, big: 9007199254740992 }, sig);

    // Section 9: the purpose. Signed over the raw canonical bytes (signCanonicalJson refuses these
    // objects), so that only the purpose check can refuse them.
    const rawSign = (object) => signDetached(key, serialize(object));
    const { purpose: _dropped, ...noPurpose } = statement;
    const noPurposeSig = rawSign(noPurpose);
    bad('purpose missing, signature valid', 'WrongPurpose', key.publicKey, noPurpose, noPurposeSig);
    for (const [name, value] of [['empty', ''], ['false', false], ['a number', 7], ['null', null],
                                 ['an object', { purpose: form }]]) {
        const object = { ...statement, purpose: value };
        bad(`purpose ${name}, signature valid`, 'WrongPurpose', key.publicKey, object, rawSign(object));
    }
    bad('purpose of another kind, signature valid', 'WrongPurpose', key.publicKey, statement, sig, 'lotse-device-v1');
    bad('purpose with a trailing space expected, signature valid', 'WrongPurpose', key.publicKey, statement, sig, `${form} `);
    // Order: InvalidJson, InvalidKey, InvalidLength, WrongPurpose, BadSignature.
    bad('purpose missing and an integer above 2^53 - 1', 'InvalidJson', key.publicKey, { ...noPurpose, big: -9007199254740992 }, noPurposeSig);
    bad('purpose missing and public key of 33 bytes', 'InvalidKey', concat(key.publicKey, Uint8Array.of(1)), noPurpose, noPurposeSig);
    bad('purpose missing and an empty signature', 'InvalidLength', key.publicKey, noPurpose, new Uint8Array(0));
    bad('purpose of another kind and a flipped bit', 'WrongPurpose', key.publicKey, statement, flipBit(sig, 3), test);

    // Section 3's check applies to the verifying key.
    bad('public key: identity point (small order)', 'InvalidKey', fromHex(ed25519Identity), statement, sig);
    bad('public key: point of order 8', 'InvalidKey', fromHex(order8Point), statement, sig);
    bad('public key: non-canonical encoding', 'InvalidKey',
        fromHex('eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'), statement, sig);
    const torsion = torsionSignature(sumo);
    bad('public key with a torsion component, signature valid for libsodium', 'InvalidKey', torsion.pk, torsionObject,
        torsion.signature, test);
    return document('signature', vectors);
}

function verifySignature(v, check) {
    if (typeof v.purpose !== 'string') {
        check.fail('no expected purpose');
        return;
    }
    const got = outcome(() => verifySignedJson(fromHex(v.publicKey), v.object, fromHex(v.signature), v.purpose));
    if (!check.expect(got.name) || got.name !== 'ok')
        return;
    check.equal('canonical', v.canonical, stringify(v.object));
    const again = outcome(() => signCanonicalJson(signingKeyPairFromSeed(fromHex(v.ed25519Seed)), v.object));
    check.bytes('re-signed', v.signature, again.value ?? new Uint8Array(0));
}

const smallOrderX25519 = '0100000000000000000000000000000000000000000000000000000000000000';
const ed25519Identity = '0100000000000000000000000000000000000000000000000000000000000000';

async function generateDevice() {
    const sumo = await loadSumo();
    const vectors = [];
    const xs = fixed('device-x25519');
    const seed = fixed('device-ed25519');
    const signing = signingKeyPairFromSeed(seed);
    const reg = signDeviceRegistration(xs, signing);
    const add = (name, expect, registration, keys = { x: xs, ed: seed }) => {
        expectOutcome(name, expect, () => verifyDeviceRegistration(registration));
        vectors.push(vector(name, expect, { x25519SecretKey: toHex(keys.x), ed25519Seed: toHex(keys.ed), registration }));
    };
    add('device registration', 'ok', reg);
    add('second device', 'ok', signDeviceRegistration(fixed('device-2-x25519'), signingKeyPairFromSeed(fixed('device-2-ed25519'))),
        { x: fixed('device-2-x25519'), ed: fixed('device-2-ed25519') });
    const other = encryptionKeyPairFromSecretKey(fixed('device-other')).publicKey;
    add('x25519 key swapped', 'BadSignature', { ...reg, x25519: toBase64Url(other) });
    add('ed25519 key swapped', 'BadSignature', { ...reg, ed25519: toBase64Url(signingKeyPairFromSeed(fixed('device-other-ed')).publicKey) });
    add('x25519 and ed25519 exchanged (no valid Ed25519 point)', 'InvalidKey', { ...reg, x25519: reg.ed25519, ed25519: reg.x25519 });
    add('signature of another device', 'BadSignature',
        { ...reg, signature: signDeviceRegistration(other, signingKeyPairFromSeed(fixed('device-other-ed'))).signature });
    add('flipped signature bit', 'BadSignature', { ...reg, signature: toBase64Url(flipBit(fromBase64Url(reg.signature), 70)) });
    add('all-zero x25519 key', 'InvalidKey', { ...reg, x25519: toBase64Url(new Uint8Array(32)) });
    add('x25519 point of order 1 (u = 1)', 'InvalidKey', { ...reg, x25519: toBase64Url(fromHex(smallOrderX25519)) });
    add('x25519 key of 31 bytes', 'InvalidKey', { ...reg, x25519: toBase64Url(other.subarray(0, 31)) });
    add('ed25519 identity point', 'InvalidKey', { ...reg, ed25519: toBase64Url(fromHex(ed25519Identity)) });
    // The signing key plus a point of order 8: on the curve, not small order, outside the subgroup.
    const order8 = fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
    const mixed = sumo.crypto_core_ed25519_add(signing.publicKey, order8);
    add('ed25519 key with a torsion component', 'InvalidKey', { ...reg, ed25519: toBase64Url(mixed) });
    const nonCanonical = fromHex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
    add('non-canonical ed25519 encoding', 'InvalidKey', { ...reg, ed25519: toBase64Url(nonCanonical) });
    add('ed25519 key of 33 bytes', 'InvalidKey', { ...reg, ed25519: toBase64Url(concat(signing.publicKey, Uint8Array.of(0))) });
    add('signature of 63 bytes', 'InvalidLength', { ...reg, signature: toBase64Url(fromBase64Url(reg.signature).subarray(0, 63)) });
    add('padded base64', 'MalformedInput', { ...reg, signature: `${reg.signature}==` });
    add('standard base64 alphabet', 'MalformedInput', { ...reg, x25519: `+${reg.x25519.slice(1)}` });
    add('extra member', 'MalformedInput', { ...reg, comment: 'hi' });
    add('purpose member added', 'MalformedInput', { ...reg, purpose: 'lotse-device-v1' });
    add('signature missing', 'MalformedInput', { ed25519: reg.ed25519, x25519: reg.x25519 });
    add('key as a number', 'MalformedInput', { ...reg, x25519: 5 });
    // Several members wrong: section 9's order (MalformedInput, InvalidKey, InvalidLength,
    // BadSignature), whatever the members' order.
    const sig63 = toBase64Url(fromBase64Url(reg.signature).subarray(0, 63));
    add('x25519 of 31 bytes and signature padded', 'MalformedInput', { ...reg, x25519: toBase64Url(other.subarray(0, 31)), signature: `${reg.signature}=` });
    add('all-zero x25519 and ed25519 not a string', 'MalformedInput', { ...reg, x25519: toBase64Url(new Uint8Array(32)), ed25519: null });
    add('x25519 point of order 1 and signature of 63 bytes', 'InvalidKey', { ...reg, x25519: toBase64Url(fromHex(smallOrderX25519)), signature: sig63 });
    add('ed25519 with a torsion component and signature of 63 bytes', 'InvalidKey', { ...reg, ed25519: toBase64Url(mixed), signature: sig63 });
    add('ed25519 of 31 bytes and signature empty', 'InvalidKey', { ...reg, ed25519: toBase64Url(signing.publicKey.subarray(0, 31)), signature: '' });
    add('signature of 65 bytes and x25519 swapped', 'InvalidLength', { ...reg, x25519: toBase64Url(other), signature: toBase64Url(concat(fromBase64Url(reg.signature), Uint8Array.of(0))) });
    return document('device', vectors);
}

function verifyDevice(v, check) {
    const got = outcome(() => verifyDeviceRegistration(v.registration));
    if (!check.expect(got.name) || got.name !== 'ok')
        return;
    const again = outcome(() => signDeviceRegistration(fromHex(v.x25519SecretKey), signingKeyPairFromSeed(fromHex(v.ed25519Seed))));
    check.equal('rebuilt registration', stringify(v.registration), again.value ? stringify(again.value) : '');
}

// ---- kdf, sas, pwhash, base64url ---------------------------------------------------------------

function generateKdf() {
    const vectors = [];
    const master = fixed('kdf-master');
    const add = (name, expect, context, id, length, key = master) => {
        const sub = expectOutcome(name, expect, () => deriveSubkey(key, context, id, length));
        vectors.push(vector(name, expect, { masterKey: toHex(key), context, subkeyId: u64Json(id), length,
                                            ...(sub ? { subkey: toHex(sub) } : {}) }));
    };
    add('video frame key', 'ok', 'lotsevid', 1n, 32);
    add('local store, generation 1', 'ok', 'lotsedb_', 1n, 32);
    add('local store, generation 2', 'ok', 'lotsedb_', 2n, 32);
    add('subkey id 0', 'ok', 'lotsevid', 0n, 32);
    add('subkey id 2^32', 'ok', 'lotsevid', 1n << 32n, 32);
    add('subkey id 2^53', 'ok', 'lotsevid', 1n << 53n, 32);
    add('subkey id 2^64 - 1', 'ok', 'lotsevid', (1n << 64n) - 1n, 32);
    add('16-byte subkey', 'ok', 'lotsevid', 1n, 16);
    add('64-byte subkey', 'ok', 'lotsevid', 1n, 64);
    add('other master key', 'ok', 'lotsevid', 1n, 32, fixed('kdf-master-2'));
    add('context of 7 bytes', 'InvalidLength', 'lotsevi', 1n, 32);
    add('context of 9 bytes', 'InvalidLength', 'lotsevid_', 1n, 32);
    add('subkey of 15 bytes', 'InvalidLength', 'lotsevid', 1n, 15);
    add('subkey of 65 bytes', 'InvalidLength', 'lotsevid', 1n, 65);
    add('master key of 31 bytes', 'InvalidKey', 'lotsevid', 1n, 32, fixed('kdf-master', 31));
    return document('kdf', vectors);
}

function verifyKdf(v, check) {
    const got = outcome(() => deriveSubkey(fromHex(v.masterKey), v.context, u64Value(v.subkeyId), v.length));
    if (check.expect(got.name) && got.name === 'ok')
        check.bytes('subkey', v.subkey, got.value);
}

function generateSas() {
    const vectors = [];
    const advisor = encryptionKeyPairFromSecretKey(fixed('sas-advisor')).publicKey;
    const seeker = encryptionKeyPairFromSecretKey(fixed('sas-seeker')).publicKey;
    const third = encryptionKeyPairFromSecretKey(fixed('sas-third')).publicKey;
    const add = (name, expect, a, b, roomId) => {
        const code = expectOutcome(name, expect, () => shortAuthenticationCode(a, b, roomId));
        vectors.push(vector(name, expect, { publicKeyA: toHex(a), publicKeyB: toHex(b), roomId, ...(code ? { code } : {}) }));
    };
    add('advisor and help-seeker', 'ok', advisor, seeker, 'room-js-1');
    add('the other way round', 'ok', seeker, advisor, 'room-js-1');
    add('other room', 'ok', advisor, seeker, 'room-js-2');
    add('a swapped key', 'ok', advisor, third, 'room-js-1');
    add('non-ASCII room id', 'ok', advisor, seeker, 'Raum-ß-🙂');
    add('room id of 255 bytes', 'ok', advisor, seeker, 'r'.repeat(255));
    add('both keys equal', 'ok', advisor, advisor, 'room-js-1');
    add('keys differing in the last byte', 'ok', new Uint8Array(32).fill(7), concat(new Uint8Array(31).fill(7), Uint8Array.of(8)), 'room-js-1');
    add('room id of 256 bytes', 'InvalidLength', advisor, seeker, 'r'.repeat(256));
    add('empty room id', 'InvalidLength', advisor, seeker, '');
    add('key of 33 bytes', 'InvalidKey', concat(advisor, Uint8Array.of(1)), seeker, 'room-js-1');
    add('empty key', 'InvalidKey', advisor, new Uint8Array(0), 'room-js-1');
    return document('sas', vectors);
}

function verifySas(v, check) {
    const a = fromHex(v.publicKeyA);
    const b = fromHex(v.publicKeyB);
    const got = outcome(() => shortAuthenticationCode(a, b, v.roomId));
    if (!check.expect(got.name) || got.name !== 'ok')
        return;
    check.equal('code', v.code, got.value);
    check.equal('code with the keys swapped', v.code, outcome(() => shortAuthenticationCode(b, a, v.roomId)).value);
    if (!/^\d{4} \d{4} \d{4} \d{4}$/.test(got.value))
        check.fail('code is not four groups of four digits');
}

const standardBase64 = (bytes) => {
    const url = toBase64Url(bytes);
    return url.replace(/-/g, '+').replace(/_/g, '/');
};

async function generatePwhash() {
    const s = await loadSumo();
    const vectors = [];
    const derive = (name, expect, passphrase, salt, ops, mem) => {
        const key = expectOutcome(name, expect, () => deriveKeyFromPassphrase(s, utf8(passphrase), salt, BigInt(ops), BigInt(mem)));
        vectors.push(vector(name, expect, { passphrase, salt: toHex(salt), opsLimit: ops, memLimitBytes: mem, ...(key ? { key: toHex(key) } : {}) }));
    };
    const salt = fixed('pwhash-salt', 16);
    derive('minimum cost', 'ok', 'Passwort für die Schlüsseldatei', salt, 1, 8192);
    derive('two passes, 64 KiB', 'ok', 'ключ-🔑', salt, 2, 65536);
    derive('empty passphrase', 'ok', '', fixed('pwhash-salt-2', 16), 1, 16384);
    derive('salt of 17 bytes', 'InvalidLength', 'x', fixed('pwhash-salt', 17), 1, 8192);
    derive('opsLimit 0', 'PasswordHashFailed', 'x', salt, 0, 8192);
    derive('memLimit below 8 KiB', 'PasswordHashFailed', 'x', salt, 1, 4096);
    // Stored hashes in libsodium's layout, from a fixed salt so the file stays the same.
    const strSalt = fixed('pwhash-str-salt', 16);
    const stored = (alg, name, ops, mem, password) => {
        const raw = s.crypto_pwhash(32, utf8(password), strSalt, ops, mem, alg);
        return `$${name}$v=19$m=${mem / 1024},t=${ops},p=1$${standardBase64(strSalt)}$${standardBase64(raw)}`;
    };
    const hash = stored(s.crypto_pwhash_ALG_ARGON2ID13, 'argon2id', 2, 65536, 'richtiges Pferd');
    const add = (name, expect, password, h) => {
        expectOutcome(name, expect, () => { if (!verifyPasswordHash(s, h, password)) throw new LotseCryptoError('AuthenticationFailed'); });
        vectors.push(vector(name, expect, { password, hash: h }));
    };
    add('stored hash, right password', 'ok', 'richtiges Pferd', hash);
    add('stored hash, wrong password', 'AuthenticationFailed', 'richtiges pferd', hash);
    add('stored hash, empty password', 'AuthenticationFailed', '', hash);
    add('argon2i hash of the right password', 'AuthenticationFailed', 'richtiges Pferd',
        stored(s.crypto_pwhash_ALG_ARGON2I13, 'argon2i', 3, 65536, 'richtiges Pferd'));
    return document('pwhash', vectors);
}

function makePwhashVerifier(sumo) {
    return (v, check) => {
        if (!sumo) {
            check.fail('pwhash needs libsodium-wrappers-sumo');
            return;
        }
        if (v.hash !== undefined) {
            check.expect(verifyPasswordHash(sumo, v.hash, v.password) ? 'ok' : 'AuthenticationFailed');
            return;
        }
        const got = outcome(() => deriveKeyFromPassphrase(sumo, utf8(v.passphrase), fromHex(v.salt), u64Value(v.opsLimit), u64Value(v.memLimitBytes)));
        if (check.expect(got.name) && got.name === 'ok')
            check.bytes('key', v.key, got.value);
    };
}

function generateBase64Url() {
    const vectors = [];
    const ok = (name, bytes) => {
        const text = toBase64Url(bytes);
        expectOutcome(name, 'ok', () => fromBase64Url(text));
        vectors.push(vector(name, 'ok', { bytes: toHex(bytes), text }));
    };
    const bad = (name, text) => {
        expectOutcome(name, 'MalformedInput', () => fromBase64Url(text));
        vectors.push(vector(name, 'MalformedInput', { text }));
    };
    ok('empty', new Uint8Array(0));
    for (let n = 1; n <= 6; ++n)
        ok(`${n} bytes`, patterned(n, 200));
    ok('every character of the alphabet', fromHex('00108310518720928b30d38f41149351559761969b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3dfbf'));
    ok('0xff bytes give _', new Uint8Array(6).fill(0xff));
    ok('0xfb 0xef give -', fromHex('fbeffb'));
    ok('token-sized', fixed('base64url-token'));
    bad('padding after two characters', 'Zg==');
    bad('one padding character', 'Zm8=');
    bad('plus', 'a+bc');
    bad('slash', 'ab/c');
    bad('space inside', 'Zm9v Ym9v');
    bad('trailing newline', 'Zm9v\n');
    bad('leading tab', '\tZm9v');
    bad('non-canonical bits after two characters', 'Zh');
    bad('non-canonical bits after three characters', 'Zm9');
    bad('non-canonical bits in a 7-character text', 'Zm9vYmF');
    bad('length 1', 'A');
    bad('length 5', 'Zm9vY');
    bad('non-ASCII letter', 'Zm9é');
    bad('fullwidth letter', 'Ｚm9v');
    bad('NUL character', 'Zm9\u0000');
    bad('dot', 'Zm.v');
    return document('base64url', vectors);
}

function verifyBase64Url(v, check) {
    const got = outcome(() => fromBase64Url(v.text));
    if (!check.expect(got.name === 'ok' ? 'ok' : got.name) || got.name !== 'ok')
        return;
    check.bytes('bytes', v.bytes, got.value);
    check.equal('encoding', v.text, toBase64Url(fromHex(v.bytes)));
}

// ---- driver ---------------------------------------------------------------------------------------

const generators = {
    keys: generateKeys, record: generateRecord, replay: generateReplay, sealed: generateSealed,
    filestream: generateFileStream, 'canonical-json': generateCanonicalJson, signature: generateSignature,
    device: generateDevice, kdf: generateKdf, sas: generateSas, pwhash: generatePwhash, base64url: generateBase64Url,
};

const verifiers = {
    keys: verifyKeys, record: verifyRecord, replay: verifyReplay, sealed: verifySealed, filestream: verifyFileStream,
    'canonical-json': verifyCanonicalJson, signature: verifySignature, device: verifyDevice, kdf: verifyKdf,
    sas: verifySas, base64url: verifyBase64Url,
};

// Every vector file, deterministically: [{ fileName, document }].
export async function generateAll() {
    await init();
    const files = [];
    for (const [kind, fileName] of kinds)
        files.push({ fileName, document: await generators[kind]() });
    return files;
}

// The text written for a document (two-space JSON and a final newline).
export function documentText(doc) {
    return `${JSON.stringify(doc, null, 2)}\n`;
}

class Check {
    constructor(report, kind, v) {
        this.report = report;
        this.v = v;
        this.prefix = `${kind}/${v.name}: `;
        ++report.checked;
    }

    fail(what) {
        this.report.failures.push(this.prefix + what);
    }

    expect(actual) {
        if (this.v.expect === actual)
            return true;
        this.fail(`expected ${this.v.expect}, got ${actual}`);
        return false;
    }

    equal(field, expected, actual) {
        if (expected !== actual)
            this.fail(`${field} differs: expected ${expected}, got ${actual}`);
    }

    bytes(field, expectedHex, actual) {
        const got = toHex(actual);
        if (typeof expectedHex !== 'string' || expectedHex.toLowerCase() !== got)
            this.fail(`${field} differs: expected ${String(expectedHex).slice(0, 80)}, got ${got.slice(0, 80)}`);
    }
}

// Checks one vector file: { kind, checked, failures, expects: { name: count } }.
// An unknown kind or an empty list is a failure. options.sumo: libsodium-wrappers-sumo for pwhash.
export async function verifyDocument(doc, options = {}) {
    await init();
    const report = { kind: doc && doc.kind, checked: 0, failures: [], expects: {} };
    if (!doc || doc.format !== FormatName) {
        report.failures.push('not a lotse-crypto-vectors-v1 file');
        return report;
    }
    const verify = doc.kind === 'pwhash' ? makePwhashVerifier(options.sumo ?? await loadSumo().catch(() => null))
                                         : verifiers[doc.kind];
    if (!verify) {
        report.failures.push(`unknown kind ${doc.kind}`);
        return report;
    }
    if (!Array.isArray(doc.vectors) || doc.vectors.length === 0) {
        report.failures.push('no vectors');
        return report;
    }
    for (const v of doc.vectors) {
        const check = new Check(report, doc.kind, v);
        if (v.expect !== 'ok' && !errorNames.includes(v.expect)) {
            check.fail(`bad expect ${v.expect}`);
            continue;
        }
        report.expects[v.expect] = (report.expects[v.expect] ?? 0) + 1;
        try {
            verify(v, check);
        } catch (error) {
            check.fail(`threw ${error && error.stack ? error.stack : error}`);
        }
    }
    return report;
}

async function main(args) {
    const fs = await import('node:fs/promises');
    const path = await import('node:path');
    if (args.length === 2 && args[0] === 'generate') {
        await fs.mkdir(args[1], { recursive: true });
        for (const file of await generateAll()) {
            const out = path.join(args[1], file.fileName);
            await fs.writeFile(out, documentText(file.document));
            console.log(`wrote ${out} (${file.document.vectors.length} vectors)`);
        }
        return 0;
    }
    if (args.length >= 2 && args[0] === 'verify') {
        let failed = 0;
        for (const file of args.slice(1)) {
            let doc;
            try {
                doc = JSON.parse(await fs.readFile(file, 'utf8'));
            } catch (error) {
                console.error(`${file}: cannot read (${error.message})`);
                ++failed;
                continue;
            }
            const report = await verifyDocument(doc);
            for (const f of report.failures)
                console.error(`${file}: FAIL ${f}`);
            console.log(`${file}: ${report.checked} vectors, ${report.failures.length} failures`);
            if (report.failures.length > 0)
                ++failed;
        }
        return failed === 0 ? 0 : 1;
    }
    console.error('usage: vectors.mjs generate DIR\n       vectors.mjs verify FILE...');
    return 2;
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1] &&
    import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href;
if (invokedDirectly)
    process.exitCode = await main(process.argv.slice(2));
