#pragma once

#include "server-stub/Http.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace Lotse::Server {

class HttpAdapterServer;

// The one place that knows QtHttpServer (whose API changes in Qt 6.5 and 6.8): turns its
// requests into Lotse::Server::Request, writes Lotse::Server::Response back, and hands WebSocket
// upgrades on `webSocketPath` to the WebSocket handler.
class HttpAdapter : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<Response(const Request &)>;
    using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;

    HttpAdapter(Handler handler, QString webSocketPath, WebSocketHandler webSocketHandler, QObject *parent = nullptr);
    ~HttpAdapter() override;

    // The property every handed-over WebSocket carries: its client's address (QString), worked
    // out like a request's (trusted proxies' X-Forwarded-For).
    static constexpr auto clientAddressProperty = "lotseClientAddress";

    // Peers whose X-Forwarded-For names the real client (a reverse proxy such as nginx).
    void setTrustedProxies(const QList<QHostAddress> &proxies);
    // Listens on plain TCP, or TLS (QSslServer) when `tls` is given.
    [[nodiscard]] bool listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls,
                              QString *error);
    [[nodiscard]] quint16 port() const;

private:
    friend class HttpAdapterServer;
    std::unique_ptr<HttpAdapterServer> m_server;
};

} // namespace Lotse::Server
