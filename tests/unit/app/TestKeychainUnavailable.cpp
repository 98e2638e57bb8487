// Without any Secret Service (no session bus at all), KeychainStore says the keychain is
// unavailable (so the app offers the key file) and never falls back to a plain file.
#include "app/KeychainStore.h"

#include <QDirIterator>
#include <QStandardPaths>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using Lotse::Client::KeychainStore;
using Lotse::Client::SecretStatus;

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeFailsAsUnavailable()
    {
        KeychainStore store(u"Lotse-test"_s);
        std::optional<SecretStatus> probed;
        store.probe([&probed](const SecretStatus &status) { probed = status; });
        QTRY_VERIFY_WITH_TIMEOUT(probed.has_value(), 30000);
        QCOMPARE(probed->kind, SecretStatus::Kind::Unavailable);
        QVERIFY(!probed->userMessage().isEmpty());

        std::optional<SecretStatus> written;
        store.write(u"token"_s, "secret-token-value", [&written](const SecretStatus &status) { written = status; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
        QVERIFY(!written->ok());

        // QtKeychain's insecure fallback would have written the secret into a settings file.
        const QString home = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
        const QString scratch = qEnvironmentVariable("LOTSE_TEST_SCRATCH", home);
        QDirIterator files(scratch, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains("secret-token-value") && !content.contains("c2VjcmV0LXRva2VuLXZhbHVl"),
                     qPrintable(file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "TestKeychainUnavailable.moc"
