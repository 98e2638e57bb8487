#pragma once

#include "app/ApiError.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

#include <functional>

namespace Lotse::Client {

class ServerClient;

// One busy block in UTC, half-open [start, end).
struct BusyInterval
{
    QDateTime start;
    QDateTime end;

    friend bool operator==(const BusyInterval &, const BusyInterval &) = default;
};

// Turns the events of the calendars that count as busy into merged UTC intervals, and uploads
// them with PUT /api/v1/me/busy. Only times leave the machine: no titles, no attendees.
class BusyTimes
{
public:
    // Occurrences of every event in the given iCalendar documents that overlap [from, to),
    // clipped to it and merged. Transparent and cancelled events do not count, nor do Lotse's own
    // appointments (UID ending in @lotse). All-day events
    // and floating times are read in `localZone` (the advisor's zone).
    [[nodiscard]] static QList<BusyInterval> expand(const QList<QByteArray> &icsDocuments, const QDateTime &from,
                                                    const QDateTime &to, const QTimeZone &localZone);

    // Sorted, with overlapping and touching intervals joined; empty intervals dropped.
    [[nodiscard]] static QList<BusyInterval> merge(QList<BusyInterval> intervals);

    // The body of PUT /api/v1/me/busy; blocks longer than the server's 31 days are split.
    [[nodiscard]] static QJsonObject toJson(const QList<BusyInterval> &busy, const QDateTime &from,
                                            const QDateTime &to);

    static void upload(ServerClient &server, const QList<BusyInterval> &busy, const QDateTime &from,
                       const QDateTime &to, std::function<void(const ApiError &error)> done);
};

} // namespace Lotse::Client
