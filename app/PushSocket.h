#pragma once

#include <QObject>
#include <QUrl>

class QTimer;
class QWebSocket;

namespace Lotse::Client {

// The advisor's WebSocket to /api/v1/ws (API.md, "Real time"): authenticates with the session
// token on the upgrade, pings now and then (the server checks the session on every ping), and
// reconnects after a loss with exponential backoff and jitter. Tells its owner when the
// organisation's requests changed; carries no personal data.
class PushSocket : public QObject
{
    Q_OBJECT

public:
    explicit PushSocket(QObject *parent = nullptr);
    ~PushSocket() override;

    // Connects to `serverUrl` (http(s)://host[:port]) with `token`, and keeps reconnecting.
    void start(const QUrl &serverUrl, const QString &token);
    void stop();
    [[nodiscard]] bool isConnected() const { return m_ready; }
    // The delay before the next attempt grows from `minimumMs` to `maximumMs` (tests shorten it).
    void setDelays(int minimumMs, int maximumMs);
    // Tries at once instead of waiting for the backoff (e.g. when HTTP just worked again).
    void retryNow();

Q_SIGNALS:
    void connectedChanged(bool connected);
    void requestsChanged(const QString &cursor);
    // The server refused the token (4401): signing in again is the only way on.
    void sessionRejected();

private:
    void open();
    void onText(const QString &text);
    void onDisconnected();
    void scheduleReconnect();

    QWebSocket *m_socket = nullptr;
    QTimer *m_reconnectTimer;
    QTimer *m_pingTimer;
    QTimer *m_pongTimer;
    QUrl m_url;
    QString m_token;
    bool m_running = false;
    bool m_ready = false;
    int m_attempt = 0;
    int m_minDelayMs = 1000;
    int m_maxDelayMs = 60000;
};

} // namespace Lotse::Client
