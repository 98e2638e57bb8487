// The calendar views over a hand-filled CalendarModel, offscreen and without a server: overlapping
// appointments side by side, multi-day and all-day items in the band on top, wall-clock placement on
// the 23- and 25-hour days of Europe/Berlin, and the month view's counts. "Now" and the date are
// always given, and TZ is set per test so the machine's zone cannot matter.
#include "tests/desktop/DesktopTestSupport.h"

#include "models/CalendarModel.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarMonthView.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QTest>
#include <QWheelEvent>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace Lotse;
using Models::Appointment;

namespace {

const QTimeZone Berlin("Europe/Berlin");

QDateTime at(QDate date, QTime time)
{
    return QDateTime(date, time, Berlin).toUTC();
}

Appointment appointment(const QString &id, const QDateTime &start, const QDateTime &end, const QString &type,
                        const QString &status = u"confirmed"_s)
{
    return Appointment{id, start, end, type, status, u"Termin "_s + id, false, QString()};
}

} // namespace

class TestCalendarViews : public QObject
{
    Q_OBJECT

    QByteArray m_savedTz;

private Q_SLOTS:
    void initTestCase()
    {
        Ui::Theme::apply(*qApp);
        m_savedTz = qgetenv("TZ");
    }
    void init()
    {
        qputenv("TZ", "Asia/Tokyo");
        tzset();
    }
    void cleanupTestCase()
    {
        if (m_savedTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_savedTz);
        tzset();
    }

    void overlapsSideBySideAndMultiDayOnTop()
    {
        const QDate monday(2026, 3, 23); // the week of the spring change
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        Appointment holiday = appointment(u"allday"_s, at(monday.addDays(4), QTime(0, 0)),
                                          at(monday.addDays(5), QTime(0, 0)), u"onsite"_s);
        holiday.allDay = true;
        model.setAppointments(
            {appointment(u"a"_s, at(monday, QTime(9, 0)), at(monday, QTime(10, 30)), u"video"_s),
             appointment(u"b"_s, at(monday, QTime(10, 0)), at(monday, QTime(11, 0)), u"phone"_s, u"pending"_s),
             appointment(u"c"_s, at(monday, QTime(11, 0)), at(monday, QTime(12, 0)), u"onsite"_s, u"proposed"_s),
             appointment(u"night"_s, at(monday.addDays(1), QTime(20, 0)), at(monday.addDays(3), QTime(10, 0)),
                         u"video"_s),
             holiday});

        Ui::CalendarDayWeekView view(&model);
        view.setTimeZone(Berlin);
        view.setNow(at(monday.addDays(2), QTime(13, 15)));
        view.setDate(monday.addDays(2));
        view.setWorkingHours({QList<Client::AvailabilitySettings::Range>{{QTime(9, 0), QTime(17, 0)}}});
        view.resize(1000, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QRect a = view.rectForAppointment(u"a"_s);
        const QRect b = view.rectForAppointment(u"b"_s);
        const QRect c = view.rectForAppointment(u"c"_s);
        QVERIFY(!a.intersects(b));
        QVERIFY(a.right() < b.left());
        QCOMPARE(a.width(), b.width());
        QVERIFY(a.width() < view.dayColumnRect(0).width() / 2);
        // c only touches b: it has the day's whole width again.
        QVERIFY(c.width() > view.dayColumnRect(0).width() - 10);
        QCOMPARE(c.top(), view.yForMinute(11 * 60) + 1);

        // Multi-day and all-day items sit in the band above the hours, spanning their days.
        const QRect night = view.rectForAppointment(u"night"_s);
        const QRect allDay = view.rectForAppointment(u"allday"_s);
        QVERIFY(night.bottom() < view.yForMinute(0));
        QVERIFY(night.left() >= view.dayColumnRect(1).left());
        QVERIFY(night.right() <= view.dayColumnRect(3).right());
        QVERIFY(night.right() > view.dayColumnRect(3).left());
        QVERIFY(allDay.left() >= view.dayColumnRect(4).left());
        QVERIFY(allDay.right() <= view.dayColumnRect(4).right());
        Tests::Desktop::snapshot(&view, u"calendar-views-overlap"_s);
    }

    // Wall-clock placement: 09:00 is at the 09:00 line on the 23-hour and the 25-hour day alike.
    void dstDaysKeepTheHourLines_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::newRow("23 hours") << QDate(2026, 3, 29);
        QTest::newRow("25 hours") << QDate(2026, 10, 25);
        QTest::newRow("24 hours") << QDate(2026, 10, 26);
    }

    void dstDaysKeepTheHourLines()
    {
        QFETCH(QDate, date);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments({appointment(u"x"_s, at(date, QTime(9, 0)), at(date, QTime(10, 0)), u"video"_s)});
        Ui::CalendarDayWeekView view(&model);
        view.setTimeZone(Berlin);
        view.setNow(at(date, QTime(12, 0)));
        view.setDayCount(1);
        view.setDate(date);
        view.resize(500, 900);
        const QRect rect = view.rectForAppointment(u"x"_s);
        QCOMPARE(rect.top(), view.yForMinute(9 * 60) + 1);
        QCOMPARE(rect.bottom(), view.yForMinute(10 * 60) - 2);
    }

    // Ctrl+wheel zooms and keeps appointments on their hour lines; a plain wheel is left to the scroll area.
    void ctrlWheelZooms()
    {
        const QDate date(2026, 3, 23);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments({appointment(u"x"_s, at(date, QTime(14, 0)), at(date, QTime(15, 0)), u"video"_s)});
        Ui::CalendarDayWeekView view(&model);
        view.setTimeZone(Berlin);
        view.setNow(at(date, QTime(12, 0)));
        view.setDate(date);
        view.resize(900, 900);
        const int before = view.hourHeight();
        const auto wheel = [&view](Qt::KeyboardModifiers modifiers, int delta) {
            QWheelEvent event(QPointF(200, 200), view.mapToGlobal(QPointF(200, 200)), QPoint(), QPoint(0, delta),
                              Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
            QApplication::sendEvent(&view, &event);
            return event.isAccepted();
        };
        QVERIFY(!wheel(Qt::NoModifier, 120));
        QCOMPARE(view.hourHeight(), before);
        QVERIFY(wheel(Qt::ControlModifier, 120));
        QVERIFY(view.hourHeight() > before);
        QCOMPARE(view.rectForAppointment(u"x"_s).top(), view.yForMinute(14 * 60) + 1);
        QCOMPARE(view.rectForAppointment(u"x"_s).height(), view.hourHeight() - 2);
        QVERIFY(wheel(Qt::ControlModifier, -120));
        QVERIFY(wheel(Qt::ControlModifier, -120));
        QVERIFY(view.hourHeight() < before);
    }

    void monthCounts()
    {
        const QDate day(2026, 10, 25);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments(
            {appointment(u"a"_s, at(day, QTime(9, 0)), at(day, QTime(10, 0)), u"video"_s),
             appointment(u"b"_s, at(day, QTime(23, 0)), at(day.addDays(1), QTime(1, 0)), u"phone"_s),
             appointment(u"c"_s, at(day.addDays(1), QTime(0, 0)), at(day.addDays(1), QTime(0, 30)), u"phone"_s)});
        Ui::CalendarMonthView view(&model);
        view.setTimeZone(Berlin);
        view.setNow(at(day, QTime(8, 0)));
        view.setDate(day);
        view.resize(900, 700);
        QCOMPARE(view.firstShownDate(), QDate(2026, 9, 28));
        QCOMPARE(view.countForDate(day), 2);
        QCOMPARE(view.countForDate(day.addDays(1)), 2); // b runs past midnight
        QCOMPARE(view.countForDate(day.addDays(2)), 0);
        QVERIFY(view.rectForDate(day).isValid());
        QVERIFY(view.rectForDate(QDate(2026, 12, 1)).isNull());
    }
};

QTEST_MAIN(TestCalendarViews)
#include "TestCalendarViews.moc"
