// Issue 7: an end-to-end encrypted video call between a help-seeker (the call page with the
// booking's capability, the room key opened with the browser key the booking page made) and an
// advisor page that is handed the keys the way the desktop app will hand them (room key opened
// here with the device's secret key), signalling through a real lotse-server relay, fake media
// devices in Debian's Chromium. And a receiver with the wrong frame key: nothing decodes, the
// failures are counted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as lotse from '../../crypto/js/index.mjs';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { catalog, checkStep, chooseAppointment, fillDetails, solveAltcha } from './support/flow.mjs';
import { api, setUpOrganisation, startServer } from './support/server.mjs';

const mediaArgs = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
                   '--autoplay-policy=no-user-gesture-required'];
let server;
let org;
let visitor;
let advisor;
let capability;
let roomId;
let roomKey;
const t = catalog('en');

async function must(promise, status, what) {
    const answer = await promise;
    assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body)}`);
    return answer.body;
}

before(async () => {
    server = await startServer();
    org = await setUpOrganisation(server, { locations: 1 });
    visitor = await openBrowser({ args: mediaArgs });
    advisor = await openBrowser({ args: mediaArgs });

    // The help-seeker books on the booking page (the browser key goes into this profile's IndexedDB).
    const page = visitor.page;
    await page.goto(`${server.origin}/book/demo`);
    await chooseAppointment(page, t, { type: 'video' });
    await fillDetails(page, t, { firstName: 'Mariam', lastName: 'Nouri', email: 'mariam@example.org' });
    await page.getByLabel(t['consent.label']).check();
    await solveAltcha(page, t);
    await page.getByRole('button', { name: t['action.book'] }).click();
    await page.locator('#manage-link').waitFor();
    capability = (await page.locator('#manage-link').getAttribute('href')).split('#')[1];
    const { booking } = await must(api(server, 'GET', '/api/v1/manage/booking', { token: capability }), 200, 'booking');
    await must(api(server, 'POST', `/api/v1/bookings/${booking.id}/confirm`, { token: org.token, body: {} }), 200, 'confirm');
    roomId = booking.id;

    // The advisor's device opens the room: epoch 1, sealed to every participant (CONTRACT-6 B).
    await lotse.init();
    const { participants } = await must(api(server, 'GET', `/api/v1/rooms/${roomId}/keys`, { token: org.token }), 200, 'keys');
    roomKey = crypto.getRandomValues(new Uint8Array(32));
    const sealed = lotse.sealToRecipients(participants.map((p) => lotse.fromBase64Url(p.x25519)), lotse.SealPurpose.RoomKey,
                                          lotse.sealContext.roomKey(roomId, 1), roomKey);
    await must(api(server, 'POST', `/api/v1/rooms/${roomId}/envelopes`, { token: org.token, body: {
        epoch: 1, sealed: lotse.toBase64Url(sealed), senderKeyId: lotse.toBase64Url(lotse.keyId(org.encryption.publicKey)) } }), 201, 'envelope');
});

after(async () => {
    await visitor?.close();
    await advisor?.close();
    await server?.stop();
});

// The advisor side: the call page, started with the keys by its host (what the desktop's bridge does).
async function advisorJoins(frameKey) {
    const page = advisor.page;
    await page.goto(`${server.origin}/call`);
    await page.locator('#call-error').waitFor();
    await page.evaluate(async ({ token, keyId, roomId, roomKey, frameKey }) => {
        const src = document.querySelector('script[type=module]').src;
        const { RoomSignalling, startCall } = await import(src);
        const signalling = new RoomSignalling({ auth: { token, keyId }, roomId, roomKey: new Uint8Array(roomKey), epoch: 1 });
        await signalling.open();
        await startCall({ signalling, frameKey: new Uint8Array(frameKey), epoch: 1, role: 'answerer',
                          view: document.getElementById('view') });
    }, { token: org.token, keyId: lotse.toBase64Url(lotse.keyId(org.encryption.publicKey)), roomId,
         roomKey: [...roomKey], frameKey: [...frameKey] });
}

async function figures(page) {
    return page.locator('#call-quality').evaluate((e) => ({
        bytesIn: Number(e.dataset.bytesIn), framesDecoded: Number(e.dataset.framesDecoded),
        framesDecrypted: Number(e.dataset.framesDecrypted), decryptFailures: Number(e.dataset.decryptFailures),
        setupMs: e.dataset.setupMs === undefined ? null : Number(e.dataset.setupMs) }));
}

// Waits until predicate(figures) holds on the page (the figures refresh twice a second).
async function until(page, predicate, what) {
    for (let i = 0; i < 120; ++i) {
        const now = await figures(page);
        if (predicate(now))
            return now;
        await page.waitForTimeout(250);
    }
    assert.fail(`${what}: ${JSON.stringify(await figures(page))}`);
}

const state = (page) => page.locator('#call-state').getAttribute('data-state');

test('a help-seeker and an advisor hold an encrypted call through the relay; hang-up ends it on both sides', async () => {
    await advisorJoins(lotse.videoFrameKey(roomKey));
    await visitor.page.goto(`${server.origin}/call#${capability}`);
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    assert.equal(await visitor.page.locator('#call-state').textContent(), t['call.connected']);

    for (const [who, page] of [['visitor', visitor.page], ['advisor', advisor.page]]) {
        const first = await until(page, (f) => f.bytesIn > 0 && f.framesDecoded > 0, `${who}: media arrives and decodes`);
        const later = await until(page, (f) => f.bytesIn > first.bytesIn + 20000 && f.framesDecoded > first.framesDecoded + 10,
                                  `${who}: bytes keep rising`);
        assert.ok(later.framesDecrypted > 0, `${who}: frames went through the decryption`);
        assert.equal(later.decryptFailures, 0, `${who}: every frame opened`);
        if (later.setupMs !== null)
            console.log(`call setup (${who}, join to first decoded frame): ${later.setupMs} ms`);
    }
    await until(visitor.page, (f) => f.setupMs !== null, 'visitor: first frame shown');
    await checkStep(visitor.page, 'call', { screenshot: 'call-visitor' });
    await checkStep(advisor.page, 'call', { screenshot: 'call-advisor' });

    await visitor.page.locator('#call-mute').click();
    assert.equal(await visitor.page.locator('#call-mute').getAttribute('aria-pressed'), 'true');
    assert.equal(await visitor.page.locator('#call-mute').textContent(), t['call.unmute']);
    await visitor.page.locator('#call-camera').click();
    assert.equal(await visitor.page.locator('#call-camera').getAttribute('aria-pressed'), 'true');
    assert.match(await visitor.page.locator('#call-timer').textContent(), /^\d\d:\d\d$/);

    await visitor.page.getByRole('button', { name: t['call.hangUp'] }).click();
    assert.equal(await state(visitor.page), 'ended');
    await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    assert.equal(await advisor.page.locator('#call-state').textContent(), t['call.endedByOther']);

    for (const side of [visitor, advisor]) {
        assert.deepEqual(side.problems, []);
        assert.deepEqual(foreignRequests(side.requests, server.origin), []);
    }
    // The server relayed the signals as records it cannot read.
    const { room } = await must(api(server, 'GET', `/api/v1/rooms/${roomId}`, { token: org.token }), 200, 'room');
    assert.ok(room.lastSeq >= 4, `signals went through the relay (lastSeq ${room.lastSeq})`);
});

test('a receiver with another frame key decodes nothing and counts the frames that fail', async () => {
    await advisorJoins(lotse.videoFrameKey(crypto.getRandomValues(new Uint8Array(32))));
    await visitor.page.goto('about:blank'); // the same address with a fragment would not load the page again
    await visitor.page.goto(`${server.origin}/call#${capability}`);
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    for (const [who, page] of [['visitor', visitor.page], ['advisor', advisor.page]]) {
        const seen = await until(page, (f) => f.bytesIn > 50000 && f.decryptFailures > 50, `${who}: encrypted frames arrive and fail`);
        assert.equal(seen.framesDecrypted, 0, `${who}: no frame opened under the wrong key`);
        assert.equal(seen.framesDecoded, 0, `${who}: the decoder got nothing`);
        assert.equal(await page.locator('#call-quality').textContent(), t['call.cannotDecrypt']);
    }
    await advisor.page.locator('#call-hangup').click();
    await visitor.page.locator('#call-state[data-state=endedByOther]').waitFor();
});
