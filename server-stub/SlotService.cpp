#include "server-stub/SlotService.h"

#include "server-stub/AvailabilityStore.h"
#include "server-stub/JsonLog.h"

#include <QHash>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

// Appointments last at most 8 hours and buffers 4 hours each: what can touch a slot starting in
// [from, to) lies within a day of it.
constexpr qint64 margin = 86400;

} // namespace

SlotService::SlotService(const Store &store, const Models::Clock &clock)
    : m_store(store)
    , m_clock(clock)
{}

void SlotService::setBookedIntervalsSource(BookedIntervalsSource source)
{
    m_booked = std::move(source);
}

QList<BookedInterval> SlotService::booked(const QString &organisationId, qint64 from, qint64 to,
                                          const QString &exceptBookingId) const
{
    return m_booked ? m_booked(organisationId, from, to, exceptBookingId) : QList<BookedInterval>();
}

QList<Models::Slot> SlotService::freeSlots(const QString &organisationId, const SlotSearch &query) const
{
    if (query.to <= query.from)
        return {};
    const AvailabilityStore store(m_store);
    const OrgSettingsRecord settings = store.settings(organisationId);
    Models::OrganisationCalendar organisation;
    organisation.timeZone = QTimeZone(settings.timeZone.toUtf8());
    organisation.holidays = store.holidays(organisationId);
    for (const LocationRecord &location : store.locations(organisationId))
        organisation.activeLocationIds.append(location.id);

    QList<Models::AdvisorSchedule> schedules;
    QHash<QString, qsizetype> index;
    for (const AdvisorRulesRecord &record : store.rulesOfOrganisation(organisationId)) {
        if (!query.advisorId.isEmpty() && record.advisorId != query.advisorId)
            continue;
        const auto rules = Models::Availability::fromJson(QJsonDocument::fromJson(record.rules).object());
        if (!rules) {
            JsonLog::error(u"availability_unreadable"_s, {{u"advisorId"_s, record.advisorId}});
            continue;
        }
        if (!rules->rule(query.type))
            continue;
        index.insert(record.advisorId, schedules.size());
        schedules.append({record.advisorId, *rules, {}, {}});
    }
    if (schedules.isEmpty())
        return {};
    const qint64 from = query.from - margin;
    const qint64 to = query.to + margin;
    for (const BusyRecord &busy : store.busy(organisationId, from, to, query.advisorId)) {
        if (const auto it = index.constFind(busy.advisorId); it != index.cend())
            schedules[*it].busy.append({busy.start, busy.end});
    }
    for (const BookedInterval &booking : booked(organisationId, from, to, query.exceptBookingId)) {
        if (const auto it = index.constFind(booking.advisorId); it != index.cend())
            schedules[*it].bookings.append({booking.start, booking.end});
    }

    const Models::SlotRequest request{query.type, query.from, query.to, m_clock.now().toSecsSinceEpoch(),
                                      query.locationId};
    QList<QList<Models::Slot>> perAdvisor;
    for (const Models::AdvisorSchedule &schedule : std::as_const(schedules))
        perAdvisor.append(Models::SlotEngine::freeSlots(schedule, organisation, request));
    return perAdvisor.size() == 1 ? perAdvisor.constFirst() : Models::SlotEngine::merge(perAdvisor);
}

bool SlotService::isFree(const QString &organisationId, const QString &advisorId, Models::AppointmentType type,
                         qint64 start, const QString &locationId, const QString &exceptBookingId) const
{
    if (advisorId.isEmpty())
        return false;
    const auto found = freeSlots(organisationId, {type, start, start + 1, advisorId, locationId, exceptBookingId});
    return !found.isEmpty() && found.constFirst().start == start;
}

QList<Models::Slot> SlotService::nearest(const QString &organisationId, const QString &advisorId,
                                         Models::AppointmentType type, const QString &locationId, qint64 around,
                                         int count, const QString &exceptBookingId) const
{
    QList<Models::Slot> found =
        freeSlots(organisationId, {type, around - nearestWindowSeconds, around + nearestWindowSeconds, advisorId,
                                   locationId, exceptBookingId});
    std::stable_sort(found.begin(), found.end(), [around](const Models::Slot &a, const Models::Slot &b) {
        return std::abs(a.start - around) < std::abs(b.start - around);
    });
    found = found.mid(0, count);
    std::sort(found.begin(), found.end(),
              [](const Models::Slot &a, const Models::Slot &b) { return a.start < b.start; });
    return found;
}

std::optional<QString> SlotService::pickAdvisor(const QString &organisationId, Models::AppointmentType type,
                                                qint64 start, const QString &locationId,
                                                const QString &exceptBookingId) const
{
    const auto found = freeSlots(organisationId, {type, start, start + 1, {}, locationId, exceptBookingId});
    if (found.isEmpty() || found.constFirst().start != start)
        return std::nullopt;
    const QStringList candidates = found.constFirst().advisorIds; // in username order
    QHash<QString, int> load;
    for (const BookedInterval &booking : booked(organisationId, start - 12 * 3600, start + 12 * 3600, exceptBookingId))
        ++load[booking.advisorId];
    return *std::min_element(candidates.cbegin(), candidates.cend(),
                             [&](const QString &a, const QString &b) { return load.value(a) < load.value(b); });
}

} // namespace Lotse::Server
