#include "TestSupport.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/Signature.h"

#include <QJsonArray>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// Ed25519 signatures over canonical JSON.
class TestCryptoSignature : public QObject
{
    Q_OBJECT

    QJsonObject statement() const
    {
        return QJsonObject{{u"purpose"_s, u"lotse-consent-v1"_s},
                           {u"booking"_s, u"bk-1"_s},
                           {u"at"_s, qint64(1795000000)},
                           {u"items"_s, QJsonArray{u"a"_s, 2, true}}};
    }

private slots:
    void initTestCase() { QVERIFY(init()); }

    void signsCanonicalBytes()
    {
        const auto key = SigningKeyPair::generate();
        const auto sig = signCanonicalJson(key, statement());
        QVERIFY(sig);
        QVERIFY(verifyCanonicalJson(key.publicKey(), statement(), *sig));
        // The signature covers exactly the canonical bytes.
        QVERIFY(verifyDetached(key.publicKey(), CanonicalJson::serialize(statement()).value(), *sig));
        // Member order in the text does not matter: parse a reordered, spaced copy.
        const auto reparsed = CanonicalJson::parse(R"({ "items": ["a", 2, true], "at": 1795000000, "booking": "bk-1",
                                     "purpose": "lotse-consent-v1" })"_ba);
        QVERIFY(reparsed);
        QVERIFY(verifyCanonicalJson(key.publicKey(), reparsed->toObject(), *sig));
    }

    void tamperedStatementFails_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("purpose") << u"purpose"_s << QJsonValue(u"lotse-device-v1"_s);
        QTest::newRow("booking") << u"booking"_s << QJsonValue(u"bk-2"_s);
        QTest::newRow("integer") << u"at"_s << QJsonValue(qint64(1795000001));
        QTest::newRow("integer as string") << u"at"_s << QJsonValue(u"1795000000"_s);
        QTest::newRow("array") << u"items"_s << QJsonValue(QJsonArray{u"a"_s, 2, false});
        QTest::newRow("added member") << u"extra"_s << QJsonValue(QJsonValue::Null);
    }

    void tamperedStatementFails()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        const auto key = SigningKeyPair::generate();
        const QByteArray sig = signCanonicalJson(key, statement()).value();
        QJsonObject changed = statement();
        changed.insert(member, value);
        QCOMPARE(verifyCanonicalJson(key.publicKey(), changed, sig).error(), Error::BadSignature);
    }

    void everySignatureBitMatters()
    {
        const auto key = SigningKeyPair::generate();
        const QByteArray sig = signCanonicalJson(key, statement()).value();
        for (int bit = 0; bit < 512; ++bit)
            QCOMPARE(verifyCanonicalJson(key.publicKey(), statement(), flipBit(sig, bit)).error(), Error::BadSignature);
    }

    void errors()
    {
        const auto key = SigningKeyPair::generate();
        QJsonObject withFloat = statement();
        withFloat.insert(u"amount"_s, 2.5);
        QCOMPARE(signCanonicalJson(key, withFloat).error(), Error::InvalidJson);
        QCOMPARE(verifyCanonicalJson(key.publicKey(), withFloat, QByteArray(64, 'x')).error(), Error::InvalidJson);
        const QByteArray sig = signCanonicalJson(key, statement()).value();
        QCOMPARE(verifyCanonicalJson(key.publicKey(), statement(), sig.first(63)).error(), Error::InvalidLength);
        QCOMPARE(verifyCanonicalJson(SigningKeyPair::generate().publicKey(), statement(), sig).error(),
                 Error::BadSignature);
    }

    // FORMAT.md section 9: a non-empty string "purpose", equal to the expected one.
    void purposeIsRequired()
    {
        const auto key = SigningKeyPair::generate();
        const QByteArray sig = signCanonicalJson(key, statement()).value();
        QVERIFY(verifyCanonicalJson(key.publicKey(), statement(), sig, u"lotse-consent-v1"));
        QCOMPARE(verifyCanonicalJson(key.publicKey(), statement(), sig, u"lotse-device-v1").error(),
                 Error::WrongPurpose);
        QCOMPARE(verifyCanonicalJson(key.publicKey(), statement(), sig, u"").error(), Error::WrongPurpose);

        QJsonObject noPurpose = statement();
        noPurpose.remove(u"purpose"_s);
        QCOMPARE(signCanonicalJson(key, noPurpose).error(), Error::WrongPurpose);
        // Signed over the raw canonical bytes: only the purpose check can refuse it.
        const QByteArray rawSig = key.sign(CanonicalJson::serialize(noPurpose).value());
        QVERIFY(verifyDetached(key.publicKey(), CanonicalJson::serialize(noPurpose).value(), rawSig));
        QCOMPARE(verifyCanonicalJson(key.publicKey(), noPurpose, rawSig).error(), Error::WrongPurpose);
        QCOMPARE(verifyCanonicalJson(key.publicKey(), noPurpose, rawSig, u"lotse-consent-v1").error(),
                 Error::WrongPurpose);
        for (const QJsonValue &bad : {QJsonValue(u""_s), QJsonValue(1), QJsonValue(QJsonValue::Null), QJsonValue(true),
                                      QJsonValue(QJsonObject{{u"purpose"_s, u"x"_s}})}) {
            QJsonObject o = statement();
            o.insert(u"purpose"_s, bad);
            QCOMPARE(signCanonicalJson(key, o).error(), Error::WrongPurpose);
            const QByteArray s = key.sign(CanonicalJson::serialize(o).value());
            QCOMPARE(verifyCanonicalJson(key.publicKey(), o, s).error(), Error::WrongPurpose);
        }
        // Order: InvalidKey and InvalidLength before WrongPurpose, WrongPurpose before BadSignature.
        QCOMPARE(verifyCanonicalJson(key.publicKey().first(31), noPurpose, rawSig).error(), Error::InvalidKey);
        QCOMPARE(verifyCanonicalJson(key.publicKey(), noPurpose, rawSig.first(63)).error(), Error::InvalidLength);
        QCOMPARE(verifyCanonicalJson(key.publicKey(), statement(), flipBit(sig, 5), u"other").error(),
                 Error::WrongPurpose);
    }

    // FORMAT.md sections 3 and 9: the verifying key must pass the Ed25519 public-key check.
    void weakKeysAreRefused()
    {
        const QJsonObject object{{u"note"_s, u"signed with scalar 1 under B + a point of order 8"_s},
                                 {u"purpose"_s, u"lotse-test-v1"_s}};
        // B + a point of order 8, and a signature libsodium's verify accepts (see
        // crypto/tools/VectorsOther.cpp).
        const QByteArray torsionKey =
            QByteArray::fromHex("98519eadf35b995233b51b5cd23e9cc5a28b639b5a4af0ec903cb960d81b7819");
        const QByteArray torsionSig =
            QByteArray::fromHex("cc1286be2457da66ce6a3f2d5d88a011b10dc181002a2c2b186e5b0cd2639632"
                                "820e921757252dfbcdbd0f389ee58141d46a4857fdb44cf3f92c78375031d406");
        QCOMPARE(verifyCanonicalJson(torsionKey, object, torsionSig, u"lotse-test-v1").error(), Error::InvalidKey);
        QCOMPARE(verifyDetached(torsionKey, CanonicalJson::serialize(object).value(), torsionSig).error(),
                 Error::InvalidKey);
        const QByteArray sig = signCanonicalJson(SigningKeyPair::generate(), statement()).value();
        for (const char *pk : {"0100000000000000000000000000000000000000000000000000000000000000",
                               "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
                               "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"})
            QCOMPARE(verifyCanonicalJson(QByteArray::fromHex(pk), statement(), sig).error(), Error::InvalidKey);
    }
};

QTEST_GUILESS_MAIN(TestCryptoSignature)
#include "TestCryptoSignature.moc"
