// Availability JSON (API.md, "Availability"): a full round trip, defaults, and one wrong field at a
// time, each reported under exactly its own name.
#include "models/Availability.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Models;

namespace {

const QString locationId = u"6f1c1b1e-3a52-4c4e-9a53-0d5d0f3c9b11"_s;

QJsonObject valid()
{
    return QJsonDocument::fromJson(R"({"timeZone": "Europe/Berlin",
        "weekly": {"mon": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "16:00"}],
                   "tue": [], "wed": [{"start": "00:00", "end": "24:00"}], "thu": [], "fri": [], "sat": [], "sun": []},
        "absences": [{"start": "2026-12-24T00:00", "end": "2026-12-27T00:00", "label": "Urlaub"}],
        "types": [{"type": "video", "durationMinutes": 45}, {"type": "phone", "durationMinutes": 30},
                  {"type": "onsite", "durationMinutes": 60, "locationIds": ["6f1c1b1e-3a52-4c4e-9a53-0d5d0f3c9b11"]}],
        "bufferBeforeMinutes": 0, "bufferAfterMinutes": 15, "minimumNoticeMinutes": 1440, "horizonDays": 60,
        "slotStepMinutes": 15})")
        .object();
}

// Sets a value at a dotted path ("weekly.mon[1].end"); an undefined value removes the key.
QJsonValue withValue(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    QString head = path.takeFirst();
    if (head.endsWith(u']')) {
        const qsizetype open = head.indexOf(u'[');
        const int index = head.mid(open + 1, head.size() - open - 2).toInt();
        const QString key = head.left(open);
        QJsonObject object = node.toObject();
        QJsonArray array = object.value(key).toArray();
        array[index] = withValue(array.at(index), path, value);
        object[key] = array;
        return object;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object[head] = withValue(object.value(head), path, value);
    return object;
}

QJsonObject changed(const QString &path, const QJsonValue &value)
{
    return withValue(valid(), path.split(u'.'), value).toObject();
}

} // namespace

class TestAvailability : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        FieldErrors errors;
        const auto availability = Availability::fromJson(valid(), &errors);
        QVERIFY2(availability, qPrintable(QStringList(errors.keys()).join(u", "_s)));
        QCOMPARE(availability->timeZone, u"Europe/Berlin"_s);
        QCOMPARE(availability->weekly[0], (QList<DayRange>{{9 * 60, 12 * 60}, {13 * 60, 16 * 60}}));
        QCOMPARE(availability->weekly[2], (QList<DayRange>{{0, 24 * 60}}));
        QVERIFY(availability->weekly[6].isEmpty());
        QCOMPARE(availability->absences.size(), 1);
        QCOMPARE(availability->absences.at(0).start, (LocalDateTime{QDate(2026, 12, 24), 0}));
        QCOMPARE(availability->absences.at(0).label, u"Urlaub"_s);
        QCOMPARE(availability->types.size(), 3);
        QCOMPARE(availability->rule(AppointmentType::Onsite)->locationIds, QStringList{locationId});
        QCOMPARE(availability->rule(AppointmentType::Phone)->durationMinutes, 30);
        QCOMPARE(availability->bufferAfterMinutes, 15);
        QCOMPARE(availability->minimumNoticeMinutes, 1440);
        // What goes out is what came in.
        QCOMPARE(availability->toJson(), valid());
        QCOMPARE(Availability::fromJson(availability->toJson()), availability);
    }

    void rangesAreSortedAndOptionalFieldsDefault()
    {
        const QJsonObject json = QJsonDocument::fromJson(R"({"timeZone": "America/New_York",
            "weekly": {"fri": [{"start": "14:00", "end": "15:00"}, {"start": "08:30", "end": "09:00"}]},
            "types": []})")
                                     .object();
        const auto availability = Availability::fromJson(json);
        QVERIFY(availability);
        QCOMPARE(availability->weekly[4], (QList<DayRange>{{8 * 60 + 30, 9 * 60}, {14 * 60, 15 * 60}}));
        QVERIFY(availability->absences.isEmpty());
        QCOMPARE(availability->bufferBeforeMinutes, 0);
        QCOMPARE(availability->bufferAfterMinutes, 0);
        QCOMPARE(availability->minimumNoticeMinutes, 0);
        QCOMPARE(availability->horizonDays, 60);
        QCOMPARE(availability->slotStepMinutes, 15);
    }

    void oneWrongField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        const QJsonValue none(QJsonValue::Undefined);
        QTest::newRow("zone unknown") << u"timeZone"_s << QJsonValue(u"Mars/Olympus"_s) << u"timeZone"_s;
        QTest::newRow("zone offset") << u"timeZone"_s << QJsonValue(u"UTC+02:00"_s) << u"timeZone"_s;
        QTest::newRow("zone number") << u"timeZone"_s << QJsonValue(1) << u"timeZone"_s;
        QTest::newRow("zone missing") << u"timeZone"_s << none << u"timeZone"_s;
        QTest::newRow("weekly missing") << u"weekly"_s << none << u"weekly"_s;
        QTest::newRow("unknown day") << u"weekly.son"_s << QJsonValue(QJsonArray()) << u"weekly.son"_s;
        QTest::newRow("day not array") << u"weekly.tue"_s << QJsonValue(u"9-5"_s) << u"weekly.tue"_s;
        QTest::newRow("end before start") << u"weekly.mon[1].end"_s << QJsonValue(u"12:30"_s) << u"weekly.mon[1].end"_s;
        QTest::newRow("end equals start") << u"weekly.mon[0].end"_s << QJsonValue(u"09:00"_s) << u"weekly.mon[0].end"_s;
        QTest::newRow("hour 25") << u"weekly.mon[0].start"_s << QJsonValue(u"25:00"_s) << u"weekly.mon[0].start"_s;
        QTest::newRow("start 24:00") << u"weekly.mon[0].start"_s << QJsonValue(u"24:00"_s) << u"weekly.mon[0].start"_s;
        QTest::newRow("end 24:30") << u"weekly.mon[1].end"_s << QJsonValue(u"24:30"_s) << u"weekly.mon[1].end"_s;
        QTest::newRow("no leading zero") << u"weekly.mon[0].start"_s << QJsonValue(u"9:00"_s)
                                         << u"weekly.mon[0].start"_s;
        QTest::newRow("overlap") << u"weekly.mon[1].start"_s << QJsonValue(u"11:30"_s) << u"weekly.mon[1]"_s;
        QTest::newRow("range extra") << u"weekly.mon[0].note"_s << QJsonValue(u"x"_s) << u"weekly.mon[0].note"_s;
        QTest::newRow("absence end first")
            << u"absences[0].end"_s << QJsonValue(u"2026-12-23T23:59"_s) << u"absences[0].end"_s;
        QTest::newRow("absence bad start")
            << u"absences[0].start"_s << QJsonValue(u"2026-12-24 00:00"_s) << u"absences[0].start"_s;
        QTest::newRow("absence bad date")
            << u"absences[0].start"_s << QJsonValue(u"2026-02-30T00:00"_s) << u"absences[0].start"_s;
        QTest::newRow("absence with zone")
            << u"absences[0].end"_s << QJsonValue(u"2026-12-27T00:00Z"_s) << u"absences[0].end"_s;
        QTest::newRow("label long") << u"absences[0].label"_s << QJsonValue(QString(101, u'x'))
                                    << u"absences[0].label"_s;
        QTest::newRow("label control") << u"absences[0].label"_s << QJsonValue(u"a\u0007b"_s) << u"absences[0].label"_s;
        QTest::newRow("absences object") << u"absences"_s << QJsonValue(QJsonObject()) << u"absences"_s;
        QTest::newRow("types missing") << u"types"_s << none << u"types"_s;
        QTest::newRow("type unknown") << u"types[0].type"_s << QJsonValue(u"chat"_s) << u"types[0].type"_s;
        QTest::newRow("type twice") << u"types[1].type"_s << QJsonValue(u"video"_s) << u"types[1].type"_s;
        QTest::newRow("duration zero") << u"types[0].durationMinutes"_s << QJsonValue(0)
                                       << u"types[0].durationMinutes"_s;
        QTest::newRow("duration fraction")
            << u"types[1].durationMinutes"_s << QJsonValue(30.5) << u"types[1].durationMinutes"_s;
        QTest::newRow("duration text") << u"types[1].durationMinutes"_s << QJsonValue(u"30"_s)
                                       << u"types[1].durationMinutes"_s;
        QTest::newRow("duration long") << u"types[2].durationMinutes"_s << QJsonValue(481)
                                       << u"types[2].durationMinutes"_s;
        QTest::newRow("onsite no locations") << u"types[2].locationIds"_s << none << u"types[2].locationIds"_s;
        QTest::newRow("onsite empty locations")
            << u"types[2].locationIds"_s << QJsonValue(QJsonArray()) << u"types[2].locationIds"_s;
        QTest::newRow("location not uuid")
            << u"types[2].locationIds[0]"_s << QJsonValue(u"Hauptstelle"_s) << u"types[2].locationIds[0]"_s;
        QTest::newRow("video with locations")
            << u"types[0].locationIds"_s << QJsonValue(QJsonArray{locationId}) << u"types[0].locationIds"_s;
        QTest::newRow("buffer negative") << u"bufferAfterMinutes"_s << QJsonValue(-1) << u"bufferAfterMinutes"_s;
        QTest::newRow("buffer large") << u"bufferBeforeMinutes"_s << QJsonValue(241) << u"bufferBeforeMinutes"_s;
        QTest::newRow("notice text") << u"minimumNoticeMinutes"_s << QJsonValue(u"1h"_s) << u"minimumNoticeMinutes"_s;
        QTest::newRow("horizon zero") << u"horizonDays"_s << QJsonValue(0) << u"horizonDays"_s;
        QTest::newRow("horizon large") << u"horizonDays"_s << QJsonValue(366) << u"horizonDays"_s;
        QTest::newRow("step small") << u"slotStepMinutes"_s << QJsonValue(4) << u"slotStepMinutes"_s;
        QTest::newRow("step null") << u"slotStepMinutes"_s << QJsonValue(QJsonValue::Null) << u"slotStepMinutes"_s;
        QTest::newRow("unknown field") << u"colour"_s << QJsonValue(u"blue"_s) << u"colour"_s;
    }

    void oneWrongField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        FieldErrors errors;
        QVERIFY(!Availability::fromJson(changed(path, value), &errors));
        QCOMPARE(QStringList(errors.keys()), QStringList{field});
        QVERIFY(!errors.value(field).isEmpty());
    }

    void everyWrongFieldIsReported()
    {
        QJsonObject json = changed(u"weekly.mon[1].end"_s, u"10:00"_s);
        json = withValue(json, {u"types[2]"_s, u"durationMinutes"_s}, 0).toObject();
        json.insert(u"horizonDays"_s, 1000);
        FieldErrors errors;
        QVERIFY(!Availability::fromJson(json, &errors));
        QCOMPARE(QStringList(errors.keys()),
                 (QStringList{u"horizonDays"_s, u"types[2].durationMinutes"_s, u"weekly.mon[1].end"_s}));
    }

    void clockFormat()
    {
        QCOMPARE(AvailabilityFormat::parseClock(u"00:00"_s), 0);
        QCOMPARE(AvailabilityFormat::parseClock(u"24:00"_s), 1440);
        QCOMPARE(AvailabilityFormat::parseClock(u"23:59"_s), 1439);
        QCOMPARE(AvailabilityFormat::parseClock(u"24:01"_s), -1);
        QCOMPARE(AvailabilityFormat::parseClock(u"12:60"_s), -1);
        QCOMPARE(AvailabilityFormat::formatClock(545), u"09:05"_s);
        QVERIFY(AvailabilityFormat::isValidTimeZone(u"Europe/Kyiv"_s) ||
                AvailabilityFormat::isValidTimeZone(u"Europe/Kiev"_s));
        QVERIFY(AvailabilityFormat::isValidTimeZone(u"UTC"_s));
        QVERIFY(!AvailabilityFormat::isValidTimeZone(u"Europe/Nowhere"_s));
        QVERIFY(!AvailabilityFormat::isValidTimeZone(u""_s));
    }
};

QTEST_GUILESS_MAIN(TestAvailability)
#include "TestAvailability.moc"
