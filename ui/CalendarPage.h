#pragma once

#include "ui/SectionPage.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

class QButtonGroup;
class QFrame;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace Lotse::Client {
class CalendarService;
class RequestsService;
} // namespace Lotse::Client

namespace Lotse::Ui {

class CalendarAgendaView;
class CalendarAppointmentDialog;
class CalendarDayWeekView;
class CalendarFilesButton;
class CalendarMonthView;

// The advisor's calendar section: day, week, month and agenda views over one model, with today, previous
// and next, the advisor's time zone, and the keyboard (arrows, T, 1–4, Ctrl+plus/minus). Appointments
// open in a details dialog (double-click, Enter); dragging one or Alt+Up/Down reschedules it, and an
// undo bar offers to take the change back until the help-seeker's mail leaves.
class CalendarPage : public SectionPage
{
    Q_OBJECT

public:
    enum class View
    {
        Day,
        Week,
        Month,
        Agenda,
    };
    Q_ENUM(View)

    explicit CalendarPage(Client::CalendarService *service, QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;

    void setView(View view);
    [[nodiscard]] View view() const { return m_view; }
    void setDate(QDate date);
    [[nodiscard]] QDate date() const { return m_date; }
    // Pins "now" (tests); an invalid value follows the clock again.
    void setNow(const QDateTime &now);
    void goToday();
    void goNext();
    void goPrevious();

    [[nodiscard]] CalendarDayWeekView *dayWeekView() const { return m_dayWeekView; }
    [[nodiscard]] CalendarMonthView *monthView() const { return m_monthView; }
    [[nodiscard]] CalendarAgendaView *agendaView() const { return m_agendaView; }
    [[nodiscard]] QString rangeText() const;
    // The first and last day the current view shows.
    [[nodiscard]] std::pair<QDate, QDate> visibleDates() const;

    // Shows the appointment's details; the dialog closes itself (tests reach it through the result).
    CalendarAppointmentDialog *openAppointment(const QString &id);
    // Moves or cancels the appointment on the server and offers the undo.
    void reschedule(const QString &id, const QDateTime &start, const QDateTime &end);
    void cancelAppointment(const QString &id, const QString &reason);
    [[nodiscard]] QFrame *undoBar() const { return m_undoBar; }
    // Whether the details offer "Open conversation": only once a Conversations section listens
    // to conversationRequested, so that no button leads nowhere.
    void setConversationsAvailable(bool available);

Q_SIGNALS:
    // The advisor asked for the conversation that belongs to this booking (MainWindow::openConversation).
    void conversationRequested(const QString &bookingId);

protected:
    void retranslate() override;
    void keyPressEvent(QKeyEvent *event) override;
    // Tab and Shift+Tab walk through the appointments of the day or week before leaving the page.
    bool focusNextPrevChild(bool next) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Undo
    {
        QString bookingId;
        QString changeId;
        QDateTime until; // the server's clock
        QString done;    // what happened, e.g. "Moved to Tue 26 Nov, 10:00–10:45."
    };
    void step(int direction);
    void askReschedule(const QString &id);
    void askCancel(const QString &id);
    void askDecline(const QString &id);
    void confirmBooking(const QString &id);
    void showUndo(const QString &bookingId, const QString &done, const QString &changeId, const QDateTime &until);
    void showMessage(const QString &text, bool error);
    void updateUndoBar();
    void undoLast();
    [[nodiscard]] QString whenText(const QDateTime &start, const QDateTime &end) const;
    void refreshViews();
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] QTimeZone zone() const;

    Client::CalendarService *m_service;
    View m_view = View::Week;
    QDate m_date;
    QDateTime m_pinnedNow;
    QPushButton *m_todayButton;
    QPushButton *m_previousButton;
    QPushButton *m_nextButton;
    QLabel *m_rangeLabel;
    QLabel *m_zoneLabel;
    QButtonGroup *m_viewButtons;
    QPushButton *m_dayButton;
    QPushButton *m_weekButton;
    QPushButton *m_monthButton;
    QPushButton *m_agendaButton;
    CalendarFilesButton *m_filesButton;
    QStackedWidget *m_viewsStackedWidget;
    QScrollArea *m_dayWeekScrollArea;
    CalendarDayWeekView *m_dayWeekView;
    CalendarMonthView *m_monthView;
    QScrollArea *m_agendaScrollArea;
    CalendarAgendaView *m_agendaView;
    QTimer *m_minuteTimer;
    Client::RequestsService *m_requests;
    QFrame *m_undoBar;
    QLabel *m_undoLabel;
    QPushButton *m_undoButton;
    QPushButton *m_undoDismissButton;
    QTimer *m_undoTimer;
    Undo m_undo;
    bool m_conversationsAvailable = false;
};

} // namespace Lotse::Ui
