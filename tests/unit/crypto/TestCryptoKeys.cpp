#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/internal/Primitives.h"

#include <QRegularExpression>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// SecretBytes, key pairs, key ids and fingerprints, public-key checks.
class TestCryptoKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(init()); }

    void secretBytesHoldAndMove()
    {
        SecretBytes zeroed(40);
        QCOMPARE(zeroed.size(), 40);
        QCOMPARE(zeroed.toByteArray(), QByteArray(40, '\0'));

        SecretBytes a = SecretBytes::fromBytes("secret material"_ba);
        QCOMPARE(a.toByteArray(), "secret material"_ba);
        SecretBytes b(std::move(a));
        QVERIFY(a.isEmpty());
        QCOMPARE(a.data(), nullptr);
        QCOMPARE(b.toByteArray(), "secret material"_ba);
        SecretBytes c;
        c = std::move(b);
        QVERIFY(b.isEmpty());
        QCOMPARE(c.toByteArray(), "secret material"_ba);
        c = SecretBytes::fromBytes("x"_ba);
        QCOMPARE(c.toByteArray(), "x"_ba);
        QVERIFY(SecretBytes().isEmpty());
        QVERIFY(SecretBytes::fromBytes(QByteArray()).isEmpty());
    }

    void encryptionKeyPair()
    {
        const auto pair = EncryptionKeyPair::generate();
        QCOMPARE(pair.publicKey().size(), 32);
        QCOMPARE(pair.secretKey().size(), 32);
        const auto again = EncryptionKeyPair::fromSecretKey(pair.secretKey().toByteArray());
        QVERIFY(again);
        QCOMPARE(again->publicKey(), pair.publicKey());
        QVERIFY(EncryptionKeyPair::generate().publicKey() != pair.publicKey());
        QCOMPARE(EncryptionKeyPair::fromSecretKey(QByteArray(31, 'x')).error(), Error::InvalidKey);
        QVERIFY(checkEncryptionPublicKey(pair.publicKey()));
    }

    void signingKeyPair()
    {
        const auto pair = SigningKeyPair::generate();
        QCOMPARE(pair.publicKey().size(), 32);
        QCOMPARE(pair.seed().size(), 32);
        const QByteArray sig = pair.sign("message"_ba);
        QCOMPARE(sig.size(), 64);
        QVERIFY(verifyDetached(pair.publicKey(), "message"_ba, sig));
        QCOMPARE(verifyDetached(pair.publicKey(), "messagE"_ba, sig).error(), Error::BadSignature);
        QCOMPARE(verifyDetached(pair.publicKey(), "message"_ba, flipBit(sig, 7)).error(), Error::BadSignature);
        QCOMPARE(verifyDetached(pair.publicKey(), "message"_ba, sig.first(63)).error(), Error::InvalidLength);
        QCOMPARE(verifyDetached(pair.publicKey().first(31), "message"_ba, sig).error(), Error::InvalidKey);
        const auto other = SigningKeyPair::generate();
        QCOMPARE(verifyDetached(other.publicKey(), "message"_ba, sig).error(), Error::BadSignature);

        const auto again = SigningKeyPair::fromSeed(pair.seed().toByteArray());
        QVERIFY(again);
        QCOMPARE(again->publicKey(), pair.publicKey());
        QCOMPARE(again->sign("message"_ba), sig); // Ed25519 is deterministic
        QCOMPARE(SigningKeyPair::fromSeed(QByteArray(33, 'x')).error(), Error::InvalidKey);
        QVERIFY(checkSigningPublicKey(pair.publicKey()));
    }

    // RFC 8032 §7.1 TEST 2, through the public API.
    void ed25519Rfc8032()
    {
        const auto pair = SigningKeyPair::fromSeed(
            QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        QVERIFY(pair);
        QCOMPARE(pair->publicKey().toHex(), "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"_ba);
        QCOMPARE(pair->sign(QByteArray::fromHex("72")).toHex(),
                 "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                 "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"_ba);
    }

    void keyIdIsTruncatedBlake2b256()
    {
        const auto pair = EncryptionKeyPair::generate();
        const QByteArray id = keyId(pair.publicKey());
        QCOMPARE(id.size(), 16);
        QCOMPARE(id, Internal::blake2b(QByteArray("lotse-keyid-v1"_ba + pair.publicKey()), 32).first(16));
        QVERIFY(id != Internal::blake2b(QByteArray("lotse-keyid-v1"_ba + pair.publicKey()), 16));
        QVERIFY(keyId(EncryptionKeyPair::generate().publicKey()) != id);
    }

    void fingerprintFormat()
    {
        const QByteArray pk = EncryptionKeyPair::generate().publicKey();
        const QString fp = fingerprint(pk);
        QVERIFY2(QRegularExpression(u"^([0-9A-F]{4} ){7}[0-9A-F]{4}$"_s).match(fp).hasMatch(), qPrintable(fp));
        QCOMPARE(QString(fp).remove(u' ').toLatin1(), keyId(pk).toHex().toUpper());
    }

    void lowOrderEncryptionKeysRefused_data()
    {
        QTest::addColumn<QByteArray>("publicKey");
        QTest::newRow("zero") << QByteArray(32, '\0');
        QTest::newRow("one") << QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000");
        QTest::newRow("order 8") << QByteArray::fromHex(
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
        QTest::newRow("p-1") << QByteArray::fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        QTest::newRow("short") << QByteArray(31, 'x');
    }

    void lowOrderEncryptionKeysRefused()
    {
        QFETCH(QByteArray, publicKey);
        QCOMPARE(checkEncryptionPublicKey(publicKey).error(), Error::InvalidKey);
    }

    void invalidSigningKeysRefused_data()
    {
        QTest::addColumn<QByteArray>("publicKey");
        QTest::newRow("identity") << QByteArray::fromHex(
            "0100000000000000000000000000000000000000000000000000000000000000");
        QTest::newRow("zero") << QByteArray(32, '\0');
        QTest::newRow("non-canonical y") << QByteArray::fromHex(
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        QTest::newRow("short") << QByteArray(31, 'x');
    }

    void invalidSigningKeysRefused()
    {
        QFETCH(QByteArray, publicKey);
        QCOMPARE(checkSigningPublicKey(publicKey).error(), Error::InvalidKey);
    }
};

QTEST_GUILESS_MAIN(TestCryptoKeys)
#include "TestCryptoKeys.moc"
