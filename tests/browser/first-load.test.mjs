// What a visitor's phone downloads on opening the booking page, compressed as sent: a small
// budget, and the heavy parts (libsodium, the ALTCHA widget) only later, when the visitor sends.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBrowser } from './support/browser.mjs';
import { catalog } from './support/flow.mjs';
import { setUpOrganisation, startServer } from './support/server.mjs';

const budget = 40 * 1024;
let server;
before(async () => {
    server = await startServer();
    await setUpOrganisation(server);
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
