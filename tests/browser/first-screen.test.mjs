// Each language's first screen of the booking page: chosen from the browser's languages, right to
// left for ar and fa, no axe-core violations, no CSP violation, no request to another origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, foreignRequests, openBrowser } from './support/browser.mjs';
import { setUpOrganisation, startServer } from './support/server.mjs';

const languages = { de: 'de-DE', en: 'en-US', uk: 'uk-UA', ru: 'ru-RU', tr: 'tr-TR', ar: 'ar-EG', fa: 'fa-IR' };
let server;

before(async () => {
    server = await startServer();
    await setUpOrganisation(server);
});
after(async () => server && server.stop());

for (const [lang, locale] of Object.entries(languages)) {
    test(`first screen in ${lang} (browser language ${locale})`, async () => {
        const browser = await openBrowser({ locale });
        try {
            const { page } = browser;
            await page.goto(`${server.origin}/book/demo`);
            await page.locator('h1').waitFor();
            const catalog = (await import(`../../server-stub/web/i18n/${lang}.json`, { with: { type: 'json' } })).default;
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
            assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr');
            assert.equal(await page.locator('h1').textContent(), catalog['type.title']);
            assert.equal(await page.locator('#language').inputValue(), lang);
            for (const type of ['video', 'phone', 'onsite'])
                assert.equal(await page.getByLabel(catalog[`type.${type}`]).count(), 1, type);
            assert.deepEqual(await axeViolations(page), []);
            assert.deepEqual(browser.problems, []);
            assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
        } finally {
            await browser.close();
        }
    });
}

test('the visible switch changes the language and direction', async () => {
    const browser = await openBrowser({ locale: 'de-DE' });
    try {
        const { page } = browser;
        await page.goto(`${server.origin}/book/demo`);
        await page.getByRole('heading', { name: 'Wie möchten Sie sprechen?' }).waitFor();
        await page.getByLabel('Sprache').selectOption('fa');
        await page.getByRole('heading', { name: 'چطور می‌خواهید صحبت کنید؟' }).waitFor();
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        assert.match(page.url(), /[?&]lang=fa$/);
        await page.reload();
        await page.getByRole('heading', { name: 'چطور می‌خواهید صحبت کنید؟' }).waitFor();
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(browser.problems, []);
    } finally {
        await browser.close();
    }
});

test('the privacy policy names the organisation and the version the booking page sends (ar)', async () => {
    const browser = await openBrowser({ locale: 'ar-EG' });
    try {
        const { page } = browser;
        const catalog = (await import('../../server-stub/web/i18n/ar.json', { with: { type: 'json' } })).default;
        await page.goto(`${server.origin}/privacy/demo`);
        await page.getByRole('heading', { level: 1, name: catalog['privacy.title'] }).waitFor();
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        assert.match(await page.locator('#policy-version').textContent(), /2026-11-01/);
        assert.match(await page.locator('main').textContent(), /Beratungsstelle Mitte/);
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(browser.problems, []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        await browser.close();
    }
});
