#pragma once

// Shared by the vector generators and verifiers (crypto/tools/Vectors*.cpp); not a public API.

#include "crypto/CanonicalJson.h"
#include "crypto/Keys.h"
#include "crypto/Result.h"
#include "crypto/internal/Primitives.h"
#include "crypto/tools/Vectors.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Lotse::Crypto::Vectors::Detail {

using namespace Qt::StringLiterals;

inline constexpr auto formatName = "lotse-crypto-vectors-v1";

// Fixed "random" bytes for a vector: BLAKE2b of a label, so every run makes the same files.
inline QByteArray fixed(const QByteArray &label, qsizetype size = 32)
{
    return Internal::blake2b(QByteArray("lotse-vector:" + label), size);
}

inline SecretBytes secret(QByteArrayView bytes)
{
    return SecretBytes::fromBytes(bytes);
}

inline QJsonValue hex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

inline QByteArray unhex(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

inline QJsonValue u64Json(quint64 v)
{
    if (v > quint64(CanonicalJson::MaxSafeInteger))
        return QString::number(v);
    return QJsonValue(qint64(v));
}

inline quint64 u64(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toULongLong();
    return quint64(value.toInteger());
}

inline QByteArray flipBit(QByteArray bytes, qsizetype bit)
{
    bytes[bit / 8] = char(bytes[bit / 8] ^ (1 << (bit % 8)));
    return bytes;
}

inline QJsonObject document(const QString &kind, const QJsonArray &vectors)
{
    return QJsonObject{
        {u"format"_s, QString::fromLatin1(formatName)},
        {u"kind"_s, kind},
        {u"producer"_s, u"lotse-crypto-vectors (C++, libsodium 1.0.18)"_s},
        {u"vectors"_s, vectors},
    };
}

inline QJsonObject vector(const QString &name, const QString &expect, QJsonObject fields)
{
    fields.insert(u"name"_s, name);
    fields.insert(u"expect"_s, expect);
    return fields;
}

template<typename T>
inline QString outcome(const Result<T> &result)
{
    return result ? u"ok"_s : errorName(result.error());
}

// Collects failures for one vector.
class Check
{
public:
    Check(VerifyReport &report, QString kind, QString name)
        : m_report(report)
        , m_prefix(kind + u'/' + name + u": "_s)
    {
        ++m_report.checked;
    }
    void fail(const QString &what) { m_report.failures.append(m_prefix + what); }
    bool expect(const QString &expected, const QString &actual)
    {
        if (expected == actual)
            return true;
        fail(u"expected "_s + expected + u", got "_s + actual);
        return false;
    }
    void equal(const char *field, QByteArrayView expected, QByteArrayView actual)
    {
        if (expected != actual)
            fail(QString::fromLatin1(field) + u" differs: expected "_s +
                 QString::fromLatin1(expected.toByteArray().toHex()) + u", got "_s +
                 QString::fromLatin1(actual.toByteArray().toHex()));
    }

private:
    VerifyReport &m_report;
    QString m_prefix;
};

// One generator and one verifier per kind, in VectorsEnvelopes.cpp and VectorsOther.cpp.
QJsonObject generateKeys();
void verifyKeys(const QJsonObject &v, Check &check);
QJsonObject generateRecord();
void verifyRecord(const QJsonObject &v, Check &check);
QJsonObject generateReplay();
void verifyReplay(const QJsonObject &v, Check &check);
QJsonObject generateSealed();
void verifySealed(const QJsonObject &v, Check &check);
QJsonObject generateFileStream();
void verifyFileStream(const QJsonObject &v, Check &check);
QJsonObject generateCanonicalJson();
void verifyCanonicalJson(const QJsonObject &v, Check &check);
QJsonObject generateSignature();
void verifySignature(const QJsonObject &v, Check &check);
QJsonObject generateDevice();
void verifyDevice(const QJsonObject &v, Check &check);
QJsonObject generateKdf();
void verifyKdf(const QJsonObject &v, Check &check);
QJsonObject generateSas();
void verifySas(const QJsonObject &v, Check &check);
QJsonObject generatePwhash();
void verifyPwhash(const QJsonObject &v, Check &check);
QJsonObject generateBase64Url();
void verifyBase64Url(const QJsonObject &v, Check &check);

} // namespace Lotse::Crypto::Vectors::Detail
