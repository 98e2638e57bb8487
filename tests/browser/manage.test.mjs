// The manage page behind the link of a booking made on the booking page: see it, download it for a
// calendar, move it to another free time, cancel it; and a link that is not valid.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { catalog, checkStep, chooseAppointment, fillDetails, solveAltcha } from './support/flow.mjs';
import { api, setUpOrganisation, startServer } from './support/server.mjs';

let server;
let org;
before(async () => {
    server = await startServer();
    org = await setUpOrganisation(server, { locations: 1 });
});
after(async () => server && server.stop());

async function book(page, t, day) {
    await page.goto(`${server.origin}/book/demo`);
    await chooseAppointment(page, t, { type: 'video', day });
    await fillDetails(page, t, { firstName: 'Mariam', lastName: 'Nouri', email: `mariam${day}@example.org` });
    await page.getByLabel(t['consent.label']).check();
    await solveAltcha(page, t);
    await page.getByRole('button', { name: t['action.book'] }).click();
    await page.locator('#manage-link').waitFor();
    return page.locator('#manage-link').getAttribute('href');
}

test('see, download, reschedule and cancel through the manage link (fa, right to left)', async () => {
    const browser = await openBrowser({ locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    const t = catalog('fa');
    try {
        const { page } = browser;
        const manageUrl = await book(page, t, 2);
        const token = manageUrl.split('#')[1];
        const before = (await api(server, 'GET', '/api/v1/manage/booking', { token })).body.booking;

        await page.goto(`${server.origin}${manageUrl}`);
        await page.getByRole('heading', { name: t['manage.title'] }).waitFor();
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        assert.equal(await page.locator('#booking-status').textContent(), t[`status.${before.status}`]);
        await checkStep(page, 'manage', { screenshot: 'manage-fa' });

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t['manage.ics'] }).click()]);
        const ics = readFileSync(await download.path(), 'utf8');
        assert.match(ics, /BEGIN:VCALENDAR/);
        assert.match(ics, new RegExp(`UID:${before.id}@lotse`));

        await page.getByRole('button', { name: t['manage.reschedule'] }).click();
        await page.getByRole('heading', { name: t['manage.rescheduleTitle'] }).waitFor();
        await page.locator('input[name=slot]').first().waitFor();
        await checkStep(page, 'reschedule', { screenshot: 'manage-fa' });
        const choice = page.locator('input[name=slot]').nth(4);
        const newStart = await choice.getAttribute('value');
        await choice.check();
        await page.getByRole('button', { name: t['manage.rescheduleConfirm'] }).click();
        await page.getByText(t['manage.rescheduled']).waitFor();
        const moved = (await api(server, 'GET', '/api/v1/manage/booking', { token })).body.booking;
        assert.equal(moved.start, newStart);
        assert.equal(moved.sequence, before.sequence + 1);
        await checkStep(page, 'rescheduled', { screenshot: 'manage-fa' });

        await page.getByRole('button', { name: t['manage.cancel'] }).click();
        await page.getByRole('heading', { name: t['manage.cancelTitle'] }).waitFor();
        await checkStep(page, 'cancel', { screenshot: 'manage-fa' });
        await page.getByRole('button', { name: t['manage.cancelConfirm'] }).click();
        await page.getByText(t['manage.cancelled']).waitFor();
        assert.equal(await page.locator('#booking-status').textContent(), t['status.cancelled']);
        assert.equal(await page.getByRole('button', { name: t['manage.cancel'] }).count(), 0, 'nothing left to cancel');
        const cancelled = (await api(server, 'GET', '/api/v1/manage/booking', { token })).body.booking;
        assert.equal(cancelled.status, 'cancelled');
        await checkStep(page, 'cancelled', { screenshot: 'manage-fa' });

        assert.deepEqual(browser.problems, []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        await browser.close();
    }
});

test('accepts the time the advisor proposed (en)', async () => {
    const browser = await openBrowser({ locale: 'en-GB' });
    const t = catalog('en');
    try {
        const { page } = browser;
        const manageUrl = await book(page, t, 3);
        const token = manageUrl.split('#')[1];
        const booking = (await api(server, 'GET', '/api/v1/manage/booking', { token })).body.booking;
        const from = new Date(Date.parse(booking.start) + 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const to = new Date(Date.parse(booking.start) + 3 * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const free = (await api(server, 'GET', `/api/v1/manage/slots?from=${from}&to=${to}`, { token })).body.slots;
        const proposed = await api(server, 'POST', `/api/v1/bookings/${booking.id}/propose`, { token: org.token, body: { start: free[0].start } });
        assert.equal(proposed.status, 200, JSON.stringify(proposed.body));

        await page.goto(`${server.origin}${manageUrl}`);
        await page.getByRole('heading', { name: t['manage.proposalTitle'] }).waitFor();
        await checkStep(page, 'proposal');
        await page.getByRole('button', { name: t['manage.accept'] }).click();
        await page.getByText(t['manage.accepted']).waitFor();
        const accepted = (await api(server, 'GET', '/api/v1/manage/booking', { token })).body.booking;
        assert.equal(accepted.start, free[0].start);
        assert.equal(accepted.status, 'confirmed');
        assert.equal(await page.getByRole('heading', { name: t['manage.proposalTitle'] }).count(), 0);
        assert.deepEqual(browser.problems, []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        await browser.close();
    }
});

test('a link that is not valid says so plainly', async () => {
    const browser = await openBrowser({ locale: 'de-DE' });
    const t = catalog('de');
    try {
        const { page } = browser;
        await page.goto(`${server.origin}/manage#${'A'.repeat(43)}`);
        await page.getByText(t['manage.invalid']).waitFor();
        await checkStep(page, 'invalid');
        await page.goto(`${server.origin}/manage`);
        await page.reload();
        await page.getByText(t['manage.invalid']).waitFor();
        assert.deepEqual(browser.problems.filter((p) => !p.includes('401')), []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        await browser.close();
    }
});
