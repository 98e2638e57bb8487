// The instant call (API.md, "Instant call: the waiting room"): a visitor gives only a name (sealed
// to the advisor devices), waits with a position and an estimate pushed over the WebSocket, leaves
// or expires when the browser is gone (test clock), and exactly one of two advisors taking the
// same person at the same moment gets them; then both talk in the instant room.
#include "RoomFixture.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace RoomFixture;

namespace {

struct Caller
{
    Crypto::EncryptionKeyPair browser = Crypto::EncryptionKeyPair::generate();
    QString id = newId();
    QString name;
    QString capability;
    QJsonObject instant; // the 201's instant object
    QJsonObject body;    // what was posted
};

} // namespace

class TestServerInstantCall : public QObject
{
    Q_OBJECT

private:
    World m_world;
    QString m_bert; // a second advisor of "demo"
    QStringList m_names;

    QJsonObject body(const Caller &caller)
    {
        return {{u"instantId"_s, caller.id},
                {u"sealedName"_s, seal({m_world.annaDevice.encryption.publicKey()}, u"instant:"_s + caller.id,
                                       {{u"name"_s, caller.name}})},
                {u"browserKey"_s, Crypto::toBase64Url(caller.browser.publicKey())},
                {u"language"_s, u"uk"_s},
                {u"policyVersion"_s, m_world.policyVersion},
                {u"altcha"_s, m_world.altcha()}};
    }

    // Posts an instant call with a unique name; fills capability and instant.
    bool call(Caller &caller)
    {
        caller.name = u"Kanarienname-%1 Олена"_s.arg(caller.id.left(8));
        m_names << caller.name;
        caller.body = body(caller);
        const auto created = m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, caller.body);
        if (created.status != 201) {
            qWarning() << created.status << created.body;
            return false;
        }
        caller.capability = created.json().value("capability"_L1).toString();
        caller.instant = created.json().value("instant"_L1).toObject();
        return caller.capability.size() == 43;
    }

    QJsonArray queue(const QString &session)
    {
        return m_world.client->get(u"/api/v1/instant/queue"_s, session).json().value("queue"_L1).toArray();
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_world.setUp("[limits]\nbooking_posts_per_ip_per_hour = 1000\n");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(m_world.server->createAdvisor(u"demo"_s, u"bert@demo.example"_s, u"bert password"_s, u"Bert"_s));
        m_bert = m_world.client->login(u"bert@demo.example"_s, u"bert password"_s);
        QVERIFY(!m_bert.isEmpty());
    }

    void refusesBadCalls()
    {
        Caller caller;
        caller.name = u"x"_s;
        QJsonObject wrongPurpose = body(caller);
        wrongPurpose.insert(u"sealedName"_s,
                            seal({m_world.annaDevice.encryption.publicKey()}, u"instant:"_s + caller.id,
                                 {{u"name"_s, u"x"_s}}, Crypto::SealPurpose::RoomKey));
        QCOMPARE(m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, wrongPurpose).errorCode(),
                 u"sealed_invalid"_s);
        QJsonObject otherOrg = body(caller);
        otherOrg.insert(u"sealedName"_s, seal({m_world.olgaDevice.encryption.publicKey()}, u"instant:"_s + caller.id,
                                              {{u"name"_s, u"x"_s}}));
        QCOMPARE(m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, otherOrg).errorCode(), u"sealed_invalid"_s);
        QJsonObject withEmail = body(caller);
        withEmail.insert(u"email"_s, u"a@b.example"_s);
        QCOMPARE(m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, withEmail).status, 400);
        QJsonObject noAltcha = body(caller);
        noAltcha.insert(u"altcha"_s, u"eyJ9"_s);
        QCOMPARE(m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, noAltcha).errorCode(), u"altcha_invalid"_s);
        QCOMPARE(m_world.client->postJson(u"/api/v1/orgs/nowhere/instant"_s, body(caller)).status, 404);
        QVERIFY(queue(m_world.anna).isEmpty());
    }

    void queuePositionsAndPushes()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        Caller first;
        QVERIFY(call(first));
        QCOMPARE(first.instant.value("status"_L1).toString(), u"waiting"_s);
        QCOMPARE(first.instant.value("position"_L1).toInt(), 1);
        QCOMPARE(first.instant.value("estimatedWaitSeconds"_L1).toInt(), 180); // the default, no takes yet
        QCOMPARE(anna.next(u"queue_changed"_s).value("type"_L1).toString(), u"queue_changed"_s);

        // The same id and body again (a retried POST, with a fresh ALTCHA): the first answer, the
        // same token, nothing new in the queue. The same id with another body: refused.
        QJsonObject again = first.body;
        again.insert(u"altcha"_s, m_world.altcha());
        const auto retried = m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, again);
        QCOMPARE(retried.status, 201);
        QCOMPARE(retried.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(retried.json().value("capability"_L1).toString(), first.capability);
        QCOMPARE(retried.json().value("instant"_L1).toObject().value("position"_L1).toInt(), 1);
        const auto conflicting = m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, body(first));
        QCOMPARE(conflicting.status, 409); // a new seal of the same name is other bytes
        QCOMPARE(conflicting.errorCode(), u"instant_exists"_s);

        Ws firstWs;
        const QJsonObject ready = firstWs.openVisitor(m_world.server->baseUrl(), first.capability);
        QCOMPARE(ready.value("type"_L1).toString(), u"ready"_s);
        QCOMPARE(ready.value("instant"_L1).toString(), first.id);
        QVERIFY(ready.value("room"_L1).isNull());
        QJsonObject place = firstWs.next(u"queue"_s);
        QCOMPARE(place.value("position"_L1).toInt(), 1);
        QCOMPARE(place.value("estimatedWaitSeconds"_L1).toInt(), 180);

        Caller second;
        QVERIFY(call(second));
        QCOMPARE(second.instant.value("position"_L1).toInt(), 2);
        QCOMPARE(second.instant.value("estimatedWaitSeconds"_L1).toInt(), 360);
        Ws secondWs;
        QCOMPARE(secondWs.openVisitor(m_world.server->baseUrl(), second.capability).value("type"_L1).toString(),
                 u"ready"_s);
        QCOMPARE(secondWs.next(u"queue"_s).value("position"_L1).toInt(), 2);
        QCOMPARE(firstWs.next(u"queue"_s).value("position"_L1).toInt(), 1); // pushed on the change

        // Advisors see both, oldest first, and open the names on the device.
        const QJsonArray waiting = queue(m_world.anna);
        QCOMPARE(waiting.size(), 2);
        QCOMPARE(waiting.at(0).toObject().value("id"_L1).toString(), first.id);
        QCOMPARE(waiting.at(1).toObject().value("position"_L1).toInt(), 2);
        const auto sealed = Crypto::fromBase64Url(waiting.at(1).toObject().value("sealedName"_L1).toString());
        QVERIFY(sealed);
        const auto opened =
            Crypto::SealedEnvelope::open(m_world.annaDevice.encryption, Crypto::SealPurpose::BookingFields,
                                         (u"instant:"_s + second.id).toUtf8(), *sealed);
        QVERIFY(opened);
        QCOMPARE(QJsonDocument::fromJson(*opened).object().value("name"_L1).toString(), second.name);
        QVERIFY(queue(m_world.olga).isEmpty()); // tenants apart

        // Leaving (a WebSocket message or DELETE): the other moves up, the token stops working.
        firstWs.send({{u"type"_s, u"leave_queue"_s}});
        QCOMPARE(firstWs.next(u"queue_left"_s).value("type"_L1).toString(), u"queue_left"_s);
        QCOMPARE(firstWs.next(u"queue_ended"_s).value("reason"_L1).toString(), u"left"_s);
        QCOMPARE(secondWs.next(u"queue"_s).value("position"_L1).toInt(), 1);
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/instant"_s, {}, bearer(first.capability)).errorCode(),
                 u"capability_expired"_s);
        QCOMPARE(m_world.client->send("DELETE", u"/api/v1/visitor/instant"_s, {}, bearer(second.capability)).status,
                 204);
        QVERIFY(queue(m_world.anna).isEmpty());
    }

    void expiresWhenTheBrowserIsGone()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        Caller gone;
        QVERIFY(call(gone));
        Caller staying;
        QVERIFY(call(staying));
        Ws goneWs;
        goneWs.openVisitor(m_world.server->baseUrl(), gone.capability);
        Ws stayingWs;
        stayingWs.openVisitor(m_world.server->baseUrl(), staying.capability);
        QCOMPARE(stayingWs.next(u"queue"_s).value("position"_L1).toInt(), 2);
        // Sockets open: time passing alone expires nobody.
        m_world.server->advanceClock(600);
        QCOMPARE(queue(m_world.anna).size(), 2);

        goneWs.close();
        QTest::qWait(200);
        anna.drain(0);
        m_world.server->advanceClock(59);
        QCOMPARE(queue(m_world.anna).size(), 2);
        m_world.server->advanceClock(2);
        // The server's own sweep notices (no read needed): pushes to the rest and to advisors.
        QCOMPARE(stayingWs.next(u"queue"_s, 5000).value("position"_L1).toInt(), 1);
        QVERIFY(!anna.next(u"queue_changed"_s, 5000).isEmpty());
        const QJsonArray left = queue(m_world.anna);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).toObject().value("id"_L1).toString(), staying.id);
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/instant"_s, {}, bearer(gone.capability)).errorCode(),
                 u"capability_expired"_s);

        // Never connected at all: 60 seconds from the POST.
        Caller neverCame;
        QVERIFY(call(neverCame));
        m_world.server->advanceClock(61);
        QCOMPARE(queue(m_world.anna).size(), 1);
        stayingWs.send({{u"type"_s, u"leave_queue"_s}});
        QVERIFY(!stayingWs.next(u"queue_left"_s).isEmpty());
    }

    // Two advisors take the same person at the same moment: exactly one gets them, every round.
    void takeRace()
    {
        for (int round = 0; round < 8; ++round) {
            Caller caller;
            QVERIFY(call(caller));
            Ws visitorWs;
            visitorWs.openVisitor(m_world.server->baseUrl(), caller.capability);
            m_world.server->advanceClock(100); // each waits 100 s: the estimate learns from it

            QNetworkAccessManager first;
            QNetworkAccessManager second;
            const auto post = [&](QNetworkAccessManager &network, const QString &session) {
                QNetworkRequest request(m_world.server->url(u"/api/v1/instant/%1/take"_s.arg(caller.id)));
                request.setRawHeader("Authorization", "Bearer " + session.toLatin1());
                request.setRawHeader("Content-Type", "application/json");
                return network.post(request, QByteArray("{}"));
            };
            // Both requests leave before either answer is read.
            std::unique_ptr<QNetworkReply> a(post(first, round % 2 ? m_bert : m_world.anna));
            std::unique_ptr<QNetworkReply> b(post(second, round % 2 ? m_world.anna : m_bert));
            QTRY_VERIFY_WITH_TIMEOUT(a->isFinished() && b->isFinished(), 10'000);
            const int statusA = a->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const int statusB = b->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QVERIFY2((statusA == 200) != (statusB == 200), qPrintable(u"%1 %2"_s.arg(statusA).arg(statusB)));
            QNetworkReply *loser = statusA == 200 ? b.get() : a.get();
            QNetworkReply *winner = statusA == 200 ? a.get() : b.get();
            QCOMPARE(loser->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 409);
            QCOMPARE(QJsonDocument::fromJson(loser->readAll())
                         .object()
                         .value("error"_L1)
                         .toObject()
                         .value("code"_L1)
                         .toString(),
                     u"already_taken"_s);
            const QJsonObject won = QJsonDocument::fromJson(winner->readAll()).object();
            QCOMPARE(won.value("room"_L1).toObject().value("id"_L1).toString(), caller.id);
            QCOMPARE(won.value("instant"_L1).toObject().value("status"_L1).toString(), u"taken"_s);
            QCOMPARE(visitorWs.next(u"taken"_s).value("room"_L1).toString(), caller.id);
        }
        // Another organisation's advisor cannot take anyone of "demo".
        Caller caller;
        QVERIFY(call(caller));
        QCOMPARE(m_world.client->postJson(u"/api/v1/instant/%1/take"_s.arg(caller.id), {}, m_world.olga).status, 404);
        // The estimate now comes from the takes: 100 s waits.
        QCOMPARE(caller.instant.value("estimatedWaitSeconds"_L1).toInt(), 100);
        QCOMPARE(m_world.client->postJson(u"/api/v1/instant/take-next"_s, {}, m_world.anna).status, 200);
        QCOMPARE(m_world.client->postJson(u"/api/v1/instant/take-next"_s, {}, m_world.anna).errorCode(),
                 u"queue_empty"_s);
        // The advisor who took it gets the same answer on a retry; the other still 409.
        QCOMPARE(m_world.client->postJson(u"/api/v1/instant/%1/take"_s.arg(caller.id), {}, m_world.anna).status, 200);
        QCOMPARE(m_world.client->postJson(u"/api/v1/instant/%1/take"_s.arg(caller.id), {}, m_bert).errorCode(),
                 u"already_taken"_s);
    }

    // After the take, the visitor with only a name and the advisor talk in the instant room.
    void instantRoomConversation()
    {
        Caller caller;
        QVERIFY(call(caller));
        Ws visitorWs;
        visitorWs.openVisitor(m_world.server->baseUrl(), caller.capability);
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(caller.capability)).errorCode(),
                 u"room_not_found"_s);
        const auto taken = m_world.client->postJson(u"/api/v1/instant/%1/take"_s.arg(caller.id), {}, m_world.anna);
        QCOMPARE(taken.status, 200);
        const QString room = visitorWs.next(u"taken"_s).value("room"_L1).toString();
        QCOMPARE(room, caller.id);

        Member anna;
        anna.publicKey = m_world.annaDevice.encryption.publicKey();
        anna.keys = &m_world.annaDevice.encryption;
        Member visitor;
        visitor.publicKey = caller.browser.publicKey();
        visitor.keys = &caller.browser;
        const auto posted =
            m_world.client->postJson(u"/api/v1/rooms/%1/envelopes"_s.arg(room),
                                     {{u"epoch"_s, 1},
                                      {u"sealed"_s, newRoomKey(anna, room, {anna.publicKey, visitor.publicKey})},
                                      {u"senderKeyId"_s, anna.keyId()}},
                                     m_world.anna);
        QCOMPARE(posted.status, 201);
        const auto envelopes =
            m_world.client->send("GET", u"/api/v1/visitor/room/envelopes"_s, {}, bearer(caller.capability));
        QVERIFY(visitor.takeRoomKey(
            room, envelopes.json().value("envelopes"_L1).toArray().at(0).toObject().value("sealed"_L1).toString()));

        Ws annaWs;
        QVERIFY(annaWs.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        QCOMPARE(annaWs.join(room, anna.keyId()).value("type"_L1).toString(), u"joined"_s);
        QCOMPARE(visitorWs.join(room).value("sender"_L1).toString(), visitor.keyId());
        const QString hello = u"canary-instant-hello 4f1e"_s;
        const QString answer = u"canary-instant-answer 88c3"_s;
        m_names << hello << answer;
        visitorWs.send({{u"type"_s, u"send"_s},
                        {u"room"_s, room},
                        {u"clientId"_s, u"v1"_s},
                        {u"envelope"_s, visitor.seal(room, hello)}});
        QCOMPARE(visitorWs.next(u"ack"_s).value("seq"_L1).toInteger(), 1);
        QCOMPARE(anna.open(room, annaWs.next(u"message"_s)), hello);
        annaWs.send({{u"type"_s, u"send"_s},
                     {u"room"_s, room},
                     {u"clientId"_s, u"a1"_s},
                     {u"envelope"_s, anna.seal(room, answer)}});
        QCOMPARE(annaWs.next(u"ack"_s).value("seq"_L1).toInteger(), 2);
        QCOMPARE(visitor.open(room, visitorWs.next(u"message"_s)), answer);
        // The room shows in Anna's list as an instant room.
        const QJsonArray rooms =
            m_world.client->get(u"/api/v1/rooms"_s, m_world.anna).json().value("rooms"_L1).toArray();
        QVERIFY(std::any_of(rooms.cbegin(), rooms.cend(), [&](const QJsonValue &r) {
            return r.toObject().value("id"_L1) == room && r.toObject().value("kind"_L1) == "instant"_L1 &&
                   r.toObject().value("lastSeq"_L1).toInt() == 2;
        }));
    }

    // The names the visitors typed and the room's messages are nowhere on the server's disk or log.
    void namesNowhere()
    {
        QVERIFY(m_names.size() > 10);
        QVERIFY(m_world.server->stop());
        QDirIterator files(m_world.server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QList<QPair<QString, QByteArray>> contents{{u"server log"_s, m_world.server->serverLog()}};
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly))
                contents.append({file.fileName(), file.readAll()});
        }
        QStringList found;
        for (const auto &[name, bytes] : contents) {
            for (const QString &canary : std::as_const(m_names)) {
                if (bytes.contains(canary.toUtf8()) || bytes.contains(canary.left(16).toUtf8()))
                    found << name + u": "_s + canary;
            }
        }
        QCOMPARE(found, QStringList());
    }
};

QTEST_GUILESS_MAIN(TestServerInstantCall)
#include "TestServerInstantCall.moc"
