#include "crypto/FieldCipher.h"

#include "crypto/internal/Primitives.h"
#include "crypto/internal/Sodium.h"

namespace Lotse::Crypto {

using namespace Internal;

namespace {
constexpr qsizetype NonceSize = 24;

QByteArray associatedData(QByteArrayView ad)
{
    QByteArray out("lotse-field-v1");
    out.append(char(FieldCipher::Version));
    out.append(ad);
    return out;
}
} // namespace

Result<QByteArray> FieldCipher::seal(const SecretBytes &key, QByteArrayView ad, QByteArrayView plaintext)
{
    if (key.size() != KeySize)
        return Error::InvalidKey;
    if (plaintext.size() > MaxPlaintextSize)
        return Error::TooLarge;
    ensureSodium();
    QByteArray out(1 + NonceSize, Qt::Uninitialized);
    out[0] = char(Version);
    randombytes_buf(out.data() + 1, NonceSize);
    const QByteArray fullAd = associatedData(ad);
    out.resize(Overhead + plaintext.size());
    crypto_aead_xchacha20poly1305_ietf_encrypt(uc(out) + 1 + NonceSize, nullptr, uc(plaintext), ull(plaintext.size()),
                                               uc(fullAd), ull(fullAd.size()), nullptr, uc(out) + 1, key.data());
    return out;
}

Result<QByteArray> FieldCipher::open(const SecretBytes &key, QByteArrayView ad, QByteArrayView field)
{
    if (key.size() != KeySize)
        return Error::InvalidKey;
    if (field.isEmpty())
        return Error::InvalidLength;
    if (quint8(field.at(0)) != Version)
        return Error::UnsupportedVersion;
    if (field.size() < Overhead)
        return Error::InvalidLength;
    return aeadDecrypt(QByteArrayView(key.data(), key.size()), field.sliced(1, NonceSize), associatedData(ad),
                       field.sliced(1 + NonceSize));
}

} // namespace Lotse::Crypto
