// Shared by the browser twin's tests: paths, vector files, error assertions.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { LotseCryptoError } from '../../../crypto/js/errors.mjs';

export const sourceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cppVectorDir = join(sourceRoot, 'tests/data/crypto');
export const jsVectorDir = join(sourceRoot, 'tests/data/crypto/js');

export function vectorFiles(dir) {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

export function readJson(file) {
    return JSON.parse(readFileSync(file, 'utf8'));
}

// The Wycheproof files: tests/data/wycheproof when copied into the tree, else the shared copy
// next to the checkout (or LOTSE_WYCHEPROOF_DIR). Missing files fail the test, never skip it.
export function wycheproofFile(name) {
    const candidates = [
        process.env.LOTSE_WYCHEPROOF_DIR,
        join(sourceRoot, 'tests/data/wycheproof'),
        join(sourceRoot, '../shared/testdata/wycheproof'),
    ].filter(Boolean);
    for (const dir of candidates) {
        if (existsSync(join(dir, name)))
            return readJson(join(dir, name));
    }
    throw new Error(`Wycheproof file ${name} not found in ${candidates.join(', ')}`);
}

// Asserts fn throws a LotseCryptoError with this code, and returns nothing else.
export function throwsCode(fn, code, message) {
    let result;
    try {
        result = fn();
    } catch (error) {
        assert.ok(error instanceof LotseCryptoError, `expected LotseCryptoError ${code}, got ${error && error.stack}`);
        assert.equal(error.code, code, message);
        return error;
    }
    assert.fail(`expected ${code}, but it returned ${result}`);
}

export function hex(text) {
    return Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
}

export function flipBit(bytes, bit) {
    const out = Uint8Array.from(bytes);
    out[bit >> 3] ^= 1 << (bit & 7);
    return out;
}

export const utf8 = (text) => new TextEncoder().encode(text);
