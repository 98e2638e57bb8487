// Keys, key ids and fingerprints (FORMAT.md section 3).
import { ascii, bytesArg, concat, toHex } from './bytes.mjs';
import { fail } from './errors.mjs';
import { guarded, lib } from './sodium.mjs';

export const PublicKeyBytes = 32;
export const SecretKeyBytes = 32;
export const SeedBytes = 32;
export const SignatureBytes = 64;
export const KeyIdBytes = 16;

const keyIdDomain = ascii('lotse-keyid-v1');

function keyBytes(value, size) {
    const b = bytesArg(value, 'InvalidKey', 'key');
    if (b.length !== size)
        fail('InvalidKey', `key must be ${size} bytes`);
    return b;
}

// An X25519 key pair for encryption: { publicKey, secretKey }.
export function generateEncryptionKeyPair() {
    const kp = lib().crypto_box_keypair();
    return { publicKey: kp.publicKey, secretKey: kp.privateKey };
}

export function encryptionKeyPairFromSecretKey(secretKey) {
    const sk = keyBytes(secretKey, SecretKeyBytes);
    const publicKey = guarded('InvalidKey', () => lib().crypto_scalarmult_base(sk));
    return { publicKey, secretKey: Uint8Array.from(sk) };
}

// An Ed25519 key pair from its 32-byte seed: { publicKey, seed, secretKey (64, expanded) }.
export function signingKeyPairFromSeed(seed) {
    const s = keyBytes(seed, SeedBytes);
    const kp = guarded('InvalidKey', () => lib().crypto_sign_seed_keypair(s));
    return { publicKey: kp.publicKey, seed: Uint8Array.from(s), secretKey: kp.privateKey };
}

export function generateSigningKeyPair() {
    const seed = lib().randombytes_buf(SeedBytes);
    const kp = signingKeyPairFromSeed(seed);
    lib().memzero(seed);
    return kp;
}

// A received X25519 public key: 32 bytes and not of small order (crypto_scalarmult of any
// secret scalar with it must not be all zero; libsodium refuses exactly that).
export function checkEncryptionPublicKey(publicKey) {
    const pk = keyBytes(publicKey, PublicKeyBytes);
    const sodium = lib();
    const scalar = sodium.randombytes_buf(32);
    try {
        const shared = guarded('InvalidKey', () => sodium.crypto_scalarmult(scalar, pk));
        sodium.memzero(shared);
    } finally {
        sodium.memzero(scalar);
    }
    return pk;
}

// y < p = 2^255 - 19 for the encoded y (the sign bit excluded): libsodium's ge25519_is_canonical.
function isCanonicalEd25519Encoding(pk) {
    if ((pk[31] & 0x7f) !== 0x7f)
        return true;
    for (let i = 30; i >= 1; --i) {
        if (pk[i] !== 0xff)
            return true;
    }
    return pk[0] < 0xed;
}

// A received Ed25519 public key: what crypto_core_ed25519_is_valid_point accepts (canonical, on
// the curve, not of small order, in the prime-order subgroup). The standard libsodium-wrappers
// build lacks that function; crypto_sign_ed25519_pk_to_curve25519 refuses small-order points,
// points off the curve and points outside the main subgroup, and the canonical check is ours.
export function checkSigningPublicKey(publicKey) {
    const pk = keyBytes(publicKey, PublicKeyBytes);
    if (!isCanonicalEd25519Encoding(pk))
        fail('InvalidKey', 'non-canonical Ed25519 encoding');
    guarded('InvalidKey', () => lib().crypto_sign_ed25519_pk_to_curve25519(pk));
    return pk;
}

// The first 16 bytes of BLAKE2b-256("lotse-keyid-v1" || publicKey).
export function keyId(publicKey) {
    const pk = bytesArg(publicKey, 'InvalidKey', 'public key');
    return lib().crypto_generichash(32, concat(keyIdDomain, pk), null).slice(0, KeyIdBytes);
}

// The key id as 8 groups of 4 uppercase hex digits.
export function fingerprint(publicKey) {
    const hex = toHex(keyId(publicKey)).toUpperCase();
    return hex.match(/.{4}/g).join(' ');
}

// Ed25519 detached signature with a key pair from signingKeyPairFromSeed (or its 64-byte secret key).
export function signDetached(signingKey, message) {
    const sk = keyBytes(signingKey && signingKey.secretKey ? signingKey.secretKey : signingKey, 64);
    return lib().crypto_sign_detached(bytesArg(message), sk);
}

// Throws InvalidKey (public key not 32 bytes or not a valid point), InvalidLength (signature not
// 64 bytes) or BadSignature.
export function verifyDetached(publicKey, message, signature) {
    const pk = checkSigningPublicKey(publicKey);
    const sig = bytesArg(signature, 'InvalidLength', 'signature');
    if (sig.length !== SignatureBytes)
        fail('InvalidLength', 'signature must be 64 bytes');
    const ok = guarded('BadSignature', () => lib().crypto_sign_verify_detached(sig, bytesArg(message), pk));
    if (ok !== true)
        fail('BadSignature');
}
