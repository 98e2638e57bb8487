// The CalDAV services against a real Radicale and a real lotse-server on loopback: adding an
// account (discovery; the password only in the secret store, here a key file), a wrong password,
// an address that is no CalDAV server, the busy sync (initial, unchanged, a recurring event with
// EXDATE and a RECURRENCE-ID exception changed on the Radicale side) checked through the booking
// page's slots, Radicale and lotse-server down (last good data kept, the next round after they are
// back works), and publishing (create, update with If-Match after a property and an alarm were
// added in Radicale, delete, an event that is not Lotse's left alone). Clocks are pinned.
#include "app/BusySync.h"
#include "app/CalDavAccount.h"
#include "app/CalDavClient.h"
#include "app/CalendarPublisher.h"
#include "app/KeyFileStore.h"
#include "app/LanguageManager.h"
#include "app/Profile.h"
#include "app/RequestsModel.h"
#include "app/ServerClient.h"
#include "crypto/Crypto.h"
#include "tests/support/FakeClock.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestRadicale.h"
#include "tests/support/TestServer.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Lotse::Client;
using namespace Lotse::Tests;

namespace {

const QString RadicalePassword = u"kalender-Geheimnis-7"_s;
const QByteArray Auth = "Basic " + QByteArray("anna:kalender-Geheimnis-7").toBase64();
const QString AdvisorId = u"advisor-anna"_s;

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
}

// Mon 30 Nov to Fri 4 Dec 2026, 08:00-08:30 UTC (09:00 Berlin) every day.
QByteArray standup(const QByteArray &extraInMaster = {}, const QByteArray &extraEvents = {})
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:standup@caldav.test\r\n"
           "DTSTAMP:20261101T000000Z\r\nSUMMARY:Team standup with Jana\r\nDTSTART:20261130T080000Z\r\n"
           "DTEND:20261130T083000Z\r\nRRULE:FREQ=DAILY;COUNT=5\r\nATTENDEE:mailto:jana@example.org\r\n" +
           extraInMaster + "END:VEVENT\r\n" + extraEvents + "END:VCALENDAR\r\n";
}

QString message(CalDavError::Kind kind, int status)
{
    CalDavError error;
    error.kind = kind;
    error.httpStatus = status;
    return error.userMessage();
}

BookingRequest booking(const QString &id, const QString &status, const QString &type, const QDateTime &start,
                       int minutes, const QString &advisor = AdvisorId)
{
    BookingRequest request;
    request.kind = BookingRequest::Kind::Booking;
    request.id = id;
    request.status = status;
    request.type = type;
    request.start = start;
    request.end = start.addSecs(minutes * 60);
    request.advisorId = advisor;
    request.firstName = u"Olena"_s;
    request.lastName = u"Kovalenko"_s;
    request.phone = u"+49 170 1234567"_s;
    request.fields = BookingRequest::Fields::Opened;
    return request;
}

} // namespace

class TestCalDavSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestRadicale> m_radicale;
    std::unique_ptr<TestHttpClient> m_dav;
    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    QTemporaryDir m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<KeyFileStore> m_secrets;
    std::unique_ptr<CalDavAccount> m_account;
    std::unique_ptr<ServerClient> m_lotse;
    FakeClock m_clock{utc(11, 27, 6)}; // Friday 27 November 2026, before working hours
    std::unique_ptr<BusySync> m_busy;
    std::unique_ptr<RequestsModel> m_requests;
    std::unique_ptr<CalendarPublisher> m_publisher;
    QUrl m_work;
    QUrl m_lotseCalendar;

    TestHttpClient::Reply dav(const QByteArray &method, const QString &path, const QByteArray &body = {},
                              const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", Auth}, {"Content-Type", "text/calendar"}};
        headers += extra;
        return m_dav->send(method, path, body, headers);
    }

    QByteArray etagOf(const TestHttpClient::Reply &reply)
    {
        for (const auto &[name, value] : reply.headers) {
            if (name.compare("etag", Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }

    // Free video slot starts on one day, as the booking page offers them.
    QStringList slotsOn(int month, int day)
    {
        const QDateTime from = utc(month, day, 0);
        const auto reply = m_http->get(u"/api/v1/public/orgs/demo/slots?type=video&from=%1&to=%2"_s.arg(
            from.toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s), from.addDays(1).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s)));
        QStringList starts;
        for (const QJsonValue &slot : reply.json().value("slots"_L1).toArray())
            starts.append(QDateTime::fromString(slot.toObject().value("start"_L1).toString(), Qt::ISODate)
                              .toUTC()
                              .toString(u"HH:mm"_s));
        return starts;
    }

    bool runBusySync()
    {
        QSignalSpy finished(m_busy.get(), &BusySync::finished);
        m_busy->syncNow();
        return finished.wait(20000);
    }

    bool runPublisher()
    {
        QSignalSpy finished(m_publisher.get(), &CalendarPublisher::finished);
        m_publisher->schedule();
        return finished.wait(20000);
    }

    QString connectAccount(const QString &address, const QString &password)
    {
        QSignalSpy failed(m_account.get(), &CalDavAccount::connectFailed);
        QSignalSpy changed(m_account.get(), &CalDavAccount::changed);
        m_account->connectAccount(address, u"anna"_s, password);
        if (!QTest::qWaitFor([&] { return !failed.isEmpty() || !changed.isEmpty(); }, 20000))
            return u"no answer"_s;
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Lotse::Crypto::init(&failure), qPrintable(failure));
        m_radicale = std::make_unique<TestRadicale>();
        m_radicale->addUser(u"anna"_s, RadicalePassword);
        QVERIFY2(m_radicale->start(), qPrintable(m_radicale->lastError()));
        m_dav = std::make_unique<TestHttpClient>(m_radicale->baseUrl());
        QCOMPARE(dav("PROPFIND", u"/anna/"_s).status, 207);
        const QByteArray mkcalendar = R"(<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>NAME</d:displayname>
<c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>)";
        QCOMPARE(dav("MKCALENDAR", u"/anna/work/"_s, QByteArray(mkcalendar).replace("NAME", "Arbeit")).status, 201);
        QCOMPARE(dav("MKCALENDAR", u"/anna/lotse/"_s, QByteArray(mkcalendar).replace("NAME", "Termine")).status, 201);
        m_work = m_radicale->baseUrl().resolved(QUrl(u"/anna/work/"_s));
        m_lotseCalendar = m_radicale->baseUrl().resolved(QUrl(u"/anna/lotse/"_s));

        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_server.setNow(m_clock.now());
        QVERIFY(m_server.createOrg(u"demo"_s, u"Demo"_s));
        QVERIFY(m_server.createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(u"anna@demo.example"_s, u"anna password"_s);
        QVERIFY(!m_token.isEmpty());
        // Weekdays 09:00-12:00 Berlin (08:00-11:00 UTC in winter), hour-long video appointments.
        QCOMPARE(m_http
                     ->send("PUT", u"/api/v1/me/availability"_s,
                            R"({"timeZone": "Europe/Berlin", "weekly": {"mon": [{"start": "09:00", "end": "12:00"}],
                                  "tue": [{"start": "09:00", "end": "12:00"}], "wed": [{"start": "09:00", "end": "12:00"}],
                                  "thu": [{"start": "09:00", "end": "12:00"}], "fri": [{"start": "09:00", "end": "12:00"}]},
                                  "types": [{"type": "video", "durationMinutes": 60}], "slotStepMinutes": 60})",
                            {{"Authorization", "Bearer " + m_token.toLatin1()}, {"Content-Type", "application/json"}})
                     .status,
                 200);
        QCOMPARE(slotsOn(11, 30), (QStringList{u"08:00"_s, u"09:00"_s, u"10:00"_s}));

        QVERIFY(m_dir.isValid());
        m_profile = std::make_unique<Profile>(m_dir.filePath(u"profile"_s));
        m_secrets = std::make_unique<KeyFileStore>(m_profile->keyFilePath());
        QVERIFY(m_secrets->create(u"key file passphrase"_s).ok());
        m_account = std::make_unique<CalDavAccount>(*m_profile, m_dir.filePath(u"data/caldav.json"_s));
        m_account->setSecretStore(m_secrets.get());
        m_lotse = std::make_unique<ServerClient>();
        m_lotse->setBaseUrl(m_server.baseUrl());
        m_lotse->setToken(m_token);
        m_busy = std::make_unique<BusySync>(m_account.get(), m_lotse.get(), &m_clock);
        m_busy->setTimeZoneSource([] { return QTimeZone("Europe/Berlin"); });
        m_requests = std::make_unique<RequestsModel>();
        m_publisher = std::make_unique<CalendarPublisher>(m_account.get(), m_requests.get(), &m_clock);
    }

    void addingAnAccountKeepsThePasswordOutOfFiles()
    {
        QVERIFY(!m_account->hasAccount());
        QCOMPARE(connectAccount(m_radicale->baseUrl().toString(), RadicalePassword), QString());
        QVERIFY(m_account->hasAccount());
        QCOMPARE(m_account->user(), u"anna"_s);
        QStringList names;
        for (const CalDavCalendarChoice &calendar : m_account->calendars()) {
            names.append(calendar.displayName);
            QVERIFY(calendar.busy); // every calendar counts until the advisor says otherwise
        }
        names.sort();
        QCOMPARE(names, (QStringList{u"Arbeit"_s, u"Termine"_s}));
        QVERIFY(m_account->publishCalendar().isEmpty());

        // A fresh account object reads the same from the profile's settings.
        CalDavAccount again(*m_profile, m_dir.filePath(u"data/caldav.json"_s));
        QCOMPARE(again.serverUrl(), m_radicale->baseUrl());
        QCOMPARE(again.calendars(), m_account->calendars());

        // The password is in the secret store and in no file, in clear or base64.
        std::optional<QByteArray> stored;
        m_secrets->read(m_profile->id() + u"/caldav/anna@"_s + m_radicale->baseUrl().toString() + u"/password"_s,
                        [&](const QByteArray &data, const SecretStatus &status) {
                            stored = status.ok() ? data : QByteArray("missing");
                        });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(*stored, RadicalePassword.toUtf8());
        QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(RadicalePassword.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!content.contains(RadicalePassword.toUtf8().toBase64()), qPrintable(file.fileName()));
            ++checked;
        }
        QVERIFY(checked >= 2); // the settings and the key file at least
    }

    void wrongPasswordIsClearAndLosesNothing()
    {
        const QList<CalDavCalendarChoice> before = m_account->calendars();
        QCOMPARE(connectAccount(m_radicale->baseUrl().toString(), u"falsch"_s),
                 message(CalDavError::Kind::Unauthorized, 401));
        QVERIFY(m_account->hasAccount());
        QCOMPARE(m_account->calendars(), before);
        // The stored password still works.
        CalDavClient client;
        std::optional<QString> problem;
        m_account->configure(&client, [&](const QString &p) { problem = p; });
        QTRY_VERIFY(problem.has_value());
        QCOMPARE(*problem, QString());
        std::optional<CalDavError> error;
        client.discover([&](const QList<CalDavCalendar> &, const CalDavError &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 20000);
        QCOMPARE(error->kind, CalDavError::Kind::None);
    }

    void addressesThatAreNoCalDavServer()
    {
        // lotse-server answers HTTP, but knows no WebDAV.
        QCOMPARE(connectAccount(m_server.baseUrl().toString(), RadicalePassword),
                 message(CalDavError::Kind::InvalidResponse, 0));
        // Plain http to another machine would send the password readable.
        QCOMPARE(connectAccount(u"http://calendar.example.org/"_s, RadicalePassword),
                 message(CalDavError::Kind::InsecureAddress, 0));
        QCOMPARE(connectAccount(u"https://"_s, RadicalePassword),
                 CalDavAccount::tr(
                     "Please enter the address of your calendar server, for example https://calendar.example.org/."));
        QCOMPARE(m_account->serverUrl(), m_radicale->baseUrl());
    }

    void busyTimesReachTheBookingPage()
    {
        // Only "Arbeit" counts; a Lotse appointment in it never blocks twice.
        m_account->setBusy(m_lotseCalendar, false);
        QCOMPARE(m_account->busyCalendars(), QList<QUrl>{m_work});
        QCOMPARE(dav("PUT", u"/anna/work/standup.ics"_s, standup()).status, 201);
        QCOMPARE(dav("PUT", u"/anna/work/lotse.ics"_s,
                     CalDavClient::appointmentIcs(u"b-0@lotse"_s, utc(12, 1, 10), utc(12, 1, 11), u"Beratung"_s))
                     .status,
                 201);
        QSignalSpy finished(m_busy.get(), &BusySync::finished);
        m_busy->setServerAccount(u"anna@demo.example@"_s + m_server.baseUrl().toString());
        QVERIFY(finished.wait(20000));
        QCOMPARE(m_busy->state(), BusySync::State::UpToDate);
        QCOMPARE(m_busy->uploadCount(), 1);
        QCOMPARE(m_busy->lastSuccess(), m_clock.now());
        QCOMPARE(m_busy->lastBusy().size(), 5);
        // 08:00 UTC is taken Monday to Friday; the Lotse appointment on Tuesday 10:00 is not counted.
        QCOMPARE(slotsOn(11, 30), (QStringList{u"09:00"_s, u"10:00"_s}));
        for (int day = 1; day <= 4; ++day)
            QCOMPARE(slotsOn(12, day), (QStringList{u"09:00"_s, u"10:00"_s}));
        const QString token = m_account->store().syncState(m_work).syncToken;
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_account->store().syncState(m_work).resources.size(), 2);

        // Nothing changed: nothing is uploaded.
        QVERIFY(runBusySync());
        QCOMPARE(m_busy->state(), BusySync::State::UpToDate);
        QCOMPARE(m_busy->uploadCount(), 1);

        // Changed in Radicale: Tuesday excluded, Wednesday moved to 09:00 UTC.
        QCOMPARE(dav("PUT", u"/anna/work/standup.ics"_s,
                     standup("EXDATE:20261201T080000Z\r\n",
                             "BEGIN:VEVENT\r\nUID:standup@caldav.test\r\nDTSTAMP:20261101T000000Z\r\n"
                             "SUMMARY:Team standup with Jana\r\nRECURRENCE-ID:20261202T080000Z\r\n"
                             "DTSTART:20261202T090000Z\r\nDTEND:20261202T093000Z\r\nEND:VEVENT\r\n"))
                     .status,
                 201);
        QVERIFY(runBusySync());
        QCOMPARE(m_busy->state(), BusySync::State::UpToDate);
        QCOMPARE(m_busy->uploadCount(), 2);
        QVERIFY(m_account->store().syncState(m_work).syncToken != token); // incremental: a new token
        QCOMPARE(slotsOn(11, 30), (QStringList{u"09:00"_s, u"10:00"_s}));
        QCOMPARE(slotsOn(12, 1), (QStringList{u"08:00"_s, u"09:00"_s, u"10:00"_s}));
        QCOMPARE(slotsOn(12, 2), (QStringList{u"08:00"_s, u"10:00"_s}));
        QCOMPARE(slotsOn(12, 3), (QStringList{u"09:00"_s, u"10:00"_s}));

        // The upload carries times only.
        for (const BusyInterval &interval : m_busy->lastBusy())
            QVERIFY(interval.start.timeSpec() == Qt::UTC || interval.start.offsetFromUtc() == 0);
    }

    void radicaleDownKeepsTheLastGoodData()
    {
        const QList<BusyInterval> before = m_busy->lastBusy();
        const QDateTime lastSuccess = m_busy->lastSuccess();
        m_radicale->stop();
        m_clock.advance(300);
        QVERIFY(runBusySync());
        QCOMPARE(m_busy->state(), BusySync::State::CalendarProblem);
        QCOMPARE(m_busy->problem(), message(CalDavError::Kind::Unreachable, 0));
        QCOMPARE(m_busy->lastBusy(), before);
        QCOMPARE(m_busy->uploadCount(), 2);
        QCOMPARE(m_busy->lastSuccess(), lastSuccess);
        QCOMPARE(m_account->store().syncState(m_work).resources.size(), 2);
        // Also after a restart of the app: the store on disk has it.
        CalDavStore onDisk(m_account->store().path());
        QVERIFY(onDisk.load());
        QCOMPARE(onDisk.syncState(m_work).resources.size(), 2);
        QCOMPARE(slotsOn(12, 2), (QStringList{u"08:00"_s, u"10:00"_s}));

        QVERIFY2(m_radicale->start(), qPrintable(m_radicale->lastError()));
        QCOMPARE(dav("DELETE", u"/anna/work/standup.ics"_s).status, 200);
        QVERIFY(runBusySync());
        QCOMPARE(m_busy->state(), BusySync::State::UpToDate);
        QCOMPARE(m_busy->uploadCount(), 3);
        QCOMPARE(m_busy->lastSuccess(), m_clock.now());
        QCOMPARE(slotsOn(12, 2), (QStringList{u"08:00"_s, u"09:00"_s, u"10:00"_s}));
    }

    void lotseServerDownIsRetried()
    {
        QCOMPARE(dav("PUT", u"/anna/work/standup.ics"_s, standup()).status, 201);
        QVERIFY(m_server.stop());
        QVERIFY(runBusySync());
        QCOMPARE(m_busy->state(), BusySync::State::ServerProblem);
        QVERIFY(m_busy->problem().contains(ApiError::fromKind(ApiError::Kind::Unreachable).userMessage()));
        QCOMPARE(m_busy->uploadCount(), 3);
        QCOMPARE(m_busy->lastBusy().size(), 5); // synced from Radicale, waiting for the server

        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_server.setNow(m_clock.now());
        m_lotse->setBaseUrl(m_server.baseUrl());
        QVERIFY(runBusySync());
        QCOMPARE(m_busy->state(), BusySync::State::UpToDate);
        QCOMPARE(m_busy->uploadCount(), 4);
        QCOMPARE(slotsOn(12, 2), (QStringList{u"09:00"_s, u"10:00"_s}));
    }

    void confirmedAppointmentsArePublishedWithoutPersonalData()
    {
        m_account->setPublishCalendar(m_lotseCalendar);
        // Someone else's event sits where a booking's event would go; a note of the advisor's own.
        const QByteArray foreign =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:dentist@caldav.test\r\n"
            "DTSTAMP:20261101T000000Z\r\nSUMMARY:Dentist\r\nDTSTART:20261204T090000Z\r\nDTEND:20261204T100000Z\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n";
        QCOMPARE(dav("PUT", u"/anna/lotse/b-taken.ics"_s, foreign).status, 201);
        const QByteArray foreignEtag = etagOf(dav("GET", u"/anna/lotse/b-taken.ics"_s));

        m_requests->setRequests({booking(u"b-1"_s, u"confirmed"_s, u"video"_s, utc(12, 3, 9), 45),
                                 booking(u"b-2"_s, u"pending"_s, u"phone"_s, utc(12, 3, 10), 30),
                                 booking(u"b-3"_s, u"confirmed"_s, u"video"_s, utc(12, 3, 11), 45, u"colleague"_s),
                                 booking(u"b-old"_s, u"confirmed"_s, u"video"_s, utc(11, 20, 9), 45),
                                 booking(u"b-taken"_s, u"confirmed"_s, u"onsite"_s, utc(12, 4, 9), 60)});
        m_publisher->setAdvisorId(AdvisorId);
        QTRY_VERIFY_WITH_TIMEOUT(!m_publisher->isBusy() && m_account->store().published(u"b-1"_s), 20000);
        QTRY_VERIFY(!m_publisher->isBusy());

        const auto event = dav("GET", u"/anna/lotse/b-1.ics"_s);
        QCOMPARE(event.status, 200);
        QVERIFY(event.body.contains("UID:b-1@lotse"));
        QVERIFY(event.body.contains("SUMMARY:Counselling (video)"));
        QVERIFY(event.body.contains("DTSTART:20261203T090000Z"));
        QVERIFY(event.body.contains("DTEND:20261203T094500Z"));
        for (const QByteArray personal : {"Olena", "Kovalenko", "1234567", "ATTENDEE", "ORGANIZER", "DESCRIPTION"})
            QVERIFY2(!event.body.contains(personal), personal.constData());
        QCOMPARE(m_account->store().published(u"b-1"_s)->etag, etagOf(event));
        // Pending, another advisor's and past appointments stay out.
        QCOMPARE(dav("GET", u"/anna/lotse/b-2.ics"_s).status, 404);
        QCOMPARE(dav("GET", u"/anna/lotse/b-3.ics"_s).status, 404);
        QCOMPARE(dav("GET", u"/anna/lotse/b-old.ics"_s).status, 404);
        // The event that is not Lotse's is untouched, and the advisor hears about it.
        const auto taken = dav("GET", u"/anna/lotse/b-taken.ics"_s);
        QCOMPARE(etagOf(taken), foreignEtag);
        QVERIFY(taken.body.contains("SUMMARY:Dentist"));
        QVERIFY(!m_account->store().published(u"b-taken"_s));
        QCOMPARE(m_publisher->problem(), message(CalDavError::Kind::Conflict, 412));
    }

    void rescheduleKeepsWhatTheCalendarAdded()
    {
        // The advisor's calendar app added an alarm and a property of its own: a new ETag.
        const auto original = dav("GET", u"/anna/lotse/b-1.ics"_s);
        QByteArray edited = original.body;
        edited.replace(
            "END:VEVENT",
            "X-FOO:kept by Lotse\r\nCOLOR:turquoise\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\n"
            "TRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT");
        QCOMPARE(dav("PUT", u"/anna/lotse/b-1.ics"_s, edited).status, 201);
        const QByteArray editedEtag = etagOf(dav("GET", u"/anna/lotse/b-1.ics"_s));
        QVERIFY(editedEtag != m_account->store().published(u"b-1"_s)->etag);

        // Rescheduled to Friday 10:00: the stored ETag is stale (412), so Lotse reads it again.
        m_requests->setRequests({booking(u"b-1"_s, u"confirmed"_s, u"video"_s, utc(12, 4, 10), 45)});
        QVERIFY(runPublisher());
        QCOMPARE(m_publisher->problem(), QString());
        const auto moved = dav("GET", u"/anna/lotse/b-1.ics"_s);
        QVERIFY(moved.body.contains("DTSTART:20261204T100000Z"));
        QVERIFY(moved.body.contains("DTEND:20261204T104500Z"));
        QVERIFY(moved.body.contains("X-FOO:kept by Lotse"));
        QVERIFY(moved.body.contains("COLOR:turquoise"));
        QVERIFY(moved.body.contains("SEQUENCE:1"));
        QVERIFY(moved.body.contains("BEGIN:VALARM"));
        QVERIFY(moved.body.contains("TRIGGER:-PT15M"));
        QVERIFY(moved.body.contains("UID:b-1@lotse"));
        QCOMPARE(moved.body.count("BEGIN:VEVENT"), 1);
        QCOMPARE(m_account->store().published(u"b-1"_s)->etag, etagOf(moved));
        QCOMPARE(m_account->store().published(u"b-1"_s)->start, utc(12, 4, 10));

        // Moved again with a fresh ETag: If-Match succeeds at once.
        m_requests->setRequests({booking(u"b-1"_s, u"confirmed"_s, u"video"_s, utc(12, 3, 10), 45)});
        QVERIFY(runPublisher());
        QCOMPARE(m_publisher->problem(), QString());
        QVERIFY(dav("GET", u"/anna/lotse/b-1.ics"_s).body.contains("DTSTART:20261203T100000Z"));
    }

    void publishedEventsDoNotCountAsBusy()
    {
        // The publish calendar counts as busy too now: its Lotse event must not block again.
        QCOMPARE(slotsOn(12, 4), (QStringList{u"09:00"_s, u"10:00"_s}));
        m_account->setBusy(m_lotseCalendar, true);
        QTRY_VERIFY(m_busy->state() == BusySync::State::UpToDate);
        QVERIFY(runBusySync());
        QCOMPARE(m_busy->state(), BusySync::State::UpToDate);
        // Thursday: the standup blocks 08:00; Lotse's own event for b-1 at 10:00 does not (the
        // booking itself blocks it on the server; here it is no booking there, so it stays free).
        QCOMPARE(slotsOn(12, 3), (QStringList{u"09:00"_s, u"10:00"_s}));
        // Friday: the standup and the dentist (not Lotse's, 09:00 in the same calendar) both block.
        QCOMPARE(slotsOn(12, 4), (QStringList{u"10:00"_s}));
    }

    void cancelRemovesTheEventWithIfMatch()
    {
        const CalDavStore::Published published = *m_account->store().published(u"b-1"_s);
        // Changed in the calendar once more: the delete needs a fresh ETag first (412, read, retry).
        QByteArray edited = dav("GET", u"/anna/lotse/b-1.ics"_s).body;
        edited.replace("X-FOO:kept by Lotse", "X-FOO:changed again");
        QCOMPARE(dav("PUT", u"/anna/lotse/b-1.ics"_s, edited).status, 201);
        m_requests->setRequests({booking(u"b-1"_s, u"cancelled"_s, u"video"_s, published.start, 45),
                                 booking(u"b-taken"_s, u"confirmed"_s, u"onsite"_s, utc(12, 4, 9), 60)});
        QVERIFY(runPublisher());
        QCOMPARE(dav("GET", u"/anna/lotse/b-1.ics"_s).status, 404);
        QVERIFY(!m_account->store().published(u"b-1"_s));
        QCOMPARE(dav("GET", u"/anna/lotse/b-taken.ics"_s).status, 200); // still not ours, still there
    }

    void summaryFollowsTheAppLanguage()
    {
        LanguageManager languages(m_profile->settingsPath());
        QVERIFY(languages.setLanguage(u"de"_s));
        QCOMPARE(CalendarPublisher::summaryFor(u"video"_s), u"Beratung (Video)"_s);
        QCOMPARE(CalendarPublisher::summaryFor(u"phone"_s), u"Beratung (Telefon)"_s);
        QCOMPARE(CalendarPublisher::summaryFor(u"onsite"_s), u"Beratung (vor Ort)"_s);
        m_requests->setRequests({booking(u"b-4"_s, u"confirmed"_s, u"phone"_s, utc(12, 7, 9), 30)});
        QVERIFY(runPublisher());
        QVERIFY(dav("GET", u"/anna/lotse/b-4.ics"_s).body.contains("SUMMARY:Beratung (Telefon)"));
        QVERIFY(languages.setLanguage(u"en"_s));
    }

    void removingTheAccountClearsItsBusyTimes()
    {
        m_account->removeAccount();
        QVERIFY(!m_account->hasAccount());
        QTRY_VERIFY_WITH_TIMEOUT(m_busy->state() == BusySync::State::NoAccount, 20000);
        QCOMPARE(slotsOn(12, 2), (QStringList{u"08:00"_s, u"09:00"_s, u"10:00"_s}));
        QVERIFY(m_profile->settings()->childGroups().contains(u"caldav"_s) == false);
    }
};

QTEST_GUILESS_MAIN(TestCalDavSync)
#include "TestCalDavSync.moc"
