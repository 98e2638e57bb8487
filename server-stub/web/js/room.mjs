// The conversation room /room#<capability> (CONTRACT-6 part B): chat and files with the
// organisation's advisors, end to end encrypted in this browser. The capability stays in the
// fragment and goes only into `Authorization: Bearer` and the relay's `auth` message.
import { ApiError, newId, request } from './api.mjs';
import { focusElement, h, replaceChildren } from './dom.mjs';
import { formatTime, language, languageSwitch, loadLanguage, pickLanguage, t } from './i18n.mjs';
import { chime, unlockSound } from './sound.mjs';

const token = location.hash.slice(1);
const view = document.getElementById('view');
const status = document.getElementById('status');
const ackTimeoutMs = 15000;
const putBytes = 1048576;
const readBytes = 262144;
const previewLimit = 8 * 1048576;
const previewTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

let rc = null; // roomcrypto.mjs, loaded after the first state is on screen
let screen = 'loading';
let orgName = '';
let bookingToken = false;
const room = {
    id: null,
    me: null,
    advisors: [],
    keys: new Map(),
    guard: null,
    known: new Map(), // seq → item
    items: [], // in display order
    outbox: new Map(), // clientId → item
    ownMax: new Map(), // epoch → highest own sequence seen
    contiguous: 0,
    blocked: false,
    historyLoaded: false,
    connection: 'connecting',
    unread: 0,
};
let socket = null;
let retryDelay = 1000;
let reconnectTimer = null;
let processing = Promise.resolve();
let list = null;
let composer = null;

function say(message) {
    status.textContent = message;
}

function api(method, path, options = {}) {
    return request(method, path, { token, ...options });
}

function baseTitle() {
    return orgName ? `${t('room.title')} – ${orgName}` : t('room.title');
}

function updateTitle() {
    document.title = room.unread > 0 ? `(${room.unread}) ${baseTitle()}` : baseTitle();
}

function page(titleKey, ...content) {
    const title = h('h1', { id: 'page-title', text: t(titleKey) });
    replaceChildren(view, title, ...content);
    updateTitle();
    return title;
}

// A plain state: a title, one or two sentences, maybe a way on.
function showState(name, titleKey, textKey, extra = null) {
    screen = name;
    say('');
    focusElement(page(titleKey, h('p', { class: 'state', id: 'state', 'data-state': name, text: t(textKey) }), extra));
}

function manageLink() {
    return bookingToken ? h('p', {}, h('a', { href: `/manage?lang=${language()}#${token}`, text: t('room.toManage') })) : null;
}

function failureState(error) {
    if (error instanceof ApiError && error.code === 'capability_expired')
        return showState('expired', 'room.expiredTitle', 'room.expired');
    if (error instanceof ApiError && error.status === 401)
        return showState('invalid', 'room.invalidTitle', 'room.invalid');
    if (error instanceof ApiError && error.code === 'room_not_found')
        return showState('notOpen', 'room.notOpenTitle', 'room.notOpen', manageLink());
    if (error instanceof ApiError && error.status === 429) {
        screen = 'failed';
        return focusElement(page('room.failedTitle', h('p', { class: 'state', id: 'state', text: t('error.rateLimited', { seconds: error.retryAfter || 60 }) }),
                                 h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => location.reload() }, t('room.reload')))));
    }
    return showState('failed', 'room.failedTitle', error instanceof ApiError && error.code === 'network' ? 'error.network' : 'room.failed',
                     h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => location.reload() }, t('room.reload'))));
}

// ---- text with links that are shown, never fetched ----

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi;
function linkified(text) {
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(urlPattern)) {
        let url = match[0];
        while (/[.,;:!?)\]}]$/.test(url))
            url = url.slice(0, -1);
        parts.push(text.slice(last, match.index));
        parts.push(h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', referrerpolicy: 'no-referrer', dir: 'ltr' }, url));
        last = match.index + url.length;
    }
    parts.push(text.slice(last));
    return parts;
}

function sizeText(bytes) {
    const format = (n, unit) => `${new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(n)} ${unit}`;
    if (bytes < 1024)
        return format(bytes, t('file.bytes'));
    if (bytes < 1048576)
        return format(bytes / 1024, 'KB');
    return format(bytes / 1048576, 'MB');
}

function senderName(item) {
    if (item.mine)
        return t('room.you');
    const device = room.advisors.find((d) => d.keyId === item.sender);
    return device && device.displayName ? device.displayName : t('room.advisor');
}

// ---- rendering of one message ----

function stateLine(item) {
    const when = item.at ? formatTime(new Date(item.at)) : '';
    if (!item.mine)
        return h('p', { class: 'meta' }, when);
    if (item.state === 'local')
        return null; // a file still on its way up: its progress bar says it
    if (item.state === 'sending')
        return h('p', { class: 'meta' }, t('room.sending'));
    if (item.state === 'failed')
        return h('p', { class: 'meta failed' }, h('span', { text: t('room.failedSend') }), ' ',
                 h('button', { type: 'button', class: 'link', onclick: () => retry(item) }, t('room.retry')));
    return h('p', { class: 'meta' }, when, when ? ' · ' : '', t('room.sent'));
}

function fileBlock(item) {
    const f = item.file;
    const parts = [h('p', { class: 'file-name' }, h('bdi', { text: f.name }), ' ', h('span', { class: 'hint', text: `(${sizeText(f.size)})` }))];
    if (f.phase === 'uploading' || f.phase === 'downloading' || f.phase === 'preparing') {
        const label = f.phase === 'downloading' ? t('file.downloading') : t('file.uploading');
        const percent = Math.floor((f.progress || 0) * 100);
        parts.push(h('label', { class: 'hint', for: `p-${item.key}`, text: `${label} ${percent} %` }),
                   h('progress', { id: `p-${item.key}`, max: 100, value: percent }));
    }
    if (f.phase === 'tooLarge')
        parts.push(h('p', { class: 'error', role: 'alert', text: t('file.tooLarge', { max: sizeText(f.maxBytes) }) }));
    if (f.phase === 'roomFull')
        parts.push(h('p', { class: 'error', role: 'alert', text: t('file.roomFull') }));
    if (f.phase === 'upInterrupted' || f.phase === 'downInterrupted')
        parts.push(h('p', { class: 'error', text: t('file.interrupted') }),
                   h('button', { type: 'button', class: 'secondary', onclick: () => (f.phase === 'upInterrupted' ? resumeUpload(item) : download(item)) },
                     t('file.resume')));
    if (f.phase === 'uploadFailed')
        parts.push(h('p', { class: 'error', text: t('file.uploadFailed') }),
                   h('button', { type: 'button', class: 'secondary', onclick: () => { removeItem(item); sendFile(f.source); } }, t('room.retry')));
    if (f.phase === 'broken')
        parts.push(h('p', { class: 'error', text: t('file.broken') }));
    if (f.phase === 'notReady')
        parts.push(h('p', { class: 'hint', text: t('file.notReady') }),
                   h('button', { type: 'button', class: 'secondary', onclick: () => download(item) }, t('room.retry')));
    if (f.phase === 'available' && f.manifest)
        parts.push(h('button', { type: 'button', class: 'secondary', onclick: () => download(item) }, t('file.download')));
    if (f.url) {
        if (f.preview)
            parts.push(h('img', { class: 'preview', src: f.url, alt: t('file.previewOf', { name: f.name }) }));
        parts.push(h('a', { class: 'save', href: f.url, download: f.name, text: t('file.save') }));
    }
    return parts;
}

function renderItem(item) {
    let node;
    if (item.kind === 'broken') {
        node = h('li', { class: 'msg broken', 'data-seq': item.seq }, h('p', { text: t('room.undecryptable') }));
    } else {
        node = h('li', { class: `msg ${item.mine ? 'mine' : 'theirs'}`, 'data-seq': item.seq, 'data-state': item.state || '' },
                 h('p', { class: 'who', text: senderName(item) }),
                 item.kind === 'file' ? fileBlock(item) : h('p', { class: 'text', dir: 'auto' }, linkified(item.text)),
                 stateLine(item));
    }
    if (item.node)
        item.node.replaceWith(node);
    item.node = node;
    return node;
}

function addItem(item) {
    room.items.push(item);
    item.key = room.items.length;
    if (list) {
        const empty = list.querySelector('.empty');
        if (empty)
            empty.remove();
        const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
        list.append(renderItem(item));
        if (atBottom || item.mine)
            list.scrollTop = list.scrollHeight;
    }
}

function removeItem(item) {
    room.items = room.items.filter((i) => i !== item);
    if (item.node)
        item.node.remove();
}

function update(item) {
    if (item.node)
        renderItem(item);
}

// ---- the room screen ----

function connectionNotice() {
    const node = document.getElementById('connection');
    if (!node)
        return;
    const text = room.connection === 'lost' ? t('room.reconnecting') : room.connection === 'connecting' ? t('room.connecting') : '';
    node.textContent = text;
    node.hidden = !text;
}

function keyWarning() {
    const box = document.getElementById('key-warning');
    if (!box)
        return;
    box.hidden = !room.blocked;
    const noKey = document.getElementById('no-key');
    if (noKey && room.keys.size > 0)
        noKey.remove();
    if (composer) {
        for (const control of composer.querySelectorAll('textarea, button'))
            control.disabled = room.blocked || room.keys.size === 0 || !room.historyLoaded;
    }
}

function verification() {
    return h('details', { class: 'verify', id: 'verify' },
        h('summary', { text: t('room.verifyTitle') }),
        h('p', { class: 'hint', text: t('room.verifyText') }),
        h('ul', { class: 'codes' }, room.advisors.map((d) =>
            h('li', {}, h('span', { class: 'device', text: d.displayName || t('room.advisor') }),
              h('code', { class: 'code', dir: 'ltr', text: d.code })))));
}

function renderRoom() {
    screen = 'room';
    const input = h('textarea', { id: 'message', name: 'message', rows: 2, dir: 'auto', maxlength: 10000,
                                  'aria-describedby': 'composer-hint', autocomplete: 'off' });
    const fileInput = h('input', { type: 'file', id: 'file', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
    fileInput.addEventListener('change', () => {
        for (const file of fileInput.files)
            sendFile(file);
        fileInput.value = '';
    });
    composer = h('form', { class: 'composer', id: 'composer', novalidate: true },
        h('label', { for: 'message', text: t('room.messageLabel') }),
        input,
        h('p', { class: 'hint', id: 'composer-hint', text: t('room.composerHint') }),
        h('div', { class: 'composer-actions' },
          h('button', { type: 'button', class: 'secondary', id: 'attach', onclick: () => fileInput.click() }, t('file.attach')),
          h('button', { type: 'submit', id: 'send' }, t('room.send'))),
        fileInput);
    input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            composer.requestSubmit();
        }
    });
    composer.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = input.value.trim();
        if (!text || room.blocked || !room.historyLoaded)
            return;
        sendChat(text);
        input.value = '';
        input.focus();
    });
    list = h('ol', { class: 'messages', id: 'messages', 'aria-label': t('room.messages'), tabindex: '0' });
    if (room.items.length === 0)
        list.append(h('li', { class: 'empty', text: room.historyLoaded ? t('room.empty') : t('status.loading') }));
    for (const item of room.items)
        list.append(renderItem(item));
    const title = page('room.title',
        h('p', { class: 'note secure', text: t('room.encrypted') }),
        h('p', { id: 'connection', class: 'connection', role: 'status', hidden: true }),
        h('p', { id: 'announce', class: 'visually-hidden', 'aria-live': 'polite' }),
        h('div', { class: 'room-call', id: 'room-call' },
          h('p', { id: 'call-ringing', class: 'ringing', role: 'status', hidden: !room.calling, text: room.calling ? t('room.advisorCalling') : '' }),
          h('a', { class: 'button', id: 'join-call', href: `/call?lang=${language()}#${token}`, target: '_blank', rel: 'noopener noreferrer',
                   text: t('room.joinCall') })),
        h('div', { id: 'key-warning', class: 'warning', role: 'alert', hidden: true },
          h('p', { text: t('room.keysChanged') }),
          h('button', { type: 'button', id: 'confirm-keys', onclick: confirmKeys }, t('room.keysConfirm'))),
        room.keys.size === 0 ? h('p', { class: 'hint', id: 'no-key', text: t('room.noKeyYet') }) : null,
        verification(),
        list,
        composer);
    connectionNotice();
    keyWarning();
    list.scrollTop = list.scrollHeight;
    return title;
}

// Drag and drop anywhere on the page (desktop browsers).
function watchDrops() {
    document.addEventListener('dragover', (event) => {
        if (screen !== 'room' || room.blocked)
            return;
        event.preventDefault();
        document.body.classList.add('dropping');
    });
    document.addEventListener('dragleave', (event) => {
        if (!event.relatedTarget)
            document.body.classList.remove('dropping');
    });
    document.addEventListener('drop', (event) => {
        document.body.classList.remove('dropping');
        if (screen !== 'room' || room.blocked)
            return;
        event.preventDefault();
        for (const file of event.dataTransfer.files)
            sendFile(file);
    });
}

// ---- keys and participants ----

async function loadParticipants() {
    const answer = await api('GET', '/api/v1/visitor/room/keys');
    const participants = answer.participants || [];
    const visitor = participants.find((p) => p.kind === 'visitor');
    if (!room.me) {
        room.me = visitor ? await rc.identity(visitor.keyId) : null;
        if (!room.me)
            return false;
    }
    room.advisors = rc.advisorDevices(participants, room.id, room.me.pair.publicKey);
    const ids = [room.me.keyId, ...room.advisors.map((d) => d.keyId)].sort();
    const seen = await rc.seenKeys(room.id);
    if (seen === null) {
        await rc.rememberKeys(room.id, ids);
    } else if (seen.join(',') !== ids.join(',')) {
        room.blocked = true;
        room.pendingIds = ids;
    }
    return true;
}

async function confirmKeys() {
    await rc.rememberKeys(room.id, room.pendingIds || []);
    room.blocked = false;
    if (screen === 'room') {
        const verify = document.getElementById('verify');
        verify.replaceWith(verification());
        keyWarning();
        document.getElementById('message').focus();
    }
}

async function loadKeys() {
    let answer = await api('GET', '/api/v1/visitor/room/envelopes');
    room.keys = await rc.openRoomKeys(room.id, answer.envelopes || [], room.me.pair);
    if (answer.currentEpoch === null && room.advisors.length > 0) {
        // The first side to open the room makes epoch 1 for everyone (visitors never re-key later).
        const made = rc.newRoomKey(room.id, 1, [...room.advisors.map((d) => d.x25519), room.me.pair.publicKey]);
        try {
            await api('POST', '/api/v1/visitor/room/envelopes', { body: { epoch: 1, sealed: made.sealed } });
            await rc.rememberRoomKey(room.id, 1, made.key);
            room.keys.set(1, made.key);
        } catch (error) {
            if (!(error instanceof ApiError && error.code === 'epoch_conflict'))
                throw error;
            answer = await api('GET', '/api/v1/visitor/room/envelopes');
            room.keys = await rc.openRoomKeys(room.id, answer.envelopes || [], room.me.pair);
        }
    }
}

function sendingEpoch() {
    return Math.max(...room.keys.keys());
}

function nextSequence(epoch) {
    const max = room.ownMax.get(epoch);
    const next = max === undefined ? 0 : max + 1;
    room.ownMax.set(epoch, next);
    return next;
}

function noteOwn(envelope) {
    const head = rc.header(envelope);
    if (head)
        room.ownMax.set(head.epoch, Math.max(room.ownMax.get(head.epoch) ?? -1, head.sequence));
}

// ---- relay ----

function markKnown(seq, item) {
    room.known.set(seq, item);
    while (room.known.has(room.contiguous + 1))
        ++room.contiguous;
}

function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
        return true;
    }
    return false;
}

function transmit(item) {
    item.state = 'sending';
    clearTimeout(item.timer);
    item.timer = setTimeout(() => {
        if (item.state === 'sending') {
            item.state = 'failed';
            update(item);
        }
    }, ackTimeoutMs);
    if (room.joined)
        send({ type: 'send', room: room.id, clientId: item.clientId, envelope: item.envelope });
    update(item);
}

function retry(item) {
    transmit(item);
}

function queueRecord(purpose, body, item) {
    const epoch = sendingEpoch();
    const sequence = nextSequence(epoch);
    item.envelope = rc.sealMessage(room.keys.get(epoch), { roomId: room.id, senderId: room.me.senderId, epoch, sequence, purpose }, body);
    item.clientId = newId();
    item.mine = true;
    item.sender = room.me.keyId;
    room.outbox.set(item.clientId, item);
    transmit(item);
}

function sendChat(text) {
    const item = { kind: 'text', text, state: 'sending' };
    addItem(item);
    queueRecord(rc.RecordPurpose.ChatMessage, { v: 1, text }, item);
}

function onAck(message) {
    const item = room.outbox.get(message.clientId);
    if (!item)
        return;
    clearTimeout(item.timer);
    room.outbox.delete(message.clientId);
    item.state = 'sent';
    item.seq = message.seq;
    item.at = message.at;
    const earlier = room.known.get(message.seq);
    if (earlier && earlier !== item)
        removeItem(earlier); // the same record came back through a sync before its ack
    markKnown(message.seq, item);
    update(item);
}

function onNewMessage(message) {
    if (room.known.has(message.seq))
        return;
    const mine = message.sender === room.me.keyId;
    if (mine)
        noteOwn(message.envelope);
    const opened = rc.openMessage(room.keys, room.guard, { roomId: room.id, sender: message.sender, envelope: message.envelope });
    if (opened && opened.purpose === rc.RecordPurpose.RoomControl) {
        markKnown(message.seq, null); // a call's signal: nothing to show in the conversation
        if (room.historyLoaded)
            callSignal(message.sender, opened.signal, mine);
        return;
    }
    let item;
    if (!opened) {
        item = { kind: 'broken', seq: message.seq };
    } else if (opened.purpose === rc.RecordPurpose.ChatMessage) {
        item = { kind: 'text', text: opened.body.text, mine, sender: message.sender, seq: message.seq, at: message.at, state: 'sent' };
    } else {
        const m = opened.body;
        item = { kind: 'file', mine, sender: message.sender, seq: message.seq, at: message.at, state: 'sent',
                 file: { name: m.name, size: m.size, mime: m.mime, manifest: m, phase: 'available' } };
    }
    markKnown(message.seq, item);
    addItem(item);
    if (item.kind === 'file' && previewTypes.has(item.file.mime) && item.file.size <= previewLimit)
        download(item);
    if (!mine && room.historyLoaded)
        announce(item);
    if (!mine && room.historyLoaded && document.hidden) {
        ++room.unread;
        updateTitle();
        chime();
    }
}

// An advisor's call page said `ready` (joined the call) while this page is open: "your advisor is
// calling" next to the way into the call; their hang-up, joining the call from this browser (or a
// minute) takes it away.
function callSignal(sender, signal, mine = false) {
    if (!signal || !(mine || room.advisors.some((d) => d.keyId === sender)))
        return;
    if (mine) {
        if (signal.type !== 'ready' || !room.calling)
            return;
        room.calling = null;
        clearTimeout(room.callingTimer);
    } else if (signal.type === 'ready' && !signal.reply) {
        room.calling = sender;
        clearTimeout(room.callingTimer);
        room.callingTimer = setTimeout(() => callSignal(sender, { type: 'hangup' }), 60000);
        if (document.hidden)
            chime();
    } else if (signal.type === 'hangup' && room.calling === sender) {
        room.calling = null;
        clearTimeout(room.callingTimer);
    } else {
        return;
    }
    const ringing = document.getElementById('call-ringing');
    if (ringing) {
        ringing.hidden = !room.calling;
        ringing.textContent = room.calling ? t('room.advisorCalling') : '';
    }
}

// New messages for screen readers (the list itself is not live: a reload would read it all).
function announce(item) {
    const region = document.getElementById('announce');
    if (!region)
        return;
    const what = item.kind === 'broken' ? t('room.undecryptable') : item.kind === 'file' ? item.file.name : item.text;
    region.textContent = item.kind === 'broken' ? what : `${senderName(item)}: ${what}`;
}

// Messages of an epoch this browser has no key for yet (an advisor started one): fetch the
// envelopes once more before calling them undecryptable.
async function processMessage(message) {
    const head = rc.header(message.envelope);
    if (head && !room.keys.has(head.epoch)) {
        try {
            await loadKeys();
            keyWarning();
        } catch {
            // shown as undecryptable below
        }
    }
    onNewMessage(message);
}

// Relay events are handled one after another (a message may wait for a key fetch).
function queue(work) {
    processing = processing.then(work).catch(() => {});
}

function onSocketMessage(event) {
    let message;
    try {
        message = JSON.parse(event.data);
    } catch {
        return;
    }
    switch (message.type) {
    case 'ready':
        send({ type: 'join', room: room.id });
        break;
    case 'joined':
        room.joined = true;
        retryDelay = 1000;
        for (const item of room.outbox.values()) {
            if (item.state === 'sending')
                transmit(item);
        }
        send({ type: 'sync', room: room.id, after: room.contiguous });
        refreshParticipants();
        break;
    case 'message':
        if (message.room === room.id)
            queue(() => processMessage(message));
        break;
    case 'synced':
        queue(() => {
            if (message.more) {
                send({ type: 'sync', room: room.id, after: room.contiguous });
                return;
            }
            const first = !room.historyLoaded;
            room.historyLoaded = true;
            room.connection = 'online';
            connectionNotice();
            keyWarning();
            if (first && list && room.items.length === 0)
                replaceChildren(list, h('li', { class: 'empty', text: t('room.empty') }));
            if (first && list)
                list.scrollTop = list.scrollHeight;
        });
        break;
    case 'ack':
        queue(() => onAck(message));
        break;
    case 'keys_changed':
        refreshParticipants();
        break;
    case 'error':
        if (message.code === 'capability_expired' || message.code === 'capability_invalid') {
            stopSocket();
            failureState(new ApiError(401, { error: { code: message.code } }, null));
        } else if (message.clientId && room.outbox.has(message.clientId)) {
            const item = room.outbox.get(message.clientId);
            clearTimeout(item.timer);
            item.state = 'failed';
            update(item);
        }
        break;
    default:
        break;
    }
}

async function refreshParticipants() {
    try {
        const wasBlocked = room.blocked;
        await loadParticipants();
        if (screen === 'room' && room.blocked !== wasBlocked) {
            document.getElementById('verify').replaceWith(verification());
            keyWarning();
        }
    } catch {
        // the next join looks again
    }
}

function stopSocket() {
    clearTimeout(reconnectTimer);
    if (socket) {
        socket.onclose = null;
        socket.close();
        socket = null;
    }
}

function connect() {
    clearTimeout(reconnectTimer);
    room.joined = false;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/v1/ws`);
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', capability: token }));
    socket.onmessage = onSocketMessage;
    socket.onclose = (event) => {
        room.joined = false;
        if (event.code === 4401) {
            failureState(new ApiError(401, { error: { code: 'capability_expired' } }, null));
            return;
        }
        room.connection = 'lost';
        connectionNotice();
        // Back off 1, 2, 4 … 30 s with a little jitter, so many pages do not return all at once.
        const delay = Math.min(retryDelay, 30000) * (0.8 + Math.random() * 0.4);
        retryDelay = Math.min(retryDelay * 2, 30000);
        reconnectTimer = setTimeout(connect, delay);
    };
}

// ---- files ----

function fileError(error) {
    return error instanceof ApiError && (error.code === 'network' || error.status >= 500 || error.status === 429);
}

async function sendFile(source) {
    if (room.blocked || room.keys.size === 0 || !room.historyLoaded)
        return;
    const fileId = newId();
    const name = (source.name || 'file').split(/[\\/]/).pop().slice(0, 255) || 'file';
    const mime = source.type && /^[\w.+-]+\/[\w.+-]+$/.test(source.type) ? source.type : 'application/octet-stream';
    const item = { kind: 'file', mine: true, state: 'local', file: { name, size: source.size, mime, source, phase: 'preparing', progress: 0 } };
    addItem(item);
    const total = rc.streamSize(fileId, source.size);
    // The size check comes first: the server answers its limit before anything is encrypted.
    try {
        await api('POST', '/api/v1/visitor/room/files', { body: { fileId, size: total } });
    } catch (error) {
        const f = item.file;
        if (error instanceof ApiError && error.code === 'file_too_large') {
            f.phase = 'tooLarge';
            f.maxBytes = error.maxBytes || 0;
        } else {
            f.phase = error instanceof ApiError && error.code === 'room_full' ? 'roomFull' : 'uploadFailed';
        }
        update(item);
        return;
    }
    const key = rc.newFileKey();
    const writer = rc.fileWriter(key, fileId, source.size);
    item.upload = { fileId, key, writer, total, offset: 0, pending: writer.header, position: 0, finished: false };
    item.file.phase = 'uploading';
    update(item);
    await pump(item);
}

function concatBytes(a, b) {
    const out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
}

async function fill(item) {
    const u = item.upload;
    const source = item.file.source;
    while (u.pending.length < putBytes && !u.finished) {
        if (u.position < source.size) {
            const slice = new Uint8Array(await source.slice(u.position, u.position + readBytes).arrayBuffer());
            u.position += slice.length;
            u.pending = concatBytes(u.pending, u.writer.push(slice));
        } else {
            u.pending = concatBytes(u.pending, u.writer.finish());
            u.finished = true;
        }
    }
}

async function pump(item) {
    const u = item.upload;
    const f = item.file;
    try {
        while (u.offset < u.total) {
            await fill(item);
            const body = u.pending.subarray(0, Math.min(putBytes, u.pending.length));
            const answer = await putChunk(u.fileId, u.offset, body);
            const received = answer.file.received;
            u.pending = u.pending.subarray(received - u.offset);
            u.offset = received;
            f.progress = u.offset / u.total;
            update(item);
        }
    } catch (error) {
        f.phase = fileError(error) || (error instanceof ApiError && error.code === 'offset_mismatch') ? 'upInterrupted' : 'uploadFailed';
        update(item);
        return;
    }
    f.phase = 'sent';
    f.progress = 1;
    queueRecord(rc.RecordPurpose.FileManifest, { v: 1, fileId: u.fileId, name: f.name, mime: f.mime, size: f.size,
                                                 key: rc.toBase64Url(u.key) }, item);
    if (previewTypes.has(f.mime)) {
        f.url = URL.createObjectURL(f.source);
        f.preview = true;
    }
    item.upload = null;
    update(item);
}

async function putChunk(fileId, offset, body) {
    let response;
    try {
        response = await fetch(`/api/v1/visitor/room/files/${fileId}?offset=${offset}`, {
            method: 'PUT', body, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
        });
    } catch {
        throw new ApiError(0, null, null);
    }
    const parsed = await response.json().catch(() => null);
    if (!response.ok)
        throw new ApiError(response.status, parsed, response.headers.get('Retry-After'));
    return parsed;
}

// After an interruption: ask the server how much it holds and go on from there.
async function resumeUpload(item) {
    const u = item.upload;
    item.file.phase = 'uploading';
    update(item);
    try {
        const answer = await api('GET', `/api/v1/visitor/room/files/${u.fileId}`);
        const received = answer.file.received;
        if (received < u.offset || received > u.offset + u.pending.length)
            throw new Error('lost');
        u.pending = u.pending.subarray(received - u.offset);
        u.offset = received;
    } catch (error) {
        item.file.phase = fileError(error) ? 'upInterrupted' : 'uploadFailed';
        update(item);
        return;
    }
    await pump(item);
}

// Downloads and decrypts a received file chunk by chunk; resumes with a Range request after an
// interruption; keeps the plaintext only when the reader finished without error.
async function download(item) {
    const f = item.file;
    const m = f.manifest;
    if (!f.dl)
        f.dl = { reader: rc.fileReader(m.key, m.fileId), parts: [], received: 0, total: rc.streamSize(m.fileId, m.size) };
    const dl = f.dl;
    f.phase = 'downloading';
    update(item);
    try {
        const headers = { Authorization: `Bearer ${token}` };
        if (dl.received > 0)
            headers.Range = `bytes=${dl.received}-`;
        let response;
        try {
            response = await fetch(`/api/v1/visitor/room/files/${m.fileId}/content`, { headers, credentials: 'omit', cache: 'no-store',
                                                                                         referrerPolicy: 'no-referrer' });
        } catch {
            throw new ApiError(0, null, null);
        }
        if (!response.ok && response.status !== 206) {
            const parsed = await response.json().catch(() => null);
            throw new ApiError(response.status, parsed, null);
        }
        if (dl.received > 0 && response.status !== 206)
            throw new Error('range ignored');
        const reader = response.body.getReader();
        for (;;) {
            let chunk;
            try {
                chunk = await reader.read();
            } catch {
                throw new ApiError(0, null, null);
            }
            if (chunk.done)
                break;
            dl.received += chunk.value.length;
            const plain = dl.reader.push(chunk.value);
            if (plain.length)
                dl.parts.push(plain);
            f.progress = dl.received / dl.total;
            update(item);
        }
        if (dl.received < dl.total)
            throw new ApiError(0, null, null); // the connection ended early: resume from here
        dl.reader.finish();
    } catch (error) {
        if (error instanceof ApiError && error.code === 'file_incomplete') {
            f.dl = null;
            f.phase = 'notReady';
        } else if (fileError(error)) {
            f.phase = 'downInterrupted';
        } else {
            f.dl = null;
            f.phase = error instanceof ApiError ? 'notReady' : 'broken';
        }
        update(item);
        return;
    }
    const preview = previewTypes.has(m.mime);
    f.url = URL.createObjectURL(new Blob(dl.parts, { type: preview ? m.mime : 'application/octet-stream' }));
    f.preview = preview;
    f.phase = 'done';
    f.dl = null;
    update(item);
}

// ---- start ----

function renderChrome() {
    replaceChildren(document.getElementById('top'),
                    h('p', { class: 'brand', text: orgName || 'Lotse' }),
                    languageSwitch(() => { renderChrome(); rerender(); }));
    document.getElementById('skip').textContent = t('skip');
}

function rerender() {
    if (screen === 'room') {
        for (const item of room.items)
            item.node = null;
        renderRoom();
    } else if (screen === 'loading') {
        page('room.title', h('p', { class: 'loading', text: t('room.opening') }));
    } else {
        const state = document.getElementById('state');
        const keys = { expired: ['room.expiredTitle', 'room.expired'], invalid: ['room.invalidTitle', 'room.invalid'],
                       notOpen: ['room.notOpenTitle', 'room.notOpen'], otherDevice: ['room.otherDeviceTitle', 'room.otherDevice'],
                       noDevices: ['room.noDevicesTitle', 'room.noDevices'], failed: ['room.failedTitle', 'room.failed'] }[screen];
        if (keys && state)
            showState(screen, keys[0], keys[1], screen === 'notOpen' ? manageLink() : null);
    }
}

async function context() {
    // The organisation's name and the conversation's language: from the instant call the talk
    // page kept in this tab, or from the booking (an instant token is not a booking's).
    let kept = null;
    try {
        kept = JSON.parse(sessionStorage.getItem('lotse-talk') || 'null');
    } catch {
        kept = null;
    }
    if (!(kept && kept.token === token)) {
        try {
            const booking = (await api('GET', '/api/v1/manage/booking')).booking;
            bookingToken = true;
            orgName = booking.organisation.name;
            return booking.language;
        } catch (error) {
            if (!(error instanceof ApiError && error.code === 'capability_invalid'))
                throw error;
        }
    }
    const instant = (await api('GET', '/api/v1/visitor/instant')).instant;
    orgName = kept && kept.token === token ? kept.orgName || '' : '';
    return instant.language;
}

async function start() {
    await loadLanguage(pickLanguage());
    renderChrome();
    page('room.title', h('p', { class: 'loading', text: t('room.opening') }));
    if (!/^[A-Za-z0-9_-]{43}$/.test(token))
        return failureState(new ApiError(401, null, null));
    try {
        const lang = await context();
        if (!new URLSearchParams(location.search).get('lang') && lang && lang !== language())
            await loadLanguage(lang);
        renderChrome();
        const [roomAnswer, crypto] = await Promise.all([api('GET', '/api/v1/visitor/room'), import('./roomcrypto.mjs')]);
        rc = crypto;
        await rc.ready();
        room.id = roomAnswer.room.id;
        room.guard = rc.newReplayGuard();
        if (!await loadParticipants())
            return showState('otherDevice', 'room.otherDeviceTitle', 'room.otherDevice');
        if (room.advisors.length === 0)
            return showState('noDevices', 'room.noDevicesTitle', 'room.noDevices');
        await loadKeys();
    } catch (error) {
        return failureState(error);
    }
    focusElement(renderRoom());
    watchDrops();
    for (const name of ['pointerdown', 'keydown'])
        document.addEventListener(name, unlockSound, { once: true });
    document.addEventListener('visibilitychange', () => {
        if (!document.hidden && room.unread) {
            room.unread = 0;
            updateTitle();
        }
    });
    connect();
}

// Another link pasted into the same tab: start over with its capability.
window.addEventListener('hashchange', () => location.reload());
start();
