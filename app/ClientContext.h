#pragma once

#include "app/Profile.h"
#include "models/Clock.h"

#include <QObject>

namespace Lotse::Client {

class AvailabilityService;
class BusySync;
class CalDavAccount;
class CalendarPublisher;
class BusyUploader;
class CalendarService;
class ImportedCalendars;
class InstantQueue;
class KeychainStore;
class LanguageManager;
class RequestsService;
class RoomFiles;
class RoomService;
class ServerClient;
class Session;

// The desktop's services for one profile, wired together once. main.cpp and the desktop tests
// build the same object graph from it, so tests exercise what users run.
class ClientContext : public QObject
{
    Q_OBJECT

public:
    explicit ClientContext(const QString &profileDirectory = QString(), QObject *parent = nullptr);
    ~ClientContext() override;

    [[nodiscard]] const Profile &profile() const { return m_profile; }
    [[nodiscard]] ServerClient *serverClient() const { return m_serverClient; }
    [[nodiscard]] KeychainStore *keychain() const { return m_keychain; }
    [[nodiscard]] Session *session() const { return m_session; }
    [[nodiscard]] LanguageManager *languages() const { return m_languages; }
    [[nodiscard]] RequestsService *requests() const { return m_requests; }
    [[nodiscard]] AvailabilityService *availability() const { return m_availability; }
    [[nodiscard]] CalendarService *calendar() const { return m_calendar; }
    [[nodiscard]] CalDavAccount *calDavAccount() const { return m_calDavAccount; }
    [[nodiscard]] BusySync *busySync() const { return m_busySync; }
    [[nodiscard]] CalendarPublisher *calendarPublisher() const { return m_publisher; }
    [[nodiscard]] ImportedCalendars *importedCalendars() const { return m_importedCalendars; }
    [[nodiscard]] BusyUploader *busyUploader() const { return m_busyUploader; }
    [[nodiscard]] RoomService *rooms() const { return m_rooms; }
    [[nodiscard]] InstantQueue *instantQueue() const { return m_instantQueue; }
    [[nodiscard]] RoomFiles *roomFiles() const { return m_roomFiles; }

private:
    void followSession();

    Profile m_profile;
    Models::SystemClock m_clock;
    ServerClient *m_serverClient;
    KeychainStore *m_keychain;
    LanguageManager *m_languages;
    Session *m_session;
    RequestsService *m_requests;
    AvailabilityService *m_availability;
    CalendarService *m_calendar;
    CalDavAccount *m_calDavAccount;
    BusySync *m_busySync;
    CalendarPublisher *m_publisher;
    ImportedCalendars *m_importedCalendars;
    BusyUploader *m_busyUploader;
    RoomService *m_rooms;
    InstantQueue *m_instantQueue;
    RoomFiles *m_roomFiles;
};

} // namespace Lotse::Client
