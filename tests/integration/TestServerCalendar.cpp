// The advisor's calendar on the server (issue 5), against the real lotse-server and a real SMTP
// sink: the change cursor (full and incremental sync after each kind of change, removed rows, bad
// and expired cursors), the requests_changed push over the WebSocket (and its absence for another
// organisation), If-Match conflicts, reschedule and cancel with their mails held for the undo
// window, undo, the sealed note, isolation and idempotent retries. The clock is pinned.
#include "BookingFixture.h"
#include "MailFixture.h"

#include "server-stub/BookingStore.h"
#include "server-stub/Store.h"

#include "tests/support/TestSmtpSink.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace MailFixture;
using namespace Lotse::Tests;

namespace {

// A Tuesday morning, far from any DST change; the tests never look at the real clock.
const QDateTime pinnedNow(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc());

// What an advisor's desktop would see of its sockets: each message as JSON.
class AdvisorSocket
{
public:
    AdvisorSocket(const QUrl &url, const QString &token)
        : m_messages(&m_socket, &QWebSocket::textMessageReceived)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        m_socket.open(request);
    }

    QJsonObject next(int timeoutMs = 10'000)
    {
        if (m_messages.isEmpty() && !m_messages.wait(timeoutMs))
            return {};
        return QJsonDocument::fromJson(m_messages.takeFirst().at(0).toString().toUtf8()).object();
    }

    // Every message that arrives before the answer to a ping: messages on one socket keep their
    // order, so this is exactly what the server sent before it saw the ping.
    QList<QJsonObject> drain()
    {
        m_socket.sendTextMessage(u"{\"type\":\"ping\",\"id\":\"drain\"}"_s);
        QList<QJsonObject> before;
        for (QJsonObject message = next(); !message.isEmpty(); message = next()) {
            if (message.value("type"_L1).toString() == "pong"_L1)
                return before;
            before.append(message);
        }
        return {{{u"type"_s, u"no pong"_s}}};
    }

private:
    QWebSocket m_socket;
    QSignalSpy m_messages;
};

} // namespace

class TestServerCalendar : public QObject
{
    Q_OBJECT

private:
    TestSmtpSink m_sink;
    World m_world;
    int m_seen = 0;
    int m_hour = 0;
    int m_far = 0;

    QByteArray config() const
    {
        return "[smtp]\nurl = " + m_sink.url().toLatin1() +
               "\nfrom = noreply@lotse.example\npoll_ms = 50\n"
               "[http]\npublic_url = https://termine.example\n"
               "[limits]\nbooking_posts_per_ip_per_hour = 1000\npublic_requests_per_minute = 1000\n"
               "[altcha]\nmax_number = 2000\n";
    }

    QUrl wsUrl() const
    {
        QUrl url = m_world.server->baseUrl();
        url.setScheme(u"ws"_s);
        url.setPath(u"/api/v1/ws"_s);
        return url;
    }

    TestHttpClient &http() { return *m_world.client; }

    // The next mail the sink receives.
    Mail nextMail()
    {
        if (!m_sink.waitForMessages(m_seen + 1))
            return {};
        return parseMail(m_sink.messages().at(m_seen++));
    }

    // No mail arrives while the outbox worker polls a few dozen times.
    bool noMailFor(int ms = 800)
    {
        QTest::qWait(ms);
        return m_sink.messages().size() == m_seen;
    }

    // A new pending booking of Anna's (its "received" mail taken from the sink), on the next hour of
    // the coming days.
    QString book(QDateTime *start = nullptr, const QString &language = u"en"_s, QString *token = nullptr)
    {
        const QString id = newId();
        const QDateTime at = m_world.slot(++m_hour);
        const auto reply = http().postJson(u"/api/v1/public/orgs/demo/bookings"_s, m_world.booking(id, at, language));
        if (reply.status != 201 || nextMail().headers.isEmpty())
            return {};
        if (start)
            *start = at;
        if (token)
            *token = reply.json().value("booking"_L1).toObject().value("manageUrl"_L1).toString().mid(8);
        return id;
    }

    // A time to move to, ten days ahead and later, where no booking lands.
    QDateTime farSlot() { return m_world.slot(24 * 10 + 2 * ++m_far); }

    // A confirmed booking (its confirmation mail taken from the sink).
    QString bookConfirmed(QDateTime *start = nullptr, const QString &language = u"en"_s)
    {
        const QString id = book(start, language);
        if (id.isEmpty() || post(id, u"confirm"_s, {}).status != 200 || nextMail().headers.isEmpty())
            return {};
        return id;
    }

    TestHttpClient::Reply post(const QString &bookingId, const QString &action, const QJsonObject &body,
                               const TestHttpClient::Headers &extra = {}, const QString &token = {})
    {
        return http().postJson(u"/api/v1/bookings/%1/%2"_s.arg(bookingId, action), body,
                               token.isEmpty() ? m_world.anna : token, extra);
    }

    TestHttpClient::Reply putNote(const QString &bookingId, const QJsonValue &sealed,
                                  const TestHttpClient::Headers &extra = {}, const QString &token = {})
    {
        TestHttpClient::Headers headers{
            {"Authorization", "Bearer " + (token.isEmpty() ? m_world.anna : token).toLatin1()},
            {"Content-Type", "application/json"}};
        headers << extra;
        return http().send("PUT", u"/api/v1/bookings/%1/note"_s.arg(bookingId),
                           QJsonDocument(QJsonObject{{u"sealed"_s, sealed}}).toJson(QJsonDocument::Compact), headers);
    }

    TestHttpClient::Reply sync(const QString &cursor, const QString &token = {})
    {
        return http().get(u"/api/v1/requests?since="_s + cursor, token.isEmpty() ? m_world.anna : token);
    }

    // The item with `id` in a list answer.
    static QJsonObject itemOf(const TestHttpClient::Reply &reply, const QString &id)
    {
        for (const QJsonValue &v : reply.json().value("requests"_L1).toArray())
            if (v.toObject().value("id"_L1).toString() == id)
                return v.toObject();
        return {};
    }

    QJsonObject current(const QString &id) { return itemOf(sync(u"0"_s), id); }

    static QByteArray ifMatch(const QJsonObject &item)
    {
        return '"' + QByteArray::number(item.value("version"_L1).toInteger()) + '"';
    }

    static QStringList idsOf(const TestHttpClient::Reply &reply)
    {
        QStringList ids;
        for (const QJsonValue &v : reply.json().value("requests"_L1).toArray())
            ids << v.toObject().value("id"_L1).toString();
        return ids;
    }

    QString sealNote(const QString &bookingId, const QString &text,
                     Lotse::Crypto::SealPurpose purpose = Lotse::Crypto::SealPurpose::BookingFields)
    {
        return seal({m_world.annaDevice.encryption.publicKey()}, u"note:"_s + bookingId, {{u"text"_s, text}}, purpose);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Lotse::Crypto::init());
        QVERIFY2(m_sink.start(), qPrintable(m_sink.lastError()));
        const QString error = m_world.setUp(config(), pinnedNow);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_world.server->now(), pinnedNow);
    }

    void cursorSyncAfterEachKindOfChange()
    {
        // Full sync: every item of any status, and the cursor to go on from.
        const auto full = sync(u"0"_s);
        QCOMPARE(full.status, 200);
        const QString start = full.json().value("cursor"_L1).toString();
        QVERIFY(!start.isEmpty());
        QCOMPARE(http().get(u"/api/v1/requests?status=all"_s, m_world.anna).json().value("cursor"_L1).toString(),
                 start);
        auto delta = sync(start);
        QCOMPARE(delta.status, 200);
        QVERIFY(delta.json().value("requests"_L1).toArray().isEmpty());
        QVERIFY(delta.json().value("removed"_L1).toArray().isEmpty());
        QCOMPARE(delta.json().value("cursor"_L1).toString(), start);

        // Each kind of change brings exactly the changed item, with a higher version.
        QString cursor = start;
        qint64 lastVersion = start.toLongLong();
        const auto expectOnly = [&](const QString &id, const QString &kind) -> QJsonObject {
            const auto reply = sync(cursor);
            if (reply.status != 200 || idsOf(reply) != QStringList{id})
                return {};
            const QJsonObject item = itemOf(reply, id);
            if (item.value("kind"_L1).toString() != kind || item.value("version"_L1).toInteger() <= lastVersion ||
                reply.json().value("cursor"_L1).toString() != QString::number(item.value("version"_L1).toInteger()))
                return {};
            cursor = reply.json().value("cursor"_L1).toString();
            lastVersion = item.value("version"_L1).toInteger();
            return item;
        };

        QDateTime at;
        const QString bookingId = book(&at);
        QJsonObject item = expectOnly(bookingId, u"booking"_s);
        QCOMPARE(item.value("status"_L1).toString(), u"pending"_s);
        QVERIFY(item.value("note"_L1).isNull());
        QVERIFY(item.value("pendingChange"_L1).isNull());
        QVERIFY(item.value("proposal"_L1).isNull());

        const QString messageId = newId();
        QJsonObject message{
            {u"messageId"_s, messageId},
            {u"language"_s, u"en"_s},
            {u"timeZone"_s, u"Europe/Berlin"_s},
            {u"email"_s, u"visitor@example.org"_s},
            {u"policyVersion"_s, m_world.policyVersion},
            {u"browserKey"_s, Lotse::Crypto::toBase64Url(Lotse::Crypto::EncryptionKeyPair::generate().publicKey())},
            {u"sealed"_s,
             seal({m_world.annaDevice.encryption.publicKey()}, u"message:"_s + messageId, Canaries().json())},
            {u"altcha"_s, m_world.altcha()}};
        QCOMPARE(http().postJson(u"/api/v1/public/orgs/demo/messages"_s, message).status, 201);
        QVERIFY(!nextMail().headers.isEmpty());
        QCOMPARE(expectOnly(messageId, u"message"_s).value("status"_L1).toString(), u"new"_s);

        QCOMPARE(post(bookingId, u"confirm"_s, {}).status, 200);
        QVERIFY(!nextMail().headers.isEmpty());
        QCOMPARE(expectOnly(bookingId, u"booking"_s).value("status"_L1).toString(), u"confirmed"_s);

        QCOMPARE(http().postJson(u"/api/v1/messages/"_s + messageId + u"/done"_s, {}, m_world.anna).status, 200);
        QCOMPARE(expectOnly(messageId, u"message"_s).value("status"_L1).toString(), u"done"_s);

        const QString note = sealNote(bookingId, u"Bring the residence papers."_s);
        QCOMPARE(putNote(bookingId, note).status, 200);
        QCOMPARE(expectOnly(bookingId, u"booking"_s).value("note"_L1).toString(), note);

        const QDateTime later = farSlot();
        const auto moved = post(bookingId, u"reschedule"_s, {{u"start"_s, isoUtc(later)}});
        QCOMPARE(moved.status, 200);
        item = expectOnly(bookingId, u"booking"_s);
        QCOMPARE(item.value("start"_L1).toString(), isoUtc(later));
        QCOMPARE(item.value("pendingChange"_L1).toObject().value("changeId"_L1).toString(),
                 moved.json().value("undo"_L1).toObject().value("changeId"_L1).toString());

        // Changes through the manage link count too (the help-seeker cancels).
        QString token;
        const QString other = book(nullptr, u"en"_s, &token);
        QCOMPARE(expectOnly(other, u"booking"_s).value("status"_L1).toString(), u"pending"_s);
        QCOMPARE(
            http()
                .postJson(u"/api/v1/manage/booking/cancel"_s, {}, {}, {{"Authorization", "Bearer " + token.toLatin1()}})
                .status,
            200);
        QVERIFY(!nextMail().headers.isEmpty());
        QCOMPARE(expectOnly(other, u"booking"_s).value("status"_L1).toString(), u"cancelled"_s);
        // The move's held mail leaves after its window; the pending change ends with it.
        m_world.server->advanceClock(31);
        QVERIFY(!nextMail().headers.isEmpty());
        QVERIFY(current(bookingId).value("pendingChange"_L1).isNull());

        // Nothing new: the same cursor again.
        delta = sync(cursor);
        QVERIFY(idsOf(delta).isEmpty());
        QCOMPARE(delta.json().value("cursor"_L1).toString(), cursor);
        // Without parameters the list is still what needs the advisor (status=pending).
        const auto pending = http().get(u"/api/v1/requests"_s, m_world.anna);
        QVERIFY(!idsOf(pending).contains(bookingId));
        QVERIFY(!idsOf(pending).contains(messageId));
        QVERIFY(!idsOf(pending).contains(other));
    }

    void malformedAndFutureCursors()
    {
        for (const QString &bad : {u"abc"_s, u"-1"_s, u"1.5"_s, u""_s, u"12345678901234567890"_s, u"0x10"_s}) {
            const auto reply = sync(bad);
            QVERIFY2(reply.status == 400, qPrintable(bad));
            QCOMPARE(reply.errorCode(), u"validation_failed"_s);
        }
        QCOMPARE(http().get(u"/api/v1/requests?since=0&status=all"_s, m_world.anna).status, 400);
        // A cursor this server never gave (another database, a restore): sync in full.
        const qint64 cursor = sync(u"0"_s).json().value("cursor"_L1).toString().toLongLong();
        const auto future = sync(QString::number(cursor + 1000));
        QCOMPARE(future.status, 410);
        QCOMPARE(future.errorCode(), u"cursor_expired"_s);
        QCOMPARE(http().get(u"/api/v1/requests?since=1"_s).status, 401);
    }

    void pushAfterPublicBookingAndAdvisorAction()
    {
        AdvisorSocket anna(wsUrl(), m_world.anna);
        AdvisorSocket olga(wsUrl(), m_world.olga);
        QCOMPARE(anna.next().value("type"_L1).toString(), u"ready"_s);
        QCOMPARE(olga.next().value("type"_L1).toString(), u"ready"_s);

        const QString id = book();
        QVERIFY(!id.isEmpty());
        QJsonObject push = anna.next();
        QCOMPARE(push.value("type"_L1).toString(), u"requests_changed"_s);
        const QString cursor = push.value("cursor"_L1).toString();
        QCOMPARE(cursor, sync(u"0"_s).json().value("cursor"_L1).toString());
        QCOMPARE(push.keys(), (QStringList{u"cursor"_s, u"type"_s})); // nothing personal
        QVERIFY(anna.drain().isEmpty());                              // exactly one push for one change

        QCOMPARE(post(id, u"confirm"_s, {}).status, 200);
        QVERIFY(!nextMail().headers.isEmpty());
        push = anna.next();
        QCOMPARE(push.value("type"_L1).toString(), u"requests_changed"_s);
        QVERIFY(push.value("cursor"_L1).toString().toLongLong() > cursor.toLongLong());
        QCOMPARE(itemOf(sync(cursor), id).value("status"_L1).toString(), u"confirmed"_s);

        // Olga's organisation heard nothing of it.
        QVERIFY(olga.drain().isEmpty());
    }

    void ifMatchConflictCarriesTheCurrentItem()
    {
        const QString id = book();
        const QJsonObject seen = current(id);
        QVERIFY(seen.value("version"_L1).toInteger() > 0);
        // Someone else changes the booking first (a note from another device).
        QCOMPARE(putNote(id, sealNote(id, u"first"_s), {{"If-Match", ifMatch(seen)}}).status, 200);
        const QJsonObject now = current(id);
        QVERIFY(now.value("version"_L1).toInteger() > seen.value("version"_L1).toInteger());

        for (const QString &action : {u"confirm"_s, u"cancel"_s}) {
            const auto stale = post(id, action, {}, {{"If-Match", ifMatch(seen)}});
            QCOMPARE(stale.status, 409);
            QCOMPARE(stale.errorCode(), u"version_conflict"_s);
            const QJsonObject theirs = stale.json().value("error"_L1).toObject().value("current"_L1).toObject();
            QCOMPARE(theirs, now);
        }
        QCOMPARE(
            post(id, u"reschedule"_s, {{u"start"_s, isoUtc(m_world.slot(200))}}, {{"If-Match", ifMatch(seen)}}).status,
            409);
        QCOMPARE(putNote(id, QJsonValue::Null, {{"If-Match", ifMatch(seen)}}).errorCode(), u"version_conflict"_s);
        QCOMPARE(current(id), now); // nothing changed
        QVERIFY(noMailFor(300));

        QCOMPARE(post(id, u"confirm"_s, {}, {{"If-Match", "yesterday"}}).status, 400);
        // The version the advisor saw, quoted or not: the write goes through.
        const QByteArray bare = QByteArray::number(now.value("version"_L1).toInteger());
        const auto confirmed = post(id, u"confirm"_s, {}, {{"If-Match", bare}});
        QCOMPARE(confirmed.status, 200);
        QVERIFY(!nextMail().headers.isEmpty());
        QCOMPARE(confirmed.json().value("booking"_L1).toObject(), current(id));
    }

    void rescheduleHoldsTheMailForTheUndoWindow()
    {
        QDateTime start;
        const QString id = bookConfirmed(&start);
        QVERIFY(!id.isEmpty());
        const QJsonObject seen = current(id);
        QCOMPARE(seen.value("sequence"_L1).toInt(), 0);

        // Outside working hours is fine for the advisor; 90 minutes instead of 45.
        const QDateTime later = farSlot().addSecs(15 * 60);
        const auto moved =
            post(id, u"reschedule"_s, {{u"start"_s, isoUtc(later)}, {u"end"_s, isoUtc(later.addSecs(5400))}},
                 {{"If-Match", ifMatch(seen)}});
        QCOMPARE(moved.status, 200);
        const QJsonObject booking = moved.json().value("booking"_L1).toObject();
        QCOMPARE(booking.value("start"_L1).toString(), isoUtc(later));
        QCOMPARE(booking.value("end"_L1).toString(), isoUtc(later.addSecs(5400)));
        QCOMPARE(booking.value("sequence"_L1).toInt(), 1);
        QCOMPARE(booking.value("status"_L1).toString(), u"confirmed"_s);
        const QJsonObject undo = moved.json().value("undo"_L1).toObject();
        QCOMPARE(undo.value("until"_L1).toString(), isoUtc(m_world.server->now().addSecs(30)));
        QVERIFY(!QUuid::fromString(undo.value("changeId"_L1).toString()).isNull());
        QCOMPARE(booking.value("pendingChange"_L1).toObject(), undo);

        // The mail waits in the outbox for the whole window...
        QVERIFY(noMailFor());
        m_world.server->advanceClock(29);
        QVERIFY(noMailFor());
        // ... and leaves once it is over: exactly one, in the visitor's language, SEQUENCE 1.
        m_world.server->advanceClock(2);
        const Mail mail = nextMail();
        QCOMPARE(decodeHeader(mail.headers.value("subject")).left(20),
                 catalogText(u"en"_s, u"moved.subject"_s).left(20));
        QVERIFY(mail.text.contains(u"New time"_s));
        QVERIFY(mail.text.contains(u"https://termine.example/manage#"_s));
        const auto invitation = parseInvitation(mail.calendar);
        QVERIFY(invitation);
        QCOMPARE(invitation->method, KCalendarCore::iTIPRequest);
        QCOMPARE(invitation->sequence, 1);
        QCOMPARE(invitation->start, later);
        QCOMPARE(invitation->end, later.addSecs(5400));
        QCOMPARE(invitation->uid, id + u"@lotse"_s);
        QVERIFY(noMailFor());
        QVERIFY(current(id).value("pendingChange"_L1).isNull());

        // Too late to undo now.
        const auto late = post(id, u"undo"_s, {{u"changeId"_s, undo.value("changeId"_L1)}});
        QCOMPARE(late.status, 409);
        QCOMPARE(late.errorCode(), u"too_late"_s);
        QCOMPARE(current(id).value("start"_L1).toString(), isoUtc(later));
    }

    void rescheduleRefusals()
    {
        QDateTime firstStart;
        const QString first = book(&firstStart);
        const QString second = book();
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const auto taken = post(second, u"reschedule"_s, {{u"start"_s, isoUtc(firstStart.addSecs(15 * 60))}});
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), u"slot_taken"_s);
        QVERIFY(!taken.json().value("error"_L1).toObject().value("nearestSlots"_L1).toArray().isEmpty());

        const QDateTime now = m_world.server->now();
        QCOMPARE(post(second, u"reschedule"_s, {{u"start"_s, isoUtc(now.addSecs(-60))}}).status, 400);
        QCOMPARE(post(second, u"reschedule"_s, {{u"start"_s, u"tomorrow"_s}}).status, 400);
        QCOMPARE(post(second, u"reschedule"_s, {}).status, 400);
        const QDateTime at = farSlot();
        QCOMPARE(post(second, u"reschedule"_s, {{u"start"_s, isoUtc(at)}, {u"end"_s, isoUtc(at.addSecs(240))}}).status,
                 400);
        QCOMPARE(
            post(second, u"reschedule"_s, {{u"start"_s, isoUtc(at)}, {u"end"_s, isoUtc(at.addSecs(13 * 3600))}}).status,
            400);
        QCOMPARE(post(second, u"decline"_s, {{u"reason"_s, u"Full."_s}}).status, 200);
        QVERIFY(!nextMail().headers.isEmpty());
        const auto declined = post(second, u"reschedule"_s, {{u"start"_s, isoUtc(at)}});
        QCOMPARE(declined.status, 409);
        QCOMPARE(declined.errorCode(), u"invalid_status"_s);
        QVERIFY(noMailFor(300));
    }

    void cancelAndUndoWithinTheWindow()
    {
        QDateTime start;
        const QString id = bookConfirmed(&start);
        QVERIFY(!id.isEmpty());
        const QJsonObject before = current(id);

        const auto cancelled = post(id, u"cancel"_s, {{u"reason"_s, u"The advisor is ill."_s}});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value("booking"_L1).toObject().value("status"_L1).toString(), u"cancelled"_s);
        const QString changeId = cancelled.json().value("undo"_L1).toObject().value("changeId"_L1).toString();
        QVERIFY(!changeId.isEmpty());
        // The freed time can be booked meanwhile by nobody else here; undo within the window.
        m_world.server->advanceClock(20);
        const auto undone = post(id, u"undo"_s, {{u"changeId"_s, changeId}}, {{"If-Match", ifMatch(current(id))}});
        QCOMPARE(undone.status, 200);
        const QJsonObject restored = undone.json().value("booking"_L1).toObject();
        QCOMPARE(restored.value("status"_L1).toString(), u"confirmed"_s);
        QCOMPARE(restored.value("start"_L1).toString(), isoUtc(start));
        QCOMPARE(restored.value("sequence"_L1).toInt(), before.value("sequence"_L1).toInt());
        QVERIFY(restored.value("version"_L1).toInteger() > before.value("version"_L1).toInteger());
        QVERIFY(restored.value("pendingChange"_L1).isNull());
        QCOMPARE(restored, current(id));

        // No mail, ever: not in the window, not after it.
        m_world.server->advanceClock(60);
        QVERIFY(noMailFor());
        // The same change cannot be undone twice.
        QCOMPARE(post(id, u"undo"_s, {{u"changeId"_s, changeId}}).status, 404);
        QCOMPARE(post(id, u"undo"_s, {{u"changeId"_s, newId()}}).status, 404);
        // The time is the booking's again.
        const auto again = http().postJson(u"/api/v1/public/orgs/demo/bookings"_s, m_world.booking(newId(), start));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), u"slot_taken"_s);
    }

    void cancelMailCarriesTheReason()
    {
        const QString id = bookConfirmed(nullptr, u"de"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(post(id, u"cancel"_s, {{u"reason"_s, u"Die Beraterin ist krank."_s}}).status, 200);
        // Cancelling again: 200, no second change and no second mail.
        const auto twice = post(id, u"cancel"_s, {});
        QCOMPARE(twice.status, 200);
        QVERIFY(twice.json().value("undo"_L1).isNull());
        QVERIFY(noMailFor(300));
        m_world.server->advanceClock(31);
        const Mail mail = nextMail();
        QCOMPARE(decodeHeader(mail.headers.value("subject")), catalogText(u"de"_s, u"cancelled.subject"_s));
        QVERIFY(mail.text.contains(u"Der Grund: Die Beraterin ist krank."_s));
        const auto invitation = parseInvitation(mail.calendar);
        QVERIFY(invitation);
        QCOMPARE(invitation->method, KCalendarCore::iTIPCancel);
        QCOMPARE(invitation->sequence, 1);
        QVERIFY(noMailFor());
    }

    void undoAfterALaterChangeIsAConflict()
    {
        QDateTime start;
        const QString id = bookConfirmed(&start);
        const QDateTime firstMove = farSlot();
        const auto first = post(id, u"reschedule"_s, {{u"start"_s, isoUtc(firstMove)}});
        QCOMPARE(first.status, 200);
        const auto second = post(id, u"reschedule"_s, {{u"start"_s, isoUtc(farSlot())}});
        QCOMPARE(second.status, 200);
        const auto stale =
            post(id, u"undo"_s, {{u"changeId"_s, first.json().value("undo"_L1).toObject().value("changeId"_L1)}});
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.errorCode(), u"version_conflict"_s);
        // Undoing the latest goes back to the first move, whose mail still waits.
        const auto undone =
            post(id, u"undo"_s, {{u"changeId"_s, second.json().value("undo"_L1).toObject().value("changeId"_L1)}});
        QCOMPARE(undone.status, 200);
        QCOMPARE(undone.json().value("booking"_L1).toObject().value("start"_L1).toString(), isoUtc(firstMove));
        m_world.server->advanceClock(31);
        const auto invitation = parseInvitation(nextMail().calendar);
        QVERIFY(invitation);
        QCOMPARE(invitation->start, firstMove);
        QCOMPARE(invitation->sequence, 1);
        QVERIFY(noMailFor());
    }

    void noteRoundTripAndGarbage()
    {
        const QString id = book();
        const QString text = u"Kanarienvogel-Notiz: prefers mornings, interpreter Dari"_s;
        const QString sealed = sealNote(id, text);
        const auto saved = putNote(id, sealed);
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.json().value("note"_L1).toString(), sealed);
        const QJsonObject item = current(id);
        QCOMPARE(item.value("version"_L1).toInteger(), saved.json().value("version"_L1).toInteger());

        // The desktop opens what it stored; the server never had the text.
        const auto envelope = Lotse::Crypto::fromBase64Url(item.value("note"_L1).toString());
        QVERIFY(envelope);
        const auto opened = Lotse::Crypto::SealedEnvelope::open(m_world.annaDevice.encryption,
                                                                Lotse::Crypto::SealPurpose::BookingFields,
                                                                (u"note:"_s + id).toUtf8(), *envelope);
        QVERIFY(opened);
        QCOMPARE(QJsonDocument::fromJson(*opened).object().value("text"_L1).toString(), text);
        QVERIFY(!m_world.server->serverLog().contains(text.toUtf8()));
        QVERIFY(!m_world.server->serverLog().contains(sealed.toUtf8()));

        // Garbage is refused and changes nothing.
        const QList<QJsonValue> garbage{
            QJsonValue(u"not base64 at all!"_s), QJsonValue(Lotse::Crypto::toBase64Url(QByteArray(200, 'x'))),
            QJsonValue(sealNote(id, text, Lotse::Crypto::SealPurpose::RoomKey)), QJsonValue(u""_s), QJsonValue(42)};
        for (const QJsonValue &bad : garbage) {
            const auto refused = putNote(id, bad);
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.errorCode(), u"validation_failed"_s);
        }
        QCOMPARE(
            http()
                .send("PUT", u"/api/v1/bookings/%1/note"_s.arg(id), "{\"text\":\"plain\"}",
                      {{"Authorization", "Bearer " + m_world.anna.toLatin1()}, {"Content-Type", "application/json"}})
                .status,
            400);
        QCOMPARE(current(id), item);

        // null removes the note.
        const auto cleared = putNote(id, QJsonValue::Null);
        QCOMPARE(cleared.status, 200);
        QVERIFY(cleared.json().value("note"_L1).isNull());
        QVERIFY(current(id).value("note"_L1).isNull());
        QVERIFY(noMailFor(200)); // notes never go into a mail
    }

    void anotherOrganisationGets404()
    {
        QDateTime start;
        const QString id = bookConfirmed(&start);
        const auto moved = post(id, u"reschedule"_s, {{u"start"_s, isoUtc(farSlot())}});
        QCOMPARE(moved.status, 200);
        const QJsonObject before = current(id);
        const QString changeId = moved.json().value("undo"_L1).toObject().value("changeId"_L1).toString();
        QCOMPARE(post(id, u"reschedule"_s, {{u"start"_s, isoUtc(farSlot())}}, {}, m_world.olga).status, 404);
        QCOMPARE(post(id, u"cancel"_s, {}, {}, m_world.olga).status, 404);
        QCOMPARE(post(id, u"undo"_s, {{u"changeId"_s, changeId}}, {}, m_world.olga).status, 404);
        QCOMPARE(putNote(id, sealNote(id, u"x"_s), {}, m_world.olga).status, 404);
        QVERIFY(!idsOf(sync(u"0"_s, m_world.olga)).contains(id));
        QCOMPARE(current(id), before);
        m_world.server->advanceClock(31);
        QVERIFY(!nextMail().headers.isEmpty()); // Anna's move
        QVERIFY(noMailFor());
    }

    void idempotentRetryMakesOneChangeAndOneMail()
    {
        AdvisorSocket anna(wsUrl(), m_world.anna);
        QCOMPARE(anna.next().value("type"_L1).toString(), u"ready"_s);
        QDateTime start;
        const QString id = bookConfirmed(&start);
        QVERIFY(!anna.drain().isEmpty()); // booking and confirmation
        const QJsonObject seen = current(id);
        const TestHttpClient::Headers headers{{"Idempotency-Key", newId().toLatin1()}, {"If-Match", ifMatch(seen)}};
        const QJsonObject body{{u"start"_s, isoUtc(farSlot())}};
        const auto first = post(id, u"reschedule"_s, body, headers);
        QCOMPARE(first.status, 200);
        const auto retry = post(id, u"reschedule"_s, body, headers);
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(retry.body, first.body);
        QCOMPARE(current(id).value("version"_L1).toInteger(), seen.value("version"_L1).toInteger() + 1);
        QCOMPARE(current(id).value("sequence"_L1).toInt(), 1);
        const QList<QJsonObject> pushes = anna.drain();
        QCOMPARE(pushes.size(), 1);
        QCOMPARE(pushes.constFirst().value("cursor"_L1).toString(),
                 QString::number(current(id).value("version"_L1).toInteger()));
        m_world.server->advanceClock(31);
        QVERIFY(!nextMail().headers.isEmpty());
        QVERIFY(noMailFor());

        // The same for a note: one version, one push.
        const TestHttpClient::Headers noteKey{{"Idempotency-Key", newId().toLatin1()}};
        const QString sealed = sealNote(id, u"once"_s);
        QCOMPARE(putNote(id, sealed, noteKey).status, 200);
        QCOMPARE(putNote(id, sealed, noteKey).header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(anna.drain().size(), 1);
    }

    // Last: moves the clock by a month. A retention job removes a row (through the server's own
    // BookingStore, on the same database), the cursor reports it, and once its tombstone is gone an
    // older cursor is 410.
    void removedRowsAndExpiredCursor()
    {
        const QString id = book();
        const QString cursor = sync(u"0"_s).json().value("cursor"_L1).toString();
        const QString organisationId = http()
                                           .get(u"/api/v1/me"_s, m_world.anna)
                                           .json()
                                           .value("organisation"_L1)
                                           .toObject()
                                           .value("id"_L1)
                                           .toString();
        QVERIFY(!organisationId.isEmpty());
        {
            Lotse::Server::Store store;
            QVERIFY(store.open(m_world.server->databaseFile()));
            Lotse::Server::BookingStore bookings(store);
            QVERIFY(bookings.begin());
            QVERIFY(bookings.removeRequest(organisationId, u"booking"_s, id,
                                           m_world.server->now().toSecsSinceEpoch()) == Lotse::Server::StoreResult::Ok);
            QVERIFY(bookings.commit());
        }
        const auto delta = sync(cursor);
        QCOMPARE(delta.status, 200);
        QCOMPARE(delta.json().value("removed"_L1).toArray(), QJsonArray{id});
        QVERIFY(idsOf(delta).isEmpty());
        QVERIFY(delta.json().value("cursor"_L1).toString().toLongLong() > cursor.toLongLong());
        QVERIFY(!idsOf(sync(u"0"_s)).contains(id));

        // 31 days later the tombstone is forgotten: the old cursor cannot be answered.
        m_world.server->advanceClock(31 * 24 * 3600);
        const QString token = http().login(u"anna@demo.example"_s, u"anna password"_s);
        QVERIFY(!token.isEmpty());
        const auto expired = sync(cursor, token);
        QCOMPARE(expired.status, 410);
        QCOMPARE(expired.errorCode(), u"cursor_expired"_s);
        // A full sync gives a cursor that works again.
        const auto full = sync(u"0"_s, token);
        QCOMPARE(full.status, 200);
        QCOMPARE(sync(full.json().value("cursor"_L1).toString(), token).status, 200);
    }

    void cleanupTestCase()
    {
        if (m_world.server)
            QVERIFY(m_world.server->stop());
    }
};

QTEST_GUILESS_MAIN(TestServerCalendar)
#include "TestServerCalendar.moc"
