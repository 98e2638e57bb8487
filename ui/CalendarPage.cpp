#include "ui/CalendarPage.h"

#include "app/CalendarService.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "models/CalendarModel.h"
#include "ui/CalendarAgendaView.h"
#include "ui/CalendarAppointmentDialog.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarFilesButton.h"
#include "ui/CalendarMonthView.h"
#include "ui/CalendarRescheduleDialog.h"
#include "ui/DeclineDialog.h"

#include <QButtonGroup>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

constexpr int RescheduleDays = 28;
constexpr int UndoneVisibleMs = 6000;

// Why a change did not go through, in words; the server's codes as the contract names them.
QString failureText(const Client::ApiError &error)
{
    if (error.code == u"slot_taken")
        return CalendarPage::tr("That time overlaps another of your appointments or proposals. Nothing was changed.");
    if (error.code == u"invalid_status")
        return CalendarPage::tr("This appointment can no longer be changed (it was cancelled or declined).");
    if (error.code == u"validation_failed")
        return CalendarPage::tr("Appointments can only be moved to a time in the future, 5 minutes to 12 hours long.");
    if (error.code == u"version_conflict")
        return CalendarPage::tr("Someone else changed this appointment in the meantime. Nothing was changed.");
    if (error.code == u"too_late")
        return CalendarPage::tr("Too late to undo: the e-mail has already been sent.");
    return error.userMessage();
}

} // namespace

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
    , m_requests(service->requests())
    , m_undoBar(new QFrame(this))
    , m_undoLabel(new QLabel(m_undoBar))
    , m_undoButton(new QPushButton(m_undoBar))
    , m_undoDismissButton(new QPushButton(m_undoBar))
    , m_undoTimer(new QTimer(this))
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
    m_zoneLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
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
    // The range and, under it in small print, the zone the times are in: two lines take less of
    // the toolbar's width than one, so the window can stay narrow.
    auto *heading = new QVBoxLayout;
    heading->setSpacing(0);
    heading->addWidget(m_rangeLabel);
    heading->addWidget(m_zoneLabel);
    toolbar->addLayout(heading, 1);
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

    // The undo bar: what just happened, how long until the help-seeker's mail leaves, and Undo.
    m_undoBar->setObjectName(u"undoBar"_s);
    m_undoBar->setFrameShape(QFrame::StyledPanel);
    m_undoBar->setAutoFillBackground(true);
    m_undoBar->setBackgroundRole(QPalette::AlternateBase);
    m_undoLabel->setObjectName(u"undoLabel"_s);
    m_undoLabel->setWordWrap(true);
    m_undoButton->setObjectName(u"undoButton"_s);
    m_undoButton->setProperty("primary", true);
    m_undoButton->setFocusPolicy(Qt::NoFocus);
    m_undoDismissButton->setObjectName(u"undoDismissButton"_s);
    m_undoDismissButton->setFocusPolicy(Qt::NoFocus);
    m_undoDismissButton->setFlat(true);
    m_undoDismissButton->setText(u"✕"_s);
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(12, 6, 6, 6);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(m_undoButton);
    undoLayout->addWidget(m_undoDismissButton);
    m_undoBar->setVisible(false);
    m_undoTimer->setInterval(1000);
    connect(m_undoTimer, &QTimer::timeout, this, &CalendarPage::updateUndoBar);
    connect(m_undoButton, &QPushButton::clicked, this, &CalendarPage::undoLast);
    connect(m_undoDismissButton, &QPushButton::clicked, this, [this] {
        m_undoTimer->stop();
        m_undoBar->setVisible(false);
    });

    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_undoBar);
    contentLayout()->addWidget(m_viewsStackedWidget, 1);
    letContentFill();

    connect(m_todayButton, &QPushButton::clicked, this, &CalendarPage::goToday);
    connect(m_previousButton, &QPushButton::clicked, this, &CalendarPage::goPrevious);
    connect(m_nextButton, &QPushButton::clicked, this, &CalendarPage::goNext);
    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { setView(View(id)); });
    // Imported (external) items are shown only: nothing to open or move.
    const auto open = [this](const QString &id) {
        if (!id.startsWith(u"external:"))
            openAppointment(id);
    };
    connect(m_dayWeekView, &CalendarDayWeekView::appointmentActivated, this, open);
    connect(m_agendaView, &CalendarAgendaView::appointmentActivated, this, open);
    connect(m_dayWeekView, &CalendarDayWeekView::rescheduleRequested, this, &CalendarPage::reschedule);
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
    m_undoButton->setText(tr("Undo"));
    m_undoDismissButton->setToolTip(tr("Hide"));
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
    updateUndoBar();
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
    const bool alt = event->modifiers() & Qt::AltModifier;
    const bool dayOrWeek = m_view == View::Day || m_view == View::Week;
    if (dayOrWeek && alt && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        // Alt moves the selected appointment by the snap step, Alt+Shift changes its end.
        m_dayWeekView->nudgeSelected(event->key() == Qt::Key_Up ? -1 : 1, event->modifiers() & Qt::ShiftModifier);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_dayWeekView->isDragging()) {
            m_dayWeekView->cancelDrag();
            return;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (dayOrWeek && !m_dayWeekView->selectedId().isEmpty()) {
            openAppointment(m_dayWeekView->selectedId());
            return;
        }
        break;
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

bool CalendarPage::focusNextPrevChild(bool next)
{
    if ((m_view == View::Day || m_view == View::Week) && m_dayWeekView->selectNext(next ? 1 : -1)) {
        const QRect rect = m_dayWeekView->rectForAppointment(m_dayWeekView->selectedId());
        m_dayWeekScrollArea->ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height() / 2 + 48);
        return true;
    }
    return SectionPage::focusNextPrevChild(next);
}

void CalendarPage::showEvent(QShowEvent *event)
{
    SectionPage::showEvent(event);
    m_service->refresh();
    // Start the day at eight rather than at midnight.
    m_dayWeekScrollArea->verticalScrollBar()->setValue(m_dayWeekView->yForMinute(7 * 60 + 30) - 40);
    setFocus();
}

QString CalendarPage::whenText(const QDateTime &start, const QDateTime &end) const
{
    const QDateTime from = start.toTimeZone(zone());
    const QDateTime to = end.toTimeZone(zone());
    //: Date in the undo bar (QDate format: ddd = short weekday, MMM = short month)
    const QString date = locale().toString(from.date(), tr("ddd d MMM"));
    QString format = locale().timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    //: %1 date, %2 start time, %3 end time
    return tr("%1, %2–%3").arg(date, locale().toString(from.time(), format), locale().toString(to.time(), format));
}

CalendarAppointmentDialog *CalendarPage::openAppointment(const QString &id)
{
    if (!m_requests || !m_requests->model()->request(id))
        return nullptr;
    auto *dialog = new CalendarAppointmentDialog(m_requests, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CalendarAppointmentDialog::rescheduleClicked, this, &CalendarPage::askReschedule);
    connect(dialog, &CalendarAppointmentDialog::cancelClicked, this, &CalendarPage::askCancel);
    connect(dialog, &CalendarAppointmentDialog::confirmClicked, this, &CalendarPage::confirmBooking);
    connect(dialog, &CalendarAppointmentDialog::declineClicked, this, &CalendarPage::askDecline);
    connect(dialog, &CalendarAppointmentDialog::conversationClicked, this, &CalendarPage::conversationRequested);
    dialog->setConversationAvailable(m_conversationsAvailable);
    dialog->open();
    return dialog;
}

void CalendarPage::setConversationsAvailable(bool available)
{
    m_conversationsAvailable = available;
}

void CalendarPage::reschedule(const QString &id, const QDateTime &start, const QDateTime &end)
{
    if (!m_requests)
        return;
    const QString done = tr("Moved to %1.").arg(whenText(start, end));
    showMessage(tr("Moving to %1…").arg(whenText(start, end)), false);
    QPointer<CalendarPage> self(this);
    m_requests->reschedule(id, start, end,
                           [self, id, done](const Client::RequestsService::Undo &undo, const Client::ApiError &error) {
                               if (!self)
                                   return;
                               if (error.isError()) {
                                   self->m_dayWeekView->clearPendingMove();
                                   self->showMessage(failureText(error), true);
                                   return;
                               }
                               self->showUndo(id, done, undo.changeId, undo.until);
                           });
}

void CalendarPage::cancelAppointment(const QString &id, const QString &reason)
{
    if (!m_requests)
        return;
    const Client::BookingRequest *request = m_requests->model()->request(id);
    const QString name = request ? request->fullName() : QString();
    const QString done = name.isEmpty() ? tr("Appointment cancelled.") : tr("Appointment with %1 cancelled.").arg(name);
    showMessage(tr("Cancelling…"), false);
    QPointer<CalendarPage> self(this);
    m_requests->cancel(id, reason,
                       [self, id, done](const Client::RequestsService::Undo &undo, const Client::ApiError &error) {
                           if (!self)
                               return;
                           if (error.isError())
                               return self->showMessage(failureText(error), true);
                           self->showUndo(id, done, undo.changeId, undo.until);
                       });
}

void CalendarPage::askReschedule(const QString &id)
{
    const Client::BookingRequest *request = m_requests ? m_requests->model()->request(id) : nullptr;
    if (!request)
        return;
    auto *dialog = new CalendarRescheduleDialog(
        request->fullName(), request->start, request->end, zone(),
        request->timeZone.isEmpty() ? QTimeZone() : QTimeZone(request->timeZone.toUtf8()), now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<CalendarRescheduleDialog> guard(dialog);
    m_requests->freeSlotsFor(
        id, now(), RescheduleDays,
        [guard](const QList<Client::RequestsService::Slot> &freeSlots, const Client::ApiError &error) {
            if (!guard)
                return;
            if (error.isError())
                return guard->showSlotsError(error.userMessage());
            QList<CalendarRescheduleDialog::Slot> choices;
            for (const auto &slot : freeSlots)
                choices.append({slot.start, slot.end});
            guard->setFreeSlots(choices);
        });
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (dialog->chosenStart().isValid())
            reschedule(id, dialog->chosenStart(), dialog->chosenEnd());
    });
    dialog->open();
}

void CalendarPage::askCancel(const QString &id)
{
    const Client::BookingRequest *request = m_requests ? m_requests->model()->request(id) : nullptr;
    if (!request)
        return;
    auto *dialog = new CalendarCancelDialog(request->fullName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] { cancelAppointment(id, dialog->reason()); });
    dialog->open();
}

void CalendarPage::askDecline(const QString &id)
{
    const Client::BookingRequest *request = m_requests ? m_requests->model()->request(id) : nullptr;
    if (!request)
        return;
    auto *dialog = new DeclineDialog(request->fullName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        QPointer<CalendarPage> self(this);
        m_requests->decline(id, dialog->reason(), [self](const Client::ApiError &error) {
            if (self)
                self->showMessage(error.isError() ? failureText(error)
                                                  : tr("Declined. The help-seeker gets an e-mail."),
                                  error.isError());
        });
    });
    dialog->open();
}

void CalendarPage::confirmBooking(const QString &id)
{
    if (!m_requests)
        return;
    QPointer<CalendarPage> self(this);
    m_requests->confirm(id, [self](const Client::ApiError &error) {
        if (self)
            self->showMessage(error.isError() ? failureText(error)
                                              : tr("Confirmed. The help-seeker gets an invitation."),
                              error.isError());
    });
}

void CalendarPage::showMessage(const QString &text, bool error)
{
    m_undo = {};
    m_undoTimer->stop();
    m_undoLabel->setText(text);
    m_undoLabel->setProperty("tone", error ? u"error"_s : QString());
    m_undoLabel->style()->unpolish(m_undoLabel);
    m_undoLabel->style()->polish(m_undoLabel);
    m_undoButton->setVisible(false);
    m_undoDismissButton->setVisible(true);
    m_undoBar->setVisible(true);
}

void CalendarPage::showUndo(const QString &bookingId, const QString &done, const QString &changeId,
                            const QDateTime &until)
{
    showMessage(done, false);
    if (changeId.isEmpty() || !until.isValid()) {
        // The server sends the mail at once (no undo window configured).
        m_undoLabel->setText(done + u' ' + tr("The help-seeker has been sent an e-mail."));
        return;
    }
    m_undo = Undo{bookingId, changeId, until, done};
    m_undoButton->setVisible(true);
    m_undoButton->setEnabled(true);
    m_undoTimer->start();
    updateUndoBar();
}

void CalendarPage::updateUndoBar()
{
    if (m_undo.changeId.isEmpty())
        return;
    // Counted against the clock the views use (pinned in tests); the server's own clock decides.
    const qint64 left = now().secsTo(m_undo.until);
    if (left <= 0) {
        m_undo = {};
        m_undoTimer->stop();
        m_undoBar->setVisible(false);
        return;
    }
    m_undoLabel->setText(m_undo.done + u' ' + tr("The help-seeker gets an e-mail in %n s.", nullptr, int(left)));
}

void CalendarPage::undoLast()
{
    if (m_undo.changeId.isEmpty() || !m_requests)
        return;
    const Undo undo = m_undo;
    m_undoTimer->stop();
    m_undoButton->setEnabled(false);
    m_undoLabel->setText(tr("Undoing…"));
    QPointer<CalendarPage> self(this);
    m_requests->undo(undo.bookingId, undo.changeId, [self](const Client::ApiError &error) {
        if (!self)
            return;
        if (error.isError())
            return self->showMessage(failureText(error), true);
        const QString undone = tr("Undone. No e-mail was sent.");
        self->showMessage(undone, false);
        QTimer::singleShot(UndoneVisibleMs, self, [self, undone] {
            if (self && self->m_undoLabel->text() == undone)
                self->m_undoBar->setVisible(false);
        });
    });
}

} // namespace Lotse::Ui
