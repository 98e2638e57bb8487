// The "Calendars" box in Settings, driven like an advisor would, against a real Radicale and a real
// lotse-server on loopback, with the password in a real Secret Service: a wrong password says so,
// the right one lists the calendars, ticking and picking them takes effect (an event in a busy
// calendar disappears from the booking page's slots), everything survives a restart of the app,
// the CalDAV password is in no file, a new password keeps the choices, a booking confirmed on the
// server lands in the chosen calendar without personal data, and a calendar server that is down is
// reported without losing the account.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestRadicale.h"
#include "tests/support/TestServer.h"

#include "app/BusySync.h"
#include "app/CalDavAccount.h"
#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/RequestsService.h"
#include "app/Session.h"
#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestRadicale;
using Lotse::Tests::TestServer;

namespace {

const QString Org = u"mbe-west"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;
const QString CalDavUser = u"anna"_s;
const QString CalDavPassword = u"Kalender-Passwort-913"_s;

struct App
{
    explicit App(const QString &profileDir)
        : context(std::make_unique<Client::ClientContext>(profileDir))
    {
        context->languages()->setLanguage(u"en"_s);
        window = std::make_unique<Ui::MainWindow>(context.get());
        window->resize(1180, 900);
        window->show();
        context->session()->start();
    }
    ~App()
    {
        window.reset();
        context.reset();
    }
    template<typename T>
    T *find(const QString &name) const
    {
        return window->findChild<T *>(name);
    }
    bool showing(const QString &name) const
    {
        auto *widget = find<QWidget>(name);
        return widget && widget->isVisible();
    }
    void showSettings() const
    {
        auto *sidebar = find<QListWidget>(u"sidebarListWidget"_s);
        sidebar->setCurrentRow(sidebar->count() - 1); // Settings is the last section
    }
    // Scrolls the settings page so the calendars box is in view (for the screenshots).
    void showCalendarsBox() const
    {
        auto *box = find<QGroupBox>(u"calendarsGroupBox"_s);
        for (QWidget *parent = box->parentWidget(); parent; parent = parent->parentWidget()) {
            if (auto *scroll = qobject_cast<QScrollArea *>(parent)) {
                scroll->ensureWidgetVisible(box, 0, 0);
                break;
            }
        }
    }
    QString status() const { return find<QLabel>(u"calDavStatusLabel"_s)->text(); }
    QString problem() const
    {
        auto *label = find<QLabel>(u"calDavProblemLabel"_s);
        return label->isVisible() ? label->text() : QString();
    }
    QList<QCheckBox *> calendarCheckBoxes() const
    {
        return find<QWidget>(u"calDavCalendarsWidget"_s)->findChildren<QCheckBox *>(u"calDavCalendarCheckBox"_s);
    }
    QStringList calendars(QStringList *ticked = nullptr) const
    {
        QStringList names;
        for (QCheckBox *checkBox : calendarCheckBoxes()) {
            names.append(checkBox->text());
            if (ticked && checkBox->isChecked())
                ticked->append(checkBox->text());
        }
        return names;
    }

    std::unique_ptr<Client::ClientContext> context;
    std::unique_ptr<Ui::MainWindow> window;
};

QString message(Client::CalDavError::Kind kind, int status)
{
    Client::CalDavError error;
    error.kind = kind;
    error.httpStatus = status;
    return error.userMessage();
}

} // namespace

class TestDesktopCalDav : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    TestRadicale m_radicale;
    std::unique_ptr<TestHttpClient> m_dav;
    std::unique_ptr<QTemporaryDir> m_profile;
    QDate m_day; // the day the busy event lies on
    QString m_token;
    std::unique_ptr<Crypto::EncryptionKeyPair> m_browser;

    TestHttpClient::Reply dav(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        const QByteArray auth = "Basic " + (CalDavUser + u':' + CalDavPassword).toUtf8().toBase64();
        return m_dav->send(method, path, body, {{"Authorization", auth}, {"Content-Type", "text/calendar"}});
    }

    QStringList slotsOnBusyDay()
    {
        const QDateTime from(m_day, QTime(0, 0), QTimeZone::utc());
        const auto reply = m_http->get(u"/api/v1/public/orgs/%1/slots?type=video&from=%2&to=%3"_s.arg(
            Org, from.toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s), from.addDays(1).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s)));
        QStringList starts;
        for (const QJsonValue &slot : reply.json().value("slots"_L1).toArray())
            starts.append(QDateTime::fromString(slot.toObject().value("start"_L1).toString(), Qt::ISODate)
                              .toUTC()
                              .toString(u"HH:mm"_s));
        return starts;
    }

    // Books the first free video slot as a help-seeker would (sealed to the advisor's devices,
    // ALTCHA solved); the booking's id.
    QString book(const QJsonObject &fields)
    {
        const QDateTime from = m_server.now().toUTC();
        const auto slotsReply = m_http->get(u"/api/v1/public/orgs/%1/slots?type=video&from=%2&to=%3"_s.arg(
            Org, from.toString(Qt::ISODate), from.addDays(14).toString(Qt::ISODate)));
        const QJsonArray freeSlots = slotsReply.json().value("slots"_L1).toArray();
        if (freeSlots.isEmpty())
            return {};
        QList<QByteArray> keys;
        for (const QJsonValue &value :
             m_http->get(u"/api/v1/devices"_s, m_token).json().value("devices"_L1).toArray()) {
            if (const auto key = Crypto::fromBase64Url(value.toObject().value("x25519"_L1).toString()))
                keys.append(*key);
        }
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto plain = Crypto::CanonicalJson::serialize(fields);
        const auto sealed = Crypto::SealedEnvelope::seal(keys, Crypto::SealPurpose::BookingFields,
                                                         QByteArray("booking:"_ba + id.toUtf8()), *plain);
        const QString policy = m_http->get(u"/api/v1/public/orgs/%1"_s.arg(Org))
                                   .json()
                                   .value("privacyPolicy"_L1)
                                   .toObject()
                                   .value("version"_L1)
                                   .toString();
        const QJsonObject body{{u"bookingId"_s, id},
                               {u"type"_s, u"video"_s},
                               {u"start"_s, freeSlots.at(0).toObject().value("start"_L1)},
                               {u"language"_s, u"uk"_s},
                               {u"timeZone"_s, u"Europe/Kyiv"_s},
                               {u"email"_s, u"olena@example.org"_s},
                               {u"policyVersion"_s, policy},
                               {u"browserKey"_s, Crypto::toBase64Url(m_browser->publicKey())},
                               {u"sealed"_s, Crypto::toBase64Url(sealed ? *sealed : QByteArray())},
                               {u"altcha"_s, solveAltcha()}};
        const auto reply = m_http->postJson(u"/api/v1/public/orgs/%1/bookings"_s.arg(Org), body);
        if (reply.status != 201) {
            qWarning() << "booking refused:" << reply.status << reply.body;
            return {};
        }
        return id;
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

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);

        m_radicale.addUser(CalDavUser, CalDavPassword);
        QVERIFY2(m_radicale.start(), qPrintable(m_radicale.lastError()));
        m_dav = std::make_unique<TestHttpClient>(m_radicale.baseUrl());
        QCOMPARE(dav("PROPFIND", u"/anna/"_s).status, 207);
        const QByteArray mkcalendar = R"(<?xml version="1.0" encoding="utf-8"?>
<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>NAME</d:displayname>
<c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>)";
        QCOMPARE(dav("MKCALENDAR", u"/anna/work/"_s, QByteArray(mkcalendar).replace("NAME", "Arbeit")).status, 201);
        QCOMPARE(dav("MKCALENDAR", u"/anna/private/"_s, QByteArray(mkcalendar).replace("NAME", "Privat")).status, 201);

        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QVERIFY(m_server.createOrg(Org, u"Migrationsberatung West"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY(!m_token.isEmpty());
        m_browser = std::make_unique<Crypto::EncryptionKeyPair>(Crypto::EncryptionKeyPair::generate());
        // Every day 08:00-12:00 UTC, hour-long video appointments: whatever weekday it is.
        QJsonObject weekly;
        for (const QString &day : {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s})
            weekly.insert(day, QJsonArray{QJsonObject{{u"start"_s, u"08:00"_s}, {u"end"_s, u"12:00"_s}}});
        const QJsonObject availability{
            {u"timeZone"_s, u"UTC"_s},
            {u"weekly"_s, weekly},
            {u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 60}}}},
            {u"slotStepMinutes"_s, 60}};
        QCOMPARE(m_http
                     ->send("PUT", u"/api/v1/me/availability"_s, QJsonDocument(availability).toJson(),
                            {{"Authorization", "Bearer " + m_token.toLatin1()}, {"Content-Type", "application/json"}})
                     .status,
                 200);

        // A meeting in "Arbeit" and one in "Privat", three days ahead (within the synced window).
        m_day = m_server.now().toUTC().date().addDays(3);
        const auto event = [this](const QByteArray &uid, int hour) -> QByteArray {
            const QByteArray day = m_day.toString(u"yyyyMMdd"_s).toLatin1();
            const QByteArray start = QByteArray::number(hour).rightJustified(2, '0');
            const QByteArray end = QByteArray::number(hour + 1).rightJustified(2, '0');
            return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid +
                   "\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:Team meeting\r\nDTSTART:" + day + 'T' + start +
                   "0000Z\r\nDTEND:" + day + 'T' + end + "0000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        };
        QCOMPARE(dav("PUT", u"/anna/work/meeting.ics"_s, event("meeting@caldav.test", 9)).status, 201);
        QCOMPARE(dav("PUT", u"/anna/private/doctor.ics"_s, event("doctor@caldav.test", 11)).status, 201);
        QCOMPARE(slotsOnBusyDay(), (QStringList{u"08:00"_s, u"09:00"_s, u"10:00"_s, u"11:00"_s}));
        m_profile = std::make_unique<QTemporaryDir>();
    }

    void addAnAccountAndChooseCalendars()
    {
        App app(m_profile->path());
        QTRY_VERIFY(app.showing(u"signInPage"_s));
        typeInto(app.find<QLineEdit>(u"serverLineEdit"_s), m_server.baseUrl().toString());
        typeInto(app.find<QLineEdit>(u"usernameLineEdit"_s), Anna);
        typeInto(app.find<QLineEdit>(u"passwordLineEdit"_s), AnnaPassword);
        click(app.find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        app.showSettings();
        QTRY_VERIFY(app.showing(u"calendarsGroupBox"_s));
        QVERIFY(app.showing(u"calDavAddressLineEdit"_s));
        QVERIFY(!app.showing(u"calDavCalendarsWidget"_s));
        QVERIFY(!app.showing(u"calDavErrorLabel"_s));
        app.showCalendarsBox();
        snapshot(app.window.get(), u"caldav-empty"_s);
        snapshot(app.find<QWidget>(u"calendarsGroupBox"_s), u"caldav-box-empty"_s);

        // A wrong password: said in words, nothing stored.
        typeInto(app.find<QLineEdit>(u"calDavAddressLineEdit"_s), m_radicale.baseUrl().toString());
        typeInto(app.find<QLineEdit>(u"calDavUserLineEdit"_s), CalDavUser);
        typeInto(app.find<QLineEdit>(u"calDavPasswordLineEdit"_s), u"falsch"_s);
        click(app.find<QPushButton>(u"calDavConnectButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"calDavErrorLabel"_s), 20000);
        QCOMPARE(app.find<QLabel>(u"calDavErrorLabel"_s)->text(),
                 message(Client::CalDavError::Kind::Unauthorized, 401));
        QVERIFY(app.showing(u"calDavAddressLineEdit"_s));
        QVERIFY(!app.context->calDavAccount()->hasAccount());
        app.showCalendarsBox();
        snapshot(app.window.get(), u"caldav-wrong-password"_s);
        snapshot(app.find<QWidget>(u"calendarsGroupBox"_s), u"caldav-box-wrong-password"_s);

        // The right one: both calendars, both counting as busy until unticked.
        typeInto(app.find<QLineEdit>(u"calDavPasswordLineEdit"_s), CalDavPassword);
        click(app.find<QPushButton>(u"calDavConnectButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"calDavCalendarsWidget"_s), 20000);
        QVERIFY(!app.showing(u"calDavErrorLabel"_s));
        QVERIFY(!app.showing(u"calDavAddressLineEdit"_s));
        QVERIFY(app.find<QLineEdit>(u"calDavPasswordLineEdit"_s)->text().isEmpty());
        QStringList ticked;
        QStringList names = app.calendars(&ticked);
        names.sort();
        ticked.sort();
        QCOMPARE(names, (QStringList{u"Arbeit"_s, u"Privat"_s}));
        QCOMPARE(ticked, names);
        QVERIFY(app.find<QLabel>(u"calDavConnectedLabel"_s)->text().contains(CalDavUser));

        // "Privat" does not count; Lotse's appointments go to "Arbeit".
        QCheckBox *privat = nullptr;
        for (QCheckBox *checkBox : app.calendarCheckBoxes()) {
            if (checkBox->text() == "Privat"_L1)
                privat = checkBox;
        }
        QVERIFY(privat);
        QTest::mouseClick(privat, Qt::LeftButton, {}, QPoint(8, privat->height() / 2));
        QVERIFY(!privat->isChecked());
        QTRY_COMPARE(app.context->calDavAccount()->busyCalendars(),
                     QList<QUrl>{m_radicale.baseUrl().resolved(QUrl(u"/anna/work/"_s))});
        auto *publish = app.find<QComboBox>(u"calDavPublishComboBox"_s);
        QCOMPARE(publish->currentData().toUrl(), QUrl());
        publish->setCurrentIndex(publish->findText(u"Arbeit"_s));
        QCOMPARE(app.context->calDavAccount()->publishCalendar(),
                 m_radicale.baseUrl().resolved(QUrl(u"/anna/work/"_s)));

        // The meeting in "Arbeit" reaches the booking page; the doctor in "Privat" does not.
        QTRY_VERIFY_WITH_TIMEOUT(app.context->busySync()->state() == Client::BusySync::State::UpToDate, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(slotsOnBusyDay(), (QStringList{u"08:00"_s, u"10:00"_s, u"11:00"_s}), 20000);
        QTRY_VERIFY(app.status().contains(u"Busy times are up to date."_s));
        QVERIFY(!app.status().contains(u"never"_s));
        app.showCalendarsBox();
        snapshot(app.window.get(), u"caldav-account"_s);
        snapshot(app.find<QWidget>(u"calendarsGroupBox"_s), u"caldav-box-account"_s);
    }

    void choicesSurviveARestartAndThePasswordStaysInTheKeychain()
    {
        App app(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        app.showSettings();
        QTRY_VERIFY(app.showing(u"calDavCalendarsWidget"_s));
        QStringList ticked;
        QStringList names = app.calendars(&ticked);
        names.sort();
        QCOMPARE(names, (QStringList{u"Arbeit"_s, u"Privat"_s}));
        QCOMPARE(ticked, QStringList{u"Arbeit"_s});
        QCOMPARE(app.find<QComboBox>(u"calDavPublishComboBox"_s)->currentText(), u"Arbeit"_s);
        // The password came back from the keychain: a sync after the restart works.
        click(app.find<QPushButton>(u"calDavSyncButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.context->busySync()->state() == Client::BusySync::State::UpToDate, 20000);
        QVERIFY(app.status().contains(u"Busy times are up to date."_s));

        const QString entry = app.context->profile().id() + u"/caldav/"_s + CalDavUser + u'@' +
                              m_radicale.baseUrl().toString() + u"/password"_s;
        const auto stored = secretServiceLookup(Client::Profile::keychainService(), entry);
        QVERIFY2(stored.has_value(), "no CalDAV password in the Secret Service");
        QVERIFY(stored->trimmed() == CalDavPassword.toUtf8() ||
                QByteArray::fromBase64(stored->trimmed()) == CalDavPassword.toUtf8());

        // In no file of the profile, the config or the data directories: not in clear, not in base64.
        const QStringList roots{m_profile->path(),
                                QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                                QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
        int checked = 0;
        for (const QString &root : roots) {
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                // The Secret Service's own database is where the password belongs.
                if (path.contains(u"/keyrings/"_s))
                    continue;
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray content = file.readAll();
                QVERIFY2(!content.contains(CalDavPassword.toUtf8()), qPrintable(path));
                QVERIFY2(!content.contains(CalDavPassword.toUtf8().toBase64()), qPrintable(path));
                ++checked;
            }
        }
        QVERIFY(checked >= 2); // the settings and the CalDAV store at least
        QVERIFY(QFile::exists(Client::CalDavStore::defaultPath(app.context->profile().id())));
    }

    void aNewPasswordKeepsTheChoices()
    {
        App app(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        app.showSettings();
        QTRY_VERIFY(app.showing(u"calDavChangePasswordButton"_s));
        click(app.find<QPushButton>(u"calDavChangePasswordButton"_s));
        QVERIFY(app.showing(u"calDavPasswordLineEdit"_s));
        QVERIFY(!app.showing(u"calDavCalendarsWidget"_s));
        auto *address = app.find<QLineEdit>(u"calDavAddressLineEdit"_s);
        QCOMPARE(address->text(), m_radicale.baseUrl().toString());
        QVERIFY(address->isReadOnly());
        QCOMPARE(app.find<QLineEdit>(u"calDavUserLineEdit"_s)->text(), CalDavUser);

        // A wrong one is refused and changes nothing; Cancel goes back to the account.
        typeInto(app.find<QLineEdit>(u"calDavPasswordLineEdit"_s), u"vertippt"_s);
        click(app.find<QPushButton>(u"calDavConnectButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"calDavErrorLabel"_s), 20000);
        QCOMPARE(app.find<QLabel>(u"calDavErrorLabel"_s)->text(),
                 message(Client::CalDavError::Kind::Unauthorized, 401));
        app.showCalendarsBox();
        snapshot(app.find<QWidget>(u"calendarsGroupBox"_s), u"caldav-box-new-password-refused"_s);
        click(app.find<QPushButton>(u"calDavCancelButton"_s));
        QVERIFY(app.showing(u"calDavCalendarsWidget"_s));
        QVERIFY(!app.showing(u"calDavErrorLabel"_s));

        // The right one: back to the account, the choices as they were.
        click(app.find<QPushButton>(u"calDavChangePasswordButton"_s));
        typeInto(app.find<QLineEdit>(u"calDavPasswordLineEdit"_s), CalDavPassword);
        click(app.find<QPushButton>(u"calDavConnectButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"calDavCalendarsWidget"_s), 20000);
        QVERIFY(!app.showing(u"calDavErrorLabel"_s));
        QStringList ticked;
        app.calendars(&ticked);
        QCOMPARE(ticked, QStringList{u"Arbeit"_s});
        QCOMPARE(app.find<QComboBox>(u"calDavPublishComboBox"_s)->currentText(), u"Arbeit"_s);
    }

    void aConfirmedBookingGoesIntoTheCalendarWithoutPersonalData()
    {
        App app(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        const QString id = book({{u"firstName"_s, u"Olena"_s}, {u"lastName"_s, u"Kovalenko"_s}});
        QVERIFY(!id.isEmpty());
        const TestHttpClient::Headers headers{{"Content-Type", "application/json"},
                                              {"Authorization", "Bearer " + m_token.toLatin1()}};
        const auto confirm = m_http->send("POST", u"/api/v1/bookings/%1/confirm"_s.arg(id), "{}", headers);
        QVERIFY2(confirm.status == 200, confirm.body.constData());
        app.context->requests()->refresh();

        // In "Arbeit", the calendar chosen for appointments, as a title and times only.
        const QString path = u"/anna/work/%1.ics"_s.arg(id);
        QTRY_COMPARE_WITH_TIMEOUT(dav("GET", path).status, 200, 20000);
        const QByteArray event = dav("GET", path).body;
        QVERIFY(event.contains(QByteArray("UID:" + id.toUtf8() + "@lotse")));
        QVERIFY(event.contains("SUMMARY:Counselling (video)"));
        const QDateTime start = QDateTime::fromString(
            confirm.json().value("booking"_L1).toObject().value("start"_L1).toString(), Qt::ISODate);
        QVERIFY(event.contains(QByteArray("DTSTART:" + start.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1())));
        for (const QByteArray personal : {"Olena", "Kovalenko", "olena@example.org", "ATTENDEE", "DESCRIPTION"})
            QVERIFY2(!event.contains(personal), personal.constData());

        // Declined after all: the event goes again.
        const auto decline = m_http->send("POST", u"/api/v1/bookings/%1/decline"_s.arg(id),
                                          R"({"reason": "Leider doch kein Termin frei."})", headers);
        QVERIFY2(decline.status == 200, decline.body.constData());
        app.context->requests()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(dav("GET", path).status, 404, 20000);
    }

    void calendarServerDownIsReportedAndNothingIsLost()
    {
        App app(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        app.showSettings();
        QTRY_VERIFY(app.showing(u"calDavCalendarsWidget"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.context->busySync()->state() == Client::BusySync::State::UpToDate, 20000);

        m_radicale.stop();
        click(app.find<QPushButton>(u"calDavSyncButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.context->busySync()->state() == Client::BusySync::State::CalendarProblem, 20000);
        QCOMPARE(app.problem(), message(Client::CalDavError::Kind::Unreachable, 0));
        QVERIFY(app.status().startsWith(u"Last synced: "_s));
        QVERIFY(!app.status().contains(u"never"_s));
        // The account and the busy times already on the server stay.
        QVERIFY(app.showing(u"calDavCalendarsWidget"_s));
        QVERIFY(app.context->calDavAccount()->hasAccount());
        QCOMPARE(slotsOnBusyDay(), (QStringList{u"08:00"_s, u"10:00"_s, u"11:00"_s}));
        app.showCalendarsBox();
        snapshot(app.window.get(), u"caldav-server-down"_s);
        snapshot(app.find<QWidget>(u"calendarsGroupBox"_s), u"caldav-box-server-down"_s);

        QVERIFY2(m_radicale.start(), qPrintable(m_radicale.lastError()));
        click(app.find<QPushButton>(u"calDavSyncButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(app.context->busySync()->state() == Client::BusySync::State::UpToDate, 20000);
        QCOMPARE(app.problem(), QString());
    }

    void removingTheAccountFreesTheTimes()
    {
        App app(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(app.showing(u"workspace"_s), 20000);
        app.showSettings();
        QTRY_VERIFY(app.showing(u"calDavRemoveButton"_s));
        click(app.find<QPushButton>(u"calDavRemoveButton"_s));
        QTRY_VERIFY(app.showing(u"calDavAddressLineEdit"_s));
        QTRY_COMPARE_WITH_TIMEOUT(slotsOnBusyDay(), (QStringList{u"08:00"_s, u"09:00"_s, u"10:00"_s, u"11:00"_s}),
                                  20000);
        const QString entry = app.context->profile().id() + u"/caldav/"_s + CalDavUser + u'@' +
                              m_radicale.baseUrl().toString() + u"/password"_s;
        QTRY_VERIFY(!secretServiceLookup(Client::Profile::keychainService(), entry).has_value());
    }
};

QTEST_MAIN(TestDesktopCalDav)
#include "TestDesktopCalDav.moc"
