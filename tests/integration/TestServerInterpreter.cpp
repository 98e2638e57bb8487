// Interpreters and call addresses (API.md "Interpreters", "Calls (issue 7)", "Retention"): a real
// lotse-server with a pinned clock. Anna invites an interpreter to a booking's room; the invite's
// capability works on the visitor paths and the relay; its key becomes a participant; advisor,
// help-seeker and interpreter talk through the relay with envelopes made by lotse_crypto. When the
// interpreter leaves (or its invite expires) its sockets close with 4401, its key stops being a
// participant, and the next epoch reaches only the others. The relay pushes keys_changed and
// epoch_changed. Call participants' IP addresses (here given by a trusted proxy's X-Forwarded-For)
// are kept only in call_addresses, anonymised after 7 days and deleted after 30.
#include "RoomFixture.h"

#include <QDirIterator>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace RoomFixture;
using Lotse::Tests::TestHttpClient;

namespace {

constexpr qint64 day = 86400;
// A fixed Monday morning: nothing depends on the real date or the time of day.
const QDateTime t0(QDate(2030, 1, 7), QTime(8, 0), QTimeZone::utc());
// Addresses a trusted proxy names: found nowhere but in call_addresses, and there only until
// retention cuts them.
const QByteArray turnAddress = "198.51.100.77";
const QByteArray signallingAddress = "2001:db8:7:8::77";

} // namespace

class TestServerInterpreter : public QObject
{
    Q_OBJECT

private:
    World m_world;
    Visitor m_visitor;
    QString m_room;
    Member m_anna;
    Member m_seeker;
    Member m_interpreter;
    Crypto::EncryptionKeyPair m_interpreterKeys = Crypto::EncryptionKeyPair::generate();
    QString m_interpreterId;
    QString m_capability; // the interpreter's
    std::unique_ptr<Ws> m_annaWs;
    std::unique_ptr<Ws> m_seekerWs;
    std::unique_ptr<Ws> m_interpreterWs;
    QDateTime m_addressesSeenAt;

    Database db() const { return Database(m_world.server->databaseFile()); }
    QString annaKeyId() const { return keyIdOf(m_world.annaDevice.encryption.publicKey()); }

    TestHttpClient::Reply asVisitor(const QString &capability, const QByteArray &method, const QString &path,
                                    const QJsonObject &body = {})
    {
        return m_world.client->send(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                                    bearer(capability));
    }

    TestHttpClient::Reply invite()
    {
        return m_world.client->postJson(u"/api/v1/rooms/%1/interpreters"_s.arg(m_room), {}, m_world.anna);
    }

    // Anna starts `epoch` sealed to these keys (201 expected by the caller).
    TestHttpClient::Reply startEpoch(quint32 epoch, const QList<QByteArray> &recipients)
    {
        Member next;
        next.epoch = epoch;
        const QString sealed = newRoomKey(next, m_room, recipients);
        const auto reply = m_world.client->postJson(
            u"/api/v1/rooms/%1/envelopes"_s.arg(m_room),
            {{u"epoch"_s, qint64(epoch)}, {u"sealed"_s, sealed}, {u"senderKeyId"_s, annaKeyId()}}, m_world.anna);
        if (reply.status == 201) {
            m_anna.epoch = epoch;
            m_anna.roomKey = std::move(next.roomKey);
        }
        return reply;
    }

    // Fetches the envelope of `epoch` addressed to the holder of `capability` and opens it.
    bool takeKey(Member &member, const QString &capability, quint32 epoch)
    {
        const auto reply = asVisitor(capability, "GET", u"/api/v1/visitor/room/envelopes"_s);
        for (const QJsonValue &value : reply.json().value("envelopes"_L1).toArray()) {
            if (value.toObject().value("epoch"_L1).toInteger() == epoch) {
                member.epoch = epoch;
                return member.takeRoomKey(m_room, value.toObject().value("sealed"_L1).toString());
            }
        }
        return false;
    }

    QStringList participantKinds()
    {
        QStringList kinds;
        const auto keys = m_world.client->get(u"/api/v1/rooms/%1/keys"_s.arg(m_room), m_world.anna);
        for (const QJsonValue &p : keys.json().value("participants"_L1).toArray())
            kinds << p.toObject().value("kind"_L1).toString() + u':' + p.toObject().value("keyId"_L1).toString();
        return kinds;
    }

    QJsonObject interpreterInList(const QString &id)
    {
        const auto list = m_world.client->get(u"/api/v1/rooms/%1/interpreters"_s.arg(m_room), m_world.anna);
        for (const QJsonValue &value : list.json().value("interpreters"_L1).toArray()) {
            if (value.toObject().value("id"_L1).toString() == id)
                return value.toObject();
        }
        return {};
    }

    // Moves the server's clock and restarts it (retention runs at start).
    void restartAt(const QDateTime &when)
    {
        m_world.server->setNow(when);
        QVERIFY2(m_world.server->restart(), qPrintable(m_world.server->lastError()));
        m_world.client = std::make_unique<TestHttpClient>(m_world.server->baseUrl());
    }

    QStringList filesContaining(const QByteArray &needle) const
    {
        QStringList found;
        QDirIterator it(m_world.server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                found << file.fileName();
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_world.setUp("[http]\ntrusted_proxies = 127.0.0.1\n"
                                              "[turn]\nshared_secret = interpreter-test-secret\n"
                                              "urls = turn:127.0.0.1:3478\n"
                                              "[rooms]\ninterpreter_link_hours = 2\n",
                                              t0);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString booked = bookConfirmed(m_world, m_visitor, 10);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        m_room = m_visitor.bookingId;
        m_anna.publicKey = m_world.annaDevice.encryption.publicKey();
        m_anna.keys = &m_world.annaDevice.encryption;
        m_seeker.publicKey = m_visitor.browser.publicKey();
        m_seeker.keys = &m_visitor.browser;
        m_interpreter.publicKey = m_interpreterKeys.publicKey();
        m_interpreter.keys = &m_interpreterKeys;
        QCOMPARE(startEpoch(1, {m_anna.publicKey, m_seeker.publicKey}).status, 201);
        QVERIFY(takeKey(m_seeker, m_visitor.capability, 1));
    }

    void inviteListAndLimits()
    {
        const auto created = invite();
        QCOMPARE(created.status, 201);
        const QJsonObject interpreter = created.json().value("interpreter"_L1).toObject();
        m_interpreterId = interpreter.value("id"_L1).toString();
        m_capability = created.json().value("capability"_L1).toString();
        QCOMPARE(m_capability.size(), 43);
        QCOMPARE(created.json().value("link"_L1).toString(),
                 m_world.server->baseUrl().toString() + u"/call#"_s + m_capability);
        QCOMPARE(interpreter.value("createdAt"_L1).toString(), isoUtc(t0));
        QCOMPARE(interpreter.value("expiresAt"_L1).toString(), isoUtc(t0.addSecs(2 * 3600)));
        QVERIFY(interpreter.value("joinedAt"_L1).isNull());
        QVERIFY(interpreter.value("endedAt"_L1).isNull());
        QVERIFY(interpreter.value("keyId"_L1).isNull());
        QCOMPARE(interpreterInList(m_interpreterId), interpreter);

        // The link tells an interpreter's page what it is; the help-seeker's does not.
        const auto self = asVisitor(m_capability, "GET", u"/api/v1/visitor/interpreter"_s);
        QCOMPARE(self.status, 200);
        QCOMPARE(self.json().value("room"_L1).toString(), m_room);
        QCOMPARE(self.json().value("interpreter"_L1).toObject(), interpreter);
        QCOMPARE(asVisitor(m_visitor.capability, "GET", u"/api/v1/visitor/interpreter"_s).errorCode(), u"not_found"_s);
        QCOMPARE(asVisitor(m_visitor.capability, "GET", u"/api/v1/visitor/interpreter"_s).status, 404);
        const auto room = asVisitor(m_capability, "GET", u"/api/v1/visitor/room"_s);
        QCOMPARE(room.json().value("room"_L1).toObject().value("id"_L1).toString(), m_room);

        // Another organisation's advisor finds no such room.
        const QString path = u"/api/v1/rooms/%1/interpreters"_s.arg(m_room);
        QCOMPARE(m_world.client->postJson(path, {}, m_world.olga).status, 404);
        QCOMPARE(m_world.client->get(path, m_world.olga).status, 404);
        QCOMPARE(m_world.client->del(path + u'/' + m_interpreterId, m_world.olga).status, 404);

        // At most three invites that have not ended; a removed one makes room again, and its
        // link stops working.
        QStringList extra;
        for (int i = 0; i < 2; ++i) {
            const auto more = invite();
            QCOMPARE(more.status, 201);
            extra << more.json().value("interpreter"_L1).toObject().value("id"_L1).toString();
            if (i == 0)
                extra << more.json().value("capability"_L1).toString();
        }
        const auto fourth = invite();
        QCOMPARE(fourth.status, 409);
        QCOMPARE(fourth.errorCode(), u"too_many_interpreters"_s);
        QCOMPARE(m_world.client->del(path + u'/' + extra.at(0), m_world.anna).status, 204);
        QCOMPARE(m_world.client->del(path + u'/' + extra.at(2), m_world.anna).status, 204);
        QCOMPARE(m_world.client->del(path + u'/' + extra.at(2), m_world.anna).status, 204); // again: still gone
        QCOMPARE(m_world.client->del(path + u"/00000000-0000-4000-8000-000000000000"_s, m_world.anna).status, 404);
        const auto removed = asVisitor(extra.at(1), "GET", u"/api/v1/visitor/interpreter"_s);
        QCOMPARE(removed.status, 401);
        QCOMPARE(removed.errorCode(), u"capability_expired"_s);
        QCOMPARE(interpreterInList(extra.at(0)).value("endedAt"_L1).toString(), isoUtc(t0));
        QCOMPARE(invite().status, 201);
        QCOMPARE(invite().status, 201);
        QCOMPARE(invite().status, 409);
    }

    void keyRegistrationAndPushes()
    {
        m_annaWs = std::make_unique<Ws>();
        QVERIFY(m_annaWs->openAdvisor(m_world.server->baseUrl(), m_world.anna));
        QCOMPARE(m_annaWs->join(m_room, annaKeyId()).value("type"_L1).toString(), u"joined"_s);
        m_seekerWs = std::make_unique<Ws>();
        QCOMPARE(m_seekerWs->openVisitor(m_world.server->baseUrl(), m_visitor.capability).value("role"_L1).toString(),
                 u"visitor"_s);
        QCOMPARE(m_seekerWs->join(m_room).value("type"_L1).toString(), u"joined"_s);

        // Before its key is set, the interpreter may sign in but not join.
        m_interpreterWs = std::make_unique<Ws>();
        const QJsonObject ready = m_interpreterWs->openVisitor(m_world.server->baseUrl(), m_capability);
        QCOMPARE(ready.value("type"_L1).toString(), u"ready"_s);
        QCOMPARE(ready.value("role"_L1).toString(), u"interpreter"_s);
        QCOMPARE(ready.value("room"_L1).toString(), m_room);
        QCOMPARE(m_interpreterWs->join(m_room).value("code"_L1).toString(), u"invalid_key_id"_s);

        const QString keyPath = u"/api/v1/visitor/interpreter/key"_s;
        const auto bad = asVisitor(m_capability, "PUT", keyPath, {{u"browserKey"_s, u"not-a-key"_s}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), u"validation_failed"_s);
        // The help-seeker's key is a participant already.
        const auto taken =
            asVisitor(m_capability, "PUT", keyPath, {{u"browserKey"_s, Crypto::toBase64Url(m_seeker.publicKey)}});
        QCOMPARE(taken.status, 400);
        const QJsonObject body{{u"browserKey"_s, Crypto::toBase64Url(m_interpreter.publicKey)}};
        const auto set = asVisitor(m_capability, "PUT", keyPath, body);
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json().value("interpreter"_L1).toObject().value("keyId"_L1).toString(), m_interpreter.keyId());
        QCOMPARE(set.json().value("interpreter"_L1).toObject().value("joinedAt"_L1).toString(), isoUtc(t0));
        QCOMPARE(asVisitor(m_capability, "PUT", keyPath, body).status, 200); // the same key again
        const auto other =
            asVisitor(m_capability, "PUT", keyPath,
                      {{u"browserKey"_s, Crypto::toBase64Url(Crypto::EncryptionKeyPair::generate().publicKey())}});
        QCOMPARE(other.status, 409);
        QCOMPARE(other.errorCode(), u"key_exists"_s);
        // The help-seeker's link cannot set an interpreter key.
        QCOMPARE(asVisitor(m_visitor.capability, "PUT", keyPath, body).status, 404);

        // Everyone joined to the room hears that the participants changed (once).
        for (Ws *ws : {m_annaWs.get(), m_seekerWs.get()}) {
            const QJsonObject push = ws->next(u"keys_changed"_s);
            QCOMPARE(push.value("room"_L1).toString(), m_room);
        }
        for (const QJsonObject &more : m_annaWs->drain(200))
            QVERIFY2(more.value("type"_L1) != "keys_changed"_L1, QJsonDocument(more).toJson().constData());

        // The interpreter is a participant after the help-seeker, for all three.
        QCOMPARE(participantKinds(), (QStringList{u"advisor:"_s + annaKeyId(), u"visitor:"_s + m_seeker.keyId(),
                                                  u"interpreter:"_s + m_interpreter.keyId()}));
        const auto keys = m_world.client->get(u"/api/v1/rooms/%1/keys"_s.arg(m_room), m_world.anna);
        const QJsonObject last = keys.json().value("participants"_L1).toArray().last().toObject();
        QCOMPARE(last.value("interpreterId"_L1).toString(), m_interpreterId);
        QCOMPARE(last.value("x25519"_L1).toString(), Crypto::toBase64Url(m_interpreter.publicKey));
        QCOMPARE(asVisitor(m_capability, "GET", u"/api/v1/visitor/room/keys"_s).json(), keys.json());
        QCOMPARE(asVisitor(m_visitor.capability, "GET", u"/api/v1/visitor/room/keys"_s).json(), keys.json());

        // It joins with its own key id (or none), not another.
        QCOMPARE(m_interpreterWs->join(m_room, m_seeker.keyId()).value("code"_L1).toString(), u"invalid_key_id"_s);
        const QJsonObject joined = m_interpreterWs->join(m_room, m_interpreter.keyId());
        QCOMPARE(joined.value("type"_L1).toString(), u"joined"_s);
        QCOMPARE(joined.value("sender"_L1).toString(), m_interpreter.keyId());
        QCOMPARE(joined.value("currentEpoch"_L1).toInteger(), 1);
    }

    void interpreterMayNotStartEpochsOrSendFiles()
    {
        Member other;
        other.epoch = 2;
        const auto epoch = asVisitor(m_capability, "POST", u"/api/v1/visitor/room/envelopes"_s,
                                     {{u"epoch"_s, 2}, {u"sealed"_s, newRoomKey(other, m_room, {m_anna.publicKey})}});
        QCOMPARE(epoch.status, 403);
        QCOMPARE(epoch.errorCode(), u"not_allowed"_s);
        const auto file = asVisitor(m_capability, "POST", u"/api/v1/visitor/room/files"_s,
                                    {{u"fileId"_s, newId()}, {u"size"_s, 100}});
        QCOMPARE(file.status, 403);
        QCOMPARE(file.errorCode(), u"not_allowed"_s);
        QCOMPARE(asVisitor(m_capability, "GET", u"/api/v1/visitor/room/files/%1"_s.arg(newId())).status, 403);
        // The TURN credentials are a participant's, as for the help-seeker.
        const auto turn = asVisitor(m_capability, "GET", u"/api/v1/visitor/room/turn"_s);
        QCOMPARE(turn.status, 200);
        QCOMPARE(turn.json().value("iceServers"_L1).toArray().size(), 1);
    }

    void threeTalkInANewEpoch()
    {
        QCOMPARE(startEpoch(2, {m_anna.publicKey, m_seeker.publicKey, m_interpreter.publicKey}).status, 201);
        for (Ws *ws : {m_annaWs.get(), m_seekerWs.get(), m_interpreterWs.get()}) {
            const QJsonObject push = ws->next(u"epoch_changed"_s);
            QCOMPARE(push.value("room"_L1).toString(), m_room);
            QCOMPARE(push.value("currentEpoch"_L1).toInteger(), 2);
        }
        QVERIFY(takeKey(m_seeker, m_visitor.capability, 2));
        QVERIFY(takeKey(m_interpreter, m_capability, 2));
        // The interpreter sees only what is addressed to its key: epoch 2, not 1.
        const auto mine = asVisitor(m_capability, "GET", u"/api/v1/visitor/room/envelopes"_s);
        QCOMPARE(mine.json().value("envelopes"_L1).toArray().size(), 1);

        const QString fromAnna = u"Anna: canary-three-1 5d1e"_s;
        QCOMPARE(m_annaWs->sendRecord(m_room, u"a-1"_s, m_anna.seal(m_room, fromAnna)).value("type"_L1).toString(),
                 u"ack"_s);
        const QString fromInterpreter = u"Dolmetscherin: canary-three-2 b7a0"_s;
        const QJsonObject ack =
            m_interpreterWs->sendRecord(m_room, u"i-1"_s, m_interpreter.seal(m_room, fromInterpreter));
        QCOMPARE(ack.value("type"_L1).toString(), u"ack"_s);
        for (Ws *ws : {m_seekerWs.get(), m_interpreterWs.get()}) {
            const QJsonObject event = ws->next(u"message"_s);
            QCOMPARE(event.value("sender"_L1).toString(), annaKeyId());
            QCOMPARE((ws == m_seekerWs.get() ? m_seeker : m_interpreter).open(m_room, event), fromAnna);
        }
        for (Ws *ws : {m_annaWs.get(), m_seekerWs.get()}) {
            const QJsonObject event = ws->next(u"message"_s);
            QCOMPARE(event.value("sender"_L1).toString(), m_interpreter.keyId());
            QCOMPARE((ws == m_annaWs.get() ? m_anna : m_seeker).open(m_room, event), fromInterpreter);
        }
        // Its signalling address is kept as a call participant's.
        QCOMPARE(db().count(u"call_addresses"_s, u"participant = 'interpreter:%1' AND source = 'signalling' "
                                                 "AND address = '127.0.0.1'"_s.arg(m_interpreterId)),
                 1);
    }

    void leavingEndsItForGood()
    {
        QCOMPARE(asVisitor(m_capability, "DELETE", u"/api/v1/visitor/interpreter"_s).status, 204);
        // Its socket hears why and is closed with 4401.
        QCOMPARE(m_interpreterWs->next(u"error"_s).value("code"_L1).toString(), u"capability_expired"_s);
        QCOMPARE(m_interpreterWs->waitForClose(), 4401);
        for (Ws *ws : {m_annaWs.get(), m_seekerWs.get()})
            QCOMPARE(ws->next(u"keys_changed"_s).value("room"_L1).toString(), m_room);
        for (const QString &path : {u"/api/v1/visitor/interpreter"_s, u"/api/v1/visitor/room"_s,
                                    u"/api/v1/visitor/room/envelopes"_s, u"/api/v1/visitor/room/turn"_s}) {
            const auto refused = asVisitor(m_capability, "GET", path);
            QCOMPARE(refused.status, 401);
            QCOMPARE(refused.errorCode(), u"capability_expired"_s);
        }
        Ws again;
        QCOMPARE(again.openVisitor(m_world.server->baseUrl(), m_capability).value("code"_L1).toString(),
                 u"capability_expired"_s);
        QCOMPARE(interpreterInList(m_interpreterId).value("endedAt"_L1).toString(), isoUtc(t0));

        // Its key is no participant any more: an epoch naming it is refused, one without it reaches
        // the two others only.
        QCOMPARE(participantKinds(), (QStringList{u"advisor:"_s + annaKeyId(), u"visitor:"_s + m_seeker.keyId()}));
        const auto naming = startEpoch(3, {m_anna.publicKey, m_seeker.publicKey, m_interpreter.publicKey});
        QCOMPARE(naming.status, 400);
        QCOMPARE(naming.errorCode(), u"sealed_invalid"_s);
        QCOMPARE(startEpoch(3, {m_anna.publicKey, m_seeker.publicKey}).status, 201);
        for (Ws *ws : {m_annaWs.get(), m_seekerWs.get()})
            QCOMPARE(ws->next(u"epoch_changed"_s).value("currentEpoch"_L1).toInteger(), 3);
        const auto forInterpreter = m_world.client->get(
            u"/api/v1/rooms/%1/envelopes?keyId=%2"_s.arg(m_room, m_interpreter.keyId()), m_world.anna);
        QCOMPARE(forInterpreter.json().value("envelopes"_L1).toArray().size(), 1);
        QCOMPARE(forInterpreter.json().value("envelopes"_L1).toArray().at(0).toObject().value("epoch"_L1).toInteger(),
                 2);
        // What follows is in epoch 3: the key the interpreter holds (epoch 2) does not open it.
        QVERIFY(takeKey(m_seeker, m_visitor.capability, 3));
        QCOMPARE(m_annaWs->sendRecord(m_room, u"a-2"_s, m_anna.seal(m_room, u"after"_s)).value("type"_L1).toString(),
                 u"ack"_s);
        const QJsonObject event = m_seekerWs->next(u"message"_s);
        QCOMPARE(m_seeker.open(m_room, event), u"after"_s);
        QVERIFY(m_interpreter.open(m_room, event).startsWith(u'<'));
    }

    void inviteExpiresOnTheServerClock()
    {
        const auto created = invite();
        QCOMPARE(created.status, 201);
        const QString capability = created.json().value("capability"_L1).toString();
        const QString id = created.json().value("interpreter"_L1).toObject().value("id"_L1).toString();
        Member late;
        const auto keys = Crypto::EncryptionKeyPair::generate();
        late.publicKey = keys.publicKey();
        QCOMPARE(asVisitor(capability, "PUT", u"/api/v1/visitor/interpreter/key"_s,
                           {{u"browserKey"_s, Crypto::toBase64Url(late.publicKey)}})
                     .status,
                 200);
        QCOMPARE(m_annaWs->next(u"keys_changed"_s).value("room"_L1).toString(), m_room);
        Ws ws;
        QCOMPARE(ws.openVisitor(m_world.server->baseUrl(), capability).value("role"_L1).toString(), u"interpreter"_s);
        QCOMPARE(ws.join(m_room).value("type"_L1).toString(), u"joined"_s);

        m_world.server->setNow(t0.addSecs(2 * 3600 - 1));
        QCOMPARE(asVisitor(capability, "GET", u"/api/v1/visitor/interpreter"_s).status, 200);
        QVERIFY(participantKinds().contains(u"interpreter:"_s + late.keyId()));
        QVERIFY(ws.drain(1500).isEmpty()); // the sweep leaves it alone

        m_world.server->setNow(t0.addSecs(2 * 3600));
        // The relay's sweep (each second) ends it without any request.
        QCOMPARE(ws.next(u"error"_s, 5000).value("code"_L1).toString(), u"capability_expired"_s);
        QCOMPARE(ws.waitForClose(), 4401);
        QCOMPARE(m_annaWs->next(u"keys_changed"_s).value("room"_L1).toString(), m_room);
        QCOMPARE(asVisitor(capability, "GET", u"/api/v1/visitor/interpreter"_s).errorCode(), u"capability_expired"_s);
        QVERIFY(!participantKinds().contains(u"interpreter:"_s + late.keyId()));
        QCOMPARE(interpreterInList(id).value("endedAt"_L1).toString(), isoUtc(t0.addSecs(2 * 3600)));
    }

    void callAddressesAreKeptApart()
    {
        m_addressesSeenAt = m_world.server->now();
        // A TURN credential for the help-seeker and a relay join of Anna, through a trusted proxy.
        TestHttpClient::Headers headers = bearer(m_visitor.capability);
        headers.append({"X-Forwarded-For", turnAddress});
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/room/turn"_s, {}, headers).status, 200);
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna, signallingAddress));
        QCOMPARE(anna.join(m_room, annaKeyId()).value("type"_L1).toString(), u"joined"_s);
        anna.close();

        const Database d = db();
        QCOMPARE(d.count(u"call_addresses"_s, u"participant = 'visitor' AND source = 'turn' AND address = '%1' "
                                              "AND anonymised = 0"_s.arg(QString::fromLatin1(turnAddress))),
                 1);
        QCOMPARE(d.count(u"call_addresses"_s,
                         u"participant = 'advisor:%1' AND source = 'signalling' AND address = '%2' "
                         "AND anonymised = 0"_s.arg(m_world.annaId, QString::fromLatin1(signallingAddress))),
                 1);
        // The access log has only the network part of a TURN request's address; the server's log none.
        QCOMPARE(d.count(u"access_log"_s, u"path = '/api/v1/visitor/room/turn' AND ip = '198.51.100.0'"_s), 1);
        QCOMPARE(d.count(u"access_log"_s, u"ip LIKE '198.51.100.%' AND ip <> '198.51.100.0'"_s), 0);
        QCOMPARE(d.count(u"access_log"_s, u"ip LIKE '2001:db8:%'"_s), 0);
        QVERIFY(!m_world.server->serverLog().contains(turnAddress));
        QVERIFY(!m_world.server->serverLog().contains(signallingAddress));
    }

    void callAddressesAnonymisedAfterSevenDays()
    {
        const QString turn = QString::fromLatin1(turnAddress);
        const QString signalling = QString::fromLatin1(signallingAddress);
        restartAt(m_addressesSeenAt.addSecs(7 * day - 1));
        {
            const Database d = db();
            QCOMPARE(
                d.count(u"call_addresses"_s, u"address IN ('%1', '%2') AND anonymised = 0"_s.arg(turn, signalling)), 2);
        }
        restartAt(m_addressesSeenAt.addSecs(7 * day));
        {
            const Database d = db();
            QCOMPARE(d.count(u"call_addresses"_s, u"address IN ('%1', '%2')"_s.arg(turn, signalling)), 0);
            QCOMPARE(d.count(u"call_addresses"_s, u"address = '198.51.100.0' AND anonymised = 1"_s), 1);
            QCOMPARE(d.count(u"call_addresses"_s, u"address = '2001:db8:7::' AND anonymised = 1"_s), 1);
        }
        QVERIFY(m_world.server->stop());
        for (const QByteArray &canary : {turnAddress, signallingAddress}) {
            const QStringList found = filesContaining(canary);
            QVERIFY2(found.isEmpty(), qPrintable(QString::fromLatin1(canary) + u" in "_s + found.join(u", "_s)));
        }
    }

    void callAddressesDeletedAfterThirtyDays()
    {
        restartAt(m_addressesSeenAt.addSecs(30 * day - 1));
        QCOMPARE(db().count(u"call_addresses"_s, u"address IN ('198.51.100.0', '2001:db8:7::')"_s), 2);
        restartAt(m_addressesSeenAt.addSecs(30 * day));
        QCOMPARE(db().count(u"call_addresses"_s, u"address IN ('198.51.100.0', '2001:db8:7::')"_s), 0);
    }

    void cleanupTestCase()
    {
        m_annaWs.reset();
        m_seekerWs.reset();
        m_interpreterWs.reset();
        QVERIFY(m_world.server->stop());
    }
};

QTEST_MAIN(TestServerInterpreter)
#include "TestServerInterpreter.moc"
