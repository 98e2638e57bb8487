// ImportedCalendars and IcsExport on disk: every fixture imports with the right counts; broken
// events are listed and left out; files that are not (whole) iCalendar give a clear error and leave
// the store and its folder exactly as they were; an import survives a restart and can be removed;
// Lotse's appointments exported and imported again come back the same, with names only on request.
#include "app/IcsExport.h"
#include "app/ImportedCalendars.h"
#include "app/LanguageManager.h"
#include "models/CalendarModel.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Client;

namespace {

const QTimeZone Berlin(QByteArrayLiteral("Europe/Berlin"));

QString fixturePath(const QString &name)
{
    return qEnvironmentVariable("LOTSE_SOURCE_DIR") + u"/tests/data/ics/"_s + name;
}

QByteArray fixture(const QString &name)
{
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QDateTime berlin(QDate date, QTime time)
{
    return QDateTime(date, time, Berlin).toUTC();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestImportedCalendars : public QObject
{
    Q_OBJECT

    QByteArray m_savedTz;
    QTemporaryDir m_settings;
    std::unique_ptr<LanguageManager> m_languages;

private Q_SLOTS:
    void initTestCase()
    {
        // English plurals ("2 events") come from lotse_en.
        m_languages = std::make_unique<LanguageManager>(m_settings.path() + u"/lotse.ini"_s);
        m_languages->setLanguage(u"en"_s);
        m_savedTz = qgetenv("TZ");
        qputenv("TZ", "America/New_York"); // never the advisor's zone
        tzset();
    }
    void cleanupTestCase()
    {
        if (m_savedTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_savedTz);
        tzset();
    }

    void importsEveryFixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("events");
        QTest::addColumn<int>("recurring");
        QTest::addColumn<int>("skipped");
        QTest::newRow("weekly") << u"weekly-exceptions.ics"_s << u"weekly-exceptions"_s << 1 << 1 << 0;
        QTest::newRow("all-day") << u"allday-multiday.ics"_s << u"Anna privat"_s << 4 << 0 << 0;
        QTest::newRow("dst") << u"berlin-dst-weeks.ics"_s << u"Bereitschaft"_s << 4 << 2 << 0;
        QTest::newRow("zones") << u"other-zones.ics"_s << u"other-zones"_s << 2 << 1 << 0;
        QTest::newRow("floating") << u"floating-utc.ics"_s << u"floating-utc"_s << 2 << 0 << 0;
        QTest::newRow("outlook") << u"outlook-windows-zone.ics"_s << u"outlook-windows-zone"_s << 1 << 0 << 0;
        QTest::newRow("broken") << u"broken-events.ics"_s << u"broken-events"_s << 2 << 0 << 4;
    }
    void importsEveryFixture()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(int, events);
        QFETCH(int, recurring);
        QFETCH(int, skipped);
        QTemporaryDir dir;
        ImportedCalendars store(dir.path());
        QSignalSpy changed(&store, &ImportedCalendars::changed);
        const ImportedCalendars::Result result = store.importFile(fixturePath(file));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.calendar.name, name);
        QCOMPARE(result.calendar.events, events);
        QCOMPARE(result.calendar.recurring, recurring);
        QCOMPARE(result.calendar.skipped.size(), skipped);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.calendars().size(), 1);
        // Kept byte for byte.
        QFile kept(dir.path() + u'/' + result.calendar.id + u".ics"_s);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), fixture(file));
    }

    void brokenEventsAreListedAndLeftOut()
    {
        QTemporaryDir dir;
        ImportedCalendars store(dir.path());
        store.setTimeZone(Berlin);
        const ImportedCalendars::Result result = store.importFile(fixturePath(u"broken-events.ics"_s));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QStringList skipped = result.calendar.skipped;
        skipped.sort();
        QCOMPARE(skipped,
                 (QStringList{u"“Endet vor dem Beginn”: ends before it begins"_s,
                              u"“Jede Sekunde”: repeats more often than every hour"_s,
                              u"“Kaputtes Datum”: no valid start time"_s, u"“Ohne Beginn”: no valid start time"_s}));
        QCOMPARE(ImportedCalendars::summaryText(result.calendar), u"2 events, 0 recurring, 4 skipped"_s);
        const auto occurrences =
            store.occurrences(berlin(QDate(2026, 6, 1), QTime(0, 0)), berlin(QDate(2026, 7, 1), QTime(0, 0)));
        QCOMPARE(occurrences.size(), 2);
        QCOMPARE(occurrences.at(0).summary, u"Supervision"_s);
        QCOMPARE(occurrences.at(1).summary, u"Fallbesprechung"_s);
        QCOMPARE(occurrences.at(1).start, berlin(QDate(2026, 6, 15), QTime(14, 0)));
    }

    void badFilesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error");

        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(char((i * 131 + 7) % 256));
        QTest::newRow("binary garbage") << garbage << u"binary data"_s;
        QTest::newRow("html") << QByteArray("<!DOCTYPE html>\n<html><head><title>Login</title></head>"
                                            "<body>Please sign in</body></html>\n")
                              << u"web page (HTML)"_s;
        const QByteArray weekly = fixture(u"weekly-exceptions.ics"_s);
        QTest::newRow("truncated") << weekly.left(weekly.indexOf("SUMMARY:Teambesprechung (verschoben)"))
                                   << u"incomplete: it ends inside VEVENT"_s;
        QTest::newRow("latin-1") << QByteArray(
                                        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:M\xfc"
                                        "ller\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                                 << u"not UTF-8"_s;
        const QString weeklyText = QString::fromUtf8(weekly);
        QTest::newRow("utf-16 with BOM") << (QByteArray("\xff\xfe") +
                                             QByteArray(reinterpret_cast<const char *>(weeklyText.utf16()),
                                                        weeklyText.size() * 2))
                                         << u"UTF-16"_s;
        QTest::newRow("plain text") << QByteArray("Termine 2026\nMo 10 Uhr Team\n") << u"BEGIN:VCALENDAR"_s;
        QTest::newRow("empty") << QByteArray("\r\n") << u"empty"_s;
        QTest::newRow("no events") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n")
                                   << u"no events"_s;
        QTest::newRow("wrong nesting")
            << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260101T100000Z\r\n"
                          "END:VTODO\r\nEND:VCALENDAR\r\n")
            << u"line 6 ends VTODO, but VEVENT is open"_s;
        QTest::newRow("only broken events")
            << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Nie\r\n"
                          "DTEND:20260101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
            << u"No event in the file could be read: “Nie”: no valid start time"_s;
        // A valid calendar, but over the limit.
        QByteArray huge = fixture(u"weekly-exceptions.ics"_s);
        const QByteArray filler = "X-FILLER:" + QByteArray(70, 'x') + "\r\n";
        const qsizetype insertAt = huge.indexOf("BEGIN:VEVENT");
        QByteArray padding;
        while (padding.size() < ImportedCalendars::MaxFileBytes)
            padding += filler;
        huge.insert(insertAt, padding);
        QTest::newRow("over 5 MB") << huge << u"larger than 5 MB"_s;
    }
    void badFilesChangeNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString store = dir.path() + u"/store"_s;
        ImportedCalendars calendars(store);
        QVERIFY(calendars.importFile(fixturePath(u"other-zones.ics"_s)).ok());
        const QStringList before = filesIn(store);
        QCOMPARE(before.size(), 2);

        const QString path = dir.path() + u"/bad.ics"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QSignalSpy changed(&calendars, &ImportedCalendars::changed);
        const ImportedCalendars::Result result = calendars.importFile(path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(calendars.calendars().size(), 1);
        QCOMPARE(filesIn(store), before);
        // And the same text handed over directly.
        QVERIFY(!calendars.importData(content, u"bad.ics"_s).ok());
        QCOMPARE(filesIn(store), before);
    }

    void missingFileIsAClearError()
    {
        QTemporaryDir dir;
        ImportedCalendars store(dir.path());
        const ImportedCalendars::Result result = store.importFile(dir.path() + u"/nowhere.ics"_s);
        QVERIFY(result.error.contains(u"nowhere.ics"_s));
    }

    void survivesARestartAndCanBeRemoved()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + u"/imported"_s;
        const QDateTime from = berlin(QDate(2026, 2, 1), QTime(0, 0));
        const QDateTime to = berlin(QDate(2026, 6, 1), QTime(0, 0));
        QString weeklyId;
        QList<ExternalOccurrence> before;
        {
            ImportedCalendars store(path);
            store.setTimeZone(Berlin);
            weeklyId = store.importFile(fixturePath(u"weekly-exceptions.ics"_s)).calendar.id;
            QVERIFY(!weeklyId.isEmpty());
            QVERIFY(store.importFile(fixturePath(u"allday-multiday.ics"_s)).ok());
            before = store.occurrences(from, to);
            QCOMPARE(before.size(), 14);
        }
        {
            ImportedCalendars store(path);
            store.setTimeZone(Berlin);
            QVERIFY(store.loadErrors().isEmpty());
            QCOMPARE(store.calendars().size(), 2);
            QCOMPARE(store.calendars().at(0).id, weeklyId);
            QCOMPARE(store.calendars().at(0).name, u"weekly-exceptions"_s);
            QCOMPARE(store.calendars().at(1).name, u"Anna privat"_s);
            QCOMPARE(store.calendars().at(1).events, 4);
            QCOMPARE(store.occurrences(from, to), before);

            QSignalSpy changed(&store, &ImportedCalendars::changed);
            QVERIFY(store.remove(weeklyId));
            QCOMPARE(changed.size(), 1);
            QCOMPARE(store.calendars().size(), 1);
            QCOMPARE(store.occurrences(from, to).size(), 4);
            QString error;
            QVERIFY(!store.remove(weeklyId, &error));
            QVERIFY(!error.isEmpty());
        }
        ImportedCalendars store(path);
        QCOMPARE(store.calendars().size(), 1);
        QCOMPARE(filesIn(path).size(), 2);
        QVERIFY(!filesIn(path).join(u' ').contains(weeklyId));
    }

    void damagedStoreIsReportedNotFatal()
    {
        QTemporaryDir dir;
        QString id;
        {
            ImportedCalendars store(dir.path());
            id = store.importFile(fixturePath(u"other-zones.ics"_s)).calendar.id;
            QVERIFY(store.importFile(fixturePath(u"floating-utc.ics"_s)).ok());
        }
        QFile file(dir.path() + u'/' + id + u".ics"_s);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n");
        file.close();
        ImportedCalendars store(dir.path());
        QCOMPARE(store.calendars().size(), 1);
        QCOMPARE(store.loadErrors().size(), 1);
        QVERIFY(store.loadErrors().first().contains(u"incomplete"_s));
    }

    void exportThenImportGivesTheSameAppointments()
    {
        using Models::Appointment;
        const QDate monday(2026, 3, 23); // the week of the spring change
        QList<Appointment> appointments{
            {u"b-video"_s,
             berlin(monday, QTime(9, 0)),
             berlin(monday, QTime(9, 45)),
             u"video"_s,
             u"confirmed"_s,
             u"Olena Kovalenko"_s,
             false,
             u"Europe/Kyiv"_s,
             {},
             {}},
            {u"b-phone"_s,
             berlin(monday.addDays(1), QTime(14, 30)),
             berlin(monday.addDays(1), QTime(15, 0)),
             u"phone"_s,
             u"pending"_s,
             u"Jonas Weber"_s,
             false,
             QString(),
             {},
             {}},
            {u"b-after-change"_s,
             berlin(monday.addDays(7), QTime(9, 0)),
             berlin(monday.addDays(7), QTime(10, 0)),
             u"onsite"_s,
             u"confirmed"_s,
             u"Appointment"_s,
             false,
             QString(),
             {},
             {}},
            {u"external:x:y:1"_s,
             berlin(monday, QTime(12, 0)),
             berlin(monday, QTime(13, 0)),
             u"external"_s,
             u"busy"_s,
             u"Team"_s,
             false,
             QString(),
             {},
             {}},
        };
        Models::CalendarModel model;
        model.setTimeZone(Berlin);
        model.setAppointments(appointments);
        const QList<Appointment> selected =
            IcsExport::select(model, berlin(monday, QTime(0, 0)), berlin(monday.addDays(14), QTime(0, 0)));
        QCOMPARE(selected.size(), 3); // the imported item is not Lotse's to export

        IcsExport::Options options;
        options.neutralTitle = u"Appointment"_s;
        options.stamp = QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
        const QByteArray ics = IcsExport::write(selected, Berlin, options);
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR"));
        QVERIFY(ics.contains("BEGIN:VTIMEZONE"));
        QVERIFY(ics.contains("TZID:Europe/Berlin"));
        QVERIFY(ics.contains("UID:b-video@lotse"));
        QVERIFY(ics.contains("DTSTART;TZID=Europe/Berlin:20260323T090000"));
        QVERIFY(ics.contains("DTSTART;TZID=Europe/Berlin:20260330T090000"));
        QVERIFY(ics.contains("SUMMARY:Counselling (video)"));
        QVERIFY(ics.contains("STATUS:TENTATIVE"));
        QVERIFY(ics.contains("CLASS:PRIVATE"));
        QVERIFY(!ics.contains("Olena"));
        QVERIFY(!ics.contains("Weber"));
        QVERIFY(!ics.contains("Team"));

        options.includeNames = true;
        const QByteArray withNames = IcsExport::write(selected, Berlin, options);
        QVERIFY(withNames.contains("SUMMARY:Counselling (video): Olena Kovalenko"));
        QVERIFY(withNames.contains("SUMMARY:Counselling (on site)\r\n")); // no name known: none written

        // Round trip under another process zone: the same instants, types named, nothing lost.
        qputenv("TZ", "Asia/Kolkata");
        tzset();
        QTemporaryDir dir;
        ImportedCalendars store(dir.path());
        store.setTimeZone(Berlin);
        const ImportedCalendars::Result result = store.importData(withNames, u"export.ics"_s);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.calendar.events, 3);
        const QList<ExternalOccurrence> back =
            store.occurrences(berlin(monday, QTime(0, 0)), berlin(monday.addDays(14), QTime(0, 0)));
        QCOMPARE(back.size(), 3);
        QStringList expected;
        QStringList actual;
        for (const Appointment &a : selected)
            expected.append(u"%1 %2 %3@lotse"_s.arg(a.start.toString(Qt::ISODate), a.end.toString(Qt::ISODate), a.id));
        for (const ExternalOccurrence &o : back)
            actual.append(u"%1 %2 %3"_s.arg(o.start.toString(Qt::ISODate), o.end.toString(Qt::ISODate), o.uid));
        QCOMPARE(actual, expected);
        QCOMPARE(back.at(0).summary, u"Counselling (video): Olena Kovalenko"_s);
        QCOMPARE(back.at(1).summary, u"Counselling (phone): Jonas Weber"_s);
        qputenv("TZ", "America/New_York");
        tzset();

        // Saving is whole or nothing, and an unwritable place says so.
        const QString path = dir.path() + u"/out.ics"_s;
        QVERIFY(IcsExport::save(path, ics).isEmpty());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), ics);
        QVERIFY(!IcsExport::save(dir.path() + u"/missing-folder/out.ics"_s, ics).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportedCalendars)
#include "TestImportedCalendars.moc"
