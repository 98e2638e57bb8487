#include "app/AvailabilitySettings.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

const auto TimeFormat = "HH:mm"_L1;

QTime parseTime(const QString &text)
{
    if (text == "24:00"_L1)
        return QTime(0, 0);
    return QTime::fromString(text, TimeFormat);
}

QString formatEnd(const QTime &time)
{
    return time == QTime(0, 0) ? u"24:00"_s : time.toString(TimeFormat);
}

// "2026-12-24T00:00" as a date and time of day (wall clock, no zone).
bool parseLocal(const QString &text, QDate *date, QTime *time)
{
    const qsizetype t = text.indexOf(u'T');
    if (t < 0)
        return false;
    *date = QDate::fromString(text.left(t), Qt::ISODate);
    *time = QTime::fromString(text.mid(t + 1, 5), TimeFormat);
    return date->isValid() && time->isValid();
}

QString formatLocal(const QDate &date)
{
    return date.toString(Qt::ISODate) + "T00:00"_L1;
}

} // namespace

QString AvailabilitySettings::dayKey(int day)
{
    static const std::array<QString, Days> keys = {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s,
                                                   u"fri"_s, u"sat"_s, u"sun"_s};
    return keys.at(std::size_t(day));
}

const AvailabilitySettings::AppointmentType *AvailabilitySettings::typeOf(const QString &type) const
{
    for (const AppointmentType &offered : types) {
        if (offered.type == type)
            return &offered;
    }
    return nullptr;
}

AvailabilitySettings AvailabilitySettings::fromJson(const QJsonObject &json)
{
    AvailabilitySettings settings;
    settings.original = json;
    settings.timeZone = json.value("timeZone"_L1).toString();
    const QJsonObject weekly = json.value("weekly"_L1).toObject();
    for (int day = 0; day < Days; ++day) {
        const QJsonArray ranges = weekly.value(dayKey(day)).toArray();
        for (const QJsonValue &value : ranges) {
            const QJsonObject range = value.toObject();
            const QTime start = parseTime(range.value("start"_L1).toString());
            const QTime end = parseTime(range.value("end"_L1).toString());
            if (start.isValid() && end.isValid())
                settings.weekly[std::size_t(day)].append({start, end});
        }
    }
    const QJsonArray absences = json.value("absences"_L1).toArray();
    for (const QJsonValue &value : absences) {
        const QJsonObject object = value.toObject();
        QDate firstDay;
        QDate endDay;
        QTime startTime;
        QTime endTime;
        if (!parseLocal(object.value("start"_L1).toString(), &firstDay, &startTime) ||
            !parseLocal(object.value("end"_L1).toString(), &endDay, &endTime))
            continue;
        // [start, end) in whole days: the last day is the one before `end` when it ends at midnight.
        const QDate lastDay = endTime == QTime(0, 0) && endDay > firstDay ? endDay.addDays(-1) : endDay;
        settings.absences.append({firstDay, lastDay, object.value("label"_L1).toString()});
    }
    const QJsonArray types = json.value("types"_L1).toArray();
    for (const QJsonValue &value : types) {
        const QJsonObject object = value.toObject();
        AppointmentType type{object.value("type"_L1).toString(), object.value("durationMinutes"_L1).toInt(), {}};
        const QJsonArray locations = object.value("locationIds"_L1).toArray();
        for (const QJsonValue &location : locations)
            type.locationIds.append(location.toString());
        settings.types.append(type);
    }
    settings.bufferBeforeMinutes = json.value("bufferBeforeMinutes"_L1).toInt();
    settings.bufferAfterMinutes = json.value("bufferAfterMinutes"_L1).toInt();
    settings.minimumNoticeMinutes = json.value("minimumNoticeMinutes"_L1).toInt();
    settings.horizonDays = json.value("horizonDays"_L1).toInt(60);
    settings.slotStepMinutes = json.value("slotStepMinutes"_L1).toInt(15);
    if (settings.slotStepMinutes <= 0)
        settings.slotStepMinutes = 15;
    return settings;
}

QJsonObject AvailabilitySettings::toJson() const
{
    QJsonObject json = original;
    json.insert(u"timeZone"_s, timeZone);
    QJsonObject week;
    for (int day = 0; day < Days; ++day) {
        QJsonArray ranges;
        for (const Range &range : weekly.at(std::size_t(day)))
            ranges.append(
                QJsonObject{{u"start"_s, range.start.toString(TimeFormat)}, {u"end"_s, formatEnd(range.end)}});
        week.insert(dayKey(day), ranges);
    }
    json.insert(u"weekly"_s, week);
    QJsonArray absenceList;
    for (const Absence &absence : absences) {
        QJsonObject object{{u"start"_s, formatLocal(absence.firstDay)},
                           {u"end"_s, formatLocal(absence.lastDay.addDays(1))}};
        if (!absence.label.isEmpty())
            object.insert(u"label"_s, absence.label);
        absenceList.append(object);
    }
    json.insert(u"absences"_s, absenceList);
    QJsonArray typeList;
    for (const AppointmentType &type : types) {
        QJsonObject object{{u"type"_s, type.type}, {u"durationMinutes"_s, type.durationMinutes}};
        if (type.type == "onsite"_L1)
            object.insert(u"locationIds"_s, QJsonArray::fromStringList(type.locationIds));
        typeList.append(object);
    }
    json.insert(u"types"_s, typeList);
    json.insert(u"bufferBeforeMinutes"_s, bufferBeforeMinutes);
    json.insert(u"bufferAfterMinutes"_s, bufferAfterMinutes);
    json.insert(u"minimumNoticeMinutes"_s, minimumNoticeMinutes);
    json.insert(u"horizonDays"_s, horizonDays);
    json.insert(u"slotStepMinutes"_s, slotStepMinutes);
    return json;
}

} // namespace Lotse::Client
