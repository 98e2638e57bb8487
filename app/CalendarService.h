#pragma once

#include "app/AvailabilitySettings.h"

#include <QObject>
#include <QPointer>

namespace Lotse::Models {
class CalendarModel;
}

namespace Lotse::Client {

class AvailabilityService;
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

Q_SIGNALS:
    void availabilityChanged();

private:
    void rebuild();
    void setAvailability(const AvailabilitySettings &availability);

    QPointer<RequestsService> m_requests;
    QPointer<AvailabilityService> m_availabilityService;
    Models::CalendarModel *m_model;
    AvailabilitySettings m_availability;
};

} // namespace Lotse::Client
