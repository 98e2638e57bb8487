#include "ui/CalendarMonthView.h"

#include "models/CalendarLayout.h"
#include "models/CalendarModel.h"
#include "ui/CalendarPalette.h"

#include <QMouseEvent>
#include <QPainter>

using namespace Qt::StringLiterals;
namespace Layout = Lotse::Models::CalendarLayout;

namespace Lotse::Ui {

namespace {
constexpr int HeaderHeight = 28;
constexpr int Weeks = 6;
constexpr int LineHeight = 18;
} // namespace

CalendarMonthView::CalendarMonthView(Models::CalendarModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_date(QDate::currentDate())
    , m_zone(model->timeZone())
    , m_now(QDateTime::currentDateTimeUtc())
{
    setObjectName(u"calendarMonthView"_s);
    connect(model, &QAbstractItemModel::modelReset, this, &CalendarMonthView::relayout);
    connect(model, &QAbstractItemModel::layoutChanged, this, &CalendarMonthView::relayout);
    connect(model, &QAbstractItemModel::rowsInserted, this, &CalendarMonthView::relayout);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CalendarMonthView::relayout);
    connect(model, &QAbstractItemModel::dataChanged, this, &CalendarMonthView::relayout);
    relayout();
}

void CalendarMonthView::setDate(QDate date)
{
    const QDate before = firstShownDate();
    m_date = date;
    if (firstShownDate() == before)
        update(); // another day of the same month: the same six weeks
    else
        relayout();
}

void CalendarMonthView::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    relayout();
}

void CalendarMonthView::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
    update();
}

QDate CalendarMonthView::firstShownDate() const
{
    const QDate first(m_date.year(), m_date.month(), 1);
    return first.addDays(1 - first.dayOfWeek());
}

QRect CalendarMonthView::rectForDate(QDate date) const
{
    const qint64 index = firstShownDate().daysTo(date);
    if (index < 0 || index >= Weeks * 7)
        return {};
    const int column = int(index % 7);
    const int row = int(index / 7);
    const int cellsHeight = height() - HeaderHeight;
    const int left = width() * column / 7;
    const int right = width() * (column + 1) / 7;
    const int top = HeaderHeight + cellsHeight * row / Weeks;
    const int bottom = HeaderHeight + cellsHeight * (row + 1) / Weeks;
    return QRect(left, top, right - left, bottom - top);
}

QList<int> CalendarMonthView::rowsOn(QDate date, const QList<int> *candidates) const
{
    const Layout::Day day = Layout::day(date, m_zone);
    QList<int> rows;
    const QList<Models::Appointment> &all = m_model->appointments();
    const auto touches = [&day](const Models::Appointment &a) {
        return a.start < day.end && (a.end > day.start || (a.start == a.end && a.start >= day.start));
    };
    if (candidates) {
        for (int row : *candidates) {
            if (touches(all.at(row)))
                rows.append(row);
        }
    } else {
        for (int row = 0; row < all.size(); ++row) {
            if (touches(all.at(row)))
                rows.append(row);
        }
    }
    std::sort(rows.begin(), rows.end(), [&all](int a, int b) { return all.at(a).start < all.at(b).start; });
    return rows;
}

QList<int> CalendarMonthView::rowsShown() const
{
    const QDateTime from = Layout::day(firstShownDate(), m_zone).start;
    const QDateTime to = Layout::day(firstShownDate().addDays(Weeks * 7 - 1), m_zone).end;
    QList<int> rows;
    const QList<Models::Appointment> &all = m_model->appointments();
    for (int row = 0; row < all.size(); ++row) {
        const Models::Appointment &a = all.at(row);
        if (a.start < to && (a.end > from || (a.start == a.end && a.start >= from)))
            rows.append(row);
    }
    return rows;
}

void CalendarMonthView::relayout()
{
    // The six weeks' appointments once; each day then looks only at those.
    const QList<int> inView = rowsShown();
    m_rowsByDay.clear();
    for (int index = 0; index < Weeks * 7; ++index)
        m_rowsByDay.append(rowsOn(firstShownDate().addDays(index), &inView));
    update();
}

int CalendarMonthView::countForDate(QDate date) const
{
    const qint64 index = firstShownDate().daysTo(date);
    if (index >= 0 && index < m_rowsByDay.size())
        return int(m_rowsByDay.at(index).size());
    return int(rowsOn(date).size());
}

QSize CalendarMonthView::sizeHint() const
{
    return QSize(7 * 130, HeaderHeight + Weeks * 100);
}

void CalendarMonthView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const QColor line = pal.color(QPalette::Mid).lighter(130);
    const QDate today = m_now.toTimeZone(m_zone).date();
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    QFont bold = font();
    bold.setBold(true);

    for (int column = 0; column < 7; ++column) {
        const QRect cell = rectForDate(firstShownDate().addDays(column));
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.setFont(font());
        painter.drawText(QRect(cell.left(), 0, cell.width(), HeaderHeight), Qt::AlignCenter,
                         locale().dayName(column + 1, QLocale::ShortFormat));
    }

    for (int index = 0; index < Weeks * 7; ++index) {
        const QDate date = firstShownDate().addDays(index);
        const QRect cell = rectForDate(date);
        const bool inMonth = date.month() == m_date.month();
        painter.fillRect(cell,
                         inMonth && date.dayOfWeek() < 6 ? pal.base().color() : CalendarPalette::outsideWorkingHours());
        painter.setPen(line);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cell.adjusted(0, 0, -1, -1));

        const QRect number(cell.left() + 6, cell.top() + 4, 26, 20);
        painter.setRenderHint(QPainter::Antialiasing, true);
        if (date == today) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(pal.color(QPalette::Highlight));
            painter.drawEllipse(number.adjusted(2, -1, -2, 1));
            painter.setPen(pal.color(QPalette::HighlightedText));
            painter.setFont(bold);
        } else {
            painter.setPen(inMonth ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
            painter.setFont(font());
        }
        painter.drawText(number, Qt::AlignCenter, QString::number(date.day()));

        const QList<int> rows = m_rowsByDay.value(index);
        const QDateTime dayStart = Layout::day(date, m_zone).start;
        painter.setFont(small);
        if (!rows.isEmpty()) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(QRect(cell.left(), cell.top() + 4, cell.width() - 8, 20),
                             Qt::AlignRight | Qt::AlignVCenter, tr("%n appointment(s)", nullptr, int(rows.size())));
        }
        const int room = std::max(0, (cell.height() - 28) / LineHeight);
        const int shown = rows.size() > room ? std::max(0, room - 1) : int(rows.size());
        for (int i = 0; i < shown; ++i) {
            const Models::Appointment &a = m_model->at(rows.at(i));
            const QRect lineRect(cell.left() + 4, cell.top() + 26 + i * LineHeight, cell.width() - 8, LineHeight - 2);
            const QColor colour = CalendarPalette::forType(a.type);
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawEllipse(QRect(lineRect.left() + 2, lineRect.center().y() - 3, 7, 7));
            painter.setPen(pal.color(QPalette::Text));
            // All-day items and the later days of a multi-day one carry no start time.
            const bool timed = !a.allDay && a.start >= dayStart;
            const QString text =
                timed ? u"%1 %2"_s.arg(CalendarPalette::timeText(locale(), a.start.toTimeZone(m_zone).time()), a.title)
                      : a.title;
            painter.drawText(lineRect.adjusted(14, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(text, Qt::ElideRight, lineRect.width() - 14));
        }
        if (shown < rows.size()) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(
                QRect(cell.left() + 18, cell.top() + 26 + shown * LineHeight, cell.width() - 22, LineHeight),
                Qt::AlignLeft | Qt::AlignVCenter, tr("%n more", nullptr, int(rows.size()) - shown));
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
    }
}

void CalendarMonthView::mousePressEvent(QMouseEvent *event)
{
    for (int index = 0; index < Weeks * 7; ++index) {
        const QDate date = firstShownDate().addDays(index);
        if (rectForDate(date).contains(event->position().toPoint())) {
            Q_EMIT dateActivated(date);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

} // namespace Lotse::Ui
