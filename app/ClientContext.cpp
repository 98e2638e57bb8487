#include "app/ClientContext.h"

#include "app/AvailabilityService.h"
#include "app/BusySync.h"
#include "app/CalDavAccount.h"
#include "app/CalendarPublisher.h"
#include "app/CalendarService.h"
#include "app/KeychainStore.h"
#include "app/LanguageManager.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/ServerClient.h"
#include "app/Session.h"

#include <QTimeZone>

namespace Lotse::Client {

ClientContext::ClientContext(const QString &profileDirectory, QObject *parent)
    : QObject(parent)
    , m_profile(profileDirectory)
    , m_serverClient(new ServerClient(this))
    , m_keychain(new KeychainStore(Profile::keychainService(), this))
    , m_languages(new LanguageManager(m_profile.settingsPath(), this))
    , m_session(new Session(m_profile, m_serverClient, m_keychain, this))
    , m_requests(new RequestsService(m_session, m_serverClient, this))
    , m_availability(new AvailabilityService(m_serverClient, this))
    , m_calendar(new CalendarService(m_requests, m_availability, this))
    , m_calDavAccount(new CalDavAccount(m_profile, CalDavStore::defaultPath(m_profile.id()), this))
    , m_busySync(new BusySync(m_calDavAccount, m_serverClient, &m_clock, this))
    , m_publisher(new CalendarPublisher(m_calDavAccount, m_requests->model(), &m_clock, this))
{
    // Floating and all-day events in external calendars mean the advisor's working zone.
    m_busySync->setTimeZoneSource([this] { return m_requests->model()->advisorTimeZone(); });
    connect(m_session, &Session::stateChanged, this, &ClientContext::followSession);
    // Request times follow the zone the advisor just saved.
    connect(m_availability, &AvailabilityService::availabilityChanged, m_requests,
            [this](const AvailabilitySettings &availability) {
                m_requests->model()->setAdvisorTimeZone(QTimeZone(availability.timeZone.toUtf8()));
            });
}

void ClientContext::followSession()
{
    // The CalDAV services run only while signed in: the password sits in the session's store and
    // the busy times go to the signed-in advisor.
    const bool signedIn = m_session->state() == Session::State::SignedIn;
    m_calDavAccount->setSecretStore(signedIn ? m_session->secretStore() : nullptr);
    m_busySync->setServerAccount(signedIn ? m_session->savedUsername() + u'@' + m_session->savedServer() : QString());
    m_publisher->setAdvisorId(signedIn ? m_session->advisor().id : QString());
}

ClientContext::~ClientContext()
{
    // The services follow the session; the session's callbacks point into the client and the
    // keychain: they go first.
    delete m_publisher;
    delete m_busySync;
    delete m_calDavAccount;
    delete m_calendar;
    delete m_availability;
    delete m_requests;
    delete m_session;
}

} // namespace Lotse::Client
