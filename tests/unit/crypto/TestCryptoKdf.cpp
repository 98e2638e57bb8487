#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"

#include <QSet>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// crypto_kdf subkeys under Lotse's named contexts (FORMAT.md section 10).
class TestCryptoKdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(init()); }

    void contextsAreEightBytes()
    {
        QCOMPARE(qstrlen(KdfContext::VideoFrames), 8u);
        QCOMPARE(qstrlen(KdfContext::LocalStore), 8u);
    }

    // libsodium's own crypto_kdf vectors (test/default/kdf.exp): key 00..1f, context "KDF test".
    void knownAnswer_data()
    {
        QTest::addColumn<quint64>("id");
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("id 0, 64 bytes") << quint64(0) << 64
                                        << "a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcbeda51d807"
                                           "1b5d70aae12066dfc94ce943f145aa176c055040c3dd73b0a15e36254d450614"_ba;
        QTest::newRow("id 1, 64 bytes") << quint64(1) << 64
                                        << "02507f144fa9bf19010bf7c70b235b4c2663cc00e074f929602a5e2c10a78075"
                                           "7d2a3993d06debc378a90efdac196dd841817b977d67b786804f6d3cd585bab5"_ba;
        QTest::newRow("id 16, 16 bytes") << quint64(16) << 16 << "a529216624ef9161e4cf117272aafff2"_ba;
        QTest::newRow("id 32, 32 bytes") << quint64(32) << 32
                                         << "154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618"_ba;
    }

    void knownAnswer()
    {
        QFETCH(quint64, id);
        QFETCH(int, length);
        QFETCH(QByteArray, expected);
        QByteArray master(32, Qt::Uninitialized);
        for (int i = 0; i < 32; ++i)
            master[i] = char(i);
        const auto sub = deriveSubkey(secret(master), "KDF test"_ba, id, length);
        QVERIFY(sub);
        QCOMPARE(sub->toByteArray().toHex(), expected);
    }

    void deterministicAndSeparated()
    {
        const SecretBytes room = secret(randomBytes(32));
        const QByteArray video1 = deriveSubkey(room, KdfContext::VideoFrames, 1).value().toByteArray();
        QCOMPARE(deriveSubkey(room, KdfContext::VideoFrames, 1).value().toByteArray(), video1);
        QSet<QByteArray> keys{video1};
        keys.insert(deriveSubkey(room, KdfContext::VideoFrames, 2).value().toByteArray());
        keys.insert(deriveSubkey(room, KdfContext::LocalStore, 1).value().toByteArray());
        keys.insert(deriveSubkey(secret(randomBytes(32)), KdfContext::VideoFrames, 1).value().toByteArray());
        keys.insert(room.toByteArray());
        QCOMPARE(keys.size(), 5);
        const auto longKey = deriveSubkey(room, KdfContext::VideoFrames, 1, 64);
        QCOMPARE(longKey->size(), 64);
        QCOMPARE(deriveSubkey(room, KdfContext::VideoFrames, 1, 16)->size(), 16);
    }

    void refuses_data()
    {
        QTest::addColumn<int>("keySize");
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short master key") << 31 << "lotsevid"_ba << 32 << u"InvalidKey"_s;
        QTest::newRow("empty master key") << 0 << "lotsevid"_ba << 32 << u"InvalidKey"_s;
        QTest::newRow("7-byte context") << 32 << "lotsevi"_ba << 32 << u"InvalidLength"_s;
        QTest::newRow("9-byte context") << 32 << "lotsevid!"_ba << 32 << u"InvalidLength"_s;
        QTest::newRow("15-byte subkey") << 32 << "lotsevid"_ba << 15 << u"InvalidLength"_s;
        QTest::newRow("65-byte subkey") << 32 << "lotsevid"_ba << 65 << u"InvalidLength"_s;
    }

    void refuses()
    {
        QFETCH(int, keySize);
        QFETCH(QByteArray, context);
        QFETCH(int, length);
        QFETCH(QString, expected);
        QCOMPARE(outcome(deriveSubkey(secret(randomBytes(keySize)), context, 1, length)), expected);
    }
};

QTEST_GUILESS_MAIN(TestCryptoKdf)
#include "TestCryptoKdf.moc"
