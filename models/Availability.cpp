#include "models/Availability.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Lotse::Models {

namespace {

const std::array<QString, 7> dayKeys = {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s};

QString wholeNumberMessage(int min, int max)
{
    return u"must be a whole number from %1 to %2"_s.arg(min).arg(max);
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const auto category = c.category();
        return category == QChar::Other_Control || category == QChar::Other_Format || c == QChar::LineSeparator ||
               c == QChar::ParagraphSeparator;
    });
}

void unknownFields(const QJsonObject &object, const QStringList &known, const QString &prefix, FieldErrors &errors)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key()))
            errors.insert(prefix + it.key(), u"unknown field"_s);
    }
}

std::optional<DayRange> parseRange(const QJsonValue &value, const QString &name, FieldErrors &errors)
{
    if (!value.isObject()) {
        errors.insert(name, u"must be an object with start and end"_s);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    unknownFields(object, {u"start"_s, u"end"_s}, name + u'.', errors);
    const int start = AvailabilityFormat::parseClock(object.value("start"_L1).toString());
    const int end = AvailabilityFormat::parseClock(object.value("end"_L1).toString());
    bool ok = true;
    if (start < 0 || start >= 24 * 60) {
        errors.insert(name + u".start"_s, u"must be a time from 00:00 to 23:59 (HH:mm)"_s);
        ok = false;
    }
    if (end < 0) {
        errors.insert(name + u".end"_s, u"must be a time from 00:01 to 24:00 (HH:mm)"_s);
        ok = false;
    } else if (ok && end <= start) {
        errors.insert(name + u".end"_s, u"must be after start"_s);
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    return DayRange{start, end};
}

void parseWeekly(const QJsonValue &value, Availability &result, FieldErrors &errors)
{
    if (!value.isObject()) {
        errors.insert(u"weekly"_s, u"must be an object with mon … sun"_s);
        return;
    }
    const QJsonObject weekly = value.toObject();
    unknownFields(weekly, QStringList(dayKeys.cbegin(), dayKeys.cend()), u"weekly."_s, errors);
    for (int day = 0; day < 7; ++day) {
        const QString dayName = u"weekly."_s + dayKeys.at(day);
        const QJsonValue dayValue = weekly.value(dayKeys.at(day));
        if (dayValue.isUndefined())
            continue; // a day left out has no hours
        if (!dayValue.isArray()) {
            errors.insert(dayName, u"must be an array of ranges"_s);
            continue;
        }
        const QJsonArray ranges = dayValue.toArray();
        if (ranges.size() > Availability::maxRangesPerDay) {
            errors.insert(dayName, u"at most %1 ranges"_s.arg(Availability::maxRangesPerDay));
            continue;
        }
        QList<std::pair<DayRange, int>> parsed;
        for (int i = 0; i < ranges.size(); ++i) {
            if (const auto range = parseRange(ranges.at(i), u"%1[%2]"_s.arg(dayName).arg(i), errors))
                parsed.append({*range, i});
        }
        if (parsed.size() != ranges.size())
            continue;
        std::sort(parsed.begin(), parsed.end(),
                  [](const auto &a, const auto &b) { return a.first.startMinute < b.first.startMinute; });
        bool overlapping = false;
        for (qsizetype i = 1; i < parsed.size(); ++i) {
            if (parsed.at(i).first.startMinute < parsed.at(i - 1).first.endMinute) {
                const int later = std::max(parsed.at(i).second, parsed.at(i - 1).second);
                const int earlier = std::min(parsed.at(i).second, parsed.at(i - 1).second);
                errors.insert(u"%1[%2]"_s.arg(dayName).arg(later), u"overlaps %1[%2]"_s.arg(dayName).arg(earlier));
                overlapping = true;
            }
        }
        if (overlapping)
            continue;
        for (const auto &[range, index] : std::as_const(parsed))
            result.weekly[size_t(day)].append(range);
    }
}

void parseAbsences(const QJsonValue &value, Availability &result, FieldErrors &errors)
{
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        errors.insert(u"absences"_s, u"must be an array"_s);
        return;
    }
    const QJsonArray absences = value.toArray();
    if (absences.size() > Availability::maxAbsences) {
        errors.insert(u"absences"_s, u"at most %1 absences"_s.arg(Availability::maxAbsences));
        return;
    }
    for (int i = 0; i < absences.size(); ++i) {
        const QString name = u"absences[%1]"_s.arg(i);
        if (!absences.at(i).isObject()) {
            errors.insert(name, u"must be an object with start and end"_s);
            continue;
        }
        const QJsonObject object = absences.at(i).toObject();
        unknownFields(object, {u"start"_s, u"end"_s, u"label"_s}, name + u'.', errors);
        const auto start = AvailabilityFormat::parseLocal(object.value("start"_L1).toString());
        const auto end = AvailabilityFormat::parseLocal(object.value("end"_L1).toString());
        if (!start)
            errors.insert(name + u".start"_s, u"must be a local date and time (yyyy-MM-ddTHH:mm)"_s);
        if (!end)
            errors.insert(name + u".end"_s, u"must be a local date and time (yyyy-MM-ddTHH:mm)"_s);
        else if (start && std::pair(end->date, end->minute) <= std::pair(start->date, start->minute))
            errors.insert(name + u".end"_s, u"must be after start"_s);
        const QJsonValue labelValue = object.value("label"_L1);
        QString label;
        if (!labelValue.isUndefined()) {
            label = labelValue.toString();
            if (!labelValue.isString() || label.size() > Availability::maxLabelLength || hasControlCharacters(label))
                errors.insert(name + u".label"_s,
                              u"must be text of at most %1 characters without control characters"_s.arg(
                                  Availability::maxLabelLength));
        }
        if (start && end)
            result.absences.append(Absence{*start, *end, label});
    }
}

void parseTypes(const QJsonValue &value, Availability &result, FieldErrors &errors)
{
    if (!value.isArray()) {
        errors.insert(u"types"_s, u"must be an array"_s);
        return;
    }
    const QJsonArray types = value.toArray();
    QList<AppointmentType> seen;
    for (int i = 0; i < types.size(); ++i) {
        const QString name = u"types[%1]"_s.arg(i);
        if (!types.at(i).isObject()) {
            errors.insert(name, u"must be an object with type and durationMinutes"_s);
            continue;
        }
        const QJsonObject object = types.at(i).toObject();
        unknownFields(object, {u"type"_s, u"durationMinutes"_s, u"locationIds"_s}, name + u'.', errors);
        AppointmentTypeRule rule;
        const auto type = appointmentTypeFromName(object.value("type"_L1).toString());
        if (!type) {
            errors.insert(name + u".type"_s, u"must be video, phone or onsite"_s);
        } else if (seen.contains(*type)) {
            errors.insert(name + u".type"_s, u"is listed twice"_s);
        } else {
            seen.append(*type);
            rule.type = *type;
        }
        const auto duration = AvailabilityFormat::wholeNumber(
            object.value("durationMinutes"_L1), Availability::minDurationMinutes, Availability::maxDurationMinutes);
        if (!duration)
            errors.insert(name + u".durationMinutes"_s,
                          wholeNumberMessage(Availability::minDurationMinutes, Availability::maxDurationMinutes));
        else
            rule.durationMinutes = *duration;
        const QJsonValue locations = object.value("locationIds"_L1);
        if (type == AppointmentType::Onsite) {
            if (!locations.isArray() || locations.toArray().isEmpty() ||
                locations.toArray().size() > Availability::maxLocationsPerType) {
                errors.insert(name + u".locationIds"_s,
                              u"onsite needs 1 to %1 location ids"_s.arg(Availability::maxLocationsPerType));
            } else {
                const QJsonArray ids = locations.toArray();
                for (int j = 0; j < ids.size(); ++j) {
                    const QString id = ids.at(j).toString();
                    if (!AvailabilityFormat::isUuid(id))
                        errors.insert(u"%1.locationIds[%2]"_s.arg(name).arg(j), u"must be a location id"_s);
                    else if (rule.locationIds.contains(id))
                        errors.insert(u"%1.locationIds[%2]"_s.arg(name).arg(j), u"is listed twice"_s);
                    else
                        rule.locationIds.append(id);
                }
            }
        } else if (type && !locations.isUndefined()) {
            errors.insert(name + u".locationIds"_s, u"only for onsite"_s);
        }
        result.types.append(rule);
    }
}

void parseNumber(const QJsonObject &json, const QString &key, int min, int max, int &out, FieldErrors &errors)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return; // the default stays
    if (const auto number = AvailabilityFormat::wholeNumber(value, min, max))
        out = *number;
    else
        errors.insert(key, wholeNumberMessage(min, max));
}

} // namespace

QString appointmentTypeName(AppointmentType type)
{
    switch (type) {
    case AppointmentType::Phone:
        return u"phone"_s;
    case AppointmentType::Onsite:
        return u"onsite"_s;
    default:
        return u"video"_s;
    }
}

std::optional<AppointmentType> appointmentTypeFromName(const QString &name)
{
    if (name == "video"_L1)
        return AppointmentType::Video;
    if (name == "phone"_L1)
        return AppointmentType::Phone;
    if (name == "onsite"_L1)
        return AppointmentType::Onsite;
    return std::nullopt;
}

const AppointmentTypeRule *Availability::rule(AppointmentType type) const
{
    for (const AppointmentTypeRule &r : types) {
        if (r.type == type)
            return &r;
    }
    return nullptr;
}

QJsonObject Availability::toJson() const
{
    QJsonObject week;
    for (size_t day = 0; day < 7; ++day) {
        QJsonArray ranges;
        for (const DayRange &range : weekly.at(day))
            ranges.append(QJsonObject{{u"start"_s, AvailabilityFormat::formatClock(range.startMinute)},
                                      {u"end"_s, AvailabilityFormat::formatClock(range.endMinute)}});
        week.insert(dayKeys.at(day), ranges);
    }
    QJsonArray absenceArray;
    for (const Absence &absence : absences) {
        QJsonObject object{{u"start"_s, AvailabilityFormat::formatLocal(absence.start)},
                           {u"end"_s, AvailabilityFormat::formatLocal(absence.end)}};
        if (!absence.label.isEmpty())
            object.insert(u"label"_s, absence.label);
        absenceArray.append(object);
    }
    QJsonArray typeArray;
    for (const AppointmentTypeRule &r : types) {
        QJsonObject object{{u"type"_s, appointmentTypeName(r.type)}, {u"durationMinutes"_s, r.durationMinutes}};
        if (r.type == AppointmentType::Onsite)
            object.insert(u"locationIds"_s, QJsonArray::fromStringList(r.locationIds));
        typeArray.append(object);
    }
    return {{u"timeZone"_s, timeZone},
            {u"weekly"_s, week},
            {u"absences"_s, absenceArray},
            {u"types"_s, typeArray},
            {u"bufferBeforeMinutes"_s, bufferBeforeMinutes},
            {u"bufferAfterMinutes"_s, bufferAfterMinutes},
            {u"minimumNoticeMinutes"_s, minimumNoticeMinutes},
            {u"horizonDays"_s, horizonDays},
            {u"slotStepMinutes"_s, slotStepMinutes}};
}

std::optional<Availability> Availability::fromJson(const QJsonObject &json, FieldErrors *errorsOut)
{
    FieldErrors errors;
    Availability result;
    unknownFields(json,
                  {u"timeZone"_s, u"weekly"_s, u"absences"_s, u"types"_s, u"bufferBeforeMinutes"_s,
                   u"bufferAfterMinutes"_s, u"minimumNoticeMinutes"_s, u"horizonDays"_s, u"slotStepMinutes"_s},
                  QString(), errors);
    const QJsonValue zone = json.value("timeZone"_L1);
    if (!zone.isString() || !AvailabilityFormat::isValidTimeZone(zone.toString()))
        errors.insert(u"timeZone"_s, u"must be an IANA time zone such as Europe/Berlin"_s);
    else
        result.timeZone = zone.toString();
    parseWeekly(json.value("weekly"_L1), result, errors);
    parseAbsences(json.value("absences"_L1), result, errors);
    parseTypes(json.value("types"_L1), result, errors);
    parseNumber(json, u"bufferBeforeMinutes"_s, 0, maxBufferMinutes, result.bufferBeforeMinutes, errors);
    parseNumber(json, u"bufferAfterMinutes"_s, 0, maxBufferMinutes, result.bufferAfterMinutes, errors);
    parseNumber(json, u"minimumNoticeMinutes"_s, 0, maxNoticeMinutes, result.minimumNoticeMinutes, errors);
    parseNumber(json, u"horizonDays"_s, 1, maxHorizonDays, result.horizonDays, errors);
    parseNumber(json, u"slotStepMinutes"_s, minStepMinutes, maxStepMinutes, result.slotStepMinutes, errors);
    if (!errors.isEmpty()) {
        if (errorsOut)
            *errorsOut = errors;
        return std::nullopt;
    }
    return result;
}

namespace AvailabilityFormat {

int parseClock(const QString &text)
{
    static const QRegularExpression pattern(u"^([01][0-9]|2[0-4]):([0-5][0-9])$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    const int minute = match.captured(1).toInt() * 60 + match.captured(2).toInt();
    return minute <= 24 * 60 ? minute : -1;
}

QString formatClock(int minute)
{
    return u"%1:%2"_s.arg(minute / 60, 2, 10, QChar(u'0')).arg(minute % 60, 2, 10, QChar(u'0'));
}

std::optional<LocalDateTime> parseLocal(const QString &text)
{
    if (text.size() != 16 || text.at(10) != u'T')
        return std::nullopt;
    const QDate date = parseDate(text.left(10));
    const int minute = parseClock(text.mid(11));
    if (!date.isValid() || minute < 0 || minute >= 24 * 60)
        return std::nullopt;
    return LocalDateTime{date, minute};
}

QString formatLocal(const LocalDateTime &time)
{
    return time.date.toString(u"yyyy-MM-dd"_s) + u'T' + formatClock(time.minute);
}

QDate parseDate(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    if (!pattern.match(text).hasMatch())
        return {};
    return QDate::fromString(text, u"yyyy-MM-dd"_s);
}

std::optional<int> wholeNumber(const QJsonValue &value, int min, int max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (std::floor(number) != number || number < min || number > max)
        return std::nullopt;
    return int(number);
}

bool isValidTimeZone(const QString &id)
{
    // IANA names only (Area/Location, or UTC): no offsets like "UTC+02:00", no Windows ids.
    static const QRegularExpression pattern(u"^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+)+)$"_s);
    return id.size() <= 64 && pattern.match(id).hasMatch() && QTimeZone::isTimeZoneIdAvailable(id.toUtf8());
}

bool isUuid(const QString &text)
{
    return text.size() == 36 && text == text.toLower() && !QUuid::fromString(text).isNull();
}

} // namespace AvailabilityFormat

} // namespace Lotse::Models
