// An honest advisor client in Node for the room tests (and later the desktop bridge tests): it
// signs in like the desktop does, uses a registered device's real keys, joins rooms over the relay
// (/api/v1/ws), makes or opens the room key (CONTRACT-6 part B) and sends and reads records and
// files with the crypto twin. Nothing here is a fake of the server.
import { createHash } from 'node:crypto';
import * as lotse from '../../../crypto/js/index.mjs';
import { api } from './server.mjs';

const b64 = lotse.toBase64Url;
const putBytes = 1048576;

export function keyIdOf(publicKey) {
    return b64(lotse.keyId(publicKey));
}

// A second device of the same advisor (a new laptop): new keys, registered through the API.
export async function registerDevice(server, sessionToken, name = 'Zweitgerät') {
    await lotse.init();
    const encryption = lotse.generateEncryptionKeyPair();
    const signing = lotse.generateSigningKeyPair();
    const registration = lotse.signDeviceRegistration(encryption, signing);
    const answer = await api(server, 'POST', '/api/v1/devices', { token: sessionToken, body: { name, ...registration } });
    if (answer.status !== 201)
        throw new Error(`register device: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { encryption, signing, device: answer.body.device || answer.body };
}

export class AdvisorClient {
    // org: { token (session), encryption (device X25519 pair) } as setUpOrganisation returns.
    constructor(server, org) {
        this.server = server;
        this.token = org.token;
        this.encryption = org.encryption;
        this.keyId = keyIdOf(org.encryption.publicKey);
        this.senderId = lotse.keyId(org.encryption.publicKey);
        this.events = [];
        this.waiters = [];
        this.rooms = new Map(); // roomId → { keys: Map(epoch → key), epoch, nextSeq: Map, messages: [] }
        this.guard = new lotse.ReplayGuard();
    }

    static async connect(server, org) {
        await lotse.init();
        const client = new AdvisorClient(server, org);
        await client.#open();
        return client;
    }

    async #open() {
        if (typeof WebSocket === 'undefined')
            throw new Error('this Node has no WebSocket (run node with --experimental-websocket, as tests/browser/run.sh does)');
        this.socket = new WebSocket(`${this.server.origin.replace(/^http/, 'ws')}/api/v1/ws`);
        this.socket.addEventListener('message', (event) => this.#onEvent(JSON.parse(event.data)));
        await new Promise((resolve, reject) => {
            this.socket.addEventListener('open', resolve, { once: true });
            this.socket.addEventListener('error', () => reject(new Error('advisor socket failed')), { once: true });
        });
        this.socket.send(JSON.stringify({ type: 'auth', token: this.token }));
        await this.next((e) => e.type === 'ready');
    }

    #onEvent(event) {
        this.events.push(event);
        if (event.type === 'message') {
            const room = this.rooms.get(event.room);
            if (room)
                room.messages.push(this.#decode(event.room, event));
        }
        for (const waiter of [...this.waiters]) {
            if (waiter.match(event)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(event);
            }
        }
    }

    // The next event (from now, or one already received when `seen` is true) that matches.
    next(match, { timeout = 15000, seen = false } = {}) {
        if (seen) {
            const found = this.events.find(match);
            if (found)
                return Promise.resolve(found);
        }
        return new Promise((resolve, reject) => {
            const waiter = { match, resolve };
            this.waiters.push(waiter);
            setTimeout(() => {
                const i = this.waiters.indexOf(waiter);
                if (i >= 0) {
                    this.waiters.splice(i, 1);
                    reject(new Error(`advisor: no matching event within ${timeout} ms; last events ${JSON.stringify(this.events.slice(-5))}`));
                }
            }, timeout);
        });
    }

    send(message) {
        this.socket.send(JSON.stringify(message));
    }

    async #api(method, path, body) {
        const answer = await api(this.server, method, path, { token: this.token, body });
        if (answer.status >= 300)
            throw Object.assign(new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`), { answer });
        return answer.body;
    }

    // Joins a room, makes epoch 1 when there is none, opens the keys sealed to this device.
    async join(roomId) {
        const room = { keys: new Map(), epoch: null, nextSeq: new Map(), messages: [] };
        this.rooms.set(roomId, room);
        this.send({ type: 'join', room: roomId, keyId: this.keyId });
        await this.next((e) => e.type === 'joined' && e.room === roomId);
        await this.loadKeys(roomId);
        if (room.epoch === null)
            await this.rekey(roomId, 1);
        this.send({ type: 'sync', room: roomId, after: 0 });
        await this.next((e) => e.type === 'synced' && e.room === roomId);
        return room;
    }

    async participants(roomId) {
        return (await this.#api('GET', `/api/v1/rooms/${roomId}/keys`)).participants;
    }

    async loadKeys(roomId) {
        const room = this.rooms.get(roomId);
        const answer = await this.#api('GET', `/api/v1/rooms/${roomId}/envelopes?keyId=${this.keyId}`);
        for (const e of answer.envelopes) {
            try {
                room.keys.set(e.epoch, lotse.openSealed(this.encryption, lotse.SealPurpose.RoomKey, `room:${roomId}:${e.epoch}`,
                                                        lotse.fromBase64Url(e.sealed)));
            } catch {
                // sealed to another key
            }
        }
        room.epoch = room.keys.size ? Math.max(...room.keys.keys()) : null;
        return answer.currentEpoch;
    }

    // A new room key for `epoch`, sealed to every current participant (verified advisor devices
    // and the visitor).
    async rekey(roomId, epoch) {
        const room = this.rooms.get(roomId);
        const recipients = [];
        for (const p of await this.participants(roomId)) {
            if (p.kind === 'advisor')
                recipients.push(lotse.verifyDeviceRegistration({ x25519: p.x25519, ed25519: p.ed25519, signature: p.signature }).x25519);
            else
                recipients.push(lotse.fromBase64Url(p.x25519));
        }
        const key = new Uint8Array(32);
        crypto.getRandomValues(key);
        const sealed = b64(lotse.sealToRecipients(recipients, lotse.SealPurpose.RoomKey, `room:${roomId}:${epoch}`, key));
        try {
            await this.#api('POST', `/api/v1/rooms/${roomId}/envelopes`, { epoch, sealed, senderKeyId: this.keyId });
            room.keys.set(epoch, key);
            room.epoch = epoch;
        } catch (error) {
            if (!error.answer || error.answer.body.error.code !== 'epoch_conflict')
                throw error;
            await this.loadKeys(roomId);
        }
    }

    #decode(roomId, event) {
        const room = this.rooms.get(roomId);
        const out = { seq: event.seq, sender: event.sender, at: event.at, body: null, purpose: null };
        try {
            const bytes = lotse.fromBase64Url(event.envelope);
            const head = lotse.peekRecord(bytes);
            const key = room.keys.get(head.epoch);
            const opened = lotse.openRecord(key, { roomId, senderId: lotse.fromBase64Url(event.sender), purpose: head.purpose }, bytes,
                                            this.guard);
            out.purpose = head.purpose;
            out.body = JSON.parse(new TextDecoder().decode(opened.plaintext));
        } catch (error) {
            out.error = error.message;
        }
        return out;
    }

    // A record as the contract says (purpose 1 chat, 5 file manifest); options.roomIdInRecord and
    // options.tamper make records that must not open on the other side.
    envelope(roomId, purpose, body, options = {}) {
        const room = this.rooms.get(roomId);
        const epoch = options.epoch || room.epoch;
        const sequence = room.nextSeq.get(epoch) || 0;
        room.nextSeq.set(epoch, sequence + 1);
        const plaintext = lotse.CanonicalJson.serialize(body);
        const sealed = lotse.sealRecord(room.keys.get(epoch), { roomId: options.roomIdInRecord || roomId, senderId: this.senderId,
                                                                 purpose, epoch, sequence }, plaintext);
        if (options.tamper)
            sealed[sealed.length - 1] ^= 1;
        return b64(sealed);
    }

    async sendEnvelope(roomId, envelope) {
        const clientId = crypto.randomUUID();
        const ack = this.next((e) => (e.type === 'ack' || e.type === 'error') && e.clientId === clientId);
        this.send({ type: 'send', room: roomId, clientId, envelope });
        const answer = await ack;
        if (answer.type !== 'ack')
            throw new Error(`send refused: ${JSON.stringify(answer)}`);
        return answer;
    }

    sendText(roomId, text, options) {
        return this.sendEnvelope(roomId, this.envelope(roomId, lotse.RecordPurpose.ChatMessage, { v: 1, text }, options));
    }

    // Waits for a decrypted record from the room's visitor that matches.
    async received(roomId, match, timeout = 20000) {
        const room = this.rooms.get(roomId);
        const deadline = Date.now() + timeout;
        for (;;) {
            const found = room.messages.find(match);
            if (found)
                return found;
            if (Date.now() > deadline)
                throw new Error(`advisor: nothing matching in ${JSON.stringify(room.messages.map((m) => ({ ...m, body: m.body && { ...m.body, key: undefined } })))}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    // Encrypts (FORMAT.md §7), uploads in ≤ 1 MiB PUTs and sends the manifest.
    async sendFile(roomId, bytes, name, mime) {
        const fileId = crypto.randomUUID();
        const fileKey = new Uint8Array(32);
        crypto.getRandomValues(fileKey);
        const stream = lotse.encryptFile(fileKey, fileId, bytes);
        await this.#api('POST', `/api/v1/rooms/${roomId}/files`, { fileId, size: stream.length, senderKeyId: this.keyId });
        for (let offset = 0; offset < stream.length; offset += putBytes) {
            const response = await fetch(`${this.server.origin}/api/v1/rooms/${roomId}/files/${fileId}?offset=${offset}`, {
                method: 'PUT', headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/octet-stream' },
                body: stream.subarray(offset, offset + putBytes) });
            if (response.status !== 200)
                throw new Error(`PUT: ${response.status} ${await response.text()}`);
        }
        const manifest = { v: 1, fileId, name, mime, size: bytes.length, key: b64(fileKey) };
        await this.sendEnvelope(roomId, this.envelope(roomId, lotse.RecordPurpose.FileManifest, manifest));
        return manifest;
    }

    // Downloads and decrypts a file a manifest names; all plaintext or an error.
    async fetchFile(roomId, manifest) {
        const response = await fetch(`${this.server.origin}/api/v1/rooms/${roomId}/files/${manifest.fileId}/content`,
                                     { headers: { Authorization: `Bearer ${this.token}` } });
        if (response.status !== 200)
            throw new Error(`GET content: ${response.status} ${await response.text()}`);
        const stream = new Uint8Array(await response.arrayBuffer());
        return lotse.decryptFile(lotse.fromBase64Url(manifest.key), manifest.fileId, stream);
    }

    async queue() {
        return (await this.#api('GET', '/api/v1/instant/queue')).queue;
    }

    // Opens the sealed name of a waiting call (purpose 1, context instant:<id>).
    openName(entry) {
        const plain = lotse.openSealed(this.encryption, lotse.SealPurpose.BookingFields, `instant:${entry.id}`, lotse.fromBase64Url(entry.sealedName));
        return JSON.parse(new TextDecoder().decode(plain)).name;
    }

    async take(instantId) {
        return this.#api('POST', `/api/v1/instant/${instantId}/take`, {});
    }

    close() {
        this.socket.close();
    }
}

// A solved ALTCHA challenge of this server (the widget's work, done here in Node).
export async function solveAltcha(server) {
    const challenge = (await api(server, 'GET', '/api/v1/public/altcha')).body;
    for (let number = 0; number <= challenge.maxnumber; ++number) {
        const hash = createHash('sha256').update(`${challenge.salt}${number}`).digest('hex');
        if (hash === challenge.challenge) {
            const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number, salt: challenge.salt,
                              signature: challenge.signature, took: 1 };
            return Buffer.from(JSON.stringify(payload)).toString('base64');
        }
    }
    throw new Error('ALTCHA not solvable');
}
