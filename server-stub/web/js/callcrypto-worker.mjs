// The RTCRtpScriptTransform side of callcrypto.mjs (Firefox, Safari): one worker per page runs
// every sender's and receiver's transform, so all outgoing tracks share one salt and counter.
import { FrameCrypter } from './callcrypto.mjs';

const crypter = new FrameCrypter();

self.onmessage = async (event) => {
    const message = event.data;
    if (message.type === 'key')
        await crypter.setKey(message.epoch, new Uint8Array(message.rawKey), { send: message.send });
    else if (message.type === 'forget')
        crypter.forgetKey(message.epoch);
    else if (message.type === 'stats')
        self.postMessage({ type: 'stats', stats: { ...crypter.stats } });
};

self.onrtctransform = (event) => {
    const { readable, writable, options } = event.transformer;
    readable.pipeThrough(crypter.transformer(options.side, options.kind)).pipeTo(writable).catch(() => {});
};
