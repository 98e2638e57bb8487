// With no Secret Service at all, the main window says so plainly, offers a passphrase-protected
// key file, signs in with it against a real server, and asks for the passphrase on the next start.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/ClientContext.h"
#include "app/KeyFile.h"
#include "app/LanguageManager.h"
#include "app/Profile.h"
#include "app/Session.h"
#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

const QString Passphrase = u"Leuchtturm am Deich 2026"_s;

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
        for (auto *label : window->findChildren<QLabel *>(u"messageLabel"_s)) {
            if (label->isVisible())
                return label->text();
        }
        return {};
    }

    std::unique_ptr<Client::ClientContext> context;
    std::unique_ptr<Ui::MainWindow> window;
};

} // namespace

class TestDesktopKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Client::KeyFile::setCostForTesting({1, 8 * 1024 * 1024});
        Ui::Theme::apply(*qApp);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QVERIFY(m_server.createOrg(u"demo"_s, u"Demo-Beratungsstelle"_s));
        QVERIFY(m_server.createAdvisor(u"demo"_s, u"emil"_s, u"Emil-Passwort-3"_s, u"Emil Weber"_s));
        QVERIFY(m_profile.isValid());
    }

    void noKeychainOffersKeyFileAndSignsIn()
    {
        App app(m_profile.path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"keyStoragePage"_s), 30000);
        const QStringList texts = visibleTexts(app.find<QWidget>(u"keyStoragePage"_s));
        QVERIFY2(texts.contains(u"No keychain available"_s), qPrintable(texts.join(u" | "_s)));
        QVERIFY(app.find<QLineEdit>(u"confirmLineEdit"_s)->isVisible());
        snapshot(app.window.get(), u"no-keychain"_s);

        // Too short, then two different passphrases: refused with a reason.
        typeInto(app.find<QLineEdit>(u"passphraseLineEdit"_s), u"short"_s);
        typeInto(app.find<QLineEdit>(u"confirmLineEdit"_s), u"short"_s);
        click(app.find<QPushButton>(u"primaryButton"_s));
        QCOMPARE(app.message(), u"Please choose a passphrase of at least 10 characters."_s);
        typeInto(app.find<QLineEdit>(u"passphraseLineEdit"_s), Passphrase);
        typeInto(app.find<QLineEdit>(u"confirmLineEdit"_s), Passphrase + u"!"_s);
        click(app.find<QPushButton>(u"primaryButton"_s));
        QCOMPARE(app.message(), u"The two passphrases are not the same."_s);
        QVERIFY(!QFile::exists(app.context->profile().keyFilePath()));

        typeInto(app.find<QLineEdit>(u"confirmLineEdit"_s), Passphrase);
        click(app.find<QPushButton>(u"primaryButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"signInPage"_s), 30000);
        QVERIFY(QFile::exists(app.context->profile().keyFilePath()));

        typeInto(app.find<QLineEdit>(u"serverLineEdit"_s), m_server.baseUrl().toString());
        typeInto(app.find<QLineEdit>(u"usernameLineEdit"_s), u"emil"_s);
        typeInto(app.find<QLineEdit>(u"passwordLineEdit"_s), u"Emil-Passwort-3"_s);
        click(app.find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 30000);
        QCOMPARE(app.find<QLabel>(u"welcomeLabel"_s)->text(), u"Welcome, Emil Weber"_s);
        QVERIFY(app.context->session()->usesKeyFile());

        // Registered with the server, and nothing secret in clear anywhere in the profile.
        TestHttpClient http(m_server.baseUrl());
        const QString token = http.login(u"emil"_s, u"Emil-Passwort-3"_s);
        const QJsonArray devices = http.get(u"/api/v1/devices"_s, token).json().value("devices"_L1).toArray();
        QCOMPARE(devices.size(), 1);
        const auto ed25519 = Crypto::fromBase64Url(devices.first().toObject().value("ed25519"_L1).toString());
        QCOMPARE(Crypto::fingerprint(ed25519.value_or(QByteArray())), app.find<QLabel>(u"fingerprintLabel"_s)->text());
        QDirIterator files(m_profile.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("Emil-Passwort-3"));
        }
    }

    void nextStartAsksForThePassphrase()
    {
        App app(m_profile.path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"keyStoragePage"_s), 30000);
        QVERIFY(!app.find<QLineEdit>(u"confirmLineEdit"_s)->isVisible());
        QVERIFY(visibleTexts(app.find<QWidget>(u"keyStoragePage"_s)).contains(u"Unlock your keys"_s));

        typeInto(app.find<QLineEdit>(u"passphraseLineEdit"_s), u"Leuchtturm am Deich 2025"_s);
        click(app.find<QPushButton>(u"primaryButton"_s));
        QCOMPARE(app.message(), u"The passphrase is not correct."_s);
        snapshot(app.window.get(), u"unlock-wrong-passphrase"_s);
        QVERIFY(app.showing(u"keyStoragePage"_s));

        typeInto(app.find<QLineEdit>(u"passphraseLineEdit"_s), Passphrase);
        click(app.find<QPushButton>(u"primaryButton"_s));
        // The token from the key file restores the session: straight to the workspace.
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 30000);
        QCOMPARE(app.find<QLabel>(u"welcomeLabel"_s)->text(), u"Welcome, Emil Weber"_s);
        QVERIFY(!app.find<QLabel>(u"fingerprintLabel"_s)->text().isEmpty());
    }

private:
    TestServer m_server;
    QTemporaryDir m_profile;
};

QTEST_MAIN(TestDesktopKeyFile)
#include "TestDesktopKeyFile.moc"
