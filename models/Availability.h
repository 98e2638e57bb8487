#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Lotse::Models {

enum class AppointmentType
{
    Video,
    Phone,
    Onsite
};

[[nodiscard]] QString appointmentTypeName(AppointmentType type);
[[nodiscard]] std::optional<AppointmentType> appointmentTypeFromName(const QString &name);

// Field name -> what is wrong, as in API.md's validation errors (`weekly.mon[1].end`).
using FieldErrors = QMap<QString, QString>;

// A wall-clock time range within one day, in minutes since local midnight; end may be 1440 ("24:00").
struct DayRange
{
    int startMinute = 0;
    int endMinute = 0;

    friend bool operator==(const DayRange &, const DayRange &) = default;
};

// A wall-clock moment without a zone: the zone is the advisor's.
struct LocalDateTime
{
    QDate date;
    int minute = 0; // since midnight

    friend bool operator==(const LocalDateTime &, const LocalDateTime &) = default;
};

struct Absence
{
    LocalDateTime start;
    LocalDateTime end;
    QString label;

    friend bool operator==(const Absence &, const Absence &) = default;
};

struct AppointmentTypeRule
{
    AppointmentType type = AppointmentType::Video;
    int durationMinutes = 0;
    QStringList locationIds; // onsite only

    friend bool operator==(const AppointmentTypeRule &, const AppointmentTypeRule &) = default;
};

// One advisor's booking rules (API.md, "Availability"): the body of GET/PUT /api/v1/me/availability.
struct Availability
{
    QString timeZone = QStringLiteral("Europe/Berlin"); // IANA id
    std::array<QList<DayRange>, 7> weekly;              // [0] Monday ... [6] Sunday, sorted, not overlapping
    QList<Absence> absences;
    QList<AppointmentTypeRule> types;
    int bufferBeforeMinutes = 0;
    int bufferAfterMinutes = 0;
    int minimumNoticeMinutes = 0;
    int horizonDays = 60;
    int slotStepMinutes = 15;

    [[nodiscard]] const AppointmentTypeRule *rule(AppointmentType type) const;

    [[nodiscard]] QJsonObject toJson() const;
    // Validates every field; on failure returns std::nullopt and fills `errors` (when given) with
    // one entry per wrong field. Location ids are checked for form only: whether they exist is the
    // server's business.
    [[nodiscard]] static std::optional<Availability> fromJson(const QJsonObject &json, FieldErrors *errors = nullptr);

    friend bool operator==(const Availability &, const Availability &) = default;

    static constexpr int maxRangesPerDay = 12;
    static constexpr int maxAbsences = 500;
    static constexpr int maxLabelLength = 100;
    static constexpr int maxBufferMinutes = 240;
    static constexpr int minDurationMinutes = 5;
    static constexpr int maxDurationMinutes = 480;
    static constexpr int maxNoticeMinutes = 90 * 24 * 60;
    static constexpr int maxHorizonDays = 365;
    static constexpr int minStepMinutes = 5;
    static constexpr int maxStepMinutes = 240;
    static constexpr int maxLocationsPerType = 50;
};

// Small parsers shared by the availability and organisation bodies.
namespace AvailabilityFormat {
// "HH:mm" (00:00..24:00) -> minutes, or -1.
[[nodiscard]] int parseClock(const QString &text);
[[nodiscard]] QString formatClock(int minute);
// "yyyy-MM-ddTHH:mm" -> local date and time.
[[nodiscard]] std::optional<LocalDateTime> parseLocal(const QString &text);
[[nodiscard]] QString formatLocal(const LocalDateTime &time);
// "yyyy-MM-dd" only, strictly.
[[nodiscard]] QDate parseDate(const QString &text);
// A whole JSON number within [min, max].
[[nodiscard]] std::optional<int> wholeNumber(const QJsonValue &value, int min, int max);
[[nodiscard]] bool isValidTimeZone(const QString &id);
// Lower-case UUID without braces.
[[nodiscard]] bool isUuid(const QString &text);
} // namespace AvailabilityFormat

} // namespace Lotse::Models
