#include "server-stub/WaitingRoom.h"

#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

WaitingRoom::WaitingRoom(Rooms &rooms, QObject *parent)
    : QObject(parent)
    , m_rooms(rooms)
{}

void WaitingRoom::visitorConnected(const QString &instantId)
{
    ++m_sockets[instantId];
    if (!m_rooms.store().touchInstant(instantId, m_rooms.now()))
        JsonLog::error(u"instant_touch_failed"_s);
}

void WaitingRoom::visitorDisconnected(const QString &instantId)
{
    auto it = m_sockets.find(instantId);
    if (it == m_sockets.end())
        return;
    if (--it.value() <= 0)
        m_sockets.erase(it);
    // The 60 seconds count from the moment the last socket went.
    if (!m_rooms.store().touchInstant(instantId, m_rooms.now()))
        JsonLog::error(u"instant_touch_failed"_s);
}

void WaitingRoom::expireStale()
{
    const qint64 now = m_rooms.now();
    for (const InstantCallRecord &call : m_rooms.store().waitingSeenBefore(now - absentSeconds)) {
        if (isConnected(call.id)) {
            // Still there: keep its last-seen time fresh so that a later close counts from then.
            (void)m_rooms.store().touchInstant(call.id, now);
            continue;
        }
        if (m_rooms.store().endWaiting(call.id, u"expired"_s, now) == 1) {
            JsonLog::info(u"instant_expired"_s, {{u"instantId"_s, call.id}});
            emit ended(call.id, u"expired"_s);
            emit queueChanged(call.organisationId);
        }
    }
}

qint64 WaitingRoom::meanWait(const QString &organisationId) const
{
    const QList<qint64> waits =
        m_rooms.store().recentWaits(organisationId, m_rooms.now() - estimateWindowSeconds, estimateSample);
    if (waits.isEmpty())
        return defaultWaitSeconds;
    qint64 sum = 0;
    for (const qint64 wait : waits)
        sum += std::max<qint64>(0, wait);
    return sum / waits.size();
}

std::optional<WaitingRoom::Place> WaitingRoom::placeOf(const InstantCallRecord &call)
{
    if (call.status != "waiting"_L1)
        return std::nullopt;
    const QList<InstantCallRecord> queue = m_rooms.store().waitingOfOrganisation(call.organisationId);
    int position = 1;
    for (const InstantCallRecord &other : queue) {
        if (other.id == call.id)
            break;
        ++position;
    }
    const qint64 estimate = std::clamp<qint64>(position * meanWait(call.organisationId), 30, 4 * 3600);
    return Place{position, estimate};
}

QJsonObject WaitingRoom::instantJson(const InstantCallRecord &call)
{
    const auto place = placeOf(call);
    return {{u"id"_s, call.id},
            {u"status"_s, call.status},
            {u"language"_s, call.language},
            {u"createdAt"_s, Rooms::isoUtc(call.createdAt)},
            {u"position"_s, place ? QJsonValue(place->position) : QJsonValue(QJsonValue::Null)},
            {u"estimatedWaitSeconds"_s, place ? QJsonValue(place->estimatedWaitSeconds) : QJsonValue(QJsonValue::Null)},
            {u"room"_s, call.status == "taken"_L1 ? QJsonValue(call.id) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject WaitingRoom::queueJson(const QString &organisationId)
{
    expireStale();
    const qint64 now = m_rooms.now();
    QJsonArray queue;
    int position = 0;
    for (const InstantCallRecord &call : m_rooms.store().waitingOfOrganisation(organisationId)) {
        queue.append(QJsonObject{{u"id"_s, call.id},
                                 {u"sealedName"_s, call.sealedName},
                                 {u"browserKey"_s, call.browserKey},
                                 {u"language"_s, call.language},
                                 {u"createdAt"_s, Rooms::isoUtc(call.createdAt)},
                                 {u"position"_s, ++position},
                                 {u"waitingSeconds"_s, std::max<qint64>(0, now - call.createdAt)}});
    }
    return {{u"queue"_s, queue}};
}

Response WaitingRoom::leave(const QString &instantId)
{
    const auto call = m_rooms.store().instantById(instantId);
    if (!call)
        return Response::error(404, u"not_found"_s, u"There is no such call."_s);
    if (call->status == "taken"_L1)
        return Response::error(409, u"invalid_status"_s, u"An advisor has already taken this call."_s);
    const int changed = m_rooms.store().endWaiting(instantId, u"left"_s, m_rooms.now());
    if (changed < 0)
        return Response::error(500, u"internal_error"_s, u"Leaving could not be saved."_s);
    if (changed == 1) {
        JsonLog::info(u"instant_left"_s, {{u"instantId"_s, instantId}});
        emit ended(instantId, u"left"_s);
        emit queueChanged(call->organisationId);
    }
    return Response::noContent();
}

Response WaitingRoom::take(const AdvisorRecord &advisor, const QString &instantId)
{
    const auto notFound = [] { return Response::error(404, u"not_found"_s, u"There is no such call."_s); };
    if (!RequestValidator::isUuid(instantId))
        return notFound();
    expireStale();
    const QString organisationId = advisor.organisation.id;
    const qint64 now = m_rooms.now();
    RoomStore &store = m_rooms.store();
    if (!store.begin())
        return Response::error(500, u"internal_error"_s, u"The call could not be taken."_s);
    // The conditional update decides: of any number of advisors only one changes the row.
    const int changed = store.takeInstant(organisationId, instantId, advisor.id, now);
    std::optional<InstantCallRecord> call = changed == 1 ? store.instantById(instantId) : std::nullopt;
    if (changed == 1 &&
        (!call || !m_rooms.createRoom(instantId, organisationId, u"instant"_s, call->browserKey, call->createdAt))) {
        store.rollback();
        return Response::error(500, u"internal_error"_s, u"The call could not be taken."_s);
    }
    if (changed < 0 || (changed == 1 && !store.commit())) {
        store.rollback();
        return Response::error(500, u"internal_error"_s, u"The call could not be taken."_s);
    }
    if (changed == 0) {
        store.rollback();
        call = store.instantById(instantId);
        if (!call || call->organisationId != organisationId)
            return notFound();
        if (call->status == "taken"_L1 && call->takenBy != advisor.id)
            return Response::error(409, u"already_taken"_s, u"Another advisor has taken this call."_s);
        if (call->status != "taken"_L1)
            return Response::error(409, u"no_longer_waiting"_s, u"This person is no longer waiting."_s);
        // The same advisor again (a retry): the same answer.
    } else {
        JsonLog::info(u"instant_taken"_s, {{u"instantId"_s, instantId}, {u"advisorId"_s, advisor.id}});
        emit taken(instantId, instantId);
        emit queueChanged(organisationId);
    }
    const auto room = store.roomById(instantId);
    if (!room)
        return Response::error(500, u"internal_error"_s, u"The room could not be read."_s);
    return Response::json(200, {{u"instant"_s, instantJson(*call)}, {u"room"_s, m_rooms.roomJson(*room)}});
}

Response WaitingRoom::takeNext(const AdvisorRecord &advisor)
{
    expireStale();
    for (const InstantCallRecord &call : m_rooms.store().waitingOfOrganisation(advisor.organisation.id)) {
        Response response = take(advisor, call.id);
        if (response.status != 409)
            return response;
    }
    return Response::error(404, u"queue_empty"_s, u"Nobody is waiting."_s);
}

} // namespace Lotse::Server
