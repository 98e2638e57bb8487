// The offline copy and its sync against a real lotse-server (and a real SMTP sink): a booking made
// through the public API arrives by push, not by the poll; a write made while a sync is in flight
// goes out when it ends, one made while a backoff waits is tried at once; the app starts without
// the server from what it saved and shows the calendar; a change made offline waits in the outbox
// and reaches the server exactly once when it is back; a change the server saw from another client
// meanwhile becomes a conflict the advisor decides (keep mine resends over the new version, take
// theirs drops it); a server restored from an older backup answers 410 and the copy is rebuilt in
// full.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/integration/BookingFixture.h"
#include "tests/support/TestSmtpSink.h"

#include "app/CalendarService.h"
#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/LocalStore.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/Session.h"
#include "app/SyncEngine.h"
#include "models/CalendarModel.h"
#include "ui/ConflictDialog.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using BookingFixture::isoUtc;
using BookingFixture::newId;
using Lotse::Tests::TestSmtpSink;

namespace {

const QString Anna = u"anna@demo.example"_s;
const QString AnnaPassword = u"anna password"_s;

struct App
{
    explicit App(const QString &profileDir)
        : context(std::make_unique<Client::ClientContext>(profileDir))
    {
        context->languages()->setLanguage(u"en"_s);
        // Reconnect quickly: the tests stop and start the server.
        context->requests()->sync()->setReconnectDelays(100, 1000);
        window = std::make_unique<Ui::MainWindow>(context.get());
        window->resize(1180, 760);
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
    Client::RequestsService *requests() const { return context->requests(); }
    Client::SyncEngine *sync() const { return context->requests()->sync(); }
    int rowOf(const QString &id) const { return requests()->model()->rowOf(id); }
    QString status(const QString &id) const
    {
        const int row = rowOf(id);
        return row < 0 ? QString() : requests()->model()->index(row).data(Client::RequestsModel::StatusRole).toString();
    }
    bool inCalendar(const QString &id) const
    {
        const Models::CalendarModel *model = context->calendar()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->at(row).id == id)
                return true;
        }
        return false;
    }

    std::unique_ptr<Client::ClientContext> context;
    std::unique_ptr<Ui::MainWindow> window;
};

} // namespace

class TestDesktopSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        QVERIFY2(m_sink.start(), qPrintable(m_sink.lastError()));
        // Mails of reschedules go out at once (no undo window): the tests count them.
        const QByteArray config = "[smtp]\nurl = " + m_sink.url().toLatin1() +
                                  "\nfrom = noreply@lotse.example\npoll_ms = 50\n"
                                  "[mail]\nundo_seconds = 0\n"
                                  "[http]\npublic_url = https://termine.example\n"
                                  "[limits]\nbooking_posts_per_ip_per_hour = 1000\npublic_requests_per_minute = 1000\n"
                                  "[altcha]\nmax_number = 2000\n";
        const QString problem = m_world.setUp(config);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_profile = std::make_unique<QTemporaryDir>();
        QVERIFY(m_profile->isValid());
    }

    void cleanupTestCase()
    {
        m_app.reset();
        if (m_world.server)
            m_world.server->stop();
        m_sink.stop();
    }

    void signIn()
    {
        m_app = std::make_unique<App>(m_profile->path());
        QTRY_VERIFY(m_app->showing(u"signInPage"_s));
        typeInto(m_app->find<QLineEdit>(u"serverLineEdit"_s), m_world.server->baseUrl().toString());
        typeInto(m_app->find<QLineEdit>(u"usernameLineEdit"_s), Anna);
        typeInto(m_app->find<QLineEdit>(u"passwordLineEdit"_s), AnnaPassword);
        click(m_app->find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"workspace"_s), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->state(), Client::SyncEngine::State::UpToDate, 20000);
        QVERIFY(!m_app->context->session()->startedOffline());
    }

    // The poll runs every five minutes while the socket is up: within seconds, only the push can
    // have brought the booking.
    void bookingArrivesByPush()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_app->sync()->isPushConnected(), 20000);
        const QString id = book();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(id) >= 0, 10000);
        QCOMPARE(m_app->requests()->model()->index(m_app->rowOf(id)).data(Qt::DisplayRole).toString(),
                 u"Olena Kovalenko"_s);
        QTRY_VERIFY(m_app->inCalendar(id));
        QTRY_COMPARE(m_app->sync()->state(), Client::SyncEngine::State::UpToDate);
        snapshotSidebar(u"sync-online"_s);
        m_app->sync()->syncNow();
        QCOMPARE(m_app->sync()->state(), Client::SyncEngine::State::Syncing);
        QCOMPARE(m_app->find<QLabel>(u"syncStatusLabel"_s)->text(), u"Syncing…"_s);
        snapshotSidebar(u"sync-syncing"_s);
        QTRY_COMPARE(m_app->sync()->state(), Client::SyncEngine::State::UpToDate);
        QCOMPARE(m_app->find<QLabel>(u"syncStatusLabel"_s)->text(), u"Up to date"_s);
    }

    // The server is too busy to answer (held with SIGSTOP) while a sync is in flight; the advisor
    // confirms meanwhile. The write waits for the sync, not for the next poll (a minute away).
    void writeDuringASyncGoesOutWhenItEnds()
    {
        const QString id = book();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(id) >= 0, 10000);
        QTRY_COMPARE(m_app->sync()->state(), Client::SyncEngine::State::UpToDate);
        m_world.server->pause();
        auto resume = qScopeGuard([this] { m_world.server->resume(); }); // also when a check fails
        m_app->sync()->syncNow();
        QCOMPARE(m_app->sync()->state(), Client::SyncEngine::State::Syncing);
        bool answered = false;
        Client::ApiError result;
        m_app->requests()->confirm(id, [&](const Client::ApiError &error) {
            answered = true;
            result = error;
        });
        QCOMPARE(m_app->status(id), u"confirmed"_s);
        QCOMPARE(m_app->sync()->pendingChanges(), 1);
        m_world.server->resume();
        QTRY_COMPARE_WITH_TIMEOUT(serverItem(id).value("status"_L1).toString(), u"confirmed"_s, 10000);
        QTRY_VERIFY(answered);
        QVERIFY2(!result.isError(), qPrintable(result.userMessage()));
        QTRY_COMPARE(m_app->sync()->pendingChanges(), 0);
        QTRY_COMPARE(m_app->sync()->state(), Client::SyncEngine::State::UpToDate);
    }

    // The last attempt failed and the next is far away (backoff); the server is back meanwhile.
    // The advisor's write is a reason to try now: it reaches the server at once, not after the
    // backoff (two minutes here, up to a minute by default).
    void writeWhileBackingOffIsTriedAtOnce()
    {
        const QString id = book();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(id) >= 0, 10000);
        QTRY_COMPARE(m_app->sync()->state(), Client::SyncEngine::State::UpToDate);
        m_app->sync()->setReconnectDelays(120000, 120000);
        auto quick = qScopeGuard([this] { m_app->sync()->setReconnectDelays(100, 1000); });
        QVERIFY(m_world.server->stop());
        m_app->sync()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->state(), Client::SyncEngine::State::Offline, 10000);
        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));
        QVERIFY(!m_app->sync()->isPushConnected());
        bool answered = false;
        Client::ApiError result;
        m_app->requests()->confirm(id, [&](const Client::ApiError &error) {
            answered = true;
            result = error;
        });
        QCOMPARE(m_app->status(id), u"confirmed"_s);
        QTRY_COMPARE_WITH_TIMEOUT(serverItem(id).value("status"_L1).toString(), u"confirmed"_s, 10000);
        QTRY_VERIFY(answered);
        QVERIFY2(!result.isError(), qPrintable(result.userMessage()));
        QTRY_COMPARE(m_app->sync()->pendingChanges(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->state(), Client::SyncEngine::State::UpToDate, 10000);
        // The write that worked brings the WebSocket back, too (without waiting out its backoff).
        QTRY_VERIFY_WITH_TIMEOUT(m_app->sync()->isPushConnected(), 10000);
    }

    // The app starts on a train: the server is away, the calendar is there from the offline copy,
    // the advisor confirms, and the confirmation reaches the server exactly once when it is back.
    void startsOfflineAndTheChangeArrivesOnce()
    {
        const QString id = book();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(id) >= 0, 10000);
        const qint64 versionBefore = serverItem(id).value("version"_L1).toInteger();
        QVERIFY(versionBefore > 0);
        m_app.reset();
        QVERIFY(m_world.server->stop());

        m_app = std::make_unique<App>(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"workspace"_s), 20000);
        QVERIFY(m_app->context->session()->startedOffline());
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->state(), Client::SyncEngine::State::Offline, 10000);
        QVERIFY(m_app->rowOf(id) >= 0);
        QCOMPARE(m_app->requests()->model()->index(m_app->rowOf(id)).data(Qt::DisplayRole).toString(),
                 u"Olena Kovalenko"_s);
        QTRY_VERIFY(m_app->inCalendar(id));
        openSection(u"Calendar"_s);
        snapshot(m_app->window.get(), u"sync-offline-calendar"_s);

        bool answered = false;
        Client::ApiError result;
        m_app->requests()->confirm(id, [&](const Client::ApiError &error) {
            answered = true;
            result = error;
        });
        QTRY_VERIFY(answered);
        QVERIFY2(!result.isError(), qPrintable(result.userMessage())); // kept, not refused
        QCOMPARE(m_app->status(id), u"confirmed"_s);                   // shown at once
        QTRY_COMPARE(m_app->sync()->pendingChanges(), 1);
        QCOMPARE(m_app->sync()->state(), Client::SyncEngine::State::Offline);
        QCOMPARE(m_app->find<QLabel>(u"syncStatusLabel"_s)->text(), u"Offline"_s);
        QCOMPARE(m_app->find<QLabel>(u"syncDetailLabel"_s)->text(), u"1 change waiting"_s);
        snapshotSidebar(u"sync-offline"_s);

        const qsizetype mailsBefore = m_sink.messages().size();
        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(serverItem(id).value("status"_L1).toString(), u"confirmed"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->pendingChanges(), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->state(), Client::SyncEngine::State::UpToDate, 20000);
        QCOMPARE(m_app->status(id), u"confirmed"_s);
        // One confirmation mail and one new version: the write went through once.
        QVERIFY(m_sink.waitForMessages(int(mailsBefore) + 1));
        QTest::qWait(1500); // the outbox worker polls every 50 ms: a second mail would be here
        QCOMPARE(m_sink.messages().size(), mailsBefore + 1);
        QCOMPARE(serverItem(id).value("version"_L1).toInteger(), versionBefore + 1);
        // Kept across a restart of the app too: nothing waits, nothing is sent again.
        m_app.reset();
        m_app = std::make_unique<App>(m_profile->path());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"workspace"_s), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->state(), Client::SyncEngine::State::UpToDate, 20000);
        QCOMPARE(m_app->sync()->pendingChanges(), 0);
        QCOMPARE(serverItem(id).value("version"_L1).toInteger(), versionBefore + 1);
    }

    // Two offline confirmations; meanwhile another client of Anna's moves both appointments.
    void conflictKeepMineAndTakeTheirs()
    {
        const QString keep = book();
        const QString drop = book();
        QVERIFY(!keep.isEmpty() && !drop.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(keep) >= 0 && m_app->rowOf(drop) >= 0, 10000);
        // The desktop must not come back before the other client has acted.
        m_app->sync()->setReconnectDelays(120000, 120000);
        QVERIFY(m_world.server->stop());
        bool answered = false;
        m_app->requests()->confirm(keep, [&](const Client::ApiError &) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
        answered = false;
        m_app->requests()->confirm(drop, [&](const Client::ApiError &) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
        QCOMPARE(m_app->sync()->pendingChanges(), 2);
        QCOMPARE(m_app->sync()->state(), Client::SyncEngine::State::Offline);

        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));
        const QDateTime keepMoved = farSlot();
        const QDateTime dropMoved = farSlot();
        QCOMPARE(reschedule(keep, keepMoved), 200);
        QCOMPARE(reschedule(drop, dropMoved), 200);
        m_app->sync()->setReconnectDelays(100, 1000);
        m_app->sync()->syncNow();

        Ui::ConflictDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_app->window->findChild<Ui::ConflictDialog *>()) && dialog->isVisible(),
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->conflicts().size(), 2, 20000);
        QCOMPARE(dialog->findChild<QLabel *>(u"conflictMineLabel"_s)->text(), u"Confirm the appointment"_s);
        QVERIFY2(dialog->findChild<QLabel *>(u"conflictTheirsLabel"_s)->text().contains(u"Waiting for you"_s),
                 qPrintable(dialog->findChild<QLabel *>(u"conflictTheirsLabel"_s)->text()));
        // The calendar shows the server's time for the moved appointment.
        QTRY_COMPARE(m_app->requests()->store()->item(keep)->start, keepMoved);
        snapshot(dialog, u"sync-conflict-dialog"_s);
        snapshotSidebar(u"sync-conflict"_s);
        QVERIFY(m_app->showing(u"syncStatusWidget"_s));
        QVERIFY2(m_app->find<QLabel>(u"syncStatusLabel"_s)->text().contains(u"conflict"_s, Qt::CaseInsensitive),
                 qPrintable(m_app->find<QLabel>(u"syncStatusLabel"_s)->text()));

        // Keep mine: confirmed over the moved version, at the moved time.
        const QString first = m_app->sync()->conflicts().first().target;
        QCOMPARE(first, keep);
        click(dialog->findChild<QPushButton *>(u"keepMineButton"_s));
        QCOMPARE(m_app->sync()->state(), Client::SyncEngine::State::Syncing); // on its way at once
        QTRY_COMPARE_WITH_TIMEOUT(serverItem(keep).value("status"_L1).toString(), u"confirmed"_s, 20000);
        QCOMPARE(QDateTime::fromString(serverItem(keep).value("start"_L1).toString(), Qt::ISODate), keepMoved);

        // Take theirs: the second question; the server keeps its version and nothing is sent.
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_app->window->findChild<Ui::ConflictDialog *>()) && dialog->isVisible(),
                                 20000);
        QCOMPARE(m_app->sync()->conflicts().size(), 1);
        QCOMPARE(m_app->sync()->conflicts().first().target, drop);
        const qint64 dropVersion = serverItem(drop).value("version"_L1).toInteger();
        click(dialog->findChild<QPushButton *>(u"takeTheirsButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->pendingChanges(), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->sync()->state(), Client::SyncEngine::State::UpToDate, 20000);
        QCOMPARE(m_app->status(drop), u"pending"_s);
        QCOMPARE(m_app->status(keep), u"confirmed"_s);
        QTest::qWait(500);
        QCOMPARE(serverItem(drop).value("status"_L1).toString(), u"pending"_s);
        QCOMPARE(serverItem(drop).value("version"_L1).toInteger(), dropVersion);
    }

    // The server comes back from an older backup: the desktop's cursor is one it never gave, it
    // answers 410 and the copy is rebuilt in full (what the backup does not know goes away).
    void cursorExpiredRebuildsTheCopy()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_app->sync()->isPushConnected(), 20000);
        QVERIFY(m_world.server->stop());
        const QString backup = m_backupDir.path();
        QVERIFY(copyDatabase(m_world.server->databaseFile(), backup + u"/lotse"_s));
        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->sync()->isPushConnected(), 20000);
        const QString later = book();
        QVERIFY(!later.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(later) >= 0, 10000);
        const QString cursorBefore = m_app->requests()->store()->cursor();
        const int known = m_app->requests()->model()->rowCount();

        QSignalSpy syncs(m_app->sync(), &Client::SyncEngine::synced);
        QVERIFY(m_world.server->stop());
        QVERIFY(copyDatabase(backup + u"/lotse"_s, m_world.server->databaseFile()));
        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(later) < 0, 20000);
        QCOMPARE(m_app->requests()->model()->rowCount(), known - 1);
        QTRY_COMPARE(m_app->sync()->state(), Client::SyncEngine::State::UpToDate);
        QVERIFY(!syncs.isEmpty());
        const QString cursorAfter = m_app->requests()->store()->cursor();
        QVERIFY2(cursorAfter.toLongLong() < cursorBefore.toLongLong(), qPrintable(cursorAfter + u" "_s + cursorBefore));
        // And incremental sync works again from the new cursor.
        const QString next = book();
        QVERIFY(!next.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->rowOf(next) >= 0, 10000);
    }

private:
    void openSection(const QString &title)
    {
        auto *sidebar = m_app->find<QListWidget>(u"sidebarListWidget"_s);
        for (int row = 0; row < sidebar->count(); ++row) {
            if (sidebar->item(row)->text() == title)
                sidebar->setCurrentRow(row);
        }
    }

    void snapshotSidebar(const QString &name)
    {
        if (auto *sidebar = m_app->find<QWidget>(u"sidebarListWidget"_s))
            snapshot(sidebar->parentWidget(), name);
    }

    static bool copyDatabase(const QString &from, const QString &to)
    {
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
            QFile::remove(to + suffix);
            if (QFile::exists(from + suffix) && !QFile::copy(from + suffix, to + suffix))
                return false;
        }
        return true;
    }

    // A new pending video booking of Anna's on the next free hour, sealed to her devices as the
    // server lists them (the desktop's among them) the way the booking page seals it; returns
    // once its mail to the help-seeker arrived.
    QString book()
    {
        const QString id = newId();
        const QDateTime at = m_world.slot(++m_hour);
        QList<QByteArray> keys;
        for (const QJsonValue &value :
             m_world.client->get(u"/api/v1/devices"_s, m_world.anna).json().value("devices"_L1).toArray()) {
            if (const auto key = Crypto::fromBase64Url(value.toObject().value("x25519"_L1).toString()))
                keys.append(*key);
        }
        QJsonObject body = m_world.booking(id, at, u"uk"_s);
        body.insert(u"sealed"_s, BookingFixture::seal(keys, u"booking:"_s + id,
                                                      {{u"firstName"_s, u"Olena"_s}, {u"lastName"_s, u"Kovalenko"_s}}));
        const qsizetype mails = m_sink.messages().size();
        const auto reply = m_world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, body);
        if (reply.status != 201) {
            qWarning() << "booking refused:" << reply.status << reply.body;
            return {};
        }
        // Its "request received" mail is out before anything else counts mails.
        if (!m_sink.waitForMessages(int(mails) + 1)) {
            qWarning() << "no mail for the booking";
            return {};
        }
        return id;
    }

    QDateTime farSlot() { return m_world.slot(24 * 10 + 2 * ++m_far); }

    int reschedule(const QString &id, const QDateTime &start)
    {
        return m_world.client
            ->postJson(u"/api/v1/bookings/%1/reschedule"_s.arg(id), {{u"start"_s, isoUtc(start)}}, m_world.anna)
            .status;
    }

    // The request as the server lists it to another client of Anna's.
    QJsonObject serverItem(const QString &id) const
    {
        const auto reply = m_world.client->get(u"/api/v1/requests?status=all"_s, m_world.anna);
        for (const QJsonValue &value : reply.json().value("requests"_L1).toArray()) {
            if (value.toObject().value("id"_L1).toString() == id)
                return value.toObject();
        }
        return {};
    }

    TestSmtpSink m_sink;
    BookingFixture::World m_world;
    std::unique_ptr<QTemporaryDir> m_profile;
    QTemporaryDir m_backupDir;
    std::unique_ptr<App> m_app;
    int m_hour = 0;
    int m_far = 0;
};

QTEST_MAIN(TestDesktopSync)
#include "TestDesktopSync.moc"
