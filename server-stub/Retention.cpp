#include "server-stub/Retention.h"

#include "server-stub/BookingEndpoints.h"
#include "server-stub/BookingStore.h"
#include "server-stub/CallAddresses.h"
#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/SqlStatement.h"
#include "server-stub/Store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

bool commitOrRollBack(QSqlDatabase db, bool ok)
{
    if (ok && db.commit())
        return true;
    db.rollback();
    return false;
}

// Bookings that ended a period ago, and cancelled or declined ones a period after that (the
// booking's `updated_at` is when it was cancelled or declined).
const QString dueBookings =
    u"SELECT organisation_id, id FROM bookings WHERE end_at <= :before "
    "OR (status IN ('cancelled', 'declined') AND updated_at <= :before2) ORDER BY organisation_id"_s;
const QString dueMessages = u"SELECT organisation_id, id FROM contact_messages WHERE status = 'done' "
                            "AND updated_at <= :before ORDER BY organisation_id"_s;

} // namespace

Retention::Retention(const Store &store, const Models::Clock &clock, const QString &dataDir, RetentionPeriods periods,
                     QObject *parent)
    : QObject(parent)
    , m_connectionName(store.database().connectionName())
    , m_store(store)
    , m_clock(clock)
    , m_blobs(QDir(dataDir).filePath(u"blobs"_s))
    , m_periods(periods)
{
    m_timer.setInterval(3600 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { runOnce(); });
}

void Retention::setRequestsChangedHandler(std::function<void(const QString &, qint64)> handler)
{
    m_requestsChanged = std::move(handler);
}

void Retention::start()
{
    runOnce();
    m_timer.start();
}

qint64 Retention::now() const
{
    return m_clock.now().toSecsSinceEpoch();
}

RetentionCounts Retention::runOnce()
{
    const qint64 at = now();
    RetentionCounts counts;
    // Bookings before rooms: a removed booking's room goes in the same run.
    counts.bookings = removeRequests(u"booking"_s, dueBookings, at - m_periods.bookingSeconds);
    counts.contactMessages = removeRequests(u"message"_s, dueMessages, at - m_periods.contactMessageSeconds);
    counts.rooms = purgeRooms(at, counts);
    counts.instantCalls = removeRows(u"instant_call"_s,
                                     u"DELETE FROM instant_calls WHERE status <> 'waiting' "
                                     "AND COALESCE(taken_at, ended_at, created_at) <= :before"_s,
                                     at - m_periods.instantCallSeconds);
    counts.accessLog =
        removeRows(u"access_log"_s, u"DELETE FROM access_log WHERE at <= :before"_s, at - m_periods.accessLogSeconds);
    counts.callAddressesAnonymised = anonymiseCallAddresses(at - m_periods.callAddressSeconds);
    counts.callAddressesDeleted = removeRows(
        u"call_address"_s, u"DELETE FROM call_addresses WHERE seen_at <= :before"_s, at - callAddressDeleteSeconds);
    // Tombstones answer `since` cursors for 30 days (API.md "Change cursor"); then they go too.
    if (BookingStore bookings(m_store); !bookings.pruneTombstones(at - BookingEndpoints::tombstoneSeconds))
        JsonLog::error(u"retention_failed"_s, {{u"kind"_s, u"tombstone"_s}});
    const int total = counts.bookings + counts.contactMessages + counts.rooms + counts.roomFiles + counts.instantCalls +
                      counts.accessLog + counts.callAddressesAnonymised + counts.callAddressesDeleted;
    if (total > 0) {
        // Old page images in the write-ahead log still hold what was removed: write them back
        // (secure_delete zeroed the freed space) and empty the log.
        QSqlQuery checkpoint(QSqlDatabase::database(m_connectionName, false));
        if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
            JsonLog::warning(u"retention_checkpoint_failed"_s, {{u"error"_s, checkpoint.lastError().text()}});
    }
    JsonLog::info(u"retention"_s, {{u"bookings"_s, counts.bookings},
                                   {u"contactMessages"_s, counts.contactMessages},
                                   {u"rooms"_s, counts.rooms},
                                   {u"roomFiles"_s, counts.roomFiles},
                                   {u"instantCalls"_s, counts.instantCalls},
                                   {u"accessLog"_s, counts.accessLog},
                                   {u"callAddressesAnonymised"_s, counts.callAddressesAnonymised},
                                   {u"callAddressesDeleted"_s, counts.callAddressesDeleted}});
    return counts;
}

int Retention::removeRequests(const QString &kind, const QString &selectSql, qint64 before)
{
    BookingStore bookings(m_store);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!bookings.begin()) {
        JsonLog::error(u"retention_failed"_s, {{u"kind"_s, kind}});
        return 0;
    }
    const bool booking = kind == "booking"_L1;
    Sql due = booking ? Sql(db, selectSql, {{u":before"_s, before}, {u":before2"_s, before}})
                      : Sql(db, selectSql, {{u":before"_s, before}});
    QList<std::pair<QString, QString>> items;
    while (due.ok && due.query.next())
        items.append({due.query.value(0).toString(), due.query.value(1).toString()});
    bool ok = due.ok;
    const qint64 at = now();
    for (const auto &[organisationId, id] : std::as_const(items)) {
        if (bookings.removeRequest(organisationId, kind, id, at) != StoreResult::Ok) {
            ok = false;
            break;
        }
    }
    if (ok && items.isEmpty()) {
        bookings.rollback();
        return 0;
    }
    if (!ok || !bookings.commit()) {
        if (!ok)
            bookings.rollback();
        JsonLog::error(u"retention_failed"_s, {{u"kind"_s, kind}});
        return 0;
    }
    if (m_requestsChanged) {
        QStringList organisations;
        for (const auto &item : std::as_const(items)) {
            if (!organisations.contains(item.first))
                organisations.append(item.first);
        }
        for (const QString &organisationId : std::as_const(organisations)) {
            if (const auto range = bookings.versionRange(organisationId))
                m_requestsChanged(organisationId, range->first);
        }
    }
    return int(items.size());
}

int Retention::purgeRooms(qint64 at, RetentionCounts &counts)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        JsonLog::error(u"retention_failed"_s, {{u"kind"_s, u"room"_s}});
        return 0;
    }
    // A booking's room goes a period after the appointment's end (or with its booking); an
    // instant call's a period after it was taken or ended (or with its call). Only rooms that
    // still hold something: the emptied row stays for its sequence.
    Sql due(db,
            u"SELECT r.id FROM rooms r LEFT JOIN bookings b ON r.kind = 'booking' AND b.id = r.id "
            "LEFT JOIN instant_calls c ON r.kind = 'instant' AND c.id = r.id "
            "WHERE (r.visitor_key <> '' OR EXISTS (SELECT 1 FROM room_messages m WHERE m.room_id = r.id) "
            "OR EXISTS (SELECT 1 FROM room_key_envelopes e WHERE e.room_id = r.id) "
            "OR EXISTS (SELECT 1 FROM room_files f WHERE f.room_id = r.id) "
            "OR EXISTS (SELECT 1 FROM room_interpreters i WHERE i.room_id = r.id)) "
            "AND ((r.kind = 'booking' AND (b.id IS NULL OR b.end_at <= :roomBefore)) "
            "OR (r.kind = 'instant' AND (c.id IS NULL OR (c.status <> 'waiting' "
            "AND COALESCE(c.taken_at, c.ended_at, c.created_at) <= :instantBefore))))"_s,
            {{u":roomBefore"_s, at - m_periods.roomSeconds}, {u":instantBefore"_s, at - m_periods.instantCallSeconds}});
    QStringList rooms;
    while (due.ok && due.query.next())
        rooms.append(due.query.value(0).toString());
    bool ok = due.ok;
    int files = 0;
    for (const QString &room : std::as_const(rooms)) {
        const std::initializer_list<std::pair<QString, QVariant>> binds = {{u":room"_s, room}};
        Sql countFiles(db, u"SELECT COUNT(*) FROM room_files WHERE room_id = :room"_s, binds);
        ok = ok && countFiles.ok && countFiles.query.next();
        if (!ok)
            break;
        files += countFiles.query.value(0).toInt();
        ok = Sql(db, u"DELETE FROM room_key_recipients WHERE room_id = :room"_s, binds).ok &&
             Sql(db, u"DELETE FROM room_key_envelopes WHERE room_id = :room"_s, binds).ok &&
             Sql(db, u"DELETE FROM room_messages WHERE room_id = :room"_s, binds).ok &&
             Sql(db, u"DELETE FROM room_files WHERE room_id = :room"_s, binds).ok &&
             Sql(db, u"DELETE FROM room_interpreters WHERE room_id = :room"_s, binds).ok &&
             Sql(db, u"UPDATE rooms SET visitor_key = '', visitor_key_id = '' WHERE id = :room"_s, binds).ok;
        if (!ok)
            break;
    }
    if (ok && rooms.isEmpty()) {
        db.rollback();
        return 0;
    }
    if (!commitOrRollBack(db, ok)) {
        JsonLog::error(u"retention_failed"_s, {{u"kind"_s, u"room"_s}});
        return 0;
    }
    // The rows are gone first: a blob without a row is harmless, a row without its blob is not.
    for (const QString &room : std::as_const(rooms)) {
        if (RequestValidator::isUuid(room) && m_blobs.exists(room) && !QDir(m_blobs.filePath(room)).removeRecursively())
            JsonLog::error(u"retention_blob_remove_failed"_s);
    }
    counts.roomFiles = files;
    return int(rooms.size());
}

int Retention::removeRows(const QString &kind, const QString &sql, qint64 before)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return 0;
    Sql removed(db, sql, {{u":before"_s, before}});
    const int count = removed.ok ? removed.query.numRowsAffected() : 0;
    if (!commitOrRollBack(db, removed.ok)) {
        JsonLog::error(u"retention_failed"_s, {{u"kind"_s, kind}});
        return 0;
    }
    return count;
}

int Retention::anonymiseCallAddresses(qint64 before)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return 0;
    // The cut is done here, not in SQL: SQLite has no address functions.
    Sql due(db, u"SELECT id, address FROM call_addresses WHERE anonymised = 0 AND seen_at <= :before"_s,
            {{u":before"_s, before}});
    QList<std::pair<QString, QString>> rows;
    while (due.ok && due.query.next())
        rows.append({due.query.value(0).toString(), due.query.value(1).toString()});
    bool ok = due.ok;
    for (const auto &[rowId, address] : std::as_const(rows)) {
        ok = Sql(db, u"UPDATE call_addresses SET address = :address, anonymised = 1 WHERE id = :row"_s,
                 {{u":address"_s, CallAddresses::anonymise(address)}, {u":row"_s, rowId}})
                 .ok;
        if (!ok)
            break;
    }
    if (!commitOrRollBack(db, ok)) {
        JsonLog::error(u"retention_failed"_s, {{u"kind"_s, u"call_address"_s}});
        return 0;
    }
    return int(rows.size());
}

} // namespace Lotse::Server
