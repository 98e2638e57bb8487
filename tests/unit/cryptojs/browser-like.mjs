// Run by misc.test.mjs in its own process: hides node's globals (process, Buffer, require) and
// defines window before loading the twin, then does a record and file round trip.
import '../../../crypto/js/tools/node-webcrypto.mjs'; // node 18: what a browser has built in
const saved = { process: globalThis.process, Buffer: globalThis.Buffer };
delete globalThis.Buffer;
delete globalThis.process;
delete globalThis.require;
globalThis.window = globalThis;
const lotse = await import(new URL('../../../crypto/js/index.mjs', import.meta.url).href);
await lotse.init();
const key = new Uint8Array(32).fill(1);
const ctx = { roomId: 'r', senderId: new Uint8Array(16), purpose: 1 };
const env = lotse.sealRecord(key, { ...ctx, epoch: 0, sequence: 0n }, new TextEncoder().encode('hi'));
const out = lotse.openRecord(key, ctx, env);
const file = lotse.decryptFile(key, 'f', lotse.encryptFile(key, 'f', new Uint8Array(5000), 1024));
const pair = lotse.generateEncryptionKeyPair();
const sealed = lotse.openSealed(pair, 1, 'c', lotse.sealToRecipients([pair.publicKey], 1, 'c', new Uint8Array(3)));
const ok = new TextDecoder().decode(out.plaintext) === 'hi' && file.length === 5000 && sealed.length === 3 &&
           typeof globalThis.Buffer === 'undefined' && typeof globalThis.process === 'undefined';
saved.process.stdout.write(ok ? 'browser-like ok\n' : 'FAILED\n');
saved.process.exitCode = ok ? 0 : 1;
