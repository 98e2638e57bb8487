// Availability, organisation settings, busy blocks and the public slot queries (API.md, "Booking":
// "Availability" and "Public").
#include "server-stub/Api.h"

#include "server-stub/AvailabilityStore.h"
#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr qint64 maxSlotQuerySeconds = 62 * 86400;
constexpr qint64 maxBusyWindowSeconds = 400 * 86400;
constexpr qint64 maxBusyBlockSeconds = 31 * 86400;
constexpr int maxLocations = 100;
constexpr int maxHolidays = 1000;
constexpr int maxBusyBlocks = 2000;

Response validationFailed(const QMap<QString, QString> &fields)
{
    return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, fields);
}

Response saveFailed()
{
    return Response::error(500, u"internal_error"_s, u"The change could not be saved."_s);
}

// Strict ISO 8601 UTC with whole seconds and a Z, as API.md writes times.
std::optional<qint64> parseUtc(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"_s);
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDateTime time = Models::fromIsoUtc(text);
    if (!time.isValid())
        return std::nullopt;
    return time.toSecsSinceEpoch();
}

bool isPlainText(const QString &text, int maxLength, bool allowNewlines)
{
    if (text.trimmed().isEmpty() || text.size() > maxLength)
        return false;
    return std::none_of(text.cbegin(), text.cend(), [&](QChar c) {
        if (allowNewlines && c == u'\n')
            return false;
        const auto category = c.category();
        return category == QChar::Other_Control || category == QChar::Other_Format || c == QChar::LineSeparator ||
               c == QChar::ParagraphSeparator;
    });
}

QJsonObject settingsJson(const OrgSettingsRecord &s)
{
    return {{u"autoConfirm"_s, s.autoConfirm},
            {u"timeZone"_s, s.timeZone},
            {u"privacyPolicyVersion"_s, s.privacyPolicyVersion}};
}

QJsonArray locationsJson(const QList<LocationRecord> &locations)
{
    QJsonArray array;
    for (const LocationRecord &l : locations)
        array.append(QJsonObject{{u"id"_s, l.id}, {u"name"_s, l.name}, {u"address"_s, l.address}});
    return array;
}

QJsonArray holidaysJson(const QList<QDate> &days)
{
    QJsonArray array;
    for (const QDate &day : days)
        array.append(day.toString(Qt::ISODate));
    return array;
}

QJsonArray slotsJson(const QList<Models::Slot> &list)
{
    QJsonArray array;
    for (const Models::Slot &slot : list)
        array.append(
            QJsonObject{{u"start"_s, Models::toIsoUtc(QDateTime::fromSecsSinceEpoch(slot.start, QTimeZone::utc()))},
                        {u"end"_s, Models::toIsoUtc(QDateTime::fromSecsSinceEpoch(slot.end, QTimeZone::utc()))}});
    return array;
}

} // namespace

std::optional<Response> Api::publicRateLimit(const Request &request, const QString &organisationId)
{
    const qint64 wait = organisationId.isEmpty() ? m_publicPerIp.hit(u"ip:"_s + request.remoteAddress)
                                                 : m_publicPerOrg.hit(u"org:"_s + organisationId);
    if (wait <= 0)
        return std::nullopt;
    Response response = Response::error(429, u"rate_limited"_s, u"Too many requests. Please wait a moment."_s);
    response.setHeader("Retry-After", QByteArray::number(wait));
    return response;
}

Response Api::getAvailability(const Caller &caller)
{
    AvailabilityStore store(m_store);
    if (const auto rules = store.rules(caller.advisor.organisation.id, caller.advisor.id))
        return Response::json(200, QJsonDocument::fromJson(*rules).object());
    // Nothing saved yet: no hours, no types, in the organisation's zone.
    Models::Availability empty;
    empty.timeZone = store.settings(caller.advisor.organisation.id).timeZone;
    return Response::json(200, empty.toJson());
}

Response Api::putAvailability(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request,
                                                     {{u"timeZone"_s, QJsonValue::String, true},
                                                      {u"weekly"_s, QJsonValue::Object, true},
                                                      {u"absences"_s, QJsonValue::Array, false},
                                                      {u"types"_s, QJsonValue::Array, true},
                                                      {u"bufferBeforeMinutes"_s, QJsonValue::Double, false},
                                                      {u"bufferAfterMinutes"_s, QJsonValue::Double, false},
                                                      {u"minimumNoticeMinutes"_s, QJsonValue::Double, false},
                                                      {u"horizonDays"_s, QJsonValue::Double, false},
                                                      {u"slotStepMinutes"_s, QJsonValue::Double, false}},
                                                     body))
        return *error;
    Models::FieldErrors errors;
    const auto availability = Models::Availability::fromJson(body, &errors);
    AvailabilityStore store(m_store);
    if (availability) {
        QStringList active;
        for (const LocationRecord &location : store.locations(caller.advisor.organisation.id))
            active.append(location.id);
        for (qsizetype i = 0; i < availability->types.size(); ++i) {
            const QStringList &ids = availability->types.at(i).locationIds;
            for (qsizetype j = 0; j < ids.size(); ++j) {
                if (!active.contains(ids.at(j)))
                    errors.insert(u"types[%1].locationIds[%2]"_s.arg(i).arg(j), u"unknown location"_s);
            }
        }
    }
    if (!errors.isEmpty())
        return validationFailed(errors);
    const QJsonObject canonical = availability->toJson();
    if (!store.saveRules(caller.advisor.organisation.id, caller.advisor.id,
                         QJsonDocument(canonical).toJson(QJsonDocument::Compact), now()))
        return saveFailed();
    JsonLog::info(u"availability_saved"_s, {{u"advisorId"_s, caller.advisor.id}});
    return Response::json(200, canonical);
}

Response Api::getLocations(const Caller &caller)
{
    return Response::json(
        200, {{u"locations"_s, locationsJson(AvailabilityStore(m_store).locations(caller.advisor.organisation.id))}});
}

Response Api::putLocations(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, {{u"locations"_s, QJsonValue::Array, true}}, body))
        return *error;
    AvailabilityStore store(m_store);
    const QStringList known = store.allLocationIds(caller.advisor.organisation.id);
    const QJsonArray array = body.value("locations"_L1).toArray();
    QMap<QString, QString> fields;
    if (array.size() > maxLocations)
        fields.insert(u"locations"_s, u"at most %1 locations"_s.arg(maxLocations));
    QList<LocationRecord> locations;
    QStringList seen;
    for (int i = 0; i < array.size() && fields.isEmpty(); ++i) {
        const QString name = u"locations[%1]"_s.arg(i);
        const QJsonObject object = array.at(i).toObject();
        if (!array.at(i).isObject()) {
            fields.insert(name, u"must be an object with name and address"_s);
            continue;
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key() != "id"_L1 && it.key() != "name"_L1 && it.key() != "address"_L1)
                fields.insert(name + u'.' + it.key(), u"unknown field"_s);
        }
        LocationRecord location{object.value("id"_L1).toString(), object.value("name"_L1).toString(),
                                object.value("address"_L1).toString()};
        if (object.contains("id"_L1)) {
            if (!object.value("id"_L1).isString() || !known.contains(location.id))
                fields.insert(name + u".id"_s, u"unknown location"_s);
            else if (seen.contains(location.id))
                fields.insert(name + u".id"_s, u"is listed twice"_s);
            seen.append(location.id);
        }
        if (!object.value("name"_L1).isString() || !isPlainText(location.name, 200, false))
            fields.insert(name + u".name"_s, u"must be 1 to 200 characters without control characters"_s);
        if (!object.value("address"_L1).isString() || !isPlainText(location.address, 500, true))
            fields.insert(name + u".address"_s, u"must be 1 to 500 characters without control characters"_s);
        locations.append(location);
    }
    if (!fields.isEmpty())
        return validationFailed(fields);
    if (!store.saveLocations(caller.advisor.organisation.id, locations, now()))
        return saveFailed();
    return Response::json(200, {{u"locations"_s, locationsJson(locations)}});
}

Response Api::getHolidays(const Caller &caller)
{
    return Response::json(
        200, {{u"holidays"_s, holidaysJson(AvailabilityStore(m_store).holidays(caller.advisor.organisation.id))}});
}

Response Api::putHolidays(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request, {{u"holidays"_s, QJsonValue::Array, true}}, body))
        return *error;
    const QJsonArray array = body.value("holidays"_L1).toArray();
    QMap<QString, QString> fields;
    if (array.size() > maxHolidays)
        fields.insert(u"holidays"_s, u"at most %1 dates"_s.arg(maxHolidays));
    QList<QDate> days;
    for (int i = 0; i < array.size() && fields.isEmpty(); ++i) {
        const QDate day = Models::AvailabilityFormat::parseDate(array.at(i).toString());
        if (!day.isValid())
            fields.insert(u"holidays[%1]"_s.arg(i), u"must be a date (yyyy-MM-dd)"_s);
        else if (days.contains(day))
            fields.insert(u"holidays[%1]"_s.arg(i), u"is listed twice"_s);
        days.append(day);
    }
    if (!fields.isEmpty())
        return validationFailed(fields);
    std::sort(days.begin(), days.end());
    if (!AvailabilityStore(m_store).saveHolidays(caller.advisor.organisation.id, days))
        return saveFailed();
    return Response::json(200, {{u"holidays"_s, holidaysJson(days)}});
}

Response Api::getOrgSettings(const Caller &caller)
{
    return Response::json(200, settingsJson(AvailabilityStore(m_store).settings(caller.advisor.organisation.id)));
}

Response Api::putOrgSettings(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request,
                                                     {{u"autoConfirm"_s, QJsonValue::Bool, true},
                                                      {u"timeZone"_s, QJsonValue::String, true},
                                                      {u"privacyPolicyVersion"_s, QJsonValue::String, true}},
                                                     body))
        return *error;
    static const QRegularExpression version(u"^[A-Za-z0-9._-]{1,50}$"_s);
    OrgSettingsRecord settings{body.value("autoConfirm"_L1).toBool(), body.value("timeZone"_L1).toString(),
                               body.value("privacyPolicyVersion"_L1).toString()};
    QMap<QString, QString> fields;
    if (!Models::AvailabilityFormat::isValidTimeZone(settings.timeZone))
        fields.insert(u"timeZone"_s, u"must be an IANA time zone such as Europe/Berlin"_s);
    if (!version.match(settings.privacyPolicyVersion).hasMatch())
        fields.insert(u"privacyPolicyVersion"_s, u"1 to 50 letters, digits, '.', '_' or '-'"_s);
    if (!fields.isEmpty())
        return validationFailed(fields);
    if (!AvailabilityStore(m_store).saveSettings(caller.advisor.organisation.id, settings, now()))
        return saveFailed();
    return Response::json(200, settingsJson(settings));
}

Response Api::putBusy(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request,
                                                     {{u"busy"_s, QJsonValue::Array, true},
                                                      {u"from"_s, QJsonValue::String, true},
                                                      {u"to"_s, QJsonValue::String, true}},
                                                     body))
        return *error;
    QMap<QString, QString> fields;
    const auto from = parseUtc(body.value("from"_L1).toString());
    const auto to = parseUtc(body.value("to"_L1).toString());
    if (!from)
        fields.insert(u"from"_s, u"must be a UTC time (yyyy-MM-ddTHH:mm:ssZ)"_s);
    if (!to)
        fields.insert(u"to"_s, u"must be a UTC time (yyyy-MM-ddTHH:mm:ssZ)"_s);
    else if (from && (*to <= *from || *to - *from > maxBusyWindowSeconds))
        fields.insert(u"to"_s, u"must be after from, at most 400 days"_s);
    const QJsonArray array = body.value("busy"_L1).toArray();
    if (array.size() > maxBusyBlocks)
        fields.insert(u"busy"_s, u"at most %1 blocks"_s.arg(maxBusyBlocks));
    QList<Models::TimeInterval> blocks;
    for (int i = 0; i < array.size() && !fields.contains(u"busy"_s); ++i) {
        const QString name = u"busy[%1]"_s.arg(i);
        const QJsonObject object = array.at(i).toObject();
        if (!array.at(i).isObject() || object.size() != 2) {
            fields.insert(name, u"must be an object with start and end"_s);
            continue;
        }
        const auto start = parseUtc(object.value("start"_L1).toString());
        const auto end = parseUtc(object.value("end"_L1).toString());
        if (!start)
            fields.insert(name + u".start"_s, u"must be a UTC time (yyyy-MM-ddTHH:mm:ssZ)"_s);
        else if (from && to && (*start < *from || *start >= *to))
            fields.insert(name + u".start"_s, u"must lie in [from, to)"_s);
        if (!end)
            fields.insert(name + u".end"_s, u"must be a UTC time (yyyy-MM-ddTHH:mm:ssZ)"_s);
        else if (start && (*end <= *start || *end - *start > maxBusyBlockSeconds))
            fields.insert(name + u".end"_s, u"must be after start, at most 31 days"_s);
        if (start && end)
            blocks.append({*start, *end});
    }
    if (!fields.isEmpty())
        return validationFailed(fields);
    if (!AvailabilityStore(m_store).replaceBusy(caller.advisor.organisation.id, caller.advisor.id, *from, *to, blocks))
        return saveFailed();
    return Response::noContent();
}

Response Api::publicOrganisation(const Request &request, const QString &slug)
{
    if (auto limited = publicRateLimit(request, {}))
        return *limited;
    const auto notFound = [] { return Response::error(404, u"not_found"_s, u"There is no such organisation."_s); };
    const auto organisation = RequestValidator::isValidSlug(slug) ? m_store.organisationBySlug(slug) : std::nullopt;
    if (!organisation)
        return notFound();
    if (auto limited = publicRateLimit(request, organisation->id))
        return *limited;
    AvailabilityStore store(m_store);
    const OrgSettingsRecord settings = store.settings(organisation->id);
    const QList<LocationRecord> locations = store.locations(organisation->id);
    QList<Models::AppointmentTypeRule> types;
    QStringList usedLocations;
    QJsonArray advisors;
    for (const AdvisorRulesRecord &record : store.rulesOfOrganisation(organisation->id)) {
        const auto rules = Models::Availability::fromJson(QJsonDocument::fromJson(record.rules).object());
        if (!rules || rules->types.isEmpty())
            continue;
        advisors.append(QJsonObject{{u"id"_s, record.advisorId}, {u"displayName"_s, record.displayName}});
        for (const Models::AppointmentTypeRule &rule : rules->types) {
            const bool known =
                std::any_of(types.cbegin(), types.cend(), [&](const auto &t) { return t.type == rule.type; });
            if (!known)
                types.append(rule);
            usedLocations.append(rule.locationIds);
        }
    }
    std::sort(types.begin(), types.end(), [](const auto &a, const auto &b) { return a.type < b.type; });
    QJsonArray typeArray;
    for (const Models::AppointmentTypeRule &rule : std::as_const(types))
        typeArray.append(QJsonObject{{u"type"_s, Models::appointmentTypeName(rule.type)},
                                     {u"durationMinutes"_s, rule.durationMinutes}});
    QList<LocationRecord> offered;
    for (const LocationRecord &location : locations) {
        if (usedLocations.contains(location.id))
            offered.append(location);
    }
    return Response::json(200,
                          {{u"organisation"_s, QJsonObject{{u"slug"_s, organisation->slug},
                                                           {u"name"_s, organisation->name},
                                                           {u"timeZone"_s, settings.timeZone}}},
                           {u"privacyPolicy"_s, QJsonObject{{u"version"_s, settings.privacyPolicyVersion},
                                                            {u"url"_s, QString(u"/privacy/"_s + organisation->slug)}}},
                           {u"types"_s, typeArray},
                           {u"locations"_s, locationsJson(offered)},
                           {u"advisors"_s, advisors}});
}

Response Api::publicSlots(const Request &request, const QString &slug)
{
    if (auto limited = publicRateLimit(request, {}))
        return *limited;
    const auto organisation = RequestValidator::isValidSlug(slug) ? m_store.organisationBySlug(slug) : std::nullopt;
    if (!organisation)
        return Response::error(404, u"not_found"_s, u"There is no such organisation."_s);
    if (auto limited = publicRateLimit(request, organisation->id))
        return *limited;

    QMap<QString, QString> fields;
    const QStringList known = {u"type"_s, u"from"_s, u"to"_s, u"advisor"_s, u"location"_s};
    QStringList given;
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (!known.contains(key))
            fields.insert(key, u"unknown parameter"_s);
        else if (given.contains(key))
            fields.insert(key, u"given twice"_s);
        given.append(key);
    }
    const auto value = [&](const QString &key) { return request.query.queryItemValue(key, QUrl::FullyDecoded); };
    SlotSearch query;
    const auto type = Models::appointmentTypeFromName(value(u"type"_s));
    if (!type)
        fields.insert(u"type"_s, u"must be video, phone or onsite"_s);
    else
        query.type = *type;
    const auto from = parseUtc(value(u"from"_s));
    const auto to = parseUtc(value(u"to"_s));
    if (!from)
        fields.insert(u"from"_s, u"must be a UTC time (yyyy-MM-ddTHH:mm:ssZ)"_s);
    if (!to)
        fields.insert(u"to"_s, u"must be a UTC time (yyyy-MM-ddTHH:mm:ssZ)"_s);
    else if (from && *to <= *from)
        fields.insert(u"to"_s, u"must be after from"_s);
    else if (from && *to - *from > maxSlotQuerySeconds)
        fields.insert(u"to"_s, u"at most 62 days after from"_s);
    query.advisorId = value(u"advisor"_s);
    query.locationId = value(u"location"_s);
    if (given.contains(u"advisor"_s) && !Models::AvailabilityFormat::isUuid(query.advisorId))
        fields.insert(u"advisor"_s, u"must be an advisor id"_s);
    if (given.contains(u"location"_s) && !Models::AvailabilityFormat::isUuid(query.locationId))
        fields.insert(u"location"_s, u"must be a location id"_s);
    if (!fields.isEmpty())
        return validationFailed(fields);
    // Another organisation's ids are unknown here.
    if (!query.advisorId.isEmpty()) {
        const auto advisor = m_store.advisorById(query.advisorId);
        if (!advisor || advisor->organisation.id != organisation->id || advisor->disabled)
            return Response::error(404, u"not_found"_s, u"There is no such advisor."_s);
    }
    if (!query.locationId.isEmpty()) {
        const auto locations = AvailabilityStore(m_store).locations(organisation->id);
        if (std::none_of(locations.cbegin(), locations.cend(),
                         [&](const LocationRecord &l) { return l.id == query.locationId; }))
            return Response::error(404, u"not_found"_s, u"There is no such location."_s);
        if (query.type != Models::AppointmentType::Onsite)
            query.locationId.clear(); // a location only narrows onsite appointments
    }
    query.from = *from;
    query.to = *to;
    return Response::json(200, {{u"slots"_s, slotsJson(m_slots.freeSlots(organisation->id, query))}});
}

} // namespace Lotse::Server
