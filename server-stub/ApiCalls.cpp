// Calls over HTTP (API.md, "Calls (issue 7)"): TURN credentials for the participants of a room.
#include "server-stub/CallEndpoints.h"

#include "server-stub/JsonLog.h"
#include "server-stub/RoomEndpoints.h"

#include "crypto/Random.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString bearer(const Request &request)
{
    const QByteArray authorization = request.header("authorization");
    return authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
}

} // namespace

CallEndpoints::CallEndpoints(Api &api, const ServerConfig &config)
    : m_api(api)
    , m_secret(config.turnSharedSecret.toUtf8())
    , m_urls(config.turnUrls)
    , m_ttlSeconds(config.turnTtlSeconds)
    , m_relayOnly(config.turnRelayOnly)
{}

QJsonObject CallEndpoints::turnJson(qint64 now) const
{
    QJsonArray servers;
    if (!m_secret.isEmpty() && !m_urls.isEmpty()) {
        const qint64 expiry = now + m_ttlSeconds;
        // A random user part: two credentials never share a username, and none carries an id.
        const QString username = QString::number(expiry) + u':' +
                                 QString::fromLatin1(Crypto::randomBytes(12).toBase64(QByteArray::Base64UrlEncoding));
        const QByteArray credential =
            QMessageAuthenticationCode::hash(username.toUtf8(), m_secret, QCryptographicHash::Sha1).toBase64();
        servers.append(QJsonObject{{u"urls"_s, QJsonArray::fromStringList(m_urls)},
                                   {u"username"_s, username},
                                   {u"credential"_s, QString::fromLatin1(credential)}});
    }
    return {{u"iceServers"_s, servers},
            {u"iceTransportPolicy"_s, m_relayOnly && !servers.isEmpty() ? u"relay"_s : u"all"_s},
            {u"expiresAt"_s,
             servers.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(Rooms::isoUtc(now + m_ttlSeconds))}};
}

bool CallEndpoints::isCallPath(const QString &path)
{
    const QStringList segments = path.split(u'/');
    // "", api, v1, rooms, {id}, turn or "", api, v1, visitor, room, turn
    return segments.size() == 6 && segments.at(1) == "api"_L1 && segments.at(2) == "v1"_L1 &&
           segments.at(5) == "turn"_L1 &&
           (segments.at(3) == "rooms"_L1 || (segments.at(3) == "visitor"_L1 && segments.at(4) == "room"_L1));
}

std::optional<Response> CallEndpoints::dispatch(const Request &request, const QStringList &segments)
{
    const bool advisorPath = segments.size() == 3 && segments.at(0) == "rooms"_L1 && segments.at(2) == "turn"_L1;
    const bool visitorPath = segments == QStringList{u"visitor"_s, u"room"_s, u"turn"_s};
    if (!advisorPath && !visitorPath)
        return std::nullopt;
    if (request.method != "GET" && request.method != "HEAD") {
        Response response =
            Response::error(405, u"method_not_allowed"_s, u"This address does not accept that method."_s);
        response.setHeader("Allow", "GET, HEAD");
        return response;
    }
    Rooms &rooms = m_api.rooms().rooms();
    std::optional<RoomRecord> room;
    QString participant;
    if (advisorPath) {
        Response failure;
        const auto caller = m_api.authenticate(bearer(request), &failure);
        if (!caller) {
            if (failure.status == 401)
                failure.setHeader("WWW-Authenticate", "Bearer");
            return failure;
        }
        room = rooms.roomOfOrganisation(caller->advisor.organisation.id, segments.at(1));
        participant = u"advisor:"_s + caller->advisor.id;
    } else {
        if (const qint64 wait = m_api.m_publicPerIp.hit(u"ip:"_s + request.remoteAddress); wait > 0) {
            Response response = Response::error(429, u"rate_limited"_s,
                                                u"Too many requests from here. Please wait a little and try again."_s);
            response.setHeader("Retry-After", QByteArray::number(wait));
            return response;
        }
        rooms.expireInterpreters();
        const auto resolved = rooms.resolveCapability(bearer(request));
        if (!resolved.visitor)
            return Rooms::capabilityRefused(resolved.error);
        room = rooms.roomOfVisitor(*resolved.visitor);
        participant = resolved.visitor->role();
    }
    if (!room)
        return Response::error(404, u"room_not_found"_s, u"There is no such room."_s);
    const QJsonObject answer = turnJson(m_api.now());
    // The address that will talk to the TURN server: kept apart, for retention (API.md "Calls").
    if (!answer.value("iceServers"_L1).toArray().isEmpty() &&
        !rooms.store().recordCallAddress(room->id, participant, u"turn"_s, request.remoteAddress, m_api.now()))
        JsonLog::error(u"call_address_failed"_s, {{u"source"_s, u"turn"_s}});
    return Response::json(200, answer);
}

} // namespace Lotse::Server
