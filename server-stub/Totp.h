#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace Lotse::Server {

// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP). Lotse uses SHA-1, 6 digits and
// 30-second steps, which every common authenticator app understands; the other algorithms exist
// for the RFC's test vectors.
class Totp
{
public:
    enum class Algorithm
    {
        Sha1,
        Sha256,
        Sha512
    };
    static constexpr int period = 30;
    static constexpr int digits = 6;

    [[nodiscard]] static qint64 stepAt(qint64 unixTime) { return unixTime / period; }
    [[nodiscard]] static QString codeForStep(QByteArrayView secret, qint64 step, int digitCount = digits,
                                             Algorithm algorithm = Algorithm::Sha1);
    [[nodiscard]] static QString codeAt(QByteArrayView secret, qint64 unixTime, int digitCount = digits,
                                        Algorithm algorithm = Algorithm::Sha1);
    // The step that `code` matches within ±1 step of `unixTime` and that is newer than
    // `lastUsedStep` (a used code never works twice); std::nullopt otherwise.
    [[nodiscard]] static std::optional<qint64> verify(QByteArrayView secret, QStringView code, qint64 unixTime,
                                                      qint64 lastUsedStep);

    // RFC 4648 base32 without padding (what authenticator apps expect in otpauth URIs).
    [[nodiscard]] static QString toBase32(QByteArrayView bytes);
    [[nodiscard]] static std::optional<QByteArray> fromBase32(QStringView text);
    [[nodiscard]] static QString otpauthUri(const QString &issuer, const QString &account, QByteArrayView secret);
};

} // namespace Lotse::Server
