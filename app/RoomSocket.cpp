#include "app/RoomSocket.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
constexpr int PingIntervalMs = 25'000;
constexpr int MaxReconnectDelayMs = 30'000;
constexpr int SessionEndedCode = 4401;
} // namespace

RoomSocket::RoomSocket(QObject *parent)
    : QObject(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_reconnectTimer(new QTimer(this))
    , m_pingTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    m_pingTimer->setInterval(PingIntervalMs);
    connect(m_reconnectTimer, &QTimer::timeout, this, &RoomSocket::connectNow);
    connect(m_pingTimer, &QTimer::timeout, this, [this] { send({{u"type"_s, u"ping"_s}, {u"id"_s, 1}}); });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RoomSocket::onText);
    connect(m_socket, &QWebSocket::disconnected, this, &RoomSocket::onClosed);
}

RoomSocket::~RoomSocket()
{
    m_wanted = false;
    m_socket->disconnect(this);
    m_socket->abort();
}

void RoomSocket::open(const QUrl &serverUrl, const QString &token)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    url.setPath(serverUrl.path() + "/api/v1/ws"_L1);
    m_url = url;
    m_token = token;
    m_wanted = true;
    m_failures = 0;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    connectNow();
}

void RoomSocket::close()
{
    m_wanted = false;
    m_token.clear();
    m_reconnectTimer->stop();
    m_pingTimer->stop();
    m_ready = false;
    m_socket->abort();
}

void RoomSocket::connectNow()
{
    if (!m_wanted || m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_socket->open(request);
}

bool RoomSocket::send(const QJsonObject &message)
{
    if (!m_ready)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    return true;
}

void RoomSocket::onText(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value("type"_L1).toString();
    if (type.isEmpty())
        return; // not a frame of the protocol; nothing to act on
    if (!m_ready && type == "ready"_L1) {
        m_ready = true;
        m_failures = 0;
        m_pingTimer->start();
        Q_EMIT ready();
        return;
    }
    if (type == "pong"_L1)
        return;
    Q_EMIT messageReceived(message);
}

void RoomSocket::onClosed()
{
    const bool wasReady = std::exchange(m_ready, false);
    m_pingTimer->stop();
    if (m_socket->closeCode() == SessionEndedCode) {
        m_wanted = false;
        Q_EMIT sessionEnded();
    }
    if (wasReady)
        Q_EMIT disconnected();
    if (!m_wanted)
        return;
    ++m_failures;
    // 0.5 s, 1 s, 2 s ... up to 30 s: a server restart is picked up quickly, an outage not hammered.
    m_reconnectTimer->start(qMin(MaxReconnectDelayMs, 250 << qMin(m_failures, 7)));
}

} // namespace Lotse::Client
