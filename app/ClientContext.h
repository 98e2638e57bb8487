#pragma once

#include "app/Profile.h"

#include <QObject>

namespace Lotse::Client {

class AvailabilityService;
class BusyUploader;
class CalendarService;
class ImportedCalendars;
class KeychainStore;
class LanguageManager;
class RequestsService;
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
    [[nodiscard]] ImportedCalendars *importedCalendars() const { return m_importedCalendars; }
    [[nodiscard]] BusyUploader *busyUploader() const { return m_busyUploader; }

private:
    Profile m_profile;
    ServerClient *m_serverClient;
    KeychainStore *m_keychain;
    LanguageManager *m_languages;
    Session *m_session;
    RequestsService *m_requests;
    AvailabilityService *m_availability;
    CalendarService *m_calendar;
    ImportedCalendars *m_importedCalendars;
    BusyUploader *m_busyUploader;
};

} // namespace Lotse::Client
