#include "server-stub/WebSocketHub.h"

#include "server-stub/Api.h"
#include "server-stub/JsonLog.h"

#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr auto advisorProperty = "lotseAdvisorId";
constexpr auto tokenProperty = "lotseToken";
constexpr auto organisationProperty = "lotseOrganisationId";
constexpr int authTimeoutMs = 10'000;
constexpr auto closeUnauthenticated = QWebSocketProtocol::CloseCode(4401);

void send(QWebSocket *socket, const QJsonObject &message)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace

WebSocketHub::WebSocketHub(Api &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

void WebSocketHub::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &message) { onMessage(socket, message); });
    connect(socket, &QWebSocket::binaryMessageReceived, socket,
            [socket] { socket->close(QWebSocketProtocol::CloseCodeDatatypeNotSupported, u"text messages only"_s); });

    const QByteArray authorization = socket->request().rawHeader("Authorization");
    if (authorization.startsWith("Bearer ")) {
        authenticate(socket, QString::fromLatin1(authorization.mid(7).trimmed()));
        return;
    }
    QTimer::singleShot(authTimeoutMs, socket, [socket] {
        if (!socket->property(advisorProperty).isValid())
            socket->close(closeUnauthenticated, u"authentication timeout"_s);
    });
}

bool WebSocketHub::authenticate(QWebSocket *socket, const QString &token)
{
    Response failure;
    const auto caller = m_api.authenticate(token, &failure);
    if (!caller) {
        const auto error = Models::ApiError::fromJson(QJsonDocument::fromJson(failure.body).object());
        send(socket, {{u"type"_s, u"error"_s}, {u"code"_s, error ? error->code : u"not_authenticated"_s}});
        socket->close(closeUnauthenticated, u"not authenticated"_s);
        return false;
    }
    socket->setProperty(advisorProperty, caller->advisor.id);
    socket->setProperty(tokenProperty, token);
    socket->setProperty(organisationProperty, caller->advisor.organisation.id);
    send(socket, {{u"type"_s, u"ready"_s}, {u"advisorId"_s, caller->advisor.id}});
    JsonLog::info(u"websocket_authenticated"_s, {{u"advisorId"_s, caller->advisor.id}});
    return true;
}

void WebSocketHub::requestsChanged(const QString &organisationId, qint64 cursor)
{
    const QJsonObject message{{u"type"_s, u"requests_changed"_s}, {u"cursor"_s, QString::number(cursor)}};
    const QList<QWebSocket *> sockets = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *socket : sockets) {
        if (socket->property(organisationProperty).toString() != organisationId ||
            socket->state() != QAbstractSocket::ConnectedState)
            continue;
        // Checked without extending the session: a push is not the advisor's activity.
        if (!m_api.isSessionActive(socket->property(tokenProperty).toString())) {
            socket->close(closeUnauthenticated, u"session ended"_s);
            continue;
        }
        send(socket, message);
    }
}

void WebSocketHub::onMessage(QWebSocket *socket, const QString &text)
{
    if (text.size() > 64 * 1024) {
        socket->close(QWebSocketProtocol::CloseCodeTooMuchData, u"message too large"_s);
        return;
    }
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value("type"_L1).toString();
    const bool authenticated = socket->property(advisorProperty).isValid();
    if (!authenticated) {
        if (type == "auth"_L1)
            authenticate(socket, message.value("token"_L1).toString());
        else
            socket->close(closeUnauthenticated, u"authenticate first"_s);
        return;
    }
    if (type == "ping"_L1) {
        // The session may have ended (logout, expiry, disabled account) since the socket opened.
        Response failure;
        if (!m_api.authenticate(socket->property(tokenProperty).toString(), &failure)) {
            socket->close(closeUnauthenticated, u"session ended"_s);
            return;
        }
        QJsonObject pong{{u"type"_s, u"pong"_s}};
        if (message.contains("id"_L1))
            pong.insert(u"id"_s, message.value("id"_L1));
        send(socket, pong);
        return;
    }
    send(socket, {{u"type"_s, u"error"_s}, {u"code"_s, u"unknown_type"_s}});
}

} // namespace Lotse::Server
