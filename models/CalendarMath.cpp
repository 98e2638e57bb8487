#include "models/CalendarMath.h"

#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>
#include <KCalendarCore/OccurrenceIterator>

#include <QTimeZone>

#include <algorithm>

namespace Lotse::Models {

CalendarMath::CalendarMath() = default;
CalendarMath::~CalendarMath() = default;

CalendarMath CalendarMath::fromIcs(const QByteArray &ics)
{
    // The calendar's own zone only matters for floating times; UTC keeps the result
    // independent of the machine's TZ.
    auto calendar = KCalendarCore::MemoryCalendar::Ptr::create(QTimeZone::utc());
    KCalendarCore::ICalFormat format;
    CalendarMath math;
    if (!ics.trimmed().isEmpty() && format.fromRawString(calendar, ics)) {
        math.m_calendar = calendar;
    }
    return math;
}

bool CalendarMath::isValid() const
{
    return !m_calendar.isNull();
}

int CalendarMath::eventCount() const
{
    return m_calendar ? int(m_calendar->rawEvents().size()) : 0;
}

QList<Occurrence> CalendarMath::occurrences(const QDateTime &from, const QDateTime &to) const
{
    QList<Occurrence> result;
    if (!m_calendar) {
        return result;
    }
    KCalendarCore::OccurrenceIterator it(*m_calendar, from, to);
    while (it.hasNext()) {
        it.next();
        const KCalendarCore::Incidence::Ptr incidence = it.incidence();
        if (incidence->type() != KCalendarCore::IncidenceBase::TypeEvent) {
            continue;
        }
        result.append(
            Occurrence{incidence->uid(), incidence->summary(), it.occurrenceStartDate(), it.occurrenceEndDate()});
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const Occurrence &a, const Occurrence &b) { return a.start.toUTC() < b.start.toUTC(); });
    return result;
}

} // namespace Lotse::Models
