// lotse-calendar-bench: the desktop's offline copy with 10,000 appointments on a real lotse-server.
//
//   lotse-calendar-bench [N]     (default 10000) prints a table of
//     (a) full sync: SyncEngine + LocalStore from an empty copy, GET /requests?since=0 of N items
//     (b) incremental sync after 100 changes made through the API (confirm)
//     (c) cold start in a fresh process: LocalStore open, every item read and its sealed fields
//         opened into the RequestsModel, the CalendarService's model, and the CalendarPage
//         constructed and painted (grab()) offscreen
//     (d) resident memory (VmRSS) of that process after the first paint
//
// The appointments are seeded through the server's own BookingStore on its database (the path
// the booking API ends in, without N ALTCHA round trips); each carries an envelope sealed to the
// bench's device key like the booking page seals it, so (c) pays for opening them. Figures only;
// not a test.
#include "app/CalendarService.h"
#include "app/ClientContext.h"
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/ServerClient.h"
#include "app/SyncEngine.h"
#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"
#include "models/CalendarModel.h"
#include "server-stub/BookingStore.h"
#include "server-stub/Store.h"
#include "tests/support/TempDir.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"
#include "ui/CalendarPage.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace Lotse;

namespace {

constexpr int Changes = 100;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// VmRSS of this process in KiB, from /proc/self/status.
qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Runs the event loop until `signal` of `sender` fires or `timeoutMs` passes; false on timeout.
template<typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs = 600'000)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

Crypto::Result<QByteArray> opener(const Crypto::EncryptionKeyPair &device, QByteArrayView context,
                                  QByteArrayView envelope)
{
    return Crypto::SealedEnvelope::open(device, Crypto::SealPurpose::BookingFields, context, envelope);
}

// (c) and (d), in a fresh process: `coldstart STORE-PATH` with the keys in the environment.
int coldStart(const QString &path)
{
    const QByteArray masterKey = QByteArray::fromHex(qgetenv("LOTSE_BENCH_STORE_KEY"));
    const auto device =
        Crypto::EncryptionKeyPair::fromSecretKey(QByteArray::fromHex(qgetenv("LOTSE_BENCH_DEVICE_KEY")));
    if (!device)
        return 2;
    Ui::Theme::apply(*qApp);
    Tests::TempDir profile;
    const qint64 rssBefore = residentKiB();
    // The app's own objects: the calendar page over the CalendarService over the RequestsModel.
    Client::ClientContext context(profile.path());
    context.requests()->model()->setOpener(
        [&device](QByteArrayView ctx, QByteArrayView envelope) { return opener(*device, ctx, envelope); });

    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    Client::LocalStore store;
    if (!store.open(path, Crypto::SecretBytes::fromBytes(masterKey)))
        return 3;
    const qint64 openedMs = timer.elapsed();
    const QList<Client::BookingRequest> requests = Client::Outbox::requestsWithPendingChanges(store);
    const qint64 readMs = timer.elapsed();
    context.requests()->model()->setRequests(requests); // opens every envelope; the calendar rebuilds
    const qint64 modelMs = timer.elapsed();
    Ui::CalendarPage page(context.calendar());
    page.resize(1180, 760);
    const QDateTime first = context.calendar()->model()->appointments().isEmpty()
                                ? QDateTime::currentDateTimeUtc()
                                : context.calendar()->model()->at(0).start;
    page.setDate(first.date());
    page.show();
    const QPixmap painted = page.grab();
    const qint64 paintMs = timer.elapsed();
    // CPU time too: on a shared machine the wall clock also counts other people's builds.
    const qint64 cpuMs = qint64(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC;
    const qint64 rssAfter = residentKiB();
    if (qEnvironmentVariableIsSet("LOTSE_BENCH_SCREENSHOT"))
        painted.save(qEnvironmentVariable("LOTSE_BENCH_SCREENSHOT"));
    std::printf("cold %lld %lld %lld %lld %lld %lld %d %d %lld\n", qint64(openedMs), qint64(readMs), qint64(modelMs),
                qint64(paintMs), rssBefore, rssAfter, int(requests.size()),
                int(context.calendar()->model()->rowCount()), cpuMs);
    return 0;
}

struct Seeded
{
    QString organisationId;
    QString advisorId;
    QList<QString> ids;
};

// N bookings of the advisor, one an hour from tomorrow on, pending or confirmed, each sealed to
// `deviceKey`, through the server's BookingStore in one transaction.
bool seed(const QString &databaseFile, const Seeded &who, int count, const QByteArray &deviceKey, QList<QString> *ids)
{
    Server::Store store;
    QString error;
    if (!store.open(databaseFile, &error)) {
        std::fprintf(stderr, "store: %s\n", qPrintable(error));
        return false;
    }
    Server::BookingStore bookings(store);
    if (!bookings.begin())
        return false;
    const qint64 base = QDateTime(QDate::currentDate().addDays(1), QTime(8, 0), QTimeZone::utc()).toSecsSinceEpoch();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString browserKey = Crypto::toBase64Url(Crypto::EncryptionKeyPair::generate().publicKey());
    const QStringList firstNames = {u"Olena"_s, u"Jonas"_s, u"Amira"_s, u"Pavlo"_s, u"Mariam"_s, u"Oksana"_s};
    for (int i = 0; i < count; ++i) {
        Server::BookingRecord record;
        record.id = newId();
        record.organisationId = who.organisationId;
        record.advisorId = who.advisorId;
        record.type = i % 3 == 0 ? u"phone"_s : u"video"_s;
        record.start = base + qint64(i) * 3600;
        record.end = record.start + (i % 3 == 0 ? 30 : 45) * 60;
        record.language = u"uk"_s;
        record.timeZone = u"Europe/Kyiv"_s;
        record.email = u"visitor%1@example.org"_s.arg(i);
        record.policyVersion = u"1"_s;
        record.browserKey = browserKey;
        const QJsonObject fields{{u"firstName"_s, firstNames.at(i % firstNames.size())},
                                 {u"lastName"_s, u"Nr. %1"_s.arg(i)},
                                 {u"message"_s, u"Ich brauche Hilfe beim Antrag."_s}};
        const auto sealed = Crypto::SealedEnvelope::seal({deviceKey}, Crypto::SealPurpose::BookingFields,
                                                         QByteArray("booking:"_ba + record.id.toUtf8()),
                                                         *Crypto::CanonicalJson::serialize(fields));
        if (!sealed)
            return false;
        record.sealed = Crypto::toBase64Url(*sealed);
        record.status = i % 4 == 0 ? u"pending"_s : u"confirmed"_s;
        record.manageTokenHash = QString::fromLatin1(Crypto::randomBytes(16).toHex());
        record.requestHash = record.manageTokenHash;
        record.replySealed = u"-"_s;
        record.createdAt = now;
        record.updatedAt = now;
        record.version = bookings.nextVersion(who.organisationId);
        if (record.version < 0 || !bookings.insertBooking(record))
            return false;
        if (record.status == "pending"_L1)
            ids->append(record.id);
    }
    return bookings.commit();
}

void row(const char *what, const QString &figure)
{
    std::printf("| %-58s | %18s |\n", what, qPrintable(figure));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QString failure;
    if (!Crypto::init(&failure)) {
        std::fprintf(stderr, "crypto: %s\n", qPrintable(failure));
        return 1;
    }
    const QStringList args = app.arguments();
    if (args.value(1) == "coldstart"_L1)
        return coldStart(args.value(2));
    const int count = args.size() > 1 ? args.at(1).toInt() : 10000;
    if (count < Changes) {
        std::fprintf(stderr, "usage: lotse-calendar-bench [N >= %d]\n", Changes);
        return 1;
    }

    Tests::TestServer::Options options;
    options.controlledClock = false;
    Tests::TestServer server(options);
    if (!server.start() || !server.createOrg(u"bench"_s, u"Bench"_s) ||
        !server.createAdvisor(u"bench"_s, u"anna@bench.example"_s, u"bench password 1"_s, u"Anna"_s)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(server.lastError()));
        return 1;
    }
    Tests::TestHttpClient http(server.baseUrl());
    const QString token = http.login(u"anna@bench.example"_s, u"bench password 1"_s);
    const QJsonObject me = http.get(u"/api/v1/me"_s, token).json();
    Seeded who{me.value("organisation"_L1).toObject().value("id"_L1).toString(), me.value("id"_L1).toString(), {}};
    const auto device = Crypto::EncryptionKeyPair::generate();
    const auto signing = Crypto::SigningKeyPair::generate();
    QJsonObject registration = Crypto::signDeviceKeys(device, signing).toJson();
    registration.insert(u"name"_s, u"Bench"_s);
    if (token.isEmpty() || who.advisorId.isEmpty() ||
        http.postJson(u"/api/v1/devices"_s, registration, token).status != 201) {
        std::fprintf(stderr, "sign-in or device: %s\n", http.lastReply().body.constData());
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    QList<QString> pendingIds;
    if (!seed(server.databaseFile(), who, count, device.publicKey(), &pendingIds)) {
        std::fprintf(stderr, "seeding failed\n");
        return 1;
    }
    const qint64 seedMs = timer.elapsed();

    // (a) full sync into an empty copy.
    Tests::TempDir dir;
    const QString storePath = dir.path() + u"/copy.sqlite"_s;
    const QByteArray masterKey = Crypto::randomBytes(32);
    Client::LocalStore store;
    if (!store.open(storePath, Crypto::SecretBytes::fromBytes(masterKey)))
        return 1;
    Client::ServerClient client;
    client.setBaseUrl(server.baseUrl());
    client.setToken(token);
    Client::SyncEngine sync(&client);
    timer.restart();
    sync.start(&store);
    if (!waitFor(&sync, &Client::SyncEngine::synced)) {
        std::fprintf(stderr, "full sync did not finish\n");
        return 1;
    }
    const qint64 fullMs = timer.elapsed();
    const int synced = store.itemCount();
    sync.stop();
    const qint64 fileKiB = (QFile(storePath).size() + QFile(storePath + u"-wal"_s).size()) / 1024; // WAL mode

    // (b) 100 changes by another client, then one incremental sync.
    for (int i = 0; i < Changes && i < pendingIds.size(); ++i) {
        const auto reply = http.postJson(u"/api/v1/bookings/%1/confirm"_s.arg(pendingIds.at(i)), {}, token);
        if (reply.status != 200) {
            std::fprintf(stderr, "confirm: %d %s\n", reply.status, reply.body.constData());
            return 1;
        }
    }
    int delta = -1;
    QObject::connect(&sync, &Client::SyncEngine::synced, &sync, [&delta](int items) { delta = items; });
    timer.restart();
    sync.start(&store); // the stored cursor: ?since=
    if (!waitFor(&sync, &Client::SyncEngine::synced)) {
        std::fprintf(stderr, "incremental sync did not finish\n");
        return 1;
    }
    const qint64 incrementalMs = timer.elapsed();
    sync.stop();
    store.close();

    // (c), (d) in a fresh process.
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LOTSE_BENCH_STORE_KEY"_s, QString::fromLatin1(masterKey.toHex()));
    environment.insert(u"LOTSE_BENCH_DEVICE_KEY"_s, QString::fromLatin1(device.secretKey().toByteArray().toHex()));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {u"coldstart"_s, storePath});
    if (!child.waitForFinished(600'000) || child.exitCode() != 0) {
        std::fprintf(stderr, "cold start failed (%d)\n", child.exitCode());
        return 1;
    }
    const QList<QByteArray> cold = child.readAllStandardOutput().trimmed().split(' ');
    if (cold.size() != 10 || cold.at(0) != "cold") {
        std::fprintf(stderr, "cold start said: %s\n", cold.join(' ').constData());
        return 1;
    }

    std::printf("\nlotse-calendar-bench: %d appointments, lotse-server on loopback (%s)\n\n", count,
                qPrintable(server.baseUrl().toString()));
    row("what", u"figure"_s);
    std::printf("|%s|%s|\n", QByteArray(60, '-').constData(), QByteArray(20, '-').constData());
    row("seed N bookings (server BookingStore, sealed envelopes)", u"%1 ms"_s.arg(seedMs));
    row("(a) full sync: GET ?since=0 + LocalStore (encrypted rows)", u"%1 ms"_s.arg(fullMs));
    row("    items in the copy / file size", u"%1 / %2 KiB"_s.arg(synced).arg(fileKiB));
    row("(b) incremental sync after 100 changes", u"%1 ms"_s.arg(incrementalMs));
    row("    items in that answer", QString::number(delta));
    row("(c) cold start, elapsed when: LocalStore opened", u"%1 ms"_s.arg(QString::fromLatin1(cold.at(1))));
    row("    all items read and decrypted (LocalStore)", u"%1 ms"_s.arg(QString::fromLatin1(cold.at(2))));
    row("    RequestsModel (envelopes opened) + CalendarModel", u"%1 ms"_s.arg(QString::fromLatin1(cold.at(3))));
    row("    CalendarPage built and first painted (grab)", u"%1 ms"_s.arg(QString::fromLatin1(cold.at(4))));
    row("    CPU time of that process until the first paint", u"%1 ms"_s.arg(QString::fromLatin1(cold.at(9))));
    row("    requests / calendar appointments loaded",
        u"%1 / %2"_s.arg(QString::fromLatin1(cold.at(7)), QString::fromLatin1(cold.at(8))));
    row("(d) VmRSS after first paint", u"%1 MiB"_s.arg(cold.at(6).toLongLong() / 1024.0, 0, 'f', 1));
    row("    of which the copy, the models and the page",
        u"%1 MiB"_s.arg((cold.at(6).toLongLong() - cold.at(5).toLongLong()) / 1024.0, 0, 'f', 1));
    std::printf("\n");
    return 0;
}
