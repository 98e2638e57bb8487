#pragma once

#include "models/CalendarModel.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace Lotse::Client {

// Lotse's appointments as an iCalendar file for the advisor's own calendar app: one VEVENT per
// booking (UID `<bookingId>@lotse`, times in the advisor's zone with its VTIMEZONE, SUMMARY naming
// the type). Help-seekers' names go in only when the advisor asks for it; imported (external)
// items never do, they are not Lotse's.
class IcsExport
{
    Q_DECLARE_TR_FUNCTIONS(Lotse::Client::IcsExport)

public:
    struct Options
    {
        bool includeNames = false;
        // The title the calendar shows when it has no name to show; never written as a name.
        QString neutralTitle;
        QDateTime stamp = QDateTime::currentDateTimeUtc(); // DTSTAMP
    };

    // The appointments that overlap [from, to) and belong to Lotse, in the model's order.
    [[nodiscard]] static QList<Models::Appointment> select(const Models::CalendarModel &model, const QDateTime &from,
                                                           const QDateTime &to);
    [[nodiscard]] static QByteArray write(const QList<Models::Appointment> &appointments, const QTimeZone &zone,
                                          const Options &options);
    // "Counselling (video)", in the app's language.
    [[nodiscard]] static QString summaryFor(const QString &type);
    // Writes `data` to `path` whole or not at all; returns an error sentence, empty on success.
    [[nodiscard]] static QString save(const QString &path, const QByteArray &data);
};

} // namespace Lotse::Client
