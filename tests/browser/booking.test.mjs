// Booking as a new visitor would, in every language and with every appointment type, against a
// real lotse-server: what the advisor's device opens is what was typed; the server sees only the
// clear fields; every step passes axe-core; every request goes to the page's own origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { catalog, checkStep, chooseAppointment, fillDetails, solveAltcha } from './support/flow.mjs';
import { api, openSealed, setUpOrganisation, startServer } from './support/server.mjs';

let server;
let org;
before(async () => {
    server = await startServer();
    org = await setUpOrganisation(server);
});
after(async () => server && server.stop());

async function requestsOnServer() {
    const answer = await api(server, 'GET', '/api/v1/requests?status=all', { token: org.token });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.requests;
}

const cases = [
    { lang: 'de', locale: 'de-DE', type: 'video', zone: 'Europe/Berlin' },
    { lang: 'en', locale: 'en-GB', type: 'phone', zone: 'Europe/London' },
    { lang: 'uk', locale: 'uk-UA', type: 'onsite', zone: 'Europe/Kyiv' },
    { lang: 'ru', locale: 'ru-RU', type: 'phone', zone: 'Europe/Berlin' },
    { lang: 'tr', locale: 'tr-TR', type: 'video', zone: 'Europe/Istanbul' },
    { lang: 'ar', locale: 'ar-SY', type: 'onsite', zone: 'Asia/Damascus' },
    { lang: 'fa', locale: 'fa-IR', type: 'video', zone: 'Asia/Tehran' },
];

for (const [index, c] of cases.entries()) {
    test(`books a ${c.type} appointment in ${c.lang} (${c.zone})`, async () => {
        const browser = await openBrowser({ locale: c.locale, timezoneId: c.zone });
        const t = catalog(c.lang);
        try {
            const { page } = browser;
            await page.goto(`${server.origin}/book/demo`);
            const location = c.type === 'onsite' ? org.locations[1] : null;
            const start = await chooseAppointment(page, t, { type: c.type, location: location && location.name, shots: `book-${c.lang}`, day: index + 1 });
            // The zone as the browser names it (ICU may use an older alias, Europe/Kiev for Europe/Kyiv).
            const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
            assert.ok([c.zone, 'Europe/Kiev'].includes(zone), zone);
            assert.ok((await page.locator('.summary').textContent()).includes(zone));

            // Nothing filled in: every required field says so, next to it, and focus goes to the first.
            await page.getByRole('button', { name: t['action.book'] }).click();
            assert.equal(await page.locator('#f-firstName-error').textContent(), t['error.required']);
            assert.equal(await page.locator('#f-firstName').getAttribute('aria-invalid'), 'true');
            assert.equal(await page.evaluate(() => document.activeElement.id), 'f-firstName');
            assert.equal(await page.locator('#f-consent-error').textContent(), t['consent.error']);
            assert.equal(await page.locator('#f-altcha-error').textContent(), t['altcha.required']);
            assert.equal(await page.locator('#status').textContent(), t['error.check']);
            await checkStep(page, 'details-errors', { screenshot: `book-${c.lang}` });

            const fields = { firstName: 'Olena', lastName: `Test-${c.lang}`, email: `visitor-${c.lang}@example.org`,
                             message: `Ich brauche Hilfe mit dem Aufenthalt (${c.lang}).` };
            if (c.type === 'phone')
                fields.phone = '+49 30 1234567';
            if (c.type === 'onsite')
                fields.address = 'Musterweg 5, 12345 Berlin';
            await fillDetails(page, t, { ...fields, email: 'not-an-address' });
            await page.getByRole('button', { name: t['action.book'] }).click();
            assert.equal(await page.locator('#f-email-error').textContent(), t['error.email']);
            assert.equal(await page.locator('#f-firstName-error').isHidden(), true);
            await fillDetails(page, t, { email: fields.email });
            assert.equal(await page.locator('#f-email-error').isHidden(), true, 'a corrected field clears its error');
            await page.getByLabel(t['consent.label']).check();
            assert.equal(await page.locator('#f-consent-error').isHidden(), true);
            await solveAltcha(page, t);
            assert.equal(await page.locator('#f-altcha-error').isHidden(), true);
            await checkStep(page, 'details', { screenshot: `book-${c.lang}` });
            await page.getByRole('button', { name: t['action.book'] }).click();

            await page.locator('#manage-link').waitFor();
            const title = await page.locator('h1').textContent();
            assert.ok([t['done.pendingTitle'], t['done.confirmedTitle']].includes(title), title);
            const manageUrl = await page.locator('#manage-link').getAttribute('href');
            assert.match(manageUrl, /^\/manage#[A-Za-z0-9_-]{43}$/);
            await checkStep(page, 'done', { screenshot: `book-${c.lang}` });

            const requests = await requestsOnServer();
            const booking = requests.find((r) => r.kind === 'booking' && r.email === fields.email);
            assert.ok(booking, 'the booking reached the server');
            assert.equal(booking.type, c.type);
            assert.equal(booking.start, start);
            assert.equal(booking.language, c.lang);
            assert.equal(booking.timeZone, zone);
            assert.equal(booking.policyVersion, '2026-11-01');
            assert.equal(booking.locationId || null, location ? location.id : null);
            const opened = openSealed(org, `booking:${booking.id}`, booking.sealed);
            const { email, ...sealedFields } = fields;
            assert.deepEqual(opened, sealedFields);
            assert.ok(!JSON.stringify(booking).includes('Olena'), 'the name is not in clear on the server');

            assert.deepEqual(browser.problems, []);
            assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
        } finally {
            await browser.close();
        }
    });
}
