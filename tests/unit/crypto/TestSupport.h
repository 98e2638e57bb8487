#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"
#include "crypto/tools/Vectors.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

// Small helpers shared by the crypto tests.
namespace Lotse::Crypto::TestSupport {

inline QString dataPath(const QString &relative)
{
    const QString root = qEnvironmentVariable("LOTSE_SOURCE_DIR");
    const QString base = root.isEmpty() ? QStringLiteral(LOTSE_TEST_DATA_DIR) : root + QStringLiteral("/tests/data");
    return base + u'/' + relative;
}

inline QJsonObject readJson(const QString &relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// A golden vector file, read the way lotse-crypto-vectors reads it.
inline QJsonObject readVectorFile(const QString &relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto doc = Vectors::readDocument(file.readAll());
    return doc ? *doc : QJsonObject();
}

inline SecretBytes secret(QByteArrayView bytes)
{
    return SecretBytes::fromBytes(bytes);
}

inline QByteArray flipBit(QByteArray bytes, qsizetype bit)
{
    bytes[bit / 8] = char(bytes[bit / 8] ^ (1 << (bit % 8)));
    return bytes;
}

// The error of a failed result as its FORMAT.md name, or "ok".
template<typename T>
QString outcome(const Result<T> &result)
{
    return result ? QStringLiteral("ok") : Vectors::errorName(result.error());
}

} // namespace Lotse::Crypto::TestSupport
