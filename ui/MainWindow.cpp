#include "ui/MainWindow.h"

#include "app/ClientContext.h"
#include "app/RequestsService.h"
#include "app/RoomService.h"
#include "app/SecretStore.h"
#include "ui/AvailabilityPage.h"
#include "ui/CalendarPage.h"
#include "ui/CalendarSettingsBox.h"
#include "ui/ConflictDialog.h"
#include "ui/ConversationsPage.h"
#include "ui/KeyStoragePage.h"
#include "ui/OverviewPage.h"
#include "ui/QueuePage.h"
#include "ui/RequestsPage.h"
#include "ui/SettingsPage.h"
#include "ui/SignInPage.h"
#include "ui/StartupPage.h"
#include "ui/SyncStatusWidget.h"
#include "ui/TrayIcon.h"
#include "ui/Workspace.h"

#include <QApplication>
#include <QCloseEvent>
#include <QStackedWidget>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
const auto GeometryKey = "window/geometry"_L1;
constexpr QSize DefaultSize(1040, 700);
} // namespace

MainWindow::MainWindow(Client::ClientContext *context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_session(context->session())
    , m_pagesStackedWidget(new QStackedWidget(this))
    , m_startupPage(new StartupPage(this))
    , m_signInPage(new SignInPage(this))
    , m_keyStoragePage(new KeyStoragePage(this))
    , m_workspace(new Workspace(this))
    , m_overviewPage(new OverviewPage(m_session, this))
    , m_requestsPage(new RequestsPage(context->requests(), this))
    , m_availabilityPage(new AvailabilityPage(m_session, context->availability(), this))
    , m_calendarPage(new CalendarPage(context->calendar(), this))
    , m_conversationsPage(new ConversationsPage(context->rooms(), context->roomFiles(), context->serverClient(), this))
    , m_queuePage(new QueuePage(context->instantQueue(), this))
    , m_settingsPage(new SettingsPage(m_session, context->languages(), this))
    , m_trayIcon(new TrayIcon(this))
    , m_syncStatusWidget(new SyncStatusWidget(context->requests(), this))
{
    setObjectName(u"mainWindow"_s);
    m_pagesStackedWidget->setObjectName(u"pagesStackedWidget"_s);
    m_pagesStackedWidget->addWidget(m_startupPage);
    m_pagesStackedWidget->addWidget(m_signInPage);
    m_pagesStackedWidget->addWidget(m_keyStoragePage);
    m_pagesStackedWidget->addWidget(m_workspace);
    setCentralWidget(m_pagesStackedWidget);

    // The sidebar, top to bottom. A new section is one more line here.
    m_workspace->addSection(m_overviewPage);
    m_workspace->addSection(m_conversationsPage);
    m_workspace->addSection(m_queuePage);
    m_workspace->addSection(m_calendarPage);
    m_workspace->addSection(m_requestsPage);
    m_workspace->addSection(m_availabilityPage);
    m_workspace->addSection(m_settingsPage);
    m_settingsPage->addGroup(new CalendarSettingsBox(context->calDavAccount(), context->busySync(),
                                                     context->calendarPublisher(), m_settingsPage));
    m_workspace->setSidebarFooter(m_syncStatusWidget);
    connect(context->requests()->sync(), &Client::SyncEngine::conflictRaised, this, &MainWindow::offerConflict);
    connect(m_syncStatusWidget, &SyncStatusWidget::conflictsRequested, this, &MainWindow::offerConflict);

    connect(m_queuePage, &QueuePage::roomTaken, this, [this](const QString &roomId) {
        m_workspace->showSection(m_conversationsPage);
        m_conversationsPage->openRoom(roomId);
    });
    connect(m_queuePage, &QueuePage::newArrival, this, [this](int count) {
        m_trayIcon->notify(tr("Someone is waiting"),
                           tr("%n person(s) joined the waiting room for an instant call.", nullptr, count));
    });
    connect(context->rooms(), &Client::RoomService::messageArrived, this, &MainWindow::notifyMessage);

    connect(m_session, &Client::Session::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &Client::Session::signInFailed, m_signInPage, &SignInPage::showError);
    connect(m_session, &Client::Session::notice, m_signInPage, &SignInPage::showNotice);
    connect(m_signInPage, &SignInPage::signInRequested, m_session, &Client::Session::signIn);
    connect(m_keyStoragePage, &KeyStoragePage::createRequested, this, [this](const QString &passphrase) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const Client::SecretStatus status = m_session->createKeyFile(passphrase);
        QApplication::restoreOverrideCursor();
        if (!status.ok())
            m_keyStoragePage->showError(status.userMessage());
    });
    connect(m_keyStoragePage, &KeyStoragePage::unlockRequested, this, [this](const QString &passphrase) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const Client::SecretStatus status = m_session->unlockKeyFile(passphrase);
        QApplication::restoreOverrideCursor();
        if (!status.ok())
            m_keyStoragePage->showError(status.userMessage());
    });
    connect(m_keyStoragePage, &KeyStoragePage::retryKeychainRequested, m_session, &Client::Session::start);
    connect(m_calendarPage, &CalendarPage::conversationRequested, this, &MainWindow::openConversation);
    m_calendarPage->setConversationsAvailable(true);
    connect(m_trayIcon, &TrayIcon::showRequested, this, &MainWindow::activate);
    connect(m_trayIcon, &TrayIcon::quitRequested, this, &QWidget::close);

    m_signInPage->prefill(m_session->savedServer(), m_session->savedUsername());
    if (!restoreGeometry(m_context->profile().settings()->value(GeometryKey).toByteArray()))
        resize(DefaultSize);
    retranslate();
    onStateChanged(m_session->state());
}

MainWindow::~MainWindow() = default;

void MainWindow::prefill(const QString &server, const QString &username)
{
    m_signInPage->prefill(server, username);
}

void MainWindow::signInWhenReady(const QString &password)
{
    m_pendingPassword = password;
    if (m_session->state() == Client::Session::State::SignedOut)
        onStateChanged(Client::Session::State::SignedOut);
}

void MainWindow::activate()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::openConversation(const QString &bookingId)
{
    m_workspace->showSection(m_conversationsPage);
    m_conversationsPage->openRoom(bookingId);
}

void MainWindow::notifyMessage(const QString &roomId)
{
    // Only when the advisor is not already looking at that conversation. The notification names
    // the person, never the message: the desktop's notification service may log what it shows.
    if (isActiveWindow() && m_workspace->currentSection() == m_conversationsPage &&
        m_conversationsPage->currentRoom() == roomId)
        return;
    const Client::Room *room = m_context->rooms()->room(roomId);
    const QString name = room && !room->title.isEmpty() ? room->title : tr("a help-seeker");
    m_trayIcon->notify(tr("New message"), tr("New message from %1").arg(name));
}

void MainWindow::onStateChanged(Client::Session::State state)
{
    using State = Client::Session::State;
    switch (state) {
    case State::Starting:
        m_pagesStackedWidget->setCurrentWidget(m_startupPage);
        break;
    case State::NeedsKeyStorage:
        m_keyStoragePage->setMode(KeyStoragePage::Mode::CreateKeyFile, m_session->storageProblem());
        m_pagesStackedWidget->setCurrentWidget(m_keyStoragePage);
        break;
    case State::KeyFileLocked:
        m_keyStoragePage->setMode(KeyStoragePage::Mode::UnlockKeyFile);
        m_pagesStackedWidget->setCurrentWidget(m_keyStoragePage);
        break;
    case State::SignedOut:
        m_signInPage->setBusy(false);
        m_pagesStackedWidget->setCurrentWidget(m_signInPage);
        if (!m_pendingPassword.isEmpty()) {
            const QString password = std::exchange(m_pendingPassword, QString());
            m_signInPage->submitWithPassword(password);
        }
        break;
    case State::SigningIn:
        m_signInPage->setBusy(true);
        m_pagesStackedWidget->setCurrentWidget(m_signInPage);
        break;
    case State::SignedIn:
        m_signInPage->setBusy(false);
        m_signInPage->clearSecrets();
        m_signInPage->prefill(m_session->savedServer(), m_session->savedUsername());
        m_workspace->showSection(m_overviewPage);
        m_pagesStackedWidget->setCurrentWidget(m_workspace);
        // Conflicts left open last time.
        QMetaObject::invokeMethod(this, &MainWindow::offerConflict, Qt::QueuedConnection);
        break;
    }
    retranslate();
}

void MainWindow::offerConflict()
{
    if (m_conflictDialog)
        return; // one question at a time; the next comes when this one is answered
    Client::RequestsService *requests = m_context->requests();
    const QList<Client::LocalStore::OutboxEntry> conflicts = requests->sync()->conflicts();
    if (conflicts.isEmpty())
        return;
    m_conflictDialog = new ConflictDialog(conflicts.first(), requests->model(), this);
    m_conflictDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflictDialog, &QDialog::finished, this, [this, requests, seq = conflicts.first().seq](int result) {
        m_conflictDialog = nullptr; // it deletes itself later; the next question may come sooner
        if (result == QDialog::Accepted)
            requests->sync()->keepMine(seq);
        else if (result == ConflictDialog::TakeTheirs)
            requests->sync()->takeTheirs(seq);
        else
            return; // closed without a choice: it waits (the sidebar offers it again, and the next start)
        QMetaObject::invokeMethod(this, &MainWindow::offerConflict, Qt::QueuedConnection);
    });
    m_conflictDialog->open();
}

void MainWindow::retranslate()
{
    const QString name = m_session->advisor().displayName;
    setWindowTitle(m_session->state() == Client::Session::State::SignedIn && !name.isEmpty()
                       ? tr("%1 – Lotse").arg(name)
                       : tr("Lotse"));
    m_trayIcon->retranslate();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::saveGeometry()
{
    m_context->profile().settings()->setValue(GeometryKey, QMainWindow::saveGeometry());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveGeometry();
    event->accept();
}

} // namespace Lotse::Ui
