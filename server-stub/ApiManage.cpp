// The manage link: a help-seeker's capability token for one booking (API.md, "Manage link").
#include "server-stub/BookingEndpoints.h"

#include "server-stub/AvailabilityStore.h"
#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString isoUtc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

std::optional<qint64> parseUtcParameter(const QString &text)
{
    if (text.size() != 20 || !text.endsWith(u'Z'))
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? std::optional<qint64>(time.toSecsSinceEpoch()) : std::nullopt;
}

} // namespace

QJsonObject BookingEndpoints::manageView(const BookingRecord &booking) const
{
    QJsonObject view = bookingJson(booking);
    view.insert(u"timeZone"_s, booking.timeZone);
    view.insert(u"language"_s, booking.language);
    view.insert(u"sequence"_s, booking.sequence);
    QJsonValue location = QJsonValue::Null;
    if (!booking.locationId.isEmpty()) {
        for (const LocationRecord &l : AvailabilityStore(m_api.m_store).locations(booking.organisationId)) {
            if (l.id == booking.locationId)
                location = QJsonObject{{u"id"_s, l.id}, {u"name"_s, l.name}, {u"address"_s, l.address}};
        }
    }
    view.insert(u"location"_s, location);
    const auto organisation = m_bookings.organisationById(booking.organisationId);
    view.insert(u"organisation"_s, QJsonObject{{u"slug"_s, organisation ? organisation->slug : QString()},
                                               {u"name"_s, organisation ? organisation->name : QString()}});
    view.insert(u"proposal"_s, booking.proposalStart
                                   ? QJsonValue(QJsonObject{{u"start"_s, isoUtc(*booking.proposalStart)},
                                                            {u"end"_s, isoUtc(booking.proposalEnd.value_or(0))}})
                                   : QJsonValue(QJsonValue::Null));
    return view;
}

Response BookingEndpoints::manage(const Request &request, const QString &action)
{
    if (const qint64 wait = m_api.m_publicPerIp.hit(u"ip:"_s + request.remoteAddress); wait > 0) {
        Response response = Response::error(429, u"rate_limited"_s, u"Too many requests. Please wait."_s);
        response.setHeader("Retry-After", QByteArray::number(wait));
        return response;
    }
    const auto invalid = [] {
        Response response = Response::error(401, u"capability_invalid"_s,
                                            u"This link is not valid any more. Please use the link from your "
                                            "latest mail or book again."_s);
        response.setHeader("WWW-Authenticate", "Bearer");
        return response;
    };
    const QString token = request.bearerToken();
    if (token.size() != 43)
        return invalid();
    auto found = m_bookings.bookingByTokenHash(Api::hashToken(token));
    if (!found || now() >= found->end + manageRetentionSeconds)
        return invalid();
    BookingRecord booking = *found;
    const auto answer = [&] { return Response::json(200, {{u"booking"_s, manageView(booking)}}); };
    const SlotQuery query{booking.organisationId, booking.advisorId, booking.type, booking.locationId, booking.id};

    if (action == "view"_L1)
        return answer();
    if (action == "ics"_L1) {
        const auto organisation = m_bookings.organisationById(booking.organisationId);
        Response response;
        response.contentType = "text/calendar; charset=utf-8";
        response.body = MailTemplates::publishIcs(booking, organisation ? organisation->name : QString(), m_mailFrom);
        response.setHeader("Content-Disposition", "attachment; filename=\"appointment.ics\"");
        return response;
    }
    if (action == "slots"_L1) {
        const auto from = parseUtcParameter(request.query.queryItemValue(u"from"_s));
        const auto to = parseUtcParameter(request.query.queryItemValue(u"to"_s));
        QMap<QString, QString> fields;
        if (!from)
            fields.insert(u"from"_s, u"must be a UTC time such as 2026-11-24T00:00:00Z"_s);
        if (!to)
            fields.insert(u"to"_s, u"must be a UTC time such as 2026-12-08T00:00:00Z"_s);
        if (from && to && (*to <= *from || *to - *from > 62 * 24 * 3600))
            fields.insert(u"to"_s, u"must be after from, at most 62 days later"_s);
        if (!fields.isEmpty())
            return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, fields);
        QJsonArray offered;
        for (const SlotOffer &slot : m_slots->freeSlots(query, *from, *to, now()))
            offered.append(QJsonObject{{u"start"_s, isoUtc(slot.start)}, {u"end"_s, isoUtc(slot.end)}});
        return Response::json(200, {{u"slots"_s, offered}});
    }

    // Writes
    QList<FieldRule> rules;
    if (action == "reschedule"_L1)
        rules << FieldRule{u"start"_s, QJsonValue::String, true, 32};
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, rules, body))
        return *error;
    const auto conflict = [](const QString &message) { return Response::error(409, u"invalid_status"_s, message); };

    BookingMailKind mail = BookingMailKind::Cancelled;
    if (action == "cancel"_L1) {
        if (booking.status == "cancelled"_L1)
            return answer();
        if (!booking.isActive())
            return conflict(u"This appointment can no longer be cancelled."_s);
        booking.status = u"cancelled"_s;
        booking.proposalStart.reset();
        booking.proposalEnd.reset();
        if (booking.invited)
            ++booking.sequence;
    } else if (action == "reschedule"_L1) {
        if (booking.status != "pending"_L1 && booking.status != "confirmed"_L1)
            return conflict(u"This appointment can no longer be moved."_s);
        const auto start = parseUtcParameter(body.value("start"_L1).toString());
        if (!start || *start <= now())
            return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                                   {{u"start"_s, u"must be a future UTC time such as 2026-11-24T14:00:00Z"_s}});
        if (*start == booking.start)
            return answer();
        const auto offer = m_slots->freeAt(query, *start, now());
        if (!offer)
            return slotTaken(query, *start);
        booking.start = offer->start;
        booking.end = offer->end;
        ++booking.sequence;
        mail = BookingMailKind::Rescheduled;
    } else { // accept-proposal
        if (booking.status != "proposed"_L1 || !booking.proposalStart)
            return conflict(u"There is no proposal to accept."_s);
        booking.start = *booking.proposalStart;
        booking.end = booking.proposalEnd.value_or(*booking.proposalStart);
        booking.proposalStart.reset();
        booking.proposalEnd.reset();
        booking.status = u"confirmed"_s;
        booking.invited = true;
        ++booking.sequence;
        mail = BookingMailKind::Confirmed;
    }
    booking.updatedAt = now();

    if (!m_bookings.begin())
        return Response::error(500, u"internal_error"_s, u"The change could not be saved."_s);
    if (booking.isActive() &&
        m_bookings.overlappingBookings(booking.advisorId, booking.start, booking.end, booking.id) != 0) {
        m_bookings.rollback();
        return slotTaken(query, booking.start);
    }
    booking.version = m_bookings.nextVersion(booking.organisationId);
    if (booking.version < 0 || !m_bookings.updateBooking(booking) || !queueBookingMail(mail, booking, request) ||
        !m_bookings.commit()) {
        m_bookings.rollback();
        return Response::error(500, u"internal_error"_s, u"The change could not be saved."_s);
    }
    changed(booking.organisationId, booking.version);
    JsonLog::info(u"booking_managed"_s, {{u"bookingId"_s, booking.id}, {u"action"_s, action}});
    return answer();
}

} // namespace Lotse::Server
