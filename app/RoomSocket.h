#pragma once

#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QTimer;
class QWebSocket;

namespace Lotse::Client {

// The advisor's authenticated WebSocket to lotse-server (API.md, "Real time" and "Relay"): opens
// with the session token, answers `ready`, hands every JSON frame on, pings, and reconnects with
// a growing pause when the connection drops. Knows nothing about rooms.
class RoomSocket : public QObject
{
    Q_OBJECT

public:
    explicit RoomSocket(QObject *parent = nullptr);
    ~RoomSocket() override;

    // Connects to `serverUrl`'s /api/v1/ws with `token`; reconnects until close().
    void open(const QUrl &serverUrl, const QString &token);
    void close();
    [[nodiscard]] bool isReady() const { return m_ready; }
    // False when the frame could not be handed to the socket (not ready).
    bool send(const QJsonObject &message);

Q_SIGNALS:
    void ready();
    void disconnected();
    void messageReceived(const QJsonObject &message);
    // The server ended the session (close code 4401).
    void sessionEnded();

private:
    void connectNow();
    void onText(const QString &text);
    void onClosed();

    QWebSocket *m_socket;
    QTimer *m_reconnectTimer;
    QTimer *m_pingTimer;
    QUrl m_url;
    QString m_token;
    bool m_wanted = false;
    bool m_ready = false;
    int m_failures = 0;
};

} // namespace Lotse::Client
