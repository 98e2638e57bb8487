#include "crypto/Keys.h"

#include "crypto/internal/Sodium.h"

#include <new>
#include <utility>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto {

using namespace Internal;

SecretBytes::SecretBytes(qsizetype size)
{
    if (size <= 0)
        return;
    ensureSodium();
    m_data = static_cast<unsigned char *>(sodium_malloc(static_cast<size_t>(size)));
    if (!m_data)
        throw std::bad_alloc();
    sodium_memzero(m_data, static_cast<size_t>(size));
    m_size = size;
}

SecretBytes SecretBytes::fromBytes(QByteArrayView bytes)
{
    SecretBytes s(bytes.size());
    if (!bytes.isEmpty())
        memcpy(s.m_data, bytes.data(), static_cast<size_t>(bytes.size()));
    return s;
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        SecretBytes old(std::move(*this));
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    if (m_data) {
        sodium_memzero(m_data, static_cast<size_t>(m_size));
        sodium_free(m_data);
    }
}

QByteArray SecretBytes::toByteArray() const
{
    return QByteArray(reinterpret_cast<const char *>(m_data), m_size);
}

EncryptionKeyPair EncryptionKeyPair::generate()
{
    ensureSodium();
    EncryptionKeyPair pair;
    pair.m_public = QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    pair.m_secret = SecretBytes(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(uc(pair.m_public), pair.m_secret.data());
    return pair;
}

Result<EncryptionKeyPair> EncryptionKeyPair::fromSecretKey(QByteArrayView secretKey)
{
    if (secretKey.size() != crypto_box_SECRETKEYBYTES)
        return Error::InvalidKey;
    EncryptionKeyPair pair;
    pair.m_secret = SecretBytes::fromBytes(secretKey);
    pair.m_public = QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    if (crypto_scalarmult_base(uc(pair.m_public), pair.m_secret.data()) != 0)
        return Error::InvalidKey;
    return pair;
}

SigningKeyPair SigningKeyPair::generate()
{
    ensureSodium();
    SecretBytes seed(crypto_sign_SEEDBYTES);
    randombytes_buf(seed.data(), crypto_sign_SEEDBYTES);
    auto pair = fromSeed(QByteArrayView(seed.data(), seed.size()));
    return std::move(pair).value();
}

Result<SigningKeyPair> SigningKeyPair::fromSeed(QByteArrayView seed)
{
    if (seed.size() != crypto_sign_SEEDBYTES)
        return Error::InvalidKey;
    ensureSodium();
    SigningKeyPair pair;
    pair.m_seed = SecretBytes::fromBytes(seed);
    pair.m_secret = SecretBytes(crypto_sign_SECRETKEYBYTES);
    pair.m_public = QByteArray(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    if (crypto_sign_seed_keypair(uc(pair.m_public), pair.m_secret.data(), pair.m_seed.data()) != 0)
        return Error::InvalidKey;
    return pair;
}

QByteArray SigningKeyPair::sign(QByteArrayView message) const
{
    QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(uc(sig), nullptr, uc(message), ull(message.size()), m_secret.data());
    return sig;
}

Status verifyDetached(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    // FORMAT.md section 3: a received key must be canonical, not of small order and in the
    // prime-order subgroup. crypto_sign_verify_detached refuses small-order keys only, and would
    // accept signatures under a key with a torsion component.
    if (auto s = checkSigningPublicKey(publicKey); !s)
        return s;
    if (signature.size() != crypto_sign_BYTES)
        return Error::InvalidLength;
    ensureSodium();
    if (crypto_sign_verify_detached(uc(signature), uc(message), ull(message.size()), uc(publicKey)) != 0)
        return Error::BadSignature;
    return Ok{};
}

Status checkEncryptionPublicKey(QByteArrayView publicKey)
{
    if (publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return Error::InvalidKey;
    ensureSodium();
    // A small-order point gives the all-zero result for every (clamped) scalar; libsodium's
    // crypto_scalarmult refuses exactly that.
    SecretBytes scalar(crypto_scalarmult_SCALARBYTES);
    randombytes_buf(scalar.data(), static_cast<size_t>(scalar.size()));
    SecretBytes shared(crypto_scalarmult_BYTES);
    if (crypto_scalarmult(shared.data(), scalar.data(), uc(publicKey)) != 0)
        return Error::InvalidKey;
    return Ok{};
}

Status checkSigningPublicKey(QByteArrayView publicKey)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return Error::InvalidKey;
    ensureSodium();
    if (crypto_core_ed25519_is_valid_point(uc(publicKey)) != 1)
        return Error::InvalidKey;
    return Ok{};
}

QByteArray keyId(QByteArrayView publicKey)
{
    ensureSodium();
    static constexpr char domain[] = "lotse-keyid-v1";
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(domain), sizeof(domain) - 1);
    crypto_generichash_update(&state, uc(publicKey), ull(publicKey.size()));
    QByteArray digest(32, Qt::Uninitialized);
    crypto_generichash_final(&state, uc(digest), 32);
    return digest.left(16);
}

QString fingerprint(QByteArrayView publicKey)
{
    const QByteArray hex = keyId(publicKey).toHex().toUpper();
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += 4) {
        if (i > 0)
            out += u' ';
        out += QLatin1StringView(hex.mid(i, 4));
    }
    return out;
}

} // namespace Lotse::Crypto
