// "Talk now" /talk/{slug}: an instant call with a name only (sealed in this browser to the
// organisation's devices), then the place in the queue and an estimate; on `taken` the room opens.
// The call's capability stays in this tab (sessionStorage), never in an address.
import { ApiError, newId, request } from './api.mjs';
import { altchaField, loadAltcha, resetAltcha } from './challenge.mjs';
import { focusElement, h, replaceChildren, setFieldError } from './dom.mjs';
import { language, languageSwitch, loadLanguage, pickLanguage, t } from './i18n.mjs';

const slug = decodeURIComponent(location.pathname.split('/')[2] || '');
const view = document.getElementById('view');
const status = document.getElementById('status');
const storageKey = 'lotse-talk';
let org = null;
let screen = 'form';
let queue = { position: null, estimatedWaitSeconds: null };
let socket = null;
let retryDelay = 1000;
let reconnectTimer = null;
let kept = null;

function say(message) {
    status.textContent = message;
}

function page(titleKey, ...content) {
    const title = h('h1', { id: 'page-title', text: t(titleKey) });
    document.title = `${t(titleKey)} – ${org ? org.organisation.name : 'Lotse'}`;
    replaceChildren(view, title, ...content);
    return title;
}

function errorText(error) {
    if (!(error instanceof ApiError))
        return error instanceof Error && error.message === 'no_devices' ? t('error.noDevices') : t('error.generic');
    if (error.code === 'network')
        return t('error.network');
    if (error.status === 429)
        return t('error.rateLimited', { seconds: error.retryAfter || 60 });
    if (error.status === 404)
        return t('error.notFound');
    return t('error.generic');
}

function duration(seconds) {
    const hours = seconds >= 5400;
    const value = hours ? Math.round(seconds / 3600) : Math.max(1, Math.round(seconds / 60));
    return new Intl.NumberFormat(language(), { style: 'unit', unit: hours ? 'hour' : 'minute', unitDisplay: 'long' }).format(value);
}

function renderForm() {
    screen = 'form';
    const policy = org.privacyPolicy;
    const name = h('input', { type: 'text', id: 'f-name', name: 'name', autocomplete: 'given-name', maxlength: 200, dir: 'auto',
                              'data-hint': 'f-name-hint', 'aria-describedby': 'f-name-hint' });
    const consent = h('input', { type: 'checkbox', id: 'f-consent', name: 'consent' });
    const formError = h('p', { id: 'form-error', class: 'error', role: 'alert', hidden: true });
    const form = h('form', { novalidate: true },
        h('p', { class: 'note', text: t('talk.intro') }),
        h('div', { class: 'field' }, h('label', { for: 'f-name', text: t('talk.nameLabel') }),
          h('p', { class: 'hint', id: 'f-name-hint', text: t('talk.nameHint') }), name,
          h('p', { id: 'f-name-error', class: 'error', hidden: true })),
        h('div', { class: 'field consent' },
          h('div', { class: 'choice' }, consent, h('label', { for: 'f-consent', text: t('consent.label') })),
          h('p', { class: 'hint' }, h('a', { href: `${policy.url}?lang=${language()}`, target: '_blank', rel: 'noopener' }, t('consent.link')),
            ' ', t('consent.version', { version: `\u2068${policy.version}\u2069` })),
          h('p', { id: 'f-consent-error', class: 'error', hidden: true })),
        altchaField(),
        formError,
        h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'submit' }, t('talk.start'))));
    loadAltcha();
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        submit(form);
    });
    return page('talk.title', form, h('p', { class: 'hint' }, h('a', { href: `/book/${encodeURIComponent(slug)}?lang=${language()}`, text: t('talk.orBook') })));
}

async function submit(form) {
    const formError = form.querySelector('#form-error');
    formError.hidden = true;
    const name = form.elements.name;
    const consent = form.elements.consent;
    let first = null;
    const value = name.value.trim();
    setFieldError(name, value ? '' : t('talk.nameError'));
    if (!value)
        first = name;
    setFieldError(consent, consent.checked ? '' : t('consent.error'));
    if (!consent.checked && !first)
        first = consent;
    const altcha = form.querySelector('input[name=altcha]');
    const altchaError = document.getElementById('f-altcha-error');
    altchaError.textContent = altcha && altcha.value ? '' : t('altcha.required');
    altchaError.hidden = Boolean(altcha && altcha.value);
    if (!(altcha && altcha.value) && !first)
        first = form.querySelector('altcha-widget input[type=checkbox]') || form.querySelector('altcha-widget');
    if (first) {
        say(t('error.check'));
        first.focus();
        return;
    }
    const button = form.querySelector('#submit');
    button.disabled = true;
    say(t('status.sending'));
    try {
        const { browserKeyPair, sealFields, toBase64Url } = await import('./seal.mjs');
        const [keys, devices] = await Promise.all([browserKeyPair(), request('GET', `/api/v1/orgs/${encodeURIComponent(slug)}/devices`)]);
        const instantId = newId();
        const sealedName = await sealFields(devices.devices || [], `instant:${instantId}`, { name: value });
        const answer = await request('POST', `/api/v1/orgs/${encodeURIComponent(slug)}/instant`, { body: {
            instantId, sealedName, browserKey: toBase64Url(keys.publicKey), language: language(),
            policyVersion: org.privacyPolicy.version, altcha: altcha.value } });
        kept = { slug, orgName: org.organisation.name, token: answer.capability, instantId };
        sessionStorage.setItem(storageKey, JSON.stringify(kept));
        queue = answer.instant;
        say('');
        focusElement(renderWaiting());
        connect();
    } catch (error) {
        button.disabled = false;
        resetAltcha(form);
        if (error instanceof ApiError && error.code === 'policy_outdated') {
            setFieldError(consent, t('consent.outdated'));
            consent.checked = false;
        }
        formError.textContent = errorText(error);
        formError.hidden = false;
        say('');
        focusElement(formError);
    }
}

function renderWaiting() {
    screen = 'waiting';
    const known = Number.isInteger(queue.position);
    return page('talk.waitingTitle',
        h('div', { class: 'queue', role: 'status', 'aria-live': 'polite' },
          h('p', { class: 'position', id: 'position', text: known ? t('talk.position', { n: queue.position }) : t('room.connecting') }),
          known && queue.estimatedWaitSeconds ? h('p', { id: 'estimate', text: t('talk.estimate', { time: duration(queue.estimatedWaitSeconds) }) }) : null),
        h('p', { class: 'note', text: t('talk.keepOpen') }),
        h('p', { id: 'connection', class: 'connection', hidden: true }),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'leave', class: 'secondary', onclick: leave }, t('talk.leave'))));
}

function updateWaiting() {
    if (screen !== 'waiting')
        return;
    const position = document.getElementById('position');
    position.textContent = t('talk.position', { n: queue.position });
    let estimate = document.getElementById('estimate');
    if (!estimate) {
        estimate = h('p', { id: 'estimate' });
        position.after(estimate);
    }
    estimate.textContent = t('talk.estimate', { time: duration(queue.estimatedWaitSeconds || 0) });
}

function showEnded(textKey) {
    screen = 'ended';
    stop();
    sessionStorage.removeItem(storageKey);
    kept = null;
    say('');
    focusElement(page('talk.endedTitle', h('p', { id: 'state', text: t(textKey) }),
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'again', onclick: () => focusElement(renderForm()) }, t('talk.again')))));
}

async function leave() {
    const button = document.getElementById('leave');
    button.disabled = true;
    try {
        await request('DELETE', '/api/v1/visitor/instant', { token: kept.token });
    } catch (error) {
        if (error instanceof ApiError && error.code === 'invalid_status')
            return openRoom(); // taken in the meantime
        if (!(error instanceof ApiError && error.status === 401)) {
            button.disabled = false;
            say(errorText(error));
            return;
        }
    }
    showEnded('talk.left');
}

function openRoom() {
    stop();
    location.assign(`/room?lang=${language()}#${kept.token}`);
}

function stop() {
    clearTimeout(reconnectTimer);
    if (socket) {
        socket.onclose = null;
        socket.close();
        socket = null;
    }
}

function connect() {
    clearTimeout(reconnectTimer);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/v1/ws`);
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', capability: kept.token }));
    socket.onmessage = (event) => {
        let message;
        try {
            message = JSON.parse(event.data);
        } catch {
            return;
        }
        if (message.type === 'ready') {
            retryDelay = 1000;
            const notice = document.getElementById('connection');
            if (notice)
                notice.hidden = true;
            if (message.room)
                openRoom();
        } else if (message.type === 'queue') {
            queue = message;
            updateWaiting();
        } else if (message.type === 'taken') {
            openRoom();
        } else if (message.type === 'queue_ended') {
            showEnded(message.reason === 'left' ? 'talk.left' : 'talk.expired');
        }
    };
    socket.onclose = (event) => {
        if (event.code === 4401)
            return showEnded('talk.expired');
        const notice = document.getElementById('connection');
        if (notice) {
            notice.textContent = t('room.reconnecting');
            notice.hidden = false;
        }
        const delay = Math.min(retryDelay, 15000);
        retryDelay = Math.min(retryDelay * 2, 15000);
        reconnectTimer = setTimeout(connect, delay);
    };
}

function renderChrome() {
    replaceChildren(document.getElementById('top'),
                    h('p', { class: 'brand', text: org ? org.organisation.name : 'Lotse' }),
                    languageSwitch(() => { renderChrome(); rerender(); }));
    document.getElementById('skip').textContent = t('skip');
}

function rerender() {
    if (!org)
        return;
    if (screen === 'waiting')
        renderWaiting();
    else if (screen === 'form')
        renderForm();
}

async function start() {
    await loadLanguage(pickLanguage());
    renderChrome();
    try {
        org = await request('GET', `/api/v1/public/orgs/${encodeURIComponent(slug)}`);
    } catch (error) {
        page('talk.title', h('p', { class: 'error', role: 'alert', text: errorText(error) }));
        return;
    }
    renderChrome();
    try {
        kept = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
    } catch {
        kept = null;
    }
    if (kept && kept.slug === slug && typeof kept.token === 'string') {
        // A reload while waiting: the same place in the queue, if it is still there.
        try {
            const instant = (await request('GET', '/api/v1/visitor/instant', { token: kept.token })).instant;
            if (instant.status === 'taken')
                return openRoom();
            if (instant.status === 'waiting') {
                queue = instant;
                renderWaiting();
                connect();
                return;
            }
        } catch {
            // gone: start again
        }
        sessionStorage.removeItem(storageKey);
        kept = null;
    }
    renderForm();
}

start();
