// Issue 7: an end-to-end encrypted video call between a help-seeker (the call page with the
// booking's capability, the room key opened with the browser key the booking page made) and an
// advisor page that is handed the keys the way the desktop app will hand them (room key opened
// by the advisor's device), signalling through a real lotse-server relay, fake media devices in
// Debian's Chromium. And a receiver with the wrong frame key: nothing decodes, the failures are
// counted, so the frames on the wire really are encrypted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as lotse from '../../crypto/js/index.mjs';
import { foreignRequests } from './support/browser.mjs';
import { figures, joinFromDeviceCheck, setUpCall, until } from './support/call.mjs';
import { checkStep } from './support/flow.mjs';
import { api } from './support/server.mjs';

let call;
before(async () => {
    call = await setUpCall();
});
after(async () => call?.close());

const state = (page) => page.locator('#call-state').getAttribute('data-state');

test('a help-seeker and an advisor hold an encrypted call through the relay; hang-up ends it on both sides', async () => {
    const { t, visitor, advisor, server, org, roomId } = call;
    await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
    await call.visitorJoins();
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    assert.equal(await visitor.page.locator('#call-state').textContent(), t['call.connected']);

    for (const [who, page] of [['visitor', visitor.page], ['advisor', advisor.page]]) {
        const first = await until(page, (f) => f.bytesIn > 0 && f.framesDecoded > 0, `${who}: media arrives and decodes`);
        const later = await until(page, (f) => f.bytesIn > first.bytesIn + 20000 && f.framesDecoded > first.framesDecoded + 10,
                                  `${who}: bytes keep rising`);
        assert.ok(later.framesDecrypted > 0, `${who}: frames went through the decryption`);
        assert.equal(later.decryptFailures, 0, `${who}: every frame opened`);
    }
    const shown = await until(visitor.page, (f) => f.setupMs !== null, 'visitor: first frame shown');
    console.log(`call setup (visitor page load to first decoded frame): ${shown.setupMs} ms`);
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
    const { body } = await api(server, 'GET', `/api/v1/rooms/${roomId}`, { token: org.token });
    assert.ok(body.room.lastSeq >= 4, `signals went through the relay (lastSeq ${body.room.lastSeq})`);
});

test('a receiver with another frame key decodes nothing and counts the frames that fail', async () => {
    const { t, visitor, advisor } = call;
    await call.advisorJoins(lotse.videoFrameKey(crypto.getRandomValues(new Uint8Array(32))));
    await call.visitorJoins();
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    for (const [who, page] of [['visitor', visitor.page], ['advisor', advisor.page]]) {
        const seen = await until(page, (f) => f.bytesIn > 50000 && f.decryptFailures > 50, `${who}: encrypted frames arrive and fail`);
        assert.equal(seen.framesDecrypted, 0, `${who}: no frame opened under the wrong key`);
        assert.equal(seen.framesDecoded, 0, `${who}: the decoder got nothing`);
        assert.equal(await page.locator('#call-quality').textContent(), t['call.cannotDecrypt']);
    }
    assert.equal((await figures(visitor.page)).framesDecoded, 0);
    await advisor.page.locator('#call-hangup').click();
    await visitor.page.locator('#call-state[data-state=endedByOther]').waitFor();
});

test('the room page leads into the call and says when the advisor is calling; the signals never show as chat', async () => {
    const { t, visitor, advisor, server, capability } = call;
    await visitor.page.goto('about:blank');
    await visitor.page.goto(`${server.origin}/room#${capability}`);
    await visitor.page.locator('#send:not([disabled])').waitFor({ timeout: 20000 });
    const link = visitor.page.getByRole('link', { name: t['room.joinCall'] });
    assert.equal(new URL(await link.getAttribute('href'), server.origin).hash, `#${capability}`);
    assert.equal(await visitor.page.locator('#call-ringing').isHidden(), true);
    const before = await visitor.page.locator('#messages .msg').count();

    await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
    await visitor.page.locator('#call-ringing:not([hidden])').waitFor({ timeout: 15000 });
    assert.equal(await visitor.page.locator('#call-ringing').textContent(), t['room.advisorCalling']);
    await checkStep(visitor.page, 'room-ringing', { screenshot: 'call' });

    const [callTab] = await Promise.all([visitor.context.waitForEvent('page'), link.click()]);
    await joinFromDeviceCheck(callTab);
    await callTab.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    await visitor.page.locator('#call-ringing[hidden]').waitFor({ state: 'attached' }); // joined from here: no more ringing
    await until(callTab, (f) => f.framesDecoded > 5, 'the call from the room page decodes');
    await callTab.locator('#call-hangup').click();
    await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    await callTab.close();
    assert.equal(await visitor.page.locator('#messages .msg').count(), before, 'no signal shows up as a message');
    assert.equal(await visitor.page.locator('#messages .msg.broken').count(), 0);
    assert.deepEqual(visitor.problems, []);
});

test('the RTCRtpScriptTransform worker (Firefox, Safari) and createEncodedStreams talk the same frame format both ways', async () => {
    const { visitor, advisor } = call;
    // The help-seeker's browser without createEncodedStreams: the page must use the worker transform.
    await visitor.context.addInitScript(() => { delete RTCRtpSender.prototype.createEncodedStreams; delete RTCRtpReceiver.prototype.createEncodedStreams; });
    await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
    await call.visitorJoins();
    assert.equal(await visitor.page.evaluate(() => typeof RTCRtpScriptTransform), 'function');
    assert.equal(await visitor.page.evaluate(() => typeof RTCRtpSender.prototype.createEncodedStreams), 'undefined');
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    for (const [who, page] of [['advisor (encoded streams)', advisor.page], ['visitor (script transform)', visitor.page]]) {
        const seen = await until(page, (f) => f.framesDecoded > 10 && f.framesDecrypted > 10, `${who}: frames open and decode`);
        assert.equal(seen.decryptFailures, 0, who);
    }
    assert.ok((await figures(visitor.page)).framesEncrypted > 10, 'the worker encrypted the help-seeker\'s frames');
    await visitor.page.locator('#call-hangup').click();
    await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    assert.deepEqual(visitor.problems, []);
});

test('a browser that can encrypt frames with neither API does not start the call and says why', async () => {
    const { t, visitor } = call;
    await visitor.context.addInitScript(() => { delete globalThis.RTCRtpScriptTransform; });
    await call.visitorJoins();
    await visitor.page.locator('#call-error').waitFor();
    assert.equal(await visitor.page.locator('#call-error').getAttribute('data-reason'), 'call.unsupported');
    assert.equal(await visitor.page.locator('#call-error').textContent(), t['call.unsupported']);
    assert.equal(await visitor.page.locator('#call-state').count(), 0, 'no call UI, no camera');
});
