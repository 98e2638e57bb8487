#pragma once

#include "server-stub/Api.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Lotse::Server {

// Calls (issue 7) over HTTP: short-lived TURN credentials for a room's participants, in coturn's
// REST form (`use-auth-secret`): username "<expiry>:<random>", credential base64(HMAC-SHA1(secret,
// username)). The username names no one, so the TURN server's logs tie no address to a person.
class CallEndpoints
{
public:
    CallEndpoints(Api &api, const ServerConfig &config);

    // Answers GET rooms/{id}/turn (advisor session) and visitor/room/turn (capability);
    // std::nullopt for any other path.
    [[nodiscard]] std::optional<Response> dispatch(const Request &request, const QStringList &segments);

    // Whether `path` is a TURN credential path (its caller's address is a call participant's).
    [[nodiscard]] static bool isCallPath(const QString &path);

    // The iceServers answer at `now` (seconds since the epoch); also used by the tests.
    [[nodiscard]] QJsonObject turnJson(qint64 now) const;

private:
    Api &m_api;
    QByteArray m_secret;
    QStringList m_urls;
    qint64 m_ttlSeconds;
    bool m_relayOnly;
};

} // namespace Lotse::Server
