#pragma once

#include "server-stub/Store.h"

#include "models/Availability.h"
#include "models/Clock.h"
#include "models/SlotEngine.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Lotse::Server {

// An existing appointment that keeps its advisor busy (without buffers: the engine adds them).
struct BookedInterval
{
    QString advisorId;
    qint64 start = 0;
    qint64 end = 0;
};

// The bookings of an organisation that overlap [from, to) and still hold their time (pending,
// confirmed, proposed), leaving out `exceptBookingId` (a booking being moved does not block
// itself). Provided by the bookings code; until it is connected no time is booked.
using BookedIntervalsSource = std::function<QList<BookedInterval>(const QString &organisationId, qint64 from, qint64 to,
                                                                  const QString &exceptBookingId)>;

struct SlotSearch
{
    Models::AppointmentType type = Models::AppointmentType::Video;
    qint64 from = 0; // slots starting in [from, to), epoch seconds
    qint64 to = 0;
    QString advisorId;       // empty: any advisor of the organisation
    QString locationId;      // onsite only; empty: any location
    QString exceptBookingId; // rescheduling: this booking's own time counts as free
};

// The one place the server computes free slots: reads rules, holidays, locations and busy blocks
// from the store, bookings from the injected source, and asks the SlotEngine. Used by the public
// slots endpoint and by the booking code (to check a requested slot and to offer the nearest
// ones on 409).
class SlotService
{
public:
    SlotService(const Store &store, const Models::Clock &clock);

    void setBookedIntervalsSource(BookedIntervalsSource source);

    // Sorted; for "any advisor" each start once, with every advisor free then in advisorIds.
    [[nodiscard]] QList<Models::Slot> freeSlots(const QString &organisationId, const SlotSearch &query) const;
    // Is `start` an offered slot of this advisor now?
    [[nodiscard]] bool isFree(const QString &organisationId, const QString &advisorId, Models::AppointmentType type,
                              qint64 start, const QString &locationId = {}, const QString &exceptBookingId = {}) const;
    // Up to `count` free slots nearest to `around` (within two weeks either side), sorted by start.
    [[nodiscard]] QList<Models::Slot> nearest(const QString &organisationId, const QString &advisorId,
                                              Models::AppointmentType type, const QString &locationId, qint64 around,
                                              int count = 5, const QString &exceptBookingId = {}) const;
    // "Any advisor": an advisor free at `start`, the one with the fewest bookings that day (ties:
    // the first by username); std::nullopt when nobody is.
    [[nodiscard]] std::optional<QString> pickAdvisor(const QString &organisationId, Models::AppointmentType type,
                                                     qint64 start, const QString &locationId = {},
                                                     const QString &exceptBookingId = {}) const;

    static constexpr qint64 nearestWindowSeconds = 14 * 86400;

private:
    [[nodiscard]] QList<BookedInterval> booked(const QString &organisationId, qint64 from, qint64 to,
                                               const QString &exceptBookingId) const;

    const Store &m_store;
    const Models::Clock &m_clock;
    BookedIntervalsSource m_booked;
};

} // namespace Lotse::Server
