#include "server-stub/ServerApp.h"

#include "server-stub/AdminCli.h"
#include "server-stub/Api.h"
#include "server-stub/FileClock.h"
#include "server-stub/HttpAdapter.h"
#include "server-stub/JsonLog.h"
#include "server-stub/Outbox.h"
#include "server-stub/Retention.h"
#include "server-stub/SecretBox.h"
#include "server-stub/ServerConfig.h"
#include "server-stub/Store.h"
#include "server-stub/WebPages.h"
#include "server-stub/WebSocketHub.h"

#include "crypto/Crypto.h"
#include "crypto/Password.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QWebSocket>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[0], &byte, 1);
}

constexpr char usageText[] = "Usage: lotse-server --data-dir DIR [--listen HOST:PORT] [--config FILE]\n"
                             "       lotse-server --data-dir DIR [--config FILE] admin COMMAND (see 'admin help')\n";

int usageError(const QString &message)
{
    std::fprintf(stderr, "lotse-server: %s\n%s", message.toUtf8().constData(), usageText);
    return AdminCli::Usage;
}

int startupError(const QString &message)
{
    JsonLog::error(u"startup_failed"_s, {{u"message"_s, message}});
    return AdminCli::Failure;
}

// Test hooks (server-stub/README.md): compiled in only with LOTSE_SERVER_TEST_HOOKS, honoured only
// when the variables are set.
std::unique_ptr<Models::Clock> makeClock()
{
    const QString clockFile = qEnvironmentVariable("LOTSE_TEST_CLOCK_FILE");
    const QString argonCost = qEnvironmentVariable("LOTSE_TEST_ARGON2_COST");
#ifdef LOTSE_SERVER_TEST_HOOKS
    if (!argonCost.isEmpty()) {
        const QStringList parts = argonCost.split(u',');
        bool opsOk = false;
        bool memOk = false;
        const quint64 ops = parts.value(0).toULongLong(&opsOk);
        const quint64 memKiB = parts.value(1).toULongLong(&memOk);
        if (parts.size() == 2 && opsOk && memOk) {
            Crypto::PasswordHash::setCostForTesting(ops, memKiB * 1024);
            JsonLog::warning(u"test_hook"_s, {{u"hook"_s, u"LOTSE_TEST_ARGON2_COST"_s}, {u"value"_s, argonCost}});
        }
    }
    if (!clockFile.isEmpty()) {
        JsonLog::warning(u"test_hook"_s, {{u"hook"_s, u"LOTSE_TEST_CLOCK_FILE"_s}});
        return std::make_unique<FileClock>(clockFile);
    }
#else
    if (!clockFile.isEmpty() || !argonCost.isEmpty())
        JsonLog::warning(u"test_hooks_ignored"_s, {{u"message"_s, u"this build has no test hooks"_s}});
#endif
    return std::make_unique<Models::SystemClock>();
}

std::optional<QSslConfiguration> loadTls(const ServerConfig &config, QString *error)
{
    if (config.tlsCertificate.isEmpty())
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(config.tlsCertificate, QSsl::Pem);
    QFile keyFile(config.tlsPrivateKey);
    if (chain.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS certificate %1 or key %2"_s.arg(config.tlsCertificate, config.tlsPrivateKey);
        return std::nullopt;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = u"the TLS key %1 is neither an RSA nor an EC key in PEM"_s.arg(config.tlsPrivateKey);
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

bool parseListen(const QString &listen, QHostAddress &host, quint16 &port)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString hostText = listen.left(colon);
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    bool ok = false;
    const uint value = listen.mid(colon + 1).toUInt(&ok);
    host = hostText == "localhost"_L1 ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(hostText);
    port = quint16(value);
    return ok && value <= 65535 && !host.isNull();
}

} // namespace

int runServerApp(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"lotse-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LOTSE_VERSION));
    JsonLog::installQtMessageHandler();

    QString dataDir;
    QString listen = u"127.0.0.1:8427"_s;
    QString configFile;
    QStringList adminArgs;
    bool admin = false;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == "admin"_L1) {
            admin = true;
            adminArgs = args.mid(i + 1);
            break;
        }
        if (arg == "--help"_L1 || arg == "-h"_L1) {
            std::fputs(usageText, stdout);
            return AdminCli::Success;
        }
        if (arg == "--version"_L1) {
            std::printf("lotse-server %s\n", LOTSE_VERSION);
            return AdminCli::Success;
        }
        if ((arg == "--data-dir"_L1 || arg == "--listen"_L1 || arg == "--config"_L1) && i + 1 < args.size()) {
            (arg == "--data-dir"_L1 ? dataDir : arg == "--listen"_L1 ? listen : configFile) = args.at(++i);
            continue;
        }
        return usageError(u"unexpected argument: %1"_s.arg(arg));
    }
    if (admin && (adminArgs.isEmpty() || adminArgs.constFirst() == "help"_L1)) {
        std::fputs(AdminCli::usage().toUtf8().constData(), adminArgs.isEmpty() ? stderr : stdout);
        return adminArgs.isEmpty() ? AdminCli::Usage : AdminCli::Success;
    }
    if (dataDir.isEmpty())
        return usageError(u"--data-dir is required"_s);
    QHostAddress host;
    quint16 port = 0;
    if (!parseListen(listen, host, port))
        return usageError(u"--listen must be HOST:PORT, e.g. 127.0.0.1:8427 or [::1]:8427"_s);

    QString failure;
    if (!Crypto::init(&failure))
        return startupError(u"crypto self-test failed, refusing to start: %1"_s.arg(failure));
    const std::unique_ptr<Models::Clock> clock = makeClock();

    ServerConfig config;
    if (!configFile.isEmpty() && !config.load(configFile, &failure))
        return startupError(failure);
    config.dataDir = dataDir;
    const QDir dir(dataDir);
    if (!dir.exists() && !QDir().mkpath(dataDir))
        return startupError(u"cannot create the data directory %1"_s.arg(dataDir));
    QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    Store store;
    if (!store.open(dir.filePath(u"lotse.sqlite"_s), &failure) || !store.migrate(&failure))
        return startupError(u"database: %1"_s.arg(failure));

    if (admin) {
        JsonLog::setQuiet(true);
        return AdminCli(store, *clock).run(adminArgs);
    }

    SecretBox secrets;
    if (!secrets.loadOrCreate(config.serverKeyFile.isEmpty() ? dir.filePath(u"server.key"_s) : config.serverKeyFile,
                              &failure))
        return startupError(failure);
    const std::optional<QSslConfiguration> tls = loadTls(config, &failure);
    if (!config.tlsCertificate.isEmpty() && !tls)
        return startupError(failure);

    Api api(store, *clock, secrets, config);
    SmtpSettings smtp;
    if (!SmtpSettings::fromConfig(config, smtp, &failure))
        return startupError(failure);
    Outbox outbox(dir.filePath(u"lotse.sqlite"_s), *clock, secrets, smtp, config.outboxPollMilliseconds);
    outbox.start();
    WebSocketHub hub(api);
    api.setRequestsChangedHandler(
        [&hub](const QString &organisationId, qint64 cursor) { hub.requestsChanged(organisationId, cursor); });
    // Applied before the server answers anything, then hourly.
    Retention retention(store, *clock, dataDir,
                        {qint64(config.retentionBookingDays) * 86400, qint64(config.retentionRoomDays) * 86400,
                         qint64(config.retentionInstantCallDays) * 86400, qint64(config.retentionMessageDays) * 86400,
                         qint64(config.retentionAccessLogDays) * 86400,
                         qint64(config.retentionCallAddressDays) * 86400});
    retention.setRequestsChangedHandler(
        [&hub](const QString &organisationId, qint64 cursor) { hub.requestsChanged(organisationId, cursor); });
    retention.start();
    const WebPages web(!config.tlsCertificate.isEmpty());
    HttpAdapter adapter(
        [&api, &web](const Request &request) {
            return WebPages::handles(request.path) ? web.handle(request) : api.handle(request);
        },
        u"/api/v1/ws"_s, [&hub](std::unique_ptr<QWebSocket> socket) { hub.accept(std::move(socket)); });
    adapter.setTrustedProxies(config.trustedProxies);
    if (!adapter.listen(host, port, tls, &failure))
        return startupError(u"cannot listen on %1: %2"_s.arg(listen, failure));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0)
        return startupError(u"cannot set up signal handling"_s);
    QSocketNotifier notifier(s_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(s_signalPipe[1], &byte, 1);
        JsonLog::info(u"shutdown"_s);
        QCoreApplication::quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    JsonLog::info(u"listening"_s, {{u"host"_s, host.toString()},
                                   {u"port"_s, adapter.port()},
                                   {u"tls"_s, tls.has_value()},
                                   {u"schemaVersion"_s, store.schemaVersion()},
                                   {u"version"_s, QStringLiteral(LOTSE_VERSION)}});
    return QCoreApplication::exec();
}

} // namespace Lotse::Server
