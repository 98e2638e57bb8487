// The Conversations section and the waiting room against a real lotse-server, with a help-seeker
// played by RoomVisitor (lotse_crypto + QWebSocket, as the web page does it): chat both ways with
// the room key made on the desktop, the verification code equal on both sides, a tampered record
// and one for another room shown as "could not be decrypted", unread counts in the sidebar and
// the list, search in the decrypted history, the history again after an app restart (synced, never
// stored in clear), a key change that blocks sending until confirmed, and two advisors taking the
// same waiting help-seeker at once: exactly one gets them.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/RoomVisitor.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/RequestsService.h"
#include "app/RoomService.h"
#include "app/RoomSocket.h"
#include "app/ServerClient.h"
#include "app/Session.h"
#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"
#include "ui/ChatView.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/TrayIcon.h"

#include <QApplication>
#include <QDirIterator>
#include <QDropEvent>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::RoomVisitor;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

const QString Org = u"mbe-sued"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;
const QString Ben = u"ben.schulz"_s;
const QString BenPassword = u"Leuchtturm-17-Hafen"_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct App : DesktopApp
{
    using DesktopApp::DesktopApp;
    QListWidget *sidebar() const { return find<QListWidget>(u"sidebarListWidget"_s); }
    int badge(const QString &title) const
    {
        for (int row = 0; row < sidebar()->count(); ++row) {
            if (sidebar()->item(row)->text() == title)
                return sidebar()->item(row)->data(Qt::UserRole).toInt();
        }
        return -1;
    }
    QString history() const { return find<QTextBrowser>(u"chatHistoryBrowser"_s)->toPlainText(); }
    Client::RoomService *rooms() const { return context->rooms(); }
};

int count(const QString &haystack, const QString &needle)
{
    return int(haystack.count(needle));
}

} // namespace

class TestDesktopConversations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        // Pinned early tomorrow: free slots and the waiting room never depend on the time of day.
        m_server.setNow(QDateTime(QDateTime::currentDateTimeUtc().date().addDays(1), QTime(5, 0), QTimeZone::utc()));
        QVERIFY(m_server.createOrg(Org, u"Migrationsberatung Süd"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        QVERIFY(m_server.createAdvisor(Org, Ben, BenPassword, u"Ben Schulz"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY2(!m_token.isEmpty(), m_http->lastReply().body.constData());
        QJsonObject weekly;
        for (const QString &day : {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s})
            weekly.insert(day, QJsonArray{QJsonObject{{u"start"_s, u"08:00"_s}, {u"end"_s, u"20:00"_s}}});
        const QJsonObject availability{
            {u"timeZone"_s, u"Europe/Berlin"_s},
            {u"weekly"_s, weekly},
            {u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 45}}}},
            {u"minimumNoticeMinutes"_s, 60},
            {u"slotStepMinutes"_s, 60}};
        const auto put = m_http->send("PUT", u"/api/v1/me/availability"_s, QJsonDocument(availability).toJson(),
                                      {{"Content-Type", "application/json"}, {"Authorization", bearer()}});
        QVERIFY2(put.status == 200, put.body.constData());
        m_profile = std::make_unique<QTemporaryDir>();
        m_benProfile = std::make_unique<QTemporaryDir>();
        QVERIFY(m_profile->isValid() && m_benProfile->isValid());
    }

    void cleanupTestCase()
    {
        m_ben.reset();
        m_app.reset();
    }

    void signIn()
    {
        m_app = signInAs(m_profile->path(), Anna, AnnaPassword);
        QVERIFY(m_app);
        m_app->openSection(u"Conversations"_s);
        QTRY_VERIFY(m_app->showing(u"conversationsEmptyLabel"_s));
    }

    void chatBothWays()
    {
        m_bookingId = bookConfirmed({{u"firstName"_s, u"Olena"_s}, {u"lastName"_s, u"Kovalenko"_s}});
        QVERIFY(!m_bookingId.isEmpty());
        m_visitor = std::make_unique<RoomVisitor>(m_server.baseUrl(), m_capability);
        m_visitor->setBrowserKey(m_browserSecret);
        m_visitor->connectSocket();
        QTRY_VERIFY_WITH_TIMEOUT(m_visitor->isReady(), 10000);
        QCOMPARE(m_visitor->roomId(), m_bookingId); // a booking's room has the booking's id
        m_visitor->join();
        QTRY_VERIFY(m_visitor->isJoined());

        // The desktop finds the room, opens the name from the booking and makes the room key.
        m_app->context->requests()->refresh();
        m_app->rooms()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->roomRow(m_bookingId) >= 0, 20000);
        auto *list = m_app->find<QListWidget>(u"roomsListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->item(m_app->roomRow(m_bookingId))->text(), u"Olena Kovalenko"_s, 20000);
        m_app->clickRoom(m_bookingId);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rooms()->room(m_bookingId)->ready, 20000);
        QCOMPARE(m_app->find<QLabel>(u"chatTitleLabel"_s)->text(), u"Olena Kovalenko"_s);
        QVERIFY(m_visitor->loadRoomKey());
        QCOMPARE(m_visitor->epoch(), 1u);
        // Exactly one key for epoch 1: opening and joining at once must not post two different ones.
        const auto envelopes = m_http->send("GET", u"/api/v1/visitor/room/envelopes"_s, {},
                                            {{"Authorization", "Bearer " + m_capability.toLatin1()}});
        QCOMPARE(envelopes.json().value("envelopes"_L1).toArray().size(), 1);

        // The same verification code on both sides.
        QCOMPARE(m_app->find<QLabel>(u"verificationCodeLabel"_s)->text(), m_visitor->verificationCode(annaDeviceKey()));
        QVERIFY(m_app->find<QLabel>(u"verificationCodeLabel"_s)
                    ->text()
                    .contains(QRegularExpression(u"^\\d{4} \\d{4} \\d{4} \\d{4}$"_s)));

        // Advisor to help-seeker: typed and sent with Enter; a link is shown as a link.
        auto *composer = m_app->find<QPlainTextEdit>(u"composerTextEdit"_s);
        composer->setFocus();
        QTest::keyClicks(composer, u"Guten Tag, Frau Kovalenko! Die Formulare: https://example.org/formulare"_s);
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(composer->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_visitor->texts().contains(u"Guten Tag, Frau Kovalenko! Die Formulare: "
                                                             "https://example.org/formulare"_s),
                                 10000);
        QTRY_VERIFY(m_app->history().contains(u"sent"_s));
        QVERIFY(m_app->find<QTextBrowser>(u"chatHistoryBrowser"_s)
                    ->toHtml()
                    .contains(u"href=\"https://example.org/formulare\""_s));

        // Help-seeker to advisor.
        const QString question = u"Ich habe eine Frage zum Aufenthaltstitel. Привіт!"_s;
        const QString clientId = m_visitor->sendText(question);
        QTRY_VERIFY(m_visitor->acked(clientId));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(question), 10000);
        QCOMPARE(m_app->rooms()->room(m_bookingId)->unread, 0); // read while open
        snapshot(m_app->window.get(), u"conversations-chat"_s);
    }

    void undecryptableRecordsShowOneLineEach()
    {
        QByteArray tampered = m_visitor->sealText(u"verändert"_s);
        tampered[tampered.size() - 3] = char(tampered.at(tampered.size() - 3) ^ 0x40);
        const QString first = m_visitor->sendEnvelope(tampered);
        const QString second = m_visitor->sendEnvelope(m_visitor->sealText(u"für einen anderen Raum"_s, newId()));
        QTRY_VERIFY(m_visitor->acked(first) && m_visitor->acked(second));
        QTRY_COMPARE_WITH_TIMEOUT(count(m_app->history(), u"A message could not be decrypted"_s), 2, 10000);
        QVERIFY(!m_app->history().contains(u"verändert"_s));
        QVERIFY(!m_app->history().contains(u"anderen Raum"_s));
        // What comes after still opens.
        m_visitor->sendText(u"Danke schön"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(u"Danke schön"_s), 10000);
    }

    // A call page's signals travel as room-control records in the same room: authentic, but not
    // part of the conversation, so neither shown nor counted as undecryptable.
    void callSignalsAreNotShown()
    {
        const int broken = count(m_app->history(), u"A message could not be decrypted"_s);
        const QString signal =
            m_visitor->sendEnvelope(m_visitor->sealText(u"offer"_s, {}, Crypto::RecordPurpose::RoomControl));
        QTRY_VERIFY(m_visitor->acked(signal));
        m_visitor->sendText(u"Ich rufe gleich an."_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(u"Ich rufe gleich an."_s), 10000);
        QCOMPARE(count(m_app->history(), u"A message could not be decrypted"_s), broken);
        QVERIFY(!m_app->history().contains(u"offer"_s));
    }

    void unreadCountsAndNotification()
    {
        auto *tray = m_app->window->findChild<Ui::TrayIcon *>();
        QVERIFY(tray);
        const int notificationsBefore = tray->notificationCount();
        m_app->openSection(u"Overview"_s);
        m_visitor->sendText(u"Sind Sie noch da?"_s);
        m_visitor->sendText(u"Ich warte auf Ihre Antwort."_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->badge(u"Conversations"_s), 2, 10000);
        QCOMPARE(m_app->rooms()->room(m_bookingId)->unread, 2);
        auto *list = m_app->find<QListWidget>(u"roomsListWidget"_s);
        QCOMPARE(list->item(m_app->roomRow(m_bookingId))->data(Qt::UserRole + 42).toInt(), 2);
        QCOMPARE(tray->notificationCount(), notificationsBefore + 2);
        QCOMPARE(tray->lastNotification(), u"New message from Olena Kovalenko"_s); // the name, never the text
        m_app->openSection(u"Conversations"_s);
        snapshot(m_app->window.get(), u"conversations-unread"_s);
        m_app->clickRoom(m_bookingId);
        QTRY_COMPARE(m_app->badge(u"Conversations"_s), 0);
        QCOMPARE(m_app->rooms()->room(m_bookingId)->unread, 0);
    }

    void searchFindsADecryptedWord()
    {
        auto *search = m_app->find<QLineEdit>(u"conversationSearchLineEdit"_s);
        typeInto(search, u"aufenthaltstitel"_s);
        auto *results = m_app->find<QListWidget>(u"searchResultsListWidget"_s);
        QTRY_VERIFY(results->isVisible());
        QCOMPARE(results->count(), 1);
        QCOMPARE(results->item(0)->text(), u"Olena Kovalenko"_s);
        QVERIFY(results->item(0)->data(Qt::UserRole + 40).toString().contains(u"Aufenthaltstitel"_s));
        typeInto(search, u"Nichtvorhanden"_s);
        QTRY_COMPARE(results->item(0)->text(), u"Nothing found"_s);
        search->clear();
        QTRY_VERIFY(m_app->find<QListWidget>(u"roomsListWidget"_s)->isVisible());
    }

    void filesBothWays()
    {
        m_app->clickRoom(m_bookingId);
        auto *chat = m_app->find<QWidget>(u"chatView"_s);
        auto *transfer = m_app->find<QLabel>(u"transferLabel"_s);
        // Desktop to help-seeker: dropped on the chat, 3 MB so it takes several pieces.
        QTemporaryDir dir;
        const QByteArray scan = Crypto::randomBytes(3 * 1024 * 1024 + 12345);
        const QString path = dir.filePath(u"Bescheid Jobcenter.pdf"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(scan);
        }
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(chat, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(chat, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(transfer->text(), u"The file was sent."_s, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_visitor->fileNamed(u"Bescheid Jobcenter.pdf"_s), 10000);
        QCOMPARE(m_visitor->fileNamed(u"Bescheid Jobcenter.pdf"_s)->fileSize, scan.size());
        QCOMPARE(m_visitor->downloadFile(*m_visitor->fileNamed(u"Bescheid Jobcenter.pdf"_s)), scan);

        // Help-seeker to desktop: shown in the history, saved (decrypted) where the advisor says.
        const QByteArray contract = Crypto::randomBytes(200 * 1024);
        const QString fileId = m_visitor->sendFile(u"Mietvertrag.pdf"_s, contract);
        QVERIFY2(!fileId.isEmpty(), qPrintable(m_visitor->lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(u"Mietvertrag.pdf"_s), 10000);
        snapshot(m_app->window.get(), u"conversations-file"_s);
        auto *view = m_app->window->findChild<Ui::ChatView *>();
        const QString saved = dir.filePath(u"Mietvertrag.pdf"_s);
        view->saveFile(fileId, saved);
        QTRY_COMPARE_WITH_TIMEOUT(transfer->text(), u"The file was saved."_s, 10000);
        QFile savedFile(saved);
        QVERIFY(savedFile.open(QIODevice::ReadOnly));
        QCOMPARE(savedFile.readAll(), contract);

        // A stream changed on the way: nothing is saved under the name, the advisor is told.
        const QString badId = m_visitor->sendFile(u"Kontoauszug.pdf"_s, Crypto::randomBytes(150 * 1024), true);
        QVERIFY(!badId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(u"Kontoauszug.pdf"_s), 10000);
        const QString badPath = dir.filePath(u"Kontoauszug.pdf"_s);
        view->saveFile(badId, badPath);
        QTRY_VERIFY_WITH_TIMEOUT(transfer->text().startsWith(u"The file could not be decrypted"_s), 10000);
        QVERIFY(!QFile::exists(badPath));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary file left
    }

    void historyAfterRestart()
    {
        m_app.reset();
        // Nothing the help-seeker wrote is on disk in the profile.
        QDirIterator files(m_profile->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains("Aufenthaltstitel") && !bytes.contains("Kovalenko") &&
                         !bytes.contains("Mietvertrag"),
                     qPrintable(file.fileName()));
        }
        m_app = std::make_unique<App>(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"workspace"_s), 20000);
        m_app->openSection(u"Conversations"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->roomRow(m_bookingId) >= 0, 20000);
        m_app->clickRoom(m_bookingId);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(u"Ich warte auf Ihre Antwort."_s), 20000);
        QVERIFY(m_app->history().contains(u"Guten Tag, Frau Kovalenko!"_s)); // our own, opened again
        QCOMPARE(count(m_app->history(), u"A message could not be decrypted"_s), 2);
        // Read before the restart: no unread count again.
        QCOMPARE(m_app->badge(u"Conversations"_s), 0);
        // Our next record continues the sequence: the help-seeker's replay guard would refuse a reuse.
        QVERIFY(m_app->rooms()->sendText(m_bookingId, u"Ich bin wieder da."_s).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_visitor->texts().contains(u"Ich bin wieder da."_s), 10000);
    }

    void failedSendIsRetriedWithItsClientId()
    {
        auto *socket = m_app->rooms()->socket();
        socket->close();
        QVERIFY(m_app->rooms()->sendText(m_bookingId, u"Während der Funkstille geschrieben."_s).isEmpty());
        const Client::Room *room = m_app->rooms()->room(m_bookingId);
        const Client::ChatEntry &failed = room->entries.last();
        QCOMPARE(failed.state, Client::ChatEntry::State::Failed);
        const QString clientId = failed.clientId;
        QTRY_VERIFY(m_app->history().contains(u"not sent Retry"_s));
        // Back online: the sync sends it once, with the same clientId; Retry again changes nothing.
        socket->open(m_server.baseUrl(), m_app->context->serverClient()->token());
        QTRY_VERIFY_WITH_TIMEOUT(m_visitor->texts().contains(u"Während der Funkstille geschrieben."_s), 15000);
        QTRY_COMPARE(m_app->rooms()->room(m_bookingId)->entries.last().state, Client::ChatEntry::State::Sent);
        QCOMPARE(m_app->rooms()->room(m_bookingId)->entries.last().clientId, clientId);
        m_app->rooms()->retry(m_bookingId, clientId); // no-op: it is sent
        m_visitor->sendText(u"Angekommen."_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(u"Angekommen."_s), 10000);
        QCOMPARE(m_visitor->texts().count(u"Während der Funkstille geschrieben."_s), 1);
    }

    void keyChangeBlocksSendingUntilConfirmed()
    {
        // Another device appears for Anna (as if she signed in on a second computer).
        const auto encryption = Crypto::EncryptionKeyPair::generate();
        const auto signing = Crypto::SigningKeyPair::generate();
        QJsonObject device = Crypto::signDeviceKeys(encryption, signing).toJson();
        device.insert(u"name"_s, u"Laptop"_s);
        const auto registered = m_http->postJson(u"/api/v1/devices"_s, device, m_token);
        QVERIFY2(registered.status == 201 || registered.status == 200, registered.body.constData());

        // Opening the conversation again looks at the participants.
        m_app->openSection(u"Overview"_s);
        m_app->openSection(u"Conversations"_s);
        m_app->clickRoom(m_bookingId);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"keyChangeFrame"_s), 10000);
        auto *composer = m_app->find<QPlainTextEdit>(u"composerTextEdit"_s);
        auto *send = m_app->find<QPushButton>(u"sendButton"_s);
        QVERIFY(!send->isEnabled());
        QVERIFY(composer->isReadOnly());
        QVERIFY(!m_app->rooms()->sendText(m_bookingId, u"blockiert"_s).isEmpty());
        snapshot(m_app->window.get(), u"conversations-key-change"_s);

        click(m_app->find<QPushButton>(u"confirmKeysButton"_s));
        QTRY_VERIFY(!m_app->showing(u"keyChangeFrame"_s));
        // The desktop started a new epoch sealed to the new set of devices.
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rooms()->room(m_bookingId)->currentEpoch == 2, 10000);
        composer->setFocus();
        QTest::keyClicks(composer, u"Nach der Kontrolle weiter."_s);
        QTRY_VERIFY(send->isEnabled());
        click(send);
        QTRY_VERIFY_WITH_TIMEOUT(m_visitor->texts().contains(u"Nach der Kontrolle weiter."_s), 10000);
    }

    void twoAdvisorsTakeTheSameCaller()
    {
        m_ben = signInAs(m_benProfile->path(), Ben, BenPassword);
        QVERIFY(m_ben);
        m_app->openSection(u"Waiting room"_s);
        m_ben->openSection(u"Waiting room"_s);
        QTRY_VERIFY(m_app->showing(u"queueEmptyLabel"_s));

        RoomVisitor caller(m_server.baseUrl(), QString());
        const QString instantId = newId();
        const QString capability =
            RoomVisitor::createInstantCall(*m_http, Org, instantId, u"Taras Melnyk"_s, caller.browserKey().publicKey());
        QVERIFY(!capability.isEmpty());
        RoomVisitor visitor(m_server.baseUrl(), capability);
        visitor.setBrowserKey(caller.browserKey().secretKey().toByteArray());
        visitor.connectSocket();
        QTRY_VERIFY(visitor.isReady());

        auto *annaList = m_app->find<QListWidget>(u"waitingListWidget"_s);
        auto *benList = m_ben->find<QListWidget>(u"waitingListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(annaList->count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(benList->count(), 1, 10000);
        QCOMPARE(annaList->item(0)->text(), u"Taras Melnyk"_s);
        QCOMPARE(benList->item(0)->text(), u"Taras Melnyk"_s);
        QCOMPARE(m_app->badge(u"Waiting room"_s), 1);
        // The waiting time ticks without a fetch.
        const QString before = annaList->item(0)->data(Qt::UserRole + 41).toString();
        QTRY_VERIFY_WITH_TIMEOUT(annaList->item(0)->data(Qt::UserRole + 41).toString() != before, 5000);
        annaList->setCurrentRow(0);
        benList->setCurrentRow(0);
        snapshot(m_app->window.get(), u"waiting-room"_s);

        // Both at once: the two requests are in flight together.
        click(m_app->find<QPushButton>(u"takeSelectedButton"_s));
        click(m_ben->find<QPushButton>(u"takeSelectedButton"_s));
        auto opened = [](App &app, const QString &id) {
            auto *page = app.find<QWidget>(u"conversationsPage"_s);
            return page->isVisible() && app.rooms()->currentRoom() == id;
        };
        auto refused = [](App &app) {
            auto *label = app.find<QLabel>(u"queueMessageLabel"_s);
            return label->isVisible() && label->text().contains(u"already taken"_s);
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            (opened(*m_app, instantId) && refused(*m_ben)) || (opened(*m_ben, instantId) && refused(*m_app)), 15000);
        QVERIFY(!(opened(*m_app, instantId) && opened(*m_ben, instantId)));
        QTRY_VERIFY(visitor.wasTaken());
        QCOMPARE(visitor.roomId(), instantId);
        App &winner = opened(*m_app, instantId) ? *m_app : *m_ben;
        App &loser = opened(*m_app, instantId) ? *m_ben : *m_app;
        snapshot(loser.window.get(), u"waiting-room-already-taken"_s);
        QTRY_COMPARE(winner.find<QLabel>(u"chatTitleLabel"_s)->text(), u"Taras Melnyk"_s);

        // The instant room works like any other: the winner makes the key, they talk.
        visitor.join();
        QTRY_VERIFY(visitor.isJoined());
        QTRY_VERIFY_WITH_TIMEOUT(winner.rooms()->room(instantId) && winner.rooms()->room(instantId)->ready, 15000);
        QVERIFY(visitor.loadRoomKey());
        QVERIFY(winner.rooms()->sendText(instantId, u"Hallo, ich bin für Sie da."_s).isEmpty());
        if (!QTest::qWaitFor([&] { return visitor.texts().contains(u"Hallo, ich bin für Sie da."_s); }, 10000)) {
            for (const auto &received : visitor.received())
                qWarning() << "visitor received" << received.seq << received.sender << received.text << received.error;
            const Client::Room *room = winner.rooms()->room(instantId);
            qWarning() << "winner epoch" << room->currentEpoch << "joined" << room->joined << "entries"
                       << room->entries.size() << int(room->entries.last().state) << "visitor epoch" << visitor.epoch()
                       << visitor.lastError();
            QFAIL("the help-seeker did not get the advisor's message");
        }
        visitor.sendText(u"Danke, dass Sie so schnell da sind."_s);
        QTRY_VERIFY_WITH_TIMEOUT(winner.history().contains(u"Danke, dass Sie so schnell da sind."_s), 10000);
        QTRY_COMPARE(loser.find<QListWidget>(u"waitingListWidget"_s)->count(), 0);
    }

    void takeNextOpensTheOldestCall()
    {
        m_app->openSection(u"Waiting room"_s);
        RoomVisitor first(m_server.baseUrl(), QString());
        const QString firstId = newId();
        const QString firstCapability = RoomVisitor::createInstantCall(*m_http, Org, firstId, u"Iryna Bondar"_s,
                                                                       first.browserKey().publicKey(), u"de"_s);
        m_server.advanceClock(5);
        RoomVisitor second(m_server.baseUrl(), QString());
        const QString secondCapability = RoomVisitor::createInstantCall(*m_http, Org, newId(), u"Mehmet Yilmaz"_s,
                                                                        second.browserKey().publicKey(), u"tr"_s);
        QVERIFY(!firstCapability.isEmpty() && !secondCapability.isEmpty());
        auto *list = m_app->find<QListWidget>(u"waitingListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 10000);
        QCOMPARE(list->item(0)->text(), u"Iryna Bondar"_s); // longest waiting first
        QCOMPARE(list->item(1)->text(), u"Mehmet Yilmaz"_s);
        QCOMPARE(m_app->badge(u"Waiting room"_s), 2);
        snapshot(m_app->window.get(), u"waiting-room-two"_s);
        click(m_app->find<QPushButton>(u"takeNextButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"conversationsPage"_s), 10000);
        QCOMPARE(m_app->rooms()->currentRoom(), firstId);
        QTRY_COMPARE(m_app->find<QLabel>(u"chatTitleLabel"_s)->text(), u"Iryna Bondar"_s);
        QTRY_COMPARE(m_app->badge(u"Waiting room"_s), 1);
    }

    void openConversationHookSelectsTheBookingsRoom()
    {
        m_app->openSection(u"Overview"_s);
        QMetaObject::invokeMethod(m_app->window.get(), "openConversation", Q_ARG(QString, m_bookingId));
        QTRY_VERIFY(m_app->showing(u"conversationsPage"_s));
        QCOMPARE(m_app->rooms()->currentRoom(), m_bookingId);
        QCOMPARE(m_app->find<QLabel>(u"chatTitleLabel"_s)->text(), u"Olena Kovalenko"_s);
        snapshot(m_app->window.get(), u"conversations-list"_s);
    }

private:
    QByteArray bearer() const { return "Bearer " + m_token.toLatin1(); }

    std::unique_ptr<App> signInAs(const QString &profile, const QString &user, const QString &password)
    {
        auto app = std::make_unique<App>(profile);
        if (!app->signIn(m_server.baseUrl(), user, password))
            return {};
        return app;
    }

    QByteArray annaDeviceKey()
    {
        const auto reply = m_http->get(u"/api/v1/devices"_s, m_token);
        const auto key = Crypto::fromBase64Url(
            reply.json().value("devices"_L1).toArray().at(0).toObject().value("x25519"_L1).toString());
        return key ? *key : QByteArray();
    }

    QList<QByteArray> orgDeviceKeys()
    {
        QList<QByteArray> keys;
        for (const QJsonValue &value :
             m_http->get(u"/api/v1/orgs/%1/devices"_s.arg(Org)).json().value("devices"_L1).toArray()) {
            if (const auto key = Crypto::fromBase64Url(value.toObject().value("x25519"_L1).toString()))
                keys.append(*key);
        }
        return keys;
    }

    // A booking made as the booking page makes it, confirmed by Anna; keeps the manage token.
    QString bookConfirmed(const QJsonObject &fields)
    {
        // The help-seeker's browser key: kept here so the visitor can use it.
        const auto browser = Crypto::EncryptionKeyPair::generate();
        m_browserSecret = browser.secretKey().toByteArray();
        const QDateTime from = m_server.now().toUTC();
        const auto slotsReply = m_http->get(u"/api/v1/public/orgs/%1/slots?type=video&from=%2&to=%3"_s.arg(
            Org, from.toString(Qt::ISODate), from.addDays(14).toString(Qt::ISODate)));
        const QJsonArray freeSlots = slotsReply.json().value("slots"_L1).toArray();
        if (freeSlots.isEmpty())
            return {};
        const QString id = newId();
        const auto plain = Crypto::CanonicalJson::serialize(fields);
        const auto sealed = Crypto::SealedEnvelope::seal(orgDeviceKeys(), Crypto::SealPurpose::BookingFields,
                                                         QByteArray("booking:" + id.toUtf8()), *plain);
        const QString policy = m_http->get(u"/api/v1/public/orgs/%1"_s.arg(Org))
                                   .json()
                                   .value("privacyPolicy"_L1)
                                   .toObject()
                                   .value("version"_L1)
                                   .toString();
        const auto reply = m_http->postJson(u"/api/v1/public/orgs/%1/bookings"_s.arg(Org),
                                            QJsonObject{{u"bookingId"_s, id},
                                                        {u"type"_s, u"video"_s},
                                                        {u"start"_s, freeSlots.at(0).toObject().value("start"_L1)},
                                                        {u"language"_s, u"uk"_s},
                                                        {u"timeZone"_s, u"Europe/Kyiv"_s},
                                                        {u"email"_s, u"olena@example.org"_s},
                                                        {u"policyVersion"_s, policy},
                                                        {u"browserKey"_s, Crypto::toBase64Url(browser.publicKey())},
                                                        {u"sealed"_s, Crypto::toBase64Url(*sealed)},
                                                        {u"altcha"_s, RoomVisitor::solveAltcha(*m_http)}});
        if (reply.status != 201) {
            qWarning() << "booking refused:" << reply.status << reply.body;
            return {};
        }
        m_capability = reply.json().value("booking"_L1).toObject().value("manageUrl"_L1).toString().section(u'#', 1);
        const auto confirmed = m_http->postJson(u"/api/v1/bookings/%1/confirm"_s.arg(id), {}, m_token);
        if (confirmed.status != 200) {
            qWarning() << "confirm refused:" << confirmed.status << confirmed.body;
            return {};
        }
        return id;
    }

    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QTemporaryDir> m_benProfile;
    std::unique_ptr<App> m_app;
    std::unique_ptr<App> m_ben;
    std::unique_ptr<RoomVisitor> m_visitor;
    QString m_bookingId;
    QString m_capability;
    QByteArray m_browserSecret;
};

QTEST_MAIN(TestDesktopConversations)
#include "TestDesktopConversations.moc"
