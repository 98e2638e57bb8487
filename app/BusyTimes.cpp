#include "app/BusyTimes.h"

#include "app/ServerClient.h"

#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>
#include <KCalendarCore/OccurrenceIterator>

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

// The server accepts blocks of at most 31 days.
constexpr qint64 MaxBlockSeconds = 31LL * 24 * 3600;

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

// Floating times carry no zone: they mean the advisor's wall clock, not the machine's.
QDateTime inZone(const QDateTime &time, const QTimeZone &zone)
{
    if (time.timeSpec() == Qt::LocalTime) {
        return QDateTime(time.date(), time.time(), zone);
    }
    return time;
}

} // namespace

QList<BusyInterval> BusyTimes::expand(const QList<QByteArray> &icsDocuments, const QDateTime &from, const QDateTime &to,
                                      const QTimeZone &localZone)
{
    QList<BusyInterval> result;
    // An occurrence that began before `from` may still reach into the range; the iterator only
    // sees occurrences starting in its window, so it looks back by the longest block we keep.
    const QDateTime lookBack = from.addSecs(-MaxBlockSeconds);
    for (const QByteArray &ics : icsDocuments) {
        auto calendar = KCalendarCore::MemoryCalendar::Ptr::create(localZone);
        KCalendarCore::ICalFormat format;
        if (ics.trimmed().isEmpty() || !format.fromRawString(calendar, ics)) {
            continue;
        }
        KCalendarCore::OccurrenceIterator it(*calendar, lookBack, to);
        while (it.hasNext()) {
            it.next();
            const auto event = it.incidence().dynamicCast<KCalendarCore::Event>();
            // Lotse's own appointments (published by CalendarPublisher, or an accepted invitation)
            // already block their time on the server: counting them again would block it twice.
            if (!event || event->uid().endsWith("@lotse"_L1) ||
                event->transparency() == KCalendarCore::Event::Transparent ||
                event->status() == KCalendarCore::Incidence::StatusCanceled) {
                continue;
            }
            QDateTime start;
            QDateTime end;
            if (event->allDay()) {
                // KCalendarCore keeps an all-day end as the last day included.
                start = QDateTime(it.occurrenceStartDate().date(), QTime(0, 0), localZone);
                const QDate lastDay = std::max(it.occurrenceEndDate().date(), it.occurrenceStartDate().date());
                end = QDateTime(lastDay.addDays(1), QTime(0, 0), localZone);
            } else {
                start = inZone(it.occurrenceStartDate(), localZone);
                end = inZone(it.occurrenceEndDate(), localZone);
            }
            start = std::max(start.toUTC(), from.toUTC());
            end = std::min(end.toUTC(), to.toUTC());
            if (start < end) {
                result.append(BusyInterval{start, end});
            }
        }
    }
    return merge(std::move(result));
}

QList<BusyInterval> BusyTimes::merge(QList<BusyInterval> intervals)
{
    intervals.removeIf([](const BusyInterval &b) { return !(b.start < b.end); });
    std::sort(intervals.begin(), intervals.end(), [](const BusyInterval &a, const BusyInterval &b) {
        return a.start < b.start || (a.start == b.start && a.end < b.end);
    });
    QList<BusyInterval> merged;
    for (const BusyInterval &interval : std::as_const(intervals)) {
        if (!merged.isEmpty() && interval.start <= merged.last().end) {
            merged.last().end = std::max(merged.last().end, interval.end);
        } else {
            merged.append(BusyInterval{interval.start.toUTC(), interval.end.toUTC()});
        }
    }
    return merged;
}

QJsonObject BusyTimes::toJson(const QList<BusyInterval> &busy, const QDateTime &from, const QDateTime &to)
{
    QJsonArray blocks;
    for (const BusyInterval &interval : busy) {
        QDateTime start = interval.start;
        while (start < interval.end) {
            const QDateTime end = std::min(start.addSecs(MaxBlockSeconds), interval.end);
            blocks.append(QJsonObject{{u"start"_s, isoUtc(start)}, {u"end"_s, isoUtc(end)}});
            start = end;
        }
    }
    return QJsonObject{{u"busy"_s, blocks}, {u"from"_s, isoUtc(from)}, {u"to"_s, isoUtc(to)}};
}

void BusyTimes::upload(ServerClient &server, const QList<BusyInterval> &busy, const QDateTime &from,
                       const QDateTime &to, std::function<void(const ApiError &error)> done)
{
    server.putJson(u"/api/v1/me/busy"_s, toJson(busy, from, to),
                   [done = std::move(done)](const QJsonObject &, const ApiError &error) { done(error); });
}

} // namespace Lotse::Client
