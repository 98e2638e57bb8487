// Imported calendars and the booking page, against a real lotse-server: an import alone sends
// nothing and the slot stays bookable; once the advisor chooses that the calendar counts as busy
// (the per-import choice, kept across a restart), the slot under its busy event disappears and a
// "free" event takes nothing; turning the choice off or removing the import brings the slot back.
// Everything goes through ClientContext's wiring (ImportedCalendars -> BusyUploader -> PUT
// /api/v1/me/busy). The server's and the uploader's "now" are pinned.
#include "app/BusyUploader.h"
#include "app/ClientContext.h"
#include "app/ImportedCalendars.h"
#include "app/ServerClient.h"
#include "tests/support/FakeClock.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Client;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

// Monday 23 November 2026 in Berlin (CET, UTC+1): a dentist 10:30-11:00 and a "free" lunch note
// 11:15-11:45 (TRANSP:TRANSPARENT).
const QByteArray MondayIcs = "BEGIN:VCALENDAR\r\n"
                             "VERSION:2.0\r\n"
                             "PRODID:-//Lotse tests//EN\r\n"
                             "X-WR-CALNAME:Privat\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:dentist@example.org\r\n"
                             "DTSTAMP:20261101T120000Z\r\n"
                             "DTSTART:20261123T093000Z\r\n"
                             "DTEND:20261123T100000Z\r\n"
                             "SUMMARY:Zahnarzt\r\n"
                             "END:VEVENT\r\n"
                             "BEGIN:VEVENT\r\n"
                             "UID:lunch@example.org\r\n"
                             "DTSTAMP:20261101T120000Z\r\n"
                             "DTSTART:20261123T101500Z\r\n"
                             "DTEND:20261123T104500Z\r\n"
                             "SUMMARY:Mittag\r\n"
                             "TRANSP:TRANSPARENT\r\n"
                             "END:VEVENT\r\n"
                             "END:VCALENDAR\r\n";

const QString SlotsPath =
    u"/api/v1/public/orgs/demo/slots?type=video&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z"_s;

} // namespace

class TestImportedBusy : public QObject
{
    Q_OBJECT

    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    QTemporaryDir m_profile;
    Tests::FakeClock m_clock{QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc())};

    QStringList slotStarts() const
    {
        QStringList starts;
        for (const QJsonValue &slot : m_http->get(SlotsPath).json().value("slots"_L1).toArray())
            starts.append(slot.toObject().value("start"_L1).toString());
        return starts;
    }

    std::unique_ptr<ClientContext> startApp()
    {
        auto context = std::make_unique<ClientContext>(m_profile.path());
        context->serverClient()->setBaseUrl(m_server.baseUrl());
        context->serverClient()->setToken(m_token);
        context->busyUploader()->setClock(&m_clock);
        context->importedCalendars()->setTimeZone(QTimeZone("Europe/Berlin"));
        return context;
    }

    // Waits for the upload that `change` starts and checks it went through.
    static void expectUpload(ClientContext &context, const std::function<void()> &change)
    {
        QSignalSpy uploaded(context.busyUploader(), &BusyUploader::uploaded);
        QSignalSpy failed(context.busyUploader(), &BusyUploader::failed);
        change();
        QTRY_VERIFY_WITH_TIMEOUT(uploaded.size() + failed.size() > 0, 10000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        // Friday 20 November 2026; the Monday after is 23 November.
        m_server.setNow(m_clock.now());
        QVERIFY(m_server.createOrg(u"demo"_s, u"Demo"_s));
        QVERIFY(m_server.createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(u"anna@demo.example"_s, u"anna password"_s);
        QVERIFY(!m_token.isEmpty());
        const QByteArray rules =
            R"({"timeZone": "Europe/Berlin", "weekly": {"mon": [{"start": "09:00", "end": "12:00"}]},
            "types": [{"type": "video", "durationMinutes": 60}], "slotStepMinutes": 60, "horizonDays": 60})";
        QCOMPARE(m_http
                     ->send("PUT", u"/api/v1/me/availability"_s, rules,
                            {{"Authorization", "Bearer " + m_token.toLatin1()}, {"Content-Type", "application/json"}})
                     .status,
                 200);
        // 09:00-12:00 Berlin is 08:00-11:00Z.
        QCOMPARE(slotStarts(),
                 (QStringList{u"2026-11-23T08:00:00Z"_s, u"2026-11-23T09:00:00Z"_s, u"2026-11-23T10:00:00Z"_s}));
    }

    void importAloneSendsNothing()
    {
        auto context = startApp();
        QSignalSpy uploaded(context->busyUploader(), &BusyUploader::uploaded);
        const ImportedCalendars::Result result = context->importedCalendars()->importData(MondayIcs, u"privat.ics"_s);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(!result.calendar.countsAsBusy);
        QVERIFY(!context->busyUploader()->isUploading());
        QCOMPARE(uploaded.size(), 0);
        QCOMPARE(slotStarts().size(), 3);
    }

    void chosenCalendarBlocksItsSlot()
    {
        auto context = startApp();
        const QString id = context->importedCalendars()->calendars().at(0).id;
        expectUpload(*context, [&] { QVERIFY(context->importedCalendars()->setCountsAsBusy(id, true)); });
        // The dentist (09:30-10:00Z) takes the 09:00Z slot; the free lunch note takes nothing.
        QCOMPARE(slotStarts(), (QStringList{u"2026-11-23T08:00:00Z"_s, u"2026-11-23T10:00:00Z"_s}));
    }

    void choiceSurvivesARestartAndCanBeUndone()
    {
        auto context = startApp();
        QCOMPARE(context->importedCalendars()->calendars().size(), 1);
        const ImportedCalendars::Calendar calendar = context->importedCalendars()->calendars().at(0);
        QVERIFY(calendar.countsAsBusy);
        expectUpload(*context, [&] { QVERIFY(context->importedCalendars()->setCountsAsBusy(calendar.id, false)); });
        QCOMPARE(slotStarts().size(), 3);

        expectUpload(*context, [&] { QVERIFY(context->importedCalendars()->setCountsAsBusy(calendar.id, true)); });
        QCOMPARE(slotStarts().size(), 2);
        expectUpload(*context, [&] { QVERIFY(context->importedCalendars()->remove(calendar.id)); });
        QCOMPARE(slotStarts().size(), 3);
    }

    void signedOutSendsNothingAndSaysNothing()
    {
        auto context = startApp();
        context->serverClient()->setToken(QString());
        QSignalSpy uploaded(context->busyUploader(), &BusyUploader::uploaded);
        QSignalSpy failed(context->busyUploader(), &BusyUploader::failed);
        const ImportedCalendars::Result result = context->importedCalendars()->importData(MondayIcs, u"privat.ics"_s);
        QVERIFY(result.ok());
        QVERIFY(context->importedCalendars()->setCountsAsBusy(result.calendar.id, true));
        QVERIFY(!context->busyUploader()->isUploading());
        QCOMPARE(uploaded.size() + failed.size(), 0);
        QCOMPARE(slotStarts().size(), 3);
        // Signed in again (the token is back): the next upload carries the choice made meanwhile.
        context->serverClient()->setToken(m_token);
        expectUpload(*context, [&] { context->busyUploader()->upload(); });
        QCOMPARE(slotStarts().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestImportedBusy)
#include "TestImportedBusy.moc"
