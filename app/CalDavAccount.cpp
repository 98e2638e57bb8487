#include "app/CalDavAccount.h"

#include "app/CalDavClient.h"
#include "app/Profile.h"
#include "app/SecretStore.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
const auto Group = "caldav"_L1;
} // namespace

CalDavAccount::CalDavAccount(const Profile &profile, const QString &storePath, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(storePath)
{
    load();
    m_store.load();
}

CalDavAccount::~CalDavAccount() = default;

void CalDavAccount::setSecretStore(SecretStore *store)
{
    if (m_secrets == store)
        return;
    m_secrets = store;
    m_password.clear();
}

QList<QUrl> CalDavAccount::busyCalendars() const
{
    QList<QUrl> result;
    for (const CalDavCalendarChoice &calendar : m_calendars) {
        if (calendar.busy)
            result.append(calendar.url);
    }
    return result;
}

void CalDavAccount::setBusy(const QUrl &calendar, bool busy)
{
    for (CalDavCalendarChoice &choice : m_calendars) {
        if (choice.url == calendar && choice.busy != busy) {
            choice.busy = busy;
            save();
            Q_EMIT busyCalendarsChanged();
            Q_EMIT changed();
            return;
        }
    }
}

void CalDavAccount::setPublishCalendar(const QUrl &calendar)
{
    const bool known = std::any_of(m_calendars.cbegin(), m_calendars.cend(),
                                   [&calendar](const CalDavCalendarChoice &c) { return c.url == calendar; });
    const QUrl chosen = known ? calendar : QUrl();
    if (chosen == m_publishCalendar)
        return;
    m_publishCalendar = chosen;
    save();
    Q_EMIT publishCalendarChanged();
    Q_EMIT changed();
}

QUrl CalDavAccount::normaliseAddress(const QString &address)
{
    QString text = address.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains("://"_L1))
        text.prepend("https://"_L1);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1) ||
        !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return {};
    if (url.path().isEmpty())
        url.setPath(u"/"_s);
    return url;
}

void CalDavAccount::setConnecting(bool connecting)
{
    if (m_connecting == connecting)
        return;
    m_connecting = connecting;
    Q_EMIT connectingChanged(connecting);
}

void CalDavAccount::connectAccount(const QString &address, const QString &user, const QString &password)
{
    if (m_connecting)
        return;
    const QUrl url = normaliseAddress(address);
    if (url.isEmpty()) {
        Q_EMIT connectFailed(tr("Please enter the address of your calendar server, for example "
                                "https://calendar.example.org/."));
        return;
    }
    if (user.trimmed().isEmpty() || password.isEmpty()) {
        Q_EMIT connectFailed(tr("Please enter the user name and password of your calendar account."));
        return;
    }
    if (!m_secrets) {
        Q_EMIT connectFailed(tr("Please sign in first: the calendar password is kept with your sign-in."));
        return;
    }
    setConnecting(true);
    delete m_discovery;
    m_discovery = new CalDavClient(this);
    m_discovery->setAccount(url, user.trimmed(), password);
    QPointer<CalDavAccount> self(this);
    m_discovery->discover(
        [self, url, user = user.trimmed(), password](const QList<CalDavCalendar> &found, const CalDavError &error) {
            if (!self)
                return;
            if (error.isError()) {
                self->setConnecting(false);
                Q_EMIT self->connectFailed(error.userMessage());
                return;
            }
            self->finishConnect(url, user, password, found);
        });
}

void CalDavAccount::finishConnect(const QUrl &url, const QString &user, const QString &password,
                                  const QList<CalDavCalendar> &found)
{
    QList<CalDavCalendarChoice> calendars;
    for (const CalDavCalendar &calendar : found) {
        // Task lists and address books have no busy times and cannot hold an appointment.
        if (!calendar.components.isEmpty() && !calendar.components.contains("VEVENT"_L1))
            continue;
        CalDavCalendarChoice choice{calendar.url, calendar.displayName, true};
        if (choice.displayName.isEmpty())
            choice.displayName = calendar.url.path().section(u'/', -2, -2);
        // Connecting the same account again keeps the advisor's choices.
        if (url == m_serverUrl && user == m_user) {
            for (const CalDavCalendarChoice &old : std::as_const(m_calendars)) {
                if (old.url == calendar.url)
                    choice.busy = old.busy;
            }
        }
        calendars.append(choice);
    }
    if (calendars.isEmpty()) {
        setConnecting(false);
        Q_EMIT connectFailed(tr("The account has no calendar for appointments."));
        return;
    }
    if (!m_secrets) {
        setConnecting(false);
        Q_EMIT connectFailed(tr("Please sign in first: the calendar password is kept with your sign-in."));
        return;
    }
    QPointer<CalDavAccount> self(this);
    const QUrl oldUrl = m_serverUrl;
    const QString oldUser = m_user;
    m_secrets->write(secretKey(url, user), password.toUtf8(),
                     [self, url, user, password, calendars, oldUrl, oldUser](const SecretStatus &status) {
                         if (!self)
                             return;
                         self->setConnecting(false);
                         if (!status.ok()) {
                             Q_EMIT self->connectFailed(status.userMessage());
                             return;
                         }
                         const bool sameAccount = oldUrl == url && oldUser == user;
                         if (!sameAccount) {
                             if (!oldUser.isEmpty() && self->m_secrets)
                                 self->m_secrets->remove(self->secretKey(oldUrl, oldUser), [](const SecretStatus &) {});
                             // Another account's sync state and published events mean nothing here.
                             self->m_store.clear();
                             self->m_store.save();
                             self->m_publishCalendar.clear();
                         }
                         self->m_serverUrl = url;
                         self->m_user = user;
                         self->m_password = password;
                         self->m_calendars = calendars;
                         const bool publishKnown =
                             std::any_of(calendars.cbegin(), calendars.cend(), [&](const CalDavCalendarChoice &c) {
                                 return c.url == self->m_publishCalendar;
                             });
                         if (!publishKnown)
                             self->m_publishCalendar.clear();
                         self->save();
                         Q_EMIT self->changed();
                         Q_EMIT self->busyCalendarsChanged();
                         Q_EMIT self->publishCalendarChanged();
                     });
}

void CalDavAccount::removeAccount()
{
    if (!hasAccount())
        return;
    if (m_secrets)
        m_secrets->remove(secretKey(m_serverUrl, m_user), [](const SecretStatus &) {});
    m_serverUrl.clear();
    m_user.clear();
    m_password.clear();
    m_calendars.clear();
    m_publishCalendar.clear();
    // The last busy upload stays known, so the busy sync can clear it on the server.
    const QList<CalDavStore::Published> published = m_store.allPublished();
    for (const QUrl &calendar : m_store.calendars())
        m_store.removeCalendar(calendar);
    for (const CalDavStore::Published &p : published)
        m_store.removePublished(p.bookingId);
    m_store.setLastSync({});
    m_store.save();
    save();
    Q_EMIT changed();
    Q_EMIT busyCalendarsChanged();
    Q_EMIT publishCalendarChanged();
}

void CalDavAccount::configure(CalDavClient *client, std::function<void(const QString &problem)> done)
{
    if (!hasAccount())
        return done(tr("No calendar account is set up."));
    if (!m_password.isEmpty()) {
        client->setAccount(m_serverUrl, m_user, m_password);
        return done({});
    }
    if (!m_secrets)
        return done(tr("Please sign in first: the calendar password is kept with your sign-in."));
    QPointer<CalDavAccount> self(this);
    QPointer<CalDavClient> target(client);
    const QUrl url = m_serverUrl;
    const QString user = m_user;
    m_secrets->read(
        secretKey(url, user), [self, target, url, user, done](const QByteArray &password, const SecretStatus &status) {
            if (!self || !target)
                return;
            if (!status.ok()) {
                done(status.kind == SecretStatus::Kind::NotFound
                         ? tr("The calendar password is missing. Please remove the account and add it again.")
                         : status.userMessage());
                return;
            }
            if (self->m_serverUrl == url && self->m_user == user)
                self->m_password = QString::fromUtf8(password);
            target->setAccount(url, user, QString::fromUtf8(password));
            done({});
        });
}

QString CalDavAccount::secretKey(const QUrl &serverUrl, const QString &user) const
{
    return m_profile.id() + "/caldav/"_L1 + user + u'@' + serverUrl.toString() + "/password"_L1;
}

void CalDavAccount::load()
{
    auto settings = m_profile.settings();
    settings->beginGroup(Group);
    m_serverUrl = QUrl(settings->value("url"_L1).toString());
    m_user = settings->value("user"_L1).toString();
    m_publishCalendar = QUrl(settings->value("publishTo"_L1).toString());
    m_calendars.clear();
    const int count = settings->beginReadArray("calendars"_L1);
    for (int i = 0; i < count; ++i) {
        settings->setArrayIndex(i);
        const QUrl url(settings->value("url"_L1).toString());
        if (url.isValid())
            m_calendars.append({url, settings->value("name"_L1).toString(), settings->value("busy"_L1, true).toBool()});
    }
    settings->endArray();
    settings->endGroup();
}

void CalDavAccount::save() const
{
    auto settings = m_profile.settings();
    settings->remove(Group);
    if (!hasAccount())
        return;
    settings->beginGroup(Group);
    settings->setValue("url"_L1, m_serverUrl.toString());
    settings->setValue("user"_L1, m_user);
    settings->setValue("publishTo"_L1, m_publishCalendar.toString());
    settings->beginWriteArray("calendars"_L1, int(m_calendars.size()));
    for (int i = 0; i < m_calendars.size(); ++i) {
        settings->setArrayIndex(i);
        settings->setValue("url"_L1, m_calendars.at(i).url.toString());
        settings->setValue("name"_L1, m_calendars.at(i).displayName);
        settings->setValue("busy"_L1, m_calendars.at(i).busy);
    }
    settings->endArray();
    settings->endGroup();
}

} // namespace Lotse::Client
