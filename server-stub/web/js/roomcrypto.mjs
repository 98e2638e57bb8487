// The room's cryptography in the browser (CONTRACT-6 part B, crypto/FORMAT.md §4, §6, §7, §11)
// through the crypto twin. Loaded after the page shows its first state, so that the first load
// stays small; everything here runs on this device only.
import { init, lib } from 'lotse-crypto/sodium.mjs';
import { keyId } from 'lotse-crypto/keys.mjs';
import { openRecord, peekRecord, RecordPurpose, sealRecord } from 'lotse-crypto/record.mjs';
import { ReplayGuard } from 'lotse-crypto/replay.mjs';
import { openSealed, sealToRecipients, SealPurpose } from 'lotse-crypto/sealed.mjs';
import { createFileStreamWriter, DefaultChunkSize, FileStreamReader } from 'lotse-crypto/filestream.mjs';
import { parse, serialize } from 'lotse-crypto/canonicaljson.mjs';
import { shortAuthenticationCode } from 'lotse-crypto/sas.mjs';
import { verifyDeviceRegistration } from 'lotse-crypto/signature.mjs';
import { fromBase64Url, toBase64Url } from 'lotse-crypto/base64url.mjs';
import { idbGet, idbPut, storedBrowserKeyPair } from './seal.mjs';

export { DefaultChunkSize, FileStreamReader, RecordPurpose, toBase64Url };

export async function ready() {
    await init();
}

// This browser's key when it is the room's visitor key; null when the browser holds no key or
// another one (the link opened on another device).
export async function identity(visitorKeyId) {
    const pair = await storedBrowserKeyPair();
    if (!pair)
        return null;
    const id = toBase64Url(keyId(pair.publicKey));
    return id === visitorKeyId ? { pair, keyId: id, senderId: keyId(pair.publicKey) } : null;
}

// Advisor devices whose self-signed registration verifies, each with the verification code
// (§11) between its key and this browser's key.
export function advisorDevices(participants, roomId, ownPublicKey) {
    const devices = [];
    for (const p of participants) {
        if (p.kind !== 'advisor')
            continue;
        try {
            const checked = verifyDeviceRegistration({ x25519: p.x25519, ed25519: p.ed25519, signature: p.signature });
            if (toBase64Url(keyId(checked.x25519)) !== p.keyId)
                continue;
            devices.push({ keyId: p.keyId, displayName: p.displayName || '', x25519: checked.x25519,
                           code: shortAuthenticationCode(checked.x25519, ownPublicKey, roomId) });
        } catch {
            // a device that does not verify gets no key and no code
        }
    }
    return devices;
}

// The room keys this browser can open, by epoch; cached in IndexedDB per (room, epoch).
export async function openRoomKeys(roomId, envelopes, pair) {
    const keys = new Map();
    for (const e of envelopes) {
        if (keys.has(e.epoch))
            continue;
        const cacheName = `room:${roomId}:${e.epoch}`;
        const cached = await idbGet(cacheName);
        if (cached instanceof Uint8Array && cached.length === 32) {
            keys.set(e.epoch, cached);
            continue;
        }
        try {
            const key = openSealed(pair, SealPurpose.RoomKey, `room:${roomId}:${e.epoch}`, fromBase64Url(e.sealed));
            if (key.length !== 32)
                continue;
            keys.set(e.epoch, key);
            await idbPut(cacheName, key);
        } catch {
            // not for this key, or tampered: that epoch stays unreadable here
        }
    }
    return keys;
}

// A new room key for `epoch`, sealed to every verified advisor device and this browser.
export function newRoomKey(roomId, epoch, recipientKeys) {
    const key = lib().randombytes_buf(32);
    const sealed = sealToRecipients(recipientKeys, SealPurpose.RoomKey, `room:${roomId}:${epoch}`, key);
    return { key, sealed: toBase64Url(sealed) };
}

export async function rememberRoomKey(roomId, epoch, key) {
    await idbPut(`room:${roomId}:${epoch}`, key);
}

// The participants' key ids this browser saw in a room (null before the first visit).
export async function seenKeys(roomId) {
    const value = await idbGet(`seen:${roomId}`);
    return Array.isArray(value) ? value : null;
}

export async function rememberKeys(roomId, ids) {
    await idbPut(`seen:${roomId}`, [...ids].sort());
}

export function header(envelope) {
    try {
        const h = peekRecord(fromBase64Url(envelope));
        return { epoch: h.epoch, sequence: Number(h.sequence), purpose: h.purpose };
    } catch {
        return null;
    }
}

export function sealMessage(key, { roomId, senderId, epoch, sequence, purpose }, body) {
    return toBase64Url(sealRecord(key, { roomId, senderId, purpose, epoch, sequence }, serialize(body)));
}

export function newReplayGuard() {
    return new ReplayGuard();
}

// Opens a relay message: { purpose, body } or null for anything that does not open (wrong room,
// epoch key, tampering, replay, unknown purpose, bad JSON). Room-control records (a call's
// signals) open with a null body.
export function openMessage(keys, guard, { roomId, sender, envelope }) {
    try {
        const bytes = fromBase64Url(envelope);
        const h = peekRecord(bytes);
        const key = keys.get(h.epoch);
        if (!key || (h.purpose !== RecordPurpose.ChatMessage && h.purpose !== RecordPurpose.FileManifest &&
                     h.purpose !== RecordPurpose.RoomControl))
            return null;
        const opened = openRecord(key, { roomId, senderId: fromBase64Url(sender), purpose: h.purpose }, bytes, guard);
        // A call's signals (the call page's business): authentic, so neither shown nor "broken";
        // only the signal's type is peeked at (the room page says when the advisor is calling).
        if (h.purpose === RecordPurpose.RoomControl)
            return { purpose: h.purpose, body: null, signal: callSignal(opened.plaintext), epoch: h.epoch, sequence: Number(h.sequence) };
        const body = parse(new TextDecoder('utf-8', { fatal: true }).decode(opened.plaintext));
        if (!body || body.v !== 1)
            return null;
        if (h.purpose === RecordPurpose.ChatMessage) {
            if (typeof body.text !== 'string' || body.text.length < 1 || body.text.length > 10000)
                return null;
        } else if (!validManifest(body)) {
            return null;
        }
        return { purpose: h.purpose, body, epoch: h.epoch, sequence: Number(h.sequence) };
    } catch {
        return null;
    }
}

function callSignal(plaintext) {
    try {
        const signal = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
        if (!signal || signal.v !== 1 || typeof signal.type !== 'string')
            return null;
        return { type: signal.type, reply: signal.reply === true, to: typeof signal.to === 'string' ? signal.to : null };
    } catch {
        return null;
    }
}

function validManifest(m) {
    return typeof m.fileId === 'string' && /^[0-9a-f-]{36}$/.test(m.fileId) && typeof m.name === 'string' &&
           m.name.length > 0 && m.name.length <= 255 && !/[/\\]/.test(m.name) && typeof m.mime === 'string' &&
           Number.isSafeInteger(m.size) && m.size >= 0 && typeof m.key === 'string' && fromBase64Url(m.key).length === 32;
}

export function newFileKey() {
    return lib().randombytes_buf(32);
}

export function fileWriter(fileKey, fileId, size) {
    return createFileStreamWriter(fileKey, fileId, size, DefaultChunkSize);
}

// FORMAT.md §7: 38 + L + 21·N + S.
export function streamSize(fileId, size) {
    const chunks = size === 0 ? 1 : Math.ceil(size / DefaultChunkSize);
    return 38 + new TextEncoder().encode(fileId).length + 21 * chunks + size;
}

export function fileReader(keyText, fileId) {
    return new FileStreamReader(fromBase64Url(keyText), fileId);
}
