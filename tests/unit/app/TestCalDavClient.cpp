// CalDavClient against a real Radicale on loopback (tests/support/TestRadicale): discovery from
// the server's root, initial and incremental sync (sync-collection and the ctag/ETag fallback)
// after a recurring event is changed on the server, publish/update/delete with ETag
// preconditions and conflicts, a wrong password, a stopped server and malformed XML. A failed
// sync always hands back the previous local copy. One test runs the whole chain: Radicale event,
// sync, busy times, upload, fewer slots on a real lotse-server's booking page.
#include "app/BusyTimes.h"
#include "app/CalDavClient.h"
#include "app/CalDavXml.h"
#include "app/ServerClient.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestRadicale.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Lotse::Client;
using namespace Lotse::Tests;

namespace {

const QByteArray Auth = "Basic " + QByteArray("anna:radicale secret").toBase64();

QByteArray recurringIcs(const QByteArray &extra)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:standup@caldav.test\r\n"
           "DTSTAMP:20261101T000000Z\r\nSUMMARY:Standup\r\nDTSTART:20261130T090000Z\r\nDTEND:20261130T093000Z\r\n"
           "RRULE:FREQ=DAILY;COUNT=5\r\n" +
           extra + "END:VEVENT\r\n" + "END:VCALENDAR\r\n";
}

} // namespace

class TestCalDavClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestRadicale> m_radicale;
    std::unique_ptr<TestHttpClient> m_http;
    QUrl m_work;

    TestHttpClient::Reply direct(const QByteArray &method, const QString &path, const QByteArray &body,
                                 const QByteArray &contentType = "text/calendar")
    {
        return m_http->send(method, path, body, {{"Authorization", Auth}, {"Content-Type", contentType}});
    }

    static QList<CalDavCalendar> discover(CalDavClient &client, CalDavError &error)
    {
        std::optional<QList<CalDavCalendar>> result;
        client.discover([&](const QList<CalDavCalendar> &calendars, const CalDavError &e) {
            error = e;
            result = calendars;
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
            error = {CalDavError::Kind::Other, 0, u"no answer"_s};
            return {};
        }
        return *result;
    }

    static CalDavSyncState sync(CalDavClient &client, const CalDavSyncState &state, CalDavError &error)
    {
        std::optional<CalDavSyncState> result;
        client.sync(state, [&](const CalDavSyncState &s, const CalDavError &e) {
            error = e;
            result = s;
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
            error = {CalDavError::Kind::Other, 0, u"no answer"_s};
            return state;
        }
        return *result;
    }

    static QByteArray put(CalDavClient &client, const QUrl &calendar, const QString &name, const QByteArray &ics,
                          const QByteArray &etag, CalDavError &error)
    {
        std::optional<QByteArray> result;
        client.put(calendar, name, ics, etag, [&](const QByteArray &newEtag, const CalDavError &e) {
            error = e;
            result = newEtag;
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
            error = {CalDavError::Kind::Other, 0, u"no answer"_s};
        }
        return result.value_or(QByteArray());
    }

    static CalDavError remove(CalDavClient &client, const QUrl &url, const QByteArray &etag)
    {
        std::optional<CalDavError> result;
        client.remove(url, etag, [&](const CalDavError &e) { result = e; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
            return {CalDavError::Kind::Other, 0, u"no answer"_s};
        }
        return *result;
    }

    CalDavClient *newClient(const QString &password = u"radicale secret"_s)
    {
        auto *client = new CalDavClient(this);
        client->setAccount(m_radicale->baseUrl(), u"anna"_s, password);
        return client;
    }

private slots:
    void initTestCase()
    {
        m_radicale = std::make_unique<TestRadicale>();
        m_radicale->addUser(u"anna"_s, u"radicale secret"_s);
        QVERIFY2(m_radicale->start(), qPrintable(m_radicale->lastError()));
        m_http = std::make_unique<TestHttpClient>(m_radicale->baseUrl());
        // Radicale creates the principal collection on the first authenticated request.
        QCOMPARE(direct("PROPFIND", u"/anna/"_s, {}, "application/xml").status, 207);
        const QByteArray mkcalendar = R"(<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>
<d:displayname>%1</d:displayname>
<c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>
</d:prop></d:set></c:mkcalendar>)";
        QCOMPARE(
            direct("MKCALENDAR", u"/anna/work/"_s, QByteArray(mkcalendar).replace("%1", "Arbeit"), "application/xml")
                .status,
            201);
        QCOMPARE(
            direct("MKCALENDAR", u"/anna/lotse/"_s, QByteArray(mkcalendar).replace("%1", "Lotse"), "application/xml")
                .status,
            201);
        m_work = m_radicale->baseUrl().resolved(QUrl(u"/anna/work/"_s));
    }

    void discovery()
    {
        CalDavError error;
        const auto calendars = discover(*newClient(), error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QStringList names;
        for (const CalDavCalendar &c : calendars) {
            names.append(c.displayName + u' ' + c.url.path());
            QCOMPARE(c.components, QStringList{u"VEVENT"_s});
            QVERIFY(!c.syncToken.isEmpty());
            QVERIFY(!c.ctag.isEmpty());
        }
        names.sort();
        QCOMPARE(names, (QStringList{u"Arbeit /anna/work/"_s, u"Lotse /anna/lotse/"_s}));
    }

    void initialAndIncrementalSyncOfRecurringEvent()
    {
        QCOMPARE(direct("PUT", u"/anna/work/standup.ics"_s, recurringIcs({})).status, 201);
        CalDavClient *client = newClient();
        CalDavError error;
        CalDavSyncState state;
        state.calendarUrl = m_work;
        state = sync(*client, state, error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QCOMPARE(state.resources.keys(), QStringList{u"/anna/work/standup.ics"_s});
        const CalDavResource first = state.resources.first();
        QVERIFY(!first.etag.isEmpty());
        QVERIFY(!state.syncToken.isEmpty());
        const QDateTime from(QDate(2026, 11, 30), QTime(0, 0), QTimeZone::utc());
        const QDateTime to = from.addDays(7);
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        QCOMPARE(BusyTimes::expand({first.ics}, from, to, berlin).size(), 5);

        // Changed on the server: one day excluded, another moved to the afternoon.
        const QByteArray changed =
            recurringIcs("EXDATE:20261201T090000Z\r\n")
                .replace("END:VCALENDAR",
                         "BEGIN:VEVENT\r\nUID:standup@caldav.test\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Standup\r\n"
                         "RECURRENCE-ID:20261202T090000Z\r\nDTSTART:20261202T150000Z\r\nDTEND:20261202T153000Z\r\n"
                         "X-UNKNOWN-PROPERTY:kept\r\nEND:VEVENT\r\nEND:VCALENDAR");
        QCOMPARE(direct("PUT", u"/anna/work/standup.ics"_s, changed).status, 201);
        const CalDavSyncState incremental = sync(*client, state, error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QVERIFY(incremental.syncToken != state.syncToken);
        const CalDavResource second = incremental.resources.value(u"/anna/work/standup.ics"_s);
        QVERIFY(second.etag != first.etag);
        QVERIFY(second.ics.contains("X-UNKNOWN-PROPERTY:kept"));
        const auto busy = BusyTimes::expand({second.ics}, from, to, berlin);
        QCOMPARE(busy.size(), 4);
        QCOMPARE(busy.at(1).start, QDateTime(QDate(2026, 12, 2), QTime(15, 0), QTimeZone::utc()));

        // The ctag/ETag fallback reaches the same state from the old one.
        CalDavClient *fallback = newClient();
        fallback->setSyncCollectionEnabled(false);
        const CalDavSyncState viaEtags = sync(*fallback, state, error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QCOMPARE(viaEtags.resources.keys(), incremental.resources.keys());
        QCOMPARE(viaEtags.resources.first().etag, second.etag);
        QCOMPARE(viaEtags.resources.first().ics, second.ics);
        QVERIFY(!viaEtags.ctag.isEmpty());

        // Removed on the server: the next sync drops it.
        QCOMPARE(direct("DELETE", u"/anna/work/standup.ics"_s, {}).status, 200);
        QVERIFY(sync(*client, incremental, error).resources.isEmpty());
        QVERIFY(!error.isError());
        QVERIFY(sync(*fallback, incremental, error).resources.isEmpty());
        QVERIFY(!error.isError());
    }

    void publishUpdateDeleteWithEtags()
    {
        CalDavClient *client = newClient();
        const QUrl lotse = m_radicale->baseUrl().resolved(QUrl(u"/anna/lotse/"_s));
        const QDateTime start(QDate(2026, 12, 3), QTime(9, 0), QTimeZone::utc());
        const QByteArray ics =
            CalDavClient::appointmentIcs(u"appt-1@lotse"_s, start, start.addSecs(2700), u"Beratung (Video)"_s);
        CalDavError error;
        const QByteArray etag = put(*client, lotse, u"appt-1.ics"_s, ics, {}, error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QVERIFY(!etag.isEmpty());
        const auto stored = m_http->send("GET", u"/anna/lotse/appt-1.ics"_s, {}, {{"Authorization", Auth}});
        QCOMPARE(stored.status, 200);
        QVERIFY(stored.body.contains("SUMMARY:Beratung (Video)"));
        QVERIFY(!stored.body.contains("ATTENDEE"));
        QVERIFY(!stored.body.contains("DESCRIPTION"));

        // Creating it again must not overwrite it.
        put(*client, lotse, u"appt-1.ics"_s, ics, {}, error);
        QCOMPARE(error.kind, CalDavError::Kind::Conflict);

        const QByteArray moved = CalDavClient::appointmentIcs(u"appt-1@lotse"_s, start.addDays(1),
                                                              start.addDays(1).addSecs(2700), u"Beratung (Video)"_s);
        const QByteArray newEtag = put(*client, lotse, u"appt-1.ics"_s, moved, etag, error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QVERIFY(!newEtag.isEmpty() && newEtag != etag);

        put(*client, lotse, u"appt-1.ics"_s, ics, etag, error);
        QCOMPARE(error.kind, CalDavError::Kind::Conflict);
        QCOMPARE(error.httpStatus, 412);
        const QUrl resource = lotse.resolved(QUrl(u"appt-1.ics"_s));
        QCOMPARE(remove(*client, resource, etag).kind, CalDavError::Kind::Conflict);
        QCOMPARE(m_http->send("GET", u"/anna/lotse/appt-1.ics"_s, {}, {{"Authorization", Auth}}).status, 200);
        QVERIFY(!remove(*client, resource, newEtag).isError());
        QCOMPARE(m_http->send("GET", u"/anna/lotse/appt-1.ics"_s, {}, {{"Authorization", Auth}}).status, 404);
    }

    void wrongPasswordIsReportedAndKeepsTheLocalCopy()
    {
        CalDavError error;
        QVERIFY(discover(*newClient(u"wrong"_s), error).isEmpty());
        QCOMPARE(error.kind, CalDavError::Kind::Unauthorized);

        CalDavSyncState local;
        local.calendarUrl = m_work;
        local.syncToken = u"http://radicale.org/ns/sync/old"_s;
        local.resources.insert(u"/anna/work/kept.ics"_s, CalDavResource{u"/anna/work/kept.ics"_s, "\"1\"", "ICS"});
        const CalDavSyncState after = sync(*newClient(u"wrong"_s), local, error);
        QCOMPARE(error.kind, CalDavError::Kind::Unauthorized);
        QCOMPARE(after.resources.value(u"/anna/work/kept.ics"_s).ics, QByteArray("ICS"));
        QCOMPARE(after.syncToken, local.syncToken);
    }

    void expiredSyncTokenFallsBackToEtags()
    {
        QCOMPARE(
            direct("PUT", u"/anna/work/team%20meeting.ics"_s, recurringIcs({}).replace("standup@", "team@")).status,
            201);
        CalDavSyncState state;
        state.calendarUrl = m_work;
        state.syncToken = u"http://radicale.org/ns/sync/unknown-token"_s; // Radicale answers 403
        CalDavError error;
        const CalDavSyncState after = sync(*newClient(), state, error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QCOMPARE(after.resources.keys(), QStringList{u"/anna/work/team%20meeting.ics"_s});
        QVERIFY(after.resources.first().ics.contains("UID:team@caldav.test"));
        QVERIFY(!after.ctag.isEmpty());
        QCOMPARE(direct("DELETE", u"/anna/work/team%20meeting.ics"_s, {}).status, 200);
    }

    void badXmlFromServerKeepsTheLocalCopy()
    {
        // A server that answers every request with a broken multistatus.
        QTcpServer fake;
        QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
        connect(&fake, &QTcpServer::newConnection, this, [&fake] {
            QTcpSocket *socket = fake.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                const QByteArray body = "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/x</d:multistatus>";
                socket->write("HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nConnection: close\r\n"
                              "Content-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
        CalDavClient client;
        client.setAccount(QUrl(u"http://127.0.0.1:%1/"_s.arg(fake.serverPort())), u"anna"_s, u"pw"_s);
        CalDavSyncState local;
        local.calendarUrl = QUrl(u"http://127.0.0.1:%1/anna/work/"_s.arg(fake.serverPort()));
        local.resources.insert(u"/anna/work/kept.ics"_s, CalDavResource{u"/anna/work/kept.ics"_s, "\"1\"", "ICS"});
        CalDavError error;
        const CalDavSyncState after = sync(client, local, error);
        QCOMPARE(error.kind, CalDavError::Kind::InvalidResponse);
        QCOMPARE(after.resources.value(u"/anna/work/kept.ics"_s).ics, QByteArray("ICS"));
        QVERIFY(discover(client, error).isEmpty());
        QCOMPARE(error.kind, CalDavError::Kind::InvalidResponse);
    }

    void syncedBusyTimesRemoveBookingSlots()
    {
        // The whole chain: an event in Radicale, synced, expanded and uploaded, takes a slot off
        // the booking page of a real lotse-server.
        QCOMPARE(direct("PUT", u"/anna/work/supervision.ics"_s,
                        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
                        "UID:supervision@caldav.test\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Supervision\r\n"
                        "DTSTART;TZID=Europe/Berlin:20261123T100000\r\nDTEND;TZID=Europe/Berlin:20261123T104500\r\n"
                        "END:VEVENT\r\nEND:VCALENDAR\r\n")
                     .status,
                 201);
        CalDavError error;
        CalDavSyncState state;
        state.calendarUrl = m_work;
        state = sync(*newClient(), state, error);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QList<QByteArray> documents;
        for (const CalDavResource &resource : std::as_const(state.resources)) {
            documents.append(resource.ics);
        }
        const QDateTime from(QDate(2026, 11, 23), QTime(0, 0), QTimeZone::utc());
        const QDateTime to = from.addDays(7);
        const auto busy = BusyTimes::expand(documents, from, to, QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        QCOMPARE(busy.size(), 1);

        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        server.setNow(QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(server.createOrg(u"demo"_s, u"Demo"_s));
        QVERIFY(server.createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        TestHttpClient http(server.baseUrl());
        const QString token = http.login(u"anna@demo.example"_s, u"anna password"_s);
        QVERIFY(!token.isEmpty());
        QCOMPARE(http.send("PUT", u"/api/v1/me/availability"_s,
                           R"({"timeZone": "Europe/Berlin", "weekly": {"mon": [{"start": "09:00", "end": "12:00"}]},
                               "types": [{"type": "video", "durationMinutes": 60}], "slotStepMinutes": 60})",
                           {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}})
                     .status,
                 200);
        ServerClient lotse;
        lotse.setBaseUrl(server.baseUrl());
        lotse.setToken(token);
        std::optional<ApiError> uploaded;
        BusyTimes::upload(lotse, busy, from, to, [&](const ApiError &e) { uploaded = e; });
        QTRY_VERIFY_WITH_TIMEOUT(uploaded.has_value(), 10000);
        QCOMPARE(uploaded->kind, ApiError::Kind::None);
        QStringList starts;
        const auto offered =
            http.get(u"/api/v1/public/orgs/demo/slots?type=video&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z"_s);
        for (const QJsonValue &slot : offered.json().value("slots"_L1).toArray()) {
            starts.append(slot.toObject().value("start"_L1).toString());
        }
        // 09:00-12:00 Berlin offers 08:00, 09:00 and 10:00Z; supervision (09:00-09:45Z) takes one.
        QCOMPARE(starts, (QStringList{u"2026-11-23T08:00:00Z"_s, u"2026-11-23T10:00:00Z"_s}));
        QCOMPARE(direct("DELETE", u"/anna/work/supervision.ics"_s, {}).status, 200);
    }

    void plainHttpToAnotherHostIsRefused()
    {
        CalDavClient client;
        client.setAccount(QUrl(u"http://calendar.example.invalid/"_s), u"anna"_s, u"radicale secret"_s);
        CalDavError error;
        QVERIFY(discover(client, error).isEmpty());
        QCOMPARE(error.kind, CalDavError::Kind::InsecureAddress);
        CalDavSyncState local;
        local.calendarUrl = QUrl(u"http://calendar.example.invalid/anna/work/"_s);
        local.resources.insert(u"/anna/work/kept.ics"_s, CalDavResource{u"/anna/work/kept.ics"_s, "\"1\"", "ICS"});
        QCOMPARE(sync(client, local, error).resources.value(u"/anna/work/kept.ics"_s).ics, QByteArray("ICS"));
        QCOMPARE(error.kind, CalDavError::Kind::InsecureAddress);
    }

    void malformedXmlIsRejected()
    {
        QVERIFY(!CalDavXml::parse("<d:multistatus xmlns:d=\"DAV:\"><d:response>").has_value());
        QVERIFY(!CalDavXml::parse("not xml at all").has_value());
        QVERIFY(!CalDavXml::parse("<html><body>proxy error</body></html>").has_value());
        const auto empty = CalDavXml::parse("<d:multistatus xmlns:d=\"DAV:\"/>");
        QVERIFY(empty.has_value() && empty->responses.isEmpty());
    }

    // Last: stops the server.
    void serverDownIsReportedAndKeepsTheLocalCopy()
    {
        CalDavClient *client = newClient();
        CalDavError error;
        QCOMPARE(direct("PUT", u"/anna/work/standup.ics"_s, recurringIcs({})).status, 201);
        CalDavSyncState state;
        state.calendarUrl = m_work;
        state = sync(*client, state, error);
        QVERIFY(!error.isError());
        QCOMPARE(state.resources.size(), 1);

        m_radicale->stop();
        const CalDavSyncState after = sync(*client, state, error);
        QCOMPARE(error.kind, CalDavError::Kind::Unreachable);
        QCOMPARE(after.resources.keys(), state.resources.keys());
        QCOMPARE(after.resources.first().ics, state.resources.first().ics);
        QCOMPARE(after.syncToken, state.syncToken);
        QVERIFY(discover(*client, error).isEmpty());
        QCOMPARE(error.kind, CalDavError::Kind::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TestCalDavClient)
#include "TestCalDavClient.moc"
