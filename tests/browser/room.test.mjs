// The conversation room /room#<capability> of a confirmed booking, in Debian's Chromium against a
// real lotse-server, with an honest advisor client (support/advisor.mjs) on the other side: chat
// both ways, history after a reload, links never fetched, the title badge, the verification code,
// a lost connection, the key-change warning, undecryptable records, and the plain states.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as lotse from '../../crypto/js/index.mjs';
import { AdvisorClient, keyIdOf, registerDevice } from './support/advisor.mjs';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { catalog, checkStep, chooseAppointment, fillDetails, solveAltcha } from './support/flow.mjs';
import { bookFor, giveBrowserKey, hideTab, messageTexts, roomReady, sendFromPage } from './support/room.mjs';
import { api, setUpOrganisation, startServer } from './support/server.mjs';

let server;
let org;
let bookings = 0;
before(async () => {
    // Many room loads a minute from one address: more than a visitor makes, so the per-IP limit is raised.
    server = await startServer({ clock: true, config: '[limits]\npublic_requests_per_minute = 1000\n' });
    org = await setUpOrganisation(server, { locations: 1 });
    await lotse.init();
});
after(async () => server && server.stop());

const phone = { width: 360, height: 740 };
const withoutExpected404 = (problems) => problems.filter((p) => !/status of 40[14]/.test(p));

// A confirmed booking whose browser key is in this browser; the room page opened on it.
async function openRoom(browser, lang) {
    const pair = lotse.generateEncryptionKeyPair();
    const booking = await bookFor(server, org, pair, { nth: ++bookings, language: lang });
    await giveBrowserKey(browser.page, server.origin, pair.secretKey);
    await browser.page.goto(`${server.origin}/room#${booking.token}`);
    await roomReady(browser.page);
    return { ...booking, pair };
}

test('a booking made on the booking page: its room from the manage page, chat both ways, history after reload (de)', async () => {
    const browser = await openBrowser({ locale: 'de-DE' });
    const t = catalog('de');
    const advisor = await AdvisorClient.connect(server, org);
    // Counts the notes the page plays (the chime is made on the device with WebAudio).
    await browser.context.addInitScript(() => {
        window.lotseNotes = 0;
        const make = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function createOscillator() {
            ++window.lotseNotes;
            return make.call(this);
        };
    });
    try {
        const { page } = browser;
        await page.goto(`${server.origin}/book/demo`);
        await chooseAppointment(page, t, { type: 'video', day: 1 });
        await fillDetails(page, t, { firstName: 'Mariam', lastName: 'Nouri', email: 'mariam@example.org' });
        await page.getByLabel(t['consent.label']).check();
        await solveAltcha(page, t);
        await page.getByRole('button', { name: t['action.book'] }).click();
        const manageUrl = await page.locator('#manage-link').getAttribute('href');
        const token = manageUrl.split('#')[1];
        const booking = (await api(server, 'GET', '/api/v1/manage/booking', { token })).body.booking;
        assert.equal((await api(server, 'POST', `/api/v1/bookings/${booking.id}/confirm`, { token: org.token, body: {} })).status, 200);

        await page.goto(`${server.origin}${manageUrl}`);
        await page.getByRole('link', { name: t['manage.room'] }).click();
        await page.getByRole('heading', { name: t['room.title'] }).waitFor();
        await roomReady(page);
        assert.equal(await page.locator('#messages .empty').textContent(), t['room.empty']);

        // The page made epoch 1 for both sides; the advisor opens it and sees the same code.
        await advisor.join(booking.id);
        const participants = await advisor.participants(booking.id);
        const visitor = participants.find((p) => p.kind === 'visitor');
        const expectedCode = lotse.shortAuthenticationCode(org.encryption.publicKey, lotse.fromBase64Url(visitor.x25519), booking.id);
        await page.locator('#verify summary').click();
        assert.deepEqual(await page.locator('#verify .code').allTextContents(), [expectedCode]);
        assert.equal(await page.locator('#verify .device').textContent(), 'Frau Berger');

        const first = 'Guten Tag, ich brauche Hilfe mit dem Bescheid: https://example.org/bescheid?id=7.';
        await sendFromPage(page, first);
        const got = await advisor.received(booking.id, (m) => m.body && m.body.text === first);
        assert.equal(got.sender, visitor.keyId);
        await page.locator('#messages .msg.mine[data-state=sent]').waitFor();
        const link = page.locator('#messages .msg.mine a');
        assert.equal(await link.getAttribute('href'), 'https://example.org/bescheid?id=7');
        assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
        assert.equal(await link.getAttribute('target'), '_blank');

        await advisor.sendText(booking.id, 'Guten Tag, Frau Nouri. Schicken Sie mir gern ein Foto des Bescheids.');
        await page.locator('#messages').getByText('Schicken Sie mir gern ein Foto').waitFor();
        assert.equal(await page.evaluate(() => window.lotseNotes), 0, 'no sound while the visitor is looking');
        assert.equal(await page.locator('#messages .msg.theirs .who').textContent(), 'Frau Berger');
        await checkStep(page, 'chat', { screenshot: 'room-de' });

        // In the background: the title counts what came in, and back in front it is clean again.
        await hideTab(page, true);
        await advisor.sendText(booking.id, 'Sind Sie noch da?');
        await page.waitForFunction(() => document.title.startsWith('(1) '));
        assert.ok(await page.evaluate(() => window.lotseNotes) > 0, 'a chime for a message in a hidden tab');
        assert.equal(await page.locator('#announce').textContent(), 'Frau Berger: Sind Sie noch da?');
        await advisor.sendText(booking.id, 'Ich warte gern.');
        await page.waitForFunction(() => document.title.startsWith('(2) '));
        await hideTab(page, false);
        await page.waitForFunction(() => !document.title.startsWith('('));

        await page.reload();
        await roomReady(page);
        assert.deepEqual(await messageTexts(page), [first, 'Guten Tag, Frau Nouri. Schicken Sie mir gern ein Foto des Bescheids.',
                                                    'Sind Sie noch da?', 'Ich warte gern.']);
        // After the reload the page goes on with its own sequence numbers: the advisor's replay
        // window would refuse a reused one.
        await sendFromPage(page, 'Ja, ich bin da.');
        const again = await advisor.received(booking.id, (m) => m.body && m.body.text === 'Ja, ich bin da.');
        assert.equal(again.error, undefined);
        await page.setViewportSize(phone);
        await checkStep(page, 'history-360', { screenshot: 'room-de' });

        assert.deepEqual(browser.problems, []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), [], 'links are never fetched');
    } finally {
        advisor.close();
        await browser.close();
    }
});

test('a lost connection: the page says so, reconnects, sends what was written meanwhile and misses nothing (en)', async () => {
    const browser = await openBrowser({ locale: 'en-GB' });
    const t = catalog('en');
    let advisor = await AdvisorClient.connect(server, org);
    try {
        const { page } = browser;
        const room = await openRoom(browser, 'en');
        await advisor.join(room.bookingId);
        await sendFromPage(page, 'Before the outage');
        await advisor.received(room.bookingId, (m) => m.body && m.body.text === 'Before the outage');

        await server.restart(1500);
        await page.getByText(t['room.reconnecting']).waitFor();
        await checkStep(page, 'reconnecting', { screenshot: 'room-en' });
        advisor.close();
        advisor = await AdvisorClient.connect(server, org);
        await advisor.join(room.bookingId);
        // Written while the page is still away: kept and sent after the reconnect.
        await sendFromPage(page, 'Written during the outage');
        await advisor.sendText(room.bookingId, 'Sent while the page was away');
        await page.locator('#messages').getByText('Sent while the page was away').waitFor({ timeout: 40000 });
        await advisor.received(room.bookingId, (m) => m.body && m.body.text === 'Written during the outage', 40000);
        await page.locator('#connection').waitFor({ state: 'hidden' });
        await page.locator('.msg.mine[data-state=sent] >> text=Written during the outage').waitFor();
        assert.deepEqual(await messageTexts(page), ['Before the outage', 'Written during the outage', 'Sent while the page was away']);
        assert.deepEqual(withoutExpected404(browser.problems).filter((p) => !/ERR_CONNECTION_REFUSED|WebSocket/.test(p)), []);
    } finally {
        advisor.close();
        await browser.close();
    }
});

test('a new advisor device: the warning blocks sending until confirmed; the new key reads the conversation (uk)', async () => {
    const browser = await openBrowser({ locale: 'uk-UA' });
    const t = catalog('uk');
    const advisor = await AdvisorClient.connect(server, org);
    try {
        const { page } = browser;
        const room = await openRoom(browser, 'uk');
        await advisor.join(room.bookingId);
        assert.equal(await page.locator('#key-warning').isVisible(), false);

        const second = await registerDevice(server, org.token, 'Neuer Laptop');
        try {
            await page.reload();
            await page.getByText(t['room.keysChanged']).waitFor();
            assert.equal(await page.locator('#send').isDisabled(), true, 'sending is blocked');
            assert.equal(await page.locator('#attach').isDisabled(), true, 'files too');
            await page.locator('#verify summary').click();
            assert.equal(await page.locator('#verify .code').count(), 2, 'one code per advisor device');
            await checkStep(page, 'key-warning', { screenshot: 'room-uk' });
            await page.getByRole('button', { name: t['room.keysConfirm'] }).click();
            await roomReady(page);
            assert.equal(await page.locator('#key-warning').isVisible(), false);
            // The advisor starts epoch 2 for the new device; the page reads and writes in it.
            await advisor.rekey(room.bookingId, 2);
            await advisor.sendText(room.bookingId, 'Ich schreibe jetzt vom neuen Gerät mit.');
            await page.locator('#messages').getByText('Ich schreibe jetzt vom neuen Gerät mit.').waitFor();
            await sendFromPage(page, 'Добре, дякую.');
            const got = await advisor.received(room.bookingId, (m) => m.body && m.body.text === 'Добре, дякую.');
            const epoch = lotse.peekRecord(lotse.fromBase64Url(advisor.events.find((e) => e.type === 'message' && e.seq === got.seq).envelope)).epoch;
            assert.equal(epoch, 2);
            await page.reload();
            await roomReady(page);
            assert.equal(await page.locator('#key-warning').isVisible(), false, 'confirmed once, not asked again');
        } finally {
            await api(server, 'DELETE', `/api/v1/devices/${second.device.id}`, { token: org.token });
        }
        assert.deepEqual(browser.problems.filter((p) => !/status of 404/.test(p)), []);
    } finally {
        advisor.close();
        await browser.close();
    }
});

test('records that do not open (another room, tampered, replayed) show one calm line each; the conversation goes on (fa, 360 px)', async () => {
    const browser = await openBrowser({ locale: 'fa-IR', viewport: phone });
    const t = catalog('fa');
    const advisor = await AdvisorClient.connect(server, org);
    try {
        const { page } = browser;
        const room = await openRoom(browser, 'fa');
        await advisor.join(room.bookingId);
        await advisor.sendEnvelope(room.bookingId, advisor.envelope(room.bookingId, lotse.RecordPurpose.ChatMessage,
                                                                    { v: 1, text: 'for another room' }, { roomIdInRecord: crypto.randomUUID() }));
        await advisor.sendEnvelope(room.bookingId, advisor.envelope(room.bookingId, lotse.RecordPurpose.ChatMessage,
                                                                    { v: 1, text: 'tampered' }, { tamper: true }));
        // A call page's signal (room control) is authentic but no part of the conversation: not shown.
        await advisor.sendEnvelope(room.bookingId, advisor.envelope(room.bookingId, lotse.RecordPurpose.RoomControl,
                                                                    { v: 1, type: 'offer-signal' }));
        // A record the relay stores twice (a replay under another client id) opens once only.
        const hello = advisor.envelope(room.bookingId, lotse.RecordPurpose.ChatMessage, { v: 1, text: 'سلام، من اینجا هستم.' });
        await advisor.sendEnvelope(room.bookingId, hello);
        await advisor.sendEnvelope(room.bookingId, hello);
        await page.locator('#messages .msg').nth(3).waitFor();
        assert.deepEqual(await page.locator('#messages .msg .text').allTextContents(), ['سلام، من اینجا هستم.']);
        assert.deepEqual(await page.locator('#messages .msg.broken').allTextContents(), Array(3).fill(t['room.undecryptable']));
        assert.equal(await page.locator('#messages').getByText('for another room').count(), 0);
        assert.equal(await page.locator('#messages').getByText('tampered').count(), 0);
        assert.equal(await page.locator('#messages .msg').count(), 4, 'the call signal adds no line');
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        await checkStep(page, 'undecryptable', { screenshot: 'room-fa-360' });
        await page.reload();
        await roomReady(page);
        await page.locator('#messages .msg').nth(3).waitFor();
        assert.equal(await page.locator('#messages .msg.broken').count(), 3, 'the same after a reload');
        assert.deepEqual(withoutExpected404(browser.problems), []);
    } finally {
        advisor.close();
        await browser.close();
    }
});

test('plain states: another device, not confirmed yet, invalid link (tr)', async () => {
    const browser = await openBrowser({ locale: 'tr-TR', viewport: phone });
    const t = catalog('tr');
    try {
        const { page } = browser;
        // The link opened in a browser that never held the booking's key.
        const elsewhere = await bookFor(server, org, lotse.generateEncryptionKeyPair(), { nth: ++bookings, language: 'tr' });
        await page.goto(`${server.origin}/room#${elsewhere.token}`);
        await page.getByText(t['room.otherDevice']).waitFor();
        assert.equal(await page.locator('#message').count(), 0, 'nothing offered that would fail later');
        await checkStep(page, 'other-device', { screenshot: 'room-tr-360' });
        const stored = await page.evaluate(() => new Promise((resolve) => {
            const open = indexedDB.open('lotse', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('keys');
            open.onsuccess = () => {
                const get = open.result.transaction('keys').objectStore('keys').get('browser-x25519');
                get.onsuccess = () => resolve(get.result === undefined);
            };
        }));
        assert.equal(stored, true, 'the room page made no key of its own');

        const pending = await bookFor(server, org, lotse.generateEncryptionKeyPair(), { nth: ++bookings, language: 'tr', confirm: false });
        await page.goto(`${server.origin}/room#${pending.token}`);
        await page.getByText(t['room.notOpen']).waitFor();
        await page.getByRole('link', { name: t['room.toManage'] }).waitFor();
        await checkStep(page, 'not-open', { screenshot: 'room-tr-360' });

        // Another link in the same tab (only the fragment changes): the page starts over with it.
        await page.goto(`${server.origin}/room#${'x'.repeat(43)}`);
        await page.getByText(t['room.invalid']).waitFor();
        await checkStep(page, 'invalid', { screenshot: 'room-tr-360' });
        assert.deepEqual(browser.problems.filter((p) => !/status of 40[14]/.test(p)), []);
    } finally {
        await browser.close();
    }
});

// Last: it moves the server's clock beyond every booking's end.
test('a capability whose time is over: the room says the conversation has ended (ar, 360 px)', async () => {
    const browser = await openBrowser({ locale: 'ar-EG', viewport: phone });
    const t = catalog('ar');
    const advisor = await AdvisorClient.connect(server, org);
    try {
        const { page } = browser;
        const room = await openRoom(browser, 'ar');
        await advisor.join(room.bookingId);
        await advisor.sendText(room.bookingId, 'مرحبًا، كيف يمكنني مساعدتك؟');
        await page.locator('#messages').getByText('مرحبًا، كيف يمكنني مساعدتك؟').waitFor();
        await sendFromPage(page, 'شكرًا، لدي سؤال عن الإقامة: https://example.org/');
        await page.locator('.msg.mine[data-state=sent]').waitFor();
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        await checkStep(page, 'chat', { screenshot: 'room-ar-360' });

        server.advance(70 * 86400);
        await page.reload();
        await page.getByText(t['room.expired']).waitFor();
        assert.equal(await page.locator('#message').count(), 0);
        await checkStep(page, 'expired', { screenshot: 'room-ar-360' });
        assert.deepEqual(browser.problems.filter((p) => !/status of 40[14]/.test(p)), []);
    } finally {
        advisor.close();
        await browser.close();
    }
});
