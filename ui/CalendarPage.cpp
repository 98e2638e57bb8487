#include "ui/CalendarPage.h"

#include "app/CalendarService.h"
#include "models/CalendarModel.h"
#include "ui/CalendarAgendaView.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarFilesButton.h"
#include "ui/CalendarMonthView.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

CalendarPage::CalendarPage(Client::CalendarService *service, QWidget *parent)
    : SectionPage(u":/lotse/icons/availability.svg"_s, parent)
    , m_service(service)
    , m_todayButton(new QPushButton(this))
    , m_previousButton(new QPushButton(this))
    , m_nextButton(new QPushButton(this))
    , m_rangeLabel(new QLabel(this))
    , m_zoneLabel(new QLabel(this))
    , m_viewButtons(new QButtonGroup(this))
    , m_dayButton(new QPushButton(this))
    , m_weekButton(new QPushButton(this))
    , m_monthButton(new QPushButton(this))
    , m_agendaButton(new QPushButton(this))
    , m_filesButton(new CalendarFilesButton(
          service, [this] { return visibleDates(); }, this))
    , m_viewsStackedWidget(new QStackedWidget(this))
    , m_dayWeekScrollArea(new QScrollArea(this))
    , m_dayWeekView(new CalendarDayWeekView(service->model(), this))
    , m_monthView(new CalendarMonthView(service->model(), this))
    , m_agendaScrollArea(new QScrollArea(this))
    , m_agendaView(new CalendarAgendaView(service->model(), this))
    , m_minuteTimer(new QTimer(this))
{
    setObjectName(u"calendarPage"_s);
    setFocusPolicy(Qt::StrongFocus);
    m_todayButton->setObjectName(u"todayButton"_s);
    m_previousButton->setObjectName(u"previousButton"_s);
    m_nextButton->setObjectName(u"nextButton"_s);
    m_rangeLabel->setObjectName(u"rangeLabel"_s);
    m_zoneLabel->setObjectName(u"zoneLabel"_s);
    m_dayButton->setObjectName(u"dayButton"_s);
    m_weekButton->setObjectName(u"weekButton"_s);
    m_monthButton->setObjectName(u"monthButton"_s);
    m_agendaButton->setObjectName(u"agendaButton"_s);
    m_viewsStackedWidget->setObjectName(u"viewsStackedWidget"_s);
    m_previousButton->setText(u"‹"_s);
    m_nextButton->setText(u"›"_s);
    QFont rangeFont = m_rangeLabel->font();
    rangeFont.setPointSizeF(rangeFont.pointSizeF() * 1.15);
    rangeFont.setBold(true);
    m_rangeLabel->setFont(rangeFont);
    m_zoneLabel->setForegroundRole(QPalette::PlaceholderText);
    // A long range is cut rather than widening the whole window.
    m_rangeLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_zoneLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (QPushButton *button :
         {m_todayButton, m_previousButton, m_nextButton, m_dayButton, m_weekButton, m_monthButton, m_agendaButton})
        button->setFocusPolicy(Qt::NoFocus);
    for (QPushButton *button : {m_dayButton, m_weekButton, m_monthButton, m_agendaButton})
        button->setCheckable(true);
    m_viewButtons->addButton(m_dayButton, int(View::Day));
    m_viewButtons->addButton(m_weekButton, int(View::Week));
    m_viewButtons->addButton(m_monthButton, int(View::Month));
    m_viewButtons->addButton(m_agendaButton, int(View::Agenda));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_todayButton);
    toolbar->addWidget(m_previousButton);
    toolbar->addWidget(m_nextButton);
    toolbar->addSpacing(8);
    toolbar->addWidget(m_rangeLabel, 1);
    toolbar->addWidget(m_zoneLabel);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_dayButton);
    toolbar->addWidget(m_weekButton);
    toolbar->addWidget(m_monthButton);
    toolbar->addWidget(m_agendaButton);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_filesButton);

    m_dayWeekScrollArea->setObjectName(u"dayWeekScrollArea"_s);
    m_dayWeekScrollArea->setWidget(m_dayWeekView);
    m_dayWeekScrollArea->setWidgetResizable(true);
    m_dayWeekScrollArea->setFrameShape(QFrame::NoFrame);
    m_dayWeekScrollArea->setFocusPolicy(Qt::NoFocus);
    m_viewsStackedWidget->addWidget(m_dayWeekScrollArea);
    m_viewsStackedWidget->addWidget(m_monthView);
    m_agendaScrollArea->setObjectName(u"agendaScrollArea"_s);
    m_agendaScrollArea->setWidget(m_agendaView);
    m_agendaScrollArea->setWidgetResizable(true);
    m_agendaScrollArea->setFrameShape(QFrame::NoFrame);
    m_agendaScrollArea->setFocusPolicy(Qt::NoFocus);
    m_viewsStackedWidget->addWidget(m_agendaScrollArea);

    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_viewsStackedWidget, 1);
    letContentFill();

    connect(m_todayButton, &QPushButton::clicked, this, &CalendarPage::goToday);
    connect(m_previousButton, &QPushButton::clicked, this, &CalendarPage::goPrevious);
    connect(m_nextButton, &QPushButton::clicked, this, &CalendarPage::goNext);
    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { setView(View(id)); });
    // Imported (external) items have nothing to open in Requests.
    const auto open = [this](const QString &id) {
        if (!id.startsWith(u"external:"))
            Q_EMIT appointmentOpened(id);
    };
    connect(m_dayWeekView, &CalendarDayWeekView::appointmentActivated, this, open);
    connect(m_agendaView, &CalendarAgendaView::appointmentActivated, this, open);
    connect(m_monthView, &CalendarMonthView::dateActivated, this, [this](QDate date) {
        setDate(date);
        setView(View::Day);
    });
    connect(service->model(), &QAbstractItemModel::dataChanged, this, [this] { refreshViews(); });
    connect(service->model(), &QAbstractItemModel::rowsInserted, this, [this] { refreshViews(); });
    connect(service, &Client::CalendarService::availabilityChanged, this, [this] { refreshViews(); });
    connect(m_minuteTimer, &QTimer::timeout, this, [this] { refreshViews(); });
    m_minuteTimer->start(60 * 1000);
    // The view paints its day headers at the top of what is visible.
    connect(m_dayWeekScrollArea->verticalScrollBar(), &QScrollBar::valueChanged, m_dayWeekView,
            [this] { m_dayWeekView->update(); });

    m_date = now().toTimeZone(zone()).date();
    retranslate();
    setView(View::Week);
}

QString CalendarPage::title() const
{
    return tr("Calendar");
}

void CalendarPage::retranslate()
{
    refreshTitle();
    m_todayButton->setText(tr("Today"));
    m_previousButton->setToolTip(tr("Previous"));
    m_nextButton->setToolTip(tr("Next"));
    m_dayButton->setText(tr("Day"));
    m_weekButton->setText(tr("Week"));
    m_monthButton->setText(tr("Month"));
    m_agendaButton->setText(tr("Agenda"));
    refreshViews();
}

QDateTime CalendarPage::now() const
{
    return m_pinnedNow.isValid() ? m_pinnedNow : QDateTime::currentDateTimeUtc();
}

QTimeZone CalendarPage::zone() const
{
    return m_service->model()->timeZone();
}

void CalendarPage::setView(View view)
{
    m_view = view;
    m_viewButtons->button(int(view))->setChecked(true);
    if (view == View::Month) {
        m_viewsStackedWidget->setCurrentWidget(m_monthView);
    } else if (view == View::Agenda) {
        m_viewsStackedWidget->setCurrentWidget(m_agendaScrollArea);
    } else {
        m_dayWeekView->setDayCount(view == View::Day ? 1 : 7);
        m_viewsStackedWidget->setCurrentWidget(m_dayWeekScrollArea);
    }
    refreshViews();
}

void CalendarPage::setDate(QDate date)
{
    m_date = date;
    refreshViews();
}

void CalendarPage::setNow(const QDateTime &now)
{
    m_pinnedNow = now;
    refreshViews();
}

void CalendarPage::goToday()
{
    setDate(now().toTimeZone(zone()).date());
}

void CalendarPage::goNext()
{
    step(1);
}

void CalendarPage::goPrevious()
{
    step(-1);
}

void CalendarPage::step(int direction)
{
    switch (m_view) {
    case View::Day:
        setDate(m_date.addDays(direction));
        break;
    case View::Week:
        setDate(m_date.addDays(7 * direction));
        break;
    case View::Agenda:
        setDate(m_date.addDays(CalendarAgendaView::Days * direction));
        break;
    case View::Month:
        setDate(m_date.addMonths(direction));
        break;
    }
}

QString CalendarPage::rangeText() const
{
    switch (m_view) {
    case View::Day:
        return locale().toString(m_date, QLocale::LongFormat);
    case View::Week: {
        const QList<QDate> dates = m_dayWeekView->dates();
        return tr("%1 – %2, week %3")
            .arg(
                locale().toString(dates.first(), dates.first().month() == dates.last().month() ? u"d."_s : u"d. MMM"_s),
                locale().toString(dates.last(), u"d. MMM yyyy"_s))
            .arg(dates.first().weekNumber());
    }
    case View::Month:
        return locale().toString(m_date, u"MMMM yyyy"_s);
    case View::Agenda:
        return u"%1 – %2"_s.arg(locale().toString(m_date, u"d. MMM"_s),
                                locale().toString(m_date.addDays(CalendarAgendaView::Days - 1), u"d. MMM yyyy"_s));
    }
    return {};
}

std::pair<QDate, QDate> CalendarPage::visibleDates() const
{
    switch (m_view) {
    case View::Day:
        return {m_date, m_date};
    case View::Week:
        return {m_dayWeekView->dates().constFirst(), m_dayWeekView->dates().constLast()};
    case View::Month:
        return {m_monthView->firstShownDate(), m_monthView->firstShownDate().addDays(6 * 7 - 1)};
    case View::Agenda:
        return {m_date, m_date.addDays(CalendarAgendaView::Days - 1)};
    }
    return {m_date, m_date};
}

void CalendarPage::refreshViews()
{
    const QTimeZone tz = zone();
    m_dayWeekView->setTimeZone(tz);
    m_dayWeekView->setNow(now());
    m_dayWeekView->setDate(m_date);
    m_dayWeekView->setWorkingHours(m_service->availability().weekly);
    m_monthView->setTimeZone(tz);
    m_monthView->setNow(now());
    m_monthView->setDate(m_date);
    m_agendaView->setTimeZone(tz);
    m_agendaView->setNow(now());
    m_agendaView->setDate(m_date);
    m_rangeLabel->setText(rangeText());
    m_zoneLabel->setText(tr("Time zone: %1").arg(QString::fromUtf8(tz.id())));
    const auto [first, last] = visibleDates();
    m_service->showDates(first, last);
}

void CalendarPage::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        setDate(m_date.addDays(-1));
        return;
    case Qt::Key_Right:
        setDate(m_date.addDays(1));
        return;
    case Qt::Key_Up:
        setDate(m_date.addDays(-7));
        return;
    case Qt::Key_Down:
        setDate(m_date.addDays(7));
        return;
    case Qt::Key_PageUp:
        goPrevious();
        return;
    case Qt::Key_PageDown:
        goNext();
        return;
    case Qt::Key_T:
        goToday();
        return;
    case Qt::Key_1:
        setView(View::Day);
        return;
    case Qt::Key_2:
        setView(View::Week);
        return;
    case Qt::Key_3:
        setView(View::Month);
        return;
    case Qt::Key_4:
        setView(View::Agenda);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (ctrl) {
            m_dayWeekView->zoomIn();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (ctrl) {
            m_dayWeekView->zoomOut();
            return;
        }
        break;
    default:
        break;
    }
    SectionPage::keyPressEvent(event);
}

void CalendarPage::showEvent(QShowEvent *event)
{
    SectionPage::showEvent(event);
    m_service->refresh();
    // Start the day at eight rather than at midnight.
    m_dayWeekScrollArea->verticalScrollBar()->setValue(m_dayWeekView->yForMinute(7 * 60 + 30) - 40);
    setFocus();
}

} // namespace Lotse::Ui
