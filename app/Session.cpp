#include "app/Session.h"

#include "app/DeviceKeys.h"
#include "app/KeyFileStore.h"
#include "app/KeychainStore.h"
#include "app/LocalStore.h"
#include "app/Profile.h"
#include "app/ServerClient.h"
#include "crypto/Random.h"

#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
const auto ServerKey = "account/server"_L1;
const auto UsernameKey = "account/username"_L1;
// The advisor as /me last described them, for starting without network.
const auto AdvisorKey = "account/advisor"_L1;
constexpr qsizetype LocalStoreKeySize = 32;

// A failure that says nothing about the session: the server is away, not saying no.
bool isUnreachable(const ApiError &error)
{
    return error.kind == ApiError::Kind::Unreachable || error.kind == ApiError::Kind::ServerProblem;
}
} // namespace

Session::Session(const Profile &profile, ServerClient *client, KeychainStore *keychain, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_client(client)
    , m_keychain(keychain)
    , m_deviceKeys(new DeviceKeyStore(this))
{}

Session::~Session() = default;

QUrl Session::serverUrl() const
{
    return m_client ? m_client->baseUrl() : QUrl();
}

QString Session::savedServer() const
{
    return m_profile.settings()->value(ServerKey).toString();
}

QString Session::savedUsername() const
{
    return m_profile.settings()->value(UsernameKey).toString();
}

bool Session::usesKeyFile() const
{
    return m_store && m_store == m_keyFile;
}

QString Session::deviceEncryptionFingerprint() const
{
    return m_deviceKeys->encryptionFingerprint();
}

QString Session::deviceSigningFingerprint() const
{
    return m_deviceKeys->signingFingerprint();
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Session::useStore(SecretStore *store)
{
    m_store = store;
}

void Session::start()
{
    setState(State::Starting);
    if (QFile::exists(m_profile.keyFilePath())) {
        setState(State::KeyFileLocked);
        return;
    }
    m_keychain->probe([this](const SecretStatus &status) {
        if (!status.ok()) {
            m_storageProblem = status;
            setState(State::NeedsKeyStorage);
            return;
        }
        m_storageProblem = {};
        useStore(m_keychain);
        restore();
    });
}

SecretStatus Session::createKeyFile(const QString &passphrase)
{
    auto *store = new KeyFileStore(m_profile.keyFilePath(), this);
    const SecretStatus status = store->create(passphrase);
    if (!status.ok()) {
        delete store;
        return status;
    }
    delete m_keyFile;
    m_keyFile = store;
    useStore(store);
    restore();
    return {};
}

SecretStatus Session::unlockKeyFile(const QString &passphrase)
{
    auto *store = new KeyFileStore(m_profile.keyFilePath(), this);
    const SecretStatus status = store->unlock(passphrase);
    if (!status.ok()) {
        delete store;
        return status;
    }
    delete m_keyFile;
    m_keyFile = store;
    useStore(store);
    restore();
    return {};
}

void Session::restore()
{
    const QString server = savedServer();
    const QString username = savedUsername();
    if (server.isEmpty() || username.isEmpty()) {
        setState(State::SignedOut);
        return;
    }
    setState(State::Starting);
    m_store->read(m_profile.tokenEntry(server, username), [this, server, username](const QByteArray &token,
                                                                                   const SecretStatus &status) {
        if (!status.ok()) {
            if (status.kind != SecretStatus::Kind::NotFound)
                Q_EMIT notice(status.userMessage());
            setState(State::SignedOut);
            return;
        }
        m_client->setBaseUrl(QUrl(server));
        m_client->setToken(QString::fromUtf8(token));
        m_client->me([this, server, username](const Advisor &advisor, const ApiError &error) {
            if (error.kind == ApiError::Kind::SessionExpired || error.kind == ApiError::Kind::NotSignedIn) {
                dropToken(server, username);
                Q_EMIT notice(ApiError::fromKind(ApiError::Kind::SessionExpired).userMessage());
                setState(State::SignedOut);
            } else if (isUnreachable(error) && savedAdvisor(server, username).isValid()) {
                // On a train: work from the offline copy; the sync engine keeps knocking.
                finishRestore(savedAdvisor(server, username), server, username, true);
            } else if (error.isError()) {
                m_client->setToken({});
                Q_EMIT notice(error.userMessage());
                setState(State::SignedOut);
            } else {
                finishRestore(advisor, server, username, false);
            }
        });
    });
}

void Session::finishRestore(const Advisor &advisor, const QString &server, const QString &username, bool offline)
{
    m_deviceKeys->load(m_store, m_profile.deviceKeysEntry(server, username),
                       [this, advisor, server, username, offline](const SecretStatus &status) {
                           if (!status.ok()) {
                               if (offline) {
                                   m_client->setToken({});
                                   Q_EMIT notice(ApiError::fromKind(ApiError::Kind::Unreachable).userMessage());
                                   setState(State::SignedOut);
                                   return;
                               }
                               // Signed in, but the keys are gone: make new ones and register them.
                               registerDevice(advisor, server, username);
                               return;
                           }
                           enter(advisor, server, username, offline);
                       });
}

QString Session::localStoreKeyEntry(const QString &server, const QString &username) const
{
    return m_profile.id() + u'/' + username + u'@' + server + "/local-store-key"_L1;
}

QString Session::localStorePath() const
{
    return LocalStore::defaultPath(m_profile.id(), savedServer(), savedUsername());
}

Advisor Session::savedAdvisor(const QString &server, const QString &username) const
{
    auto settings = m_profile.settings();
    if (settings->value(ServerKey).toString() != server || settings->value(UsernameKey).toString() != username)
        return {};
    const Advisor advisor =
        Advisor::fromJson(QJsonDocument::fromJson(settings->value(AdvisorKey).toByteArray()).object());
    return advisor.username == username ? advisor : Advisor();
}

void Session::enter(const Advisor &advisor, const QString &server, const QString &username, bool offline)
{
    const QJsonObject saved{{u"id"_s, advisor.id},
                            {u"username"_s, advisor.username},
                            {u"displayName"_s, advisor.displayName},
                            {u"totpEnabled"_s, advisor.totpEnabled},
                            {u"organisation"_s, QJsonObject{{u"id"_s, advisor.organisationId},
                                                            {u"slug"_s, advisor.organisationSlug},
                                                            {u"name"_s, advisor.organisationName}}}};
    m_profile.settings()->setValue(AdvisorKey, QJsonDocument(saved).toJson(QJsonDocument::Compact));
    const QString entry = localStoreKeyEntry(server, username);
    m_store->read(entry, [this, advisor, offline, entry](const QByteArray &key, const SecretStatus &status) {
        const auto signIn = [this, advisor, offline] {
            m_advisor = advisor;
            m_startedOffline = offline;
            setState(State::SignedIn);
        };
        if (status.ok() && key.size() == LocalStoreKeySize) {
            m_localStoreKey = Crypto::SecretBytes::fromBytes(key);
            return signIn();
        }
        if (status.ok() || status.kind == SecretStatus::Kind::NotFound) {
            // First start with an offline copy on this device (or a damaged entry): a new key; a
            // copy under the old one will not open and is rebuilt from the server.
            QByteArray fresh = Crypto::randomBytes(LocalStoreKeySize);
            m_localStoreKey = Crypto::SecretBytes::fromBytes(fresh);
            m_store->write(entry, fresh, [signIn](const SecretStatus &) { signIn(); });
            fresh.fill('\0');
            return;
        }
        // The store refused (locked): work without an offline copy this time.
        m_localStoreKey = Crypto::SecretBytes();
        Q_EMIT notice(status.userMessage());
        signIn();
    });
}

void Session::signIn(const QString &server, const QString &username, const QString &password, const QString &totp)
{
    if (m_state == State::SigningIn || !m_store)
        return;
    const QUrl url = ServerClient::normaliseServerUrl(server);
    if (url.isEmpty())
        return failSignIn(ApiError::fromKind(ApiError::Kind::InvalidAddress).userMessage());
    if (username.trimmed().isEmpty() || password.isEmpty())
        return failSignIn(tr("Please enter your user name and password."));

    setState(State::SigningIn);
    const QString serverText = url.toString();
    const QString user = username.trimmed();
    m_client->setBaseUrl(url);
    m_client->setToken({});
    m_client->login(user, password, totp.trimmed(),
                    [this, serverText, user](const LoginResult &result, const ApiError &error) {
                        if (error.isError()) {
                            const bool needsTotp =
                                error.kind == ApiError::Kind::TotpRequired || error.kind == ApiError::Kind::TotpInvalid;
                            return failSignIn(error.userMessage(), needsTotp);
                        }
                        m_client->setToken(result.token);
                        m_store->write(m_profile.tokenEntry(serverText, user), result.token.toUtf8(),
                                       [this, result, serverText, user](const SecretStatus &status) {
                                           if (!status.ok()) {
                                               m_client->logout([](const ApiError &) {});
                                               m_client->setToken({});
                                               return failSignIn(status.userMessage());
                                           }
                                           registerDevice(result.advisor, serverText, user);
                                       });
                    });
}

void Session::registerDevice(const Advisor &advisor, const QString &server, const QString &username)
{
    setState(State::SigningIn);
    m_deviceKeys->loadOrCreate(
        m_store, m_profile.deviceKeysEntry(server, username),
        [this, advisor, server, username](const SecretStatus &status) {
            if (!status.ok()) {
                m_client->logout([](const ApiError &) {});
                dropToken(server, username);
                return failSignIn(status.userMessage());
            }
            const QString name = tr("Lotse on %1").arg(QSysInfo::machineHostName().left(80));
            m_client->registerDevice(
                name, m_deviceKeys->publicKeys().toJson(),
                [this, advisor, server, username](const RegisteredDevice &, const ApiError &error) {
                    if (error.isError()) {
                        m_client->logout([](const ApiError &) {});
                        dropToken(server, username);
                        return failSignIn(
                            tr("This device could not be registered with the server. %1").arg(error.userMessage()));
                    }
                    auto settings = m_profile.settings();
                    settings->setValue(ServerKey, server);
                    settings->setValue(UsernameKey, username);
                    settings.reset();
                    enter(advisor, server, username, false);
                });
        });
}

void Session::failSignIn(const QString &message, bool needsTotp)
{
    m_deviceKeys->forget();
    setState(State::SignedOut);
    Q_EMIT signInFailed(message, needsTotp);
}

void Session::dropToken(const QString &server, const QString &username)
{
    m_client->setToken({});
    if (m_store)
        m_store->remove(m_profile.tokenEntry(server, username), [](const SecretStatus &) {});
}

void Session::signOut()
{
    if (m_state != State::SignedIn)
        return;
    const QString server = savedServer();
    const QString username = savedUsername();
    setState(State::Starting);
    m_client->logout([this, server, username](const ApiError &) {
        // Whatever the server says, the token leaves this device.
        m_client->setToken({});
        m_store->remove(m_profile.tokenEntry(server, username), [this](const SecretStatus &status) {
            m_advisor = {};
            m_localStoreKey = Crypto::SecretBytes();
            m_deviceKeys->forget();
            setState(State::SignedOut);
            if (!status.ok())
                Q_EMIT notice(status.userMessage());
        });
    });
}

void Session::endExpiredSession()
{
    if (m_state != State::SignedIn)
        return;
    dropToken(savedServer(), savedUsername());
    m_advisor = {};
    m_localStoreKey = Crypto::SecretBytes();
    m_deviceKeys->forget();
    setState(State::SignedOut);
    Q_EMIT notice(ApiError::fromKind(ApiError::Kind::SessionExpired).userMessage());
}

} // namespace Lotse::Client
