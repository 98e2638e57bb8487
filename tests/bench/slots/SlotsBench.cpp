// lotse-slots-bench: slot queries for 50 advisors over 90 days of rules, busy blocks and bookings.
//
//   lotse-slots-bench inprocess            SlotService on a temporary SQLite store; prints queries
//                                          per second and latency percentiles
//   lotse-slots-bench seed URL PWFILE N    signs in advisor1..N@bench.example on a running server
//                                          and PUTs their availability and 90 days of busy time
//
// run-slots-bench.sh drives both and wrk (HTTP on loopback). Figures only; not a test.
#include "server-stub/AvailabilityStore.h"
#include "server-stub/SlotService.h"
#include "server-stub/Store.h"

#include "models/ApiTypes.h"

#include "tests/support/TempDir.h"
#include "tests/support/TestHttpClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Lotse;

namespace {

constexpr int advisorCount = 50;
constexpr int days = 90;
// Monday 23 November 2026, 06:00Z: "now" for every figure.
const qint64 benchNow = QDateTime(QDate(2026, 11, 23), QTime(6, 0), QTimeZone::utc()).toSecsSinceEpoch();

class FixedClock final : public Models::Clock
{
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::fromSecsSinceEpoch(benchNow, QTimeZone::utc()); }
};

// Weekdays 08:00-12:00 and 13:00-17:00 Berlin, video 45 and phone 30 minutes, 10 minutes after.
QJsonObject rules()
{
    QJsonObject weekly;
    const QJsonArray hours{QJsonObject{{u"start"_s, u"08:00"_s}, {u"end"_s, u"12:00"_s}},
                           QJsonObject{{u"start"_s, u"13:00"_s}, {u"end"_s, u"17:00"_s}}};
    for (const QString &day : {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s})
        weekly.insert(day, hours);
    return {{u"timeZone"_s, u"Europe/Berlin"_s},
            {u"weekly"_s, weekly},
            {u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 45}},
                                    QJsonObject{{u"type"_s, u"phone"_s}, {u"durationMinutes"_s, 30}}}},
            {u"bufferAfterMinutes"_s, 10},
            {u"slotStepMinutes"_s, 15},
            {u"horizonDays"_s, 120}};
}

// Per weekday: one busy hour from a calendar and three 45-minute bookings, spread by advisor.
void plan(int advisor, QList<Models::TimeInterval> &busy, QList<Models::TimeInterval> &bookings)
{
    const QTimeZone berlin("Europe/Berlin");
    const QDate first = QDate(2026, 11, 23);
    for (int d = 0; d < days; ++d) {
        const QDate date = first.addDays(d);
        if (date.dayOfWeek() > 5)
            continue;
        const auto at = [&](int minute) { return Models::SlotEngine::localToUtc(date, minute, berlin); };
        const int shift = (advisor * 15 + d * 30) % 180;
        busy.append({at(9 * 60 + shift), at(10 * 60 + shift)});
        for (int b = 0; b < 3; ++b) {
            const int start = 13 * 60 + (shift + b * 75) % 200;
            bookings.append({at(start), at(start + 45)});
        }
    }
}

struct Figures
{
    double perSecond = 0;
    double p50 = 0;
    double p99 = 0;
    double slotsPerQuery = 0;
};

template<typename Query>
Figures measure(int count, Query query)
{
    QList<qint64> nanos;
    QElapsedTimer total;
    total.start();
    qsizetype slotCount = 0;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer one;
        one.start();
        slotCount += query(i);
        nanos.append(one.nsecsElapsed());
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    std::sort(nanos.begin(), nanos.end());
    return {count / seconds, double(nanos.at(count / 2)) / 1e6, double(nanos.at(count * 99 / 100)) / 1e6,
            double(slotCount) / count};
}

int inProcess()
{
    Tests::TempDir dir;
    Server::Store store;
    QString error;
    if (!store.open(dir.filePath(u"bench.sqlite"_s), &error) || !store.migrate(&error)) {
        std::fprintf(stderr, "store: %s\n", qPrintable(error));
        return 1;
    }
    QString org;
    (void)store.createOrganisation(u"bench"_s, u"Bench"_s, benchNow, &org);
    Server::AvailabilityStore availability(store);
    const QByteArray rulesJson = QJsonDocument(rules()).toJson(QJsonDocument::Compact);
    QHash<QString, QList<Models::TimeInterval>> bookings;
    QStringList advisors;
    for (int i = 0; i < advisorCount; ++i) {
        QString id;
        (void)store.createAdvisor(org, u"advisor%1@bench.example"_s.arg(i + 1), u"Advisor %1"_s.arg(i + 1), "x",
                                  benchNow, &id);
        advisors.append(id);
        QList<Models::TimeInterval> busy;
        plan(i, busy, bookings[id]);
        if (!availability.saveRules(org, id, rulesJson, benchNow) ||
            !availability.replaceBusy(org, id, benchNow - 86400, benchNow + 100 * 86400, busy)) {
            std::fprintf(stderr, "seeding failed\n");
            return 1;
        }
    }
    (void)availability.saveHolidays(org, {QDate(2026, 12, 25), QDate(2026, 12, 26), QDate(2027, 1, 1)});

    FixedClock clock;
    Server::SlotService service(store, clock);
    service.setBookedIntervalsSource([&](const QString &, qint64 from, qint64 to, const QString &) {
        QList<Server::BookedInterval> result;
        for (auto it = bookings.cbegin(); it != bookings.cend(); ++it) {
            for (const Models::TimeInterval &b : it.value()) {
                if (b.start < to && b.end > from)
                    result.append({it.key(), b.start, b.end});
            }
        }
        return result;
    });

    QRandomGenerator random(4);
    const auto window = [&](int lengthDays) {
        const qint64 from = benchNow + qint64(random.bounded(days - lengthDays)) * 86400;
        return std::pair(from, from + qint64(lengthDays) * 86400);
    };
    const Figures any = measure(200, [&](int) {
        const auto [from, to] = window(14);
        return service.freeSlots(org, {Models::AppointmentType::Video, from, to, {}, {}, {}}).size();
    });
    const Figures one = measure(1000, [&](int i) {
        const auto [from, to] = window(14);
        return service.freeSlots(org, {Models::AppointmentType::Video, from, to, advisors.at(i % advisorCount), {}, {}})
            .size();
    });
    const Figures wide = measure(50, [&](int) {
        const auto [from, to] = window(62);
        return service.freeSlots(org, {Models::AppointmentType::Phone, from, to, {}, {}, {}}).size();
    });
    const Figures check = measure(1000, [&](int i) {
        return qsizetype(service.isFree(org, advisors.at(i % advisorCount), Models::AppointmentType::Video,
                                        benchNow + 3600 + 86400 * (1 + i % 60), {})); // 08:00 Berlin
    });
    std::printf("in process (SlotService on SQLite, %d advisors, %d days of rules, busy blocks and bookings)\n",
                advisorCount, days);
    std::printf("%-34s %10s %10s %10s %8s\n", "query", "queries/s", "p50 ms", "p99 ms", "slots");
    const auto row = [](const char *name, const Figures &f) {
        std::printf("%-34s %10.1f %10.2f %10.2f %8.1f\n", name, f.perSecond, f.p50, f.p99, f.slotsPerQuery);
    };
    row("any advisor, video, 14 days", any);
    row("one advisor, video, 14 days", one);
    row("any advisor, phone, 62 days", wide);
    row("isFree (booking check)", check);
    return 0;
}

int seed(const QString &url, const QString &passwordFile, int count)
{
    QFile file(passwordFile);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QString password = QString::fromUtf8(file.readLine().trimmed());
    Tests::TestHttpClient client{QUrl(url)};
    const QByteArray rulesJson = QJsonDocument(rules()).toJson(QJsonDocument::Compact);
    for (int i = 0; i < count; ++i) {
        const QString token = client.login(u"advisor%1@bench.example"_s.arg(i + 1), password);
        if (token.isEmpty()) {
            std::fprintf(stderr, "login %d failed: %d\n", i + 1, client.lastReply().status);
            return 1;
        }
        const Tests::TestHttpClient::Headers headers = {{"Authorization", "Bearer " + token.toLatin1()},
                                                        {"Content-Type", "application/json"}};
        if (client.send("PUT", u"/api/v1/me/availability"_s, rulesJson, headers).status != 200)
            return 1;
        // Bookings cannot be seeded without the booking endpoint's proof of work and sealed
        // fields; they hold the advisor's time the same way, so they go in as busy blocks.
        QList<Models::TimeInterval> busy;
        QList<Models::TimeInterval> bookings;
        plan(i, busy, bookings);
        QJsonArray blocks;
        for (const auto &b : busy + bookings)
            blocks.append(QJsonObject{{u"start"_s, Models::toIsoUtc(QDateTime::fromSecsSinceEpoch(b.start))},
                                      {u"end"_s, Models::toIsoUtc(QDateTime::fromSecsSinceEpoch(b.end))}});
        const QJsonObject body{{u"from"_s, Models::toIsoUtc(QDateTime::fromSecsSinceEpoch(benchNow - 86400))},
                               {u"to"_s, Models::toIsoUtc(QDateTime::fromSecsSinceEpoch(benchNow + 100 * 86400))},
                               {u"busy"_s, blocks}};
        const auto reply =
            client.send("PUT", u"/api/v1/me/busy"_s, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
        if (reply.status != 204) {
            std::fprintf(stderr, "busy %d: %d %s\n", i + 1, reply.status, reply.body.constData());
            return 1;
        }
    }
    std::printf("seeded %d advisors\n", count);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == "seed"_L1 && args.size() == 4)
        return seed(args.at(1), args.at(2), args.at(3).toInt());
    if (args.isEmpty() || args.value(0) == "inprocess"_L1)
        return inProcess();
    std::fprintf(stderr, "usage: lotse-slots-bench [inprocess | seed URL PASSWORD_FILE COUNT]\n");
    return 2;
}
