// The real main window against a real lotse-server (TestServer) and a real Secret Service
// (with-secret-service.sh): signing in by typing and clicking, device registration checked
// through the server's API, restoring the session, signing out, readable errors, TOTP, and
// switching the language at runtime.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/Profile.h"
#include "app/ServerClient.h"
#include "app/Session.h"
#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

const QString Org = u"mbe-nord"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;
const QString AnnaName = u"Anna Berger"_s;

// One app start: services for a profile directory and the main window over them.
struct App
{
    explicit App(const QString &profileDir)
        : context(std::make_unique<Client::ClientContext>(profileDir))
    {
        context->languages()->setLanguage(u"en"_s);
        window = std::make_unique<Ui::MainWindow>(context.get());
        window->show();
        context->session()->start();
    }
    ~App()
    {
        window.reset();
        context.reset();
    }

    template<typename T>
    T *find(const QString &name) const
    {
        return window->findChild<T *>(name);
    }
    bool showing(const QString &pageName) const
    {
        auto *page = find<QWidget>(pageName);
        return page && page->isVisible();
    }
    QString message() const
    {
        auto *label = find<QWidget>(u"signInPage"_s)->findChild<QLabel *>(u"messageLabel"_s);
        return label && label->isVisible() ? label->text() : QString();
    }
    QString notice() const
    {
        auto *label = find<QWidget>(u"signInPage"_s)->findChild<QLabel *>(u"noticeLabel"_s);
        return label && label->isVisible() ? label->text() : QString();
    }
    void signIn(const QString &server, const QString &user, const QString &password)
    {
        typeInto(find<QLineEdit>(u"serverLineEdit"_s), server);
        typeInto(find<QLineEdit>(u"usernameLineEdit"_s), user);
        typeInto(find<QLineEdit>(u"passwordLineEdit"_s), password);
        click(find<QPushButton>(u"signInButton"_s));
    }
    QString tokenEntry(const QString &server, const QString &user) const
    {
        return context->profile().tokenEntry(Client::ServerClient::normaliseServerUrl(server).toString(), user);
    }

    std::unique_ptr<Client::ClientContext> context;
    std::unique_ptr<Ui::MainWindow> window;
};

// Words of three or more lowercase letters: tells sentences from names, numbers and fingerprints.
qsizetype wordCount(const QString &text)
{
    static const QRegularExpression word(u"[a-z]{3,}"_s);
    qsizetype count = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

class TestDesktopSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QVERIFY(m_server.createOrg(Org, u"Migrationsberatung Nord"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, AnnaName));
        m_serverUrl = m_server.baseUrl().toString();
    }

    void init()
    {
        m_profile = std::make_unique<QTemporaryDir>();
        QVERIFY(m_profile->isValid());
    }

    void firstStartShowsSignIn()
    {
        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        QVERIFY(!app.find<QLineEdit>(u"totpLineEdit"_s)->isVisible());
        QCOMPARE(app.find<QPushButton>(u"signInButton"_s)->text(), u"Sign in"_s);
        snapshot(app.window.get(), u"sign-in"_s);
    }

    void signInRegistersTheDevice()
    {
        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        app.signIn(m_serverUrl, Anna, AnnaPassword);

        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        QCOMPARE(app.find<QLabel>(u"welcomeLabel"_s)->text(), u"Welcome, Anna Berger"_s);
        QVERIFY(app.find<QLabel>(u"organisationLabel"_s)->text().contains(u"Migrationsberatung Nord"_s));
        snapshot(app.window.get(), u"overview"_s);
        QVERIFY(app.window->windowTitle().contains(AnnaName));
        QVERIFY(app.find<QLineEdit>(u"passwordLineEdit"_s)->text().isEmpty());

        // The server lists this device with the key whose fingerprint Settings shows.
        const QString fingerprint = app.find<QLabel>(u"fingerprintLabel"_s)->text();
        QVERIFY(fingerprint.size() > 30);
        TestHttpClient http(m_server.baseUrl());
        const QString token = http.login(Anna, AnnaPassword);
        QVERIFY2(!token.isEmpty(), http.lastReply().body.constData());
        const auto reply = http.get(u"/api/v1/devices"_s, token);
        QCOMPARE(reply.status, 200);
        const QJsonArray devices = reply.json().value("devices"_L1).toArray();
        QCOMPARE(devices.size(), 1);
        const QJsonObject device = devices.first().toObject();
        const auto ed25519 = Crypto::fromBase64Url(device.value("ed25519"_L1).toString());
        QVERIFY(ed25519.has_value());
        QCOMPARE(Crypto::fingerprint(*ed25519), fingerprint);
        const auto x25519 = Crypto::fromBase64Url(device.value("x25519"_L1).toString());
        QVERIFY(x25519.has_value());
        QCOMPARE(Crypto::fingerprint(*x25519), app.find<QLabel>(u"encryptionFingerprintLabel"_s)->text());
        QVERIFY(device.value("name"_L1).toString().startsWith(u"Lotse on "_s));

        // The session token and the device keys are in the Secret Service, not in the profile.
        const auto storedToken =
            secretServiceLookup(Client::Profile::keychainService(), app.tokenEntry(m_serverUrl, Anna));
        QVERIFY2(storedToken.has_value(), "no session token in the Secret Service");
        QCOMPARE(QByteArray::fromBase64(storedToken->trimmed()).size(), 43);
        const QString keysEntry = app.context->profile().deviceKeysEntry(
            Client::ServerClient::normaliseServerUrl(m_serverUrl).toString(), Anna);
        QVERIFY2(secretServiceLookup(Client::Profile::keychainService(), keysEntry).has_value(),
                 "no device keys in the Secret Service");
        QFile settings(app.context->profile().settingsPath());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(QByteArray::fromBase64(storedToken->trimmed())));
    }

    void laterStartRestoresTheSessionAndSignOutEndsIt()
    {
        // Above the window's minimum (the sidebar plus the widest section's toolbar).
        QSize chosenSize(1100, 700);
        {
            App first(m_profile->path());
            QTRY_VERIFY(first.showing(u"signInPage"_s));
            first.signIn(m_serverUrl, Anna, AnnaPassword);
            QTRY_VERIFY_WITH_TIMEOUT(first.showing(u"workspace"_s), 20000);
            first.window->resize(chosenSize);
            first.window->close();
        }

        App app(m_profile->path());
        // Straight to the main window: no sign-in page on the way.
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        QCOMPARE(app.find<QLabel>(u"welcomeLabel"_s)->text(), u"Welcome, Anna Berger"_s);
        QCOMPARE(app.window->size(), chosenSize);
        QVERIFY(!app.find<QLabel>(u"fingerprintLabel"_s)->text().isEmpty());

        const auto stored = secretServiceLookup(Client::Profile::keychainService(), app.tokenEntry(m_serverUrl, Anna));
        QVERIFY(stored.has_value());
        const QString token = QString::fromUtf8(QByteArray::fromBase64(stored->trimmed()));
        TestHttpClient http(m_server.baseUrl());
        QCOMPARE(http.get(u"/api/v1/me"_s, token).status, 200);

        click(app.find<QPushButton>(u"signOutButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"signInPage"_s), 20000);
        QTRY_VERIFY(
            !secretServiceLookup(Client::Profile::keychainService(), app.tokenEntry(m_serverUrl, Anna)).has_value());
        QCOMPARE(http.get(u"/api/v1/me"_s, token).status, 401);
        // The form keeps server and user name for the next sign-in.
        QCOMPARE(app.find<QLineEdit>(u"usernameLineEdit"_s)->text(), Anna);
    }

    void expiredSessionAsksToSignInAgain()
    {
        {
            App first(m_profile->path());
            QTRY_VERIFY(first.showing(u"signInPage"_s));
            first.signIn(m_serverUrl, Anna, AnnaPassword);
            QTRY_VERIFY_WITH_TIMEOUT(first.showing(u"workspace"_s), 20000);
        }
        m_server.advanceClock(13 * 3600); // sessions end after 12 hours without use

        App app(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"signInPage"_s), 20000);
        QCOMPARE(app.notice(), u"Your session has expired. Please sign in again."_s);
        QTRY_VERIFY(
            !secretServiceLookup(Client::Profile::keychainService(), app.tokenEntry(m_serverUrl, Anna)).has_value());
        // Server and user name are kept; the password is all it takes.
        QCOMPARE(app.find<QLineEdit>(u"usernameLineEdit"_s)->text(), Anna);
        typeInto(app.find<QLineEdit>(u"passwordLineEdit"_s), AnnaPassword);
        click(app.find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
    }

    void errorsReadAsSentences_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong password") << QString() << Anna << u"not-her-password"_s
                                        << u"The user name or password is not correct."_s;
        QTest::newRow("unknown user") << QString() << u"nobody"_s << u"whatever-it-is"_s
                                      << u"The user name or password is not correct."_s;
        QTest::newRow("server unreachable")
            << u"http://127.0.0.1:9"_s << Anna << AnnaPassword
            << u"The server could not be reached. Please check the server address and your internet connection."_s;
        QTest::newRow("not a server address")
            << u"ftp://example.org"_s << Anna << AnnaPassword
            << u"The server address is not valid. It should look like https://beratung.example.org."_s;
        QTest::newRow("empty password") << QString() << Anna << QString()
                                        << u"Please enter your user name and password."_s;
    }

    void errorsReadAsSentences()
    {
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, expected);
        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        app.signIn(server.isEmpty() ? m_serverUrl : server, user, password);
        QTRY_COMPARE_WITH_TIMEOUT(app.message(), expected, 20000);
        QVERIFY(app.showing(u"signInPage"_s));
        QVERIFY(app.find<QPushButton>(u"signInButton"_s)->isEnabled());
        snapshot(app.window.get(), u"error-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    }

    void disabledAccountIsExplained()
    {
        QVERIFY(m_server.createAdvisor(Org, u"carla"_s, u"Carla-Passwort-1"_s, u"Carla"_s));
        QVERIFY2(m_server.admin({u"advisor"_s, u"disable"_s, u"--username"_s, u"carla"_s}),
                 m_server.lastAdminErrorOutput().constData());
        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        app.signIn(m_serverUrl, u"carla"_s, u"Carla-Passwort-1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            app.message(), u"This account has been disabled. Please contact your organisation's administrator."_s,
            20000);
    }

    void tooManyAttemptsSaysWhenToTryAgain()
    {
        QVERIFY(m_server.createAdvisor(Org, u"frank"_s, u"Frank-Passwort-5"_s, u"Frank"_s));
        TestHttpClient http(m_server.baseUrl());
        for (int attempt = 0; attempt < 10 && http.lastReply().status != 429; ++attempt)
            QVERIFY(http.login(u"frank"_s, u"wrong-password-%1"_s.arg(attempt)).isEmpty());
        QCOMPARE(http.lastReply().status, 429);

        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        app.signIn(m_serverUrl, u"frank"_s, u"Frank-Passwort-5"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!app.message().isEmpty(), 20000);
        static const QRegularExpression expected(
            u"^Too many sign-in attempts\\. Please try again in (\\d+) minutes?\\.$"_s);
        const auto match = expected.match(app.message());
        QVERIFY2(match.hasMatch(), qPrintable(app.message()));
        QVERIFY(match.captured(1).toInt() >= 1);
    }

    void totpIsAskedForAndAccepted()
    {
        const QString user = u"dora"_s;
        const QString password = u"Dora-Passwort-7"_s;
        QVERIFY(m_server.createAdvisor(Org, user, password, u"Dora Sommer"_s));
        TestHttpClient http(m_server.baseUrl());
        const QString token = http.login(user, password);
        QVERIFY(!token.isEmpty());
        const auto setup = http.postJson(u"/api/v1/me/totp/setup"_s, {}, token);
        QCOMPARE(setup.status, 200);
        const QString secret = setup.json().value("secret"_L1).toString();
        QVERIFY(!secret.isEmpty());
        const auto enabled =
            http.postJson(u"/api/v1/me/totp/enable"_s, {{u"code"_s, totpCode(secret, m_server.now())}}, token);
        QVERIFY2(enabled.status == 200, enabled.body.constData());
        m_server.advanceClock(60); // a code is accepted once: the next one belongs to a later step

        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        app.signIn(m_serverUrl, user, password);
        QTRY_COMPARE_WITH_TIMEOUT(app.notice(),
                                  u"Please enter the six-digit security code from your authenticator app."_s, 20000);
        QVERIFY(app.message().isEmpty());
        auto *totp = app.find<QLineEdit>(u"totpLineEdit"_s);
        QVERIFY(totp->isVisible());
        QVERIFY(totp->hasFocus());
        snapshot(app.window.get(), u"totp"_s);

        typeInto(totp, u"000000"_s == totpCode(secret, m_server.now()) ? u"111111"_s : u"000000"_s);
        click(app.find<QPushButton>(u"signInButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            app.message(), u"The security code is not correct or has expired. Please enter the current code."_s, 20000);

        typeInto(totp, totpCode(secret, m_server.now()));
        click(app.find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        QCOMPARE(app.find<QLabel>(u"welcomeLabel"_s)->text(), u"Welcome, Dora Sommer"_s);
    }

    void languageSwitchRetranslatesVisibleText()
    {
        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        app.signIn(m_serverUrl, Anna, AnnaPassword);
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        auto *sidebar = app.find<QListWidget>(u"sidebarListWidget"_s);
        const int settingsRow = sidebar->count() - 1; // Settings is the sidebar's last section
        sidebar->setCurrentRow(settingsRow);
        QTRY_VERIFY(app.find<QPushButton>(u"signOutButton"_s)->isVisible());
        QCOMPARE(sidebar->item(0)->text(), u"Overview"_s);
        const QStringList english = visibleTexts(app.window.get());
        snapshot(app.window.get(), u"settings-en"_s);

        auto *combo = app.find<QComboBox>(u"languageComboBox"_s);
        combo->setCurrentIndex(combo->findData(u"de"_s));
        QTRY_COMPARE(sidebar->item(settingsRow)->text(), u"Einstellungen"_s);
        QCOMPARE(sidebar->item(0)->text(), u"Übersicht"_s);
        QCOMPARE(app.find<QPushButton>(u"signOutButton"_s)->text(), u"Abmelden"_s);
        QCOMPARE(app.find<QLabel>(u"welcomeLabel"_s)->text(), u"Willkommen, Anna Berger"_s);
        snapshot(app.window.get(), u"settings-de"_s);
        QVERIFY(app.window->windowTitle().contains(AnnaName));
        // The combo box itself was rebuilt in German and still shows the choice.
        QCOMPARE(combo->currentData().toString(), u"de"_s);
        QVERIFY(combo->itemText(0).startsWith(u"Systemsprache"_s));
        // No sentence on screen stayed English (names, addresses and fingerprints are not sentences).
        const QStringList german = visibleTexts(app.window.get());
        for (const QString &text : german) {
            const bool sentence = wordCount(text) >= 2 && !text.contains(AnnaName) && !text.contains(u"http"_s);
            QVERIFY2(!sentence || !english.contains(text), qPrintable(u"still English: "_s + text));
        }

        combo->setCurrentIndex(combo->findData(u"uk"_s));
        QTRY_COMPARE(sidebar->item(settingsRow)->text(), u"Налаштування"_s);
        QCOMPARE(app.find<QPushButton>(u"signOutButton"_s)->text(), u"Вийти"_s);
        snapshot(app.window.get(), u"settings-uk"_s);
        QCOMPARE(app.context->languages()->chosenLanguage(), u"uk"_s);

        // The choice is remembered for the next start.
        QCOMPARE(Client::LanguageManager(app.context->profile().settingsPath()).chosenLanguage(), u"uk"_s);

        combo->setCurrentIndex(combo->findData(u"en"_s));
        QTRY_COMPARE(sidebar->item(settingsRow)->text(), u"Settings"_s);
    }

private:
    TestServer m_server;
    QString m_serverUrl;
    std::unique_ptr<QTemporaryDir> m_profile;
};

QTEST_MAIN(TestDesktopSignIn)
#include "TestDesktopSignIn.moc"
