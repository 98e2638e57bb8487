#include "app/PushSocket.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
constexpr int PingIntervalMs = 25 * 1000;
constexpr int PongTimeoutMs = 10 * 1000;
constexpr int SessionClosedCode = 4401;
} // namespace

PushSocket::PushSocket(QObject *parent)
    : QObject(parent)
    , m_reconnectTimer(new QTimer(this))
    , m_pingTimer(new QTimer(this))
    , m_pongTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    m_pongTimer->setSingleShot(true);
    m_pingTimer->setInterval(PingIntervalMs);
    m_pongTimer->setInterval(PongTimeoutMs);
    connect(m_reconnectTimer, &QTimer::timeout, this, &PushSocket::open);
    connect(m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_socket && m_ready) {
            m_socket->sendTextMessage(u"{\"type\":\"ping\",\"id\":1}"_s);
            m_pongTimer->start();
        }
    });
    // No pong: the connection is dead without anyone having said so (a laptop lid, a proxy).
    connect(m_pongTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
}

PushSocket::~PushSocket()
{
    stop();
}

void PushSocket::setDelays(int minimumMs, int maximumMs)
{
    m_minDelayMs = std::max(1, minimumMs);
    m_maxDelayMs = std::max(m_minDelayMs, maximumMs);
}

void PushSocket::start(const QUrl &serverUrl, const QString &token)
{
    stop();
    m_url = serverUrl;
    m_url.setScheme(serverUrl.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    m_url.setPath(serverUrl.path() + "/api/v1/ws"_L1);
    m_token = token;
    m_running = true;
    m_attempt = 0;
    open();
}

void PushSocket::stop()
{
    m_running = false;
    m_reconnectTimer->stop();
    m_pingTimer->stop();
    m_pongTimer->stop();
    if (m_socket) {
        QWebSocket *socket = std::exchange(m_socket, nullptr);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    if (std::exchange(m_ready, false))
        Q_EMIT connectedChanged(false);
}

void PushSocket::retryNow()
{
    if (m_running && !m_socket) {
        m_reconnectTimer->stop();
        open();
    }
}

void PushSocket::open()
{
    if (!m_running || m_socket)
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &PushSocket::onText);
    // A refused connection only changes the state; a lost one also says disconnected.
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_socket->open(request);
    m_pongTimer->start(); // the handshake and "ready" must come in time, too
}

void PushSocket::onText(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value("type"_L1).toString();
    if (type == "ready"_L1) {
        m_pongTimer->stop();
        m_attempt = 0;
        m_ready = true;
        m_pingTimer->start();
        Q_EMIT connectedChanged(true);
    } else if (type == "pong"_L1) {
        m_pongTimer->stop();
    } else if (type == "requests_changed"_L1) {
        Q_EMIT requestsChanged(message.value("cursor"_L1).toString());
    }
}

void PushSocket::onDisconnected()
{
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    const bool rejected = socket && socket->closeCode() == SessionClosedCode;
    if (socket) {
        socket->disconnect(this);
        socket->deleteLater();
    }
    m_pingTimer->stop();
    m_pongTimer->stop();
    if (std::exchange(m_ready, false))
        Q_EMIT connectedChanged(false);
    if (rejected) {
        m_running = false;
        Q_EMIT sessionRejected();
        return;
    }
    scheduleReconnect();
}

void PushSocket::scheduleReconnect()
{
    if (!m_running)
        return;
    // 1 s, 2 s, 4 s, ... up to the maximum, each ±25 % so that many desktops coming back after
    // a server restart do not knock at the same moment.
    const double base = std::min(double(m_maxDelayMs), m_minDelayMs * std::pow(2.0, std::min(m_attempt, 20)));
    const double jitter = 0.75 + QRandomGenerator::global()->generateDouble() * 0.5;
    const int delay = std::clamp(int(base * jitter), m_minDelayMs, m_maxDelayMs);
    ++m_attempt;
    m_reconnectTimer->start(delay);
}

} // namespace Lotse::Client
