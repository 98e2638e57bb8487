// The server key file and the at-rest encryption of TOTP secrets.
#include "server-stub/SecretBox.h"

#include "tests/support/TempDir.h"

#include "crypto/Crypto.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Lotse::Server::SecretBox;
using Lotse::Tests::TempDir;

class TestSecretBox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(Lotse::Crypto::init()); }

    void createsAPrivateKeyFileAndReusesIt()
    {
        TempDir dir;
        const QString keyFile = dir.filePath(u"server.key"_s);
        QString error;
        SecretBox first;
        QVERIFY2(first.loadOrCreate(keyFile, &error), qPrintable(error));
        QCOMPARE(QFile::permissions(keyFile) & ~(QFile::ReadUser | QFile::WriteUser),
                 QFile::ReadOwner | QFile::WriteOwner);
        const QString sealed = first.encrypt("JBSWY3DPEHPK3PXP", "lotse-totp-v1:anna");

        SecretBox second;
        QVERIFY(second.loadOrCreate(keyFile, &error));
        QCOMPARE(second.decrypt(sealed, "lotse-totp-v1:anna"), std::optional<QByteArray>("JBSWY3DPEHPK3PXP"));
    }

    void ciphertextIsBoundAndAuthenticated()
    {
        TempDir dir;
        QString error;
        SecretBox box;
        QVERIFY(box.loadOrCreate(dir.filePath(u"k"_s), &error));
        const QString sealed = box.encrypt("secret seed", "row-1");
        QVERIFY(!sealed.contains(u"secret"_s));
        QVERIFY(box.encrypt("secret seed", "row-1") != sealed); // random nonce
        QVERIFY(!box.decrypt(sealed, "row-2"));                 // moved to another row
        QString tampered = sealed;
        tampered[tampered.size() - 3] = tampered.at(tampered.size() - 3) == u'A' ? u'B' : u'A';
        QVERIFY(!box.decrypt(tampered, "row-1"));
        QVERIFY(!box.decrypt(sealed.left(20), "row-1"));
        QVERIFY(!box.decrypt(u"not base64url!"_s, "row-1"));

        SecretBox otherKey;
        QVERIFY(otherKey.loadOrCreate(dir.filePath(u"other"_s), &error));
        QVERIFY(!otherKey.decrypt(sealed, "row-1"));
    }

    void refusesAReadableKeyFile()
    {
        TempDir dir;
        const QString keyFile = dir.filePath(u"server.key"_s);
        QString error;
        {
            SecretBox box;
            QVERIFY(box.loadOrCreate(keyFile, &error));
        }
        QVERIFY(
            QFile::setPermissions(keyFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        SecretBox box;
        QVERIFY(!box.loadOrCreate(keyFile, &error));
        QVERIFY(error.contains(u"chmod 600"_s));
        QVERIFY(!box.isReady());
    }

    void refusesAMalformedKey()
    {
        TempDir dir;
        const QString keyFile = dir.writeFile(u"server.key"_s, "dG9vIHNob3J0\n");
        QVERIFY(QFile::setPermissions(keyFile, QFile::ReadOwner | QFile::WriteOwner));
        SecretBox box;
        QString error;
        QVERIFY(!box.loadOrCreate(keyFile, &error));
        QVERIFY(error.contains(u"32-byte"_s));
    }
};

QTEST_GUILESS_MAIN(TestSecretBox)
#include "TestSecretBox.moc"
