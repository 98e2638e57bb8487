// The desktop's call page: the same call core as the help-seeker's browser (call.mjs), started by
// the app through its QWebChannel bridge (`lotse`, app/CallBridge.h). The app holds the keys, the
// session and the relay socket: this page gets the frame key of the current epoch, the ICE
// configuration and the names from it, and hands every signal to it (sealed there as a
// room-control record). Nothing here talks to the server.
/* global QWebChannel, qt */
import * as core from './call.mjs';
import { loadLanguage, t } from './i18n.mjs';

// Qt WebEngine 6.4 does not let fetch() read a custom scheme (only XMLHttpRequest can), and
// i18n.mjs fetches its catalogues: same-origin reads go through XMLHttpRequest, anything else is
// refused (the CSP would refuse it too).
globalThis.fetch = (input) => new Promise((resolve, reject) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url, location.href);
    if (url.origin !== location.origin) {
        reject(new TypeError('this page loads nothing from elsewhere'));
        return;
    }
    const request = new XMLHttpRequest();
    request.open('GET', url.href);
    request.responseType = 'arraybuffer';
    request.onload = () => resolve(new Response(request.response, {
        status: request.status >= 200 && request.status < 600 ? request.status : 200,
        headers: { 'Content-Type': request.getResponseHeader('Content-Type') || 'application/octet-stream' } }));
    request.onerror = () => reject(new TypeError(`${url.pathname} is not part of the call page`));
    request.send();
});

const previewView = document.getElementById('preview');
const view = document.getElementById('view');
const status = document.getElementById('status');
let bridge = null;
let preview = null;
let previewOpening = Promise.resolve(); // Join may come while the preview still opens
let joining = false; // from Join on, the preview's media belong to the call: no device switch stops them
let call = null;
let signalling = null;
let ended = false;

function fromBase64Url(text) {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function say(text) {
    status.textContent = text;
}

// The page's state for the window: #call-state[data-state] as the call core sets it.
function watchState() {
    const observer = new MutationObserver(() => {
        const state = document.getElementById('call-state');
        if (!state)
            return;
        const name = state.dataset.state;
        bridge.reportState(name);
        if (!ended && (name === 'ended' || name === 'endedByOther' || name === 'failed')) {
            ended = true;
            bridge.reportEnded(name);
        }
    });
    observer.observe(view, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

async function openPreview(options) {
    try {
        preview = await core.openPreview({ view: previewView, devices: options.devices, audioOnly: options.audioOnly });
        say('');
    } catch (error) {
        const name = error && error.name;
        bridge.reportProblem(name === 'PermissionDenied' || name === 'NoDevices' ? name : String(error && error.message));
    }
}

async function join(config) {
    joining = true;
    await previewOpening;
    say('');
    const frameKey = fromBase64Url(config.frameKey);
    signalling = {
        selfId: config.selfId,
        onSignal: () => {},
        send(signal) {
            bridge.sendSignal(JSON.stringify({ v: 1, ...signal }));
        },
        close() {},
    };
    bridge.signalReceived.connect((json, from) => {
        let signal;
        try {
            signal = JSON.parse(json);
        } catch {
            return;
        }
        // RoomService already dropped signals meant for another participant of the mesh.
        signalling.onSignal(signal, from);
    });
    watchState();
    try {
        const media = preview ? preview.stream : undefined;
        previewView.replaceChildren();
        call = await core.startCall({ signalling, keys: { epoch: config.epoch, frameKey }, ice: config.ice, view,
                                      media, devices: config.devices, audioOnly: config.audioOnly, names: config.names });
        if (call)
            call.onEnded = (reason) => {
                if (!ended) {
                    ended = true;
                    bridge.reportEnded(reason);
                }
            };
        if (!call && !ended) {
            ended = true;
            bridge.reportEnded('failed');
        }
    } catch (error) {
        bridge.reportProblem(String(error && (error.name === 'FrameEncryptionUnsupported' ? t('call.unsupported') : error.message)));
        if (!ended) {
            ended = true;
            bridge.reportEnded('failed');
        }
    }
}

function hangup() {
    if (call)
        call.hangup();
}

new QWebChannel(qt.webChannelTransport, async (channel) => {
    bridge = channel.objects.lotse;
    bridge.previewRequested.connect((options) => {
        previewOpening = (async () => {
            await loadLanguage(options.language || 'en').catch(() => loadLanguage('en'));
            document.title = t('call.title');
            await openPreview(options);
        })();
    });
    bridge.devicesChosen.connect(async (options) => {
        if (joining && !call)
            return;
        await previewOpening;
        if (joining && !call)
            return;
        if (call) {
            // In the call only the speaker can change without new media.
            await call.setSpeaker(options.devices.audioOutput).catch(() => {});
            return;
        }
        if (!preview)
            return;
        try {
            await preview.setDevices(options.devices);
            await preview.setAudioOnly(options.audioOnly);
        } catch (error) {
            bridge.reportProblem(String(error && (error.name || error.message)));
        }
    });
    bridge.joinRequested.connect((config) => join(config));
    bridge.keyChanged.connect((epoch, frameKey) => {
        if (call)
            call.setKey(epoch, fromBase64Url(frameKey));
    });
    bridge.namesChanged.connect((names) => {
        if (call)
            call.setNames(names);
    });
    bridge.hangupRequested.connect(hangup);
    bridge.pageReady();
});
