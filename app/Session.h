#pragma once

#include "app/Advisor.h"
#include "app/ApiError.h"
#include "app/SecretStore.h"
#include "crypto/Keys.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Lotse::Client {

class DeviceKeyStore;
class KeychainStore;
class KeyFileStore;
class Profile;
class ServerClient;

// The advisor's session on this device: where its secrets live (keychain or key file), signing
// in (login, device keys, device registration), restoring a saved sign-in, and signing out.
// Widgets follow `state()` and call these methods; they never see tokens or keys.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Starting,
        NeedsKeyStorage, // no usable keychain: offer a passphrase-protected key file
        KeyFileLocked,   // a key file exists and waits for its passphrase
        SignedOut,
        SigningIn,
        SignedIn,
    };
    Q_ENUM(State)

    Session(const Profile &profile, ServerClient *client, KeychainStore *keychain, QObject *parent = nullptr);
    ~Session() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] Advisor advisor() const { return m_advisor; }
    [[nodiscard]] QUrl serverUrl() const;
    [[nodiscard]] QString savedServer() const;
    [[nodiscard]] QString savedUsername() const;
    // Why the keychain cannot be used (NeedsKeyStorage).
    [[nodiscard]] SecretStatus storageProblem() const { return m_storageProblem; }
    [[nodiscard]] bool usesKeyFile() const;
    [[nodiscard]] QString deviceEncryptionFingerprint() const;
    [[nodiscard]] QString deviceSigningFingerprint() const;
    // Where this session keeps secrets (keychain or key file); null until one was chosen. Other
    // secrets of the advisor (the CalDAV password) live there too.
    [[nodiscard]] SecretStore *secretStore() const { return m_store; }
    // This device's keys while signed in (for opening what was sealed to it).
    [[nodiscard]] const DeviceKeyStore *deviceKeys() const { return m_deviceKeys; }
    // Signed in from what this device saved, because the server could not be reached; services
    // work from the offline copy until it answers.
    [[nodiscard]] bool startedOffline() const { return m_startedOffline; }
    // While signed in: the master key of the offline copy (from the secret store; empty when the
    // store refused it) and where that copy lives.
    [[nodiscard]] const Crypto::SecretBytes &localStoreKey() const { return m_localStoreKey; }
    [[nodiscard]] QString localStorePath() const;

    // Chooses the secret store and restores a saved sign-in when there is one.
    void start();
    [[nodiscard]] SecretStatus createKeyFile(const QString &passphrase);
    [[nodiscard]] SecretStatus unlockKeyFile(const QString &passphrase);
    void signIn(const QString &server, const QString &username, const QString &password, const QString &totp);
    void signOut();
    // The server said the session is over (expired, or ended elsewhere): back to signing in, with a
    // notice. Services call this when an answer is 401.
    void endExpiredSession();

Q_SIGNALS:
    void stateChanged(Lotse::Client::Session::State state);
    // Sign-in did not work; `message` is for the advisor. `needsTotp` asks for the second factor.
    void signInFailed(const QString &message, bool needsTotp);
    // Something the advisor should know while signed out (e.g. an expired session).
    void notice(const QString &message);

private:
    void setState(State state);
    void useStore(SecretStore *store);
    void restore();
    void finishRestore(const Advisor &advisor, const QString &server, const QString &username, bool offline);
    // Loads (or makes) the offline copy's key, remembers the advisor, and signs in.
    void enter(const Advisor &advisor, const QString &server, const QString &username, bool offline);
    [[nodiscard]] Advisor savedAdvisor(const QString &server, const QString &username) const;
    [[nodiscard]] QString localStoreKeyEntry(const QString &server, const QString &username) const;
    void registerDevice(const Advisor &advisor, const QString &server, const QString &username);
    void failSignIn(const QString &message, bool needsTotp = false);
    void dropToken(const QString &server, const QString &username);

    const Profile &m_profile;
    QPointer<ServerClient> m_client;
    QPointer<KeychainStore> m_keychain;
    KeyFileStore *m_keyFile = nullptr;
    SecretStore *m_store = nullptr;
    DeviceKeyStore *m_deviceKeys;
    State m_state = State::Starting;
    Advisor m_advisor;
    SecretStatus m_storageProblem;
    bool m_startedOffline = false;
    Crypto::SecretBytes m_localStoreKey;
};

} // namespace Lotse::Client
