#include "app/CalendarService.h"

#include "app/AvailabilityService.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "models/CalendarModel.h"

using namespace Qt::StringLiterals;

namespace Lotse::Client {

CalendarService::CalendarService(RequestsService *requests, AvailabilityService *availability, QObject *parent)
    : QObject(parent)
    , m_requests(requests)
    , m_availabilityService(availability)
    , m_model(new Models::CalendarModel(this))
{
    RequestsModel *source = requests->model();
    connect(source, &QAbstractItemModel::modelReset, this, &CalendarService::rebuild);
    connect(source, &QAbstractItemModel::layoutChanged, this, &CalendarService::rebuild);
    connect(source, &QAbstractItemModel::rowsInserted, this, &CalendarService::rebuild);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &CalendarService::rebuild);
    connect(source, &QAbstractItemModel::rowsMoved, this, &CalendarService::rebuild);
    connect(source, &QAbstractItemModel::dataChanged, this, &CalendarService::rebuild);
    connect(availability, &AvailabilityService::availabilityChanged, this, &CalendarService::setAvailability);
    rebuild();
}

CalendarService::~CalendarService() = default;

RequestsService *CalendarService::requests() const
{
    return m_requests.data();
}

void CalendarService::refresh()
{
    if (m_requests)
        m_requests->refresh();
    if (m_availabilityService) {
        QPointer<CalendarService> self(this);
        m_availabilityService->load([self](const AvailabilityService::Loaded &loaded, const ApiError &error) {
            if (self && !error.isError())
                self->setAvailability(loaded.availability);
        });
    }
}

void CalendarService::rebuild()
{
    if (!m_requests)
        return;
    const RequestsModel *source = m_requests->model();
    QList<Models::Appointment> appointments;
    for (int row = 0; row < source->rowCount(); ++row) {
        const BookingRequest &request = source->at(row);
        const bool inCalendar = request.isBooking() && (request.status == u"confirmed" ||
                                                        request.status == u"pending" || request.status == u"proposed");
        if (!inCalendar || !request.start.isValid())
            continue;
        QString title = u"%1 %2"_s.arg(request.firstName, request.lastName).trimmed();
        if (request.fields != BookingRequest::Fields::Opened || title.isEmpty())
            title = tr("Appointment");
        appointments.append(Models::Appointment{request.id, request.start.toUTC(), request.end.toUTC(), request.type,
                                                request.status, title, false, request.timeZone, request.proposalStart,
                                                request.proposalEnd});
    }
    m_model->setTimeZone(source->advisorTimeZone());
    m_model->setAppointments(appointments);
}

void CalendarService::setAvailability(const AvailabilitySettings &availability)
{
    m_availability = availability;
    Q_EMIT availabilityChanged();
}

} // namespace Lotse::Client
