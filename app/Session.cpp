#include "app/Session.h"

#include "app/DeviceKeys.h"
#include "app/KeyFileStore.h"
#include "app/KeychainStore.h"
#include "app/Profile.h"
#include "app/ServerClient.h"

#include <QFile>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
const auto ServerKey = "account/server"_L1;
const auto UsernameKey = "account/username"_L1;
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
            } else if (error.isError()) {
                m_client->setToken({});
                Q_EMIT notice(error.userMessage());
                setState(State::SignedOut);
            } else {
                finishRestore(advisor, server, username);
            }
        });
    });
}

void Session::finishRestore(const Advisor &advisor, const QString &server, const QString &username)
{
    m_deviceKeys->load(m_store, m_profile.deviceKeysEntry(server, username),
                       [this, advisor, server, username](const SecretStatus &status) {
                           if (!status.ok()) {
                               // Signed in, but the keys are gone: make new ones and register them.
                               registerDevice(advisor, server, username);
                               return;
                           }
                           m_advisor = advisor;
                           setState(State::SignedIn);
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
                    m_advisor = advisor;
                    setState(State::SignedIn);
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
    m_deviceKeys->forget();
    setState(State::SignedOut);
    Q_EMIT notice(ApiError::fromKind(ApiError::Kind::SessionExpired).userMessage());
}

} // namespace Lotse::Client
