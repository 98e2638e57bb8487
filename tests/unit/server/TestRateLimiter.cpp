// The sliding-window limiter, driven by a fake clock.
#include "server-stub/RateLimiter.h"

#include "tests/support/FakeClock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Lotse::Server::RateLimiter;
using Lotse::Tests::FakeClock;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void blocksAfterTheLimitAndReopens()
    {
        FakeClock clock;
        RateLimiter limiter(clock, 3, 60);
        const QString key = u"user:anna"_s;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(limiter.retryAfter(key), 0);
            limiter.record(key);
            clock.advance(10);
        }
        // Events at t=0, 10, 20; now t=30: the oldest leaves the window at t=60.
        QCOMPARE(limiter.retryAfter(key), 30);
        clock.advance(29);
        QCOMPARE(limiter.retryAfter(key), 1);
        clock.advance(1);
        QCOMPARE(limiter.retryAfter(key), 0);
    }

    void keysAreIndependent()
    {
        FakeClock clock;
        RateLimiter limiter(clock, 1, 60);
        limiter.record(u"ip:10.0.0.1"_s);
        QVERIFY(limiter.retryAfter(u"ip:10.0.0.1"_s) > 0);
        QCOMPARE(limiter.retryAfter(u"ip:10.0.0.2"_s), 0);
    }

    void resetForgets()
    {
        FakeClock clock;
        RateLimiter limiter(clock, 2, 60);
        limiter.record(u"k"_s);
        limiter.record(u"k"_s);
        QVERIFY(limiter.retryAfter(u"k"_s) > 0);
        limiter.reset(u"k"_s);
        QCOMPARE(limiter.retryAfter(u"k"_s), 0);
    }

    void hitRecordsOnlyWhenAllowed()
    {
        FakeClock clock;
        RateLimiter limiter(clock, 2, 60);
        QCOMPARE(limiter.hit(u"k"_s), 0);
        QCOMPARE(limiter.hit(u"k"_s), 0);
        QCOMPARE(limiter.hit(u"k"_s), 60);
        clock.advance(30);
        QCOMPARE(limiter.hit(u"k"_s), 30); // refused hits do not extend the wait
        clock.advance(30);
        QCOMPARE(limiter.hit(u"k"_s), 0);
    }

    void clockGoingBackwardsDoesNotLockOut()
    {
        FakeClock clock;
        RateLimiter limiter(clock, 1, 60);
        limiter.record(u"k"_s);
        clock.advance(-3600);
        QCOMPARE(limiter.retryAfter(u"k"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "TestRateLimiter.moc"
