// Retention (DESIGN.md "Privacy rules", API.md "Retention"): a real lotse-server with a pinned
// clock. A confirmed booking with a chat message, a room key envelope and a file; a cancelled
// booking; a done contact message; a younger booking. The clock moves to one second before each
// period (nothing goes) and to the period (it goes: rows, blobs, access log rows; the removed ids
// come back in `removed` of an incremental sync; the manage link stops working). The server applies
// the rules at start, so each step restarts it on the same data directory. Last, nothing of the
// removed items is left anywhere in the data directory.
#include "RoomFixture.h"

#include "crypto/FileStream.h"

#include <QDirIterator>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace RoomFixture;
using Lotse::Tests::TestHttpClient;

namespace {

const QDateTime t0 = fixedMonday;

} // namespace

class TestServerRetention : public QObject
{
    Q_OBJECT

private:
    World m_world;
    Visitor m_old;       // confirmed, with chat and a file: removed 30 days after its end
    Visitor m_younger;   // 20 days later: untouched throughout
    Visitor m_cancelled; // cancelled at t0: removed 30 days after that
    QString m_messageId; // done at t0
    QString m_instantId; // taken at t0
    QString m_instantCapability;
    QString m_interpreterCapability; // invited to the old booking's room
    QString m_cursor;                // the cursor before anything was removed
    qint64 m_oldEnd = 0;
    QString m_fileId;
    QMap<QString, QByteArray> m_canaries; // what must be gone, by name

    Database db() const { return Database(m_world.server->dataDir() + u"/lotse.sqlite"_s); }
    QString annaKeyId() const { return keyIdOf(m_world.annaDevice.encryption.publicKey()); }

    // Books like the booking page (with its own e-mail address) and lets Anna confirm.
    QString book(Visitor &visitor, int hour, const QString &email, bool confirm)
    {
        visitor.bookingId = newId();
        QJsonObject body = m_world.booking(visitor.bookingId, m_world.slot(hour));
        body.insert(u"browserKey"_s, Crypto::toBase64Url(visitor.browser.publicKey()));
        body.insert(u"email"_s, email);
        const auto created = m_world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, body);
        if (created.status != 201)
            return u"booking: "_s + QString::fromUtf8(created.body);
        visitor.capability =
            created.json().value("booking"_L1).toObject().value("manageUrl"_L1).toString().section(u'#', 1);
        if (&visitor == &m_old) {
            m_canaries.insert(u"e-mail"_s, email.toUtf8());
            m_canaries.insert(u"sealed fields"_s, body.value("sealed"_L1).toString().toUtf8());
            m_canaries.insert(u"browser key"_s, body.value("browserKey"_L1).toString().toUtf8());
        }
        if (!confirm)
            return {};
        const auto confirmed =
            m_world.client->postJson(u"/api/v1/bookings/%1/confirm"_s.arg(visitor.bookingId), {}, m_world.anna);
        return confirmed.status == 200 ? QString() : u"confirm: "_s + QString::fromUtf8(confirmed.body);
    }

    // Moves the server's clock and restarts it (the rules run at start); Anna signs in again.
    void restartAt(const QDateTime &when)
    {
        m_world.server->setNow(when);
        QVERIFY2(m_world.server->restart(), qPrintable(m_world.server->lastError()));
        m_world.client = std::make_unique<TestHttpClient>(m_world.server->baseUrl());
        m_world.anna = m_world.client->login(u"anna@demo.example"_s, u"anna password"_s);
        QVERIFY(!m_world.anna.isEmpty());
    }

    int manageStatus(const Visitor &visitor)
    {
        return m_world.client->send("GET", u"/api/v1/manage/booking"_s, {}, bearer(visitor.capability)).status;
    }

    QStringList removedSince(const QString &cursor)
    {
        const auto reply = m_world.client->get(u"/api/v1/requests?since="_s + cursor, m_world.anna);
        QStringList ids;
        for (const QJsonValue &id : reply.json().value("removed"_L1).toArray())
            ids << id.toString();
        return ids;
    }

    qint64 roomRows(const QString &room) const
    {
        const Database d = db();
        const QString where = u"room_id = '%1'"_s.arg(room);
        return d.count(u"room_messages"_s, where) + d.count(u"room_key_envelopes"_s, where) +
               d.count(u"room_key_recipients"_s, where) + d.count(u"room_files"_s, where);
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_world.setUp("[retention]\naccess_log_days = 7\n", t0);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QString booked = book(m_old, 10, u"retention-canary-old-5c1e@example.org"_s, true);
        m_canaries.insert(u"e-mail"_s, "retention-canary-old-5c1e@example.org");
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        m_oldEnd = m_world.slot(10).addSecs(45 * 60).toSecsSinceEpoch();
        booked = book(m_younger, 10 + 24 * 20, u"younger-visitor@example.org"_s, true);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        booked = book(m_cancelled, 14, u"retention-canary-cancelled-88d0@example.org"_s, false);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        m_canaries.insert(u"cancelled e-mail"_s, "retention-canary-cancelled-88d0@example.org");
        QCOMPARE(m_world.client->send("POST", u"/api/v1/manage/booking/cancel"_s, "{}", bearer(m_cancelled.capability))
                     .status,
                 200);

        // A contact message, marked done.
        m_messageId = newId();
        const auto browser = Crypto::EncryptionKeyPair::generate();
        const QJsonObject message{
            {u"messageId"_s, m_messageId},
            {u"language"_s, u"uk"_s},
            {u"timeZone"_s, u"Europe/Kyiv"_s},
            {u"email"_s, u"retention-canary-message-3a7b@example.org"_s},
            {u"policyVersion"_s, m_world.policyVersion},
            {u"browserKey"_s, Crypto::toBase64Url(browser.publicKey())},
            {u"sealed"_s, seal({m_world.annaDevice.encryption.publicKey()}, u"message:"_s + m_messageId,
                               QJsonObject{{u"message"_s, Canaries().message}})},
            {u"altcha"_s, m_world.altcha()}};
        m_canaries.insert(u"message e-mail"_s, "retention-canary-message-3a7b@example.org");
        QCOMPARE(m_world.client->postJson(u"/api/v1/public/orgs/demo/messages"_s, message).status, 201);
        // With an Idempotency-Key: its stored answer is kept 30 days.
        QCOMPARE(m_world.client
                     ->postJson(u"/api/v1/messages/%1/done"_s.arg(m_messageId), {}, m_world.anna,
                                {{"Idempotency-Key", "retention-done-1"}})
                     .status,
                 200);

        // The old booking's room: a room key for both, a chat message, a file from the browser.
        Member anna;
        anna.publicKey = m_world.annaDevice.encryption.publicKey();
        anna.keys = &m_world.annaDevice.encryption;
        const QString room = m_old.bookingId;
        for (const Visitor *visitor : {&m_younger, &m_old}) { // the old room's key stays with Anna
            const QString sealed = newRoomKey(anna, visitor->bookingId, {anna.publicKey, visitor->browser.publicKey()});
            QCOMPARE(m_world.client
                         ->postJson(u"/api/v1/rooms/%1/envelopes"_s.arg(visitor->bookingId),
                                    {{u"epoch"_s, 1}, {u"sealed"_s, sealed}, {u"senderKeyId"_s, annaKeyId()}},
                                    m_world.anna)
                         .status,
                     201);
        }
        Ws ws;
        QVERIFY(ws.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        QCOMPARE(ws.join(room, annaKeyId()).value("type"_L1).toString(), u"joined"_s);
        const QString envelope = anna.seal(room, u"Wie geht es Ihnen heute?"_s);
        m_canaries.insert(u"chat envelope"_s, envelope.toUtf8());
        ws.send({{u"type"_s, u"send"_s}, {u"room"_s, room}, {u"clientId"_s, newId()}, {u"envelope"_s, envelope}});
        QCOMPARE(ws.nextOf({u"ack"_s, u"error"_s}).value("type"_L1).toString(), u"ack"_s);
        ws.close();

        // An interpreter invited to the old room's calls, with its key: it goes with the room.
        const auto invited = m_world.client->postJson(u"/api/v1/rooms/%1/interpreters"_s.arg(room), {}, m_world.anna);
        QCOMPARE(invited.status, 201);
        m_interpreterCapability = invited.json().value("capability"_L1).toString();
        const QString interpreterKey = Crypto::toBase64Url(Crypto::EncryptionKeyPair::generate().publicKey());
        m_canaries.insert(u"interpreter key"_s, interpreterKey.toUtf8());
        QCOMPARE(m_world.client
                     ->send("PUT", u"/api/v1/visitor/interpreter/key"_s,
                            QJsonDocument(QJsonObject{{u"browserKey"_s, interpreterKey}}).toJson(),
                            bearer(m_interpreterCapability))
                     .status,
                 200);

        m_fileId = newId();
        auto created = Crypto::FileStreamWriter::create(Crypto::SecretBytes::fromBytes(Crypto::randomBytes(32)),
                                                        m_fileId.toUtf8(), 20'000);
        QVERIFY(created);
        Crypto::FileStreamWriter &writer = created.value();
        QByteArray stream = writer.header();
        const auto chunk = writer.push(Crypto::randomBytes(20'000));
        QVERIFY(chunk);
        stream += *chunk;
        const auto last = writer.finish();
        QVERIFY(last);
        stream += *last;
        m_canaries.insert(u"file bytes"_s, stream.mid(stream.size() / 2, 64));
        const auto started = m_world.client->send(
            "POST", u"/api/v1/visitor/room/files"_s,
            QJsonDocument(QJsonObject{{u"fileId"_s, m_fileId}, {u"size"_s, stream.size()}}).toJson(),
            bearer(m_old.capability));
        QCOMPARE(started.status, 201);
        TestHttpClient::Headers octets = bearer(m_old.capability);
        octets.last().second = "application/octet-stream";
        const auto put =
            m_world.client->send("PUT", u"/api/v1/visitor/room/files/%1?offset=0"_s.arg(m_fileId), stream, octets);
        QCOMPARE(put.status, 200);
        QVERIFY(put.json().value("file"_L1).toObject().value("complete"_L1).toBool());
        QVERIFY(QFile::exists(m_world.server->dataDir() + u"/blobs/%1/%2"_s.arg(room, m_fileId)));

        // An instant call, taken by Anna at once, with a room key envelope in its room.
        m_instantId = newId();
        const auto caller = Crypto::EncryptionKeyPair::generate();
        const QJsonObject instant{
            {u"instantId"_s, m_instantId},
            {u"sealedName"_s, seal({m_world.annaDevice.encryption.publicKey()}, u"instant:"_s + m_instantId,
                                   {{u"name"_s, u"Kanarienname Olena"_s}})},
            {u"browserKey"_s, Crypto::toBase64Url(caller.publicKey())},
            {u"language"_s, u"uk"_s},
            {u"policyVersion"_s, m_world.policyVersion},
            {u"altcha"_s, m_world.altcha()}};
        m_canaries.insert(u"instant sealed name"_s, instant.value("sealedName"_L1).toString().toUtf8());
        m_canaries.insert(u"instant browser key"_s, instant.value("browserKey"_L1).toString().toUtf8());
        const auto called = m_world.client->postJson(u"/api/v1/orgs/demo/instant"_s, instant);
        QCOMPARE(called.status, 201);
        m_instantCapability = called.json().value("capability"_L1).toString();
        QCOMPARE(m_world.client->postJson(u"/api/v1/instant/%1/take"_s.arg(m_instantId), {}, m_world.anna).status, 200);
        const QString instantKey = newRoomKey(anna, m_instantId, {anna.publicKey, caller.publicKey()});
        QCOMPARE(m_world.client
                     ->postJson(u"/api/v1/rooms/%1/envelopes"_s.arg(m_instantId),
                                {{u"epoch"_s, 1}, {u"sealed"_s, instantKey}, {u"senderKeyId"_s, annaKeyId()}},
                                m_world.anna)
                     .status,
                 201);

        m_cursor =
            m_world.client->get(u"/api/v1/requests?since=0"_s, m_world.anna).json().value("cursor"_L1).toString();
        QVERIFY(!m_cursor.isEmpty());
    }

    void accessLogAfterItsPeriod()
    {
        const QString old = u"at <= %1"_s.arg(t0.toSecsSinceEpoch());
        const qint64 logged = db().count(u"access_log"_s, old);
        QVERIFY(logged > 10);
        // Spent ALTCHA challenges (bookings, the contact message) go once expired (20 minutes).
        QVERIFY(db().count(u"altcha_used"_s) >= 4);
        restartAt(t0.addSecs(7 * day - 1));
        QCOMPARE(db().count(u"altcha_used"_s), 0);
        QCOMPARE(db().count(u"access_log"_s, old), logged);
        restartAt(t0.addSecs(7 * day));
        QCOMPARE(db().count(u"access_log"_s, old), 0);
        QVERIFY(db().count(u"access_log"_s) > 0); // this start's own requests
        // Nothing else was due yet.
        QCOMPARE(db().count(u"bookings"_s), 3);
        QCOMPARE(db().count(u"contact_messages"_s), 1);
    }

    void cancelledBookingAndDoneMessage()
    {
        restartAt(t0.addSecs(30 * day - 1));
        QCOMPARE(db().count(u"idempotency_keys"_s, u"idem_key = 'retention-done-1'"_s), 1);
        QCOMPARE(db().count(u"bookings"_s, u"id = '%1'"_s.arg(m_cancelled.bookingId)), 1);
        QCOMPARE(db().count(u"contact_messages"_s), 1);
        QCOMPARE(removedSince(m_cursor), QStringList());
        QCOMPARE(db().count(u"instant_calls"_s), 1);
        QVERIFY(roomRows(m_instantId) >= 1);
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(m_instantCapability)).status, 200);

        restartAt(t0.addSecs(30 * day));
        QCOMPARE(db().count(u"idempotency_keys"_s, u"idem_key = 'retention-done-1'"_s), 0);
        // The instant call is gone with its room's content; the room's row stays.
        QCOMPARE(db().count(u"instant_calls"_s), 0);
        QCOMPARE(roomRows(m_instantId), 0);
        QCOMPARE(db().count(u"rooms"_s, u"id = '%1'"_s.arg(m_instantId)), 1);
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(m_instantCapability)).errorCode(),
                 u"capability_invalid"_s);
        QCOMPARE(db().count(u"bookings"_s, u"id = '%1'"_s.arg(m_cancelled.bookingId)), 0);
        QCOMPARE(db().count(u"contact_messages"_s), 0);
        QStringList removed = removedSince(m_cursor);
        removed.sort();
        QStringList expected{m_cancelled.bookingId, m_messageId};
        expected.sort();
        QCOMPARE(removed, expected);
        QCOMPARE(manageStatus(m_cancelled), 401);
        // The confirmed bookings (their appointments are later) stay.
        QCOMPARE(db().count(u"bookings"_s), 2);
        QCOMPARE(manageStatus(m_old), 200);
    }

    void bookingAndRoomWhenTheLinkExpires()
    {
        const QString room = m_old.bookingId;
        const QString blobDir = m_world.server->dataDir() + u"/blobs/"_s + room;
        const QString cursor =
            m_world.client->get(u"/api/v1/requests?since=0"_s, m_world.anna).json().value("cursor"_L1).toString();
        const qint64 lastSeq = db().value(u"SELECT last_seq FROM rooms WHERE id = '%1'"_s.arg(room)).toLongLong();
        QVERIFY(lastSeq >= 1);

        restartAt(QDateTime::fromSecsSinceEpoch(m_oldEnd + 30 * day - 1, QTimeZone::utc()));
        QCOMPARE(db().count(u"bookings"_s, u"id = '%1'"_s.arg(room)), 1);
        QCOMPARE(db().count(u"room_messages"_s, u"room_id = '%1'"_s.arg(room)), 1);
        QCOMPARE(db().count(u"room_files"_s, u"room_id = '%1'"_s.arg(room)), 1);
        QCOMPARE(db().count(u"room_interpreters"_s, u"room_id = '%1'"_s.arg(room)), 1);
        QVERIFY(db().count(u"room_key_envelopes"_s, u"room_id = '%1'"_s.arg(room)) >= 1);
        QVERIFY(QFile::exists(blobDir + u'/' + m_fileId));
        QCOMPARE(manageStatus(m_old), 200);
        QCOMPARE(removedSince(cursor), QStringList());

        restartAt(QDateTime::fromSecsSinceEpoch(m_oldEnd + 30 * day, QTimeZone::utc()));
        QCOMPARE(db().count(u"bookings"_s, u"id = '%1'"_s.arg(room)), 0);
        QCOMPARE(roomRows(room), 0);
        QCOMPARE(db().count(u"room_interpreters"_s, u"room_id = '%1'"_s.arg(room)), 0);
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/interpreter"_s, {}, bearer(m_interpreterCapability))
                     .errorCode(),
                 u"capability_invalid"_s);
        QVERIFY(!QFileInfo::exists(blobDir));
        // The room's row stays, emptied, so that its sequence numbers are never handed out again.
        QCOMPARE(db().value(u"SELECT last_seq FROM rooms WHERE id = '%1'"_s.arg(room)).toLongLong(), lastSeq);
        QCOMPARE(db().value(u"SELECT visitor_key FROM rooms WHERE id = '%1'"_s.arg(room)).toString(), QString());
        QCOMPARE(removedSince(cursor), QStringList{room});
        const auto manage = m_world.client->send("GET", u"/api/v1/manage/booking"_s, {}, bearer(m_old.capability));
        QCOMPARE(manage.status, 401);
        QCOMPARE(manage.errorCode(), u"capability_invalid"_s);
        const auto visitorRoom = m_world.client->send("GET", u"/api/v1/visitor/room"_s, {}, bearer(m_old.capability));
        QCOMPARE(visitorRoom.status, 401);
        QCOMPARE(visitorRoom.errorCode(), u"capability_invalid"_s);

        // The younger booking and its room are untouched.
        QCOMPARE(db().count(u"bookings"_s, u"id = '%1'"_s.arg(m_younger.bookingId)), 1);
        QVERIFY(roomRows(m_younger.bookingId) >= 1);
        QCOMPARE(manageStatus(m_younger), 200);
        const auto requests = m_world.client->get(u"/api/v1/requests?since=0"_s, m_world.anna).json();
        QCOMPARE(requests.value("requests"_L1).toArray().size(), 1);
        QCOMPARE(requests.value("requests"_L1).toArray().at(0).toObject().value("id"_L1).toString(),
                 m_younger.bookingId);
    }

    void nothingOfTheRemovedIsLeft()
    {
        QCOMPARE(m_canaries.size(), 10);
        QVERIFY(m_world.server->stop());
        QStringList found;
        bool youngerFound = false; // the scan finds what is still there
        QDirIterator files(m_world.server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            youngerFound = youngerFound || bytes.contains("younger-visitor@example.org");
            for (auto it = m_canaries.constBegin(); it != m_canaries.constEnd(); ++it) {
                if (bytes.contains(it.value()))
                    found << file.fileName() + u": "_s + it.key();
            }
        }
        QVERIFY(youngerFound);
        QCOMPARE(found, QStringList());
        // The job's log lines name counts, not people or items.
        int retentionLines = 0;
        for (const QByteArray &line : m_world.server->serverLog().split('\n')) {
            if (!line.contains("retention"))
                continue;
            ++retentionLines;
            QVERIFY2(!line.contains(m_old.bookingId.toUtf8()) && !line.contains(m_cancelled.bookingId.toUtf8()) &&
                         !line.contains(m_messageId.toUtf8()) && !line.contains("@"),
                     line.constData());
        }
        QVERIFY(retentionLines >= 1);
        QVERIFY(m_world.server->start());
    }

    // Tombstones answer cursors for 30 days after the removal (BookingStore::pruneTombstones keeps
    // them through the 30th day's last second), then they go as well.
    void tombstonesAfterThirtyDays()
    {
        const QString removedAtT30 = u"removed_at <= %1"_s.arg(t0.addSecs(30 * day).toSecsSinceEpoch());
        QCOMPARE(db().count(u"tombstones"_s, removedAtT30), 2);
        restartAt(t0.addSecs(60 * day));
        QCOMPARE(db().count(u"tombstones"_s, removedAtT30), 2);
        restartAt(t0.addSecs(60 * day + 1));
        QCOMPARE(db().count(u"tombstones"_s, removedAtT30), 0);
        // A cursor from before those removals can no longer be answered: the client syncs in full.
        QCOMPARE(m_world.client->get(u"/api/v1/requests?since="_s + m_cursor, m_world.anna).status, 410);
        // The younger booking (ended 21 days after t0) went 30 days after its end, like the old one.
        QCOMPARE(db().count(u"bookings"_s), 0);
    }

    void cleanupTestCase() { QVERIFY(m_world.server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerRetention)
#include "TestServerRetention.moc"
