// Short authentication code (FORMAT.md section 11).
import { ascii, bytesArg, compareBytes, concat, readU64, short, utf8 } from './bytes.mjs';
import { fail } from './errors.mjs';
import { lib } from './sodium.mjs';

const domain = ascii('lotse-sas-v1');

// "dddd dddd dddd dddd" from both X25519 public keys (either order) and the room id.
export function shortAuthenticationCode(publicKeyA, publicKeyB, roomId) {
    const a = bytesArg(publicKeyA, 'InvalidKey', 'public key');
    const b = bytesArg(publicKeyB, 'InvalidKey', 'public key');
    if (a.length !== 32 || b.length !== 32)
        fail('InvalidKey', 'public keys must be 32 bytes');
    const room = typeof roomId === 'string' ? utf8(roomId, 'InvalidLength') : bytesArg(roomId, 'InvalidLength', 'room id');
    if (room.length === 0 || room.length > 255)
        fail('InvalidLength', 'room id must be 1..255 bytes');
    const [lo, hi] = compareBytes(a, b) <= 0 ? [a, b] : [b, a];
    const h = lib().crypto_generichash(32, concat(domain, short(room), lo, hi), null);
    const digits = (readU64(h, 0) % 10n ** 16n).toString().padStart(16, '0');
    return digits.match(/.{4}/g).join(' ');
}
