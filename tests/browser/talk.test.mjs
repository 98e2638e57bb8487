// "Talk now" /talk/{slug}: a name only, sealed in the browser; the place in the queue and an
// estimate; an advisor (support/advisor.mjs, real keys, real relay) takes the call and the room
// opens on the page; leaving the queue is one click.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as lotse from '../../crypto/js/index.mjs';
import { AdvisorClient } from './support/advisor.mjs';
import { foreignRequests, openBrowser } from './support/browser.mjs';
import { catalog, checkStep, solveAltcha } from './support/flow.mjs';
import { messageTexts, roomReady, sendFromPage } from './support/room.mjs';
import { api, setUpOrganisation, startServer } from './support/server.mjs';

let server;
let org;
before(async () => {
    server = await startServer({ config: '[limits]\npublic_requests_per_minute = 1000\n' });
    org = await setUpOrganisation(server, { locations: 1 });
    await lotse.init();
});
after(async () => server && server.stop());

const phone = { width: 360, height: 740 };

async function joinQueue(page, t, name, shots) {
    await page.getByRole('heading', { name: t['talk.title'] }).waitFor();
    await checkStep(page, 'form', { screenshot: shots });
    await page.getByLabel(t['talk.nameLabel']).fill(name);
    await page.getByLabel(t['consent.label']).check();
    await solveAltcha(page, t);
    await page.getByRole('button', { name: t['talk.start'] }).click();
    await page.getByRole('heading', { name: t['talk.waitingTitle'] }).waitFor();
}

test('a name only → the place in the queue → an advisor takes the call → the room opens → chat (ar, 360 px)', async () => {
    const browser = await openBrowser({ locale: 'ar-EG', viewport: phone });
    const t = catalog('ar');
    const advisor = await AdvisorClient.connect(server, org);
    try {
        const { page } = browser;
        await page.goto(`${server.origin}/talk/demo`);
        // Without a name nothing is sent.
        await page.getByRole('button', { name: t['talk.start'] }).click();
        await page.getByText(t['talk.nameError']).waitFor();
        await joinQueue(page, t, 'ليلى', 'talk-ar-360');
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        await page.getByText(t['talk.position'].replace('{n}', '1')).waitFor();
        const estimate = await page.locator('#estimate').textContent();
        assert.ok(estimate.startsWith(t['talk.estimate'].split('{time}')[0]), estimate);
        await checkStep(page, 'waiting', { screenshot: 'talk-ar-360' });

        const [entry] = await advisor.queue();
        assert.equal(entry.language, 'ar');
        assert.equal(advisor.openName(entry), 'ليلى', 'the advisor device opens the sealed name');
        assert.ok(!JSON.stringify(entry).includes('ليلى'), 'the server holds no name in clear');

        const taken = await advisor.take(entry.id);
        await page.waitForURL(/\/room\?lang=ar#/);
        await roomReady(page);
        await advisor.join(taken.room.id);
        await sendFromPage(page, 'مرحبًا، أحتاج إلى المساعدة.');
        await advisor.received(taken.room.id, (m) => m.body && m.body.text === 'مرحبًا، أحتاج إلى المساعدة.');
        await advisor.sendText(taken.room.id, 'أهلًا ليلى، أنا هنا. ماذا حدث؟');
        await page.locator('#messages').getByText('أهلًا ليلى، أنا هنا. ماذا حدث؟').waitFor();
        assert.equal(await page.locator('.brand').textContent(), 'Beratungsstelle Mitte');
        await checkStep(page, 'room', { screenshot: 'talk-ar-360' });
        await page.reload();
        await roomReady(page);
        assert.deepEqual(await messageTexts(page), ['مرحبًا، أحتاج إلى المساعدة.', 'أهلًا ليلى، أنا هنا. ماذا حدث؟']);
        assert.deepEqual(browser.problems, []);
        assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
    } finally {
        advisor.close();
        await browser.close();
    }
});

test('from the booking page to Talk now; a second person is number 2 and moves up; leaving is one click (de)', async () => {
    const first = await openBrowser({ locale: 'de-DE' });
    const second = await openBrowser({ locale: 'de-DE', viewport: phone });
    const t = catalog('de');
    const advisor = await AdvisorClient.connect(server, org);
    try {
        await first.page.goto(`${server.origin}/book/demo`);
        await first.page.getByRole('link', { name: t['book.talkNow'] }).click();
        await joinQueue(first.page, t, 'Jonas', 'talk-de');
        await second.page.goto(`${server.origin}/talk/demo`);
        await joinQueue(second.page, t, 'Mia', 'talk-de-360');
        await second.page.getByText(t['talk.position'].replace('{n}', '2')).waitFor();
        await checkStep(second.page, 'waiting-2', { screenshot: 'talk-de-360' });
        const kept = JSON.parse(await second.page.evaluate(() => sessionStorage.getItem('lotse-talk')));

        await first.page.getByRole('button', { name: t['talk.leave'] }).click();
        await first.page.getByText(t['talk.left']).waitFor();
        await checkStep(first.page, 'left', { screenshot: 'talk-de' });
        await second.page.getByText(t['talk.position'].replace('{n}', '1')).waitFor();
        const queue = await advisor.queue();
        assert.deepEqual(queue.map((e) => advisor.openName(e)), ['Mia']);

        // A reload keeps the place (the call's capability stays in this tab only).
        await second.page.reload();
        await second.page.getByText(t['talk.position'].replace('{n}', '1')).waitFor();
        await second.page.getByRole('button', { name: t['talk.leave'] }).click();
        await second.page.getByText(t['talk.left']).waitFor();
        assert.deepEqual(await advisor.queue(), []);
        assert.equal((await api(server, 'GET', '/api/v1/visitor/instant', { token: kept.token })).status, 401, 'the token stopped working');
        assert.equal(await second.page.evaluate(() => sessionStorage.getItem('lotse-talk')), null);
        // One click to start again.
        await second.page.getByRole('button', { name: t['talk.again'] }).click();
        await second.page.getByLabel(t['talk.nameLabel']).waitFor();
        for (const browser of [first, second]) {
            assert.deepEqual(browser.problems, []);
            assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
        }
    } finally {
        advisor.close();
        await first.close();
        await second.close();
    }
});
