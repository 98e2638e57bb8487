// Issue 7 with a relay-only ICE policy: a real coturn (Debian's turnserver) on loopback with the
// REST shared secret, lotse-server issuing short-lived credentials for it ([turn] in its config),
// and the encrypted call going through TURN on both sides.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as lotse from '../../crypto/js/index.mjs';
import { foreignRequests } from './support/browser.mjs';
import { setUpCall, until } from './support/call.mjs';
import { api } from './support/server.mjs';

const secret = 'turn-secret-' + Math.random().toString(36).slice(2);
let turnPort;
let turn;
let turnLog = '';
let turnDir;
let call;

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

before(async () => {
    const found = spawnSync('turnserver', ['--version']);
    assert.ok(!found.error, 'turnserver is missing: install the Debian package coturn (scripts/apt-packages.txt, scripts/setup)');
    turnPort = await freePort();
    turnDir = mkdtempSync(path.join(tmpdir(), 'lotse-turn-'));
    turn = spawn('turnserver', ['-n', '--listening-ip=127.0.0.1', `--listening-port=${turnPort}`, '--relay-ip=127.0.0.1',
                                '--use-auth-secret', `--static-auth-secret=${secret}`, '--realm=lotse.test', '--no-tls', '--no-dtls',
                                '--no-cli', '--allow-loopback-peers', '--log-file=stdout', '--simple-log', '--fingerprint',
                                `--pidfile=${path.join(turnDir, 'turnserver.pid')}`, `--db=${path.join(turnDir, 'turndb')}`,
                                '--min-port=40000', '--max-port=40999'],
                 { stdio: ['ignore', 'pipe', 'pipe'] });
    turn.stdout.on('data', (chunk) => { turnLog += chunk; });
    turn.stderr.on('data', (chunk) => { turnLog += chunk; });
    call = await setUpCall({ config: `[turn]\nshared_secret=${secret}\nurls=turn:127.0.0.1:${turnPort}?transport=udp\nttl_seconds=600\nrelay_only=true\n` });
    assert.equal(turn.exitCode, null, `turnserver exited: ${turnLog}`);
});

after(async () => {
    await call?.close();
    if (turn && turn.exitCode === null) {
        turn.kill('SIGTERM');
        await new Promise((resolve) => (turn.exitCode !== null ? resolve() : turn.once('exit', resolve)));
    }
    rmSync(turnDir, { recursive: true, force: true });
});

test('the server issues coturn REST credentials to both sides and nobody else', async () => {
    const { server, org, roomId, capability } = call;
    const forAdvisor = await api(server, 'GET', `/api/v1/rooms/${roomId}/turn`, { token: org.token });
    assert.equal(forAdvisor.status, 200);
    const [entry] = forAdvisor.body.iceServers;
    assert.deepEqual(entry.urls, [`turn:127.0.0.1:${turnPort}?transport=udp`]);
    const [expiry] = entry.username.split(':');
    assert.ok(Number(expiry) > Date.now() / 1000 && Number(expiry) <= Date.now() / 1000 + 600 + 5, entry.username);
    const { createHmac } = await import('node:crypto');
    assert.equal(entry.credential, createHmac('sha1', secret).update(entry.username).digest('base64'));
    assert.equal(forAdvisor.body.iceTransportPolicy, 'relay');

    const forVisitor = await api(server, 'GET', '/api/v1/visitor/room/turn', { token: capability });
    assert.equal(forVisitor.status, 200);
    assert.notEqual(forVisitor.body.iceServers[0].username, entry.username, 'every credential has its own user');
    assert.equal((await api(server, 'GET', '/api/v1/visitor/room/turn', { token: 'x'.repeat(43) })).status, 401);
    assert.equal((await api(server, 'GET', `/api/v1/rooms/${roomId}/turn`)).status, 401);
    assert.equal((await api(server, 'GET', `/api/v1/rooms/${crypto.randomUUID()}/turn`, { token: org.token })).status, 404);
    assert.equal((await api(server, 'POST', `/api/v1/rooms/${roomId}/turn`, { token: org.token, body: {} })).status, 405);
});

test('with a relay-only policy the encrypted call goes through the real TURN server on both sides', async () => {
    const { visitor, advisor, server, org, roomId } = call;
    const ice = (await api(server, 'GET', `/api/v1/rooms/${roomId}/turn`, { token: org.token })).body;
    await call.advisorJoins(lotse.videoFrameKey(call.roomKey), ice);
    await call.visitorJoins();
    for (const page of [visitor.page, advisor.page])
        await page.locator('#call-state[data-state=connected]').waitFor({ timeout: 30000 });
    for (const [who, page] of [['visitor', visitor.page], ['advisor', advisor.page]]) {
        const first = await until(page, (f) => f.framesDecoded > 0 && f.route !== null, `${who}: media decodes`);
        assert.equal(first.route, 'relay', `${who}: media goes through TURN`);
        await until(page, (f) => f.bytesIn > first.bytesIn + 20000, `${who}: bytes keep rising through TURN`);
        assert.equal((await until(page, () => true, who)).decryptFailures, 0);
    }
    await advisor.page.locator('#call-hangup').click();
    await visitor.page.locator('#call-state[data-state=endedByOther]').waitFor();
    for (const side of [visitor, advisor]) {
        assert.deepEqual(side.problems, []);
        assert.deepEqual(foreignRequests(side.requests, server.origin), []);
    }
});
