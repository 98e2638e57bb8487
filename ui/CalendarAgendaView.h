#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

namespace Lotse::Models {
class CalendarModel;
struct Appointment;
} // namespace Lotse::Models

namespace Lotse::Ui {

// The agenda: the appointments of two weeks from the shown date as a list grouped by day, for
// reading ahead without a grid.
class CalendarAgendaView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int Days = 14;

    explicit CalendarAgendaView(Models::CalendarModel *model, QWidget *parent = nullptr);

    void setDate(QDate date);
    [[nodiscard]] QDate date() const { return m_date; }
    void setTimeZone(const QTimeZone &zone);
    void setNow(const QDateTime &now);

    // Where the appointment's line is drawn; empty when it is not listed.
    [[nodiscard]] QRect rectForAppointment(const QString &id) const;
    // The help-seeker's time of the appointment in their zone, when that differs from the view's.
    [[nodiscard]] QString theirTimeText(const QString &id) const;

    [[nodiscard]] QSize sizeHint() const override;

Q_SIGNALS:
    void appointmentActivated(const QString &id);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Line
    {
        QDate day; // a heading when id is empty
        QString id;
        int row = -1;
        QRect rect;
    };
    void relayout();
    [[nodiscard]] QString timeTextOn(const Models::Appointment &a, QDate date) const;

    Models::CalendarModel *m_model;
    QDate m_date;
    QTimeZone m_zone;
    QDateTime m_now;
    QList<Line> m_lines;
};

} // namespace Lotse::Ui
