// Section 8: canonical JSON, serializer and strict parser.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // first: libsodium-wrappers needs globalThis.crypto (node 18)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CanonicalJson } from '../../../crypto/js/index.mjs';
import { throwsCode, utf8 } from './helpers.mjs';

const { canonicalize, canonicalizeToString, parse, serialize, stringify } = CanonicalJson;

test('the example of FORMAT.md section 8', () => {
    const out = canonicalize('{ "b": [1, true, null, "\\u00e9\\ud83d\\ude00\\u0001"], "a": -5 }');
    assert.deepEqual(out, utf8('{"a":-5,"b":[1,true,null,"é😀\\u0001"]}'));
});

test('serializer: sorting by UTF-16 code units, escapes, integers', () => {
    assert.equal(stringify({ '\ue000': 1, '😀': 2, a: 3, B: 4, '': 5 }), '{"":5,"B":4,"a":3,"😀":2,"\ue000":1}');
    let all = '';
    for (let c = 0; c < 0x20; ++c)
        all += String.fromCharCode(c);
    assert.equal(stringify(all + '"\\/\u007f\u2028'),
                 '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
                 '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f' +
                 '\\"\\\\/\u007f\u2028"');
    assert.equal(stringify([0, -0, 9007199254740991, -9007199254740991, 10n, -3n]), '[0,0,9007199254740991,-9007199254740991,10,-3]');
    for (const bad of [1.5, NaN, Infinity, 2 ** 53, -(2 ** 53), 2n ** 53n, undefined, () => 1, Symbol('s'), new Date(0),
                       new Map(), new Uint8Array(1), '\ud800', 'a\udc00b', { '\ud83d': 1 }, [1, [2, [0.1]]]])
        throwsCode(() => serialize(bad), 'InvalidJson', String(typeof bad));
    // A "__proto__" member is data.
    const parsed = parse('{"__proto__":{"x":1},"a":2}');
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(stringify(parsed), '{"__proto__":{"x":1},"a":2}');
    assert.equal(stringify(Object.assign(Object.create(null), { z: 1, y: 2 })), '{"y":2,"z":1}');
});

test('nesting: 64 levels accepted, 65 refused, parsing and serialising alike', () => {
    for (const [open, close] of [['[', ']'], ['{"k":', '}']]) {
        const inner = open === '[' ? '' : '{}';
        const text = (n) => open === '[' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${open.repeat(n - 1)}${inner}${close.repeat(n - 1)}`;
        assert.equal(canonicalizeToString(text(64)), text(64));
        throwsCode(() => canonicalize(text(65)), 'InvalidJson');
        let value = open === '[' ? [] : {};
        for (let i = 1; i < 64; ++i)
            value = open === '[' ? [value] : { k: value };
        stringify(value);
        throwsCode(() => stringify(open === '[' ? [value] : { k: value }), 'InvalidJson');
    }
    assert.equal(canonicalizeToString(`${'['.repeat(64)}1${']'.repeat(64)}`), `${'['.repeat(64)}1${']'.repeat(64)}`);
});

test('size: 1 MiB accepted, one byte more is TooLarge (bytes and text)', () => {
    const exact = `"${'a'.repeat(1048576 - 2)}"`;
    assert.equal(canonicalize(exact).length, 1048576);
    assert.equal(canonicalize(utf8(exact)).length, 1048576);
    throwsCode(() => canonicalize(`"${'a'.repeat(1048576 - 1)}"`), 'TooLarge');
    throwsCode(() => canonicalize(utf8(`"${'a'.repeat(1048576 - 1)}"`)), 'TooLarge');
    // Measured in UTF-8 bytes: 349525 * 3 + 2 > 1 MiB although the text has fewer characters.
    throwsCode(() => canonicalize(`"${'€'.repeat(349525)}"`), 'TooLarge');
    canonicalize(`"${'€'.repeat(349524)}"`);
});

test('invalid UTF-8 input is InvalidJson', () => {
    const wrap = (...bytes) => Uint8Array.from([0x22, ...bytes, 0x22]);
    for (const bad of [wrap(0xc0, 0xaf), wrap(0xe0, 0x80, 0xaf), wrap(0xed, 0xa0, 0x80), wrap(0xf4, 0x90, 0x80, 0x80),
                       wrap(0xff), wrap(0x80), wrap(0xe2, 0x82), Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d)])
        throwsCode(() => canonicalize(bad), 'InvalidJson');
    assert.equal(canonicalizeToString(wrap(0xe2, 0x82, 0xac)), '"€"');
    throwsCode(() => canonicalize('"\ud800"'), 'InvalidJson'); // a raw lone surrogate in text input
});

test('parser subset', () => {
    assert.deepEqual(parse(' {"a" : [ -1 , 0 , "x\\/" ] } '), { a: [-1, 0, 'x/'] });
    for (const bad of ['{"a":1,"a":1}', '{"a":1,"\\u0061":1}', '[1.0]', '[1e0]', '[-0]', '[01]', '[9007199254740992]',
                       '["\\ud800"]', '["\\udc00\\ud800"]', '[1,]', '{,}', '[', ']', '', ' ', 'nul', 'true false',
                       '[\u000b]', '["\t"]', "['a']", '{"a":undefined}', '[Infinity]', '["\\U0041"]', '[.5]', '[5.]', '[1e]'])
        throwsCode(() => parse(bad), 'InvalidJson', bad);
    assert.equal(parse('9007199254740991'), 9007199254740991);
    assert.equal(parse('-9007199254740991'), -9007199254740991);
});
