#pragma once

#include "app/AvailabilitySettings.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include <array>
#include <optional>

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

    // The appointment a click or the keyboard picked; empty for none.
    void setSelectedId(const QString &id);
    [[nodiscard]] QString selectedId() const { return m_selectedId; }
    // Dragging snaps to this many minutes: 15, or 5 when zoomed in far enough to aim that finely.
    [[nodiscard]] int snapMinutes() const;
    // Moves (or with `resize` lengthens/shortens) the selected appointment by `steps` snap steps,
    // as Alt+Up/Down and Alt+Shift+Up/Down do. False when nothing movable is selected.
    bool nudgeSelected(int steps, bool resize);
    // Selects the next (direction 1) or previous (-1) appointment shown, in order of time, as Tab
    // and Shift+Tab do; from none, the first or the last. False at either end.
    bool selectNext(int direction);
    // Whether the appointment can be dragged: timed, and pending or confirmed.
    [[nodiscard]] bool isMovable(const QString &id) const;

    // While dragging: where the appointment would go. Esc (cancelDrag) puts everything back.
    [[nodiscard]] bool isDragging() const { return m_drag && m_drag->active; }
    void cancelDrag();
    [[nodiscard]] QRect ghostRect() const;
    // After a drop the appointment is drawn at its new time until the model has it there too, or
    // until this is called (the server refused).
    void clearPendingMove();
    // Where a pending proposal of the appointment is drawn (a dashed ghost); empty when none in view.
    [[nodiscard]] QRect proposalRect(const QString &id) const;
    // The tooltip text: who, when, and the help-seeker's time when their zone differs.
    [[nodiscard]] QString toolTipFor(const QString &id) const;
    // The help-seeker's start–end in their zone with the zone's name, when it differs; else empty.
    [[nodiscard]] QString theirTimeText(const QString &id) const;

Q_SIGNALS:
    // Double-click or Enter: open the appointment's details.
    void appointmentActivated(const QString &id);
    void selectionChanged(const QString &id);
    // A drop or a keyboard nudge: the appointment should move to [start, end) (UTC).
    void rescheduleRequested(const QString &id, const QDateTime &start, const QDateTime &end);
    void hourHeightChanged(int pixels);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
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
        QDateTime start; // where it is drawn: the model's start, or a pending move's
        bool proposal = false;
    };
    struct Drag
    {
        enum class Mode
        {
            Move,
            Resize,
        };
        QString id;
        Mode mode = Mode::Move;
        QPoint pressPosition;
        QDate date;      // the day it started on
        int startMinute; // wall-clock minutes of that day
        int endMinute;   // up to 1440
        bool active = false;
        QDateTime start; // where the ghost is (UTC)
        QDateTime end;
    };
    struct PendingMove
    {
        QString id;
        QDateTime start;
        QDateTime end;
    };
    void relayout();
    // The topmost block under `point` (banners follow the sticky band); nullptr when none.
    [[nodiscard]] const Block *blockAt(QPoint point) const;
    [[nodiscard]] int stickyTop() const;
    void updateDrag(QPoint position);
    [[nodiscard]] QDateTime wallClock(QDate day, int minute) const;
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
    QString m_selectedId;
    std::optional<Drag> m_drag;
    std::optional<PendingMove> m_pendingMove;
};

} // namespace Lotse::Ui
