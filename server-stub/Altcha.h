#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Lotse::Server {

// ALTCHA proof of work (the npm `altcha` widget's protocol): the server hands out a challenge
// signed with its own HMAC key; the widget finds `number` with SHA-256(salt + number) = challenge
// and posts base64(JSON {algorithm, challenge, number, salt, signature, took}). Single use is the
// caller's job (BookingStore::consumeAltcha, inside the booking's transaction).
class Altcha
{
public:
    static constexpr qint64 lifetimeSeconds = 20 * 60;

    Altcha(QByteArray hmacKey, int maxNumber);

    // {"algorithm", "challenge", "maxnumber", "salt", "signature"}; the salt ends in ?expires=<unix>.
    [[nodiscard]] QJsonObject newChallenge(qint64 now) const;

    struct Solution
    {
        QString challenge; // hex, what single use is keyed on
        qint64 expiresAt = 0;
    };
    // The solution when the payload is well formed, signed by this server, solved and not expired.
    [[nodiscard]] std::optional<Solution> verify(const QString &payload, qint64 now) const;

private:
    [[nodiscard]] QString sign(const QString &challenge) const;

    QByteArray m_key;
    int m_maxNumber;
};

} // namespace Lotse::Server
