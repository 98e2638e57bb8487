// The golden .ics fixtures in tests/data/ics, written the way Thunderbird, Google Calendar, Apple
// Calendar and Nextcloud export them, expanded through ImportedCalendars and BusyTimes with exact
// instants: a weekly series with an EXDATE, a moved and a cancelled instance (RECURRENCE-ID); all-day
// and multi-day events; the weeks of Berlin's DST changes; events in New York (whose DST starts three
// weeks before Europe's) and Kolkata; a floating and a UTC event. Every row runs under another
// process zone (TZ), which must never change a result; only the advisor's zone may.
#include "app/BusyTimes.h"
#include "app/ImportedCalendars.h"
#include "models/CalendarMath.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace Lotse::Client;

namespace {

const QTimeZone Berlin(QByteArrayLiteral("Europe/Berlin"));
const QTimeZone NewYork(QByteArrayLiteral("America/New_York"));

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("LOTSE_SOURCE_DIR") + u"/tests/data/ics/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

QString span(const QDateTime &start, const QDateTime &end)
{
    return start.toUTC().toString(u"MM-dd HH:mm"_s) + u'/' + end.toUTC().toString(u"MM-dd HH:mm"_s);
}

// "MM-dd HH:mm/MM-dd HH:mm Summary" in UTC, for compact golden lists.
QStringList describe(const QList<ExternalOccurrence> &occurrences)
{
    QStringList result;
    for (const ExternalOccurrence &o : occurrences)
        result.append(span(o.start, o.end) + u' ' + o.summary);
    return result;
}

QStringList describe(const QList<BusyInterval> &busy)
{
    QStringList result;
    for (const BusyInterval &b : busy)
        result.append(span(b.start, b.end));
    return result;
}

QStringList spansOf(const QList<ExternalOccurrence> &occurrences, bool busyOnly)
{
    QStringList result;
    for (const ExternalOccurrence &o : occurrences) {
        if (o.busy || !busyOnly)
            result.append(span(o.start, o.end));
    }
    return result;
}

} // namespace

class TestIcsFixtures : public QObject
{
    Q_OBJECT

    QByteArray m_savedTz;
    QTemporaryDir m_dir;

    static void setProcessZone(const QByteArray &tz)
    {
        if (tz.isEmpty())
            qunsetenv("TZ");
        else
            qputenv("TZ", tz);
        tzset();
    }

    // Imports one fixture into a fresh store read in `zone`, chosen to count as busy.
    std::unique_ptr<ImportedCalendars> load(const QString &name, const QTimeZone &zone = Berlin)
    {
        auto store = std::make_unique<ImportedCalendars>(m_dir.path() + u'/' + QString::number(++m_counter));
        store->setTimeZone(zone);
        const ImportedCalendars::Result result = store->importData(fixture(name), name);
        if (!result.ok())
            qWarning("%s: %s", qPrintable(name), qPrintable(result.error));
        else if (!store->setCountsAsBusy(result.calendar.id, true))
            qWarning("%s: the busy choice was not kept", qPrintable(name));
        return store;
    }
    int m_counter = 0;

    static void addZoneRows()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::newRow("TZ=Europe/Berlin") << QByteArrayLiteral("Europe/Berlin");
        QTest::newRow("TZ=UTC") << QByteArrayLiteral("UTC");
        QTest::newRow("TZ=America/New_York") << QByteArrayLiteral("America/New_York");
        QTest::newRow("TZ=Asia/Kolkata") << QByteArrayLiteral("Asia/Kolkata");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(Berlin.isValid());
        m_savedTz = qgetenv("TZ");
    }
    void cleanup() { setProcessZone(m_savedTz); }

    void weeklyWithExdateMovedAndCancelled_data() { addZoneRows(); }
    void weeklyWithExdateMovedAndCancelled()
    {
        QFETCH(QByteArray, tz);
        setProcessZone(tz);
        const auto store = load(u"weekly-exceptions.ics"_s);
        QCOMPARE(store->calendars().size(), 1);
        QCOMPARE(store->calendars().first().events, 1);
        QCOMPARE(store->calendars().first().recurring, 1);

        const QDateTime from = utc("2026-02-01T00:00:00Z");
        const QDateTime to = utc("2026-05-01T00:00:00Z");
        // Tuesdays 10:00-11:00 Berlin: 09:00Z in winter, 08:00Z from 31 March. 17 February is an
        // EXDATE, 24 February moved to Thursday 26th 14:00-15:30, 10 March cancelled.
        const QStringList expected{
            u"02-03 09:00/02-03 10:00 Teambesprechung"_s,
            u"02-10 09:00/02-10 10:00 Teambesprechung"_s,
            u"02-26 13:00/02-26 14:30 Teambesprechung (verschoben)"_s,
            u"03-03 09:00/03-03 10:00 Teambesprechung"_s,
            u"03-17 09:00/03-17 10:00 Teambesprechung"_s,
            u"03-24 09:00/03-24 10:00 Teambesprechung"_s,
            u"03-31 08:00/03-31 09:00 Teambesprechung"_s,
            u"04-07 08:00/04-07 09:00 Teambesprechung"_s,
            u"04-14 08:00/04-14 09:00 Teambesprechung"_s,
            u"04-21 08:00/04-21 09:00 Teambesprechung"_s,
        };
        const QList<ExternalOccurrence> occurrences = store->occurrences(from, to);
        QCOMPARE(describe(occurrences), expected);
        for (const ExternalOccurrence &o : occurrences) {
            QVERIFY(o.recurring);
            QVERIFY(!o.allDay);
            QCOMPARE(o.uid, u"5c1f2e1a-8d1b-4a0e-9f62-0b7c5d2a9e31"_s);
        }

        // BusyTimes reads the same file the same way: every occurrence is a busy block.
        const QList<BusyInterval> busy = BusyTimes::expand({fixture(u"weekly-exceptions.ics"_s)}, from, to, Berlin);
        QCOMPARE(describe(busy), spansOf(occurrences, true));
        QCOMPARE(store->busyIntervals(from, to), busy);

        // KCalendarCore's raw expansion still holds the cancelled instance (as a cancelled override);
        // only the readers above drop it.
        const auto raw =
            Lotse::Models::CalendarMath::fromIcs(fixture(u"weekly-exceptions.ics"_s)).occurrences(from, to);
        QCOMPARE(raw.size(), 11);
        QVERIFY(std::any_of(raw.cbegin(), raw.cend(),
                            [](const auto &o) { return o.start.toUTC() == utc("2026-03-10T09:00:00Z"); }));
    }

    void allDayAndMultiDay_data() { addZoneRows(); }
    void allDayAndMultiDay()
    {
        QFETCH(QByteArray, tz);
        setProcessZone(tz);
        const auto store = load(u"allday-multiday.ics"_s);
        QCOMPARE(store->calendars().first().name, u"Anna privat"_s); // X-WR-CALNAME
        QCOMPARE(store->calendars().first().events, 4);
        QCOMPARE(store->calendars().first().recurring, 0);

        const QDateTime from = utc("2026-04-27T00:00:00Z");
        const QDateTime to = utc("2026-05-25T00:00:00Z");
        const QList<ExternalOccurrence> occurrences = store->occurrences(from, to);
        // All-day days are Berlin's days (22:00Z the evening before in summer time); DTEND of an
        // all-day event is exclusive, so the holiday lasts Monday to Friday.
        QCOMPARE(describe(occurrences), (QStringList{
                                            u"04-30 22:00/05-01 22:00 Tag der Arbeit"_s,
                                            u"05-05 22:00/05-06 22:00 Fortbildung Aufenthaltsrecht"_s,
                                            u"05-10 22:00/05-15 22:00 Urlaub"_s,
                                            u"05-20 11:00/05-22 10:30 Fachtagung Migrationsberatung"_s,
                                        }));
        QCOMPARE(occurrences.at(0).allDay, true);
        QCOMPARE(occurrences.at(2).allDay, true);
        QCOMPARE(occurrences.at(3).allDay, false);
        QCOMPARE(occurrences.at(0).busy, false); // TRANSP:TRANSPARENT

        const QList<BusyInterval> busy = BusyTimes::expand({fixture(u"allday-multiday.ics"_s)}, from, to, Berlin);
        QCOMPARE(describe(busy), (QStringList{u"05-05 22:00/05-06 22:00"_s, u"05-10 22:00/05-15 22:00"_s,
                                              u"05-20 11:00/05-22 10:30"_s}));
        QCOMPARE(store->busyIntervals(from, to), busy);

        // The conference seen from its middle day only: it started before the range and still counts.
        const QDateTime thursday = utc("2026-05-20T22:00:00Z");
        QCOMPARE(describe(store->busyIntervals(thursday, thursday.addDays(1))),
                 QStringList{u"05-20 22:00/05-21 22:00"_s});
    }

    void berlinSpringChangeWeek_data() { addZoneRows(); }
    void berlinSpringChangeWeek()
    {
        QFETCH(QByteArray, tz);
        setProcessZone(tz);
        const auto store = load(u"berlin-dst-weeks.ics"_s);
        const QDateTime from = utc("2026-03-23T00:00:00Z");
        const QDateTime to = utc("2026-04-06T00:00:00Z");
        const QList<ExternalOccurrence> occurrences = store->occurrences(from, to);
        // Daily 08:00-09:00 Berlin: 07:00Z until Saturday 28 March, 06:00Z from Sunday 29th. The
        // night 22:00-06:00 across the change is seven hours long.
        QCOMPARE(describe(occurrences), (QStringList{
                                            u"03-26 07:00/03-26 08:00 Frühdienst Telefonhotline"_s,
                                            u"03-27 07:00/03-27 08:00 Frühdienst Telefonhotline"_s,
                                            u"03-28 07:00/03-28 08:00 Frühdienst Telefonhotline"_s,
                                            u"03-28 21:00/03-29 04:00 Nachtbereitschaft (Zeitumstellung)"_s,
                                            u"03-29 06:00/03-29 07:00 Frühdienst Telefonhotline"_s,
                                            u"03-30 06:00/03-30 07:00 Frühdienst Telefonhotline"_s,
                                            u"03-31 06:00/03-31 07:00 Frühdienst Telefonhotline"_s,
                                        }));
        for (const ExternalOccurrence &o : occurrences) {
            if (o.recurring)
                QCOMPARE(o.start.toTimeZone(Berlin).time(), QTime(8, 0));
        }
        QCOMPARE(occurrences.at(3).start.secsTo(occurrences.at(3).end), 7 * 3600);
        QCOMPARE(describe(BusyTimes::expand({fixture(u"berlin-dst-weeks.ics"_s)}, from, to, Berlin)),
                 spansOf(occurrences, true));
    }

    void berlinAutumnChangeWeek_data() { addZoneRows(); }
    void berlinAutumnChangeWeek()
    {
        QFETCH(QByteArray, tz);
        setProcessZone(tz);
        const auto store = load(u"berlin-dst-weeks.ics"_s);
        const QDateTime from = utc("2026-10-12T00:00:00Z");
        const QDateTime to = utc("2026-11-09T00:00:00Z");
        const QList<ExternalOccurrence> occurrences = store->occurrences(from, to);
        // Sundays 10:00-12:00 Berlin: 08:00Z in summer time, 09:00Z from Sunday 25 October (the
        // change day itself). The night 22:00-06:00 into the change is nine hours long.
        QCOMPARE(describe(occurrences), (QStringList{
                                            u"10-18 08:00/10-18 10:00 Wochenend-Chat"_s,
                                            u"10-24 20:00/10-25 05:00 Nachtbereitschaft (Winterzeit)"_s,
                                            u"10-25 09:00/10-25 11:00 Wochenend-Chat"_s,
                                            u"11-01 09:00/11-01 11:00 Wochenend-Chat"_s,
                                        }));
        QCOMPARE(occurrences.at(1).start.secsTo(occurrences.at(1).end), 9 * 3600);
        const QList<BusyInterval> busy = BusyTimes::expand({fixture(u"berlin-dst-weeks.ics"_s)}, from, to, Berlin);
        QCOMPARE(describe(busy), spansOf(occurrences, true));
    }

    void otherZones_data() { addZoneRows(); }
    void otherZones()
    {
        QFETCH(QByteArray, tz);
        setProcessZone(tz);
        const auto store = load(u"other-zones.ics"_s);
        const QDateTime from = utc("2026-03-01T00:00:00Z");
        const QDateTime to = utc("2026-04-01T00:00:00Z");
        const QList<ExternalOccurrence> occurrences = store->occurrences(from, to);
        // 09:00 in New York is 14:00Z in EST and 13:00Z from 8 March (EDT), while Berlin still keeps
        // winter time: 15:00, then 14:00 on the advisor's clock. Kolkata is +05:30 all year.
        QCOMPARE(describe(occurrences), (QStringList{
                                            u"03-03 14:00/03-03 14:45 Abstimmung Partnerbüro New York"_s,
                                            u"03-10 13:00/03-10 13:45 Abstimmung Partnerbüro New York"_s,
                                            u"03-11 10:00/03-11 11:30 Webinar Arbeitsmarkt Indien"_s,
                                            u"03-17 13:00/03-17 13:45 Abstimmung Partnerbüro New York"_s,
                                            u"03-24 13:00/03-24 13:45 Abstimmung Partnerbüro New York"_s,
                                        }));
        QCOMPARE(occurrences.at(0).start.toTimeZone(Berlin).time(), QTime(15, 0));
        QCOMPARE(occurrences.at(1).start.toTimeZone(Berlin).time(), QTime(14, 0));
        QCOMPARE(describe(BusyTimes::expand({fixture(u"other-zones.ics"_s)}, from, to, Berlin)),
                 spansOf(occurrences, true));
    }

    void floatingFollowsTheAdvisorUtcDoesNot_data()
    {
        QTest::addColumn<QByteArray>("tz");
        QTest::addColumn<QByteArray>("advisorZone");
        QTest::addColumn<QStringList>("expected");
        const QStringList inBerlin{u"04-15 07:00/04-15 08:00 Sprechstunde (ohne Zeitzone)"_s,
                                   u"04-15 12:00/04-15 13:00 Wartung Terminserver"_s};
        const QStringList inNewYork{u"04-15 12:00/04-15 13:00 Wartung Terminserver"_s,
                                    u"04-15 13:00/04-15 14:00 Sprechstunde (ohne Zeitzone)"_s};
        QTest::newRow("Berlin advisor, TZ=UTC")
            << QByteArrayLiteral("UTC") << QByteArrayLiteral("Europe/Berlin") << inBerlin;
        QTest::newRow("Berlin advisor, TZ=America/New_York")
            << QByteArrayLiteral("America/New_York") << QByteArrayLiteral("Europe/Berlin") << inBerlin;
        QTest::newRow("New York advisor, TZ=Europe/Berlin")
            << QByteArrayLiteral("Europe/Berlin") << QByteArrayLiteral("America/New_York") << inNewYork;
    }
    void floatingFollowsTheAdvisorUtcDoesNot()
    {
        QFETCH(QByteArray, tz);
        QFETCH(QByteArray, advisorZone);
        QFETCH(QStringList, expected);
        setProcessZone(tz);
        const QTimeZone zone(advisorZone);
        const auto store = load(u"floating-utc.ics"_s, zone);
        const QDateTime from = utc("2026-04-14T00:00:00Z");
        const QDateTime to = utc("2026-04-17T00:00:00Z");
        QCOMPARE(describe(store->occurrences(from, to)), expected);
        // For the New York advisor the two hours touch and become one busy block.
        const QList<BusyInterval> busy = BusyTimes::expand({fixture(u"floating-utc.ics"_s)}, from, to, zone);
        QCOMPARE(busy.size(), zone == Berlin ? 2 : 1);
        QCOMPARE(store->busyIntervals(from, to), busy);
    }

    void outlookWindowsZoneName()
    {
        setProcessZone("America/New_York");
        // Outlook names its zones the Windows way ("W. Europe Standard Time").
        const auto store = load(u"outlook-windows-zone.ics"_s);
        QCOMPARE(describe(store->occurrences(utc("2026-03-30T00:00:00Z"), utc("2026-04-03T00:00:00Z"))),
                 QStringList{u"03-31 08:00/03-31 09:00 Klausur Jahresplanung"_s});
    }
};

QTEST_GUILESS_MAIN(TestIcsFixtures)
#include "TestIcsFixtures.moc"
