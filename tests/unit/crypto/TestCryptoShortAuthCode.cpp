#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/ShortAuthCode.h"
#include "crypto/internal/Primitives.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QtEndian>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// The short authentication code (FORMAT.md section 11).
class TestCryptoShortAuthCode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(init()); }

    void formatAndSymmetry()
    {
        const QByteArray a = EncryptionKeyPair::generate().publicKey();
        const QByteArray b = EncryptionKeyPair::generate().publicKey();
        const auto code = shortAuthenticationCode(a, b, "room-1"_ba);
        QVERIFY(code);
        QVERIFY2(QRegularExpression(u"^\\d{4} \\d{4} \\d{4} \\d{4}$"_s).match(*code).hasMatch(), qPrintable(*code));
        QCOMPARE(shortAuthenticationCode(b, a, "room-1"_ba).value(), *code);
    }

    void followsTheDocumentedDerivation()
    {
        const QByteArray a = QByteArray(32, '\x02');
        const QByteArray b = QByteArray(32, '\x01'); // sorts first
        const QByteArray digest = Internal::blake2b(QByteArray("lotse-sas-v1"_ba + char(4) + "room"_ba + b + a), 32);
        const quint64 v = qFromBigEndian<quint64>(digest.constData()) % Q_UINT64_C(10000000000000000);
        QString digits = QString::number(v).rightJustified(16, u'0');
        digits.insert(12, u' ');
        digits.insert(8, u' ');
        digits.insert(4, u' ');
        QCOMPARE(shortAuthenticationCode(a, b, "room"_ba).value(), digits);
    }

    // A swapped key, another room or a changed key all change the code.
    void changesWithEveryInput()
    {
        const QByteArray a = EncryptionKeyPair::generate().publicKey();
        const QByteArray b = EncryptionKeyPair::generate().publicKey();
        QSet<QString> codes;
        codes.insert(shortAuthenticationCode(a, b, "room-1"_ba).value());
        codes.insert(shortAuthenticationCode(a, b, "room-2"_ba).value());
        codes.insert(shortAuthenticationCode(a, EncryptionKeyPair::generate().publicKey(), "room-1"_ba).value());
        codes.insert(shortAuthenticationCode(EncryptionKeyPair::generate().publicKey(), b, "room-1"_ba).value());
        codes.insert(shortAuthenticationCode(a, flipBit(b, 200), "room-1"_ba).value());
        QCOMPARE(codes.size(), 5);
    }

    void sameKeyTwiceIsAllowed()
    {
        const QByteArray a = EncryptionKeyPair::generate().publicKey();
        QVERIFY(shortAuthenticationCode(a, a, "r"_ba));
    }

    void refuses()
    {
        const QByteArray a = EncryptionKeyPair::generate().publicKey();
        QCOMPARE(shortAuthenticationCode(a.first(31), a, "r"_ba).error(), Error::InvalidKey);
        QCOMPARE(shortAuthenticationCode(a, QByteArray(33, 'x'), "r"_ba).error(), Error::InvalidKey);
        QCOMPARE(shortAuthenticationCode(a, a, QByteArray()).error(), Error::InvalidLength);
        QCOMPARE(shortAuthenticationCode(a, a, QByteArray(256, 'r')).error(), Error::InvalidLength);
    }
};

QTEST_GUILESS_MAIN(TestCryptoShortAuthCode)
#include "TestCryptoShortAuthCode.moc"
