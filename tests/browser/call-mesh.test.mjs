// Issue 7, a mesh of three: the advisor's page (keys handed in, as the desktop's bundled page gets
// them), the help-seeker's call page and an interpreter invited with a real link of the server.
// The harness acts as the advisor's app (app/RoomService): when the participants change it starts
// a new epoch sealed to the current participants only. Media flows between all three; when the
// interpreter leaves, the remaining pages change their sending key and keep decoding, and the
// frames sent after the change do not open with any key the interpreter ever held.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as lotse from '../../crypto/js/index.mjs';
import { FrameCrypter, FrameKind } from '../../server-stub/web/js/callcrypto.mjs';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { figures, joinFromDeviceCheck, mediaArgs, setUpCall, until } from './support/call.mjs';
import { checkStep } from './support/flow.mjs';
import { api } from './support/server.mjs';

let call;
let interpreter;
before(async () => {
    call = await setUpCall();
    interpreter = await openBrowser({ args: mediaArgs });
});
after(async () => {
    await interpreter?.close();
    await call?.close();
});

async function must(promise, status, what) {
    const answer = await promise;
    assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body)}`);
    return answer.body;
}

// What the advisor's app does on a change of participants: a new room key for the next epoch,
// sealed to exactly the participants the server lists now; the page gets the key first.
async function newEpoch(epoch) {
    const { server, org, roomId } = call;
    const { participants } = await must(api(server, 'GET', `/api/v1/rooms/${roomId}/keys`, { token: org.token }), 200, 'keys');
    const roomKey = crypto.getRandomValues(new Uint8Array(32));
    await call.advisor.page.evaluate(({ epoch, roomKey, frameKey }) => {
        window.lotseTest.signalling.useEpoch(epoch, new Uint8Array(roomKey));
        return window.lotseTest.call.setKey(epoch, new Uint8Array(frameKey));
    }, { epoch, roomKey: [...roomKey], frameKey: [...lotse.videoFrameKey(roomKey)] });
    const sealed = lotse.sealToRecipients(participants.map((p) => lotse.fromBase64Url(p.x25519)), lotse.SealPurpose.RoomKey,
                                          lotse.sealContext.roomKey(roomId, epoch), roomKey);
    await must(api(server, 'POST', `/api/v1/rooms/${roomId}/envelopes`, { token: org.token, body: {
        epoch, sealed: lotse.toBase64Url(sealed), senderKeyId: call.deviceKeyId } }), 201, `envelope ${epoch}`);
    return { roomKey, participants };
}

const peerCount = (f) => Object.keys(f.peers).length;
const decodingFromAll = (n) => (f) => peerCount(f) === n && Object.values(f.peers).every((p) => p.framesDecoded > 5);

test('three in a call; the interpreter leaves; the new key shuts it out and the others keep talking', async () => {
    const { t, visitor, advisor, server, org, roomId } = call;
    const held = [lotse.videoFrameKey(call.roomKey)]; // every frame key the interpreter will have had

    await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
    await call.visitorJoins();
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });

    // The advisor invites an interpreter; the link is the server's.
    const invite = await must(api(server, 'POST', `/api/v1/rooms/${roomId}/interpreters`, { token: org.token, body: {} }), 201, 'invite');
    assert.equal(new URL(invite.link).hash, `#${invite.capability}`);
    await interpreter.page.goto(`${server.origin}/call#${invite.capability}`);
    await interpreter.page.locator('#call-key-state[data-state=waiting]').waitFor({ timeout: 30000 });
    assert.equal(await interpreter.page.locator('#call-key-state').textContent(), t['call.interpreterWaiting']);
    await checkStep(interpreter.page, 'interpreter-waiting', { screenshot: 'call' });
    await joinFromDeviceCheck(interpreter.page);
    await interpreter.page.locator('#call-state[data-state=waitingForKey]').waitFor();

    // Its key is a participant now: the advisor's app starts epoch 2 sealed to all three.
    let interpreterKeyId = null;
    for (let i = 0; i < 40 && !interpreterKeyId; ++i) {
        const { participants } = await must(api(server, 'GET', `/api/v1/rooms/${roomId}/keys`, { token: org.token }), 200, 'keys');
        interpreterKeyId = participants.find((p) => p.kind === 'interpreter')?.keyId ?? null;
        if (!interpreterKeyId)
            await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(interpreterKeyId, 'the interpreter page registered its key');
    const second = await newEpoch(2);
    assert.equal(second.participants.length, 3);
    held.push(lotse.videoFrameKey(second.roomKey));

    for (const [who, page] of [['advisor', advisor.page], ['visitor', visitor.page], ['interpreter', interpreter.page]]) {
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
        const t0 = Date.now();
        await until(page, (f) => decodingFromAll(2)(f) && f.sendKeyId === 2, `${who}: media from both others, sending under epoch 2`);
        console.log(`${who}: ${Date.now() - t0} ms`);
    }
    // The help-seeker sees who joined: the interpreter's tile says so.
    await visitor.page.locator(`.call-tile[data-key-id="${interpreterKeyId}"] .call-name`, { hasText: t['call.roleInterpreter'] })
        .waitFor({ timeout: 15000 });
    assert.match(await visitor.page.locator(`.call-tile[data-key-id="${interpreterKeyId}"]`).textContent(), new RegExp(t['call.roleInterpreter']));
    await checkStep(visitor.page, 'three', { screenshot: 'call' });

    // The interpreter leaves: hang-up and the invitation ends on the server.
    await interpreter.page.locator('#call-hangup').click();
    assert.equal(await interpreter.page.locator('#call-state').getAttribute('data-state'), 'ended');
    for (let i = 0; i < 40; ++i) {
        const { participants } = await must(api(server, 'GET', `/api/v1/rooms/${roomId}/keys`, { token: org.token }), 200, 'keys');
        if (!participants.some((p) => p.kind === 'interpreter'))
            break;
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal((await api(server, 'GET', '/api/v1/visitor/interpreter', { token: invite.capability })).status, 401);
    for (const page of [visitor.page, advisor.page])
        await until(page, (f) => peerCount(f) === 1, 'the leaver is gone from the mesh');

    const failuresBefore = Object.fromEntries(await Promise.all([['visitor', visitor.page], ['advisor', advisor.page]]
        .map(async ([who, page]) => [who, (await figures(page)).decryptFailures])));
    const third = await newEpoch(3);
    assert.equal(third.participants.length, 2, 'epoch 3 is sealed to the advisor and the help-seeker only');
    for (const [who, page] of [['advisor', advisor.page], ['visitor', visitor.page]]) {
        const switched = await until(page, (f) => f.sendKeyId === 3, `${who} sends under epoch 3`);
        const keys = await page.evaluate(() => window.lotseTest?.call.keyState() ?? null);
        if (keys)
            assert.deepEqual(keys.kept, [2, 3], `${who}: epoch 1's key is forgotten, 2's kept for frames on their way`);
        await until(page, (f) => f.framesDecoded > switched.framesDecoded + 20 && f.framesDecrypted > switched.framesDecrypted + 20,
                    `${who} keeps decoding`);
        assert.equal((await figures(page)).decryptFailures, failuresBefore[who], `${who}: no frame failed over the change`);
        assert.equal(await page.locator('#call-state').getAttribute('data-state'), 'connected');
    }

    // Frames the help-seeker sends now, taken from the advisor's receiving side before decryption.
    const captured = await advisor.page.evaluate(() => new Promise((resolve) => {
        const crypter = window.lotseTest.call.encryption.crypter;
        const original = crypter.decryptFrame.bind(crypter);
        const frames = [];
        crypter.decryptFrame = (kind, data) => {
            if (frames.length < 60)
                frames.push({ kind, bytes: [...new Uint8Array(data)] });
            if (frames.length === 60) {
                crypter.decryptFrame = original;
                resolve(frames);
            }
            return original(kind, data);
        };
    }));
    assert.equal(captured.length, 60);
    assert.ok(captured.some((f) => f.kind === FrameKind.Video) && captured.some((f) => f.kind === FrameKind.Audio), 'audio and video frames');
    assert.ok(captured.every((f) => f.bytes.at(-1) === 3), 'every frame names key id 3');

    // The leaver tries every key it had, under the frames' key id: nothing opens.
    let failures = 0;
    for (const key of held) {
        const leaver = new FrameCrypter();
        await leaver.setKey(3, key);
        for (const frame of captured) {
            if (await leaver.decryptFrame(frame.kind, new Uint8Array(frame.bytes)) === null)
                ++failures;
        }
    }
    assert.equal(failures, captured.length * held.length, 'no captured frame opened with a key the interpreter held');
    // The control: the same frames open with epoch 3's key.
    const member = new FrameCrypter();
    await member.setKey(3, lotse.videoFrameKey(third.roomKey));
    let opened = 0;
    for (const frame of captured) {
        if (await member.decryptFrame(frame.kind, new Uint8Array(frame.bytes)) !== null)
            ++opened;
    }
    assert.equal(opened, captured.length, 'the remaining participants open them');
    console.log(`leaver: ${failures} of ${captured.length * held.length} decryption attempts failed (${held.length} keys)`);

    await visitor.page.locator('#call-hangup').click();
    await advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    for (const side of [visitor, advisor, interpreter]) {
        assert.deepEqual(side.problems, []);
        assert.deepEqual(foreignRequests(side.requests, server.origin), []);
    }
});
