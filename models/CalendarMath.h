#pragma once

#include <QDateTime>
#include <QList>
#include <QSharedPointer>
#include <QString>

namespace KCalendarCore {
class MemoryCalendar;
}

namespace Lotse::Models {

// One concrete occurrence of a calendar event: a recurring event expands into many.
struct Occurrence
{
    QString uid;
    QString summary;
    QDateTime start; // in the event's own time zone; compare instants with toUTC()
    QDateTime end;

    friend bool operator==(const Occurrence &, const Occurrence &) = default;
};

// Calendar math over iCalendar data: parses a document once (VTIMEZONE, RRULE, EXDATE,
// RECURRENCE-ID) and expands its events into occurrences. Periods for availability and
// free/busy are built from these, never from KCalendarCore's FreeBusy(Event::List), which
// misplaces recurring events that carry a TZID.
class CalendarMath
{
public:
    CalendarMath();
    ~CalendarMath();
    CalendarMath(const CalendarMath &) = default;
    CalendarMath &operator=(const CalendarMath &) = default;

    // Parses iCalendar text; the result is invalid when the text is not iCalendar.
    [[nodiscard]] static CalendarMath fromIcs(const QByteArray &ics);

    [[nodiscard]] bool isValid() const;
    [[nodiscard]] int eventCount() const;

    // Occurrences of every event between from and to (both inclusive, as KCalendarCore's
    // OccurrenceIterator counts them), sorted by start instant. Excluded dates are absent.
    [[nodiscard]] QList<Occurrence> occurrences(const QDateTime &from, const QDateTime &to) const;

private:
    QSharedPointer<KCalendarCore::MemoryCalendar> m_calendar;
};

} // namespace Lotse::Models
