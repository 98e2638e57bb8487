// Every way signing in can fail reads as a sentence a counsellor understands, never a bare code.
#include "app/ApiError.h"
#include "app/LanguageManager.h"
#include "app/SecretStore.h"
#include "app/ServerClient.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Lotse::Client::ApiError;
using Lotse::Client::SecretStatus;
using Lotse::Client::ServerClient;

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // English plurals ("1 minute", "5 minutes") come from the English catalogue.
        QVERIFY(m_dir.isValid());
        QVERIFY(m_languages.setLanguage(u"en"_s));
    }

    void everyKindHasWords_data()
    {
        QTest::addColumn<int>("kind");
        for (int kind = int(ApiError::Kind::Unreachable); kind <= int(ApiError::Kind::Other); ++kind)
            QTest::addRow("kind %d", kind) << kind;
    }

    void everyKindHasWords()
    {
        QFETCH(int, kind);
        ApiError error = ApiError::fromKind(ApiError::Kind(kind));
        error.httpStatus = 418;
        error.code = u"teapot_refused"_s;
        const QString message = error.userMessage();
        QVERIFY(message.size() > 20);
        QVERIFY(message.contains(u' '));
        QVERIFY(message != error.code);
    }

    void rateLimitSaysWhenToTryAgain()
    {
        ApiError error = ApiError::fromKind(ApiError::Kind::RateLimited);
        error.retryAfterSeconds = 300;
        QVERIFY2(error.userMessage().contains(u"5 minutes"_s), qPrintable(error.userMessage()));
        error.retryAfterSeconds = 61; // rounds up: "try again in 1 minute" would be too early
        QVERIFY(error.userMessage().contains(u"2 minutes"_s));
        error.retryAfterSeconds = 0;
        QVERIFY(error.userMessage().contains(u"1 minute."_s));
    }

    void unknownServerErrorKeepsItsSentence()
    {
        ApiError error = ApiError::fromKind(ApiError::Kind::Other);
        error.code = u"something_new"_s;
        error.serverMessage = u"The organisation is archived."_s;
        QVERIFY(error.userMessage().contains(error.serverMessage));
        error.serverMessage.clear();
        QVERIFY(error.userMessage().contains(u"something_new"_s));
        QVERIFY(error.userMessage().size() > error.code.size() + 10);
    }

    void secretStatusHasWords()
    {
        for (auto kind : {SecretStatus::Kind::NotFound, SecretStatus::Kind::Unavailable, SecretStatus::Kind::Locked,
                          SecretStatus::Kind::WrongPassphrase, SecretStatus::Kind::Damaged, SecretStatus::Kind::Failed})
            QVERIFY((SecretStatus{kind, {}}.userMessage().size() > 20));
        QVERIFY((SecretStatus{SecretStatus::Kind::Ok, {}}.userMessage().isEmpty()));
    }

    void serverAddressesAreNormalised_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare host") << u"beratung.example.org"_s << u"https://beratung.example.org"_s;
        QTest::newRow("https with slash") << u" https://beratung.example.org/ "_s << u"https://beratung.example.org"_s;
        QTest::newRow("loopback port") << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080"_s;
        QTest::newRow("sub path") << u"https://example.org/lotse/"_s << u"https://example.org/lotse"_s;
        QTest::newRow("empty") << u""_s << QString();
        QTest::newRow("ftp") << u"ftp://example.org"_s << QString();
        QTest::newRow("file") << u"/etc/passwd"_s << QString();
    }

    void serverAddressesAreNormalised()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(ServerClient::normaliseServerUrl(input).toString(), expected);
    }

private:
    QTemporaryDir m_dir;
    Lotse::Client::LanguageManager m_languages{m_dir.filePath(u"lotse.ini"_s)};
};

QTEST_GUILESS_MAIN(TestApiError)
#include "TestApiError.moc"
