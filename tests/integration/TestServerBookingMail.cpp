// Mail after booking, through a real SMTP sink (python3-aiosmtpd): the mail in the visitor's
// language with the manage link, invitations whose ICS parses with KCalendarCore (METHOD, UID,
// SEQUENCE), the manage link (view, ICS download, reschedule, cancel, accept a proposal), the
// advisor's confirm/decline/propose, and a mail that waits in the outbox while SMTP is down.
#include "BookingFixture.h"
#include "MailFixture.h"

#include "tests/support/TestSmtpSink.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace MailFixture;
using namespace Lotse::Tests;

class TestServerBookingMail : public QObject
{
    Q_OBJECT

private:
    TestSmtpSink m_sink;
    World m_world;
    int m_seen = 0;
    int m_hour = 0;

    QByteArray config(const QString &smtpUrl) const
    {
        return "[smtp]\nurl = " + smtpUrl.toLatin1() +
               "\nfrom = noreply@lotse.example\npoll_ms = 50\n"
               "[http]\npublic_url = https://termine.example\n"
               "[limits]\nbooking_posts_per_ip_per_hour = 1000\npublic_requests_per_minute = 1000\n"
               "[altcha]\nmax_number = 2000\n";
    }

    // The next mail the sink receives.
    Mail nextMail()
    {
        if (!m_sink.waitForMessages(m_seen + 1))
            return {};
        return parseMail(m_sink.messages().at(m_seen++));
    }

    QString book(const QString &language, QString *token = nullptr, QDateTime *start = nullptr)
    {
        const QString id = newId();
        const QDateTime at = m_world.slot(++m_hour);
        const auto reply =
            m_world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, m_world.booking(id, at, language));
        if (reply.status != 201)
            return {};
        if (token)
            *token = reply.json().value("booking"_L1).toObject().value("manageUrl"_L1).toString().mid(8);
        if (start)
            *start = at;
        return id;
    }

    TestHttpClient::Reply manage(const QString &token, const QString &path, const QJsonObject &body = {},
                                 bool postIt = false)
    {
        const TestHttpClient::Headers auth{{"Authorization", "Bearer " + token.toLatin1()}};
        if (postIt)
            return m_world.client->postJson(u"/api/v1/manage/"_s + path, body, {}, auth);
        return m_world.client->send("GET", u"/api/v1/manage/"_s + path, {}, auth);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Lotse::Crypto::init());
        QVERIFY2(m_sink.start(), qPrintable(m_sink.lastError()));
        const QString error = m_world.setUp(config(m_sink.url()));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void receivedMailInTheVisitorsLanguage_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : {u"de"_s, u"en"_s, u"uk"_s, u"ru"_s, u"tr"_s, u"ar"_s, u"fa"_s})
            QTest::newRow(qPrintable(language)) << language;
    }

    void receivedMailInTheVisitorsLanguage()
    {
        QFETCH(QString, language);
        QString token;
        const QString id = book(language, &token);
        QVERIFY(!id.isEmpty());
        const Mail mail = nextMail();
        QVERIFY(!mail.headers.isEmpty());
        QCOMPARE(decodeHeader(mail.headers.value("subject")), catalogText(language, u"received.subject"_s));
        QCOMPARE(mail.headers.value("to"), QByteArray("<visitor@example.org>"));
        QCOMPARE(mail.headers.value("x-sink-rcpt"), QByteArray("visitor@example.org"));
        QVERIFY(mail.headers.value("from").endsWith(" <noreply@lotse.example>"));
        QCOMPARE(decodeHeader(mail.headers.value("from")), u"Beratung Süd"_s);
        QVERIFY(mail.headers.value("message-id").endsWith("@lotse.example>"));
        QVERIFY(QDateTime::fromString(QString::fromLatin1(mail.headers.value("date")), Qt::RFC2822Date).isValid());
        QVERIFY(mail.text.contains(catalogText(language, u"greeting"_s)));
        QVERIFY2(mail.text.contains(u"https://termine.example/manage#"_s + token), qPrintable(mail.text));
        QVERIFY(mail.calendar.isEmpty()); // pending: no invitation yet
        for (const QString &canary : Canaries().all())
            QVERIFY(!mail.text.contains(canary));
    }

    void confirmRescheduleCancel()
    {
        QString token;
        QDateTime start;
        const QString id = book(u"de"_s, &token, &start);
        QVERIFY(!id.isEmpty());
        QVERIFY(!nextMail().headers.isEmpty());

        // The advisor confirms: invitation with METHOD:REQUEST, SEQUENCE 0.
        QCOMPARE(m_world.client->postJson(u"/api/v1/bookings/"_s + id + u"/confirm"_s, {}, m_world.anna).status, 200);
        Mail mail = nextMail();
        QCOMPARE(decodeHeader(mail.headers.value("subject")).left(10),
                 catalogText(u"de"_s, u"confirmed.subject"_s).left(10));
        QVERIFY(mail.calendarContentType.contains("method=REQUEST"));
        auto invitation = parseInvitation(mail.calendar);
        QVERIFY2(invitation, mail.calendar.constData());
        QCOMPARE(invitation->method, KCalendarCore::iTIPRequest);
        QCOMPARE(invitation->uid, id + u"@lotse"_s);
        QCOMPARE(invitation->sequence, 0);
        QCOMPARE(invitation->start, start);
        QCOMPARE(invitation->end, start.addSecs(45 * 60));
        QCOMPARE(tokenFrom(mail.text), token);

        // The manage link: view and calendar download.
        auto view = manage(token, u"booking"_s);
        QCOMPARE(view.status, 200);
        QJsonObject booking = view.json().value("booking"_L1).toObject();
        QCOMPARE(booking.value("status"_L1).toString(), u"confirmed"_s);
        QCOMPARE(booking.value("organisation"_L1).toObject().value("slug"_L1).toString(), u"demo"_s);
        QCOMPARE(booking.value("timeZone"_L1).toString(), u"Europe/Kyiv"_s);
        const auto ics = manage(token, u"booking.ics"_s);
        QCOMPARE(ics.status, 200);
        QVERIFY(ics.header("Content-Type").startsWith("text/calendar"));
        invitation = parseInvitation(ics.body);
        QVERIFY(invitation);
        QCOMPARE(invitation->method, KCalendarCore::iTIPPublish);
        QCOMPARE(invitation->uid, id + u"@lotse"_s);

        // Free slots of the same advisor, then reschedule: SEQUENCE 1, still REQUEST.
        const auto offered = manage(token, u"slots?from=%1&to=%2"_s.arg(isoUtc(start), isoUtc(start.addDays(1))));
        QCOMPARE(offered.status, 200);
        QVERIFY(!offered.json().value("slots"_L1).toArray().isEmpty());
        const QDateTime later = start.addDays(1).addSecs(30 * 60);
        auto moved = manage(token, u"booking/reschedule"_s, {{u"start"_s, isoUtc(later)}}, true);
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.json().value("booking"_L1).toObject().value("sequence"_L1).toInt(), 1);
        mail = nextMail();
        invitation = parseInvitation(mail.calendar);
        QVERIFY(invitation);
        QCOMPARE(invitation->method, KCalendarCore::iTIPRequest);
        QCOMPARE(invitation->sequence, 1);
        QCOMPARE(invitation->start, later);
        QCOMPARE(invitation->uid, id + u"@lotse"_s);

        // Cancel: METHOD:CANCEL with a higher SEQUENCE; the time is free again.
        const auto cancelled = manage(token, u"booking/cancel"_s, {}, true);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value("booking"_L1).toObject().value("status"_L1).toString(), u"cancelled"_s);
        mail = nextMail();
        QVERIFY(mail.calendarContentType.contains("method=CANCEL"));
        invitation = parseInvitation(mail.calendar);
        QVERIFY(invitation);
        QCOMPARE(invitation->method, KCalendarCore::iTIPCancel);
        QCOMPARE(invitation->sequence, 2);
        QCOMPARE(invitation->uid, id + u"@lotse"_s);
        QCOMPARE(
            m_world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, m_world.booking(newId(), later)).status,
            201);
        QVERIFY(!nextMail().headers.isEmpty());
        // A cancelled booking cannot be moved back.
        QCOMPARE(manage(token, u"booking/reschedule"_s, {{u"start"_s, isoUtc(later.addDays(1))}}, true).status, 409);
    }

    void rescheduleToATakenOrBadTime()
    {
        QString first;
        QString second;
        QDateTime firstStart;
        QDateTime secondStart;
        QVERIFY(!book(u"en"_s, &first, &firstStart).isEmpty());
        const QString secondId = book(u"en"_s, &second, &secondStart);
        QVERIFY(!secondId.isEmpty());
        QVERIFY(!nextMail().headers.isEmpty());
        QVERIFY(!nextMail().headers.isEmpty());
        const auto taken = manage(second, u"booking/reschedule"_s, {{u"start"_s, isoUtc(firstStart)}}, true);
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), u"slot_taken"_s);
        QVERIFY(!taken.json().value("error"_L1).toObject().value("nearestSlots"_L1).toArray().isEmpty());
        for (const QJsonValue &bad : {QJsonValue(u"tomorrow"_s), QJsonValue(u"2001-01-01T00:00:00Z"_s), QJsonValue(3)})
            QCOMPARE(manage(second, u"booking/reschedule"_s, {{u"start"_s, bad}}, true).status, 400);
        QCOMPARE(manage(second, u"booking/cancel"_s, {{u"why"_s, u"no"_s}}, true).status, 400);
        const auto view = manage(second, u"booking"_s).json().value("booking"_L1).toObject();
        QCOMPARE(view.value("start"_L1).toString(), isoUtc(secondStart));
        QCOMPARE(view.value("sequence"_L1).toInt(), 0);
        QCOMPARE(view.value("status"_L1).toString(), u"pending"_s);
        // Nothing was queued for the refused changes: the next mail is the one for the next real change.
        QCOMPARE(
            m_world.client
                ->postJson(u"/api/v1/bookings/"_s + secondId + u"/decline"_s, {{u"reason"_s, u"Full."_s}}, m_world.anna)
                .status,
            200);
        QCOMPARE(decodeHeader(nextMail().headers.value("subject")), catalogText(u"en"_s, u"declined.subject"_s));
    }

    void declineWithReason()
    {
        const QString id = book(u"en"_s);
        QVERIFY(!nextMail().headers.isEmpty());
        QCOMPARE(m_world.client->postJson(u"/api/v1/bookings/"_s + id + u"/decline"_s, {}, m_world.anna).status, 400);
        const auto declined = m_world.client->postJson(u"/api/v1/bookings/"_s + id + u"/decline"_s,
                                                       {{u"reason"_s, u"We are closed that day."_s}}, m_world.anna);
        QCOMPARE(declined.status, 200);
        const Mail mail = nextMail();
        QCOMPARE(decodeHeader(mail.headers.value("subject")), catalogText(u"en"_s, u"declined.subject"_s));
        QVERIFY(mail.text.contains(u"We are closed that day."_s));
        QVERIFY(mail.calendar.isEmpty()); // no invitation went out, so nothing to cancel
    }

    void proposeAndAccept()
    {
        QString token;
        QDateTime start;
        const QString id = book(u"tr"_s, &token, &start);
        QVERIFY(!nextMail().headers.isEmpty());
        const QDateTime other = start.addDays(2);
        const auto proposed = m_world.client->postJson(u"/api/v1/bookings/"_s + id + u"/propose"_s,
                                                       {{u"start"_s, isoUtc(other)}}, m_world.anna);
        QCOMPARE(proposed.status, 200);
        Mail mail = nextMail();
        QCOMPARE(decodeHeader(mail.headers.value("subject")), catalogText(u"tr"_s, u"proposed.subject"_s));
        QCOMPARE(tokenFrom(mail.text), token);
        auto view = manage(token, u"booking"_s).json().value("booking"_L1).toObject();
        QCOMPARE(view.value("status"_L1).toString(), u"proposed"_s);
        QCOMPARE(view.value("proposal"_L1).toObject().value("start"_L1).toString(), isoUtc(other));

        QCOMPARE(manage(token, u"booking/accept-proposal"_s, {}, true).status, 200);
        mail = nextMail();
        const auto invitation = parseInvitation(mail.calendar);
        QVERIFY(invitation);
        QCOMPARE(invitation->method, KCalendarCore::iTIPRequest);
        QCOMPARE(invitation->start, other);
        QCOMPARE(invitation->sequence, 1);
        view = manage(token, u"booking"_s).json().value("booking"_L1).toObject();
        QCOMPARE(view.value("status"_L1).toString(), u"confirmed"_s);
        QVERIFY(view.value("proposal"_L1).isNull());
        // Accepting twice: nothing left to accept.
        QCOMPARE(manage(token, u"booking/accept-proposal"_s, {}, true).status, 409);
    }

    void autoConfirmSendsTheInvitationAtOnce()
    {
        QJsonObject settings = m_world.client->get(u"/api/v1/org/settings"_s, m_world.anna).json();
        settings.insert(u"autoConfirm"_s, true);
        const TestHttpClient::Headers headers{{"Authorization", "Bearer " + m_world.anna.toLatin1()},
                                              {"Content-Type", "application/json"}};
        QCOMPARE(
            m_world.client->send("PUT", u"/api/v1/org/settings"_s, QJsonDocument(settings).toJson(), headers).status,
            200);
        QString token;
        QDateTime start;
        const QString id = book(u"fa"_s, &token, &start);
        QVERIFY(!id.isEmpty());
        QCOMPARE(manage(token, u"booking"_s).json().value("booking"_L1).toObject().value("status"_L1).toString(),
                 u"confirmed"_s);
        const Mail mail = nextMail();
        QCOMPARE(decodeHeader(mail.headers.value("subject")).section(u' ', 0, 1),
                 catalogText(u"fa"_s, u"confirmed.subject"_s).section(u' ', 0, 1));
        const auto invitation = parseInvitation(mail.calendar);
        QVERIFY(invitation);
        QCOMPARE(invitation->method, KCalendarCore::iTIPRequest);
        QCOMPARE(invitation->start, start);
        QCOMPARE(tokenFrom(mail.text), token);
        settings.insert(u"autoConfirm"_s, false);
        QCOMPARE(
            m_world.client->send("PUT", u"/api/v1/org/settings"_s, QJsonDocument(settings).toJson(), headers).status,
            200);
    }

    void starttlsRequiredRefusesAPlainServer()
    {
        TestSmtpSink plain;
        QVERIFY2(plain.start(), qPrintable(plain.lastError()));
        World world;
        QByteArray ini = config(plain.url());
        ini.replace("[smtp]\n", "[smtp]\nstarttls = true\n");
        const QString error = world.setUp(ini);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, world.booking(newId(), world.slot(2)))
                     .status,
                 201);
        const Database db(world.server->databaseFile());
        // The sink offers no STARTTLS: the worker refuses to send in clear and keeps the mail.
        QTRY_VERIFY_WITH_TIMEOUT(db.value(u"SELECT attempts FROM outbox"_s).toInt() >= 1, 20'000);
        QVERIFY(db.value(u"SELECT last_error FROM outbox"_s).toString().contains(u"SSL"_s, Qt::CaseInsensitive) ||
                db.value(u"SELECT last_error FROM outbox"_s).toString().contains(u"TLS"_s, Qt::CaseInsensitive));
        QCOMPARE(plain.messages().size(), 0);
    }

    void mailWaitsWhileSmtpIsDown()
    {
        TestSmtpSink later; // its port is known, nothing listens yet
        World world;
        const QString error = world.setUp(config(later.url()));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString id = newId();
        QCOMPARE(
            world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, world.booking(id, world.slot(3))).status,
            201);
        const Database db(world.server->databaseFile());
        // The worker tried, failed, and kept the mail with a later attempt.
        QTRY_VERIFY_WITH_TIMEOUT(db.value(u"SELECT attempts FROM outbox"_s).toInt() >= 1, 20'000);
        QCOMPARE(db.count(u"outbox"_s), 1);
        QVERIFY(db.value(u"SELECT next_attempt_at FROM outbox"_s).toLongLong() >
                world.server->now().toSecsSinceEpoch());
        // The mail is sealed at rest: the manage link is not readable in the outbox.
        QVERIFY(!db.value(u"SELECT mail_sealed FROM outbox"_s).toString().contains(u"manage"_s));
        // A restart does not lose it either.
        QVERIFY(world.server->restart());
        QCOMPARE(db.count(u"outbox"_s), 1);

        QVERIFY2(later.start(), qPrintable(later.lastError()));
        world.server->advanceClock(3600);
        QVERIFY(later.waitForMessages(1));
        QTRY_COMPARE_WITH_TIMEOUT(db.count(u"outbox"_s), qint64(0), 20'000);
        const Mail mail = parseMail(later.messages().constFirst());
        QCOMPARE(decodeHeader(mail.headers.value("subject")), catalogText(u"de"_s, u"received.subject"_s));
    }

    // Last: moves the clock far ahead.
    void manageLinkExpiresWithRetention()
    {
        QString token;
        const QString id = book(u"de"_s, &token);
        QVERIFY(!nextMail().headers.isEmpty());
        QCOMPARE(manage(token, u"booking"_s).status, 200);
        QCOMPARE(manage(QString(43, u'A'), u"booking"_s).status, 401);
        QCOMPARE(manage(QString(43, u'A'), u"booking"_s).errorCode(), u"capability_invalid"_s);
        m_world.server->advanceClock(40 * 24 * 3600);
        const auto expired = manage(token, u"booking"_s);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), u"capability_invalid"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerBookingMail)
#include "TestServerBookingMail.moc"
