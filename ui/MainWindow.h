#pragma once

#include "app/Session.h"

#include <QMainWindow>
#include <QPointer>

class QStackedWidget;

namespace Lotse::Client {
class ClientContext;
}

namespace Lotse::Ui {

class AvailabilityPage;
class CalendarPage;
class ConflictDialog;
class ConversationsPage;
class KeyStoragePage;
class OverviewPage;
class QueuePage;
class RequestsPage;
class SettingsPage;
class SignInPage;
class StartupPage;
class SyncStatusWidget;
class TrayIcon;
class Workspace;

// Lotse's one window. Shows what the session's state calls for: the sign-in card, the key-file
// passphrase, or the workspace with its sidebar once signed in.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Client::ClientContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Fills in the sign-in form (from the command line).
    void prefill(const QString &server, const QString &username);
    // Signs in with this password as soon as the sign-in form is shown (`--password-stdin`).
    void signInWhenReady(const QString &password);
    // Brings the window to the front (a second start, or the tray icon).
    void activate();

public Q_SLOTS:
    // Shows the Conversations section with the booking's room (a booking's room id is its id).
    void openConversation(const QString &bookingId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onStateChanged(Client::Session::State state);
    void retranslate();
    // Asks the advisor about the next change that met a newer state on the server.
    void offerConflict();
    void saveGeometry();
    void notifyMessage(const QString &roomId);

    Client::ClientContext *m_context;
    Client::Session *m_session;
    QStackedWidget *m_pagesStackedWidget;
    StartupPage *m_startupPage;
    SignInPage *m_signInPage;
    KeyStoragePage *m_keyStoragePage;
    Workspace *m_workspace;
    OverviewPage *m_overviewPage;
    RequestsPage *m_requestsPage;
    AvailabilityPage *m_availabilityPage;
    CalendarPage *m_calendarPage;
    ConversationsPage *m_conversationsPage;
    QueuePage *m_queuePage;
    SettingsPage *m_settingsPage;
    TrayIcon *m_trayIcon;
    SyncStatusWidget *m_syncStatusWidget;
    QPointer<ConflictDialog> m_conflictDialog;
    QString m_pendingPassword;
};

} // namespace Lotse::Ui
