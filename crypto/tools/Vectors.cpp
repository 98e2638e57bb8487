#include "crypto/tools/Vectors.h"

#include "crypto/internal/Primitives.h"
#include "crypto/tools/VectorSupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto::Vectors {

using namespace Detail;

namespace {

struct Kind
{
    const char16_t *kind;
    const char16_t *fileName;
    QJsonObject (*generate)();
    void (*verify)(const QJsonObject &, Check &);
};

constexpr Kind kinds[] = {
    {u"keys", u"keys.json", generateKeys, verifyKeys},
    {u"record", u"record.json", generateRecord, verifyRecord},
    {u"replay", u"replay.json", generateReplay, verifyReplay},
    {u"sealed", u"sealed.json", generateSealed, verifySealed},
    {u"filestream", u"filestream.json", generateFileStream, verifyFileStream},
    {u"canonical-json", u"canonical-json.json", generateCanonicalJson, verifyCanonicalJson},
    {u"signature", u"signature.json", generateSignature, verifySignature},
    {u"device", u"device.json", generateDevice, verifyDevice},
    {u"kdf", u"kdf.json", generateKdf, verifyKdf},
    {u"sas", u"sas.json", generateSas, verifySas},
    {u"pwhash", u"pwhash.json", generatePwhash, verifyPwhash},
    {u"base64url", u"base64url.json", generateBase64Url, verifyBase64Url},
};

} // namespace

QString errorName(Error error)
{
    switch (error) {
    case Error::NotInitialised:
        return u"NotInitialised"_s;
    case Error::SelfTestFailed:
        return u"SelfTestFailed"_s;
    case Error::OutOfMemory:
        return u"OutOfMemory"_s;
    case Error::InvalidKey:
        return u"InvalidKey"_s;
    case Error::InvalidLength:
        return u"InvalidLength"_s;
    case Error::MalformedInput:
        return u"MalformedInput"_s;
    case Error::UnsupportedVersion:
        return u"UnsupportedVersion"_s;
    case Error::WrongPurpose:
        return u"WrongPurpose"_s;
    case Error::AuthenticationFailed:
        return u"AuthenticationFailed"_s;
    case Error::NotARecipient:
        return u"NotARecipient"_s;
    case Error::Replayed:
        return u"Replayed"_s;
    case Error::OutOfOrder:
        return u"OutOfOrder"_s;
    case Error::Truncated:
        return u"Truncated"_s;
    case Error::TrailingData:
        return u"TrailingData"_s;
    case Error::TooLarge:
        return u"TooLarge"_s;
    case Error::BadSignature:
        return u"BadSignature"_s;
    case Error::InvalidJson:
        return u"InvalidJson"_s;
    case Error::PasswordHashFailed:
        return u"PasswordHashFailed"_s;
    }
    return u"Unknown"_s;
}

std::optional<Error> errorFromName(const QString &name)
{
    for (int i = 0; i <= int(Error::PasswordHashFailed); ++i) {
        if (errorName(Error(i)) == name)
            return Error(i);
    }
    return std::nullopt;
}

Result<QJsonObject> readDocument(QByteArrayView bytes)
{
    const auto value = Internal::parseJsonSubset(bytes, qsizetype(256) << 20, true);
    if (!value)
        return value.error();
    if (!value->isObject())
        return Error::MalformedInput;
    return value->toObject();
}

QList<VectorFile> generateAll()
{
    QList<VectorFile> files;
    for (const auto &kind : kinds)
        files.append({QString::fromUtf16(kind.fileName), kind.generate()});
    return files;
}

VerifyReport verifyDocument(const QJsonObject &doc)
{
    VerifyReport report;
    if (doc.value(u"format"_s).toString() != QLatin1StringView(formatName)) {
        report.failures.append(u"not a lotse-crypto-vectors-v1 file"_s);
        return report;
    }
    const QString kindName = doc.value(u"kind"_s).toString();
    const Kind *kind = nullptr;
    for (const auto &k : kinds) {
        if (kindName == QStringView(k.kind))
            kind = &k;
    }
    if (!kind) {
        report.failures.append(u"unknown kind "_s + kindName);
        return report;
    }
    const QJsonArray vectors = doc.value(u"vectors"_s).toArray();
    if (vectors.isEmpty())
        report.failures.append(u"no vectors"_s);
    for (const QJsonValue value : vectors) {
        const QJsonObject v = value.toObject();
        Check check(report, kindName, v.value(u"name"_s).toString());
        const QString expect = v.value(u"expect"_s).toString();
        if (expect != u"ok"_s && !errorFromName(expect)) {
            check.fail(u"bad expect "_s + expect);
            continue;
        }
        kind->verify(v, check);
    }
    return report;
}

} // namespace Lotse::Crypto::Vectors
