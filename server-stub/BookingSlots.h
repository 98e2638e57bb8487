#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Lotse::Server {

class BookingStore;
class SlotService;

// A free appointment offered to a booking: the advisor and [start, end) in epoch seconds.
struct SlotOffer
{
    QString advisorId;
    qint64 start = 0;
    qint64 end = 0;
};

struct SlotQuery
{
    QString organisationId;
    QString advisorId; // empty: any advisor of the organisation
    QString type;      // video, phone, onsite
    QString locationId;
    QString exceptBookingId; // a booking being moved does not block itself
};

// What the booking endpoints ask the slot engine. Existing bookings count as busy time
// (BookingStore::bookedIntervals).
class BookingSlots
{
public:
    virtual ~BookingSlots() = default;
    // The offer starting at `start` when it is free (for "any advisor": a free advisor).
    [[nodiscard]] virtual std::optional<SlotOffer> freeAt(const SlotQuery &query, qint64 start, qint64 now) const = 0;
    // Up to `count` free slots nearest to `start`, sorted by start.
    [[nodiscard]] virtual QList<SlotOffer> nearest(const SlotQuery &query, qint64 start, qint64 now,
                                                   int count) const = 0;
    // Free slots starting in [from, to), sorted.
    [[nodiscard]] virtual QList<SlotOffer> freeSlots(const SlotQuery &query, qint64 from, qint64 to,
                                                     qint64 now) const = 0;
};

// BookingSlots over `service`, which from then on counts `bookings` as busy (BookingSlots.cpp).
[[nodiscard]] std::unique_ptr<BookingSlots> makeBookingSlots(SlotService &service, const BookingStore &bookings);

} // namespace Lotse::Server
