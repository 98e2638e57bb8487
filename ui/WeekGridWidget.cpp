#include "ui/WeekGridWidget.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

using Settings = Client::AvailabilitySettings;
constexpr int Days = Settings::Days;
constexpr int HeaderHeight = 30;
constexpr int GutterWidth = 54;
constexpr int HourHeight = 44;
constexpr int MinColumnWidth = 52;

int minuteOf(const QTime &time, bool isEnd)
{
    const int minute = time.hour() * 60 + time.minute();
    return isEnd && minute == 0 ? 24 * 60 : minute;
}

QTime timeOf(int minute)
{
    return minute >= 24 * 60 ? QTime(0, 0) : QTime(minute / 60, minute % 60);
}

QString clock(int minute)
{
    return u"%1:%2"_s.arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

WeekGridWidget::WeekGridWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"weekGridWidget"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Weekly hours"));
    for (auto &day : m_cells)
        day = QList<bool>(slotsPerDay(), false);
}

void WeekGridWidget::setStepMinutes(int minutes)
{
    if (minutes <= 0 || (24 * 60) % minutes != 0 || minutes == m_step)
        return;
    const Ranges kept = ranges();
    m_step = minutes;
    m_cursor = {m_cursor.day, firstVisibleSlot() + 3 * 60 / m_step};
    m_anchor = m_cursor;
    setRanges(kept);
}

void WeekGridWidget::setRanges(const Ranges &ranges)
{
    int first = 24;
    int last = 0;
    for (int day = 0; day < Days; ++day) {
        QList<bool> &cells = m_cells[std::size_t(day)];
        cells = QList<bool>(slotsPerDay(), false);
        for (const Settings::Range &range : ranges.at(std::size_t(day))) {
            const int start = minuteOf(range.start, false);
            const int end = minuteOf(range.end, true);
            for (int slot = start / m_step; slot * m_step < end && slot < slotsPerDay(); ++slot)
                cells[slot] = true;
            first = qMin(first, start / 60);
            last = qMax(last, (end + 59) / 60);
        }
    }
    m_firstHour = qMin(6, first);
    m_lastHour = qMax(22, last);
    updateGeometryHints();
    update();
}

WeekGridWidget::Ranges WeekGridWidget::ranges() const
{
    Ranges result;
    for (int day = 0; day < Days; ++day) {
        const QList<bool> &cells = m_cells.at(std::size_t(day));
        for (int slot = 0; slot < slotsPerDay();) {
            if (!cells.at(slot)) {
                ++slot;
                continue;
            }
            const int start = slot;
            while (slot < slotsPerDay() && cells.at(slot))
                ++slot;
            result[std::size_t(day)].append({timeOf(start * m_step), timeOf(slot * m_step)});
        }
    }
    return result;
}

void WeekGridWidget::setDayErrors(const QList<int> &days)
{
    m_errorDays = days;
    update();
}

void WeekGridWidget::updateGeometryHints()
{
    updateGeometry();
    setMinimumHeight(sizeHint().height());
}

QSize WeekGridWidget::sizeHint() const
{
    return {GutterWidth + Days * 96, HeaderHeight + (m_lastHour - m_firstHour) * HourHeight + 2};
}

QSize WeekGridWidget::minimumSizeHint() const
{
    return {GutterWidth + Days * MinColumnWidth, sizeHint().height()};
}

int WeekGridWidget::rowHeight() const
{
    return HourHeight * m_step / 60;
}

QRect WeekGridWidget::gridRect() const
{
    return {GutterWidth, HeaderHeight, width() - GutterWidth - 1,
            (lastVisibleSlot() - firstVisibleSlot()) * rowHeight()};
}

QRect WeekGridWidget::cellRect(int day, int minute) const
{
    const QRect grid = gridRect();
    const int left = grid.left() + grid.width() * day / Days;
    const int right = grid.left() + grid.width() * (day + 1) / Days;
    const int top = grid.top() + (minute / m_step - firstVisibleSlot()) * rowHeight();
    return {left, top, right - left, rowHeight()};
}

bool WeekGridWidget::cellAt(const QPoint &point, Cell *cell) const
{
    const QRect grid = gridRect();
    const int x = qBound(grid.left(), point.x(), grid.right());
    const int y = qBound(grid.top(), point.y(), grid.bottom());
    cell->day = qBound(0, (x - grid.left()) * Days / qMax(1, grid.width()), Days - 1);
    cell->slot = qBound(firstVisibleSlot(), firstVisibleSlot() + (y - grid.top()) / rowHeight(), lastVisibleSlot() - 1);
    return grid.contains(point);
}

void WeekGridWidget::applySelection(bool mark)
{
    const int firstDay = qMin(m_anchor.day, m_cursor.day);
    const int lastDay = qMax(m_anchor.day, m_cursor.day);
    const int firstSlot = qMin(m_anchor.slot, m_cursor.slot);
    const int lastSlot = qMax(m_anchor.slot, m_cursor.slot);
    for (int day = firstDay; day <= lastDay; ++day) {
        for (int slot = firstSlot; slot <= lastSlot; ++slot)
            m_cells[std::size_t(day)][slot] = mark;
    }
}

bool WeekGridWidget::selectionIsMarked() const
{
    for (int day = qMin(m_anchor.day, m_cursor.day); day <= qMax(m_anchor.day, m_cursor.day); ++day) {
        for (int slot = qMin(m_anchor.slot, m_cursor.slot); slot <= qMax(m_anchor.slot, m_cursor.slot); ++slot) {
            if (!m_cells.at(std::size_t(day)).at(slot))
                return false;
        }
    }
    return true;
}

void WeekGridWidget::mousePressEvent(QMouseEvent *event)
{
    Cell cell;
    if (event->button() != Qt::LeftButton || !cellAt(event->position().toPoint(), &cell))
        return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    m_beforeDrag = m_cells;
    m_anchor = cell;
    m_cursor = cell;
    m_dragMarks = !m_cells.at(std::size_t(cell.day)).at(cell.slot);
    m_dragging = true;
    applySelection(m_dragMarks);
    update();
}

void WeekGridWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    Cell cell;
    static_cast<void>(cellAt(event->position().toPoint(), &cell)); // outside the grid: the nearest cell
    if (cell.day == m_cursor.day && cell.slot == m_cursor.slot)
        return;
    m_cells = m_beforeDrag;
    m_cursor = cell;
    applySelection(m_dragMarks);
    update();
}

void WeekGridWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    if (m_cells != m_beforeDrag)
        Q_EMIT changed();
}

void WeekGridWidget::keyPressEvent(QKeyEvent *event)
{
    Cell next = m_cursor;
    switch (event->key()) {
    case Qt::Key_Left:
        next.day = qMax(0, next.day - 1);
        break;
    case Qt::Key_Right:
        next.day = qMin(Days - 1, next.day + 1);
        break;
    case Qt::Key_Up:
        next.slot = qMax(firstVisibleSlot(), next.slot - 1);
        break;
    case Qt::Key_Down:
        next.slot = qMin(lastVisibleSlot() - 1, next.slot + 1);
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        applySelection(!selectionIsMarked());
        update();
        Q_EMIT changed();
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        applySelection(false);
        update();
        Q_EMIT changed();
        return;
    default:
        return QWidget::keyPressEvent(event);
    }
    m_cursor = next;
    if (!(event->modifiers() & Qt::ShiftModifier))
        m_anchor = next;
    update();
}

void WeekGridWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Weekly hours"));
        update();
    }
    QWidget::changeEvent(event);
}

bool WeekGridWidget::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    // Short ranges have no room for their times: the tooltip names them.
    auto *help = static_cast<QHelpEvent *>(event);
    Cell cell;
    if (cellAt(help->pos(), &cell)) {
        const Ranges marked = ranges();
        for (const Settings::Range &range : marked.at(std::size_t(cell.day))) {
            const int minute = cell.slot * m_step;
            if (minute >= minuteOf(range.start, false) && minute < minuteOf(range.end, true)) {
                QToolTip::showText(help->globalPos(),
                                   tr("%1, %2–%3")
                                       .arg(QLocale().dayName(cell.day + 1), clock(minuteOf(range.start, false)),
                                            clock(minuteOf(range.end, true))),
                                   this);
                return true;
            }
        }
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

void WeekGridWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect grid = gridRect();
    const QLocale locale;

    painter.setPen(QColor(0xDC, 0xE3, 0xE8));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(QRectF(grid).adjusted(-0.5, -0.5, 0.5, 0.5), 6, 6);

    // Day headings and column lines.
    QFont headerFont = font();
    headerFont.setBold(true);
    for (int day = 0; day < Days; ++day) {
        const QRect column = cellRect(day, 0).united(cellRect(day, 0));
        const QRect header(column.left(), 0, column.width(), HeaderHeight - 4);
        painter.setFont(headerFont);
        painter.setPen(day >= 5 ? QColor(0x6B, 0x77, 0x80) : QColor(0x1F, 0x2A, 0x33));
        painter.drawText(header, Qt::AlignCenter, locale.dayName(day + 1, QLocale::ShortFormat));
        if (day > 0) {
            painter.setPen(QColor(0xE6, 0xEB, 0xEE));
            painter.drawLine(column.left(), grid.top(), column.left(), grid.bottom());
        }
    }

    // Hour lines and labels.
    painter.setFont(font());
    for (int hour = m_firstHour; hour <= m_lastHour; ++hour) {
        const int y = grid.top() + (hour - m_firstHour) * HourHeight;
        if (hour > m_firstHour && hour < m_lastHour) {
            painter.setPen(QColor(0xE6, 0xEB, 0xEE));
            painter.drawLine(grid.left(), y, grid.right(), y);
        }
        if (hour < m_lastHour) {
            painter.setPen(QColor(0x6B, 0x77, 0x80));
            painter.drawText(QRect(0, y - 8, GutterWidth - 8, 18), Qt::AlignRight | Qt::AlignVCenter, clock(hour * 60));
        }
    }

    // Marked ranges as soft blocks with their times.
    QFont rangeFont = font();
    rangeFont.setPointSizeF(rangeFont.pointSizeF() * 0.85);
    painter.setFont(rangeFont);
    const int textHeight = QFontMetrics(rangeFont).height();
    const Ranges marked = ranges();
    for (int day = 0; day < Days; ++day) {
        for (const Settings::Range &range : marked.at(std::size_t(day))) {
            const int start = qMax(minuteOf(range.start, false), m_firstHour * 60);
            const int end = qMin(minuteOf(range.end, true), m_lastHour * 60);
            if (end <= start)
                continue;
            const QRect first = cellRect(day, start);
            const QRect block(first.left() + 3, first.top() + 1, first.width() - 6,
                              (end - start) / m_step * rowHeight() - 2);
            painter.setPen(QColor(0x5E, 0x9A, 0x9E));
            painter.setBrush(QColor(0xD3, 0xE8, 0xE9));
            painter.drawRoundedRect(QRectF(block), 5, 5);
            if (block.height() >= textHeight + 4) {
                painter.setPen(QColor(0x1C, 0x4A, 0x4E));
                const QString text =
                    block.height() >= 2 * textHeight + 6
                        ? clock(minuteOf(range.start, false)) + u"\n–"_s + clock(minuteOf(range.end, true))
                        : clock(minuteOf(range.start, false));
                painter.drawText(block.adjusted(6, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop, text);
            }
        }
    }

    // Days the server refused.
    painter.setBrush(Qt::NoBrush);
    for (int day : std::as_const(m_errorDays)) {
        painter.setPen(QPen(QColor(0xC0, 0x3B, 0x3B), 2));
        painter.drawRoundedRect(QRectF(cellRect(day, m_firstHour * 60).left() + 1, grid.top() + 1,
                                       cellRect(day, 0).width() - 2, grid.height() - 2),
                                4, 4);
    }

    // The keyboard selection, only while the grid has focus.
    if (hasFocus() && !m_dragging) {
        const QRect from = cellRect(m_anchor.day, m_anchor.slot * m_step);
        const QRect to = cellRect(m_cursor.day, m_cursor.slot * m_step);
        painter.setPen(QPen(QColor(0x2E, 0x6E, 0x73), 2));
        painter.drawRoundedRect(QRectF(from.united(to)).adjusted(1, 1, -1, -1), 3, 3);
    }
}

} // namespace Lotse::Ui
