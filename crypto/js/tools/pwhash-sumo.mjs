// Argon2id for the pwhash vectors (FORMAT.md section 12). Password hashing is server/desktop
// only, so the production twin has none; tools and tests take it from libsodium-wrappers-sumo
// (a devDependency).
import './node-webcrypto.mjs'; // before libsodium-wrappers-sumo loads (node 18)
import { LotseCryptoError } from '../errors.mjs';

let sumo = null;

export async function loadSumo() {
    if (sumo === null) {
        const module = await import('libsodium-wrappers-sumo');
        const s = module.default ?? module;
        await s.ready;
        sumo = s;
    }
    return sumo;
}

// crypto_pwhash(32, passphrase, salt, ops, mem, ALG_ARGON2ID13); the C++ twin's error names.
export function deriveKeyFromPassphrase(s, passphrase, salt, opsLimit, memLimitBytes) {
    if (salt.length !== 16)
        throw new LotseCryptoError('InvalidLength', 'salt must be 16 bytes');
    if (opsLimit < 1n || memLimitBytes < 8192n)
        throw new LotseCryptoError('PasswordHashFailed', 'cost below the minimum');
    try {
        return s.crypto_pwhash(32, passphrase, salt, Number(opsLimit), Number(memLimitBytes),
                               s.crypto_pwhash_ALG_ARGON2ID13);
    } catch (error) {
        throw new LotseCryptoError('PasswordHashFailed', error.message);
    }
}

// Only $argon2id$ strings verify.
export function verifyPasswordHash(s, hash, password) {
    if (typeof hash !== 'string' || !hash.startsWith('$argon2id$'))
        return false;
    try {
        return s.crypto_pwhash_str_verify(hash, password) === true;
    } catch {
        return false;
    }
}
