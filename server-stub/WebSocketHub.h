#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QWebSocket;

namespace Lotse::Server {

class Api;
class RoomRelay;

// The real-time endpoint /api/v1/ws. A client authenticates with its session token (the
// Authorization header of the upgrade request, or a first {"type":"auth","token":"..."} message,
// since browsers cannot set headers) and may then ping. Later issues add rooms and events.
class WebSocketHub : public QObject
{
    Q_OBJECT
public:
    explicit WebSocketHub(Api &api, QObject *parent = nullptr);
    void accept(std::unique_ptr<QWebSocket> socket);

private:
    void onMessage(QWebSocket *socket, const QString &message);
    bool authenticate(QWebSocket *socket, const QString &token);

    Api &m_api;
    RoomRelay *m_relay; // rooms and instant calls (issue 6); a child
};

} // namespace Lotse::Server
