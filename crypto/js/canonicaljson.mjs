// Canonical JSON (FORMAT.md section 8): the bytes a signature covers. A JSON subset (integers
// within +-(2^53-1), no floats, no duplicate keys, no unpaired surrogates) with RFC 8785 output.
import { bytesArg, decodeUtf8, isWellFormed } from './bytes.mjs';
import { fail, LotseCryptoError } from './errors.mjs';

export const MaxSafeInteger = Number.MAX_SAFE_INTEGER;
export const MaxDepth = 64; // nested objects/arrays
export const MaxInputBytes = 1048576;

const encoder = new TextEncoder();
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function invalid(message) {
    return fail('InvalidJson', message);
}

// ---- serialising ----------------------------------------------------------------------------

const shortEscapes = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r' };

function quote(text) {
    if (typeof text !== 'string')
        invalid('object key or string is not a string');
    if (!isWellFormed(text))
        invalid('string with an unpaired surrogate');
    let out = '"';
    let start = 0;
    for (let i = 0; i < text.length; ++i) {
        const c = text.charCodeAt(i);
        if (c >= 0x20 && c !== 0x22 && c !== 0x5c)
            continue;
        out += text.slice(start, i);
        out += shortEscapes[c] ?? `\\u00${c.toString(16).padStart(2, '0')}`;
        start = i + 1;
    }
    return out + text.slice(start) + '"';
}

function isPlainObject(value) {
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

// Code-unit order: JavaScript's default string comparison is exactly RFC 8785's.
function compareKeys(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

function serializeValue(value, level) {
    switch (typeof value) {
    case 'string':
        return quote(value);
    case 'boolean':
        return value ? 'true' : 'false';
    case 'number':
        // -0 is the integer 0 here (as JSON.stringify and the C++ twin write it).
        if (!Number.isSafeInteger(value))
            invalid('number outside the safe integers');
        return String(value === 0 ? 0 : value);
    case 'bigint':
        if (value > BigInt(MaxSafeInteger) || value < -BigInt(MaxSafeInteger))
            invalid('integer outside +-(2^53-1)');
        return value.toString();
    case 'object':
        break;
    default:
        invalid(`no JSON form for ${typeof value}`);
    }
    if (value === null)
        return 'null';
    if (level >= MaxDepth)
        invalid('nesting deeper than 64 levels');
    if (Array.isArray(value)) {
        const parts = [];
        for (let i = 0; i < value.length; ++i)
            parts.push(serializeValue(value[i], level + 1));
        return `[${parts.join(',')}]`;
    }
    if (!isPlainObject(value))
        invalid('only plain objects, arrays, strings, integers, booleans and null');
    const keys = Object.keys(value).sort(compareKeys);
    const parts = keys.map((k) => `${quote(k)}:${serializeValue(value[k], level + 1)}`);
    return `{${parts.join(',')}}`;
}

// Canonical text of a JavaScript value (throws InvalidJson outside the subset).
export function stringify(value) {
    return serializeValue(value, 0);
}

// Canonical UTF-8 bytes of a JavaScript value.
export function serialize(value) {
    return encoder.encode(stringify(value));
}

// ---- parsing ----------------------------------------------------------------------------------

class Parser {
    constructor(text) {
        this.text = text;
        this.pos = 0;
    }

    peek() {
        return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
    }

    skipWhitespace() {
        for (;;) {
            const c = this.peek();
            if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)
                return;
            ++this.pos;
        }
    }

    document() {
        this.skipWhitespace();
        const value = this.value(0);
        this.skipWhitespace();
        if (this.pos !== this.text.length)
            invalid('text after the value');
        return value;
    }

    literal(word, value) {
        if (this.text.startsWith(word, this.pos)) {
            this.pos += word.length;
            return value;
        }
        return invalid('unknown literal');
    }

    // level: how many objects/arrays enclose this value.
    value(level) {
        const c = this.peek();
        switch (c) {
        case 0x7b: // {
            return this.object(level + 1);
        case 0x5b: // [
            return this.array(level + 1);
        case 0x22:
            return this.string();
        case 0x74:
            return this.literal('true', true);
        case 0x66:
            return this.literal('false', false);
        case 0x6e:
            return this.literal('null', null);
        default:
            if (c === 0x2d || (c >= 0x30 && c <= 0x39))
                return this.integer();
            return invalid(c < 0 ? 'unexpected end' : 'unexpected character');
        }
    }

    integer() {
        const start = this.pos;
        let negative = false;
        if (this.peek() === 0x2d) {
            negative = true;
            ++this.pos;
        }
        let c = this.peek();
        if (c < 0x30 || c > 0x39)
            invalid('minus without digits');
        let value = 0;
        if (c === 0x30) {
            ++this.pos;
        } else {
            while ((c = this.peek()) >= 0x30 && c <= 0x39) {
                value = value * 10 + (c - 0x30);
                if (value > MaxSafeInteger)
                    invalid('integer outside +-(2^53-1)');
                ++this.pos;
            }
        }
        c = this.peek();
        // Fractions and exponents are floats, a digit after a leading 0 is a leading zero.
        if (c === 0x2e || c === 0x65 || c === 0x45 || (c >= 0x30 && c <= 0x39))
            invalid(`not an integer at offset ${start}`);
        if (negative && value === 0)
            invalid('-0');
        return negative ? -value : value;
    }

    string() {
        ++this.pos; // opening quote
        const text = this.text;
        let out = '';
        let start = this.pos;
        for (;;) {
            if (this.pos >= text.length)
                invalid('unterminated string');
            const c = text.charCodeAt(this.pos);
            if (c === 0x22) {
                out += text.slice(start, this.pos);
                ++this.pos;
                break;
            }
            if (c < 0x20)
                invalid('raw control character in a string');
            if (c !== 0x5c) {
                ++this.pos;
                continue;
            }
            out += text.slice(start, this.pos);
            const e = this.pos + 1 < text.length ? text.charCodeAt(this.pos + 1) : -1;
            this.pos += 2;
            switch (e) {
            case 0x22: out += '"'; break;
            case 0x5c: out += '\\'; break;
            case 0x2f: out += '/'; break;
            case 0x62: out += '\b'; break;
            case 0x66: out += '\f'; break;
            case 0x6e: out += '\n'; break;
            case 0x72: out += '\r'; break;
            case 0x74: out += '\t'; break;
            case 0x75: {
                const hex = text.slice(this.pos, this.pos + 4);
                if (!/^[0-9a-fA-F]{4}$/.test(hex))
                    invalid('bad \\u escape');
                out += String.fromCharCode(parseInt(hex, 16));
                this.pos += 4;
                break;
            }
            default:
                invalid('unknown escape');
            }
            start = this.pos;
        }
        // Escapes may have made unpaired surrogates, which UTF-8 cannot carry.
        if (!isWellFormed(out))
            invalid('string with an unpaired surrogate');
        return out;
    }

    object(level) {
        if (level > MaxDepth)
            invalid('nesting deeper than 64 levels');
        ++this.pos; // {
        const object = {};
        this.skipWhitespace();
        if (this.peek() === 0x7d) {
            ++this.pos;
            return object;
        }
        for (;;) {
            this.skipWhitespace();
            if (this.peek() !== 0x22)
                invalid('object key is not a string');
            const key = this.string();
            if (hasOwn(object, key))
                invalid('duplicate key');
            this.skipWhitespace();
            if (this.peek() !== 0x3a)
                invalid('colon expected');
            ++this.pos;
            this.skipWhitespace();
            // defineProperty: a "__proto__" key is data, never the prototype.
            Object.defineProperty(object, key, { value: this.value(level), enumerable: true, writable: true, configurable: true });
            this.skipWhitespace();
            const c = this.peek();
            ++this.pos;
            if (c === 0x2c)
                continue;
            if (c === 0x7d)
                return object;
            invalid('comma or } expected');
        }
    }

    array(level) {
        if (level > MaxDepth)
            invalid('nesting deeper than 64 levels');
        ++this.pos; // [
        const array = [];
        this.skipWhitespace();
        if (this.peek() === 0x5d) {
            ++this.pos;
            return array;
        }
        for (;;) {
            this.skipWhitespace();
            array.push(this.value(level));
            this.skipWhitespace();
            const c = this.peek();
            ++this.pos;
            if (c === 0x2c)
                continue;
            if (c === 0x5d)
                return array;
            invalid('comma or ] expected');
        }
    }
}

// Parses JSON text (a string, or UTF-8 bytes) strictly into the subset. Throws TooLarge above
// 1 MiB and InvalidJson for anything outside the subset (BOM, floats, duplicate keys, ...).
export function parse(text) {
    let decoded;
    if (typeof text === 'string') {
        if (!isWellFormed(text))
            invalid('text with an unpaired surrogate is not UTF-8');
        if (text.length * 3 > MaxInputBytes && encoder.encode(text).length > MaxInputBytes)
            fail('TooLarge', 'JSON text above 1 MiB');
        decoded = text;
    } else {
        const bytes = bytesArg(text, 'InvalidJson', 'JSON text');
        if (bytes.length > MaxInputBytes)
            fail('TooLarge', 'JSON text above 1 MiB');
        decoded = decodeUtf8(bytes);
        if (decoded === null)
            invalid('not valid UTF-8');
    }
    try {
        return new Parser(decoded).document();
    } catch (error) {
        if (error instanceof LotseCryptoError)
            throw error;
        return invalid(error && error.message);
    }
}

// Canonical bytes of JSON text.
export function canonicalize(text) {
    return serialize(parse(text));
}

// Canonical text of JSON text.
export function canonicalizeToString(text) {
    return stringify(parse(text));
}
