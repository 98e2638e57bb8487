#include "crypto/Signature.h"

#include "crypto/CanonicalJson.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto {

namespace {

// FORMAT.md section 9: every signed object has a "purpose" member, a non-empty string.
bool hasPurpose(const QJsonObject &object, std::optional<QStringView> expected)
{
    const QJsonValue purpose = object.value(u"purpose"_s);
    if (!purpose.isString() || purpose.toString().isEmpty())
        return false;
    return !expected || purpose.toString() == *expected;
}

Status verify(QByteArrayView publicKey, const QJsonObject &object, QByteArrayView signature,
              std::optional<QStringView> expectedPurpose)
{
    const auto bytes = CanonicalJson::serialize(object);
    if (!bytes)
        return bytes.error();
    if (auto s = checkSigningPublicKey(publicKey); !s)
        return s;
    if (signature.size() != 64)
        return Error::InvalidLength;
    if (!hasPurpose(object, expectedPurpose))
        return Error::WrongPurpose;
    return verifyDetached(publicKey, *bytes, signature);
}

} // namespace

Result<QByteArray> signCanonicalJson(const SigningKeyPair &key, const QJsonObject &object)
{
    const auto bytes = CanonicalJson::serialize(object);
    if (!bytes)
        return bytes.error();
    if (!hasPurpose(object, std::nullopt))
        return Error::WrongPurpose;
    return key.sign(*bytes);
}

Status verifyCanonicalJson(QByteArrayView publicKey, const QJsonObject &object, QByteArrayView signature,
                           QStringView expectedPurpose)
{
    // An empty expected purpose would accept nothing; it is a caller's mistake, refused the same way.
    return verify(publicKey, object, signature, expectedPurpose);
}

Status verifyCanonicalJson(QByteArrayView publicKey, const QJsonObject &object, QByteArrayView signature)
{
    return verify(publicKey, object, signature, std::nullopt);
}

} // namespace Lotse::Crypto
