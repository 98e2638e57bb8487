#pragma once

#include "app/CalDavClient.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Lotse::Client {

// What the CalDAV services remember between runs, in one JSON file of their own under the app's
// data location: per calendar the sync token, ctag and the raw ICS per href (so a sync is
// incremental and the busy times survive a server that is down), which bookings were published
// where (href, ETag, raw ICS), and what was last uploaded as busy. No password, ever.
class CalDavStore
{
public:
    // One appointment Lotse put into the advisor's calendar.
    struct Published
    {
        QString bookingId;
        QUrl calendarUrl;
        QUrl url; // the event's resource
        QByteArray etag;
        QByteArray ics;  // as last written or read, so unknown properties survive an update
        QDateTime start; // UTC
        QDateTime end;
        QString type;
        QString summary;
    };

    // The default file for a profile: <AppDataLocation>/<profileId>/caldav.json.
    [[nodiscard]] static QString defaultPath(const QString &profileId);

    explicit CalDavStore(QString path);

    [[nodiscard]] QString path() const { return m_path; }
    // Reads the file; a missing file is an empty store. False (and empty) when it is unreadable.
    bool load();
    // Atomically (QSaveFile), readable by the owner only. False when the disk refused.
    bool save() const;
    void clear();

    [[nodiscard]] CalDavSyncState syncState(const QUrl &calendarUrl) const;
    void setSyncState(const CalDavSyncState &state);
    void removeCalendar(const QUrl &calendarUrl);
    [[nodiscard]] QList<QUrl> calendars() const;

    [[nodiscard]] std::optional<Published> published(const QString &bookingId) const;
    [[nodiscard]] QList<Published> allPublished() const;
    void setPublished(const Published &published);
    void removePublished(const QString &bookingId);

    // The body last accepted by PUT /api/v1/me/busy, for this server account.
    [[nodiscard]] QByteArray uploadedBusy(const QString &account) const;
    void setUploadedBusy(const QString &account, const QByteArray &body);

    [[nodiscard]] QDateTime lastSync() const { return m_lastSync; }
    void setLastSync(const QDateTime &time) { m_lastSync = time; }

private:
    QString m_path;
    QHash<QString, CalDavSyncState> m_calendars; // by calendar URL
    QHash<QString, Published> m_published;       // by booking id
    QString m_uploadedAccount;
    QByteArray m_uploadedBusy;
    QDateTime m_lastSync;
};

} // namespace Lotse::Client
