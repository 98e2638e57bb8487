#include "server-stub/Altcha.h"

#include "crypto/Random.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

Altcha::Altcha(QByteArray hmacKey, int maxNumber)
    : m_key(std::move(hmacKey))
    , m_maxNumber(maxNumber)
{}

QString Altcha::sign(const QString &challenge) const
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(challenge.toLatin1(), m_key, QCryptographicHash::Sha256).toHex());
}

QJsonObject Altcha::newChallenge(qint64 now) const
{
    const QString salt =
        QString::fromLatin1(Crypto::randomBytes(12).toHex()) + u"?expires="_s + QString::number(now + lifetimeSeconds);
    // The secret number comes from libsodium's generator like every other unpredictable value.
    const QByteArray random = Crypto::randomBytes(4);
    quint32 value = 0;
    for (const char byte : random)
        value = (value << 8) | quint8(byte);
    const qint64 number = qint64(value % quint32(m_maxNumber + 1));
    const QString challenge = sha256Hex(salt + QString::number(number));
    return {{u"algorithm"_s, u"SHA-256"_s},
            {u"challenge"_s, challenge},
            {u"maxnumber"_s, m_maxNumber},
            {u"salt"_s, salt},
            {u"signature"_s, sign(challenge)}};
}

std::optional<Altcha::Solution> Altcha::verify(const QString &payload, qint64 now) const
{
    if (payload.isEmpty() || payload.size() > 4096)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(payload.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QString algorithm = object.value("algorithm"_L1).toString();
    const QString challenge = object.value("challenge"_L1).toString();
    const QString salt = object.value("salt"_L1).toString();
    const QString signature = object.value("signature"_L1).toString();
    const QJsonValue number = object.value("number"_L1);
    // The widget's test mode solves fake challenges; never accept it.
    if (algorithm != "SHA-256"_L1 || !number.isDouble() || object.value("test"_L1).toBool())
        return std::nullopt;
    const double n = number.toDouble();
    if (n < 0 || n > m_maxNumber || n != double(qint64(n)))
        return std::nullopt;
    const qsizetype question = salt.indexOf(u'?');
    if (question < 0 || salt.size() > 200)
        return std::nullopt;
    bool expiresOk = false;
    const qint64 expiresAt = QUrlQuery(salt.mid(question + 1)).queryItemValue(u"expires"_s).toLongLong(&expiresOk);
    if (!expiresOk || expiresAt <= now || expiresAt > now + lifetimeSeconds)
        return std::nullopt;
    if (!Crypto::constantTimeEquals(signature.toLatin1(), sign(challenge).toLatin1()))
        return std::nullopt;
    if (!Crypto::constantTimeEquals(challenge.toLatin1(), sha256Hex(salt + QString::number(qint64(n))).toLatin1()))
        return std::nullopt;
    return Solution{challenge, expiresAt};
}

} // namespace Lotse::Server
