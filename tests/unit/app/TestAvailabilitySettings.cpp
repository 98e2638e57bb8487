// AvailabilitySettings reads and writes the body of /api/v1/me/availability (API.md): several
// ranges a day, "24:00" as the end of a day, absences as whole days ([first 00:00, day after
// last 00:00)), types with their locations, and members it does not know sent back unchanged.
#include "app/AvailabilitySettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Lotse::Client::AvailabilitySettings;

namespace {

QJsonObject sample()
{
    return QJsonDocument::fromJson(R"({
        "timeZone": "Europe/Berlin",
        "weekly": {"mon": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "16:00"}],
                   "tue": [], "wed": [], "thu": [], "fri": [{"start": "20:00", "end": "24:00"}], "sat": [], "sun": []},
        "absences": [{"start": "2026-12-24T00:00", "end": "2026-12-27T00:00", "label": "Urlaub"}],
        "types": [{"type": "video", "durationMinutes": 45},
                  {"type": "onsite", "durationMinutes": 60, "locationIds": ["5f0e1c2d-0000-4000-8000-000000000001"]}],
        "bufferBeforeMinutes": 5, "bufferAfterMinutes": 15, "minimumNoticeMinutes": 1440, "horizonDays": 60,
        "slotStepMinutes": 15, "futureMember": {"kept": true}
    })")
        .object();
}

} // namespace

class TestAvailabilitySettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads()
    {
        const AvailabilitySettings settings = AvailabilitySettings::fromJson(sample());
        QCOMPARE(settings.timeZone, u"Europe/Berlin"_s);
        QCOMPARE(settings.weekly[0].size(), 2);
        QCOMPARE(settings.weekly[0][1].start, QTime(13, 0));
        QCOMPARE(settings.weekly[0][1].end, QTime(16, 0));
        QCOMPARE(settings.weekly[4].size(), 1);
        QCOMPARE(settings.weekly[4][0].end, QTime(0, 0)); // "24:00": the end of the day
        QCOMPARE(settings.absences.size(), 1);
        QCOMPARE(settings.absences[0].firstDay, QDate(2026, 12, 24));
        QCOMPARE(settings.absences[0].lastDay, QDate(2026, 12, 26));
        QCOMPARE(settings.absences[0].label, u"Urlaub"_s);
        QVERIFY(settings.typeOf(u"video"_s));
        QVERIFY(!settings.typeOf(u"phone"_s));
        QCOMPARE(settings.typeOf(u"onsite"_s)->locationIds, QStringList{u"5f0e1c2d-0000-4000-8000-000000000001"_s});
        QCOMPARE(settings.bufferBeforeMinutes, 5);
        QCOMPARE(settings.minimumNoticeMinutes, 1440);
        QCOMPARE(settings.slotStepMinutes, 15);
    }

    void writesWhatItRead() { QCOMPARE(AvailabilitySettings::fromJson(sample()).toJson(), sample()); }

    void writesEdits()
    {
        AvailabilitySettings settings = AvailabilitySettings::fromJson(sample());
        settings.weekly[2] = {{QTime(8, 30), QTime(9, 15)}};
        settings.absences = {{QDate(2027, 1, 1), QDate(2027, 1, 1), QString()}};
        settings.types.removeFirst();
        const QJsonObject json = settings.toJson();
        const QJsonArray wednesday{QJsonObject{{u"start"_s, u"08:30"_s}, {u"end"_s, u"09:15"_s}}};
        QCOMPARE(json.value("weekly"_L1).toObject().value("wed"_L1).toArray(), wednesday);
        // One day off: that day's midnight to the next; no label when there is none.
        const QJsonArray newYear{QJsonObject{{u"start"_s, u"2027-01-01T00:00"_s}, {u"end"_s, u"2027-01-02T00:00"_s}}};
        QCOMPARE(json.value("absences"_L1).toArray(), newYear);
        QCOMPARE(json.value("types"_L1).toArray().size(), 1);
        QCOMPARE(json.value("futureMember"_L1).toObject().value("kept"_L1).toBool(), true);
    }

    void dayKeys()
    {
        QCOMPARE(AvailabilitySettings::dayKey(0), u"mon"_s);
        QCOMPARE(AvailabilitySettings::dayKey(6), u"sun"_s);
    }
};

QTEST_GUILESS_MAIN(TestAvailabilitySettings)
#include "TestAvailabilitySettings.moc"
