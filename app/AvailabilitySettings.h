#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <array>

namespace Lotse::Client {

// An advisor's bookable hours and rules as GET/PUT /api/v1/me/availability carries them
// (API.md, "Availability"). Weekly ranges and absences are wall-clock times in `timeZone`.
struct AvailabilitySettings
{
    struct Range
    {
        QTime start;
        QTime end; // 00:00 stands for the end of the day ("24:00")
        friend bool operator==(const Range &a, const Range &b) { return a.start == b.start && a.end == b.end; }
    };
    struct Absence
    {
        QDate firstDay;
        QDate lastDay; // inclusive
        QString label;
    };
    struct AppointmentType
    {
        QString type; // video, phone, onsite
        int durationMinutes = 0;
        QStringList locationIds; // onsite only
    };

    static constexpr int Days = 7; // Monday first, as the API's "mon" … "sun"

    QString timeZone;
    std::array<QList<Range>, Days> weekly;
    QList<Absence> absences;
    QList<AppointmentType> types;
    int bufferBeforeMinutes = 0;
    int bufferAfterMinutes = 0;
    int minimumNoticeMinutes = 0;
    int horizonDays = 60;
    int slotStepMinutes = 15;

    [[nodiscard]] static QString dayKey(int day); // 0 → "mon"
    [[nodiscard]] const AppointmentType *typeOf(const QString &type) const;

    // Unknown members of `json` are kept and sent back unchanged by toJson().
    [[nodiscard]] static AvailabilitySettings fromJson(const QJsonObject &json);
    [[nodiscard]] QJsonObject toJson() const;

    QJsonObject original;
};

} // namespace Lotse::Client
