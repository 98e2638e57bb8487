// Golden slot lists from the slot engine: weekly wall-clock hours in the advisor's zone across the
// Europe/Berlin DST weeks (end of March and October 2026), the spring gap and the autumn overlap,
// an advisor in New York, absences, holidays in the organisation's zone, buffers against bookings
// and busy blocks, minimum notice with an injected now, the horizon, the slot step, onsite
// locations and the "any advisor" merge. Every test runs under several process time zones: the
// machine's TZ must not matter.
#include "models/SlotEngine.h"

#include <QDateTime>
#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace Lotse::Models;

namespace {

const QString onsiteLocation = u"0b9d9c6e-7b55-4b83-a9a4-3f0c2ab7e001"_s;
const QString otherLocation = u"0b9d9c6e-7b55-4b83-a9a4-3f0c2ab7e002"_s;

qint64 utc(const QString &text) // "2026-03-27T08:00"
{
    const QDateTime time = QDateTime::fromString(text + u":00Z"_s, Qt::ISODate);
    Q_ASSERT(time.isValid());
    return time.toSecsSinceEpoch();
}

QString show(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm"_s);
}

QStringList starts(const QList<Slot> &list)
{
    QStringList result;
    for (const Slot &slot : list)
        result.append(show(slot.start));
    return result;
}

DayRange range(const QString &start, const QString &end)
{
    return {AvailabilityFormat::parseClock(start), AvailabilityFormat::parseClock(end)};
}

Availability rules(const QString &zone, int duration, int step, AppointmentType type = AppointmentType::Video)
{
    Availability a;
    a.timeZone = zone;
    a.types = {{type, duration, type == AppointmentType::Onsite ? QStringList{onsiteLocation} : QStringList()}};
    a.slotStepMinutes = step;
    a.horizonDays = 365;
    return a;
}

void everyDay(Availability &a, const DayRange &r)
{
    for (auto &day : a.weekly)
        day = {r};
}

OrganisationCalendar berlinOrg()
{
    return {QTimeZone("Europe/Berlin"), {}, {onsiteLocation}};
}

SlotRequest request(const QString &from, const QString &to, const QString &now = u"2026-01-01T00:00"_s)
{
    return {AppointmentType::Video, utc(from), utc(to), utc(now), {}};
}

QList<Slot> slotsOf(const Availability &a, const SlotRequest &r, const QList<TimeInterval> &busy = {},
                    const QList<TimeInterval> &bookings = {}, const OrganisationCalendar &org = berlinOrg())
{
    return SlotEngine::freeSlots({u"anna"_s, a, busy, bookings}, org, r);
}

} // namespace

class TestSlotEngine : public QObject
{
    Q_OBJECT

    QByteArray m_savedTz;

    static void setProcessTimeZone(const QByteArray &tz)
    {
        if (tz.isEmpty())
            qunsetenv("TZ");
        else
            qputenv("TZ", tz);
        tzset();
    }

private slots:
    void initTestCase() { m_savedTz = qgetenv("TZ"); }
    void cleanup() { setProcessTimeZone(m_savedTz); }

    // Each golden case below runs once per process zone.
    void init()
    {
        static const QList<QByteArray> zones = {"Europe/Berlin", "Pacific/Auckland", "America/New_York", "UTC"};
        static int next = 0;
        setProcessTimeZone(zones.at(next++ % zones.size()));
    }

    void weeklyHoursAndStep()
    {
        Availability a = rules(u"Europe/Berlin"_s, 45, 15);
        a.weekly[0] = {range(u"09:00"_s, u"12:00"_s), range(u"13:00"_s, u"14:00"_s)};
        // Monday 23 November 2026 (CET, UTC+1); the Tuesday has no hours.
        const auto found = slotsOf(a, request(u"2026-11-23T00:00"_s, u"2026-11-25T00:00"_s));
        QCOMPARE(starts(found), (QStringList{u"2026-11-23T08:00"_s, u"2026-11-23T08:15"_s, u"2026-11-23T08:30"_s,
                                             u"2026-11-23T08:45"_s, u"2026-11-23T09:00"_s, u"2026-11-23T09:15"_s,
                                             u"2026-11-23T09:30"_s, u"2026-11-23T09:45"_s, u"2026-11-23T10:00"_s,
                                             u"2026-11-23T10:15"_s, u"2026-11-23T12:00"_s, u"2026-11-23T12:15"_s}));
        QCOMPARE(found.first().end - found.first().start, 45 * 60);
        QCOMPARE(found.first().advisorIds, QStringList{u"anna"_s});
    }

    void slotStep_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("10") << 10
                            << QStringList{u"2026-11-23T08:00"_s, u"2026-11-23T08:10"_s, u"2026-11-23T08:20"_s,
                                           u"2026-11-23T08:30"_s};
        QTest::newRow("20") << 20 << QStringList{u"2026-11-23T08:00"_s, u"2026-11-23T08:20"_s};
        QTest::newRow("60") << 60 << QStringList{u"2026-11-23T08:00"_s};
    }

    void slotStep()
    {
        QFETCH(int, step);
        QFETCH(QStringList, expected);
        Availability a = rules(u"Europe/Berlin"_s, 30, step);
        a.weekly[0] = {range(u"09:00"_s, u"10:00"_s)};
        QCOMPARE(starts(slotsOf(a, request(u"2026-11-23T00:00"_s, u"2026-11-24T00:00"_s))), expected);
    }

    void queryWindowIsHalfOpen()
    {
        Availability a = rules(u"Europe/Berlin"_s, 30, 30);
        a.weekly[0] = {range(u"09:00"_s, u"11:00"_s)};
        QCOMPARE(starts(slotsOf(a, request(u"2026-11-23T08:30"_s, u"2026-11-23T09:30"_s))),
                 (QStringList{u"2026-11-23T08:30"_s, u"2026-11-23T09:00"_s}));
        // A type the advisor does not offer has no slots.
        SlotRequest phone = request(u"2026-11-23T00:00"_s, u"2026-11-24T00:00"_s);
        phone.type = AppointmentType::Phone;
        QVERIFY(slotsOf(a, phone).isEmpty());
    }

    // 09:00 stays 09:00 in Berlin across both changes: 08:00Z before, 07:00Z after in spring;
    // 07:00Z before, 08:00Z after in autumn.
    void berlinDstWeeks_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("spring") << u"2026-03-27T00:00"_s << u"2026-04-01T00:00"_s
                                << QStringList{u"2026-03-27T08:00"_s, u"2026-03-28T08:00"_s, u"2026-03-29T07:00"_s,
                                               u"2026-03-30T07:00"_s, u"2026-03-31T07:00"_s};
        QTest::newRow("autumn") << u"2026-10-23T00:00"_s << u"2026-10-28T00:00"_s
                                << QStringList{u"2026-10-23T07:00"_s, u"2026-10-24T07:00"_s, u"2026-10-25T08:00"_s,
                                               u"2026-10-26T08:00"_s, u"2026-10-27T08:00"_s};
    }

    void berlinDstWeeks()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, expected);
        Availability a = rules(u"Europe/Berlin"_s, 60, 15);
        everyDay(a, range(u"09:00"_s, u"10:00"_s));
        QCOMPARE(starts(slotsOf(a, request(from, to))), expected);
    }

    // Sunday 29 March 2026: 02:00-03:00 does not exist. A 01:00-04:00 range is two real hours.
    void springGapHasNoSlots()
    {
        Availability a = rules(u"Europe/Berlin"_s, 30, 30);
        a.weekly[6] = {range(u"01:00"_s, u"04:00"_s)};
        QCOMPARE(
            starts(slotsOf(a, request(u"2026-03-28T00:00"_s, u"2026-03-30T00:00"_s))),
            (QStringList{u"2026-03-29T00:00"_s, u"2026-03-29T00:30"_s, u"2026-03-29T01:00"_s, u"2026-03-29T01:30"_s}));
        // A range starting inside the gap starts at the jump (03:00 CEST = 01:00Z).
        a.weekly[6] = {range(u"02:30"_s, u"05:00"_s)};
        a.types[0].durationMinutes = 60;
        a.slotStepMinutes = 60;
        QCOMPARE(starts(slotsOf(a, request(u"2026-03-28T00:00"_s, u"2026-03-30T00:00"_s))),
                 (QStringList{u"2026-03-29T01:00"_s, u"2026-03-29T02:00"_s}));
    }

    // Sunday 25 October 2026: 02:00-03:00 happens twice. A 01:00-04:00 range is four real hours and
    // offers both occurrences; a range ending at 02:30 ends at its first occurrence.
    void autumnOverlapOffersBothOccurrences()
    {
        Availability a = rules(u"Europe/Berlin"_s, 30, 30);
        a.weekly[6] = {range(u"01:00"_s, u"04:00"_s)};
        QCOMPARE(
            starts(slotsOf(a, request(u"2026-10-24T00:00"_s, u"2026-10-26T00:00"_s))),
            (QStringList{u"2026-10-24T23:00"_s, u"2026-10-24T23:30"_s, u"2026-10-25T00:00"_s, u"2026-10-25T00:30"_s,
                         u"2026-10-25T01:00"_s, u"2026-10-25T01:30"_s, u"2026-10-25T02:00"_s, u"2026-10-25T02:30"_s}));
        a.weekly[6] = {range(u"00:00"_s, u"02:30"_s)};
        QCOMPARE(starts(slotsOf(a, request(u"2026-10-24T00:00"_s, u"2026-10-26T00:00"_s))),
                 (QStringList{u"2026-10-24T22:00"_s, u"2026-10-24T22:30"_s, u"2026-10-24T23:00"_s,
                              u"2026-10-24T23:30"_s, u"2026-10-25T00:00"_s}));
    }

    void localToUtcChoices()
    {
        const QTimeZone berlin("Europe/Berlin");
        QCOMPARE(show(SlotEngine::localToUtc(QDate(2026, 3, 29), 150, berlin)), u"2026-03-29T01:00"_s);  // gap
        QCOMPARE(show(SlotEngine::localToUtc(QDate(2026, 10, 25), 150, berlin)), u"2026-10-25T00:30"_s); // first
        QCOMPARE(show(SlotEngine::localToUtc(QDate(2026, 10, 25), 200, berlin)), u"2026-10-25T02:20"_s);
        QCOMPARE(show(SlotEngine::localToUtc(QDate(2026, 7, 1), 540, berlin)), u"2026-07-01T07:00"_s);
        QCOMPARE(show(SlotEngine::localToUtc(QDate(2026, 7, 1), 540, QTimeZone("Asia/Kolkata"))),
                 u"2026-07-01T03:30"_s);
    }

    // New York changes on 8 March 2026, three weeks before Berlin; Berlin holidays still count in
    // Berlin's days.
    void advisorInAnotherZone()
    {
        Availability a = rules(u"America/New_York"_s, 60, 60);
        for (int day = 0; day < 5; ++day)
            a.weekly[size_t(day)] = {range(u"09:00"_s, u"10:00"_s), range(u"18:00"_s, u"20:00"_s)};
        OrganisationCalendar org = berlinOrg();
        QCOMPARE(
            starts(slotsOf(a, request(u"2026-03-06T00:00"_s, u"2026-03-10T00:00"_s), {}, {}, org)),
            (QStringList{u"2026-03-06T00:00"_s, u"2026-03-06T14:00"_s, u"2026-03-06T23:00"_s, u"2026-03-07T00:00"_s,
                         u"2026-03-09T13:00"_s, u"2026-03-09T22:00"_s, u"2026-03-09T23:00"_s}));
        // Tuesday 10 March is a holiday in Berlin: 2026-03-09T23:00Z to 2026-03-10T23:00Z.
        org.holidays = {QDate(2026, 3, 10)};
        QCOMPARE(starts(slotsOf(a, request(u"2026-03-09T00:00"_s, u"2026-03-12T00:00"_s), {}, {}, org)),
                 (QStringList{u"2026-03-09T13:00"_s, u"2026-03-09T22:00"_s, u"2026-03-10T23:00"_s,
                              u"2026-03-11T13:00"_s, u"2026-03-11T22:00"_s, u"2026-03-11T23:00"_s}));
    }

    void absencesAreWallClock()
    {
        Availability a = rules(u"Europe/Berlin"_s, 60, 60);
        for (int day = 0; day < 5; ++day)
            a.weekly[size_t(day)] = {range(u"09:00"_s, u"12:00"_s)};
        a.absences = {{{QDate(2026, 11, 24), 10 * 60}, {QDate(2026, 11, 25), 11 * 60}, u"Fortbildung"_s}};
        QCOMPARE(starts(slotsOf(a, request(u"2026-11-23T00:00"_s, u"2026-11-26T00:00"_s))),
                 (QStringList{u"2026-11-23T08:00"_s, u"2026-11-23T09:00"_s, u"2026-11-23T10:00"_s,
                              u"2026-11-24T08:00"_s, u"2026-11-25T10:00"_s}));
    }

    void holidaysCloseWholeDays()
    {
        Availability a = rules(u"Europe/Berlin"_s, 60, 60);
        everyDay(a, range(u"00:00"_s, u"02:00"_s));
        OrganisationCalendar org = berlinOrg();
        org.holidays = {QDate(2026, 12, 25)};
        QCOMPARE(
            starts(slotsOf(a, request(u"2026-12-24T00:00"_s, u"2026-12-27T00:00"_s), {}, {}, org)),
            (QStringList{u"2026-12-24T00:00"_s, u"2026-12-25T23:00"_s, u"2026-12-26T00:00"_s, u"2026-12-26T23:00"_s}));
    }

    void bookingsKeepBuffers_data()
    {
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::addColumn<QStringList>("expected");
        // Booking 10:00-10:45 local (09:00Z-09:45Z); 45-minute slots every 15 minutes, 09:00-13:00.
        QTest::newRow("none") << 0 << 0
                              << QStringList{u"2026-11-23T08:00"_s, u"2026-11-23T08:15"_s, u"2026-11-23T09:45"_s,
                                             u"2026-11-23T10:00"_s, u"2026-11-23T10:15"_s, u"2026-11-23T10:30"_s,
                                             u"2026-11-23T10:45"_s, u"2026-11-23T11:00"_s, u"2026-11-23T11:15"_s};
        QTest::newRow("after 15") << 0 << 15
                                  << QStringList{u"2026-11-23T08:00"_s, u"2026-11-23T10:00"_s, u"2026-11-23T10:15"_s,
                                                 u"2026-11-23T10:30"_s, u"2026-11-23T10:45"_s, u"2026-11-23T11:00"_s,
                                                 u"2026-11-23T11:15"_s};
        QTest::newRow("before 30") << 30 << 0
                                   << QStringList{u"2026-11-23T10:15"_s, u"2026-11-23T10:30"_s, u"2026-11-23T10:45"_s,
                                                  u"2026-11-23T11:00"_s, u"2026-11-23T11:15"_s};
    }

    void bookingsKeepBuffers()
    {
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(QStringList, expected);
        Availability a = rules(u"Europe/Berlin"_s, 45, 15);
        a.weekly[0] = {range(u"09:00"_s, u"13:00"_s)};
        a.bufferBeforeMinutes = before;
        a.bufferAfterMinutes = after;
        const QList<TimeInterval> bookings = {{utc(u"2026-11-23T09:00"_s), utc(u"2026-11-23T09:45"_s)}};
        QCOMPARE(starts(slotsOf(a, request(u"2026-11-23T00:00"_s, u"2026-11-24T00:00"_s), {}, bookings)), expected);
    }

    void busyBlocksKeepTheAppointmentsBuffers()
    {
        Availability a = rules(u"Europe/Berlin"_s, 30, 30);
        a.weekly[1] = {range(u"09:00"_s, u"12:00"_s)};
        const QList<TimeInterval> busy = {{utc(u"2026-11-24T08:30"_s), utc(u"2026-11-24T08:45"_s)},
                                          {utc(u"2026-11-24T10:40"_s), utc(u"2026-11-24T12:00"_s)}};
        const SlotRequest r = request(u"2026-11-24T00:00"_s, u"2026-11-25T00:00"_s);
        QCOMPARE(starts(slotsOf(a, r, busy)), (QStringList{u"2026-11-24T08:00"_s, u"2026-11-24T09:00"_s,
                                                           u"2026-11-24T09:30"_s, u"2026-11-24T10:00"_s}));
        a.bufferAfterMinutes = 15;
        QCOMPARE(starts(slotsOf(a, r, busy)), (QStringList{u"2026-11-24T09:00"_s, u"2026-11-24T09:30"_s}));
    }

    void minimumNoticeFromInjectedNow()
    {
        Availability a = rules(u"Europe/Berlin"_s, 30, 30);
        a.weekly[0] = {range(u"09:00"_s, u"12:00"_s)};
        a.minimumNoticeMinutes = 60;
        // Now is 09:10 local: nothing before 10:10, and slots stay on the 30-minute grid.
        QCOMPARE(starts(slotsOf(a, request(u"2026-11-23T00:00"_s, u"2026-11-24T00:00"_s, u"2026-11-23T08:10"_s))),
                 (QStringList{u"2026-11-23T09:30"_s, u"2026-11-23T10:00"_s, u"2026-11-23T10:30"_s}));
        a.minimumNoticeMinutes = 24 * 60;
        QVERIFY(slotsOf(a, request(u"2026-11-23T00:00"_s, u"2026-11-24T00:00"_s, u"2026-11-23T08:10"_s)).isEmpty());
    }

    void horizonEndsTheOffer()
    {
        Availability a = rules(u"Europe/Berlin"_s, 60, 60);
        everyDay(a, range(u"09:00"_s, u"10:00"_s));
        a.horizonDays = 2;
        QCOMPARE(starts(slotsOf(a, request(u"2026-11-20T00:00"_s, u"2026-11-30T00:00"_s, u"2026-11-23T00:00"_s))),
                 (QStringList{u"2026-11-23T08:00"_s, u"2026-11-24T08:00"_s}));
    }

    void onsiteLocations()
    {
        Availability a = rules(u"Europe/Berlin"_s, 60, 60, AppointmentType::Onsite);
        a.weekly[0] = {range(u"09:00"_s, u"10:00"_s)};
        SlotRequest r = request(u"2026-11-23T00:00"_s, u"2026-11-24T00:00"_s);
        r.type = AppointmentType::Onsite;
        QCOMPARE(slotsOf(a, r).size(), 1); // any location
        r.locationId = onsiteLocation;
        QCOMPARE(slotsOf(a, r).size(), 1);
        r.locationId = otherLocation;
        QVERIFY(slotsOf(a, r).isEmpty());
        // An archived location is no longer offered.
        OrganisationCalendar org = berlinOrg();
        org.activeLocationIds = {otherLocation};
        r.locationId.clear();
        QVERIFY(slotsOf(a, r, {}, {}, org).isEmpty());
    }

    void anyAdvisorMerge()
    {
        Availability anna = rules(u"Europe/Berlin"_s, 60, 60);
        anna.weekly[0] = {range(u"09:00"_s, u"11:00"_s)};
        Availability ben = rules(u"Europe/Berlin"_s, 60, 60);
        ben.weekly[0] = {range(u"10:00"_s, u"12:00"_s)};
        const SlotRequest r = request(u"2026-11-23T00:00"_s, u"2026-11-24T00:00"_s);
        const auto merged = SlotEngine::merge({SlotEngine::freeSlots({u"anna"_s, anna, {}, {}}, berlinOrg(), r),
                                               SlotEngine::freeSlots({u"ben"_s, ben, {}, {}}, berlinOrg(), r)});
        QCOMPARE(starts(merged), (QStringList{u"2026-11-23T08:00"_s, u"2026-11-23T09:00"_s, u"2026-11-23T10:00"_s}));
        QCOMPARE(merged.at(0).advisorIds, QStringList{u"anna"_s});
        QCOMPARE(merged.at(1).advisorIds, (QStringList{u"anna"_s, u"ben"_s}));
        QCOMPARE(merged.at(2).advisorIds, QStringList{u"ben"_s});
        QCOMPARE(merged.at(1).end - merged.at(1).start, 3600);
    }
};

QTEST_GUILESS_MAIN(TestSlotEngine)
#include "TestSlotEngine.moc"
