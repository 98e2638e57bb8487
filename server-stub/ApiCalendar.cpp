// The advisor's calendar (API.md, "Calendar"): moving and cancelling a booking with the
// help-seeker's mail held for an undo window, undoing such a change, and the advisor's private note.
#include "server-stub/BookingEndpoints.h"

#include "server-stub/JsonLog.h"
#include "server-stub/Outbox.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/SecretBox.h"

#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr qint64 minimumDuration = 5 * 60;
constexpr qint64 maximumDuration = 12 * 3600;
constexpr int maximumNoteLength = 64 * 1024;

QString isoUtc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

std::optional<qint64> parseUtc(const QString &text)
{
    if (text.size() != 20 || !text.endsWith(u'Z') || text.at(10) != u'T')
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? std::optional<qint64>(time.toSecsSinceEpoch()) : std::nullopt;
}

Response invalid(const QString &field, const QString &what)
{
    return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, {{field, what}});
}

Response notFound()
{
    return Response::error(404, u"not_found"_s, u"There is no such booking."_s);
}

Response saveFailed()
{
    return Response::error(500, u"internal_error"_s, u"The change could not be saved."_s);
}

} // namespace

Response BookingEndpoints::reschedule(const Request &request, const Api::Caller &caller, const QString &bookingId)
{
    if (!RequestValidator::isUuid(bookingId))
        return notFound();
    const auto found = m_bookings.bookingOfOrganisation(caller.advisor.organisation.id, bookingId);
    if (!found)
        return notFound();
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(
            request, {{u"start"_s, QJsonValue::String, true, 32}, {u"end"_s, QJsonValue::String, false, 32}}, body))
        return *error;
    if (auto conflict = checkIfMatch(request, *found))
        return *conflict;
    const auto start = parseUtc(body.value("start"_L1).toString());
    if (!start || *start <= now())
        return invalid(u"start"_s, u"must be a future UTC time such as 2026-11-24T14:00:00Z"_s);
    std::optional<qint64> end = *start + (found->end - found->start);
    if (body.contains("end"_L1)) {
        end = parseUtc(body.value("end"_L1).toString());
        if (!end)
            return invalid(u"end"_s, u"must be a UTC time such as 2026-11-24T15:00:00Z"_s);
    }
    if (*end - *start < minimumDuration || *end - *start > maximumDuration)
        return invalid(u"end"_s, u"must be 5 minutes to 12 hours after start"_s);
    if (found->status != "pending"_L1 && found->status != "confirmed"_L1)
        return Response::error(409, u"invalid_status"_s, u"Only a pending or confirmed booking can be moved."_s);
    if (*start == found->start && *end == found->end)
        return Response::json(200, {{u"booking"_s, bookingItem(*found)}, {u"undo"_s, QJsonValue::Null}});

    BookingRecord booking = *found;
    booking.start = *start;
    booking.end = *end;
    ++booking.sequence;
    return commitHeldChange(request, caller, booking, *found, BookingMailKind::Moved, {});
}

Response BookingEndpoints::cancel(const Request &request, const Api::Caller &caller, const QString &bookingId)
{
    if (!RequestValidator::isUuid(bookingId))
        return notFound();
    const auto found = m_bookings.bookingOfOrganisation(caller.advisor.organisation.id, bookingId);
    if (!found)
        return notFound();
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, {{u"reason"_s, QJsonValue::String, false, 1000}}, body))
        return *error;
    if (auto conflict = checkIfMatch(request, *found))
        return *conflict;
    const QString reason = body.value("reason"_L1).toString().trimmed();
    if (reason.contains(u'\r'))
        return invalid(u"reason"_s, u"must be text of at most 1000 characters"_s);
    if (found->status == "cancelled"_L1)
        return Response::json(200, {{u"booking"_s, bookingItem(*found)}, {u"undo"_s, QJsonValue::Null}});
    if (!found->isActive())
        return Response::error(409, u"invalid_status"_s, u"This booking can no longer be cancelled."_s);

    BookingRecord booking = *found;
    booking.status = u"cancelled"_s;
    booking.proposalStart.reset();
    booking.proposalEnd.reset();
    if (booking.invited)
        ++booking.sequence;
    return commitHeldChange(request, caller, booking, *found, BookingMailKind::Cancelled, reason);
}

Response BookingEndpoints::commitHeldChange(const Request &request, const Api::Caller &caller, BookingRecord booking,
                                            const BookingRecord &previous, BookingMailKind kind, const QString &reason)
{
    const qint64 t = now();
    booking.updatedAt = t;
    const qint64 until = t + m_undoSeconds;
    MailTemplates::BookingContext context = mailContext(booking, request, {});
    context.reason = reason;
    if (kind == BookingMailKind::Moved)
        context.previousStart = previous.start;
    const MailMessage mail = MailTemplates::bookingMail(kind, booking, context);

    if (!m_bookings.begin())
        return saveFailed();
    // The advisor may move outside working hours, but not onto another appointment or proposal.
    if (booking.isActive() &&
        m_bookings.overlappingBookings(booking.advisorId, booking.start, booking.end, booking.id) != 0) {
        m_bookings.rollback();
        return slotTaken({booking.organisationId, booking.advisorId, booking.type, booking.locationId, booking.id},
                         booking.start);
    }
    booking.version = m_bookings.nextVersion(booking.organisationId);
    QString outboxId;
    if (booking.version < 0 || !m_bookings.updateBooking(booking) ||
        !Outbox::enqueue(m_bookings, m_api.m_secrets, booking.organisationId, mail, t, m_undoSeconds > 0 ? until : 0,
                         &outboxId)) {
        m_bookings.rollback();
        return saveFailed();
    }
    HeldChange held;
    if (m_undoSeconds > 0) {
        held.changeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        held.organisationId = booking.organisationId;
        held.bookingId = booking.id;
        held.action = kind == BookingMailKind::Moved ? u"reschedule"_s : u"cancel"_s;
        held.previousStart = previous.start;
        held.previousEnd = previous.end;
        held.previousStatus = previous.status;
        held.previousSequence = previous.sequence;
        held.previousProposalStart = previous.proposalStart;
        held.previousProposalEnd = previous.proposalEnd;
        held.afterStart = booking.start;
        held.afterEnd = booking.end;
        held.afterStatus = booking.status;
        held.afterSequence = booking.sequence;
        held.outboxId = outboxId;
        held.until = until;
        held.createdAt = t;
        if (!m_bookings.insertHeldChange(held)) {
            m_bookings.rollback();
            return saveFailed();
        }
    }
    if (!m_bookings.commit()) {
        m_bookings.rollback();
        return saveFailed();
    }
    changed(booking.organisationId, booking.version);
    JsonLog::info(u"booking_"_s + (kind == BookingMailKind::Moved ? u"rescheduled"_s : u"cancelled"_s),
                  {{u"bookingId"_s, booking.id}, {u"advisorId"_s, caller.advisor.id}, {u"changeId"_s, held.changeId}});
    QJsonValue undo = QJsonValue::Null;
    if (!held.changeId.isEmpty())
        undo = QJsonObject{{u"changeId"_s, held.changeId}, {u"until"_s, isoUtc(until)}};
    return Response::json(200, {{u"booking"_s, bookingItem(booking)}, {u"undo"_s, undo}});
}

Response BookingEndpoints::undo(const Request &request, const Api::Caller &caller, const QString &bookingId)
{
    if (!RequestValidator::isUuid(bookingId))
        return notFound();
    const auto found = m_bookings.bookingOfOrganisation(caller.advisor.organisation.id, bookingId);
    if (!found)
        return notFound();
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, {{u"changeId"_s, QJsonValue::String, true, 36}}, body))
        return *error;
    if (auto conflict = checkIfMatch(request, *found))
        return *conflict;
    const auto held = m_bookings.heldChange(caller.advisor.organisation.id, body.value("changeId"_L1).toString());
    if (!held || held->bookingId != bookingId)
        return Response::error(404, u"not_found"_s, u"There is no such change."_s);
    const auto tooLate = [] {
        return Response::error(409, u"too_late"_s,
                               u"The mail about this change has already left; it can no longer be undone."_s);
    };
    const qint64 t = now();
    if (t >= held->until)
        return tooLate();
    if (!held->isLatestOf(*found))
        return versionConflict(*found);

    BookingRecord booking = *found;
    booking.start = held->previousStart;
    booking.end = held->previousEnd;
    booking.status = held->previousStatus;
    booking.sequence = held->previousSequence;
    booking.proposalStart = held->previousProposalStart;
    booking.proposalEnd = held->previousProposalEnd;
    booking.updatedAt = t;
    if (!m_bookings.begin())
        return saveFailed();
    // The mail must not have been taken by the outbox worker (then it is on its way).
    if (!m_bookings.withdrawHeldMail(held->outboxId)) {
        m_bookings.rollback();
        return tooLate();
    }
    // The old time may have been booked since the change freed it.
    if (booking.isActive() &&
        m_bookings.overlappingBookings(booking.advisorId, booking.start, booking.end, booking.id) != 0) {
        m_bookings.rollback();
        return slotTaken({booking.organisationId, booking.advisorId, booking.type, booking.locationId, booking.id},
                         booking.start);
    }
    booking.version = m_bookings.nextVersion(booking.organisationId);
    if (booking.version < 0 || !m_bookings.updateBooking(booking) || !m_bookings.deleteHeldChange(held->changeId) ||
        !m_bookings.commit()) {
        m_bookings.rollback();
        return saveFailed();
    }
    changed(booking.organisationId, booking.version);
    JsonLog::info(u"booking_change_undone"_s,
                  {{u"bookingId"_s, booking.id}, {u"advisorId"_s, caller.advisor.id}, {u"changeId"_s, held->changeId}});
    return Response::json(200, {{u"booking"_s, bookingItem(booking)}});
}

Response BookingEndpoints::putNote(const Request &request, const Api::Caller &caller, const QString &bookingId)
{
    if (!RequestValidator::isUuid(bookingId))
        return notFound();
    const auto found = m_bookings.bookingOfOrganisation(caller.advisor.organisation.id, bookingId);
    if (!found)
        return notFound();
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(
            request, {{u"sealed"_s, QJsonValue::String, true, maximumNoteLength, false, true}}, body))
        return *error;
    if (auto conflict = checkIfMatch(request, *found))
        return *conflict;
    const QString sealed = body.value("sealed"_L1).toString();
    if (!body.value("sealed"_L1).isNull()) {
        // Only the desktop can open it; here it must at least be a sealed envelope for advisors.
        const auto envelope = Crypto::fromBase64Url(sealed);
        if (!envelope)
            return invalid(u"sealed"_s, u"not strict base64url"_s);
        if (envelope->size() < 3 || quint8(envelope->at(1)) != quint8(Crypto::SealPurpose::BookingFields))
            return invalid(u"sealed"_s, u"not a sealed envelope of purpose 1"_s);
        const auto keyIds = Crypto::SealedEnvelope::recipientKeyIds(*envelope);
        if (!keyIds || keyIds->isEmpty())
            return invalid(u"sealed"_s, u"does not parse as a sealed envelope"_s);
    }
    const auto answer = [](const BookingRecord &b) {
        return Response::json(
            200, {{u"note"_s, b.noteSealed.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(b.noteSealed)},
                  {u"version"_s, b.version}});
    };
    if (sealed == found->noteSealed)
        return answer(*found);
    BookingRecord booking = *found;
    booking.noteSealed = sealed;
    booking.updatedAt = now();
    if (!m_bookings.begin())
        return saveFailed();
    booking.version = m_bookings.nextVersion(booking.organisationId);
    if (booking.version < 0 || !m_bookings.updateBooking(booking) || !m_bookings.commit()) {
        m_bookings.rollback();
        return saveFailed();
    }
    changed(booking.organisationId, booking.version);
    JsonLog::info(u"booking_note_saved"_s, {{u"bookingId"_s, booking.id}, {u"advisorId"_s, caller.advisor.id}});
    return answer(booking);
}

} // namespace Lotse::Server
