#include "tests/support/TestServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <signal.h>

using namespace Qt::StringLiterals;

namespace Lotse::Tests {

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

TestServer::TestServer()
    : TestServer(Options())
{}

TestServer::TestServer(Options options)
    : m_options(std::move(options))
    , m_now(QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch()).toUTC())
{
    QDir(m_root.path()).mkpath(u"data"_s);
    if (m_options.controlledClock)
        setNow(m_now);
    if (!m_options.configIni.isEmpty())
        m_root.writeFile(u"lotse-server.ini"_s, m_options.configIni);
}

TestServer::~TestServer()
{
    stop();
}

QString TestServer::serverBinary()
{
#ifdef LOTSE_SERVER_BINARY
    return QStringLiteral(LOTSE_SERVER_BINARY);
#else
    return qEnvironmentVariable("LOTSE_SERVER_BINARY");
#endif
}

QString TestServer::dataDir() const
{
    return m_root.filePath(u"data"_s);
}

QString TestServer::databaseFile() const
{
    return m_root.filePath(u"data/lotse.sqlite"_s);
}

QUrl TestServer::baseUrl() const
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(m_options.https ? u"https"_s : u"http"_s).arg(m_port));
}

QUrl TestServer::url(const QString &path) const
{
    QUrl result = baseUrl();
    result.setPath(path);
    return result;
}

QByteArray TestServer::serverLog() const
{
    QFile log(m_root.filePath(u"server.log"_s));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

QProcessEnvironment TestServer::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (m_options.fastPasswordHashing)
        env.insert(u"LOTSE_TEST_ARGON2_COST"_s, u"1,64"_s);
    if (m_options.controlledClock)
        env.insert(u"LOTSE_TEST_CLOCK_FILE"_s, m_root.filePath(u"clock"_s));
    for (auto it = m_options.environment.cbegin(); it != m_options.environment.cend(); ++it) {
        if (it.value().isNull())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    return env;
}

QStringList TestServer::baseArguments() const
{
    QStringList args{u"--data-dir"_s, dataDir()};
    if (!m_options.configIni.isEmpty())
        args << u"--config"_s << m_root.filePath(u"lotse-server.ini"_s);
    return args;
}

void TestServer::setConfig(const QByteArray &ini)
{
    m_options.configIni = ini;
    if (!ini.isEmpty())
        m_root.writeFile(u"lotse-server.ini"_s, ini);
}

void TestServer::setEnvironment(const QString &name, const QString &value)
{
    m_options.environment.insert(name, value);
}

bool TestServer::start()
{
    if (isRunning())
        return true;
    if (!m_root.isValid()) {
        m_lastError = u"cannot create a temporary directory"_s;
        return false;
    }
    const bool keepPort = m_port != 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!keepPort || attempt > 0)
            m_port = freeLoopbackPort();
        if (startOnce())
            return true;
    }
    return false;
}

bool TestServer::startOnce()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(serverBinary());
    m_process->setArguments(baseArguments() << u"--listen"_s << u"127.0.0.1:%1"_s.arg(m_port));
    m_process->setProcessEnvironment(environment());
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(m_root.filePath(u"server.log"_s), QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(10'000)) {
        m_lastError = u"cannot start %1: %2"_s.arg(serverBinary(), m_process->errorString());
        m_process.reset();
        return false;
    }
    if (waitForHealth(30'000))
        return true;
    m_lastError = u"lotse-server did not become healthy on port %1; its log:\n%2"_s.arg(m_port).arg(
        QString::fromUtf8(serverLog().right(4000)));
    kill();
    return false;
}

bool TestServer::waitForHealth(int timeoutMs)
{
    QNetworkAccessManager network;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (m_process->state() != QProcess::Running)
            return false;
        QNetworkRequest request(url(u"/api/v1/health"_s));
        request.setTransferTimeout(2000);
        if (!m_options.caCertificateFile.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(QSslCertificate::fromPath(m_options.caCertificateFile));
            request.setSslConfiguration(tls);
        }
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            return true;
        QEventLoop pause;
        QTimer::singleShot(50, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return false;
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool TestServer::stop()
{
    if (!m_process)
        return true;
    bool clean = false;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (m_process->waitForFinished(15'000)) {
            clean = m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
        } else {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
    m_process.reset();
    return clean;
}

void TestServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5'000);
    m_process.reset();
}

void TestServer::pause()
{
    if (m_process && m_process->processId() > 0)
        ::kill(pid_t(m_process->processId()), SIGSTOP);
}

void TestServer::resume()
{
    if (m_process && m_process->processId() > 0)
        ::kill(pid_t(m_process->processId()), SIGCONT);
}

bool TestServer::restart()
{
    stop();
    return start();
}

bool TestServer::admin(const QStringList &args, const QByteArray &stdinData)
{
    QProcess process;
    process.setProgram(serverBinary());
    process.setArguments(baseArguments() << u"admin"_s << args);
    process.setProcessEnvironment(environment());
    process.start();
    if (!process.waitForStarted(10'000)) {
        m_lastError = process.errorString();
        m_adminExitCode = -1;
        return false;
    }
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        m_lastError = u"admin command timed out"_s;
    }
    m_adminOutput = process.readAllStandardOutput();
    m_adminError = process.readAllStandardError();
    m_adminExitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (m_adminExitCode != 0)
        m_lastError = QString::fromUtf8(m_adminError);
    return m_adminExitCode == 0;
}

bool TestServer::createOrg(const QString &slug, const QString &name)
{
    return admin({u"org"_s, u"create"_s, u"--slug"_s, slug, u"--name"_s, name});
}

bool TestServer::createAdvisor(const QString &orgSlug, const QString &username, const QString &password,
                               const QString &displayName)
{
    return admin(
        {u"advisor"_s, u"create"_s, u"--org"_s, orgSlug, u"--username"_s, username, u"--display-name"_s, displayName},
        password.toUtf8() + '\n');
}

QDateTime TestServer::now() const
{
    return m_now;
}

void TestServer::setNow(const QDateTime &time)
{
    m_now = QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch()).toUTC();
    QSaveFile file(m_root.filePath(u"clock"_s));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QByteArray::number(m_now.toSecsSinceEpoch()) + '\n');
        file.commit();
    }
}

void TestServer::advanceClock(qint64 seconds)
{
    setNow(m_now.addSecs(seconds));
}

} // namespace Lotse::Tests
