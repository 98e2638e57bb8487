// The one place that touches libsodium-wrappers. init() must resolve before any operation.
import sodiumModule from 'libsodium-wrappers';
import { LotseCryptoError, fail } from './errors.mjs';

let sodium = null;
let initPromise = null;

export function lib() {
    if (sodium === null)
        fail('NotInitialised', 'call init() first');
    return sodium;
}

export function isInitialised() {
    return sodium !== null;
}

// Awaits libsodium and runs the known-answer self-tests (selftest.mjs). Idempotent.
export function init() {
    if (initPromise === null) {
        initPromise = (async () => {
            await sodiumModule.ready;
            const { runSelfTests } = await import('./selftest.mjs');
            const failure = runSelfTests(sodiumModule);
            if (failure !== null)
                throw new LotseCryptoError('SelfTestFailed', failure);
            sodium = sodiumModule;
        })();
        initPromise.catch(() => {
            initPromise = null;
        });
    }
    return initPromise;
}

// Runs fn; any exception libsodium-wrappers throws becomes `code` (our own errors pass through).
export function guarded(code, fn) {
    try {
        return fn();
    } catch (error) {
        if (error instanceof LotseCryptoError)
            throw error;
        return fail(code, error && error.message);
    }
}

// Best effort: wipe and release a secretstream state the wrappers allocated on the WASM heap.
export function releaseState(address) {
    const inner = sodium && sodium.libsodium;
    if (typeof address !== 'number' || !inner)
        return;
    if (typeof inner._sodium_memzero === 'function')
        inner._sodium_memzero(address, 52);
    if (typeof inner._free === 'function')
        inner._free(address);
}
