#pragma once

#include "app/AvailabilitySettings.h"

#include <QWidget>

#include <array>

namespace Lotse::Ui {

// The weekly hours as a grid: seven day columns, rows of one slot step each. Drag (or click) over
// free cells to mark them bookable, over marked cells to clear them; with the keyboard, the arrows
// move, Shift+arrows stretch a selection, Space toggles it and Delete clears it.
class WeekGridWidget : public QWidget
{
    Q_OBJECT

public:
    using Ranges = std::array<QList<Client::AvailabilitySettings::Range>, Client::AvailabilitySettings::Days>;

    explicit WeekGridWidget(QWidget *parent = nullptr);

    void setStepMinutes(int minutes);
    [[nodiscard]] int stepMinutes() const { return m_step; }
    // Ranges are rounded out to whole steps.
    void setRanges(const Ranges &ranges);
    [[nodiscard]] Ranges ranges() const;
    // Days whose ranges the server refused (drawn with a red edge); empty clears.
    void setDayErrors(const QList<int> &days);

    // Where the cell of `day` (0 = Monday) starting at `minute` is drawn (for tests and tooltips).
    [[nodiscard]] QRect cellRect(int day, int minute) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    void changed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Cell
    {
        int day = 0;
        int slot = 0;
    };
    [[nodiscard]] int slotsPerDay() const { return 24 * 60 / m_step; }
    [[nodiscard]] int firstVisibleSlot() const { return m_firstHour * 60 / m_step; }
    [[nodiscard]] int lastVisibleSlot() const { return m_lastHour * 60 / m_step; } // exclusive
    [[nodiscard]] int rowHeight() const;
    [[nodiscard]] QRect gridRect() const;
    [[nodiscard]] bool cellAt(const QPoint &point, Cell *cell) const;
    void applySelection(bool mark);
    [[nodiscard]] bool selectionIsMarked() const;
    void updateGeometryHints();

    int m_step = 15;
    int m_firstHour = 6; // the grid shows these hours (more when ranges lie outside)
    int m_lastHour = 22;
    std::array<QList<bool>, Client::AvailabilitySettings::Days> m_cells;
    std::array<QList<bool>, Client::AvailabilitySettings::Days> m_beforeDrag;
    QList<int> m_errorDays;
    Cell m_anchor;
    Cell m_cursor{0, 9 * 4}; // 09:00 on Monday
    bool m_dragging = false;
    bool m_dragMarks = true;
};

} // namespace Lotse::Ui
