#pragma once

#include "ui/SectionPage.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

class QButtonGroup;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTimer;

namespace Lotse::Client {
class CalendarService;
}

namespace Lotse::Ui {

class CalendarAgendaView;
class CalendarDayWeekView;
class CalendarFilesButton;
class CalendarMonthView;

// The advisor's calendar section: day, week, month and agenda views over one model, with today, previous
// and next, the advisor's time zone, and the keyboard (arrows, T, 1–4, Ctrl+plus/minus).
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

Q_SIGNALS:
    // The advisor opened an appointment (to be shown in the Requests section).
    void appointmentOpened(const QString &id);

protected:
    void retranslate() override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void step(int direction);
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
};

} // namespace Lotse::Ui
