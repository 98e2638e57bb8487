// Expands a weekly RRULE with an EXDATE across the Europe/Berlin change to summer time
// (Sunday 29 March 2026) from a golden .ics fixture, under several process time zones.

#include "models/CalendarMath.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using Lotse::Models::CalendarMath;
using Lotse::Models::Occurrence;

class TestRecurrence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void weeklyAcrossDst_data();
    void weeklyAcrossDst();
    void rangeIsInclusive();
    void rejectsGarbage();

private:
    static void setProcessTimeZone(const QByteArray &tz);
    static QDateTime utc(int month, int day, int hour, int minute = 0);

    QByteArray m_ics;
    QByteArray m_savedTz;
};

void TestRecurrence::initTestCase()
{
    const QString dir = qEnvironmentVariable("LOTSE_SOURCE_DIR");
    QVERIFY2(!dir.isEmpty(), "LOTSE_SOURCE_DIR is not set (run through ctest)");
    QFile file(dir + QStringLiteral("/tests/data/calendar/weekly-berlin-dst.ics"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    m_ics = file.readAll();
    m_savedTz = qgetenv("TZ");
}

void TestRecurrence::cleanup()
{
    setProcessTimeZone(m_savedTz);
}

void TestRecurrence::setProcessTimeZone(const QByteArray &tz)
{
    if (tz.isEmpty()) {
        qunsetenv("TZ");
    } else {
        qputenv("TZ", tz);
    }
    tzset();
}

QDateTime TestRecurrence::utc(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
}

void TestRecurrence::weeklyAcrossDst_data()
{
    QTest::addColumn<QByteArray>("tz");
    // The machine's zone must not leak into the result: the event carries its own TZID.
    QTest::newRow("Europe/Berlin") << QByteArrayLiteral("Europe/Berlin");
    QTest::newRow("UTC") << QByteArrayLiteral("UTC");
    QTest::newRow("America/New_York") << QByteArrayLiteral("America/New_York"); // its DST starts 8 March
    QTest::newRow("Asia/Kolkata") << QByteArrayLiteral("Asia/Kolkata");
}

void TestRecurrence::weeklyAcrossDst()
{
    QFETCH(QByteArray, tz);
    setProcessTimeZone(tz);

    const CalendarMath math = CalendarMath::fromIcs(m_ics);
    QVERIFY(math.isValid());
    QCOMPARE(math.eventCount(), 1);

    const QList<Occurrence> occurrences = math.occurrences(utc(3, 1, 0), utc(4, 30, 0));

    // Mondays at 09:00 Berlin time: 2, 9, (16 excluded), 23 March in CET (+01:00),
    // 30 March and 6 April in CEST (+02:00) after the change on Sunday 29 March.
    const QList<QDateTime> expectedStarts{utc(3, 2, 8), utc(3, 9, 8), utc(3, 23, 8), utc(3, 30, 7), utc(4, 6, 7)};
    QList<QDateTime> starts;
    for (const Occurrence &occurrence : occurrences) {
        starts.append(occurrence.start.toUTC());
    }
    QCOMPARE(starts, expectedStarts);

    const QTimeZone berlin("Europe/Berlin");
    const QList<int> expectedOffsets{3600, 3600, 3600, 7200, 7200};
    for (qsizetype i = 0; i < occurrences.size(); ++i) {
        const Occurrence &occurrence = occurrences.at(i);
        QCOMPARE(occurrence.uid, QStringLiteral("weekly-consultation-hours@lotse.test"));
        QCOMPARE(occurrence.summary, QStringLiteral("Offene Sprechstunde"));
        const QDateTime local = occurrence.start.toTimeZone(berlin);
        QCOMPARE(local.time(), QTime(9, 0));
        QCOMPARE(local.date().dayOfWeek(), int(Qt::Monday));
        QCOMPARE(local.offsetFromUtc(), expectedOffsets.at(i));
        QCOMPARE(occurrence.start.secsTo(occurrence.end), 50 * 60);
        QCOMPARE(occurrence.end.toTimeZone(berlin).time(), QTime(9, 50));
    }

    // The excluded Monday is missing, not moved.
    for (const QDateTime &start : starts) {
        QVERIFY(start.toTimeZone(berlin).date() != QDate(2026, 3, 16));
    }
}

void TestRecurrence::rangeIsInclusive()
{
    setProcessTimeZone("Europe/Berlin");
    const CalendarMath math = CalendarMath::fromIcs(m_ics);
    QVERIFY(math.isValid());

    // A range that starts on the first instant after the change and ends on the last one.
    const QList<Occurrence> tail = math.occurrences(utc(3, 30, 7), utc(4, 6, 7));
    QCOMPARE(tail.size(), 2);
    QCOMPARE(tail.first().start.toUTC(), utc(3, 30, 7));
    QCOMPARE(tail.last().start.toUTC(), utc(4, 6, 7));

    // The week of the EXDATE alone holds nothing; after COUNT=6 nothing either.
    QVERIFY(math.occurrences(utc(3, 14, 0), utc(3, 20, 0)).isEmpty());
    QVERIFY(math.occurrences(utc(4, 7, 0), utc(12, 31, 0)).isEmpty());
}

void TestRecurrence::rejectsGarbage()
{
    QVERIFY(!CalendarMath::fromIcs(QByteArray()).isValid());
    QVERIFY(!CalendarMath::fromIcs(QByteArrayLiteral("this is not a calendar")).isValid());
    const CalendarMath invalid;
    QVERIFY(invalid.occurrences(utc(1, 1, 0), utc(12, 31, 0)).isEmpty());
}

QTEST_GUILESS_MAIN(TestRecurrence)
#include "TestRecurrence.moc"
