#pragma once

#include "app/SecretStore.h"

#include "crypto/DeviceIdentity.h"
#include "crypto/Keys.h"
#include "crypto/SealedEnvelope.h"

#include <QObject>

#include <memory>

namespace Lotse::Client {

// This device's two key pairs (X25519 for encryption, Ed25519 for signing). Made on first sign-in,
// kept in the SecretStore, never written anywhere else.
class DeviceKeyStore : public QObject
{
    Q_OBJECT

public:
    using DoneCallback = std::function<void(const SecretStatus &status)>;

    explicit DeviceKeyStore(QObject *parent = nullptr);
    ~DeviceKeyStore() override;

    // Reads the keys stored under `entry`; makes and stores new ones when there are none.
    void loadOrCreate(SecretStore *store, const QString &entry, DoneCallback done);
    // Reads existing keys only (NotFound when there are none).
    void load(SecretStore *store, const QString &entry, DoneCallback done);
    void forget();

    [[nodiscard]] bool hasKeys() const { return m_encryption && m_signing; }
    [[nodiscard]] Crypto::DevicePublicKeys publicKeys() const;
    [[nodiscard]] QString encryptionFingerprint() const;
    [[nodiscard]] QString signingFingerprint() const;
    // Opens an envelope sealed to this device's X25519 key; the private key never leaves this class.
    [[nodiscard]] Crypto::Result<QByteArray> openSealed(Crypto::SealPurpose purpose, QByteArrayView context,
                                                        QByteArrayView envelope) const;

    // The stored form: "LDK1" || X25519 secret key (32) || Ed25519 seed (32).
    [[nodiscard]] static QByteArray serialise(const Crypto::EncryptionKeyPair &encryption,
                                              const Crypto::SigningKeyPair &signing);

private:
    bool adopt(const QByteArray &stored);

    std::unique_ptr<Crypto::EncryptionKeyPair> m_encryption;
    std::unique_ptr<Crypto::SigningKeyPair> m_signing;
};

} // namespace Lotse::Client
