// Known answers (FORMAT.md section 15) for the primitives the browser puts on the wire. Returns
// null when all pass, otherwise the name of the failing primitive.

function hex(text) {
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; ++i)
        out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
}

function counting(first, count) {
    return Uint8Array.from({ length: count }, (_, i) => first + i);
}

function same(a, b) {
    if (!(a instanceof Uint8Array) || a.length !== b.length)
        return false;
    return a.every((v, i) => v === b[i]);
}

function attempt(fn) {
    try {
        return fn();
    } catch {
        return false;
    }
}

// True when fn returns (tampered input accepted), false when libsodium refuses it.
function opens(fn) {
    try {
        fn();
        return true;
    } catch {
        return false;
    }
}

const tests = {
    // RFC 7748 section 6.1 (Alice's public key) and Wycheproof x25519 tcId 1.
    X25519: (s) =>
        same(s.crypto_scalarmult_base(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a')),
             hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a')) &&
        same(s.crypto_scalarmult(hex('c8a9d5a91091ad851c668b0736c1c9a02936c0d3ad62670858088047ba057475'),
                                 hex('504a36999f489cd2fdbc08baff3d88fa00569ba986cba22548ffde80f9806829')),
             hex('436a2c040cf45fea9b29a0cb81b1f41458f863d0d61b453d0a982720d6d61320')),
    // RFC 8032 section 7.1, TEST 1, and a flipped signature bit refused.
    Ed25519: (s) => {
        const kp = s.crypto_sign_seed_keypair(hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
        const sig = s.crypto_sign_detached(new Uint8Array(0), kp.privateKey);
        s.memzero(kp.privateKey);
        const expected = hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
                             '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
        if (!same(kp.publicKey, hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')) ||
            !same(sig, expected) || !s.crypto_sign_verify_detached(sig, new Uint8Array(0), kp.publicKey))
            return false;
        sig[10] ^= 1;
        return !s.crypto_sign_verify_detached(sig, new Uint8Array(0), kp.publicKey);
    },
    // draft-irtf-cfrg-xchacha-03 section A.3.1, and a flipped bit refused.
    'XChaCha20-Poly1305': (s) => {
        const pt = new TextEncoder().encode('Ladies and Gentlemen of the class of \'99: If I could offer you only one tip for the future, sunscreen would be it.');
        const ad = hex('50515253c0c1c2c3c4c5c6c7');
        const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
        const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
        const ct = s.crypto_aead_xchacha20poly1305_ietf_encrypt(pt, ad, null, nonce, key);
        const expected = hex(
            'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e' +
            'c0875924c1c7987947deafd8780acf49');
        if (!same(ct, expected) || !same(s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ct, ad, nonce, key), pt))
            return false;
        ct[5] ^= 0x10;
        return opens(() => s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ct, ad, nonce, key)) === false;
    },
    // RFC 7693 appendix A: BLAKE2b-512("abc").
    BLAKE2b: (s) =>
        same(s.crypto_generichash(64, new TextEncoder().encode('abc'), null),
             hex('ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
                 '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923')),
    // Fixed inputs shared with the C++ self-tests: key a0..bf, secretstream header 10..27.
    'crypto_box_seal_open': (s) => {
        const sk = hex('2d5041945c4da58554a87da7f52fd15b167d20f10505bffe6eb73bc0a7fe8922');
        const sealed = hex('f14b5173130a1b80687f273d49e8f4740a793a949b83b105837f2a61e8fee14f39afdb2afd9104094f' +
                           'd2bb2187fd51660d27e79f8a19ca1550727b0449fb187da3d14b9d4a132b7d67c57602d2f719e4');
        const pk = s.crypto_scalarmult_base(sk);
        if (!same(s.crypto_box_seal_open(sealed, pk, sk), new TextEncoder().encode('0123456789abcdef0123456789abcdef')))
            return false;
        sealed[40] ^= 4;
        return opens(() => s.crypto_box_seal_open(sealed, pk, sk)) === false;
    },
    'crypto_secretstream': (s) => {
        const state = s.crypto_secretstream_xchacha20poly1305_init_pull(counting(0x10, 24), counting(0xa0, 32));
        const ad = new TextEncoder().encode('ad');
        const r1 = s.crypto_secretstream_xchacha20poly1305_pull(
            state, hex('cad6ba377040ae7b323a8d55b81f2914e80dd1c9612cb39d0357c565d61afed14c'), ad);
        const r2 = s.crypto_secretstream_xchacha20poly1305_pull(
            state, hex('e61b612b057dadcb6656e98d7df49e692f1f1dd2a870'), ad);
        return !!r1 && !!r2 && new TextDecoder().decode(r1.message) === 'lotse self-test!' &&
               new TextDecoder().decode(r2.message) === 'final' &&
               r1.tag === s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE &&
               r2.tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    },
    'crypto_kdf': (s) =>
        same(s.crypto_kdf_derive_from_key(32, 1n, 'lotsevid', counting(0xa0, 32)),
             hex('019442f40d3c13591413cb69cd0705bc6c35cfb667f9b9ad3a45925a76c81d71')),
    randomness: (s) => {
        const a = s.randombytes_buf(32);
        const b = s.randombytes_buf(32);
        return !same(a, b) && a.some((v) => v !== 0);
    },
};

export function runSelfTests(sodium) {
    for (const [name, test] of Object.entries(tests)) {
        if (attempt(() => test(sodium)) !== true)
            return name;
    }
    return null;
}
