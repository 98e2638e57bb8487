#pragma once

#include "models/Clock.h"

#include <QDir>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace Lotse::Server {

class Store;

// How long the server keeps what it keeps ([retention] in the config; server-stub/README.md).
struct RetentionPeriods
{
    qint64 bookingSeconds = 30 * 86400;        // after the appointment's end, or after cancel/decline
    qint64 roomSeconds = 30 * 86400;           // a booking's room: after the appointment's end
    qint64 instantCallSeconds = 30 * 86400;    // an instant call and its room: after it was taken or ended
    qint64 contactMessageSeconds = 30 * 86400; // after the advisor marked it done
    qint64 accessLogSeconds = 30 * 86400;      // each access log row (IP address, browser)
    qint64 callAddressSeconds = 7 * 86400;     // a call participant's IP address: then anonymised
};

// What one run removed (counts only: the log must not name people or content).
struct RetentionCounts
{
    int bookings = 0;
    int contactMessages = 0;
    int rooms = 0; // rooms whose messages, key envelopes and files were removed
    int roomFiles = 0;
    int instantCalls = 0;
    int accessLog = 0;
    int callAddressesAnonymised = 0;
    int callAddressesDeleted = 0;
};

// The privacy rules' deletion job (DESIGN.md "Privacy rules"): runs at start and hourly on the
// server clock. Bookings and contact messages leave a tombstone with a new change number (API.md
// "Change cursor"), so that incremental syncs learn of the removal; a room keeps its row (its
// `last_seq` is never reused) but loses its messages, key envelopes, files and the visitor's key.
// Each kind of item is removed in one transaction; blobs go after their rows are gone.
class Retention final : public QObject
{
    Q_OBJECT

public:
    // Anonymised call addresses are deleted this long after they were seen.
    static constexpr qint64 callAddressDeleteSeconds = 30 * 86400;

    Retention(const Store &store, const Models::Clock &clock, const QString &dataDir, RetentionPeriods periods,
              QObject *parent = nullptr);

    // Told of every organisation whose change cursor moved (for the advisors' sockets).
    void setRequestsChangedHandler(std::function<void(const QString &organisationId, qint64 cursor)> handler);
    // Runs once now (synchronously: a server that answers has applied the rules) and then hourly.
    void start();
    RetentionCounts runOnce();

private:
    [[nodiscard]] qint64 now() const;
    int removeRequests(const QString &kind, const QString &selectSql, qint64 before);
    int purgeRooms(qint64 now, RetentionCounts &counts);
    // DELETE `sql` (binding :before) in its own transaction; the number of rows removed.
    int removeRows(const QString &kind, const QString &sql, qint64 before);
    int anonymiseCallAddresses(qint64 before);

    QString m_connectionName;
    const Store &m_store;
    const Models::Clock &m_clock;
    QDir m_blobs;
    RetentionPeriods m_periods;
    QTimer m_timer;
    std::function<void(const QString &, qint64)> m_requestsChanged;
};

} // namespace Lotse::Server
