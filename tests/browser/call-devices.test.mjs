// Issue 7, the help-seeker's side before and during a call: the device check (preview, level
// meter, device lists, audio only), clear guidance when the browser refuses camera and microphone
// (a Chromium that denies the prompt; then allowed, "Try again" works), audio-only (no video goes
// either way while the sound flows), screen sharing (the sent track switches, the other side keeps
// decoding) and a phone-sized window in an RTL language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as lotse from '../../crypto/js/index.mjs';
import { openBrowser } from './support/browser.mjs';
import { figures, joinFromDeviceCheck, setUpCall, until } from './support/call.mjs';
import { catalog, checkStep } from './support/flow.mjs';
import { giveBrowserKey } from './support/room.mjs';

let call;
before(async () => {
    call = await setUpCall();
});
after(async () => call?.close());

// A second browser of the same help-seeker (the browser key copied over), with other switches.
async function sameVisitorIn(args, options = {}) {
    const secret = await call.visitor.page.evaluate(() => new Promise((resolve, reject) => {
        const open = indexedDB.open('lotse', 1);
        open.onsuccess = () => {
            const request = open.result.transaction('keys').objectStore('keys').get('browser-x25519');
            request.onsuccess = () => { open.result.close(); resolve([...request.result]); };
            request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
    }));
    const browser = await openBrowser({ args, ...options });
    await giveBrowserKey(browser.page, call.server.origin, new Uint8Array(secret));
    browser.problems.length = 0; // giveBrowserKey's page is a 404 on purpose
    return browser;
}

test('the device check shows the preview, the microphone level and the devices; nothing is sent before joining', async () => {
    const { t, visitor, server, capability } = call;
    await visitor.page.goto('about:blank');
    await visitor.page.goto(`${server.origin}/call#${capability}`);
    await visitor.page.locator('#call-join:not([disabled])').waitFor({ timeout: 30000 });
    assert.equal(await visitor.page.locator('h1').textContent(), t['call.checkTitle']);
    // The fake microphone beeps: the meter moves.
    await visitor.page.waitForFunction(() => Number(document.getElementById('call-mic-level').value) > 0.05, null, { timeout: 15000 });
    const preview = await visitor.page.locator('#call-preview').evaluate((v) => ({ width: v.videoWidth, playing: !v.paused }));
    assert.ok(preview.width > 0 && preview.playing, JSON.stringify(preview));
    assert.ok(await visitor.page.locator('#call-camera-select option').count() >= 1);
    assert.ok(await visitor.page.locator('#call-microphone-select option').count() >= 1);
    assert.equal(await visitor.page.locator('#call-state').count(), 0, 'no call before Join');
    await checkStep(visitor.page, 'device-check', { screenshot: 'call' });
    // Audio only: the preview goes, the camera list is off.
    await visitor.page.locator('#call-audio-only').check();
    await visitor.page.locator('#call-preview[hidden]').waitFor({ state: 'attached' });
    assert.equal(await visitor.page.locator('#call-camera-select').isDisabled(), true);
});

test('a browser that refuses camera and microphone gets guidance; allowed afterwards, "Try again" joins', async () => {
    const { t, server, capability, advisor } = call;
    const denied = await sameVisitorIn(['--use-fake-device-for-media-stream', '--deny-permission-prompts',
                                        '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required']);
    try {
        await denied.page.goto(`${server.origin}/call#${capability}`);
        const guidance = denied.page.locator('#call-permission[data-reason=denied]');
        await guidance.waitFor({ timeout: 30000 });
        assert.match(await guidance.textContent(), new RegExp(t['call.deniedHelp'].slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        assert.equal(await denied.page.locator('#call-join').isDisabled(), true);
        assert.equal(await denied.page.getByRole('button', { name: t['call.tryAgain'] }).count(), 1);
        assert.equal(await denied.page.getByRole('button', { name: t['call.withoutCamera'] }).count(), 1);
        await checkStep(denied.page, 'permission-denied', { screenshot: 'call' });

        // The person follows the guidance: allows the devices, presses "Try again".
        await denied.context.grantPermissions(['camera', 'microphone'], { origin: server.origin });
        await denied.page.getByRole('button', { name: t['call.tryAgain'] }).click();
        await denied.page.locator('#call-join:not([disabled])').waitFor();
        assert.equal(await denied.page.locator('#call-permission').isHidden(), true);
        await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
        await denied.page.locator('#call-join').click();
        await denied.page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
        await until(denied.page, (f) => f.framesDecoded > 5, 'the allowed browser decodes');
        await denied.page.locator('#call-hangup').click();
        await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
        assert.deepEqual(denied.problems, []);
    } finally {
        await denied.close();
    }
});

test('audio only: no video goes either way while the sound flows', async () => {
    const { visitor, advisor } = call;
    await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
    await call.visitorJoins({ audioOnly: true });
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    await visitor.page.locator('#call-audio-only-note').waitFor();
    for (const [who, page] of [['advisor', advisor.page], ['visitor', visitor.page]]) {
        const first = await until(page, (f) => f.audioBytesIn > 2000 && f.framesDecrypted > 20, `${who}: sound arrives`);
        const later = await until(page, (f) => f.audioBytesIn > first.audioBytesIn + 4000, `${who}: sound keeps coming`);
        assert.equal(later.videoBytesIn, 0, `${who}: no video bytes`);
        assert.equal(later.decryptFailures, 0, who);
    }
    // The advisor's camera is on, but it sends no video to someone who asked for none.
    const sent = await advisor.page.evaluate(async () => {
        let bytes = 0;
        for (const peer of window.lotseTest.call.peers.values()) {
            (await peer.pc.getStats()).forEach((e) => { if (e.type === 'outbound-rtp' && e.kind === 'video') bytes += e.bytesSent; });
        }
        return bytes;
    });
    assert.equal(sent, 0, 'the advisor sent no video bytes');
    assert.equal(await visitor.page.locator('#call-camera').isHidden(), true);
    assert.equal(await visitor.page.locator('#call-share').isHidden(), true);
    await visitor.page.locator('#call-hangup').click();
    await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    assert.deepEqual(visitor.problems, []);
});

test('screen sharing replaces the sent camera track; the other side keeps decoding; ending the share goes back to the camera', async () => {
    const { t, visitor, advisor } = call;
    await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
    await call.visitorJoins();
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    const size = (f) => Object.values(f.peers)[0]?.frameWidth ?? null;
    const camera = await until(advisor.page, (f) => f.framesDecoded > 10 && size(f) !== null, 'advisor sees the camera');
    const before = await figures(visitor.page);
    assert.match(before.videoTrack, /fake/i, 'the camera is sent');

    await visitor.page.getByRole('button', { name: t['call.share'] }).click();
    await visitor.page.locator('#call-share[aria-pressed=true]').waitFor();
    const sharing = await until(visitor.page, (f) => f.sharing, 'visitor shares');
    assert.notEqual(sharing.videoTrack, before.videoTrack, 'another track is sent');
    assert.equal(await visitor.page.evaluate(() => document.getElementById('call-local').srcObject.getVideoTracks()[0].getSettings().displaySurface),
                 'monitor');
    const shared = await until(advisor.page, (f) => size(f) !== size(camera) && f.framesDecoded > camera.framesDecoded + 10,
                               'advisor decodes the shared screen');
    assert.equal(shared.decryptFailures, 0);

    await visitor.page.locator('#call-share').click();
    await until(visitor.page, (f) => !f.sharing && f.videoTrack === before.videoTrack, 'back to the camera');
    await until(advisor.page, (f) => size(f) === size(camera) && f.framesDecoded > shared.framesDecoded + 10, 'advisor sees the camera again');
    await visitor.page.locator('#call-hangup').click();
    await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    assert.deepEqual(visitor.problems, []);
});

test('on a 360 px phone in Arabic the device check and the call fit, right to left, and pass axe', async () => {
    const { server, capability, advisor } = call;
    const phone = await sameVisitorIn(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
                                       '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'],
                                      { viewport: { width: 360, height: 740 }, locale: 'ar' });
    try {
        const ar = catalog('ar');
        await phone.page.goto(`${server.origin}/call?lang=ar#${capability}`);
        await phone.page.locator('#call-join:not([disabled])').waitFor({ timeout: 30000 });
        assert.equal(await phone.page.evaluate(() => document.documentElement.dir), 'rtl');
        assert.equal(await phone.page.locator('#call-join').textContent(), ar['call.join']);
        await checkStep(phone.page, 'device-check-phone', { screenshot: 'call' });
        await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
        await joinFromDeviceCheck(phone.page);
        await phone.page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
        await until(phone.page, (f) => f.framesDecoded > 5, 'phone decodes');
        await checkStep(phone.page, 'call-phone', { screenshot: 'call' });
        await phone.page.locator('#call-hangup').click();
        await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
        assert.deepEqual(phone.problems, []);
    } finally {
        await phone.close();
    }
});
