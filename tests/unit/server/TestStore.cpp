// Store operations: uniqueness, organisation scoping, disabling, the TOTP replay guard, device
// keys, idempotency records.
#include "server-stub/Store.h"

#include "tests/support/TempDir.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;
using Lotse::Tests::TempDir;

class TestStore : public QObject
{
    Q_OBJECT

private:
    TempDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_alpha;
    QString m_beta;
    QString m_anna; // advisor in alpha
    QString m_bert; // advisor in beta

    DeviceRecord device(const QString &id, const QString &advisor, const QString &org, const QString &keySuffix)
    {
        return DeviceRecord{id,
                            advisor,
                            org,
                            u"Device "_s + keySuffix,
                            u"x-"_s + keySuffix,
                            u"e-"_s + keySuffix,
                            u"sig"_s,
                            u"kid"_s,
                            100,
                            std::nullopt};
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(u"db.sqlite"_s)));
        QVERIFY(m_store->migrate());
        QCOMPARE(m_store->createOrganisation(u"alpha"_s, u"Alpha"_s, 1, &m_alpha), StoreResult::Ok);
        QCOMPARE(m_store->createOrganisation(u"beta"_s, u"Beta"_s, 1, &m_beta), StoreResult::Ok);
        QCOMPARE(m_store->createAdvisor(m_alpha, u"anna"_s, u"Anna"_s, "$argon2id$hash-a", 2, &m_anna),
                 StoreResult::Ok);
        QCOMPARE(m_store->createAdvisor(m_beta, u"bert"_s, u"Bert"_s, "$argon2id$hash-b", 2, &m_bert), StoreResult::Ok);
    }

    void uniqueness()
    {
        QCOMPARE(m_store->createOrganisation(u"alpha"_s, u"Other"_s, 3), StoreResult::Conflict);
        QCOMPARE(m_store->createAdvisor(m_beta, u"anna"_s, u"Other Anna"_s, "h", 3), StoreResult::Conflict);
        // Foreign keys are enforced.
        QCOMPARE(m_store->createAdvisor(u"no-such-org"_s, u"ghost"_s, u"Ghost"_s, "h", 3), StoreResult::Failed);
        QVERIFY(!m_store->advisorByUsername(u"ghost"_s));
    }

    void advisorRecord()
    {
        const auto anna = m_store->advisorByUsername(u"anna"_s);
        QVERIFY(anna);
        QCOMPARE(anna->id, m_anna);
        QCOMPARE(anna->organisation.slug, u"alpha"_s);
        QCOMPARE(anna->passwordHash, QByteArray("$argon2id$hash-a"));
        QVERIFY(!anna->disabled);
        QCOMPARE(m_store->advisorById(m_anna)->username, u"anna"_s);
        QCOMPARE(m_store->advisorsOfOrganisation(m_alpha).size(), 1);
        QVERIFY(m_store->setPasswordHash(m_anna, "$argon2id$new"));
        QCOMPARE(m_store->advisorById(m_anna)->passwordHash, QByteArray("$argon2id$new"));
    }

    void disablingEndsSessions()
    {
        QVERIFY(m_store->createSession({u"h1"_s, m_bert, 10, 10, 1000}));
        QVERIFY(m_store->createSession({u"h2"_s, m_bert, 10, 10, 1000}));
        QVERIFY(m_store->createSession({u"h3"_s, m_anna, 10, 10, 1000}));
        QVERIFY(m_store->touchSession(u"h1"_s, 20));
        QCOMPARE(m_store->sessionByTokenHash(u"h1"_s)->lastUsedAt, 20);
        QVERIFY(m_store->setDisabled(m_bert, true));
        QVERIFY(m_store->advisorById(m_bert)->disabled);
        QVERIFY(!m_store->sessionByTokenHash(u"h1"_s));
        QVERIFY(!m_store->sessionByTokenHash(u"h2"_s));
        QVERIFY(m_store->sessionByTokenHash(u"h3"_s)); // another advisor's stays
        QVERIFY(m_store->setDisabled(m_bert, false));
        QVERIFY(m_store->deleteSession(u"h3"_s));
        QVERIFY(!m_store->sessionByTokenHash(u"h3"_s));
    }

    void totpReplayGuard()
    {
        QVERIFY(!m_store->enableTotp(m_anna, 5)); // nothing pending
        QVERIFY(m_store->setTotpPending(m_anna, u"sealed-secret"_s));
        QCOMPARE(m_store->advisorById(m_anna)->totpPendingSecret, u"sealed-secret"_s);
        QVERIFY(m_store->enableTotp(m_anna, 100));
        const auto anna = m_store->advisorById(m_anna);
        QCOMPARE(anna->totpSecret, u"sealed-secret"_s);
        QVERIFY(anna->totpPendingSecret.isEmpty());
        QCOMPARE(anna->totpLastStep, 100);
        QVERIFY(!m_store->consumeTotpStep(m_anna, 100)); // replay
        QVERIFY(!m_store->consumeTotpStep(m_anna, 99));  // older
        QVERIFY(m_store->consumeTotpStep(m_anna, 101));
        QVERIFY(!m_store->consumeTotpStep(m_anna, 101));
        QVERIFY(m_store->disableTotp(m_anna));
        QVERIFY(m_store->advisorById(m_anna)->totpSecret.isEmpty());
    }

    void devicesAreScopedToTheirOrganisation()
    {
        const QString annaDevice = u"00000000-0000-4000-8000-00000000000a"_s;
        const QString bertDevice = u"00000000-0000-4000-8000-00000000000b"_s;
        QVERIFY(m_store->insertDevice(device(annaDevice, m_anna, m_alpha, u"a"_s)));
        QVERIFY(m_store->insertDevice(device(bertDevice, m_bert, m_beta, u"b"_s)));
        // Keys are unique server-wide.
        QVERIFY(!m_store->insertDevice(device(u"00000000-0000-4000-8000-00000000000c"_s, m_bert, m_beta, u"a"_s)));
        QCOMPARE(m_store->deviceByKeys(u"x-a"_s, u"nothing"_s)->id, annaDevice);
        QCOMPARE(m_store->deviceByKeys(u"nothing"_s, u"e-b"_s)->id, bertDevice);

        const auto alphaDevices = m_store->activeDevicesOfOrganisation(m_alpha);
        QCOMPARE(alphaDevices.size(), 1);
        QCOMPARE(alphaDevices.at(0).id, annaDevice);
        // Beta cannot revoke alpha's device, even knowing its id.
        QCOMPARE(m_store->revokeDevice(m_beta, annaDevice, 200), StoreResult::NotFound);
        QCOMPARE(m_store->activeDevicesOfOrganisation(m_alpha).size(), 1);
        QCOMPARE(m_store->revokeDevice(m_alpha, annaDevice, 200), StoreResult::Ok);
        QCOMPARE(m_store->revokeDevice(m_alpha, annaDevice, 201), StoreResult::NotFound);
        QVERIFY(m_store->activeDevicesOfOrganisation(m_alpha).isEmpty());
        QCOMPARE(m_store->deviceByKeys(u"x-a"_s, u"e-a"_s)->revokedAt, std::optional<qint64>(200));
        // Devices of disabled advisors are not listed.
        QVERIFY(m_store->setDisabled(m_bert, true));
        QVERIFY(m_store->activeDevicesOfOrganisation(m_beta).isEmpty());
        QVERIFY(m_store->setDisabled(m_bert, false));
        QCOMPARE(m_store->activeDevicesOfOrganisation(m_beta).size(), 1);
    }

    void idempotencyRecords()
    {
        const StoredResponse response{u"POST"_s, u"/api/v1/devices"_s, 201, "application/json", "{\"id\":1}"};
        QVERIFY(m_store->storeResponse(u"advisor:a"_s, u"k1"_s, response, 5));
        QVERIFY(!m_store->storeResponse(u"advisor:a"_s, u"k1"_s, response, 6)); // first answer wins
        const auto stored = m_store->storedResponse(u"advisor:a"_s, u"k1"_s);
        QVERIFY(stored);
        QCOMPARE(stored->status, 201);
        QCOMPARE(stored->body, QByteArray("{\"id\":1}"));
        QVERIFY(!m_store->storedResponse(u"advisor:b"_s, u"k1"_s));
        // An empty 204 answer is a valid record too.
        QVERIFY(m_store->storeResponse(u"advisor:a"_s, u"k2"_s, {u"DELETE"_s, u"/x"_s, 204, {}, {}}, 5));
        QCOMPARE(m_store->storedResponse(u"advisor:a"_s, u"k2"_s)->status, 204);
    }

    void accessLog()
    {
        QVERIFY(m_store->logAccess({7, u"GET"_s, u"/api/v1/health"_s, 200, 96, u"10.0.0.1"_s, QString()}));
        QSqlQuery q(u"SELECT at, method, path, status, bytes, ip, user_agent FROM access_log"_s, m_store->database());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 7);
        QCOMPARE(q.value(5).toString(), u"10.0.0.1"_s);
        QCOMPARE(q.value(6).toString(), QString());
        QVERIFY(m_store->ping());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
