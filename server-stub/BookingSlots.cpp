// BookingSlots over the server's SlotService; existing bookings become its busy time (for the
// public slots endpoint too).
#include "server-stub/BookingSlots.h"

#include "server-stub/BookingStore.h"
#include "server-stub/SlotService.h"

namespace Lotse::Server {

namespace {

class SlotServiceBookingSlots final : public BookingSlots
{
public:
    SlotServiceBookingSlots(SlotService &service, const BookingStore &bookings)
        : m_service(service)
    {
        m_service.setBookedIntervalsSource(
            [&bookings](const QString &organisationId, qint64 from, qint64 to, const QString &exceptBookingId) {
                QList<BookedInterval> result;
                for (const BookedTime &t : bookings.bookedIntervals(organisationId, from, to, exceptBookingId))
                    result.append({t.advisorId, t.start, t.end});
                return result;
            });
    }

    std::optional<SlotOffer> freeAt(const SlotQuery &query, qint64 start, qint64 now) const override
    {
        Q_UNUSED(now); // SlotService reads the same clock for notice and horizon
        const auto type = Models::appointmentTypeFromName(query.type);
        if (!type)
            return std::nullopt;
        QString advisorId = query.advisorId;
        if (advisorId.isEmpty()) {
            const auto picked =
                m_service.pickAdvisor(query.organisationId, *type, start, query.locationId, query.exceptBookingId);
            if (!picked)
                return std::nullopt;
            advisorId = *picked;
        } else if (!m_service.isFree(query.organisationId, advisorId, *type, start, query.locationId,
                                     query.exceptBookingId)) {
            return std::nullopt;
        }
        // The slot's end comes from the advisor's duration for this type.
        SlotSearch search;
        search.type = *type;
        search.from = start;
        search.to = start + 1;
        search.advisorId = advisorId;
        search.locationId = query.locationId;
        search.exceptBookingId = query.exceptBookingId;
        for (const Models::Slot &slot : m_service.freeSlots(query.organisationId, search)) {
            if (slot.start == start)
                return SlotOffer{advisorId, slot.start, slot.end};
        }
        return std::nullopt;
    }

    QList<SlotOffer> nearest(const SlotQuery &query, qint64 start, qint64 now, int count) const override
    {
        Q_UNUSED(now);
        QList<SlotOffer> result;
        const auto type = Models::appointmentTypeFromName(query.type);
        if (!type)
            return result;
        for (const Models::Slot &slot : m_service.nearest(query.organisationId, query.advisorId, *type,
                                                          query.locationId, start, count, query.exceptBookingId))
            result.append({slot.advisorIds.value(0), slot.start, slot.end});
        return result;
    }

    QList<SlotOffer> freeSlots(const SlotQuery &query, qint64 from, qint64 to, qint64 now) const override
    {
        Q_UNUSED(now);
        QList<SlotOffer> result;
        const auto type = Models::appointmentTypeFromName(query.type);
        if (!type)
            return result;
        SlotSearch search;
        search.type = *type;
        search.from = from;
        search.to = to;
        search.advisorId = query.advisorId;
        search.locationId = query.locationId;
        search.exceptBookingId = query.exceptBookingId;
        for (const Models::Slot &slot : m_service.freeSlots(query.organisationId, search))
            result.append({slot.advisorIds.value(0), slot.start, slot.end});
        return result;
    }

private:
    SlotService &m_service;
};

} // namespace

std::unique_ptr<BookingSlots> makeBookingSlots(SlotService &service, const BookingStore &bookings)
{
    return std::make_unique<SlotServiceBookingSlots>(service, bookings);
}

} // namespace Lotse::Server
