// ServerConfig::load (server-stub/README.md, "Configuration"): the [turn] section's validation,
// the bounded [rooms] interpreter_link_hours and [retention] call_address_days (at most 7: the
// issue's promise that call addresses are anonymised within 7 days), each with a clear error.
#include "server-stub/ServerConfig.h"

#include "tests/support/TempDir.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;
using namespace Lotse::Tests;

class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    TempDir m_dir;

    // Loads `ini`; the error when it was refused (empty: accepted, then `config` holds it).
    QString load(const QByteArray &ini, ServerConfig &config)
    {
        const QString file = m_dir.writeFile(u"config-%1.ini"_s.arg(++m_files), ini);
        if (file.isEmpty())
            return u"could not write the config file"_s;
        QString error;
        return config.load(file, &error) ? QString() : (error.isEmpty() ? u"<refused without error>"_s : error);
    }
    int m_files = 0;

private slots:
    void defaults()
    {
        ServerConfig config;
        QCOMPARE(load("[http]\npublic_url = https://lotse.example.org/\n", config), QString());
        QCOMPARE(config.publicUrl, u"https://lotse.example.org"_s);
        QVERIFY(config.turnSharedSecret.isEmpty());
        QVERIFY(config.turnUrls.isEmpty());
        QCOMPARE(config.turnTtlSeconds, 3600);
        QCOMPARE(config.turnRelayOnly, false);
        QCOMPARE(config.interpreterLinkHours, 24);
        QCOMPARE(config.retentionCallAddressDays, 7);
    }

    void turnAccepted()
    {
        ServerConfig config;
        QCOMPARE(load("[turn]\nshared_secret = s3cret\n"
                      "urls = turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349, "
                      "stun:stun.example.org\nttl_seconds = 600\nrelay_only = true\n",
                      config),
                 QString());
        QCOMPARE(config.turnSharedSecret, u"s3cret"_s);
        QCOMPARE(config.turnUrls, (QStringList{u"turn:turn.example.org:3478?transport=udp"_s,
                                               u"turns:turn.example.org:5349"_s, u"stun:stun.example.org"_s}));
        QCOMPARE(config.turnTtlSeconds, 600);
        QCOMPARE(config.turnRelayOnly, true);
        // URLs alone (STUN only, no credentials) are fine.
        ServerConfig stunOnly;
        QCOMPARE(load("[turn]\nurls = stun:stun.example.org\n", stunOnly), QString());
        QVERIFY(stunOnly.turnSharedSecret.isEmpty());
    }

    void turnRefused_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("error");
        QTest::newRow("secret without urls")
            << QByteArray("[turn]\nshared_secret = s3cret\n") << u"turn/urls must be set when turn/shared_secret is"_s;
        QTest::newRow("http url") << QByteArray("[turn]\nshared_secret = s\nurls = https://turn.example.org\n")
                                  << u"turn/urls must be turn:, turns: or stun: addresses"_s;
        QTest::newRow("one bad among good")
            << QByteArray("[turn]\nshared_secret = s\nurls = turn:a.example.org, a.example.org:3478\n")
            << u"turn/urls must be turn:, turns: or stun: addresses"_s;
        QTest::newRow("ttl zero") << QByteArray("[turn]\nttl_seconds = 0\n")
                                  << u"turn/ttl_seconds must be a positive whole number"_s;
        QTest::newRow("ttl text") << QByteArray("[turn]\nttl_seconds = an hour\n")
                                  << u"turn/ttl_seconds must be a positive whole number"_s;
    }
    void turnRefused()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, error);
        ServerConfig config;
        QCOMPARE(load(ini, config), error);
    }

    void boundedValues_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("error");
        QTest::newRow("call addresses 7 days") << QByteArray("[retention]\ncall_address_days = 7\n") << QString();
        QTest::newRow("call addresses 1 day") << QByteArray("[retention]\ncall_address_days = 1\n") << QString();
        QTest::newRow("call addresses 8 days") << QByteArray("[retention]\ncall_address_days = 8\n")
                                               << u"retention/call_address_days must be a whole number from 1 to 7"_s;
        QTest::newRow("call addresses 0 days") << QByteArray("[retention]\ncall_address_days = 0\n")
                                               << u"retention/call_address_days must be a whole number from 1 to 7"_s;
        QTest::newRow("interpreter 168 hours") << QByteArray("[rooms]\ninterpreter_link_hours = 168\n") << QString();
        QTest::newRow("interpreter 169 hours")
            << QByteArray("[rooms]\ninterpreter_link_hours = 169\n")
            << u"rooms/interpreter_link_hours must be a whole number from 1 to 168"_s;
        QTest::newRow("interpreter 0 hours") << QByteArray("[rooms]\ninterpreter_link_hours = 0\n")
                                             << u"rooms/interpreter_link_hours must be a whole number from 1 to 168"_s;
    }
    void boundedValues()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, error);
        ServerConfig config;
        QCOMPARE(load(ini, config), error);
        if (error.isEmpty() && ini.contains("call_address_days"))
            QCOMPARE(QByteArray::number(config.retentionCallAddressDays), ini.split('=').last().trimmed());
        if (error.isEmpty() && ini.contains("interpreter_link_hours"))
            QCOMPARE(config.interpreterLinkHours, 168);
    }
};

QTEST_MAIN(TestServerConfig)
#include "TestServerConfig.moc"
