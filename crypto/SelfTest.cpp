// Known-answer self-tests run by Crypto::init(): fixed vectors for every primitive Lotse puts on
// the wire, so that a broken or miscompiled libsodium is refused before any key is touched.
#include "crypto/internal/Sodium.h"

#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto::Internal {

namespace {

// Set only by tests (injectSelfTestFault): the named check sees corrupted vectors, to prove that
// a wrong answer is caught.
QString s_faultyCheck;
thread_local bool t_corrupt = false;

QByteArray hex(const char *text)
{
    QByteArray bytes = QByteArray::fromHex(text);
    if (t_corrupt && !bytes.isEmpty())
        bytes[0] = char(bytes[0] ^ 1);
    return bytes;
}

// RFC 7748 §6.1 (Alice's key pair) and Wycheproof x25519 tcId 1.
bool x25519Kat()
{
    const QByteArray alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    QByteArray pub(32, Qt::Uninitialized);
    if (crypto_scalarmult_base(uc(pub), uc(alice)) != 0 ||
        pub != hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"))
        return false;
    const QByteArray sk = hex("c8a9d5a91091ad851c668b0736c1c9a02936c0d3ad62670858088047ba057475");
    const QByteArray pk = hex("504a36999f489cd2fdbc08baff3d88fa00569ba986cba22548ffde80f9806829");
    QByteArray shared(32, Qt::Uninitialized);
    return crypto_scalarmult(uc(shared), uc(sk), uc(pk)) == 0 &&
           shared == hex("436a2c040cf45fea9b29a0cb81b1f41458f863d0d61b453d0a982720d6d61320");
}

// RFC 8032 §7.1, TEST 1.
bool ed25519Kat()
{
    const QByteArray seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const QByteArray expectedPk = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const QByteArray expectedSig = hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                       "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    QByteArray pk(32, Qt::Uninitialized);
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    if (crypto_sign_seed_keypair(uc(pk), sk, uc(seed)) != 0 || pk != expectedPk)
        return false;
    QByteArray sig(64, Qt::Uninitialized);
    crypto_sign_detached(uc(sig), nullptr, nullptr, 0, sk);
    sodium_memzero(sk, sizeof sk);
    if (sig != expectedSig || crypto_sign_verify_detached(uc(sig), nullptr, 0, uc(pk)) != 0)
        return false;
    sig[10] = char(sig[10] ^ 1);
    return crypto_sign_verify_detached(uc(sig), nullptr, 0, uc(pk)) != 0;
}

// draft-irtf-cfrg-xchacha §A.3.1 (Wycheproof xchacha20_poly1305 tcId 1).
bool xchachaKat()
{
    const QByteArray key = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    const QByteArray nonce = hex("404142434445464748494a4b4c4d4e4f5051525354555657");
    const QByteArray ad = hex("50515253c0c1c2c3c4c5c6c7");
    const QByteArray msg = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
                           "future, sunscreen would be it."_ba;
    const QByteArray expected =
        hex("bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39"
            "ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
            "21f9664c97637da9768812f615c68b13b52ec0875924c1c7987947deafd8780acf49");
    QByteArray ct(msg.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, Qt::Uninitialized);
    unsigned long long ctLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(uc(ct), &ctLen, uc(msg), ull(msg.size()), uc(ad), ull(ad.size()),
                                               nullptr, uc(nonce), uc(key));
    if (ct != expected)
        return false;
    QByteArray pt(msg.size(), Qt::Uninitialized);
    unsigned long long ptLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(uc(pt), &ptLen, nullptr, uc(ct), ull(ct.size()), uc(ad),
                                                   ull(ad.size()), uc(nonce), uc(key)) != 0 ||
        pt != msg)
        return false;
    ct[0] = char(ct[0] ^ 0x80);
    return crypto_aead_xchacha20poly1305_ietf_decrypt(uc(pt), &ptLen, nullptr, uc(ct), ull(ct.size()), uc(ad),
                                                      ull(ad.size()), uc(nonce), uc(key)) != 0;
}

// RFC 7693 Appendix A: BLAKE2b-512("abc").
bool blake2bKat()
{
    QByteArray out(64, Qt::Uninitialized);
    const QByteArray abc = "abc"_ba;
    crypto_generichash(uc(out), 64, uc(abc), 3, nullptr, 0);
    return out == hex("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                      "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

// Fixed inputs shared by the regression vectors below: key a0..bf, secretstream header 10..27,
// ephemeral seed 40..5f, salt 00..0f. The expected bytes were made once with libsodium 1.0.18 and
// match tests/data/crypto's golden vectors' primitives.
QByteArray counting(int first, int count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        out[i] = char(first + i);
    return out;
}

bool boxSealKat()
{
    const QByteArray sk = hex("2d5041945c4da58554a87da7f52fd15b167d20f10505bffe6eb73bc0a7fe8922");
    const QByteArray sealed = hex("f14b5173130a1b80687f273d49e8f4740a793a949b83b105837f2a61e8fee14f39afdb2afd9104094f"
                                  "d2bb2187fd51660d27e79f8a19ca1550727b0449fb187da3d14b9d4a132b7d67c57602d2f719e4");
    QByteArray pk(32, Qt::Uninitialized);
    crypto_scalarmult_base(uc(pk), uc(sk));
    QByteArray out(32, Qt::Uninitialized);
    if (crypto_box_seal_open(uc(out), uc(sealed), ull(sealed.size()), uc(pk), uc(sk)) != 0 ||
        out != "0123456789abcdef0123456789abcdef"_ba)
        return false;
    QByteArray tampered = sealed;
    tampered[40] = char(tampered[40] ^ 4);
    return crypto_box_seal_open(uc(out), uc(tampered), ull(tampered.size()), uc(pk), uc(sk)) != 0;
}

bool secretstreamKat()
{
    const QByteArray key = counting(0xa0, 32);
    const QByteArray header = counting(0x10, 24);
    const QByteArray c1 = hex("cad6ba377040ae7b323a8d55b81f2914e80dd1c9612cb39d0357c565d61afed14c");
    const QByteArray c2 = hex("e61b612b057dadcb6656e98d7df49e692f1f1dd2a870");
    const QByteArray ad = "ad"_ba;
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, uc(header), uc(key)) != 0)
        return false;
    QByteArray m1(c1.size() - 17, Qt::Uninitialized);
    QByteArray m2(c2.size() - 17, Qt::Uninitialized);
    unsigned char tag1 = 0xff;
    unsigned char tag2 = 0xff;
    const bool ok = crypto_secretstream_xchacha20poly1305_pull(&state, uc(m1), nullptr, &tag1, uc(c1), ull(c1.size()),
                                                               uc(ad), ull(ad.size())) == 0 &&
                    crypto_secretstream_xchacha20poly1305_pull(&state, uc(m2), nullptr, &tag2, uc(c2), ull(c2.size()),
                                                               uc(ad), ull(ad.size())) == 0;
    sodium_memzero(&state, sizeof state);
    return ok && m1 == "lotse self-test!"_ba && m2 == "final"_ba &&
           tag1 == crypto_secretstream_xchacha20poly1305_TAG_MESSAGE &&
           tag2 == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
}

bool kdfKat()
{
    const QByteArray key = counting(0xa0, 32);
    QByteArray sub(32, Qt::Uninitialized);
    return crypto_kdf_derive_from_key(uc(sub), 32, 1, "lotsevid", uc(key)) == 0 &&
           sub == hex("019442f40d3c13591413cb69cd0705bc6c35cfb667f9b9ad3a45925a76c81d71");
}

bool argon2idKat()
{
    const QByteArray salt = counting(0, 16);
    QByteArray out(32, Qt::Uninitialized);
    return crypto_pwhash(uc(out), 32, "lotse", 5, uc(salt), 1, 8192, crypto_pwhash_ALG_ARGON2ID13) == 0 &&
           out == hex("299b745ccf0138be03fcc472de63f05e63ca0c373eac31943a25df2e95037d56");
}

bool randomSanity()
{
    QByteArray a(32, Qt::Uninitialized);
    QByteArray b(32, Qt::Uninitialized);
    randombytes_buf(a.data(), 32);
    randombytes_buf(b.data(), 32);
    return a != b && a != QByteArray(32, '\0');
}

} // namespace

QString runSelfTests()
{
    struct Check
    {
        const char16_t *name;
        bool (*run)();
    };
    static constexpr Check checks[] = {
        {u"X25519 (RFC 7748)", x25519Kat},
        {u"Ed25519 (RFC 8032)", ed25519Kat},
        {u"XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha A.3.1)", xchachaKat},
        {u"BLAKE2b (RFC 7693)", blake2bKat},
        {u"crypto_box_seal", boxSealKat},
        {u"crypto_secretstream_xchacha20poly1305", secretstreamKat},
        {u"crypto_kdf", kdfKat},
        {u"Argon2id (crypto_pwhash)", argon2idKat},
        {u"randombytes", randomSanity},
    };
    for (const auto &check : checks) {
        const QString name = QString::fromUtf16(check.name);
        t_corrupt = !s_faultyCheck.isEmpty() && name == s_faultyCheck;
        const bool ok = check.run();
        t_corrupt = false;
        if (!ok)
            return name;
    }
    return {};
}

QStringList selfTestNames()
{
    return {
        u"X25519 (RFC 7748)"_s,  u"Ed25519 (RFC 8032)"_s,       u"XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha A.3.1)"_s,
        u"BLAKE2b (RFC 7693)"_s, u"crypto_box_seal"_s,          u"crypto_secretstream_xchacha20poly1305"_s,
        u"crypto_kdf"_s,         u"Argon2id (crypto_pwhash)"_s, u"randombytes"_s};
}

void injectSelfTestFault(const QString &checkName)
{
    s_faultyCheck = checkName;
}

} // namespace Lotse::Crypto::Internal
