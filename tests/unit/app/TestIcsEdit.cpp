// Moving Lotse's event inside an iCalendar object that another calendar app has edited: only
// DTSTART, DTEND (or DURATION), SUMMARY and SEQUENCE of that event change; time zones, unknown
// properties with their parameters, folded lines, alarms (with their own SUMMARY) and other events
// stay byte for byte, line ends included. An override (RECURRENCE-ID) is never taken for the event.
#include "app/CalendarPublisher.h"
#include "app/IcsEdit.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Lotse::Client;

namespace {

const QDateTime Start(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::utc());
const QDateTime End(QDate(2026, 12, 4), QTime(9, 45), QTimeZone::utc());

// As another calendar app might have saved it: a zone, a folded unknown property with quoted
// parameters, DURATION instead of DTEND, an alarm, and a second event that is not Lotse's.
QByteArray edited(const QByteArray &master)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other App//EN\r\n"
           "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
           "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
           "END:VTIMEZONE\r\n"
           "BEGIN:VEVENT\r\nUID:b-1@lotse\r\nDTSTAMP:20261101T000000Z\r\n" +
           master +
           "X-OTHER-APP-COLOR;X-PARAM=\"a:b;c\";OTHER=1:#ff0000\r\n"
           "CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://meet.example.org/a-very-long-address-that-is-folded-by\r\n"
           " -the-app-that-wrote-it\r\n"
           "BEGIN:VALARM\r\nACTION:DISPLAY\r\nSUMMARY:Alarm text stays\r\nDESCRIPTION:Reminder\r\n"
           "TRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n"
           "BEGIN:VEVENT\r\nUID:dentist@example.org\r\nDTSTAMP:20261101T000000Z\r\n"
           "DTSTART:20261204T090000Z\r\nDTEND:20261204T100000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\n"
           "END:VCALENDAR\r\n";
}

} // namespace

class TestIcsEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyTheTimesTitleAndSequenceChange()
    {
        const QByteArray before = edited("DTSTART;TZID=Europe/Berlin:20261203T100000\r\nDURATION:PT45M\r\n"
                                         "SUMMARY:Counselling (video)\r\nSEQUENCE:3\r\n");
        const QByteArray expected = edited("DTSTART:20261204T090000Z\r\nDTEND:20261204T094500Z\r\n"
                                           "SUMMARY:Beratung\\; Video\\, neu\r\nSEQUENCE:4\r\n");
        QCOMPARE(IcsEdit::moveEvent(before, u"b-1@lotse"_s, Start, End, u"Beratung; Video, neu"_s), expected);
        // Through the publisher: the same text, and it still reads as a calendar.
        QCOMPARE(CalendarPublisher::rewrite(before, u"b-1@lotse"_s, Start, End, u"Beratung; Video, neu"_s), expected);
    }

    void missingPropertiesAreAddedAndLineEndsKept()
    {
        QByteArray before = edited("DTSTART:20261203T100000Z\r\n");
        before.replace("\r\n", "\n");
        QByteArray expected = edited("DTSTART:20261204T090000Z\r\n");
        expected.replace("TRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT",
                         "TRIGGER:-PT15M\r\nEND:VALARM\r\nDTEND:20261204T094500Z\r\nSUMMARY:Beratung (Video)\r\n"
                         "SEQUENCE:1\r\nEND:VEVENT");
        expected.replace("\r\n", "\n");
        QCOMPARE(IcsEdit::moveEvent(before, u"b-1@lotse"_s, Start, End, u"Beratung (Video)"_s), expected);
    }

    void anOverrideIsNotTheEvent()
    {
        const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:b-1@lotse\r\n"
                               "RECURRENCE-ID:20261203T100000Z\r\nDTSTART:20261203T110000Z\r\nEND:VEVENT\r\n"
                               "END:VCALENDAR\r\n";
        QVERIFY(!IcsEdit::moveEvent(ics, u"b-1@lotse"_s, Start, End, u"x"_s));
    }

    void unknownOrBrokenInputIsLeftAlone()
    {
        const QByteArray ics = edited("DTSTART:20261203T100000Z\r\n");
        QVERIFY(!IcsEdit::moveEvent(ics, u"b-2@lotse"_s, Start, End, u"x"_s));
        QVERIFY(!IcsEdit::moveEvent(QByteArray(ics).replace("END:VALARM", "END:VTODO"), u"b-1@lotse"_s, Start, End,
                                    u"x"_s));
        QVERIFY(!IcsEdit::moveEvent({}, u"b-1@lotse"_s, Start, End, u"x"_s));
        QVERIFY(!IcsEdit::moveEvent(ics, u"b-1@lotse"_s, End, Start, u"x"_s));
        QVERIFY(!CalendarPublisher::rewrite("not a calendar", u"b-1@lotse"_s, Start, End, u"x"_s));
    }

    void longTitlesAreFoldedBetweenCharacters()
    {
        const QString title = QString(u"Beratungsgespräch über Aufenthaltsrecht "_s).repeated(4);
        const QByteArray folded = IcsEdit::fold("SUMMARY:" + IcsEdit::escapeText(title), "\r\n");
        const QList<QByteArray> physical = folded.split('\n');
        QVERIFY(physical.size() > 2);
        QByteArray unfolded;
        for (const QByteArray &line : physical) {
            QByteArray content = line;
            if (content.endsWith('\r'))
                content.chop(1);
            QVERIFY2(content.size() <= 75, content.constData());
            // Every physical line is valid UTF-8 by itself: no character was cut in two.
            QCOMPARE(QString::fromUtf8(content).toUtf8(), content);
            unfolded += content.startsWith(' ') ? content.mid(1) : content;
        }
        QCOMPARE(QString::fromUtf8(unfolded), u"SUMMARY:"_s + title);
    }
};

QTEST_GUILESS_MAIN(TestIcsEdit)
#include "TestIcsEdit.moc"
