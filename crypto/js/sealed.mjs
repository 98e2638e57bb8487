// Sealed envelope (FORMAT.md section 6): one random content key, the payload sealed once, the
// content key sealed with crypto_box_seal to each recipient, recipients named by key id.
import { aeadDecrypt, aeadEncrypt } from './aead.mjs';
import { ascii, bytesArg, concat, equalBytes, short, toHex, u8, utf8 } from './bytes.mjs';
import { fail } from './errors.mjs';
import { checkEncryptionPublicKey, encryptionKeyPairFromSecretKey, keyId } from './keys.mjs';
import { guarded, lib } from './sodium.mjs';

export const SealPurpose = Object.freeze({ BookingFields: 1, RoomKey: 2, KeyTransfer: 3 });
export const SealVersion = 1;
export const MaxRecipients = 64;
export const MaxContextBytes = 255;
export const MaxSealedPayload = 1048576;
const KeyIdBytes = 16;
const SealedKeyBytes = 80;
const EntryBytes = KeyIdBytes + SealedKeyBytes;
const ContentKeyBytes = 32;
const NonceBytes = 24;
const TagBytes = 16;
const adDomain = ascii('lotse-seal-v1');

// Contexts of FORMAT.md section 6.
export const sealContext = Object.freeze({
    booking: (bookingId) => `booking:${bookingId}`,
    roomKey: (roomId, epoch) => `room:${roomId}:${epoch}`,
    keyTransfer: (keyIdBytes) => `device:${toHex(keyIdBytes)}`,
});

function contextArg(context) {
    const c = typeof context === 'string' ? utf8(context, 'InvalidLength') : bytesArg(context, 'InvalidLength', 'context');
    if (c.length > MaxContextBytes)
        fail('InvalidLength', 'context above 255 bytes');
    return c;
}

function associatedData(context, header) {
    return concat(adDomain, short(context), header);
}

// crypto_box_seal with a given ephemeral seed: epk || crypto_box_easy(m, BLAKE2b-192(epk || pk), pk, esk).
export function boxSealWithSeed(message, recipientPublicKey, ephemeralSeed) {
    const sodium = lib();
    const seed = bytesArg(ephemeralSeed, 'InvalidLength', 'ephemeral seed');
    if (seed.length !== 32)
        fail('InvalidLength', 'ephemeral seed must be 32 bytes');
    const eph = sodium.crypto_box_seed_keypair(seed);
    try {
        const nonce = sodium.crypto_generichash(24, concat(eph.publicKey, recipientPublicKey), null);
        const box = guarded('InvalidKey', () => sodium.crypto_box_easy(message, nonce, recipientPublicKey, eph.privateKey));
        return concat(eph.publicKey, box);
    } finally {
        sodium.memzero(eph.privateKey);
    }
}

function parse(envelope) {
    const env = bytesArg(envelope, 'InvalidLength', 'envelope');
    if (env.length === 0)
        fail('InvalidLength', 'empty envelope');
    if (env[0] !== SealVersion)
        fail('UnsupportedVersion', `sealed envelope version ${env[0]}`);
    if (env.length < 3 || env[2] === 0)
        fail('InvalidLength', 'no recipients');
    const n = env[2];
    if (n > MaxRecipients)
        fail('TooLarge', 'more than 64 recipients');
    const tableEnd = 3 + EntryBytes * n;
    if (env.length < tableEnd)
        fail('InvalidLength', 'recipient table cut short');
    const keyIds = [];
    const sealedKeys = [];
    const seen = new Set();
    for (let i = 0; i < n; ++i) {
        const at = 3 + EntryBytes * i;
        const id = env.subarray(at, at + KeyIdBytes);
        const hex = toHex(id);
        if (seen.has(hex))
            fail('MalformedInput', 'a key id twice');
        seen.add(hex);
        keyIds.push(id);
        sealedKeys.push(env.subarray(at + KeyIdBytes, at + EntryBytes));
    }
    const rest = env.length - tableEnd;
    if (rest < NonceBytes + TagBytes)
        fail('InvalidLength', 'nonce or tag missing');
    if (rest - NonceBytes > MaxSealedPayload + TagBytes)
        fail('TooLarge', 'payload above 1 MiB');
    return {
        purpose: env[1],
        keyIds,
        sealedKeys,
        header: env.subarray(0, tableEnd),
        nonce: env.subarray(tableEnd, tableEnd + NonceBytes),
        ciphertext: env.subarray(tableEnd + NonceBytes),
    };
}

// Seals payload to every recipient public key (X25519, 32 bytes each).
export function sealToRecipients(recipientPublicKeys, purpose, context, payload) {
    const sodium = lib();
    const count = Array.isArray(recipientPublicKeys) ? recipientPublicKeys.length : 0;
    const contentKey = sodium.randombytes_buf(ContentKeyBytes);
    const seeds = Array.from({ length: Math.min(count, MaxRecipients + 1) }, () => sodium.randombytes_buf(32));
    try {
        return sealToRecipientsWith(recipientPublicKeys, purpose, context, payload, contentKey,
                                    sodium.randombytes_buf(NonceBytes), seeds);
    } finally {
        sodium.memzero(contentKey);
        seeds.forEach((s) => sodium.memzero(s));
    }
}

// Deterministic sealing for vectors and tests: content key, nonce and one ephemeral seed per recipient.
export function sealToRecipientsWith(recipientPublicKeys, purpose, context, payload, contentKey, nonce, ephemeralSeeds) {
    if (!Array.isArray(recipientPublicKeys) || recipientPublicKeys.length === 0)
        fail('InvalidLength', 'no recipients');
    if (recipientPublicKeys.length > MaxRecipients)
        fail('TooLarge', 'more than 64 recipients');
    const ctx = contextArg(context);
    const pt = bytesArg(payload, 'InvalidLength', 'payload');
    if (pt.length > MaxSealedPayload)
        fail('TooLarge', 'payload above 1 MiB');
    const ck = bytesArg(contentKey, 'InvalidKey', 'content key');
    if (ck.length !== ContentKeyBytes)
        fail('InvalidKey', 'content key must be 32 bytes');
    const n = bytesArg(nonce, 'InvalidLength', 'nonce');
    if (n.length !== NonceBytes || !Array.isArray(ephemeralSeeds) || ephemeralSeeds.length !== recipientPublicKeys.length)
        fail('InvalidLength', 'nonce or ephemeral seeds');
    if (!Number.isInteger(purpose) || purpose < 0 || purpose > 255)
        fail('InvalidLength', 'purpose must be a byte');
    const parts = [u8(SealVersion), u8(purpose), u8(recipientPublicKeys.length)];
    const seen = new Set();
    recipientPublicKeys.forEach((publicKey, i) => {
        const pk = checkEncryptionPublicKey(publicKey);
        const id = keyId(pk);
        if (seen.has(toHex(id)))
            fail('InvalidKey', 'the same recipient twice');
        seen.add(toHex(id));
        parts.push(id, boxSealWithSeed(ck, pk, ephemeralSeeds[i]));
    });
    const header = concat(...parts);
    return concat(header, n, aeadEncrypt(ck, n, associatedData(ctx, header), pt));
}

// The recipients' key ids, in envelope order.
export function sealedRecipientKeyIds(envelope) {
    return parse(envelope).keyIds.map((id) => Uint8Array.from(id));
}

// recipient: { publicKey, secretKey } or a 32-byte X25519 secret key.
export function openSealed(recipient, purpose, context, envelope) {
    const sodium = lib();
    const ctx = contextArg(context);
    const parsed = parse(envelope);
    if (parsed.purpose !== purpose)
        fail('WrongPurpose', `sealed purpose ${parsed.purpose}, expected ${purpose}`);
    const pair = recipient instanceof Uint8Array
        ? encryptionKeyPairFromSecretKey(recipient)
        : encryptionKeyPairFromSecretKey(recipient && recipient.secretKey);
    const ownId = keyId(pair.publicKey);
    const index = parsed.keyIds.findIndex((id) => equalBytes(id, ownId));
    try {
        if (index < 0)
            fail('NotARecipient');
        const contentKey = guarded('AuthenticationFailed',
                                   () => sodium.crypto_box_seal_open(parsed.sealedKeys[index], pair.publicKey, pair.secretKey));
        try {
            return aeadDecrypt(contentKey, parsed.nonce, associatedData(ctx, parsed.header), parsed.ciphertext);
        } finally {
            sodium.memzero(contentKey);
        }
    } finally {
        sodium.memzero(pair.secretKey);
    }
}
