#pragma once

#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Lotse::Crypto {

// Secret key material in libsodium's guarded memory (sodium_malloc: guard pages, mlock), wiped on
// destruction. Move-only. The only class in Lotse that holds a private key.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(qsizetype size); // zero-filled
    static SecretBytes fromBytes(QByteArrayView bytes);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    ~SecretBytes();

    [[nodiscard]] qsizetype size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    [[nodiscard]] const unsigned char *data() const { return m_data; }
    [[nodiscard]] unsigned char *data() { return m_data; }
    // A copy in an ordinary QByteArray, for handing to the keychain. Wipe it after use.
    [[nodiscard]] QByteArray toByteArray() const;

private:
    unsigned char *m_data = nullptr;
    qsizetype m_size = 0;
};

// X25519 key pair for encryption (crypto_box / crypto_box_seal).
class EncryptionKeyPair
{
public:
    [[nodiscard]] static EncryptionKeyPair generate();
    // From the 32-byte secret key; the public key is recomputed.
    [[nodiscard]] static Result<EncryptionKeyPair> fromSecretKey(QByteArrayView secretKey);

    [[nodiscard]] QByteArray publicKey() const { return m_public; }
    [[nodiscard]] const SecretBytes &secretKey() const { return m_secret; }

private:
    QByteArray m_public;
    SecretBytes m_secret;
};

// Ed25519 key pair for signatures.
class SigningKeyPair
{
public:
    [[nodiscard]] static SigningKeyPair generate();
    // From the 32-byte seed; the public key is recomputed.
    [[nodiscard]] static Result<SigningKeyPair> fromSeed(QByteArrayView seed);

    [[nodiscard]] QByteArray publicKey() const { return m_public; }
    [[nodiscard]] const SecretBytes &seed() const { return m_seed; }
    // Detached 64-byte signature.
    [[nodiscard]] QByteArray sign(QByteArrayView message) const;

private:
    QByteArray m_public;
    SecretBytes m_seed;
    SecretBytes m_secret; // libsodium's 64-byte expanded form
};

// InvalidKey (the public key fails checkSigningPublicKey), InvalidLength (signature not 64 bytes),
// BadSignature.
[[nodiscard]] Status verifyDetached(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

// Public-key checks for keys that arrive from elsewhere (server registration, a browser's key).
// X25519: 32 bytes and not of small order (a shared secret with it would be all zero).
[[nodiscard]] Status checkEncryptionPublicKey(QByteArrayView publicKey);
// Ed25519: 32 bytes, a canonical encoding of a point in the prime-order subgroup.
[[nodiscard]] Status checkSigningPublicKey(QByteArrayView publicKey);

// Key id: the first 16 bytes of BLAKE2b-256 over "lotse-keyid-v1" || public key (FORMAT.md).
[[nodiscard]] QByteArray keyId(QByteArrayView publicKey);
// Human-readable fingerprint for display: groups of four uppercase hex digits.
[[nodiscard]] QString fingerprint(QByteArrayView publicKey);

} // namespace Lotse::Crypto
