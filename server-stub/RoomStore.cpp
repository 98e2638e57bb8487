#include "server-stub/RoomStore.h"

#include "server-stub/JsonLog.h"
#include "server-stub/SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

std::optional<qint64> optionalTime(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

const QString roomSelect =
    u"SELECT r.id, r.organisation_id, r.kind, r.visitor_key, r.visitor_key_id, r.visitor_key_added_at, r.last_seq, "
    "r.last_activity_at, r.created_at, (SELECT MAX(e.epoch) FROM room_key_envelopes e WHERE e.room_id = r.id) "
    "FROM rooms r "_s;

RoomRecord roomFrom(const QSqlQuery &q)
{
    RoomRecord r;
    r.id = q.value(0).toString();
    r.organisationId = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.visitorKey = q.value(3).toString();
    r.visitorKeyId = q.value(4).toString();
    r.visitorKeyAddedAt = q.value(5).toLongLong();
    r.lastSeq = q.value(6).toLongLong();
    r.lastActivityAt = optionalTime(q.value(7));
    r.createdAt = q.value(8).toLongLong();
    r.currentEpoch = optionalTime(q.value(9));
    return r;
}

const QString instantColumns = u"id, organisation_id, sealed_name, browser_key, language, status, capability_hash, "
                               "request_hash, reply_sealed, created_at, last_seen_at, taken_by, taken_at, ended_at"_s;

InstantCallRecord instantFrom(const QSqlQuery &q)
{
    InstantCallRecord c;
    c.id = q.value(0).toString();
    c.organisationId = q.value(1).toString();
    c.sealedName = q.value(2).toString();
    c.browserKey = q.value(3).toString();
    c.language = q.value(4).toString();
    c.status = q.value(5).toString();
    c.capabilityHash = q.value(6).toString();
    c.requestHash = q.value(7).toString();
    c.replySealed = q.value(8).toString();
    c.createdAt = q.value(9).toLongLong();
    c.lastSeenAt = q.value(10).toLongLong();
    c.takenBy = q.value(11).toString();
    c.takenAt = optionalTime(q.value(12));
    c.endedAt = optionalTime(q.value(13));
    return c;
}

const QString interpreterColumns = u"id, room_id, organisation_id, capability_hash, created_by, browser_key, key_id, "
                                   "created_at, expires_at, joined_at, ended_at"_s;

InterpreterRecord interpreterFrom(const QSqlQuery &q)
{
    InterpreterRecord i;
    i.id = q.value(0).toString();
    i.roomId = q.value(1).toString();
    i.organisationId = q.value(2).toString();
    i.capabilityHash = q.value(3).toString();
    i.createdBy = q.value(4).toString();
    i.browserKey = q.value(5).toString();
    i.keyId = q.value(6).toString();
    i.createdAt = q.value(7).toLongLong();
    i.expiresAt = q.value(8).toLongLong();
    i.joinedAt = optionalTime(q.value(9));
    i.endedAt = optionalTime(q.value(10));
    return i;
}

} // namespace

RoomStore::RoomStore(const Store &store)
    : m_connectionName(store.database().connectionName())
{}

bool RoomStore::begin()
{
    return sqlConnection(m_connectionName).transaction();
}

bool RoomStore::commit()
{
    return commitOrRollBack(sqlConnection(m_connectionName));
}

void RoomStore::rollback()
{
    sqlConnection(m_connectionName).rollback();
}

std::optional<RoomRecord> RoomStore::roomById(const QString &id) const
{
    Sql q(sqlConnection(m_connectionName), roomSelect + u"WHERE r.id = :id"_s, {{u":id"_s, id}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return roomFrom(q.query);
}

bool RoomStore::insertRoomIfMissing(const RoomRecord &r)
{
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO rooms (id, organisation_id, kind, visitor_key, visitor_key_id, visitor_key_added_at, "
               "last_seq, created_at) VALUES (:id, :org, :kind, :key, :keyId, :added, 0, :created) "
               "ON CONFLICT (id) DO NOTHING"_s,
               {{u":id"_s, r.id},
                {u":org"_s, r.organisationId},
                {u":kind"_s, r.kind},
                {u":key"_s, r.visitorKey},
                {u":keyId"_s, r.visitorKeyId},
                {u":added"_s, r.visitorKeyAddedAt},
                {u":created"_s, r.createdAt}})
        .ok;
}

QList<RoomRecord> RoomStore::roomsOfOrganisation(const QString &organisationId) const
{
    QList<RoomRecord> result;
    Sql q(sqlConnection(m_connectionName),
          roomSelect + u"WHERE r.organisation_id = :org "
                       "ORDER BY COALESCE(r.last_activity_at, r.created_at) DESC, r.created_at DESC, r.id"_s,
          {{u":org"_s, organisationId}});
    while (q.ok && q.query.next())
        result.append(roomFrom(q.query));
    return result;
}

QList<RoomStore::BookingKey> RoomStore::confirmedBookingsWithoutRoom(const QString &organisationId) const
{
    QList<BookingKey> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT b.id, b.browser_key, b.created_at FROM bookings b LEFT JOIN rooms r ON r.id = b.id "
          "WHERE b.organisation_id = :org AND b.status = 'confirmed' AND r.id IS NULL"_s,
          {{u":org"_s, organisationId}});
    while (q.ok && q.query.next())
        result.append({q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toLongLong()});
    return result;
}

std::optional<QString> RoomStore::posterOfEpoch(const QString &roomId, qint64 epoch) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT poster FROM room_key_envelopes WHERE room_id = :room AND epoch = :epoch "
          "ORDER BY created_at, id LIMIT 1"_s,
          {{u":room"_s, roomId}, {u":epoch"_s, epoch}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return q.query.value(0).toString();
}

bool RoomStore::insertKeyEnvelope(const KeyEnvelopeRecord &e, const QStringList &recipientKeyIds)
{
    const QSqlDatabase db = sqlConnection(m_connectionName);
    if (!Sql(db,
             u"INSERT INTO room_key_envelopes (id, room_id, epoch, poster, sender_key_id, sealed, created_at) "
             "VALUES (:id, :room, :epoch, :poster, :sender, :sealed, :created)"_s,
             {{u":id"_s, e.id},
              {u":room"_s, e.roomId},
              {u":epoch"_s, e.epoch},
              {u":poster"_s, e.poster},
              {u":sender"_s, e.senderKeyId},
              {u":sealed"_s, e.sealed},
              {u":created"_s, e.createdAt}})
             .ok)
        return false;
    for (const QString &keyId : recipientKeyIds) {
        if (!Sql(db,
                 u"INSERT INTO room_key_recipients (envelope_id, room_id, key_id) VALUES (:envelope, :room, :key)"_s,
                 {{u":envelope"_s, e.id}, {u":room"_s, e.roomId}, {u":key"_s, keyId}})
                 .ok)
            return false;
    }
    return true;
}

QList<KeyEnvelopeRecord> RoomStore::keyEnvelopesFor(const QString &roomId, const QString &keyId) const
{
    QList<KeyEnvelopeRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT e.id, e.room_id, e.epoch, e.poster, e.sender_key_id, e.sealed, e.created_at "
          "FROM room_key_envelopes e JOIN room_key_recipients k ON k.envelope_id = e.id "
          "WHERE k.room_id = :room AND k.key_id = :key ORDER BY e.epoch, e.created_at, e.id"_s,
          {{u":room"_s, roomId}, {u":key"_s, keyId}});
    while (q.ok && q.query.next()) {
        result.append({q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toLongLong(),
                       q.query.value(3).toString(), q.query.value(4).toString(), q.query.value(5).toString(),
                       q.query.value(6).toLongLong()});
    }
    return result;
}

std::optional<RoomMessageRecord> RoomStore::messageByClientId(const QString &roomId, const QString &senderKeyId,
                                                              const QString &clientId) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT seq, sender_key_id, client_id, envelope, at FROM room_messages "
          "WHERE room_id = :room AND sender_key_id = :sender AND client_id = :client"_s,
          {{u":room"_s, roomId}, {u":sender"_s, senderKeyId}, {u":client"_s, clientId}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return RoomMessageRecord{q.query.value(0).toLongLong(), q.query.value(1).toString(), q.query.value(2).toString(),
                             q.query.value(3).toString(), q.query.value(4).toLongLong()};
}

qint64 RoomStore::appendMessage(const QString &roomId, const RoomMessageRecord &m)
{
    const QSqlDatabase db = sqlConnection(m_connectionName);
    // The row lock of this update orders concurrent senders of one room (PostgreSQL too).
    Sql bump(db, u"UPDATE rooms SET last_seq = last_seq + 1, last_activity_at = :at WHERE id = :room"_s,
             {{u":at"_s, m.at}, {u":room"_s, roomId}});
    if (!bump.ok || bump.query.numRowsAffected() != 1)
        return 0;
    Sql read(db, u"SELECT last_seq FROM rooms WHERE id = :room"_s, {{u":room"_s, roomId}});
    if (!read.ok || !read.query.next())
        return 0;
    const qint64 seq = read.query.value(0).toLongLong();
    if (!Sql(db,
             u"INSERT INTO room_messages (room_id, seq, sender_key_id, client_id, envelope, size, at) "
             "VALUES (:room, :seq, :sender, :client, :envelope, :size, :at)"_s,
             {{u":room"_s, roomId},
              {u":seq"_s, seq},
              {u":sender"_s, m.senderKeyId},
              {u":client"_s, m.clientId},
              {u":envelope"_s, m.envelope},
              {u":size"_s, (m.envelope.size() * 3) / 4},
              {u":at"_s, m.at}})
             .ok)
        return 0;
    return seq;
}

QList<RoomMessageRecord> RoomStore::messagesAfter(const QString &roomId, qint64 after, int limit) const
{
    QList<RoomMessageRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT seq, sender_key_id, client_id, envelope, at FROM room_messages "
          "WHERE room_id = :room AND seq > :after ORDER BY seq LIMIT :limit"_s,
          {{u":room"_s, roomId}, {u":after"_s, after}, {u":limit"_s, limit}});
    while (q.ok && q.query.next()) {
        result.append({q.query.value(0).toLongLong(), q.query.value(1).toString(), q.query.value(2).toString(),
                       q.query.value(3).toString(), q.query.value(4).toLongLong()});
    }
    return result;
}

bool RoomStore::insertInstant(const InstantCallRecord &c)
{
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO instant_calls ("_s + instantColumns +
                   u", arrival) VALUES (:id, :org, :name, :key, :language, :status, :capability, :request, "
                   ":reply, :created, :seen, :takenBy, NULL, NULL, "
                   "(SELECT COALESCE(MAX(arrival), 0) + 1 FROM instant_calls))"_s,
               {{u":id"_s, c.id},
                {u":org"_s, c.organisationId},
                {u":name"_s, c.sealedName},
                {u":key"_s, c.browserKey},
                {u":language"_s, c.language},
                {u":status"_s, c.status},
                {u":capability"_s, c.capabilityHash},
                {u":request"_s, c.requestHash},
                {u":reply"_s, text(c.replySealed)},
                {u":created"_s, c.createdAt},
                {u":seen"_s, c.lastSeenAt},
                {u":takenBy"_s, nullableText(c.takenBy)}})
        .ok;
}

std::optional<InstantCallRecord> RoomStore::instantById(const QString &id) const
{
    Sql q(sqlConnection(m_connectionName), u"SELECT "_s + instantColumns + u" FROM instant_calls WHERE id = :id"_s,
          {{u":id"_s, id}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return instantFrom(q.query);
}

std::optional<InstantCallRecord> RoomStore::instantByCapabilityHash(const QString &hash) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + instantColumns + u" FROM instant_calls WHERE capability_hash = :hash"_s, {{u":hash"_s, hash}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return instantFrom(q.query);
}

QList<InstantCallRecord> RoomStore::waitingOfOrganisation(const QString &organisationId) const
{
    QList<InstantCallRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + instantColumns +
              u" FROM instant_calls WHERE organisation_id = :org AND status = 'waiting' ORDER BY arrival"_s,
          {{u":org"_s, organisationId}});
    while (q.ok && q.query.next())
        result.append(instantFrom(q.query));
    return result;
}

int RoomStore::takeInstant(const QString &organisationId, const QString &id, const QString &advisorId, qint64 now)
{
    Sql q(sqlConnection(m_connectionName),
          u"UPDATE instant_calls SET status = 'taken', taken_by = :advisor, taken_at = :now "
          "WHERE id = :id AND organisation_id = :org AND status = 'waiting'"_s,
          {{u":advisor"_s, advisorId}, {u":now"_s, now}, {u":id"_s, id}, {u":org"_s, organisationId}});
    return q.ok ? q.query.numRowsAffected() : -1;
}

int RoomStore::endWaiting(const QString &id, const QString &status, qint64 now)
{
    Sql q(sqlConnection(m_connectionName),
          u"UPDATE instant_calls SET status = :status, ended_at = :now WHERE id = :id AND status = 'waiting'"_s,
          {{u":status"_s, status}, {u":now"_s, now}, {u":id"_s, id}});
    return q.ok ? q.query.numRowsAffected() : -1;
}

bool RoomStore::touchInstant(const QString &id, qint64 now)
{
    return Sql(sqlConnection(m_connectionName),
               u"UPDATE instant_calls SET last_seen_at = :now WHERE id = :id AND last_seen_at < :now2"_s,
               {{u":now"_s, now}, {u":id"_s, id}, {u":now2"_s, now}})
        .ok;
}

QList<InstantCallRecord> RoomStore::waitingSeenBefore(qint64 before) const
{
    QList<InstantCallRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + instantColumns +
              u" FROM instant_calls WHERE status = 'waiting' AND last_seen_at <= :before ORDER BY arrival"_s,
          {{u":before"_s, before}});
    while (q.ok && q.query.next())
        result.append(instantFrom(q.query));
    return result;
}

QList<qint64> RoomStore::recentWaits(const QString &organisationId, qint64 since, int limit) const
{
    QList<qint64> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT taken_at - created_at FROM instant_calls WHERE organisation_id = :org AND status = 'taken' "
          "AND taken_at >= :since ORDER BY taken_at DESC LIMIT :limit"_s,
          {{u":org"_s, organisationId}, {u":since"_s, since}, {u":limit"_s, limit}});
    while (q.ok && q.query.next())
        result.append(q.query.value(0).toLongLong());
    return result;
}

bool RoomStore::insertInterpreter(const InterpreterRecord &i)
{
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO room_interpreters ("_s + interpreterColumns +
                   u") VALUES (:id, :room, :org, :capability, :by, NULL, NULL, :created, :expires, NULL, NULL)"_s,
               {{u":id"_s, i.id},
                {u":room"_s, i.roomId},
                {u":org"_s, i.organisationId},
                {u":capability"_s, i.capabilityHash},
                {u":by"_s, i.createdBy},
                {u":created"_s, i.createdAt},
                {u":expires"_s, i.expiresAt}})
        .ok;
}

std::optional<InterpreterRecord> RoomStore::interpreterById(const QString &id) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + interpreterColumns + u" FROM room_interpreters WHERE id = :id"_s, {{u":id"_s, id}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return interpreterFrom(q.query);
}

std::optional<InterpreterRecord> RoomStore::interpreterByCapabilityHash(const QString &hash) const
{
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + interpreterColumns + u" FROM room_interpreters WHERE capability_hash = :hash"_s,
          {{u":hash"_s, hash}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return interpreterFrom(q.query);
}

QList<InterpreterRecord> RoomStore::interpretersOfRoom(const QString &roomId) const
{
    QList<InterpreterRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + interpreterColumns +
              u" FROM room_interpreters WHERE room_id = :room ORDER BY created_at, id"_s,
          {{u":room"_s, roomId}});
    while (q.ok && q.query.next())
        result.append(interpreterFrom(q.query));
    return result;
}

int RoomStore::setInterpreterKey(const QString &id, const QString &browserKey, const QString &keyId, qint64 now)
{
    Sql q(sqlConnection(m_connectionName),
          u"UPDATE room_interpreters SET browser_key = :key, key_id = :keyId, joined_at = :now "
          "WHERE id = :id AND browser_key IS NULL AND ended_at IS NULL"_s,
          {{u":key"_s, browserKey}, {u":keyId"_s, keyId}, {u":now"_s, now}, {u":id"_s, id}});
    return q.ok ? q.query.numRowsAffected() : -1;
}

int RoomStore::endInterpreter(const QString &id, qint64 at)
{
    Sql q(sqlConnection(m_connectionName),
          u"UPDATE room_interpreters SET ended_at = :at WHERE id = :id AND ended_at IS NULL"_s,
          {{u":at"_s, at}, {u":id"_s, id}});
    return q.ok ? q.query.numRowsAffected() : -1;
}

QList<InterpreterRecord> RoomStore::interpretersExpiredBy(qint64 now) const
{
    QList<InterpreterRecord> result;
    Sql q(sqlConnection(m_connectionName),
          u"SELECT "_s + interpreterColumns +
              u" FROM room_interpreters WHERE ended_at IS NULL AND expires_at <= :now ORDER BY expires_at"_s,
          {{u":now"_s, now}});
    while (q.ok && q.query.next())
        result.append(interpreterFrom(q.query));
    return result;
}

bool RoomStore::recordCallAddress(const QString &roomId, const QString &participant, const QString &source,
                                  const QString &address, qint64 now)
{
    return Sql(sqlConnection(m_connectionName),
               u"INSERT INTO call_addresses (id, room_id, participant, source, address, anonymised, seen_at) "
               "VALUES (:id, :room, :participant, :source, :address, 0, :now)"_s,
               {{u":id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {u":room"_s, roomId},
                {u":participant"_s, participant},
                {u":source"_s, source},
                {u":address"_s, address},
                {u":now"_s, now}})
        .ok;
}

} // namespace Lotse::Server
