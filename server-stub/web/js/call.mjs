// The call page (/call#<capability>): a WebRTC call between the help-seeker and the advisor, every
// media frame end-to-end encrypted (callcrypto.mjs, FORMAT.md §18) with the frame key derived from
// the room key. Signalling (offer, answer, ICE candidates, hang-up) travels as room-control records
// (FORMAT.md §4, purpose 4) through the server's relay, so the server sees ciphertext only.
//
// Two ways in: the visitor's page opens the room key with the browser key (IndexedDB) itself;
// a host that already holds the keys (the desktop app through its bridge) calls startCall().
import { ApiError, request } from './api.mjs';
import { CallEncryption, FrameEncryptionUnsupported, frameEncryptionSupport } from './callcrypto.mjs';
import { h, replaceChildren } from './dom.mjs';
import { loadLanguage, pickLanguage, t } from './i18n.mjs';

const RoomControl = 4;
const signalTypes = new Set(['ready', 'offer', 'answer', 'ice', 'hangup']);

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

// The relay socket of one room, carrying the call's signals as purpose-4 records under the room key.
// auth: {capability} (help-seeker) or {token, keyId} (advisor session and device key id).
export class RoomSignalling {
    constructor({ auth, roomId, roomKey, epoch }) {
        this.auth = auth;
        this.roomId = roomId;
        this.roomKey = roomKey;
        this.epoch = epoch;
        this.onSignal = () => {};
        this.socket = null;
        this.senderId = null;
        this.nextSequence = 0n;
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
        this.sender = sender;

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
                    if (header.epoch === this.epoch && header.sequence >= this.nextSequence)
                        this.nextSequence = header.sequence + 1n;
                } catch {
                    // not a record this page could have sent; it does not move the counter
                }
            }
            after = Math.max(after, done.lastSeq);
            if (!done.more)
                break;
        }
        socket.addEventListener('message', (event) => this.receive(event.data));
    }

    receive(data) {
        let message;
        try {
            message = JSON.parse(data);
        } catch {
            return;
        }
        if (message.type !== 'message' || message.room !== this.roomId || message.sender === this.sender)
            return;
        try {
            const envelope = lotse.fromBase64Url(message.envelope);
            if (lotse.peekRecord(envelope).purpose !== RoomControl)
                return;
            const opened = lotse.openRecord(this.roomKey, { roomId: this.roomId, senderId: lotse.fromBase64Url(message.sender),
                                                            purpose: RoomControl }, envelope);
            const signal = JSON.parse(new TextDecoder().decode(opened.plaintext));
            if (signal && signal.v === 1 && signalTypes.has(signal.type))
                this.onSignal(signal);
        } catch {
            // a record that does not open (another epoch's key, tampered) is no signal of this call
        }
    }

    send(signal) {
        const plaintext = new TextEncoder().encode(lotse.CanonicalJson.stringify({ v: 1, ...signal }));
        const envelope = lotse.sealRecord(this.roomKey, { roomId: this.roomId, senderId: this.senderId, purpose: RoomControl,
                                                          epoch: this.epoch, sequence: this.nextSequence }, plaintext);
        this.nextSequence += 1n;
        this.socket.send(JSON.stringify({ type: 'send', room: this.roomId, clientId: globalThis.crypto.randomUUID(),
                                          envelope: lotse.toBase64Url(envelope) }));
    }

    close() {
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
        if (!caps || !transceiver.setCodecPreferences)
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

// A call in the page: media, peer connection with frame encryption, the controls.
// role: 'offerer' (the help-seeker's page) or 'answerer' (the advisor's).
// ice: the answer of GET …/turn ({iceServers, iceTransportPolicy}).
export async function startCall({ signalling, frameKey, epoch, role, ice = {}, view }) {
    const startedAt = performance.now();
    const encryption = new CallEncryption();
    await encryption.setKey(epoch, frameKey);

    const localVideo = h('video', { id: 'call-local', class: 'call-local', autoplay: true, playsinline: true, 'aria-label': t('call.you') });
    localVideo.muted = true;
    const remoteVideo = h('video', { id: 'call-remote', class: 'call-remote', autoplay: true, playsinline: true, 'aria-label': t('call.them') });
    const state = h('p', { id: 'call-state', class: 'status', role: 'status', 'aria-live': 'polite', 'data-state': 'starting', text: t('call.starting') });
    const timer = h('p', { id: 'call-timer', class: 'call-timer', text: '00:00' });
    const quality = h('p', { id: 'call-quality', class: 'call-quality', 'data-bytes-in': '0', 'data-frames-decrypted': '0',
                             'data-decrypt-failures': '0', 'data-frames-decoded': '0' });
    const muteButton = h('button', { type: 'button', id: 'call-mute', 'aria-pressed': 'false', text: t('call.mute') });
    const cameraButton = h('button', { type: 'button', id: 'call-camera', 'aria-pressed': 'false', text: t('call.cameraOff') });
    const hangupButton = h('button', { type: 'button', id: 'call-hangup', class: 'danger', text: t('call.hangUp') });
    replaceChildren(view, h('h1', { id: 'page-title', text: t('call.title') }), state,
                    h('div', { class: 'call-videos' }, remoteVideo, localVideo),
                    h('div', { class: 'call-controls' }, muteButton, cameraButton, hangupButton), timer, quality);

    const setState = (name) => {
        state.dataset.state = name;
        state.textContent = t(`call.${name}`);
    };

    let media;
    try {
        media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } });
    } catch {
        setState('noDevices');
        signalling.close();
        return null;
    }
    localVideo.srcObject = media;

    const pc = new RTCPeerConnection({ iceServers: ice.iceServers || [], iceTransportPolicy: ice.iceTransportPolicy === 'relay' ? 'relay' : 'all',
                                       encodedInsertableStreams: encryption.api === 'encoded-streams' });
    for (const track of media.getTracks())
        encryption.attachSender(pc.addTrack(track, media));
    preferCodecs(pc);
    // Receivers get their transform as early as possible (a script transform set in ontrack sees no
    // frames in Chromium); the transceivers addTrack made are the ones negotiation uses.
    const attached = new Set();
    const attachReceiver = (receiver) => {
        if (!attached.has(receiver)) {
            attached.add(receiver);
            encryption.attachReceiver(receiver);
        }
    };
    if (encryption.api === 'script-transform')
        pc.getTransceivers().forEach((transceiver) => attachReceiver(transceiver.receiver));
    const remoteStream = new MediaStream();
    remoteVideo.srcObject = remoteStream;
    pc.ontrack = (event) => {
        attachReceiver(event.receiver);
        remoteStream.addTrack(event.track);
        remoteVideo.play().catch(() => {});
    };
    pc.onicecandidate = (event) => {
        if (event.candidate)
            signalling.send({ type: 'ice', candidate: JSON.stringify(event.candidate.toJSON()) });
    };

    let connectedAt = null;
    let ended = false;
    let ticker = null;
    const end = (why) => {
        if (ended)
            return;
        ended = true;
        clearInterval(ticker);
        for (const track of media.getTracks())
            track.stop();
        pc.close();
        encryption.close();
        signalling.close();
        setState(why);
        for (const button of [muteButton, cameraButton, hangupButton])
            button.disabled = true;
    };
    pc.onconnectionstatechange = () => {
        if (pc.connectionState === 'connected' && connectedAt === null) {
            connectedAt = performance.now();
            setState('connected');
        } else if (pc.connectionState === 'failed') {
            end('failed');
        }
    };
    const firstFrame = () => {
        quality.dataset.setupMs = String(Math.round(performance.now() - startedAt));
    };
    if (remoteVideo.requestVideoFrameCallback)
        remoteVideo.requestVideoFrameCallback(firstFrame);
    else
        remoteVideo.addEventListener('loadeddata', firstFrame, { once: true });

    ticker = setInterval(async () => {
        if (connectedAt !== null)
            timer.textContent = formatDuration((performance.now() - connectedAt) / 1000);
        let bytesIn = 0;
        let framesDecoded = 0;
        let pairId = null;
        const report = await pc.getStats();
        report.forEach((entry) => {
            if (entry.type === 'inbound-rtp') {
                bytesIn += entry.bytesReceived || 0;
                framesDecoded += entry.framesDecoded || 0;
            } else if (entry.type === 'transport' && entry.selectedCandidatePairId) {
                pairId = entry.selectedCandidatePairId;
            }
        });
        // The route of the media: 'relay' through TURN, 'host' or 'srflx' directly.
        const pair = pairId && report.get(pairId);
        const local = pair && report.get(pair.localCandidateId);
        if (local)
            quality.dataset.route = local.candidateType;
        const frames = encryption.stats();
        quality.dataset.bytesIn = String(bytesIn);
        quality.dataset.framesDecoded = String(framesDecoded);
        quality.dataset.framesEncrypted = String(frames.encrypted);
        quality.dataset.framesDecrypted = String(frames.decrypted);
        quality.dataset.decryptFailures = String(frames.decryptFailures);
        quality.textContent = frames.decryptFailures > 0 && frames.decrypted === 0
            ? t('call.cannotDecrypt')
            : t('call.quality', { kbytes: Math.round(bytesIn / 1024) });
    }, 500);

    muteButton.addEventListener('click', () => {
        const muted = muteButton.getAttribute('aria-pressed') !== 'true';
        for (const track of media.getAudioTracks())
            track.enabled = !muted;
        muteButton.setAttribute('aria-pressed', String(muted));
        muteButton.textContent = t(muted ? 'call.unmute' : 'call.mute');
    });
    cameraButton.addEventListener('click', () => {
        const off = cameraButton.getAttribute('aria-pressed') !== 'true';
        for (const track of media.getVideoTracks())
            track.enabled = !off;
        cameraButton.setAttribute('aria-pressed', String(off));
        cameraButton.textContent = t(off ? 'call.cameraOn' : 'call.cameraOff');
    });
    hangupButton.addEventListener('click', () => {
        if (!ended)
            signalling.send({ type: 'hangup' });
        end('ended');
    });

    let offered = false;
    const pendingIce = [];
    const addIce = async (candidate) => {
        if (!pc.remoteDescription)
            pendingIce.push(candidate);
        else
            await pc.addIceCandidate(candidate).catch(() => {});
    };
    signalling.onSignal = async (signal) => {
        if (ended)
            return;
        if (signal.type === 'hangup') {
            end('endedByOther');
        } else if (signal.type === 'ready') {
            if (role === 'answerer') {
                if (!signal.reply)
                    signalling.send({ type: 'ready', reply: true });
            } else if (!offered) {
                offered = true;
                await pc.setLocalDescription(await pc.createOffer());
                signalling.send({ type: 'offer', sdp: pc.localDescription.sdp });
            }
        } else if (signal.type === 'offer' && role === 'answerer' && typeof signal.sdp === 'string') {
            await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
            preferCodecs(pc);
            await pc.setLocalDescription(await pc.createAnswer());
            signalling.send({ type: 'answer', sdp: pc.localDescription.sdp });
            for (const c of pendingIce.splice(0))
                await pc.addIceCandidate(c).catch(() => {});
        } else if (signal.type === 'answer' && role === 'offerer' && typeof signal.sdp === 'string') {
            await pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
            for (const c of pendingIce.splice(0))
                await pc.addIceCandidate(c).catch(() => {});
        } else if (signal.type === 'ice' && typeof signal.candidate === 'string') {
            try {
                await addIce(JSON.parse(signal.candidate));
            } catch {
                // a malformed candidate is ignored; ICE goes on with the others
            }
        }
    };
    setState('waiting');
    signalling.send({ type: 'ready' });
    return { pc, encryption, end };
}

// The help-seeker's way in: the capability from the fragment, the room key from the envelope
// sealed to this browser's key.
async function visitorCall(view, capability) {
    const lib = await cryptoLib();
    const { browserKeyPair } = await import('./seal.mjs');
    const { room } = await request('GET', '/api/v1/visitor/room', { token: capability });
    if (room.currentEpoch === null)
        throw new Error('call.noKey');
    const keys = await browserKeyPair();
    const { envelopes } = await request('GET', '/api/v1/visitor/room/envelopes', { token: capability });
    let roomKey = null;
    for (const envelope of envelopes.filter((e) => e.epoch === room.currentEpoch)) {
        try {
            roomKey = lib.openSealed(keys, lib.SealPurpose.RoomKey, lib.sealContext.roomKey(room.id, room.currentEpoch),
                                     lib.fromBase64Url(envelope.sealed));
            break;
        } catch {
            // sealed to other keys: not this browser's
        }
    }
    if (!roomKey)
        throw new Error('call.otherDevice');
    const ice = await request('GET', '/api/v1/visitor/room/turn', { token: capability });
    const signalling = new RoomSignalling({ auth: { capability }, roomId: room.id, roomKey, epoch: room.currentEpoch });
    await signalling.open();
    return startCall({ signalling, frameKey: lib.videoFrameKey(roomKey), epoch: room.currentEpoch, role: 'offerer', ice, view });
}

function failure(view, key) {
    replaceChildren(view, h('h1', { id: 'page-title', text: t('call.title') }),
                    h('p', { class: 'error', role: 'alert', id: 'call-error', 'data-reason': key, text: t(key) }));
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
        await visitorCall(view, capability);
    } catch (error) {
        if (error instanceof FrameEncryptionUnsupported)
            failure(view, 'call.unsupported');
        else if (error instanceof ApiError && (error.status === 401 || error.status === 404))
            failure(view, error.status === 404 ? 'call.noRoom' : 'call.invalidLink');
        else if (typeof error.message === 'string' && error.message.startsWith('call.'))
            failure(view, error.message);
        else
            failure(view, 'call.failed');
    }
}

if (document.getElementById('view') && document.documentElement.dataset.page === 'call')
    main();
