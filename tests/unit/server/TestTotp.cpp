// TOTP against the published vectors: RFC 6238 appendix B (SHA-1/-256/-512, 8 digits), RFC 4226
// appendix D (HOTP), RFC 4648 base32; plus the ±1-step window and replay refusal.
#include "server-stub/Totp.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Lotse::Server::Totp;

Q_DECLARE_METATYPE(Totp::Algorithm)

class TestTotp : public QObject
{
    Q_OBJECT

private slots:
    void rfc6238_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<Totp::Algorithm>("algorithm");
        QTest::addColumn<QString>("code");
        const struct
        {
            qint64 time;
            const char *sha1;
            const char *sha256;
            const char *sha512;
        } rows[] = {
            {59, "94287082", "46119246", "90693936"},         {1111111109, "07081804", "68084774", "25091201"},
            {1111111111, "14050471", "67062674", "99943326"}, {1234567890, "89005924", "91819424", "93441116"},
            {2000000000, "69279037", "90698825", "38618901"}, {20000000000, "65353130", "77737706", "47863826"},
        };
        for (const auto &row : rows) {
            QTest::addRow("%lld SHA1", row.time) << row.time << Totp::Algorithm::Sha1 << QString::fromLatin1(row.sha1);
            QTest::addRow("%lld SHA256", row.time)
                << row.time << Totp::Algorithm::Sha256 << QString::fromLatin1(row.sha256);
            QTest::addRow("%lld SHA512", row.time)
                << row.time << Totp::Algorithm::Sha512 << QString::fromLatin1(row.sha512);
        }
    }

    void rfc6238()
    {
        QFETCH(qint64, time);
        QFETCH(Totp::Algorithm, algorithm);
        QFETCH(QString, code);
        // The RFC's seeds: the ASCII digits repeated to the hash's block-friendly length.
        const QByteArray seed = algorithm == Totp::Algorithm::Sha1     ? QByteArray("12345678901234567890")
                                : algorithm == Totp::Algorithm::Sha256 ? QByteArray("12345678901234567890123456789012")
                                                                       : QByteArray("1234567890").repeated(6) + "1234";
        QCOMPARE(Totp::codeAt(seed, time, 8, algorithm), code);
        // Lotse's 6-digit codes are the last six digits of the same value.
        if (algorithm == Totp::Algorithm::Sha1)
            QCOMPARE(Totp::codeAt(seed, time), code.right(6));
    }

    void rfc4226Hotp()
    {
        const QStringList expected = {u"755224"_s, u"287082"_s, u"359152"_s, u"969429"_s, u"338314"_s,
                                      u"254676"_s, u"287922"_s, u"162583"_s, u"399871"_s, u"520489"_s};
        for (int counter = 0; counter < expected.size(); ++counter)
            QCOMPARE(Totp::codeForStep("12345678901234567890", counter), expected.at(counter));
    }

    void base32_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << QByteArray("f") << u"MY"_s;
        QTest::newRow("fo") << QByteArray("fo") << u"MZXQ"_s;
        QTest::newRow("foo") << QByteArray("foo") << u"MZXW6"_s;
        QTest::newRow("foob") << QByteArray("foob") << u"MZXW6YQ"_s;
        QTest::newRow("fooba") << QByteArray("fooba") << u"MZXW6YTB"_s;
        QTest::newRow("foobar") << QByteArray("foobar") << u"MZXW6YTBOI"_s;
    }

    void base32()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QCOMPARE(Totp::toBase32(bytes), text);
        QCOMPARE(Totp::fromBase32(text), std::optional<QByteArray>(bytes));
        QCOMPARE(Totp::fromBase32(text.toLower()), std::optional<QByteArray>(bytes));
    }

    void base32RejectsForeignCharacters()
    {
        QVERIFY(!Totp::fromBase32(u"MZXW1"_s)); // 1 is not in the alphabet
        QVERIFY(!Totp::fromBase32(u"MZXW6==="_s));
        QVERIFY(!Totp::fromBase32(u"MZ W6"_s));
        QVERIFY(!Totp::fromBase32(u"MZXWä"_s));
    }

    void windowAndReplay()
    {
        const QByteArray secret = "12345678901234567890";
        const qint64 now = 1'790'000'010; // inside step 59666667
        const qint64 step = Totp::stepAt(now);
        // Previous, current and next step are accepted.
        for (qint64 offset : {-1, 0, 1}) {
            const QString code = Totp::codeForStep(secret, step + offset);
            QCOMPARE(Totp::verify(secret, code, now, 0), std::optional<qint64>(step + offset));
        }
        // Two steps away is not.
        QVERIFY(!Totp::verify(secret, Totp::codeForStep(secret, step - 2), now, 0));
        QVERIFY(!Totp::verify(secret, Totp::codeForStep(secret, step + 2), now, 0));
        // A step at or before the last used one is a replay.
        const QString current = Totp::codeForStep(secret, step);
        QVERIFY(!Totp::verify(secret, current, now, step));
        QVERIFY(!Totp::verify(secret, Totp::codeForStep(secret, step - 1), now, step - 1));
        QCOMPARE(Totp::verify(secret, current, now, step - 1), std::optional<qint64>(step));
    }

    void malformedCodes()
    {
        const QByteArray secret = "12345678901234567890";
        const qint64 now = 59;
        QVERIFY(Totp::verify(secret, u"287082"_s, now, -1));
        QVERIFY(!Totp::verify(secret, u"28708"_s, now, -1));
        QVERIFY(!Totp::verify(secret, u"2870822"_s, now, -1));
        QVERIFY(!Totp::verify(secret, u"28708a"_s, now, -1));
        QVERIFY(!Totp::verify(secret, u"２８７０８２"_s, now, -1)); // full-width digits
        QVERIFY(!Totp::verify(QByteArray(), u"287082"_s, now, -1));
    }

    void otpauthUri()
    {
        const QString uri = Totp::otpauthUri(u"Lotse"_s, u"anna@demo.example"_s, "foobar");
        QCOMPARE(uri, u"otpauth://totp/Lotse:anna@demo.example?secret=MZXW6YTBOI&issuer=Lotse&algorithm=SHA1&digits=6"
                      "&period=30"_s);
        QVERIFY(Totp::otpauthUri(u"Lotse"_s, u"a b&c"_s, "x").startsWith(u"otpauth://totp/Lotse:a%20b%26c?"_s));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "TestTotp.moc"
