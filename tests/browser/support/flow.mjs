// Booking as a visitor does it, step by step through the page's labels (in the page's language),
// with axe-core and an optional screenshot on every step.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations } from './browser.mjs';

export function catalog(lang) {
    return JSON.parse(readFileSync(new URL(`../../../server-stub/web/i18n/${lang}.json`, import.meta.url), 'utf8'));
}

export async function checkStep(page, name, options = {}) {
    assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const viewport = page.viewportSize().width;
    assert.ok(width <= viewport, `${name}: page is ${width}px wide in a ${viewport}px window`);
    if (process.env.LOTSE_SCREENSHOT_DIR && options.screenshot)
        await page.screenshot({ path: path.join(process.env.LOTSE_SCREENSHOT_DIR, `${options.screenshot}-${name}.png`), fullPage: true });
}

// Up to the details form: type, location (when asked), the first free time.
// `day` picks the n-th offered day (0: the first), so that bookings of one test run never collide.
export async function chooseAppointment(page, t, { type, location, shots, day = 0 }) {
    await page.getByRole('heading', { name: t['type.title'] }).waitFor();
    await checkStep(page, 'type', { screenshot: shots });
    await page.getByLabel(t[`type.${type}`]).check();
    await page.getByRole('button', { name: t['action.continue'] }).click();
    if (location) {
        await page.getByRole('heading', { name: t['location.title'] }).waitFor();
        await checkStep(page, 'location', { screenshot: shots });
        await page.getByLabel(location).check();
        await page.getByRole('button', { name: t['action.continue'] }).click();
    }
    await page.getByRole('heading', { name: t['time.title'] }).waitFor();
    await page.locator('input[name=slot]').first().waitFor();
    if (day > 0) {
        await page.locator('input[name=day]').nth(day).check();
        await page.locator('input[name=slot]').first().waitFor();
    }
    await checkStep(page, 'time', { screenshot: shots });
    const slot = page.locator('input[name=slot]').first();
    const start = await slot.getAttribute('value');
    await slot.check();
    await page.getByRole('button', { name: t['action.continue'] }).click();
    await page.getByRole('heading', { name: t['details.title'] }).waitFor();
    return start;
}

export async function fillDetails(page, t, fields) {
    for (const [name, value] of Object.entries(fields))
        await page.locator(`#f-${name}`).fill(value);
}

export async function solveAltcha(page, t) {
    await page.getByLabel(t['altcha.label']).click();
    await page.locator('altcha-widget input[name=altcha]').waitFor({ state: 'attached' });
    await page.waitForFunction(() => {
        const input = document.querySelector('altcha-widget input[name=altcha]');
        return input && input.value.length > 0;
    });
}
