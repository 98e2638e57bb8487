// Derived keys (FORMAT.md section 10): crypto_kdf_derive_from_key with named 8-byte contexts.
import { bytesArg, u64Arg } from './bytes.mjs';
import { fail } from './errors.mjs';
import { guarded, lib } from './sodium.mjs';

export const KdfContext = Object.freeze({ VideoFrames: 'lotsevid', LocalStore: 'lotsedb_' });

// subkeyId: a u64 (BigInt or safe integer); length 16..64.
export function deriveSubkey(masterKey, context, subkeyId, length = 32) {
    const key = bytesArg(masterKey, 'InvalidKey', 'master key');
    if (key.length !== 32)
        fail('InvalidKey', 'master key must be 32 bytes');
    if (typeof context !== 'string' || !/^[\x00-\x7f]{8}$/.test(context))
        fail('InvalidLength', 'context must be 8 ASCII characters');
    if (!Number.isInteger(length) || length < 16 || length > 64)
        fail('InvalidLength', 'subkey length must be 16..64');
    const id = u64Arg(subkeyId, 'InvalidLength', 'subkey id');
    return guarded('InvalidLength', () => lib().crypto_kdf_derive_from_key(length, id, context, key));
}

// The AES-256-GCM key for a call's video frames, from the room key of the call's epoch.
export function videoFrameKey(roomKey) {
    return deriveSubkey(roomKey, KdfContext.VideoFrames, 1n, 32);
}
