// lotse-server serving TLS itself (QSslServer, certificate and key from the config file), and
// the X-Forwarded-For handling for a trusted reverse proxy.
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

namespace {

const QString certificate = QStringLiteral(LOTSE_INTEGRATION_DATA "/tls-test.crt");
const QString privateKey = QStringLiteral(LOTSE_INTEGRATION_DATA "/tls-test.key");

QString lastLoggedIp(const QString &databaseFile)
{
    const QString name = QUuid::createUuid().toString();
    QString ip;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databaseFile);
        if (db.open()) {
            QSqlQuery q(u"SELECT ip FROM access_log ORDER BY rowid DESC LIMIT 1"_s, db);
            if (q.next())
                ip = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ip;
}

} // namespace

class TestServerTls : public QObject
{
    Q_OBJECT

private slots:
    void servesHttps()
    {
        TestServer::Options options;
        options.https = true;
        options.caCertificateFile = certificate;
        options.configIni =
            "[tls]\ncertificate = " + certificate.toUtf8() + "\nprivate_key = " + privateKey.toUtf8() + "\n";
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QCOMPARE(server.baseUrl().scheme(), u"https"_s);

        TestHttpClient client(server.baseUrl());
        client.setCaCertificates(QSslCertificate::fromPath(certificate));
        const auto health = client.get(u"/api/v1/health"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value("status"_L1).toString(), u"ok"_s);
        QCOMPARE(health.header("Strict-Transport-Security"), QByteArray("max-age=31536000"));

        // Without trusting the test CA the handshake fails: it really is TLS with that certificate.
        TestHttpClient untrusting(server.baseUrl());
        const auto refused = untrusting.get(u"/api/v1/health"_s);
        QCOMPARE(refused.status, 0);
        QVERIFY(!refused.networkError.isEmpty());
        // Plain HTTP on the TLS port gets no HTTP answer.
        QUrl plain = server.baseUrl();
        plain.setScheme(u"http"_s);
        TestHttpClient plainClient(plain);
        QCOMPARE(plainClient.get(u"/api/v1/health"_s).status, 0);
        QVERIFY(server.stop());
    }

    void refusesToStartWithABrokenCertificate()
    {
        TestServer::Options options;
        options.configIni = "[tls]\ncertificate = /nonexistent.crt\nprivate_key = " + privateKey.toUtf8() + "\n";
        TestServer server(options);
        QVERIFY(!server.start());
        QVERIFY(server.serverLog().contains("startup_failed"));
    }

    void forwardedForOnlyFromTrustedProxies()
    {
        TestServer::Options options;
        options.configIni = "[http]\ntrusted_proxies = 127.0.0.1\n";
        TestServer trusted(options);
        QVERIFY2(trusted.start(), qPrintable(trusted.lastError()));
        TestHttpClient client(trusted.baseUrl());
        QCOMPARE(client.send("GET", u"/api/v1/health"_s, {}, {{"X-Forwarded-For", "203.0.113.9, 198.51.100.7"}}).status,
                 200);
        QCOMPARE(lastLoggedIp(trusted.databaseFile()), u"198.51.100.7"_s); // what the proxy saw

        TestServer direct;
        QVERIFY2(direct.start(), qPrintable(direct.lastError()));
        TestHttpClient directClient(direct.baseUrl());
        QCOMPARE(directClient.send("GET", u"/api/v1/health"_s, {}, {{"X-Forwarded-For", "198.51.100.7"}}).status, 200);
        QCOMPARE(lastLoggedIp(direct.databaseFile()), u"127.0.0.1"_s);                   // a client's claim is ignored
        QVERIFY(directClient.lastReply().header("Strict-Transport-Security").isEmpty()); // plain HTTP
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "TestServerTls.moc"
