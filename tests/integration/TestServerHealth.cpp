// The server starts, answers health, keeps its data across restarts, and frames every answer the
// same way: JSON errors, security headers, an access-log row, one JSON log line per request.
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "server-stub/Migrations.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

class TestServerHealth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    QList<QStringList> accessLog()
    {
        QList<QStringList> rows;
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_server->databaseFile());
            if (db.open()) {
                QSqlQuery q(u"SELECT at, method, path, status, bytes, ip, user_agent FROM access_log"_s, db);
                while (q.next()) {
                    QStringList row;
                    for (int i = 0; i < 7; ++i)
                        row << q.value(i).toString();
                    rows << row;
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    }

    void health()
    {
        TestHttpClient client(m_server->baseUrl());
        const auto reply = client.get(u"/api/v1/health"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value("status"_L1).toString(), u"ok"_s);
        QCOMPARE(json.value("version"_L1).toString(), QStringLiteral(LOTSE_VERSION));
        const QJsonObject database = json.value("database"_L1).toObject();
        QCOMPARE(database.value("status"_L1).toString(), u"ok"_s);
        QCOMPARE(database.value("driver"_L1).toString(), u"sqlite"_s);
        QCOMPARE(database.value("schemaVersion"_L1).toInt(), Lotse::Server::latestSchemaVersion());
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    }

    void securityHeadersOnEveryAnswer_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("health") << QByteArray("GET") << u"/api/v1/health"_s << 200;
        QTest::newRow("unknown api path") << QByteArray("GET") << u"/api/v1/nothing/here"_s << 404;
        QTest::newRow("outside the api") << QByteArray("GET") << u"/index.php"_s << 404;
        QTest::newRow("wrong method") << QByteArray("DELETE") << u"/api/v1/health"_s << 405;
        QTest::newRow("no token") << QByteArray("GET") << u"/api/v1/devices"_s << 401;
    }

    void securityHeadersOnEveryAnswer()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        TestHttpClient client(m_server->baseUrl());
        const auto reply = client.send(method, path);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(reply.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(reply.header("X-Frame-Options"), QByteArray("DENY"));
        QVERIFY(!reply.header("Content-Security-Policy").isEmpty());
        if (status >= 400) {
            QVERIFY(!reply.errorCode().isEmpty());
            QVERIFY(!reply.json().value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
        }
        if (status == 404)
            QCOMPARE(reply.errorCode(), u"not_found"_s);
        if (status == 405)
            QCOMPARE(reply.header("Allow"), QByteArray("GET, HEAD"));
    }

    void accessLogRecordsEachRequest()
    {
        TestHttpClient client(m_server->baseUrl());
        const auto reply = client.send("GET", u"/api/v1/health?probe=1"_s, {}, {{"User-Agent", "LotseTest/1.0"}});
        QCOMPARE(reply.status, 200);
        const auto rows = accessLog();
        QVERIFY(!rows.isEmpty());
        const QStringList last = rows.constLast();
        QCOMPARE(last.at(0).toLongLong(), m_server->now().toSecsSinceEpoch()); // the server's clock
        QCOMPARE(last.at(1), u"GET"_s);
        QCOMPARE(last.at(2), u"/api/v1/health"_s); // no query string kept
        QCOMPARE(last.at(3), u"200"_s);
        QCOMPARE(last.at(4).toLongLong(), reply.body.size());
        QCOMPARE(last.at(5), u"127.0.0.1"_s);
        QCOMPARE(last.at(6), u"LotseTest/1.0"_s);
    }

    void accessLogWithoutUserAgent()
    {
        const qsizetype before = accessLog().size();
        // QNetworkAccessManager always sends a User-Agent; speak HTTP by hand.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10'000));
        socket.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (!(answer.contains("\r\n\r\n") && answer.endsWith('}')) && socket.waitForReadyRead(10'000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        const auto rows = accessLog();
        QCOMPARE(rows.size(), before + 1);
        QCOMPARE(rows.constLast().at(6), QString());
    }

    void logsAreJsonLines()
    {
        const QList<QByteArray> lines = m_server->serverLog().split('\n');
        int requests = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
            QVERIFY(doc.object().contains("ts"_L1) && doc.object().contains("level"_L1));
            if (doc.object().value("event"_L1).toString() == "http_request"_L1) {
                ++requests;
                QVERIFY(!doc.object().contains("ip"_L1)); // addresses stay in the access log table
            }
        }
        QVERIFY(requests >= 5);
    }

    void dataSurvivesRestartAndCrash()
    {
        QVERIFY(m_server->createOrg(u"keep"_s, u"Keep Me"_s));
        QVERIFY(m_server->createAdvisor(u"keep"_s, u"keeper@keep.example"_s, u"keeper password"_s, u"Keeper"_s));
        QVERIFY2(m_server->restart(), qPrintable(m_server->lastError()));
        TestHttpClient client(m_server->baseUrl());
        const QString token = client.login(u"keeper@keep.example"_s, u"keeper password"_s);
        QVERIFY(!token.isEmpty());
        m_server->kill(); // an acknowledged session survives a crash (synchronous=FULL, WAL)
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        TestHttpClient again(m_server->baseUrl());
        QCOMPARE(again.get(u"/api/v1/me"_s, token).status, 200);
    }

    void adminCommandsReportErrors()
    {
        QVERIFY(!m_server->admin({u"org"_s, u"create"_s, u"--slug"_s, u"keep"_s, u"--name"_s, u"Again"_s}));
        QCOMPARE(m_server->lastAdminExitCode(), 4);
        QVERIFY(m_server->lastAdminErrorOutput().contains("exists already"));
        QVERIFY(!m_server->admin({u"org"_s, u"create"_s, u"--slug"_s, u"Bad Slug!"_s, u"--name"_s, u"X"_s}));
        QCOMPARE(m_server->lastAdminExitCode(), 2);
        QVERIFY(!m_server->admin({u"advisor"_s, u"list"_s, u"--org"_s, u"missing"_s}));
        QCOMPARE(m_server->lastAdminExitCode(), 3);
        QVERIFY(!m_server->admin({u"advisor"_s, u"create"_s, u"--org"_s, u"keep"_s, u"--username"_s,
                                  u"short@keep.example"_s, u"--display-name"_s, u"S"_s},
                                 "short\n"));
        QCOMPARE(m_server->lastAdminExitCode(), 2);
        QVERIFY(m_server->lastAdminErrorOutput().contains("password"));
        // A password is never taken from the command line.
        QVERIFY(
            !m_server->admin({u"advisor"_s, u"create"_s, u"--org"_s, u"keep"_s, u"--username"_s, u"cli@keep.example"_s,
                              u"--display-name"_s, u"C"_s, u"--password"_s, u"on the command line"_s}));
        QCOMPARE(m_server->lastAdminExitCode(), 2);
        QVERIFY(!m_server->admin({u"frobnicate"_s, u"now"_s}));
        QCOMPARE(m_server->lastAdminExitCode(), 2);

        TempDir dir;
        const QString file = dir.writeFile(u"pw"_s, "from a file 123\n");
        QVERIFY(
            m_server->admin({u"advisor"_s, u"create"_s, u"--org"_s, u"keep"_s, u"--username"_s, u"file@keep.example"_s,
                             u"--display-name"_s, u"File User"_s, u"--password-file"_s, file}));
        QVERIFY(m_server->admin({u"advisor"_s, u"list"_s, u"--org"_s, u"keep"_s}));
        const QByteArray list = m_server->lastAdminOutput();
        QVERIFY(list.contains("file@keep.example\tFile User\tactive\toff"));
        QVERIFY(list.contains("keeper@keep.example\tKeeper\tactive\toff"));
        TestHttpClient client(m_server->baseUrl());
        QVERIFY(!client.login(u"file@keep.example"_s, u"from a file 123"_s).isEmpty());
    }

    void adminPromptsWithoutEcho()
    {
        // A terminal for the admin command: script(1) gives it a pseudo-terminal.
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LOTSE_TEST_ARGON2_COST"_s, u"1,64"_s);
        process.setProcessEnvironment(env);
        const QString command = u"'%1' --data-dir '%2' admin advisor create --org keep --username tty@keep.example "
                                "--display-name TTY"_s.arg(TestServer::serverBinary(), m_server->dataDir());
        process.start(u"script"_s, {u"-qec"_s, command, u"/dev/null"_s});
        QVERIFY(process.waitForStarted());
        QByteArray output;
        const auto waitFor = [&](const QByteArray &text) {
            while (!output.contains(text) && process.waitForReadyRead(20'000))
                output += process.readAllStandardOutput();
            return output.contains(text);
        };
        QVERIFY2(waitFor("Password: "), output.constData());
        process.write("typed on a tty\n");
        QVERIFY2(waitFor("Repeat the password: "), output.constData());
        process.write("typed on a tty\n");
        QVERIFY2(waitFor("Created advisor"), output.constData());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(20'000));
        output += process.readAllStandardOutput();
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(!output.contains("typed on a tty"), output.constData()); // never echoed
        TestHttpClient client(m_server->baseUrl());
        QVERIFY(!client.login(u"tty@keep.example"_s, u"typed on a tty"_s).isEmpty());
    }

    void refusesUnsafeStarts()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(server.stop());
        const QString key = server.dataDir() + u"/server.key"_s;
        QVERIFY(QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        QVERIFY(!server.start());
        QVERIFY(server.serverLog().contains("chmod 600"));
        QVERIFY(QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(server.stop());

        // A database from a newer server is left alone.
        {
            const QString name = QUuid::createUuid().toString();
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                db.setDatabaseName(server.databaseFile());
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(u"UPDATE schema_version SET version = 99"_s));
            }
            QSqlDatabase::removeDatabase(name);
        }
        QVERIFY(!server.start());
        QVERIFY(server.serverLog().contains("newer than this server"));
    }

    void cleanupTestCase() { QVERIFY(m_server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerHealth)
#include "TestServerHealth.moc"
