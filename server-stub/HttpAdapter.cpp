#include "server-stub/HttpAdapter.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#include <QHttpServerWebSocketUpgradeResponse>
#endif

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

} // namespace

// Qt 6.4's QAbstractHttpServer hands handleRequest()/missingHandler() the socket; Qt 6.8 hands
// them a QHttpServerResponder& that takes QHttpHeaders, and asks WebSocket upgrades of a verifier.
// 6.5-6.7 had yet another shape; Lotse supports the Debian 12 floor (6.4) and the 6.8 LTS.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0) && QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
#error "HttpAdapter supports Qt 6.4 and Qt 6.8 or later"
#endif
class HttpAdapterServer : public QAbstractHttpServer
{
public:
    HttpAdapterServer(HttpAdapter::Handler handler, QString webSocketPath, HttpAdapter::WebSocketHandler wsHandler)
        : m_handler(std::move(handler))
        , m_webSocketPath(std::move(webSocketPath))
        , m_webSocketHandler(std::move(wsHandler))
    {
        connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
            while (hasPendingWebSocketConnections()) {
                std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
                if (socket->requestUrl().path() != m_webSocketPath) {
                    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unknown endpoint"_s);
                    continue;
                }
                socket->setProperty(
                    HttpAdapter::clientAddressProperty,
                    clientAddress(socket->peerAddress(), socket->request().rawHeader("X-Forwarded-For")));
                m_webSocketHandler(std::move(socket));
            }
        });
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        addWebSocketUpgradeVerifier(this, [this](const QHttpServerRequest &request) {
            return request.url().path() == m_webSocketPath ? QHttpServerWebSocketUpgradeResponse::accept()
                                                           : QHttpServerWebSocketUpgradeResponse::passToNext();
        });
#endif
    }

    QList<QHostAddress> trustedProxies;

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &qtRequest, QHttpServerResponder &responder) override
    {
        const Request request = toRequest(qtRequest, qtRequest.headers().toListOfPairs());
        write(responder, m_handler(request), request.method == "HEAD");
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder) override
    {
        write(responder, notFound(), false);
    }

    static void write(QHttpServerResponder &responder, const Response &response, bool headOnly)
    {
        QHttpHeaders headers;
        if (!response.contentType.isEmpty())
            headers.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
        for (const auto &[name, value] : response.headers)
            headers.append(name, value);
        responder.write(headOnly ? QByteArray() : response.body, headers,
                        static_cast<QHttpServerResponder::StatusCode>(response.status));
    }
#else
    bool handleRequest(const QHttpServerRequest &qtRequest, QTcpSocket *socket) override
    {
        // The responder writes status line, headers and body (and the relay its frames) in separate
        // writes; with Nagle's algorithm the later ones wait for the peer's delayed ACK (~40 ms).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Qt 6.4 asks handleRequest() about WebSocket upgrades too: true (and nothing written)
        // hands the socket to its QWebSocketServer, false answers through missingHandler() (404).
        if (qtRequest.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
            return qtRequest.url().path() == m_webSocketPath;
        const Request request = toRequest(qtRequest, qtRequest.headers());
        write(qtRequest, socket, m_handler(request), request.method == "HEAD");
        return true;
    }

    void missingHandler(const QHttpServerRequest &qtRequest, QTcpSocket *socket) override
    {
        write(qtRequest, socket, notFound(), false);
    }

    static void write(const QHttpServerRequest &request, QTcpSocket *socket, const Response &response, bool headOnly)
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
        if (!response.contentType.isEmpty())
            responder.writeHeader("Content-Type", response.contentType);
        for (const auto &[name, value] : response.headers)
            responder.writeHeader(name, value);
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
        responder.writeBody(headOnly ? QByteArray() : response.body);
    }
#endif

private:
    static Response notFound()
    {
        return Response::error(404, u"not_found"_s, u"There is nothing at this address."_s);
    }

    template<typename HeaderList>
    Request toRequest(const QHttpServerRequest &qtRequest, const HeaderList &headers) const
    {
        Request request;
        request.method = methodName(qtRequest.method());
        const QUrl url = qtRequest.url();
        request.path = url.path(QUrl::FullyEncoded);
        request.query = QUrlQuery(url);
        for (const auto &[name, value] : headers)
            request.headers.append({name.toLower(), value});
        request.body = qtRequest.body();
        request.remoteAddress = clientAddress(qtRequest.remoteAddress(), request.header("x-forwarded-for"));
        return request;
    }

    QString clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const
    {
        const QHostAddress plainPeer = peer.protocol() == QAbstractSocket::IPv6Protocol && peer.toIPv4Address()
                                           ? QHostAddress(peer.toIPv4Address())
                                           : peer;
        if (!forwardedFor.isEmpty() && trustedProxies.contains(plainPeer)) {
            // The proxy appends the address it saw; earlier entries are the client's own claims.
            const QHostAddress client(QString::fromLatin1(forwardedFor.split(',').constLast().trimmed()));
            if (!client.isNull())
                return client.toString();
        }
        return plainPeer.toString();
    }

    HttpAdapter::Handler m_handler;
    QString m_webSocketPath;
    HttpAdapter::WebSocketHandler m_webSocketHandler;
};

HttpAdapter::HttpAdapter(Handler handler, QString webSocketPath, WebSocketHandler webSocketHandler, QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<HttpAdapterServer>(std::move(handler), std::move(webSocketPath),
                                                   std::move(webSocketHandler)))
{}

HttpAdapter::~HttpAdapter() = default;

void HttpAdapter::setTrustedProxies(const QList<QHostAddress> &proxies)
{
    m_server->trustedProxies = proxies;
}

bool HttpAdapter::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls,
                         QString *error)
{
    QTcpServer *tcpServer = nullptr;
    if (tls) {
        auto *sslServer = new QSslServer(m_server.get());
        sslServer->setSslConfiguration(*tls);
        tcpServer = sslServer;
    } else {
        tcpServer = new QTcpServer(m_server.get());
    }
    if (!tcpServer->listen(address, port)) {
        if (error)
            *error = tcpServer->errorString();
        delete tcpServer;
        return false;
    }
    m_server->bind(tcpServer);
    return true;
}

quint16 HttpAdapter::port() const
{
    const auto servers = m_server->servers();
    return servers.isEmpty() ? 0 : servers.constFirst()->serverPort();
}

} // namespace Lotse::Server
