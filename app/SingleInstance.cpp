#include "app/SingleInstance.h"

#include <QLocalServer>
#include <QLocalSocket>

namespace Lotse::Client {

namespace {
constexpr int TimeoutMs = 1000;
constexpr QByteArrayView ActivateMessage = "activate\n";
} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
{}

bool SingleInstance::activateRunningInstance()
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(TimeoutMs))
        return false;
    socket.write(ActivateMessage.data(), ActivateMessage.size());
    socket.waitForBytesWritten(TimeoutMs);
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A crashed instance leaves its socket file behind; nobody answered on it above.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().startsWith(ActivateMessage.toByteArray().trimmed()))
                    Q_EMIT activationRequested();
            });
        }
    });
    return true;
}

} // namespace Lotse::Client
