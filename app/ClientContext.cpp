#include "app/ClientContext.h"

#include "app/AvailabilityService.h"
#include "app/CalendarService.h"
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
    , m_rooms(new RoomService(m_profile, m_session, m_serverClient, m_requests, this))
    , m_instantQueue(new InstantQueue(m_session, m_serverClient, m_rooms, this))
    , m_roomFiles(new RoomFiles(m_serverClient, m_rooms, this))
{
    // Request times follow the zone the advisor just saved.
    connect(m_availability, &AvailabilityService::availabilityChanged, m_requests,
            [this](const AvailabilitySettings &availability) {
                m_requests->model()->setAdvisorTimeZone(QTimeZone(availability.timeZone.toUtf8()));
            });
}

ClientContext::~ClientContext()
{
    // The services follow the session; the session's callbacks point into the client and the
    // keychain: they go first.
    delete m_roomFiles;
    delete m_instantQueue;
    delete m_rooms;
    delete m_calendar;
    delete m_availability;
    delete m_requests;
    delete m_session;
}

} // namespace Lotse::Client
