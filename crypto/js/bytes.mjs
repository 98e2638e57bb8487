// Byte helpers: browser and node alike (Uint8Array, TextEncoder/TextDecoder, BigInt only).
import { fail } from './errors.mjs';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function isBytes(value) {
    return value instanceof Uint8Array;
}

// Bytes of a binary argument; a string is not bytes (callers encode text themselves).
export function bytesArg(value, code = 'MalformedInput', what = 'value') {
    if (value instanceof Uint8Array)
        return value;
    if (value instanceof ArrayBuffer)
        return new Uint8Array(value);
    if (ArrayBuffer.isView(value))
        return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return fail(code, `${what} must be a Uint8Array`);
}

// UTF-8 of text; a string with an unpaired surrogate has no UTF-8 form.
export function utf8(text, code = 'MalformedInput') {
    if (typeof text !== 'string')
        return bytesArg(text, code, 'text');
    if (!isWellFormed(text))
        fail(code, 'text holds an unpaired surrogate');
    return encoder.encode(text);
}

export function isWellFormed(text) {
    for (let i = 0; i < text.length; ++i) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
            const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
            if (d < 0xdc00 || d > 0xdfff)
                return false;
            ++i;
        } else if (c >= 0xdc00 && c <= 0xdfff) {
            return false;
        }
    }
    return true;
}

// Strict UTF-8 decoding (no replacement characters, a BOM kept as U+FEFF); null when invalid.
export function decodeUtf8(bytes) {
    try {
        return strictDecoder.decode(bytes);
    } catch {
        return null;
    }
}

export function ascii(text) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i)
        out[i] = text.charCodeAt(i);
    return out;
}

export function concat(...parts) {
    let size = 0;
    for (const p of parts)
        size += p.length;
    const out = new Uint8Array(size);
    let offset = 0;
    for (const p of parts) {
        out.set(p, offset);
        offset += p.length;
    }
    return out;
}

export function u8(v) {
    return Uint8Array.of(v & 0xff);
}

export function u32(v) {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, v >>> 0, false);
    return out;
}

export function u64(v) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(v), false);
    return out;
}

export function readU32(bytes, offset) {
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, false);
}

export function readU64(bytes, offset) {
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(offset, false);
}

// short(x) of FORMAT.md section 1: one length byte, then the bytes.
export function short(bytes) {
    return concat(u8(bytes.length), bytes);
}

export function equalBytes(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; ++i) {
        if (a[i] !== b[i])
            return false;
    }
    return true;
}

// Constant time in the contents (lengths are public): different lengths compare unequal.
export function constantTimeEqual(a, b) {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length)
        return false;
    let diff = 0;
    for (let i = 0; i < a.length; ++i)
        diff |= a[i] ^ b[i];
    return diff === 0;
}

// memcmp order.
export function compareBytes(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; ++i) {
        if (a[i] !== b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return a.length - b.length;
}

const hexDigits = '0123456789abcdef';

export function toHex(bytes) {
    let out = '';
    for (const b of bytes)
        out += hexDigits[b >> 4] + hexDigits[b & 15];
    return out;
}

export function fromHex(text) {
    if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text))
        fail('MalformedInput', 'not a hex string');
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; ++i)
        out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
}

export function wipe(bytes) {
    if (bytes instanceof Uint8Array)
        bytes.fill(0);
}

const U64_MAX = (1n << 64n) - 1n;

// A u64 given as a BigInt or a non-negative safe integer Number.
export function u64Arg(value, code = 'InvalidLength', what = 'value') {
    if (typeof value === 'bigint') {
        if (value < 0n || value > U64_MAX)
            fail(code, `${what} is not a u64`);
        return value;
    }
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        return BigInt(value);
    return fail(code, `${what} is not a u64`);
}

export function u32Arg(value, code = 'InvalidLength', what = 'value') {
    const v = typeof value === 'bigint' ? Number(value) : value;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff)
        fail(code, `${what} is not a u32`);
    return v;
}
