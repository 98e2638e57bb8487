#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace Lotse::Models {

// Pure geometry for the calendar views: which day an instant belongs to in the advisor's zone, how
// long that day really is (23 or 25 hours across DST), and how overlapping appointments share a day.
namespace CalendarLayout {

// One local day in a zone, as the instants it starts and ends at.
struct Day
{
    QDate date;
    QDateTime start; // UTC
    QDateTime end;   // UTC, the next day's start

    [[nodiscard]] qint64 seconds() const { return start.secsTo(end); }
    // Where `instant` falls in the day, 0 at its start and 1 at its end, clamped.
    [[nodiscard]] double fraction(const QDateTime &instant) const;
};

[[nodiscard]] Day day(QDate date, const QTimeZone &zone);
// The seven days Monday to Sunday of the week holding `date`.
[[nodiscard]] QList<Day> week(QDate date, const QTimeZone &zone);

// The part of an appointment on one local day.
struct Piece
{
    QDate date;
    QDateTime start; // UTC, clipped to the day
    QDateTime end;
    bool startsHere = false;
    bool endsHere = false;
};

// Splits [start, end) into one piece per local day it touches; an empty interval gives one piece.
[[nodiscard]] QList<Piece> splitByDay(const QDateTime &start, const QDateTime &end, const QTimeZone &zone);
// True when [start, end) touches more than one local day.
[[nodiscard]] bool isMultiDay(const QDateTime &start, const QDateTime &end, const QTimeZone &zone);

struct Item
{
    QString id;
    QDateTime start;
    QDateTime end;
};

// An item's place among the items it overlaps: column `column` of `columns` in its cluster.
struct Placement
{
    QString id;
    int column = 0;
    int columns = 1;

    friend bool operator==(const Placement &, const Placement &) = default;
};

// Lays out overlapping items side by side. A cluster is a run of items linked by overlaps; each item
// takes the leftmost free column, and all items of a cluster share its column count. Touching items
// (one ends when the next starts) do not overlap. Results come in the order of `items`.
[[nodiscard]] QList<Placement> columns(const QList<Item> &items);

} // namespace CalendarLayout
} // namespace Lotse::Models
