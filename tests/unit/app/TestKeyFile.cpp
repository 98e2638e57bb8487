// The passphrase-protected key file: round trip, wrong passphrase, and every kind of tampering.
#include "app/KeyFile.h"
#include "app/KeyFileStore.h"

#include "crypto/Crypto.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using Lotse::Client::KeyFile;
using Lotse::Client::KeyFileStore;
using Lotse::Client::SecretStatus;

namespace {

const QString Passphrase = u"correct horse battery staple"_s;
const QByteArray DeviceSecret = QByteArray("LDK1") + QByteArray(64, '\x5a');

void flipByte(const QString &path, qsizetype offset)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    QVERIFY(offset < bytes.size());
    bytes[offset] = char(bytes[offset] ^ 0x01);
    file.seek(0);
    file.write(bytes);
}

} // namespace

class TestKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Lotse::Crypto::init(&failure), qPrintable(failure));
        // Argon2id at production cost takes seconds and 256 MiB; the format is the same.
        KeyFile::setCostForTesting({1, 8 * 1024 * 1024});
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"device-keys.lotsekey"_s);
        QFile::remove(m_path);
        SecretStatus status;
        auto file = KeyFile::create(m_path, Passphrase, &status);
        QVERIFY2(status.ok(), qPrintable(status.userMessage()));
        QVERIFY(file);
        QVERIFY(file->setValue(u"device-keys"_s, DeviceSecret).ok());
        QVERIFY(file->setValue(u"session-token"_s, "token-123").ok());
    }

    void roundTrip()
    {
        SecretStatus status;
        auto file = KeyFile::open(m_path, Passphrase, &status);
        QVERIFY2(status.ok(), qPrintable(status.userMessage()));
        QCOMPARE(file->value(u"device-keys"_s), DeviceSecret);
        QCOMPARE(file->value(u"session-token"_s), QByteArray("token-123"));
        QVERIFY(file->remove(u"session-token"_s).ok());

        auto reopened = KeyFile::open(m_path, Passphrase, &status);
        QVERIFY(status.ok());
        QVERIFY(!reopened->contains(u"session-token"_s));
        QCOMPARE(reopened->value(u"device-keys"_s), DeviceSecret);
    }

    void fileIsPrivateAndHoldsNoPlaintext()
    {
        QFile file(m_path);
        QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("LOTSEKF1"));
        QVERIFY(!bytes.contains("token-123"));
        QVERIFY(!bytes.contains(DeviceSecret));
        QVERIFY(!bytes.contains("session-token"));
    }

    void wrongPassphraseFails()
    {
        SecretStatus status;
        QVERIFY(!KeyFile::open(m_path, u"correct horse battery stapler"_s, &status));
        QCOMPARE(status.kind, SecretStatus::Kind::WrongPassphrase);
        QVERIFY(!KeyFile::open(m_path, QString(), &status));
        QCOMPARE(status.kind, SecretStatus::Kind::WrongPassphrase);
    }

    void tamperedFileFails_data()
    {
        QTest::addColumn<qsizetype>("offset");
        QTest::newRow("magic") << qsizetype(0);
        QTest::newRow("ops limit") << qsizetype(11);
        QTest::newRow("memory limit") << qsizetype(14);
        QTest::newRow("salt") << qsizetype(20);
        QTest::newRow("check value") << qsizetype(40);
        QTest::newRow("stream header") << qsizetype(60);
        QTest::newRow("ciphertext") << qsizetype(-20);
        QTest::newRow("last byte") << qsizetype(-1);
    }

    void tamperedFileFails()
    {
        QFETCH(qsizetype, offset);
        const qint64 size = QFileInfo(m_path).size();
        flipByte(m_path, offset >= 0 ? offset : size + offset);
        SecretStatus status;
        QVERIFY(!KeyFile::open(m_path, Passphrase, &status));
        QVERIFY2(status.kind == SecretStatus::Kind::Damaged || status.kind == SecretStatus::Kind::WrongPassphrase,
                 qPrintable(status.userMessage()));
        QVERIFY(!status.userMessage().isEmpty());
    }

    void tamperedCiphertextIsReportedAsDamage()
    {
        flipByte(m_path, QFileInfo(m_path).size() - 20);
        SecretStatus status;
        QVERIFY(!KeyFile::open(m_path, Passphrase, &status));
        QCOMPARE(status.kind, SecretStatus::Kind::Damaged);
    }

    void truncatedFileFails_data()
    {
        QTest::addColumn<qsizetype>("keep");
        QTest::newRow("empty") << qsizetype(0);
        QTest::newRow("half a header") << qsizetype(20);
        QTest::newRow("header only") << qsizetype(48);
        QTest::newRow("one byte short") << qsizetype(-1);
    }

    void truncatedFileFails()
    {
        QFETCH(qsizetype, keep);
        QFile file(m_path);
        QVERIFY(file.resize(keep >= 0 ? keep : file.size() + keep));
        SecretStatus status;
        QVERIFY(!KeyFile::open(m_path, Passphrase, &status));
        QCOMPARE(status.kind, SecretStatus::Kind::Damaged);
    }

    void missingFileIsNotFound()
    {
        SecretStatus status;
        QVERIFY(!KeyFile::open(m_dir.filePath(u"nothing-here"_s), Passphrase, &status));
        QCOMPARE(status.kind, SecretStatus::Kind::NotFound);
    }

    void storeReadsWritesAndRemoves()
    {
        KeyFileStore store(m_path);
        std::optional<SecretStatus> locked;
        store.read(u"device-keys"_s, [&locked](const QByteArray &, const SecretStatus &status) { locked = status; });
        QTRY_VERIFY(locked.has_value());
        QCOMPARE(locked->kind, SecretStatus::Kind::Locked);

        QCOMPARE(store.unlock(u"wrong passphrase!"_s).kind, SecretStatus::Kind::WrongPassphrase);
        QVERIFY(store.unlock(Passphrase).ok());

        std::optional<QByteArray> read;
        store.read(u"device-keys"_s, [&read](const QByteArray &data, const SecretStatus &status) {
            read = status.ok() ? data : QByteArray("failed");
        });
        QVERIFY2(!read.has_value(), "callbacks must come from the event loop, not re-entrantly");
        QTRY_VERIFY(read.has_value());
        QCOMPARE(*read, DeviceSecret);

        std::optional<SecretStatus> written;
        store.write(u"session-token"_s, "token-456", [&written](const SecretStatus &status) { written = status; });
        QTRY_VERIFY(written.has_value());
        QVERIFY(written->ok());
        std::optional<SecretStatus> removed;
        store.remove(u"device-keys"_s, [&removed](const SecretStatus &status) { removed = status; });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(removed->ok());

        // What the store wrote is on disk, readable by a fresh start.
        SecretStatus status;
        auto file = KeyFile::open(m_path, Passphrase, &status);
        QVERIFY(status.ok());
        QCOMPARE(file->value(u"session-token"_s), QByteArray("token-456"));
        QVERIFY(!file->contains(u"device-keys"_s));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "TestKeyFile.moc"
