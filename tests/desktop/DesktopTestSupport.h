#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QLineEdit;
class QPushButton;
class QUrl;

namespace Lotse::Client {
class ClientContext;
}
namespace Lotse::Ui {
class MainWindow;
}

namespace Lotse::Tests {

class TestHttpClient;

// What the desktop tests share: typing like a user, TOTP codes, and asking the Secret Service
// directly (without QtKeychain) what it holds.
namespace Desktop {

// Clears the field and types `text` key by key.
void typeInto(QLineEdit *field, const QString &text);
void click(QPushButton *button);

// RFC 6238 (SHA-1, 6 digits, 30 s) for a base32 secret, at `time`.
[[nodiscard]] QString totpCode(const QString &base32Secret, const QDateTime &time);

// The entry QtKeychain stored under `service`/`key`, read with secret-tool; nullopt when absent.
[[nodiscard]] std::optional<QByteArray> secretServiceLookup(const QString &service, const QString &key);

// Saves `window` as DIR/NAME.png when LOTSE_SCREENSHOT_DIR is set (for looking at the UI and for
// the README); does nothing otherwise.
void snapshot(QWidget *window, const QString &name);

// The visible texts of all labels, buttons and list items under `root`, for retranslation checks.
[[nodiscard]] QStringList visibleTexts(const QWidget *root);

// The desktop app as a user starts it: its own profile, English, the main window shown at
// 1180×760, the session started. Tests derive from it for their own look-ups.
struct DesktopApp
{
    explicit DesktopApp(const QString &profileDir);
    ~DesktopApp();
    DesktopApp(const DesktopApp &) = delete;
    DesktopApp &operator=(const DesktopApp &) = delete;

    template<typename T>
    T *find(const QString &name) const
    {
        return mainWindow()->findChild<T *>(name);
    }
    [[nodiscard]] QWidget *mainWindow() const;
    [[nodiscard]] bool showing(const QString &name) const;
    // Selects the sidebar's section with this title.
    void openSection(const QString &title) const;
    // The row of the room in the Conversations list, -1 when it is not listed.
    [[nodiscard]] int roomRow(const QString &roomId) const;
    void clickRoom(const QString &roomId) const;
    // Types server, user name and password into the sign-in page (waited for up to 10 s) and
    // presses Sign in; true when the workspace shows within 20 s.
    [[nodiscard]] bool signIn(const QUrl &server, const QString &user, const QString &password) const;

    std::unique_ptr<Client::ClientContext> context;
    std::unique_ptr<Ui::MainWindow> window;
};

// Sets the signed-in advisor's availability through the API: every hour of every day (Berlin time)
// bookable for 45-minute video appointments, 60 minutes' notice. Empty when it worked, else why not.
[[nodiscard]] QString openEveryHourForVideo(TestHttpClient &http, const QString &token);

// The status of the booking request `id` as the server has it (the advisor's list with every
// status); empty when the server does not list it.
[[nodiscard]] QString requestStatus(TestHttpClient &http, const QString &token, const QString &id);

} // namespace Desktop
} // namespace Lotse::Tests
