// lotse-relay-bench: the room relay and file blobs of a real lotse-server on loopback.
//
//   lotse-relay-bench [ROOMS] [SECONDS]     default 200 rooms, 10 measured seconds
//
// Sets up ROOMS confirmed bookings, each with a room key (epoch 1), a help-seeker socket and an
// advisor socket. Every room then plays ping-pong: the help-seeker sends a chat record (sealed with
// lotse_crypto), the advisor answers as soon as it arrives, and the round trip (two durable
// stores, two fan-outs) is one sample. Prints round-trip p50/p99 for one room alone and for all
// rooms at once, stored messages per second, and the upload/download throughput of 50 MB file
// streams in 1 MiB pieces. Figures only; not a test. The client runs in this one thread, on the
// same machine as the server.
#include "tests/integration/BookingFixture.h"

#include "crypto/FileStream.h"
#include "crypto/RecordEnvelope.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
namespace Crypto = Lotse::Crypto;

namespace {

QJsonObject parse(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

void sendJson(QWebSocket &socket, const QJsonObject &message)
{
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

// Spins the event loop until `done` or `timeoutMs`.
template<typename Done>
bool waitFor(Done done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

struct Percentiles
{
    qsizetype count = 0;
    double p50 = 0;
    double p99 = 0;
};

Percentiles percentiles(QList<qint64> nanos)
{
    if (nanos.isEmpty())
        return {};
    std::sort(nanos.begin(), nanos.end());
    return {nanos.size(), double(nanos.at(nanos.size() / 2)) / 1e6, double(nanos.at(nanos.size() * 99 / 100)) / 1e6};
}

struct Room
{
    QString id;
    QString capability;
    Crypto::EncryptionKeyPair browser = Crypto::EncryptionKeyPair::generate();
    QByteArray key;
    QWebSocket advisor;
    QWebSocket visitor;
    bool advisorJoined = false;
    bool visitorJoined = false;
    quint64 advisorSequence = 0;
    quint64 visitorSequence = 0;
    quint64 counter = 0;
    QElapsedTimer pingSent;
    bool inFlight = false;
};

class Bench
{
public:
    Bench(int roomCount, int seconds)
        : m_roomCount(roomCount)
        , m_seconds(seconds)
    {}

    int run()
    {
        if (!setUp() || !connectAll())
            return 1;
        // One room alone: the relay's own latency.
        m_active = {m_rooms.front().get()};
        const Percentiles alone = pingPong(3);
        // All rooms at once.
        m_active.clear();
        for (const auto &room : m_rooms)
            m_active.append(room.get());
        const qsizetype storedBefore = m_acks;
        QElapsedTimer window;
        const Percentiles loaded = pingPong(m_seconds, &window);
        const double windowSeconds = double(window.nsecsElapsed()) / 1e9;
        const qsizetype stored = m_acks - storedBefore;

        std::printf("lotse-relay-bench: lotse-server on loopback, %d rooms, one help-seeker and one advisor socket "
                    "each\n",
                    m_roomCount);
        std::printf("  round trip (seeker -> advisor -> seeker, two durable stores)\n");
        std::printf("    one room alone     %7lld samples  p50 %7.2f ms  p99 %7.2f ms\n", qint64(alone.count),
                    alone.p50, alone.p99);
        std::printf("    %3d rooms at once  %7lld samples  p50 %7.2f ms  p99 %7.2f ms\n", m_roomCount,
                    qint64(loaded.count), loaded.p50, loaded.p99);
        std::printf("  messages stored and relayed: %.0f per second (%lld in %.1f s)\n", double(stored) / windowSeconds,
                    qint64(stored), windowSeconds);
        std::printf("  relay errors: %lld\n", qint64(m_errors));
        return files() ? (m_errors == 0 ? 0 : 1) : 1;
    }

private:
    bool fail(const QString &what)
    {
        std::fprintf(stderr, "lotse-relay-bench: %s\n", qPrintable(what));
        return false;
    }

    bool setUp()
    {
        const QString failure = m_world.setUp("[limits]\nbooking_posts_per_ip_per_hour = 100000\n"
                                              "booking_posts_per_org_per_hour = 100000\n"
                                              "public_requests_per_minute = 100000\n"
                                              "[altcha]\nmax_number = 1000\n"
                                              "[rooms]\nfile_requests_per_minute = 100000\n");
        if (!failure.isEmpty())
            return fail(failure);
        m_annaKeyId = Crypto::toBase64Url(Crypto::keyId(m_world.annaDevice.encryption.publicKey()));
        const QDateTime first = m_world.slot(0);
        for (int i = 0; i < m_roomCount; ++i) {
            auto room = std::make_unique<Room>();
            room->id = newId();
            QJsonObject body = m_world.booking(room->id, first.addSecs(qint64(i) * 3600));
            body.insert(u"browserKey"_s, Crypto::toBase64Url(room->browser.publicKey()));
            const auto created = m_world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, body);
            if (created.status != 201)
                return fail(u"booking %1: %2"_s.arg(i).arg(QString::fromUtf8(created.body)));
            room->capability =
                created.json().value("booking"_L1).toObject().value("manageUrl"_L1).toString().section(u'#', 1);
            if (m_world.client->postJson(u"/api/v1/bookings/%1/confirm"_s.arg(room->id), {}, m_world.anna).status !=
                200)
                return fail(u"confirm %1"_s.arg(i));
            room->key = Crypto::randomBytes(32);
            const auto sealed = Crypto::SealedEnvelope::seal(
                {m_world.annaDevice.encryption.publicKey(), room->browser.publicKey()}, Crypto::SealPurpose::RoomKey,
                u"room:%1:1"_s.arg(room->id).toUtf8(), room->key);
            if (!sealed)
                return fail(u"seal"_s);
            const auto posted = m_world.client->postJson(
                u"/api/v1/rooms/%1/envelopes"_s.arg(room->id),
                {{u"epoch"_s, 1}, {u"sealed"_s, Crypto::toBase64Url(*sealed)}, {u"senderKeyId"_s, m_annaKeyId}},
                m_world.anna);
            if (posted.status != 201)
                return fail(u"envelope %1: %2"_s.arg(i).arg(QString::fromUtf8(posted.body)));
            m_rooms.push_back(std::move(room));
        }
        return true;
    }

    QString seal(Room &room, bool fromAdvisor, const QString &text)
    {
        const QByteArray sender = fromAdvisor ? Crypto::keyId(m_world.annaDevice.encryption.publicKey())
                                              : Crypto::keyId(room.browser.publicKey());
        quint64 &sequence = fromAdvisor ? room.advisorSequence : room.visitorSequence;
        const auto envelope = Crypto::RecordEnvelope::seal(
            Crypto::SecretBytes::fromBytes(room.key),
            {room.id.toUtf8(), 1, sender, sequence++, Crypto::RecordPurpose::ChatMessage}, text.toUtf8());
        return envelope ? Crypto::toBase64Url(*envelope) : QString();
    }

    void sendRecord(Room &room, bool fromAdvisor, const QString &text)
    {
        sendJson(fromAdvisor ? room.advisor : room.visitor, {{u"type"_s, u"send"_s},
                                                             {u"room"_s, room.id},
                                                             {u"clientId"_s, newId()},
                                                             {u"envelope"_s, seal(room, fromAdvisor, text)}});
    }

    void ping(Room &room)
    {
        room.inFlight = true;
        room.pingSent.start();
        sendRecord(room, false, u"ping %1"_s.arg(room.counter++));
    }

    void onMessage(Room &room, bool advisorSide, const QString &text)
    {
        const QJsonObject message = parse(text);
        const QString type = message.value("type"_L1).toString();
        QWebSocket &socket = advisorSide ? room.advisor : room.visitor;
        if (type == "ready"_L1) {
            QJsonObject join{{u"type"_s, u"join"_s}, {u"room"_s, room.id}};
            if (advisorSide)
                join.insert(u"keyId"_s, m_annaKeyId);
            sendJson(socket, join);
        } else if (type == "joined"_L1) {
            (advisorSide ? room.advisorJoined : room.visitorJoined) = true;
        } else if (type == "ack"_L1) {
            ++m_acks;
        } else if (type == "message"_L1 && advisorSide) {
            sendRecord(room, true, u"pong"_s); // the advisor answers at once
        } else if (type == "message"_L1) {
            if (!room.inFlight)
                return;
            room.inFlight = false;
            if (m_recording)
                m_samples.append(room.pingSent.nsecsElapsed());
            if (m_running)
                ping(room);
        } else if (type == "error"_L1) {
            if (++m_errors <= 5)
                std::fprintf(stderr, "relay error: %s\n", qPrintable(text));
        }
    }

    bool connectAll()
    {
        QUrl url = m_world.server->baseUrl();
        url.setScheme(u"ws"_s);
        url.setPath(u"/api/v1/ws"_s);
        for (const auto &owned : m_rooms) {
            Room *room = owned.get();
            QObject::connect(&room->advisor, &QWebSocket::textMessageReceived, &room->advisor,
                             [this, room](const QString &text) { onMessage(*room, true, text); });
            QObject::connect(&room->visitor, &QWebSocket::textMessageReceived, &room->visitor,
                             [this, room](const QString &text) { onMessage(*room, false, text); });
            QObject::connect(&room->visitor, &QWebSocket::connected, &room->visitor, [room] {
                sendJson(room->visitor, {{u"type"_s, u"auth"_s}, {u"capability"_s, room->capability}});
            });
            QNetworkRequest request(url);
            request.setRawHeader("Authorization", "Bearer " + m_world.anna.toLatin1());
            room->advisor.open(request);
            room->visitor.open(url);
        }
        const bool joined = waitFor(
            [this] {
                return std::all_of(m_rooms.cbegin(), m_rooms.cend(),
                                   [](const auto &room) { return room->advisorJoined && room->visitorJoined; });
            },
            120'000);
        return joined || fail(u"not every socket joined its room"_s);
    }

    // Ping-pong in the active rooms: one warm-up second, then `seconds` of samples.
    Percentiles pingPong(int seconds, QElapsedTimer *window = nullptr)
    {
        m_samples.clear();
        m_running = true;
        m_recording = false;
        for (Room *room : std::as_const(m_active))
            ping(*room);
        QElapsedTimer clock;
        clock.start();
        waitFor([&] { return clock.elapsed() >= 1000; }, 2000);
        m_recording = true;
        if (window)
            window->start();
        const qsizetype acksBefore = m_acks;
        clock.restart();
        waitFor([&] { return clock.elapsed() >= seconds * 1000; }, seconds * 1000 + 1000);
        if (window && m_acks == acksBefore)
            fail(u"no message was acknowledged"_s);
        m_recording = false;
        m_running = false;
        // Let the pings in flight come back before the next phase.
        waitFor(
            [this] {
                return std::none_of(m_active.cbegin(), m_active.cend(),
                                    [](const Room *room) { return room->inFlight; });
            },
            10'000);
        waitFor([] { return false; }, 300); // their acks
        return percentiles(m_samples);
    }

    // Upload and download of 50 MB plaintext streams through the advisor's file endpoints.
    bool files()
    {
        constexpr qsizetype plainBytes = 50 * 1000 * 1000;
        constexpr qsizetype piece = 1024 * 1024;
        const Room &room = *m_rooms.front();
        const QByteArray key = Crypto::randomBytes(32);
        const QByteArray plaintext = Crypto::randomBytes(plainBytes);
        QList<double> uploads;
        QList<double> downloads;
        for (int round = 0; round < 3; ++round) {
            const QString fileId = newId();
            const auto stream = Crypto::encryptFile(Crypto::SecretBytes::fromBytes(key), fileId.toUtf8(), plaintext);
            if (!stream)
                return fail(u"encryptFile"_s);
            const QString base = u"/api/v1/rooms/%1/files"_s.arg(room.id);
            const Lotse::Tests::TestHttpClient::Headers json{{"Authorization", "Bearer " + m_world.anna.toLatin1()},
                                                             {"Content-Type", "application/json"}};
            const Lotse::Tests::TestHttpClient::Headers octet{{"Authorization", "Bearer " + m_world.anna.toLatin1()},
                                                              {"Content-Type", "application/octet-stream"}};
            const QJsonObject body{{u"fileId"_s, fileId}, {u"size"_s, stream->size()}};
            if (m_world.client->send("POST", base, QJsonDocument(body).toJson(QJsonDocument::Compact), json).status !=
                201)
                return fail(u"file create: "_s + QString::fromUtf8(m_world.client->lastReply().body));
            QElapsedTimer timer;
            timer.start();
            for (qsizetype at = 0; at < stream->size(); at += piece) {
                const auto reply = m_world.client->send("PUT", u"%1/%2?offset=%3"_s.arg(base, fileId).arg(at),
                                                        stream->mid(at, piece), octet);
                if (reply.status != 200)
                    return fail(u"upload: "_s + QString::fromUtf8(reply.body));
            }
            uploads.append(double(stream->size()) / 1e6 / (double(timer.nsecsElapsed()) / 1e9));
            timer.restart();
            const auto download = m_world.client->get(base + u'/' + fileId + u"/content"_s, m_world.anna);
            downloads.append(double(stream->size()) / 1e6 / (double(timer.nsecsElapsed()) / 1e9));
            if (download.status != 200 || download.body != *stream)
                return fail(u"download differs"_s);
        }
        // The server's own time per piece (its access log line), apart from the client and the network.
        QList<qint64> pieceNanos;
        for (const QByteArray &line : m_world.server->serverLog().split('\n')) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.value("event"_L1) == "http_request"_L1 && entry.value("method"_L1) == "PUT"_L1)
                pieceNanos.append(qint64(entry.value("ms"_L1).toDouble() * 1e6));
        }
        const Percentiles server = percentiles(pieceNanos);
        std::sort(uploads.begin(), uploads.end());
        std::sort(downloads.begin(), downloads.end());
        std::printf("  files: 50 MB plaintext streams, 1 MiB PUTs (each fsync'd), 3 rounds, median\n");
        std::printf("    upload   %7.1f MB/s  (min %.1f, max %.1f)\n", uploads.at(1), uploads.first(), uploads.last());
        std::printf("    download %7.1f MB/s  (min %.1f, max %.1f)\n", downloads.at(1), downloads.first(),
                    downloads.last());
        std::printf("    server time per 1 MiB PUT (write, fdatasync, row update): p50 %.0f ms, p99 %.0f ms\n",
                    server.p50, server.p99);
        return true;
    }

    int m_roomCount;
    int m_seconds;
    World m_world;
    QString m_annaKeyId;
    std::vector<std::unique_ptr<Room>> m_rooms;
    QList<Room *> m_active;
    QList<qint64> m_samples;
    qsizetype m_acks = 0;
    qsizetype m_errors = 0;
    bool m_running = false;
    bool m_recording = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString error;
    if (!Crypto::init(&error)) {
        std::fprintf(stderr, "crypto: %s\n", qPrintable(error));
        return 1;
    }
    const QStringList args = QCoreApplication::arguments();
    const int rooms = args.size() > 1 ? args.at(1).toInt() : 200;
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 10;
    if (rooms < 1 || seconds < 1) {
        std::fprintf(stderr, "usage: lotse-relay-bench [ROOMS] [SECONDS]\n");
        return 2;
    }
    return Bench(rooms, seconds).run();
}
