#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

namespace Lotse::Models {
class CalendarModel;
}

namespace Lotse::Ui {

// The month at a glance: six weeks of day cells, each with its number of appointments and the
// first few of them as coloured lines. A click on a day opens it in the day view.
class CalendarMonthView : public QWidget
{
    Q_OBJECT

public:
    explicit CalendarMonthView(Models::CalendarModel *model, QWidget *parent = nullptr);

    void setDate(QDate date);
    [[nodiscard]] QDate date() const { return m_date; }
    void setTimeZone(const QTimeZone &zone);
    void setNow(const QDateTime &now);

    // The first day shown (the Monday on or before the 1st).
    [[nodiscard]] QDate firstShownDate() const;
    [[nodiscard]] QRect rectForDate(QDate date) const;
    // Appointments touching `date` in the view's zone.
    [[nodiscard]] int countForDate(QDate date) const;

    [[nodiscard]] QSize sizeHint() const override;

Q_SIGNALS:
    void dateActivated(QDate date);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void relayout();
    // The rows touching `date`, by start; among `candidates` when given (else all rows).
    [[nodiscard]] QList<int> rowsOn(QDate date, const QList<int> *candidates = nullptr) const;
    // The rows touching any of the 42 days shown.
    [[nodiscard]] QList<int> rowsShown() const;

    Models::CalendarModel *m_model;
    QDate m_date;
    QTimeZone m_zone;
    QDateTime m_now;
    QList<QList<int>> m_rowsByDay; // the 42 days shown, each day's rows by start
};

} // namespace Lotse::Ui
