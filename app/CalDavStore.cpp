#include "app/CalDavStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

constexpr int Version = 1;

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromIso(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

QByteArray bytes(const QJsonValue &value)
{
    return value.toString().toUtf8();
}

} // namespace

QString CalDavStore::defaultPath(const QString &profileId)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + profileId + "/caldav.json"_L1;
}

CalDavStore::CalDavStore(QString path)
    : m_path(std::move(path))
{}

void CalDavStore::clear()
{
    m_calendars.clear();
    m_published.clear();
    m_uploadedAccount.clear();
    m_uploadedBusy.clear();
    m_lastSync = {};
}

bool CalDavStore::load()
{
    clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value("version"_L1).toInt() != Version)
        return false;

    const QJsonArray calendars = root.value("calendars"_L1).toArray();
    for (const QJsonValue &value : calendars) {
        const QJsonObject calendar = value.toObject();
        CalDavSyncState state;
        state.calendarUrl = QUrl(calendar.value("url"_L1).toString());
        state.syncToken = calendar.value("syncToken"_L1).toString();
        state.ctag = calendar.value("ctag"_L1).toString();
        const QJsonArray resources = calendar.value("resources"_L1).toArray();
        for (const QJsonValue &r : resources) {
            const QJsonObject resource = r.toObject();
            const QString href = resource.value("href"_L1).toString();
            state.resources.insert(
                href, CalDavResource{href, bytes(resource.value("etag"_L1)), bytes(resource.value("ics"_L1))});
        }
        if (state.calendarUrl.isValid())
            m_calendars.insert(state.calendarUrl.toString(), state);
    }
    const QJsonArray published = root.value("published"_L1).toArray();
    for (const QJsonValue &value : published) {
        const QJsonObject p = value.toObject();
        Published entry{p.value("bookingId"_L1).toString(), QUrl(p.value("calendar"_L1).toString()),
                        QUrl(p.value("url"_L1).toString()), bytes(p.value("etag"_L1)),
                        bytes(p.value("ics"_L1)),           fromIso(p.value("start"_L1)),
                        fromIso(p.value("end"_L1)),         p.value("type"_L1).toString(),
                        p.value("summary"_L1).toString()};
        if (!entry.bookingId.isEmpty() && entry.url.isValid())
            m_published.insert(entry.bookingId, entry);
    }
    const QJsonObject uploaded = root.value("uploadedBusy"_L1).toObject();
    m_uploadedAccount = uploaded.value("account"_L1).toString();
    m_uploadedBusy = bytes(uploaded.value("body"_L1));
    m_lastSync = fromIso(root.value("lastSync"_L1));
    return true;
}

bool CalDavStore::save() const
{
    QJsonArray calendars;
    for (const CalDavSyncState &state : m_calendars) {
        QJsonArray resources;
        for (const CalDavResource &resource : state.resources) {
            resources.append(QJsonObject{
                {u"href"_s, resource.href}, {u"etag"_s, text(resource.etag)}, {u"ics"_s, text(resource.ics)}});
        }
        calendars.append(QJsonObject{{u"url"_s, state.calendarUrl.toString()},
                                     {u"syncToken"_s, state.syncToken},
                                     {u"ctag"_s, state.ctag},
                                     {u"resources"_s, resources}});
    }
    QJsonArray published;
    for (const Published &p : m_published) {
        published.append(QJsonObject{{u"bookingId"_s, p.bookingId},
                                     {u"calendar"_s, p.calendarUrl.toString()},
                                     {u"url"_s, p.url.toString()},
                                     {u"etag"_s, text(p.etag)},
                                     {u"ics"_s, text(p.ics)},
                                     {u"start"_s, isoUtc(p.start)},
                                     {u"end"_s, isoUtc(p.end)},
                                     {u"type"_s, p.type},
                                     {u"summary"_s, p.summary}});
    }
    const QJsonObject root{
        {u"version"_s, Version},
        {u"calendars"_s, calendars},
        {u"published"_s, published},
        {u"uploadedBusy"_s, QJsonObject{{u"account"_s, m_uploadedAccount}, {u"body"_s, text(m_uploadedBusy)}}},
        {u"lastSync"_s, isoUtc(m_lastSync)}};

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return file.commit();
}

CalDavSyncState CalDavStore::syncState(const QUrl &calendarUrl) const
{
    CalDavSyncState state = m_calendars.value(calendarUrl.toString());
    state.calendarUrl = calendarUrl;
    return state;
}

void CalDavStore::setSyncState(const CalDavSyncState &state)
{
    m_calendars.insert(state.calendarUrl.toString(), state);
}

void CalDavStore::removeCalendar(const QUrl &calendarUrl)
{
    m_calendars.remove(calendarUrl.toString());
}

QList<QUrl> CalDavStore::calendars() const
{
    QList<QUrl> result;
    for (const CalDavSyncState &state : m_calendars)
        result.append(state.calendarUrl);
    return result;
}

std::optional<CalDavStore::Published> CalDavStore::published(const QString &bookingId) const
{
    const auto it = m_published.constFind(bookingId);
    if (it == m_published.cend())
        return std::nullopt;
    return *it;
}

QList<CalDavStore::Published> CalDavStore::allPublished() const
{
    return m_published.values();
}

void CalDavStore::setPublished(const Published &published)
{
    m_published.insert(published.bookingId, published);
}

void CalDavStore::removePublished(const QString &bookingId)
{
    m_published.remove(bookingId);
}

QByteArray CalDavStore::uploadedBusy(const QString &account) const
{
    return account == m_uploadedAccount ? m_uploadedBusy : QByteArray();
}

void CalDavStore::setUploadedBusy(const QString &account, const QByteArray &body)
{
    m_uploadedAccount = account;
    m_uploadedBusy = body;
}

} // namespace Lotse::Client
