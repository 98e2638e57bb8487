// Hostile and broken requests: each gets a clear 4xx in the JSON error format, and the store is
// byte-for-byte what it was before (checksum over every table except the access log).
#include "DeviceFixture.h"

#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "crypto/Crypto.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

namespace {

QByteArray storeChecksum(const QString &databaseFile)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databaseFile);
        if (!db.open())
            return {};
        const QStringList tables = {u"organisations"_s, u"advisors"_s,         u"sessions"_s,
                                    u"devices"_s,       u"idempotency_keys"_s, u"schema_version"_s};
        for (const QString &table : tables) {
            QSqlQuery q(u"SELECT * FROM %1 ORDER BY 1"_s.arg(table), db);
            hash.addData(table.toUtf8());
            int rows = 0;
            while (q.next()) {
                ++rows;
                for (int i = 0; i < q.record().count(); ++i)
                    hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
            }
            hash.addData(QByteArray::number(rows));
        }
        QSqlQuery master(u"SELECT sql FROM sqlite_master ORDER BY name"_s, db);
        while (master.next())
            hash.addData(master.value(0).toString().toUtf8());
    }
    QSqlDatabase::removeDatabase(name);
    return hash.result().toHex();
}

} // namespace

class TestServerBadInput : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttpClient> m_client;
    QString m_token;

private slots:
    void initTestCase()
    {
        QVERIFY(Lotse::Crypto::init());
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        QVERIFY(m_server->createOrg(u"demo"_s, u"Demo"_s));
        QVERIFY(m_server->createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        m_client = std::make_unique<TestHttpClient>(m_server->baseUrl());
        m_token = m_client->login(u"anna@demo.example"_s, u"anna password"_s);
        QVERIFY(!m_token.isEmpty());
        QCOMPARE(m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"Existing"_s), m_token).status, 201);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("signedIn");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field"); // expected in error.fields, or empty

        const QByteArray json = "application/json";
        const QString login = u"/api/v1/auth/login"_s;
        const QString devices = u"/api/v1/devices"_s;
        const QByteArray device = QJsonDocument(newDeviceRegistration(u"x"_s)).toJson(QJsonDocument::Compact);
        const auto deviceWith = [](const QString &key, const QJsonValue &value) {
            QJsonObject body = newDeviceRegistration(u"Device"_s);
            body.insert(key, value);
            return QJsonDocument(body).toJson(QJsonDocument::Compact);
        };

        QTest::newRow("malformed json") << QByteArray("POST") << login << json << QByteArray("{\"username\": \"a\",")
                                        << false << 400 << u"invalid_json"_s << QString();
        QTest::newRow("json array") << QByteArray("POST") << login << json << QByteArray("[1, 2]") << false << 400
                                    << u"invalid_json"_s << QString();
        QTest::newRow("empty body") << QByteArray("POST") << login << json << QByteArray() << false << 400
                                    << u"invalid_json"_s << QString();
        QTest::newRow("deep nesting") << QByteArray("POST") << login << json
                                      << QByteArray(5000, '[') + QByteArray(5000, ']') << false << 400
                                      << u"invalid_json"_s << QString();
        QTest::newRow("invalid utf-8") << QByteArray("POST") << login << json
                                       << QByteArray("{\"username\": \"\xff\xfe\", \"password\": \"abcdefgh\"}")
                                       << false << 400 << u"invalid_utf8"_s << QString();
        QTest::newRow("overlong utf-8") << QByteArray("POST") << login << json
                                        << QByteArray("{\"username\": \"\xc0\xaf\", \"password\": \"abcdefgh\"}")
                                        << false << 400 << u"invalid_utf8"_s << QString();
        QTest::newRow("wrong types") << QByteArray("POST") << login << json
                                     << QByteArray("{\"username\": 5, \"password\": true}") << false << 400
                                     << u"validation_failed"_s << u"username"_s;
        QTest::newRow("missing field") << QByteArray("POST") << login << json << QByteArray("{\"username\": \"a\"}")
                                       << false << 400 << u"validation_failed"_s << u"password"_s;
        QTest::newRow("unknown field") << QByteArray("POST") << login << json
                                       << QByteArray("{\"username\": \"a\", \"password\": \"b\", \"admin\": true}")
                                       << false << 400 << u"validation_failed"_s << u"admin"_s;
        QTest::newRow("null value") << QByteArray("POST") << login << json
                                    << QByteArray("{\"username\": null, \"password\": \"b\"}") << false << 400
                                    << u"validation_failed"_s << u"username"_s;
        QTest::newRow("no content type") << QByteArray("POST") << login << QByteArray()
                                         << QByteArray("{\"username\": \"a\", \"password\": \"b\"}") << false << 415
                                         << u"unsupported_media_type"_s << QString();
        QTest::newRow("form content type")
            << QByteArray("POST") << login << QByteArray("application/x-www-form-urlencoded")
            << QByteArray("username=a&password=b") << false << 415 << u"unsupported_media_type"_s << QString();
        QTest::newRow("latin-1 charset") << QByteArray("POST") << login
                                         << QByteArray("application/json; charset=iso-8859-1")
                                         << QByteArray("{\"username\": \"a\", \"password\": \"b\"}") << false << 415
                                         << u"unsupported_media_type"_s << QString();
        QTest::newRow("oversized body") << QByteArray("POST") << login << json
                                        << QByteArray("{\"username\": \"") + QByteArray(70 * 1024, 'a') +
                                               QByteArray("\", \"password\": \"b\"}")
                                        << false << 413 << u"body_too_large"_s << QString();
        QTest::newRow("sql in username") << QByteArray("POST") << login << json
                                         << QByteArray(
                                                "{\"username\": \"' OR '1'='1' --\", \"password\": \"x' OR 1=1\"}")
                                         << false << 401 << u"invalid_credentials"_s << QString();
        QTest::newRow("username too long")
            << QByteArray("POST") << login << json
            << QByteArray("{\"username\": \"") + QByteArray(300, 'a') + QByteArray("\", \"password\": \"b\"}") << false
            << 400 << u"validation_failed"_s << u"username"_s;
        QTest::newRow("device: control characters in name")
            << QByteArray("POST") << devices << json << deviceWith(u"name"_s, u"Laptop\u0007\u0000"_s) << true << 400
            << u"validation_failed"_s << u"name"_s;
        QTest::newRow("device: blank name") << QByteArray("POST") << devices << json << deviceWith(u"name"_s, u"   "_s)
                                            << true << 400 << u"validation_failed"_s << u"name"_s;
        QTest::newRow("device: name too long")
            << QByteArray("POST") << devices << json << deviceWith(u"name"_s, QString(101, u'n')) << true << 400
            << u"validation_failed"_s << u"name"_s;
        QTest::newRow("device: key as number") << QByteArray("POST") << devices << json << deviceWith(u"x25519"_s, 42)
                                               << true << 400 << u"validation_failed"_s << u"x25519"_s;
        QTest::newRow("device: sql in key")
            << QByteArray("POST") << devices << json << deviceWith(u"ed25519"_s, u"'; DROP TABLE devices; --"_s) << true
            << 400 << u"invalid_keys"_s << QString();
        QTest::newRow("device: extra field")
            << QByteArray("POST") << devices << json << deviceWith(u"advisorId"_s, u"someone-else"_s) << true << 400
            << u"validation_failed"_s << u"advisorId"_s;
        QTest::newRow("device: text/plain") << QByteArray("POST") << devices << QByteArray("text/plain") << device
                                            << true << 415 << u"unsupported_media_type"_s << QString();
        QTest::newRow("revoke: sql in id")
            << QByteArray("DELETE") << u"/api/v1/devices/1%27%20OR%20%271%27=%271"_s << QByteArray() << QByteArray()
            << true << 404 << u"not_found"_s << QString();
        QTest::newRow("revoke: unknown uuid")
            << QByteArray("DELETE") << u"/api/v1/devices/00000000-0000-4000-8000-000000000000"_s << QByteArray()
            << QByteArray() << true << 404 << u"not_found"_s << QString();
        QTest::newRow("public: sql in slug")
            << QByteArray("GET") << u"/api/v1/orgs/demo%27%20OR%201=1--/devices"_s << QByteArray() << QByteArray()
            << false << 404 << u"not_found"_s << QString();
        QTest::newRow("totp enable: wrong type")
            << QByteArray("POST") << u"/api/v1/me/totp/enable"_s << json << QByteArray("{\"code\": 123456}") << true
            << 400 << u"validation_failed"_s << u"code"_s;
        QTest::newRow("unknown method") << QByteArray("PATCH") << devices << json << QByteArray("{}") << true << 405
                                        << u"method_not_allowed"_s << QString();
    }

    void rejected()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(bool, signedIn);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);

        const QByteArray before = storeChecksum(m_server->databaseFile());
        QVERIFY(!before.isEmpty());
        TestHttpClient::Headers headers;
        if (!contentType.isEmpty())
            headers.append({"Content-Type", contentType});
        if (signedIn)
            headers.append({"Authorization", "Bearer " + m_token.toLatin1()});
        const auto reply = m_client->send(method, path, body, headers);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        const QJsonObject error = reply.json().value("error"_L1).toObject();
        QVERIFY(!error.value("message"_L1).toString().isEmpty());
        if (!field.isEmpty())
            QVERIFY2(error.value("fields"_L1).toObject().contains(field), reply.body.constData());
        QCOMPARE(storeChecksum(m_server->databaseFile()), before);
        QCOMPARE(m_client->get(u"/api/v1/health"_s).status, 200);
    }

    void sqlMetacharactersAreJustText()
    {
        const QString name = u"Robert'); DROP TABLE devices; -- \"ü\" 🙂"_s;
        const auto reply = m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(name), m_token);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value("name"_L1).toString(), name);
        const QJsonArray devices = m_client->get(u"/api/v1/devices"_s, m_token).json().value("devices"_L1).toArray();
        QCOMPARE(devices.size(), 2);
        QStringList names;
        for (const QJsonValue &d : devices)
            names << d.toObject().value("name"_L1).toString();
        QVERIFY(names.contains(name));

        QVERIFY(m_server->admin({u"org"_s, u"create"_s, u"--slug"_s, u"quotes"_s, u"--name"_s,
                                 u"O'Brien & Söhne; DROP TABLE organisations"_s}));
        const auto org = m_client->get(u"/api/v1/orgs/quotes/devices"_s);
        QCOMPARE(org.json().value("organisation"_L1).toObject().value("name"_L1).toString(),
                 u"O'Brien & Söhne; DROP TABLE organisations"_s);
    }

    void cleanupTestCase() { QVERIFY(m_server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerBadInput)
#include "TestServerBadInput.moc"
