// The Requests section against a real lotse-server: bookings and a contact message are made
// through the public API exactly as a help-seeker's browser makes them (ALTCHA solved, personal
// fields sealed to the signed-in device's X25519 key as the server lists it); the desktop opens
// them on the device, and Confirm, Decline (with a reason), Propose and Mark as done change the
// request on the server (checked through the API). An envelope sealed to another device of the
// organisation shows that state instead of garbage.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/Session.h"
#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"
#include "ui/DeclineDialog.h"
#include "ui/MainWindow.h"
#include "ui/ProposeDialog.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
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

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

using App = DesktopApp;

} // namespace

class TestDesktopRequests : public QObject
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
        // Free times depend on the time of day. The server's clock starts early tomorrow (before
        // 08:00 in Berlin), so the first day offered always has its full hours, whenever this runs.
        m_server.setNow(QDateTime(QDateTime::currentDateTimeUtc().date().addDays(1), QTime(5, 0), QTimeZone::utc()));
        QVERIFY(m_server.createOrg(Org, u"Migrationsberatung Süd"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY2(!m_token.isEmpty(), m_http->lastReply().body.constData());

        // One place to meet on site.
        const auto locations = m_http->send(
            "PUT", u"/api/v1/org/locations"_s,
            QJsonDocument(QJsonObject{{u"locations"_s,
                                       QJsonArray{QJsonObject{{u"name"_s, u"Beratungsstelle Mitte"_s},
                                                              {u"address"_s, u"Hauptstraße 5, 10115 Berlin"_s}}}}})
                .toJson(),
            {{"Content-Type", "application/json"}, {"Authorization", bearer()}});
        QVERIFY2(locations.status == 200, locations.body.constData());
        m_locationId = locations.json().value("locations"_L1).toArray().at(0).toObject().value("id"_L1).toString();
        QVERIFY(!m_locationId.isEmpty());

        // Anna offers every type every day from 08:00 to 20:00, Berlin time.
        QJsonObject weekly;
        for (const QString &day : {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s})
            weekly.insert(day, QJsonArray{QJsonObject{{u"start"_s, u"08:00"_s}, {u"end"_s, u"20:00"_s}}});
        const QJsonObject availability{
            {u"timeZone"_s, u"Europe/Berlin"_s},
            {u"weekly"_s, weekly},
            {u"absences"_s, QJsonArray()},
            {u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 45}},
                                    QJsonObject{{u"type"_s, u"phone"_s}, {u"durationMinutes"_s, 30}},
                                    QJsonObject{{u"type"_s, u"onsite"_s},
                                                {u"durationMinutes"_s, 60},
                                                {u"locationIds"_s, QJsonArray{m_locationId}}}}},
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

    void cleanupTestCase() { m_app.reset(); }

    // Signs in through the window; the device registers its keys with the server.
    void signIn()
    {
        m_app = std::make_unique<App>(m_profile->path());
        QVERIFY(m_app->signIn(m_server.baseUrl(), Anna, AnnaPassword));
        // Nothing booked yet: the section says so.
        openRequests();
        QTRY_VERIFY(m_app->showing(u"requestsEmptyLabel"_s));
        QVERIFY(m_app->find<QLabel>(u"requestsErrorLabel"_s)->isHidden());
    }

    void bookingIsDecryptedOnTheDeviceAndConfirmed()
    {
        const QString id = book(u"phone"_s, deviceKeys(),
                                {{u"firstName"_s, u"Olena"_s},
                                 {u"lastName"_s, u"Kovalenko"_s},
                                 {u"phone"_s, u"+49 170 5550123"_s},
                                 {u"message"_s, u"Ich brauche Hilfe beim Antrag auf Aufenthaltserlaubnis."_s}});
        QVERIFY(!id.isEmpty());
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
        const QModelIndex index = list->model()->index(rowOf(id), 0);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Olena Kovalenko"_s);
        // The sidebar counts what waits for the advisor.
        QTRY_COMPARE(m_app->context->requests()->model()->openCount(), 1);
        QCOMPARE(sidebarBadge(), 1);

        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        QTRY_COMPARE(m_app->find<QLabel>(u"requestNameLabel"_s)->text(), u"Olena Kovalenko"_s);
        QCOMPARE(m_app->find<QLabel>(u"requestPhoneLabel"_s)->text(), u"+49 170 5550123"_s);
        QCOMPARE(m_app->find<QLabel>(u"requestMessageLabel"_s)->text(),
                 u"Ich brauche Hilfe beim Antrag auf Aufenthaltserlaubnis."_s);
        QCOMPARE(m_app->find<QLabel>(u"requestEmailLabel"_s)->text(), u"olena@example.org"_s);
        QCOMPARE(m_app->find<QLabel>(u"requestLanguageLabel"_s)->text(), u"Українська"_s);
        // Every shown row really has room (a squeezed layout once drew the last row 0 px high).
        for (const QString &name :
             {u"requestLocationLabel"_s, u"requestAddressLabel"_s, u"requestEmailLabel"_s, u"requestLanguageLabel"_s})
            QVERIFY2(m_app->find<QLabel>(name)->height() >= m_app->find<QLabel>(name)->fontMetrics().height(),
                     qPrintable(name));
        // The help-seeker books from Kyiv: their time is shown next to Anna's.
        QVERIFY2(m_app->find<QLabel>(u"requestTimeLabel"_s)->text().contains(u"Europe/Kyiv"_s),
                 qPrintable(m_app->find<QLabel>(u"requestTimeLabel"_s)->text()));
        QVERIFY(m_app->find<QLabel>(u"requestSealedLabel"_s)->isHidden());
        QVERIFY(m_app->find<QWidget>(u"requestAddressLabel"_s)->isHidden());
        snapshot(m_app->window.get(), u"requests"_s);

        click(m_app->find<QPushButton>(u"confirmButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(requestStatus(*m_http, m_token, id), u"confirmed"_s, 20000);
        QTRY_COMPARE(list->model()->index(rowOf(id), 0).data(Client::RequestsModel::StatusRole).toString(),
                     u"confirmed"_s);
        QTRY_COMPARE(m_app->context->requests()->model()->openCount(), 0);
        QCOMPARE(sidebarBadge(), 0);
        QVERIFY(m_app->find<QPushButton>(u"confirmButton"_s)->isHidden());
        QVERIFY(m_app->find<QLabel>(u"requestActionErrorLabel"_s)->isHidden());
    }

    void declineSendsTheReason()
    {
        const QString id = book(u"video"_s, deviceKeys(), {{u"firstName"_s, u"Jonas"_s}, {u"lastName"_s, u"Weber"_s}});
        QVERIFY(!id.isEmpty());
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(rowOf(id), 0)).center());
        QTRY_COMPARE(m_app->find<QLabel>(u"requestNameLabel"_s)->text(), u"Jonas Weber"_s);

        click(m_app->find<QPushButton>(u"declineButton"_s));
        Ui::DeclineDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_app->window->findChild<Ui::DeclineDialog *>()) && dialog->isVisible());
        auto *decline = dialog->findChild<QPushButton *>(u"declineConfirmButton"_s);
        QVERIFY(!decline->isEnabled()); // no reason, no decline
        auto *reason = dialog->findChild<QPlainTextEdit *>(u"reasonTextEdit"_s);
        reason->setFocus();
        QTest::keyClicks(reason, u"Ich bin in dieser Woche ausgebucht."_s);
        QVERIFY(decline->isEnabled());
        snapshot(dialog, u"requests-decline"_s);
        click(decline);
        QTRY_COMPARE_WITH_TIMEOUT(requestStatus(*m_http, m_token, id), u"declined"_s, 20000);
        QTRY_COMPARE(list->model()->index(rowOf(id), 0).data(Client::RequestsModel::StatusRole).toString(),
                     u"declined"_s);
    }

    void proposeAnotherFreeTime()
    {
        const QString id = book(u"video"_s, deviceKeys(), {{u"firstName"_s, u"Amira"_s}});
        QVERIFY(!id.isEmpty());
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(rowOf(id), 0)).center());
        QTRY_COMPARE(m_app->find<QLabel>(u"requestNameLabel"_s)->text(), u"Amira"_s);

        click(m_app->find<QPushButton>(u"proposeButton"_s));
        Ui::ProposeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_app->window->findChild<Ui::ProposeDialog *>()) && dialog->isVisible());
        auto *slotsList = dialog->findChild<QListWidget *>(u"slotsListWidget"_s);
        QTRY_VERIFY_WITH_TIMEOUT(slotsList->isVisible() && slotsList->count() > 2, 20000);
        // The first day heading, then its first free time; take the second free time of that day.
        QVERIFY(!(slotsList->item(0)->flags() & Qt::ItemIsEnabled));
        QListWidgetItem *choice = slotsList->item(2);
        QVERIFY(choice->flags() & Qt::ItemIsEnabled);
        slotsList->scrollToItem(choice);
        QTest::mouseClick(slotsList->viewport(), Qt::LeftButton, {}, slotsList->visualItemRect(choice).center());
        const QDateTime proposed = dialog->chosenStart();
        QVERIFY(proposed.isValid());
        snapshot(dialog, u"requests-propose"_s);
        click(dialog->findChild<QPushButton *>(u"proposeConfirmButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(requestStatus(*m_http, m_token, id), u"proposed"_s, 20000);
    }

    void onSiteShowsThePlaceAndTheAddress()
    {
        const QString id = book(u"onsite"_s, deviceKeys(),
                                {{u"firstName"_s, u"Oksana"_s},
                                 {u"lastName"_s, u"Hrytsenko"_s},
                                 {u"address"_s, u"Lindenweg 3\n12345 Musterstadt"_s}},
                                m_locationId);
        QVERIFY(!id.isEmpty());
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(rowOf(id), 0)).center());
        QTRY_COMPARE(m_app->find<QLabel>(u"requestNameLabel"_s)->text(), u"Oksana Hrytsenko"_s);
        QCOMPARE(m_app->find<QLabel>(u"requestAddressLabel"_s)->text(), u"Lindenweg 3\n12345 Musterstadt"_s);
        QTRY_COMPARE(m_app->find<QLabel>(u"requestLocationLabel"_s)->text(),
                     u"Beratungsstelle Mitte, Hauptstraße 5, 10115 Berlin"_s);
        QVERIFY(m_app->find<QWidget>(u"requestPhoneLabel"_s)->isHidden());
        QVERIFY(m_app->find<QLabel>(u"requestLanguageLabel"_s)->isVisible());
        QCOMPARE(m_app->find<QLabel>(u"requestLanguageLabel"_s)->text(), u"Українська"_s);
        // Every shown row really has room (a squeezed layout once drew the last row 0 px high).
        for (const QString &name :
             {u"requestLocationLabel"_s, u"requestAddressLabel"_s, u"requestEmailLabel"_s, u"requestLanguageLabel"_s})
            QVERIFY2(m_app->find<QLabel>(name)->height() >= m_app->find<QLabel>(name)->fontMetrics().height(),
                     qPrintable(name));
        snapshot(m_app->window.get(), u"requests-onsite"_s);
    }

    void contactMessageMarkedDone()
    {
        const QString id = newId();
        const QByteArray sealed = seal(deviceKeys(), "message:"_ba + id.toUtf8(),
                                       {{u"firstName"_s, u"Pavlo"_s}, {u"message"_s, u"Haben Sie samstags offen?"_s}});
        const auto reply = m_http->postJson(u"/api/v1/public/orgs/%1/messages"_s.arg(Org),
                                            {{u"messageId"_s, id},
                                             {u"language"_s, u"de"_s},
                                             {u"timeZone"_s, u"Europe/Berlin"_s},
                                             {u"email"_s, u"pavlo@example.org"_s},
                                             {u"policyVersion"_s, policyVersion()},
                                             {u"browserKey"_s, Crypto::toBase64Url(m_browser->publicKey())},
                                             {u"sealed"_s, Crypto::toBase64Url(sealed)},
                                             {u"altcha"_s, solveAltcha()}});
        QVERIFY2(reply.status == 201, reply.body.constData());
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(rowOf(id), 0)).center());
        QTRY_COMPARE(m_app->find<QLabel>(u"requestMessageLabel"_s)->text(), u"Haben Sie samstags offen?"_s);
        QVERIFY(m_app->find<QPushButton>(u"confirmButton"_s)->isHidden());
        click(m_app->find<QPushButton>(u"doneButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(requestStatus(*m_http, m_token, id), u"done"_s, 20000);
    }

    // Without touching Refresh: the service polls (every minute in the app; faster here).
    void newRequestsArriveByThemselves()
    {
        m_app->context->requests()->setPollInterval(300);
        const QString id = book(u"video"_s, deviceKeys(), {{u"firstName"_s, u"Mariam"_s}});
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
        QCOMPARE(m_app->context->requests()->model()->index(rowOf(id)).data(Qt::DisplayRole).toString(), u"Mariam"_s);
        m_app->context->requests()->setPollInterval(60 * 1000);
    }

    void sealedToAnotherDeviceIsSaidSo()
    {
        // A second device of the organisation (Anna's tablet), registered through the API.
        const auto encryption = Crypto::EncryptionKeyPair::generate();
        const auto signing = Crypto::SigningKeyPair::generate();
        QJsonObject device = Crypto::signDeviceKeys(encryption, signing).toJson();
        device.insert(u"name"_s, u"Tablet"_s);
        const auto registered = m_http->postJson(u"/api/v1/devices"_s, device, m_token);
        QVERIFY2(registered.status == 201, registered.body.constData());

        const QString id = book(u"phone"_s, {encryption.publicKey()}, {{u"firstName"_s, u"Geheim"_s}});
        QVERIFY(!id.isEmpty());
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(id) >= 0, 20000);
        const QModelIndex index = list->model()->index(rowOf(id), 0);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Sealed to another device"_s);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        QTRY_VERIFY(m_app->showing(u"requestSealedLabel"_s));
        QVERIFY(m_app->find<QLabel>(u"requestNameLabel"_s)->text() != u"Geheim"_s);
        QVERIFY(m_app->find<QWidget>(u"requestMessageLabel"_s)->isHidden());
        // The advisor can still answer: what the server sees in clear is there.
        QVERIFY(m_app->find<QPushButton>(u"confirmButton"_s)->isVisible());
        snapshot(m_app->window.get(), u"requests-sealed"_s);
    }

    void switchesLanguage()
    {
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
        m_app->context->languages()->setLanguage(u"de"_s);
        QTRY_COMPARE(m_app->find<QPushButton>(u"refreshButton"_s)->text(), u"Aktualisieren"_s);
        QCOMPARE(m_app->find<QPushButton>(u"declineButton"_s)->text(), u"Ablehnen …"_s);
        QCOMPARE(list->model()->index(0, 0).data(Client::RequestsModel::StatusTextRole).toString(),
                 u"Wartet auf Sie"_s);
        QVERIFY(m_app->find<QLabel>(u"requestStatusLabel"_s)->text().contains(u"Wartet auf Sie"_s));
        snapshot(m_app->window.get(), u"requests-de"_s);
        m_app->context->languages()->setLanguage(u"en"_s);
        QTRY_COMPARE(m_app->find<QPushButton>(u"refreshButton"_s)->text(), u"Refresh"_s);
    }

    // Last: the session runs out while the app polls; the window asks to sign in again and
    // nothing of the requests stays on screen.
    void expiredSessionLeadsBackToSignIn()
    {
        QVERIFY(m_app->context->requests()->model()->rowCount() > 0);
        m_server.advanceClock(13 * 3600); // sessions end after 12 hours without use
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"signInPage"_s), 20000);
        QCOMPARE(m_app->context->requests()->model()->rowCount(), 0);
        auto *notice = m_app->find<QWidget>(u"signInPage"_s)->findChild<QLabel *>(u"noticeLabel"_s);
        QTRY_VERIFY(notice->isVisible());
        QCOMPARE(notice->text(), u"Your session has expired. Please sign in again."_s);
    }

private:
    QByteArray bearer() const { return "Bearer " + m_token.toLatin1(); }

    void openRequests()
    {
        auto *sidebar = m_app->find<QListWidget>(u"sidebarListWidget"_s);
        for (int row = 0; row < sidebar->count(); ++row) {
            if (sidebar->item(row)->text() == "Requests"_L1)
                sidebar->setCurrentRow(row);
        }
    }

    int sidebarBadge() const
    {
        auto *sidebar = m_app->find<QListWidget>(u"sidebarListWidget"_s);
        for (int row = 0; row < sidebar->count(); ++row) {
            if (sidebar->item(row)->text() == "Requests"_L1)
                return sidebar->item(row)->data(Qt::UserRole).toInt();
        }
        return -1;
    }

    int rowOf(const QString &id) const { return m_app->context->requests()->model()->rowOf(id); }

    // The X25519 keys of the organisation's active devices, as the server lists them.
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
    QString book(const QString &type, const QList<QByteArray> &sealTo, const QJsonObject &fields,
                 const QString &locationId = {})
    {
        const QDateTime from = m_server.now().toUTC();
        QString slotsPath = u"/api/v1/public/orgs/%1/slots?type=%2&from=%3&to=%4"_s.arg(
            Org, type, from.toString(Qt::ISODate), from.addDays(14).toString(Qt::ISODate));
        if (!locationId.isEmpty())
            slotsPath += u"&location="_s + locationId;
        const auto slotsReply = m_http->get(slotsPath);
        const QJsonArray freeSlots = slotsReply.json().value("slots"_L1).toArray();
        if (freeSlots.isEmpty()) {
            qWarning() << "no free slots:" << slotsReply.status << slotsReply.body;
            return {};
        }
        const QString id = newId();
        QJsonObject body{{u"bookingId"_s, id},
                         {u"type"_s, type},
                         {u"start"_s, freeSlots.at(m_bookings++ % freeSlots.size()).toObject().value("start"_L1)},
                         {u"language"_s, u"uk"_s},
                         {u"timeZone"_s, u"Europe/Kyiv"_s},
                         {u"email"_s, u"olena@example.org"_s},
                         {u"policyVersion"_s, policyVersion()},
                         {u"browserKey"_s, Crypto::toBase64Url(m_browser->publicKey())},
                         {u"sealed"_s, Crypto::toBase64Url(seal(sealTo, "booking:"_ba + id.toUtf8(), fields))},
                         {u"altcha"_s, solveAltcha()}};
        if (!locationId.isEmpty())
            body.insert(u"locationId"_s, locationId);
        const auto reply = m_http->postJson(u"/api/v1/public/orgs/%1/bookings"_s.arg(Org), body);
        if (reply.status != 201) {
            qWarning() << "booking refused:" << reply.status << reply.body;
            return {};
        }
        return id;
    }

    // The request's status as the server has it.
    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<App> m_app;
    QString m_locationId;
    std::unique_ptr<Crypto::EncryptionKeyPair> m_browser; // the help-seeker's browser key
    int m_bookings = 0;
};

QTEST_MAIN(TestDesktopRequests)
#include "TestDesktopRequests.moc"
