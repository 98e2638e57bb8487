#include "models/CalendarModel.h"

#include "models/CalendarLayout.h"

#include <QSet>

#include <algorithm>

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
    incoming.reserve(appointments.size());
    for (const Appointment &appointment : appointments)
        incoming.insert(appointment.id);

    // Rows that went are removed run by run (one signal per contiguous run), from the end so that
    // the rows still to look at keep their numbers.
    for (int last = int(m_appointments.size()) - 1; last >= 0;) {
        if (incoming.contains(m_appointments.at(last).id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !incoming.contains(m_appointments.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, last);
        m_appointments.remove(first, last - first + 1);
        reindex();
        endRemoveRows();
        last = first - 1;
    }

    // Changed rows are updated in place and announced once, over the span they cover, so that a
    // refresh touching many appointments makes each view lay out once rather than once per row.
    int firstChanged = -1;
    int lastChanged = -1;
    QList<Appointment> added;
    QSet<QString> seen; // a duplicated id (the server's answer is outside input) counts once
    seen.reserve(appointments.size());
    for (const Appointment &appointment : appointments) {
        if (seen.contains(appointment.id))
            continue;
        seen.insert(appointment.id);
        const int row = rowOf(appointment.id);
        if (row < 0) {
            added.append(appointment);
        } else if (m_appointments.at(row) != appointment) {
            m_appointments[row] = appointment;
            firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
            lastChanged = std::max(lastChanged, row);
        }
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged), index(lastChanged));
    if (added.isEmpty())
        return;
    const int first = int(m_appointments.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_appointments.append(added);
    reindex();
    endInsertRows();
}

void CalendarModel::reindex()
{
    m_rowById.clear();
    m_rowById.reserve(m_appointments.size());
    for (int row = 0; row < m_appointments.size(); ++row)
        m_rowById.insert(m_appointments.at(row).id, row);
}

int CalendarModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
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
    case ProposalStartRole:
        return appointment.proposalStart;
    case ProposalEndRole:
        return appointment.proposalEnd;
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
        {ProposalStartRole, "proposalStart"_ba},
        {ProposalEndRole, "proposalEnd"_ba},
        {ExternalRole, "external"_ba},
    };
}

} // namespace Lotse::Models
