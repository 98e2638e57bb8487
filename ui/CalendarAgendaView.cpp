#include "ui/CalendarAgendaView.h"

#include "models/CalendarLayout.h"
#include "models/CalendarModel.h"
#include "ui/CalendarPalette.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;
namespace Layout = Lotse::Models::CalendarLayout;

namespace Lotse::Ui {

namespace {
constexpr int HeadingHeight = 34;
constexpr int LineHeight = 28;
constexpr int Margin = 12;
} // namespace

CalendarAgendaView::CalendarAgendaView(Models::CalendarModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_date(QDate::currentDate())
    , m_zone(model->timeZone())
    , m_now(QDateTime::currentDateTimeUtc())
{
    setObjectName(u"calendarAgendaView"_s);
    connect(model, &QAbstractItemModel::modelReset, this, &CalendarAgendaView::relayout);
    connect(model, &QAbstractItemModel::rowsInserted, this, &CalendarAgendaView::relayout);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CalendarAgendaView::relayout);
    connect(model, &QAbstractItemModel::dataChanged, this, &CalendarAgendaView::relayout);
}

void CalendarAgendaView::setDate(QDate date)
{
    m_date = date;
    relayout();
}

void CalendarAgendaView::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    relayout();
}

void CalendarAgendaView::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
    update();
}

QRect CalendarAgendaView::rectForAppointment(const QString &id) const
{
    const auto it = std::find_if(m_lines.cbegin(), m_lines.cend(), [&id](const Line &l) { return l.id == id; });
    return it == m_lines.cend() ? QRect() : it->rect;
}

QString CalendarAgendaView::theirTimeText(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return {};
    const Models::Appointment &a = m_model->at(row);
    const QTimeZone theirs = CalendarPalette::zoneFor(a.theirTimeZone);
    if (!theirs.isValid() || theirs == m_zone || theirs.offsetFromUtc(a.start) == m_zone.offsetFromUtc(a.start))
        return {};
    return u"%1 %2"_s.arg(CalendarPalette::timeText(locale(), a.start.toTimeZone(theirs).time()), a.theirTimeZone);
}

QString CalendarAgendaView::timeTextOn(const Models::Appointment &a, QDate date) const
{
    // All-day and multi-day items say so instead of showing midnight.
    const Layout::Day day = Layout::day(date, m_zone);
    const QString from = CalendarPalette::timeText(locale(), a.start.toTimeZone(m_zone).time());
    const QString to = CalendarPalette::timeText(locale(), a.end.toTimeZone(m_zone).time());
    if (a.allDay || (a.start <= day.start && a.end >= day.end))
        return tr("All day");
    if (a.start < day.start)
        return tr("until %1").arg(to);
    if (a.end > day.end)
        return tr("from %1").arg(from);
    return u"%1 – %2"_s.arg(from, to);
}

QSize CalendarAgendaView::sizeHint() const
{
    return QSize(600, 400);
}

void CalendarAgendaView::relayout()
{
    m_lines.clear();
    int y = Margin;
    const QList<Models::Appointment> &all = m_model->appointments();
    for (int offset = 0; offset < Days; ++offset) {
        const QDate date = m_date.addDays(offset);
        const Layout::Day day = Layout::day(date, m_zone);
        QList<int> rows;
        for (int row = 0; row < all.size(); ++row) {
            const Models::Appointment &a = all.at(row);
            if (a.start < day.end && (a.end > day.start || (a.start == a.end && a.start >= day.start)))
                rows.append(row);
        }
        if (rows.isEmpty())
            continue;
        std::sort(rows.begin(), rows.end(), [&all](int a, int b) { return all.at(a).start < all.at(b).start; });
        m_lines.append(Line{date, {}, -1, QRect(Margin, y, width() - 2 * Margin, HeadingHeight)});
        y += HeadingHeight;
        for (int row : std::as_const(rows)) {
            m_lines.append(Line{date, all.at(row).id, row, QRect(Margin, y, width() - 2 * Margin, LineHeight)});
            y += LineHeight;
        }
    }
    setMinimumHeight(std::max(y + Margin, 120));
    update();
}

void CalendarAgendaView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    if (m_lines.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No appointments in these two weeks."));
        return;
    }
    const QDate today = m_now.toTimeZone(m_zone).date();
    QFont bold = font();
    bold.setBold(true);
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const Line &line : std::as_const(m_lines)) {
        if (line.id.isEmpty()) {
            painter.setFont(bold);
            painter.setPen(line.day == today ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text));
            painter.drawText(line.rect.adjusted(0, 8, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                             locale().toString(line.day, QLocale::LongFormat));
            painter.setPen(pal.color(QPalette::Midlight));
            painter.drawLine(line.rect.left(), line.rect.bottom(), line.rect.right(), line.rect.bottom());
            continue;
        }
        const Models::Appointment &a = m_model->at(line.row);
        painter.setFont(font());
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(line.rect.left() + 8, line.rect.top(), 130, line.rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, timeTextOn(a, line.day));
        painter.setPen(Qt::NoPen);
        painter.setBrush(CalendarPalette::forType(a.type));
        painter.drawEllipse(QPoint(line.rect.left() + 148, line.rect.center().y() + 1), 5, 5);
        painter.setBrush(Qt::NoBrush);
        QFont titleFont = font();
        titleFont.setItalic(a.status != u"confirmed");
        painter.setFont(titleFont);
        painter.setPen(pal.color(QPalette::Text));
        const QRect titleRect(line.rect.left() + 162, line.rect.top(), line.rect.width() - 162, line.rect.height());
        painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, a.title);
        // Their time, when they live elsewhere: what the advisor says on the phone.
        if (const QString theirs = theirTimeText(a.id); !theirs.isEmpty()) {
            painter.setFont(font());
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter, theirs);
        }
    }
}

void CalendarAgendaView::mousePressEvent(QMouseEvent *event)
{
    for (const Line &line : std::as_const(m_lines)) {
        if (!line.id.isEmpty() && line.rect.contains(event->position().toPoint())) {
            Q_EMIT appointmentActivated(line.id);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void CalendarAgendaView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

} // namespace Lotse::Ui
