// Rooms for the browser tests: a confirmed booking made through the public API with a browser key
// the test chose (then placed in the browser's IndexedDB, where the booking page keeps it), and
// helpers to read the room page.
import * as lotse from '../../../crypto/js/index.mjs';
import { solveAltcha } from './advisor.mjs';
import { api } from './server.mjs';

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// A booking of `org` (status confirmed unless confirm is false) for the X25519 pair `browserKey`.
// `nth` picks the n-th free slot from tomorrow, so that bookings of one run never collide.
export async function bookFor(server, org, browserKey, { nth = 0, language = 'de', confirm = true } = {}) {
    await lotse.init();
    const from = Date.now() + 86400000;
    const slots = (await api(server, 'GET', `/api/v1/public/orgs/${org.slug}/slots?type=video&from=${iso(from)}&to=${iso(from + 20 * 86400000)}`)).body.slots;
    const devices = (await api(server, 'GET', `/api/v1/orgs/${org.slug}/devices`)).body.devices;
    const info = (await api(server, 'GET', `/api/v1/public/orgs/${org.slug}`)).body;
    const bookingId = crypto.randomUUID();
    const sealed = lotse.sealToRecipients(devices.map((d) => lotse.fromBase64Url(d.x25519)), lotse.SealPurpose.BookingFields,
                                          `booking:${bookingId}`, lotse.CanonicalJson.serialize({ firstName: 'Mira' }));
    const body = { bookingId, type: 'video', start: slots[nth * 8].start, language, timeZone: 'Europe/Berlin',
                   email: `mira${nth}@example.org`, policyVersion: info.privacyPolicy.version,
                   browserKey: lotse.toBase64Url(browserKey.publicKey), sealed: lotse.toBase64Url(sealed), altcha: await solveAltcha(server) };
    const made = await api(server, 'POST', `/api/v1/public/orgs/${org.slug}/bookings`, { body });
    if (made.status !== 201)
        throw new Error(`booking: ${made.status} ${JSON.stringify(made.body)}`);
    if (confirm && made.body.booking.status !== 'confirmed') {
        const confirmed = await api(server, 'POST', `/api/v1/bookings/${bookingId}/confirm`, { token: org.token, body: {} });
        if (confirmed.status !== 200)
            throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    }
    return { bookingId, token: made.body.booking.manageUrl.split('#')[1] };
}

// Puts an X25519 secret key where the pages keep the browser's key (IndexedDB "lotse"/"keys").
export async function giveBrowserKey(page, origin, secretKey) {
    await page.goto(`${origin}/static/none`);
    await page.evaluate((bytes) => new Promise((resolve, reject) => {
        const open = indexedDB.open('lotse', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('keys');
        open.onsuccess = () => {
            const tx = open.result.transaction('keys', 'readwrite');
            tx.objectStore('keys').put(new Uint8Array(bytes), 'browser-x25519');
            tx.oncomplete = () => { open.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
    }), [...secretKey]);
}

// The room page is ready to send (history loaded, nothing blocking).
export async function roomReady(page) {
    try {
        await page.locator('#send:not([disabled])').waitFor({ timeout: 20000 });
    } catch (error) {
        throw new Error(`room not ready: ${await page.locator('#view').innerText()}`, { cause: error });
    }
}

export async function sendFromPage(page, text) {
    await page.locator('#message').fill(text);
    await page.locator('#send').click();
}

export function messageTexts(page) {
    return page.locator('#messages .msg .text').allTextContents();
}

// Makes the page believe its tab is in the background (the title badge and the sound react to it).
export async function hideTab(page, hidden = true) {
    await page.evaluate((value) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
}
