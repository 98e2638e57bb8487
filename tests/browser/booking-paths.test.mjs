// The other ways through the booking page: keyboard only, a time taken meanwhile (409 and the
// nearest free times), the contact form, and a 360 px phone screen (left to right and right to left).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { catalog, checkStep, chooseAppointment, fillDetails, solveAltcha } from './support/flow.mjs';
import { api, openSealed, setUpOrganisation, startServer } from './support/server.mjs';

let server;
let org;
before(async () => {
    server = await startServer();
    org = await setUpOrganisation(server, { locations: 1 });
});
after(async () => server && server.stop());

async function serverRequests() {
    return (await api(server, 'GET', '/api/v1/requests?status=all', { token: org.token })).body.requests;
}

// Presses Tab (at most 40 times) until the focused element matches the selector.
async function tabTo(page, selector) {
    for (let i = 0; i < 40; ++i) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector))
            return;
    }
    assert.fail(`Tab never reached ${selector}`);
}

async function focusOutline(page) {
    return page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
}

test('books a phone appointment with the keyboard only', async () => {
    const browser = await openBrowser({ locale: 'en-GB' });
    const t = catalog('en');
    try {
        const { page } = browser;
        await page.goto(`${server.origin}/book/demo`);
        await page.getByRole('heading', { name: t['type.title'] }).waitFor();
        await tabTo(page, '#type-video');
        assert.notEqual(await focusOutline(page), 'none', 'focus is visible');
        await page.keyboard.press('ArrowDown'); // radio group: moves to and selects "phone"
        assert.equal(await page.evaluate(() => document.activeElement.id), 'type-phone');
        await tabTo(page, 'button[type=submit]');
        assert.notEqual(await focusOutline(page), 'none', 'focus is visible on buttons');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: t['time.title'] }).waitFor();
        assert.equal(await page.evaluate(() => document.activeElement.id), 'step-title', 'focus moves to the new step');
        await page.locator('input[name=slot]').first().waitFor();
        await tabTo(page, 'input[name=day]');
        for (let i = 0; i < 8; ++i)
            await page.keyboard.press('ArrowDown'); // a later day than the other tests use
        await tabTo(page, 'input[name=slot]');
        await page.keyboard.press('Space');
        const start = await page.evaluate(() => document.activeElement.value);
        await tabTo(page, 'button[type=submit]');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: t['details.title'] }).waitFor();
        const typed = { firstName: 'Karim', lastName: 'Haddad', email: 'karim@example.org', phone: '0176 1234567', message: 'Bitte rufen Sie mich an.' };
        for (const [name, value] of Object.entries(typed)) {
            await tabTo(page, `#f-${name}`);
            await page.keyboard.type(value);
        }
        await tabTo(page, '#f-consent');
        await page.keyboard.press('Space');
        await tabTo(page, 'altcha-widget input[type=checkbox]');
        await page.keyboard.press('Space');
        await page.waitForFunction(() => (document.querySelector('altcha-widget input[name=altcha]') || {}).value);
        await tabTo(page, '#submit');
        await page.keyboard.press('Enter');
        await page.locator('#manage-link').waitFor();
        const booking = (await serverRequests()).find((r) => r.email === typed.email);
        assert.equal(booking.type, 'phone');
        assert.equal(booking.start, start);
        const { email, ...sealed } = typed;
        assert.deepEqual(openSealed(org, `booking:${booking.id}`, booking.sealed), sealed);
        assert.deepEqual(browser.problems, []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        await browser.close();
    }
});

test('a time taken meanwhile: 409, the nearest free times, and booking one of them', async () => {
    const first = await openBrowser({ locale: 'de-DE' });
    const second = await openBrowser({ locale: 'de-DE' });
    const t = catalog('de');
    try {
        const details = { firstName: 'Anna', lastName: 'Erste', email: 'anna@example.org' };
        // The first visitor picks a time and starts typing ...
        await first.page.goto(`${server.origin}/book/demo`);
        const start = await chooseAppointment(first.page, t, { type: 'video', day: 9 });
        // ... while someone else books the same time.
        await second.page.goto(`${server.origin}/book/demo`);
        const otherStart = await chooseAppointment(second.page, t, { type: 'video', day: 9 });
        assert.equal(otherStart, start);
        await fillDetails(second.page, t, { firstName: 'Ben', lastName: 'Zweiter', email: 'ben@example.org' });
        await second.page.getByLabel(t['consent.label']).check();
        await solveAltcha(second.page, t);
        await second.page.getByRole('button', { name: t['action.book'] }).click();
        await second.page.locator('#manage-link').waitFor();

        await fillDetails(first.page, t, details);
        await first.page.getByLabel(t['consent.label']).check();
        await solveAltcha(first.page, t);
        await first.page.getByRole('button', { name: t['action.book'] }).click();
        await first.page.locator('input[name=nearest]').first().waitFor();
        assert.equal(await first.page.locator('#status').textContent(), t['slotTaken.title']);
        assert.equal(await first.page.evaluate(() => document.activeElement.name), 'nearest');
        await checkStep(first.page, 'slot-taken');
        const offered = await first.page.locator('input[name=nearest]').evaluateAll((inputs) => inputs.map((i) => i.value));
        assert.ok(offered.length >= 1 && offered.length <= 5, `${offered.length} nearest times`);
        assert.ok(!offered.includes(start));
        await first.page.locator('input[name=nearest]').first().check();
        assert.equal(await first.page.locator('#f-firstName').inputValue(), 'Anna', 'what was typed stays');
        await solveAltcha(first.page, t);
        await first.page.getByRole('button', { name: t['action.book'] }).click();
        await first.page.locator('#manage-link').waitFor();
        const booking = (await serverRequests()).find((r) => r.email === details.email);
        assert.equal(booking.start, offered[0]);
        assert.deepEqual(first.problems.filter((p) => !p.includes('409')), []);
        assert.deepEqual(foreignRequests(first.requests, server.origin), []);
    } finally {
        await first.close();
        await second.close();
    }
});

test('a privacy policy changed meanwhile: the server says so next to the consent box', async () => {
    const browser = await openBrowser({ locale: 'ru-RU' });
    const t = catalog('ru');
    try {
        const { page } = browser;
        await page.goto(`${server.origin}/book/demo`);
        await chooseAppointment(page, t, { type: 'video', day: 12 });
        await fillDetails(page, t, { firstName: 'Ivan', lastName: 'Petrov', email: 'ivan@example.org' });
        await page.getByLabel(t['consent.label']).check();
        await solveAltcha(page, t);
        const settings = await api(server, 'PUT', '/api/v1/org/settings', { token: org.token,
            body: { autoConfirm: false, timeZone: 'Europe/Berlin', privacyPolicyVersion: '2026-12-01' } });
        assert.equal(settings.status, 200, JSON.stringify(settings.body));
        await page.getByRole('button', { name: t['action.book'] }).click();
        await page.locator('#f-consent-error').getByText(t['consent.outdated']).waitFor();
        assert.equal(await page.locator('#f-consent').isChecked(), false);
        assert.equal(await page.evaluate(() => document.activeElement.id), 'f-consent');
        assert.match(await page.locator('.consent').textContent(), /2026-12-01/);
        await checkStep(page, 'policy-outdated');
        await page.getByLabel(t['consent.label']).check();
        await page.getByRole('button', { name: t['action.book'] }).click();
        await page.locator('#manage-link').waitFor();
        const booking = (await serverRequests()).find((r) => r.email === 'ivan@example.org');
        assert.equal(booking.policyVersion, '2026-12-01');
        assert.deepEqual(browser.problems.filter((p) => !p.includes('400')), []);
    } finally {
        await browser.close();
    }
});

test('the contact form sends a sealed message without an appointment', async () => {
    const browser = await openBrowser({ locale: 'tr-TR', timezoneId: 'Europe/Istanbul' });
    const t = catalog('tr');
    try {
        const { page } = browser;
        await page.goto(`${server.origin}/book/demo`);
        await page.getByRole('button', { name: t['contact.teaser.action'] }).click();
        await page.getByRole('heading', { name: t['contact.title'] }).waitFor();
        await page.getByRole('button', { name: t['action.send'] }).click();
        assert.equal(await page.locator('#f-message-error').textContent(), t['error.required']);
        await checkStep(page, 'contact-errors');
        await fillDetails(page, t, { firstName: 'Ayşe', lastName: 'Yılmaz', email: 'ayse@example.org', message: 'Oturum izni hakkında bir sorum var.' });
        await page.getByLabel(t['consent.label']).check();
        await solveAltcha(page, t);
        await page.getByRole('button', { name: t['action.send'] }).click();
        await page.getByRole('heading', { name: t['sent.title'] }).waitFor();
        await checkStep(page, 'sent');
        const message = (await serverRequests()).find((r) => r.kind === 'message' && r.email === 'ayse@example.org');
        assert.ok(message, 'the message reached the server');
        assert.equal(message.language, 'tr');
        assert.deepEqual(openSealed(org, `message:${message.id}`, message.sealed),
                         { firstName: 'Ayşe', lastName: 'Yılmaz', message: 'Oturum izni hakkında bir sorum var.' });
        assert.deepEqual(browser.problems, []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        await browser.close();
    }
});

for (const [lang, locale] of [['en', 'en-GB'], ['fa', 'fa-IR']]) {
    test(`on a 360 px phone screen in ${lang}: no sideways scrolling on any step`, async () => {
        const browser = await openBrowser({ locale, viewport: { width: 360, height: 740 } });
        const t = catalog(lang);
        try {
            const { page } = browser;
            await page.goto(`${server.origin}/book/demo`);
            await chooseAppointment(page, t, { type: 'onsite', shots: `phone-${lang}`, day: lang === 'en' ? 10 : 11 });
            await page.getByRole('button', { name: t['action.book'] }).click();
            await checkStep(page, 'details-errors', { screenshot: `phone-${lang}` });
            assert.deepEqual(browser.problems, []);
        } finally {
            await browser.close();
        }
    });
}
