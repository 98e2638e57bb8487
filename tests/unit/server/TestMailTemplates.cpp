// The mail catalogs and what is rendered from them: the same keys and placeholders in all seven
// languages, mails in the booking's language with its time in the visitor's zone, invitations
// that KCalendarCore parses back (METHOD, UID, SEQUENCE, times), RFC 2047 subjects and RFC 5322
// dates.
#include "server-stub/MailTemplates.h"
#include "server-stub/Outbox.h"
#include "server-stub/SmtpSender.h"

#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>
#include <KCalendarCore/ScheduleMessage>

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;

namespace {

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> result;
    static const QRegularExpression pattern(uR"(\{([A-Za-z]+)\})"_s);
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        result.insert(it.next().captured(1));
    return result;
}

BookingRecord sampleBooking(const QString &language)
{
    BookingRecord b;
    b.id = u"8d5c1f3e-2b7a-4c1d-9e8f-0a1b2c3d4e5f"_s;
    b.organisationId = u"org"_s;
    b.type = u"video"_s;
    b.start = QDateTime(QDate(2026, 12, 3), QTime(9, 30), QTimeZone::utc()).toSecsSinceEpoch();
    b.end = b.start + 45 * 60;
    b.language = language;
    b.timeZone = u"Europe/Kyiv"_s;
    b.email = u"visitor@example.org"_s;
    b.status = u"confirmed"_s;
    b.sequence = 3;
    b.createdAt = b.start - 86400;
    b.updatedAt = b.createdAt;
    return b;
}

} // namespace

class TestMailTemplates : public QObject
{
    Q_OBJECT

private slots:
    void catalogsHaveTheSameKeysAndPlaceholders()
    {
        const QJsonObject english = MailTemplates::catalog(u"en"_s);
        QVERIFY(english.size() > 10);
        QCOMPARE(MailTemplates::languages().size(), 7);
        for (const QString &language : MailTemplates::languages()) {
            const QJsonObject catalog = MailTemplates::catalog(language);
            QCOMPARE(QStringList(catalog.keys()), QStringList(english.keys()));
            for (auto it = catalog.constBegin(); it != catalog.constEnd(); ++it) {
                QVERIFY2(it.value().isString() && !it.value().toString().trimmed().isEmpty(),
                         qPrintable(language + u' ' + it.key()));
                QCOMPARE(placeholders(it.value().toString()), placeholders(english.value(it.key()).toString()));
            }
        }
        QVERIFY(MailTemplates::catalog(u"xx"_s).isEmpty());
    }

    void confirmationInTheVisitorsLanguageAndZone()
    {
        BookingRecord b = sampleBooking(u"uk"_s);
        const MailMessage mail = MailTemplates::bookingMail(BookingMailKind::Confirmed, b,
                                                            {u"Beratung Süd"_s,
                                                             u"https://termine.example/manage#tok"_s,
                                                             {},
                                                             u"noreply@lotse.example"_s,
                                                             u"lotse.example"_s});
        const QJsonObject uk = MailTemplates::catalog(u"uk"_s);
        QVERIFY(mail.subject.startsWith(uk.value("confirmed.subject"_L1).toString().section(u'{', 0, 0)));
        QVERIFY(mail.text.contains(u"https://termine.example/manage#tok"_s));
        // 09:30 UTC is 11:30 in Kyiv in December.
        QVERIFY2(mail.text.contains(u"11:30"_s), qPrintable(mail.text));
        QVERIFY(mail.text.contains(u"Europe/Kyiv"_s));
        QVERIFY(mail.messageId.endsWith(u"@lotse.example"_s));
        QCOMPARE(mail.icsMethod, u"REQUEST"_s);

        KCalendarCore::MemoryCalendar::Ptr calendar(new KCalendarCore::MemoryCalendar(QTimeZone::utc()));
        KCalendarCore::ICalFormat format;
        const auto message = format.parseScheduleMessage(calendar, QString::fromUtf8(mail.ics));
        QVERIFY(message);
        QCOMPARE(message->method(), KCalendarCore::iTIPRequest);
        const auto event = message->event().staticCast<KCalendarCore::Event>();
        QCOMPARE(event->uid(), b.id + u"@lotse"_s);
        QCOMPARE(event->revision(), 3);
        QCOMPARE(event->dtStart().toSecsSinceEpoch(), b.start);
        QCOMPARE(event->dtEnd().toSecsSinceEpoch(), b.end);
        QCOMPARE(event->organizer().email(), u"noreply@lotse.example"_s);

        // Cancelling an invitation that went out: METHOD:CANCEL; one that did not: no calendar.
        b.invited = true;
        QCOMPARE(MailTemplates::bookingMail(BookingMailKind::Cancelled, b, {}).icsMethod, u"CANCEL"_s);
        b.invited = false;
        QVERIFY(MailTemplates::bookingMail(BookingMailKind::Cancelled, b, {}).ics.isEmpty());
        // Pending: a plain mail, no invitation.
        QVERIFY(MailTemplates::bookingMail(BookingMailKind::Received, b, {}).ics.isEmpty());
    }

    void mailSurvivesTheOutboxRoundTrip()
    {
        const MailMessage mail =
            MailTemplates::bookingMail(BookingMailKind::Confirmed, sampleBooking(u"ar"_s),
                                       {u"Org"_s, u"https://x/manage#t"_s, {}, u"a@b.example"_s, {}});
        const auto back = MailMessage::fromJson(mail.toJson());
        QVERIFY(back);
        QCOMPARE(back->subject, mail.subject);
        QCOMPARE(back->text, mail.text);
        QCOMPARE(back->ics, mail.ics);
        QCOMPARE(back->icsMethod, mail.icsMethod);
        QVERIFY(!MailMessage::fromJson({}));
    }

    void encodedWordSubjects()
    {
        QCOMPARE(SmtpSender::encodeHeaderText(u"Plain subject"_s), QByteArray("Plain subject"));
        const QString persian = MailTemplates::catalog(u"fa"_s).value("proposed.subject"_L1).toString();
        const QByteArray encoded = SmtpSender::encodeHeaderText(persian + u"\r\nBcc: x@example.org"_s);
        QVERIFY(!encoded.contains('\r') && !encoded.contains('\n'));
        QByteArray decoded;
        for (const QByteArray &word : encoded.split(' ')) {
            QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
            QVERIFY(word.size() <= 75);
            const auto bytes =
                QByteArray::fromBase64Encoding(word.mid(10, word.size() - 12), QByteArray::AbortOnBase64DecodingErrors);
            QVERIFY(bytes);
            QVERIFY(QString::fromUtf8(*bytes).toUtf8() == *bytes); // no character split across words
            decoded += *bytes;
        }
        QCOMPARE(QString::fromUtf8(decoded), persian + u"  Bcc: x@example.org"_s);
    }

    void dateHeader()
    {
        const QDateTime t(QDate(2026, 11, 24), QTime(15, 4, 5), QTimeZone::utc());
        QCOMPARE(SmtpSender::dateHeader(t), QByteArray("Tue, 24 Nov 2026 15:04:05 +0000"));
    }

    void backoffGrowsAndIsCapped()
    {
        QCOMPARE(Outbox::backoffSeconds(1), qint64(30));
        QCOMPARE(Outbox::backoffSeconds(2), qint64(60));
        QCOMPARE(Outbox::backoffSeconds(5), qint64(480));
        QCOMPARE(Outbox::backoffSeconds(8), qint64(3600));
        QCOMPARE(Outbox::backoffSeconds(50), qint64(3600));
    }
};

QTEST_GUILESS_MAIN(TestMailTemplates)
#include "TestMailTemplates.moc"
