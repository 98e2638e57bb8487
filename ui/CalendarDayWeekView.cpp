#include "ui/CalendarDayWeekView.h"

#include "models/CalendarLayout.h"
#include "models/CalendarModel.h"
#include "ui/CalendarPalette.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
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
    const auto it = std::find_if(m_blocks.cbegin(), m_blocks.cend(), [&id](const Block &b) { return b.id == id; });
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
    const QList<Appointment> &all = m_model->appointments();
    for (int row = 0; row < all.size(); ++row) {
        const Appointment &a = all.at(row);
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
    for (int i = 0; i < banners.size(); ++i) {
        const Pending &banner = banners.at(i);
        const QRect first = dayColumnRect(banner.firstColumn);
        const QRect last = dayColumnRect(banner.lastColumn);
        const QRect rect(first.left() + 2, HeaderHeight + 2 + bannerRowOf.at(i) * BannerRowHeight,
                         last.right() - first.left() - 3, BannerRowHeight - 3);
        m_blocks.append(Block{banner.id, rect, banner.row, true});
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
                                  m_model->rowOf(item.id), false});
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

    // Appointments.
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const Block &block : std::as_const(m_blocks)) {
        const Appointment &a = m_model->at(block.row);
        const QColor colour = CalendarPalette::forType(a.type);
        const bool confirmed = a.status == u"confirmed";
        QPainterPath path;
        path.addRoundedRect(QRectF(block.rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.setBrush(Qt::NoBrush);
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
        painter.fillRect(QRect(block.rect.left(), block.rect.top() + 2, 3, block.rect.height() - 4),
                         colour.darker(120));
        painter.setPen(confirmed ? QColor(Qt::white) : colour.darker(140));
        const QRect textRect = block.rect.adjusted(7, 2, -4, -2);
        const QString time = CalendarPalette::timeText(locale(), a.start.toTimeZone(m_zone).time());
        painter.setFont(small);
        if (block.banner || textRect.height() < 2 * painter.fontMetrics().height()) {
            // One line: elided rather than cut off mid-word.
            const QString oneLine = block.banner ? a.title : u"%1 %2"_s.arg(time, a.title);
            painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(oneLine, Qt::ElideRight, textRect.width()));
        } else {
            painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, u"%1\n%2"_s.arg(time, a.title));
        }
    }

    // Now.
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

    // Day headers stay at the top of the visible part while the hours scroll beneath them.
    const int top = std::max(0, visibleRegion().boundingRect().top());
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRect(0, top, width(), HeaderHeight), pal.base());
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

void CalendarDayWeekView::mousePressEvent(QMouseEvent *event)
{
    // Later blocks are drawn on top, so they win.
    for (auto it = m_blocks.crbegin(); it != m_blocks.crend(); ++it) {
        if (it->rect.contains(event->position().toPoint())) {
            Q_EMIT appointmentActivated(it->id);
            return;
        }
    }
    QWidget::mousePressEvent(event);
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
