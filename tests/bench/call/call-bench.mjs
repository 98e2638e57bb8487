// Call benchmark (issue 7), run by hand, prints its figures (not a ctest):
//   LOTSE_SERVER_BIN=build/h/server-stub/lotse-server node --experimental-websocket tests/bench/call/call-bench.mjs [runs] [seconds]
// 1. Call setup time: the help-seeker presses "Join" on the real call page (the advisor's page is
//    already in the call) until the first remote video frame is decoded; `runs` times, median.
// 2. CPU cost of the frame encryption at 720p: two Chromium processes with fake 1280x720 cameras
//    hold a call for `seconds`, once with the product's CallEncryption (callcrypto.mjs) on every
//    sender and receiver and once without (this plain variant exists only here, never as an option
//    of the page); the CPU time of both browsers' process trees from /proc, as a ratio.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as lotse from '../../../crypto/js/index.mjs';
import { chromiumPath } from '../../browser/support/browser.mjs';
import { mediaArgs, setUpCall, until } from '../../browser/support/call.mjs';

const runs = Number(process.argv[2] || 7);
const seconds = Number(process.argv[3] || 20);
const ticksPerSecond = 100; // USER_HZ on Linux

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// CPU seconds (user + system) of a process and all its descendants now alive.
function treeCpuSeconds(rootPid) {
    const stats = new Map();
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        try {
            const text = readFileSync(`/proc/${name}/stat`, 'utf8');
            const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
            stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
        } catch {
            // gone meanwhile
        }
    }
    let total = 0;
    const todo = [rootPid];
    while (todo.length) {
        const pid = todo.pop();
        total += stats.get(pid)?.ticks ?? 0;
        for (const [child, s] of stats) {
            if (s.ppid === pid)
                todo.push(child);
        }
    }
    return total / ticksPerSecond;
}

function browserPid(profile) {
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        try {
            const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
            if (cmd.includes(`--user-data-dir=${profile}`) && !cmd.some((a) => a.startsWith('--type=')))
                return Number(name);
        } catch {
            // gone meanwhile
        }
    }
    throw new Error(`no browser process for ${profile}`);
}

async function setupTimes(call) {
    const times = [];
    for (let run = 0; run < runs; ++run) {
        await call.advisorJoins(lotse.videoFrameKey(call.roomKey));
        await call.visitor.page.goto('about:blank');
        await call.visitor.page.goto(`${call.server.origin}/call#${call.capability}`);
        await call.visitor.page.locator('#call-join:not([disabled])').waitFor({ timeout: 30000 });
        await call.visitor.page.locator('#call-join').click();
        const shown = await until(call.visitor.page, (f) => f.setupMs !== null, 'first frame');
        times.push(shown.setupMs);
        await call.visitor.page.locator('#call-hangup').click();
        await call.advisor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    }
    return times;
}

// One side of the bench call: the page's own origin (so callcrypto.mjs loads as the product's), a
// 1280x720 fake camera, VP8, optionally the product's frame encryption.
async function benchSide(origin) {
    const profile = mkdtempSync(path.join(tmpdir(), 'lotse-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath, headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', ...mediaArgs],
    });
    const page = context.pages()[0] || await context.newPage();
    await page.goto(`${origin}/call`);
    await page.locator('#call-error').waitFor();
    return { context, page, profile, pid: browserPid(profile) };
}

async function cpuRun(a, b, encrypted) {
    const key = [...crypto.getRandomValues(new Uint8Array(32))];
    const prepare = (page) => page.evaluate(async ({ encrypted, key }) => {
        const src = document.querySelector('script[type=module]').src;
        const { CallEncryption } = await import(src.replace(/call\.mjs$/, 'callcrypto.mjs'));
        const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
        const encryption = encrypted ? new CallEncryption() : null;
        if (encryption)
            await encryption.setKey(1, new Uint8Array(key));
        const pc = new RTCPeerConnection({ encodedInsertableStreams: encrypted });
        for (const track of media.getTracks()) {
            const sender = pc.addTrack(track, media);
            if (encryption)
                encryption.attachSender(sender);
        }
        for (const transceiver of pc.getTransceivers()) {
            const kind = transceiver.receiver.track.kind;
            const wanted = kind === 'video' ? /^video\/(VP8|rtx)$/i : /^audio\/opus$/i;
            transceiver.setCodecPreferences(RTCRtpReceiver.getCapabilities(kind).codecs.filter((c) => wanted.test(c.mimeType)));
        }
        pc.ontrack = (event) => { if (encryption) encryption.attachReceiver(event.receiver); };
        window.bench = { pc, media, encryption, settings: media.getVideoTracks()[0].getSettings() };
        return window.bench.settings;
    }, { encrypted, key });
    const settings = await prepare(a.page);
    await prepare(b.page);
    const gathered = (page, type, sdp) => page.evaluate(async ({ type, sdp }) => {
        const { pc } = window.bench;
        if (sdp)
            await pc.setRemoteDescription({ type: type === 'offer' ? 'answer' : 'offer', sdp });
        if (!sdp || type === 'answer')
            await pc.setLocalDescription(type === 'offer' ? await pc.createOffer() : await pc.createAnswer());
        await new Promise((resolve) => (pc.iceGatheringState === 'complete' ? resolve()
            : pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve())));
        return pc.localDescription.sdp;
    }, { type, sdp });
    const offer = await gathered(a.page, 'offer');
    const answer = await gathered(b.page, 'answer', offer);
    await a.page.evaluate((sdp) => window.bench.pc.setRemoteDescription({ type: 'answer', sdp }), answer);
    const decoded = (page) => page.evaluate(async () => {
        let frames = 0, width = 0;
        (await window.bench.pc.getStats()).forEach((e) => {
            if (e.type === 'inbound-rtp' && e.kind === 'video') {
                frames = e.framesDecoded || 0;
                width = e.frameWidth || 0;
            }
        });
        const crypt = window.bench.encryption ? window.bench.encryption.stats() : null;
        return { frames, width, crypt };
    });
    for (let i = 0; i < 100 && (await decoded(b.page)).frames < 30; ++i)
        await b.page.waitForTimeout(200);
    await a.page.waitForTimeout(3000); // the encoder settles at its bitrate
    const start = [treeCpuSeconds(a.pid), treeCpuSeconds(b.pid)];
    const before = [await decoded(a.page), await decoded(b.page)];
    await a.page.waitForTimeout(seconds * 1000);
    const cpu = treeCpuSeconds(a.pid) - start[0] + treeCpuSeconds(b.pid) - start[1];
    const after = [await decoded(a.page), await decoded(b.page)];
    for (const page of [a.page, b.page]) {
        await page.evaluate(() => {
            window.bench.pc.close();
            window.bench.media.getTracks().forEach((t) => t.stop());
            window.bench.encryption?.close();
        });
    }
    return { cpu, settings, fps: [0, 1].map((i) => (after[i].frames - before[i].frames) / seconds), width: after.map((d) => d.width),
             failures: after.map((d) => d.crypt?.decryptFailures ?? 0), decrypted: after.map((d) => d.crypt?.decrypted ?? 0) };
}

const call = await setUpCall();
try {
    const times = await setupTimes(call);
    console.log(`call setup (Join pressed → first decoded frame), ${runs} runs: median ${median(times)} ms; ` +
                `min ${Math.min(...times)} ms, max ${Math.max(...times)} ms (${times.join(', ')})`);
    await call.visitor.page.goto('about:blank');
    await call.advisor.page.goto('about:blank');

    const a = await benchSide(call.server.origin);
    const b = await benchSide(call.server.origin);
    try {
        const results = { plain: [], encrypted: [] };
        for (const encrypted of [false, true, false, true]) {
            const r = await cpuRun(a, b, encrypted);
            if (encrypted && (r.failures.some((n) => n > 0) || r.decrypted.some((n) => n === 0)))
                throw new Error(`encrypted run did not decrypt cleanly: ${JSON.stringify(r)}`);
            results[encrypted ? 'encrypted' : 'plain'].push(r);
            console.log(`  ${encrypted ? 'encrypted' : 'plain    '}: ${r.cpu.toFixed(2)} CPU s in ${seconds} s (both browsers), ` +
                        `camera ${r.settings.width}x${r.settings.height}, received ${r.width.join('/')} px wide at ` +
                        `${r.fps.map((f) => f.toFixed(1)).join('/')} fps`);
        }
        const sum = (list) => list.reduce((s, r) => s + r.cpu, 0);
        const ratio = sum(results.encrypted) / sum(results.plain);
        console.log(`CPU cost of frame encryption at 720p: ${ratio.toFixed(3)} × the same call without it ` +
                    `(${sum(results.encrypted).toFixed(2)} vs ${sum(results.plain).toFixed(2)} CPU s over ${results.plain.length} runs each)`);
    } finally {
        for (const side of [a, b]) {
            await side.context.close();
            rmSync(side.profile, { recursive: true, force: true });
        }
    }
} finally {
    await call.close();
}
