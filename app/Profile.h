#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace Lotse::Client {

// One place on disk for one advisor set-up: settings, the optional key file, and the names under
// which the keychain entries and the single-instance socket live. `lotse --profile DIR` picks
// another one, so tests and scripts never touch the user's own.
class Profile
{
public:
    // An empty directory means the XDG default (QStandardPaths::AppConfigLocation).
    explicit Profile(const QString &directory = QString());

    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QString settingsPath() const;
    [[nodiscard]] QString keyFilePath() const;
    // Stable per directory; keeps keychain entries and sockets of different profiles apart.
    [[nodiscard]] QString id() const { return m_id; }
    [[nodiscard]] QString instanceName() const;
    [[nodiscard]] static QString keychainService();

    [[nodiscard]] std::unique_ptr<QSettings> settings() const;
    // Keychain entry names for one account on one server.
    [[nodiscard]] QString tokenEntry(const QString &server, const QString &username) const;
    [[nodiscard]] QString deviceKeysEntry(const QString &server, const QString &username) const;

private:
    QString m_directory;
    QString m_id;
};

} // namespace Lotse::Client
