#pragma once

#include "app/CalDavStore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

namespace Lotse::Client {

class CalDavClient;
class Profile;
class SecretStore;

// One calendar of the advisor's CalDAV account and what Lotse does with it.
struct CalDavCalendarChoice
{
    QUrl url;
    QString displayName;
    bool busy = true; // its events block the booking page

    friend bool operator==(const CalDavCalendarChoice &, const CalDavCalendarChoice &) = default;
};

// The advisor's external calendar account: address, user name and the chosen calendars in the
// profile's settings, the password only in the secret store the session uses (keychain or key
// file), and the local CalDAV data (CalDavStore). Adding an account runs discovery first; when it
// fails, nothing that was stored before changes.
class CalDavAccount : public QObject
{
    Q_OBJECT

public:
    CalDavAccount(const Profile &profile, const QString &storePath, QObject *parent = nullptr);
    ~CalDavAccount() override;

    // The session's store while signed in; null otherwise (the password cannot be read then).
    void setSecretStore(SecretStore *store);

    [[nodiscard]] bool hasAccount() const { return m_serverUrl.isValid() && !m_user.isEmpty(); }
    [[nodiscard]] QUrl serverUrl() const { return m_serverUrl; }
    [[nodiscard]] QString user() const { return m_user; }
    [[nodiscard]] QList<CalDavCalendarChoice> calendars() const { return m_calendars; }
    [[nodiscard]] QList<QUrl> busyCalendars() const;
    // Where Lotse's confirmed appointments go; empty for nowhere.
    [[nodiscard]] QUrl publishCalendar() const { return m_publishCalendar; }
    [[nodiscard]] bool isConnecting() const { return m_connecting; }
    [[nodiscard]] CalDavStore &store() { return m_store; }

    void setBusy(const QUrl &calendar, bool busy);
    void setPublishCalendar(const QUrl &calendar);

    // Runs discovery with these credentials; on success they (and the calendars found) replace the
    // stored account. `connectFailed` says why not.
    void connectAccount(const QString &address, const QString &user, const QString &password);
    // Forgets the account, its password and its local data.
    void removeAccount();

    // Gives `client` the stored account and password; `problem` is empty on success.
    void configure(CalDavClient *client, std::function<void(const QString &problem)> done);

    // "cal.example.org" becomes https://cal.example.org/; empty when it is no usable address.
    [[nodiscard]] static QUrl normaliseAddress(const QString &address);

Q_SIGNALS:
    void connectingChanged(bool connecting);
    void connectFailed(const QString &message);
    // The account, its calendars or a choice changed.
    void changed();
    void busyCalendarsChanged();
    void publishCalendarChanged();

private:
    void load();
    void save() const;
    [[nodiscard]] QString secretKey(const QUrl &serverUrl, const QString &user) const;
    void finishConnect(const QUrl &url, const QString &user, const QString &password,
                       const QList<CalDavCalendar> &found);
    void setConnecting(bool connecting);

    const Profile &m_profile;
    CalDavStore m_store;
    QPointer<SecretStore> m_secrets;
    QUrl m_serverUrl;
    QString m_user;
    QList<CalDavCalendarChoice> m_calendars;
    QUrl m_publishCalendar;
    QString m_password; // read once from the secret store, kept in memory only
    bool m_connecting = false;
    CalDavClient *m_discovery = nullptr;
};

} // namespace Lotse::Client
