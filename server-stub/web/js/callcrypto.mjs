// End-to-end encryption of a call's encoded media frames (crypto/FORMAT.md §18): AES-256-GCM with
// WebCrypto under the call's frame key, wired into WebRTC through createEncodedStreams()
// (Chromium, Qt WebEngine) or RTCRtpScriptTransform (Firefox, Safari). No libsodium here: this
// module also runs inside the transform worker, where there is no import map; the caller derives
// the 32-byte frame key (lotse-crypto's videoFrameKey) and hands it over.

export const FrameKind = Object.freeze({ Audio: 0, Video: 1 });
export const FrameTrailerBytes = 14; // iv 12, h 1, key id 1
export const FrameTagBytes = 16;
export const FrameOverhead = FrameTrailerBytes + FrameTagBytes;

const adLabel = new TextEncoder().encode('lotse-frame-v1');

// Whether this browser can encrypt the frames of a call at all.
export function frameEncryptionSupport(scope = globalThis) {
    const rtc = scope.RTCRtpSender;
    if (rtc && typeof rtc.prototype.createEncodedStreams === 'function')
        return 'encoded-streams';
    if (typeof scope.RTCRtpScriptTransform === 'function')
        return 'script-transform';
    return null;
}

export class FrameEncryptionUnsupported extends Error {
    constructor() {
        super('This browser cannot encrypt calls (neither createEncodedStreams nor RTCRtpScriptTransform)');
        this.name = 'FrameEncryptionUnsupported';
    }
}

// How many leading bytes stay in clear: VP8 key frame 10, VP8 delta 3, Opus 1 (FORMAT.md §18).
export function clearHeaderBytes(kind, keyFrame, length) {
    const wanted = kind === FrameKind.Audio ? 1 : keyFrame ? 10 : 3;
    return Math.min(wanted, length);
}

function associatedData(kind, header, h, keyId) {
    const ad = new Uint8Array(adLabel.length + 1 + header.length + 2);
    ad.set(adLabel, 0);
    ad[adLabel.length] = kind;
    ad.set(header, adLabel.length + 1);
    ad[ad.length - 2] = h;
    ad[ad.length - 1] = keyId;
    return ad;
}

// One page's frame crypto: the keys it knows by key id, the key it sends under, and the single
// salt and counter of all its outgoing tracks.
export class FrameCrypter {
    constructor({ crypto = globalThis.crypto } = {}) {
        this.crypto = crypto;
        this.keys = new Map(); // key id → CryptoKey
        this.sendKeyId = null;
        this.salt = null;
        this.counter = 0n;
        this.stats = { encrypted: 0, decrypted: 0, decryptFailures: 0 };
    }

    // rawKey: the 32-byte frame key of an epoch (FORMAT.md §10), keyId = epoch mod 256.
    async setKey(epoch, rawKey, { send = true } = {}) {
        if (!(rawKey instanceof Uint8Array) || rawKey.length !== 32)
            throw new TypeError('a frame key is 32 bytes');
        const keyId = Number(BigInt(epoch) % 256n);
        const key = await this.crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
        this.keys.set(keyId, key);
        if (send && this.sendKeyId !== keyId) {
            // A new key: a new salt and the counter from 0 (never an IV twice under one key).
            this.sendKeyId = keyId;
            this.salt = this.crypto.getRandomValues(new Uint8Array(4));
            this.counter = 0n;
        }
        return keyId;
    }

    forgetKey(epoch) {
        this.keys.delete(Number(BigInt(epoch) % 256n));
    }

    nextIv() {
        if (this.counter >= 0xffffffffffffffffn)
            throw new Error('frame counter exhausted; change the key');
        const iv = new Uint8Array(12);
        iv.set(this.salt, 0);
        new DataView(iv.buffer).setBigUint64(4, this.counter);
        this.counter += 1n;
        return iv;
    }

    async encryptFrame(kind, data, keyFrame) {
        const frame = new Uint8Array(data);
        if (frame.length === 0)
            return frame;
        if (this.sendKeyId === null)
            throw new Error('no frame key yet');
        const keyId = this.sendKeyId;
        const h = clearHeaderBytes(kind, keyFrame, frame.length);
        const header = frame.subarray(0, h);
        const iv = this.nextIv();
        const sealed = new Uint8Array(await this.crypto.subtle.encrypt(
            { name: 'AES-GCM', iv, additionalData: associatedData(kind, header, h, keyId), tagLength: 128 },
            this.keys.get(keyId), frame.subarray(h)));
        const out = new Uint8Array(h + sealed.length + FrameTrailerBytes);
        out.set(header, 0);
        out.set(sealed, h);
        out.set(iv, h + sealed.length);
        out[out.length - 2] = h;
        out[out.length - 1] = keyId;
        this.stats.encrypted += 1;
        return out;
    }

    // The decrypted frame, or null (counted in stats.decryptFailures) when it does not open.
    async decryptFrame(kind, data) {
        const frame = new Uint8Array(data);
        if (frame.length === 0)
            return frame;
        const failed = () => {
            this.stats.decryptFailures += 1;
            return null;
        };
        if (frame.length < FrameOverhead)
            return failed();
        const h = frame[frame.length - 2];
        const keyId = frame[frame.length - 1];
        if (h > frame.length - FrameOverhead)
            return failed();
        const key = this.keys.get(keyId);
        if (!key)
            return failed();
        const header = frame.subarray(0, h);
        const iv = frame.slice(frame.length - FrameTrailerBytes, frame.length - 2);
        try {
            const plain = new Uint8Array(await this.crypto.subtle.decrypt(
                { name: 'AES-GCM', iv, additionalData: associatedData(kind, header, h, keyId), tagLength: 128 },
                key, frame.subarray(h, frame.length - FrameTrailerBytes)));
            const out = new Uint8Array(h + plain.length);
            out.set(header, 0);
            out.set(plain, h);
            this.stats.decrypted += 1;
            return out;
        } catch {
            return failed();
        }
    }

    // A TransformStream over RTCEncoded{Audio,Video}Frame objects (both APIs hand out the same kind
    // of frame objects). side: 'send' or 'receive'. A frame that does not decrypt is dropped.
    transformer(side, kind) {
        return new TransformStream({
            transform: async (frame, controller) => {
                if (side === 'send') {
                    frame.data = (await this.encryptFrame(kind, frame.data, frame.type === 'key')).buffer;
                    controller.enqueue(frame);
                    return;
                }
                const plain = await this.decryptFrame(kind, frame.data);
                if (plain === null)
                    return;
                frame.data = plain.buffer;
                controller.enqueue(frame);
            },
        });
    }
}

function kindOf(track) {
    return track && track.kind === 'audio' ? FrameKind.Audio : FrameKind.Video;
}

// Wires the frame encryption into a peer connection's senders and receivers. With
// createEncodedStreams() the crypter runs in the page; with RTCRtpScriptTransform in one module
// worker (callcrypto-worker.mjs) that holds its own crypter, fed the same keys.
export class CallEncryption {
    constructor({ workerUrl } = {}) {
        this.api = frameEncryptionSupport();
        if (!this.api)
            throw new FrameEncryptionUnsupported();
        this.crypter = new FrameCrypter();
        this.worker = null;
        this.workerStats = { encrypted: 0, decrypted: 0, decryptFailures: 0 };
        if (this.api === 'script-transform') {
            this.worker = new Worker(workerUrl ?? new URL('./callcrypto-worker.mjs', import.meta.url), { type: 'module' });
            this.worker.onerror = (event) => {
                // A worker that cannot run would leave frames unencrypted: say so loudly.
                console.error(`call encryption worker failed: ${event.message || 'not loaded'}`);
            };
            this.worker.onmessage = (event) => {
                if (event.data && event.data.type === 'stats')
                    this.workerStats = event.data.stats;
            };
        }
    }

    async setKey(epoch, rawKey, options = {}) {
        if (this.worker)
            this.worker.postMessage({ type: 'key', epoch, rawKey, send: options.send !== false });
        return this.crypter.setKey(epoch, rawKey, options);
    }

    // An old epoch's key goes once nobody sends under it any more.
    forgetKey(epoch) {
        if (this.worker)
            this.worker.postMessage({ type: 'forget', epoch });
        this.crypter.forgetKey(epoch);
    }

    attachSender(sender) {
        const kind = kindOf(sender.track);
        if (this.api === 'encoded-streams') {
            const { readable, writable } = sender.createEncodedStreams();
            readable.pipeThrough(this.crypter.transformer('send', kind)).pipeTo(writable).catch(() => {});
        } else {
            sender.transform = new globalThis.RTCRtpScriptTransform(this.worker, { side: 'send', kind });
        }
    }

    attachReceiver(receiver) {
        const kind = kindOf(receiver.track);
        if (this.api === 'encoded-streams') {
            const { readable, writable } = receiver.createEncodedStreams();
            readable.pipeThrough(this.crypter.transformer('receive', kind)).pipeTo(writable).catch(() => {});
        } else {
            receiver.transform = new globalThis.RTCRtpScriptTransform(this.worker, { side: 'receive', kind });
        }
    }

    stats() {
        if (!this.worker)
            return { ...this.crypter.stats };
        this.worker.postMessage({ type: 'stats' });
        return { ...this.workerStats };
    }

    close() {
        if (this.worker)
            this.worker.terminate();
    }
}
