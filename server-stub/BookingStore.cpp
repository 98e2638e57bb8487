#include "server-stub/BookingStore.h"

#include "server-stub/JsonLog.h"
#include "server-stub/SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QVariant nullableTime(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

const QString bookingColumns =
    u"id, organisation_id, advisor_id, type, start_at, end_at, location_id, language, time_zone, email, "
    "policy_version, browser_key, sealed, status, sequence, proposal_start, proposal_end, invited, "
    "manage_token_hash, request_hash, reply_sealed, created_at, updated_at, version, note_sealed"_s;

BookingRecord bookingFrom(const QSqlQuery &q)
{
    BookingRecord b;
    b.id = q.value(0).toString();
    b.organisationId = q.value(1).toString();
    b.advisorId = q.value(2).toString();
    b.type = q.value(3).toString();
    b.start = q.value(4).toLongLong();
    b.end = q.value(5).toLongLong();
    b.locationId = q.value(6).toString();
    b.language = q.value(7).toString();
    b.timeZone = q.value(8).toString();
    b.email = q.value(9).toString();
    b.policyVersion = q.value(10).toString();
    b.browserKey = q.value(11).toString();
    b.sealed = q.value(12).toString();
    b.status = q.value(13).toString();
    b.sequence = q.value(14).toInt();
    if (!q.value(15).isNull())
        b.proposalStart = q.value(15).toLongLong();
    if (!q.value(16).isNull())
        b.proposalEnd = q.value(16).toLongLong();
    b.invited = q.value(17).toInt() != 0;
    b.manageTokenHash = q.value(18).toString();
    b.requestHash = q.value(19).toString();
    b.replySealed = q.value(20).toString();
    b.createdAt = q.value(21).toLongLong();
    b.updatedAt = q.value(22).toLongLong();
    b.version = q.value(23).toLongLong();
    b.noteSealed = q.value(24).toString();
    return b;
}

const QString messageColumns = u"id, organisation_id, language, time_zone, email, policy_version, browser_key, "
                               "sealed, status, request_hash, created_at, updated_at, version"_s;

ContactMessageRecord messageFrom(const QSqlQuery &q)
{
    ContactMessageRecord m;
    m.id = q.value(0).toString();
    m.organisationId = q.value(1).toString();
    m.language = q.value(2).toString();
    m.timeZone = q.value(3).toString();
    m.email = q.value(4).toString();
    m.policyVersion = q.value(5).toString();
    m.browserKey = q.value(6).toString();
    m.sealed = q.value(7).toString();
    m.status = q.value(8).toString();
    m.requestHash = q.value(9).toString();
    m.createdAt = q.value(10).toLongLong();
    m.updatedAt = q.value(11).toLongLong();
    m.version = q.value(12).toLongLong();
    return m;
}

} // namespace

BookingStore::BookingStore(const Store &store)
    : m_connectionName(store.database().connectionName())
{}

bool BookingStore::begin()
{
    return sqlConnection(m_connectionName).transaction();
}

bool BookingStore::commit()
{
    return commitOrRollBack(sqlConnection(m_connectionName));
}

void BookingStore::rollback()
{
    sqlConnection(m_connectionName).rollback();
}

std::optional<OrganisationRecord> BookingStore::organisationById(const QString &id) const
{
    Sql q(sqlConnection(m_connectionName), u"SELECT id, slug, name FROM organisations WHERE id = :id"_s,
          {{u":id"_s, id}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return OrganisationRecord{q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toString()};
}

std::optional<BookingRecord> BookingStore::bookingById(const QString &id) const
{
    Sql q(sqlConnection(m_connectionName), u"SELECT "_s + bookingColumns + u" FROM bookings WHERE id = :id"_s,
          {{u":id"_s, id}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return bookingFrom(q.query);
}

std::optional<BookingRecord> BookingStore::bookingOfOrganisation(const QString &organisationId, const QString &id) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + bookingColumns + u" FROM bookings WHERE id = :id AND organisation_id = :org"_s,
          {{u":id"_s, id}, {u":org"_s, organisationId}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return bookingFrom(q.query);
}

std::optional<BookingRecord> BookingStore::bookingByTokenHash(const QString &tokenHash) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + bookingColumns + u" FROM bookings WHERE manage_token_hash = :hash"_s,
          {{u":hash"_s, tokenHash}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return bookingFrom(q.query);
}

bool BookingStore::insertBooking(const BookingRecord &b)
{
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO bookings ("_s + bookingColumns +
                   u") VALUES (:id, :org, :advisor, :type, :start, :end, :location, :language, :tz, :email, "
                   ":policy, :browserKey, :sealed, :status, :sequence, :pstart, :pend, :invited, :token, :request, "
                   ":reply, :created, :updated, :version, :note)"_s,
               {{u":id"_s, b.id},
                {u":org"_s, b.organisationId},
                {u":advisor"_s, b.advisorId},
                {u":type"_s, b.type},
                {u":start"_s, b.start},
                {u":end"_s, b.end},
                {u":location"_s, nullableText(b.locationId)},
                {u":language"_s, b.language},
                {u":tz"_s, b.timeZone},
                {u":email"_s, b.email},
                {u":policy"_s, b.policyVersion},
                {u":browserKey"_s, b.browserKey},
                {u":sealed"_s, b.sealed},
                {u":status"_s, b.status},
                {u":sequence"_s, b.sequence},
                {u":pstart"_s, nullableTime(b.proposalStart)},
                {u":pend"_s, nullableTime(b.proposalEnd)},
                {u":invited"_s, b.invited ? 1 : 0},
                {u":token"_s, b.manageTokenHash},
                {u":request"_s, b.requestHash},
                {u":reply"_s, text(b.replySealed)},
                {u":created"_s, b.createdAt},
                {u":updated"_s, b.updatedAt},
                {u":version"_s, b.version},
                {u":note"_s, nullableText(b.noteSealed)}})
        .ok;
}

bool BookingStore::updateBooking(const BookingRecord &b)
{
    Sql q(sqlConnection(m_connectionName),
          u"UPDATE bookings SET status = :status, start_at = :start, end_at = :end, sequence = :sequence, "
          "proposal_start = :pstart, proposal_end = :pend, invited = :invited, updated_at = :updated, "
          "version = :version, note_sealed = :note WHERE id = :id AND organisation_id = :org"_s,
          {{u":status"_s, b.status},
           {u":start"_s, b.start},
           {u":end"_s, b.end},
           {u":sequence"_s, b.sequence},
           {u":pstart"_s, nullableTime(b.proposalStart)},
           {u":pend"_s, nullableTime(b.proposalEnd)},
           {u":invited"_s, b.invited ? 1 : 0},
           {u":updated"_s, b.updatedAt},
           {u":version"_s, b.version},
           {u":note"_s, nullableText(b.noteSealed)},
           {u":id"_s, b.id},
           {u":org"_s, b.organisationId}});
    return q.ok && q.query.numRowsAffected() == 1;
}

int BookingStore::overlappingBookings(const QString &advisorId, qint64 start, qint64 end, const QString &exceptId) const
{
    // A proposed booking holds both its time and the proposed time.
    Sql q(sqlConnection(m_connectionName),
          u"SELECT COUNT(*) FROM bookings WHERE advisor_id = :advisor AND id <> :except "
          "AND status IN ('pending', 'confirmed', 'proposed') AND ((start_at < :end AND end_at > :start) "
          "OR (proposal_start IS NOT NULL AND proposal_start < :end2 AND proposal_end > :start2))"_s,
          {{u":advisor"_s, advisorId},
           {u":except"_s, text(exceptId)},
           {u":end"_s, end},
           {u":start"_s, start},
           {u":end2"_s, end},
           {u":start2"_s, start}});
    if (!q.ok || !q.query.next())
        return -1;
    return q.query.value(0).toInt();
}

QList<BookedTime> BookingStore::bookedIntervals(const QString &organisationId, qint64 from, qint64 to,
                                                const QString &exceptId) const
{
    QList<BookedTime> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT advisor_id, start_at, end_at, proposal_start, proposal_end FROM bookings "
          "WHERE organisation_id = :org AND id <> :except AND status IN ('pending', 'confirmed', 'proposed') "
          "AND ((start_at < :to AND end_at > :from) OR (proposal_start IS NOT NULL AND proposal_start < :to2 "
          "AND proposal_end > :from2)) ORDER BY start_at, id"_s,
          {{u":org"_s, organisationId},
           {u":except"_s, text(exceptId)},
           {u":to"_s, to},
           {u":from"_s, from},
           {u":to2"_s, to},
           {u":from2"_s, from}});
    while (q.ok && q.query.next()) {
        const QString advisorId = q.query.value(0).toString();
        const qint64 start = q.query.value(1).toLongLong();
        const qint64 end = q.query.value(2).toLongLong();
        if (start < to && end > from)
            result.append({advisorId, start, end});
        if (!q.query.value(3).isNull()) {
            const qint64 proposedStart = q.query.value(3).toLongLong();
            const qint64 proposedEnd = q.query.value(4).toLongLong();
            if (proposedStart < to && proposedEnd > from)
                result.append({advisorId, proposedStart, proposedEnd});
        }
    }
    return result;
}

QList<BookingRecord> BookingStore::bookingsOfOrganisation(const QString &organisationId, bool openOnly) const
{
    QList<BookingRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + bookingColumns + u" FROM bookings WHERE organisation_id = :org"_s +
              (openOnly ? u" AND status IN ('pending', 'proposed')"_s : QString()) + u" ORDER BY created_at DESC, id"_s,
          {{u":org"_s, organisationId}});
    while (q.ok && q.query.next())
        result.append(bookingFrom(q.query));
    return result;
}

std::optional<ContactMessageRecord> BookingStore::messageById(const QString &id) const
{
    Sql q(sqlConnection(m_connectionName), u"SELECT "_s + messageColumns + u" FROM contact_messages WHERE id = :id"_s,
          {{u":id"_s, id}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return messageFrom(q.query);
}

bool BookingStore::insertMessage(const ContactMessageRecord &m)
{
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO contact_messages ("_s + messageColumns +
                   u") VALUES (:id, :org, :language, :tz, :email, :policy, :browserKey, :sealed, :status, "
                   ":request, :created, :updated, :version)"_s,
               {{u":id"_s, m.id},
                {u":org"_s, m.organisationId},
                {u":language"_s, m.language},
                {u":tz"_s, m.timeZone},
                {u":email"_s, m.email},
                {u":policy"_s, m.policyVersion},
                {u":browserKey"_s, m.browserKey},
                {u":sealed"_s, m.sealed},
                {u":status"_s, m.status},
                {u":request"_s, m.requestHash},
                {u":created"_s, m.createdAt},
                {u":updated"_s, m.updatedAt},
                {u":version"_s, m.version}})
        .ok;
}

StoreResult BookingStore::markMessageDone(const QString &organisationId, const QString &id, qint64 now, qint64 version)
{
    Sql q(sqlConnection(m_connectionName),
          u"UPDATE contact_messages SET status = 'done', updated_at = :now, version = :version "
          "WHERE id = :id AND organisation_id = :org"_s,
          {{u":now"_s, now}, {u":version"_s, version}, {u":id"_s, id}, {u":org"_s, organisationId}});
    if (!q.ok)
        return StoreResult::Failed;
    return q.query.numRowsAffected() == 1 ? StoreResult::Ok : StoreResult::NotFound;
}

QList<ContactMessageRecord> BookingStore::messagesOfOrganisation(const QString &organisationId, bool openOnly) const
{
    QList<ContactMessageRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + messageColumns + u" FROM contact_messages WHERE organisation_id = :org"_s +
              (openOnly ? u" AND status = 'new'"_s : QString()) + u" ORDER BY created_at DESC, id"_s,
          {{u":org"_s, organisationId}});
    while (q.ok && q.query.next())
        result.append(messageFrom(q.query));
    return result;
}

bool BookingStore::enqueueMail(const QString &organisationId, const QString &mailSealed, qint64 now, qint64 notBefore,
                               QString *id)
{
    const QString rowId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (id)
        *id = rowId;
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO outbox (id, organisation_id, mail_sealed, attempts, next_attempt_at, last_error, "
               "created_at, not_before) VALUES (:id, :org, :mail, 0, :next, NULL, :created, :notBefore)"_s,
               {{u":id"_s, rowId},
                {u":org"_s, organisationId},
                {u":mail"_s, mailSealed},
                {u":next"_s, now},
                {u":created"_s, now},
                {u":notBefore"_s, notBefore}})
        .ok;
}

bool BookingStore::claimMail(const QString &id, qint64 seenNextAttempt, qint64 leaseUntil)
{
    Sql q(sqlConnection(m_connectionName),
          u"UPDATE outbox SET next_attempt_at = :lease WHERE id = :id AND next_attempt_at = :seen"_s,
          {{u":lease"_s, leaseUntil}, {u":id"_s, id}, {u":seen"_s, seenNextAttempt}});
    return q.ok && q.query.numRowsAffected() == 1;
}

bool BookingStore::withdrawHeldMail(const QString &id)
{
    // A row the worker took has its next attempt moved past its hold (claimMail).
    Sql q(sqlConnection(m_connectionName),
          u"DELETE FROM outbox WHERE id = :id AND attempts = 0 AND next_attempt_at <= not_before"_s, {{u":id"_s, id}});
    return q.ok && q.query.numRowsAffected() == 1;
}

QList<OutboxMail> BookingStore::dueMails(qint64 now, int limit) const
{
    QList<OutboxMail> result;
    Sql q(
        sqlConnection(m_connectionName),
        u"SELECT id, organisation_id, mail_sealed, attempts, next_attempt_at, created_at FROM outbox "
        "WHERE next_attempt_at <= :now AND not_before <= :now2 ORDER BY next_attempt_at, created_at, id LIMIT :limit"_s,
        {{u":now"_s, now}, {u":now2"_s, now}, {u":limit"_s, limit}});
    while (q.ok && q.query.next())
        result.append({q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toString(),
                       q.query.value(3).toInt(), q.query.value(4).toLongLong(), q.query.value(5).toLongLong()});
    return result;
}

bool BookingStore::deleteMail(const QString &id)
{
    return Sql(sqlConnection(m_connectionName), u"DELETE FROM outbox WHERE id = :id"_s, {{u":id"_s, id}}).ok;
}

bool BookingStore::deferMail(const QString &id, int attempts, qint64 nextAttemptAt, const QString &error)
{
    return Sql(sqlConnection(m_connectionName),
               u"UPDATE outbox SET attempts = :attempts, next_attempt_at = :next, last_error = :error WHERE id = :id"_s,
               {{u":attempts"_s, attempts},
                {u":next"_s, nextAttemptAt},
                {u":error"_s, text(error.left(500))},
                {u":id"_s, id}})
        .ok;
}

qint64 BookingStore::nextVersion(const QString &organisationId)
{
    const QSqlDatabase db = sqlConnection(m_connectionName);
    if (!Sql(db,
             u"INSERT INTO org_changes (organisation_id, counter, floor) VALUES (:org, 0, 0) "
             "ON CONFLICT (organisation_id) DO NOTHING"_s,
             {{u":org"_s, organisationId}})
             .ok ||
        !Sql(db, u"UPDATE org_changes SET counter = counter + 1 WHERE organisation_id = :org"_s,
             {{u":org"_s, organisationId}})
             .ok)
        return -1;
    Sql q(db, u"SELECT counter FROM org_changes WHERE organisation_id = :org"_s, {{u":org"_s, organisationId}});
    if (!q.ok || !q.query.next())
        return -1;
    return q.query.value(0).toLongLong();
}

std::optional<std::pair<qint64, qint64>> BookingStore::versionRange(const QString &organisationId) const
{
    Sql q(sqlConnection(m_connectionName), u"SELECT counter, floor FROM org_changes WHERE organisation_id = :org"_s,
          {{u":org"_s, organisationId}});
    if (!q.ok)
        return std::nullopt;
    if (!q.query.next())
        return std::pair<qint64, qint64>(0, 0);
    return std::pair<qint64, qint64>(q.query.value(0).toLongLong(), q.query.value(1).toLongLong());
}

QList<BookingRecord> BookingStore::bookingsChangedSince(const QString &organisationId, qint64 since) const
{
    QList<BookingRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + bookingColumns +
              u" FROM bookings WHERE organisation_id = :org AND version > :since ORDER BY version, id"_s,
          {{u":org"_s, organisationId}, {u":since"_s, since}});
    while (q.ok && q.query.next())
        result.append(bookingFrom(q.query));
    return result;
}

QList<ContactMessageRecord> BookingStore::messagesChangedSince(const QString &organisationId, qint64 since) const
{
    QList<ContactMessageRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + messageColumns +
              u" FROM contact_messages WHERE organisation_id = :org AND version > :since ORDER BY version, id"_s,
          {{u":org"_s, organisationId}, {u":since"_s, since}});
    while (q.ok && q.query.next())
        result.append(messageFrom(q.query));
    return result;
}

QList<Tombstone> BookingStore::tombstonesSince(const QString &organisationId, qint64 since) const
{
    QList<Tombstone> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT kind, id, version FROM tombstones WHERE organisation_id = :org AND version > :since "
          "ORDER BY version, id"_s,
          {{u":org"_s, organisationId}, {u":since"_s, since}});
    while (q.ok && q.query.next())
        result.append({q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toLongLong()});
    return result;
}

StoreResult BookingStore::removeRequest(const QString &organisationId, const QString &kind, const QString &id,
                                        qint64 now)
{
    if (kind != "booking"_L1 && kind != "message"_L1)
        return StoreResult::NotFound;
    const QSqlDatabase db = sqlConnection(m_connectionName);
    const QString table = kind == "booking"_L1 ? u"bookings"_s : u"contact_messages"_s;
    Sql removed(db, u"DELETE FROM "_s + table + u" WHERE id = :id AND organisation_id = :org"_s,
                {{u":id"_s, id}, {u":org"_s, organisationId}});
    if (!removed.ok)
        return StoreResult::Failed;
    if (removed.query.numRowsAffected() != 1)
        return StoreResult::NotFound;
    if (kind == "booking"_L1 && !Sql(db, u"DELETE FROM held_changes WHERE booking_id = :id"_s, {{u":id"_s, id}}).ok)
        return StoreResult::Failed;
    const qint64 version = nextVersion(organisationId);
    if (version < 0)
        return StoreResult::Failed;
    return Sql(db,
               u"INSERT INTO tombstones (organisation_id, kind, id, version, removed_at) "
               "VALUES (:org, :kind, :id, :version, :now)"_s,
               {{u":org"_s, organisationId},
                {u":kind"_s, kind},
                {u":id"_s, id},
                {u":version"_s, version},
                {u":now"_s, now}})
                   .ok
               ? StoreResult::Ok
               : StoreResult::Failed;
}

bool BookingStore::pruneTombstones(qint64 before)
{
    const QSqlDatabase db = sqlConnection(m_connectionName);
    // A cursor older than a forgotten tombstone could miss that removal: it must sync in full.
    return Sql(db,
               u"UPDATE org_changes SET floor = (SELECT MAX(version) FROM tombstones t "
               "WHERE t.organisation_id = org_changes.organisation_id AND t.removed_at < :before) "
               "WHERE EXISTS (SELECT 1 FROM tombstones t WHERE t.organisation_id = org_changes.organisation_id "
               "AND t.removed_at < :before2)"_s,
               {{u":before"_s, before}, {u":before2"_s, before}})
               .ok &&
           Sql(db, u"DELETE FROM tombstones WHERE removed_at < :before"_s, {{u":before"_s, before}}).ok &&
           Sql(db, u"DELETE FROM held_changes WHERE until_at < :before"_s, {{u":before"_s, before}}).ok;
}

namespace {

const QString heldColumns =
    u"change_id, organisation_id, booking_id, action, previous_start, previous_end, previous_status, "
    "previous_sequence, previous_proposal_start, previous_proposal_end, after_start, after_end, after_status, "
    "after_sequence, outbox_id, until_at, created_at"_s;

HeldChange heldFrom(const QSqlQuery &q)
{
    HeldChange h;
    h.changeId = q.value(0).toString();
    h.organisationId = q.value(1).toString();
    h.bookingId = q.value(2).toString();
    h.action = q.value(3).toString();
    h.previousStart = q.value(4).toLongLong();
    h.previousEnd = q.value(5).toLongLong();
    h.previousStatus = q.value(6).toString();
    h.previousSequence = q.value(7).toInt();
    if (!q.value(8).isNull())
        h.previousProposalStart = q.value(8).toLongLong();
    if (!q.value(9).isNull())
        h.previousProposalEnd = q.value(9).toLongLong();
    h.afterStart = q.value(10).toLongLong();
    h.afterEnd = q.value(11).toLongLong();
    h.afterStatus = q.value(12).toString();
    h.afterSequence = q.value(13).toInt();
    h.outboxId = q.value(14).toString();
    h.until = q.value(15).toLongLong();
    h.createdAt = q.value(16).toLongLong();
    return h;
}

} // namespace

bool BookingStore::insertHeldChange(const HeldChange &h)
{
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO held_changes ("_s + heldColumns +
                   u") VALUES (:change, :org, :booking, :action, :pstart, :pend, :pstatus, :pseq, :ppstart, "
                   ":ppend, :astart, :aend, :astatus, :aseq, :outbox, :until, :created)"_s,
               {{u":change"_s, h.changeId},
                {u":org"_s, h.organisationId},
                {u":booking"_s, h.bookingId},
                {u":action"_s, h.action},
                {u":pstart"_s, h.previousStart},
                {u":pend"_s, h.previousEnd},
                {u":pstatus"_s, h.previousStatus},
                {u":pseq"_s, h.previousSequence},
                {u":ppstart"_s, nullableTime(h.previousProposalStart)},
                {u":ppend"_s, nullableTime(h.previousProposalEnd)},
                {u":astart"_s, h.afterStart},
                {u":aend"_s, h.afterEnd},
                {u":astatus"_s, h.afterStatus},
                {u":aseq"_s, h.afterSequence},
                {u":outbox"_s, h.outboxId},
                {u":until"_s, h.until},
                {u":created"_s, h.createdAt}})
        .ok;
}

std::optional<HeldChange> BookingStore::heldChange(const QString &organisationId, const QString &changeId) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + heldColumns + u" FROM held_changes WHERE change_id = :change AND organisation_id = :org"_s,
          {{u":change"_s, changeId}, {u":org"_s, organisationId}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return heldFrom(q.query);
}

bool BookingStore::deleteHeldChange(const QString &changeId)
{
    return Sql(sqlConnection(m_connectionName), u"DELETE FROM held_changes WHERE change_id = :change"_s,
               {{u":change"_s, changeId}})
        .ok;
}

QHash<QString, HeldChange> BookingStore::openHeldChanges(const QString &organisationId, qint64 now) const
{
    QHash<QString, HeldChange> result;
    Sql q(
        sqlConnection(m_connectionName),
        u"SELECT "_s + heldColumns +
            u" FROM held_changes WHERE organisation_id = :org AND until_at > :now "
            "AND EXISTS (SELECT 1 FROM outbox o WHERE o.id = held_changes.outbox_id) ORDER BY created_at, change_id"_s,
        {{u":org"_s, organisationId}, {u":now"_s, now}});
    while (q.ok && q.query.next()) {
        const HeldChange change = heldFrom(q.query);
        result.insert(change.bookingId, change); // ordered oldest first: the newest wins
    }
    return result;
}

bool BookingStore::consumeAltcha(const QString &challenge, qint64 expiresAt, qint64 now)
{
    const QSqlDatabase db = sqlConnection(m_connectionName);
    if (!Sql(db, u"DELETE FROM altcha_used WHERE expires_at < :now"_s, {{u":now"_s, now}}).ok)
        return false;
    Sql seen(db, u"SELECT COUNT(*) FROM altcha_used WHERE challenge = :challenge"_s, {{u":challenge"_s, challenge}});
    if (!seen.ok || !seen.query.next() || seen.query.value(0).toInt() != 0)
        return false;
    return Sql(db, u"INSERT INTO altcha_used (challenge, expires_at) VALUES (:challenge, :expires)"_s,
               {{u":challenge"_s, challenge}, {u":expires"_s, expiresAt}})
        .ok;
}

} // namespace Lotse::Server
