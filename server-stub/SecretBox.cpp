#include "server-stub/SecretBox.h"

#include "crypto/Random.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {
constexpr char version = 0x01;
}

SecretBox::~SecretBox()
{
    if (!m_key.isEmpty())
        sodium_memzero(m_key.data(), size_t(m_key.size()));
}

bool SecretBox::loadOrCreate(const QString &keyFile, QString *error)
{
    QFile file(keyFile);
    if (!file.exists()) {
        QSaveFile out(keyFile);
        if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            *error = u"cannot create the server key file %1: %2"_s.arg(keyFile, out.errorString());
            return false;
        }
        const QByteArray key = Crypto::randomBytes(keySize);
        out.write(Crypto::toBase64Url(key).toLatin1() + '\n');
        if (!out.commit()) {
            *error = u"cannot write the server key file %1: %2"_s.arg(keyFile, out.errorString());
            return false;
        }
    }
    const QFileDevice::Permissions forbidden = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                               QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                               QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (QFileInfo(keyFile).permissions() & forbidden) {
        *error = u"the server key file %1 must be readable by its owner only (chmod 600)"_s.arg(keyFile);
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the server key file %1: %2"_s.arg(keyFile, file.errorString());
        return false;
    }
    const auto key = Crypto::fromBase64Url(QString::fromLatin1(file.readAll().trimmed()));
    if (!key || key->size() != keySize) {
        *error = u"the server key file %1 does not hold a 32-byte base64url key"_s.arg(keyFile);
        return false;
    }
    m_key = *key;
    return true;
}

QString SecretBox::encrypt(QByteArrayView plaintext, QByteArrayView associatedData) const
{
    Q_ASSERT(isReady());
    QByteArray out(1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
                       crypto_aead_xchacha20poly1305_ietf_ABYTES,
                   '\0');
    out[0] = version;
    auto *nonce = reinterpret_cast<unsigned char *>(out.data() + 1);
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
        reinterpret_cast<const unsigned char *>(plaintext.data()), size_t(plaintext.size()),
        reinterpret_cast<const unsigned char *>(associatedData.data()), size_t(associatedData.size()), nullptr, nonce,
        reinterpret_cast<const unsigned char *>(m_key.constData()));
    return Crypto::toBase64Url(out);
}

std::optional<QByteArray> SecretBox::decrypt(const QString &sealed, QByteArrayView associatedData) const
{
    const auto bytes = Crypto::fromBase64Url(sealed);
    const qsizetype overhead =
        1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (!isReady() || !bytes || bytes->size() < overhead || bytes->at(0) != version)
        return std::nullopt;
    const auto *nonce = reinterpret_cast<const unsigned char *>(bytes->constData() + 1);
    const auto *cipher = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    const qsizetype cipherSize = bytes->size() - 1 - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    QByteArray plain(cipherSize - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long plainSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &plainSize, nullptr, cipher, size_t(cipherSize),
            reinterpret_cast<const unsigned char *>(associatedData.data()), size_t(associatedData.size()), nonce,
            reinterpret_cast<const unsigned char *>(m_key.constData())) != 0)
        return std::nullopt;
    return plain;
}

QByteArray SecretBox::deriveKey(QByteArrayView purpose) const
{
    Q_ASSERT(isReady());
    const QByteArray message = QByteArrayLiteral("lotse-derive-v1:") + purpose.toByteArray();
    QByteArray out(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()),
                       reinterpret_cast<const unsigned char *>(m_key.constData()), size_t(m_key.size()));
    return out;
}

} // namespace Lotse::Server
