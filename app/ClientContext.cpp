#include "app/ClientContext.h"

#include "app/AvailabilityService.h"
#include "app/BusySync.h"
#include "app/BusyUploader.h"
#include "app/CalDavAccount.h"
#include "app/CalendarPublisher.h"
#include "app/CalendarService.h"
#include "app/ImportedCalendars.h"
#include "app/InstantQueue.h"
#include "app/KeychainStore.h"
#include "app/LanguageManager.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/RoomFiles.h"
#include "app/RoomService.h"
#include "app/ServerClient.h"
#include "app/Session.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

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
    , m_importedCalendars(new ImportedCalendars(m_profile.directory() + "/imported-calendars"_L1, this))
    , m_busyUploader(new BusyUploader(m_serverClient, this))
    , m_rooms(new RoomService(m_profile, m_session, m_serverClient, m_requests, this))
    , m_instantQueue(new InstantQueue(m_session, m_serverClient, m_rooms, this))
    , m_roomFiles(new RoomFiles(m_serverClient, m_rooms, this))
{
    // Floating and all-day events in external calendars mean the advisor's working zone.
    m_busySync->setTimeZoneSource([this] { return m_requests->model()->advisorTimeZone(); });
    connect(m_session, &Session::stateChanged, this, &ClientContext::followSession);
    m_calendar->setImportedCalendars(m_importedCalendars);
    m_calendar->setBusyUploader(m_busyUploader);
    // Imported calendars block booking slots only when the advisor chose so for each of them.
    m_busyUploader->addSource([imported = m_importedCalendars](const QDateTime &from, const QDateTime &to) {
        return imported->busyIntervals(from, to);
    });
    connect(m_importedCalendars, &ImportedCalendars::busyChoiceChanged, m_busyUploader, &BusyUploader::upload);
    // After sign-in the window has moved on (and changes made while signed out are still to send).
    connect(m_session, &Session::stateChanged, m_busyUploader, [this](Session::State state) {
        if (state == Session::State::SignedIn && m_importedCalendars->anyCountsAsBusy())
            m_busyUploader->upload();
    });
    // The booking page's busy blocks come from both: one PUT replaces its whole window, so each
    // upload carries the CalDAV calendars' and the chosen imports' busy times together.
    m_busySync->setExtraSource([imported = m_importedCalendars](const QDateTime &from, const QDateTime &to) {
        return imported->busyIntervals(from, to);
    });
    m_busyUploader->addSource(
        [sync = m_busySync](const QDateTime &from, const QDateTime &to) { return sync->calendarBusy(from, to); });
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
    delete m_roomFiles;
    delete m_instantQueue;
    delete m_rooms;
    delete m_busyUploader;
    delete m_publisher;
    delete m_busySync;
    delete m_calDavAccount;
    delete m_calendar;
    delete m_availability;
    delete m_requests;
    delete m_session;
}

} // namespace Lotse::Client
