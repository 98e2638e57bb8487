// Node only, for the tools and tests (browsers have globalThis.crypto). The ESM build of
// libsodium-wrappers refuses to load without globalThis.crypto.getRandomValues, which node 18
// only has as require('node:crypto').webcrypto (global from node 19 on, or 18 with
// --experimental-global-webcrypto). Import this module first, before anything that loads
// crypto/js/sodium.mjs or libsodium-wrappers(-sumo): it has no top-level await, so an importing
// module's later imports are evaluated after it. Does nothing where globalThis.crypto exists.
import { webcrypto } from 'node:crypto';

if (typeof globalThis.crypto?.getRandomValues !== 'function')
    Object.defineProperty(globalThis, 'crypto', { value: webcrypto, writable: true, configurable: true, enumerable: false });
