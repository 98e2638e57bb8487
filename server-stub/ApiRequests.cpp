// Advisors' requests: bookings and contact messages of the caller's organisation, and what the
// advisor does with them (API.md, "Requests").
#include "server-stub/BookingEndpoints.h"

#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString isoUtc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject BookingEndpoints::bookingItem(const BookingRecord &b) const
{
    return bookingItem(b, m_bookings.openHeldChanges(b.organisationId, now()));
}

QJsonObject BookingEndpoints::bookingItem(const BookingRecord &b, const QHash<QString, HeldChange> &openHeld)
{
    QJsonObject item{{u"kind"_s, u"booking"_s},
                     {u"id"_s, b.id},
                     {u"status"_s, b.status},
                     {u"type"_s, b.type},
                     {u"start"_s, isoUtc(b.start)},
                     {u"end"_s, isoUtc(b.end)},
                     {u"advisorId"_s, b.advisorId},
                     {u"locationId"_s, nullable(b.locationId)},
                     {u"language"_s, b.language},
                     {u"timeZone"_s, b.timeZone},
                     {u"email"_s, b.email},
                     {u"policyVersion"_s, b.policyVersion},
                     {u"browserKey"_s, b.browserKey},
                     {u"sealed"_s, b.sealed},
                     {u"createdAt"_s, isoUtc(b.createdAt)},
                     {u"sequence"_s, b.sequence},
                     {u"version"_s, b.version},
                     {u"note"_s, nullable(b.noteSealed)},
                     {u"proposal"_s, QJsonValue(QJsonValue::Null)},
                     {u"pendingChange"_s, QJsonValue(QJsonValue::Null)}};
    if (b.proposalStart)
        item.insert(u"proposal"_s,
                    QJsonObject{{u"start"_s, isoUtc(*b.proposalStart)}, {u"end"_s, isoUtc(b.proposalEnd.value_or(0))}});
    const HeldChange held = openHeld.value(b.id);
    if (!held.changeId.isEmpty() && held.isLatestOf(b))
        item.insert(u"pendingChange"_s, QJsonObject{{u"changeId"_s, held.changeId}, {u"until"_s, isoUtc(held.until)}});
    return item;
}

QJsonObject BookingEndpoints::messageItem(const ContactMessageRecord &m)
{
    return {{u"kind"_s, u"message"_s},
            {u"id"_s, m.id},
            {u"status"_s, m.status},
            {u"language"_s, m.language},
            {u"timeZone"_s, m.timeZone},
            {u"email"_s, m.email},
            {u"policyVersion"_s, m.policyVersion},
            {u"browserKey"_s, m.browserKey},
            {u"sealed"_s, m.sealed},
            {u"createdAt"_s, isoUtc(m.createdAt)},
            {u"version"_s, m.version},
            {u"note"_s, QJsonValue(QJsonValue::Null)}};
}

Response BookingEndpoints::listRequests(const Request &request, const Api::Caller &caller)
{
    const bool incremental = request.query.hasQueryItem(u"since"_s);
    const QString status =
        request.query.hasQueryItem(u"status"_s) ? request.query.queryItemValue(u"status"_s) : u"pending"_s;
    if (status != "pending"_L1 && status != "all"_L1)
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"status"_s, u"must be pending or all"_s}});
    qint64 since = 0;
    if (incremental) {
        static const QRegularExpression cursorPattern(u"^[0-9]{1,18}$"_s);
        const QString text = request.query.queryItemValue(u"since"_s);
        if (!cursorPattern.match(text).hasMatch() || request.query.hasQueryItem(u"status"_s))
            return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                                   {{u"since"_s, u"must be a cursor from an earlier answer, without status"_s}});
        since = text.toLongLong();
    }
    const QString organisationId = caller.advisor.organisation.id;
    if (!m_bookings.pruneTombstones(now() - tombstoneSeconds))
        JsonLog::error(u"tombstone_prune_failed"_s);
    // The cursor is read before the rows: a change in between is sent twice, never missed.
    const auto range = m_bookings.versionRange(organisationId);
    if (!range)
        return Response::error(500, u"internal_error"_s, u"The requests could not be read."_s);
    const auto [cursor, floor] = *range;
    QJsonArray requests;
    QJsonObject answer;
    const QHash<QString, HeldChange> held = m_bookings.openHeldChanges(organisationId, now());
    if (incremental && since > 0) {
        if (since > cursor || since < floor)
            return Response::error(410, u"cursor_expired"_s,
                                   u"This cursor can no longer be answered. Please sync in full."_s);
        for (const BookingRecord &b : m_bookings.bookingsChangedSince(organisationId, since))
            requests.append(bookingItem(b, held));
        for (const ContactMessageRecord &m : m_bookings.messagesChangedSince(organisationId, since))
            requests.append(messageItem(m));
        QJsonArray removed;
        for (const Tombstone &t : m_bookings.tombstonesSince(organisationId, since))
            removed.append(t.id);
        answer.insert(u"removed"_s, removed);
    } else {
        // `since=0` is a full sync: every item of any status.
        const bool openOnly = !incremental && status == "pending"_L1;
        for (const BookingRecord &b : m_bookings.bookingsOfOrganisation(organisationId, openOnly))
            requests.append(bookingItem(b, held));
        for (const ContactMessageRecord &m : m_bookings.messagesOfOrganisation(organisationId, openOnly))
            requests.append(messageItem(m));
        answer.insert(u"removed"_s, QJsonArray());
    }
    answer.insert(u"requests"_s, requests);
    answer.insert(u"cursor"_s, QString::number(cursor));
    return Response::json(200, answer);
}

std::optional<Response> BookingEndpoints::checkIfMatch(const Request &request, const BookingRecord &booking) const
{
    QByteArray value = request.header("if-match").trimmed();
    if (value.isEmpty() || value == "*")
        return std::nullopt;
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const qint64 version = value.toLongLong(&ok);
    if (!ok || version < 0 || value.size() > 18 || !std::all_of(value.cbegin(), value.cend(), ::isdigit))
        return Response::error(400, u"validation_failed"_s, u"The If-Match header is not valid."_s,
                               {{u"If-Match"_s, u"must be the item's version, such as \"12\""_s}});
    if (version == booking.version)
        return std::nullopt;
    return versionConflict(booking);
}

Response BookingEndpoints::versionConflict(const BookingRecord &booking) const
{
    return Response::json(409, {{u"error"_s, QJsonObject{{u"code"_s, u"version_conflict"_s},
                                                         {u"message"_s, u"This appointment was changed in the "
                                                                        "meantime. Please look at it again."_s},
                                                         {u"current"_s, bookingItem(booking)}}}});
}

Response BookingEndpoints::bookingAction(const Request &request, const Api::Caller &caller, const QString &bookingId,
                                         const QString &action)
{
    const auto notFound = [] { return Response::error(404, u"not_found"_s, u"There is no such booking."_s); };
    if (!RequestValidator::isUuid(bookingId))
        return notFound();
    auto found = m_bookings.bookingOfOrganisation(caller.advisor.organisation.id, bookingId);
    if (!found)
        return notFound();
    BookingRecord booking = *found;

    QList<FieldRule> rules;
    if (action == "decline"_L1)
        rules << FieldRule{u"reason"_s, QJsonValue::String, true, 1000};
    else if (action == "propose"_L1)
        rules << FieldRule{u"start"_s, QJsonValue::String, true, 32};
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, rules, body))
        return *error;
    if (auto conflict = checkIfMatch(request, booking))
        return *conflict;
    const auto conflict = [](const QString &message) { return Response::error(409, u"invalid_status"_s, message); };
    const auto answer = [&] { return Response::json(200, {{u"booking"_s, bookingItem(booking)}}); };

    BookingMailKind mail = BookingMailKind::Confirmed;
    QString reason;
    if (action == "confirm"_L1) {
        if (booking.status == "confirmed"_L1)
            return answer();
        if (booking.status != "pending"_L1)
            return conflict(u"Only a pending booking can be confirmed."_s);
        booking.status = u"confirmed"_s;
        booking.invited = true;
    } else if (action == "decline"_L1) {
        reason = body.value("reason"_L1).toString().trimmed();
        if (reason.isEmpty() || reason.contains(u'\r'))
            return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                                   {{u"reason"_s, u"must say briefly why (1 to 1000 characters)"_s}});
        if (booking.status == "declined"_L1)
            return answer();
        if (!booking.isActive())
            return conflict(u"This booking can no longer be declined."_s);
        booking.status = u"declined"_s;
        booking.proposalStart.reset();
        booking.proposalEnd.reset();
        if (booking.invited)
            ++booking.sequence;
        mail = BookingMailKind::Declined;
    } else { // propose
        if (booking.status != "pending"_L1 && booking.status != "proposed"_L1)
            return conflict(u"Another time can only be proposed for a pending booking."_s);
        const QString text = body.value("start"_L1).toString();
        const QDateTime start = QDateTime::fromString(text, Qt::ISODate);
        if (text.size() != 20 || !text.endsWith(u'Z') || !start.isValid() || start.toSecsSinceEpoch() <= now())
            return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                                   {{u"start"_s, u"must be a future UTC time such as 2026-11-24T14:00:00Z"_s}});
        const SlotQuery query{booking.organisationId, booking.advisorId, booking.type, booking.locationId, booking.id};
        const auto offer = m_slots->freeAt(query, start.toSecsSinceEpoch(), now());
        if (!offer)
            return slotTaken(query, start.toSecsSinceEpoch());
        booking.status = u"proposed"_s;
        booking.proposalStart = offer->start;
        booking.proposalEnd = offer->end;
        mail = BookingMailKind::Proposed;
    }
    booking.updatedAt = now();
    if (!m_bookings.begin())
        return Response::error(500, u"internal_error"_s, u"The change could not be saved."_s);
    if (booking.proposalStart && m_bookings.overlappingBookings(booking.advisorId, *booking.proposalStart,
                                                                *booking.proposalEnd, booking.id) != 0) {
        m_bookings.rollback();
        return slotTaken({booking.organisationId, booking.advisorId, booking.type, booking.locationId, booking.id},
                         *booking.proposalStart);
    }
    booking.version = m_bookings.nextVersion(booking.organisationId);
    if (booking.version < 0 || !m_bookings.updateBooking(booking) ||
        !queueBookingMail(mail, booking, request, reason) || !m_bookings.commit()) {
        m_bookings.rollback();
        return Response::error(500, u"internal_error"_s, u"The change could not be saved."_s);
    }
    changed(booking.organisationId, booking.version);
    JsonLog::info(u"booking_"_s + action, {{u"bookingId"_s, booking.id}, {u"advisorId"_s, caller.advisor.id}});
    return answer();
}

Response BookingEndpoints::messageDone(const Api::Caller &caller, const QString &messageId)
{
    const auto notFound = [] { return Response::error(404, u"not_found"_s, u"There is no such message."_s); };
    if (!RequestValidator::isUuid(messageId))
        return notFound();
    const QString organisationId = caller.advisor.organisation.id;
    const auto message = m_bookings.messageById(messageId);
    if (!message || message->organisationId != organisationId)
        return notFound();
    const auto answer = [&](qint64 version) {
        return Response::json(
            200,
            {{u"message"_s, QJsonObject{{u"id"_s, messageId}, {u"status"_s, u"done"_s}, {u"version"_s, version}}}});
    };
    if (message->status == "done"_L1)
        return answer(message->version);
    if (!m_bookings.begin())
        return Response::error(500, u"internal_error"_s, u"The message could not be saved."_s);
    const qint64 version = m_bookings.nextVersion(organisationId);
    if (version < 0 || m_bookings.markMessageDone(organisationId, messageId, now(), version) != StoreResult::Ok ||
        !m_bookings.commit()) {
        m_bookings.rollback();
        return Response::error(500, u"internal_error"_s, u"The message could not be saved."_s);
    }
    changed(organisationId, version);
    return answer(version);
}

} // namespace Lotse::Server
