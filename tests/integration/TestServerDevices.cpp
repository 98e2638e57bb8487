// Device registration with real signed key pairs: register, re-register, list, revoke, the public
// list that browsers seal to, and idempotency keys on writes.
#include "DeviceFixture.h"

#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

class TestServerDevices : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttpClient> m_client;
    QString m_anna;
    QString m_ben;

    QJsonArray listed(const QString &token)
    {
        const auto reply = m_client->get(u"/api/v1/devices"_s, token);
        return reply.status == 200 ? reply.json().value("devices"_L1).toArray() : QJsonArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Lotse::Crypto::init());
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        QVERIFY(m_server->createOrg(u"demo"_s, u"Demo-Beratungsstelle"_s));
        QVERIFY(m_server->createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        QVERIFY(m_server->createAdvisor(u"demo"_s, u"ben@demo.example"_s, u"ben password"_s, u"Ben"_s));
        m_client = std::make_unique<TestHttpClient>(m_server->baseUrl());
        m_anna = m_client->login(u"anna@demo.example"_s, u"anna password"_s);
        m_ben = m_client->login(u"ben@demo.example"_s, u"ben password"_s);
        QVERIFY(!m_anna.isEmpty() && !m_ben.isEmpty());
    }

    void registerListAndRevoke()
    {
        const QJsonObject body = newDeviceRegistration(u"Laptop Beratungsraum 2"_s);
        const auto created = m_client->postJson(u"/api/v1/devices"_s, body, m_anna);
        QCOMPARE(created.status, 201);
        const QJsonObject device = created.json();
        const QString id = device.value("id"_L1).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(device.value("name"_L1).toString(), u"Laptop Beratungsraum 2"_s);
        QCOMPARE(device.value("x25519"_L1), body.value("x25519"_L1));
        QCOMPARE(device.value("ed25519"_L1), body.value("ed25519"_L1));
        QCOMPARE(device.value("signature"_L1), body.value("signature"_L1));
        QVERIFY(device.value("revokedAt"_L1).isNull());
        QCOMPARE(device.value("createdAt"_L1).toString(), m_server->now().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s));
        const auto x25519 = Lotse::Crypto::fromBase64Url(body.value("x25519"_L1).toString());
        QVERIFY(x25519);
        QCOMPARE(device.value("keyId"_L1).toString(), Lotse::Crypto::toBase64Url(Lotse::Crypto::keyId(*x25519)));

        // The same keys again from the same advisor: 200 with the same device.
        const auto again = m_client->postJson(u"/api/v1/devices"_s, body, m_anna);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value("id"_L1).toString(), id);
        // The same keys from a colleague: 409.
        const auto stolen = m_client->postJson(u"/api/v1/devices"_s, body, m_ben);
        QCOMPARE(stolen.status, 409);
        QCOMPARE(stolen.errorCode(), u"key_in_use"_s);

        // Listed for everyone in the organisation, and publicly.
        bool found = false;
        for (const QJsonValue &v : listed(m_ben))
            found = found || v.toObject().value("id"_L1).toString() == id;
        QVERIFY(found);
        const auto pub = m_client->get(u"/api/v1/orgs/demo/devices"_s);
        QCOMPARE(pub.status, 200);
        QCOMPARE(pub.json().value("organisation"_L1).toObject(),
                 (QJsonObject{{u"slug"_s, u"demo"_s}, {u"name"_s, u"Demo-Beratungsstelle"_s}}));
        const QJsonArray publicDevices = pub.json().value("devices"_L1).toArray();
        QCOMPARE(publicDevices.size(), 1);
        QCOMPARE(publicDevices.at(0).toObject(), (QJsonObject{{u"keyId"_s, device.value("keyId"_L1)},
                                                              {u"x25519"_s, body.value("x25519"_L1)},
                                                              {u"ed25519"_s, body.value("ed25519"_L1)},
                                                              {u"signature"_s, body.value("signature"_L1)}}));

        // Revoke (a colleague in the same organisation may); then gone everywhere.
        QCOMPARE(m_client->del(u"/api/v1/devices/"_s + id, m_ben).status, 204);
        QCOMPARE(m_client->del(u"/api/v1/devices/"_s + id, m_ben).status, 404);
        QVERIFY(listed(m_anna).isEmpty());
        QVERIFY(m_client->get(u"/api/v1/orgs/demo/devices"_s).json().value("devices"_L1).toArray().isEmpty());
        // Revoked keys do not come back silently.
        QCOMPARE(m_client->postJson(u"/api/v1/devices"_s, body, m_anna).errorCode(), u"device_revoked"_s);
    }

    void badSignatureIsRefused()
    {
        QJsonObject body = newDeviceRegistration(u"Tampered"_s);
        // Swap in another device's x25519 key: the signature no longer covers it.
        body.insert(u"x25519"_s, newDeviceRegistration(u"Other"_s).value("x25519"_L1));
        const auto reply = m_client->postJson(u"/api/v1/devices"_s, body, m_anna);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"invalid_signature"_s);

        QJsonObject malformed = newDeviceRegistration(u"Malformed"_s);
        malformed.insert(u"ed25519"_s, u"not+base64url/"_s);
        const auto bad = m_client->postJson(u"/api/v1/devices"_s, malformed, m_anna);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), u"invalid_keys"_s);
        QVERIFY(listed(m_anna).isEmpty());
    }

    void disabledAdvisorsDevicesAreNotListed()
    {
        QVERIFY(m_server->createAdvisor(u"demo"_s, u"carla@demo.example"_s, u"carla password"_s, u"Carla"_s));
        const QString carla = m_client->login(u"carla@demo.example"_s, u"carla password"_s);
        QCOMPARE(m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"Carla's PC"_s), carla).status, 201);
        QCOMPARE(listed(m_anna).size(), 1);
        QVERIFY(m_server->admin({u"advisor"_s, u"disable"_s, u"--username"_s, u"carla@demo.example"_s}));
        QVERIFY(listed(m_anna).isEmpty());
        QVERIFY(m_client->get(u"/api/v1/orgs/demo/devices"_s).json().value("devices"_L1).toArray().isEmpty());
    }

    void idempotencyKeys()
    {
        const QJsonObject body = newDeviceRegistration(u"Idempotent"_s);
        const TestHttpClient::Headers key{{"Idempotency-Key", "register-1"}};
        const auto first = m_client->postJson(u"/api/v1/devices"_s, body, m_anna, key);
        QCOMPARE(first.status, 201);
        const auto retry = m_client->postJson(u"/api/v1/devices"_s, body, m_anna, key);
        QCOMPARE(retry.status, 201); // the first answer, not the 200 of a re-registration
        QCOMPARE(retry.body, first.body);
        QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
        // Another write with the same key returns the stored answer and changes nothing.
        const auto other = m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"Other"_s), m_anna, key);
        QCOMPARE(other.body, first.body);
        QCOMPARE(listed(m_anna).size(), 1);
        // The same key on another address is a conflict.
        const QString id = first.json().value("id"_L1).toString();
        QCOMPARE(m_client->del(u"/api/v1/devices/"_s + id, m_anna, key).status, 409);
        // A retried revoke answers 204 again instead of 404.
        const TestHttpClient::Headers revokeKey{{"Idempotency-Key", "revoke-1"}};
        QCOMPARE(m_client->del(u"/api/v1/devices/"_s + id, m_anna, revokeKey).status, 204);
        QCOMPARE(m_client->del(u"/api/v1/devices/"_s + id, m_anna, revokeKey).status, 204);
        QCOMPARE(m_client->del(u"/api/v1/devices/"_s + id, m_anna).status, 404);
        // Keys belong to their caller: Ben's "register-1" is his own.
        const auto bens = m_client->postJson(u"/api/v1/devices"_s, newDeviceRegistration(u"Ben's"_s), m_ben, key);
        QCOMPARE(bens.status, 201);
        QVERIFY(bens.json().value("id"_L1).toString() != id);
    }

    void publicListIsRateLimited()
    {
        int status = 0;
        int requests = 0;
        while (requests < 200 && status != 429) {
            status = m_client->get(u"/api/v1/orgs/demo/devices"_s).status;
            ++requests;
        }
        QCOMPARE(status, 429);
        QVERIFY(requests <= 61);
        QVERIFY(m_client->lastReply().header("Retry-After").toInt() > 0);
        m_server->advanceClock(61);
        QCOMPARE(m_client->get(u"/api/v1/orgs/demo/devices"_s).status, 200);
    }

    void unknownOrganisation() { QCOMPARE(m_client->get(u"/api/v1/orgs/nope/devices"_s).errorCode(), u"not_found"_s); }

    void cleanupTestCase() { QVERIFY(m_server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerDevices)
#include "TestServerDevices.moc"
