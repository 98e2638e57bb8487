#include "app/CalDavClient.h"

#include "app/CalDavXml.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QByteArray PrincipalQuery = R"(<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>)";

const QByteArray HomeQuery = R"(<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-home-set/></d:prop></d:propfind>)";

const QByteArray CalendarsQuery = R"(<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/">
<d:prop><d:displayname/><d:resourcetype/><c:supported-calendar-component-set/><cs:getctag/><d:sync-token/></d:prop>
</d:propfind>)";

const QByteArray EtagsQuery = R"(<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><d:getetag/><cs:getctag/><d:sync-token/></d:prop></d:propfind>)";

QByteArray syncCollectionQuery(const QString &token)
{
    return R"(<?xml version="1.0" encoding="utf-8"?>
<d:sync-collection xmlns:d="DAV:"><d:sync-token>)" +
           token.toHtmlEscaped().toUtf8() + R"(</d:sync-token><d:sync-level>1</d:sync-level>
<d:prop><d:getetag/></d:prop></d:sync-collection>)";
}

QByteArray multigetQuery(const QStringList &hrefs)
{
    QByteArray body = R"(<?xml version="1.0" encoding="utf-8"?>
<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>)";
    for (const QString &href : hrefs) {
        body += "<d:href>" + href.toHtmlEscaped().toUtf8() + "</d:href>"; // percent-encoded paths
    }
    return body + "</c:calendar-multiget>";
}

CalDavError invalid(const QString &detail)
{
    return CalDavError{CalDavError::Kind::InvalidResponse, 207, detail};
}

// Hrefs are compared as paths; servers may answer with full URLs.
QString pathOf(const QUrl &base, const QString &href)
{
    return base.resolved(QUrl(href)).path(QUrl::FullyEncoded);
}

QString icsTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
}

QString icsText(QString text)
{
    return text.replace(u'\\', u"\\\\"_s).replace(u';', u"\\;"_s).replace(u',', u"\\,"_s).replace(u'\n', u"\\n"_s);
}

} // namespace

CalDavClient::CalDavClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

void CalDavClient::setAccount(const QUrl &serverUrl, const QString &user, const QString &password)
{
    m_serverUrl = serverUrl;
    m_authorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
}

void CalDavClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const Headers &headers,
                        ReplyCallback done)
{
    // Basic authentication sends the password with every request: only over TLS, or to this machine.
    const bool loopback = QHostAddress(url.host()).isLoopback() || url.host() == "localhost"_L1;
    if (url.scheme() != "https"_L1 && !(url.scheme() == "http"_L1 && loopback)) {
        Reply refused;
        refused.error = {CalDavError::Kind::InsecureAddress, 0, url.scheme()};
        QMetaObject::invokeMethod(
            this, [refused, done = std::move(done)] { done(refused); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    request.setRawHeader("Authorization", m_authorization);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type")) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/xml; charset=utf-8"_s);
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.etag = reply->rawHeader("ETag");
        result.location = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        const int status = result.status;
        using Kind = CalDavError::Kind;
        if (status == 0) {
            const QNetworkReply::NetworkError code = reply->error();
            const Kind kind = code == QNetworkReply::HostNotFoundError         ? Kind::HostNotFound
                              : code == QNetworkReply::SslHandshakeFailedError ? Kind::Tls
                                                                               : Kind::Unreachable;
            result.error = {kind, 0, reply->errorString()};
        } else if (status == 401) {
            result.error = {Kind::Unauthorized, status, {}};
        } else if (status == 412) {
            result.error = {Kind::Conflict, status, {}};
        } else if (status == 404) {
            result.error = {Kind::NotFound, status, {}};
        } else if (status >= 500) {
            result.error = {Kind::ServerProblem, status, QString::fromUtf8(result.body.left(200))};
        } else if (status >= 400) {
            result.error = {Kind::Other, status, QString::fromUtf8(result.body.left(200))};
        }
        done(result);
    });
}

void CalDavClient::discover(CalendarsCallback done)
{
    // RFC 6764: the well-known URL usually redirects to the principal's context path.
    findPrincipal(m_serverUrl.resolved(QUrl(u"/.well-known/caldav"_s)), 5,
                  [done = std::move(done)](const QList<CalDavCalendar> &calendars, const CalDavError &error) {
                      // A web server that knows neither URL is not a CalDAV server at all.
                      if (error.kind == CalDavError::Kind::NotFound || error.kind == CalDavError::Kind::Other) {
                          done({}, CalDavError{CalDavError::Kind::InvalidResponse, error.httpStatus, error.detail});
                          return;
                      }
                      done(calendars, error);
                  });
}

void CalDavClient::findPrincipal(const QUrl &url, int redirectsLeft, CalendarsCallback done)
{
    send("PROPFIND", url, PrincipalQuery, {{"Depth", "0"}}, [this, url, redirectsLeft, done](const Reply &reply) {
        if (reply.status >= 300 && reply.status < 400 && redirectsLeft > 0) {
            // Credentials only go to the same server.
            if (reply.location.host() != m_serverUrl.host() || reply.location.port() != m_serverUrl.port()) {
                done({}, invalid(u"redirect to another host"_s));
                return;
            }
            findPrincipal(reply.location, redirectsLeft - 1, done);
            return;
        }
        // Servers without the well-known URL answer 404 or 405; then the given URL is the context path.
        if ((reply.error.kind == CalDavError::Kind::NotFound || reply.error.kind == CalDavError::Kind::Other) &&
            url.path() == "/.well-known/caldav"_L1) {
            findPrincipal(m_serverUrl, redirectsLeft, done);
            return;
        }
        if (reply.error.isError()) {
            done({}, reply.error);
            return;
        }
        const auto parsed = CalDavXml::parse(reply.body);
        if (!parsed || parsed->responses.isEmpty()) {
            done({}, invalid(u"PROPFIND current-user-principal"_s));
            return;
        }
        const QString principal = parsed->responses.first().hrefs.value(u"current-user-principal"_s);
        if (principal.isEmpty()) {
            done({}, invalid(u"no current-user-principal"_s));
            return;
        }
        listCalendars(url.resolved(QUrl(principal)), done);
    });
}

void CalDavClient::listCalendars(const QUrl &principal, CalendarsCallback done)
{
    send("PROPFIND", principal, HomeQuery, {{"Depth", "0"}}, [this, principal, done](const Reply &reply) {
        if (reply.error.isError()) {
            done({}, reply.error);
            return;
        }
        const auto parsed = CalDavXml::parse(reply.body);
        const QString home = parsed && !parsed->responses.isEmpty()
                                 ? parsed->responses.first().hrefs.value(u"calendar-home-set"_s)
                                 : QString();
        if (home.isEmpty()) {
            done({}, invalid(u"no calendar-home-set"_s));
            return;
        }
        const QUrl homeUrl = principal.resolved(QUrl(home));
        send("PROPFIND", homeUrl, CalendarsQuery, {{"Depth", "1"}}, [homeUrl, done](const Reply &list) {
            if (list.error.isError()) {
                done({}, list.error);
                return;
            }
            const auto calendars = CalDavXml::parse(list.body);
            if (!calendars) {
                done({}, invalid(u"PROPFIND calendar-home-set"_s));
                return;
            }
            QList<CalDavCalendar> result;
            for (const CalDavXml::Response &r : calendars->responses) {
                if (!r.isCalendar) {
                    continue;
                }
                result.append(CalDavCalendar{homeUrl.resolved(QUrl(r.href)), r.props.value(u"displayname"_s).trimmed(),
                                             r.components, r.props.value(u"getctag"_s).trimmed(),
                                             r.props.value(u"sync-token"_s).trimmed()});
            }
            done(result, {});
        });
    });
}

void CalDavClient::sync(const CalDavSyncState &state, SyncCallback done)
{
    if (m_syncCollection) {
        syncByToken(state, std::move(done));
    } else {
        syncByEtags(state, std::move(done));
    }
}

void CalDavClient::syncByToken(const CalDavSyncState &state, SyncCallback done)
{
    send("REPORT", state.calendarUrl, syncCollectionQuery(state.syncToken), {{"Depth", "1"}},
         [this, state, done](const Reply &reply) {
             using Kind = CalDavError::Kind;
             // Unsupported report or an expired token: compare ETags instead.
             if (reply.error.kind == Kind::Other || reply.error.kind == Kind::NotFound || reply.status == 501) {
                 syncByEtags(state, done);
                 return;
             }
             if (reply.error.isError()) {
                 done(state, reply.error);
                 return;
             }
             const auto parsed = CalDavXml::parse(reply.body);
             if (!parsed || parsed->syncToken.isEmpty()) {
                 done(state, invalid(u"sync-collection REPORT"_s));
                 return;
             }
             CalDavSyncState next = state;
             next.syncToken = parsed->syncToken;
             const QString collection = state.calendarUrl.path(QUrl::FullyEncoded);
             QStringList changed;
             for (const CalDavXml::Response &r : parsed->responses) {
                 const QString href = pathOf(state.calendarUrl, r.href);
                 if (href == collection) {
                     continue;
                 }
                 if (r.status == 404) {
                     next.resources.remove(href);
                 } else if (const QByteArray etag = r.props.value(u"getetag"_s).trimmed().toUtf8();
                            etag.isEmpty() || next.resources.value(href).etag != etag) {
                     changed.append(href);
                 }
             }
             fetch(next, changed, done);
         });
}

void CalDavClient::syncByEtags(const CalDavSyncState &state, SyncCallback done)
{
    send("PROPFIND", state.calendarUrl, EtagsQuery, {{"Depth", "1"}}, [this, state, done](const Reply &reply) {
        if (reply.error.isError()) {
            done(state, reply.error);
            return;
        }
        const auto parsed = CalDavXml::parse(reply.body);
        if (!parsed) {
            done(state, invalid(u"PROPFIND getetag"_s));
            return;
        }
        CalDavSyncState next = state;
        next.resources.clear();
        const QString collection = state.calendarUrl.path(QUrl::FullyEncoded);
        QStringList changed;
        for (const CalDavXml::Response &r : parsed->responses) {
            const QString href = pathOf(state.calendarUrl, r.href);
            if (href == collection) {
                next.ctag = r.props.value(u"getctag"_s).trimmed();
                continue;
            }
            const QByteArray etag = r.props.value(u"getetag"_s).trimmed().toUtf8();
            if (state.resources.contains(href) && state.resources.value(href).etag == etag && !etag.isEmpty()) {
                next.resources.insert(href, state.resources.value(href));
            } else {
                changed.append(href);
            }
        }
        fetch(next, changed, done);
    });
}

void CalDavClient::fetch(CalDavSyncState state, const QStringList &hrefs, SyncCallback done)
{
    if (hrefs.isEmpty()) {
        done(state, {});
        return;
    }
    send("REPORT", state.calendarUrl, multigetQuery(hrefs), {{"Depth", "1"}}, [state, done](const Reply &reply) {
        if (reply.error.isError()) {
            done(state, reply.error);
            return;
        }
        const auto parsed = CalDavXml::parse(reply.body);
        if (!parsed) {
            done(state, invalid(u"calendar-multiget REPORT"_s));
            return;
        }
        CalDavSyncState next = state;
        for (const CalDavXml::Response &r : parsed->responses) {
            const QString href = pathOf(state.calendarUrl, r.href);
            const QString data = r.props.value(u"calendar-data"_s);
            if (data.isEmpty()) {
                continue; // removed between the listing and now
            }
            next.resources.insert(href,
                                  CalDavResource{href, r.props.value(u"getetag"_s).trimmed().toUtf8(), data.toUtf8()});
        }
        done(next, {});
    });
}

void CalDavClient::put(const QUrl &calendarUrl, const QString &name, const QByteArray &ics, const QByteArray &etag,
                       EtagCallback done)
{
    QUrl base = calendarUrl;
    if (!base.path().endsWith(u'/')) {
        base.setPath(base.path() + u'/');
    }
    const QUrl url = base.resolved(QUrl(name));
    Headers headers{{"Content-Type", "text/calendar; charset=utf-8"}};
    headers.append(etag.isEmpty() ? QPair<QByteArray, QByteArray>{"If-None-Match", "*"}
                                  : QPair<QByteArray, QByteArray>{"If-Match", etag});
    send("PUT", url, ics, headers, [done](const Reply &reply) { done(reply.etag, reply.error); });
}

void CalDavClient::remove(const QUrl &resourceUrl, const QByteArray &etag, DoneCallback done)
{
    send("DELETE", resourceUrl, {}, {{"If-Match", etag}}, [done](const Reply &reply) { done(reply.error); });
}

void CalDavClient::get(const QUrl &resourceUrl, ResourceCallback done)
{
    send("GET", resourceUrl, {}, {}, [resourceUrl, done](const Reply &reply) {
        if (reply.error.isError()) {
            done({}, reply.error);
            return;
        }
        if (reply.status != 200 || !reply.body.contains("BEGIN:VCALENDAR")) {
            done({}, invalid(u"GET of a calendar object"_s));
            return;
        }
        done(CalDavResource{resourceUrl.path(QUrl::FullyEncoded), reply.etag.trimmed(), reply.body}, {});
    });
}

QString CalDavError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unauthorized:
        return tr("The calendar server did not accept the user name or password.");
    case Kind::Unreachable:
        return tr("The calendar server could not be reached. Please check your connection; Lotse will try again.");
    case Kind::HostNotFound:
        return tr("No server was found at this address. Please check the address.");
    case Kind::Tls:
        return tr("The secure connection to the calendar server failed: its certificate is not valid or not "
                  "trusted.");
    case Kind::InvalidResponse:
        return tr("The server at this address does not answer like a CalDAV calendar server.");
    case Kind::Conflict:
        return tr("The event was changed in your calendar at the same time. Lotse will try again.");
    case Kind::NotFound:
        return tr("The calendar or event no longer exists on the calendar server.");
    case Kind::ServerProblem:
        return tr("The calendar server reported a problem (%1). Lotse will try again later.").arg(httpStatus);
    case Kind::InsecureAddress:
        return tr("The address must start with https://, so that your password is never sent readable.");
    case Kind::Other:
        break;
    }
    return tr("The calendar server refused the request (%1).").arg(httpStatus);
}

QByteArray CalDavClient::appointmentIcs(const QString &uid, const QDateTime &start, const QDateTime &end,
                                        const QString &summary)
{
    const QString text =
        u"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Lotse//Lotse//EN\r\nBEGIN:VEVENT\r\n"
        u"UID:%1\r\nDTSTAMP:%2\r\nDTSTART:%3\r\nDTEND:%4\r\nSUMMARY:%5\r\nCLASS:PRIVATE\r\n"
        u"END:VEVENT\r\nEND:VCALENDAR\r\n"_s.arg(icsText(uid), icsTime(QDateTime::currentDateTimeUtc()), icsTime(start),
                                                 icsTime(end), icsText(summary));
    return text.toUtf8();
}

} // namespace Lotse::Client
