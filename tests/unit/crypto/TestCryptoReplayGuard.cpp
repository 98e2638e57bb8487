#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/ReplayGuard.h"

#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// The receiver's replay window and its use when opening records.
class TestCryptoReplayGuard : public QObject
{
    Q_OBJECT

    static Status take(ReplayGuard &guard, quint64 sequence, quint32 epoch = 1, QByteArrayView sender = "s1")
    {
        const Status s = guard.check(epoch, sender, sequence);
        if (s)
            guard.accept(epoch, sender, sequence);
        return s;
    }

private slots:
    void initTestCase() { QVERIFY(init()); }

    void inOrderAndReplays()
    {
        ReplayGuard guard;
        for (quint64 i = 0; i < 3000; ++i)
            QVERIFY(take(guard, i));
        for (quint64 i = 3000 - ReplayGuard::Window; i < 3000; ++i)
            QCOMPARE(take(guard, i).error(), Error::Replayed);
        QCOMPARE(take(guard, 3000 - ReplayGuard::Window - 1).error(), Error::OutOfOrder);
        QCOMPARE(take(guard, 0).error(), Error::OutOfOrder);
    }

    void lateButNewIsAccepted()
    {
        ReplayGuard guard;
        QVERIFY(take(guard, 10));
        QVERIFY(take(guard, 5));
        QVERIFY(take(guard, 7));
        QCOMPARE(take(guard, 5).error(), Error::Replayed);
        QVERIFY(take(guard, 6));
        QVERIFY(take(guard, 10 + ReplayGuard::Window - 1)); // 10 still inside the window
        QCOMPARE(take(guard, 10).error(), Error::Replayed);
        QVERIFY(take(guard, 10 + ReplayGuard::Window)); // now 10 slides out
        QCOMPARE(take(guard, 10).error(), Error::OutOfOrder);
        QVERIFY(take(guard, 11));
    }

    void bigJumpClearsWindow()
    {
        ReplayGuard guard;
        QVERIFY(take(guard, 1));
        QVERIFY(take(guard, 1'000'000));
        QCOMPARE(take(guard, 1'000'000).error(), Error::Replayed);
        QVERIFY(take(guard, 999'999));
        QCOMPARE(take(guard, 1).error(), Error::OutOfOrder);
        QVERIFY(take(guard, ~quint64(0)));
        QCOMPARE(take(guard, ~quint64(0)).error(), Error::Replayed);
    }

    void sendersAndEpochsAreSeparate()
    {
        ReplayGuard guard;
        QVERIFY(take(guard, 5, 1, "alice"));
        QVERIFY(take(guard, 5, 1, "bob"));
        QVERIFY(take(guard, 5, 2, "alice"));
        QCOMPARE(take(guard, 5, 1, "alice").error(), Error::Replayed);
        guard.forgetEpoch(1);
        QVERIFY(guard.check(1, "alice", 5));
        QCOMPARE(guard.check(2, "alice", 5).error(), Error::Replayed);
    }

    void checkDoesNotRecord()
    {
        ReplayGuard guard;
        QVERIFY(guard.check(1, "s", 3));
        QVERIFY(guard.check(1, "s", 3));
        guard.accept(1, "s", 3);
        QCOMPARE(guard.check(1, "s", 3).error(), Error::Replayed);
    }

    void openWithGuard()
    {
        const SecretBytes key = SecretBytes::fromBytes(QByteArray(32, '\x07'));
        const QByteArray sender(16, 's');
        RecordContext context{"room"_ba, 4, sender, 0, RecordPurpose::ChatMessage};
        const QByteArray first = RecordEnvelope::seal(key, context, "first"_ba).value();
        const QByteArray firstAgain = RecordEnvelope::seal(key, context, "first, resent"_ba).value();
        context.sequence = 1;
        const QByteArray second = RecordEnvelope::seal(key, context, "second"_ba).value();

        ReplayGuard guard;
        auto open = [&](const QByteArray &env) {
            return RecordEnvelope::open(key, "room"_ba, sender, RecordPurpose::ChatMessage, env, guard);
        };
        QCOMPARE(open(first).value().plaintext, "first"_ba);
        QCOMPARE(open(first).error(), Error::Replayed);
        QCOMPARE(open(firstAgain).error(), Error::Replayed); // same sequence, fresh nonce
        QCOMPARE(open(second).value().plaintext, "second"_ba);
        // The purpose is checked before the window (FORMAT.md section 4).
        QCOMPARE(
            RecordEnvelope::open(key, "room"_ba, sender, RecordPurpose::WhiteboardOperation, second, guard).error(),
            Error::WrongPurpose);

        // A forged record with an unused sequence fails authentication and is not remembered.
        QByteArray forged = second;
        forged[13] = 9;
        QCOMPARE(open(forged).error(), Error::AuthenticationFailed);
        QVERIFY(guard.check(4, sender, 9));
    }
};

QTEST_GUILESS_MAIN(TestCryptoReplayGuard)
#include "TestCryptoReplayGuard.moc"
