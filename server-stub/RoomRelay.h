#pragma once

#include "server-stub/Rooms.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QWebSocket;

namespace Lotse::Server {

class Api;
class WaitingRoom;

// The room part of /api/v1/ws (API.md, "Relay"): help-seekers' capability sign-in, join/leave,
// send (stored durably before the ack, then fanned out), sync, and the instant-call pushes
// (queue, taken, queue_changed). WebSocketHub hands it every message it does not handle itself.
class RoomRelay : public QObject
{
    Q_OBJECT
public:
    explicit RoomRelay(Api &api, QObject *parent = nullptr);

    static constexpr qsizetype maxFrameSize = 96 * 1024;
    static constexpr int maxFramesPerWindow = 300; // per socket, per 10 seconds (token bucket)
    static constexpr int windowMilliseconds = 10'000;
    static constexpr int maxRoomsPerSocket = 50;
    static constexpr int syncBatch = 500;
    static constexpr int maxSendsPerCommit = 500;

    // True when the message was the relay's: a capability sign-in, anything from a help-seeker's
    // socket, or a room message from a signed-in advisor.
    bool handle(QWebSocket *socket, const QString &type, const QJsonObject &message);
    // An advisor's socket signed in (for the organisation's pushes and its rooms).
    void advisorAuthenticated(QWebSocket *socket, const AdvisorRecord &advisor);
    [[nodiscard]] bool isVisitor(QWebSocket *socket) const;

private:
    struct Peer
    {
        bool visitor = false;
        QString advisorId;
        QString organisationId;
        Rooms::Visitor capability;
        QHash<QString, QString> joined; // room id → the sender key id used there
        double tokens = maxFramesPerWindow;
        QElapsedTimer refilled;
    };

    void authenticateVisitor(QWebSocket *socket, const QString &token);
    void track(QWebSocket *socket);
    void forget(QWebSocket *socket);
    [[nodiscard]] bool withinRate(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    void join(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    void leave(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    void sendMessage(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    void flushSends();
    void sync(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    void leaveQueue(QWebSocket *socket, Peer &peer);
    void sendQueuePlace(const QString &instantId);

    void pushToRoom(const QString &roomId, const QJsonObject &event);
    void onOrganisationKeysChanged(const QString &organisationId);
    void onInterpreterEnded(const QString &interpreterId, const QString &roomId);
    void onQueueChanged(const QString &organisationId);
    void onTaken(const QString &instantId, const QString &roomId);
    void onEnded(const QString &instantId, const QString &reason);

    Api &m_api;
    Rooms &m_rooms;
    WaitingRoom &m_waiting;
    QHash<QWebSocket *, Peer> m_peers;
    QHash<QString, QSet<QWebSocket *>> m_members;      // room → sockets that joined it
    QHash<QString, QSet<QWebSocket *>> m_advisors;     // organisation → advisor sockets
    QHash<QString, QSet<QWebSocket *>> m_instant;      // instant call → its visitor's sockets
    QHash<QString, QSet<QWebSocket *>> m_interpreters; // interpreter id → its sockets
    QTimer m_sweep;
    QTimer m_fileSweep; // abandoned uploads (RoomFiles::removeStaleUploads)
    // Sends read in this pass of the event loop, stored together by flushSends() (group commit).
    struct QueuedSend
    {
        QPointer<QWebSocket> socket;
        Rooms::PendingSend send;
    };
    QList<QueuedSend> m_queuedSends;
    QTimer m_flush;
};

} // namespace Lotse::Server
