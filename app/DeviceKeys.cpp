#include "app/DeviceKeys.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
constexpr QByteArrayView Magic = "LDK1";
constexpr qsizetype KeySize = 32;
} // namespace

DeviceKeyStore::DeviceKeyStore(QObject *parent)
    : QObject(parent)
{}

DeviceKeyStore::~DeviceKeyStore() = default;

QByteArray DeviceKeyStore::serialise(const Crypto::EncryptionKeyPair &encryption, const Crypto::SigningKeyPair &signing)
{
    QByteArray stored;
    stored.reserve(Magic.size() + 2 * KeySize);
    stored.append(Magic);
    stored.append(reinterpret_cast<const char *>(encryption.secretKey().data()), encryption.secretKey().size());
    stored.append(reinterpret_cast<const char *>(signing.seed().data()), signing.seed().size());
    return stored;
}

bool DeviceKeyStore::adopt(const QByteArray &stored)
{
    if (stored.size() != Magic.size() + 2 * KeySize || !stored.startsWith(Magic))
        return false;
    auto encryption = Crypto::EncryptionKeyPair::fromSecretKey(QByteArrayView(stored).sliced(Magic.size(), KeySize));
    auto signing = Crypto::SigningKeyPair::fromSeed(QByteArrayView(stored).sliced(Magic.size() + KeySize, KeySize));
    if (!encryption || !signing)
        return false;
    m_encryption = std::make_unique<Crypto::EncryptionKeyPair>(std::move(encryption).value());
    m_signing = std::make_unique<Crypto::SigningKeyPair>(std::move(signing).value());
    return true;
}

void DeviceKeyStore::load(SecretStore *store, const QString &entry, DoneCallback done)
{
    QPointer<DeviceKeyStore> self(this);
    store->read(entry, [self, done = std::move(done)](const QByteArray &stored, const SecretStatus &status) {
        QByteArray copy = stored;
        if (!self)
            return;
        if (!status.ok()) {
            done(status);
        } else if (!self->adopt(copy)) {
            done({SecretStatus::Kind::Failed, tr("the stored device keys are damaged")});
        } else {
            done({});
        }
        copy.fill('\0');
    });
}

void DeviceKeyStore::loadOrCreate(SecretStore *store, const QString &entry, DoneCallback done)
{
    QPointer<DeviceKeyStore> self(this);
    QPointer<SecretStore> target(store);
    load(store, entry, [self, target, entry, done = std::move(done)](const SecretStatus &status) {
        if (!self || !target)
            return;
        if (status.kind != SecretStatus::Kind::NotFound)
            return done(status);
        auto encryption = Crypto::EncryptionKeyPair::generate();
        auto signing = Crypto::SigningKeyPair::generate();
        QByteArray stored = serialise(encryption, signing);
        target->write(entry, stored, [self, stored, done](const SecretStatus &written) mutable {
            SecretStatus result = written;
            if (self && result.ok() && !self->adopt(stored))
                result = {SecretStatus::Kind::Failed, tr("the new device keys could not be read back")};
            stored.fill('\0');
            done(result);
        });
        stored.fill('\0');
    });
}

void DeviceKeyStore::forget()
{
    m_encryption.reset();
    m_signing.reset();
}

Crypto::DevicePublicKeys DeviceKeyStore::publicKeys() const
{
    Q_ASSERT(hasKeys());
    return Crypto::signDeviceKeys(*m_encryption, *m_signing);
}

QString DeviceKeyStore::encryptionFingerprint() const
{
    return m_encryption ? Crypto::fingerprint(m_encryption->publicKey()) : QString();
}

QString DeviceKeyStore::signingFingerprint() const
{
    return m_signing ? Crypto::fingerprint(m_signing->publicKey()) : QString();
}

Crypto::Result<QByteArray> DeviceKeyStore::openSealed(Crypto::SealPurpose purpose, QByteArrayView context,
                                                      QByteArrayView envelope) const
{
    if (!m_encryption)
        return Crypto::Error::InvalidKey;
    return Crypto::SealedEnvelope::open(*m_encryption, purpose, context, envelope);
}

} // namespace Lotse::Client
