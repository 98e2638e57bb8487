// The manage page /manage#<token>: see the appointment, add it to a calendar, cancel, change the
// time, accept the advisor's proposal. The token stays in the fragment (never in a request line).
import { ApiError, request } from './api.mjs';
import { focusElement, h, replaceChildren } from './dom.mjs';
import { formatDateTime, formatDay, formatTime, language, languageSwitch, loadLanguage, pickLanguage, t, visitorTimeZone,
         zoneLabel, dayKey } from './i18n.mjs';

const token = location.hash.slice(1);
const view = document.getElementById('view');
const status = document.getElementById('status');
let booking = null;
let mode = 'view';
let notice = '';

function say(message) {
    status.textContent = message;
}

function errorText(error) {
    if (!(error instanceof ApiError))
        return t('error.generic');
    if (error.code === 'network')
        return t('error.network');
    if (error.status === 401)
        return t('manage.invalid');
    if (error.status === 429)
        return t('error.rateLimited', { seconds: error.retryAfter || 60 });
    return t('error.generic');
}

function page(titleKey, ...content) {
    document.title = t(titleKey);
    const title = h('h1', { id: 'page-title', text: t(titleKey) });
    replaceChildren(view, title, ...content);
    return title;
}

function when(start) {
    const date = new Date(start);
    return [formatDateTime(date), h('br'), h('span', { class: 'hint', text: zoneLabel(visitorTimeZone(), date) })];
}

function details() {
    const b = booking;
    return h('dl', { class: 'summary' },
             h('dt', { text: t('summary.status') }), h('dd', { id: 'booking-status', text: t(`status.${b.status}`) }),
             h('dt', { text: t('summary.type') }), h('dd', { text: t(`type.${b.type}`) }),
             h('dt', { text: t('summary.when') }), h('dd', {}, when(b.start)),
             b.location ? [h('dt', { text: t('summary.where') }), h('dd', { text: [b.location.name, b.location.address].filter(Boolean).join(', ') })] : null,
             h('dt', { text: t('summary.organisation') }), h('dd', { text: b.organisation.name }));
}

async function downloadIcs() {
    try {
        const blob = await request('GET', '/api/v1/manage/booking.ics', { token, accept: 'text/calendar' });
        const url = URL.createObjectURL(blob);
        const a = h('a', { href: url, download: 'appointment.ics', hidden: true });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        say(t('manage.icsDone'));
    } catch (error) {
        say(errorText(error));
    }
}

async function act(path, body, doneKey) {
    say(t('status.sending'));
    try {
        const answer = await request('POST', `/api/v1/manage/booking/${path}`, { token, body });
        booking = answer.booking || booking;
        if (!answer.booking)
            booking = (await request('GET', '/api/v1/manage/booking', { token })).booking;
        mode = 'view';
        notice = t(doneKey);
        render();
        return null;
    } catch (error) {
        return error;
    }
}

function renderView() {
    const b = booking;
    const active = b.status !== 'cancelled' && b.status !== 'declined';
    const parts = [];
    if (notice)
        parts.push(h('p', { class: 'notice', role: 'status', text: notice }));
    parts.push(details());
    if (b.proposal && active) {
        parts.push(h('section', { class: 'aside', 'aria-labelledby': 'proposal-title' },
            h('h2', { id: 'proposal-title', text: t('manage.proposalTitle') }),
            h('p', {}, t('manage.proposalText'), ' ', h('strong', {}, formatDateTime(new Date(b.proposal.start)))),
            h('button', { type: 'button', id: 'accept', onclick: async () => {
                const error = await act('accept-proposal', {}, 'manage.accepted');
                if (error)
                    say(errorText(error));
            } }, t('manage.accept'))));
    }
    if (b.status === 'confirmed')
        parts.push(h('p', { class: 'room-link' }, h('a', { id: 'room-link', class: 'button', href: `/room?lang=${language()}#${token}`,
                                                          text: t('manage.room') })));
    if (active) {
        parts.push(h('div', { class: 'actions' },
            h('button', { type: 'button', id: 'ics', class: 'secondary', onclick: downloadIcs }, t('manage.ics')),
            h('button', { type: 'button', id: 'reschedule', class: 'secondary', onclick: () => { mode = 'reschedule'; notice = ''; render(); } }, t('manage.reschedule')),
            h('button', { type: 'button', id: 'cancel', class: 'danger', onclick: () => { mode = 'cancel'; notice = ''; render(); } }, t('manage.cancel'))));
    }
    return page('manage.title', ...parts);
}

function renderCancel() {
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    return page('manage.cancelTitle', details(), h('p', { text: t('manage.cancelQuestion') }), error,
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', onclick: () => { mode = 'view'; render(); } }, t('manage.keep')),
          h('button', { type: 'button', id: 'confirm-cancel', class: 'danger', onclick: async () => {
              const failure = await act('cancel', {}, 'manage.cancelled');
              if (failure) {
                  error.textContent = errorText(failure);
                  error.hidden = false;
                  focusElement(error);
              }
          } }, t('manage.cancelConfirm'))));
}

function renderReschedule(offered) {
    const title = page('manage.rescheduleTitle', h('p', { class: 'note', text: t('time.zone', { zone: zoneLabel() }) }),
                       h('p', { class: 'loading', text: t('status.loading') }));
    const from = new Date();
    const to = new Date(from.getTime() + 28 * 86400000);
    const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const slotsPromise = offered ? Promise.resolve({ slots: offered })
        : request('GET', `/api/v1/manage/slots?from=${iso(from)}&to=${iso(to)}`, { token });
    slotsPromise.then((answer) => {
        const slots = (answer.slots || []).filter((s) => s.start !== booking.start);
        const error = h('p', { id: 'slot-error', class: 'error', hidden: true });
        const days = new Map();
        for (const s of slots) {
            const key = dayKey(new Date(s.start));
            if (!days.has(key))
                days.set(key, []);
            days.get(key).push(s);
        }
        const form = h('form', { novalidate: true },
            offered ? h('p', { role: 'alert', text: t('slotTaken.title') }) : null,
            slots.length === 0 ? h('p', { text: t('time.none') }) : [...days.values()].map((list) =>
                h('fieldset', { 'aria-describedby': 'slot-error' }, h('legend', { text: formatDay(new Date(list[0].start)) }),
                  h('div', { class: 'grid' }, list.map((s) => {
                      const id = `slot-${s.start.replace(/[^0-9A-Za-z]/g, '_')}`;
                      return h('div', { class: 'choice' }, h('input', { type: 'radio', name: 'slot', id, value: s.start }),
                               h('label', { for: id, text: formatTime(new Date(s.start)) }));
                  })))),
            error,
            h('div', { class: 'actions' },
              h('button', { type: 'button', class: 'secondary', onclick: () => { mode = 'view'; render(); } }, t('action.back')),
              slots.length ? h('button', { type: 'submit', id: 'confirm-reschedule' }, t('manage.rescheduleConfirm')) : null));
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const chosen = form.querySelector('input[name=slot]:checked');
            if (!chosen) {
                error.textContent = t('time.error');
                error.hidden = false;
                form.querySelector('input[name=slot]').focus();
                return;
            }
            const failure = await act('reschedule', { start: chosen.value }, 'manage.rescheduled');
            if (failure instanceof ApiError && failure.code === 'slot_taken') {
                renderReschedule(failure.nearestSlots);
                say(t('slotTaken.title'));
            } else if (failure) {
                error.textContent = errorText(failure);
                error.hidden = false;
                focusElement(error);
            }
        });
        view.querySelector('.loading').replaceWith(form);
        say('');
    }, (failure) => {
        view.querySelector('.loading').replaceWith(h('p', { class: 'error', role: 'alert', text: errorText(failure) }));
    });
    return title;
}

function render() {
    say('');
    const title = mode === 'cancel' ? renderCancel() : mode === 'reschedule' ? renderReschedule(null) : renderView();
    focusElement(title);
}

function renderChrome() {
    replaceChildren(document.getElementById('top'),
                    h('p', { class: 'brand', text: booking ? booking.organisation.name : 'Lotse' }),
                    languageSwitch(() => { renderChrome(); if (booking) render(); else showFailure(lastFailure); }));
    document.getElementById('skip').textContent = t('skip');
}

let lastFailure = null;
function showFailure(error) {
    page('manage.title', h('p', { class: 'error', role: 'alert', text: errorText(error) }));
}

async function start() {
    await loadLanguage(pickLanguage());
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
        lastFailure = new ApiError(401, null, null);
        renderChrome();
        showFailure(lastFailure);
        return;
    }
    try {
        booking = (await request('GET', '/api/v1/manage/booking', { token })).booking;
    } catch (error) {
        lastFailure = error;
        renderChrome();
        showFailure(error);
        return;
    }
    if (!new URLSearchParams(location.search).get('lang') && booking.language)
        await loadLanguage(booking.language);
    renderChrome();
    renderView();
}

start();
