#include "server-stub/Totp.h"

#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QtEndian>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr char base32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

QCryptographicHash::Algorithm hashOf(Totp::Algorithm algorithm)
{
    switch (algorithm) {
    case Totp::Algorithm::Sha256:
        return QCryptographicHash::Sha256;
    case Totp::Algorithm::Sha512:
        return QCryptographicHash::Sha512;
    case Totp::Algorithm::Sha1:
        break;
    }
    return QCryptographicHash::Sha1;
}

} // namespace

QString Totp::codeForStep(QByteArrayView secret, qint64 step, int digitCount, Algorithm algorithm)
{
    QByteArray counter(8, '\0');
    qToBigEndian(quint64(step), counter.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, secret.toByteArray(), hashOf(algorithm));
    // RFC 4226 §5.3 dynamic truncation
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7f) << 24) |
                           (quint32(quint8(mac.at(offset + 1))) << 16) | (quint32(quint8(mac.at(offset + 2))) << 8) |
                           quint32(quint8(mac.at(offset + 3)));
    quint64 modulus = 1;
    for (int i = 0; i < digitCount; ++i)
        modulus *= 10;
    return u"%1"_s.arg(quint64(binary) % modulus, digitCount, 10, QLatin1Char('0'));
}

QString Totp::codeAt(QByteArrayView secret, qint64 unixTime, int digitCount, Algorithm algorithm)
{
    return codeForStep(secret, stepAt(unixTime), digitCount, algorithm);
}

std::optional<qint64> Totp::verify(QByteArrayView secret, QStringView code, qint64 unixTime, qint64 lastUsedStep)
{
    if (code.size() != digits || secret.isEmpty())
        return std::nullopt;
    for (QChar c : code) {
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    }
    const qint64 now = stepAt(unixTime);
    std::optional<qint64> match;
    // Compare every candidate so that the work does not depend on which one matches.
    for (qint64 step = now - 1; step <= now + 1; ++step) {
        const QByteArray expected = codeForStep(secret, step).toLatin1();
        const QByteArray given = code.toLatin1();
        int diff = 0;
        for (int i = 0; i < digits; ++i)
            diff |= expected.at(i) ^ given.at(i);
        if (diff == 0 && step > lastUsedStep && !match)
            match = step;
    }
    return match;
}

QString Totp::toBase32(QByteArrayView bytes)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(base32Alphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(base32Alphabet[(buffer << (5 - bits)) & 0x1f]));
    return out;
}

std::optional<QByteArray> Totp::fromBase32(QStringView text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (QChar c : text) {
        const char upper = char(c.toUpper().unicode());
        const char *pos = c.unicode() < 128 ? std::strchr(base32Alphabet, upper) : nullptr;
        if (!pos || upper == '\0')
            return std::nullopt;
        buffer = (buffer << 5) | quint32(pos - base32Alphabet);
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

QString Totp::otpauthUri(const QString &issuer, const QString &account, QByteArrayView secret)
{
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer + u':' + account, "@:"));
    return u"otpauth://totp/"_s + label + u"?secret="_s + toBase32(secret) + u"&issuer="_s +
           QString::fromLatin1(QUrl::toPercentEncoding(issuer)) + u"&algorithm=SHA1&digits=6&period=30"_s;
}

} // namespace Lotse::Server
