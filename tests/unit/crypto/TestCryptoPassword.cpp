#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/Password.h"
#include "crypto/Random.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Qt::StringLiterals;

// Argon2id password hashes and passphrase-derived keys.
class TestCryptoPassword : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(init());
        PasswordHash::setCostForTesting(1, 8 * 1024);
    }
    void cleanupTestCase() { PasswordHash::resetCost(); }

    void hashAndVerify_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::newRow("ascii") << "correct horse battery staple"_ba;
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("utf-8") << u"Пароль-ß-😀"_s.toUtf8();
        QTest::newRow("embedded NUL") << QByteArray("a\0b", 3);
    }

    void hashAndVerify()
    {
        QFETCH(QByteArray, password);
        const auto hash = PasswordHash::hash(password);
        QVERIFY(hash);
        QVERIFY2(hash->startsWith("$argon2id$v=19$m=8,t=1,p=1$"), hash->constData());
        QVERIFY(PasswordHash::verify(*hash, password));
        QVERIFY(!PasswordHash::verify(*hash, QByteArray(password + "x")));
        QVERIFY(!PasswordHash::verify(*hash, "wrong"_ba));
        const auto second = PasswordHash::hash(password);
        QVERIFY(*second != *hash); // random salt
    }

    void embeddedNulIsPartOfThePassword()
    {
        const auto hash = PasswordHash::hash(QByteArray("a\0b", 3));
        QVERIFY(!PasswordHash::verify(*hash, "a"_ba));
    }

    void refusesOtherHashes()
    {
        QVERIFY(!PasswordHash::verify("$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA"_ba, "x"_ba));
        QVERIFY(!PasswordHash::verify("not a hash"_ba, "x"_ba));
        QVERIFY(!PasswordHash::verify(QByteArray(), QByteArray()));
        auto hash = PasswordHash::hash("pw"_ba).value();
        hash[hash.size() - 2] = hash.at(hash.size() - 2) == 'A' ? 'B' : 'A';
        QVERIFY(!PasswordHash::verify(hash, "pw"_ba));
    }

    void needsRehash()
    {
        const auto cheap = PasswordHash::hash("pw"_ba).value();
        QVERIFY(!PasswordHash::needsRehash(cheap));
        PasswordHash::setCostForTesting(2, 16 * 1024);
        QVERIFY(PasswordHash::needsRehash(cheap));
        QVERIFY(PasswordHash::verify(cheap, "pw"_ba)); // old hashes still verify
        PasswordHash::setCostForTesting(1, 8 * 1024);
        QVERIFY(!PasswordHash::needsRehash(cheap));
        QVERIFY(PasswordHash::needsRehash("garbage"_ba));
    }

    // One hash at the real production cost, so the documented parameters are what runs.
    void productionCost()
    {
        PasswordHash::resetCost();
        QElapsedTimer timer;
        timer.start();
        const auto hash = PasswordHash::hash("production password"_ba);
        QVERIFY(hash);
        QVERIFY2(hash->startsWith("$argon2id$v=19$m=65536,t=3,p=1$"), hash->constData());
        QVERIFY(PasswordHash::verify(*hash, "production password"_ba));
        QVERIFY(!PasswordHash::needsRehash(*hash));
        qInfo("Argon2id hash+verify at production cost: %lld ms", static_cast<long long>(timer.elapsed()));
        PasswordHash::setCostForTesting(1, 8 * 1024);
        QVERIFY(PasswordHash::needsRehash(*hash));
    }

    void passphraseKey()
    {
        const QByteArray salt = randomBytes(PassphraseSaltBytes);
        const auto a = deriveKeyFromPassphrase("passphrase"_ba, salt, 1, 8192);
        const auto b = deriveKeyFromPassphrase("passphrase"_ba, salt, 1, 8192);
        QVERIFY(a && b);
        QCOMPARE(a->size(), 32);
        QCOMPARE(a->toByteArray(), b->toByteArray());
        QVERIFY(deriveKeyFromPassphrase("passphrasE"_ba, salt, 1, 8192)->toByteArray() != a->toByteArray());
        QVERIFY(deriveKeyFromPassphrase("passphrase"_ba, randomBytes(16), 1, 8192)->toByteArray() != a->toByteArray());
        QVERIFY(deriveKeyFromPassphrase("passphrase"_ba, salt, 2, 8192)->toByteArray() != a->toByteArray());
        QCOMPARE(deriveKeyFromPassphrase("passphrase"_ba, salt.first(15), 1, 8192).error(), Error::InvalidLength);
        QCOMPARE(deriveKeyFromPassphrase("passphrase"_ba, salt, 0, 8192).error(), Error::PasswordHashFailed);
        QCOMPARE(deriveKeyFromPassphrase("passphrase"_ba, salt, 1, 1024).error(), Error::PasswordHashFailed);
    }

    void passphraseKeyProductionCost()
    {
        const QByteArray salt = QByteArray(16, '\x42');
        const auto key = deriveKeyFromPassphrase("passphrase"_ba, salt);
        QVERIFY(key);
        QCOMPARE(
            key->toByteArray(),
            deriveKeyFromPassphrase("passphrase"_ba, salt, PassphraseOpsLimit, PassphraseMemLimitBytes)->toByteArray());
    }
};

QTEST_GUILESS_MAIN(TestCryptoPassword)
#include "TestCryptoPassword.moc"
