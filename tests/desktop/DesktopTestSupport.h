#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QWidget>

#include <optional>

class QLineEdit;
class QPushButton;

namespace Lotse::Tests {

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

} // namespace Desktop
} // namespace Lotse::Tests
