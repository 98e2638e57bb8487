// Files in the room (CONTRACT-6 A and B): the page encrypts with the file stream (FORMAT.md §7),
// uploads in ≤ 1 MiB PUTs with a progress bar and resumes after the connection is cut; it
// downloads, decrypts and previews images locally (object URLs, never a server URL); the server's
// size limit is reported before anything is encrypted. The advisor side is support/advisor.mjs.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import * as lotse from '../../crypto/js/index.mjs';
import { AdvisorClient } from './support/advisor.mjs';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { catalog, checkStep } from './support/flow.mjs';
import { bookFor, giveBrowserKey, roomReady } from './support/room.mjs';
import { setUpOrganisation, startServer } from './support/server.mjs';

const maxFileBytes = 3 * 1048576;
let server;
let org;
let bookings = 0;
before(async () => {
    server = await startServer({ config: `[rooms]\nmax_file_bytes = ${maxFileBytes}\n[limits]\npublic_requests_per_minute = 1000\n` });
    org = await setUpOrganisation(server, { locations: 1 });
    await lotse.init();
});
after(async () => server && server.stop());

// A real PNG (RGB, one colour per row band), so that the preview has something to decode.
function png(width, height, colour) {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; ++k)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c >>> 0;
    });
    const crc = (bytes) => {
        let c = 0xffffffff;
        for (const b of bytes)
            c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
        return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type, data) => {
        const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(data.length);
        const sum = Buffer.alloc(4);
        sum.writeUInt32BE(crc(body));
        return Buffer.concat([length, body, sum]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const rows = [];
    for (let y = 0; y < height; ++y)
        rows.push(Buffer.from([0, ...Array.from({ length: width }, () => (y < height / 2 ? colour : [255, 255, 255])).flat()]));
    return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
                          chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

async function openRoom(browser, lang) {
    const pair = lotse.generateEncryptionKeyPair();
    const booking = await bookFor(server, org, pair, { nth: ++bookings, language: lang });
    await giveBrowserKey(browser.page, server.origin, pair.secretKey);
    await browser.page.goto(`${server.origin}/room#${booking.token}`);
    await roomReady(browser.page);
    return booking;
}

const manifests = (advisor, roomId) => advisor.rooms.get(roomId).messages.filter((m) => m.purpose === lotse.RecordPurpose.FileManifest);

test('a file both ways: upload progress, resume after the connection is cut, image previews, save, drag and drop (de)', async () => {
    const browser = await openBrowser({ locale: 'de-DE' });
    const t = catalog('de');
    const advisor = await AdvisorClient.connect(server, org);
    try {
        const { page } = browser;
        const room = await openRoom(browser, 'de');
        await advisor.join(room.bookingId);

        // 2.5 MB: three PUTs; the second is cut off after the first one's progress shows.
        const report = randomBytes(2.5 * 1048576);
        let puts = 0;
        let reached;
        const atSecond = new Promise((resolve) => { reached = resolve; });
        let release;
        const gate = new Promise((resolve) => { release = resolve; });
        await page.route(/\/api\/v1\/visitor\/room\/files\/[0-9a-f-]+\?offset=/, async (route) => {
            if (++puts === 2) {
                reached();
                await gate;
                await route.abort('connectionreset');
                return;
            }
            await route.continue();
        });
        await page.setInputFiles('#file', { name: 'Bescheid Jobcenter.pdf', mimeType: 'application/pdf', buffer: report });
        await atSecond;
        const progress = page.locator('.msg.mine progress');
        await progress.waitFor();
        assert.ok(Number(await progress.getAttribute('value')) >= 35, 'the first MiB shows');
        await checkStep(page, 'uploading', { screenshot: 'room-files-de' });
        release();
        await page.getByText(t['file.interrupted']).waitFor();
        await checkStep(page, 'interrupted', { screenshot: 'room-files-de' });
        await page.getByRole('button', { name: t['file.resume'] }).click();
        await page.locator('.msg.mine[data-state=sent] >> text=Bescheid Jobcenter.pdf').waitFor({ timeout: 30000 });
        await advisor.received(room.bookingId, (m) => m.purpose === lotse.RecordPurpose.FileManifest);
        const [manifest] = manifests(advisor, room.bookingId).map((m) => m.body);
        assert.equal(manifest.name, 'Bescheid Jobcenter.pdf');
        assert.equal(manifest.mime, 'application/pdf');
        assert.equal(manifest.size, report.length);
        assert.ok(Buffer.from(await advisor.fetchFile(room.bookingId, manifest)).equals(report), 'the advisor decrypts the same bytes');
        assert.ok(puts >= 4, `${puts} PUTs`);
        await page.unroute(/\/api\/v1\/visitor\/room\/files\//);

        // An image from the page: previewed from the local file, readable by the advisor.
        const photo = png(64, 48, [10, 91, 176]);
        await page.setInputFiles('#file', { name: 'foto.png', mimeType: 'image/png', buffer: photo });
        await page.locator('.msg.mine[data-state=sent] img.preview').waitFor();
        await advisor.received(room.bookingId, (m) => m.body && m.body.name === 'foto.png');
        const sentPhoto = manifests(advisor, room.bookingId).find((m) => m.body.name === 'foto.png').body;
        assert.ok(Buffer.from(await advisor.fetchFile(room.bookingId, sentPhoto)).equals(photo));

        // From the advisor: an image (previewed at once) and a document (opened on request).
        const answerImage = png(80, 60, [30, 123, 52]);
        await advisor.sendFile(room.bookingId, answerImage, 'formular.png', 'image/png');
        const preview = page.locator('.msg.theirs img.preview');
        await preview.waitFor();
        assert.match(await preview.getAttribute('src'), /^blob:/);
        assert.equal(await preview.evaluate((img) => img.complete && img.naturalWidth), 80);
        const letter = Buffer.from('Antrag auf Weiterbewilligung – bitte bis Freitag unterschreiben.\n', 'utf8');
        await advisor.sendFile(room.bookingId, letter, 'Hinweise.txt', 'text/plain');
        const letterMessage = page.locator('.msg.theirs', { hasText: 'Hinweise.txt' });
        await letterMessage.getByRole('button', { name: t['file.download'] }).click();
        const save = letterMessage.getByRole('link', { name: t['file.save'] });
        await save.waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
        assert.equal(download.suggestedFilename(), 'Hinweise.txt');
        assert.ok(readFileSync(await download.path()).equals(letter));
        await checkStep(page, 'files', { screenshot: 'room-files-de' });

        // A download cut off half-way: the page says so and continues with a Range request.
        const scan = randomBytes(700 * 1024);
        const ranges = [];
        let cut = false;
        await page.route(/\/api\/v1\/visitor\/room\/files\/[0-9a-f-]+\/content$/, async (route) => {
            ranges.push(route.request().headers().range || null);
            const response = await route.fetch();
            if (cut)
                return route.fulfill({ response });
            cut = true;
            const body = await response.body();
            return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: body.subarray(0, body.length >> 1) });
        });
        await advisor.sendFile(room.bookingId, scan, 'Scan.pdf', 'application/pdf');
        const scanMessage = page.locator('.msg.theirs', { hasText: 'Scan.pdf' });
        await scanMessage.getByRole('button', { name: t['file.download'] }).click();
        await scanMessage.getByText(t['file.interrupted']).waitFor();
        await scanMessage.getByRole('button', { name: t['file.resume'] }).click();
        const scanSave = scanMessage.getByRole('link', { name: t['file.save'] });
        await scanSave.waitFor();
        assert.equal(ranges[0], null);
        assert.match(ranges[1], /^bytes=\d+-$/);
        const [scanDownload] = await Promise.all([page.waitForEvent('download'), scanSave.click()]);
        assert.ok(readFileSync(await scanDownload.path()).equals(scan), 'the resumed download decrypts to the same bytes');
        await page.unroute(/\/content$/);

        // Dropped on the page (desktop browsers): the same way up.
        await page.evaluate(() => {
            const data = new DataTransfer();
            data.items.add(new File(['Notiz vom Schreibtisch\n'], 'notiz.txt', { type: 'text/plain' }));
            const list = document.getElementById('messages');
            list.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
            list.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        });
        await page.locator('.msg.mine[data-state=sent]', { hasText: 'notiz.txt' }).waitFor();
        await advisor.received(room.bookingId, (m) => m.body && m.body.name === 'notiz.txt');
        const note = manifests(advisor, room.bookingId).find((m) => m.body.name === 'notiz.txt').body;
        assert.equal(Buffer.from(await advisor.fetchFile(room.bookingId, note)).toString('utf8'), 'Notiz vom Schreibtisch\n');

        // After a reload the files are in the history; the images preview again.
        await page.reload();
        await roomReady(page);
        await page.locator('.msg.theirs img.preview').waitFor();
        await page.locator('.msg.mine img.preview').waitFor();
        assert.equal(await page.locator('.msg', { hasText: 'Bescheid Jobcenter.pdf' }).count(), 1);
        const images = await page.locator('img').evaluateAll((list) => list.map((img) => img.getAttribute('src')));
        assert.ok(images.every((src) => src.startsWith('blob:')), images.join(' '));
        assert.deepEqual(browser.problems.filter((p) => !/status of 404|ERR_CONNECTION_RESET|net::ERR_FAILED/.test(p)), []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        advisor.close();
        await browser.close();
    }
});

test('a file above the server limit: said plainly before anything is encrypted or uploaded (fa, 360 px)', async () => {
    const browser = await openBrowser({ locale: 'fa-IR', viewport: { width: 360, height: 740 } });
    const t = catalog('fa');
    try {
        const { page } = browser;
        await openRoom(browser, 'fa');
        let puts = 0;
        page.on('request', (request) => { if (request.method() === 'PUT') ++puts; });
        await page.setInputFiles('#file', { name: 'video.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(maxFileBytes + 1) });
        const error = page.locator('.msg.mine .error');
        await error.waitFor();
        const text = await error.textContent();
        assert.ok(text.startsWith(t['file.tooLarge'].split('{max}')[0]), text);
        assert.ok(text.includes(`${new Intl.NumberFormat('fa', { maximumFractionDigits: 1 }).format(3)} MB`), text);
        assert.equal(puts, 0);
        await checkStep(page, 'too-large', { screenshot: 'room-files-fa-360' });
        assert.deepEqual(browser.problems.filter((p) => !/status of 40[14]|413/.test(p)), []);
    } finally {
        await browser.close();
    }
});
