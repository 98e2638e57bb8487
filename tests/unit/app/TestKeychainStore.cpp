// KeychainStore against a real Secret Service (gnome-keyring in a private D-Bus session, started
// by with-secret-service.sh). Each write is checked from outside Lotse with secret-tool, so the
// test fails if QtKeychain kept the secret anywhere but the keyring.
#include "app/KeychainStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using Lotse::Client::KeychainStore;
using Lotse::Client::SecretStatus;

namespace {

const QString Service = u"Lotse-test"_s;

struct ReadOutcome
{
    QByteArray data;
    SecretStatus status;
};

ReadOutcome readBack(KeychainStore &store, const QString &key)
{
    std::optional<ReadOutcome> outcome;
    store.read(key, [&outcome](const QByteArray &data, const SecretStatus &status) { outcome = {data, status}; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 15000))
        return {{}, {SecretStatus::Kind::Failed, u"timeout"_s}};
    return *outcome;
}

SecretStatus wait(const std::function<void(KeychainStore::DoneCallback)> &start)
{
    std::optional<SecretStatus> outcome;
    start([&outcome](const SecretStatus &status) { outcome = status; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 15000))
        return {SecretStatus::Kind::Failed, u"timeout"_s};
    return *outcome;
}

// What the Secret Service holds, asked without QtKeychain. QtKeychain's libsecret backend files
// entries under the attributes server=<service>, user=<key>; binary data is stored base64-encoded.
std::optional<QByteArray> secretToolLookup(const QString &key)
{
    QProcess process;
    process.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, Service, u"user"_s, key});
    if (!process.waitForFinished(15000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty(), "libsecret-tools is not installed");
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run me through with-secret-service.sh");
    }

    void probeFindsTheKeychain()
    {
        KeychainStore store(Service);
        const SecretStatus status = wait([&store](auto done) { store.probe(done); });
        QVERIFY2(status.ok(), qPrintable(status.detail));
    }

    void readOfMissingEntryIsNotFound()
    {
        KeychainStore store(Service);
        const ReadOutcome outcome = readBack(store, u"never-written"_s);
        QCOMPARE(outcome.status.kind, SecretStatus::Kind::NotFound);
        QVERIFY(outcome.data.isEmpty());
    }

    void writeStoresTheSecretInTheSecretService()
    {
        QByteArray secret(64, '\0');
        for (int i = 0; i < secret.size(); ++i)
            secret[i] = char(i * 37 + 11); // binary, including bytes that are not valid UTF-8
        const QString key = u"profile/anna@https://lotse.test/device-keys"_s;

        KeychainStore store(Service);
        const SecretStatus written = wait([&](auto done) { store.write(key, secret, done); });
        QVERIFY2(written.ok(), qPrintable(written.detail));

        const std::optional<QByteArray> outside = secretToolLookup(key);
        QVERIFY2(outside.has_value(), "secret-tool does not see the entry: it is not in the Secret Service");
        QCOMPARE(QByteArray::fromBase64(outside->trimmed()), secret);

        // A fresh store (a later start of the app) reads the same bytes back.
        KeychainStore later(Service);
        const ReadOutcome outcome = readBack(later, key);
        QVERIFY2(outcome.status.ok(), qPrintable(outcome.status.detail));
        QCOMPARE(outcome.data, secret);
    }

    void overwriteReplacesTheSecret()
    {
        const QString key = u"profile/anna@https://lotse.test/session-token"_s;
        KeychainStore store(Service);
        QVERIFY(wait([&](auto done) { store.write(key, "first-token", done); }).ok());
        QVERIFY(wait([&](auto done) { store.write(key, "second-token", done); }).ok());
        QCOMPARE(readBack(store, key).data, QByteArray("second-token"));
        QCOMPARE(QByteArray::fromBase64(secretToolLookup(key).value_or(QByteArray()).trimmed()),
                 QByteArray("second-token"));
    }

    void removeDeletesTheSecret()
    {
        const QString key = u"profile/bert@https://lotse.test/session-token"_s;
        KeychainStore store(Service);
        QVERIFY(wait([&](auto done) { store.write(key, "token", done); }).ok());
        QVERIFY(secretToolLookup(key).has_value());

        QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok());
        QVERIFY2(!secretToolLookup(key).has_value(), "the Secret Service still holds the removed entry");
        QCOMPARE(readBack(store, key).status.kind, SecretStatus::Kind::NotFound);
        // Removing again is not an error: signing out twice must not fail.
        QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "TestKeychainStore.moc"
