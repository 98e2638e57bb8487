#pragma once

#include "models/Availability.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace Lotse::Models {

// [start, end) in epoch seconds (UTC).
struct TimeInterval
{
    qint64 start = 0;
    qint64 end = 0;

    friend bool operator==(const TimeInterval &, const TimeInterval &) = default;
};

// A free appointment: [start, end) in epoch seconds; for "any advisor" every advisor free then.
struct Slot
{
    qint64 start = 0;
    qint64 end = 0;
    QStringList advisorIds;

    friend bool operator==(const Slot &, const Slot &) = default;
};

// Everything the engine needs to know about one advisor.
struct AdvisorSchedule
{
    QString advisorId;
    Availability availability;
    QList<TimeInterval> busy;     // from external calendars: the appointment and its buffers stay clear
    QList<TimeInterval> bookings; // existing appointments, without buffers: the engine pads them
};

// Organisation-wide rules: holidays are whole days in the organisation's zone.
struct OrganisationCalendar
{
    QTimeZone timeZone = QTimeZone::utc();
    QList<QDate> holidays;
    QStringList activeLocationIds; // onsite types only offer these (archived locations drop out)
};

struct SlotRequest
{
    AppointmentType type = AppointmentType::Video;
    qint64 from = 0; // slots starting in [from, to)
    qint64 to = 0;
    qint64 now = 0;     // for minimum notice and horizon
    QString locationId; // onsite: this location only; empty: any location the advisor offers
};

// Computes free slots from weekly wall-clock rules. A weekly range on a date becomes the instant
// interval from its local start to its local end in the advisor's zone, and slots step through it
// in real time from the range's start (so a 09:00 range starts at 09:00 local on both sides of a
// DST change). Non-existent local times (the spring gap) map to the transition instant, so the
// missing hour simply has no slots; repeated local times (the autumn overlap) take their first
// occurrence (RFC 5545 §3.3.5), and a range spanning the overlap offers slots in both
// occurrences because it is longer in real time. The appointment itself must lie in a range,
// outside absences and holidays; with its buffers it must not touch busy blocks, and it must keep
// the buffers to existing bookings (bookings are padded with the same buffers, so two
// appointments are at least after + before apart).
class SlotEngine
{
public:
    [[nodiscard]] static QList<Slot> freeSlots(const AdvisorSchedule &advisor, const OrganisationCalendar &organisation,
                                               const SlotRequest &request);
    // "Any advisor": each start once, sorted, with every advisor free then (shortest end wins
    // when durations differ).
    [[nodiscard]] static QList<Slot> merge(const QList<QList<Slot>> &perAdvisor);

    // Local wall-clock time in `zone` -> epoch seconds, with the DST choices above.
    [[nodiscard]] static qint64 localToUtc(const QDate &date, int minute, const QTimeZone &zone);
};

} // namespace Lotse::Models
