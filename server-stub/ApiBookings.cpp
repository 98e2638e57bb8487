// Public booking and contact-message POSTs, ALTCHA challenges, routing of the booking paths, and
// the helpers the manage and requests endpoints share (API.md, "Booking").
#include "server-stub/BookingEndpoints.h"

#include "server-stub/AvailabilityStore.h"
#include "server-stub/JsonLog.h"
#include "server-stub/Outbox.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/SecretBox.h"

#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

// Binds a sealed first answer to its booking.
QByteArray replyAssociatedData(const QString &bookingId)
{
    return QByteArrayLiteral("lotse-booking-reply-v1:") + bookingId.toLatin1();
}

const QStringList &appointmentTypes()
{
    static const QStringList types{u"video"_s, u"phone"_s, u"onsite"_s};
    return types;
}

Response tooMany(qint64 wait)
{
    Response response =
        Response::error(429, u"rate_limited"_s, u"Too many requests from here. Please wait a little and try again."_s);
    response.setHeader("Retry-After", QByteArray::number(wait));
    return response;
}

bool isValidEmail(const QString &email)
{
    // Deliberately plain: one @, a local part of safe characters, a domain of letters, digits and
    // hyphens with at least one dot. International domains arrive as punycode from the page.
    static const QRegularExpression pattern(
        uR"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$)"_s);
    return email.size() <= 254 && pattern.match(email).hasMatch() && !email.startsWith(u'.') &&
           !email.contains(u".."_s) && !email.section(u'@', 0, 0).endsWith(u'.');
}

bool isValidTimeZone(const QString &id)
{
    static const QRegularExpression pattern(uR"(^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$)"_s);
    return id.size() <= 64 && pattern.match(id).hasMatch() && QTimeZone(id.toUtf8()).isValid();
}

std::optional<qint64> parseUtc(const QString &text)
{
    static const QRegularExpression pattern(uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)"_s);
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    return time.toSecsSinceEpoch();
}

QString isoUtc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

// What the browser sent, for recognising a retry: the body without the (single-use) ALTCHA.
QString requestHash(QJsonObject body)
{
    body.remove(u"altcha"_s);
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

// Fields shared by bookings and contact messages. Fills `fields` with what is wrong.
void checkVisitorFields(const QJsonObject &body, QMap<QString, QString> &fields)
{
    if (!MailTemplates::languages().contains(body.value("language"_L1).toString()))
        fields.insert(u"language"_s, u"must be one of de, en, uk, ru, tr, ar, fa"_s);
    if (!isValidTimeZone(body.value("timeZone"_L1).toString()))
        fields.insert(u"timeZone"_s, u"must be an IANA time zone such as Europe/Berlin"_s);
    if (!isValidEmail(body.value("email"_L1).toString()))
        fields.insert(u"email"_s, u"must be an e-mail address such as name@example.org"_s);
    const auto browserKey = Crypto::fromBase64Url(body.value("browserKey"_L1).toString());
    if (!browserKey || !Crypto::checkEncryptionPublicKey(*browserKey))
        fields.insert(u"browserKey"_s, u"must be an X25519 public key in base64url"_s);
}

const QList<FieldRule> &visitorRules()
{
    static const QList<FieldRule> rules{
        {u"language"_s, QJsonValue::String, true, 8},    {u"timeZone"_s, QJsonValue::String, true, 64},
        {u"email"_s, QJsonValue::String, true, 254},     {u"policyVersion"_s, QJsonValue::String, true, 64, true},
        {u"browserKey"_s, QJsonValue::String, true, 64}, {u"sealed"_s, QJsonValue::String, true, 60000},
        {u"altcha"_s, QJsonValue::String, true, 4096},
    };
    return rules;
}

} // namespace

BookingEndpoints::BookingEndpoints(Api &api, const ServerConfig &config)
    : m_api(api)
    , m_bookings(api.m_store)
    , m_altcha(api.m_secrets.isReady() ? api.m_secrets.deriveKey("altcha-hmac") : Crypto::randomBytes(32),
               config.altchaMaxNumber)
    , m_postsPerIp(api.m_clock, config.bookingPostsPerIpHourly, 3600)
    , m_postsPerOrganisation(api.m_clock, config.bookingPostsPerOrgHourly, 3600)
    , m_publicUrl(config.publicUrl)
    , m_mailFrom(config.smtpFrom)
    , m_undoSeconds(config.mailUndoSeconds)
    , m_slots(makeBookingSlots(api.m_slots, m_bookings))
{}

qint64 BookingEndpoints::now() const
{
    return m_api.now();
}

std::optional<Response> BookingEndpoints::dispatch(const Request &request, const QStringList &segments)
{
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    const auto only = [&](const QByteArray &allowed, const std::function<Response()> &handler) {
        if (method == allowed || (allowed == "GET" && request.method == "HEAD"))
            return handler();
        Response response =
            Response::error(405, u"method_not_allowed"_s, u"This address does not accept that method."_s);
        response.setHeader("Allow", allowed == "GET" ? QByteArray("GET, HEAD") : allowed);
        return response;
    };
    const auto n = segments.size();
    const QString first = segments.value(0);

    if (first == "public"_L1) {
        if (segments == QStringList{u"public"_s, u"altcha"_s})
            return only("GET", [&] { return altchaChallenge(request); });
        if (n == 4 && segments.at(1) == "orgs"_L1 && segments.at(3) == "bookings"_L1)
            return only("POST", [&] { return createBooking(request, segments.at(2)); });
        if (n == 4 && segments.at(1) == "orgs"_L1 && segments.at(3) == "messages"_L1)
            return only("POST", [&] { return createMessage(request, segments.at(2)); });
        return std::nullopt;
    }
    if (first == "manage"_L1) {
        if (segments == QStringList{u"manage"_s, u"booking"_s})
            return only("GET", [&] { return manage(request, u"view"_s); });
        if (segments == QStringList{u"manage"_s, u"booking.ics"_s})
            return only("GET", [&] { return manage(request, u"ics"_s); });
        if (segments == QStringList{u"manage"_s, u"slots"_s})
            return only("GET", [&] { return manage(request, u"slots"_s); });
        if (n == 3 && segments.at(1) == "booking"_L1 &&
            (segments.at(2) == "cancel"_L1 || segments.at(2) == "reschedule"_L1 ||
             segments.at(2) == "accept-proposal"_L1))
            return only("POST", [&] { return manage(request, segments.at(2)); });
        return Response::error(404, u"not_found"_s, u"There is nothing at this address."_s);
    }

    // Advisors' requests (signed in).
    std::function<Response(const Api::Caller &)> handler;
    QByteArray allowed;
    if (segments == QStringList{u"requests"_s}) {
        allowed = "GET";
        handler = [&](const Api::Caller &caller) { return listRequests(request, caller); };
    } else if (n == 3 && first == "bookings"_L1 &&
               (segments.at(2) == "confirm"_L1 || segments.at(2) == "decline"_L1 || segments.at(2) == "propose"_L1)) {
        allowed = "POST";
        handler = [&](const Api::Caller &caller) {
            return bookingAction(request, caller, segments.at(1), segments.at(2));
        };
    } else if (n == 3 && first == "bookings"_L1 &&
               (segments.at(2) == "reschedule"_L1 || segments.at(2) == "cancel"_L1 || segments.at(2) == "undo"_L1)) {
        allowed = "POST";
        handler = [&](const Api::Caller &caller) {
            const QString &action = segments.at(2);
            if (action == "reschedule"_L1)
                return reschedule(request, caller, segments.at(1));
            return action == "cancel"_L1 ? cancel(request, caller, segments.at(1))
                                         : undo(request, caller, segments.at(1));
        };
    } else if (n == 3 && first == "bookings"_L1 && segments.at(2) == "note"_L1) {
        allowed = "PUT";
        handler = [&](const Api::Caller &caller) { return putNote(request, caller, segments.at(1)); };
    } else if (n == 3 && first == "messages"_L1 && segments.at(2) == "done"_L1) {
        allowed = "POST";
        handler = [&](const Api::Caller &caller) { return messageDone(caller, segments.at(1)); };
    } else {
        return std::nullopt;
    }
    return only(allowed, [&] {
        const QByteArray authorization = request.header("authorization");
        const QString token =
            authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
        Response failure;
        const auto caller = m_api.authenticate(token, &failure);
        if (!caller) {
            if (failure.status == 401)
                failure.setHeader("WWW-Authenticate", "Bearer");
            return failure;
        }
        if (allowed == "POST" || allowed == "PUT")
            return m_api.withIdempotency(request, *caller, [&] { return handler(*caller); });
        return handler(*caller);
    });
}

std::optional<Response> BookingEndpoints::rateLimited(const Request &request, const QString &organisationId)
{
    if (const qint64 wait = m_postsPerIp.retryAfter(u"ip:"_s + request.remoteAddress); wait > 0)
        return tooMany(wait);
    if (const qint64 wait = m_postsPerOrganisation.retryAfter(u"org:"_s + organisationId); wait > 0)
        return tooMany(wait);
    m_postsPerIp.record(u"ip:"_s + request.remoteAddress);
    m_postsPerOrganisation.record(u"org:"_s + organisationId);
    return std::nullopt;
}

std::optional<Response> BookingEndpoints::refusePublicPost(const Request &request,
                                                           const std::optional<OrganisationRecord> &organisation)
{
    const auto crossSite = [] {
        return Response::error(403, u"cross_site"_s, u"This form can only be sent from the booking page itself."_s);
    };
    if (request.header("sec-fetch-site") == "cross-site")
        return crossSite();
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty()) {
        const QUrl url(QString::fromLatin1(origin));
        const QString originHost = url.host() + (url.port() >= 0 ? u":"_s + QString::number(url.port()) : QString());
        const QUrl ownPublic(m_publicUrl);
        const QString ownHost = QString::fromLatin1(request.header("host"));
        const bool sameAsHost = !ownHost.isEmpty() && originHost.compare(ownHost, Qt::CaseInsensitive) == 0;
        const bool sameAsPublic = !m_publicUrl.isEmpty() && url.scheme() == ownPublic.scheme() &&
                                  url.host() == ownPublic.host() && url.port() == ownPublic.port();
        if (origin == "null" || (!sameAsHost && !sameAsPublic))
            return crossSite();
    }
    if (!organisation)
        return Response::error(404, u"not_found"_s, u"There is no such organisation."_s);
    return rateLimited(request, organisation->id);
}

Response BookingEndpoints::altchaChallenge(const Request &request)
{
    if (const qint64 wait = m_api.m_publicPerIp.hit(u"ip:"_s + request.remoteAddress); wait > 0)
        return tooMany(wait);
    return Response::json(200, m_altcha.newChallenge(now()));
}

Response BookingEndpoints::createBooking(const Request &request, const QString &slug)
{
    const auto organisation = RequestValidator::isValidSlug(slug) ? m_api.m_store.organisationBySlug(slug)
                                                                  : std::optional<OrganisationRecord>();
    if (auto refused = refusePublicPost(request, organisation))
        return *refused;

    QList<FieldRule> rules = visitorRules();
    rules << FieldRule{u"bookingId"_s, QJsonValue::String, true, 36}
          << FieldRule{u"type"_s, QJsonValue::String, true, 16} << FieldRule{u"start"_s, QJsonValue::String, true, 32}
          << FieldRule{u"advisorId"_s, QJsonValue::String, false, 36}
          << FieldRule{u"locationId"_s, QJsonValue::String, false, 64};
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, rules, body))
        return *error;

    QMap<QString, QString> fields;
    const QString bookingId = body.value("bookingId"_L1).toString();
    if (!RequestValidator::isUuid(bookingId))
        fields.insert(u"bookingId"_s, u"must be a lower-case UUID"_s);
    const QString type = body.value("type"_L1).toString();
    if (!appointmentTypes().contains(type))
        fields.insert(u"type"_s, u"must be video, phone or onsite"_s);
    const auto start = parseUtc(body.value("start"_L1).toString());
    if (!start)
        fields.insert(u"start"_s, u"must be a UTC time such as 2026-11-24T14:00:00Z"_s);
    else if (*start <= now())
        fields.insert(u"start"_s, u"must be in the future"_s);
    const QString advisorId = body.value("advisorId"_L1).toString();
    if (body.contains("advisorId"_L1) && !RequestValidator::isUuid(advisorId))
        fields.insert(u"advisorId"_s, u"must be an advisor's id"_s);
    const QString locationId = body.value("locationId"_L1).toString();
    if (type == "onsite"_L1 && locationId.isEmpty())
        fields.insert(u"locationId"_s, u"is required for an on-site appointment"_s);
    else if (type != "onsite"_L1 && body.contains("locationId"_L1))
        fields.insert(u"locationId"_s, u"only on-site appointments have a location"_s);
    checkVisitorFields(body, fields);
    if (!fields.isEmpty())
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, fields);

    // The same booking again: the first answer, once more.
    const QString hash = requestHash(body);
    if (const auto existing = m_bookings.bookingById(bookingId)) {
        if (existing->organisationId != organisation->id || existing->requestHash != hash)
            return Response::error(409, u"booking_exists"_s, u"A different booking with this id exists."_s);
        const auto reply = m_api.m_secrets.decrypt(existing->replySealed, replyAssociatedData(bookingId));
        if (!reply)
            return Response::error(500, u"internal_error"_s, u"The booking could not be read."_s);
        Response response;
        response.status = 201;
        response.contentType = "application/json";
        response.body = *reply;
        response.setHeader("Idempotent-Replayed", "true");
        return response;
    }

    const OrgSettingsRecord settings = AvailabilityStore(m_api.m_store).settings(organisation->id);
    if (body.value("policyVersion"_L1).toString() != settings.privacyPolicyVersion)
        return Response::error(400, u"policy_outdated"_s,
                               u"The privacy policy has changed. Please read it again and agree."_s,
                               {{u"policyVersion"_s, u"must be %1"_s.arg(settings.privacyPolicyVersion)}});
    if (auto invalid = checkSealed(body.value("sealed"_L1).toString(), organisation->id))
        return *invalid;
    const auto altcha = m_altcha.verify(body.value("altcha"_L1).toString(), now());
    if (!altcha)
        return Response::error(400, u"altcha_invalid"_s, u"The spam check did not work. Please try again."_s,
                               {{u"altcha"_s, u"not solved, expired or not from this server"_s}});
    if (!advisorId.isEmpty()) {
        const auto advisor = m_api.m_store.advisorById(advisorId);
        if (!advisor || advisor->organisation.id != organisation->id || advisor->disabled)
            return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                                   {{u"advisorId"_s, u"is not an advisor of this organisation"_s}});
    }

    const SlotQuery query{organisation->id, advisorId, type, locationId, {}};
    const auto offer = m_slots->freeAt(query, *start, now());
    if (!offer)
        return slotTaken(query, *start);

    const QString token = Crypto::newToken();
    BookingRecord booking;
    booking.id = bookingId;
    booking.organisationId = organisation->id;
    booking.advisorId = offer->advisorId;
    booking.type = type;
    booking.start = offer->start;
    booking.end = offer->end;
    booking.locationId = locationId;
    booking.language = body.value("language"_L1).toString();
    booking.timeZone = body.value("timeZone"_L1).toString();
    booking.email = body.value("email"_L1).toString();
    booking.policyVersion = body.value("policyVersion"_L1).toString();
    booking.browserKey = body.value("browserKey"_L1).toString();
    booking.sealed = body.value("sealed"_L1).toString();
    booking.status = settings.autoConfirm ? u"confirmed"_s : u"pending"_s;
    booking.invited = settings.autoConfirm;
    booking.manageTokenHash = Api::hashToken(token);
    booking.requestHash = hash;
    booking.createdAt = now();
    booking.updatedAt = booking.createdAt;
    QJsonObject answer = bookingJson(booking);
    answer.insert(u"manageUrl"_s, QString(u"/manage#"_s + token));
    const QByteArray reply = QJsonDocument(QJsonObject{{u"booking"_s, answer}}).toJson(QJsonDocument::Compact);
    booking.replySealed = m_api.m_secrets.encrypt(reply, replyAssociatedData(bookingId));

    // One transaction: the used challenge, the overlap check, the booking and its mail.
    if (!m_bookings.begin())
        return Response::error(500, u"internal_error"_s, u"The booking could not be saved."_s);
    if (!m_bookings.consumeAltcha(altcha->challenge, altcha->expiresAt, now())) {
        m_bookings.rollback();
        return Response::error(400, u"altcha_invalid"_s, u"The spam check was already used. Please try again."_s,
                               {{u"altcha"_s, u"already used"_s}});
    }
    if (m_bookings.overlappingBookings(booking.advisorId, booking.start, booking.end) != 0) {
        m_bookings.rollback();
        return slotTaken(query, *start);
    }
    const MailMessage mail =
        MailTemplates::bookingMail(settings.autoConfirm ? BookingMailKind::Confirmed : BookingMailKind::Received,
                                   booking, mailContext(booking, request, token));
    booking.version = m_bookings.nextVersion(organisation->id);
    if (booking.version < 0 || !m_bookings.insertBooking(booking) ||
        !Outbox::enqueue(m_bookings, m_api.m_secrets, organisation->id, mail, now()) || !m_bookings.commit()) {
        m_bookings.rollback();
        return Response::error(500, u"internal_error"_s, u"The booking could not be saved."_s);
    }
    changed(organisation->id, booking.version);
    JsonLog::info(u"booking_created"_s, {{u"bookingId"_s, booking.id}, {u"status"_s, booking.status}});
    Response response;
    response.status = 201;
    response.contentType = "application/json";
    response.body = reply;
    return response;
}

Response BookingEndpoints::createMessage(const Request &request, const QString &slug)
{
    const auto organisation = RequestValidator::isValidSlug(slug) ? m_api.m_store.organisationBySlug(slug)
                                                                  : std::optional<OrganisationRecord>();
    if (auto refused = refusePublicPost(request, organisation))
        return *refused;
    QList<FieldRule> rules = visitorRules();
    rules << FieldRule{u"messageId"_s, QJsonValue::String, true, 36};
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, rules, body))
        return *error;
    QMap<QString, QString> fields;
    const QString messageId = body.value("messageId"_L1).toString();
    if (!RequestValidator::isUuid(messageId))
        fields.insert(u"messageId"_s, u"must be a lower-case UUID"_s);
    checkVisitorFields(body, fields);
    if (!fields.isEmpty())
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, fields);

    const QString hash = requestHash(body);
    const QJsonObject answer{{u"message"_s, QJsonObject{{u"id"_s, messageId}}}};
    if (const auto existing = m_bookings.messageById(messageId)) {
        if (existing->organisationId != organisation->id || existing->requestHash != hash)
            return Response::error(409, u"message_exists"_s, u"A different message with this id exists."_s);
        Response response = Response::json(201, answer);
        response.setHeader("Idempotent-Replayed", "true");
        return response;
    }
    const OrgSettingsRecord settings = AvailabilityStore(m_api.m_store).settings(organisation->id);
    if (body.value("policyVersion"_L1).toString() != settings.privacyPolicyVersion)
        return Response::error(400, u"policy_outdated"_s,
                               u"The privacy policy has changed. Please read it again and agree."_s,
                               {{u"policyVersion"_s, u"must be %1"_s.arg(settings.privacyPolicyVersion)}});
    if (auto invalid = checkSealed(body.value("sealed"_L1).toString(), organisation->id))
        return *invalid;
    const auto altcha = m_altcha.verify(body.value("altcha"_L1).toString(), now());
    if (!altcha)
        return Response::error(400, u"altcha_invalid"_s, u"The spam check did not work. Please try again."_s,
                               {{u"altcha"_s, u"not solved, expired or not from this server"_s}});

    ContactMessageRecord message;
    message.id = messageId;
    message.organisationId = organisation->id;
    message.language = body.value("language"_L1).toString();
    message.timeZone = body.value("timeZone"_L1).toString();
    message.email = body.value("email"_L1).toString();
    message.policyVersion = body.value("policyVersion"_L1).toString();
    message.browserKey = body.value("browserKey"_L1).toString();
    message.sealed = body.value("sealed"_L1).toString();
    message.status = u"new"_s;
    message.requestHash = hash;
    message.createdAt = now();
    message.updatedAt = message.createdAt;
    if (!m_bookings.begin())
        return Response::error(500, u"internal_error"_s, u"The message could not be saved."_s);
    if (!m_bookings.consumeAltcha(altcha->challenge, altcha->expiresAt, now())) {
        m_bookings.rollback();
        return Response::error(400, u"altcha_invalid"_s, u"The spam check was already used. Please try again."_s,
                               {{u"altcha"_s, u"already used"_s}});
    }
    MailTemplates::BookingContext context;
    context.organisationName = organisation->name;
    context.messageDomain = m_mailFrom.section(u'@', 1);
    message.version = m_bookings.nextVersion(organisation->id);
    if (message.version < 0 || !m_bookings.insertMessage(message) ||
        !Outbox::enqueue(m_bookings, m_api.m_secrets, organisation->id,
                         MailTemplates::messageReceived(message, context), now()) ||
        !m_bookings.commit()) {
        m_bookings.rollback();
        return Response::error(500, u"internal_error"_s, u"The message could not be saved."_s);
    }
    changed(organisation->id, message.version);
    JsonLog::info(u"message_created"_s, {{u"messageId"_s, message.id}});
    return Response::json(201, answer);
}

std::optional<Response> BookingEndpoints::checkSealed(const QString &sealed, const QString &organisationId) const
{
    const auto invalid = [](const QString &why) {
        return Response::error(400, u"sealed_invalid"_s,
                               u"The encrypted details cannot be accepted. Please reload the page and try again."_s,
                               {{u"sealed"_s, why}});
    };
    const auto envelope = Crypto::fromBase64Url(sealed);
    if (!envelope)
        return invalid(u"not strict base64url"_s);
    if (envelope->size() < 3 || quint8(envelope->at(1)) != quint8(Crypto::SealPurpose::BookingFields))
        return invalid(u"not a sealed envelope for booking fields"_s);
    const auto keyIds = Crypto::SealedEnvelope::recipientKeyIds(*envelope);
    if (!keyIds)
        return invalid(u"does not parse: %1"_s.arg(Crypto::errorString(keyIds.error())));
    QSet<QString> active;
    for (const DeviceRecord &device : m_api.m_store.activeDevicesOfOrganisation(organisationId))
        active.insert(device.keyId);
    if (keyIds->isEmpty())
        return invalid(u"names no recipient"_s);
    for (const QByteArray &keyId : *keyIds) {
        if (!active.contains(Crypto::toBase64Url(keyId)))
            return invalid(u"names a key that is not an active device of this organisation"_s);
    }
    return std::nullopt;
}

QJsonObject BookingEndpoints::bookingJson(const BookingRecord &booking) const
{
    return {{u"id"_s, booking.id},
            {u"status"_s, booking.status},
            {u"type"_s, booking.type},
            {u"start"_s, isoUtc(booking.start)},
            {u"end"_s, isoUtc(booking.end)}};
}

Response BookingEndpoints::slotTaken(const SlotQuery &query, qint64 start) const
{
    QJsonArray nearest;
    for (const SlotOffer &slot : m_slots->nearest(query, start, now(), 5))
        nearest.append(QJsonObject{{u"start"_s, isoUtc(slot.start)}, {u"end"_s, isoUtc(slot.end)}});
    return Response::json(409, {{u"error"_s, QJsonObject{{u"code"_s, u"slot_taken"_s},
                                                         {u"message"_s, u"This time has just been taken. "
                                                                        "Please choose another one."_s},
                                                         {u"nearestSlots"_s, nearest}}}});
}

QString BookingEndpoints::manageLink(const Request &request, const QString &token) const
{
    return m_api.publicBase(request) + u"/manage#"_s + token;
}

MailTemplates::BookingContext BookingEndpoints::mailContext(const BookingRecord &booking, const Request &request,
                                                            const QString &token) const
{
    MailTemplates::BookingContext context;
    const auto organisation = m_bookings.organisationById(booking.organisationId);
    context.organisationName = organisation ? organisation->name : QString();
    context.from = m_mailFrom;
    context.messageDomain = m_mailFrom.section(u'@', 1);
    if (!token.isEmpty()) {
        context.manageUrl = manageLink(request, token);
    } else if (const auto reply = m_api.m_secrets.decrypt(booking.replySealed, replyAssociatedData(booking.id))) {
        // The link of the first answer: the server keeps the token only there, under its key.
        const QString relative =
            QJsonDocument::fromJson(*reply).object().value("booking"_L1).toObject().value("manageUrl"_L1).toString();
        const qsizetype hash = relative.indexOf(u'#');
        if (hash >= 0)
            context.manageUrl = manageLink(request, relative.mid(hash + 1));
    }
    return context;
}

void BookingEndpoints::changed(const QString &organisationId, qint64 version) const
{
    if (m_api.m_requestsChanged)
        m_api.m_requestsChanged(organisationId, version);
}

bool BookingEndpoints::queueBookingMail(BookingMailKind kind, const BookingRecord &booking, const Request &request,
                                        const QString &reason)
{
    MailTemplates::BookingContext context = mailContext(booking, request, {});
    context.reason = reason;
    return Outbox::enqueue(m_bookings, m_api.m_secrets, booking.organisationId,
                           MailTemplates::bookingMail(kind, booking, context), now());
}

} // namespace Lotse::Server
