#pragma once

#include "tests/support/TempDir.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Lotse::Tests {

// Runs the real lotse-server binary on a free loopback port with a temporary data directory,
// for integration and desktop tests:
//
//     TestServer server;
//     QVERIFY2(server.start(), qPrintable(server.lastError()));
//     QVERIFY(server.createOrg(u"demo"_s, u"Demo"_s));
//     QVERIFY(server.createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"correct horse"_s, u"Anna"_s));
//     ... talk to server.baseUrl() ...
//
// By default the server gets cheap Argon2id parameters (LOTSE_TEST_ARGON2_COST) and a controlled
// clock (LOTSE_TEST_CLOCK_FILE) that stands still at the real time of construction until the test
// moves it with advanceClock(): expiry tests need no sleeping.
class TestServer
{
public:
    struct Options
    {
        bool fastPasswordHashing = true;
        bool controlledClock = true;
        QByteArray configIni;               // written to a file and passed as --config when not empty
        QMap<QString, QString> environment; // extra variables for the server and admin commands
        // The server speaks TLS (its config names the certificate): baseUrl() is https, and the
        // health check trusts this CA certificate (PEM file).
        bool https = false;
        QString caCertificateFile;
    };

    TestServer();
    explicit TestServer(Options options);
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    // Starts the server and waits until /api/v1/health answers 200.
    [[nodiscard]] bool start();
    // SIGTERM and wait; true when the server exited cleanly.
    bool stop();
    // SIGKILL: a crash, for durability tests.
    void kill();
    // SIGSTOP / SIGCONT: a server too busy to answer for a while (requests stay in flight).
    void pause();
    void resume();
    // stop() + start() on the same port and data directory.
    [[nodiscard]] bool restart();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] QUrl baseUrl() const;                // http://127.0.0.1:PORT
    [[nodiscard]] QUrl url(const QString &path) const; // baseUrl() + path, e.g. u"/api/v1/health"_s
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString dataDir() const;
    [[nodiscard]] QString databaseFile() const;
    [[nodiscard]] QByteArray serverLog() const; // everything the server wrote to stderr
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // `lotse-server --data-dir DIR admin <args>`, with `stdinData` on standard input. True on exit
    // code 0; the code and output stay available.
    bool admin(const QStringList &args, const QByteArray &stdinData = {});
    [[nodiscard]] int lastAdminExitCode() const { return m_adminExitCode; }
    [[nodiscard]] QByteArray lastAdminOutput() const { return m_adminOutput; }
    [[nodiscard]] QByteArray lastAdminErrorOutput() const { return m_adminError; }
    bool createOrg(const QString &slug, const QString &name);
    bool createAdvisor(const QString &orgSlug, const QString &username, const QString &password,
                       const QString &displayName);

    // The server's "now" (controlledClock only). Takes effect at once, also for a running server.
    [[nodiscard]] QDateTime now() const;
    void setNow(const QDateTime &time);
    void advanceClock(qint64 seconds);

    // Replaces the config file (Options::configIni) for the next start() or restart().
    void setConfig(const QByteArray &ini);
    // Changes an environment variable for the next start() or admin().
    void setEnvironment(const QString &name, const QString &value);

    [[nodiscard]] static QString serverBinary();

private:
    [[nodiscard]] QProcessEnvironment environment() const;
    [[nodiscard]] QStringList baseArguments() const;
    [[nodiscard]] bool startOnce();
    [[nodiscard]] bool waitForHealth(int timeoutMs);

    Options m_options;
    TempDir m_root;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QDateTime m_now;
    QString m_lastError;
    int m_adminExitCode = -1;
    QByteArray m_adminOutput;
    QByteArray m_adminError;
};

} // namespace Lotse::Tests
