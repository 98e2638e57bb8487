#include "TestSupport.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/FileStream.h"
#include "crypto/Random.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/SealedEnvelope.h"

#include <QTest>

#include <random>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// Every parser fed with seeded random bytes and with random mutations of valid input: each
// input is refused with an error (or, for a valid input, accepted), never a crash or plaintext
// from a forged envelope.
class TestCryptoRandomInput : public QObject
{
    Q_OBJECT

    std::mt19937 m_rng{20261124};

    QByteArray noise(qsizetype maxSize)
    {
        std::uniform_int_distribution<qsizetype> size(0, maxSize);
        QByteArray out(size(m_rng), Qt::Uninitialized);
        for (char &c : out)
            c = char(m_rng() & 0xff);
        return out;
    }

    // Up to eight random byte changes, insertions or deletions.
    QByteArray mutate(QByteArray bytes)
    {
        const int edits = 1 + int(m_rng() % 8);
        for (int i = 0; i < edits; ++i) {
            const qsizetype at = bytes.isEmpty() ? 0 : qsizetype(m_rng() % quint32(bytes.size()));
            switch (m_rng() % 3) {
            case 0:
                if (!bytes.isEmpty())
                    bytes[at] = char(bytes[at] ^ char(1 + m_rng() % 255));
                break;
            case 1:
                bytes.insert(at, char(m_rng() & 0xff));
                break;
            default:
                if (!bytes.isEmpty())
                    bytes.remove(at, 1);
            }
        }
        return bytes;
    }

private slots:
    void initTestCase() { QVERIFY(init()); }

    void records()
    {
        const SecretBytes key = secret(randomBytes(32));
        const RecordContext context{"room"_ba, 2, QByteArray(16, 's'), 9, RecordPurpose::ChatMessage};
        const QByteArray valid = RecordEnvelope::seal(key, context, "valid record"_ba).value();
        for (int i = 0; i < 3000; ++i) {
            const QByteArray input = i % 2 ? noise(200) : mutate(valid);
            const auto opened = RecordEnvelope::open(key, context.roomId, context.senderId, context.purpose, input);
            if (input == valid)
                QVERIFY(opened);
            else
                QVERIFY2(!opened, input.toHex().constData());
        }
    }

    void sealedEnvelopes()
    {
        const auto me = EncryptionKeyPair::generate();
        const QList<QByteArray> recipients{EncryptionKeyPair::generate().publicKey(), me.publicKey()};
        const QByteArray valid = SealedEnvelope::seal(recipients, SealPurpose::RoomKey, "ctx"_ba, "key"_ba).value();
        for (int i = 0; i < 1500; ++i) {
            const QByteArray input = i % 2 ? noise(400) : mutate(valid);
            const auto opened = SealedEnvelope::open(me, SealPurpose::RoomKey, "ctx"_ba, input);
            if (input == valid)
                QVERIFY(opened);
            else
                QVERIFY(!opened);
            (void)SealedEnvelope::recipientKeyIds(input);
        }
    }

    void fileStreams()
    {
        const SecretBytes key = secret(randomBytes(32));
        const QByteArray valid = encryptFile(key, "f"_ba, randomBytes(3000), 1024).value();
        for (int i = 0; i < 1500; ++i) {
            const QByteArray input = i % 2 ? noise(4000) : mutate(valid);
            const auto opened = decryptFile(key, "f"_ba, input);
            if (input == valid)
                QVERIFY(opened);
            else
                QVERIFY(!opened);
        }
    }

    void canonicalJson()
    {
        const QByteArray valid = R"({"a":[1,-2,"x\u00e9",{"b":null}],"c":true})"_ba;
        int accepted = 0;
        for (int i = 0; i < 5000; ++i) {
            const QByteArray input = i % 2 ? noise(60) : mutate(valid);
            const auto out = CanonicalJson::canonicalize(input);
            if (out) {
                ++accepted;
                // Whatever is accepted canonicalises to a fixed point.
                QCOMPARE(CanonicalJson::canonicalize(*out).value(), *out);
            } else {
                QVERIFY(out.error() == Error::InvalidJson);
            }
        }
        QVERIFY(accepted > 0); // some mutations stay valid JSON
    }

    void base64Url()
    {
        for (int i = 0; i < 5000; ++i) {
            const QByteArray raw = noise(12);
            const QString text = QString::fromLatin1(raw);
            const auto decoded = fromBase64Url(text);
            if (decoded)
                QCOMPARE(toBase64Url(*decoded), text); // only canonical encodings are accepted
        }
    }
};

QTEST_GUILESS_MAIN(TestCryptoRandomInput)
#include "TestCryptoRandomInput.moc"
