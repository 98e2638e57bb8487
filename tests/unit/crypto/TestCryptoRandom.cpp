#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/Random.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Qt::StringLiterals;

// Random bytes, capability tokens, strict base64url and constant-time comparison.
class TestCryptoRandom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(init()); }

    void randomBytes()
    {
        QCOMPARE(Lotse::Crypto::randomBytes(0).size(), 0);
        QCOMPARE(Lotse::Crypto::randomBytes(33).size(), 33);
        QVERIFY(Lotse::Crypto::randomBytes(32) != Lotse::Crypto::randomBytes(32));
    }

    void tokens()
    {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString token = newToken();
            QCOMPARE(token.size(), 43);
            QVERIFY2(QRegularExpression(u"^[A-Za-z0-9_-]{43}$"_s).match(token).hasMatch(), qPrintable(token));
            const auto raw = fromBase64Url(token);
            QVERIFY(raw);
            QCOMPARE(raw->size(), 32);
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 200);
    }

    void base64UrlRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << "f"_ba << u"Zg"_s;
        QTest::newRow("fo") << "fo"_ba << u"Zm8"_s;
        QTest::newRow("foo") << "foo"_ba << u"Zm9v"_s;
        QTest::newRow("foob") << "foob"_ba << u"Zm9vYg"_s;
        QTest::newRow("fooba") << "fooba"_ba << u"Zm9vYmE"_s;
        QTest::newRow("foobar") << "foobar"_ba << u"Zm9vYmFy"_s;
        QTest::newRow("url-safe") << QByteArray::fromHex("fbffbf") << u"-_-_"_s;
        QTest::newRow("zeros") << QByteArray(5, '\0') << u"AAAAAAA"_s;
    }

    void base64UrlRoundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QCOMPARE(toBase64Url(bytes), text);
        const auto decoded = fromBase64Url(text);
        QVERIFY(decoded);
        QCOMPARE(*decoded, bytes);
    }

    void base64UrlAllLengths()
    {
        for (int n = 0; n < 70; ++n) {
            const QByteArray bytes = Lotse::Crypto::randomBytes(n);
            const QString text = toBase64Url(bytes);
            QCOMPARE(text, QString::fromLatin1(
                               bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
            QCOMPARE(fromBase64Url(text).value_or("mismatch"_ba), bytes);
        }
    }

    void base64UrlStrict_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("padding") << u"Zg=="_s;
        QTest::newRow("single padding") << u"Zm8="_s;
        QTest::newRow("plus") << u"+/8A"_s;
        QTest::newRow("slash") << u"ab/c"_s;
        QTest::newRow("space") << u"Zm9 v"_s;
        QTest::newRow("newline") << u"Zm9v\n"_s;
        QTest::newRow("non-canonical 2 chars") << u"Zh"_s;
        QTest::newRow("non-canonical 3 chars") << u"Zm9"_s;
        QTest::newRow("length 1 mod 4") << u"Zm9vY"_s;
        QTest::newRow("one char") << u"Z"_s;
        QTest::newRow("non-ASCII") << u"Zm9é"_s;
        QTest::newRow("NUL") << QString(QChar(0)) + u"AAA"_s;
    }

    void base64UrlStrict()
    {
        QFETCH(QString, text);
        QVERIFY(!fromBase64Url(text));
    }

    void constantTimeEquals()
    {
        QVERIFY(Lotse::Crypto::constantTimeEquals("abc"_ba, "abc"_ba));
        QVERIFY(Lotse::Crypto::constantTimeEquals(QByteArray(), QByteArray()));
        QVERIFY(!Lotse::Crypto::constantTimeEquals("abc"_ba, "abd"_ba));
        QVERIFY(!Lotse::Crypto::constantTimeEquals("abc"_ba, "ab"_ba));
        QVERIFY(!Lotse::Crypto::constantTimeEquals("abc"_ba, QByteArray()));
        const QByteArray token = Lotse::Crypto::randomBytes(32);
        for (int bit = 0; bit < 256; ++bit)
            QVERIFY(!Lotse::Crypto::constantTimeEquals(token, TestSupport::flipBit(token, bit)));
    }
};

QTEST_GUILESS_MAIN(TestCryptoRandom)
#include "TestCryptoRandom.moc"
