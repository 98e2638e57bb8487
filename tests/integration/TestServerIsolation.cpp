// Tenant isolation: an advisor of one organisation tries every endpoint with the other
// organisation's ids and gets 403/404, sees none of its data, and changes nothing.
#include "DeviceFixture.h"

#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "crypto/Crypto.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

class TestServerIsolation : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttpClient> m_client;
    QString m_alpha; // token of an advisor in org "alpha"
    QString m_beta;  // token of an advisor in org "beta"
    QString m_alphaDevice;
    QString m_betaDevice;

    QStringList deviceIds(const QString &token)
    {
        QStringList ids;
        const QJsonArray devices = m_client->get(u"/api/v1/devices"_s, token).json().value("devices"_L1).toArray();
        for (const QJsonValue &v : devices)
            ids << v.toObject().value("id"_L1).toString();
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Lotse::Crypto::init());
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        QVERIFY(m_server->createOrg(u"alpha"_s, u"Alpha e.V."_s));
        QVERIFY(m_server->createOrg(u"beta"_s, u"Beta gGmbH"_s));
        QVERIFY(m_server->createAdvisor(u"alpha"_s, u"a@alpha.example"_s, u"alpha password"_s, u"A"_s));
        QVERIFY(m_server->createAdvisor(u"beta"_s, u"b@beta.example"_s, u"beta password"_s, u"B"_s));
        m_client = std::make_unique<TestHttpClient>(m_server->baseUrl());
        m_alpha = m_client->login(u"a@alpha.example"_s, u"alpha password"_s);
        m_beta = m_client->login(u"b@beta.example"_s, u"beta password"_s);
        QVERIFY(!m_alpha.isEmpty() && !m_beta.isEmpty());
        m_alphaDevice = m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"Alpha PC"_s), m_alpha)
                            .json()
                            .value("id"_L1)
                            .toString();
        m_betaDevice = m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"Beta PC"_s), m_beta)
                           .json()
                           .value("id"_L1)
                           .toString();
        QVERIFY(!m_alphaDevice.isEmpty() && !m_betaDevice.isEmpty());
    }

    void listsShowOnlyTheOwnOrganisation()
    {
        QCOMPARE(deviceIds(m_alpha), QStringList{m_alphaDevice});
        QCOMPARE(deviceIds(m_beta), QStringList{m_betaDevice});
        const QJsonObject me = m_client->get(u"/api/v1/me"_s, m_beta).json();
        QCOMPARE(me.value("organisation"_L1).toObject().value("slug"_L1).toString(), u"beta"_s);
    }

    void cannotRevokeAnotherOrganisationsDevice()
    {
        const auto reply = m_client->del(u"/api/v1/devices/"_s + m_alphaDevice, m_beta);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"not_found"_s);
        QCOMPARE(deviceIds(m_alpha), QStringList{m_alphaDevice}); // still active
    }

    void cannotTakeOverAnotherOrganisationsKeys()
    {
        const QJsonObject alphaKeys = newDeviceRegistration(u"Alpha laptop"_s);
        QCOMPARE(m_client->postJson(u"/api/v1/devices"_s, alphaKeys, m_alpha).status, 201);
        QJsonObject copy = alphaKeys;
        copy.insert(u"name"_s, u"Beta's copy"_s);
        const auto reply = m_client->postJson(u"/api/v1/devices"_s, copy, m_beta);
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.errorCode(), u"key_in_use"_s);
        QCOMPARE(deviceIds(m_beta), QStringList{m_betaDevice});
    }

    void idempotencyKeysDoNotCrossOrganisations()
    {
        const TestHttpClient::Headers key{{"Idempotency-Key", "shared-key"}};
        const auto alpha = m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"A2"_s), m_alpha, key);
        QCOMPARE(alpha.status, 201);
        const auto beta = m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"B2"_s), m_beta, key);
        QCOMPARE(beta.status, 201);
        QVERIFY(beta.body != alpha.body);
        QCOMPARE(beta.json().value("name"_L1).toString(), u"B2"_s);
    }

    void publicListsAreSeparate()
    {
        const auto alpha = m_client->get(u"/api/v1/orgs/alpha/devices"_s).json();
        const auto beta = m_client->get(u"/api/v1/orgs/beta/devices"_s).json();
        QCOMPARE(alpha.value("devices"_L1).toArray().size(), 3);
        QCOMPARE(beta.value("devices"_L1).toArray().size(), 2);
        for (const QJsonValue &a : alpha.value("devices"_L1).toArray()) {
            for (const QJsonValue &b : beta.value("devices"_L1).toArray())
                QVERIFY(a.toObject().value("keyId"_L1) != b.toObject().value("keyId"_L1));
        }
    }

    void everyAuthenticatedEndpointNeedsAValidToken_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("me") << QByteArray("GET") << u"/api/v1/me"_s;
        QTest::newRow("devices") << QByteArray("GET") << u"/api/v1/devices"_s;
        QTest::newRow("register") << QByteArray("POST") << u"/api/v1/devices"_s;
        QTest::newRow("revoke") << QByteArray("DELETE") << u"/api/v1/devices/%1"_s;
        QTest::newRow("logout") << QByteArray("POST") << u"/api/v1/auth/logout"_s;
        QTest::newRow("totp setup") << QByteArray("POST") << u"/api/v1/me/totp/setup"_s;
        QTest::newRow("totp enable") << QByteArray("POST") << u"/api/v1/me/totp/enable"_s;
        QTest::newRow("totp disable") << QByteArray("POST") << u"/api/v1/me/totp/disable"_s;
    }

    void everyAuthenticatedEndpointNeedsAValidToken()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        if (path.contains(u"%1"_s))
            path = path.arg(m_alphaDevice);
        const QList<QByteArray> badTokens = {"",
                                             "Bearer ",
                                             "Bearer " + m_alpha.toLatin1().left(42),
                                             "Bearer " + m_alpha.toLatin1() + "x",
                                             "Basic " + m_alpha.toLatin1(),
                                             "Bearer ' OR '1'='1"};
        for (const QByteArray &authorization : badTokens) {
            TestHttpClient::Headers headers{{"Content-Type", "application/json"}};
            if (!authorization.isEmpty())
                headers.append({"Authorization", authorization});
            const auto reply = m_client->send(method, path, method == "POST" ? "{}" : "", headers);
            QCOMPARE(reply.status, 401);
        }
        QCOMPARE(deviceIds(m_alpha).size(), 3);
    }

    void cleanupTestCase() { QVERIFY(m_server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerIsolation)
#include "TestServerIsolation.moc"
