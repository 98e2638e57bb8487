#!/usr/bin/env node
// Differential vectors: `node crypto/js/tools/fuzz-vectors.mjs DIR [COUNT]` mutates valid
// records, sealed envelopes, file streams, canonical JSON texts and base64url texts with a fixed
// pseudo-random sequence, records what the browser twin says about each (its error name, or ok
// with the output), and writes them as section 16 vector files (fuzz-<kind>.json). The C++ tool
// verifying them shows both twins give the same answer, error names and their order included.
import './node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { concat, isWellFormed, toHex } from '../bytes.mjs';
import { fromBase64Url } from '../base64url.mjs';
import { canonicalizeToString } from '../canonicaljson.mjs';
import { LotseCryptoError } from '../errors.mjs';
import { decryptFile } from '../filestream.mjs';
import { encryptionKeyPairFromSecretKey } from '../keys.mjs';
import { openRecord } from '../record.mjs';
import { openSealed } from '../sealed.mjs';
import { init, lib } from '../sodium.mjs';
import { createFileStreamWriterWithHeader, sealRecordWithNonce, sealToRecipientsWith } from '../testing.mjs';
import { FormatName } from './vectors.mjs';

const utf8 = (text) => new TextEncoder().encode(text);

function prng(seed) {
    let s = seed >>> 0;
    return (n) => {
        s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
        return s % n;
    };
}

function outcome(fn) {
    try {
        return { expect: 'ok', value: fn() };
    } catch (error) {
        if (error instanceof LotseCryptoError)
            return { expect: error.code };
        throw error;
    }
}

function mutateBytes(rnd, bytes) {
    let s = Uint8Array.from(bytes);
    for (let k = 1 + rnd(2); k > 0; --k) {
        const op = rnd(6);
        const p = rnd(s.length + 1);
        const q = Math.min(s.length, p + 1 + rnd(1200));
        if (op === 0)
            s = s.slice(0, p);
        else if (op === 1)
            s = concat(s.slice(0, p), s.slice(q));
        else if (op === 2)
            s = concat(s.slice(0, q), s.slice(p, q), s.slice(q));
        else if (op === 3 && s.length > 0)
            s[Math.min(p, s.length - 1)] ^= 1 << rnd(8);
        else if (op === 4 && s.length > 0)
            s[rnd(Math.min(s.length, 40))] = rnd(256);
        else
            s = concat(s, Uint8Array.of(rnd(256)));
    }
    return s;
}

const patterned = (n, seed) => Uint8Array.from({ length: n }, (_, i) => (i * 29 + seed) & 0xff);
const fixed = (label, size = 32) => lib().crypto_generichash(size, utf8(`lotse-js-fuzz:${label}`), null);

function doc(kind, vectors) {
    return { format: FormatName, kind, producer: 'lotse-crypto-js fuzz-vectors (differential)', vectors };
}

export async function generateFuzz(count = 300) {
    await init();
    const rnd = prng(20261124);
    const key = fixed('key');
    const sender = fixed('sender', 16);
    const records = [];
    for (let i = 0; i < count; ++i) {
        const env = mutateBytes(rnd, sealRecordWithNonce(key, { roomId: 'room-f', senderId: sender, purpose: 1 + rnd(2), epoch: rnd(3),
                                                               sequence: BigInt(i) }, patterned(rnd(120), i), fixed(`rn${i}`, 24)));
        const o = outcome(() => openRecord(key, { roomId: 'room-f', senderId: sender, purpose: 1 }, env));
        if (o.expect !== 'ok')
            records.push({ name: `record ${i}`, expect: o.expect, key: toHex(key), roomId: 'room-f', senderId: toHex(sender), purpose: 1, envelope: toHex(env) });
    }
    const sks = [0, 1, 2].map((n) => fixed(`sk${n}`));
    const pks = sks.map((sk) => encryptionKeyPairFromSecretKey(sk).publicKey);
    const sealed = [];
    for (let i = 0; i < count; ++i) {
        const env = mutateBytes(rnd, sealToRecipientsWith(pks, 1, utf8('ctx'), patterned(rnd(300), i), fixed(`ck${i}`), fixed(`sn${i}`, 24),
                                                          pks.map((_, j) => fixed(`e${i}-${j}`))));
        const who = sks[rnd(3)];
        const o = outcome(() => openSealed(who, 1, utf8('ctx'), env));
        if (o.expect !== 'ok')
            sealed.push({ name: `sealed ${i}`, expect: o.expect, recipients: [], openWith: { secretKey: toHex(who) }, purpose: 1,
                          context: toHex(utf8('ctx')), envelope: toHex(env) });
    }
    const fileId = utf8('fuzz-file');
    const streams = [];
    for (let i = 0; i < count; ++i) {
        const size = rnd(4000);
        const w = createFileStreamWriterWithHeader(key, fileId, size, 1024, fixed(`h${i}`, 24));
        const plain = new Uint8Array(size).fill(i & 0xff);
        const stream = mutateBytes(rnd, concat(w.header, w.push(plain), w.finish()));
        const o = outcome(() => decryptFile(key, fileId, stream));
        if (o.expect !== 'ok')
            streams.push({ name: `stream ${i}`, expect: o.expect, key: toHex(key), fileId: toHex(fileId), stream: toHex(stream), feed: 1 + rnd(2000) });
    }
    const seeds = ['{"a":[1,2,{"b":null}],"c":"x\\u00e9"}', '[true,false,-12,"\\ud83d\\ude00"]', '{"k":{"z":0,"y":[]}}', '"s"', '0'];
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', 'e', '.', ' ', '\n', 'a', 't', 'r', 'n', 'l', 'f',
                      '\ud83d', '\ude00', 'é', '\u0000', '\u001f', '\ufeff', '/', 'E', '+', '9', 'd', '8', '3'];
    const json = [];
    const seen = new Set();
    for (let i = 0; json.length < count * 2 && i < count * 40; ++i) {
        let s = seeds[rnd(seeds.length)];
        for (let k = 1 + rnd(3); k > 0; --k) {
            const p = rnd(s.length + 1);
            const c = alphabet[rnd(alphabet.length)];
            const op = rnd(3);
            s = op === 0 ? s.slice(0, p) + c + s.slice(p) : op === 1 ? s.slice(0, p) + s.slice(p + 1) : s.slice(0, p) + c + s.slice(p + 1);
        }
        if (!isWellFormed(s) || seen.has(s))
            continue; // a raw lone surrogate has no UTF-8 form to hand to the other twin
        seen.add(s);
        const o = outcome(() => canonicalizeToString(s));
        json.push({ name: `json ${i}`, expect: o.expect, input: s, ...(o.expect === 'ok' ? { output: o.value } : {}) });
    }
    const b64 = [];
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < count * 4; ++i) {
        let s = '';
        for (let n = rnd(10); n > 0; --n)
            s += rnd(10) < 9 ? chars[rnd(64)] : '+/= é\n'[rnd(6)];
        const o = outcome(() => fromBase64Url(s));
        b64.push({ name: `b64 ${i}`, expect: o.expect, text: s, ...(o.expect === 'ok' ? { bytes: toHex(o.value) } : {}) });
    }
    return [['fuzz-record.json', doc('record', records)], ['fuzz-sealed.json', doc('sealed', sealed)],
            ['fuzz-filestream.json', doc('filestream', streams)], ['fuzz-canonical-json.json', doc('canonical-json', json)],
            ['fuzz-base64url.json', doc('base64url', b64)]];
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1] &&
    import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
    const [dir, count] = process.argv.slice(2);
    if (!dir) {
        console.error('usage: fuzz-vectors.mjs DIR [COUNT]');
        process.exitCode = 2;
    } else {
        mkdirSync(dir, { recursive: true });
        for (const [name, d] of await generateFuzz(count ? Number(count) : undefined)) {
            writeFileSync(join(dir, name), `${JSON.stringify(d)}\n`);
            console.log(`wrote ${join(dir, name)} (${d.vectors.length} vectors)`);
        }
    }
}
