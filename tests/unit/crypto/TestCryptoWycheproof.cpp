#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/internal/Primitives.h"

#include <QJsonArray>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// Project Wycheproof vectors (tests/data/wycheproof, Apache-2.0) run through lotse_crypto's
// entry points: every row, whether valid, invalid or acceptable.
class TestCryptoWycheproof : public QObject
{
    Q_OBJECT

    // Adds one row per Wycheproof test; returns how many.
    static int addRows(const QString &file, const std::function<void(const QJsonObject &, const QJsonObject &)> &row)
    {
        const QJsonObject doc = readJson(u"wycheproof/"_s + file);
        int count = 0;
        for (const QJsonValue group : doc.value(u"testGroups"_s).toArray()) {
            for (const QJsonValue test : group[u"tests"_s].toArray()) {
                row(group.toObject(), test.toObject());
                ++count;
            }
        }
        return count;
    }

    static QByteArray hex(const QJsonValue &value) { return QByteArray::fromHex(value.toString().toLatin1()); }
    static QByteArray rowName(const QJsonObject &test)
    {
        return "tcId " + QByteArray::number(test[u"tcId"_s].toInt()) + " " + test[u"result"_s].toString().toLatin1() +
               " " + test[u"comment"_s].toString().toLatin1();
    }

private slots:
    void initTestCase() { QVERIFY(init()); }

    void rowCounts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("xchacha20_poly1305") << u"xchacha20_poly1305_test.json"_s;
        QTest::newRow("x25519") << u"x25519_test.json"_s;
        QTest::newRow("ed25519") << u"ed25519_test.json"_s;
    }

    // The data-driven tests below must not pass by running no rows.
    void rowCounts()
    {
        QFETCH(QString, file);
        const QJsonObject doc = readJson(u"wycheproof/"_s + file);
        const int rows = addRows(file, [](const QJsonObject &, const QJsonObject &) {});
        QVERIFY(rows > 0);
        QCOMPARE(rows, doc.value(u"numberOfTests"_s).toInt());
    }

    void xchacha20Poly1305_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("ad");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("sealed");
        QTest::addColumn<QString>("result");
        const int rows = addRows(u"xchacha20_poly1305_test.json"_s, [](const QJsonObject &, const QJsonObject &t) {
            QTest::newRow(rowName(t).constData())
                << hex(t[u"key"_s]) << hex(t[u"iv"_s]) << hex(t[u"aad"_s]) << hex(t[u"msg"_s])
                << QByteArray(hex(t[u"ct"_s]) + hex(t[u"tag"_s])) << t[u"result"_s].toString();
        });
        QVERIFY(rows > 300);
    }

    void xchacha20Poly1305()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, ad);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, sealed);
        QFETCH(QString, result);
        const auto opened = Internal::aeadDecrypt(key, nonce, ad, sealed);
        const auto encrypted = Internal::aeadEncrypt(key, nonce, ad, message);
        if (result == u"valid"_s) {
            QVERIFY(opened);
            QCOMPARE(*opened, message);
            QVERIFY(encrypted);
            QCOMPARE(*encrypted, sealed);
        } else {
            QCOMPARE(result, u"invalid"_s);
            QVERIFY(!opened);
            if (nonce.size() != 24) {
                QCOMPARE(opened.error(), Error::InvalidLength);
                QVERIFY(!encrypted);
            } else {
                QCOMPARE(opened.error(), Error::AuthenticationFailed);
            }
        }
    }

    void x25519_data()
    {
        QTest::addColumn<QByteArray>("secretKey");
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("shared");
        QTest::addColumn<QString>("result");
        const int rows = addRows(u"x25519_test.json"_s, [](const QJsonObject &, const QJsonObject &t) {
            QTest::newRow(rowName(t).constData())
                << hex(t[u"private"_s]) << hex(t[u"public"_s]) << hex(t[u"shared"_s]) << t[u"result"_s].toString();
        });
        QVERIFY(rows > 500);
    }

    void x25519()
    {
        QFETCH(QByteArray, secretKey);
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, shared);
        QFETCH(QString, result);
        QVERIFY(result == u"valid"_s || result == u"acceptable"_s);
        const auto computed = Internal::x25519(secretKey, publicKey);
        if (shared == QByteArray(32, '\0')) {
            // Low-order public keys: libsodium refuses the all-zero shared secret, and so does Lotse.
            QVERIFY(!computed);
            QCOMPARE(computed.error(), Error::InvalidKey);
            QCOMPARE(checkEncryptionPublicKey(publicKey).error(), Error::InvalidKey);
        } else {
            QVERIFY(computed);
            QCOMPARE(*computed, shared);
        }
    }

    void ed25519_data()
    {
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QString>("result");
        const int rows = addRows(u"ed25519_test.json"_s, [](const QJsonObject &g, const QJsonObject &t) {
            QTest::newRow(rowName(t).constData())
                << hex(g[u"publicKey"_s][u"pk"_s]) << hex(t[u"msg"_s]) << hex(t[u"sig"_s]) << t[u"result"_s].toString();
        });
        QVERIFY(rows > 100);
    }

    void ed25519()
    {
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, signature);
        QFETCH(QString, result);
        const Status status = verifyDetached(publicKey, message, signature);
        if (result == u"valid"_s) {
            QVERIFY2(status, qPrintable(outcome(status)));
        } else {
            QCOMPARE(result, u"invalid"_s);
            QVERIFY(!status);
            QCOMPARE(status.error(), signature.size() == 64 ? Error::BadSignature : Error::InvalidLength);
        }
    }
};

QTEST_GUILESS_MAIN(TestCryptoWycheproof)
#include "TestCryptoWycheproof.moc"
