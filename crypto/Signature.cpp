#include "crypto/Signature.h"

#include "crypto/CanonicalJson.h"

namespace Lotse::Crypto {

Result<QByteArray> signCanonicalJson(const SigningKeyPair &key, const QJsonObject &object)
{
    const auto bytes = CanonicalJson::serialize(object);
    if (!bytes)
        return bytes.error();
    return key.sign(*bytes);
}

Status verifyCanonicalJson(QByteArrayView publicKey, const QJsonObject &object, QByteArrayView signature)
{
    const auto bytes = CanonicalJson::serialize(object);
    if (!bytes)
        return bytes.error();
    return verifyDetached(publicKey, *bytes, signature);
}

} // namespace Lotse::Crypto
