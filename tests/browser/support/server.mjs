// Starts a real lotse-server on a free loopback port with its data in a temp dir, and sets up an
// organisation the way an admin and an advisor would: admin CLI, sign-in, a device with real
// keys (made with the crypto twin), locations and availability through the API.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as lotse from '../../../crypto/js/index.mjs';

export const serverBinary = process.env.LOTSE_SERVER_BIN;

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function admin(dataDir, args, input) {
    const run = spawnSync(serverBinary, ['--data-dir', dataDir, 'admin', ...args], { input, encoding: 'utf8' });
    if (run.status !== 0)
        throw new Error(`admin ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
    return run.stdout;
}

// config: INI text for --config (e.g. a [turn] section), optional.
export async function startServer({ config } = {}) {
    if (!serverBinary)
        throw new Error('LOTSE_SERVER_BIN is not set (the lotse-server binary; CTest sets it)');
    const dir = mkdtempSync(path.join(tmpdir(), 'lotse-browser-'));
    const dataDir = path.join(dir, 'data');
    const port = await freePort();
    const env = { ...process.env, LOTSE_TEST_ARGON2_COST: '1,64' };
    const extra = [];
    if (config) {
        writeFileSync(path.join(dir, 'server.ini'), config);
        extra.push('--config', path.join(dir, 'server.ini'));
    }
    const child = spawn(serverBinary, ['--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, ...extra], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk) => { log += chunk; });
    const origin = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; ++attempt) {
        if (child.exitCode !== null)
            throw new Error(`lotse-server exited with ${child.exitCode}: ${log}`);
        try {
            const response = await fetch(`${origin}/api/v1/health`);
            if (response.ok)
                break;
        } catch {
            // not listening yet
        }
        if (attempt > 200)
            throw new Error(`lotse-server did not answer: ${log}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return {
        origin,
        dataDir,
        log: () => log,
        admin: (args, input) => admin(dataDir, args, input),
        async stop() {
            child.kill('SIGTERM');
            await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
            rmSync(dir, { recursive: true, force: true });
        },
    };
}

export async function api(server, method, apiPath, { token, body } = {}) {
    const headers = {};
    if (token)
        headers.Authorization = `Bearer ${token}`;
    if (body !== undefined)
        headers['Content-Type'] = 'application/json';
    const response = await fetch(`${server.origin}${apiPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

async function must(promise, expected, what) {
    const answer = await promise;
    if (answer.status !== expected)
        throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
}

// An organisation "demo" with one advisor, one registered device (keys returned, to open what the
// page sealed), two on-site locations and every appointment type on every day (Europe/Berlin).
export async function setUpOrganisation(server, { slug = 'demo', locations = 2 } = {}) {
    server.admin(['org', 'create', '--slug', slug, '--name', 'Beratungsstelle Mitte']);
    const passwordFile = path.join(server.dataDir, '..', 'password');
    writeFileSync(passwordFile, 'correct horse battery staple\n', { mode: 0o600 });
    const username = `berater@${slug}.example`;
    server.admin(['advisor', 'create', '--org', slug, '--username', username, '--display-name', 'Frau Berger',
                  '--password-file', passwordFile]);
    const login = await must(api(server, 'POST', '/api/v1/auth/login', { body: { username, password: 'correct horse battery staple' } }), 200, 'login');
    const token = login.token;

    await lotse.init();
    const encryption = lotse.generateEncryptionKeyPair();
    const signing = lotse.generateSigningKeyPair();
    const registration = lotse.signDeviceRegistration(encryption, signing);
    await must(api(server, 'POST', '/api/v1/devices', { token, body: { name: 'Laptop Beratungsraum', ...registration } }), 201, 'register device');

    const places = [{ name: 'Büro Mitte', address: 'Hauptstraße 1, 10115 Berlin' },
                    { name: 'Büro Nord', address: 'Nordweg 7, 13347 Berlin' }].slice(0, locations);
    const saved = await must(api(server, 'PUT', '/api/v1/org/locations', { token, body: { locations: places } }), 200, 'locations');
    const locationIds = saved.locations.map((l) => l.id);
    const day = [{ start: '00:00', end: '23:45' }];
    await must(api(server, 'PUT', '/api/v1/me/availability', { token, body: {
        timeZone: 'Europe/Berlin',
        weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
        absences: [],
        types: [{ type: 'video', durationMinutes: 45 }, { type: 'phone', durationMinutes: 30 },
                { type: 'onsite', durationMinutes: 60, locationIds }],
        bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 60, horizonDays: 30, slotStepMinutes: 15,
    } }), 200, 'availability');
    return { slug, token, encryption, signing, locations: saved.locations };
}

// What the organisation's device reads: the sealed fields of a booking or message.
export function openSealed(org, context, sealed) {
    const plain = lotse.openSealed(org.encryption, lotse.SealPurpose.BookingFields, context, lotse.fromBase64Url(sealed));
    return JSON.parse(new TextDecoder().decode(plain));
}
