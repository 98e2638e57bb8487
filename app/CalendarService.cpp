#include "app/CalendarService.h"

#include "app/AvailabilityService.h"
#include "app/BusyUploader.h"
#include "app/ImportedCalendars.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "models/CalendarLayout.h"
#include "models/CalendarModel.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
// How far around the shown days imported recurring events are expanded.
constexpr int WindowDaysBefore = 92;
constexpr int WindowDaysAfter = 366;
} // namespace

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

QString CalendarService::neutralTitle()
{
    return tr("Appointment");
}

void CalendarService::setImportedCalendars(ImportedCalendars *imported)
{
    if (m_imported)
        disconnect(m_imported, nullptr, this, nullptr);
    m_imported = imported;
    if (imported)
        connect(imported, &ImportedCalendars::changed, this, &CalendarService::refreshExternal);
    refreshExternal();
}

ImportedCalendars *CalendarService::importedCalendars() const
{
    return m_imported;
}

void CalendarService::setBusyUploader(BusyUploader *uploader)
{
    m_busyUploader = uploader;
}

BusyUploader *CalendarService::busyUploader() const
{
    return m_busyUploader;
}

void CalendarService::showDates(QDate first, QDate last)
{
    if (m_windowFirst.isValid() && first >= m_windowFirst && last <= m_windowLast)
        return;
    m_windowFirst = first.addDays(-WindowDaysBefore);
    m_windowLast = last.addDays(WindowDaysAfter);
    refreshExternal();
}

void CalendarService::refreshExternal()
{
    m_external.clear();
    if (m_imported) {
        if (!m_windowFirst.isValid()) {
            const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(m_model->timeZone()).date();
            m_windowFirst = today.addDays(-WindowDaysBefore);
            m_windowLast = today.addDays(WindowDaysAfter);
        }
        const QTimeZone zone = m_model->timeZone();
        if (m_imported->timeZone() != zone) {
            m_imported->setTimeZone(zone); // comes back here through changed()
            return;
        }
        const QList<ExternalOccurrence> occurrences =
            m_imported->occurrences(Models::CalendarLayout::day(m_windowFirst, zone).start,
                                    Models::CalendarLayout::day(m_windowLast, zone).end);
        QSet<QString> ids;
        for (const ExternalOccurrence &occurrence : occurrences) {
            QString id = u"external:%1:%2:%3"_s.arg(occurrence.calendarId, occurrence.uid)
                             .arg(occurrence.start.toSecsSinceEpoch());
            for (int n = 2; ids.contains(id); ++n)
                id = id.section(u'#', 0, 0) + u'#' + QString::number(n);
            ids.insert(id);
            const QString title = occurrence.summary.trimmed().isEmpty() ? tr("(no title)") : occurrence.summary;
            m_external.append(Models::Appointment{id, occurrence.start, occurrence.end,
                                                  Models::Appointment::ExternalType.toString(),
                                                  occurrence.busy ? u"busy"_s : u"free"_s, title, occurrence.allDay,
                                                  QString(), QDateTime(), QDateTime()});
        }
    }
    rebuild();
}

void CalendarService::rebuild()
{
    if (!m_requests)
        return;
    const RequestsModel *source = m_requests->model();
    if (m_imported && m_model->timeZone() != source->advisorTimeZone()) {
        // All-day and floating imported events move with the zone: expand them again.
        m_model->setTimeZone(source->advisorTimeZone());
        refreshExternal();
        return;
    }
    QList<Models::Appointment> appointments;
    for (int row = 0; row < source->rowCount(); ++row) {
        const BookingRequest &request = source->at(row);
        const bool inCalendar = request.isBooking() && (request.status == u"confirmed" ||
                                                        request.status == u"pending" || request.status == u"proposed");
        if (!inCalendar || !request.start.isValid())
            continue;
        QString title = u"%1 %2"_s.arg(request.firstName, request.lastName).trimmed();
        if (request.fields != BookingRequest::Fields::Opened || title.isEmpty())
            title = neutralTitle();
        appointments.append(Models::Appointment{request.id, request.start.toUTC(), request.end.toUTC(), request.type,
                                                request.status, title, false, request.timeZone, request.proposalStart,
                                                request.proposalEnd});
    }
    appointments.append(m_external);
    m_model->setTimeZone(source->advisorTimeZone());
    m_model->setAppointments(appointments);
}

void CalendarService::setAvailability(const AvailabilitySettings &availability)
{
    m_availability = availability;
    Q_EMIT availabilityChanged();
}

} // namespace Lotse::Client
