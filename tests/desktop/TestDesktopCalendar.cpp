// The Calendar section against a real lotse-server: a booking made through the public API (personal
// fields sealed to the signed-in device) appears in the week view on its day and at its time, with
// the name opened on the device; today/next/previous, the keyboard and the view buttons switch weeks
// and views; the month view counts the day's appointments; a double-click opens the details.
// The server's clock and the views' "now" are pinned, so the time of day the test runs at never
// matters.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/CalendarService.h"
#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"
#include "models/CalendarModel.h"
#include "ui/CalendarAgendaView.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarMonthView.h"
#include "ui/CalendarPage.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDialog>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

const QString Org = u"mbe-sued"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;
const QTimeZone Berlin("Europe/Berlin");

} // namespace

class TestDesktopCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        m_browser = std::make_unique<Crypto::EncryptionKeyPair>(Crypto::EncryptionKeyPair::generate());
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        // Early tomorrow (before 08:00 in Berlin): the first free slot is 08:00 Berlin time, whenever this runs.
        m_server.setNow(QDateTime(QDateTime::currentDateTimeUtc().date().addDays(1), QTime(5, 0), QTimeZone::utc()));
        QVERIFY(m_server.createOrg(Org, u"Migrationsberatung Süd"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY2(!m_token.isEmpty(), m_http->lastReply().body.constData());

        // Anna works every day from 08:00 to 17:00, Berlin time.
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
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_context.reset();
    }

    void signIn()
    {
        m_context = std::make_unique<Client::ClientContext>(m_profile->path());
        m_context->languages()->setLanguage(u"en"_s);
        m_window = std::make_unique<Ui::MainWindow>(m_context.get());
        m_window->resize(1280, 820);
        m_window->show();
        m_context->session()->start();
        QTRY_VERIFY(find<QWidget>(u"signInPage"_s)->isVisible());
        typeInto(find<QLineEdit>(u"serverLineEdit"_s), m_server.baseUrl().toString());
        typeInto(find<QLineEdit>(u"usernameLineEdit"_s), Anna);
        typeInto(find<QLineEdit>(u"passwordLineEdit"_s), AnnaPassword);
        click(find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(find<QWidget>(u"workspace"_s)->isVisible(), 20000);
    }

    void bookingShowsInTheWeekAtItsTime()
    {
        m_videoId = book(u"video"_s, {{u"firstName"_s, u"Olena"_s}, {u"lastName"_s, u"Kovalenko"_s}});
        QVERIFY(!m_videoId.isEmpty());
        m_phoneId = book(u"phone"_s, {{u"firstName"_s, u"Jonas"_s}, {u"lastName"_s, u"Weber"_s}});
        QVERIFY(!m_phoneId.isEmpty());

        m_page = find<Ui::CalendarPage>(u"calendarPage"_s);
        m_page->setNow(m_server.now().addSecs(2 * 3600 + 20 * 60)); // 08:20 in Berlin in winter, 09:20 in summer
        openSection(u"Calendar"_s);
        QTRY_VERIFY(m_page->isVisible());
        m_page->goToday();
        Ui::CalendarDayWeekView *week = m_page->dayWeekView();
        QTRY_VERIFY_WITH_TIMEOUT(week->rectForAppointment(m_videoId).isValid(), 20000);
        QTRY_VERIFY(week->rectForAppointment(m_phoneId).isValid());

        const Models::CalendarModel *model = m_context->calendar()->model();
        const Models::Appointment video = model->at(model->rowOf(m_videoId));
        QCOMPARE(video.title, u"Olena Kovalenko"_s);
        QCOMPARE(video.type, u"video"_s);
        QCOMPARE(video.start.secsTo(video.end), 45 * 60);
        QCOMPARE(model->timeZone(), Berlin);

        // The block sits in its day's column, from its start to its end in Berlin time.
        const QDateTime start = video.start.toTimeZone(Berlin);
        QCOMPARE(start.time(), QTime(8, 0)); // the first free slot
        const int column = int(week->dates().indexOf(start.date()));
        QVERIFY(column >= 0);
        const QRect rect = week->rectForAppointment(m_videoId);
        const QRect day = week->dayColumnRect(column);
        QVERIFY2(day.left() <= rect.left() && rect.right() <= day.right(), "inside the day's column");
        QCOMPARE(rect.top(), week->yForMinute(8 * 60) + 1);
        QCOMPARE(rect.bottom(), week->yForMinute(8 * 60 + 45) - 2);
        QCOMPARE(week->hourHeight() * 45 / 60 - 2, rect.height());
        QVERIFY(find<QLabel>(u"zoneLabel"_s)->text().contains(u"Europe/Berlin"_s));
        snapshot(m_window.get(), u"calendar-week"_s);
        m_window->grab().save(qEnvironmentVariable("LOTSE_SCREENSHOT_DIR", QDir::tempPath()) +
                              u"/calendar-week-grab.png"_s);
    }

    void nextPreviousTodayAndKeys()
    {
        Ui::CalendarDayWeekView *week = m_page->dayWeekView();
        const QDate today = m_server.now().addSecs(2 * 3600 + 20 * 60).toTimeZone(Berlin).date();
        click(find<QPushButton>(u"nextButton"_s));
        QCOMPARE(m_page->date(), today.addDays(7));
        QVERIFY(week->rectForAppointment(m_videoId).isNull());
        click(find<QPushButton>(u"previousButton"_s));
        click(find<QPushButton>(u"previousButton"_s));
        QCOMPARE(m_page->date(), today.addDays(-7));
        QVERIFY(week->rectForAppointment(m_videoId).isNull());
        QTest::keyClick(m_page, Qt::Key_T);
        QCOMPARE(m_page->date(), today);
        QVERIFY(week->rectForAppointment(m_videoId).isValid());

        QTest::keyClick(m_page, Qt::Key_Right);
        QCOMPARE(m_page->date(), today.addDays(1));
        QTest::keyClick(m_page, Qt::Key_Down);
        QCOMPARE(m_page->date(), today.addDays(8));
        QTest::keyClick(m_page, Qt::Key_T);

        // 1 shows the day alone, Ctrl+plus zooms it.
        QTest::keyClick(m_page, Qt::Key_1);
        QCOMPARE(m_page->view(), Ui::CalendarPage::View::Day);
        QCOMPARE(week->dates(), QList<QDate>{today});
        const int before = week->hourHeight();
        QTest::keyClick(m_page, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(week->hourHeight() > before);
        QCOMPARE(week->rectForAppointment(m_videoId).top(), week->yForMinute(8 * 60) + 1);
        QTest::keyClick(m_page, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(week->hourHeight(), before);
        QTest::keyClick(m_page, Qt::Key_2);
        QCOMPARE(week->dates().size(), 7);
    }

    void monthCountsTheDay()
    {
        const QDate today = m_page->date();
        QTest::keyClick(m_page, Qt::Key_3);
        QCOMPARE(m_page->view(), Ui::CalendarPage::View::Month);
        Ui::CalendarMonthView *month = m_page->monthView();
        QTRY_VERIFY(month->isVisible());
        QCOMPARE(month->countForDate(today), 2);
        QCOMPARE(month->countForDate(today.addDays(1)), 0);
        QVERIFY(month->rectForDate(today).isValid());
        QVERIFY(m_page->rangeText().contains(QString::number(today.year())));
        snapshot(m_window.get(), u"calendar-month"_s);
        m_window->grab().save(qEnvironmentVariable("LOTSE_SCREENSHOT_DIR", QDir::tempPath()) +
                              u"/calendar-month-grab.png"_s);

        click(find<QPushButton>(u"nextButton"_s));
        QCOMPARE(m_page->date(), today.addMonths(1));
        QTest::keyClick(m_page, Qt::Key_T);

        // A click on the day opens it in the day view.
        QTest::mouseClick(month, Qt::LeftButton, {}, month->rectForDate(today).center());
        QCOMPARE(m_page->view(), Ui::CalendarPage::View::Day);
        QCOMPARE(m_page->date(), today);
    }

    // 4 lists the two weeks from the shown day; the booking is there, after its day's heading.
    void agendaListsTheBookings()
    {
        QTest::keyClick(m_page, Qt::Key_4);
        QCOMPARE(m_page->view(), Ui::CalendarPage::View::Agenda);
        Ui::CalendarAgendaView *agenda = m_page->agendaView();
        QTRY_VERIFY(agenda->isVisible());
        const QRect video = agenda->rectForAppointment(m_videoId);
        const QRect phone = agenda->rectForAppointment(m_phoneId);
        QVERIFY(video.isValid());
        QVERIFY(video.bottom() < phone.top()); // in order of time
        // Olena books from Kyiv, an hour ahead of Berlin: her time is shown next to the line.
        QCOMPARE(agenda->theirTimeText(m_videoId), agendaTime(QTime(9, 0)) + u" Europe/Kyiv"_s);
        snapshot(m_window.get(), u"calendar-agenda"_s);
        QTest::keyClick(m_page, Qt::Key_PageDown);
        QVERIFY(agenda->rectForAppointment(m_videoId).isNull());
        QTest::keyClick(m_page, Qt::Key_T);
        QVERIFY(agenda->rectForAppointment(m_videoId).isValid());
    }

    // Confirmed on the server, the booking turns solid; declined, it leaves the calendar.
    void statusChangesFollowTheServer()
    {
        const QDate today = m_page->date();
        QTest::keyClick(m_page, Qt::Key_2);
        const TestHttpClient::Headers headers{{"Content-Type", "application/json"}, {"Authorization", bearer()}};
        const auto confirm = m_http->send("POST", u"/api/v1/bookings/%1/confirm"_s.arg(m_videoId), "{}", headers);
        QVERIFY2(confirm.status == 200, confirm.body.constData());
        const auto decline = m_http->send("POST", u"/api/v1/bookings/%1/decline"_s.arg(m_phoneId),
                                          R"({"reason": "Leider kein Termin frei."})", headers);
        QVERIFY2(decline.status == 200, decline.body.constData());

        m_context->calendar()->refresh();
        Ui::CalendarDayWeekView *week = m_page->dayWeekView();
        QTRY_VERIFY_WITH_TIMEOUT(week->rectForAppointment(m_phoneId).isNull(), 20000);
        const Models::CalendarModel *model = m_context->calendar()->model();
        QTRY_COMPARE(model->at(model->rowOf(m_videoId)).status, u"confirmed"_s);
        QCOMPARE(model->rowOf(m_phoneId), -1);
        QCOMPARE(m_page->monthView()->countForDate(today), 1);
        QVERIFY(week->rectForAppointment(m_videoId).isValid());
        snapshot(m_window.get(), u"calendar-week-confirmed"_s);
    }

    // A click selects the appointment; a double-click opens its details with the decrypted name.
    void doubleClickOpensTheDetails()
    {
        Ui::CalendarDayWeekView *week = m_page->dayWeekView();
        QTest::keyClick(m_page, Qt::Key_2);
        QTRY_VERIFY(week->isVisible());
        QTest::mouseClick(week, Qt::LeftButton, {}, week->rectForAppointment(m_videoId).center());
        QCOMPARE(week->selectedId(), m_videoId);
        QVERIFY(!m_window->findChild<QDialog *>(u"appointmentDialog"_s));
        QTest::mouseDClick(week, Qt::LeftButton, {}, week->rectForAppointment(m_videoId).center());
        QTRY_VERIFY(m_window->findChild<QDialog *>(u"appointmentDialog"_s));
        auto *dialog = m_window->findChild<QDialog *>(u"appointmentDialog"_s);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLabel *>(u"detailsNameLabel"_s)->text(), u"Olena Kovalenko"_s);
        dialog->reject();
        // Enter opens the selected one too.
        QTRY_VERIFY(!m_window->findChild<QDialog *>(u"appointmentDialog"_s));
        QTest::keyClick(m_page, Qt::Key_Return);
        QTRY_VERIFY(m_window->findChild<QDialog *>(u"appointmentDialog"_s));
        m_window->findChild<QDialog *>(u"appointmentDialog"_s)->reject();
    }

private:
    QByteArray bearer() const { return "Bearer " + m_token.toLatin1(); }

    // A time as the calendar writes it in the window's locale.
    QString agendaTime(QTime time) const
    {
        QString format = m_page->locale().timeFormat(QLocale::ShortFormat);
        format.remove(u":ss"_s);
        return m_page->locale().toString(time, format);
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

    // Books the first free slot of `type` as a help-seeker from Kyiv; the booking's id.
    QString book(const QString &type, const QJsonObject &fields)
    {
        const QDateTime from = m_server.now().toUTC();
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
            {u"start"_s, freeSlots.at(0).toObject().value("start"_L1)},
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

    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<Client::ClientContext> m_context;
    std::unique_ptr<Ui::MainWindow> m_window;
    std::unique_ptr<Crypto::EncryptionKeyPair> m_browser;
    Ui::CalendarPage *m_page = nullptr;
    QString m_videoId;
    QString m_phoneId;
};

QTEST_MAIN(TestDesktopCalendar)
#include "TestDesktopCalendar.moc"
