#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Lotse::Server {

// Encrypts small server-side secrets at rest (today: advisors' TOTP seeds) with the server key,
// XChaCha20-Poly1305 with associated data that binds a ciphertext to its row. The key is 32 random
// bytes, base64url in a file that only the server's user may read (0600).
class SecretBox
{
public:
    SecretBox() = default;
    ~SecretBox();
    SecretBox(const SecretBox &) = delete;
    SecretBox &operator=(const SecretBox &) = delete;

    // Loads the key file, creating it (0600) when it does not exist. Refuses a file that group or
    // others may read, or one with the wrong length.
    [[nodiscard]] bool loadOrCreate(const QString &keyFile, QString *error);
    [[nodiscard]] bool isReady() const { return m_key.size() == keySize; }

    // base64url(version 0x01 || nonce || ciphertext)
    [[nodiscard]] QString encrypt(QByteArrayView plaintext, QByteArrayView associatedData) const;
    [[nodiscard]] std::optional<QByteArray> decrypt(const QString &sealed, QByteArrayView associatedData) const;
    // A 32-byte key for another purpose (e.g. "altcha-hmac"), derived from the server key (keyed BLAKE2b).
    [[nodiscard]] QByteArray deriveKey(QByteArrayView purpose) const;

    static constexpr qsizetype keySize = 32;

private:
    QByteArray m_key;
};

} // namespace Lotse::Server
