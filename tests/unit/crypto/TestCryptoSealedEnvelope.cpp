#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"
#include "crypto/internal/Primitives.h"

#include <QTest>

#include <vector>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// The multi-recipient sealed envelope (FORMAT.md section 6).
class TestCryptoSealedEnvelope : public QObject
{
    Q_OBJECT

    std::vector<EncryptionKeyPair> m_devices;
    QList<QByteArray> m_publicKeys;
    const QByteArray m_context = "booking:bk-1"_ba;

    Result<QByteArray> openAs(int device, QByteArrayView envelope) const
    {
        return SealedEnvelope::open(m_devices.at(device), SealPurpose::BookingFields, m_context, envelope);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(init());
        for (int i = 0; i < 3; ++i) {
            m_devices.push_back(EncryptionKeyPair::generate());
            m_publicKeys.append(m_devices.back().publicKey());
        }
    }

    void everyRecipientOpens_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("fields") << R"({"name":"Olena","phone":"+49 30 1"})"_ba;
        QTest::newRow("maximum") << QByteArray(SealedEnvelope::MaxPayloadSize, 'p');
    }

    void everyRecipientOpens()
    {
        QFETCH(QByteArray, payload);
        const auto env = SealedEnvelope::seal(m_publicKeys, SealPurpose::BookingFields, m_context, payload);
        QVERIFY(env);
        QCOMPARE(env->size(), 43 + 96 * 3 + payload.size());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(openAs(i, *env).value(), payload);
        const auto ids = SealedEnvelope::recipientKeyIds(*env);
        QVERIFY(ids);
        QCOMPARE(ids->size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(ids->at(i), keyId(m_publicKeys.at(i)));
    }

    void layoutMatchesFormat()
    {
        const QByteArray contentKey = randomBytes(32);
        const QByteArray nonce = randomBytes(24);
        const QByteArray env = Internal::sealToRecipientsWith({m_publicKeys.at(1)}, SealPurpose::RoomKey, "room:r:1"_ba,
                                                              "k"_ba, contentKey, nonce, {randomBytes(32)})
                                   .value();
        QCOMPARE(env.size(), 43 + 96 + 1);
        QCOMPARE(env.first(3), QByteArray("\x01\x02\x01", 3));
        QCOMPARE(env.mid(3, 16), keyId(m_publicKeys.at(1)));
        QCOMPARE(env.mid(99, 24), nonce);
        // The payload is XChaCha20-Poly1305 under the content key with the documented AD.
        const QByteArray ad = "lotse-seal-v1"_ba + char(8) + "room:r:1"_ba + env.first(3 + 96);
        QCOMPARE(Internal::aeadDecrypt(contentKey, nonce, ad, env.mid(123)).value(), "k"_ba);
        QCOMPARE(SealedEnvelope::open(m_devices.at(1), SealPurpose::RoomKey, "room:r:1"_ba, env).value(), "k"_ba);
    }

    void notARecipient()
    {
        const QByteArray env =
            SealedEnvelope::seal(m_publicKeys.first(2), SealPurpose::BookingFields, m_context, "x"_ba).value();
        QCOMPARE(openAs(2, env).error(), Error::NotARecipient);
        QCOMPARE(
            SealedEnvelope::open(EncryptionKeyPair::generate(), SealPurpose::BookingFields, m_context, env).error(),
            Error::NotARecipient);
    }

    void wrongContextOrPurpose()
    {
        const QByteArray env =
            SealedEnvelope::seal(m_publicKeys, SealPurpose::BookingFields, m_context, "x"_ba).value();
        QCOMPARE(SealedEnvelope::open(m_devices.at(0), SealPurpose::BookingFields, "booking:bk-2"_ba, env).error(),
                 Error::AuthenticationFailed);
        QCOMPARE(SealedEnvelope::open(m_devices.at(0), SealPurpose::BookingFields, QByteArray(), env).error(),
                 Error::AuthenticationFailed);
        QCOMPARE(SealedEnvelope::open(m_devices.at(0), SealPurpose::RoomKey, m_context, env).error(),
                 Error::WrongPurpose);
        QCOMPARE(SealedEnvelope::open(m_devices.at(0), SealPurpose::BookingFields, QByteArray(256, 'c'), env).error(),
                 Error::InvalidLength);
    }

    // Every bit of a two-recipient envelope, as seen by recipient 0.
    void everyFlippedBitIsRefused()
    {
        const QByteArray env =
            SealedEnvelope::seal(m_publicKeys.first(2), SealPurpose::BookingFields, m_context, "payload!"_ba).value();
        for (qsizetype bit = 0; bit < env.size() * 8; ++bit) {
            const auto opened = openAs(0, flipBit(env, bit));
            QVERIFY2(!opened, qPrintable(u"bit %1 accepted"_s.arg(bit)));
            const qsizetype byte = bit / 8;
            Error expected = Error::AuthenticationFailed;
            if (byte == 0)
                expected = Error::UnsupportedVersion;
            else if (byte == 1)
                expected = Error::WrongPurpose;
            else if (byte == 2)
                expected = (quint8(env[2]) ^ (1 << (bit % 8))) > SealedEnvelope::MaxRecipients ? Error::TooLarge
                                                                                               : Error::InvalidLength;
            else if (byte >= 3 && byte < 19)
                expected = Error::NotARecipient; // own key id changed
            QCOMPARE(opened.error(), expected);
        }
    }

    void tableManipulation()
    {
        const QByteArray env =
            SealedEnvelope::seal(m_publicKeys, SealPurpose::BookingFields, m_context, "payload"_ba).value();
        QByteArray swapped = env;
        swapped.replace(3, 96, env.mid(99, 96));
        swapped.replace(99, 96, env.mid(3, 96));
        QCOMPARE(openAs(0, swapped).error(), Error::AuthenticationFailed);
        QCOMPARE(openAs(1, swapped).error(), Error::AuthenticationFailed);

        QByteArray duplicated = env;
        duplicated.replace(99, 96, env.mid(3, 96));
        QCOMPARE(openAs(0, duplicated).error(), Error::MalformedInput);
        // FORMAT.md section 6's order: a cut table is InvalidLength even with a key id twice in
        // the part present; a complete table with a key id twice is MalformedInput even when the
        // nonce is missing.
        QCOMPARE(openAs(0, duplicated.first(3 + 96 * 2 + 5)).error(), Error::InvalidLength);
        QCOMPARE(SealedEnvelope::recipientKeyIds(duplicated.first(3 + 96 * 2 + 5)).error(), Error::InvalidLength);
        QCOMPARE(openAs(0, duplicated.first(3 + 96 * 3)).error(), Error::MalformedInput);

        // Dropping a recipient (and fixing the count) breaks the payload for the others.
        QByteArray dropped = env;
        dropped.remove(195, 96);
        dropped[2] = 2;
        QCOMPARE(openAs(0, dropped).error(), Error::AuthenticationFailed);
        QCOMPARE(openAs(2, dropped).error(), Error::NotARecipient);

        // Someone else's sealed content key in my slot.
        QByteArray foreign = env;
        foreign.replace(3 + 16, 80,
                        Internal::boxSealWithSeed(randomBytes(32), m_publicKeys.at(0), randomBytes(32)).value());
        QCOMPARE(openAs(0, foreign).error(), Error::AuthenticationFailed);
        QCOMPARE(openAs(1, foreign).error(), Error::AuthenticationFailed);
    }

    void malformedLengths()
    {
        const QByteArray env =
            SealedEnvelope::seal(m_publicKeys.first(1), SealPurpose::BookingFields, m_context, "abc"_ba).value();
        QCOMPARE(openAs(0, QByteArray()).error(), Error::InvalidLength);
        for (qsizetype n = 1; n < 43 + 96; ++n) {
            const auto opened = openAs(0, env.first(n));
            QVERIFY(!opened);
            QCOMPARE(opened.error(), Error::InvalidLength);
        }
        for (qsizetype n = 43 + 96; n < env.size(); ++n)
            QCOMPARE(openAs(0, env.first(n)).error(), Error::AuthenticationFailed);
        QByteArray zero = env;
        zero[2] = 0;
        QCOMPARE(openAs(0, zero).error(), Error::InvalidLength);
        QByteArray many = env;
        many[2] = char(65);
        QCOMPARE(openAs(0, many).error(), Error::TooLarge);
        QByteArray claimsTwo = env;
        claimsTwo[2] = 2;
        QCOMPARE(openAs(0, claimsTwo).error(), Error::InvalidLength);
        QByteArray version = env;
        version[0] = 2;
        QCOMPARE(openAs(0, version).error(), Error::UnsupportedVersion);
        QByteArray huge = env;
        huge.resize(43 + 96 + SealedEnvelope::MaxPayloadSize + 1);
        QCOMPARE(openAs(0, huge).error(), Error::TooLarge);
    }

    void sealRefuses()
    {
        QCOMPARE(SealedEnvelope::seal({}, SealPurpose::BookingFields, m_context, "x"_ba).error(), Error::InvalidLength);
        QCOMPARE(SealedEnvelope::seal({m_publicKeys.at(0), m_publicKeys.at(0)}, SealPurpose::BookingFields, m_context,
                                      "x"_ba)
                     .error(),
                 Error::InvalidKey);
        QCOMPARE(SealedEnvelope::seal({QByteArray(32, '\0')}, SealPurpose::BookingFields, m_context, "x"_ba).error(),
                 Error::InvalidKey);
        QCOMPARE(SealedEnvelope::seal({QByteArray(31, 'k')}, SealPurpose::BookingFields, m_context, "x"_ba).error(),
                 Error::InvalidKey);
        QList<QByteArray> many;
        for (int i = 0; i < SealedEnvelope::MaxRecipients + 1; ++i)
            many.append(EncryptionKeyPair::generate().publicKey());
        QCOMPARE(SealedEnvelope::seal(many, SealPurpose::BookingFields, m_context, "x"_ba).error(), Error::TooLarge);
        many.removeLast();
        const auto maxEnv = SealedEnvelope::seal(many, SealPurpose::BookingFields, m_context, "x"_ba);
        QVERIFY(maxEnv);
        QCOMPARE(SealedEnvelope::recipientKeyIds(*maxEnv)->size(), SealedEnvelope::MaxRecipients);
        QCOMPARE(SealedEnvelope::seal(m_publicKeys, SealPurpose::BookingFields, QByteArray(256, 'c'), "x"_ba).error(),
                 Error::InvalidLength);
        QCOMPARE(SealedEnvelope::seal(m_publicKeys, SealPurpose::BookingFields, m_context,
                                      QByteArray(SealedEnvelope::MaxPayloadSize + 1, 'x'))
                     .error(),
                 Error::TooLarge);
    }

    void freshContentKeyEachTime()
    {
        const QByteArray a =
            SealedEnvelope::seal(m_publicKeys.first(1), SealPurpose::BookingFields, m_context, "same"_ba).value();
        const QByteArray b =
            SealedEnvelope::seal(m_publicKeys.first(1), SealPurpose::BookingFields, m_context, "same"_ba).value();
        QVERIFY(a.mid(19, 80) != b.mid(19, 80));
        QVERIFY(a.mid(99, 24) != b.mid(99, 24));
    }
};

QTEST_GUILESS_MAIN(TestCryptoSealedEnvelope)
#include "TestCryptoSealedEnvelope.moc"
