#include "models/SlotEngine.h"

#include <QDateTime>

#include <algorithm>

namespace Lotse::Models {

namespace {

constexpr qint64 day = 86400;
constexpr qint64 julianDayOfEpoch = 2440588; // 1970-01-01

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

QDate dateOfNaive(qint64 naive)
{
    return QDate::fromJulianDay(julianDayOfEpoch + floorDiv(naive, day));
}

qint64 naiveOf(const QDate &date, int minute)
{
    return (date.toJulianDay() - julianDayOfEpoch) * day + qint64(minute) * 60;
}

// A zone's UTC offsets over a window, looked up without QDateTime: the slot query converts
// thousands of local times, and the zone's transitions in a window are few.
class ZoneOffsets
{
public:
    ZoneOffsets(const QTimeZone &zone, qint64 from, qint64 to)
    {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(from, QTimeZone::utc());
        m_initial = zone.offsetFromUtc(start);
        if (zone.hasTransitions()) {
            const auto transitions = zone.transitions(start, QDateTime::fromSecsSinceEpoch(to, QTimeZone::utc()));
            for (const QTimeZone::OffsetData &t : transitions)
                m_transitions.append({t.atUtc.toSecsSinceEpoch(), t.offsetFromUtc});
        }
    }

    [[nodiscard]] int offsetAt(qint64 utc) const
    {
        const auto it = std::upper_bound(m_transitions.cbegin(), m_transitions.cend(), utc,
                                         [](qint64 value, const Transition &t) { return value < t.at; });
        return it == m_transitions.cbegin() ? m_initial : std::prev(it)->offset;
    }

    [[nodiscard]] qint64 toUtc(qint64 naive) const
    {
        const qint64 early = naive - offsetAt(naive - day);
        const qint64 late = naive - offsetAt(naive + day);
        const bool earlyValid = early + offsetAt(early) == naive;
        const bool lateValid = late + offsetAt(late) == naive;
        if (earlyValid && lateValid)
            return std::min(early, late); // repeated local time: the first occurrence
        if (earlyValid)
            return early;
        if (lateValid)
            return late;
        // In the gap: the instant the clocks jump.
        const qint64 lower = std::min(early, late);
        const auto it = std::upper_bound(m_transitions.cbegin(), m_transitions.cend(), lower,
                                         [](qint64 value, const Transition &t) { return value < t.at; });
        return it != m_transitions.cend() ? it->at : std::max(early, late);
    }

    [[nodiscard]] qint64 toNaive(qint64 utc) const { return utc + offsetAt(utc); }

private:
    struct Transition
    {
        qint64 at;
        int offset;
    };
    int m_initial = 0;
    QList<Transition> m_transitions;
};

QList<TimeInterval> normalised(QList<TimeInterval> intervals)
{
    intervals.removeIf([](const TimeInterval &i) { return i.end <= i.start; });
    std::sort(intervals.begin(), intervals.end(),
              [](const TimeInterval &a, const TimeInterval &b) { return a.start < b.start; });
    QList<TimeInterval> merged;
    for (const TimeInterval &i : std::as_const(intervals)) {
        if (!merged.isEmpty() && i.start <= merged.last().end)
            merged.last().end = std::max(merged.last().end, i.end);
        else
            merged.append(i);
    }
    return merged;
}

// Does [start, end) overlap any of the sorted, merged intervals?
bool overlaps(const QList<TimeInterval> &intervals, qint64 start, qint64 end)
{
    const auto it = std::upper_bound(intervals.cbegin(), intervals.cend(), start,
                                     [](qint64 value, const TimeInterval &i) { return value < i.end; });
    return it != intervals.cend() && it->start < end;
}

} // namespace

qint64 SlotEngine::localToUtc(const QDate &date, int minute, const QTimeZone &zone)
{
    const qint64 naive = naiveOf(date, minute);
    return ZoneOffsets(zone, naive - 3 * day, naive + 3 * day).toUtc(naive);
}

QList<Slot> SlotEngine::freeSlots(const AdvisorSchedule &advisor, const OrganisationCalendar &organisation,
                                  const SlotRequest &request)
{
    const Availability &rules = advisor.availability;
    const AppointmentTypeRule *rule = rules.rule(request.type);
    if (!rule || rule->durationMinutes <= 0 || rules.slotStepMinutes <= 0)
        return {};
    if (request.type == AppointmentType::Onsite) {
        const auto offered = [&](const QString &id) {
            return rule->locationIds.contains(id) && organisation.activeLocationIds.contains(id);
        };
        if (request.locationId.isEmpty() ? std::none_of(rule->locationIds.cbegin(), rule->locationIds.cend(), offered)
                                         : !offered(request.locationId))
            return {};
    }
    const QTimeZone zone(rules.timeZone.toUtf8());
    if (!zone.isValid())
        return {};

    const qint64 duration = qint64(rule->durationMinutes) * 60;
    const qint64 step = qint64(rules.slotStepMinutes) * 60;
    const qint64 before = qint64(rules.bufferBeforeMinutes) * 60;
    const qint64 after = qint64(rules.bufferAfterMinutes) * 60;
    const qint64 earliest = std::max(request.from, request.now + qint64(rules.minimumNoticeMinutes) * 60);
    const qint64 latest = std::min(request.to, request.now + qint64(rules.horizonDays) * day); // exclusive
    if (earliest >= latest)
        return {};

    const ZoneOffsets offsets(zone, earliest - 3 * day, latest + duration + 3 * day);
    QList<TimeInterval> closed; // the appointment itself may not touch these
    for (const Absence &absence : rules.absences) {
        closed.append({offsets.toUtc(naiveOf(absence.start.date, absence.start.minute)),
                       offsets.toUtc(naiveOf(absence.end.date, absence.end.minute))});
    }
    if (!organisation.holidays.isEmpty()) {
        const ZoneOffsets orgOffsets(organisation.timeZone, earliest - 3 * day, latest + duration + 3 * day);
        for (const QDate &holiday : organisation.holidays)
            closed.append({orgOffsets.toUtc(naiveOf(holiday, 0)), orgOffsets.toUtc(naiveOf(holiday.addDays(1), 0))});
    }
    closed = normalised(closed);
    QList<TimeInterval> taken = advisor.busy; // the appointment with its buffers may not touch these
    for (const TimeInterval &booking : advisor.bookings)
        taken.append({booking.start - before, booking.end + after});
    taken = normalised(taken);

    QList<Slot> result;
    const QDate firstDate = dateOfNaive(offsets.toNaive(earliest)).addDays(-1);
    const QDate lastDate = dateOfNaive(offsets.toNaive(latest)).addDays(1);
    for (QDate date = firstDate; date <= lastDate; date = date.addDays(1)) {
        for (const DayRange &range : rules.weekly.at(size_t(date.dayOfWeek() - 1))) {
            const qint64 rangeStart = offsets.toUtc(naiveOf(date, range.startMinute));
            const qint64 rangeEnd = offsets.toUtc(naiveOf(date, range.endMinute));
            qint64 start = rangeStart;
            if (start < earliest)
                start += (earliest - start + step - 1) / step * step;
            for (; start < latest && start + duration <= rangeEnd; start += step) {
                const qint64 end = start + duration;
                if (overlaps(closed, start, end) || overlaps(taken, start - before, end + after))
                    continue;
                result.append(Slot{start, end, {advisor.advisorId}});
            }
        }
    }
    return result;
}

QList<Slot> SlotEngine::merge(const QList<QList<Slot>> &perAdvisor)
{
    QList<Slot> all;
    for (const QList<Slot> &list : perAdvisor)
        all.append(list);
    // Stable: advisors free at the same start stay in the order they were given.
    std::stable_sort(all.begin(), all.end(), [](const Slot &a, const Slot &b) { return a.start < b.start; });
    QList<Slot> merged;
    for (const Slot &slot : std::as_const(all)) {
        if (!merged.isEmpty() && merged.last().start == slot.start) {
            Slot &last = merged.last();
            last.end = std::min(last.end, slot.end);
            last.advisorIds.append(slot.advisorIds); // an advisor offers each start at most once
        } else {
            merged.append(slot);
        }
    }
    return merged;
}

} // namespace Lotse::Models
