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

Result<QByteArray> decodeField(const QJsonObject &json, const QString &name, qsizetype size, Error wrongSize)
{
    const QJsonValue value = json.value(name);
    if (!value.isString())
        return Error::MalformedInput;
    auto bytes = fromBase64Url(value.toString());
    if (!bytes)
        return Error::MalformedInput;
    if (bytes->size() != size)
        return wrongSize;
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
    if (json.size() != 3)
        return Error::MalformedInput;
    auto x = decodeField(json, u"x25519"_s, 32, Error::InvalidKey);
    if (!x)
        return x.error();
    auto ed = decodeField(json, u"ed25519"_s, 32, Error::InvalidKey);
    if (!ed)
        return ed.error();
    auto sig = decodeField(json, u"signature"_s, 64, Error::InvalidLength);
    if (!sig)
        return sig.error();
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
    return verifyDetached(keys.ed25519, signedBytes(keys.x25519, keys.ed25519), keys.signature);
}

} // namespace Lotse::Crypto
