// Rooms and the instant-call queue over HTTP (API.md, "Rooms (issue 6)").
#include "server-stub/RoomEndpoints.h"

#include "server-stub/AvailabilityStore.h"
#include "server-stub/BookingStore.h"
#include "server-stub/JsonLog.h"
#include "server-stub/MailTemplates.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/SecretBox.h"

#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QByteArray replyAssociatedData(const QString &instantId)
{
    return QByteArrayLiteral("lotse-instant-reply-v1:") + instantId.toLatin1();
}

Response tooMany(qint64 wait)
{
    Response response =
        Response::error(429, u"rate_limited"_s, u"Too many requests from here. Please wait a little and try again."_s);
    response.setHeader("Retry-After", QByteArray::number(wait));
    return response;
}

Response methodNotAllowed(const QByteArray &allowed)
{
    Response response = Response::error(405, u"method_not_allowed"_s, u"This address does not accept that method."_s);
    response.setHeader("Allow", allowed);
    return response;
}

Response roomNotFound()
{
    return Response::error(404, u"room_not_found"_s, u"There is no such room."_s);
}

QString bearer(const Request &request)
{
    const QByteArray authorization = request.header("authorization");
    return authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
}

QString requestHash(QJsonObject body)
{
    body.remove(u"altcha"_s);
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

} // namespace

RoomEndpoints::RoomEndpoints(Api &api, const ServerConfig &config)
    : m_api(api)
    , m_rooms(api.m_store, api.m_clock)
    , m_waiting(std::make_unique<WaitingRoom>(m_rooms))
    // The same key as the booking page's challenges (BookingEndpoints): one /public/altcha for both.
    , m_altcha(api.m_secrets.isReady() ? api.m_secrets.deriveKey("altcha-hmac") : Crypto::randomBytes(32),
               config.altchaMaxNumber)
    , m_postsPerIp(api.m_clock, config.bookingPostsPerIpHourly, 3600)
    , m_postsPerOrganisation(api.m_clock, config.bookingPostsPerOrgHourly, 3600)
    , m_files(api.m_store, api.m_clock, config.dataDir, {config.maxFileBytes, config.maxRoomBytes})
    , m_fileRequests(api.m_clock, config.fileRequestsPerMinute, 60)
    , m_visitorPerCapability(api.m_clock, config.publicRequestsPerMinute, 60)
    , m_visitorPerIp(api.m_clock, config.publicRequestsPerMinute * 10, 60)
    , m_publicUrl(config.publicUrl)
{
    m_rooms.setInterpreterLinkSeconds(qint64(config.interpreterLinkHours) * 3600);
}

namespace {

// The methods of …/files, …/files/{id} and …/files/{id}/content, given the segments after the
// room; empty when the path is none of these.
QByteArray fileMethods(const QStringList &fileSegments)
{
    const qsizetype n = fileSegments.size();
    if (n == 0 || fileSegments.at(0) != "files"_L1)
        return {};
    if (n == 1)
        return "POST";
    if (n == 2)
        return "GET, HEAD, PUT";
    return n == 3 && fileSegments.at(2) == "content"_L1 ? QByteArray("GET, HEAD") : QByteArray();
}

} // namespace

bool RoomEndpoints::isFilePiece(const Request &request)
{
    if (request.method != "PUT")
        return false;
    const QStringList segments = request.path.split(u'/');
    // "", api, v1, rooms, {id}, files, {fileId} or "", api, v1, visitor, room, files, {fileId}
    return segments.size() == 7 && segments.at(5) == "files"_L1 &&
           (segments.at(3) == "rooms"_L1 || (segments.at(3) == "visitor"_L1 && segments.at(4) == "room"_L1));
}

std::optional<Response> RoomEndpoints::dispatch(const Request &request, const QStringList &segments)
{
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    const qsizetype n = segments.size();
    const QString first = segments.value(0);

    if (n == 3 && first == "orgs"_L1 && segments.at(2) == "instant"_L1)
        return method == "POST" ? createInstant(request, segments.at(1)) : methodNotAllowed("POST");
    if (first == "visitor"_L1)
        return visitor(request, segments);
    if (first != "rooms"_L1 && first != "instant"_L1)
        return std::nullopt;

    // Advisors: route first (404/405), then authenticate.
    QByteArray allowed;
    if (first == "rooms"_L1 && (n == 1 || n == 2 || (n == 3 && segments.at(2) == "keys"_L1)))
        allowed = "GET, HEAD";
    else if (first == "rooms"_L1 && n == 3 && segments.at(2) == "envelopes"_L1)
        allowed = "GET, HEAD, POST";
    else if (first == "rooms"_L1 && n == 3 && segments.at(2) == "interpreters"_L1)
        allowed = "GET, HEAD, POST";
    else if (first == "rooms"_L1 && n == 4 && segments.at(2) == "interpreters"_L1)
        allowed = "DELETE";
    else if (first == "rooms"_L1 && n >= 3 && !fileMethods(segments.mid(2)).isEmpty())
        allowed = fileMethods(segments.mid(2));
    else if (segments == QStringList{u"instant"_s, u"queue"_s})
        allowed = "GET, HEAD";
    else if ((n == 3 && first == "instant"_L1 && segments.at(2) == "take"_L1) ||
             segments == QStringList{u"instant"_s, u"take-next"_s})
        allowed = "POST";
    else
        return Response::error(404, u"not_found"_s, u"There is nothing at this address."_s);
    if (!allowed.contains(method))
        return methodNotAllowed(allowed);

    Response failure;
    const auto caller = m_api.authenticate(bearer(request), &failure);
    if (!caller) {
        if (failure.status == 401)
            failure.setHeader("WWW-Authenticate", "Bearer");
        return failure;
    }
    if (first == "rooms"_L1)
        return advisorRooms(request, *caller, segments);
    if (segments.at(1) == "queue"_L1)
        return Response::json(200, m_waiting->queueJson(caller->advisor.organisation.id));
    return m_api.withIdempotency(request, *caller, [&] {
        QJsonObject body;
        if (auto error = RequestValidator::parseJsonBody(request, {}, body))
            return *error;
        return n == 3 ? m_waiting->take(caller->advisor, segments.at(1)) : m_waiting->takeNext(caller->advisor);
    });
}

Response RoomEndpoints::advisorRooms(const Request &request, const Api::Caller &caller, const QStringList &segments)
{
    const QString organisationId = caller.advisor.organisation.id;
    if (segments.size() == 1) {
        m_rooms.ensureBookingRooms(organisationId);
        QJsonArray rooms;
        for (const RoomRecord &room : m_rooms.store().roomsOfOrganisation(organisationId))
            rooms.append(m_rooms.roomJson(room));
        return Response::json(200, {{u"rooms"_s, rooms}});
    }
    const auto room = m_rooms.roomOfOrganisation(organisationId, segments.at(1));
    if (!room)
        return roomNotFound();
    if (segments.size() == 2)
        return Response::json(200, {{u"room"_s, m_rooms.roomJson(*room)}});
    if (segments.at(2) == "keys"_L1)
        return Response::json(200, m_rooms.participantsJson(*room));
    if (segments.at(2) == "interpreters"_L1) {
        if (segments.size() == 4)
            return m_rooms.endInterpreter(*room, segments.at(3));
        if (request.method != "POST")
            return m_rooms.listInterpreters(*room);
        QJsonObject body;
        if (auto error = RequestValidator::parseJsonBody(request, {}, body))
            return *error;
        return m_rooms.inviteInterpreter(*room, caller.advisor.id, m_api.publicBase(request));
    }
    if (segments.at(2) == "files"_L1) {
        if (const qint64 wait = m_fileRequests.hit(u"advisor:"_s + caller.advisor.id); wait > 0)
            return tooMany(wait);
        QString senderKeyId;
        if (request.method == "POST") {
            // An advisor may name the device the file comes from (optional: a session has no device).
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            senderKeyId = body.value("senderKeyId"_L1).toString();
            if (!senderKeyId.isEmpty() && !m_rooms.isDeviceOf(caller.advisor.id, organisationId, senderKeyId))
                return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                                       {{u"senderKeyId"_s, u"must be the key id of one of your active devices"_s}});
        }
        return files(request, *room, u"advisor:"_s + caller.advisor.id, senderKeyId, segments.mid(2));
    }
    if (request.method == "POST") {
        QJsonObject body;
        if (auto error = RequestValidator::parseJsonBody(request,
                                                         {{u"epoch"_s, QJsonValue::Double, true, 0},
                                                          {u"sealed"_s, QJsonValue::String, true, 70000},
                                                          {u"senderKeyId"_s, QJsonValue::String, true, 64}},
                                                         body))
            return *error;
        const QString senderKeyId = body.value("senderKeyId"_L1).toString();
        if (!m_rooms.isDeviceOf(caller.advisor.id, organisationId, senderKeyId))
            return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                                   {{u"senderKeyId"_s, u"must be the key id of one of your active devices"_s}});
        return m_rooms.postKeyEnvelope(*room, u"advisor:"_s + caller.advisor.id, senderKeyId, body);
    }
    const QString keyId = request.query.queryItemValue(u"keyId"_s);
    if (keyId.isEmpty())
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"keyId"_s, u"required: the key id whose envelopes to list"_s}});
    return m_rooms.listKeyEnvelopes(*room, keyId);
}

Response RoomEndpoints::visitor(const Request &request, const QStringList &segments)
{
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    QByteArray allowed;
    if (segments == QStringList{u"visitor"_s, u"room"_s} || segments == QStringList{u"visitor"_s, u"room"_s, u"keys"_s})
        allowed = "GET, HEAD";
    else if (segments == QStringList{u"visitor"_s, u"room"_s, u"envelopes"_s})
        allowed = "GET, HEAD, POST";
    else if (segments == QStringList{u"visitor"_s, u"instant"_s} ||
             segments == QStringList{u"visitor"_s, u"interpreter"_s})
        allowed = "GET, HEAD, DELETE";
    else if (segments == QStringList{u"visitor"_s, u"interpreter"_s, u"key"_s})
        allowed = "PUT";
    else if (segments.size() >= 3 && segments.at(1) == "room"_L1 && !fileMethods(segments.mid(2)).isEmpty())
        allowed = fileMethods(segments.mid(2));
    else
        return Response::error(404, u"not_found"_s, u"There is nothing at this address."_s);
    if (!allowed.contains(method))
        return methodNotAllowed(allowed);
    // File transfers come in many pieces: they have their own limit, not the public one.
    const bool fileRequest = segments.size() >= 3 && segments.at(2) == "files"_L1;
    RateLimiter &limiter = fileRequest ? m_fileRequests : m_visitorPerIp;
    if (const qint64 wait = limiter.hit(u"ip:"_s + request.remoteAddress); wait > 0)
        return tooMany(wait);
    if (!fileRequest) {
        // Keyed by a hash: the link itself stays out of the limiter's memory.
        const QByteArray link = QCryptographicHash::hash(bearer(request).toUtf8(), QCryptographicHash::Sha256);
        if (const qint64 wait = m_visitorPerCapability.hit(u"cap:"_s + QString::fromLatin1(link.toHex())); wait > 0)
            return tooMany(wait);
    }

    m_waiting->expireStale();
    m_rooms.expireInterpreters();
    const auto resolved = m_rooms.resolveCapability(bearer(request));
    if (!resolved.visitor)
        return Rooms::capabilityRefused(resolved.error);
    const Rooms::Visitor &visitor = *resolved.visitor;
    if (segments.at(1) == "interpreter"_L1)
        return interpreter(request, visitor, segments);

    if (segments.at(1) == "instant"_L1) {
        if (visitor.instantId.isEmpty())
            return Response::error(404, u"not_found"_s, u"This link belongs to a booking, not to a call."_s);
        if (method == "DELETE")
            return m_waiting->leave(visitor.instantId);
        const auto call = m_rooms.store().instantById(visitor.instantId);
        if (!call)
            return Response::error(404, u"not_found"_s, u"There is no such call."_s);
        return Response::json(200, {{u"instant"_s, m_waiting->instantJson(*call)}});
    }

    const auto room = m_rooms.roomOfVisitor(visitor);
    if (!room)
        return roomNotFound();
    if (segments.size() == 2)
        return Response::json(200, {{u"room"_s, m_rooms.roomJson(*room)}});
    if (segments.at(2) == "keys"_L1)
        return Response::json(200, m_rooms.participantsJson(*room));
    // Interpreters take part in calls: they start no epoch and send no files.
    if (visitor.isInterpreter() && (fileRequest || method == "POST"))
        return Response::error(403, u"not_allowed"_s,
                               fileRequest ? u"Interpreters cannot send or fetch files."_s
                                           : u"Interpreters cannot start a room key epoch."_s);
    if (fileRequest)
        return files(request, *room, u"visitor"_s, room->visitorKeyId, segments.mid(2));
    if (method == "POST") {
        QJsonObject body;
        if (auto error = RequestValidator::parseJsonBody(
                request, {{u"epoch"_s, QJsonValue::Double, true, 0}, {u"sealed"_s, QJsonValue::String, true, 70000}},
                body))
            return *error;
        return m_rooms.postKeyEnvelope(*room, u"visitor"_s, room->visitorKeyId, body);
    }
    return m_rooms.listKeyEnvelopes(*room, m_rooms.ownKeyId(visitor, *room));
}

Response RoomEndpoints::interpreter(const Request &request, const Rooms::Visitor &visitor, const QStringList &segments)
{
    if (!visitor.isInterpreter())
        return Response::error(404, u"not_found"_s, u"This link does not belong to an interpreter."_s);
    const auto record = m_rooms.store().interpreterById(visitor.interpreterId);
    const auto room = record ? m_rooms.store().roomById(record->roomId) : std::nullopt;
    if (!room)
        return roomNotFound();
    if (segments.size() == 3) {
        QJsonObject body;
        if (auto error =
                RequestValidator::parseJsonBody(request, {{u"browserKey"_s, QJsonValue::String, true, 64}}, body))
            return *error;
        return m_rooms.setInterpreterKey(visitor.interpreterId, body);
    }
    if (request.method == "DELETE")
        return m_rooms.endInterpreter(*room, visitor.interpreterId);
    return Response::json(200, {{u"interpreter"_s, m_rooms.interpreterJson(*record)}, {u"room"_s, room->id}});
}

Response RoomEndpoints::files(const Request &request, const RoomRecord &room, const QString &uploader,
                              const QString &senderKeyId, const QStringList &fileSegments)
{
    if (fileSegments.size() == 1) {
        QJsonObject body;
        QList<FieldRule> rules{{u"fileId"_s, QJsonValue::String, true, 36}, {u"size"_s, QJsonValue::Double, true, 0}};
        if (uploader != "visitor"_L1)
            rules.append({u"senderKeyId"_s, QJsonValue::String, false, 64});
        if (auto error = RequestValidator::parseJsonBody(request, rules, body))
            return *error;
        return m_files.create(room, uploader, senderKeyId, body);
    }
    const QString fileId = fileSegments.at(1);
    if (fileSegments.size() == 3)
        return m_files.content(room, fileId, request);
    return request.method == "PUT" ? m_files.append(room, uploader, fileId, request) : m_files.state(room, fileId);
}

std::optional<Response> RoomEndpoints::checkSealedName(const QString &sealed, const QString &organisationId) const
{
    const auto invalid = [](const QString &why) {
        return Response::error(400, u"sealed_invalid"_s,
                               u"The encrypted name cannot be accepted. Please reload the page and try again."_s,
                               {{u"sealedName"_s, why}});
    };
    const auto envelope = Crypto::fromBase64Url(sealed);
    if (!envelope)
        return invalid(u"not strict base64url"_s);
    if (envelope->size() < 3 || quint8(envelope->at(1)) != quint8(Crypto::SealPurpose::BookingFields))
        return invalid(u"not a sealed envelope of purpose 1"_s);
    const auto keyIds = Crypto::SealedEnvelope::recipientKeyIds(*envelope);
    if (!keyIds)
        return invalid(u"does not parse: %1"_s.arg(Crypto::errorString(keyIds.error())));
    if (keyIds->isEmpty())
        return invalid(u"names no recipient"_s);
    QSet<QString> active;
    for (const DeviceRecord &device : m_api.m_store.activeDevicesOfOrganisation(organisationId))
        active.insert(device.keyId);
    for (const QByteArray &keyId : *keyIds) {
        if (!active.contains(Crypto::toBase64Url(keyId)))
            return invalid(u"names a key that is not an active device of this organisation"_s);
    }
    return std::nullopt;
}

Response RoomEndpoints::createInstant(const Request &request, const QString &slug)
{
    // Cross-site refusal as for bookings.
    if (request.header("sec-fetch-site") == "cross-site")
        return Response::error(403, u"cross_site"_s, u"This form can only be sent from the page itself."_s);
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty()) {
        const QUrl url(QString::fromLatin1(origin));
        const QString originHost = url.host() + (url.port() >= 0 ? u":"_s + QString::number(url.port()) : QString());
        const QString ownHost = QString::fromLatin1(request.header("host"));
        const QUrl ownPublic(m_publicUrl);
        const bool sameAsHost = !ownHost.isEmpty() && originHost.compare(ownHost, Qt::CaseInsensitive) == 0;
        const bool sameAsPublic = !m_publicUrl.isEmpty() && url.scheme() == ownPublic.scheme() &&
                                  url.host() == ownPublic.host() && url.port() == ownPublic.port();
        if (origin == "null" || (!sameAsHost && !sameAsPublic))
            return Response::error(403, u"cross_site"_s, u"This form can only be sent from the page itself."_s);
    }
    const auto organisation = RequestValidator::isValidSlug(slug) ? m_api.m_store.organisationBySlug(slug)
                                                                  : std::optional<OrganisationRecord>();
    if (!organisation)
        return Response::error(404, u"not_found"_s, u"There is no such organisation."_s);
    if (const qint64 wait = m_postsPerIp.retryAfter(u"ip:"_s + request.remoteAddress); wait > 0)
        return tooMany(wait);
    if (const qint64 wait = m_postsPerOrganisation.retryAfter(u"org:"_s + organisation->id); wait > 0)
        return tooMany(wait);
    m_postsPerIp.record(u"ip:"_s + request.remoteAddress);
    m_postsPerOrganisation.record(u"org:"_s + organisation->id);

    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request,
                                                     {{u"instantId"_s, QJsonValue::String, true, 36},
                                                      {u"sealedName"_s, QJsonValue::String, true, 60000},
                                                      {u"browserKey"_s, QJsonValue::String, true, 64},
                                                      {u"language"_s, QJsonValue::String, true, 8},
                                                      {u"policyVersion"_s, QJsonValue::String, true, 64, true},
                                                      {u"altcha"_s, QJsonValue::String, true, 4096}},
                                                     body))
        return *error;
    QMap<QString, QString> fields;
    const QString instantId = body.value("instantId"_L1).toString();
    if (!RequestValidator::isUuid(instantId))
        fields.insert(u"instantId"_s, u"must be a lower-case UUID"_s);
    if (!MailTemplates::languages().contains(body.value("language"_L1).toString()))
        fields.insert(u"language"_s, u"must be one of de, en, uk, ru, tr, ar, fa"_s);
    const auto browserKey = Crypto::fromBase64Url(body.value("browserKey"_L1).toString());
    if (!browserKey || !Crypto::checkEncryptionPublicKey(*browserKey))
        fields.insert(u"browserKey"_s, u"must be an X25519 public key in base64url"_s);
    if (!fields.isEmpty())
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, fields);

    const QString hash = requestHash(body);
    if (const auto existing = m_rooms.store().instantById(instantId)) {
        if (existing->organisationId != organisation->id || existing->requestHash != hash)
            return Response::error(409, u"instant_exists"_s, u"A different call with this id exists."_s);
        const auto reply = m_api.m_secrets.decrypt(existing->replySealed, replyAssociatedData(instantId));
        if (!reply)
            return Response::error(500, u"internal_error"_s, u"The call could not be read."_s);
        // The first answer's token, with the call as it is now.
        QJsonObject answer = QJsonDocument::fromJson(*reply).object();
        answer.insert(u"instant"_s, m_waiting->instantJson(*existing));
        Response response = Response::json(201, answer);
        response.setHeader("Idempotent-Replayed", "true");
        return response;
    }
    const OrgSettingsRecord settings = AvailabilityStore(m_api.m_store).settings(organisation->id);
    if (body.value("policyVersion"_L1).toString() != settings.privacyPolicyVersion)
        return Response::error(400, u"policy_outdated"_s,
                               u"The privacy policy has changed. Please read it again and agree."_s,
                               {{u"policyVersion"_s, u"must be %1"_s.arg(settings.privacyPolicyVersion)}});
    if (auto invalid = checkSealedName(body.value("sealedName"_L1).toString(), organisation->id))
        return *invalid;
    const auto altcha = m_altcha.verify(body.value("altcha"_L1).toString(), m_rooms.now());
    if (!altcha)
        return Response::error(400, u"altcha_invalid"_s, u"The spam check did not work. Please try again."_s,
                               {{u"altcha"_s, u"not solved, expired or not from this server"_s}});

    const QString token = Crypto::newToken();
    InstantCallRecord call;
    call.id = instantId;
    call.organisationId = organisation->id;
    call.sealedName = body.value("sealedName"_L1).toString();
    call.browserKey = body.value("browserKey"_L1).toString();
    call.language = body.value("language"_L1).toString();
    call.status = u"waiting"_s;
    call.capabilityHash = Api::hashToken(token);
    call.requestHash = hash;
    call.createdAt = m_rooms.now();
    call.lastSeenAt = call.createdAt;
    call.replySealed = m_api.m_secrets.encrypt(QJsonDocument(QJsonObject{{u"capability"_s, token}}).toJson(),
                                               replyAssociatedData(instantId));

    BookingStore altchaStore(m_api.m_store);
    RoomStore &store = m_rooms.store();
    if (!store.begin())
        return Response::error(500, u"internal_error"_s, u"The call could not be saved."_s);
    if (!altchaStore.consumeAltcha(altcha->challenge, altcha->expiresAt, m_rooms.now())) {
        store.rollback();
        return Response::error(400, u"altcha_invalid"_s, u"The spam check was already used. Please try again."_s,
                               {{u"altcha"_s, u"already used"_s}});
    }
    if (!store.insertInstant(call) || !store.commit()) {
        store.rollback();
        return Response::error(500, u"internal_error"_s, u"The call could not be saved."_s);
    }
    JsonLog::info(u"instant_created"_s, {{u"instantId"_s, call.id}});
    m_waiting->announceNew(organisation->id);
    return Response::json(201, {{u"instant"_s, m_waiting->instantJson(call)}, {u"capability"_s, token}});
}

} // namespace Lotse::Server
