// Editing appointments in the calendar against a real lotse-server and a real SMTP sink: dragging
// an appointment in the week view (and Alt+Down) reschedules it on the server, the help-seeker's
// mail waits for the undo window and leaves exactly once after it, Undo in the bar puts the old time
// back and no mail ever leaves; the details dialog shows the decrypted name and phone number, saves
// a private note the server only ever holds as ciphertext, and cancels with an undo. The server's
// clock and the page's "now" are pinned to Wednesday 9 January 2030, 09:00 in Berlin.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"
#include "tests/support/TestSmtpSink.h"

#include "app/CalendarService.h"
#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/Session.h"
#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"
#include "models/CalendarModel.h"
#include "ui/CalendarAppointmentDialog.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarPage.h"
#include "ui/ConversationsPage.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;
using Lotse::Tests::TestSmtpSink;

namespace {

const QString Org = u"mbe-sued"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;
const QTimeZone Berlin("Europe/Berlin");
const QDate Wednesday(2030, 1, 9);
const QString NoteText = u"Bringt den Bescheid vom Jobcenter mit. Rückruf-Wunsch: vormittags."_s;

QDateTime berlin(QDate date, QTime time)
{
    return QDateTime(date, time, Berlin).toUTC();
}

// How long the test lets the outbox worker (polling every 50 ms) show that it sends nothing.
constexpr int QuietMs = 1500;

} // namespace

class TestDesktopCalendarEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        m_browser = std::make_unique<Crypto::EncryptionKeyPair>(Crypto::EncryptionKeyPair::generate());
        QVERIFY2(m_sink.start(), qPrintable(m_sink.lastError()));
        TestServer::Options options;
        options.configIni = "[smtp]\nurl = " + m_sink.url().toLatin1() +
                            "\nfrom = noreply@lotse.example\npoll_ms = 50\n"
                            "[limits]\nbooking_posts_per_ip_per_hour = 1000\npublic_requests_per_minute = 1000\n"
                            "[altcha]\nmax_number = 2000\n";
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_server->setNow(berlin(Wednesday, QTime(9, 0)));
        QVERIFY(m_server->createOrg(Org, u"Migrationsberatung Süd"_s));
        QVERIFY(m_server->createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        m_http = std::make_unique<TestHttpClient>(m_server->baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY2(!m_token.isEmpty(), m_http->lastReply().body.constData());

        QJsonObject weekly;
        for (const QString &day : {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s})
            weekly.insert(day, QJsonArray{QJsonObject{{u"start"_s, u"08:00"_s}, {u"end"_s, u"17:00"_s}}});
        const QJsonObject availability{
            {u"timeZone"_s, u"Europe/Berlin"_s},
            {u"weekly"_s, weekly},
            {u"absences"_s, QJsonArray()},
            {u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 45}},
                                    QJsonObject{{u"type"_s, u"phone"_s}, {u"durationMinutes"_s, 30}}}},
            {u"bufferBeforeMinutes"_s, 0},
            {u"bufferAfterMinutes"_s, 0},
            {u"minimumNoticeMinutes"_s, 60},
            {u"horizonDays"_s, 30},
            {u"slotStepMinutes"_s, 30}};
        const auto put = m_http->send("PUT", u"/api/v1/me/availability"_s, QJsonDocument(availability).toJson(),
                                      {{"Content-Type", "application/json"}, {"Authorization", bearer()}});
        QVERIFY2(put.status == 200, put.body.constData());
        m_profile = std::make_unique<QTemporaryDir>();
        QVERIFY(m_profile->isValid());

        // Signed in through the window like an advisor; the device registers its keys.
        m_context = std::make_unique<Client::ClientContext>(m_profile->path());
        m_context->languages()->setLanguage(u"en"_s);
        m_window = std::make_unique<Ui::MainWindow>(m_context.get());
        m_window->resize(1280, 860);
        m_window->show();
        m_context->session()->start();
        QTRY_VERIFY(find<QWidget>(u"signInPage"_s)->isVisible());
        typeInto(find<QLineEdit>(u"serverLineEdit"_s), m_server->baseUrl().toString());
        typeInto(find<QLineEdit>(u"usernameLineEdit"_s), Anna);
        typeInto(find<QLineEdit>(u"passwordLineEdit"_s), AnnaPassword);
        click(find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(find<QWidget>(u"workspace"_s)->isVisible(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!deviceKeys().isEmpty(), 20000);

        // 10:00 (the first free slot after an hour's notice) by video, 11:00 by phone.
        m_videoId = book(u"video"_s, {{u"firstName"_s, u"Olena"_s}, {u"lastName"_s, u"Kovalenko"_s}});
        QVERIFY(!m_videoId.isEmpty());
        m_phoneId =
            book(u"phone"_s,
                 {{u"firstName"_s, u"Jonas"_s}, {u"lastName"_s, u"Weber"_s}, {u"phone"_s, u"+49 30 1234567"_s}}, 0);
        QVERIFY(!m_phoneId.isEmpty());
        QCOMPARE(serverBooking(m_videoId).value("start"_L1).toString(), u"2030-01-09T09:00:00Z"_s);
        QCOMPARE(serverBooking(m_phoneId).value("start"_L1).toString(), u"2030-01-09T10:00:00Z"_s);
        // The "received" mails of both bookings.
        QVERIFY(m_sink.waitForMessages(2));
        m_mails = 2;

        m_page = find<Ui::CalendarPage>(u"calendarPage"_s);
        m_page->setNow(m_server->now());
        openSection(u"Calendar"_s);
        QTRY_VERIFY(m_page->isVisible());
        m_page->goToday();
        QCOMPARE(m_page->date(), Wednesday);
        QTRY_VERIFY_WITH_TIMEOUT(week()->rectForAppointment(m_videoId).isValid(), 20000);
        QTRY_VERIFY(week()->rectForAppointment(m_phoneId).isValid());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_context.reset();
    }

    // Dragged one day on and an hour down: the server has Thursday 11:00; the mail waits for the
    // undo window and then leaves exactly once.
    void dragReschedulesAndTheMailWaits()
    {
        Ui::CalendarDayWeekView *view = week();
        const QRect rect = view->rectForAppointment(m_videoId);
        const QPoint from = rect.center();
        const QPoint to(view->dayColumnRect(3).center().x(), from.y() + view->hourHeight());
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        QTest::mouseMove(view, from + QPoint(30, 20));
        QTest::mouseMove(view, to);
        QVERIFY(view->isDragging());
        QVERIFY(view->ghostRect().isValid());
        shoot(u"calendar-drag"_s);
        QTest::mouseRelease(view, Qt::LeftButton, {}, to);

        const QDateTime start = berlin(Wednesday.addDays(1), QTime(11, 0));
        QTRY_COMPARE_WITH_TIMEOUT(serverStart(m_videoId), start, 10000);
        QCOMPARE(serverBooking(m_videoId).value("end"_L1).toString(), iso(start.addSecs(45 * 60)));
        QFrame *bar = m_page->undoBar();
        QTRY_VERIFY(bar->isVisible());
        QTRY_VERIFY(find<QPushButton>(u"undoButton"_s)->isVisible());
        const QString text = find<QLabel>(u"undoLabel"_s)->text();
        const QString expected = u"Moved to Thu 10 Jan, %1–%2."_s.arg(timeText(QTime(11, 0)), timeText(QTime(11, 45)));
        QVERIFY2(text.contains(expected), qPrintable(text));
        QVERIFY2(text.contains(u"in 30 s"_s), qPrintable(text));
        shoot(u"calendar-undo-bar"_s);
        // The model followed, the block is at its new place.
        QTRY_COMPARE(view->rectForAppointment(m_videoId).top(), view->yForMinute(11 * 60) + 1);
        QVERIFY(view->rectForAppointment(m_videoId).left() >= view->dayColumnRect(3).left());

        QTest::qWait(QuietMs);
        QCOMPARE(m_sink.messages().size(), m_mails);
        m_server->advanceClock(31);
        QVERIFY(m_sink.waitForMessages(m_mails + 1));
        QTest::qWait(QuietMs);
        QCOMPARE(m_sink.messages().size(), m_mails + 1);
        QVERIFY(m_sink.messages().last().contains("olena@example.org"));
        m_mails += 1;

        // The window is over on the page's clock too: the bar goes.
        m_page->setNow(m_server->now());
        QVERIFY(!bar->isVisible());
    }

    // Dragged, then Undo: the old time is back on the server and no mail ever leaves.
    void dragThenUndo()
    {
        Ui::CalendarDayWeekView *view = week();
        const QDateTime original = serverStart(m_phoneId);
        const QRect rect = view->rectForAppointment(m_phoneId);
        const QPoint to = rect.center() + QPoint(0, 2 * view->hourHeight());
        QTest::mousePress(view, Qt::LeftButton, {}, rect.center());
        QTest::mouseMove(view, rect.center() + QPoint(0, 20));
        QTest::mouseMove(view, to);
        QTest::mouseRelease(view, Qt::LeftButton, {}, to);
        QTRY_COMPARE_WITH_TIMEOUT(serverStart(m_phoneId), original.addSecs(2 * 3600), 10000);
        auto *undo = find<QPushButton>(u"undoButton"_s);
        QTRY_VERIFY(undo->isVisible() && undo->isEnabled());
        click(undo);
        QTRY_COMPARE_WITH_TIMEOUT(serverStart(m_phoneId), original, 10000);
        QTRY_COMPARE(find<QLabel>(u"undoLabel"_s)->text(), u"Undone. No e-mail was sent."_s);
        QTRY_COMPARE(view->rectForAppointment(m_phoneId), rect);
        m_server->advanceClock(120);
        QTest::qWait(QuietMs);
        QCOMPARE(m_sink.messages().size(), m_mails);
    }

    // The keyboard: selected with a click, Alt+Down moves it by the snap step (15 minutes).
    void keyboardMoves()
    {
        Ui::CalendarDayWeekView *view = week();
        m_page->setNow(m_server->now());
        const QDateTime original = serverStart(m_phoneId);
        QTest::mouseClick(view, Qt::LeftButton, {}, view->rectForAppointment(m_phoneId).center());
        QCOMPARE(view->selectedId(), m_phoneId);
        m_page->setFocus();
        QTest::keyClick(m_page, Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(serverStart(m_phoneId), original.addSecs(15 * 60), 10000);
        QTRY_VERIFY(find<QPushButton>(u"undoButton"_s)->isVisible());
        // Alt+Shift+Up shortens it by the step.
        QTest::keyClick(m_page, Qt::Key_Up, Qt::AltModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(serverBooking(m_phoneId).value("end"_L1).toString(),
                                  iso(original.addSecs(15 * 60 + 15 * 60)), 10000);
        QCOMPARE(serverStart(m_phoneId), original.addSecs(15 * 60));
        // Two changes, and only the latest one's mail goes out once the window is over.
        m_server->advanceClock(31);
        QVERIFY(m_sink.waitForMessages(m_mails + 1));
        QTest::qWait(QuietMs);
        QVERIFY(m_sink.messages().size() >= m_mails + 1);
        m_mails = int(m_sink.messages().size());
        m_page->setNow(m_server->now());
    }

    // Double-click opens the details: the name and phone number as decrypted on this device.
    void detailsShowTheDecryptedData()
    {
        Ui::CalendarDayWeekView *view = week();
        QTest::mouseDClick(view, Qt::LeftButton, {}, view->rectForAppointment(m_phoneId).center());
        Ui::CalendarAppointmentDialog *dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->bookingId(), m_phoneId);
        QCOMPARE(dialog->findChild<QLabel *>(u"detailsNameLabel"_s)->text(), u"Jonas Weber"_s);
        QCOMPARE(dialog->findChild<QLabel *>(u"detailsTypeLabel"_s)->text(), u"+49 30 1234567"_s);
        QCOMPARE(dialog->findChild<QLabel *>(u"detailsEmailLabel"_s)->text(), u"olena@example.org"_s);
        QVERIFY(dialog->findChild<QLabel *>(u"detailsLanguageLabel"_s)->text().contains(u"uk"_s));
        // Booked from Kyiv: their time is next to the advisor's.
        QVERIFY2(dialog->findChild<QLabel *>(u"detailsTimeLabel"_s)->text().contains(u"Europe/Kyiv"_s),
                 qPrintable(dialog->findChild<QLabel *>(u"detailsTimeLabel"_s)->text()));
        QVERIFY(dialog->findChild<QPushButton *>(u"detailsConfirmButton"_s)->isVisible()); // pending
        shoot(u"calendar-details"_s, dialog);
        dialog->reject();
    }

    // The note: saved sealed, shown again after reopening, and never readable on the server.
    void noteIsSealed()
    {
        Ui::CalendarAppointmentDialog *dialog = m_page->openAppointment(m_phoneId);
        QVERIFY(dialog);
        auto *editor = dialog->findChild<QPlainTextEdit *>(u"noteTextEdit"_s);
        QVERIFY(editor->toPlainText().isEmpty());
        editor->setFocus();
        // Typed like a user; the umlauts (which QTest cannot type) are pasted.
        const qsizetype typed = NoteText.indexOf(u"Rück"_s);
        QTest::keyClicks(editor, NoteText.left(typed));
        editor->insertPlainText(NoteText.mid(typed));
        QCOMPARE(editor->toPlainText(), NoteText);
        click(dialog->findChild<QPushButton *>(u"saveNoteButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->findChild<QLabel *>(u"noteStatusLabel"_s)->text(), u"Saved."_s, 10000);
        dialog->reject();

        // The server holds an envelope sealed to this device, not the text.
        const QString note = serverBooking(m_phoneId).value("note"_L1).toString();
        QVERIFY(!note.isEmpty());
        const auto envelope = Crypto::fromBase64Url(note);
        QVERIFY(envelope);
        QVERIFY(!envelope->contains(NoteText.toUtf8()));
        QVERIFY(!envelope->contains("Jobcenter"));
        const auto recipients = Crypto::SealedEnvelope::recipientKeyIds(*envelope);
        QVERIFY(recipients);
        QCOMPARE(recipients->size(), deviceKeys().size());
        for (const QString &file : QDir(m_server->dataDir()).entryList(QDir::Files)) {
            QFile data(m_server->dataDir() + u'/' + file);
            QVERIFY(data.open(QIODevice::ReadOnly));
            const QByteArray bytes = data.readAll();
            QVERIFY2(!bytes.contains("Jobcenter"), qPrintable(file));
            QVERIFY2(!bytes.contains(NoteText.toUtf8()), qPrintable(file));
        }

        // Reopened: decrypted with this device's key.
        m_context->requests()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_context->requests()->noteText(m_phoneId), NoteText, 10000);
        dialog = m_page->openAppointment(m_phoneId);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QPlainTextEdit *>(u"noteTextEdit"_s)->toPlainText(), NoteText);
        dialog->reject();
    }

    // Cancelled from the details with a reason, then undone: confirmed again, and no mail.
    void cancelFromTheDetailsWithUndo()
    {
        const auto confirm = m_http->send("POST", u"/api/v1/bookings/%1/confirm"_s.arg(m_videoId), "{}",
                                          {{"Content-Type", "application/json"}, {"Authorization", bearer()}});
        QVERIFY2(confirm.status == 200, confirm.body.constData());
        QVERIFY(m_sink.waitForMessages(m_mails + 1)); // the invitation
        m_mails += 1;
        m_context->requests()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_context->requests()->model()->request(m_videoId)->status, u"confirmed"_s, 10000);

        Ui::CalendarAppointmentDialog *dialog = m_page->openAppointment(m_videoId);
        QVERIFY(dialog);
        auto *cancel = dialog->findChild<QPushButton *>(u"cancelAppointmentButton"_s);
        QVERIFY(cancel->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>(u"detailsConfirmButton"_s)->isVisible());
        click(cancel);
        QDialog *ask = nullptr;
        QTRY_VERIFY((ask = visibleDialog(u"cancelAppointmentDialog"_s)));
        QTest::keyClicks(ask->findChild<QPlainTextEdit *>(u"cancelReasonTextEdit"_s), u"Ich bin krank."_s);
        click(ask->findChild<QPushButton *>(u"cancelConfirmButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(serverBooking(m_videoId).value("status"_L1).toString(), u"cancelled"_s, 10000);
        QTRY_VERIFY(find<QPushButton>(u"undoButton"_s)->isVisible());
        QVERIFY(find<QLabel>(u"undoLabel"_s)->text().contains(u"Appointment with Olena Kovalenko cancelled."_s));
        QTRY_VERIFY(week()->rectForAppointment(m_videoId).isNull());
        click(find<QPushButton>(u"undoButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(serverBooking(m_videoId).value("status"_L1).toString(), u"confirmed"_s, 10000);
        QTRY_VERIFY(week()->rectForAppointment(m_videoId).isValid());
        m_server->advanceClock(120);
        QTest::qWait(QuietMs);
        QCOMPARE(m_sink.messages().size(), m_mails);
    }

    // Rescheduled from the details with the date and time picker, no drag: a past time is refused
    // in the dialog, a free time fills in the fields, and a typed time outside the free times
    // (Friday 14:30) moves it with its length kept; the help-seeker's Kyiv time is shown next to it.
    void rescheduleWithThePicker()
    {
        m_page->setNow(m_server->now());
        Ui::CalendarAppointmentDialog *dialog = m_page->openAppointment(m_videoId);
        QVERIFY(dialog);
        click(dialog->findChild<QPushButton *>(u"rescheduleButton"_s));
        QDialog *ask = nullptr;
        QTRY_VERIFY((ask = visibleDialog(u"rescheduleDialog"_s)));
        auto *date = ask->findChild<QDateEdit *>(u"rescheduleDateEdit"_s);
        auto *time = ask->findChild<QTimeEdit *>(u"rescheduleTimeEdit"_s);
        auto *length = ask->findChild<QSpinBox *>(u"rescheduleDurationSpinBox"_s);
        auto *move = ask->findChild<QPushButton *>(u"rescheduleMoveButton"_s);
        auto *summary = ask->findChild<QLabel *>(u"rescheduleSummaryLabel"_s);
        const QDateTime original = serverStart(m_videoId);
        QCOMPARE(QDateTime(date->date(), time->time(), Berlin), original);
        QCOMPARE(length->value(), 45);
        QVERIFY(!move->isEnabled()); // still the same time

        auto *freeTimes = ask->findChild<QListWidget *>(u"rescheduleSlotsListWidget"_s);
        QTRY_VERIFY_WITH_TIMEOUT(freeTimes->isVisible() && freeTimes->count() > 1, 10000);
        freeTimes->setCurrentRow(1); // row 0 is the first day's heading
        QCOMPARE(QDateTime(date->date(), time->time(), Berlin), freeTimes->item(1)->data(Qt::UserRole).toDateTime());

        date->setDate(Wednesday);
        time->setTime(QTime(8, 0));
        QVERIFY(!move->isEnabled());
        QVERIFY2(summary->text().contains(u"already passed"_s), qPrintable(summary->text()));

        const QDate friday = Wednesday.addDays(2);
        date->setDate(friday);
        time->setTime(QTime(14, 30));
        QVERIFY(move->isEnabled());
        QVERIFY2(summary->text().contains(u"For the help-seeker: %1 (Europe/Kyiv)"_s.arg(timeText(QTime(15, 30)))),
                 qPrintable(summary->text()));
        shoot(u"calendar-reschedule"_s, ask);
        click(move);

        const QDateTime start = berlin(friday, QTime(14, 30));
        QTRY_COMPARE_WITH_TIMEOUT(serverStart(m_videoId), start, 10000);
        QCOMPARE(serverBooking(m_videoId).value("end"_L1).toString(), iso(start.addSecs(45 * 60)));
        QTRY_VERIFY(find<QPushButton>(u"undoButton"_s)->isVisible());
        const QString text = find<QLabel>(u"undoLabel"_s)->text();
        QVERIFY2(text.contains(u"Moved to Fri 11 Jan, %1"_s.arg(timeText(QTime(14, 30)))), qPrintable(text));
        m_server->advanceClock(31);
        QVERIFY(m_sink.waitForMessages(m_mails + 1));
        m_mails += 1;
        m_page->setNow(m_server->now());
        QVERIFY(!m_page->undoBar()->isVisible());
    }

    // "Open conversation" only while a Conversations section listens (the main window turns it
    // on); then it hands the booking's id to MainWindow::openConversation, which shows the room.
    void openConversationHook()
    {
        m_page->setConversationsAvailable(false);
        QPointer<Ui::CalendarAppointmentDialog> dialog = m_page->openAppointment(m_videoId);
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QPushButton *>(u"openConversationButton"_s)->isVisible());
        dialog->reject();
        QTRY_VERIFY(!dialog);

        m_page->setConversationsAvailable(true);
        QSignalSpy requested(m_page, &Ui::CalendarPage::conversationRequested);
        dialog = m_page->openAppointment(m_videoId);
        QVERIFY(dialog);
        auto *button = dialog->findChild<QPushButton *>(u"openConversationButton"_s);
        QVERIFY(button->isVisible());
        click(button);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), m_videoId);
        QTRY_VERIFY(!dialog);
        auto *conversations = m_window->findChild<Ui::ConversationsPage *>();
        QVERIFY(conversations);
        QTRY_VERIFY(conversations->isVisible()); // which room it selects: TestDesktopConversations
        openSection(u"Calendar"_s);
    }

    // Without a mouse: Tab selects the week's first appointment (the phone call on Wednesday),
    // Tab the next (Friday's video call), Enter opens its details.
    void tabAndEnterOpen()
    {
        m_page->goToday();
        Ui::CalendarDayWeekView *view = week();
        view->setSelectedId({});
        m_page->setFocus();
        QTest::keyClick(m_page, Qt::Key_Tab);
        QCOMPARE(view->selectedId(), m_phoneId);
        QTest::keyClick(m_page, Qt::Key_Tab);
        QCOMPARE(view->selectedId(), m_videoId);
        QTest::keyClick(m_page, Qt::Key_Return);
        Ui::CalendarAppointmentDialog *dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->bookingId(), m_videoId);
        dialog->reject();
    }

private:
    QByteArray bearer() const { return "Bearer " + m_token.toLatin1(); }
    Ui::CalendarDayWeekView *week() const { return m_page->dayWeekView(); }
    static QString iso(const QDateTime &time) { return time.toUTC().toString(Qt::ISODate); }
    // A time as the page writes it in its locale, without seconds.
    QString timeText(QTime time) const
    {
        QString format = m_page->locale().timeFormat(QLocale::ShortFormat);
        format.remove(u":ss"_s);
        return m_page->locale().toString(time, format);
    }

    QJsonObject serverBooking(const QString &id)
    {
        const auto reply = m_http->get(u"/api/v1/requests?status=all"_s, m_token);
        for (const QJsonValue &value : reply.json().value("requests"_L1).toArray()) {
            if (value.toObject().value("id"_L1).toString() == id)
                return value.toObject();
        }
        return {};
    }

    QDateTime serverStart(const QString &id)
    {
        return QDateTime::fromString(serverBooking(id).value("start"_L1).toString(), Qt::ISODate).toUTC();
    }

    QDialog *visibleDialog(const QString &name) const
    {
        for (QDialog *dialog : m_window->findChildren<QDialog *>(name)) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }

    Ui::CalendarAppointmentDialog *openDialog() const
    {
        for (int i = 0; i < 50 && !visibleDialog(u"appointmentDialog"_s); ++i)
            QTest::qWait(20);
        return qobject_cast<Ui::CalendarAppointmentDialog *>(visibleDialog(u"appointmentDialog"_s));
    }

    // Saves a picture to look at (LOTSE_SCREENSHOT_DIR, else the temp directory).
    void shoot(const QString &name, QWidget *widget = nullptr)
    {
        QWidget *what = widget ? widget : m_window.get();
        what->grab().save(qEnvironmentVariable("LOTSE_SCREENSHOT_DIR", QDir::tempPath()) + u'/' + name + u".png"_s);
    }

    template<typename T>
    T *find(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    void openSection(const QString &title)
    {
        auto *sidebar = find<QListWidget>(u"sidebarListWidget"_s);
        for (int row = 0; row < sidebar->count(); ++row) {
            if (sidebar->item(row)->text() == title)
                sidebar->setCurrentRow(row);
        }
    }

    QList<QByteArray> deviceKeys()
    {
        const auto reply = m_http->get(u"/api/v1/devices"_s, m_token);
        QList<QByteArray> keys;
        for (const QJsonValue &value : reply.json().value("devices"_L1).toArray()) {
            if (const auto key = Crypto::fromBase64Url(value.toObject().value("x25519"_L1).toString()))
                keys.append(*key);
        }
        return keys;
    }

    QString policyVersion()
    {
        const auto reply = m_http->get(u"/api/v1/public/orgs/%1"_s.arg(Org));
        return reply.json().value("privacyPolicy"_L1).toObject().value("version"_L1).toString();
    }

    static QByteArray seal(const QList<QByteArray> &keys, const QByteArray &context, const QJsonObject &fields)
    {
        const auto plain = Crypto::CanonicalJson::serialize(fields);
        const auto sealed = Crypto::SealedEnvelope::seal(keys, Crypto::SealPurpose::BookingFields, context, *plain);
        return sealed ? *sealed : QByteArray();
    }

    // What the ALTCHA widget does in the browser: find the number whose hash is the challenge.
    QString solveAltcha()
    {
        const QJsonObject challenge = m_http->get(u"/api/v1/public/altcha"_s).json();
        const QString salt = challenge.value("salt"_L1).toString();
        const QString target = challenge.value("challenge"_L1).toString();
        const qint64 max = challenge.value("maxnumber"_L1).toInteger();
        for (qint64 number = 0; number <= max; ++number) {
            const QByteArray hash =
                QCryptographicHash::hash((salt + QString::number(number)).toUtf8(), QCryptographicHash::Sha256);
            if (QString::fromLatin1(hash.toHex()) == target) {
                const QJsonObject payload{{u"algorithm"_s, u"SHA-256"_s},
                                          {u"challenge"_s, target},
                                          {u"number"_s, number},
                                          {u"salt"_s, salt},
                                          {u"signature"_s, challenge.value("signature"_L1)}};
                return QString::fromLatin1(QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64());
            }
        }
        return {};
    }

    // Books free slot `slotIndex` of `type` as a help-seeker from Kyiv; the booking's id.
    QString book(const QString &type, const QJsonObject &fields, int slotIndex = 0)
    {
        const QDateTime from = m_server->now().toUTC();
        const auto slotsReply = m_http->get(u"/api/v1/public/orgs/%1/slots?type=%2&from=%3&to=%4"_s.arg(
            Org, type, from.toString(Qt::ISODate), from.addDays(14).toString(Qt::ISODate)));
        const QJsonArray freeSlots = slotsReply.json().value("slots"_L1).toArray();
        if (freeSlots.isEmpty()) {
            qWarning() << "no free slots:" << slotsReply.status << slotsReply.body;
            return {};
        }
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject body{
            {u"bookingId"_s, id},
            {u"type"_s, type},
            {u"start"_s, freeSlots.at(slotIndex).toObject().value("start"_L1)},
            {u"language"_s, u"uk"_s},
            {u"timeZone"_s, u"Europe/Kyiv"_s},
            {u"email"_s, u"olena@example.org"_s},
            {u"policyVersion"_s, policyVersion()},
            {u"browserKey"_s, Crypto::toBase64Url(m_browser->publicKey())},
            {u"sealed"_s, Crypto::toBase64Url(seal(deviceKeys(), "booking:"_ba + id.toUtf8(), fields))},
            {u"altcha"_s, solveAltcha()}};
        const auto reply = m_http->postJson(u"/api/v1/public/orgs/%1/bookings"_s.arg(Org), body);
        if (reply.status != 201) {
            qWarning() << "booking refused:" << reply.status << reply.body;
            return {};
        }
        return id;
    }

    TestSmtpSink m_sink;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<Client::ClientContext> m_context;
    std::unique_ptr<Ui::MainWindow> m_window;
    std::unique_ptr<Crypto::EncryptionKeyPair> m_browser;
    Ui::CalendarPage *m_page = nullptr;
    QString m_videoId;
    QString m_phoneId;
    int m_mails = 0;
};

QTEST_MAIN(TestDesktopCalendarEdit)
#include "TestDesktopCalendarEdit.moc"
