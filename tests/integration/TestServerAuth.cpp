// Advisor sign-in against a real lotse-server: passwords, rate limits, disabled accounts, the
// second factor, session expiry (with the server's test clock, no sleeping) and sign-out.
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "server-stub/Totp.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

namespace {

const QString password = u"correct horse battery"_s;

QString storedPasswordHash(const QString &databaseFile, const QString &username)
{
    const QString name = QUuid::createUuid().toString();
    QString hash;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databaseFile);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"SELECT password_hash FROM advisors WHERE username = ?"_s);
            q.addBindValue(username);
            if (q.exec() && q.next())
                hash = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return hash;
}

} // namespace

class TestServerAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttpClient> m_client;

    // A fresh advisor per test, so rate limits and TOTP state never leak between tests.
    QString newAdvisor(const QString &prefix)
    {
        const QString username =
            prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(8) + u"@demo.example"_s;
        if (!m_server->createAdvisor(u"demo"_s, username, password, u"Anna Beispiel"_s))
            qWarning() << m_server->lastError();
        return username;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        QVERIFY2(m_server->createOrg(u"demo"_s, u"Demo-Beratungsstelle"_s), qPrintable(m_server->lastError()));
        m_client = std::make_unique<TestHttpClient>(m_server->baseUrl());
    }

    void loginSucceeds()
    {
        const QString username = newAdvisor(u"ok"_s);
        const auto reply =
            m_client->postJson(u"/api/v1/auth/login"_s, {{u"username"_s, username}, {u"password"_s, password}});
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value("token"_L1).toString().size(), 43);
        QCOMPARE(json.value("expiresAt"_L1).toString(),
                 m_server->now().addSecs(12 * 3600).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s));
        const QJsonObject advisor = json.value("advisor"_L1).toObject();
        QCOMPARE(advisor.value("username"_L1).toString(), username);
        QCOMPARE(advisor.value("displayName"_L1).toString(), u"Anna Beispiel"_s);
        QCOMPARE(advisor.value("totpEnabled"_L1).toBool(true), false);
        QCOMPARE(advisor.value("organisation"_L1).toObject().value("slug"_L1).toString(), u"demo"_s);
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(reply.header("X-Content-Type-Options"), QByteArray("nosniff"));

        const auto me = m_client->get(u"/api/v1/me"_s, json.value("token"_L1).toString());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json(), advisor);
    }

    void usernameIsCaseInsensitive()
    {
        const QString username = newAdvisor(u"case"_s);
        QVERIFY(!m_client->login(username.toUpper(), password).isEmpty());
    }

    void wrongPasswordAndUnknownUserLookTheSame()
    {
        const QString username = newAdvisor(u"wrong"_s);
        const auto wrong = m_client->postJson(u"/api/v1/auth/login"_s,
                                              {{u"username"_s, username}, {u"password"_s, u"not the password"_s}});
        const auto unknown = m_client->postJson(u"/api/v1/auth/login"_s,
                                                {{u"username"_s, u"nobody@demo.example"_s}, {u"password"_s, password}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.errorCode(), u"invalid_credentials"_s);
        QCOMPARE(wrong.body, unknown.body);
    }

    void protectedEndpointsNeedAToken()
    {
        QCOMPARE(m_client->get(u"/api/v1/me"_s).status, 401);
        QCOMPARE(m_client->get(u"/api/v1/me"_s).errorCode(), u"not_authenticated"_s);
        QCOMPARE(m_client->get(u"/api/v1/me"_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s).status, 401);
    }

    void logoutEndsTheSession()
    {
        const QString token = m_client->login(newAdvisor(u"logout"_s), password);
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_client->postJson(u"/api/v1/auth/logout"_s, {}, token).status, 204);
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).status, 401);
    }

    void tokensAreStoredHashed()
    {
        const QString token = m_client->login(newAdvisor(u"hashed"_s), password);
        QVERIFY(!token.isEmpty());
        QFile db(m_server->databaseFile());
        QFile wal(m_server->databaseFile() + u"-wal"_s);
        QVERIFY(db.open(QIODevice::ReadOnly));
        QByteArray contents = db.readAll();
        if (wal.open(QIODevice::ReadOnly))
            contents += wal.readAll();
        QVERIFY(!contents.contains(token.toLatin1()));
    }

    void idleExpiry()
    {
        const QString token = m_client->login(newAdvisor(u"idle"_s), password);
        QVERIFY(!token.isEmpty());
        m_server->advanceClock(11 * 3600);
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).status, 200); // use keeps it alive
        m_server->advanceClock(11 * 3600);
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).status, 200);
        m_server->advanceClock(12 * 3600);
        const auto expired = m_client->get(u"/api/v1/me"_s, token);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), u"session_expired"_s);
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).errorCode(), u"not_authenticated"_s); // deleted
    }

    void absoluteExpiry()
    {
        const QString token = m_client->login(newAdvisor(u"absolute"_s), password);
        QVERIFY(!token.isEmpty());
        for (int i = 0; i < 29 * 2; ++i) { // used every 12 hours minus a little, for 29 days
            m_server->advanceClock(12 * 3600 - 60);
            QCOMPARE(m_client->get(u"/api/v1/me"_s, token).status, 200);
        }
        m_server->advanceClock(24 * 3600);
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).errorCode(), u"session_expired"_s);
    }

    void accountRateLimit()
    {
        const QString username = newAdvisor(u"limit"_s);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(m_client
                         ->postJson(u"/api/v1/auth/login"_s,
                                    {{u"username"_s, username}, {u"password"_s, u"wrong password"_s}})
                         .status,
                     401);
        }
        // Now even the right password is refused until the window has passed.
        const auto limited =
            m_client->postJson(u"/api/v1/auth/login"_s, {{u"username"_s, username}, {u"password"_s, password}});
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"rate_limited"_s);
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY(retryAfter > 0 && retryAfter <= 900);
        m_server->advanceClock(retryAfter);
        QVERIFY(!m_client->login(username, password).isEmpty());
    }

    void ipRateLimit()
    {
        // 20 failures from one address, spread over accounts, block that address for everyone.
        m_server->advanceClock(3600); // leave earlier tests' failures behind
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(m_client
                         ->postJson(u"/api/v1/auth/login"_s, {{u"username"_s, u"ghost%1@demo.example"_s.arg(i)},
                                                              {u"password"_s, u"whatever1"_s}})
                         .status,
                     401);
        }
        const QString username = newAdvisor(u"ip"_s);
        const auto limited =
            m_client->postJson(u"/api/v1/auth/login"_s, {{u"username"_s, username}, {u"password"_s, password}});
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").toInt() > 0);
        m_server->advanceClock(901);
        QVERIFY(!m_client->login(username, password).isEmpty());
    }

    void disabledAccount()
    {
        const QString username = newAdvisor(u"disabled"_s);
        const QString token = m_client->login(username, password);
        QVERIFY(!token.isEmpty());
        QVERIFY(m_server->admin({u"advisor"_s, u"disable"_s, u"--username"_s, username}));
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).status, 401); // sessions ended
        const auto login =
            m_client->postJson(u"/api/v1/auth/login"_s, {{u"username"_s, username}, {u"password"_s, password}});
        QCOMPARE(login.status, 403);
        QCOMPARE(login.errorCode(), u"account_disabled"_s);
        // A wrong password still says only "invalid credentials".
        QCOMPARE(
            m_client->postJson(u"/api/v1/auth/login"_s, {{u"username"_s, username}, {u"password"_s, u"nope nope"_s}})
                .errorCode(),
            u"invalid_credentials"_s);
    }

    void resetPasswordEndsSessions()
    {
        const QString username = newAdvisor(u"reset"_s);
        const QString token = m_client->login(username, password);
        QVERIFY(!token.isEmpty());
        QVERIFY(
            m_server->admin({u"advisor"_s, u"reset-password"_s, u"--username"_s, username}, "a brand new password\n"));
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).status, 401);
        QVERIFY(m_client->login(username, password).isEmpty());
        QVERIFY(!m_client->login(username, u"a brand new password"_s).isEmpty());
    }

    void totpFlow()
    {
        const QString username = newAdvisor(u"totp"_s);
        QString token = m_client->login(username, password);
        QVERIFY(!token.isEmpty());

        const auto setup = m_client->postJson(u"/api/v1/me/totp/setup"_s, {}, token);
        QCOMPARE(setup.status, 200);
        const QString secretText = setup.json().value("secret"_L1).toString();
        const auto secret = Lotse::Server::Totp::fromBase32(secretText);
        QVERIFY(secret && secret->size() == 20);
        const QString uri = setup.json().value("otpauthUri"_L1).toString();
        QVERIFY2(uri.startsWith(u"otpauth://totp/Lotse:"_s + username.section(u'@', 0, 0)), qPrintable(uri));
        QVERIFY(uri.contains(u"secret="_s + secretText));
        QVERIFY(uri.contains(u"issuer=Lotse"_s));
        // Not active before it is confirmed.
        QVERIFY(!m_client->login(username, password).isEmpty());

        const qint64 t = m_server->now().toSecsSinceEpoch();
        const auto wrongCode = m_client->postJson(u"/api/v1/me/totp/enable"_s, {{u"code"_s, u"000000"_s}}, token);
        if (Lotse::Server::Totp::codeAt(*secret, t) != "000000"_L1)
            QCOMPARE(wrongCode.errorCode(), u"totp_invalid"_s);
        const QString code = Lotse::Server::Totp::codeAt(*secret, t);
        const auto enable = m_client->postJson(u"/api/v1/me/totp/enable"_s, {{u"code"_s, code}}, token);
        QCOMPARE(enable.status, 200);
        QCOMPARE(enable.json().value("totpEnabled"_L1).toBool(), true);
        QCOMPARE(m_client->get(u"/api/v1/me"_s, token).json().value("totpEnabled"_L1).toBool(), true);

        // Password alone is not enough any more.
        const auto required =
            m_client->postJson(u"/api/v1/auth/login"_s, {{u"username"_s, username}, {u"password"_s, password}});
        QCOMPARE(required.status, 401);
        QCOMPARE(required.errorCode(), u"totp_required"_s);
        // The code used for enabling cannot be replayed.
        QCOMPARE(m_client
                     ->postJson(u"/api/v1/auth/login"_s,
                                {{u"username"_s, username}, {u"password"_s, password}, {u"totp"_s, code}})
                     .errorCode(),
                 u"totp_invalid"_s);
        // The next step's code works once (±1 step), then not again.
        const QString next = Lotse::Server::Totp::codeAt(*secret, t + 30);
        QVERIFY(!m_client->login(username, password, next).isEmpty());
        QCOMPARE(m_client
                     ->postJson(u"/api/v1/auth/login"_s,
                                {{u"username"_s, username}, {u"password"_s, password}, {u"totp"_s, next}})
                     .errorCode(),
                 u"totp_invalid"_s);
        // Two steps ahead is outside the window.
        const QString far = Lotse::Server::Totp::codeAt(*secret, t + 90);
        QCOMPARE(m_client
                     ->postJson(u"/api/v1/auth/login"_s,
                                {{u"username"_s, username}, {u"password"_s, password}, {u"totp"_s, far}})
                     .errorCode(),
                 u"totp_invalid"_s);
        m_server->advanceClock(90);
        token = m_client->login(username, password, far);
        QVERIFY(!token.isEmpty());

        // A second setup is refused while it is on; disabling needs the password.
        QCOMPARE(m_client->postJson(u"/api/v1/me/totp/setup"_s, {}, token).status, 409);
        const auto badDisable =
            m_client->postJson(u"/api/v1/me/totp/disable"_s, {{u"password"_s, u"not it at all"_s}}, token);
        QCOMPARE(badDisable.status, 401);
        QCOMPARE(badDisable.errorCode(), u"invalid_credentials"_s);
        const auto disable = m_client->postJson(u"/api/v1/me/totp/disable"_s, {{u"password"_s, password}}, token);
        QCOMPARE(disable.status, 200);
        QCOMPARE(disable.json().value("totpEnabled"_L1).toBool(true), false);
        QVERIFY(!m_client->login(username, password).isEmpty());
    }

    void totpSecretIsNotStoredInPlaintext()
    {
        const QString username = newAdvisor(u"plain"_s);
        const QString token = m_client->login(username, password);
        const auto setup = m_client->postJson(u"/api/v1/me/totp/setup"_s, {}, token);
        const auto secret = Lotse::Server::Totp::fromBase32(setup.json().value("secret"_L1).toString());
        QVERIFY(secret);
        QFile db(m_server->databaseFile());
        QFile wal(m_server->databaseFile() + u"-wal"_s);
        QVERIFY(db.open(QIODevice::ReadOnly));
        QByteArray contents = db.readAll();
        if (wal.open(QIODevice::ReadOnly))
            contents += wal.readAll();
        QVERIFY(!contents.contains(*secret));
        QVERIFY(!contents.contains(setup.json().value("secret"_L1).toString().toLatin1()));
        QVERIFY(!contents.contains(Lotse::Server::Totp::toBase32(*secret).toLower().toLatin1()));
        const QFileInfo key(m_server->dataDir() + u"/server.key"_s);
        QVERIFY(key.exists());
        QCOMPARE(key.permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());
    }

    void passwordIsRehashedWhenTheCostChanges()
    {
        const QString username = newAdvisor(u"rehash"_s);
        const QString before = storedPasswordHash(m_server->databaseFile(), username);
        QVERIFY(before.startsWith(u"$argon2id$"_s));
        QVERIFY(before.contains(u"m=64,t=1"_s));
        m_server->setEnvironment(u"LOTSE_TEST_ARGON2_COST"_s, u"2,128"_s);
        QVERIFY2(m_server->restart(), qPrintable(m_server->lastError()));
        QVERIFY(!m_client->login(username, password).isEmpty());
        const QString after = storedPasswordHash(m_server->databaseFile(), username);
        QVERIFY2(after.contains(u"m=128,t=2"_s), qPrintable(after));
        QVERIFY(!m_client->login(username, password).isEmpty());
        m_server->setEnvironment(u"LOTSE_TEST_ARGON2_COST"_s, u"1,64"_s);
        QVERIFY2(m_server->restart(), qPrintable(m_server->lastError()));
    }

    void cleanupTestCase()
    {
        QVERIFY(m_server->stop()); // clean exit on SIGTERM
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "TestServerAuth.moc"
