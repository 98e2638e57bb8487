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
class KeyStoragePage;
class OverviewPage;
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
    // Hook for the Conversations section (built on another branch): shows the conversation that
    // belongs to this booking. Until that section is merged it does nothing, and the calendar does
    // not offer the button (CalendarPage::setConversationsAvailable).
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
    SettingsPage *m_settingsPage;
    TrayIcon *m_trayIcon;
    SyncStatusWidget *m_syncStatusWidget;
    QPointer<ConflictDialog> m_conflictDialog;
    QString m_pendingPassword;
};

} // namespace Lotse::Ui
