#include "server-stub/RoomRelay.h"

#include "server-stub/Api.h"
#include "server-stub/HttpAdapter.h"
#include "server-stub/JsonLog.h"
#include "server-stub/RoomEndpoints.h"
#include "server-stub/WaitingRoom.h"

#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr auto closeUnauthenticated = QWebSocketProtocol::CloseCode(4401);
constexpr auto visitorProperty = "lotseVisitor";
constexpr auto tokenProperty = "lotseToken";

void send(QWebSocket *socket, const QJsonObject &message)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void sendError(QWebSocket *socket, const QString &code, const QString &text, const QJsonObject &extra = {})
{
    QJsonObject error{{u"type"_s, u"error"_s}, {u"code"_s, code}, {u"message"_s, text}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        error.insert(it.key(), it.value());
    send(socket, error);
}

bool isClientId(const QString &id)
{
    return !id.isEmpty() && id.size() <= 64 &&
           std::all_of(id.cbegin(), id.cend(), [](QChar c) { return c.unicode() >= 0x21 && c.unicode() <= 0x7e; });
}

QJsonObject messageEvent(const QString &roomId, const RoomMessageRecord &m)
{
    return {{u"type"_s, u"message"_s},    {u"room"_s, roomId},         {u"seq"_s, m.seq},
            {u"sender"_s, m.senderKeyId}, {u"envelope"_s, m.envelope}, {u"at"_s, Rooms::isoUtc(m.at)}};
}

} // namespace

RoomRelay::RoomRelay(Api &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_rooms(api.rooms().rooms())
    , m_waiting(api.rooms().waitingRoom())
{
    connect(&m_waiting, &WaitingRoom::queueChanged, this, &RoomRelay::onQueueChanged);
    connect(&m_waiting, &WaitingRoom::taken, this, &RoomRelay::onTaken);
    connect(&m_waiting, &WaitingRoom::ended, this, &RoomRelay::onEnded);
    const RoomEvents &events = m_rooms.events();
    connect(&events, &RoomEvents::keysChanged, this, [this](const QString &roomId) {
        pushToRoom(roomId, {{u"type"_s, u"keys_changed"_s}, {u"room"_s, roomId}});
    });
    connect(&events, &RoomEvents::organisationKeysChanged, this, &RoomRelay::onOrganisationKeysChanged);
    connect(&events, &RoomEvents::epochChanged, this, [this](const QString &roomId, qint64 epoch) {
        pushToRoom(roomId, {{u"type"_s, u"epoch_changed"_s}, {u"room"_s, roomId}, {u"currentEpoch"_s, epoch}});
    });
    connect(&events, &RoomEvents::interpreterEnded, this, &RoomRelay::onInterpreterEnded);
    // Expiry runs on the server clock; checking every second keeps it within a second of due.
    m_sweep.setInterval(1000);
    connect(&m_sweep, &QTimer::timeout, this, [this] {
        m_waiting.expireStale();
        m_rooms.expireInterpreters();
    });
    m_sweep.start();
    // Sends are stored when the event loop has read what arrived (a zero timer): one commit, and
    // so one fsync, for all of them instead of one each.
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &RoomRelay::flushSends);
    // Abandoned uploads: at start and hourly (creating a file also sweeps).
    m_fileSweep.setInterval(3600 * 1000);
    connect(&m_fileSweep, &QTimer::timeout, this, [&api] { api.rooms().files().removeStaleUploads(); });
    m_fileSweep.start();
    QTimer::singleShot(0, this, [&api] { api.rooms().files().removeStaleUploads(); });
}

bool RoomRelay::isVisitor(QWebSocket *socket) const
{
    const auto it = m_peers.constFind(socket);
    return it != m_peers.cend() && it->visitor;
}

void RoomRelay::track(QWebSocket *socket)
{
    if (m_peers.contains(socket))
        return;
    Peer &peer = m_peers[socket];
    peer.refilled.start();
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
}

void RoomRelay::forget(QWebSocket *socket)
{
    const auto it = m_peers.find(socket);
    if (it == m_peers.end())
        return;
    for (auto room = it->joined.cbegin(); room != it->joined.cend(); ++room) {
        auto members = m_members.find(room.key());
        if (members != m_members.end() && (members->remove(socket), members->isEmpty()))
            m_members.erase(members);
    }
    if (!it->visitor) {
        m_advisors[it->organisationId].remove(socket);
    } else if (it->capability.isInterpreter()) {
        auto sockets = m_interpreters.find(it->capability.interpreterId);
        if (sockets != m_interpreters.end() && (sockets->remove(socket), sockets->isEmpty()))
            m_interpreters.erase(sockets);
    } else if (!it->capability.instantId.isEmpty()) {
        const QString instantId = it->capability.instantId;
        m_instant[instantId].remove(socket);
        if (m_instant[instantId].isEmpty())
            m_instant.remove(instantId);
        m_waiting.visitorDisconnected(instantId);
    }
    m_peers.erase(it);
}

void RoomRelay::advisorAuthenticated(QWebSocket *socket, const AdvisorRecord &advisor)
{
    track(socket);
    Peer &peer = m_peers[socket];
    peer.advisorId = advisor.id;
    peer.organisationId = advisor.organisation.id;
    m_advisors[advisor.organisation.id].insert(socket);
}

bool RoomRelay::handle(QWebSocket *socket, const QString &type, const QJsonObject &message)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return true; // being closed (an ended interpreter): nothing more from it
    if (!m_peers.contains(socket) || !m_peers[socket].visitor) {
        if (type == "auth"_L1 && message.contains("capability"_L1) && !m_peers.contains(socket)) {
            authenticateVisitor(socket, message.value("capability"_L1).toString());
            return true;
        }
        // Advisors: only the room messages, and only once signed in (the hub handles the rest).
        static const QStringList roomTypes{u"join"_s, u"leave"_s, u"send"_s, u"sync"_s};
        if (!m_peers.contains(socket) || !roomTypes.contains(type))
            return false;
    }
    Peer &peer = m_peers[socket];
    if (!withinRate(socket, peer, message))
        return true;
    if (type == "join"_L1)
        join(socket, peer, message);
    else if (type == "leave"_L1)
        leave(socket, peer, message);
    else if (type == "send"_L1)
        sendMessage(socket, peer, message);
    else if (type == "sync"_L1)
        sync(socket, peer, message);
    else if (type == "leave_queue"_L1)
        leaveQueue(socket, peer);
    else if (type == "ping"_L1) {
        // The capability may have run out (or the call was left) since the socket opened.
        const auto resolved = m_rooms.resolveCapability(socket->property(tokenProperty).toString());
        if (!resolved.visitor) {
            send(socket, {{u"type"_s, u"error"_s}, {u"code"_s, resolved.error}});
            socket->close(closeUnauthenticated, u"capability ended"_s);
            return true;
        }
        QJsonObject pong{{u"type"_s, u"pong"_s}};
        if (message.contains("id"_L1))
            pong.insert(u"id"_s, message.value("id"_L1));
        send(socket, pong);
    } else {
        sendError(socket, u"unknown_type"_s, u"Unknown message type."_s);
    }
    return true;
}

void RoomRelay::authenticateVisitor(QWebSocket *socket, const QString &token)
{
    m_waiting.expireStale();
    const auto resolved = m_rooms.resolveCapability(token);
    if (!resolved.visitor) {
        send(socket, {{u"type"_s, u"error"_s}, {u"code"_s, resolved.error}});
        socket->close(closeUnauthenticated, u"not authenticated"_s);
        return;
    }
    track(socket);
    Peer &peer = m_peers[socket];
    peer.visitor = true;
    peer.capability = *resolved.visitor;
    peer.organisationId = resolved.visitor->organisationId;
    socket->setProperty(visitorProperty, true);
    socket->setProperty(tokenProperty, token);
    const auto room = m_rooms.roomOfVisitor(peer.capability);
    const QString instantId = peer.capability.instantId;
    if (peer.capability.isInterpreter())
        m_interpreters[peer.capability.interpreterId].insert(socket);
    send(socket, {{u"type"_s, u"ready"_s},
                  {u"role"_s, peer.capability.isInterpreter() ? u"interpreter"_s : u"visitor"_s},
                  {u"room"_s, room ? QJsonValue(room->id) : QJsonValue(QJsonValue::Null)},
                  {u"instant"_s, instantId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(instantId)}});
    if (!instantId.isEmpty()) {
        m_instant[instantId].insert(socket);
        m_waiting.visitorConnected(instantId);
        sendQueuePlace(instantId);
    }
}

bool RoomRelay::withinRate(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    // Token bucket on the monotonic clock: a rate limit is about real time, not the server's
    // (possibly test-controlled) calendar clock.
    const double perMs = double(maxFramesPerWindow) / windowMilliseconds;
    peer.tokens = std::min<double>(maxFramesPerWindow, peer.tokens + double(peer.refilled.restart()) * perMs);
    if (peer.tokens >= 1) {
        peer.tokens -= 1;
        return true;
    }
    QJsonObject extra{{u"retryAfterMs"_s, qint64(std::ceil((1 - peer.tokens) / perMs))}};
    if (message.contains("clientId"_L1))
        extra.insert(u"clientId"_s, message.value("clientId"_L1));
    if (message.contains("room"_L1))
        extra.insert(u"room"_s, message.value("room"_L1));
    sendError(socket, u"rate_limited"_s, u"Too many messages; wait a moment."_s, extra);
    return false;
}

void RoomRelay::join(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    const QString roomId = message.value("room"_L1).toString();
    const QJsonObject where{{u"room"_s, roomId}};
    if (roomId.isEmpty() || (message.contains("keyId"_L1) && !message.value("keyId"_L1).isString()))
        return sendError(socket, u"invalid_message"_s, u"join needs a room (and keyId)."_s, where);
    if (!peer.joined.contains(roomId) && peer.joined.size() >= maxRoomsPerSocket)
        return sendError(socket, u"too_many_rooms"_s, u"Leave a room before joining more."_s, where);
    const QString keyId = message.value("keyId"_L1).toString();
    std::optional<RoomRecord> room;
    QString sender;
    if (peer.visitor) {
        room = m_rooms.roomOfVisitor(peer.capability);
        if (!room || room->id != roomId)
            return sendError(socket, u"room_not_found"_s, u"There is no such room."_s, where);
        sender = m_rooms.ownKeyId(peer.capability, *room);
        if (sender.isEmpty())
            return sendError(socket, u"invalid_key_id"_s, u"Set your key (PUT visitor/interpreter/key) first."_s,
                             where);
        if (!keyId.isEmpty() && keyId != sender)
            return sendError(socket, u"invalid_key_id"_s, u"That is not your key in this room."_s, where);
    } else {
        // The session may have ended since the socket signed in.
        Response failure;
        const auto caller = m_api.authenticate(socket->property(tokenProperty).toString(), &failure);
        if (!caller) {
            send(socket, {{u"type"_s, u"error"_s}, {u"code"_s, u"session_expired"_s}});
            socket->close(closeUnauthenticated, u"session ended"_s);
            return;
        }
        room = m_rooms.roomOfOrganisation(peer.organisationId, roomId);
        if (!room)
            return sendError(socket, u"room_not_found"_s, u"There is no such room."_s, where);
        if (!m_rooms.isDeviceOf(peer.advisorId, peer.organisationId, keyId))
            return sendError(socket, u"invalid_key_id"_s, u"keyId must name one of your active devices."_s, where);
        sender = keyId;
    }
    peer.joined.insert(room->id, sender);
    m_members[room->id].insert(socket);
    // The signalling address of a call participant: kept apart, for retention (API.md "Calls").
    const QString participant = peer.visitor ? peer.capability.role() : u"advisor:"_s + peer.advisorId;
    if (!m_rooms.store().recordCallAddress(room->id, participant, u"signalling"_s,
                                           socket->property(HttpAdapter::clientAddressProperty).toString(),
                                           m_rooms.now()))
        JsonLog::error(u"call_address_failed"_s, {{u"source"_s, u"signalling"_s}});
    send(socket,
         {{u"type"_s, u"joined"_s},
          {u"room"_s, room->id},
          {u"lastSeq"_s, room->lastSeq},
          {u"currentEpoch"_s, room->currentEpoch ? QJsonValue(*room->currentEpoch) : QJsonValue(QJsonValue::Null)},
          {u"sender"_s, sender}});
}

void RoomRelay::leave(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    const QString roomId = message.value("room"_L1).toString();
    if (peer.joined.remove(roomId)) {
        auto members = m_members.find(roomId);
        if (members != m_members.end() && (members->remove(socket), members->isEmpty()))
            m_members.erase(members);
    }
    send(socket, {{u"type"_s, u"left"_s}, {u"room"_s, roomId}});
}

void RoomRelay::sendMessage(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    const QString roomId = message.value("room"_L1).toString();
    const QJsonValue clientIdValue = message.value("clientId"_L1);
    const QString clientId = clientIdValue.toString();
    QJsonObject where{{u"room"_s, roomId}};
    if (clientIdValue.isString())
        where.insert(u"clientId"_s, clientId);
    if (!isClientId(clientId) || !message.value("envelope"_L1).isString())
        return sendError(socket, u"invalid_message"_s,
                         u"send needs room, clientId (1-64 printable ASCII) and envelope."_s, where);
    const auto joined = peer.joined.constFind(roomId);
    if (joined == peer.joined.cend())
        return sendError(socket, u"not_joined"_s, u"Join the room first."_s, where);
    if (!m_rooms.store().roomById(roomId))
        return sendError(socket, u"room_not_found"_s, u"There is no such room."_s, where);
    // Stored with the other sends of this pass of the event loop, in one transaction.
    m_queuedSends.append({socket, {roomId, joined.value(), clientId, message.value("envelope"_L1).toString()}});
    if (!m_flush.isActive())
        m_flush.start();
}

void RoomRelay::flushSends()
{
    while (!m_queuedSends.isEmpty()) {
        const QList<QueuedSend> batch = m_queuedSends.mid(0, maxSendsPerCommit);
        m_queuedSends.remove(0, batch.size());
        QList<Rooms::PendingSend> sends;
        sends.reserve(batch.size());
        for (const QueuedSend &queued : batch)
            sends.append(queued.send);
        const QList<Rooms::SendResult> results = m_rooms.appendMessages(sends);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const Rooms::PendingSend &pending = batch.at(i).send;
            const Rooms::SendResult &result = results.at(i);
            QWebSocket *socket = batch.at(i).socket.data(); // null when it closed meanwhile
            if (!result.error.isEmpty()) {
                if (socket)
                    sendError(socket, result.error, result.message,
                              {{u"room"_s, pending.roomId}, {u"clientId"_s, pending.clientId}});
                continue;
            }
            // Stored and committed: acknowledge, then fan out.
            if (socket)
                send(socket, {{u"type"_s, u"ack"_s},
                              {u"room"_s, pending.roomId},
                              {u"clientId"_s, pending.clientId},
                              {u"seq"_s, result.stored.seq},
                              {u"at"_s, Rooms::isoUtc(result.stored.at)}});
            if (result.duplicate)
                continue;
            const QString event = QString::fromUtf8(
                QJsonDocument(messageEvent(pending.roomId, result.stored)).toJson(QJsonDocument::Compact));
            for (QWebSocket *member : m_members.value(pending.roomId)) {
                if (member != socket)
                    member->sendTextMessage(event);
            }
        }
    }
}

void RoomRelay::sync(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    const QString roomId = message.value("room"_L1).toString();
    const QJsonObject where{{u"room"_s, roomId}};
    const QJsonValue afterValue = message.value("after"_L1);
    const double after = afterValue.toDouble(-1);
    if (!afterValue.isDouble() || after < 0 || after != double(qint64(after)))
        return sendError(socket, u"invalid_message"_s, u"sync needs room and after (a sequence number >= 0)."_s, where);
    if (!peer.joined.contains(roomId))
        return sendError(socket, u"not_joined"_s, u"Join the room first."_s, where);
    const auto room = m_rooms.store().roomById(roomId);
    if (!room)
        return sendError(socket, u"room_not_found"_s, u"There is no such room."_s, where);
    const QList<RoomMessageRecord> messages = m_rooms.store().messagesAfter(roomId, qint64(after), syncBatch);
    for (const RoomMessageRecord &m : messages)
        send(socket, messageEvent(roomId, m));
    const bool more = messages.size() == syncBatch && messages.constLast().seq < room->lastSeq;
    send(socket, {{u"type"_s, u"synced"_s}, {u"room"_s, roomId}, {u"lastSeq"_s, room->lastSeq}, {u"more"_s, more}});
}

void RoomRelay::leaveQueue(QWebSocket *socket, Peer &peer)
{
    if (peer.capability.instantId.isEmpty())
        return sendError(socket, u"invalid_message"_s, u"This socket has no instant call."_s);
    const Response response = m_waiting.leave(peer.capability.instantId);
    if (response.status == 204)
        return send(socket, {{u"type"_s, u"queue_left"_s}});
    const auto error = QJsonDocument::fromJson(response.body).object().value("error"_L1).toObject();
    sendError(socket, error.value("code"_L1).toString(), error.value("message"_L1).toString());
}

void RoomRelay::sendQueuePlace(const QString &instantId)
{
    const auto call = m_rooms.store().instantById(instantId);
    if (!call)
        return;
    const auto place = m_waiting.placeOf(*call);
    if (!place)
        return;
    const QJsonObject event{{u"type"_s, u"queue"_s},
                            {u"position"_s, place->position},
                            {u"estimatedWaitSeconds"_s, place->estimatedWaitSeconds}};
    for (QWebSocket *socket : m_instant.value(instantId))
        send(socket, event);
}

void RoomRelay::onQueueChanged(const QString &organisationId)
{
    for (QWebSocket *socket : m_advisors.value(organisationId))
        send(socket, {{u"type"_s, u"queue_changed"_s}});
    for (auto it = m_instant.cbegin(); it != m_instant.cend(); ++it) {
        if (!it->isEmpty() && m_peers.value(*it->cbegin()).organisationId == organisationId)
            sendQueuePlace(it.key());
    }
}

void RoomRelay::pushToRoom(const QString &roomId, const QJsonObject &event)
{
    for (QWebSocket *socket : m_members.value(roomId))
        send(socket, event);
}

void RoomRelay::onOrganisationKeysChanged(const QString &organisationId)
{
    for (auto it = m_members.cbegin(); it != m_members.cend(); ++it) {
        if (!it->isEmpty() && m_peers.value(*it->cbegin()).organisationId == organisationId)
            pushToRoom(it.key(), {{u"type"_s, u"keys_changed"_s}, {u"room"_s, it.key()}});
    }
}

void RoomRelay::onInterpreterEnded(const QString &interpreterId, const QString &roomId)
{
    Q_UNUSED(roomId)
    // Closing removes the socket from m_interpreters (forget): iterate a copy.
    const QSet<QWebSocket *> sockets = m_interpreters.value(interpreterId);
    for (QWebSocket *socket : sockets) {
        send(socket, {{u"type"_s, u"error"_s}, {u"code"_s, u"capability_expired"_s}});
        socket->close(closeUnauthenticated, u"capability ended"_s);
        forget(socket); // no more pushes of the room, also before the close completes
    }
}

void RoomRelay::onTaken(const QString &instantId, const QString &roomId)
{
    for (QWebSocket *socket : m_instant.value(instantId))
        send(socket, {{u"type"_s, u"taken"_s}, {u"room"_s, roomId}});
}

void RoomRelay::onEnded(const QString &instantId, const QString &reason)
{
    for (QWebSocket *socket : m_instant.value(instantId))
        send(socket, {{u"type"_s, u"queue_ended"_s}, {u"reason"_s, reason}});
}

} // namespace Lotse::Server
