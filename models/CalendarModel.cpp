#include "models/CalendarModel.h"

#include "models/CalendarLayout.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Lotse::Models {

CalendarModel::CalendarModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void CalendarModel::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    if (!m_appointments.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_appointments.size()) - 1), {MultiDayRole});
}

void CalendarModel::setAppointments(const QList<Appointment> &appointments)
{
    QSet<QString> incoming;
    for (const Appointment &appointment : appointments)
        incoming.insert(appointment.id);

    for (int row = int(m_appointments.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_appointments.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_appointments.removeAt(row);
        endRemoveRows();
    }

    QList<Appointment> added;
    for (const Appointment &appointment : appointments) {
        const int row = rowOf(appointment.id);
        if (row < 0) {
            added.append(appointment);
        } else if (m_appointments.at(row) != appointment) {
            m_appointments[row] = appointment;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    if (added.isEmpty())
        return;
    const int first = int(m_appointments.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_appointments.append(added);
    endInsertRows();
}

int CalendarModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_appointments.size(); ++row) {
        if (m_appointments.at(row).id == id)
            return row;
    }
    return -1;
}

QList<Appointment> CalendarModel::between(const QDateTime &from, const QDateTime &to) const
{
    QList<Appointment> result;
    for (const Appointment &appointment : m_appointments) {
        // An appointment without duration still shows at its start.
        const bool overlaps =
            appointment.start < to &&
            (appointment.end > from || (appointment.start == appointment.end && appointment.start >= from));
        if (overlaps)
            result.append(appointment);
    }
    return result;
}

int CalendarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_appointments.size());
}

QVariant CalendarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Appointment &appointment = m_appointments.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return appointment.title;
    case IdRole:
        return appointment.id;
    case StartRole:
        return appointment.start;
    case EndRole:
        return appointment.end;
    case TypeRole:
        return appointment.type;
    case StatusRole:
        return appointment.status;
    case TheirTimeZoneRole:
        return appointment.theirTimeZone;
    case AllDayRole:
        return appointment.allDay;
    case ExternalRole:
        return appointment.isExternal();
    case MultiDayRole:
        return CalendarLayout::isMultiDay(appointment.start, appointment.end, m_zone);
    default:
        return {};
    }
}

QHash<int, QByteArray> CalendarModel::roleNames() const
{
    return {
        {IdRole, "id"_ba},
        {StartRole, "start"_ba},
        {EndRole, "end"_ba},
        {TypeRole, "type"_ba},
        {StatusRole, "status"_ba},
        {TitleRole, "title"_ba},
        {AllDayRole, "allDay"_ba},
        {MultiDayRole, "multiDay"_ba},
        {TheirTimeZoneRole, "theirTimeZone"_ba},
        {ExternalRole, "external"_ba},
    };
}

} // namespace Lotse::Models
