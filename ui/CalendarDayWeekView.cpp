#include "ui/CalendarDayWeekView.h"

#include "models/CalendarLayout.h"
#include "models/CalendarModel.h"
#include "ui/CalendarPalette.h"

#include <QApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>

using namespace Qt::StringLiterals;
using Lotse::Models::Appointment;
namespace Layout = Lotse::Models::CalendarLayout;

namespace Lotse::Ui {

namespace {
constexpr int Gutter = 72;
constexpr int HeaderHeight = 40;
constexpr int BannerRowHeight = 22;
constexpr int MinimumHourHeight = 20;
constexpr int MaximumHourHeight = 160;
constexpr int MinutesPerDay = 24 * 60;
constexpr int ResizeHandle = 6; // pixels at a block's bottom edge that resize instead of move
constexpr int FineSnapHourHeight = 88;

int snapped(int minute, int step)
{
    return int(std::lround(double(minute) / step)) * step;
}
} // namespace

CalendarDayWeekView::CalendarDayWeekView(Models::CalendarModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_date(QDate::currentDate())
    , m_zone(model->timeZone())
    , m_now(QDateTime::currentDateTimeUtc())
{
    setObjectName(u"calendarDayWeekView"_s);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(model, &QAbstractItemModel::modelReset, this, &CalendarDayWeekView::relayout);
    connect(model, &QAbstractItemModel::layoutChanged, this, &CalendarDayWeekView::relayout);
    connect(model, &QAbstractItemModel::rowsInserted, this, &CalendarDayWeekView::relayout);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CalendarDayWeekView::relayout);
    connect(model, &QAbstractItemModel::dataChanged, this, &CalendarDayWeekView::relayout);
    relayout();
}

void CalendarDayWeekView::setDayCount(int days)
{
    m_dayCount = days == 1 ? 1 : 7;
    relayout();
}

void CalendarDayWeekView::setDate(QDate date)
{
    m_date = date;
    relayout();
}

QList<QDate> CalendarDayWeekView::dates() const
{
    if (m_dayCount == 1)
        return {m_date};
    QList<QDate> result;
    const QDate monday = m_date.addDays(1 - m_date.dayOfWeek());
    for (int i = 0; i < 7; ++i)
        result.append(monday.addDays(i));
    return result;
}

void CalendarDayWeekView::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    relayout();
}

void CalendarDayWeekView::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
    update();
}

void CalendarDayWeekView::setWorkingHours(const WorkingHours &hours)
{
    m_workingHours = hours;
    update();
}

void CalendarDayWeekView::setHourHeight(int pixels)
{
    pixels = std::clamp(pixels, MinimumHourHeight, MaximumHourHeight);
    if (pixels == m_hourHeight)
        return;
    m_hourHeight = pixels;
    relayout();
    Q_EMIT hourHeightChanged(pixels);
}

void CalendarDayWeekView::zoomIn()
{
    setHourHeight(m_hourHeight * 5 / 4 + 1);
}

void CalendarDayWeekView::zoomOut()
{
    setHourHeight(m_hourHeight * 4 / 5);
}

QRect CalendarDayWeekView::rectForAppointment(const QString &id) const
{
    // The appointment itself, not the ghost of a time proposed for it.
    const auto it =
        std::find_if(m_blocks.cbegin(), m_blocks.cend(), [&id](const Block &b) { return !b.proposal && b.id == id; });
    return it == m_blocks.cend() ? QRect() : it->rect;
}

int CalendarDayWeekView::gridTop() const
{
    return HeaderHeight + (m_bannerRows > 0 ? m_bannerRows * BannerRowHeight + 4 : 0);
}

int CalendarDayWeekView::yForMinute(int minute) const
{
    return gridTop() + minute * m_hourHeight / 60;
}

QRect CalendarDayWeekView::dayColumnRect(int column) const
{
    const int available = std::max(width() - Gutter, m_dayCount);
    const int left = Gutter + available * column / m_dayCount;
    const int right = Gutter + available * (column + 1) / m_dayCount;
    return QRect(left, gridTop(), right - left, 24 * m_hourHeight);
}

int CalendarDayWeekView::minuteOf(const QDateTime &instant, QDate day) const
{
    const QDateTime local = instant.toTimeZone(m_zone);
    if (local.date() > day)
        return MinutesPerDay;
    if (local.date() < day)
        return 0;
    return local.time().msecsSinceStartOfDay() / 60000;
}

QSize CalendarDayWeekView::sizeHint() const
{
    return QSize(Gutter + 7 * 120, gridTop() + 24 * m_hourHeight + 1);
}

QSize CalendarDayWeekView::minimumSizeHint() const
{
    return QSize(Gutter + m_dayCount * 40, gridTop() + 24 * m_hourHeight + 1);
}

void CalendarDayWeekView::relayout()
{
    const QList<QDate> days = dates();
    const QDateTime from = Layout::day(days.first(), m_zone).start;
    const QDateTime to = Layout::day(days.last(), m_zone).end;

    // Banner first: its height moves the grid down.
    struct Pending
    {
        QString id;
        int row;
        int firstColumn;
        int lastColumn;
    };
    QList<Pending> banners;
    QList<QList<Layout::Item>> timed(days.size());
    QList<Block> proposals;
    const QList<Appointment> &all = m_model->appointments();
    if (m_pendingMove) {
        const int row = m_model->rowOf(m_pendingMove->id);
        if (row < 0 || (all.at(row).start == m_pendingMove->start && all.at(row).end == m_pendingMove->end))
            m_pendingMove.reset(); // the model caught up (or the appointment is gone)
    }
    for (int row = 0; row < all.size(); ++row) {
        Appointment a = all.at(row);
        if (m_pendingMove && m_pendingMove->id == a.id) {
            a.start = m_pendingMove->start;
            a.end = m_pendingMove->end;
        }
        // A proposal the help-seeker has not answered yet: a dashed ghost at the proposed time.
        if (a.proposalStart.isValid() && a.proposalStart < to && a.proposalEnd > from &&
            !Layout::isMultiDay(a.proposalStart, a.proposalEnd, m_zone)) {
            const QDate date = a.proposalStart.toTimeZone(m_zone).date();
            const int column = int(days.first().daysTo(date));
            if (column >= 0 && column < days.size())
                proposals.append(Block{a.id, QRect(), row, false, a.proposalStart, true});
        }
        const bool overlaps = a.start < to && (a.end > from || (a.start == a.end && a.start >= from));
        if (!overlaps)
            continue;
        const QList<Layout::Piece> pieces = Layout::splitByDay(a.start, a.end, m_zone);
        if (a.allDay || pieces.size() > 1) {
            const int first = std::max(0, int(days.first().daysTo(pieces.first().date)));
            const int last = std::min(int(days.size()) - 1, int(days.first().daysTo(pieces.last().date)));
            banners.append(Pending{a.id, row, first, last});
        } else {
            const int column = int(days.first().daysTo(pieces.first().date));
            if (column >= 0 && column < days.size())
                timed[column].append(Layout::Item{a.id, a.start, a.end});
        }
    }

    // Each banner takes the first row free over all its days.
    QList<QList<bool>> used; // [bannerRow][column]
    QList<int> bannerRowOf;
    for (const Pending &banner : std::as_const(banners)) {
        int bannerRow = 0;
        for (;; ++bannerRow) {
            if (bannerRow == used.size())
                used.append(QList<bool>(days.size(), false));
            const bool free = std::none_of(used[bannerRow].cbegin() + banner.firstColumn,
                                           used[bannerRow].cbegin() + banner.lastColumn + 1, [](bool b) { return b; });
            if (free)
                break;
        }
        for (int c = banner.firstColumn; c <= banner.lastColumn; ++c)
            used[bannerRow][c] = true;
        bannerRowOf.append(bannerRow);
    }
    const int oldTop = gridTop();
    m_bannerRows = int(used.size());

    m_blocks.clear();
    for (Block proposal : std::as_const(proposals)) {
        const Appointment &a = all.at(proposal.row);
        const QDate date = a.proposalStart.toTimeZone(m_zone).date();
        const QRect dayRect = dayColumnRect(int(days.first().daysTo(date)));
        const int top = yForMinute(minuteOf(a.proposalStart, date));
        const int bottom = std::max(yForMinute(minuteOf(a.proposalEnd, date)), top + 18);
        proposal.rect = QRect(dayRect.left() + 2, top + 1, dayRect.width() - 6, bottom - top - 2);
        m_blocks.append(proposal);
    }
    for (int i = 0; i < banners.size(); ++i) {
        const Pending &banner = banners.at(i);
        const QRect first = dayColumnRect(banner.firstColumn);
        const QRect last = dayColumnRect(banner.lastColumn);
        const QRect rect(first.left() + 2, HeaderHeight + 2 + bannerRowOf.at(i) * BannerRowHeight,
                         last.right() - first.left() - 3, BannerRowHeight - 3);
        m_blocks.append(Block{banner.id, rect, banner.row, true, all.at(banner.row).start, false});
    }
    for (int column = 0; column < days.size(); ++column) {
        const QRect dayRect = dayColumnRect(column);
        const QList<Layout::Placement> placements = Layout::columns(timed.at(column));
        for (int i = 0; i < placements.size(); ++i) {
            const Layout::Item &item = timed.at(column).at(i);
            const Layout::Placement &placement = placements.at(i);
            const int inner = dayRect.width() - 6;
            const int left = dayRect.left() + 2 + inner * placement.column / placement.columns;
            const int right = dayRect.left() + 2 + inner * (placement.column + 1) / placement.columns;
            const int top = yForMinute(minuteOf(item.start, days.at(column)));
            const int bottom = std::max(yForMinute(minuteOf(item.end, days.at(column))), top + 18);
            m_blocks.append(Block{item.id, QRect(left, top + 1, right - left - 2, bottom - top - 2),
                                  m_model->rowOf(item.id), false, item.start, false});
        }
    }
    if (gridTop() != oldTop)
        updateGeometry();
    setMinimumHeight(gridTop() + 24 * m_hourHeight + 1);
    update();
}

void CalendarDayWeekView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    const QList<QDate> days = dates();
    const QDate today = m_now.toTimeZone(m_zone).date();
    painter.fillRect(rect(), pal.base());

    // Outside working hours greyed, working hours left white.
    for (int column = 0; column < days.size(); ++column) {
        const QRect dayRect = dayColumnRect(column);
        painter.fillRect(dayRect, CalendarPalette::outsideWorkingHours());
        for (const auto &range : m_workingHours.at(days.at(column).dayOfWeek() - 1)) {
            const int start = range.start.msecsSinceStartOfDay() / 60000;
            const int end = range.end == QTime(0, 0) ? MinutesPerDay : range.end.msecsSinceStartOfDay() / 60000;
            painter.fillRect(
                QRect(dayRect.left(), yForMinute(start), dayRect.width(), yForMinute(end) - yForMinute(start)),
                pal.base());
        }
    }

    // Hour lines and labels.
    const QColor line = pal.color(QPalette::Midlight).darker(112);
    QColor halfLine = pal.color(QPalette::Midlight);
    halfLine.setAlpha(110);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    for (int hour = 0; hour <= 24; ++hour) {
        const int y = yForMinute(hour * 60);
        painter.setPen(line);
        painter.drawLine(Gutter - 4, y, width(), y);
        if (hour < 24 && m_hourHeight >= 32) {
            painter.setPen(halfLine);
            painter.drawLine(Gutter, yForMinute(hour * 60 + 30), width(), yForMinute(hour * 60 + 30));
        }
        if (hour > 0 && hour < 24) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(QRect(0, y - 8, Gutter - 8, 16), Qt::AlignRight | Qt::AlignVCenter,
                             CalendarPalette::timeText(locale(), QTime(hour, 0)));
        }
    }

    // Day columns.
    for (int column = 0; column < days.size(); ++column) {
        const QRect dayRect = dayColumnRect(column);
        painter.setPen(line);
        painter.drawLine(dayRect.left(), HeaderHeight, dayRect.left(), dayRect.bottom());
    }
    if (m_bannerRows > 0)
        painter.drawLine(0, gridTop() - 1, width(), gridTop() - 1);

    // Appointments: timed ones here, the all-day band last so that it stays on top when scrolled.
    painter.setRenderHint(QPainter::Antialiasing, true);
    const int sticky = stickyTop();
    const auto drawBlock = [&](const Block &block, QPoint offset) {
        const Appointment &a = m_model->at(block.row);
        const QColor colour = CalendarPalette::forType(a.type);
        const QRect rect = block.rect.translated(offset);
        QPainterPath path;
        path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.setBrush(Qt::NoBrush);
        painter.setFont(small);
        if (block.proposal) {
            // Proposed, not agreed: only an outline, so what lies beneath stays readable.
            QColor wash = colour;
            wash.setAlpha(28);
            painter.fillPath(path, wash);
            painter.setPen(QPen(colour.darker(115), 1.4, Qt::DashLine));
            painter.drawPath(path);
            painter.setPen(colour.darker(150));
            const QString text = tr("Proposed: %1").arg(a.title);
            painter.drawText(rect.adjusted(7, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop,
                             painter.fontMetrics().elidedText(text, Qt::ElideRight, rect.width() - 11));
            return;
        }
        const bool confirmed = a.status == u"confirmed";
        const bool lifted = m_drag && m_drag->active && m_drag->id == block.id;
        painter.save();
        if (lifted)
            painter.setOpacity(0.35); // the ghost shows where it goes; this is where it was
        if (confirmed) {
            painter.fillPath(path, colour);
        } else {
            // Not yet agreed: a pale block with the type's edge, dashed while the help-seeker decides.
            const QColor base = pal.color(QPalette::Base);
            const QColor pale = QColor::fromRgbF(base.redF() * 0.82f + colour.redF() * 0.18f,
                                                 base.greenF() * 0.82f + colour.greenF() * 0.18f,
                                                 base.blueF() * 0.82f + colour.blueF() * 0.18f);
            painter.fillPath(path, pale);
            painter.setPen(QPen(colour, 1.2, a.status == u"proposed" ? Qt::DashLine : Qt::SolidLine));
            painter.drawPath(path);
        }
        painter.fillRect(QRect(rect.left(), rect.top() + 2, 3, rect.height() - 4), colour.darker(120));
        painter.setPen(confirmed ? QColor(Qt::white) : colour.darker(140));
        const QRect textRect = rect.adjusted(7, 2, -4, -2);
        const QString time = CalendarPalette::timeText(locale(), block.start.toTimeZone(m_zone).time());
        if (block.banner || textRect.height() < 2 * painter.fontMetrics().height()) {
            // One line: elided rather than cut off mid-word.
            const QString oneLine = block.banner ? a.title : u"%1 %2"_s.arg(time, a.title);
            painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(oneLine, Qt::ElideRight, textRect.width()));
        } else {
            painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, u"%1\n%2"_s.arg(time, a.title));
        }
        if (block.id == m_selectedId) {
            painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
            painter.drawRoundedRect(QRectF(rect).adjusted(-1, -1, 1, 1), 5, 5);
        }
        painter.restore();
    };
    for (const Block &block : std::as_const(m_blocks)) {
        if (!block.banner)
            drawBlock(block, {});
    }

    // The ghost of a drag: the new time, outlined, with its start and end written in.
    if (const QRect ghost = ghostRect(); ghost.isValid()) {
        const Appointment &a = m_model->at(m_model->rowOf(m_drag->id));
        const QColor colour = CalendarPalette::forType(a.type);
        QColor fill = colour;
        fill.setAlpha(150);
        QPainterPath path;
        path.addRoundedRect(QRectF(ghost).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.fillPath(path, fill);
        painter.setPen(QPen(colour.darker(150), 1.5, Qt::DashLine));
        painter.drawPath(path);
        QFont boldSmall = small;
        boldSmall.setBold(true);
        painter.setFont(boldSmall);
        painter.setPen(Qt::white);
        const QString range =
            u"%1 – %2"_s.arg(CalendarPalette::timeText(locale(), m_drag->start.toTimeZone(m_zone).time()),
                             CalendarPalette::timeText(locale(), m_drag->end.toTimeZone(m_zone).time()));
        // The new time on the first line (never wrapped), the name below when there is room. When
        // the column is too narrow for the whole range (12-hour clocks), the range goes into a
        // label just above the ghost, which the column does not cut, and the ghost keeps the start.
        const QRect text = ghost.adjusted(7, 2, -4, -2);
        const int lineHeight = painter.fontMetrics().height();
        const bool fits = painter.fontMetrics().horizontalAdvance(range) <= text.width();
        const QString first =
            fits ? range : CalendarPalette::timeText(locale(), m_drag->start.toTimeZone(m_zone).time());
        painter.drawText(QRect(text.left(), text.top(), text.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(first, Qt::ElideRight, text.width()));
        if (!fits) {
            const int labelWidth = painter.fontMetrics().horizontalAdvance(range) + 12;
            const int labelHeight = lineHeight + 6;
            int top = ghost.top() - labelHeight - 3;
            if (top < gridTop() + stickyTop())
                top = ghost.bottom() + 3; // no room above: below it
            const int left = std::clamp(ghost.left(), Gutter, std::max(Gutter, width() - labelWidth - 2));
            const QRect label(left, top, labelWidth, labelHeight);
            QPainterPath labelPath;
            labelPath.addRoundedRect(QRectF(label), 4, 4);
            painter.fillPath(labelPath, colour.darker(140));
            painter.drawText(label, Qt::AlignCenter, range);
        }
        painter.setFont(small);
        if (text.height() >= 2 * lineHeight)
            painter.drawText(QRect(text.left(), text.top() + lineHeight, text.width(), lineHeight),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(a.title, Qt::ElideRight, text.width()));
    }

    // Now.
    painter.setRenderHint(QPainter::Antialiasing, true);
    const int nowColumn = int(days.indexOf(today));
    if (nowColumn >= 0) {
        const QRect dayRect = dayColumnRect(nowColumn);
        const int y = yForMinute(minuteOf(m_now, today));
        painter.setPen(QPen(CalendarPalette::nowLine(), 2));
        painter.drawLine(dayRect.left(), y, dayRect.right(), y);
        painter.setBrush(CalendarPalette::nowLine());
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPoint(dayRect.left(), y), 4, 4);
    }

    // Day headers and the all-day band stay at the top of the visible part while the hours scroll
    // beneath them.
    const int top = sticky;
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRect(0, top, width(), gridTop()), pal.base());
    painter.setPen(line);
    for (int column = 0; column < days.size(); ++column) {
        const QRect dayRect = dayColumnRect(column);
        painter.drawLine(dayRect.left(), top + HeaderHeight, dayRect.left(), top + gridTop());
    }
    if (m_bannerRows > 0)
        painter.drawLine(0, top + gridTop() - 1, width(), top + gridTop() - 1);
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const Block &block : std::as_const(m_blocks)) {
        if (block.banner)
            drawBlock(block, QPoint(0, top));
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    QFont bold = font();
    bold.setBold(true);
    for (int column = 0; column < days.size(); ++column) {
        const QRect dayRect = dayColumnRect(column);
        const QDate date = days.at(column);
        const QRect header(dayRect.left(), top, dayRect.width(), HeaderHeight);
        const QString text = u"%1 %2"_s.arg(locale().dayName(date.dayOfWeek(), QLocale::ShortFormat),
                                            locale().toString(date, u"d.M."_s));
        if (date == today) {
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setPen(Qt::NoPen);
            painter.setBrush(pal.color(QPalette::Highlight));
            painter.drawRoundedRect(header.adjusted(6, 8, -6, -8), 10, 10);
            painter.setPen(pal.color(QPalette::HighlightedText));
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.setFont(bold);
        } else {
            painter.setPen(date.dayOfWeek() >= 6 ? pal.color(QPalette::PlaceholderText) : pal.color(QPalette::Text));
            painter.setFont(font());
        }
        painter.drawText(header, Qt::AlignCenter, text);
    }
    painter.setPen(line);
    painter.drawLine(0, top + HeaderHeight, width(), top + HeaderHeight);
    painter.setFont(font());
}

int CalendarDayWeekView::stickyTop() const
{
    return std::max(0, visibleRegion().boundingRect().top());
}

const CalendarDayWeekView::Block *CalendarDayWeekView::blockAt(QPoint point) const
{
    // The band is painted over the grid, so it is asked first; later blocks are drawn on top.
    const int sticky = stickyTop();
    for (auto it = m_blocks.crbegin(); it != m_blocks.crend(); ++it) {
        if (it->banner && it->rect.translated(0, sticky).contains(point))
            return &*it;
    }
    if (point.y() < sticky + gridTop())
        return nullptr;
    for (auto it = m_blocks.crbegin(); it != m_blocks.crend(); ++it) {
        if (!it->banner && !it->proposal && it->rect.contains(point))
            return &*it;
    }
    for (auto it = m_blocks.crbegin(); it != m_blocks.crend(); ++it) {
        if (it->proposal && it->rect.contains(point))
            return &*it;
    }
    return nullptr;
}

void CalendarDayWeekView::setSelectedId(const QString &id)
{
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    update();
    Q_EMIT selectionChanged(id);
}

int CalendarDayWeekView::snapMinutes() const
{
    return m_hourHeight >= FineSnapHourHeight ? 5 : 15;
}

bool CalendarDayWeekView::isMovable(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const Appointment &a = m_model->at(row);
    return !a.allDay && !Layout::isMultiDay(a.start, a.end, m_zone) &&
           (a.status == u"confirmed" || a.status == u"pending");
}

QDateTime CalendarDayWeekView::wallClock(QDate day, int minute) const
{
    if (minute >= MinutesPerDay)
        return Layout::day(day, m_zone).end;
    return QDateTime(day, QTime::fromMSecsSinceStartOfDay(minute * 60000), m_zone).toUTC();
}

bool CalendarDayWeekView::nudgeSelected(int steps, bool resize)
{
    if (m_selectedId.isEmpty() || !isMovable(m_selectedId) || m_drag)
        return false;
    const Appointment &a = m_model->at(m_model->rowOf(m_selectedId));
    QDateTime start = m_pendingMove && m_pendingMove->id == a.id ? m_pendingMove->start : a.start;
    QDateTime end = m_pendingMove && m_pendingMove->id == a.id ? m_pendingMove->end : a.end;
    const qint64 step = qint64(snapMinutes()) * 60 * steps;
    if (resize) {
        end = end.addSecs(step);
        if (start.secsTo(end) < snapMinutes() * 60)
            return false;
    } else {
        start = start.addSecs(step);
        end = end.addSecs(step);
    }
    m_pendingMove = PendingMove{a.id, start, end};
    relayout();
    Q_EMIT rescheduleRequested(a.id, start, end);
    return true;
}

bool CalendarDayWeekView::selectNext(int direction)
{
    QList<const Block *> order;
    for (const Block &block : std::as_const(m_blocks)) {
        if (!block.proposal)
            order.append(&block);
    }
    // By start; on the same minute the band (all-day) first, then left to right as drawn.
    std::stable_sort(order.begin(), order.end(), [](const Block *a, const Block *b) {
        if (a->start != b->start)
            return a->start < b->start;
        if (a->banner != b->banner)
            return a->banner;
        return a->rect.left() < b->rect.left();
    });
    qsizetype at = -1;
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (order.at(i)->id == m_selectedId)
            at = i;
    }
    const qsizetype next = at < 0 ? (direction > 0 ? 0 : order.size() - 1) : at + direction;
    if (next < 0 || next >= order.size())
        return false;
    setSelectedId(order.at(next)->id);
    return true;
}

void CalendarDayWeekView::cancelDrag()
{
    if (!m_drag)
        return;
    m_drag.reset();
    unsetCursor();
    update();
}

void CalendarDayWeekView::clearPendingMove()
{
    m_pendingMove.reset();
    relayout();
}

QRect CalendarDayWeekView::ghostRect() const
{
    if (!m_drag || !m_drag->active)
        return {};
    const QDate date = m_drag->start.toTimeZone(m_zone).date();
    const int column = int(dates().indexOf(date));
    if (column < 0)
        return {};
    const QRect dayRect = dayColumnRect(column);
    const int top = yForMinute(minuteOf(m_drag->start, date));
    const int bottom = std::max(yForMinute(minuteOf(m_drag->end, date)), top + 18);
    return QRect(dayRect.left() + 2, top + 1, dayRect.width() - 6, bottom - top - 2);
}

QRect CalendarDayWeekView::proposalRect(const QString &id) const
{
    const auto it =
        std::find_if(m_blocks.cbegin(), m_blocks.cend(), [&id](const Block &b) { return b.proposal && b.id == id; });
    return it == m_blocks.cend() ? QRect() : it->rect;
}

QString CalendarDayWeekView::theirTimeText(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return {};
    const Appointment &a = m_model->at(row);
    const QTimeZone theirs = CalendarPalette::zoneFor(a.theirTimeZone);
    if (!theirs.isValid() || theirs == m_zone || theirs.offsetFromUtc(a.start) == m_zone.offsetFromUtc(a.start))
        return {};
    return u"%1 – %2 %3"_s.arg(CalendarPalette::timeText(locale(), a.start.toTimeZone(theirs).time()),
                               CalendarPalette::timeText(locale(), a.end.toTimeZone(theirs).time()), a.theirTimeZone);
}

QString CalendarDayWeekView::toolTipFor(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return {};
    const Appointment &a = m_model->at(row);
    QStringList lines{a.title.toHtmlEscaped()};
    lines.append(u"%1 – %2"_s.arg(CalendarPalette::timeText(locale(), a.start.toTimeZone(m_zone).time()),
                                  CalendarPalette::timeText(locale(), a.end.toTimeZone(m_zone).time())));
    if (const QString theirs = theirTimeText(id); !theirs.isEmpty())
        lines.append(tr("Their time: %1").arg(theirs.toHtmlEscaped()));
    if (a.proposalStart.isValid()) {
        const QDateTime proposed = a.proposalStart.toTimeZone(m_zone);
        lines.append(tr("Proposed instead: %1, %2 (waiting for an answer)")
                         .arg(locale().toString(proposed.date(), QLocale::ShortFormat),
                              CalendarPalette::timeText(locale(), proposed.time())));
    }
    return u"<p style='white-space:pre'>%1</p>"_s.arg(lines.join(u"<br>"_s));
}

void CalendarDayWeekView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPoint point = event->position().toPoint();
    const Block *block = blockAt(point);
    if (!block) {
        setSelectedId({});
        QWidget::mousePressEvent(event);
        return;
    }
    setSelectedId(block->id);
    if (block->banner || block->proposal || !isMovable(block->id))
        return;
    const Appointment &a = m_model->at(block->row);
    const QDateTime start = block->start;
    const QDateTime end = start.addSecs(a.start.secsTo(a.end));
    Drag drag;
    drag.id = block->id;
    drag.mode = point.y() >= block->rect.bottom() - ResizeHandle ? Drag::Mode::Resize : Drag::Mode::Move;
    drag.pressPosition = point;
    drag.date = start.toTimeZone(m_zone).date();
    drag.startMinute = minuteOf(start, drag.date);
    drag.endMinute = minuteOf(end, drag.date);
    drag.start = start;
    drag.end = end;
    m_drag = drag;
}

void CalendarDayWeekView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint point = event->position().toPoint();
    if (!m_drag) {
        // Show what a press would do: resize at the bottom edge, move elsewhere.
        const Block *block = blockAt(point);
        if (block && !block->banner && !block->proposal && isMovable(block->id))
            setCursor(point.y() >= block->rect.bottom() - ResizeHandle ? Qt::SizeVerCursor : Qt::OpenHandCursor);
        else
            unsetCursor();
        QWidget::mouseMoveEvent(event);
        return;
    }
    if (!(event->buttons() & Qt::LeftButton))
        return;
    if (!m_drag->active) {
        if ((point - m_drag->pressPosition).manhattanLength() < QApplication::startDragDistance())
            return;
        m_drag->active = true;
        setCursor(m_drag->mode == Drag::Mode::Resize ? Qt::SizeVerCursor : Qt::ClosedHandCursor);
    }
    updateDrag(point);
}

void CalendarDayWeekView::updateDrag(QPoint position)
{
    const int step = snapMinutes();
    const int delta = (position.y() - m_drag->pressPosition.y()) * 60 / m_hourHeight;
    if (m_drag->mode == Drag::Mode::Resize) {
        const int end = std::clamp(snapped(m_drag->endMinute + delta, step), m_drag->startMinute + step, MinutesPerDay);
        m_drag->start = wallClock(m_drag->date, m_drag->startMinute);
        m_drag->end = wallClock(m_drag->date, end);
    } else {
        // Across days in the week view: the column under the pointer.
        const QList<QDate> days = dates();
        int column = int(days.indexOf(m_drag->date));
        for (int c = 0; c < days.size(); ++c) {
            const QRect dayRect = dayColumnRect(c);
            if (position.x() >= dayRect.left() && position.x() <= dayRect.right())
                column = c;
        }
        if (position.x() < dayColumnRect(0).left())
            column = 0;
        if (position.x() > dayColumnRect(int(days.size()) - 1).right())
            column = int(days.size()) - 1;
        const int duration = m_drag->endMinute - m_drag->startMinute;
        const int start = std::clamp(snapped(m_drag->startMinute + delta, step), 0, MinutesPerDay - duration);
        const QDate date = column >= 0 ? days.at(column) : m_drag->date;
        m_drag->start = wallClock(date, start);
        m_drag->end = wallClock(date, start + duration);
    }
    update();
}

void CalendarDayWeekView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_drag || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = *m_drag;
    m_drag.reset();
    unsetCursor();
    if (!drag.active)
        return;
    const int row = m_model->rowOf(drag.id);
    if (row < 0) {
        update();
        return;
    }
    const Appointment &a = m_model->at(row);
    if (drag.start == a.start && drag.end == a.end) {
        update();
        return;
    }
    // Drawn at the new time at once; the model follows when the server has it.
    m_pendingMove = PendingMove{drag.id, drag.start, drag.end};
    relayout();
    Q_EMIT rescheduleRequested(drag.id, drag.start, drag.end);
}

void CalendarDayWeekView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (const Block *block = blockAt(event->position().toPoint())) {
        cancelDrag();
        setSelectedId(block->id);
        Q_EMIT appointmentActivated(block->id);
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void CalendarDayWeekView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_drag) {
        cancelDrag();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool CalendarDayWeekView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const Block *block = blockAt(help->pos()); block && !m_drag)
            QToolTip::showText(help->globalPos(), toolTipFor(block->id), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void CalendarDayWeekView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        event->ignore(); // the scroll area scrolls
        return;
    }
    if (event->angleDelta().y() > 0)
        zoomIn();
    else if (event->angleDelta().y() < 0)
        zoomOut();
    event->accept();
}

void CalendarDayWeekView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void CalendarDayWeekView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LocaleChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace Lotse::Ui
