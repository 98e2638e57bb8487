// BusyTimes against golden ICS fixtures (tests/data/calendar/busy-*.ics): recurrences with EXDATE
// and a RECURRENCE-ID override across Berlin's spring change, all-day and multi-day events, an
// event in New York, transparent and cancelled events left out, and overlaps merged. The process
// runs with TZ=Pacific/Auckland (set in CMake) so that the machine's zone can never leak into the
// advisor's Europe/Berlin. The last test uploads the blocks to a real lotse-server and checks
// that the booking page's slots lose exactly the busy hour.
#include "app/BusyTimes.h"
#include "app/ServerClient.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Lotse::Client;
using namespace Lotse::Tests;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("LOTSE_SOURCE_DIR") + u"/tests/data/calendar/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

// "MM-dd HH:mm/MM-dd HH:mm" in UTC, for compact golden lists.
QStringList describe(const QList<BusyInterval> &busy)
{
    QStringList result;
    for (const BusyInterval &b : busy) {
        result.append(b.start.toUTC().toString(u"MM-dd HH:mm"_s) + u'/' + b.end.toUTC().toString(u"MM-dd HH:mm"_s));
    }
    return result;
}

const QTimeZone Berlin(QByteArrayLiteral("Europe/Berlin"));

} // namespace

class TestBusyTimes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCOMPARE(qgetenv("TZ"), QByteArray("Pacific/Auckland"));
        QVERIFY(Berlin.isValid());
    }

    void recurrenceAcrossSpringChange()
    {
        const auto busy = BusyTimes::expand({fixture(u"busy-recurring-dst-spring.ics"_s)}, utc("2026-03-23T00:00:00Z"),
                                            utc("2026-04-06T00:00:00Z"), Berlin);
        // 10:00 Berlin is 09:00Z until Sunday 29 March, 08:00Z after; 25 March is excluded, 26
        // March moved to 14:00-15:30; the transparent (24th) and cancelled (27th, 16:00) events
        // do not count.
        QCOMPARE(describe(busy), (QStringList{
                                     u"03-23 09:00/03-23 10:00"_s,
                                     u"03-24 09:00/03-24 10:00"_s,
                                     u"03-26 13:00/03-26 14:30"_s,
                                     u"03-27 09:00/03-27 10:00"_s,
                                     u"03-28 09:00/03-28 10:00"_s,
                                     u"03-29 08:00/03-29 09:00"_s,
                                     u"03-30 08:00/03-30 09:00"_s,
                                     u"03-31 08:00/03-31 09:00"_s,
                                     u"04-01 08:00/04-01 09:00"_s,
                                 }));
    }

    void allDayMultiDayOtherZoneAutumn()
    {
        const auto busy = BusyTimes::expand({fixture(u"busy-allday-multiday-autumn.ics"_s)},
                                            utc("2026-10-19T00:00:00Z"), utc("2026-11-02T00:00:00Z"), Berlin);
        // Weekly 09:00 Berlin: 07:00Z in summer time, 08:00Z after 25 October (then inside the
        // conference). The day off is Berlin's whole Monday. 09:00 in New York (still summer
        // time there) is 13:00Z and merges with the overlapping 13:30-15:00Z.
        QCOMPARE(describe(busy), (QStringList{
                                     u"10-22 07:00/10-22 07:30"_s,
                                     u"10-25 23:00/10-26 23:00"_s,
                                     u"10-27 13:00/10-27 15:00"_s,
                                     u"10-28 15:00/10-30 09:00"_s,
                                 }));
    }

    void clippedToRangeIncludingRunningOccurrences()
    {
        // The conference began before the range and still counts from its start.
        const auto busy = BusyTimes::expand({fixture(u"busy-allday-multiday-autumn.ics"_s)},
                                            utc("2026-10-29T00:00:00Z"), utc("2026-10-30T08:00:00Z"), Berlin);
        QCOMPARE(describe(busy), (QStringList{u"10-29 00:00/10-30 08:00"_s}));
    }

    void severalCalendarsMergeAndBadDocumentsAreSkipped()
    {
        const auto busy = BusyTimes::expand(
            {fixture(u"busy-recurring-dst-spring.ics"_s), QByteArray("not a calendar"), QByteArray(),
             QByteArray(
                 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@busy.test\r\nDTSTAMP:20260301T120000Z\r\n"
                 "DTSTART:20260323T093000Z\r\nDTEND:20260323T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")},
            utc("2026-03-23T00:00:00Z"), utc("2026-03-24T00:00:00Z"), Berlin);
        QCOMPARE(describe(busy), (QStringList{u"03-23 09:00/03-23 11:00"_s}));
    }

    void mergeJoinsTouchingAndDropsEmpty()
    {
        const auto merged = BusyTimes::merge({
            {utc("2026-01-01T10:00:00Z"), utc("2026-01-01T11:00:00Z")},
            {utc("2026-01-01T09:00:00Z"), utc("2026-01-01T10:00:00Z")},
            {utc("2026-01-01T12:00:00Z"), utc("2026-01-01T12:00:00Z")},
            {utc("2026-01-01T10:30:00Z"), utc("2026-01-01T10:45:00Z")},
        });
        QCOMPARE(describe(merged), (QStringList{u"01-01 09:00/01-01 11:00"_s}));
    }

    void jsonHasTimesOnlyAndSplitsLongBlocks()
    {
        const QJsonObject body = BusyTimes::toJson({{utc("2026-01-01T00:00:00Z"), utc("2026-02-10T00:00:00Z")}},
                                                   utc("2026-01-01T00:00:00Z"), utc("2026-03-01T00:00:00Z"));
        QCOMPARE(body.keys(), (QStringList{u"busy"_s, u"from"_s, u"to"_s}));
        QCOMPARE(body.value("from"_L1).toString(), u"2026-01-01T00:00:00Z"_s);
        const QJsonArray blocks = body.value("busy"_L1).toArray();
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks.at(0).toObject().keys(), (QStringList{u"end"_s, u"start"_s}));
        QCOMPARE(blocks.at(0).toObject().value("end"_L1).toString(), u"2026-02-01T00:00:00Z"_s);
        QCOMPARE(blocks.at(1).toObject().value("start"_L1).toString(), u"2026-02-01T00:00:00Z"_s);
        QCOMPARE(blocks.at(1).toObject().value("end"_L1).toString(), u"2026-02-10T00:00:00Z"_s);
    }

    void uploadedBlocksRemoveSlots()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        // Friday 20 November 2026; the Monday after is 23 November.
        server.setNow(QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(server.createOrg(u"demo"_s, u"Demo"_s));
        QVERIFY(server.createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        TestHttpClient http(server.baseUrl());
        const QString token = http.login(u"anna@demo.example"_s, u"anna password"_s);
        QVERIFY(!token.isEmpty());
        const QByteArray rules =
            R"({"timeZone": "Europe/Berlin", "weekly": {"mon": [{"start": "09:00", "end": "12:00"}]},
            "types": [{"type": "video", "durationMinutes": 60}], "slotStepMinutes": 60, "horizonDays": 60})";
        QCOMPARE(http.send("PUT", u"/api/v1/me/availability"_s, rules,
                           {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}})
                     .status,
                 200);
        const QString slotsPath =
            u"/api/v1/public/orgs/demo/slots?type=video&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z"_s;
        QCOMPARE(http.get(slotsPath).json().value("slots"_L1).toArray().size(), 3);

        const QDateTime from = utc("2026-11-23T00:00:00Z");
        const QDateTime to = utc("2026-11-30T00:00:00Z");
        const auto busy = BusyTimes::expand({fixture(u"busy-monday-slots.ics"_s)}, from, to, Berlin);
        QCOMPARE(describe(busy), (QStringList{u"11-23 09:30/11-23 10:00"_s}));

        ServerClient client;
        client.setBaseUrl(server.baseUrl());
        client.setToken(token);
        bool finished = false;
        ApiError result;
        BusyTimes::upload(client, busy, from, to, [&](const ApiError &error) {
            result = error;
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
        QCOMPARE(result.kind, ApiError::Kind::None);

        // 09:00-12:00 Berlin is 08:00-11:00Z; the dentist (10:30-11:00 Berlin) takes the 09:00Z
        // slot, the transparent lunch note takes nothing.
        QStringList starts;
        for (const QJsonValue &slot : http.get(slotsPath).json().value("slots"_L1).toArray()) {
            starts.append(slot.toObject().value("start"_L1).toString());
        }
        QCOMPARE(starts, (QStringList{u"2026-11-23T08:00:00Z"_s, u"2026-11-23T10:00:00Z"_s}));
    }
};

QTEST_GUILESS_MAIN(TestBusyTimes)
#include "TestBusyTimes.moc"
