#include "server-stub/Api.h"

#include "server-stub/BookingEndpoints.h"
#include "server-stub/CallAddresses.h"
#include "server-stub/CallEndpoints.h"
#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/RoomEndpoints.h"
#include "server-stub/SecretBox.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr auto apiPrefix = "/api/v1/"_L1;

void addSecurityHeaders(Response &response)
{
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
}

Response methodNotAllowed(const QByteArray &allowed)
{
    Response response = Response::error(405, u"method_not_allowed"_s, u"This address does not accept that method."_s);
    response.setHeader("Allow", allowed);
    return response;
}

bool isWrite(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

} // namespace

Api::Api(Store &store, const Models::Clock &clock, const SecretBox &secrets, const ServerConfig &config)
    : m_store(store)
    , m_clock(clock)
    , m_secrets(secrets)
    , m_loginPerIp(clock, config.loginFailuresPerIp, config.loginWindowSeconds)
    , m_loginPerAccount(clock, config.loginFailuresPerAccount, config.loginWindowSeconds)
    , m_publicPerIp(clock, config.publicRequestsPerMinute, 60)
    , m_publicPerOrg(clock, config.publicRequestsPerMinute * 20, 60)
    , m_slots(store, clock)
    , m_servesTls(!config.tlsCertificate.isEmpty())
    , m_publicUrl(config.publicUrl)
{
    m_bookings = std::make_shared<BookingEndpoints>(*this, config);
    m_rooms = std::make_shared<RoomEndpoints>(*this, config);
    m_calls = std::make_shared<CallEndpoints>(*this, config);
}

qint64 Api::now() const
{
    return m_clock.now().toSecsSinceEpoch();
}

QString Api::publicBase(const Request &request) const
{
    if (!m_publicUrl.isEmpty())
        return m_publicUrl;
    return (m_servesTls ? u"https://"_s : u"http://"_s) + QString::fromLatin1(request.header("host"));
}

QString Api::hashToken(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Response Api::handle(const Request &request)
{
    QElapsedTimer timer;
    timer.start();
    const bool filePiece = RoomEndpoints::isFilePiece(request);
    const qsizetype maxBody = filePiece ? RoomFiles::maxPieceBytes : RequestValidator::maxBodySize;
    Response response = request.body.size() > maxBody
                            ? Response::error(413, u"body_too_large"_s,
                                              filePiece ? u"The request body is larger than 1 MiB."_s
                                                        : u"The request body is larger than 64 KiB."_s)
                            : dispatch(request);
    addSecurityHeaders(response);
    // Behind nginx the proxy sets HSTS; when the server speaks TLS itself, it does.
    if (m_servesTls)
        response.setHeader("Strict-Transport-Security", "max-age=31536000");

    const QString userAgent = QString::fromUtf8(request.header("user-agent")).left(512);
    if (!m_store.logAccess({now(), QString::fromLatin1(request.method), request.path.left(2048), response.status,
                            response.body.size(),
                            // A call participant's address is kept only in call_addresses (retention
                            // anonymises it within 7 days); the access log gets its network part.
                            CallEndpoints::isCallPath(request.path) ? CallAddresses::anonymise(request.remoteAddress)
                                                                    : request.remoteAddress,
                            userAgent}))
        JsonLog::error(u"access_log_failed"_s);
    JsonLog::info(u"http_request"_s, {{u"method"_s, QString::fromLatin1(request.method)},
                                      {u"path"_s, request.path.left(2048)},
                                      {u"status"_s, response.status},
                                      {u"bytes"_s, response.body.size()},
                                      {u"ms"_s, timer.elapsed()}});
    return response;
}

std::optional<Api::Caller> Api::authenticate(const QString &token, Response *failure)
{
    const auto notSignedIn = [&](const QString &code, const QString &message) {
        if (failure)
            *failure = Response::error(401, code, message);
        return std::nullopt;
    };
    if (token.isEmpty())
        return notSignedIn(u"not_authenticated"_s, u"Please sign in."_s);
    const QString tokenHash = hashToken(token);
    const auto session = m_store.sessionByTokenHash(tokenHash);
    if (!session)
        return notSignedIn(u"not_authenticated"_s, u"Please sign in."_s);
    const qint64 t = now();
    if (t - session->lastUsedAt >= sessionIdleSeconds || t >= session->expiresAt) {
        (void)m_store.deleteSession(tokenHash);
        return notSignedIn(u"session_expired"_s, u"Your session has expired. Please sign in again."_s);
    }
    const auto advisor = m_store.advisorById(session->advisorId);
    if (!advisor)
        return notSignedIn(u"not_authenticated"_s, u"Please sign in."_s);
    if (advisor->disabled) {
        (void)m_store.deleteSessionsOfAdvisor(advisor->id);
        if (failure)
            *failure = Response::error(403, u"account_disabled"_s, u"This account has been disabled."_s);
        return std::nullopt;
    }
    if (!m_store.touchSession(tokenHash, t))
        JsonLog::error(u"session_touch_failed"_s);
    return Caller{*advisor, tokenHash};
}

bool Api::isSessionActive(const QString &token) const
{
    if (token.isEmpty())
        return false;
    const auto session = m_store.sessionByTokenHash(hashToken(token));
    const qint64 t = now();
    if (!session || t - session->lastUsedAt >= sessionIdleSeconds || t >= session->expiresAt)
        return false;
    const auto advisor = m_store.advisorById(session->advisorId);
    return advisor && !advisor->disabled;
}

Response Api::dispatch(const Request &request)
{
    if (!request.path.startsWith(apiPrefix))
        return Response::error(404, u"not_found"_s, u"There is nothing at this address."_s);
    const QStringList segments = request.path.mid(apiPrefix.size()).split(u'/');
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    if (auto response = m_bookings->dispatch(request, segments))
        return *response;
    if (auto response = m_calls->dispatch(request, segments)) // before the rooms: …/turn is theirs
        return *response;
    if (auto response = m_rooms->dispatch(request, segments))
        return *response;

    // Public endpoints
    if (segments == QStringList{u"health"_s})
        return method == "GET" ? health() : methodNotAllowed("GET, HEAD");
    if (segments == QStringList{u"auth"_s, u"login"_s})
        return method == "POST" ? login(request) : methodNotAllowed("POST");
    if (segments.size() == 3 && segments.at(0) == "orgs"_L1 && segments.at(2) == "devices"_L1)
        return method == "GET" ? publicDevices(request, segments.at(1)) : methodNotAllowed("GET, HEAD");
    if (segments.size() == 3 && segments.at(0) == "public"_L1 && segments.at(1) == "orgs"_L1)
        return method == "GET" ? publicOrganisation(request, segments.at(2)) : methodNotAllowed("GET, HEAD");
    if (segments.size() == 4 && segments.at(0) == "public"_L1 && segments.at(1) == "orgs"_L1 &&
        segments.at(3) == "slots"_L1)
        return method == "GET" ? publicSlots(request, segments.at(2)) : methodNotAllowed("GET, HEAD");

    // Endpoints for signed-in advisors: route first (404/405), then authenticate.
    std::function<Response(const Caller &)> handler;
    QByteArray allowed;
    if (segments == QStringList{u"auth"_s, u"logout"_s}) {
        allowed = "POST";
        if (method == "POST")
            handler = [this](const Caller &c) { return logout(c); };
    } else if (segments == QStringList{u"me"_s}) {
        allowed = "GET, HEAD";
        if (method == "GET")
            handler = [this](const Caller &c) { return me(c); };
    } else if (segments.size() == 3 && segments.at(0) == "me"_L1 && segments.at(1) == "totp"_L1 &&
               (segments.at(2) == "setup"_L1 || segments.at(2) == "enable"_L1 || segments.at(2) == "disable"_L1)) {
        allowed = "POST";
        const QString action = segments.at(2);
        if (method == "POST") {
            handler = [this, action, &request](const Caller &c) {
                if (action == "setup"_L1)
                    return totpSetup(c);
                return action == "enable"_L1 ? totpEnable(request, c) : totpDisable(request, c);
            };
        }
    } else if (segments == QStringList{u"devices"_s}) {
        allowed = "GET, HEAD, POST";
        if (method == "GET")
            handler = [this](const Caller &c) { return listDevices(c); };
        else if (method == "POST")
            handler = [this, &request](const Caller &c) { return registerDevice(request, c); };
    } else if (segments.size() == 2 && segments.at(0) == "devices"_L1) {
        allowed = "DELETE";
        const QString id = segments.at(1);
        if (method == "DELETE")
            handler = [this, id](const Caller &c) { return revokeDevice(id, c); };
    } else if (segments == QStringList{u"me"_s, u"availability"_s}) {
        allowed = "GET, HEAD, PUT";
        if (method == "GET")
            handler = [this](const Caller &c) { return getAvailability(c); };
        else if (method == "PUT")
            handler = [this, &request](const Caller &c) { return putAvailability(request, c); };
    } else if (segments == QStringList{u"me"_s, u"busy"_s}) {
        allowed = "PUT";
        if (method == "PUT")
            handler = [this, &request](const Caller &c) { return putBusy(request, c); };
    } else if (segments.size() == 2 && segments.at(0) == "org"_L1 &&
               (segments.at(1) == "locations"_L1 || segments.at(1) == "holidays"_L1 ||
                segments.at(1) == "settings"_L1)) {
        allowed = "GET, HEAD, PUT";
        const QString what = segments.at(1);
        if (method == "GET") {
            handler = [this, what](const Caller &c) {
                if (what == "locations"_L1)
                    return getLocations(c);
                return what == "holidays"_L1 ? getHolidays(c) : getOrgSettings(c);
            };
        } else if (method == "PUT") {
            handler = [this, what, &request](const Caller &c) {
                if (what == "locations"_L1)
                    return putLocations(request, c);
                return what == "holidays"_L1 ? putHolidays(request, c) : putOrgSettings(request, c);
            };
        }
    } else {
        return Response::error(404, u"not_found"_s, u"There is nothing at this address."_s);
    }
    if (!handler)
        return methodNotAllowed(allowed);

    const QByteArray authorization = request.header("authorization");
    const QString token =
        authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
    Response failure;
    const auto caller = authenticate(token, &failure);
    if (!caller) {
        if (failure.status == 401)
            failure.setHeader("WWW-Authenticate", "Bearer");
        return failure;
    }
    if (isWrite(method))
        return withIdempotency(request, *caller, [&] { return handler(*caller); });
    return handler(*caller);
}

Response Api::withIdempotency(const Request &request, const Caller &caller, const std::function<Response()> &handler)
{
    const QByteArray rawKey = request.header("idempotency-key");
    if (rawKey.isEmpty())
        return handler();
    const bool printable = std::all_of(rawKey.cbegin(), rawKey.cend(), [](char c) { return c >= 0x21 && c <= 0x7e; });
    if (rawKey.size() > 200 || !printable)
        return Response::error(400, u"validation_failed"_s, u"The Idempotency-Key header is not valid."_s,
                               {{u"Idempotency-Key"_s, u"1 to 200 printable ASCII characters"_s}});
    const QString key = QString::fromLatin1(rawKey);
    const QString callerId = u"advisor:"_s + caller.advisor.id;
    const QString method = QString::fromLatin1(request.method);
    if (const auto stored = m_store.storedResponse(callerId, key)) {
        if (stored->method != method || stored->path != request.path)
            return Response::error(409, u"idempotency_key_reused"_s,
                                   u"This Idempotency-Key was already used for another request."_s);
        Response replay;
        replay.status = stored->status;
        replay.contentType = stored->contentType;
        replay.body = stored->body;
        replay.setHeader("Idempotent-Replayed", "true");
        return replay;
    }
    Response response = handler();
    // Remember answers that settle the request; a 5xx or 429 may be retried for real.
    if (response.status < 500 && response.status != 429) {
        if (!m_store.storeResponse(callerId, key,
                                   {method, request.path, response.status, response.contentType, response.body}, now()))
            JsonLog::error(u"idempotency_store_failed"_s);
    }
    return response;
}

Models::Advisor Api::toWire(const AdvisorRecord &a) const
{
    return Models::Advisor{a.id, a.username, a.displayName, !a.totpSecret.isEmpty(),
                           Models::Organisation{a.organisation.id, a.organisation.slug, a.organisation.name}};
}

Models::Device Api::toWire(const DeviceRecord &d)
{
    Models::Device device{d.id,       d.advisorId, d.name,  d.x25519,
                          d.ed25519,  d.signature, d.keyId, QDateTime::fromSecsSinceEpoch(d.createdAt).toUTC(),
                          QDateTime()};
    if (d.revokedAt)
        device.revokedAt = QDateTime::fromSecsSinceEpoch(*d.revokedAt).toUTC();
    return device;
}

Response Api::health()
{
    const bool up = m_store.ping();
    QJsonObject database{{u"status"_s, up ? u"ok"_s : u"unavailable"_s}, {u"driver"_s, u"sqlite"_s}};
    if (up)
        database.insert(u"schemaVersion"_s, m_store.schemaVersion());
    return Response::json(up ? 200 : 503, {{u"status"_s, up ? u"ok"_s : u"degraded"_s},
                                           {u"version"_s, QStringLiteral(LOTSE_VERSION)},
                                           {u"database"_s, database}});
}

} // namespace Lotse::Server
