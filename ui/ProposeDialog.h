#pragma once

#include <QDateTime>
#include <QDialog>
#include <QTimeZone>

class QLabel;
class QListWidget;
class QPushButton;

namespace Lotse::Ui {

// Lets the advisor pick one of their free slots to propose instead of the requested time. The
// slots arrive later (setSlots) or not at all (showError).
class ProposeDialog : public QDialog
{
    Q_OBJECT

public:
    struct Slot
    {
        QDateTime start;
        QDateTime end;
    };

    // Proposing asks the help-seeker to accept; rescheduling (from the calendar) moves the
    // appointment right away. Only the wording differs.
    enum class Purpose
    {
        Propose,
        Reschedule,
    };

    ProposeDialog(const QTimeZone &zone, QWidget *parent = nullptr, Purpose purpose = Purpose::Propose);

    void setSlots(const QList<Slot> &freeSlots);
    void showError(const QString &message);
    [[nodiscard]] QDateTime chosenStart() const;

private:
    QTimeZone m_zone;
    QLabel *m_statusLabel;
    QListWidget *m_slotsListWidget;
    QPushButton *m_proposeButton;
};

} // namespace Lotse::Ui
