// Record envelope (FORMAT.md section 4): chat messages, whiteboard operations, signature
// packages, room control and file manifests under the room key of one epoch.
import { aeadDecrypt, aeadEncrypt } from './aead.mjs';
import { ascii, bytesArg, concat, readU32, readU64, short, u32, u32Arg, u64, u64Arg, u8, utf8 } from './bytes.mjs';
import { fail } from './errors.mjs';
import { lib } from './sodium.mjs';

export const RecordPurpose = Object.freeze({
    ChatMessage: 1,
    WhiteboardOperation: 2,
    SignaturePackage: 3,
    RoomControl: 4,
    FileManifest: 5,
});

export const RecordVersion = 1;
export const RecordHeaderBytes = 38;
export const RecordKeyBytes = 32;
export const RecordTagBytes = 16;
export const MaxRecordPlaintext = 1048576;
const FixedFieldsBytes = 14;
const NonceBytes = 24;
const adDomain = ascii('lotse-record-v1');

function keyArg(key) {
    const k = bytesArg(key, 'InvalidKey', 'room key');
    if (k.length !== RecordKeyBytes)
        fail('InvalidKey', 'room key must be 32 bytes');
    return k;
}

// Room ids are text (UTF-8) or bytes; sender ids are bytes (a key id).
function idArg(value, what) {
    const b = typeof value === 'string' ? utf8(value, 'InvalidLength') : bytesArg(value, 'InvalidLength', what);
    if (b.length === 0 || b.length > 255)
        fail('InvalidLength', `${what} must be 1..255 bytes`);
    return b;
}

function purposeArg(purpose) {
    if (!Number.isInteger(purpose) || purpose < 0 || purpose > 255)
        fail('InvalidLength', 'purpose must be a byte');
    return purpose;
}

function associatedData(fixedFields, roomId, senderId) {
    return concat(adDomain, fixedFields, short(roomId), short(senderId));
}

// context: { roomId, senderId, purpose, epoch, sequence }. A fresh random nonce per record.
export function sealRecord(roomKey, context, plaintext) {
    return sealRecordWithNonce(roomKey, context, plaintext, lib().randombytes_buf(NonceBytes));
}

// Deterministic sealing for vectors and tests; never reuse a nonce under one key.
export function sealRecordWithNonce(roomKey, context, plaintext, nonce) {
    const key = keyArg(roomKey);
    const roomId = idArg(context.roomId, 'roomId');
    const senderId = idArg(context.senderId, 'senderId');
    const n = bytesArg(nonce, 'InvalidLength', 'nonce');
    if (n.length !== NonceBytes)
        fail('InvalidLength', 'nonce must be 24 bytes');
    const pt = bytesArg(plaintext, 'InvalidLength', 'plaintext');
    if (pt.length > MaxRecordPlaintext)
        fail('TooLarge', 'plaintext above 1 MiB');
    const fixed = concat(u8(RecordVersion), u8(purposeArg(context.purpose)), u32(u32Arg(context.epoch)),
                         u64(u64Arg(context.sequence)));
    const ciphertext = aeadEncrypt(key, n, associatedData(fixed, roomId, senderId), pt);
    return concat(fixed, n, ciphertext);
}

// Header fields without decrypting: { purpose, epoch, sequence (BigInt) }.
export function peekRecord(envelope) {
    const env = bytesArg(envelope, 'InvalidLength', 'envelope');
    if (env.length === 0)
        fail('InvalidLength', 'empty envelope');
    if (env[0] !== RecordVersion)
        fail('UnsupportedVersion', `record version ${env[0]}`);
    if (env.length < RecordHeaderBytes + RecordTagBytes)
        fail('InvalidLength', 'envelope shorter than 54 bytes');
    if (env.length > RecordHeaderBytes + MaxRecordPlaintext + RecordTagBytes)
        fail('TooLarge', 'envelope above 1 MiB of plaintext');
    return { purpose: env[1], epoch: readU32(env, 2), sequence: readU64(env, 6) };
}

// Opens a record in FORMAT.md's order of checks. With a ReplayGuard, the window is checked
// before decrypting and updated only after the record authenticated.
// Returns { plaintext, epoch, sequence (BigInt), purpose }.
export function openRecord(roomKey, { roomId, senderId, purpose }, envelope, replayGuard = null) {
    const key = keyArg(roomKey);
    const room = idArg(roomId, 'roomId');
    const sender = idArg(senderId, 'senderId');
    const env = bytesArg(envelope, 'InvalidLength', 'envelope');
    const header = peekRecord(env);
    if (header.purpose !== purpose)
        fail('WrongPurpose', `record purpose ${header.purpose}, expected ${purpose}`);
    if (replayGuard)
        replayGuard.check(header.epoch, sender, header.sequence);
    const plaintext = aeadDecrypt(key, env.subarray(FixedFieldsBytes, RecordHeaderBytes),
                                  associatedData(env.subarray(0, FixedFieldsBytes), room, sender),
                                  env.subarray(RecordHeaderBytes));
    if (replayGuard)
        replayGuard.accept(header.epoch, sender, header.sequence);
    return { plaintext, epoch: header.epoch, sequence: header.sequence, purpose: header.purpose };
}
