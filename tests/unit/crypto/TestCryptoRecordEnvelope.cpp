#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/Random.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/internal/Primitives.h"

#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// The room record envelope (FORMAT.md section 4), attacked byte by byte.
class TestCryptoRecordEnvelope : public QObject
{
    Q_OBJECT

    SecretBytes m_key = SecretBytes::fromBytes(QByteArray(32, '\x11'));
    RecordContext m_context{"room-1"_ba, 7, QByteArray(16, '\x22'), 42, RecordPurpose::ChatMessage};

    Result<OpenedRecord> openDefault(QByteArrayView envelope) const
    {
        return RecordEnvelope::open(m_key, m_context.roomId, m_context.senderId, m_context.purpose, envelope);
    }

private slots:
    void initTestCase() { QVERIFY(init()); }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << "Guten Tag"_ba;
        QTest::newRow("binary") << randomBytes(1000);
        QTest::newRow("maximum") << QByteArray(RecordEnvelope::MaxPlaintextSize, 'm');
    }

    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        const auto env = RecordEnvelope::seal(m_key, m_context, plaintext);
        QVERIFY(env);
        QCOMPARE(env->size(), RecordEnvelope::HeaderSize + plaintext.size() + RecordEnvelope::TagSize);
        QCOMPARE(env->at(0), char(1));
        const auto header = RecordEnvelope::peek(*env);
        QVERIFY(header);
        QCOMPARE(header->epoch, 7u);
        QCOMPARE(header->sequence, 42u);
        QCOMPARE(header->purpose, RecordPurpose::ChatMessage);
        const auto opened = openDefault(*env);
        QVERIFY(opened);
        QCOMPARE(opened->plaintext, plaintext);
        QCOMPARE(opened->epoch, 7u);
        QCOMPARE(opened->sequence, 42u);
    }

    void nonceIsFreshEachTime()
    {
        const QByteArray a = RecordEnvelope::seal(m_key, m_context, "same"_ba).value();
        const QByteArray b = RecordEnvelope::seal(m_key, m_context, "same"_ba).value();
        QVERIFY(a.mid(14, 24) != b.mid(14, 24));
        QVERIFY(a != b);
    }

    void layoutMatchesFormat()
    {
        const QByteArray nonce = QByteArray(24, '\x33');
        const QByteArray env = Internal::sealRecordWithNonce(m_key, m_context, "hi"_ba, nonce).value();
        QCOMPARE(env.first(14).toHex(), "0101"
                                        "00000007"
                                        "000000000000002a"_ba);
        QCOMPARE(env.mid(14, 24), nonce);
        const QByteArray ad =
            "lotse-record-v1"_ba + env.first(14) + char(6) + "room-1"_ba + char(16) + QByteArray(16, '\x22');
        const auto raw = Internal::aeadDecrypt(m_key.toByteArray(), nonce, ad, env.mid(38));
        QVERIFY(raw);
        QCOMPARE(*raw, "hi"_ba);
    }

    // Every single-bit change is refused; none yields plaintext.
    void everyFlippedBitIsRefused()
    {
        const QByteArray env = RecordEnvelope::seal(m_key, m_context, "flip me, every bit"_ba).value();
        int checked = 0;
        for (qsizetype bit = 0; bit < env.size() * 8; ++bit) {
            const auto opened = openDefault(flipBit(env, bit));
            QVERIFY2(!opened, qPrintable(u"bit %1 accepted"_s.arg(bit)));
            Error expected = Error::AuthenticationFailed;
            if (bit < 8)
                expected = Error::UnsupportedVersion;
            else if (bit < 16)
                expected = Error::WrongPurpose;
            QCOMPARE(opened.error(), expected);
            ++checked;
        }
        QCOMPARE(checked, (RecordEnvelope::HeaderSize + 18 + RecordEnvelope::TagSize) * 8);
    }

    void wrongKey()
    {
        const QByteArray env = RecordEnvelope::seal(m_key, m_context, "x"_ba).value();
        const auto opened = RecordEnvelope::open(SecretBytes::fromBytes(randomBytes(32)), m_context.roomId,
                                                 m_context.senderId, m_context.purpose, env);
        QCOMPARE(opened.error(), Error::AuthenticationFailed);
        QCOMPARE(RecordEnvelope::open(SecretBytes::fromBytes(randomBytes(31)), m_context.roomId, m_context.senderId,
                                      m_context.purpose, env)
                     .error(),
                 Error::InvalidKey);
        QCOMPARE(RecordEnvelope::seal(SecretBytes(), m_context, "x"_ba).error(), Error::InvalidKey);
    }

    // Each associated-data field, changed on the receiving side alone.
    void swappedAssociatedData_data()
    {
        QTest::addColumn<QByteArray>("roomId");
        QTest::addColumn<QByteArray>("senderId");
        QTest::addColumn<int>("purpose");
        QTest::addColumn<QString>("expected");
        const QByteArray sender(16, '\x22');
        QTest::newRow("room id") << "room-2"_ba << sender << 1 << u"AuthenticationFailed"_s;
        QTest::newRow("room id prefix") << "room-"_ba << sender << 1 << u"AuthenticationFailed"_s;
        QTest::newRow("room id extended") << "room-1x"_ba << sender << 1 << u"AuthenticationFailed"_s;
        QTest::newRow("sender") << "room-1"_ba << QByteArray(16, '\x23') << 1 << u"AuthenticationFailed"_s;
        QTest::newRow("sender shorter") << "room-1"_ba << QByteArray(15, '\x22') << 1 << u"AuthenticationFailed"_s;
        QTest::newRow("purpose") << "room-1"_ba << sender << 2 << u"WrongPurpose"_s;
        QTest::newRow("empty room id") << QByteArray() << sender << 1 << u"InvalidLength"_s;
        QTest::newRow("room id of 256 bytes") << QByteArray(256, 'r') << sender << 1 << u"InvalidLength"_s;
        QTest::newRow("empty sender") << "room-1"_ba << QByteArray() << 1 << u"InvalidLength"_s;
    }

    void swappedAssociatedData()
    {
        QFETCH(QByteArray, roomId);
        QFETCH(QByteArray, senderId);
        QFETCH(int, purpose);
        QFETCH(QString, expected);
        const QByteArray env = RecordEnvelope::seal(m_key, m_context, "context matters"_ba).value();
        QCOMPARE(outcome(RecordEnvelope::open(m_key, roomId, senderId, RecordPurpose(purpose), env)), expected);
    }

    // Header fields rewritten in the envelope (epoch and sequence are read from it, so the AEAD
    // must catch the change).
    void rewrittenHeader_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<char>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("purpose byte with matching opener") << 1 << char(2) << u"AuthenticationFailed"_s;
        QTest::newRow("epoch") << 5 << char(8) << u"AuthenticationFailed"_s;
        QTest::newRow("epoch high byte") << 2 << char(1) << u"AuthenticationFailed"_s;
        QTest::newRow("sequence") << 13 << char(43) << u"AuthenticationFailed"_s;
        QTest::newRow("sequence high byte") << 6 << char(1) << u"AuthenticationFailed"_s;
        QTest::newRow("version 0") << 0 << char(0) << u"UnsupportedVersion"_s;
        QTest::newRow("version 2") << 0 << char(2) << u"UnsupportedVersion"_s;
        QTest::newRow("version 255") << 0 << char(255) << u"UnsupportedVersion"_s;
    }

    void rewrittenHeader()
    {
        QFETCH(int, offset);
        QFETCH(char, value);
        QFETCH(QString, expected);
        QByteArray env = RecordEnvelope::seal(m_key, m_context, "header"_ba).value();
        env[offset] = value;
        const RecordPurpose purpose = offset == 1 ? RecordPurpose(value) : m_context.purpose;
        QCOMPARE(outcome(RecordEnvelope::open(m_key, m_context.roomId, m_context.senderId, purpose, env)), expected);
    }

    void malformedLengths()
    {
        const QByteArray env = RecordEnvelope::seal(m_key, m_context, "abc"_ba).value();
        QCOMPARE(openDefault(QByteArray()).error(), Error::InvalidLength);
        for (qsizetype n = 1; n < RecordEnvelope::HeaderSize + RecordEnvelope::TagSize; ++n)
            QCOMPARE(openDefault(env.first(n)).error(), Error::InvalidLength);
        // Cutting plaintext bytes leaves a well-formed length that fails authentication.
        for (qsizetype n = RecordEnvelope::HeaderSize + RecordEnvelope::TagSize; n < env.size(); ++n)
            QCOMPARE(openDefault(env.first(n)).error(), Error::AuthenticationFailed);
        QCOMPARE(openDefault(QByteArray(env + "x"_ba)).error(), Error::AuthenticationFailed);
        QByteArray huge = env;
        huge.resize(RecordEnvelope::HeaderSize + RecordEnvelope::MaxPlaintextSize + RecordEnvelope::TagSize + 1);
        QCOMPARE(openDefault(huge).error(), Error::TooLarge);
        QCOMPARE(RecordEnvelope::seal(m_key, m_context, QByteArray(RecordEnvelope::MaxPlaintextSize + 1, 'x')).error(),
                 Error::TooLarge);
        RecordContext noRoom = m_context;
        noRoom.roomId.clear();
        QCOMPARE(RecordEnvelope::seal(m_key, noRoom, "x"_ba).error(), Error::InvalidLength);
        QCOMPARE(RecordEnvelope::peek(QByteArray("\x02", 1)).error(), Error::UnsupportedVersion);
    }

    void recordMovedToAnotherSequenceFails()
    {
        // Same room, same sender, two records: swapping their headers does not authenticate.
        RecordContext second = m_context;
        second.sequence = 43;
        const QByteArray a = RecordEnvelope::seal(m_key, m_context, "first"_ba).value();
        const QByteArray b = RecordEnvelope::seal(m_key, second, "second"_ba).value();
        const QByteArray spliced = QByteArray(b.first(14) + a.sliced(14));
        QCOMPARE(openDefault(spliced).error(), Error::AuthenticationFailed);
    }
};

QTEST_GUILESS_MAIN(TestCryptoRecordEnvelope)
#include "TestCryptoRecordEnvelope.moc"
