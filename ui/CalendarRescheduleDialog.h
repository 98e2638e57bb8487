#pragma once

#include <QDateTime>
#include <QDialog>
#include <QTimeZone>

class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace Lotse::Ui {

// Moves an appointment to a date and time the advisor types or picks, without dragging: a date
// (with a calendar pop-up), a start time and a length, in the advisor's zone; the help-seeker's
// time next to it when their zone differs. The advisor's free times are offered as shortcuts, but
// any future time goes (the server refuses only overlaps with other appointments).
class CalendarRescheduleDialog : public QDialog
{
    Q_OBJECT

public:
    struct Slot
    {
        QDateTime start;
        QDateTime end;
    };

    // `start`/`end` the appointment's current time; `now` decides what counts as the past.
    CalendarRescheduleDialog(const QString &who, const QDateTime &start, const QDateTime &end, const QTimeZone &zone,
                             const QTimeZone &theirZone, const QDateTime &now, QWidget *parent = nullptr);

    void setFreeSlots(const QList<Slot> &freeSlots);
    void showSlotsError(const QString &message);

    // The chosen time (UTC); invalid while what is typed cannot be used.
    [[nodiscard]] QDateTime chosenStart() const;
    [[nodiscard]] QDateTime chosenEnd() const;

    static constexpr int MinimumMinutes = 5;
    static constexpr int MaximumMinutes = 12 * 60;

private:
    void updateSummary();

    QTimeZone m_zone;
    QTimeZone m_theirZone;
    QDateTime m_originalStart;
    QDateTime m_now;
    QDateEdit *m_dateEdit;
    QTimeEdit *m_timeEdit;
    QSpinBox *m_durationSpinBox;
    QLabel *m_summaryLabel;
    QLabel *m_slotsStatusLabel;
    QListWidget *m_slotsListWidget;
    QPushButton *m_moveButton;
};

} // namespace Lotse::Ui
