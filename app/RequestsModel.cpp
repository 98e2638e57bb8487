#include "app/RequestsModel.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

RequestsModel::RequestsModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_zone(QTimeZone::systemTimeZone())
{}

void RequestsModel::setAdvisorTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    if (!m_requests.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {TimeTextRole, ShortTimeTextRole, Qt::ToolTipRole});
}

bool RequestsModel::sortsBefore(const BookingRequest &a, const BookingRequest &b)
{
    if (a.isOpen() != b.isOpen())
        return a.isOpen();
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id < b.id;
}

void RequestsModel::setRequests(QList<BookingRequest> requests)
{
    requests.erase(std::remove_if(requests.begin(), requests.end(),
                                  [](const BookingRequest &request) { return request.id.isEmpty(); }),
                   requests.end());
    // By id, once: with thousands of requests (a year of a busy advisor), looking each up in the
    // list made every sync quadratic.
    QHash<QString, int> knownRows;
    knownRows.reserve(m_requests.size());
    for (int row = 0; row < int(m_requests.size()); ++row)
        knownRows.insert(m_requests.at(row).id, row);
    QSet<QString> wantedIds;
    wantedIds.reserve(requests.size());
    for (BookingRequest &request : requests) {
        wantedIds.insert(request.id);
        // Opening costs a few microseconds; an unchanged envelope keeps what it opened to.
        const auto known = knownRows.constFind(request.id);
        const BookingRequest *old = known == knownRows.cend() ? nullptr : &m_requests.at(*known);
        if (old && old->sealed == request.sealed) {
            request.fields = old->fields;
            request.firstName = old->firstName;
            request.lastName = old->lastName;
            request.phone = old->phone;
            request.address = old->address;
            request.message = old->message;
        } else if (m_opener) {
            request.openFields(m_opener);
        } else {
            request.fields = BookingRequest::Fields::NotForThisDevice;
        }
    }
    std::stable_sort(requests.begin(), requests.end(), &RequestsModel::sortsBefore);

    if (m_requests.isEmpty() || requests.isEmpty()) {
        // The first fill (the offline copy at start) or everything gone: one reset, not a signal
        // per row that every listener (the calendar) would rebuild on.
        beginResetModel();
        m_requests = std::move(requests);
        endResetModel();
    } else {
        // Rows that are gone, from the bottom up.
        for (int row = int(m_requests.size()) - 1; row >= 0; --row) {
            if (!wantedIds.contains(m_requests.at(row).id)) {
                beginRemoveRows({}, row, row);
                m_requests.removeAt(row);
                endRemoveRows();
            }
        }
        // Then each row into its place: updated, moved up, or new. Most rows are where they were.
        for (int row = 0; row < int(requests.size()); ++row) {
            const BookingRequest &wanted = requests.at(row);
            const int current =
                row < int(m_requests.size()) && m_requests.at(row).id == wanted.id ? row : rowOf(wanted.id);
            if (current < 0) {
                beginInsertRows({}, row, row);
                m_requests.insert(row, wanted);
                endInsertRows();
                continue;
            }
            if (current != row) {
                beginMoveRows({}, current, current, {}, row);
                m_requests.move(current, row);
                endMoveRows();
            }
            m_requests[row] = wanted;
        }
        // The rows' contents may have changed (status, time, opened fields): one signal for all.
        if (!m_requests.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_requests.size()) - 1));
    }

    const int open = int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                                       [](const BookingRequest &request) { return request.isOpen(); }));
    if (open != m_openCount) {
        m_openCount = open;
        Q_EMIT openCountChanged(open);
    }
}

void RequestsModel::clear()
{
    setRequests({});
}

int RequestsModel::openCount() const
{
    return m_openCount;
}

int RequestsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < int(m_requests.size()); ++row) {
        if (m_requests.at(row).id == id)
            return row;
    }
    return -1;
}

const BookingRequest *RequestsModel::request(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_requests.at(row);
}

int RequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

QVariant RequestsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BookingRequest &request = m_requests.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        if (role == Qt::DisplayRole && request.fields != BookingRequest::Fields::Opened)
            return request.fields == BookingRequest::Fields::NotForThisDevice ? tr("Sealed to another device")
                                                                              : tr("Could not be decrypted");
        return request.fullName();
    case Qt::ToolTipRole:
        return timeText(request);
    case IdRole:
        return request.id;
    case KindRole:
        return int(request.kind);
    case StatusRole:
        return request.status;
    case StatusTextRole:
        return statusText(request);
    case TypeRole:
        return request.type;
    case StartRole:
        return request.start;
    case EndRole:
        return request.end;
    case TimeTextRole:
        return timeText(request);
    case ShortTimeTextRole:
        return timeText(request, false);
    case TimeZoneRole:
        return request.timeZone;
    case FieldsRole:
        return int(request.fields);
    case FirstNameRole:
        return request.firstName;
    case LastNameRole:
        return request.lastName;
    case PhoneRole:
        return request.phone;
    case AddressRole:
        return request.address;
    case MessageRole:
        return request.message;
    case EmailRole:
        return request.email;
    case LanguageRole:
        return request.language;
    case LocationIdRole:
        return request.locationId;
    case AdvisorIdRole:
        return request.advisorId;
    case CreatedAtRole:
        return request.createdAt;
    case IsOpenRole:
        return request.isOpen();
    default:
        return {};
    }
}

QHash<int, QByteArray> RequestsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "requestId"},
                  {KindRole, "kind"},
                  {StatusRole, "status"},
                  {StatusTextRole, "statusText"},
                  {TypeRole, "type"},
                  {StartRole, "start"},
                  {EndRole, "end"},
                  {TimeTextRole, "timeText"},
                  {ShortTimeTextRole, "shortTimeText"},
                  {TimeZoneRole, "timeZone"},
                  {FieldsRole, "fields"},
                  {NameRole, "name"},
                  {FirstNameRole, "firstName"},
                  {LastNameRole, "lastName"},
                  {PhoneRole, "phone"},
                  {AddressRole, "address"},
                  {MessageRole, "message"},
                  {EmailRole, "email"},
                  {LanguageRole, "language"},
                  {LocationIdRole, "locationId"},
                  {AdvisorIdRole, "advisorId"},
                  {CreatedAtRole, "createdAt"},
                  {IsOpenRole, "isOpen"}});
    return names;
}

QString RequestsModel::statusText(const BookingRequest &request)
{
    const QString &status = request.status;
    if (!request.isBooking())
        return status == "done"_L1 ? tr("Done") : tr("New message");
    if (status == "pending"_L1)
        return tr("Waiting for you");
    if (status == "confirmed"_L1)
        return tr("Confirmed");
    if (status == "declined"_L1)
        return tr("Declined");
    if (status == "proposed"_L1)
        return tr("Other time proposed");
    if (status == "cancelled"_L1)
        return tr("Cancelled");
    return status;
}

QString RequestsModel::timeText(const BookingRequest &request, bool withTheirZone) const
{
    const QLocale locale;
    //: Date format of the requests list (QDateTime format: ddd = short weekday, MMM = short month)
    const QString datePattern = tr("ddd, d MMM yyyy");
    if (!request.isBooking() || !request.start.isValid()) {
        const QDateTime received = request.createdAt.toTimeZone(m_zone);
        return tr("Received %1, %2")
            .arg(locale.toString(received.date(), datePattern), locale.toString(received.time(), QLocale::ShortFormat));
    }
    const QDateTime start = request.start.toTimeZone(m_zone);
    const QDateTime end = request.end.toTimeZone(m_zone);
    QString text =
        tr("%1, %2–%3")
            .arg(locale.toString(start.date(), datePattern), locale.toString(start.time(), QLocale::ShortFormat),
                 locale.toString(end.time(), QLocale::ShortFormat));
    // An empty id would give the machine's zone (Qt 6.4), so unknown stays unknown.
    const QTimeZone theirs = request.timeZone.isEmpty() ? QTimeZone() : QTimeZone(request.timeZone.toUtf8());
    if (withTheirZone && theirs.isValid() &&
        theirs.offsetFromUtc(request.start) != m_zone.offsetFromUtc(request.start)) {
        const QDateTime local = request.start.toTimeZone(theirs);
        //: %1 the appointment in the advisor's time, %2 the start in the help-seeker's time, %3 their zone
        text =
            tr("%1 (%2 for them, %3)").arg(text, locale.toString(local.time(), QLocale::ShortFormat), request.timeZone);
    }
    return text;
}

} // namespace Lotse::Client
