#include "app/ClientContext.h"

#include "app/KeychainStore.h"
#include "app/LanguageManager.h"
#include "app/ServerClient.h"
#include "app/Session.h"

namespace Lotse::Client {

ClientContext::ClientContext(const QString &profileDirectory, QObject *parent)
    : QObject(parent)
    , m_profile(profileDirectory)
    , m_serverClient(new ServerClient(this))
    , m_keychain(new KeychainStore(Profile::keychainService(), this))
    , m_languages(new LanguageManager(m_profile.settingsPath(), this))
    , m_session(new Session(m_profile, m_serverClient, m_keychain, this))
{}

ClientContext::~ClientContext()
{
    // The session's callbacks point into the client and the keychain: it goes first.
    delete m_session;
}

} // namespace Lotse::Client
