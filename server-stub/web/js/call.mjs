// The call core and the call page (/call#<capability>): a WebRTC mesh between the participants of
// a room (help-seeker, advisor, up to three interpreters), one RTCPeerConnection per remote
// participant, every media frame end-to-end encrypted (callcrypto.mjs, FORMAT.md §18) with the
// frame key of the room key's epoch. Signalling (ready, offer, answer, ICE, hang-up, key, media)
// travels as room-control records (FORMAT.md §4, purpose 4) through the server's relay, so the
// server sees ciphertext only.
//
// Two ways in: the page opens the room key itself (the help-seeker with the browser key in
// IndexedDB, an interpreter with a fresh key it registers), or a host that already holds the keys
// (the desktop app's bundled page, CONTRACT-7 §2) calls openPreview() and startCall(). The core
// needs no lotse-crypto: only RoomSignalling (the relay) loads it.
import { ApiError, request } from './api.mjs';
import { CallEncryption, FrameEncryptionUnsupported, frameEncryptionSupport } from './callcrypto.mjs';
import { h, replaceChildren } from './dom.mjs';
import { loadLanguage, pickLanguage, t } from './i18n.mjs';

const RoomControl = 4;
const signalTypes = new Set(['ready', 'offer', 'answer', 'ice', 'hangup', 'key', 'media']);
const keyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const sendSwitchTimeoutMs = 5000;
const statsIntervalMs = 500;

export class PermissionDenied extends Error {
    constructor(cause) {
        super('camera or microphone permission denied', { cause });
        this.name = 'PermissionDenied';
    }
}

export class NoDevices extends Error {
    constructor(cause) {
        super('no usable camera or microphone', { cause });
        this.name = 'NoDevices';
    }
}

export { FrameEncryptionUnsupported };

let lotse = null;
async function cryptoLib() {
    if (!lotse) {
        lotse = await import('lotse-crypto/index.mjs');
        await lotse.init();
    }
    return lotse;
}

function waitFor(socket, predicate, timeoutMs = 15000) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { cleanup(); reject(new Error('relay timeout')); }, timeoutMs);
        const onMessage = (event) => {
            let message;
            try {
                message = JSON.parse(event.data);
            } catch {
                return;
            }
            if (message.type === 'error' && !message.clientId) {
                cleanup();
                reject(new Error(`relay: ${message.code}`));
            } else if (predicate(message)) {
                cleanup();
                resolve(message);
            }
        };
        const onClose = () => { cleanup(); reject(new Error('relay closed')); };
        function cleanup() {
            clearTimeout(timer);
            socket.removeEventListener('message', onMessage);
            socket.removeEventListener('close', onClose);
        }
        socket.addEventListener('message', onMessage);
        socket.addEventListener('close', onClose);
    });
}

// The relay socket of one room, carrying the call's signals as purpose-4 records under the room
// key of the newest epoch it knows. auth: {capability} (help-seeker, interpreter) or {token, keyId}
// (advisor session and device key id). openEpoch(epoch) → the room key of a newer epoch or null:
// with it the signalling follows epoch changes (`epoch_changed`, or a record of an epoch it does
// not know) and calls onEpoch(epoch, roomKey); a host that hands keys in calls useEpoch().
export class RoomSignalling {
    constructor({ auth, roomId, roomKey = null, epoch = null, openEpoch = null }) {
        this.auth = auth;
        this.roomId = roomId;
        this.keys = new Map(); // epoch → room key
        this.epoch = null;
        this.openEpoch = openEpoch;
        this.onSignal = () => {};
        this.onEpoch = () => {};
        this.onKeysChanged = () => {};
        this.onClose = () => {};
        this.socket = null;
        this.senderId = null;
        this.selfId = null;
        this.sequences = new Map(); // epoch → next own sequence
        this.work = Promise.resolve();
        this.held = []; // records of epochs whose key is not known yet
        this.asked = new Map(); // epoch → when its key was last asked for
        this.closed = false;
        if (roomKey && epoch !== null)
            this.#remember(epoch, roomKey);
    }

    #remember(epoch, roomKey) {
        this.keys.set(epoch, roomKey);
        if (this.epoch === null || epoch > this.epoch)
            this.epoch = epoch;
        if (!this.sequences.has(epoch))
            this.sequences.set(epoch, 0n);
    }

    // A new epoch's room key from the host (the desktop's RoomService made or opened it).
    useEpoch(epoch, roomKey) {
        this.#remember(epoch, roomKey);
        this.#queue(() => this.#replay(epoch));
    }

    async open() {
        const lib = await cryptoLib();
        const url = new URL('/api/v1/ws', location.href);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        const socket = new WebSocket(url);
        this.socket = socket;
        await new Promise((resolve, reject) => {
            socket.addEventListener('open', resolve, { once: true });
            socket.addEventListener('error', () => reject(new Error('relay unreachable')), { once: true });
        });
        const ready = waitFor(socket, (m) => m.type === 'ready');
        socket.send(JSON.stringify(this.auth.capability ? { type: 'auth', capability: this.auth.capability }
                                                          : { type: 'auth', token: this.auth.token }));
        await ready;
        const joined = waitFor(socket, (m) => m.type === 'joined' && m.room === this.roomId);
        socket.send(JSON.stringify({ type: 'join', room: this.roomId, ...(this.auth.keyId ? { keyId: this.auth.keyId } : {}) }));
        const { sender } = await joined;
        this.senderId = lib.fromBase64Url(sender);
        this.selfId = sender;

        // The record sequence is this sender's own counter per (room, epoch): continue after the
        // highest one in the history so no sequence is used twice.
        let after = 0;
        for (;;) {
            const seen = [];
            const collect = (event) => {
                const m = JSON.parse(event.data);
                if (m.type === 'message' && m.room === this.roomId)
                    seen.push(m);
            };
            socket.addEventListener('message', collect);
            const synced = waitFor(socket, (m) => m.type === 'synced' && m.room === this.roomId);
            socket.send(JSON.stringify({ type: 'sync', room: this.roomId, after }));
            const done = await synced;
            socket.removeEventListener('message', collect);
            for (const m of seen) {
                after = Math.max(after, m.seq);
                if (m.sender !== sender)
                    continue;
                try {
                    const header = lib.peekRecord(lib.fromBase64Url(m.envelope));
                    const next = this.sequences.get(header.epoch) ?? 0n;
                    if (header.sequence >= next)
                        this.sequences.set(header.epoch, header.sequence + 1n);
                } catch {
                    // not a record this page could have sent; it does not move the counter
                }
            }
            after = Math.max(after, done.lastSeq);
            if (!done.more)
                break;
        }
        socket.addEventListener('message', (event) => this.receive(event.data));
        socket.addEventListener('close', (event) => {
            if (!this.closed)
                this.onClose(event.code);
        });
    }

    // Relay events are handled one after another: a record may wait for its epoch's key.
    #queue(job) {
        this.work = this.work.then(job).catch(() => {});
        return this.work;
    }

    // Opens the room key of `epoch` when it is newer than the ones known and keys can be opened.
    // A record of an unknown epoch asks at most every 3 s; `epoch_changed` always asks.
    async learn(epoch, { force = true } = {}) {
        if (this.keys.has(epoch))
            return this.keys.get(epoch);
        if (!this.openEpoch || !Number.isSafeInteger(epoch) || (this.epoch !== null && epoch < this.epoch))
            return null;
        const last = this.asked.get(epoch);
        if (!force && last !== undefined && performance.now() - last < 3000)
            return null;
        this.asked.set(epoch, performance.now());
        const roomKey = await this.openEpoch(epoch).catch(() => null);
        if (!roomKey || this.keys.has(epoch))
            return this.keys.get(epoch) ?? null;
        this.#remember(epoch, roomKey);
        if (this.epoch === epoch)
            this.onEpoch(epoch, roomKey);
        this.#replay(epoch);
        return roomKey;
    }

    // Signals of an epoch not known yet wait (a few) until its key is there: the advisor's app
    // may send under a new epoch a moment before this page heard of it.
    #replay(epoch) {
        const waiting = this.held.filter((m) => m.epoch === epoch);
        this.held = this.held.filter((m) => m.epoch !== epoch);
        for (const m of waiting)
            this.#deliver(m.message, m.envelope, m.epoch);
    }

    #deliver(message, envelope, epoch) {
        let signal;
        try {
            const opened = lotse.openRecord(this.keys.get(epoch), { roomId: this.roomId, senderId: lotse.fromBase64Url(message.sender),
                                                                    purpose: RoomControl }, envelope);
            signal = JSON.parse(new TextDecoder().decode(opened.plaintext));
        } catch {
            return; // a record that does not open (tampered, another room) is no signal of this call
        }
        if (signal && signal.v === 1 && signalTypes.has(signal.type))
            this.onSignal(signal, message.sender);
    }

    receive(data) {
        let message;
        try {
            message = JSON.parse(data);
        } catch {
            return;
        }
        if (message.type === 'epoch_changed' && message.room === this.roomId) {
            this.#queue(() => this.learn(message.currentEpoch));
            return;
        }
        if (message.type === 'keys_changed' && message.room === this.roomId) {
            this.onKeysChanged();
            return;
        }
        if (message.type !== 'message' || message.room !== this.roomId || message.sender === this.selfId)
            return;
        this.#queue(async () => {
            const envelope = lotse.fromBase64Url(message.envelope);
            const header = lotse.peekRecord(envelope);
            if (header.purpose !== RoomControl)
                return;
            if (!this.keys.has(header.epoch))
                await this.learn(header.epoch, { force: false });
            if (this.keys.has(header.epoch)) {
                this.#deliver(message, envelope, header.epoch);
            } else if (this.epoch === null || header.epoch > this.epoch) {
                this.held.push({ message, envelope, epoch: header.epoch });
                this.held.splice(0, Math.max(0, this.held.length - 64));
            }
        });
    }

    send(signal) {
        if (!this.socket || this.socket.readyState !== WebSocket.OPEN || this.epoch === null)
            return;
        const epoch = this.epoch;
        const sequence = this.sequences.get(epoch) ?? 0n;
        this.sequences.set(epoch, sequence + 1n);
        const plaintext = new TextEncoder().encode(lotse.CanonicalJson.stringify({ ...signal, v: 1 }));
        const envelope = lotse.sealRecord(this.keys.get(epoch), { roomId: this.roomId, senderId: this.senderId, purpose: RoomControl,
                                                                   epoch, sequence }, plaintext);
        this.socket.send(JSON.stringify({ type: 'send', room: this.roomId, clientId: globalThis.crypto.randomUUID(),
                                          envelope: lotse.toBase64Url(envelope) }));
    }

    close() {
        this.closed = true;
        if (this.socket)
            this.socket.close();
    }
}

function preferCodecs(pc) {
    // Only VP8 and Opus: their clear headers are what FORMAT.md §18 keeps; other packetisers parse
    // more of the (encrypted) payload.
    for (const transceiver of pc.getTransceivers()) {
        const kind = transceiver.receiver.track.kind;
        const caps = globalThis.RTCRtpReceiver.getCapabilities && RTCRtpReceiver.getCapabilities(kind);
        if (!caps || !transceiver.setCodecPreferences || transceiver.stopped)
            continue;
        const wanted = kind === 'video' ? /^video\/(VP8|rtx)$/i : /^audio\/opus$/i;
        const codecs = caps.codecs.filter((c) => wanted.test(c.mimeType));
        if (codecs.length)
            transceiver.setCodecPreferences(codecs);
    }
}

function formatDuration(seconds) {
    const s = Math.floor(seconds % 60);
    const m = Math.floor(seconds / 60) % 60;
    const hours = Math.floor(seconds / 3600);
    const two = (n) => String(n).padStart(2, '0');
    return hours ? `${hours}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

// A device id for a label (the desktop passes Qt Multimedia's descriptions) or an id; null: the default.
async function deviceIdFor(kind, wanted) {
    if (!wanted)
        return null;
    const list = await navigator.mediaDevices.enumerateDevices();
    const found = list.find((d) => d.kind === kind && (d.label === wanted || d.deviceId === wanted));
    return found ? found.deviceId : null;
}

export const videoSize = { width: 640, height: 360 };

async function openMedia({ devices = {}, audioOnly = false, video = videoSize }) {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia)
        throw new NoDevices(new Error('no mediaDevices (not a secure context?)'));
    const audioId = await deviceIdFor('audioinput', devices.audioInput);
    const videoId = await deviceIdFor('videoinput', devices.videoInput);
    const constraints = {
        audio: audioId ? { deviceId: { exact: audioId } } : true,
        video: audioOnly ? false : { width: { ideal: video.width }, height: { ideal: video.height },
                                     ...(videoId ? { deviceId: { exact: videoId } } : {}) },
    };
    try {
        return await navigator.mediaDevices.getUserMedia(constraints);
    } catch (error) {
        if (error && (error.name === 'NotAllowedError' || error.name === 'SecurityError'))
            throw new PermissionDenied(error);
        throw new NoDevices(error);
    }
}

// Local media before joining, shown in `view` (a <video>, or an element a <video> goes into).
export async function openPreview({ view, devices = {}, audioOnly = false, video = videoSize } = {}) {
    let element = view;
    if (view && view.tagName !== 'VIDEO') {
        element = h('video', { class: 'call-preview', autoplay: true, playsinline: true, 'aria-label': t('call.preview') });
        view.append(element);
    }
    if (element)
        element.muted = true;
    let current = { devices: { ...devices }, audioOnly };
    let stream = await openMedia({ ...current, video });
    const show = () => {
        if (element) {
            element.srcObject = stream;
            element.play().catch(() => {});
        }
    };
    show();
    const preview = {
        get stream() { return stream; },
        devices: () => ({ ...current.devices }),
        audioOnly: () => current.audioOnly,
        async setDevices(next) {
            const wanted = { devices: { ...current.devices, ...next }, audioOnly: current.audioOnly };
            const fresh = await openMedia({ ...wanted, video });
            stream.getTracks().forEach((track) => track.stop());
            stream = fresh;
            current = wanted;
            show();
            return stream;
        },
        async setAudioOnly(value) {
            const wanted = { devices: current.devices, audioOnly: Boolean(value) };
            const fresh = await openMedia({ ...wanted, video });
            stream.getTracks().forEach((track) => track.stop());
            stream = fresh;
            current = wanted;
            show();
            return stream;
        },
        stop() {
            stream.getTracks().forEach((track) => track.stop());
            if (element)
                element.srcObject = null;
        },
    };
    return preview;
}

// RTT and loss in words: what a help-seeker can act on.
export function qualityOf({ rtt, loss }) {
    if (rtt === null && loss === null)
        return null;
    if ((rtt ?? 0) < 0.3 && (loss ?? 0) < 0.02)
        return 'good';
    if ((rtt ?? 0) < 0.7 && (loss ?? 0) < 0.08)
        return 'fair';
    return 'poor';
}

const qualityRank = { good: 0, fair: 1, poor: 2 };

// A call in the page: media, one encrypted peer connection per remote participant, the controls.
export async function startCall({ signalling, keys, ice = {}, view, media = null, devices = {}, audioOnly = false, names = {} }) {
    const startedAt = performance.now();
    const encryption = new CallEncryption();
    if (!keys || !(keys.frameKey instanceof Uint8Array) || !Number.isSafeInteger(keys.epoch))
        throw new TypeError('startCall needs keys {epoch, frameKey}');
    await encryption.setKey(keys.epoch, keys.frameKey);
    let sendEpoch = keys.epoch;
    let kept = [keys.epoch]; // epochs whose keys open incoming frames
    const local = media || await openMedia({ devices, audioOnly });
    audioOnly = audioOnly || local.getVideoTracks().length === 0;
    const cameraTrack = local.getVideoTracks()[0] || null;
    let videoTrack = cameraTrack; // what the peers get: the camera or a shared screen
    let screenStream = null;
    let speakerId = await deviceIdFor('audiooutput', devices.audioOutput).catch(() => null);
    let nameOf = { ...names };
    const selfId = signalling.selfId;

    const localVideo = h('video', { id: 'call-local', class: 'call-local', autoplay: true, playsinline: true, 'aria-label': t('call.you') });
    localVideo.muted = true;
    localVideo.srcObject = local;
    const state = h('p', { id: 'call-state', class: 'status', role: 'status', 'aria-live': 'polite', 'data-state': 'starting', text: t('call.starting') });
    const announcer = h('p', { id: 'call-announce', class: 'visually-hidden', 'aria-live': 'polite' });
    const timer = h('p', { id: 'call-timer', class: 'call-timer', text: '00:00' });
    const quality = h('p', { id: 'call-quality', class: 'call-quality', 'data-bytes-in': '0', 'data-frames-decrypted': '0',
                             'data-decrypt-failures': '0', 'data-frames-decoded': '0', 'data-frames-encrypted': '0',
                             'data-send-key-id': String(keys.epoch % 256), 'data-peers': '{}' });
    const tiles = h('ul', { id: 'call-participants', class: 'call-tiles', 'aria-label': t('call.participants') });
    const muteButton = h('button', { type: 'button', id: 'call-mute', 'aria-pressed': 'false', text: t('call.mute') });
    const cameraButton = h('button', { type: 'button', id: 'call-camera', 'aria-pressed': 'false', text: t('call.cameraOff') });
    const shareButton = h('button', { type: 'button', id: 'call-share', 'aria-pressed': 'false', text: t('call.share') });
    const hangupButton = h('button', { type: 'button', id: 'call-hangup', class: 'danger', text: t('call.hangUp') });
    cameraButton.hidden = audioOnly;
    shareButton.hidden = audioOnly || !(navigator.mediaDevices && navigator.mediaDevices.getDisplayMedia);
    replaceChildren(view, h('h1', { id: 'page-title', text: t('call.title') }), state, announcer,
                    h('div', { class: 'call-videos' }, tiles, h('div', { class: 'call-self' }, localVideo,
                      audioOnly ? h('p', { class: 'hint', id: 'call-audio-only-note', text: t('call.audioOnlyOn') }) : null)),
                    h('div', { class: 'call-controls' }, muteButton, cameraButton, shareButton, hangupButton), timer, quality);

    const setState = (name) => {
        state.dataset.state = name;
        state.textContent = t(`call.${name}`);
    };

    const peers = new Map(); // key id → peer
    const wantsVideo = new Map(); // key id → false when that participant asked for no video
    const confirmed = new Map(); // key id → the newest epoch it said it has (signal `key`)
    let pendingSend = null; // {epoch, frameKey, waitFor: Set, timer}
    let connectedAt = null;
    let everConnected = false;
    let ended = false;
    let setupMs = null;
    const call = { onEnded: null };

    const send = (signal) => {
        if (!ended)
            signalling.send(signal);
    };
    const displayName = (keyId) => nameOf[keyId] || t('call.participant');
    const announce = (text) => { announcer.textContent = text; };

    const firstFrame = () => {
        if (setupMs === null) {
            setupMs = Math.round(performance.now() - startedAt);
            quality.dataset.setupMs = String(setupMs);
        }
    };

    const applyVideo = (peer) => {
        for (const sender of peer.videoSenders) {
            const track = wantsVideo.get(peer.keyId) === false ? null : videoTrack;
            if (sender.track !== track)
                sender.replaceTrack(track).catch(() => {});
        }
    };

    const attachReceiver = (peer, receiver) => {
        if (!peer.attached.has(receiver)) {
            peer.attached.add(receiver);
            encryption.attachReceiver(receiver);
        }
    };

    const removePeer = (keyId, why) => {
        const peer = peers.get(keyId);
        if (!peer)
            return;
        peers.delete(keyId);
        peer.pc.close();
        peer.tile.remove();
        if (peer.connected && why !== 'replaced')
            announce(t('call.left', { name: displayName(keyId) }));
        if (pendingSend)
            pendingSend.waitFor.delete(keyId);
        checkSendSwitch();
    };

    const createPeer = (keyId, role) => {
        removePeer(keyId, 'replaced');
        const pc = new RTCPeerConnection({ iceServers: ice.iceServers || [], iceTransportPolicy: ice.iceTransportPolicy === 'relay' ? 'relay' : 'all',
                                           encodedInsertableStreams: encryption.api === 'encoded-streams' });
        const video = h('video', { class: 'call-remote', autoplay: true, playsinline: true, 'aria-label': displayName(keyId) });
        const label = h('span', { class: 'call-name', text: displayName(keyId) });
        const word = h('span', { class: 'call-peer-quality' });
        const tile = h('li', { class: 'call-tile', 'data-key-id': keyId }, video, h('p', { class: 'call-caption' }, label, word));
        tiles.append(tile);
        const stream = new MediaStream();
        video.srcObject = stream;
        if (speakerId && video.setSinkId)
            video.setSinkId(speakerId).catch(() => {});
        const peer = { keyId, role, pc, tile, video, label, word, stream, attached: new Set(), videoSenders: new Set(), pendingIce: [],
                       connected: false, figures: { state: 'new', bytesIn: 0, audioBytesIn: 0, videoBytesIn: 0, framesDecoded: 0,
                                                    frameWidth: null, frameHeight: null,
                                                    route: null, rtt: null, loss: null, quality: null } };
        peers.set(keyId, peer);
        for (const track of local.getTracks()) {
            const sender = pc.addTrack(track.kind === 'video' ? videoTrack : track, local);
            if (track.kind === 'video')
                peer.videoSenders.add(sender);
            encryption.attachSender(sender);
        }
        applyVideo(peer);
        // Receivers get their transform as early as possible (a script transform set in ontrack
        // sees no frames in Chromium).
        if (encryption.api === 'script-transform')
            pc.getTransceivers().forEach((transceiver) => attachReceiver(peer, transceiver.receiver));
        pc.ontrack = (event) => {
            attachReceiver(peer, event.receiver);
            stream.addTrack(event.track);
            video.play().catch(() => {});
        };
        if (video.requestVideoFrameCallback)
            video.requestVideoFrameCallback(firstFrame);
        else
            video.addEventListener('loadeddata', firstFrame, { once: true });
        pc.onicecandidate = (event) => {
            if (event.candidate)
                send({ type: 'ice', candidate: JSON.stringify(event.candidate.toJSON()), to: keyId });
        };
        pc.onconnectionstatechange = () => {
            peer.figures.state = pc.connectionState;
            if (pc.connectionState === 'connected' && !peer.connected) {
                peer.connected = true;
                everConnected = true;
                if (connectedAt === null)
                    connectedAt = performance.now();
                setState('connected');
                announce(t('call.joined', { name: displayName(keyId) }));
            } else if (pc.connectionState === 'failed') {
                removePeer(keyId, 'failed');
                if (peers.size === 0)
                    end('failed');
            }
        };
        return peer;
    };

    const offer = async (peer) => {
        preferCodecs(peer.pc);
        await peer.pc.setLocalDescription(await peer.pc.createOffer());
        send({ type: 'offer', sdp: peer.pc.localDescription.sdp, to: peer.keyId });
    };

    const flushIce = async (peer) => {
        for (const candidate of peer.pendingIce.splice(0))
            await peer.pc.addIceCandidate(candidate).catch(() => {});
    };

    // Sending switches to a new key once every peer that was there said it has it (or after 5 s).
    function checkSendSwitch() {
        if (!pendingSend)
            return;
        for (const keyId of pendingSend.waitFor) {
            if (!peers.has(keyId) || (confirmed.get(keyId) ?? -1) >= pendingSend.epoch)
                pendingSend.waitFor.delete(keyId);
        }
        if (pendingSend.waitFor.size === 0)
            switchSend();
    }

    async function switchSend() {
        const pending = pendingSend;
        if (!pending)
            return;
        pendingSend = null;
        clearTimeout(pending.timer);
        if (ended || pending.epoch <= sendEpoch)
            return;
        await encryption.setKey(pending.epoch, pending.frameKey, { send: true });
        // The previous key stays for frames still on their way; older ones go (unless a kept
        // epoch shares their key id, epoch mod 256).
        const keep = [sendEpoch, ...kept.filter((epoch) => epoch >= pending.epoch)];
        for (const epoch of kept) {
            if (!keep.includes(epoch) && !keep.some((k) => k % 256 === epoch % 256))
                encryption.forgetKey(epoch);
        }
        kept = keep;
        sendEpoch = pending.epoch;
        quality.dataset.sendKeyId = String(sendEpoch % 256);
    }

    call.setKey = async (epoch, frameKey) => {
        if (ended || !Number.isSafeInteger(epoch) || epoch <= sendEpoch || (pendingSend && epoch <= pendingSend.epoch))
            return;
        await encryption.setKey(epoch, frameKey, { send: false });
        kept.push(epoch);
        if (pendingSend)
            clearTimeout(pendingSend.timer);
        pendingSend = { epoch, frameKey, waitFor: new Set(peers.keys()), timer: setTimeout(switchSend, sendSwitchTimeoutMs) };
        send({ type: 'key', epoch });
        checkSendSwitch();
    };

    // Where the re-key stands (for hosts and tests): the epoch sent under, the one waiting for
    // confirmations and from whom.
    call.keyState = () => ({ sendEpoch, kept: [...kept], pending: pendingSend ? { epoch: pendingSend.epoch, waitFor: [...pendingSend.waitFor] } : null,
                             confirmed: Object.fromEntries(confirmed) });

    call.setNames = (next) => {
        nameOf = { ...nameOf, ...next };
        for (const peer of peers.values()) {
            const before = peer.label.textContent;
            peer.label.textContent = displayName(peer.keyId);
            peer.video.setAttribute('aria-label', displayName(peer.keyId));
            if (peer.connected && before !== peer.label.textContent)
                announce(t('call.joined', { name: displayName(peer.keyId) }));
        }
    };

    call.setSpeaker = async (label) => {
        speakerId = await deviceIdFor('audiooutput', label);
        for (const peer of peers.values()) {
            if (peer.video.setSinkId)
                await peer.video.setSinkId(speakerId || '').catch(() => {});
        }
    };

    const setVideoTrack = (track) => {
        videoTrack = track;
        localVideo.srcObject = track ? new MediaStream([track, ...local.getAudioTracks()]) : local;
        quality.dataset.videoTrack = track ? track.label : '';
        for (const peer of peers.values())
            applyVideo(peer);
    };
    quality.dataset.videoTrack = videoTrack ? videoTrack.label : '';

    const stopShare = () => {
        if (!screenStream)
            return;
        screenStream.getTracks().forEach((track) => track.stop());
        screenStream = null;
        setVideoTrack(cameraTrack);
        shareButton.setAttribute('aria-pressed', 'false');
        shareButton.textContent = t('call.share');
        quality.dataset.sharing = 'false';
    };

    let ticker = null;
    function end(why) {
        if (ended)
            return;
        ended = true;
        clearInterval(ticker);
        if (pendingSend)
            clearTimeout(pendingSend.timer);
        stopShare();
        for (const peer of peers.values())
            peer.pc.close();
        local.getTracks().forEach((track) => track.stop());
        encryption.close();
        signalling.close();
        setState(why);
        for (const button of [muteButton, cameraButton, shareButton, hangupButton])
            button.disabled = true;
        if (typeof call.onEnded === 'function')
            call.onEnded(why);
    }
    call.end = end;

    const collect = async (peer) => {
        const report = await peer.pc.getStats();
        const f = peer.figures;
        let bytesIn = 0, audio = 0, videoBytes = 0, framesDecoded = 0, lost = 0, received = 0, pairId = null, frameWidth = null, frameHeight = null;
        report.forEach((entry) => {
            if (entry.type === 'inbound-rtp') {
                bytesIn += entry.bytesReceived || 0;
                if (entry.kind === 'audio')
                    audio += entry.bytesReceived || 0;
                else
                    videoBytes += entry.bytesReceived || 0;
                if (entry.kind === 'video' && entry.frameWidth) {
                    frameWidth = entry.frameWidth;
                    frameHeight = entry.frameHeight;
                }
                framesDecoded += entry.framesDecoded || 0;
                lost += Math.max(0, entry.packetsLost || 0);
                received += entry.packetsReceived || 0;
            } else if (entry.type === 'transport' && entry.selectedCandidatePairId) {
                pairId = entry.selectedCandidatePairId;
            }
        });
        // The route of the media: 'relay' through TURN, 'host' or 'srflx' directly.
        const pair = pairId && report.get(pairId);
        const localCandidate = pair && report.get(pair.localCandidateId);
        Object.assign(f, { bytesIn, audioBytesIn: audio, videoBytesIn: videoBytes, framesDecoded, frameWidth, frameHeight,
                           route: localCandidate ? localCandidate.candidateType : f.route,
                           rtt: pair && typeof pair.currentRoundTripTime === 'number' ? pair.currentRoundTripTime : null,
                           loss: received + lost > 0 ? lost / (received + lost) : null });
        f.quality = peer.connected ? qualityOf(f) : null;
        peer.word.textContent = f.quality ? t(`call.quality.${f.quality}`) : '';
        peer.tile.dataset.quality = f.quality || '';
        if (audio > 0 && (audioOnly || wantsVideo.get(peer.keyId) === false))
            firstFrame(); // no picture in an audio-only call: the first sound counts
    };

    const figures = () => {
        const frames = encryption.stats();
        const out = { peers: {}, sendKeyId: sendEpoch % 256, framesEncrypted: frames.encrypted, framesDecrypted: frames.decrypted,
                      decryptFailures: frames.decryptFailures, setupMs, bytesIn: 0, audioBytesIn: 0, videoBytesIn: 0, framesDecoded: 0,
                      route: null, quality: null, videoTrack: videoTrack ? videoTrack.label : null };
        for (const peer of peers.values()) {
            out.peers[peer.keyId] = { ...peer.figures };
            out.bytesIn += peer.figures.bytesIn;
            out.audioBytesIn += peer.figures.audioBytesIn;
            out.videoBytesIn += peer.figures.videoBytesIn;
            out.framesDecoded += peer.figures.framesDecoded;
            out.route = out.route || peer.figures.route;
            if (peer.figures.quality && (out.quality === null || qualityRank[peer.figures.quality] > qualityRank[out.quality]))
                out.quality = peer.figures.quality;
        }
        return out;
    };
    call.figures = figures;

    ticker = setInterval(async () => {
        if (connectedAt !== null)
            timer.textContent = formatDuration((performance.now() - connectedAt) / 1000);
        await Promise.all([...peers.values()].map((peer) => collect(peer).catch(() => {})));
        if (ended)
            return;
        const f = figures();
        Object.assign(quality.dataset, {
            bytesIn: String(f.bytesIn), audioBytesIn: String(f.audioBytesIn), videoBytesIn: String(f.videoBytesIn),
            framesDecoded: String(f.framesDecoded), framesEncrypted: String(f.framesEncrypted),
            framesDecrypted: String(f.framesDecrypted), decryptFailures: String(f.decryptFailures),
            sendKeyId: String(f.sendKeyId), peers: JSON.stringify(f.peers), quality: f.quality || '',
        });
        if (f.route)
            quality.dataset.route = f.route;
        quality.textContent = f.decryptFailures > 0 && f.framesDecrypted === 0
            ? t('call.cannotDecrypt')
            : f.quality ? t('call.qualityLine', { quality: t(`call.quality.${f.quality}`) }) : '';
    }, statsIntervalMs);

    muteButton.addEventListener('click', () => {
        const muted = muteButton.getAttribute('aria-pressed') !== 'true';
        for (const track of local.getAudioTracks())
            track.enabled = !muted;
        muteButton.setAttribute('aria-pressed', String(muted));
        muteButton.textContent = t(muted ? 'call.unmute' : 'call.mute');
    });
    cameraButton.addEventListener('click', () => {
        const off = cameraButton.getAttribute('aria-pressed') !== 'true';
        if (cameraTrack)
            cameraTrack.enabled = !off;
        cameraButton.setAttribute('aria-pressed', String(off));
        cameraButton.textContent = t(off ? 'call.cameraOn' : 'call.cameraOff');
    });
    shareButton.addEventListener('click', async () => {
        if (screenStream) {
            stopShare();
            return;
        }
        try {
            screenStream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
        } catch {
            announce(t('call.shareFailed'));
            return;
        }
        if (ended) {
            screenStream.getTracks().forEach((track) => track.stop());
            return;
        }
        const track = screenStream.getVideoTracks()[0];
        track.addEventListener('ended', stopShare);
        setVideoTrack(track);
        shareButton.setAttribute('aria-pressed', 'true');
        shareButton.textContent = t('call.shareStop');
        quality.dataset.sharing = 'true';
    });
    call.hangup = () => {
        send({ type: 'hangup' });
        end('ended');
    };
    hangupButton.addEventListener('click', () => call.hangup());

    signalling.onSignal = async (signal, from) => {
        if (ended || typeof from !== 'string' || !keyIdPattern.test(from) || from === selfId)
            return;
        if (signal.to !== undefined && signal.to !== selfId)
            return;
        try {
            await onSignal(signal, from);
        } catch {
            // a signal that does not fit the state of that peer is dropped; the others go on
        }
    };

    async function onSignal(signal, from) {
        const peer = peers.get(from);
        switch (signal.type) {
        case 'ready':
            if (!signal.reply) {
                // A newcomer (or someone who joined again): it will offer.
                createPeer(from, 'answerer');
                send({ type: 'ready', reply: true, to: from });
                send({ type: 'key', epoch: pendingSend ? pendingSend.epoch : sendEpoch, to: from });
                if (audioOnly)
                    send({ type: 'media', video: false, to: from });
            } else if (!peer) {
                await offer(createPeer(from, 'offerer'));
            } else if (!peer.pc.remoteDescription && peer.pc.signalingState === 'stable' && selfId < from) {
                // Both joined at once: the smaller key id offers.
                await offer(peer);
            }
            break;
        case 'offer': {
            if (typeof signal.sdp !== 'string')
                return;
            const target = peer || createPeer(from, 'answerer');
            if (target.pc.signalingState !== 'stable') {
                if (selfId < from)
                    return; // our offer wins
                await target.pc.setLocalDescription({ type: 'rollback' });
            }
            await target.pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
            if (encryption.api === 'script-transform')
                target.pc.getTransceivers().forEach((transceiver) => attachReceiver(target, transceiver.receiver));
            preferCodecs(target.pc);
            await target.pc.setLocalDescription(await target.pc.createAnswer());
            send({ type: 'answer', sdp: target.pc.localDescription.sdp, to: from });
            await flushIce(target);
            break;
        }
        case 'answer':
            if (peer && typeof signal.sdp === 'string' && peer.pc.signalingState === 'have-local-offer') {
                await peer.pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
                await flushIce(peer);
            }
            break;
        case 'ice':
            if (peer && typeof signal.candidate === 'string') {
                const candidate = JSON.parse(signal.candidate);
                if (!peer.pc.remoteDescription)
                    peer.pendingIce.push(candidate);
                else
                    await peer.pc.addIceCandidate(candidate).catch(() => {});
            }
            break;
        case 'hangup':
            removePeer(from, 'left');
            if (peers.size === 0 && everConnected)
                end('endedByOther');
            else if (peers.size === 0)
                setState('waiting');
            break;
        case 'key':
            if (Number.isSafeInteger(signal.epoch) && signal.epoch > (confirmed.get(from) ?? -1)) {
                confirmed.set(from, signal.epoch);
                checkSendSwitch();
            }
            break;
        case 'media':
            if (typeof signal.video === 'boolean') {
                wantsVideo.set(from, signal.video);
                if (peer)
                    applyVideo(peer);
            }
            break;
        default:
            break;
        }
    }

    setState('waiting');
    send({ type: 'ready' });
    send({ type: 'key', epoch: sendEpoch });
    if (audioOnly)
        send({ type: 'media', video: false });
    call.encryption = encryption;
    call.peers = peers;
    return call;
}

// ---- The call page (/call#<capability>): help-seeker or interpreter ----

function failure(view, key) {
    replaceChildren(view, h('h1', { id: 'page-title', text: t('call.title') }),
                    h('p', { class: 'error', role: 'alert', id: 'call-error', 'data-reason': key, text: t(key) }));
}

// The microphone's level on a <meter> (WebAudio analyser), until stop().
function levelMeter(stream, meter) {
    const AudioContextClass = globalThis.AudioContext || globalThis.webkitAudioContext;
    if (!AudioContextClass || stream.getAudioTracks().length === 0)
        return () => {};
    const context = new AudioContextClass();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const resume = () => context.resume().catch(() => {});
    document.addEventListener('pointerdown', resume, { once: true });
    const interval = setInterval(() => {
        analyser.getByteTimeDomainData(samples);
        let peak = 0;
        for (const sample of samples)
            peak = Math.max(peak, Math.abs(sample - 128) / 128);
        meter.value = Math.min(1, peak * 2);
        meter.dataset.level = meter.value.toFixed(2);
    }, 100);
    return () => {
        clearInterval(interval);
        document.removeEventListener('pointerdown', resume);
        context.close().catch(() => {});
    };
}

// The device check before joining: preview, microphone level, camera / microphone / speaker
// (following devicechange), audio only, and clear guidance when the browser refused the devices.
// onJoin({stream, devices, audioOnly}) takes over the view.
function deviceCheck(view, { note = null, onJoin }) {
    let preview = null;
    let stopMeter = () => {};
    const devices = { videoInput: null, audioInput: null, audioOutput: null };
    const video = h('video', { id: 'call-preview', class: 'call-preview', autoplay: true, playsinline: true, 'aria-label': t('call.preview') });
    video.muted = true;
    const meter = h('meter', { id: 'call-mic-level', min: '0', max: '1', low: '0.1', high: '0.8', optimum: '0.5', value: '0' });
    const select = (id, labelKey) => {
        const element = h('select', { id, name: id, autocomplete: 'off' });
        return { element, field: h('div', { class: 'field' }, h('label', { for: id, text: t(labelKey) }), element) };
    };
    const camera = select('call-camera-select', 'call.camera');
    const microphone = select('call-microphone-select', 'call.microphone');
    const speaker = select('call-speaker-select', 'call.speaker');
    const canChooseSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
    speaker.field.hidden = !canChooseSpeaker;
    const audioOnly = h('input', { type: 'checkbox', id: 'call-audio-only', name: 'audioOnly' });
    const joinButton = h('button', { type: 'button', id: 'call-join', disabled: true, text: t('call.join') });
    const guidance = h('div', { id: 'call-permission', class: 'warning', role: 'alert', hidden: true });
    const settings = h('div', { class: 'call-check-settings' },
        h('div', { class: 'field' }, h('label', { for: 'call-mic-level', text: t('call.micLevel') }), meter),
        camera.field, microphone.field, speaker.field,
        h('div', { class: 'check' }, audioOnly, h('label', { for: 'call-audio-only', text: t('call.audioOnly') })),
        h('p', { class: 'hint', text: t('call.audioOnlyHint') }));
    const check = h('div', { class: 'call-check' }, video, settings);
    replaceChildren(view, h('h1', { id: 'page-title', text: t('call.checkTitle') }),
                    h('p', { class: 'hint', text: t('call.checkIntro') }), note, guidance, check, joinButton);

    const fill = async () => {
        let list = [];
        try {
            list = await navigator.mediaDevices.enumerateDevices();
        } catch {
            return;
        }
        const current = preview ? preview.stream : null;
        const inUse = (kind) => {
            const track = current && (kind === 'videoinput' ? current.getVideoTracks()[0] : current.getAudioTracks()[0]);
            return track ? track.getSettings().deviceId : null;
        };
        for (const [control, kind, key] of [[camera, 'videoinput', 'videoInput'], [microphone, 'audioinput', 'audioInput'],
                                            [speaker, 'audiooutput', 'audioOutput']]) {
            const options = list.filter((d) => d.kind === kind && d.deviceId);
            const chosen = devices[key] || inUse(kind);
            control.element.replaceChildren(...options.map((d, i) => h('option', { value: d.deviceId, selected: d.deviceId === chosen,
                                                                                    text: d.label || t('call.deviceN', { n: i + 1 }) })));
            control.element.disabled = options.length === 0 || (kind === 'videoinput' && audioOnly.checked);
        }
    };

    const showGuidance = (error) => {
        const denied = error instanceof PermissionDenied;
        guidance.dataset.reason = denied ? 'denied' : 'noDevices';
        replaceChildren(guidance,
            h('h2', { text: t(denied ? 'call.deniedTitle' : 'call.noDevicesTitle') }),
            h('p', { text: t(denied ? 'call.deniedHelp' : 'call.noDevicesHelp') }),
            h('p', { text: t('call.deniedPhone') }),
            h('div', { class: 'call-controls' },
              h('button', { type: 'button', id: 'call-retry', onclick: () => open(audioOnly.checked) }, t('call.tryAgain')),
              audioOnly.checked ? null
                  : h('button', { type: 'button', id: 'call-audio-only-join', class: 'secondary', onclick: () => {
                      audioOnly.checked = true;
                      open(true);
                  } }, t('call.withoutCamera'))));
        guidance.hidden = false;
        check.hidden = true;
        joinButton.disabled = true;
    };

    async function open(onlyAudio) {
        stopMeter();
        try {
            if (preview)
                await preview.setAudioOnly(onlyAudio);
            else
                preview = await openPreview({ view: video, devices, audioOnly: onlyAudio });
        } catch (error) {
            if (preview) {
                preview.stop();
                preview = null;
            }
            showGuidance(error);
            return;
        }
        guidance.hidden = true;
        check.hidden = false;
        joinButton.disabled = false;
        video.hidden = onlyAudio;
        stopMeter = levelMeter(preview.stream, meter);
        await fill();
    }

    const change = async (key, value) => {
        devices[key] = value;
        if (key === 'audioOutput' || !preview)
            return;
        stopMeter();
        try {
            await preview.setDevices({ [key]: value });
        } catch (error) {
            showGuidance(error);
            return;
        }
        stopMeter = levelMeter(preview.stream, meter);
    };
    camera.element.addEventListener('change', () => change('videoInput', camera.element.value));
    microphone.element.addEventListener('change', () => change('audioInput', microphone.element.value));
    speaker.element.addEventListener('change', () => change('audioOutput', speaker.element.value));
    audioOnly.addEventListener('change', () => open(audioOnly.checked));
    const onDeviceChange = () => fill();
    navigator.mediaDevices?.addEventListener('devicechange', onDeviceChange);
    joinButton.addEventListener('click', () => {
        if (!preview)
            return;
        joinButton.disabled = true;
        stopMeter();
        navigator.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
        onJoin({ stream: preview.stream, devices: { ...devices }, audioOnly: audioOnly.checked });
    });
    open(false);
}

// Who is who in the tiles: the participants' list of the room (advisors by name, interpreters).
async function participantNames(capability) {
    const names = {};
    try {
        const { participants } = await request('GET', '/api/v1/visitor/room/keys', { token: capability });
        for (const p of participants) {
            if (p.kind === 'advisor')
                names[p.keyId] = p.displayName ? t('call.nameAdvisor', { name: p.displayName }) : t('call.roleAdvisor');
            else if (p.kind === 'interpreter')
                names[p.keyId] = t('call.roleInterpreter');
            else if (p.kind === 'visitor')
                names[p.keyId] = t('call.roleHelpSeeker');
        }
    } catch {
        // without names the tiles say "participant"
    }
    return names;
}

// Joins with the device check's choice once the signalling knows a room key; follows epochs.
async function joinCall(view, { capability, signalling, choice, lib }) {
    const ice = await request('GET', '/api/v1/visitor/room/turn', { token: capability });
    const names = await participantNames(capability);
    const epoch = signalling.epoch;
    const call = await startCall({ signalling, keys: { epoch, frameKey: lib.videoFrameKey(signalling.keys.get(epoch)) }, ice, view,
                                   media: choice.stream, devices: choice.devices, audioOnly: choice.audioOnly, names });
    const refreshNames = async () => call.setNames(await participantNames(capability));
    signalling.onEpoch = (next, roomKey) => {
        call.setKey(next, lib.videoFrameKey(roomKey));
        refreshNames();
    };
    signalling.onKeysChanged = refreshNames;
    signalling.onClose = (code) => {
        if (code === 4401)
            call.end('ended');
    };
    if (signalling.epoch > epoch)
        call.setKey(signalling.epoch, lib.videoFrameKey(signalling.keys.get(signalling.epoch)));
    return call;
}

// The room key of an epoch from the envelopes sealed to this page's key pair.
function envelopeOpener(lib, capability, roomId, pair) {
    return async (epoch) => {
        const { envelopes } = await request('GET', '/api/v1/visitor/room/envelopes', { token: capability });
        for (const envelope of envelopes.filter((e) => e.epoch === epoch)) {
            try {
                return lib.openSealed(pair, lib.SealPurpose.RoomKey, lib.sealContext.roomKey(roomId, epoch), lib.fromBase64Url(envelope.sealed));
            } catch {
                // sealed to other keys
            }
        }
        return null;
    };
}

// The help-seeker's way in: the capability from the fragment, the room key from the envelope
// sealed to this browser's key.
async function visitorCall(view, capability) {
    const lib = await cryptoLib();
    const { storedBrowserKeyPair } = await import('./seal.mjs');
    const { room } = await request('GET', '/api/v1/visitor/room', { token: capability });
    if (room.currentEpoch === null)
        throw new Error('call.noKey');
    const pair = await storedBrowserKeyPair();
    if (!pair)
        throw new Error('call.otherDevice');
    const openEpoch = envelopeOpener(lib, capability, room.id, pair);
    const roomKey = await openEpoch(room.currentEpoch);
    if (!roomKey)
        throw new Error('call.otherDevice');
    deviceCheck(view, { onJoin: async (choice) => {
        try {
            const signalling = new RoomSignalling({ auth: { capability }, roomId: room.id, roomKey, epoch: room.currentEpoch, openEpoch });
            await signalling.open();
            await joinCall(view, { capability, signalling, choice, lib });
        } catch (error) {
            choice.stream.getTracks().forEach((track) => track.stop());
            showError(view, error);
        }
    } });
}

// An interpreter's way in: a fresh key for this tab (kept in sessionStorage so a reload keeps it),
// registered with the server; the advisor's app then starts an epoch sealed to it. Leaving ends
// the invitation.
async function interpreterCall(view, capability, { interpreter, room: roomId }) {
    const lib = await cryptoLib();
    const storeName = `lotse-interpreter-${interpreter.id}`;
    let pair = null;
    try {
        const stored = sessionStorage.getItem(storeName);
        if (stored)
            pair = lib.encryptionKeyPairFromSecretKey(lib.fromBase64Url(stored));
    } catch {
        pair = null;
    }
    if (!pair) {
        pair = lib.generateEncryptionKeyPair();
        try {
            sessionStorage.setItem(storeName, lib.toBase64Url(pair.secretKey));
        } catch {
            // private mode without storage: a reload needs a new link
        }
    }
    try {
        await request('PUT', '/api/v1/visitor/interpreter/key', { token: capability, body: { browserKey: lib.toBase64Url(pair.publicKey) } });
    } catch (error) {
        if (error instanceof ApiError && error.code === 'key_exists')
            throw new Error('call.interpreterOtherTab');
        throw error;
    }
    const openEpoch = envelopeOpener(lib, capability, roomId, pair);
    const signalling = new RoomSignalling({ auth: { capability }, roomId, openEpoch });
    let keyArrived;
    const hasKey = new Promise((resolve) => { keyArrived = resolve; });
    signalling.onEpoch = () => keyArrived();
    await signalling.open();
    // The envelope may be there already; the push (epoch_changed) is the usual way, a slow poll
    // the fallback.
    const look = async () => {
        try {
            const { room } = await request('GET', '/api/v1/visitor/room', { token: capability });
            if (room.currentEpoch !== null)
                await signalling.learn(room.currentEpoch);
        } catch {
            // tried again below
        }
    };
    await look();
    const poll = setInterval(() => (signalling.epoch === null ? look() : clearInterval(poll)), 10000);
    const note = h('p', { id: 'call-key-state', class: 'note', role: 'status',
                          'data-state': signalling.epoch === null ? 'waiting' : 'ready',
                          text: t(signalling.epoch === null ? 'call.interpreterWaiting' : 'call.interpreterReady') });
    hasKey.then(() => {
        note.dataset.state = 'ready';
        note.textContent = t('call.interpreterReady');
    });
    deviceCheck(view, { note, onJoin: async (choice) => {
        try {
            if (signalling.epoch === null) {
                replaceChildren(view, h('h1', { id: 'page-title', text: t('call.title') }),
                                h('p', { id: 'call-state', class: 'status', role: 'status', 'data-state': 'waitingForKey',
                                         text: t('call.interpreterWaiting') }));
                await hasKey;
            }
            clearInterval(poll);
            const call = await joinCall(view, { capability, signalling, choice, lib });
            call.onEnded = (why) => {
                if (why === 'ended') {
                    request('DELETE', '/api/v1/visitor/interpreter', { token: capability }).catch(() => {});
                    sessionStorage.removeItem(storeName);
                }
            };
        } catch (error) {
            choice.stream.getTracks().forEach((track) => track.stop());
            showError(view, error);
        }
    } });
}

function showError(view, error) {
    if (error instanceof FrameEncryptionUnsupported)
        failure(view, 'call.unsupported');
    else if (error instanceof ApiError && (error.status === 401 || error.status === 404))
        failure(view, error.status === 404 ? 'call.noRoom' : 'call.invalidLink');
    else if (error && typeof error.message === 'string' && error.message.startsWith('call.'))
        failure(view, error.message);
    else
        failure(view, 'call.failed');
}

// The role the relay gives a capability ('visitor', 'interpreter'), or an error.
function relayRole(capability) {
    return new Promise((resolve, reject) => {
        const url = new URL('/api/v1/ws', location.href);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        const socket = new WebSocket(url);
        const timer = setTimeout(() => { socket.close(); reject(new Error('relay timeout')); }, 10000);
        const done = (fn, value) => {
            clearTimeout(timer);
            socket.close();
            fn(value);
        };
        socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'auth', capability })));
        socket.addEventListener('message', (event) => {
            let message = null;
            try {
                message = JSON.parse(event.data);
            } catch {
                // ignored
            }
            if (message && message.type === 'ready')
                done(resolve, message.role === 'interpreter' ? 'interpreter' : 'visitor');
            else if (message && message.type === 'error')
                done(reject, new Error(message.code));
        });
        socket.addEventListener('error', () => done(reject, new Error('relay unreachable')));
    });
}

async function main() {
    await loadLanguage(pickLanguage());
    document.title = t('call.title');
    const view = document.getElementById('view');
    if (!frameEncryptionSupport()) {
        failure(view, 'call.unsupported');
        return;
    }
    const capability = location.hash.slice(1);
    if (!/^[A-Za-z0-9_-]{43}$/.test(capability)) {
        failure(view, 'call.invalidLink');
        return;
    }
    try {
        // An interpreter's link or the help-seeker's: the relay says (asking the HTTP API would
        // log a 404 for every help-seeker).
        const role = await relayRole(capability).catch(() => 'visitor');
        const invite = role === 'interpreter' ? await request('GET', '/api/v1/visitor/interpreter', { token: capability }) : null;
        if (invite && invite.interpreter)
            await interpreterCall(view, capability, invite);
        else
            await visitorCall(view, capability);
    } catch (error) {
        showError(view, error);
    }
}

if (document.getElementById('view') && document.documentElement.dataset.page === 'call')
    main();
