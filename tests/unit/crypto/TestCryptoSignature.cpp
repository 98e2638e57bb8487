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
};

QTEST_GUILESS_MAIN(TestCryptoSignature)
#include "TestCryptoSignature.moc"
