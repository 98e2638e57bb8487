// The booking page /book/{slug}: appointment type, location, day and time, details, confirmation;
// and the contact form (a message without an appointment).
import { altchaField, loadAltcha, resetAltcha } from './challenge.mjs';
import { ApiError, newId, request } from './api.mjs';
import { focusElement, h, replaceChildren, setFieldError } from './dom.mjs';
import { dayKey, formatDateTime, formatDay, formatTime, language, languageSwitch, loadLanguage, pickLanguage, t,
         visitorTimeZone, zoneLabel } from './i18n.mjs';
import { rules } from './validate.mjs';

const slug = decodeURIComponent(location.pathname.split('/')[2] || '');
const base = `/api/v1/public/orgs/${encodeURIComponent(slug)}`;
// The devices to seal to: API.md "Devices" (public, rate limited).
const view = document.getElementById('view');
const status = document.getElementById('status');
const daysPerPage = 14;

const state = {
    step: 'type',
    org: null,
    type: null,
    location: null,
    from: null,
    slots: [],
    day: null,
    slot: null,
    fields: {},
    consent: false,
    nearest: [],
    result: null,
};

function say(message) {
    status.textContent = message;
}

function typeInfo(type) {
    return state.org.types.find((x) => x.type === type);
}

function steps() {
    const list = ['type'];
    if (state.type === 'onsite' && state.org.locations.length > 1)
        list.push('location');
    list.push('time', 'details');
    return list;
}

function go(step) {
    state.step = step;
    render();
}

function page(titleKey, ...content) {
    const list = steps();
    const index = list.indexOf(state.step);
    const title = h('h1', { id: 'step-title', text: t(titleKey) });
    document.title = `${t(titleKey)} – ${state.org ? state.org.organisation.name : 'Lotse'}`;
    replaceChildren(view, index >= 0 ? h('p', { class: 'progress', text: t('step.progress', { n: index + 1, total: list.length }) }) : null,
                    title, ...content);
    return title;
}

function backButton(step) {
    return h('button', { type: 'button', class: 'secondary', onclick: () => go(step) }, t('action.back'));
}

function previousStep() {
    const list = steps();
    return list[Math.max(0, list.indexOf(state.step) - 1)];
}

function radio(name, value, label, checked, extra = {}) {
    const id = `${name}-${String(value).replace(/[^A-Za-z0-9_-]/g, '_')}`;
    return h('div', { class: 'choice' },
             h('input', { type: 'radio', id, name, value, checked, ...extra }),
             h('label', { for: id }, label));
}

function minutes(n) {
    return t('type.minutes', { n: new Intl.NumberFormat(language()).format(n) });
}

function renderType() {
    const form = h('form', { novalidate: true });
    const error = h('p', { id: 'type-error', class: 'error', hidden: true });
    const types = state.org.types;
    form.append(
        h('fieldset', { 'aria-describedby': 'type-error' },
          h('legend', { text: t('type.legend') }),
          types.map((x) => radio('type', x.type, [h('span', { class: 'choice-title', text: t(`type.${x.type}`) }),
                                                  h('span', { class: 'choice-detail', text: minutes(x.durationMinutes) })],
                                 state.type === x.type))),
        error,
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('action.continue'))));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = form.querySelector('input[name=type]:checked');
        if (!chosen) {
            error.textContent = t('type.error');
            error.hidden = false;
            form.querySelector('input[name=type]').focus();
            return;
        }
        if (chosen.value !== state.type) {
            state.type = chosen.value;
            state.slot = null;
            state.location = null;
        }
        if (state.type === 'onsite' && state.org.locations.length === 1)
            state.location = state.org.locations[0];
        go(steps()[1]);
    });
    const contact = h('section', { class: 'aside', 'aria-labelledby': 'contact-title' },
                      h('h2', { id: 'contact-title', text: t('contact.teaser.title') }),
                      h('p', { text: t('contact.teaser.text') }),
                      h('button', { type: 'button', class: 'secondary', onclick: () => go('contact') }, t('contact.teaser.action')));
    const talk = h('p', { class: 'talk-now' }, h('a', { id: 'talk-now', href: `/talk/${encodeURIComponent(slug)}?lang=${language()}`,
                                                       text: t('book.talkNow') }));
    return page('type.title', types.length ? form : h('p', { text: t('type.none') }), contact, talk);
}

function renderLocation() {
    const form = h('form', { novalidate: true });
    const error = h('p', { id: 'location-error', class: 'error', hidden: true });
    form.append(
        h('fieldset', { 'aria-describedby': 'location-error' },
          h('legend', { text: t('location.legend') }),
          state.org.locations.map((l) => radio('location', l.id, [h('span', { class: 'choice-title', text: l.name }),
                                                                  h('span', { class: 'choice-detail', text: l.address })],
                                               state.location && state.location.id === l.id))),
        error,
        h('div', { class: 'actions' }, backButton('type'), h('button', { type: 'submit' }, t('action.continue'))));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = form.querySelector('input[name=location]:checked');
        if (!chosen) {
            error.textContent = t('location.error');
            error.hidden = false;
            form.querySelector('input[name=location]').focus();
            return;
        }
        const picked = state.org.locations.find((l) => l.id === chosen.value);
        if (!state.location || state.location.id !== picked.id)
            state.slot = null;
        state.location = picked;
        go('time');
    });
    return page('location.title', form);
}

async function loadSlots(from) {
    const to = new Date(from.getTime() + daysPerPage * 86400000);
    const query = new URLSearchParams({ type: state.type, from: from.toISOString().replace(/\.\d{3}Z$/, 'Z'),
                                        to: to.toISOString().replace(/\.\d{3}Z$/, 'Z') });
    if (state.location)
        query.set('location', state.location.id);
    const answer = await request('GET', `${base}/slots?${query}`);
    return { slots: answer.slots || [], to };
}

function slotsByDay(slots) {
    const days = new Map();
    for (const slot of slots) {
        const key = dayKey(new Date(slot.start));
        if (!days.has(key))
            days.set(key, []);
        days.get(key).push(slot);
    }
    return days;
}

function renderTime() {
    const title = page('time.title', h('p', { class: 'note', text: t('time.zone', { zone: zoneLabel() }) }),
                       h('p', { class: 'loading', text: t('status.loading') }));
    say(t('status.loading'));
    const from = state.from || new Date();
    loadSlots(from).then(({ slots, to }) => {
        state.slots = slots;
        say('');
        drawTimes(from, to);
    }, (error) => {
        say('');
        replaceChildren(view, title, h('p', { class: 'error', role: 'alert', text: errorText(error) }),
                        h('div', { class: 'actions' }, backButton(previousStep()),
                          h('button', { type: 'button', onclick: () => render() }, t('action.retry'))));
    });
    return title;
}

function drawTimes(from, to) {
    const days = slotsByDay(state.slots);
    if (state.slot && !state.slots.some((s) => s.start === state.slot.start))
        state.slot = null;
    if (!state.day || !days.has(state.day))
        state.day = state.slot ? dayKey(new Date(state.slot.start)) : days.keys().next().value || null;
    const form = h('form', { novalidate: true });
    const error = h('p', { id: 'time-error', class: 'error', hidden: true });
    const timesBox = h('div', { class: 'times' });
    const drawDay = () => {
        const list = days.get(state.day) || [];
        replaceChildren(timesBox, h('fieldset', { 'aria-describedby': 'time-error' },
            h('legend', { text: t('time.timesLegend', { day: formatDay(new Date(list[0].start)) }) }),
            h('div', { class: 'grid' }, list.map((s) => radio('slot', s.start, formatTime(new Date(s.start)),
                                                              state.slot && state.slot.start === s.start)))));
    };
    const range = t('time.range', { from: formatDay(from), to: formatDay(new Date(to.getTime() - 1)) });
    const later = h('button', { type: 'button', class: 'secondary', onclick: () => { state.from = to; state.day = null; render(); } },
                    t('time.later'));
    const earlier = state.from && state.from > new Date()
        ? h('button', { type: 'button', class: 'secondary', onclick: () => {
            state.from = new Date(Math.max(Date.now(), state.from.getTime() - daysPerPage * 86400000));
            if (state.from.getTime() - Date.now() < 60000)
                state.from = null;
            state.day = null;
            render();
        } }, t('time.earlier'))
        : null;
    if (days.size === 0) {
        form.append(h('p', { class: 'note', text: range }), h('p', { text: t('time.none') }),
                    h('div', { class: 'actions' }, backButton(previousStep()), earlier, later));
    } else {
        form.append(
            h('p', { class: 'note', text: range }),
            h('fieldset', {},
              h('legend', { text: t('time.daysLegend') }),
              h('div', { class: 'grid days' }, [...days.keys()].map((key) =>
                  radio('day', key, formatDay(new Date(days.get(key)[0].start)), key === state.day)))),
            timesBox, error,
            h('div', { class: 'actions' }, backButton(previousStep()), h('button', { type: 'submit' }, t('action.continue'))),
            h('div', { class: 'actions' }, earlier, later));
        drawDay();
        form.addEventListener('change', (event) => {
            if (event.target.name === 'day') {
                state.day = event.target.value;
                state.slot = null;
                drawDay();
            } else if (event.target.name === 'slot') {
                state.slot = state.slots.find((s) => s.start === event.target.value) || null;
                error.hidden = true;
            }
        });
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            if (!state.slot) {
                error.textContent = t('time.error');
                error.hidden = false;
                timesBox.querySelector('input').focus();
                return;
            }
            go('details');
        });
    }
    view.querySelector('.loading').replaceWith(form);
}

function field(name, labelKey, { type = 'text', autocomplete, hintKey, multiline = false, inputmode, dir } = {}) {
    const id = `f-${name}`;
    const hint = hintKey ? h('p', { id: `${id}-hint`, class: 'hint', text: t(hintKey) }) : null;
    const attributes = { id, name, autocomplete, inputmode, dir: dir || 'auto', 'data-hint': hint ? `${id}-hint` : undefined,
                         'aria-describedby': hint ? `${id}-hint` : undefined };
    const input = multiline ? h('textarea', { ...attributes, rows: 4 }) : h('input', { ...attributes, type });
    input.value = state.fields[name] || '';
    return h('div', { class: 'field' }, h('label', { for: id, text: t(labelKey) }), hint, input,
             h('p', { id: `${id}-error`, class: 'error', hidden: true }));
}

function consentField() {
    const box = h('input', { type: 'checkbox', id: 'f-consent', name: 'consent', checked: state.consent });
    const policy = state.org.privacyPolicy;
    const link = h('a', { href: `${policy.url}?lang=${language()}`, target: '_blank', rel: 'noopener' }, t('consent.link'));
    return h('div', { class: 'field consent' },
             h('div', { class: 'choice' }, box, h('label', { for: 'f-consent', text: t('consent.label') })),
             h('p', { class: 'hint' }, link, ' ', t('consent.version', { version: `\u2068${policy.version}\u2069` })),
             h('p', { id: 'f-consent-error', class: 'error', hidden: true }));
}

function fieldNames(contact) {
    if (contact)
        return ['firstName', 'lastName', 'email', 'message'];
    const names = ['firstName', 'lastName', 'email'];
    if (state.type === 'phone')
        names.push('phone');
    if (state.type === 'onsite')
        names.push('address');
    names.push('message');
    return names;
}

function summary() {
    const start = new Date(state.slot.start);
    return h('dl', { class: 'summary' },
             h('dt', { text: t('summary.type') }), h('dd', { text: t(`type.${state.type}`) }),
             h('dt', { text: t('summary.when') }), h('dd', {}, formatDateTime(start), h('br'), h('span', { class: 'hint', text: zoneLabel(visitorTimeZone(), start) })),
             state.location ? [h('dt', { text: t('summary.where') }), h('dd', { text: `${state.location.name}, ${state.location.address}` })] : null);
}

function renderDetails(contact) {
    loadAltcha();
    import('./seal.mjs');
    const form = h('form', { novalidate: true, id: 'details' });
    const inputs = [
        field('firstName', 'field.firstName', { autocomplete: 'given-name' }),
        field('lastName', 'field.lastName', { autocomplete: 'family-name' }),
        field('email', 'field.email', { type: 'email', autocomplete: 'email', hintKey: 'field.email.hint', dir: 'ltr' }),
    ];
    if (!contact && state.type === 'phone')
        inputs.push(field('phone', 'field.phone', { type: 'tel', autocomplete: 'tel', hintKey: 'field.phone.hint', dir: 'ltr' }));
    if (!contact && state.type === 'onsite')
        inputs.push(field('address', 'field.address', { autocomplete: 'street-address', multiline: true, hintKey: 'field.address.hint' }));
    inputs.push(field('message', contact ? 'field.messageRequired' : 'field.message',
                      { multiline: true, hintKey: contact ? 'field.message.contactHint' : 'field.message.hint' }));
    const nearest = h('div', { id: 'nearest' });
    const formError = h('p', { id: 'form-error', class: 'error', role: 'alert', hidden: true });
    form.append(
        contact ? h('p', { text: t('contact.intro') }) : summary(),
        nearest,
        h('p', { class: 'note', text: t('details.sealedNote') }),
        ...inputs, consentField(), altchaField(), formError,
        h('div', { class: 'actions' }, backButton(contact ? 'type' : 'time'),
          h('button', { type: 'submit', id: 'submit' }, t(contact ? 'action.send' : 'action.book'))));
    form.addEventListener('input', (event) => {
        const input = event.target;
        if (input.name in rules)
            state.fields[input.name] = input.value;
        // A field marked wrong is checked again as the visitor corrects it (never before the first submit).
        if (input.getAttribute('aria-invalid') === 'true' && input.name in rules) {
            const rule = input.name === 'message' && contact ? rules.messageRequired : rules[input.name];
            const problem = rule(input.value);
            setFieldError(input, problem ? t(problem) : '');
            if (!form.querySelector('[aria-invalid=true]'))
                say('');
        }
    });

    form.addEventListener('change', (event) => {
        if (event.target.name === 'consent') {
            state.consent = event.target.checked;
            if (state.consent)
                setFieldError(event.target, '');
        }
        if (event.target.name === 'nearest') {
            state.slot = state.nearest.find((s) => s.start === event.target.value) || state.slot;
            form.querySelector('.summary').replaceWith(summary());
            say(t('slotTaken.chosen', { when: formatDateTime(new Date(state.slot.start)) }));
        }
    });
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        submit(form, contact);
    });
    const title = page(contact ? 'contact.title' : 'details.title', form);
    if (state.nearest.length)
        showNearest(form);
    return title;
}

function validate(form, contact) {
    let first = null;
    for (const name of fieldNames(contact)) {
        const input = form.elements[name];
        const problem = (name === 'message' && contact ? rules.messageRequired : rules[name])(input.value);
        setFieldError(input, problem ? t(problem) : '');
        if (problem && !first)
            first = input;
    }
    const consent = form.elements.consent;
    setFieldError(consent, consent.checked ? '' : t('consent.error'));
    if (!consent.checked && !first)
        first = consent;
    const altcha = form.querySelector('input[name=altcha]');
    const widgetError = document.getElementById('f-altcha-error');
    const solved = altcha && altcha.value;
    widgetError.textContent = solved ? '' : t('altcha.required');
    widgetError.hidden = Boolean(solved);
    if (!solved && !first)
        first = form.querySelector('altcha-widget input[type=checkbox]') || form.querySelector('altcha-widget');
    return first;
}

function errorText(error) {
    if (!(error instanceof ApiError))
        return t('error.generic');
    if (error.code === 'network')
        return t('error.network');
    if (error.status === 429)
        return t('error.rateLimited', { seconds: error.retryAfter || 60 });
    if (error.status === 404)
        return t('error.notFound');
    if (error.status === 413)
        return t('error.tooLarge');
    return t('error.generic');
}

// Server field names → the page's inputs.
const serverFields = { firstName: 'firstName', lastName: 'lastName', email: 'email', phone: 'phone', address: 'address',
                       message: 'message', policyVersion: 'consent', altcha: 'altcha' };

function showServerErrors(form, error) {
    let first = null;
    for (const [name, text] of Object.entries(error.fields)) {
        const target = serverFields[name];
        if (target === 'altcha') {
            const e = document.getElementById('f-altcha-error');
            e.textContent = t('altcha.failed');
            e.hidden = false;
            resetAltcha(form);
            first = first || form.querySelector('altcha-widget');
            continue;
        }
        const input = target && form.elements[target];
        if (input) {
            setFieldError(input, target === 'consent' ? t('consent.outdated') : t('error.server', { detail: text }));
            first = first || input;
        }
    }
    return first;
}

function showNearest(form) {
    const box = form.querySelector('#nearest');
    replaceChildren(box, h('fieldset', { class: 'nearest' },
        h('legend', { text: state.nearest.length ? t('slotTaken.title') : t('slotTaken.none') }),
        h('div', { class: 'grid days' }, state.nearest.map((s) => radio('nearest', s.start, formatDateTime(new Date(s.start)),
                                                                        state.slot && state.slot.start === s.start)))));
}

async function submit(form, contact) {
    const formError = form.querySelector('#form-error');
    formError.hidden = true;
    const invalid = validate(form, contact);
    if (invalid) {
        say(t('error.check'));
        invalid.focus();
        return;
    }
    const button = form.querySelector('#submit');
    button.disabled = true;
    say(t('status.sending'));
    const values = {};
    for (const name of fieldNames(contact))
        values[name] = form.elements[name].value.trim();
    try {
        const { browserKeyPair, sealFields, toBase64Url } = await import('./seal.mjs');
        const [keys, devices] = await Promise.all([browserKeyPair(), request('GET', `/api/v1/orgs/${encodeURIComponent(slug)}/devices`)]);
        const id = newId();
        const sealed = await sealFields(devices.devices || [], `${contact ? 'message' : 'booking'}:${id}`,
                                        { firstName: values.firstName, lastName: values.lastName, phone: values.phone,
                                          address: values.address, message: values.message });
        const common = { language: language(), timeZone: visitorTimeZone(), email: values.email,
                         policyVersion: state.org.privacyPolicy.version, browserKey: toBase64Url(keys.publicKey), sealed,
                         altcha: form.querySelector('input[name=altcha]').value };
        if (contact) {
            const answer = await request('POST', `${base}/messages`, { body: { messageId: id, ...common } });
            state.result = { message: answer.message };
            say('');
            go('sent');
        } else {
            const body = { bookingId: id, type: state.type, start: state.slot.start, ...common };
            if (state.location)
                body.locationId = state.location.id;
            const answer = await request('POST', `${base}/bookings`, { body });
            state.result = answer.booking;
            state.nearest = [];
            say('');
            go('done');
        }
    } catch (error) {
        button.disabled = false;
        if (error instanceof ApiError && error.code === 'slot_taken') {
            state.nearest = error.nearestSlots;
            resetAltcha(form);
            showNearest(form);
            say(state.nearest.length ? t('slotTaken.title') : t('slotTaken.none'));
            const firstChoice = form.querySelector('input[name=nearest]');
            focusElement(firstChoice || form.querySelector('#nearest legend'));
            return;
        }
        if (error instanceof ApiError && error.code === 'policy_outdated') {
            // The policy changed while the visitor was here: show the new version, ask again.
            try {
                state.org = await request('GET', base);
            } catch {
                // keep what we have; the visitor can reload
            }
            state.consent = false;
            form.querySelector('.consent').replaceWith(consentField());
            setFieldError(form.elements.consent, t('consent.outdated'));
            say(t('error.check'));
            form.elements.consent.focus();
            return;
        }
        if (error instanceof ApiError && Object.keys(error.fields).length) {
            const first = showServerErrors(form, error);
            say(t('error.check'));
            if (first)
                first.focus();
            return;
        }
        resetAltcha(form);
        formError.textContent = error instanceof Error && error.message === 'no_devices' ? t('error.noDevices') : errorText(error);
        formError.hidden = false;
        say('');
        focusElement(formError);
    }
}

function renderDone() {
    const booking = state.result;
    const manage = new URL(booking.manageUrl, location.origin).href;
    const start = new Date(booking.start);
    return page(booking.status === 'confirmed' ? 'done.confirmedTitle' : 'done.pendingTitle',
                h('p', { text: t(booking.status === 'confirmed' ? 'done.confirmedText' : 'done.pendingText') }),
                h('dl', { class: 'summary' },
                  h('dt', { text: t('summary.type') }), h('dd', { text: t(`type.${booking.type}`) }),
                  h('dt', { text: t('summary.when') }), h('dd', {}, formatDateTime(start), h('br'), h('span', { class: 'hint', text: zoneLabel(visitorTimeZone(), start) })),
                  state.location ? [h('dt', { text: t('summary.where') }), h('dd', { text: `${state.location.name}, ${state.location.address}` })] : null),
                h('h2', { text: t('done.manageTitle') }),
                h('p', { text: t('done.manageText') }),
                h('p', { class: 'manage-link' }, h('a', { href: booking.manageUrl, id: 'manage-link', dir: 'ltr' }, manage)));
}

function renderSent() {
    return page('sent.title', h('p', { text: t('sent.text') }));
}

function render() {
    say('');
    const renderers = { type: renderType, location: renderLocation, time: renderTime, details: () => renderDetails(false),
                        contact: () => renderDetails(true), done: renderDone, sent: renderSent };
    focusElement(renderers[state.step]());
}

function renderChrome() {
    const header = document.getElementById('top');
    replaceChildren(header, h('p', { class: 'brand', text: state.org ? state.org.organisation.name : 'Lotse' }),
                    languageSwitch(() => { renderChrome(); render(); }));
    document.getElementById('skip').textContent = t('skip');
}

async function start() {
    await loadLanguage(pickLanguage());
    try {
        state.org = await request('GET', base);
    } catch (error) {
        renderChrome();
        document.title = t('error.title');
        replaceChildren(view, h('h1', { text: t('error.title') }), h('p', { role: 'alert', text: errorText(error) }));
        return;
    }
    renderChrome();
    const title = renderType();
    // Focus the heading only after the visitor acts; on first load the page starts at the top.
    void title;
}

start();
