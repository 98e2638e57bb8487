#include "crypto/DeviceIdentity.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Random.h"

using namespace Qt::StringLiterals;

namespace Lotse::Crypto {

namespace {

constexpr auto devicePurpose = "lotse-device-v1";

QByteArray signedBytes(QByteArrayView x25519, QByteArrayView ed25519)
{
    const QJsonObject statement{
        {u"ed25519"_s, toBase64Url(ed25519)},
        {u"purpose"_s, QString::fromLatin1(devicePurpose)},
        {u"x25519"_s, toBase64Url(x25519)},
    };
    // Only base64url and ASCII strings: serialising cannot fail.
    return CanonicalJson::serialize(statement).value();
}

Result<QByteArray> decodeField(const QJsonObject &json, const QString &name)
{
    const QJsonValue value = json.value(name);
    if (!value.isString())
        return Error::MalformedInput;
    auto bytes = fromBase64Url(value.toString());
    if (!bytes)
        return Error::MalformedInput;
    return *bytes;
}

} // namespace

QJsonObject DevicePublicKeys::toJson() const
{
    return QJsonObject{
        {u"ed25519"_s, toBase64Url(ed25519)},
        {u"signature"_s, toBase64Url(signature)},
        {u"x25519"_s, toBase64Url(x25519)},
    };
}

Result<DevicePublicKeys> DevicePublicKeys::fromJson(const QJsonObject &json)
{
    // FORMAT.md section 9, in the listed order whatever else is wrong: the shape and every
    // member's base64url first, then both keys, then the signature's length.
    if (json.size() != 3)
        return Error::MalformedInput;
    auto x = decodeField(json, u"x25519"_s);
    auto ed = decodeField(json, u"ed25519"_s);
    auto sig = decodeField(json, u"signature"_s);
    if (!x || !ed || !sig)
        return Error::MalformedInput;
    if (auto s = checkEncryptionPublicKey(*x); !s)
        return s.error();
    if (auto s = checkSigningPublicKey(*ed); !s)
        return s.error();
    if (sig->size() != 64)
        return Error::InvalidLength;
    return DevicePublicKeys{*x, *ed, *sig};
}

DevicePublicKeys signDeviceKeys(const EncryptionKeyPair &encryption, const SigningKeyPair &signing)
{
    const QByteArray x = encryption.publicKey();
    const QByteArray ed = signing.publicKey();
    return DevicePublicKeys{x, ed, signing.sign(signedBytes(x, ed))};
}

Status verifyDeviceKeys(const DevicePublicKeys &keys)
{
    if (auto s = checkEncryptionPublicKey(keys.x25519); !s)
        return s;
    if (auto s = checkSigningPublicKey(keys.ed25519); !s)
        return s;
    // verifyDetached: InvalidLength for a signature not of 64 bytes, then BadSignature.
    return verifyDetached(keys.ed25519, signedBytes(keys.x25519, keys.ed25519), keys.signature);
}

} // namespace Lotse::Crypto
