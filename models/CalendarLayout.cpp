#include "models/CalendarLayout.h"

#include <algorithm>
#include <numeric>

namespace Lotse::Models::CalendarLayout {

double Day::fraction(const QDateTime &instant) const
{
    const qint64 total = seconds();
    if (total <= 0)
        return 0.0;
    const qint64 offset = std::clamp<qint64>(start.secsTo(instant), 0, total);
    return double(offset) / double(total);
}

namespace {

// The first instant of a local date; where midnight is skipped by a DST jump, Qt moves it forward.
QDateTime startOf(QDate date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(0, 0), zone).toUTC();
}

} // namespace

Day day(QDate date, const QTimeZone &zone)
{
    return Day{date, startOf(date, zone), startOf(date.addDays(1), zone)};
}

QList<Day> week(QDate date, const QTimeZone &zone)
{
    const QDate monday = date.addDays(1 - date.dayOfWeek());
    QList<Day> days;
    days.reserve(7);
    for (int i = 0; i < 7; ++i)
        days.append(day(monday.addDays(i), zone));
    return days;
}

QList<Piece> splitByDay(const QDateTime &start, const QDateTime &end, const QTimeZone &zone)
{
    const QDateTime from = start.toUTC();
    const QDateTime to = std::max(end.toUTC(), from);
    QList<Piece> pieces;
    QDate date = from.toTimeZone(zone).date();
    for (;;) {
        const Day d = day(date, zone);
        Piece piece{date, std::max(from, d.start), std::min(to, d.end), from >= d.start, to <= d.end};
        pieces.append(piece);
        if (piece.endsHere)
            break;
        date = date.addDays(1);
    }
    return pieces;
}

bool isMultiDay(const QDateTime &start, const QDateTime &end, const QTimeZone &zone)
{
    return splitByDay(start, end, zone).size() > 1;
}

QList<Placement> columns(const QList<Item> &items)
{
    QList<int> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&items](int a, int b) {
        if (items[a].start != items[b].start)
            return items[a].start < items[b].start;
        return items[a].end > items[b].end;
    });

    QList<Placement> placements(items.size());
    QList<int> cluster;          // indexes into items
    QList<QDateTime> columnEnds; // the end of the last item in each column of the current cluster
    QDateTime clusterEnd;
    const auto closeCluster = [&] {
        for (int index : std::as_const(cluster))
            placements[index].columns = int(columnEnds.size());
        cluster.clear();
        columnEnds.clear();
    };
    for (int index : std::as_const(order)) {
        const Item &item = items[index];
        const QDateTime itemEnd = std::max(item.end, item.start);
        if (!cluster.isEmpty() && item.start >= clusterEnd)
            closeCluster();
        if (cluster.isEmpty())
            clusterEnd = itemEnd;
        auto free = std::find_if(columnEnds.begin(), columnEnds.end(),
                                 [&item](const QDateTime &columnEnd) { return columnEnd <= item.start; });
        int column = int(free - columnEnds.begin());
        if (free == columnEnds.end())
            columnEnds.append(itemEnd);
        else
            *free = itemEnd;
        placements[index] = Placement{item.id, column, 1};
        cluster.append(index);
        clusterEnd = std::max(clusterEnd, itemEnd);
    }
    closeCluster();
    return placements;
}

} // namespace Lotse::Models::CalendarLayout
