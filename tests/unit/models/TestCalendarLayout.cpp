// CalendarLayout: overlapping appointments side by side, the real length of days across the DST
// changes of Europe/Berlin, and appointments split at local midnights. Each test sets the machine's
// TZ, so that neither the machine's zone nor the time of day the test runs at can matter.
#include "models/CalendarLayout.h"

#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace Lotse::Models;
using namespace Lotse::Models::CalendarLayout;

namespace {

const QTimeZone berlin("Europe/Berlin");

QDateTime utc(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QDateTime local(QDate date, QTime time)
{
    return QDateTime(date, time, berlin).toUTC();
}

Item item(const QString &id, int fromMinute, int toMinute)
{
    const QDateTime base = utc(u"2026-03-02T08:00:00"_s);
    return Item{id, base.addSecs(fromMinute * 60), base.addSecs(toMinute * 60)};
}

} // namespace

class TestCalendarLayout : public QObject
{
    Q_OBJECT

    QByteArray m_savedTz;

    static void setMachineZone(const QByteArray &tz)
    {
        qputenv("TZ", tz);
        tzset();
    }

private Q_SLOTS:
    void initTestCase() { m_savedTz = qgetenv("TZ"); }
    void cleanupTestCase()
    {
        if (m_savedTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_savedTz);
        tzset();
    }

    void columns_data()
    {
        QTest::addColumn<QList<Item>>("items");
        QTest::addColumn<QList<Placement>>("expected");
        QTest::addColumn<QByteArray>("machineZone");

        QTest::newRow("none") << QList<Item>{} << QList<Placement>{} << "UTC"_ba;
        QTest::newRow("alone") << QList<Item>{item(u"a"_s, 0, 60)} << QList<Placement>{{u"a"_s, 0, 1}}
                               << "Asia/Tokyo"_ba;
        QTest::newRow("touching is not overlapping")
            << QList<Item>{item(u"a"_s, 0, 60), item(u"b"_s, 60, 120)}
            << QList<Placement>{{u"a"_s, 0, 1}, {u"b"_s, 0, 1}} << "America/New_York"_ba;
        QTest::newRow("two overlap") << QList<Item>{item(u"b"_s, 30, 90), item(u"a"_s, 0, 60)}
                                     << QList<Placement>{{u"b"_s, 1, 2}, {u"a"_s, 0, 2}} << "Europe/Berlin"_ba;
        // a overlaps b and c, which do not overlap each other: c reuses b's column, three items
        // share two columns; d starts after the cluster ends and has the whole width.
        QTest::newRow("column reused, next cluster alone")
            << QList<Item>{item(u"a"_s, 0, 120), item(u"b"_s, 0, 60), item(u"c"_s, 60, 110), item(u"d"_s, 120, 150)}
            << QList<Placement>{{u"a"_s, 0, 2}, {u"b"_s, 1, 2}, {u"c"_s, 1, 2}, {u"d"_s, 0, 1}} << "UTC"_ba;
        // A chain: a-b overlap, b-c overlap, a and c do not; all three form one cluster.
        QTest::newRow("chain") << QList<Item>{item(u"a"_s, 0, 60), item(u"b"_s, 45, 105), item(u"c"_s, 90, 150)}
                               << QList<Placement>{{u"a"_s, 0, 2}, {u"b"_s, 1, 2}, {u"c"_s, 0, 2}} << "Asia/Kolkata"_ba;
        QTest::newRow("three at once") << QList<Item>{item(u"a"_s, 0, 30), item(u"b"_s, 0, 30), item(u"c"_s, 0, 30)}
                                       << QList<Placement>{{u"a"_s, 0, 3}, {u"b"_s, 1, 3}, {u"c"_s, 2, 3}} << "UTC"_ba;
    }

    void columns()
    {
        QFETCH(QList<Item>, items);
        QFETCH(QList<Placement>, expected);
        QFETCH(QByteArray, machineZone);
        setMachineZone(machineZone);
        QCOMPARE(CalendarLayout::columns(items), expected);
    }

    void dayLength_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("hours");
        QTest::addColumn<QByteArray>("machineZone");
        QTest::newRow("spring forward") << QDate(2026, 3, 29) << 23 << "UTC"_ba;
        QTest::newRow("fall back") << QDate(2026, 10, 25) << 25 << "America/New_York"_ba;
        QTest::newRow("ordinary") << QDate(2026, 3, 28) << 24 << "Europe/Berlin"_ba;
    }

    void dayLength()
    {
        QFETCH(QDate, date);
        QFETCH(int, hours);
        QFETCH(QByteArray, machineZone);
        setMachineZone(machineZone);
        const Day d = day(date, berlin);
        QCOMPARE(d.seconds(), qint64(hours) * 3600);
        QCOMPARE(d.start, local(date, QTime(0, 0)));
        QCOMPARE(d.start.offsetFromUtc(), 0);
    }

    // The DST weeks: Monday to Sunday, and the week length is one hour short or long.
    void weekAcrossDst_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QDate>("monday");
        QTest::addColumn<int>("hours");
        QTest::newRow("March") << QDate(2026, 3, 26) << QDate(2026, 3, 23) << 7 * 24 - 1;
        QTest::newRow("October, from Sunday") << QDate(2026, 10, 25) << QDate(2026, 10, 19) << 7 * 24 + 1;
    }

    void weekAcrossDst()
    {
        QFETCH(QDate, date);
        QFETCH(QDate, monday);
        QFETCH(int, hours);
        setMachineZone("Asia/Tokyo");
        const QList<Day> days = week(date, berlin);
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.first().date, monday);
        QCOMPARE(days.last().date, monday.addDays(6));
        for (int i = 1; i < days.size(); ++i)
            QCOMPARE(days.at(i).start, days.at(i - 1).end);
        QCOMPARE(days.first().start.secsTo(days.last().end), qint64(hours) * 3600);
    }

    // On the 23-hour day, 12:00 local is 11 hours in, which is further down than on a 24-hour day.
    void fractionOnShortDay()
    {
        setMachineZone("UTC");
        const Day d = day(QDate(2026, 3, 29), berlin);
        QCOMPARE(d.fraction(local(d.date, QTime(12, 0))), 11.0 / 23.0);
        QCOMPARE(d.fraction(d.start.addSecs(-60)), 0.0);
        QCOMPARE(d.fraction(d.end.addSecs(60)), 1.0);
    }

    void splitByDay_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        QTest::addColumn<QList<QDate>>("dates");
        QTest::addColumn<QByteArray>("machineZone");

        const QDate d(2026, 10, 24);
        QTest::newRow("within a day") << local(d, QTime(9, 0)) << local(d, QTime(10, 0)) << QList<QDate>{d} << "UTC"_ba;
        QTest::newRow("ends at midnight")
            << local(d, QTime(22, 0)) << local(d.addDays(1), QTime(0, 0)) << QList<QDate>{d} << "Asia/Tokyo"_ba;
        QTest::newRow("over the night") << local(d, QTime(22, 0)) << local(d.addDays(1), QTime(1, 0))
                                        << QList<QDate>{d, d.addDays(1)} << "America/New_York"_ba;
        // In UTC this lies within 24 October; in Berlin it crosses midnight.
        QTest::newRow("zone decides") << utc(u"2026-10-24T21:30:00"_s) << utc(u"2026-10-24T22:30:00"_s)
                                      << QList<QDate>{d, d.addDays(1)} << "UTC"_ba;
        QTest::newRow("three days over DST") << local(d, QTime(18, 0)) << local(d.addDays(2), QTime(9, 0))
                                             << QList<QDate>{d, d.addDays(1), d.addDays(2)} << "Europe/Berlin"_ba;
        QTest::newRow("no duration") << local(d, QTime(9, 0)) << local(d, QTime(9, 0)) << QList<QDate>{d} << "UTC"_ba;
    }

    void splitByDay()
    {
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, end);
        QFETCH(QList<QDate>, dates);
        QFETCH(QByteArray, machineZone);
        setMachineZone(machineZone);

        const QList<Piece> pieces = CalendarLayout::splitByDay(start, end, berlin);
        QList<QDate> got;
        for (const Piece &piece : pieces)
            got.append(piece.date);
        QCOMPARE(got, dates);
        QCOMPARE(pieces.first().start, start);
        QCOMPARE(pieces.last().end, end);
        QVERIFY(pieces.first().startsHere);
        QVERIFY(pieces.last().endsHere);
        for (int i = 1; i < pieces.size(); ++i) {
            QCOMPARE(pieces.at(i).start, pieces.at(i - 1).end);
            QCOMPARE(pieces.at(i).start, day(pieces.at(i).date, berlin).start);
            QVERIFY(!pieces.at(i).startsHere);
            QVERIFY(!pieces.at(i - 1).endsHere);
        }
        QCOMPARE(isMultiDay(start, end, berlin), dates.size() > 1);
    }

    // The middle piece of a three-day appointment over the fall-back night covers all 25 hours.
    void middlePieceIsTheWholeDay()
    {
        setMachineZone("UTC");
        const QDate d(2026, 10, 24);
        const QList<Piece> pieces =
            CalendarLayout::splitByDay(local(d, QTime(18, 0)), local(d.addDays(2), QTime(9, 0)), berlin);
        QCOMPARE(pieces.size(), 3);
        QCOMPARE(pieces.at(1).start.secsTo(pieces.at(1).end), qint64(25) * 3600);
    }
};

QTEST_GUILESS_MAIN(TestCalendarLayout)
#include "TestCalendarLayout.moc"
