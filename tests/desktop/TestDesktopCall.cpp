// Issue 7 across the two clients: the desktop's call window (Qt WebEngine showing the bundled call
// page, fake camera and microphone) calls the help-seeker's call page in Debian's Chromium
// (playwright-core, browser-help-seeker.mjs, fake devices) through one real lotse-server. The call
// connects, encrypted media flows both ways (the pages' getStats bytes and decrypted frames keep
// rising on both sides), the advisor shares the (Xvfb) screen and goes back to the camera, an
// interpreter joins and leaves, hang-up ends it on both sides; then once more with a relay-only ICE
// policy through a real coturn the test starts, where both sides must report the route "relay".
#include "tests/desktop/BrowserSide.h"
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/CallBridge.h"
#include "app/ClientContext.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/RoomService.h"
#include "app/RoomSocket.h"
#include "crypto/Crypto.h"
#include "ui/CallPage.h"
#include "ui/CallWindow.h"
#include "ui/ConversationsPage.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUdpSocket>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <cmath>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

const QString Org = u"beratung-west"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;
const QByteArray TurnSecret = "desktop-call-test-secret";
constexpr int CallTimeoutMs = 60'000;

// Runs `script` (an expression giving JSON text) in the desktop's call page and waits for it.
QJsonObject fromPage(Ui::CallWindow *window, const QString &script)
{
    auto result = std::make_shared<QJsonObject>();
    auto done = std::make_shared<bool>(false);
    window->view()->page()->runJavaScript(script, [result, done](const QVariant &value) {
        *result = QJsonDocument::fromJson(value.toString().toUtf8()).object();
        *done = true;
    });
    if (!QTest::qWaitFor([done] { return *done; }, 5000))
        return {};
    return *result;
}

// What the desktop's call page shows about the call, read from the page itself.
QJsonObject desktopFigures(Ui::CallWindow *window)
{
    return fromPage(window, u"JSON.stringify((() => { const q = document.getElementById('call-quality');"
                            " const s = document.getElementById('call-state');"
                            " return { state: s ? s.dataset.state : null, ...(q ? q.dataset : {}) }; })())"_s);
}

// The page's preview before joining: playing frames of the (fake) camera, and how large.
QJsonObject previewState(Ui::CallWindow *window)
{
    return fromPage(window, u"JSON.stringify((() => { const v = document.querySelector('#preview video');"
                            " return v ? { ready: v.readyState, width: v.videoWidth } : {}; })())"_s);
}

qint64 number(const QJsonObject &figures, const char *name)
{
    const QJsonValue value = figures.value(QLatin1StringView(name));
    return value.isString() ? value.toString().toLongLong() : value.toInteger();
}

quint16 freeUdpPort()
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

struct App : DesktopApp
{
    using DesktopApp::DesktopApp;
    Ui::CallWindow *callWindow() const { return find<Ui::ConversationsPage>(u"conversationsPage"_s)->callWindow(); }
};

} // namespace

class TestDesktopCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        // Pinned early tomorrow, with every hour of every day bookable: nothing depends on the time of day.
        m_server.setNow(QDateTime(QDateTime::currentDateTimeUtc().date().addDays(1), QTime(5, 0), QTimeZone::utc()));
        QVERIFY(m_server.createOrg(Org, u"Beratungsstelle West"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY2(!m_token.isEmpty(), m_http->lastReply().body.constData());
        const QString availability = openEveryHourForVideo(*m_http, m_token);
        QVERIFY2(availability.isEmpty(), qPrintable(availability));
        QVERIFY(m_profile.isValid());
        QVERIFY2(m_browser.start(u"browser-help-seeker.mjs"_s, {m_server.baseUrl().toString(), Org}),
                 "node did not start (LOTSE_NODE)");
        const QJsonObject opened = m_browser.call(u"open"_s);
        BROWSER_OK(opened);
    }

    void cleanupTestCase()
    {
        m_browser.stop();
        m_app.reset();
        if (m_turn.state() != QProcess::NotRunning) {
            m_turn.terminate();
            if (!m_turn.waitForFinished(5000))
                m_turn.kill();
        }
    }

    // The desktop signs in, the help-seeker books in Chromium, the desktop confirms; both open the
    // room (the page makes epoch 1 and seals it to the desktop's device).
    void roomOpenOnBothSides()
    {
        m_app = std::make_unique<App>(m_profile.path());
        QVERIFY(m_app->signIn(m_server.baseUrl(), Anna, AnnaPassword));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http->get(u"/api/v1/devices"_s, m_token).json().value("devices"_L1).toArray().size(), 1, 20000);

        const QJsonObject booked = m_browser.call(
            u"book"_s,
            {{u"firstName"_s, u"Mariam"_s}, {u"lastName"_s, u"Nouri"_s}, {u"email"_s, u"mariam@example.org"_s}});
        BROWSER_OK(booked);
        m_manageUrl = booked.value("manageUrl"_L1).toString();
        m_capability = m_manageUrl.section(u'#', 1);
        const auto booking = m_http->send("GET", u"/api/v1/manage/booking"_s, {},
                                          {{"Authorization", "Bearer " + m_capability.toLatin1()}});
        QVERIFY2(booking.status == 200, booking.body.constData());
        m_roomId = booking.json().value("booking"_L1).toObject().value("id"_L1).toString();
        QVERIFY(!m_roomId.isEmpty());

        m_app->openSection(u"Requests"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        auto *requests = m_app->context->requests()->model();
        QTRY_VERIFY_WITH_TIMEOUT(requests->rowOf(m_roomId) >= 0, 20000);
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        const QModelIndex index = list->model()->index(requests->rowOf(m_roomId), 0);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        QTRY_COMPARE(m_app->find<QLabel>(u"requestNameLabel"_s)->text(), u"Mariam Nouri"_s);
        click(m_app->find<QPushButton>(u"confirmButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(requestStatus(*m_http, m_token, m_roomId), u"confirmed"_s, 30000);

        const QJsonObject room = m_browser.call(u"openRoom"_s, {{u"manageUrl"_s, m_manageUrl}});
        BROWSER_OK(room);
        m_app->openSection(u"Conversations"_s);
        m_app->context->rooms()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->roomRow(m_roomId) >= 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_app->find<QListWidget>(u"roomsListWidget"_s)->item(m_app->roomRow(m_roomId))->text(), u"Mariam Nouri"_s,
            20000);
        m_app->clickRoom(m_roomId);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->context->rooms()->room(m_roomId)->ready, 20000);
        QTRY_VERIFY(m_app->find<QPushButton>(u"videoCallButton"_s)->isEnabled());
    }

    // The help-seeker joins the call first: the desktop's conversation says she is calling; the
    // advisor joins from there, checks the devices and joins; the call connects.
    void incomingCallAnsweredOnTheDesktop()
    {
        const QJsonObject joined = m_browser.call(u"joinCall"_s, {{u"capability"_s, m_capability}});
        BROWSER_OK(joined);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"incomingCallFrame"_s), 20000);
        QCOMPARE(m_app->find<QLabel>(u"incomingCallLabel"_s)->text(), u"Mariam Nouri is calling"_s);
        click(m_app->find<QPushButton>(u"joinCallButton"_s));
        Ui::CallWindow *window = m_app->callWindow();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(window->bridge()->pageLoaded(), 30000);
        // The device check: the system's default first, then what Qt Multimedia lists.
        auto *camera = window->findChild<QComboBox *>(u"cameraComboBox"_s);
        QVERIFY(camera && camera->count() >= 1);
        QCOMPARE(camera->itemText(0), u"System default"_s);
        // The page's preview plays the camera before anyone hears or sees us.
        QTRY_VERIFY_WITH_TIMEOUT(previewState(window).value("ready"_L1).toInt() >= 2, 20000);
        QVERIFY(previewState(window).value("width"_L1).toInt() > 0);
        QCOMPARE(window->bridge()->stage(), Client::CallBridge::Stage::Preview);
        snapshot(window, u"desktop-call-before-join"_s);
        click(window->findChild<QPushButton *>(u"callJoinButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(window->bridge()->callState(), u"connected"_s, CallTimeoutMs);
        const QJsonObject connected = m_browser.call(u"waitCallState"_s, {{u"state"_s, u"connected"_s}});
        BROWSER_OK(connected);
        // In the call the conversation no longer rings.
        QTRY_VERIFY(!m_app->showing(u"incomingCallFrame"_s));
        QVERIFY(window->findChild<QLabel *>(u"callVerificationCodeLabel"_s)->text().contains(u' '));
    }

    void mediaFlowsBothWays() { expectMediaBothWays(m_app->callWindow(), {}); }

    // The advisor shares the screen with the page's button: the desktop sends the screen instead of
    // the camera (another track, frames of another size reach the help-seeker, who keeps opening
    // every frame); pressing it again sends the camera again.
    void screenSharingReplacesTheCamera()
    {
        Ui::CallWindow *window = m_app->callWindow();
        QVERIFY(window);
        // The size of the desktop's picture as the help-seeker's page decodes it.
        const auto received = [this] {
            const QJsonObject figures = m_browser.call(u"callFigures"_s).value("figures"_L1).toObject();
            const QJsonObject peers = figures.value("peerFigures"_L1).toObject();
            const QJsonObject peer = peers.isEmpty() ? QJsonObject() : peers.begin()->toObject();
            return std::make_pair(QSize(peer.value("frameWidth"_L1).toInt(), peer.value("frameHeight"_L1).toInt()),
                                  figures);
        };
        std::pair<QSize, QJsonObject> camera;
        QTRY_VERIFY_WITH_TIMEOUT((camera = received(), camera.first.width() > 0), 20000);
        const QString cameraTrack = desktopFigures(window).value("videoTrack"_L1).toString();
        QVERIFY2(!cameraTrack.isEmpty(), "the desktop sends its camera");
        QCOMPARE(fromPage(window, u"JSON.stringify({ hidden: document.getElementById('call-share').hidden })"_s)
                     .value("hidden"_L1)
                     .toBool(),
                 false);

        window->view()->page()->runJavaScript(u"document.getElementById('call-share').click()"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desktopFigures(window).value("sharing"_L1).toString(), u"true"_s, 20000);
        const QJsonObject sharing = desktopFigures(window);
        QVERIFY2(sharing.value("videoTrack"_L1).toString() != cameraTrack,
                 qPrintable(sharing.value("videoTrack"_L1).toString()));
        // WebRTC scales a picture down when the CPU is busy (sizes rounded), so which picture arrives
        // is told by its shape: the fake camera is 16:9 (1.78), the test's Xvfb screen 16:10 (1.6).
        const auto cameraShaped = [&camera](QSize size) {
            return size.width() > 0 && size.height() > 0 &&
                   std::abs(double(size.width()) / size.height() -
                            double(camera.first.width()) / camera.first.height()) < 0.05;
        };
        std::pair<QSize, QJsonObject> screen;
        QTRY_VERIFY_WITH_TIMEOUT(
            (screen = received(), screen.first.width() > 0 && !cameraShaped(screen.first) &&
                                      screen.second.value("framesDecoded"_L1).toInteger() >
                                          camera.second.value("framesDecoded"_L1).toInteger() + 10),
            30000);
        // A track switch may cost the help-seeker a frame or two that do not open (seen once in four
        // loaded runs, right after going back to the camera; cause not found yet, see the issue
        // notes). Bounded here; in the steady state after the switch not one more may fail.
        const qint64 failuresBefore = camera.second.value("decryptFailures"_L1).toInteger();
        QCOMPARE(failuresBefore, 0);
        QVERIFY2(screen.second.value("decryptFailures"_L1).toInteger() <= MaxSwitchFailures,
                 QJsonDocument(screen.second).toJson().constData());
        qInfo("camera %dx%d, shared screen %dx%d at the help-seeker (the desktop's screen: %dx%d)",
              camera.first.width(), camera.first.height(), screen.first.width(), screen.first.height(),
              QGuiApplication::primaryScreen()->size().width(), QGuiApplication::primaryScreen()->size().height());
        snapshot(window, u"desktop-call-sharing-screen"_s);

        window->view()->page()->runJavaScript(u"document.getElementById('call-share').click()"_s);
        QTRY_COMPARE_WITH_TIMEOUT(desktopFigures(window).value("sharing"_L1).toString(), u"false"_s, 20000);
        QCOMPARE(desktopFigures(window).value("videoTrack"_L1).toString(), cameraTrack);
        std::pair<QSize, QJsonObject> back;
        QTRY_VERIFY_WITH_TIMEOUT((back = received(), cameraShaped(back.first) &&
                                                         back.second.value("framesDecoded"_L1).toInteger() >
                                                             screen.second.value("framesDecoded"_L1).toInteger() + 10),
                                 30000);
        m_switchFailures = back.second.value("decryptFailures"_L1).toInteger();
        QVERIFY2(m_switchFailures <= MaxSwitchFailures, QJsonDocument(back.second).toJson().constData());
        if (m_switchFailures > 0)
            qWarning("%lld frame(s) did not open at the help-seeker around the track switch", m_switchFailures);
        expectMediaBothWays(window, {});
    }

    // The advisor invites an interpreter; the link opens the interpreter's page in a second tab;
    // the desktop starts a new epoch sealed to the interpreter too, with no key-change warning, and
    // the mesh of three carries media with the new key.
    void interpreterJoinsByTheLink()
    {
        Ui::CallWindow *window = m_app->callWindow();
        QVERIFY(window);
        const Client::Room *room = m_app->context->rooms()->room(m_roomId);
        m_epochBefore = room->currentEpoch;
        click(window->findChild<QPushButton *>(u"inviteInterpreterButton"_s));
        QDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<QDialog *>(u"interpreterLinkDialog"_s)), 20000);
        const QString link = dialog->findChild<QLineEdit *>(u"interpreterLinkLineEdit"_s)->text();
        QVERIFY2(link.startsWith(m_server.baseUrl().toString() + u"/call#"_s), qPrintable(link));
        click(dialog->findChild<QPushButton *>(u"copyInterpreterLinkButton"_s));
        QCOMPARE(QApplication::clipboard()->text(), link);
        snapshot(dialog, u"desktop-call-interpreter-link"_s);
        dialog->close();

        const QJsonObject joined = m_browser.call(u"joinInterpreter"_s, {{u"link"_s, link}});
        BROWSER_OK(joined);
        QTRY_VERIFY_WITH_TIMEOUT(room->currentEpoch > m_epochBefore, 30000);
        m_epochWithInterpreter = room->currentEpoch;
        QVERIFY(!room->keysChanged); // an invited interpreter is no key change
        auto *participants = window->findChild<QListWidget *>(u"callParticipantsListWidget"_s);
        QTRY_VERIFY(!participants->findItems(u"Interpreter"_s, Qt::MatchExactly).isEmpty());
        const QJsonObject connected =
            m_browser.call(u"waitCallState"_s, {{u"state"_s, u"connected"_s}, {u"who"_s, u"interpreter"_s}});
        BROWSER_OK(connected);

        // Everyone sends with the new epoch's key; the interpreter decrypts both others' frames.
        const QString sendKeyId = QString::number(m_epochWithInterpreter % 256);
        QTRY_COMPARE_WITH_TIMEOUT(desktopFigures(window).value("sendKeyId"_L1).toString(), sendKeyId, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_browser.call(u"callFigures"_s).value("figures"_L1).toObject().value("sendKeyId"_L1).toString(), sendKeyId,
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.call(u"callFigures"_s, {{u"who"_s, u"interpreter"_s}})
                                      .value("figures"_L1)
                                      .toObject()
                                      .value("peers"_L1)
                                      .toInt(),
                                  2, 30000);
        // Frames still under the old key may reach the interpreter before both others switched (it
        // cannot open those); once they send with the new key, everything it gets opens.
        const auto interpreterFigures = [this] {
            return m_browser.call(u"callFigures"_s, {{u"who"_s, u"interpreter"_s}}).value("figures"_L1).toObject();
        };
        // Settled: from one look to the next more than 20 frames opened and not one failed (a stream
        // of frames it cannot open would never settle).
        QJsonObject previous = interpreterFigures();
        bool settled = false;
        for (int look = 0; look < 10 && !settled; ++look) {
            QJsonObject now;
            QTRY_VERIFY_WITH_TIMEOUT(
                (now = interpreterFigures(),
                 now.value("framesDecrypted"_L1).toInteger() > previous.value("framesDecrypted"_L1).toInteger() + 20),
                30000);
            settled = now.value("decryptFailures"_L1).toInteger() == previous.value("decryptFailures"_L1).toInteger();
            previous = now;
        }
        QVERIFY2(settled, QJsonDocument(previous).toJson().constData());
        expectMediaBothWays(window, {});
        snapshot(window, u"desktop-call-with-interpreter"_s);
    }

    // The interpreter leaves: the invitation ends, the desktop starts the next epoch without them,
    // and the two who stay go on with its key.
    void interpreterLeavesAndTheKeyChangesAgain()
    {
        Ui::CallWindow *window = m_app->callWindow();
        const Client::Room *room = m_app->context->rooms()->room(m_roomId);
        const QJsonObject left = m_browser.call(u"hangUp"_s, {{u"who"_s, u"interpreter"_s}});
        BROWSER_OK(left);
        QTRY_VERIFY_WITH_TIMEOUT(room->currentEpoch > m_epochWithInterpreter, 30000);
        for (const Client::RoomParticipant &participant : room->participants)
            QVERIFY(participant.kind != "interpreter"_L1);
        auto *participants = window->findChild<QListWidget *>(u"callParticipantsListWidget"_s);
        QTRY_VERIFY(participants->findItems(u"Interpreter"_s, Qt::MatchExactly).isEmpty());
        const QString sendKeyId = QString::number(room->currentEpoch % 256);
        QTRY_COMPARE_WITH_TIMEOUT(desktopFigures(window).value("sendKeyId"_L1).toString(), sendKeyId, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_browser.call(u"callFigures"_s).value("figures"_L1).toObject().value("sendKeyId"_L1).toString(), sendKeyId,
            20000);
        QCOMPARE(window->bridge()->callState(), u"connected"_s);
        // Both who stay let the interpreter go (its hang-up reached them): one peer each.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_browser.call(u"callFigures"_s).value("figures"_L1).toObject().value("peers"_L1).toInt(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            QJsonDocument::fromJson(desktopFigures(window).value("peers"_L1).toString().toUtf8()).object().size(), 1,
            30000);
        expectMediaBothWays(window, {});
    }

    // The advisor hangs up with the page's button: both sides end.
    void hangUpEndsItOnBothSides()
    {
        Ui::CallWindow *window = m_app->callWindow();
        QVERIFY(window);
        window->view()->page()->runJavaScript(u"document.getElementById('call-hangup').click()"_s);
        QTRY_COMPARE_WITH_TIMEOUT(window->bridge()->stage(), Client::CallBridge::Stage::Ended, 20000);
        QCOMPARE(window->bridge()->callState(), u"ended"_s);
        const QJsonObject ended = m_browser.call(u"waitCallState"_s, {{u"state"_s, u"endedByOther"_s}});
        BROWSER_OK(ended);
        window->close();
        QTRY_VERIFY(!m_app->callWindow());
    }

    // Once more through a real coturn with a relay-only policy; the advisor calls first this time.
    void relayOnlyThroughCoturn()
    {
        const quint16 turnPort = freeUdpPort();
        QVERIFY(turnPort != 0);
        QVERIFY(m_turnDir.isValid());
        m_turn.setProgram(u"turnserver"_s);
        m_turn.setArguments(
            {u"-n"_s, u"--listening-ip=127.0.0.1"_s, u"--listening-port=%1"_s.arg(turnPort), u"--relay-ip=127.0.0.1"_s,
             u"--use-auth-secret"_s, u"--static-auth-secret=%1"_s.arg(QString::fromLatin1(TurnSecret)),
             u"--realm=lotse.test"_s, u"--no-tls"_s, u"--no-dtls"_s, u"--no-cli"_s, u"--allow-loopback-peers"_s,
             u"--log-file=stdout"_s, u"--simple-log"_s, u"--fingerprint"_s,
             u"--pidfile=%1"_s.arg(m_turnDir.filePath(u"turnserver.pid"_s)),
             u"--db=%1"_s.arg(m_turnDir.filePath(u"turndb"_s)), u"--min-port=41000"_s, u"--max-port=41999"_s});
        m_turn.setProcessChannelMode(QProcess::MergedChannels);
        m_turn.start();
        QVERIFY2(m_turn.waitForStarted(10000), "turnserver is missing: install coturn (scripts/apt-packages.txt)");
        m_server.setConfig("[turn]\nshared_secret=" + TurnSecret + "\nurls=turn:127.0.0.1:" +
                           QByteArray::number(turnPort) + "?transport=udp\nttl_seconds=600\nrelay_only=true\n");
        QVERIFY2(m_server.restart(), qPrintable(m_server.lastError()));
        const auto turn = m_http->get(u"/api/v1/rooms/%1/turn"_s.arg(m_roomId), m_token);
        QVERIFY2(turn.status == 200, turn.body.constData());
        QCOMPARE(turn.json().value("iceTransportPolicy"_L1).toString(), u"relay"_s);
        // The desktop's socket comes back by itself and joins the room again.
        QTRY_VERIFY_WITH_TIMEOUT(m_app->context->rooms()->socket()->isReady(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->context->rooms()->room(m_roomId)->joined, 20000);

        click(m_app->find<QPushButton>(u"videoCallButton"_s));
        Ui::CallWindow *window = m_app->callWindow();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(window->bridge()->pageLoaded(), 30000);
        click(window->findChild<QPushButton *>(u"callJoinButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(window->bridge()->callState(), u"waiting"_s, 20000);
        m_switchFailures = 0; // a new call: its pages count from zero
        const QJsonObject joined = m_browser.call(u"joinCall"_s, {{u"capability"_s, m_capability}});
        BROWSER_OK(joined);
        QTRY_COMPARE_WITH_TIMEOUT(window->bridge()->callState(), u"connected"_s, CallTimeoutMs);
        expectMediaBothWays(window, u"relay"_s);
        snapshot(window, u"desktop-call-in-call"_s);

        // The help-seeker hangs up this time.
        const QJsonObject hungUp = m_browser.call(u"hangUp"_s);
        BROWSER_OK(hungUp);
        QTRY_COMPARE_WITH_TIMEOUT(window->bridge()->stage(), Client::CallBridge::Stage::Ended, 20000);
        QCOMPARE(window->bridge()->callState(), u"endedByOther"_s);
        QVERIFY2(m_turn.state() == QProcess::Running, m_turn.readAll().constData());
    }

private:
    // Bytes and decrypted frames rising on both sides, no frame that failed to decrypt; with a
    // route, both sides' selected candidate is of that type.
    void expectMediaBothWays(Ui::CallWindow *window, const QString &route)
    {
        QVERIFY(window);
        QJsonObject first;
        QTRY_VERIFY_WITH_TIMEOUT((first = desktopFigures(window), number(first, "framesDecrypted") > 10), 30000);
        QJsonObject later;
        QTRY_VERIFY_WITH_TIMEOUT(
            (later = desktopFigures(window), number(later, "bytesIn") > number(first, "bytesIn") &&
                                                 number(later, "framesDecoded") > number(first, "framesDecoded")),
            20000);
        QCOMPARE(number(later, "decryptFailures"), 0);
        QVERIFY2(number(later, "framesEncrypted") > 0,
                 QByteArray(QJsonDocument(later).toJson() +
                            QJsonDocument(m_browser.call(u"callFigures"_s).value("figures"_L1).toObject()).toJson())
                     .constData());
        if (!route.isEmpty())
            QCOMPARE(later.value("route"_L1).toString(), route);

        QJsonObject browserFirst;
        QTRY_VERIFY_WITH_TIMEOUT((browserFirst = m_browser.call(u"callFigures"_s).value("figures"_L1).toObject(),
                                  browserFirst.value("framesDecrypted"_L1).toInteger() > 10),
                                 30000);
        QJsonObject browserLater;
        QTRY_VERIFY_WITH_TIMEOUT(
            (browserLater = m_browser.call(u"callFigures"_s).value("figures"_L1).toObject(),
             browserLater.value("bytesIn"_L1).toInteger() > browserFirst.value("bytesIn"_L1).toInteger()),
            20000);
        // Not one failure beyond those of the screen-sharing switch (none before it).
        QCOMPARE(browserLater.value("decryptFailures"_L1).toInteger(), m_switchFailures);
        if (!route.isEmpty())
            QCOMPARE(browserLater.value("route"_L1).toString(), route);
        qInfo("desktop: %lld bytes in, %lld frames decrypted; browser: %lld bytes in, %lld frames decrypted (%s)",
              number(later, "bytesIn"), number(later, "framesDecrypted"), browserLater.value("bytesIn"_L1).toInteger(),
              browserLater.value("framesDecrypted"_L1).toInteger(), qPrintable(later.value("route"_L1).toString()));
    }

    static constexpr qint64 MaxSwitchFailures = 2;
    qint64 m_switchFailures = 0;
    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    QTemporaryDir m_profile;
    QTemporaryDir m_turnDir;
    QProcess m_turn;
    BrowserSide m_browser;
    std::unique_ptr<App> m_app;
    QString m_manageUrl;
    QString m_capability;
    QString m_roomId;
    quint32 m_epochBefore = 0;
    quint32 m_epochWithInterpreter = 0;
};

int main(int argc, char *argv[])
{
    // Qt WebEngine as in CI: no GPU, Chromium's fake camera and microphone, loopback ICE candidates;
    // as root (containers) Chromium's sandbox cannot start. No --use-fake-ui-for-media-stream: the
    // page's requests for camera, microphone and screen go through CallPage as for a user, and the
    // screen shared is the test's Xvfb screen (CMakeLists).
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --use-fake-device-for-media-stream "
                                          "--allow-loopback-in-peer-connection "
                                          "--autoplay-policy=no-user-gesture-required");
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    Lotse::Ui::registerCallScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication application(argc, argv);
    TestDesktopCall test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestDesktopCall.moc"
