// Rooms (API.md, "Rooms (issue 6)"): an advisor and a help-seeker talk in a booking's room through
// the relay with envelopes made by lotse_crypto as the real clients make them; sequence order,
// sync after a reconnect, retried client ids, acks that survive a SIGKILL, refusals (another
// organisation, bad capabilities, bad envelopes, rate), and a canary scan of the data directory and
// the server's log.
#include "RoomFixture.h"

#include "crypto/ReplayGuard.h"

#include <QDirIterator>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace RoomFixture;

class TestServerRooms : public QObject
{
    Q_OBJECT

private:
    World m_world;
    Visitor m_visitor;
    QString m_room;
    Member m_anna;   // Anna's device in the room
    Member m_seeker; // the help-seeker's browser
    QStringList m_canaries;

    QString annaKeyId() const { return keyIdOf(m_world.annaDevice.encryption.publicKey()); }

    // Sends and waits for the ack (or error) of this clientId.
    static QJsonObject sendAndAck(Ws &ws, const QString &room, const QString &clientId, const QString &envelope)
    {
        ws.send({{u"type"_s, u"send"_s}, {u"room"_s, room}, {u"clientId"_s, clientId}, {u"envelope"_s, envelope}});
        return ws.nextOf({u"ack"_s, u"error"_s});
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_world.setUp({});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString booked = bookConfirmed(m_world, m_visitor, 10);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        m_room = m_visitor.bookingId;
        m_anna.publicKey = m_world.annaDevice.encryption.publicKey();
        m_anna.keys = &m_world.annaDevice.encryption;
        m_seeker.publicKey = m_visitor.browser.publicKey();
        m_seeker.keys = &m_visitor.browser;
    }

    void roomAndKeys()
    {
        // The confirmed booking has a room (made on first use), listed for Anna.
        const auto list = m_world.client->get(u"/api/v1/rooms"_s, m_world.anna);
        QCOMPARE(list.status, 200);
        const QJsonArray rooms = list.json().value("rooms"_L1).toArray();
        QCOMPARE(rooms.size(), 1);
        QCOMPARE(rooms.at(0).toObject().value("id"_L1).toString(), m_room);
        QCOMPARE(rooms.at(0).toObject().value("kind"_L1).toString(), u"booking"_s);
        QVERIFY(rooms.at(0).toObject().value("currentEpoch"_L1).isNull());

        // Both sides see the same participants with stable key ids.
        const auto keys = m_world.client->get(u"/api/v1/rooms/%1/keys"_s.arg(m_room), m_world.anna);
        QCOMPARE(keys.status, 200);
        const auto visitorKeys =
            m_world.client->send("GET", u"/api/v1/visitor/room/keys"_s, {}, bearer(m_visitor.capability));
        QCOMPARE(visitorKeys.status, 200);
        QCOMPARE(visitorKeys.json(), keys.json());
        const QJsonArray participants = keys.json().value("participants"_L1).toArray();
        QCOMPARE(participants.size(), 2);
        QCOMPARE(participants.at(0).toObject().value("keyId"_L1).toString(), annaKeyId());
        QCOMPARE(participants.at(0).toObject().value("displayName"_L1).toString(), u"Anna"_s);
        QCOMPARE(participants.at(1).toObject().value("kind"_L1).toString(), u"visitor"_s);
        QCOMPARE(participants.at(1).toObject().value("keyId"_L1).toString(), m_seeker.keyId());
        QVERIFY(!participants.at(1).toObject().value("addedAt"_L1).toString().isEmpty());

        // Anna starts epoch 1: a room key sealed to her device and the browser.
        const QString sealed = newRoomKey(m_anna, m_room, {m_anna.publicKey, m_seeker.publicKey});
        const auto posted = m_world.client->postJson(
            u"/api/v1/rooms/%1/envelopes"_s.arg(m_room),
            {{u"epoch"_s, 1}, {u"sealed"_s, sealed}, {u"senderKeyId"_s, annaKeyId()}}, m_world.anna);
        QCOMPARE(posted.status, 201);
        // The visitor may not start epoch 1 again, nor go back to epoch 0.
        Member other;
        other.publicKey = m_seeker.publicKey;
        for (const int epoch : {1, 0}) {
            other.epoch = quint32(epoch);
            const auto refused = m_world.client->send(
                "POST", u"/api/v1/visitor/room/envelopes"_s,
                QJsonDocument(
                    QJsonObject{{u"epoch"_s, epoch}, {u"sealed"_s, newRoomKey(other, m_room, {m_seeker.publicKey})}})
                    .toJson(),
                bearer(m_visitor.capability));
            QCOMPARE(refused.status, 409);
            QCOMPARE(refused.errorCode(), u"epoch_conflict"_s);
            QCOMPARE(refused.json().value("error"_L1).toObject().value("currentEpoch"_L1).toInt(), 1);
        }
        // A key sealed to someone who is not in the room is refused.
        const auto stranger = Crypto::EncryptionKeyPair::generate();
        other.epoch = 2;
        const auto outsider =
            m_world.client->postJson(u"/api/v1/rooms/%1/envelopes"_s.arg(m_room),
                                     {{u"epoch"_s, 2},
                                      {u"sealed"_s, newRoomKey(other, m_room, {stranger.publicKey()})},
                                      {u"senderKeyId"_s, annaKeyId()}},
                                     m_world.anna);
        QCOMPARE(outsider.status, 400);
        QCOMPARE(outsider.errorCode(), u"sealed_invalid"_s);

        // The help-seeker fetches the envelope addressed to the browser key and opens it.
        const auto envelopes =
            m_world.client->send("GET", u"/api/v1/visitor/room/envelopes"_s, {}, bearer(m_visitor.capability));
        QCOMPARE(envelopes.status, 200);
        const QJsonArray list2 = envelopes.json().value("envelopes"_L1).toArray();
        QCOMPARE(list2.size(), 1);
        QCOMPARE(list2.at(0).toObject().value("senderKeyId"_L1).toString(), annaKeyId());
        QVERIFY(m_seeker.takeRoomKey(m_room, list2.at(0).toObject().value("sealed"_L1).toString()));
        QCOMPARE(envelopes.json().value("currentEpoch"_L1).toInt(), 1);
    }

    void conversationBothWays()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        Ws seeker;
        const QJsonObject ready = seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability);
        QCOMPARE(ready.value("type"_L1).toString(), u"ready"_s);
        QCOMPARE(ready.value("room"_L1).toString(), m_room);
        QCOMPARE(anna.join(m_room, annaKeyId()).value("sender"_L1).toString(), annaKeyId());
        const QJsonObject joined = seeker.join(m_room);
        QCOMPARE(joined.value("type"_L1).toString(), u"joined"_s);
        QCOMPARE(joined.value("sender"_L1).toString(), m_seeker.keyId());
        QCOMPARE(joined.value("lastSeq"_L1).toInteger(), 0);

        const QStringList fromAnna{u"Guten Tag, hier ist Anna. canary-anna-1 7c2f"_s, u"canary-anna-2 Termin 91e0"_s,
                                   u"canary-anna-3 Unterlagen ä ö ü 44ab"_s};
        const QStringList fromSeeker{u"canary-seeker-1 meine Aufenthaltserlaubnis 3e8d"_s,
                                     u"canary-seeker-2 Телефон 0a77"_s};
        m_canaries << fromAnna << fromSeeker;
        qint64 expectedSeq = 1;
        for (const QString &text : fromAnna) {
            const QJsonObject ack =
                sendAndAck(anna, m_room, u"a-"_s + QString::number(expectedSeq), m_anna.seal(m_room, text));
            QCOMPARE(ack.value("type"_L1).toString(), u"ack"_s);
            QCOMPARE(ack.value("seq"_L1).toInteger(), expectedSeq++);
        }
        for (const QString &text : fromSeeker) {
            const QJsonObject ack =
                sendAndAck(seeker, m_room, u"s-"_s + QString::number(expectedSeq), m_seeker.seal(m_room, text));
            QCOMPARE(ack.value("seq"_L1).toInteger(), expectedSeq++);
        }
        // Each side received the other's messages, in sequence order, and opens them.
        for (qsizetype i = 0; i < fromAnna.size(); ++i) {
            const QJsonObject event = seeker.next(u"message"_s);
            QCOMPARE(event.value("seq"_L1).toInteger(), i + 1);
            QCOMPARE(event.value("sender"_L1).toString(), annaKeyId());
            QCOMPARE(m_seeker.open(m_room, event), fromAnna.at(i));
        }
        for (qsizetype i = 0; i < fromSeeker.size(); ++i) {
            const QJsonObject event = anna.next(u"message"_s);
            QCOMPARE(event.value("seq"_L1).toInteger(), fromAnna.size() + i + 1);
            QCOMPARE(event.value("sender"_L1).toString(), m_seeker.keyId());
            QCOMPARE(m_anna.open(m_room, event), fromSeeker.at(i));
        }
        // Nobody gets their own message back.
        for (const QJsonObject &extra : anna.drain(200) + seeker.drain(0))
            QVERIFY2(extra.value("type"_L1) != "message"_L1, QJsonDocument(extra).toJson().constData());
        // A record relayed as coming from another sender does not open (the AD binds the sender).
        QJsonObject forged{{u"envelope"_s, m_anna.seal(m_room, u"x"_s)}, {u"sender"_s, m_seeker.keyId()}};
        const QString opened = m_seeker.open(m_room, forged);
        QVERIFY2(opened.startsWith(u"<authentication failed"_s), qPrintable(opened));
    }

    void reconnectAndSync()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        QCOMPARE(anna.join(m_room, annaKeyId()).value("type"_L1).toString(), u"joined"_s);
        const qint64 seen = 5; // what the help-seeker holds from the conversation above
        QStringList missed;
        for (int i = 0; i < 3; ++i) {
            missed << u"canary-missed-%1 b61f"_s.arg(i);
            QCOMPARE(sendAndAck(anna, m_room, u"m-%1"_s.arg(i), m_anna.seal(m_room, missed.constLast()))
                         .value("seq"_L1)
                         .toInteger(),
                     seen + 1 + i);
        }
        m_canaries << missed;
        Ws seeker;
        QCOMPARE(seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability).value("type"_L1).toString(),
                 u"ready"_s);
        QCOMPARE(seeker.join(m_room).value("lastSeq"_L1).toInteger(), seen + 3);
        seeker.send({{u"type"_s, u"sync"_s}, {u"room"_s, m_room}, {u"after"_s, seen}});
        for (int i = 0; i < 3; ++i) {
            const QJsonObject event = seeker.nextAny();
            QCOMPARE(event.value("type"_L1).toString(), u"message"_s);
            QCOMPARE(event.value("seq"_L1).toInteger(), seen + 1 + i);
            QCOMPARE(m_seeker.open(m_room, event), missed.at(i));
        }
        const QJsonObject synced = seeker.nextAny();
        QCOMPARE(synced.value("type"_L1).toString(), u"synced"_s);
        QCOMPARE(synced.value("lastSeq"_L1).toInteger(), seen + 3);
        QCOMPARE(synced.value("more"_L1).toBool(), false);
        QVERIFY(seeker.drain(100).isEmpty());
    }

    void retriedClientIdStoresOnce()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        anna.join(m_room, annaKeyId());
        Ws seeker;
        seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability);
        seeker.join(m_room);
        const QString envelope = m_anna.seal(m_room, u"canary-retry 5d0c"_s);
        m_canaries << u"canary-retry 5d0c"_s;
        const QJsonObject first = sendAndAck(anna, m_room, u"retry-1"_s, envelope);
        QCOMPARE(first.value("type"_L1).toString(), u"ack"_s);
        // The retry (say the ack was lost) answers the first ack, also from another socket.
        QCOMPARE(sendAndAck(anna, m_room, u"retry-1"_s, envelope), first);
        Ws annaAgain;
        QVERIFY(annaAgain.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        annaAgain.join(m_room, annaKeyId());
        QCOMPARE(sendAndAck(annaAgain, m_room, u"retry-1"_s, envelope), first);
        const QList<QJsonObject> received = seeker.drain(300);
        QCOMPARE(std::count_if(received.cbegin(), received.cend(),
                               [](const QJsonObject &m) { return m.value("type"_L1) == "message"_L1; }),
                 1);
        Database db(m_world.server->databaseFile());
        QCOMPARE(db.count(u"room_messages"_s, u"client_id = 'retry-1'"_s), 1);
        // A retry sent before the first ack came (both in one group commit) is stored once too.
        const QString burst = m_anna.seal(m_room, u"canary-burst 77e1"_s);
        m_canaries << u"canary-burst 77e1"_s;
        for (int i = 0; i < 2; ++i)
            anna.send(
                {{u"type"_s, u"send"_s}, {u"room"_s, m_room}, {u"clientId"_s, u"burst-1"_s}, {u"envelope"_s, burst}});
        const QJsonObject burstAck = anna.next(u"ack"_s);
        QCOMPARE(anna.next(u"ack"_s), burstAck);
        QCOMPARE(db.count(u"room_messages"_s, u"client_id = 'burst-1'"_s), 1);
        const QList<QJsonObject> burstReceived = seeker.drain(300);
        QCOMPARE(std::count_if(burstReceived.cbegin(), burstReceived.cend(),
                               [](const QJsonObject &m) { return m.value("type"_L1) == "message"_L1; }),
                 1);
        // The same client id from the other participant is a different message.
        QCOMPARE(sendAndAck(seeker, m_room, u"retry-1"_s, m_seeker.seal(m_room, u"y"_s)).value("seq"_L1).toInteger(),
                 burstAck.value("seq"_L1).toInteger() + 1);
    }

    void refusals()
    {
        // Another organisation's advisor: no such room, over HTTP and the relay.
        QCOMPARE(m_world.client->get(u"/api/v1/rooms/%1"_s.arg(m_room), m_world.olga).status, 404);
        QCOMPARE(m_world.client->get(u"/api/v1/rooms"_s, m_world.olga).json().value("rooms"_L1).toArray().size(), 0);
        Ws olga;
        QVERIFY(olga.openAdvisor(m_world.server->baseUrl(), m_world.olga));
        const QJsonObject refused = olga.join(m_room, keyIdOf(m_world.olgaDevice.encryption.publicKey()));
        QCOMPARE(refused.value("code"_L1).toString(), u"room_not_found"_s);
        olga.send({{u"type"_s, u"send"_s}, {u"room"_s, m_room}, {u"clientId"_s, u"o"_s}, {u"envelope"_s, u"AAAA"_s}});
        QCOMPARE(olga.next(u"error"_s).value("code"_L1).toString(), u"not_joined"_s);
        // Anna naming Olga's device (not hers) is refused.
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        QCOMPARE(anna.join(m_room, keyIdOf(m_world.olgaDevice.encryption.publicKey())).value("code"_L1).toString(),
                 u"invalid_key_id"_s);

        // Unknown capability: a clear code, then the socket closes with 4401; HTTP the same code.
        Ws stranger;
        QSignalSpy closed(&stranger.socket(), &QWebSocket::disconnected);
        const QJsonObject error =
            stranger.openVisitor(m_world.server->baseUrl(), u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s);
        QCOMPARE(error.value("code"_L1).toString(), u"capability_invalid"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 10'000);
        QCOMPARE(int(stranger.socket().closeCode()), 4401);
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(u"nonsense"_s)).errorCode(),
                 u"capability_invalid"_s);

        // Bad envelopes and limits.
        QVERIFY(anna.join(m_room, annaKeyId()).value("type"_L1) == "joined"_L1);
        QCOMPARE(sendAndAck(anna, m_room, u"bad-1"_s, u"not base64!"_s).value("code"_L1).toString(),
                 u"invalid_envelope"_s);
        QCOMPARE(sendAndAck(anna, m_room, u"bad-2"_s, Crypto::toBase64Url(QByteArray(40, '\x01')))
                     .value("code"_L1)
                     .toString(),
                 u"invalid_envelope"_s);
        Member wrongEpoch;
        wrongEpoch.publicKey = m_anna.publicKey;
        wrongEpoch.roomKey = Crypto::SecretBytes::fromBytes(Crypto::randomBytes(32));
        wrongEpoch.epoch = 9;
        const QJsonObject unknownEpoch = sendAndAck(anna, m_room, u"bad-3"_s, wrongEpoch.seal(m_room, u"z"_s));
        QCOMPARE(unknownEpoch.value("code"_L1).toString(), u"epoch_unknown"_s);
        QCOMPARE(unknownEpoch.value("clientId"_L1).toString(), u"bad-3"_s);
        const QString large = m_anna.seal(m_room, QString(70'000, u'x'));
        QCOMPARE(sendAndAck(anna, m_room, u"bad-4"_s, large).value("code"_L1).toString(), u"envelope_too_large"_s);
        Database db(m_world.server->databaseFile());
        QCOMPARE(db.count(u"room_messages"_s, u"client_id LIKE 'bad-%'"_s), 0);

        // Rate: the 301st frame within ten seconds is refused, not stored.
        Ws fast;
        QVERIFY(fast.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        for (int i = 0; i < 310; ++i)
            fast.send({{u"type"_s, u"sync"_s}, {u"room"_s, m_room}, {u"after"_s, 1'000'000}});
        const QJsonObject limited = fast.next(u"error"_s);
        QVERIFY2(limited.value("code"_L1) == "rate_limited"_L1 || limited.value("code"_L1) == "not_joined"_L1,
                 QJsonDocument(limited).toJson().constData());
        bool sawLimit = limited.value("code"_L1) == "rate_limited"_L1;
        for (QJsonObject m = fast.next(u"error"_s, 3000); !m.isEmpty() && !sawLimit; m = fast.next(u"error"_s, 3000))
            sawLimit = m.value("code"_L1) == "rate_limited"_L1;
        QVERIFY(sawLimit);
    }

    // The server cannot decrypt, so it stores what passes the header checks; the receiving
    // client's lotse_crypto is what refuses a tampered record, one made for another room, and a
    // replay under a new client id.
    void receiverRefusesTamperedForeignAndReplayed()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        QCOMPARE(anna.join(m_room, annaKeyId()).value("type"_L1).toString(), u"joined"_s);
        Ws seeker;
        QCOMPARE(seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability).value("type"_L1).toString(),
                 u"ready"_s);
        QCOMPARE(seeker.join(m_room).value("type"_L1).toString(), u"joined"_s);
        Crypto::ReplayGuard guard; // the help-seeker's memory of accepted records
        const auto openWithGuard = [&](const QJsonObject &event) -> Crypto::Result<Crypto::OpenedRecord> {
            const auto bytes = Crypto::fromBase64Url(event.value("envelope"_L1).toString());
            const auto sender = Crypto::fromBase64Url(event.value("sender"_L1).toString());
            if (!bytes || !sender)
                return Crypto::Error::MalformedInput;
            return Crypto::RecordEnvelope::open(m_seeker.roomKey, m_room.toUtf8(), *sender,
                                                Crypto::RecordPurpose::ChatMessage, *bytes, guard);
        };

        // Tampered: one ciphertext byte flipped after sealing.
        QByteArray tampered = *Crypto::fromBase64Url(m_anna.seal(m_room, u"canary-tampered 1b7e"_s));
        m_canaries << u"canary-tampered 1b7e"_s;
        tampered[tampered.size() - 20] = char(tampered.at(tampered.size() - 20) ^ 0x01);
        QCOMPARE(sendAndAck(anna, m_room, u"tampered-1"_s, Crypto::toBase64Url(tampered)).value("type"_L1).toString(),
                 u"ack"_s);
        auto opened = openWithGuard(seeker.next(u"message"_s));
        QVERIFY(!opened);
        QCOMPARE(opened.error(), Crypto::Error::AuthenticationFailed);

        // Encrypted for another room (same key, another room id in the associated data).
        const QString otherRoom = newId();
        const auto foreign =
            Crypto::RecordEnvelope::seal(m_anna.roomKey,
                                         {otherRoom.toUtf8(), m_anna.epoch, Crypto::keyId(m_anna.publicKey),
                                          m_anna.sequence++, Crypto::RecordPurpose::ChatMessage},
                                         QByteArrayLiteral("canary-foreign 6c3a"));
        m_canaries << u"canary-foreign 6c3a"_s;
        QVERIFY(foreign);
        QCOMPARE(sendAndAck(anna, m_room, u"foreign-1"_s, Crypto::toBase64Url(*foreign)).value("type"_L1).toString(),
                 u"ack"_s);
        opened = openWithGuard(seeker.next(u"message"_s));
        QVERIFY(!opened);
        QCOMPARE(opened.error(), Crypto::Error::AuthenticationFailed);

        // A good record opens once; the same envelope again under a new client id is stored (the
        // server cannot tell) but the receiver's ReplayGuard refuses it.
        const QString envelope = m_anna.seal(m_room, u"canary-replayed 2f90"_s);
        m_canaries << u"canary-replayed 2f90"_s;
        const QJsonObject first = sendAndAck(anna, m_room, u"replay-a"_s, envelope);
        QCOMPARE(first.value("type"_L1).toString(), u"ack"_s);
        opened = openWithGuard(seeker.next(u"message"_s));
        QVERIFY2(opened, qPrintable(opened ? QString() : Crypto::errorString(opened.error())));
        QCOMPARE(opened->plaintext, QByteArray("canary-replayed 2f90"));
        const QJsonObject replay = sendAndAck(anna, m_room, u"replay-b"_s, envelope);
        QCOMPARE(replay.value("seq"_L1).toInteger(), first.value("seq"_L1).toInteger() + 1);
        const QJsonObject replayed = seeker.next(u"message"_s);
        QCOMPARE(replayed.value("seq"_L1).toInteger(), replay.value("seq"_L1).toInteger());
        opened = openWithGuard(replayed);
        QVERIFY(!opened);
        QCOMPARE(opened.error(), Crypto::Error::Replayed);
        // The same client id again is not even stored or relayed twice.
        QCOMPARE(sendAndAck(anna, m_room, u"replay-a"_s, envelope), first);
        for (const QJsonObject &extra : seeker.drain(300))
            QVERIFY2(extra.value("type"_L1) != "message"_L1, QJsonDocument(extra).toJson().constData());
        Database db(m_world.server->databaseFile());
        QCOMPARE(db.count(u"room_messages"_s, u"client_id IN ('replay-a', 'replay-b')"_s), 2);
    }

    // SIGKILL while both sides talk: after the restart the sender retries every message it has no
    // ack for (same client id, same envelope), the receiver syncs from what it holds, and every
    // message is there exactly once, in one order for everyone.
    void killMidConversation()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        anna.join(m_room, annaKeyId());
        Ws seeker;
        seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability);
        const qint64 startSeq = seeker.join(m_room).value("lastSeq"_L1).toInteger();
        Crypto::ReplayGuard guard;
        QMap<QString, QString> outbox; // clientId → envelope, until acknowledged
        QStringList texts;
        for (int i = 0; i < 30; ++i) {
            texts << u"canary-midkill-%1 8d4b"_s.arg(i);
            const QString clientId = u"midkill-%1"_s.arg(i);
            outbox.insert(clientId, m_anna.seal(m_room, texts.constLast()));
            anna.send({{u"type"_s, u"send"_s},
                       {u"room"_s, m_room},
                       {u"clientId"_s, clientId},
                       {u"envelope"_s, outbox.value(clientId)}});
        }
        m_canaries << u"canary-midkill-"_s;
        for (QJsonObject ack = anna.next(u"ack"_s, 5000); !ack.isEmpty(); ack = anna.next(u"ack"_s, 200)) {
            outbox.remove(ack.value("clientId"_L1).toString());
            if (outbox.size() <= 15)
                break;
        }
        QVERIFY(outbox.size() <= 15);
        // What the help-seeker received before the crash (seq → text).
        QMap<qint64, QString> received;
        qint64 highest = startSeq;
        const auto take = [&](const QJsonObject &event) {
            const auto bytes = Crypto::fromBase64Url(event.value("envelope"_L1).toString());
            const auto sender = Crypto::fromBase64Url(event.value("sender"_L1).toString());
            QVERIFY(bytes && sender);
            const auto opened = Crypto::RecordEnvelope::open(m_seeker.roomKey, m_room.toUtf8(), *sender,
                                                             Crypto::RecordPurpose::ChatMessage, *bytes, guard);
            QVERIFY2(opened, qPrintable(opened ? QString() : Crypto::errorString(opened.error())));
            const qint64 seq = event.value("seq"_L1).toInteger();
            QVERIFY2(!received.contains(seq), "a message arrived twice");
            received.insert(seq, QString::fromUtf8(opened->plaintext));
            highest = std::max(highest, seq);
        };
        m_world.server->kill();
        for (const QJsonObject &event : seeker.drain(200)) {
            if (event.value("type"_L1) == "message"_L1)
                take(event);
        }
        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));

        // The sender reconnects and retries whatever has no ack.
        Ws annaAgain;
        QVERIFY(annaAgain.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        annaAgain.join(m_room, annaKeyId());
        for (auto it = outbox.cbegin(); it != outbox.cend(); ++it) {
            const QJsonObject ack = sendAndAck(annaAgain, m_room, it.key(), it.value());
            QCOMPARE(ack.value("type"_L1).toString(), u"ack"_s);
        }
        // The receiver reconnects and syncs from the highest seq it holds.
        Ws seekerAgain;
        seekerAgain.openVisitor(m_world.server->baseUrl(), m_visitor.capability);
        const qint64 lastSeq = seekerAgain.join(m_room).value("lastSeq"_L1).toInteger();
        seekerAgain.send({{u"type"_s, u"sync"_s}, {u"room"_s, m_room}, {u"after"_s, highest}});
        for (QJsonObject m = seekerAgain.nextAny(); m.value("type"_L1) == "message"_L1; m = seekerAgain.nextAny())
            take(m);
        QCOMPARE(lastSeq, startSeq + 30);
        QCOMPARE(received.size(), 30);
        QCOMPARE(received.firstKey(), startSeq + 1);
        QCOMPARE(received.lastKey(), startSeq + 30);
        QStringList got = received.values();
        got.sort();
        texts.sort();
        QCOMPARE(got, texts);
        Database db(m_world.server->databaseFile());
        QCOMPARE(db.count(u"room_messages"_s, u"client_id LIKE 'midkill-%'"_s), 30);
    }

    // Every acknowledged message is still there, once, after a SIGKILL right after the acks.
    void acksSurviveAKill()
    {
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        anna.join(m_room, annaKeyId());
        for (int i = 0; i < 40; ++i)
            anna.send({{u"type"_s, u"send"_s},
                       {u"room"_s, m_room},
                       {u"clientId"_s, u"kill-%1"_s.arg(i)},
                       {u"envelope"_s, m_anna.seal(m_room, u"canary-kill-%1 e3a9"_s.arg(i))}});
        QMap<qint64, QString> acked; // seq → clientId
        for (QJsonObject ack = anna.next(u"ack"_s, 5000); !ack.isEmpty(); ack = anna.next(u"ack"_s, 200)) {
            acked.insert(ack.value("seq"_L1).toInteger(), ack.value("clientId"_L1).toString());
            if (acked.size() == 20)
                break;
        }
        m_world.server->kill();
        m_canaries << u"canary-kill-"_s;
        QVERIFY(acked.size() >= 20);
        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));

        Ws again;
        QVERIFY(again.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        const qint64 lastSeq = again.join(m_room, annaKeyId()).value("lastSeq"_L1).toInteger();
        again.send({{u"type"_s, u"sync"_s}, {u"room"_s, m_room}, {u"after"_s, 0}});
        QMap<qint64, QString> stored;
        QSet<QString> clientIds;
        for (QJsonObject m = again.nextAny(); m.value("type"_L1) == "message"_L1; m = again.nextAny()) {
            const qint64 seq = m.value("seq"_L1).toInteger();
            QVERIFY(!stored.contains(seq));
            QCOMPARE(seq, qint64(stored.size() + 1)); // no gaps
            stored.insert(seq, m_anna.open(m_room, m));
        }
        QCOMPARE(qint64(stored.size()), lastSeq);
        for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
            QVERIFY2(stored.contains(it.key()), qPrintable(it.value()));
            QCOMPARE(stored.value(it.key()), u"canary-kill-%1 e3a9"_s.arg(it.value().section(u'-', 1)));
        }
        Database db(m_world.server->databaseFile());
        for (const QString &clientId : acked)
            QCOMPARE(db.count(u"room_messages"_s, u"client_id = '%1'"_s.arg(clientId)), 1);
        // Retrying an acknowledged one after the restart still answers the first ack.
        const QJsonObject retry = sendAndAck(again, m_room, acked.first(), m_anna.seal(m_room, u"other"_s));
        QCOMPARE(retry.value("seq"_L1).toInteger(), acked.firstKey());
    }

    // None of the conversation's strings is anywhere in the data directory or the log.
    void canariesNowhere()
    {
        QVERIFY(m_canaries.size() >= 10);
        const auto scan = [&] {
            QStringList found;
            QDirIterator files(m_world.server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            QList<QPair<QString, QByteArray>> contents;
            while (files.hasNext()) {
                QFile file(files.next());
                if (file.open(QIODevice::ReadOnly))
                    contents.append({file.fileName(), file.readAll()});
            }
            contents.append({u"server log"_s, m_world.server->serverLog()});
            for (const auto &[name, bytes] : contents) {
                for (const QString &canary : std::as_const(m_canaries)) {
                    if (bytes.contains(canary.toUtf8()) || bytes.contains(canary.toUtf8().toBase64()))
                        found << name + u": "_s + canary;
                }
            }
            return found;
        };
        QVERIFY(QFile::exists(m_world.server->databaseFile() + u"-wal"_s));
        QCOMPARE(scan(), QStringList()); // while running: database and WAL
        QVERIFY(m_world.server->stop());
        QCOMPARE(scan(), QStringList()); // after the WAL was checkpointed
        QVERIFY(m_world.server->start());
    }

    // Runs last: it moves the clock past the capability's life.
    void expiredCapability()
    {
        m_world.server->advanceClock(40 * 24 * 3600);
        const auto http = m_world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(m_visitor.capability));
        QCOMPARE(http.status, 401);
        QCOMPARE(http.errorCode(), u"capability_expired"_s);
        Ws seeker;
        QSignalSpy closed(&seeker.socket(), &QWebSocket::disconnected);
        QCOMPARE(seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability).value("code"_L1).toString(),
                 u"capability_expired"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 10'000);
        QCOMPARE(int(seeker.socket().closeCode()), 4401);
    }

    // Help-seekers' room requests are limited per link, not per shared address: a link that asks
    // too often is refused, while another person behind the same address still gets in.
    void visitorLimitIsPerLink()
    {
        BookingFixture::World world;
        const QString failure = world.setUp("[limits]\npublic_requests_per_minute = 6\n");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        Visitor first;
        Visitor second;
        QString booked = bookConfirmed(world, first, 10);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        booked = bookConfirmed(world, second, 11);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        for (int i = 0; i < 6; ++i)
            QCOMPARE(world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(first.capability)).status, 200);
        const auto limited = world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(first.capability));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"rate_limited"_s);
        QCOMPARE(world.client->send("GET", u"/api/v1/visitor/room/keys"_s, {}, bearer(second.capability)).status, 200);
        QVERIFY(world.server->stop());
    }

    void cleanupTestCase() { QVERIFY(m_world.server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerRooms)
#include "TestServerRooms.moc"
