// The web pages' catalogs: the same keys in every language, no empty text, the same {placeholders}
// as English, and every key the pages use is in them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const web = new URL('../../server-stub/web/', import.meta.url);
const languages = ['de', 'en', 'uk', 'ru', 'tr', 'ar', 'fa'];
const catalogs = Object.fromEntries(languages.map((l) => [l, JSON.parse(readFileSync(new URL(`i18n/${l}.json`, web), 'utf8'))]));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('exactly the seven languages have catalogs', () => {
    assert.deepEqual(readdirSync(new URL('i18n/', web)).sort(), languages.map((l) => `${l}.json`).sort());
});

for (const lang of languages) {
    test(`${lang} has the same keys and placeholders as en, and no empty text`, () => {
        assert.deepEqual(Object.keys(catalogs[lang]).sort(), Object.keys(catalogs.en).sort());
        for (const [key, text] of Object.entries(catalogs[lang])) {
            assert.equal(typeof text, 'string', key);
            assert.notEqual(text.trim(), '', key);
            assert.deepEqual(placeholders(text), placeholders(catalogs.en[key]), key);
        }
    });
}

test('every key the pages use is in the catalogs', () => {
    const used = new Set();
    for (const file of readdirSync(new URL('js/', web))) {
        const source = readFileSync(new URL(`js/${file}`, web), 'utf8');
        for (const match of source.matchAll(/\bt\('([A-Za-z.]+)'/g))
            used.add(match[1]);
        // keys built from a value: t(`type.${...}`), t(`status.${...}`), t(`privacy.${s}.title`)
        for (const match of source.matchAll(/\bt\(`([A-Za-z.]+)\.\$\{/g))
            assert.ok(Object.keys(catalogs.en).some((k) => k.startsWith(`${match[1]}.`)), match[1]);
    }
    for (const key of ['type.video', 'type.phone', 'type.onsite', 'status.pending', 'status.confirmed', 'status.proposed',
                       'status.declined', 'status.cancelled'])
        used.add(key);
    for (const key of used)
        assert.ok(key in catalogs.en, `missing key ${key}`);
});
