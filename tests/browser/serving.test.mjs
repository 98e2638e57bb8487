// How lotse-server serves the pages: a fresh CSP nonce per page, strict headers, immutable static
// files under a content-hashed prefix, gzip when accepted, GET/HEAD only.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { startServer } from './support/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => server && server.stop());

function get(path, headers = {}, method = 'GET') {
    return fetch(`${server.origin}${path}`, { method, headers });
}

async function staticPrefix() {
    const html = await (await get('/book/demo')).text();
    return html.match(/href="(\/static\/[0-9a-f]{16})\/app\/lotse\.css"/)[1];
}

for (const path of ['/book/demo', '/manage', '/privacy/demo', '/room', '/talk/demo']) {
    test(`${path}: HTML with a per-response nonce and strict headers`, async () => {
        const first = await get(path);
        const second = await get(path);
        assert.equal(first.status, 200);
        assert.equal(first.headers.get('content-type'), 'text/html; charset=utf-8');
        const csp = first.headers.get('content-security-policy');
        const nonce = csp.match(/'nonce-([A-Za-z0-9_-]{22})'/)[1];
        assert.notEqual(second.headers.get('content-security-policy'), csp);
        for (const part of ["default-src 'none'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
                            "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"])
            assert.ok(csp.includes(part), part);
        assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"), csp);
        const html = await first.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        assert.equal(scripts.length, 2);
        for (const tag of scripts)
            assert.ok(tag.includes(`nonce="${nonce}"`), tag);
        assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
        assert.doesNotMatch(html, /https?:\/\//, 'no absolute URL to any host');
        assert.equal(first.headers.get('cache-control'), 'no-store');
        assert.equal(first.headers.get('referrer-policy'), 'no-referrer');
        assert.equal(first.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(first.headers.get('x-frame-options'), 'DENY');
        assert.match(first.headers.get('permissions-policy'), /camera=\(\)/);
        assert.equal(first.headers.get('set-cookie'), null);
    });
}

test('static files: immutable under the content hash, gzip when accepted, right types', async () => {
    const prefix = await staticPrefix();
    const types = { '/app/lotse.css': 'text/css; charset=utf-8', '/app/js/book.mjs': 'text/javascript; charset=utf-8',
                    '/app/i18n/fa.json': 'application/json; charset=utf-8', '/crypto/sealed.mjs': 'text/javascript; charset=utf-8',
                    '/npm/libsodium/libsodium.mjs': 'text/javascript; charset=utf-8', '/npm/altcha/altcha.js': 'text/javascript; charset=utf-8',
                    '/npm/altcha/worker.js': 'text/javascript; charset=utf-8', '/npm/altcha/altcha.css': 'text/css; charset=utf-8' };
    for (const [path, type] of Object.entries(types)) {
        const plain = await get(prefix + path, { 'Accept-Encoding': 'identity' });
        assert.equal(plain.status, 200, path);
        assert.equal(plain.headers.get('content-type'), type, path);
        assert.equal(plain.headers.get('cache-control'), 'public, max-age=31536000, immutable', path);
        assert.equal(plain.headers.get('x-content-type-options'), 'nosniff', path);
        const body = Buffer.from(await plain.arrayBuffer());
        // node's fetch decodes gzip itself; ask with a raw request to see the encoding
        const zipped = await new Promise((resolve, reject) => {
            import('node:http').then(({ get: httpGet }) => httpGet(`${server.origin}${prefix}${path}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            }).on('error', reject));
        });
        if (zipped.headers['content-encoding'] === 'gzip') {
            assert.ok(zipped.body.length < body.length, path);
            assert.deepEqual(gunzipSync(zipped.body), body, path);
            assert.equal(zipped.headers.vary, 'Accept-Encoding');
        } else {
            assert.ok(body.length < 512, `${path} should be gzipped`);
        }
    }
    assert.equal((await get(prefix + '/crypto/testing.mjs')).status, 404, 'test-only module not served');
    assert.equal((await get('/static/0000000000000000/app/lotse.css')).status, 404, 'other hash');
    assert.equal((await get(prefix + '/../pages/book.html')).status, 404);
});

test('only GET and HEAD', async () => {
    const post = await get('/book/demo', {}, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const head = await get('/manage', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal((await head.text()).length, 0);
    assert.equal((await get('/book/')).status, 404);
    assert.equal((await get('/book/demo/extra')).status, 404);
});
