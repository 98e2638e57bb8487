#pragma once

#include "server-stub/Http.h"
#include "server-stub/Rooms.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

namespace Lotse::Server {

// The instant-call queue (API.md, "Instant call: the waiting room"): positions, the wait
// estimate, expiry of calls whose visitor's socket is gone, and the atomic take. Emits what the
// relay pushes; the HTTP endpoints and the relay both change it.
class WaitingRoom : public QObject
{
    Q_OBJECT
public:
    explicit WaitingRoom(Rooms &rooms, QObject *parent = nullptr);

    static constexpr qint64 absentSeconds = 60;       // no socket for this long: expired
    static constexpr qint64 defaultWaitSeconds = 180; // T without recent takes
    static constexpr qint64 estimateWindowSeconds = 24 * 3600;
    static constexpr int estimateSample = 10;

    // The visitor's sockets (counted; several tabs are fine).
    void visitorConnected(const QString &instantId);
    void visitorDisconnected(const QString &instantId);
    [[nodiscard]] bool isConnected(const QString &instantId) const { return m_sockets.value(instantId) > 0; }

    // Expires waiting calls without a socket for absentSeconds (server clock).
    void expireStale();

    struct Place
    {
        int position = 0;
        qint64 estimatedWaitSeconds = 0;
    };
    // nullopt when the call is not waiting.
    [[nodiscard]] std::optional<Place> placeOf(const InstantCallRecord &call);
    [[nodiscard]] QJsonObject instantJson(const InstantCallRecord &call);
    [[nodiscard]] QJsonObject queueJson(const QString &organisationId);

    // waiting → left; 204, 409 invalid_status (taken), or the call's end when already over.
    [[nodiscard]] Response leave(const QString &instantId);
    // The atomic take (one conditional UPDATE in one transaction).
    [[nodiscard]] Response take(const AdvisorRecord &advisor, const QString &instantId);
    [[nodiscard]] Response takeNext(const AdvisorRecord &advisor);

    // A new call arrived (the endpoint stored it).
    void announceNew(const QString &organisationId) { emit queueChanged(organisationId); }

signals:
    void queueChanged(const QString &organisationId);
    void taken(const QString &instantId, const QString &roomId);
    void ended(const QString &instantId, const QString &reason);

private:
    [[nodiscard]] qint64 meanWait(const QString &organisationId) const;

    Rooms &m_rooms;
    QHash<QString, int> m_sockets;
};

} // namespace Lotse::Server
