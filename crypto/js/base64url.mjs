// Base64url without padding, strict decoding (FORMAT.md section 13), and capability tokens.
import { bytesArg, constantTimeEqual } from './bytes.mjs';
import { fail } from './errors.mjs';
import { lib } from './sodium.mjs';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const decodeTable = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; ++i)
    decodeTable[alphabet.charCodeAt(i)] = i;

export function toBase64Url(bytes) {
    const b = bytesArg(bytes);
    let out = '';
    let i = 0;
    for (; i + 3 <= b.length; i += 3) {
        const v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
        out += alphabet[(v >> 18) & 63] + alphabet[(v >> 12) & 63] + alphabet[(v >> 6) & 63] + alphabet[v & 63];
    }
    const rest = b.length - i;
    if (rest === 1) {
        const v = b[i] << 16;
        out += alphabet[(v >> 18) & 63] + alphabet[(v >> 12) & 63];
    } else if (rest === 2) {
        const v = (b[i] << 16) | (b[i + 1] << 8);
        out += alphabet[(v >> 18) & 63] + alphabet[(v >> 12) & 63] + alphabet[(v >> 6) & 63];
    }
    return out;
}

// Only A-Z a-z 0-9 - _, no padding, no whitespace, length mod 4 != 1, unused bits zero:
// every byte string has exactly one accepted text. Anything else is MalformedInput.
export function fromBase64Url(text) {
    if (typeof text !== 'string')
        fail('MalformedInput', 'base64url text must be a string');
    if (text.length % 4 === 1)
        fail('MalformedInput', 'base64url length 1 mod 4');
    const out = new Uint8Array(Math.floor((text.length * 3) / 4));
    let acc = 0;
    let bits = 0;
    let n = 0;
    for (let i = 0; i < text.length; ++i) {
        const c = text.charCodeAt(i);
        const v = c < 128 ? decodeTable[c] : -1;
        if (v < 0)
            fail('MalformedInput', 'character outside the base64url alphabet');
        acc = ((acc << 6) | v) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (acc >> bits) & 0xff;
        }
    }
    if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0)
        fail('MalformedInput', 'non-zero unused bits in the last character');
    return out.subarray(0, n);
}

export const TokenBytes = 32;

// A capability token: 32 random bytes as 43 base64url characters.
export function generateToken() {
    return toBase64Url(lib().randombytes_buf(TokenBytes));
}

// Constant time in the contents; tokens of different lengths (or not strings) compare unequal.
export function tokensEqual(a, b) {
    if (typeof a !== 'string' || typeof b !== 'string')
        return false;
    const enc = new TextEncoder();
    return constantTimeEqual(enc.encode(a), enc.encode(b));
}
