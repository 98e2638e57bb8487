#include "app/ClientContext.h"

#include "app/AvailabilityService.h"
#include "app/BusyUploader.h"
#include "app/CalendarService.h"
#include "app/ImportedCalendars.h"
#include "app/KeychainStore.h"
#include "app/LanguageManager.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
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
    , m_importedCalendars(new ImportedCalendars(m_profile.directory() + "/imported-calendars"_L1, this))
    , m_busyUploader(new BusyUploader(m_serverClient, this))
{
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
    delete m_busyUploader;
    delete m_calendar;
    delete m_availability;
    delete m_requests;
    delete m_session;
}

} // namespace Lotse::Client
