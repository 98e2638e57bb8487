// The API in process, without HTTP: health when the database goes away, exact session expiry
// boundaries on a fake clock, HEAD, and that every answer gets the security headers.
#include "server-stub/Api.h"
#include "server-stub/JsonLog.h"
#include "server-stub/SecretBox.h"
#include "server-stub/Store.h"

#include "tests/support/FakeClock.h"
#include "tests/support/TempDir.h"

#include "crypto/Crypto.h"
#include "crypto/Password.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;
using namespace Lotse::Tests;

class TestApi : public QObject
{
    Q_OBJECT

private:
    TempDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Store> m_store;
    SecretBox m_secrets;
    ServerConfig m_config;
    std::unique_ptr<Api> m_api;

    Response call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &token = {})
    {
        Request request;
        request.method = method;
        request.path = path;
        request.body = body;
        request.remoteAddress = u"192.0.2.1"_s;
        if (!body.isEmpty())
            request.headers.append({QByteArray("content-type"), QByteArray("application/json")});
        if (!token.isEmpty())
            request.headers.append({QByteArray("authorization"), "Bearer " + token.toLatin1()});
        return m_api->handle(request);
    }

    QString login()
    {
        const Response response =
            call("POST", u"/api/v1/auth/login"_s, "{\"username\":\"anna\",\"password\":\"anna password\"}");
        return QJsonDocument::fromJson(response.body).object().value("token"_L1).toString();
    }

    static QString errorCode(const Response &response)
    {
        return QJsonDocument::fromJson(response.body).object().value("error"_L1).toObject().value("code"_L1).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Lotse::Crypto::init());
        JsonLog::setQuiet(true);
        Lotse::Crypto::PasswordHash::setCostForTesting(1, 64 * 1024);
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(u"db.sqlite"_s)));
        QVERIFY(m_store->migrate());
        QString error;
        QVERIFY(m_secrets.loadOrCreate(m_dir.filePath(u"server.key"_s), &error));
        QString org;
        QCOMPARE(m_store->createOrganisation(u"demo"_s, u"Demo"_s, 0, &org), StoreResult::Ok);
        const auto hash = Lotse::Crypto::PasswordHash::hash("anna password");
        QVERIFY(hash);
        QCOMPARE(m_store->createAdvisor(org, u"anna"_s, u"Anna"_s, *hash, 0), StoreResult::Ok);
        m_api = std::make_unique<Api>(*m_store, m_clock, m_secrets, m_config);
    }

    void idleExpiryBoundary()
    {
        const QString token = login();
        QVERIFY(!token.isEmpty());
        m_clock.advance(Api::sessionIdleSeconds - 1);
        QCOMPARE(call("GET", u"/api/v1/me"_s, {}, token).status, 200);
        m_clock.advance(Api::sessionIdleSeconds - 1);
        QCOMPARE(call("GET", u"/api/v1/me"_s, {}, token).status, 200);
        m_clock.advance(Api::sessionIdleSeconds);
        const Response expired = call("GET", u"/api/v1/me"_s, {}, token);
        QCOMPARE(expired.status, 401);
        QCOMPARE(errorCode(expired), u"session_expired"_s);
        QCOMPARE(expired.header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void absoluteExpiryBoundary()
    {
        const QString token = login();
        const qint64 step = Api::sessionIdleSeconds - 1;
        qint64 elapsed = 0;
        while (elapsed + step < Api::sessionAbsoluteSeconds) {
            m_clock.advance(step);
            elapsed += step;
            QCOMPARE(call("GET", u"/api/v1/me"_s, {}, token).status, 200);
        }
        m_clock.advance(Api::sessionAbsoluteSeconds - elapsed);
        QCOMPARE(errorCode(call("GET", u"/api/v1/me"_s, {}, token)), u"session_expired"_s);
    }

    void headIsGetWithoutBody()
    {
        const Response head = call("HEAD", u"/api/v1/health"_s);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Cache-Control"), QByteArray("no-store"));
    }

    void healthDegradesWhenTheDatabaseIsGone()
    {
        QCOMPARE(call("GET", u"/api/v1/health"_s).status, 200);
        m_store->database().close();
        const Response degraded = call("GET", u"/api/v1/health"_s);
        QCOMPARE(degraded.status, 503);
        const QJsonObject json = QJsonDocument::fromJson(degraded.body).object();
        QCOMPARE(json.value("status"_L1).toString(), u"degraded"_s);
        QCOMPARE(json.value("database"_L1).toObject().value("status"_L1).toString(), u"unavailable"_s);
        QCOMPARE(degraded.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "TestApi.moc"
