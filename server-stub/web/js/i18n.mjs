// Languages of the help-seeker pages: catalog loading, the visible switch, dates in the visitor's zone.
import { h } from './dom.mjs';

export const languages = [
    { code: 'de', name: 'Deutsch' },
    { code: 'en', name: 'English' },
    { code: 'uk', name: 'Українська' },
    { code: 'ru', name: 'Русский' },
    { code: 'tr', name: 'Türkçe' },
    { code: 'ar', name: 'العربية' },
    { code: 'fa', name: 'فارسی' },
];
const codes = new Set(languages.map((l) => l.code));
const rightToLeft = new Set(['ar', 'fa']);
let catalog = {};
let current = 'en';

// ?lang= first (the switch keeps it in the address), then the browser's preferences, then English.
export function pickLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked && codes.has(asked))
        return asked;
    for (const tag of navigator.languages || [navigator.language || '']) {
        const primary = String(tag).toLowerCase().split('-')[0];
        if (codes.has(primary))
            return primary;
    }
    return 'en';
}

export async function loadLanguage(lang) {
    const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url), { credentials: 'omit' });
    if (!response.ok)
        throw new Error(`catalog ${lang}: HTTP ${response.status}`);
    catalog = await response.json();
    current = lang;
    document.documentElement.lang = lang;
    document.documentElement.dir = rightToLeft.has(lang) ? 'rtl' : 'ltr';
}

export function language() {
    return current;
}

// t('type.minutes', { n: 45 }) replaces {n}; a missing key shows the key (tests catch that).
export function t(key, values = {}) {
    const text = Object.prototype.hasOwnProperty.call(catalog, key) ? catalog[key] : key;
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

// The language switch: a labelled select; changing it reloads the texts through onChange.
export function languageSwitch(onChange) {
    const select = h('select', { id: 'language', name: 'language', autocomplete: 'off' },
                     languages.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === current }, l.name)));
    select.addEventListener('change', async () => {
        const url = new URL(location.href);
        url.searchParams.set('lang', select.value);
        history.replaceState(history.state, '', url);
        await loadLanguage(select.value);
        onChange();
    });
    return h('div', { class: 'language' }, h('label', { for: 'language', text: t('language.label') }), select);
}

export function visitorTimeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// Gregorian calendar in every language (appointments and letters in Germany use it).
function locale() {
    return `${current}-u-ca-gregory`;
}

export function formatDay(date, timeZone = visitorTimeZone()) {
    return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(date);
}

export function formatTime(date, timeZone = visitorTimeZone()) {
    return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

export function formatDateTime(date, timeZone = visitorTimeZone()) {
    return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
                                               hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

// "Europe/Berlin (Central European Standard Time)" in the page's language.
export function zoneLabel(timeZone = visitorTimeZone(), at = new Date()) {
    let name = '';
    try {
        const parts = new Intl.DateTimeFormat(locale(), { timeZone, timeZoneName: 'long' }).formatToParts(at);
        name = (parts.find((p) => p.type === 'timeZoneName') || {}).value || '';
    } catch {
        name = '';
    }
    // Isolated (U+2068…U+2069) so that the Latin zone id keeps its order inside Arabic or Farsi text.
    return `\u2068${name && name !== timeZone ? `${timeZone} (${name})` : timeZone}\u2069`;
}

// The calendar day of an instant in a zone, as YYYY-MM-DD (for grouping slots by day).
export function dayKey(date, timeZone = visitorTimeZone()) {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}
