#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Lotse::Client {

// Sorted into what the advisor can act on; the account UI words them (tr()).
struct CalDavError
{
    Q_DECLARE_TR_FUNCTIONS(Lotse::Client::CalDavError)

public:
    enum class Kind
    {
        None,
        Unauthorized,    // 401: wrong user name or password
        Unreachable,     // no connection, timeout
        HostNotFound,    // the name does not resolve: a typo in the address
        Tls,             // the TLS handshake or the certificate failed
        InvalidResponse, // answered, but not with WebDAV we understand (bad XML, no calendar home)
        Conflict,        // 412: the resource changed on the server since we read it
        NotFound,
        ServerProblem,   // 5xx
        InsecureAddress, // plain http to another machine: the password would travel readable
        Other,
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString detail; // for logs; never shown raw to the advisor

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    // One sentence for the advisor; empty for None.
    [[nodiscard]] QString userMessage() const;
};

struct CalDavCalendar
{
    QUrl url;
    QString displayName;
    QStringList components; // VEVENT, VTODO, ...; empty when the server did not say
    QString ctag;
    QString syncToken;
};

// One calendar object as the server holds it: the raw ICS is kept so that properties Lotse does
// not understand survive a round trip.
struct CalDavResource
{
    QString href;
    QByteArray etag;
    QByteArray ics;
};

// What we know of one calendar after a sync; a failed sync hands back the old state unchanged.
struct CalDavSyncState
{
    QUrl calendarUrl;
    QString syncToken;
    QString ctag;
    QMap<QString, CalDavResource> resources; // by href (percent-encoded path)
};

// A CalDAV client (RFC 4791, 6578, 6764) on QNetworkAccessManager: discovery, incremental sync
// and publishing of single events with ETag preconditions. Callbacks run exactly once.
class CalDavClient : public QObject
{
    Q_OBJECT

public:
    explicit CalDavClient(QObject *parent = nullptr);

    void setAccount(const QUrl &serverUrl, const QString &user, const QString &password);
    // Off: always the ctag/ETag comparison, as for servers without RFC 6578.
    void setSyncCollectionEnabled(bool enabled) { m_syncCollection = enabled; }

    using CalendarsCallback = std::function<void(const QList<CalDavCalendar> &calendars, const CalDavError &error)>;
    using SyncCallback = std::function<void(const CalDavSyncState &state, const CalDavError &error)>;
    using EtagCallback = std::function<void(const QByteArray &etag, const CalDavError &error)>;
    using DoneCallback = std::function<void(const CalDavError &error)>;

    void discover(CalendarsCallback done);
    void sync(const CalDavSyncState &state, SyncCallback done);
    // Creates (empty `etag`: If-None-Match: *) or replaces (If-Match) `calendarUrl`/`name`.
    void put(const QUrl &calendarUrl, const QString &name, const QByteArray &ics, const QByteArray &etag,
             EtagCallback done);
    void remove(const QUrl &resourceUrl, const QByteArray &etag, DoneCallback done);
    // Reads one calendar object as the server holds it now.
    using ResourceCallback = std::function<void(const CalDavResource &resource, const CalDavError &error)>;
    void get(const QUrl &resourceUrl, ResourceCallback done);

    // An event that says only that the advisor is busy with a counselling appointment: no names,
    // no contact data.
    [[nodiscard]] static QByteArray appointmentIcs(const QString &uid, const QDateTime &start, const QDateTime &end,
                                                   const QString &summary);

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QByteArray etag;
        QUrl location;
        CalDavError error;
    };
    using ReplyCallback = std::function<void(const Reply &reply)>;

    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
              const QList<QPair<QByteArray, QByteArray>> &headers, ReplyCallback done);
    void findPrincipal(const QUrl &url, int redirectsLeft, CalendarsCallback done);
    void listCalendars(const QUrl &principal, CalendarsCallback done);
    void syncByToken(const CalDavSyncState &state, SyncCallback done);
    void syncByEtags(const CalDavSyncState &state, SyncCallback done);
    void fetch(CalDavSyncState state, const QStringList &hrefs, SyncCallback done);

    QNetworkAccessManager *m_network;
    QUrl m_serverUrl;
    QByteArray m_authorization;
    bool m_syncCollection = true;
};

} // namespace Lotse::Client
