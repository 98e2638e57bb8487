// SlotService over a real store with an injected bookings source: bookings count as busy time
// (with the advisor's buffers), a booking being moved does not block itself, isFree() accepts
// only offered starts, nearest() picks the closest free slots, pickAdvisor() the least loaded
// free advisor, and another organisation's rules never leak in.
#include "server-stub/AvailabilityStore.h"
#include "server-stub/SlotService.h"
#include "server-stub/Store.h"

#include "tests/support/FakeClock.h"
#include "tests/support/TempDir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Server;

namespace {

qint64 utc(const QString &text) // "2026-11-23T08:00"
{
    return QDateTime::fromString(text + u":00Z"_s, Qt::ISODate).toSecsSinceEpoch();
}

QStringList startsOf(const QList<Models::Slot> &list)
{
    QStringList result;
    for (const Models::Slot &slot : list)
        result.append(QDateTime::fromSecsSinceEpoch(slot.start, QTimeZone::utc()).toString(u"dd'@'HH:mm"_s));
    return result;
}

// Monday 09:00-12:00 Berlin (08:00-11:00Z), 60-minute video slots every 60 minutes.
QByteArray mondayRules(int bufferAfter = 0)
{
    QJsonObject rules = QJsonDocument::fromJson(R"({"timeZone": "Europe/Berlin",
        "weekly": {"mon": [{"start": "09:00", "end": "12:00"}]},
        "types": [{"type": "video", "durationMinutes": 60}], "slotStepMinutes": 60})")
                            .object();
    rules.insert(u"bufferAfterMinutes"_s, bufferAfter);
    return QJsonDocument(rules).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSlotService : public QObject
{
    Q_OBJECT

    Tests::TempDir m_dir;
    Store m_store;
    Tests::FakeClock m_clock{QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc())};
    QString m_org;
    QString m_otherOrg;
    QString m_anna;
    QString m_ben;
    QList<BookedInterval> m_bookings;
    QStringList m_askedExcept;

    BookedIntervalsSource source()
    {
        return [this](const QString &organisationId, qint64 from, qint64 to, const QString &exceptBookingId) {
            m_askedExcept.append(exceptBookingId);
            QList<BookedInterval> result;
            if (organisationId != m_org)
                return result;
            for (const BookedInterval &b : std::as_const(m_bookings)) {
                // The test's bookings carry their id in the advisor id's place after a '#'.
                const QStringList parts = b.advisorId.split(u'#');
                if (b.start < to && b.end > from && parts.value(1) != exceptBookingId)
                    result.append({parts.at(0), b.start, b.end});
            }
            return result;
        };
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_store.open(m_dir.filePath(u"db.sqlite"_s)));
        QVERIFY(m_store.migrate());
        QCOMPARE(m_store.createOrganisation(u"demo"_s, u"Demo"_s, 0, &m_org), StoreResult::Ok);
        QCOMPARE(m_store.createOrganisation(u"other"_s, u"Other"_s, 0, &m_otherOrg), StoreResult::Ok);
        QCOMPARE(m_store.createAdvisor(m_org, u"anna@demo.example"_s, u"Anna"_s, "x", 0, &m_anna), StoreResult::Ok);
        QCOMPARE(m_store.createAdvisor(m_org, u"ben@demo.example"_s, u"Ben"_s, "x", 0, &m_ben), StoreResult::Ok);
        QString olga;
        QCOMPARE(m_store.createAdvisor(m_otherOrg, u"olga@other.example"_s, u"Olga"_s, "x", 0, &olga), StoreResult::Ok);
        AvailabilityStore store(m_store);
        QVERIFY(store.saveRules(m_org, m_anna, mondayRules(30), 0));
        QVERIFY(store.saveRules(m_org, m_ben, mondayRules(), 0));
        QVERIFY(store.saveRules(m_otherOrg, olga, mondayRules(), 0));
        // Saving another organisation's advisor under this organisation is refused.
        QVERIFY(!store.saveRules(m_org, olga, mondayRules(), 0));
    }

    void init()
    {
        m_bookings.clear();
        m_askedExcept.clear();
    }

    void bookingsAreBusyWithBuffers()
    {
        SlotService service(m_store, m_clock);
        const SlotSearch monday{
            Models::AppointmentType::Video, utc(u"2026-11-23T00:00"_s), utc(u"2026-11-24T00:00"_s), m_anna, {}, {}};
        QCOMPARE(startsOf(service.freeSlots(m_org, monday)),
                 (QStringList{u"23@08:00"_s, u"23@09:00"_s, u"23@10:00"_s}));
        m_bookings = {{m_anna + u"#b1"_s, utc(u"2026-11-23T08:00"_s), utc(u"2026-11-23T09:00"_s)}};
        // Without a source nothing is booked.
        QCOMPARE(service.freeSlots(m_org, monday).size(), 3);
        service.setBookedIntervalsSource(source());
        // Anna keeps 30 minutes after each appointment: nothing before 09:30.
        QCOMPARE(startsOf(service.freeSlots(m_org, monday)), QStringList{u"23@10:00"_s});
        QVERIFY(!service.isFree(m_org, m_anna, Models::AppointmentType::Video, utc(u"2026-11-23T09:00"_s)));
        // Moving booking b1: its own time does not block it.
        QVERIFY(service.isFree(m_org, m_anna, Models::AppointmentType::Video, utc(u"2026-11-23T09:00"_s), {}, u"b1"_s));
        QVERIFY(m_askedExcept.contains(u"b1"_s));
    }

    void isFreeOnlyForOfferedStarts()
    {
        SlotService service(m_store, m_clock);
        QVERIFY(service.isFree(m_org, m_ben, Models::AppointmentType::Video, utc(u"2026-11-23T08:00"_s)));
        QVERIFY(!service.isFree(m_org, m_ben, Models::AppointmentType::Video, utc(u"2026-11-23T08:30"_s)));
        QVERIFY(!service.isFree(m_org, m_ben, Models::AppointmentType::Phone, utc(u"2026-11-23T08:00"_s)));
        QVERIFY(!service.isFree(m_org, m_ben, Models::AppointmentType::Video, utc(u"2026-11-24T08:00"_s)));
        QVERIFY(!service.isFree(m_otherOrg, m_ben, Models::AppointmentType::Video, utc(u"2026-11-23T08:00"_s)));
        QVERIFY(!service.isFree(m_org, {}, Models::AppointmentType::Video, utc(u"2026-11-23T08:00"_s)));
    }

    void nearestSlots()
    {
        SlotService service(m_store, m_clock);
        // Asked for Monday 30 November 08:30Z: the closest starts, either side, sorted by start.
        const auto found =
            service.nearest(m_org, m_ben, Models::AppointmentType::Video, {}, utc(u"2026-11-30T08:30"_s), 4);
        QCOMPARE(startsOf(found), (QStringList{u"23@10:00"_s, u"30@08:00"_s, u"30@09:00"_s, u"30@10:00"_s}));
        QCOMPARE(service.nearest(m_org, {}, Models::AppointmentType::Video, {}, utc(u"2026-11-30T08:30"_s)).size(), 5);
    }

    void pickAdvisorPrefersTheLeastLoaded()
    {
        SlotService service(m_store, m_clock);
        service.setBookedIntervalsSource(source());
        const qint64 eight = utc(u"2026-11-23T08:00"_s);
        // Both free at 08:00: the first by user name.
        QCOMPARE(service.pickAdvisor(m_org, Models::AppointmentType::Video, eight), m_anna);
        // Anna has a booking at 10:00 that day: Ben has less to do.
        m_bookings = {{m_anna + u"#b2"_s, utc(u"2026-11-23T10:00"_s), utc(u"2026-11-23T11:00"_s)}};
        QCOMPARE(service.pickAdvisor(m_org, Models::AppointmentType::Video, eight), m_ben);
        // Nobody is free at a time that is not a slot.
        QCOMPARE(service.pickAdvisor(m_org, Models::AppointmentType::Video, utc(u"2026-11-23T08:15"_s)), std::nullopt);
        const auto any = service.freeSlots(m_org, {Models::AppointmentType::Video, eight, eight + 1, {}, {}, {}});
        QCOMPARE(any.size(), 1);
        QCOMPARE(any.at(0).advisorIds, (QStringList{m_anna, m_ben}));
    }

    // Runs last: it changes the organisation's data.
    void disabledAdvisorsAndArchivedLocationsDropOut()
    {
        SlotService service(m_store, m_clock);
        AvailabilityStore store(m_store);
        QList<LocationRecord> locations = {{{}, u"Hauptstelle"_s, u"Markt 1"_s}};
        QVERIFY(store.saveLocations(m_org, locations, 0));
        QJsonObject rules = QJsonDocument::fromJson(mondayRules()).object();
        rules.insert(u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"onsite"_s},
                                                        {u"durationMinutes"_s, 60},
                                                        {u"locationIds"_s, QJsonArray{locations.at(0).id}}}});
        QVERIFY(store.saveRules(m_org, m_ben, QJsonDocument(rules).toJson(QJsonDocument::Compact), 0));
        const qint64 eight = utc(u"2026-11-23T08:00"_s);
        QVERIFY(service.isFree(m_org, m_ben, Models::AppointmentType::Onsite, eight, locations.at(0).id));
        // The location is archived (left out of the list): no longer offered.
        QList<LocationRecord> none;
        QVERIFY(store.saveLocations(m_org, none, 0));
        QVERIFY(!service.isFree(m_org, m_ben, Models::AppointmentType::Onsite, eight, locations.at(0).id));
        QVERIFY(!service.isFree(m_org, m_ben, Models::AppointmentType::Onsite, eight));
        // A disabled advisor offers nothing, also not to "any advisor".
        QVERIFY(service.isFree(m_org, m_anna, Models::AppointmentType::Video, eight));
        QVERIFY(m_store.setDisabled(m_anna, true));
        QVERIFY(!service.isFree(m_org, m_anna, Models::AppointmentType::Video, eight));
        QCOMPARE(service.pickAdvisor(m_org, Models::AppointmentType::Video, eight), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSlotService)
#include "TestSlotService.moc"
