// What a visitor's phone downloads on opening the booking page, compressed as sent: a small
// budget, and the heavy parts (libsodium, the ALTCHA widget) only later, when the visitor sends.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBrowser } from './support/browser.mjs';
import { catalog } from './support/flow.mjs';
import * as lotse from '../../crypto/js/index.mjs';
import { bookFor, giveBrowserKey, roomReady } from './support/room.mjs';
import { setUpOrganisation, startServer } from './support/server.mjs';

const budget = 40 * 1024;
let server;
let org;
before(async () => {
    server = await startServer();
    org = await setUpOrganisation(server);
});
after(async () => server && server.stop());

test(`first load of /book/demo is gzipped and below ${budget / 1024} KiB`, async () => {
    const browser = await openBrowser({ locale: 'uk-UA' });
    try {
        const { page } = browser;
        const bodies = [];
        page.on('response', (response) => bodies.push(response));
        await page.goto(`${server.origin}/book/demo`);
        await page.getByRole('heading', { name: catalog('uk')['type.title'] }).waitFor();
        await page.waitForLoadState('networkidle');
        let total = 0;
        const lines = [];
        for (const response of bodies) {
            const headers = await response.allHeaders();
            const size = Number(headers['content-length']);
            const url = new URL(response.url());
            if (url.pathname.startsWith('/static/') && size >= 512)
                assert.equal(headers['content-encoding'], 'gzip', url.pathname);
            total += size;
            lines.push(`${String(size).padStart(7)}  ${url.pathname.replace(/^\/static\/[0-9a-f]+/, '/static/…')}`);
        }
        console.log(`first load of the booking page: ${total} bytes in ${bodies.length} responses (bodies as sent)\n${lines.join('\n')}`);
        assert.ok(total < budget, `${total} bytes`);
        const urls = bodies.map((r) => r.url());
        assert.ok(!urls.some((u) => /libsodium|altcha|\/crypto\//.test(u)), 'crypto and ALTCHA load only when needed');
    } finally {
        await browser.close();
    }
});

// Bytes as sent for every response of a page load, printed with a breakdown.
async function measure(page, what, load) {
    const bodies = [];
    const listener = (response) => bodies.push(response);
    page.on('response', listener);
    await load();
    await page.waitForLoadState('networkidle');
    page.off('response', listener);
    let total = 0;
    const lines = [];
    for (const response of bodies) {
        const headers = await response.allHeaders();
        const size = Number(headers['content-length'] || 0);
        const url = new URL(response.url());
        total += size;
        lines.push(`${String(size).padStart(7)}  ${url.pathname.replace(/^\/static\/[0-9a-f]+/, '/static/…')}`);
    }
    console.log(`${what}: ${total} bytes in ${bodies.length} responses (bodies as sent)\n${lines.join('\n')}`);
    return { total, urls: bodies.map((r) => r.url()) };
}

test('first load of /talk/demo: the form with its ALTCHA widget, no crypto before the name is sealed, below 64 KiB', async () => {
    const browser = await openBrowser({ locale: 'de-DE' });
    try {
        const { page } = browser;
        const { total, urls } = await measure(page, 'first load of the talk page', async () => {
            await page.goto(`${server.origin}/talk/demo`);
            await page.getByRole('heading', { name: catalog('de')['talk.title'] }).waitFor();
        });
        assert.ok(total < 64 * 1024, `${total} bytes`);
        assert.ok(!urls.some((u) => /libsodium|\/crypto\//.test(u)), 'crypto loads only when the name is sealed');
    } finally {
        await browser.close();
    }
});

test('first load of /room: the page shows its state before the crypto arrives; all of it below 260 KiB', async () => {
    const browser = await openBrowser({ locale: 'de-DE' });
    try {
        const { page } = browser;
        await lotse.init();
        const pair = lotse.generateEncryptionKeyPair();
        const booking = await bookFor(server, org, pair, { nth: 1 });
        await giveBrowserKey(page, server.origin, pair.secretKey);
        const first = await measure(page, 'room page before the crypto (invalid link)', async () => {
            await page.goto(`${server.origin}/room#${'x'.repeat(43)}`);
            await page.getByText(catalog('de')['room.invalid']).waitFor();
        });
        assert.ok(first.total < 40 * 1024, `${first.total} bytes`);
        assert.ok(!first.urls.some((u) => /libsodium|\/crypto\//.test(u)), 'no crypto for a state that needs none');
        await page.goto(`${server.origin}/static/none`);
        const { total } = await measure(page, 'room page until it can send', async () => {
            await page.goto(`${server.origin}/room#${booking.token}`);
            await roomReady(page);
        });
        assert.ok(total < 260 * 1024, `${total} bytes`);
    } finally {
        await browser.close();
    }
});
