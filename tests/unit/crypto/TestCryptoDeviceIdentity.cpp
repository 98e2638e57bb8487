#include "TestSupport.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/Random.h"

#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// Device registration: the self-signed pair of public keys (FORMAT.md section 9).
class TestCryptoDeviceIdentity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(init()); }

    void signAndVerify()
    {
        const auto enc = EncryptionKeyPair::generate();
        const auto sig = SigningKeyPair::generate();
        const DevicePublicKeys keys = signDeviceKeys(enc, sig);
        QCOMPARE(keys.x25519, enc.publicKey());
        QCOMPARE(keys.ed25519, sig.publicKey());
        QVERIFY(verifyDeviceKeys(keys));
        // The signed statement is the documented canonical JSON.
        const QByteArray statement = "{\"ed25519\":\""_ba + toBase64Url(sig.publicKey()).toLatin1() +
                                     "\",\"purpose\":\"lotse-device-v1\",\"x25519\":\""_ba +
                                     toBase64Url(enc.publicKey()).toLatin1() + "\"}"_ba;
        QVERIFY(verifyDetached(sig.publicKey(), statement, keys.signature));
    }

    void jsonRoundTrip()
    {
        const DevicePublicKeys keys = signDeviceKeys(EncryptionKeyPair::generate(), SigningKeyPair::generate());
        const QJsonObject json = keys.toJson();
        QCOMPARE(json.keys(), (QStringList{u"ed25519"_s, u"signature"_s, u"x25519"_s}));
        const auto back = DevicePublicKeys::fromJson(json);
        QVERIFY(back);
        QCOMPARE(back->x25519, keys.x25519);
        QCOMPARE(back->ed25519, keys.ed25519);
        QCOMPARE(back->signature, keys.signature);
        QVERIFY(verifyDeviceKeys(*back));
    }

    void fromJsonErrors_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("padding") << u"x25519"_s << QJsonValue(u"AAAA="_s) << u"MalformedInput"_s;
        QTest::newRow("standard alphabet") << u"signature"_s << QJsonValue(u"ab+/"_s) << u"MalformedInput"_s;
        QTest::newRow("number") << u"ed25519"_s << QJsonValue(5) << u"MalformedInput"_s;
        QTest::newRow("short x25519") << u"x25519"_s << QJsonValue(toBase64Url(QByteArray(31, 'x'))) << u"InvalidKey"_s;
        QTest::newRow("long ed25519") << u"ed25519"_s << QJsonValue(toBase64Url(QByteArray(33, 'x')))
                                      << u"InvalidKey"_s;
        QTest::newRow("short signature") << u"signature"_s << QJsonValue(toBase64Url(QByteArray(63, 'x')))
                                         << u"InvalidLength"_s;
        QTest::newRow("extra member") << u"comment"_s << QJsonValue(u"x"_s) << u"MalformedInput"_s;
    }

    void fromJsonErrors()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject json = signDeviceKeys(EncryptionKeyPair::generate(), SigningKeyPair::generate()).toJson();
        json.insert(member, value);
        QCOMPARE(outcome(DevicePublicKeys::fromJson(json)), expected);
    }

    // FORMAT.md section 9: with several members wrong, the listed order decides (MalformedInput,
    // InvalidKey, InvalidLength), not the order in which the members are read.
    void fromJsonErrorOrder_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("expected");
        const QJsonValue shortX = toBase64Url(QByteArray(31, 'x'));
        const QJsonValue zeroX = toBase64Url(QByteArray(32, '\0'));
        const QJsonValue identityEd = toBase64Url(QByteArray(QByteArray::fromHex("01") + QByteArray(31, '\0')));
        const QJsonValue shortSig = toBase64Url(QByteArray(63, 's'));
        QTest::newRow("short x25519, padded signature")
            << QJsonObject{{u"x25519"_s, shortX}, {u"signature"_s, u"AAAA="_s}} << u"MalformedInput"_s;
        QTest::newRow("short x25519, ed25519 a number")
            << QJsonObject{{u"x25519"_s, shortX}, {u"ed25519"_s, 5}} << u"MalformedInput"_s;
        QTest::newRow("zero x25519, short signature")
            << QJsonObject{{u"x25519"_s, zeroX}, {u"signature"_s, shortSig}} << u"InvalidKey"_s;
        QTest::newRow("identity ed25519, short signature")
            << QJsonObject{{u"ed25519"_s, identityEd}, {u"signature"_s, shortSig}} << u"InvalidKey"_s;
    }

    void fromJsonErrorOrder()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QString, expected);
        QJsonObject json = signDeviceKeys(EncryptionKeyPair::generate(), SigningKeyPair::generate()).toJson();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            json.insert(it.key(), it.value());
        QCOMPARE(outcome(DevicePublicKeys::fromJson(json)), expected);
    }

    void missingMember()
    {
        QJsonObject json = signDeviceKeys(EncryptionKeyPair::generate(), SigningKeyPair::generate()).toJson();
        json.remove(u"x25519"_s);
        QCOMPARE(DevicePublicKeys::fromJson(json).error(), Error::MalformedInput);
    }

    void verifyRefuses()
    {
        const auto enc = EncryptionKeyPair::generate();
        const auto sig = SigningKeyPair::generate();
        const DevicePublicKeys good = signDeviceKeys(enc, sig);

        DevicePublicKeys swappedX = good;
        swappedX.x25519 = EncryptionKeyPair::generate().publicKey();
        QCOMPARE(verifyDeviceKeys(swappedX).error(), Error::BadSignature);

        DevicePublicKeys otherSigner = signDeviceKeys(enc, SigningKeyPair::generate());
        otherSigner.ed25519 = sig.publicKey();
        QCOMPARE(verifyDeviceKeys(otherSigner).error(), Error::BadSignature);

        DevicePublicKeys zeroX = good;
        zeroX.x25519 = QByteArray(32, '\0');
        QCOMPARE(verifyDeviceKeys(zeroX).error(), Error::InvalidKey);

        DevicePublicKeys identityEd = good;
        identityEd.ed25519 = QByteArray::fromHex("01") + QByteArray(31, '\0');
        QCOMPARE(verifyDeviceKeys(identityEd).error(), Error::InvalidKey);

        DevicePublicKeys shortSig = good;
        shortSig.signature.chop(1);
        QCOMPARE(verifyDeviceKeys(shortSig).error(), Error::InvalidLength);

        for (int bit = 0; bit < 512; bit += 7)
            QCOMPARE(verifyDeviceKeys({good.x25519, good.ed25519, flipBit(good.signature, bit)}).error(),
                     Error::BadSignature);
    }
};

QTEST_GUILESS_MAIN(TestCryptoDeviceIdentity)
#include "TestCryptoDeviceIdentity.moc"
