#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QWebSocket;

namespace Lotse::Server {

class Api;

// The real-time endpoint /api/v1/ws. A client authenticates with its session token (the
// Authorization header of the upgrade request, or a first {"type":"auth","token":"..."} message,
// since browsers cannot set headers) and may then ping. Advisors' sockets hear
// {"type":"requests_changed","cursor"} when a booking or contact message of their organisation
// changed (no personal data: the client fetches GET /requests?since=). Later issues add rooms.
class WebSocketHub : public QObject
{
    Q_OBJECT
public:
    explicit WebSocketHub(Api &api, QObject *parent = nullptr);
    void accept(std::unique_ptr<QWebSocket> socket);
    // Tells the organisation's authenticated sockets (whose session still holds) about a change.
    void requestsChanged(const QString &organisationId, qint64 cursor);

private:
    void onMessage(QWebSocket *socket, const QString &message);
    bool authenticate(QWebSocket *socket, const QString &token);

    Api &m_api;
};

} // namespace Lotse::Server
