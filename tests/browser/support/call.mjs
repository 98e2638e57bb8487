// A call's cast for the browser tests: a lotse-server (optionally with a config), a help-seeker who
// booked on the booking page (the browser key in that profile's IndexedDB) and whose booking the
// advisor confirmed, a room key for epoch 1 sealed by the advisor's device, and two Chromium
// profiles with fake camera and microphone.
import assert from 'node:assert/strict';
import * as lotse from '../../../crypto/js/index.mjs';
import { openBrowser } from './browser.mjs';
import { catalog, chooseAppointment, fillDetails, solveAltcha } from './flow.mjs';
import { api, setUpOrganisation, startServer } from './server.mjs';

export const mediaArgs = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
                   '--autoplay-policy=no-user-gesture-required'];

async function must(promise, status, what) {
    const answer = await promise;
    assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body)}`);
    return answer.body;
}

export async function setUpCall({ config } = {}) {
    const t = catalog('en');
    const server = await startServer({ config });
    const org = await setUpOrganisation(server, { locations: 1 });
    const visitor = await openBrowser({ args: mediaArgs });
    const advisor = await openBrowser({ args: mediaArgs });

    const page = visitor.page;
    await page.goto(`${server.origin}/book/demo`);
    await chooseAppointment(page, t, { type: 'video' });
    await fillDetails(page, t, { firstName: 'Mariam', lastName: 'Nouri', email: 'mariam@example.org' });
    await page.getByLabel(t['consent.label']).check();
    await solveAltcha(page, t);
    await page.getByRole('button', { name: t['action.book'] }).click();
    await page.locator('#manage-link').waitFor();
    const capability = (await page.locator('#manage-link').getAttribute('href')).split('#')[1];
    const { booking } = await must(api(server, 'GET', '/api/v1/manage/booking', { token: capability }), 200, 'booking');
    await must(api(server, 'POST', `/api/v1/bookings/${booking.id}/confirm`, { token: org.token, body: {} }), 200, 'confirm');
    const roomId = booking.id;

    // The advisor's device opens the room: epoch 1, sealed to every participant (CONTRACT-6 B).
    await lotse.init();
    const deviceKeyId = lotse.toBase64Url(lotse.keyId(org.encryption.publicKey));
    const { participants } = await must(api(server, 'GET', `/api/v1/rooms/${roomId}/keys`, { token: org.token }), 200, 'keys');
    const roomKey = crypto.getRandomValues(new Uint8Array(32));
    const sealed = lotse.sealToRecipients(participants.map((p) => lotse.fromBase64Url(p.x25519)), lotse.SealPurpose.RoomKey,
                                          lotse.sealContext.roomKey(roomId, 1), roomKey);
    await must(api(server, 'POST', `/api/v1/rooms/${roomId}/envelopes`, { token: org.token, body: {
        epoch: 1, sealed: lotse.toBase64Url(sealed), senderKeyId: deviceKeyId } }), 201, 'envelope');

    return {
        t, server, org, visitor, advisor, capability, roomId, roomKey,
        deviceKeyId,
        // The advisor side: the call page's core started with the keys by its host, as the
        // desktop's bundled page does (CONTRACT-7 §2); ice is the advisor's GET /rooms/{id}/turn
        // answer. The page keeps the call and its signalling in window.lotseTest for the tests.
        async advisorJoins(frameKey, ice = {}, { epoch = 1, key = roomKey } = {}) {
            await advisorPageJoins(advisor.page, { server, token: org.token, keyId: deviceKeyId, roomId, roomKey: key, frameKey, ice, epoch });
        },
        async visitorJoins(options) {
            await visitor.page.goto('about:blank'); // the same address with a fragment would not load the page again
            await visitor.page.goto(`${server.origin}/call#${capability}`);
            await joinFromDeviceCheck(visitor.page, options);
        },
        async close() {
            await visitor.close();
            await advisor.close();
            await server.stop();
        },
    };
}

// Loads the call page without a capability (it shows "invalid link") and starts the core there with
// keys handed in: the way the desktop's page is driven.
export async function advisorPageJoins(page, { server, token, keyId, roomId, roomKey, frameKey, ice = {}, epoch = 1, options = {} }) {
    await page.goto(`${server.origin}/call`);
    await page.locator('#call-error').waitFor();
    await page.evaluate(async ({ token, keyId, roomId, roomKey, frameKey, ice, epoch, options }) => {
        const src = document.querySelector('script[type=module]').src;
        const { RoomSignalling, startCall } = await import(src);
        const signalling = new RoomSignalling({ auth: { token, keyId }, roomId, roomKey: new Uint8Array(roomKey), epoch });
        await signalling.open();
        const call = await startCall({ signalling, keys: { epoch, frameKey: new Uint8Array(frameKey) }, ice,
                                       view: document.getElementById('view'), ...options });
        window.lotseTest = { call, signalling };
    }, { token, keyId, roomId, roomKey: [...roomKey], frameKey: [...frameKey], ice, epoch, options });
}

// The help-seeker's and interpreter's page: the device check first; join when it is ready (or
// return when the page shows an error instead). options.audioOnly ticks "audio only" first.
export async function joinFromDeviceCheck(page, { audioOnly = false, join = true } = {}) {
    await page.locator('#call-join:not([disabled]), #call-error, #call-permission:not([hidden])').first().waitFor({ timeout: 30000 });
    if (!join || await page.locator('#call-join:not([disabled])').count() === 0)
        return;
    if (audioOnly) {
        await page.locator('#call-audio-only').check();
        await page.locator('#call-join:not([disabled])').waitFor();
    }
    await page.locator('#call-join').click();
}

// What the call page reports about the media (refreshed twice a second from getStats and the
// frame decryption's counters).
export async function figures(page) {
    return page.locator('#call-quality').evaluate((e) => ({
        bytesIn: Number(e.dataset.bytesIn), framesDecoded: Number(e.dataset.framesDecoded),
        audioBytesIn: Number(e.dataset.audioBytesIn || 0), videoBytesIn: Number(e.dataset.videoBytesIn || 0),
        framesEncrypted: Number(e.dataset.framesEncrypted), framesDecrypted: Number(e.dataset.framesDecrypted), decryptFailures: Number(e.dataset.decryptFailures),
        setupMs: e.dataset.setupMs === undefined ? null : Number(e.dataset.setupMs), route: e.dataset.route ?? null,
        sendKeyId: Number(e.dataset.sendKeyId), peers: JSON.parse(e.dataset.peers || '{}'), quality: e.dataset.quality || null,
        videoTrack: e.dataset.videoTrack ?? null, sharing: e.dataset.sharing === 'true' }));
}

// Waits until predicate(figures) holds on the page.
export async function until(page, predicate, what) {
    for (let i = 0; i < 120; ++i) {
        const now = await figures(page);
        if (predicate(now))
            return now;
        await page.waitForTimeout(250);
    }
    assert.fail(`${what}: ${JSON.stringify(await figures(page))}`);
}
