#pragma once

#include "app/AvailabilitySettings.h"

#include "models/CalendarModel.h"

#include <QDate>
#include <QObject>
#include <QPointer>

namespace Lotse::Models {
class CalendarModel;
}

namespace Lotse::Client {

class AvailabilityService;
class BusyUploader;
class ImportedCalendars;
class RequestsService;

// The calendar's source: the confirmed, pending and proposed bookings the Requests section already
// holds (opened on this device), as a Models::CalendarModel, plus the advisor's working hours.
// Widgets show `model()` and call these; nothing here talks to the network beyond the services.
class CalendarService : public QObject
{
    Q_OBJECT

public:
    CalendarService(RequestsService *requests, AvailabilityService *availability, QObject *parent = nullptr);
    ~CalendarService() override;

    [[nodiscard]] Models::CalendarModel *model() const { return m_model; }
    // Where the calendar's actions (reschedule, cancel, notes) go.
    [[nodiscard]] RequestsService *requests() const;
    // Weekly working hours, wall-clock in the model's time zone; empty until loaded.
    [[nodiscard]] const AvailabilitySettings &availability() const { return m_availability; }

    // Fetches the bookings and the working hours again.
    void refresh();

    // Calendars imported from .ics files join the model as read-only external items.
    void setImportedCalendars(ImportedCalendars *imported);
    [[nodiscard]] ImportedCalendars *importedCalendars() const;
    // Sends the busy times of the imports chosen to count as busy; null when there is no server.
    void setBusyUploader(BusyUploader *uploader);
    [[nodiscard]] BusyUploader *busyUploader() const;
    // The views show these days: imported recurring events are expanded around them.
    void showDates(QDate first, QDate last);
    // The title of an appointment whose name is not known on this device.
    [[nodiscard]] static QString neutralTitle();

Q_SIGNALS:
    void availabilityChanged();

private:
    void rebuild();
    void setAvailability(const AvailabilitySettings &availability);
    void refreshExternal();

    QPointer<RequestsService> m_requests;
    QPointer<AvailabilityService> m_availabilityService;
    Models::CalendarModel *m_model;
    AvailabilitySettings m_availability;
    QPointer<ImportedCalendars> m_imported;
    QPointer<BusyUploader> m_busyUploader;
    QList<Models::Appointment> m_external;
    QDate m_windowFirst;
    QDate m_windowLast;
};

} // namespace Lotse::Client
