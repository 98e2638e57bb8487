// Debian's Chromium through playwright-core (never a downloaded browser), a fresh profile per
// context, every request recorded, CSP violations and page errors collected, axe-core on demand.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const chromiumPath = process.env.LOTSE_CHROMIUM || '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
              '--disable-sync', '--no-first-run'];

// options: locale, timezoneId, viewport, args (more Chromium switches)
export async function openBrowser(options = {}) {
    const profile = mkdtempSync(path.join(tmpdir(), 'lotse-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        headless: true,
        args: [...args, ...(options.args || [])],
        locale: options.locale || 'en-GB',
        timezoneId: options.timezoneId || 'Europe/Berlin',
        viewport: options.viewport || { width: 1280, height: 900 },
        acceptDownloads: true,
    });
    const requests = [];
    const problems = [];
    context.on('request', (request) => requests.push(request.url()));
    const watch = (page) => {
        page.on('console', (message) => {
            if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
                problems.push(`console: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    const page = context.pages()[0] || await context.newPage();
    return {
        context,
        page,
        requests,
        problems,
        async close() {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        },
    };
}

// axe-core's violations on the page as it is now (injected through the debugger protocol, so the
// page's CSP stays as strict as it is for visitors).
export async function axeViolations(page) {
    const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
    if (!loaded)
        await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

export function foreignRequests(requests, origin) {
    return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
}
