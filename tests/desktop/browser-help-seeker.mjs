// The help-seeker's side of TestDesktopBrowserRoom and TestDesktopCall: Debian's Chromium
// (playwright-core, fake camera and microphone) on the real booking, room and call pages, driven by the desktop test over a line protocol. Each line on stdin is a
// JSON command {"id", "cmd", ...}; each answer is one JSON line {"id", "ok", ...} on stdout (or
// {"id", "ok": false, "error"}). Everything waits on page conditions, never on time.
//   node browser-help-seeker.mjs ORIGIN ORG_SLUG
import { createInterface } from 'node:readline';
import { openBrowser } from '../browser/support/browser.mjs';
import { catalog, chooseAppointment, fillDetails, solveAltcha } from '../browser/support/flow.mjs';

const [origin, slug] = process.argv.slice(2);
const t = catalog('de');
const wait = { timeout: 60000 };
let browser = null;
let page = null;
let callPage = null; // the help-seeker's call
let interpreterPage = null; // an interpreter's call, by the advisor's link (a tab of its own key)
const callPageOf = (who) => (who === 'interpreter' ? interpreterPage : callPage);
// Chromium's fake camera and microphone, granted without asking; loopback candidates, since the
// desktop, the browser and coturn all run on 127.0.0.1.
const mediaArgs = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
                   '--autoplay-policy=no-user-gesture-required'];

// What the call page shows about the call (#call-state, #call-quality refreshed from getStats).
async function callFigures(target) {
    return target.evaluate(() => {
        const quality = document.getElementById('call-quality');
        const state = document.getElementById('call-state');
        const data = quality ? { ...quality.dataset } : {};
        return { state: state ? state.dataset.state : null, bytesIn: Number(data.bytesIn || 0),
                 framesDecoded: Number(data.framesDecoded || 0), framesDecrypted: Number(data.framesDecrypted || 0),
                 decryptFailures: Number(data.decryptFailures || 0), route: data.route || null,
                 sendKeyId: data.sendKeyId || null, peers: Object.keys(JSON.parse(data.peers || "{}")).length, peerFigures: JSON.parse(data.peers || "{}"), keyState: data.keyState || null };
    });
}

const commands = {
    async open() {
        browser = await openBrowser({ locale: 'de-DE', args: mediaArgs });
        page = browser.page;
        return {};
    },

    // Books through the booking page, which makes the browser key and keeps it in IndexedDB.
    async book({ firstName, lastName, email }) {
        await page.goto(`${origin}/book/${slug}`);
        await chooseAppointment(page, t, { type: 'video' });
        await fillDetails(page, t, { firstName, lastName, email });
        await page.getByLabel(t['consent.label']).check();
        await solveAltcha(page, t);
        await page.getByRole('button', { name: t['action.book'] }).click();
        const manageUrl = await page.locator('#manage-link').getAttribute('href', wait);
        return { manageUrl };
    },

    // From the manage page to the room, as the help-seeker goes; ready when sending is possible.
    async openRoom({ manageUrl }) {
        await page.goto(`${origin}${manageUrl}`);
        await page.getByRole('link', { name: t['manage.room'] }).click(wait);
        await page.getByRole('heading', { name: t['room.title'] }).waitFor(wait);
        await page.locator('#send:not([disabled])').waitFor(wait);
        return {};
    },

    async codes() {
        await page.locator('#verify summary').click();
        return { codes: await page.locator('#verify .code').allTextContents(),
                 devices: await page.locator('#verify .device').allTextContents() };
    },

    async send({ text }) {
        await page.locator('#message').fill(text);
        await page.locator('#send').click();
        await page.locator('#messages .msg.mine[data-state=sent]', { hasText: text }).waitFor(wait);
        return {};
    },

    async received({ text }) {
        const message = page.locator('#messages .msg.theirs', { hasText: text });
        await message.waitFor(wait);
        return { who: await message.locator('.who').textContent() };
    },

    // Chooses the file in the page's file input; done when its manifest is acknowledged.
    async upload({ path }) {
        await page.setInputFiles('#file', path);
        const name = path.split('/').pop();
        await page.locator('#messages .msg.mine[data-state=sent]', { hasText: name }).waitFor(wait);
        return {};
    },

    // Downloads a received file through the page (decrypted there) and saves what the browser
    // hands over as the download at `saveTo`; tells whether the page previewed it as an image (and
    // how wide the decoded image is).
    async download({ name, saveTo }) {
        const message = page.locator('#messages .msg.theirs', { hasText: name });
        await message.waitFor(wait);
        // An image is fetched and previewed at once; anything else waits for "open".
        const open = message.getByRole('button', { name: t['file.download'] });
        const save = message.getByRole('link', { name: t['file.save'] });
        await save.or(open).first().waitFor(wait);
        if (await open.count())
            await open.click(wait);
        await save.waitFor(wait);
        const preview = message.locator('img.preview');
        const previewWidth = await preview.count() ? await preview.evaluate((img) => (img.complete ? img.naturalWidth : -1)) : 0;
        const [download] = await Promise.all([page.waitForEvent('download', wait), save.click()]);
        await download.saveAs(saveTo);
        return { suggestedName: download.suggestedFilename(), previewWidth };
    },

    // The help-seeker opens the call page of the room (in a tab of its own; the room stays open).
    async joinCall({ capability }) {
        if (!callPage)
            callPage = await browser.context.newPage();
        await callPage.goto('about:blank'); // the same address with a fragment would not load the page again
        await callPage.goto(`${origin}/call#${capability}`);
        // The device check first (the page's preview), then "Join".
        await callPage.locator('#call-join:not([disabled]), #call-error').first().waitFor(wait);
        await callPage.locator('#call-join').click();
        await callPage.locator('#call-state[data-state=waiting], #call-state[data-state=connected]').first().waitFor(wait);
        return {};
    },

    // An interpreter opens the advisor's invitation link, passes the device check and joins (the
    // page waits there until the advisor's app started an epoch sealed to its key).
    async joinInterpreter({ link }) {
        interpreterPage = await browser.context.newPage();
        await interpreterPage.goto(link);
        await interpreterPage.locator('#call-join:not([disabled]), #call-error').first().waitFor(wait);
        await interpreterPage.locator('#call-join').click();
        return {};
    },

    async callFigures({ who }) {
        return { figures: await callFigures(callPageOf(who)) };
    },

    async waitCallState({ state, who }) {
        const target = callPageOf(who);
        try {
            await target.locator(`#call-state[data-state=${state}]`).waitFor(wait);
        } catch (error) {
            throw new Error(`${error.message}\nfigures: ${JSON.stringify(await callFigures(target))}`);
        }
        return { figures: await callFigures(target) };
    },

    async hangUp({ who }) {
        const target = callPageOf(who);
        await target.locator('#call-hangup').click();
        return { figures: await callFigures(target) };
    },

    async problems() {
        return { problems: browser.problems };
    },

    async close() {
        if (browser)
            await browser.close();
        browser = null;
        return {};
    },
};

function answer(object) {
    process.stdout.write(`${JSON.stringify(object)}\n`);
}

const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
    queue = queue.then(async () => {
        let command;
        try {
            command = JSON.parse(line);
        } catch {
            answer({ id: null, ok: false, error: `not JSON: ${line}` });
            return;
        }
        const run = commands[command.cmd];
        if (!run) {
            answer({ id: command.id, ok: false, error: `unknown command ${command.cmd}` });
            return;
        }
        try {
            answer({ id: command.id, ok: true, ...await run(command) });
        } catch (error) {
            const where = page ? await page.locator('#view').innerText().catch(() => '') : '';
            answer({ id: command.id, ok: false, error: `${error.stack || error}\npage: ${where}` });
        }
    });
});
// The desktop test closed our stdin (it finished or crashed): leave no Chromium behind.
lines.on('close', () => {
    queue.then(() => (browser ? browser.close() : null)).finally(() => process.exit(0));
});
