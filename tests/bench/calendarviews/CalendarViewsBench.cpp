// lotse-calendarviews-bench: how the calendar views cope with 10,000 appointments (a busy
// advisor's two years, weekdays 08:00-18:00 with overlaps, all-day and multi-day items, proposals).
//
//   load    CalendarModel::setAppointments into an empty model, and a refresh of a full model in
//           which every tenth appointment moved (the update-in-place path)
//   layout  the week view placing a week's blocks (setDate to another week), the month view
//           sorting the appointments into its 42 days (setDate to another month)
//   paint   QWidget::grab() of the week view (the whole day, 1200 px wide) and of the month view
//
// Each figure is the median of several runs, in milliseconds. Offscreen; figures only, not a test.
#include "models/CalendarModel.h"
#include "ui/CalendarAgendaView.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarMonthView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Lotse;

namespace {

constexpr int Count = 10000;
constexpr int Runs = 9;
const QTimeZone Berlin("Europe/Berlin");
// The bench's "today": a Wednesday in the middle of the data.
const QDate Today(2026, 11, 25);

QList<Models::Appointment> appointments()
{
    QRandomGenerator random(20261125); // the same data every run
    const QStringList types{u"video"_s, u"phone"_s, u"onsite"_s};
    const QStringList names{u"Olena Kovalenko"_s, u"Jonas Weber"_s, u"Amira Haddad"_s,
                            u"Mehmet Yilmaz"_s,   u"Sofia Rossi"_s, u"Andrii Shevchenko"_s,
                            u"Lena Hoffmann"_s,   u"Piotr Nowak"_s, u"Fatima Al-Sayed"_s};
    const QStringList zones{u"Europe/Berlin"_s, u"Europe/Berlin"_s, u"Europe/Kyiv"_s, u"Europe/Istanbul"_s};
    QList<Models::Appointment> list;
    list.reserve(Count);
    const QDate first = Today.addDays(-365);
    QDate day = first;
    while (list.size() < Count) {
        if (day.dayOfWeek() <= 5) {
            // About 19 a weekday: some overlap (two advisors' shared calendar in practice).
            const int perDay = 14 + int(random.bounded(10));
            for (int i = 0; i < perDay && list.size() < Count; ++i) {
                const int startMinute = 8 * 60 + 15 * int(random.bounded(40));
                const int length = QList<int>{30, 45, 45, 60, 90}.at(int(random.bounded(5)));
                Models::Appointment a;
                a.id = u"b%1"_s.arg(list.size());
                a.start = QDateTime(day, QTime(0, 0), Berlin).addSecs(qint64(startMinute) * 60).toUTC();
                a.end = a.start.addSecs(qint64(length) * 60);
                a.type = types.at(int(random.bounded(3)));
                a.status = random.bounded(10) < 7 ? u"confirmed"_s : u"pending"_s;
                a.title = names.at(int(random.bounded(qsizetype(names.size()))));
                a.theirTimeZone = zones.at(int(random.bounded(qsizetype(zones.size()))));
                if (random.bounded(50) == 0) { // a proposal waiting for an answer, two days later
                    a.status = u"proposed"_s;
                    a.proposalStart = a.start.addDays(2);
                    a.proposalEnd = a.end.addDays(2);
                }
                list.append(a);
            }
            if (random.bounded(40) == 0 && list.size() < Count) { // a day off or a workshop
                Models::Appointment a;
                a.id = u"b%1"_s.arg(list.size());
                a.start = QDateTime(day, QTime(0, 0), Berlin).toUTC();
                a.end = QDateTime(day.addDays(1 + int(random.bounded(3))), QTime(0, 0), Berlin).toUTC();
                a.type = u"onsite"_s;
                a.status = u"confirmed"_s;
                a.title = u"Fortbildung"_s;
                a.allDay = true;
                list.append(a);
            }
        }
        day = day.addDays(1);
    }
    return list;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Runs `what` Runs times (after one warm-up) and returns the median in milliseconds.
double measure(const std::function<void(int run)> &what)
{
    what(-1);
    QList<double> times;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        what(run);
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

void print(const char *what, double ms)
{
    std::printf("%-52s %9.2f ms\n", what, ms);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));

    const QList<Models::Appointment> data = appointments();
    QList<Models::Appointment> moved = data;
    for (qsizetype i = 0; i < moved.size(); i += 10) {
        moved[i].start = moved[i].start.addSecs(15 * 60);
        moved[i].end = moved[i].end.addSecs(15 * 60);
    }
    std::printf("lotse-calendarviews-bench: %lld appointments from %s to %s, median of %d runs\n",
                static_cast<long long>(data.size()), qPrintable(data.first().start.toString(Qt::ISODate)),
                qPrintable(data.last().end.toString(Qt::ISODate)), Runs);

    print("load: setAppointments into an empty model", measure([&](int) {
              Models::CalendarModel model;
              model.setTimeZone(Berlin);
              model.setAppointments(data);
          }));
    Models::CalendarModel model;
    model.setTimeZone(Berlin);
    model.setAppointments(data);
    print("load: refresh, every tenth appointment moved",
          measure([&](int run) { model.setAppointments(run % 2 == 0 ? moved : data); }));
    model.setAppointments(data);
    qsizetype thisWeek = 0;
    for (const auto &a : data)
        thisWeek += a.start.toTimeZone(Berlin).date().weekNumber() == Today.weekNumber() &&
                    a.start.toTimeZone(Berlin).date().year() == Today.year();
    std::printf("  (%lld appointments in the week shown)\n", static_cast<long long>(thisWeek));

    Ui::CalendarDayWeekView week(&model);
    week.setTimeZone(Berlin);
    week.setNow(QDateTime(Today, QTime(10, 20), Berlin));
    Ui::CalendarDayWeekView::WorkingHours hours;
    for (int day = 0; day < 5; ++day)
        hours[size_t(day)] = {{QTime(8, 0), QTime(12, 0)}, {QTime(13, 0), QTime(18, 0)}};
    week.setWorkingHours(hours);
    week.setDayCount(7);
    week.resize(1200, week.sizeHint().height());
    week.setDate(Today);
    // Alternating between two weeks so that every run lays out for real.
    print("layout: week view, setDate to another week",
          measure([&](int run) { week.setDate(run % 2 == 0 ? Today.addDays(7) : Today); }));
    week.setDate(Today);
    print("paint: week view grab() (1200 px, whole day)", measure([&](int) { (void)week.grab(); }));
    week.setDayCount(1);
    print("paint: day view grab()", measure([&](int) { (void)week.grab(); }));

    Ui::CalendarMonthView month(&model);
    month.setTimeZone(Berlin);
    month.setNow(QDateTime(Today, QTime(10, 20), Berlin));
    month.setDate(Today);
    month.resize(1200, 800);
    print("layout: month view, setDate to another month",
          measure([&](int run) { month.setDate(run % 2 == 0 ? Today.addMonths(1) : Today); }));
    month.setDate(Today);
    print("paint: month view grab() (1200 x 800)", measure([&](int) { (void)month.grab(); }));

    Ui::CalendarAgendaView agenda(&model);
    agenda.setTimeZone(Berlin);
    agenda.setNow(QDateTime(Today, QTime(10, 20), Berlin));
    agenda.setDate(Today);
    agenda.resize(1000, agenda.minimumHeight()); // every line of the two weeks, as in its scroll area
    print("paint: agenda view grab() (two weeks, every line)", measure([&](int) { (void)agenda.grab(); }));
    std::printf("  (agenda %d x %d px)\n", agenda.width(), agenda.height());
    return 0;
}
