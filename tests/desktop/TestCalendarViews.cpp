// The calendar views over a hand-filled CalendarModel, offscreen and without a server: overlapping
// appointments side by side, multi-day and all-day items in the band on top, wall-clock placement on
// the 23- and 25-hour days of Europe/Berlin, the month view's counts, and dragging: move across days
// and resize with snapping, Esc cancels, Alt+arrows nudge, proposals as ghosts, tooltips with the
// help-seeker's time, and the all-day band that stays on top while the hours scroll. "Now" and the date are
// always given, and TZ is set per test so the machine's zone cannot matter.
#include "tests/desktop/DesktopTestSupport.h"

#include "models/CalendarModel.h"
#include "ui/CalendarAgendaView.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarMonthView.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
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
    return Appointment{id, start, end, type, status, u"Termin "_s + id, false, QString(), {}, {}};
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

    // A drag moves the appointment to the column and the snapped time under the pointer; the block
    // stays at its new place until the model has it there too.
    void dragMovesAcrossDaysAndSnaps()
    {
        const QDate wednesday(2026, 11, 25);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments(
            {appointment(u"x"_s, at(wednesday, QTime(10, 0)), at(wednesday, QTime(10, 45)), u"video"_s)});
        Ui::CalendarDayWeekView view(&model);
        view.setTimeZone(Berlin);
        view.setNow(at(wednesday, QTime(9, 0)));
        view.setDate(wednesday);
        view.resize(1000, 1200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.snapMinutes(), 15);
        QSignalSpy moved(&view, &Ui::CalendarDayWeekView::rescheduleRequested);

        const QRect rect = view.rectForAppointment(u"x"_s);
        const QPoint from = rect.center();
        // One day to the right and 30 px (41 minutes at 44 px per hour) down: snaps to 10:45.
        const QPoint to(view.dayColumnRect(3).center().x(), from.y() + 30);
        QTest::mousePress(&view, Qt::LeftButton, {}, from);
        QCOMPARE(view.selectedId(), u"x"_s);
        QTest::mouseMove(&view, QPoint(from.x() + 20, from.y() + 10));
        QVERIFY(view.isDragging());
        QTest::mouseMove(&view, to);
        const QRect ghost = view.ghostRect();
        QVERIFY(ghost.left() >= view.dayColumnRect(3).left());
        QCOMPARE(ghost.top(), view.yForMinute(10 * 60 + 45) + 1);
        Tests::Desktop::snapshot(&view, u"calendar-views-drag"_s);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, to);
        QVERIFY(!view.isDragging());
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(0).toString(), u"x"_s);
        QCOMPARE(moved.at(0).at(1).toDateTime(), at(wednesday.addDays(1), QTime(10, 45)));
        QCOMPARE(moved.at(0).at(2).toDateTime(), at(wednesday.addDays(1), QTime(11, 30)));
        const QRect after = view.rectForAppointment(u"x"_s);
        QVERIFY(after.left() >= view.dayColumnRect(3).left());
        QCOMPARE(after.top(), view.yForMinute(10 * 60 + 45) + 1);

        // The server refused: back where the model has it.
        view.clearPendingMove();
        QCOMPARE(view.rectForAppointment(u"x"_s), rect);
    }

    void escapeCancelsTheDrag()
    {
        const QDate wednesday(2026, 11, 25);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments(
            {appointment(u"x"_s, at(wednesday, QTime(10, 0)), at(wednesday, QTime(10, 45)), u"phone"_s, u"pending"_s)});
        Ui::CalendarDayWeekView view(&model);
        view.setTimeZone(Berlin);
        view.setDate(wednesday);
        view.resize(1000, 1200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy moved(&view, &Ui::CalendarDayWeekView::rescheduleRequested);
        const QRect rect = view.rectForAppointment(u"x"_s);
        QTest::mousePress(&view, Qt::LeftButton, {}, rect.center());
        QTest::mouseMove(&view, rect.center() + QPoint(0, 100));
        QVERIFY(view.ghostRect().isValid());
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!view.isDragging());
        QVERIFY(view.ghostRect().isNull());
        QTest::mouseRelease(&view, Qt::LeftButton, {}, rect.center() + QPoint(0, 100));
        QCOMPARE(moved.size(), 0);
        QCOMPARE(view.rectForAppointment(u"x"_s), rect);
    }

    // The bottom edge resizes: the start stays, the end snaps. Zoomed in, the step is 5 minutes.
    void bottomEdgeResizes()
    {
        const QDate wednesday(2026, 11, 25);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments(
            {appointment(u"x"_s, at(wednesday, QTime(10, 0)), at(wednesday, QTime(10, 45)), u"video"_s)});
        Ui::CalendarDayWeekView view(&model);
        view.setTimeZone(Berlin);
        view.setDate(wednesday);
        view.setDayCount(1);
        view.setHourHeight(120);
        QCOMPARE(view.snapMinutes(), 5);
        view.resize(600, 3000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy moved(&view, &Ui::CalendarDayWeekView::rescheduleRequested);
        const QRect rect = view.rectForAppointment(u"x"_s);
        const QPoint edge(rect.center().x(), rect.bottom() - 2);
        QTest::mousePress(&view, Qt::LeftButton, {}, edge);
        QTest::mouseMove(&view, edge + QPoint(0, 10));
        QTest::mouseMove(&view, edge + QPoint(0, 41)); // 20.5 minutes at 120 px per hour: 20
        QTest::mouseRelease(&view, Qt::LeftButton, {}, edge + QPoint(0, 41));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(1).toDateTime(), at(wednesday, QTime(10, 0)));
        QCOMPARE(moved.at(0).at(2).toDateTime(), at(wednesday, QTime(11, 5)));
    }

    // Alt+Up/Down and Alt+Shift+Up/Down without a mouse: by the snap step. Proposed ones stay put.
    void keyboardNudges()
    {
        const QDate wednesday(2026, 11, 25);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments(
            {appointment(u"x"_s, at(wednesday, QTime(10, 0)), at(wednesday, QTime(10, 45)), u"video"_s),
             appointment(u"p"_s, at(wednesday, QTime(14, 0)), at(wednesday, QTime(14, 30)), u"video"_s,
                         u"proposed"_s)});
        Ui::CalendarDayWeekView view(&model);
        view.setTimeZone(Berlin);
        view.setDate(wednesday);
        view.resize(1000, 1200);
        QSignalSpy moved(&view, &Ui::CalendarDayWeekView::rescheduleRequested);
        QVERIFY(!view.nudgeSelected(1, false)); // nothing selected
        view.setSelectedId(u"x"_s);
        QVERIFY(view.nudgeSelected(1, false));
        QCOMPARE(moved.last().at(1).toDateTime(), at(wednesday, QTime(10, 15)));
        QCOMPARE(moved.last().at(2).toDateTime(), at(wednesday, QTime(11, 0)));
        // The next step starts from where it was moved to, before the model has caught up.
        QVERIFY(view.nudgeSelected(-1, true));
        QCOMPARE(moved.last().at(1).toDateTime(), at(wednesday, QTime(10, 15)));
        QCOMPARE(moved.last().at(2).toDateTime(), at(wednesday, QTime(10, 45)));
        view.setSelectedId(u"p"_s);
        QVERIFY(!view.isMovable(u"p"_s));
        QVERIFY(!view.nudgeSelected(1, false));
        QCOMPARE(moved.size(), 2);
    }

    // A pending proposal is a ghost at the proposed time; the tooltip gives the help-seeker's time.
    void proposalGhostAndTooltip()
    {
        const QDate wednesday(2026, 11, 25);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        Appointment x =
            appointment(u"x"_s, at(wednesday, QTime(10, 0)), at(wednesday, QTime(10, 45)), u"video"_s, u"proposed"_s);
        x.proposalStart = at(wednesday.addDays(1), QTime(15, 0));
        x.proposalEnd = at(wednesday.addDays(1), QTime(15, 45));
        x.theirTimeZone = u"Europe/Kyiv"_s;
        Appointment y = appointment(u"y"_s, at(wednesday, QTime(12, 0)), at(wednesday, QTime(12, 30)), u"phone"_s);
        y.theirTimeZone = u"Europe/Paris"_s; // the same offset as Berlin: nothing extra to show
        model.setAppointments({x, y});
        Ui::CalendarDayWeekView view(&model);
        view.setLocale(QLocale(QLocale::German, QLocale::Germany));
        view.setTimeZone(Berlin);
        view.setDate(wednesday);
        view.resize(1000, 1200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRect ghost = view.proposalRect(u"x"_s);
        QVERIFY(ghost.left() >= view.dayColumnRect(3).left());
        QVERIFY(ghost.right() <= view.dayColumnRect(3).right());
        QCOMPARE(ghost.top(), view.yForMinute(15 * 60) + 1);
        QVERIFY(view.proposalRect(u"y"_s).isNull());
        QCOMPARE(view.theirTimeText(u"x"_s), u"11:00 – 11:45 Europe/Kyiv"_s);
        QVERIFY(view.toolTipFor(u"x"_s).contains(u"11:00 – 11:45 Europe/Kyiv"_s));
        QVERIFY(view.theirTimeText(u"y"_s).isEmpty());
        QVERIFY(!view.toolTipFor(u"y"_s).contains(u"Europe/Paris"_s));
        // A press on the ghost selects its appointment but does not drag it.
        QTest::mousePress(&view, Qt::LeftButton, {}, ghost.center());
        QCOMPARE(view.selectedId(), u"x"_s);
        QTest::mouseMove(&view, ghost.center() + QPoint(0, 60));
        QVERIFY(!view.isDragging());
        QTest::mouseRelease(&view, Qt::LeftButton, {}, ghost.center() + QPoint(0, 60));
        Tests::Desktop::snapshot(&view, u"calendar-views-proposal"_s);
    }

    // Scrolled down to the afternoon, the all-day band is still at the top and still answers clicks.
    void allDayBandStaysOnTop()
    {
        const QDate wednesday(2026, 11, 25);
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        Appointment holiday =
            appointment(u"allday"_s, at(wednesday, QTime(0, 0)), at(wednesday.addDays(1), QTime(0, 0)), u"onsite"_s);
        holiday.allDay = true;
        model.setAppointments(
            {holiday, appointment(u"x"_s, at(wednesday, QTime(15, 0)), at(wednesday, QTime(16, 0)), u"video"_s)});
        auto *view = new Ui::CalendarDayWeekView(&model);
        view->setTimeZone(Berlin);
        view->setDate(wednesday);
        QScrollArea area;
        area.setWidget(view);
        area.setWidgetResizable(true);
        area.resize(1000, 500);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        const QRect band = view->rectForAppointment(u"allday"_s);
        QVERIFY(band.bottom() < view->yForMinute(0));
        area.verticalScrollBar()->setValue(view->yForMinute(14 * 60));
        QCoreApplication::processEvents();
        const int top = area.verticalScrollBar()->value();
        QVERIFY(top > 0);
        // What is drawn at the band's place in the viewport is the band's colour, not the hours.
        const QImage image = area.viewport()->grab().toImage();
        const QColor drawn = image.pixelColor(band.center().x(), band.center().y());
        QVERIFY2(drawn != view->palette().color(QPalette::Base), "the band is painted at the top");
        QTest::mouseClick(view, Qt::LeftButton, {}, band.center() + QPoint(0, top));
        QCOMPARE(view->selectedId(), u"allday"_s);
        Tests::Desktop::snapshot(&area, u"calendar-views-sticky-band"_s);
    }

    // A counsellor's ordinary week, as the screenshots show it: about twenty appointments of all
    // three types, two pairs overlapping, a team day (all-day), a two-day training and a proposal.
    // Every timed appointment of the week has its own block, blocks of one day never cover each
    // other, the month and the agenda list the same appointments.
    void aRealisticWeek()
    {
        const QDate monday(2026, 11, 23);
        const QStringList names{u"Olena Kovalenko"_s, u"Jonas Weber"_s,    u"Amira Haddad"_s,
                                u"Mehmet Yılmaz"_s,   u"Sofia Rossi"_s,    u"Andrii Shevchenko"_s,
                                u"Lena Hoffmann"_s,   u"Piotr Nowak"_s,    u"Fatima Al-Sayed"_s,
                                u"Yusuf Demir"_s,     u"Maria Petrenko"_s, u"Tomasz Wiśniewski"_s};
        struct Slot
        {
            int day;
            QTime start;
            int minutes;
            QString type;
            QString status;
        };
        const QList<Slot> week{
            {0, QTime(9, 0), 45, u"video"_s, u"confirmed"_s},   {0, QTime(10, 0), 30, u"phone"_s, u"confirmed"_s},
            {0, QTime(11, 0), 60, u"onsite"_s, u"confirmed"_s}, {0, QTime(14, 0), 45, u"video"_s, u"pending"_s},
            {1, QTime(8, 30), 30, u"phone"_s, u"confirmed"_s},  {1, QTime(9, 30), 45, u"video"_s, u"confirmed"_s},
            {1, QTime(9, 45), 30, u"phone"_s, u"pending"_s},    {1, QTime(13, 0), 90, u"onsite"_s, u"confirmed"_s},
            {2, QTime(9, 0), 45, u"video"_s, u"confirmed"_s},   {2, QTime(10, 0), 45, u"video"_s, u"confirmed"_s},
            {2, QTime(11, 15), 30, u"phone"_s, u"pending"_s},   {2, QTime(14, 30), 60, u"onsite"_s, u"confirmed"_s},
            {2, QTime(15, 0), 30, u"phone"_s, u"confirmed"_s},  {3, QTime(9, 0), 30, u"phone"_s, u"confirmed"_s},
            {4, QTime(10, 0), 45, u"video"_s, u"proposed"_s},   {4, QTime(12, 0), 45, u"video"_s, u"confirmed"_s},
            {4, QTime(15, 30), 30, u"phone"_s, u"pending"_s}};
        QList<Appointment> list;
        for (int i = 0; i < week.size(); ++i) {
            const Slot &slot = week.at(i);
            const QDate date = monday.addDays(slot.day);
            Appointment a =
                appointment(u"w%1"_s.arg(i), at(date, slot.start),
                            at(date, slot.start).addSecs(qint64(slot.minutes) * 60), slot.type, slot.status);
            a.title = names.at(i % names.size());
            a.theirTimeZone = i % 3 == 0 ? u"Europe/Kyiv"_s : u"Europe/Berlin"_s;
            if (slot.status == u"proposed") {
                a.proposalStart = at(date.addDays(-1), QTime(16, 0));
                a.proposalEnd = a.proposalStart.addSecs(qint64(slot.minutes) * 60);
            }
            list.append(a);
        }
        Appointment team =
            appointment(u"team"_s, at(monday.addDays(3), QTime(0, 0)), at(monday.addDays(4), QTime(0, 0)), u"onsite"_s);
        team.title = u"Teamtag"_s;
        team.allDay = true;
        Appointment training = appointment(u"training"_s, at(monday.addDays(1), QTime(0, 0)),
                                           at(monday.addDays(3), QTime(0, 0)), u"onsite"_s);
        training.title = u"Fortbildung Aufenthaltsrecht"_s;
        training.allDay = true;
        list.append(team);
        list.append(training);
        // Next week too, for the month and the agenda.
        for (int i = 0; i < 8; ++i) {
            const QDate date = monday.addDays(7 + i % 5);
            Appointment a = appointment(u"n%1"_s.arg(i), at(date, QTime(9 + i, 0)), at(date, QTime(9 + i, 45)),
                                        i % 2 ? u"phone"_s : u"video"_s);
            a.title = names.at((i + 5) % names.size());
            list.append(a);
        }
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments(list);
        const QDateTime now = at(monday.addDays(2), QTime(10, 20));
        const Ui::CalendarDayWeekView::WorkingHours hours{
            QList<Client::AvailabilitySettings::Range>{{QTime(8, 0), QTime(12, 30)}, {QTime(13, 30), QTime(17, 0)}},
            {{QTime(8, 0), QTime(12, 30)}, {QTime(13, 30), QTime(17, 0)}},
            {{QTime(8, 0), QTime(12, 30)}, {QTime(13, 30), QTime(17, 0)}},
            {{QTime(8, 0), QTime(12, 30)}, {QTime(13, 30), QTime(17, 0)}},
            {{QTime(8, 0), QTime(13, 0)}}};

        auto *view = new Ui::CalendarDayWeekView(&model);
        view->setTimeZone(Berlin);
        view->setNow(now);
        view->setDate(monday.addDays(2));
        view->setWorkingHours(hours);
        QScrollArea area;
        area.setWidget(view);
        area.setWidgetResizable(true);
        area.resize(1100, 760);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.verticalScrollBar()->setValue(view->yForMinute(7 * 60 + 30) - 60);
        for (int i = 0; i < week.size(); ++i) {
            const QRect rect = view->rectForAppointment(u"w%1"_s.arg(i));
            QVERIFY2(rect.isValid(), qPrintable(u"w%1"_s.arg(i)));
            QVERIFY(view->dayColumnRect(week.at(i).day).contains(rect.center()));
            for (int j = 0; j < i; ++j) {
                if (week.at(j).day == week.at(i).day)
                    QVERIFY2(!rect.intersects(view->rectForAppointment(u"w%1"_s.arg(j))),
                             qPrintable(u"w%1 and w%2"_s.arg(i).arg(j)));
            }
        }
        QVERIFY(view->rectForAppointment(u"team"_s).bottom() < view->yForMinute(0));
        QVERIFY(view->rectForAppointment(u"training"_s).width() > view->dayColumnRect(1).width());
        QVERIFY(view->proposalRect(u"w14"_s).isValid());
        Tests::Desktop::snapshot(&area, u"calendar-realistic-week"_s);
        // Tab order is time order: Monday's four, then Tuesday's training (all day), then 08:30.
        view->setSelectedId({});
        QVERIFY(view->selectNext(1));
        QCOMPARE(view->selectedId(), u"w0"_s);
        for (int i = 0; i < 3; ++i)
            QVERIFY(view->selectNext(1));
        QCOMPARE(view->selectedId(), u"w3"_s);
        QVERIFY(view->selectNext(1));
        QCOMPARE(view->selectedId(), u"training"_s);
        QVERIFY(view->selectNext(1));
        QCOMPARE(view->selectedId(), u"w4"_s);
        view->setSelectedId(u"w0"_s);
        QVERIFY(!view->selectNext(-1)); // the first: Shift+Tab leaves the calendar
        QCOMPARE(view->selectedId(), u"w0"_s);
        view->setDayCount(1);
        QCOMPARE(view->dates(), QList<QDate>{monday.addDays(2)});
        QVERIFY(view->rectForAppointment(u"w12"_s).isValid());
        Tests::Desktop::snapshot(&area, u"calendar-realistic-day"_s);

        Ui::CalendarMonthView month(&model);
        month.setTimeZone(Berlin);
        month.setNow(now);
        month.setDate(monday);
        month.resize(1100, 760);
        month.show();
        QVERIFY(QTest::qWaitForWindowExposed(&month));
        QCOMPARE(month.countForDate(monday.addDays(2)), 6); // five appointments and the training's second day
        QCOMPARE(month.countForDate(monday.addDays(1)), 5); // four appointments and the training
        Tests::Desktop::snapshot(&month, u"calendar-realistic-month"_s);

        auto *agenda = new Ui::CalendarAgendaView(&model);
        agenda->setTimeZone(Berlin);
        agenda->setNow(now);
        agenda->setDate(monday);
        QScrollArea agendaArea;
        agendaArea.setWidget(agenda);
        agendaArea.setWidgetResizable(true);
        agendaArea.resize(1100, 760);
        agendaArea.show();
        QVERIFY(QTest::qWaitForWindowExposed(&agendaArea));
        for (const Appointment &a : list) {
            if (!a.allDay)
                QVERIFY2(agenda->rectForAppointment(a.id).isValid(), qPrintable(a.id));
        }
        // Listed in time order: Monday 09:00 above Monday 10:00 above Tuesday 08:30.
        QVERIFY(agenda->rectForAppointment(u"w0"_s).top() < agenda->rectForAppointment(u"w1"_s).top());
        QVERIFY(agenda->rectForAppointment(u"w1"_s).top() < agenda->rectForAppointment(u"w4"_s).top());
        QVERIFY(!agenda->theirTimeText(u"w0"_s).isEmpty()); // Kyiv
        QVERIFY(agenda->theirTimeText(u"w1"_s).isEmpty());  // Berlin
        // No zone known: nothing, not the machine's zone (Tokyo here).
        QVERIFY(agenda->theirTimeText(u"team"_s).isEmpty());
        QVERIFY(view->theirTimeText(u"team"_s).isEmpty());
        Tests::Desktop::snapshot(&agendaArea, u"calendar-realistic-agenda"_s);
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
