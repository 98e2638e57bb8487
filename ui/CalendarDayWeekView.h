#pragma once

#include "app/AvailabilitySettings.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include <array>

namespace Lotse::Models {
class CalendarModel;
}

namespace Lotse::Ui {

// The day and week views: one column per day, hours down the side, appointments as coloured blocks
// (overlapping ones side by side), all-day and multi-day items in a band on top, working hours
// shaded and a line at "now". Times are wall-clock in the view's zone, so hour lines stay aligned
// on the 23- and 25-hour days of a DST change.
class CalendarDayWeekView : public QWidget
{
    Q_OBJECT

public:
    using WorkingHours = std::array<QList<Client::AvailabilitySettings::Range>, Client::AvailabilitySettings::Days>;

    explicit CalendarDayWeekView(Models::CalendarModel *model, QWidget *parent = nullptr);

    // 1 shows the day of `date()`, 7 the week (Monday first) holding it.
    void setDayCount(int days);
    [[nodiscard]] int dayCount() const { return m_dayCount; }
    void setDate(QDate date);
    [[nodiscard]] QDate date() const { return m_date; }
    [[nodiscard]] QList<QDate> dates() const;
    void setTimeZone(const QTimeZone &zone);
    [[nodiscard]] QTimeZone timeZone() const { return m_zone; }
    // The instant the now line marks; tests pin it, the page moves it every minute.
    void setNow(const QDateTime &now);
    void setWorkingHours(const WorkingHours &hours);

    void setHourHeight(int pixels);
    [[nodiscard]] int hourHeight() const { return m_hourHeight; }
    void zoomIn();
    void zoomOut();

    // Where the appointment's first visible part is drawn; empty when it is not in view.
    [[nodiscard]] QRect rectForAppointment(const QString &id) const;
    // The y coordinate of a wall-clock minute of the day (0 … 1440).
    [[nodiscard]] int yForMinute(int minute) const;
    [[nodiscard]] QRect dayColumnRect(int column) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    void appointmentActivated(const QString &id);
    void hourHeightChanged(int pixels);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Block
    {
        QString id;
        QRect rect;
        int row = 0; // model row
        bool banner = false;
    };
    void relayout();
    [[nodiscard]] int bannerRows() const { return m_bannerRows; }
    [[nodiscard]] int gridTop() const;
    [[nodiscard]] int minuteOf(const QDateTime &instant, QDate day) const;

    Models::CalendarModel *m_model;
    int m_dayCount = 7;
    QDate m_date;
    QTimeZone m_zone;
    QDateTime m_now;
    WorkingHours m_workingHours;
    int m_hourHeight = 44;
    int m_bannerRows = 0;
    QList<Block> m_blocks;
};

} // namespace Lotse::Ui
