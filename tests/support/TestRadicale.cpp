#include "tests/support/TestRadicale.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Lotse::Tests {

TestRadicale::TestRadicale() = default;

TestRadicale::~TestRadicale()
{
    stop();
}

void TestRadicale::addUser(const QString &user, const QString &password)
{
    m_users += (user + u':' + password + u'\n').toUtf8();
}

bool TestRadicale::start()
{
    // A restart keeps the port (and the storage), so clients see the same server come back.
    if (m_port == 0) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_lastError = u"no free loopback port"_s;
            return false;
        }
        m_port = probe.serverPort();
    }
    const QString users = m_root.writeFile(u"users"_s, m_users);
    const QString config = m_root.writeFile(u"config"_s, u"[server]\nhosts = 127.0.0.1:%1\n"
                                                         u"[auth]\ntype = htpasswd\nhtpasswd_filename = %2\n"
                                                         u"htpasswd_encryption = plain\ndelay = 0\n"
                                                         u"[rights]\ntype = owner_only\n"
                                                         u"[storage]\nfilesystem_folder = %3\n"
                                                         u"[web]\ntype = none\n"
                                                         u"[logging]\nlevel = warning\n"_s.arg(m_port)
                                                             .arg(users, m_root.filePath(u"collections"_s))
                                                             .toUtf8());
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(u"radicale"_s, {u"--config"_s, config});
    if (!m_process->waitForStarted(10'000)) {
        m_lastError = u"radicale did not start: %1"_s.arg(m_process->errorString());
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30'000 && m_process->state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(1000)) {
            return true;
        }
        QEventLoop pause;
        QTimer::singleShot(50, &pause, &QEventLoop::quit);
        pause.exec();
    }
    m_lastError = u"radicale did not listen on port %1: %2"_s.arg(m_port).arg(QString::fromUtf8(log()));
    return false;
}

void TestRadicale::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
}

bool TestRadicale::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl TestRadicale::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_port));
}

QByteArray TestRadicale::log() const
{
    return m_process ? m_process->readAll() : QByteArray();
}

} // namespace Lotse::Tests
