#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace Lotse::Models {

// One appointment as the calendar shows it; the title is already opened (or a neutral label).
struct Appointment
{
    QString id;
    QDateTime start; // UTC
    QDateTime end;   // UTC
    QString type;    // video, phone, onsite
    QString status;  // the server's status word: confirmed, pending, proposed
    QString title;
    bool allDay = false;
    QString theirTimeZone; // the help-seeker's IANA zone; empty when unknown
    // Another time the advisor proposed, waiting for the help-seeker; invalid when none.
    QDateTime proposalStart{}; // UTC
    QDateTime proposalEnd{};   // UTC

    // Items of this type come from a calendar the advisor imported: shown, never changed by Lotse.
    static constexpr QStringView ExternalType = u"external";
    [[nodiscard]] bool isExternal() const { return type == ExternalType; }

    friend bool operator==(const Appointment &, const Appointment &) = default;
};

// The advisor's appointments for all calendar views. Updates in place by id, so that a refresh
// keeps the views' selection and scroll position; rows keep their order of arrival.
class CalendarModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole,
        StartRole, // QDateTime, UTC
        EndRole,   // QDateTime, UTC
        TypeRole,
        StatusRole,
        TitleRole,
        AllDayRole,
        MultiDayRole,      // touches more than one day in the model's time zone
        TheirTimeZoneRole, // the help-seeker's zone
        ProposalStartRole, // QDateTime, UTC; invalid without a proposal
        ProposalEndRole,
        ExternalRole, // bool: from an imported calendar, read-only
    };
    Q_ENUM(Role)

    explicit CalendarModel(QObject *parent = nullptr);

    // The zone that decides which day an appointment falls on (the advisor's).
    void setTimeZone(const QTimeZone &zone);
    [[nodiscard]] QTimeZone timeZone() const { return m_zone; }

    // Replaces the contents: rows of ids no longer present go, changed rows are updated, new ones
    // are appended.
    void setAppointments(const QList<Appointment> &appointments);

    [[nodiscard]] int rowOf(const QString &id) const;
    [[nodiscard]] const Appointment &at(int row) const { return m_appointments.at(row); }
    [[nodiscard]] const QList<Appointment> &appointments() const { return m_appointments; }
    // Appointments that overlap [from, to), in row order.
    [[nodiscard]] QList<Appointment> between(const QDateTime &from, const QDateTime &to) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    void reindex();

    QList<Appointment> m_appointments;
    QHash<QString, int> m_rowById; // rowOf in constant time: the views ask for every block
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace Lotse::Models
