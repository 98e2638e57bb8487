#include "app/Outbox.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Lotse::Client::Outbox {

namespace {

QDateTime utc(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

// The write's last path segment: confirm, decline, propose, reschedule, cancel, note, undo, done.
QString actionOf(const QString &path)
{
    return path.section(u'/', -1);
}

} // namespace

QString targetOf(const QString &path)
{
    static const QRegularExpression pattern(u"^/api/v1/(?:bookings|messages)/([A-Za-z0-9-]{1,100})/[a-z]+$"_s);
    const QRegularExpressionMatch match = pattern.match(path);
    return match.hasMatch() ? match.captured(1) : QString();
}

LocalStore::OutboxEntry entryFor(const LocalStore &store, const QByteArray &verb, const QString &path,
                                 const QJsonObject &body)
{
    LocalStore::OutboxEntry entry;
    entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.verb = verb;
    entry.path = path;
    entry.body = body;
    entry.target = targetOf(path);
    entry.createdAt = QDateTime::currentDateTimeUtc();
    bool earlierWaits = false;
    for (const LocalStore::OutboxEntry &waiting : store.outbox())
        earlierWaits = earlierWaits || (!entry.target.isEmpty() && waiting.target == entry.target);
    // Undo names its change; it is not a change of what the advisor saw.
    if (actionOf(path) == "undo"_L1 || entry.target.isEmpty())
        entry.ifMatch = 0;
    else
        entry.ifMatch = earlierWaits ? -1 : store.version(entry.target);
    return entry;
}

void applyOptimistically(const LocalStore::OutboxEntry &entry, QJsonObject &item)
{
    const QString action = actionOf(entry.path);
    const QJsonObject &body = entry.body;
    const QDateTime start = utc(item.value("start"_L1));
    const QDateTime end = utc(item.value("end"_L1));
    const qint64 duration = start.isValid() && end.isValid() ? start.secsTo(end) : 0;
    if (action == "confirm"_L1) {
        item.insert(u"status"_s, u"confirmed"_s);
    } else if (action == "decline"_L1) {
        item.insert(u"status"_s, u"declined"_s);
    } else if (action == "cancel"_L1) {
        item.insert(u"status"_s, u"cancelled"_s);
    } else if (action == "done"_L1) {
        item.insert(u"status"_s, u"done"_s);
    } else if (action == "propose"_L1) {
        const QDateTime proposed = utc(body.value("start"_L1));
        if (proposed.isValid()) {
            item.insert(u"status"_s, u"proposed"_s);
            item.insert(u"proposal"_s,
                        QJsonObject{{u"start"_s, isoUtc(proposed)}, {u"end"_s, isoUtc(proposed.addSecs(duration))}});
        }
    } else if (action == "reschedule"_L1) {
        const QDateTime newStart = utc(body.value("start"_L1));
        QDateTime newEnd = utc(body.value("end"_L1));
        if (!newEnd.isValid())
            newEnd = newStart.addSecs(duration);
        if (newStart.isValid()) {
            item.insert(u"start"_s, isoUtc(newStart));
            item.insert(u"end"_s, isoUtc(newEnd));
        }
    } else if (action == "note"_L1) {
        item.insert(u"note"_s, body.value("sealed"_L1));
    }
}

QList<BookingRequest> requestsWithPendingChanges(const LocalStore &store)
{
    QHash<QString, QJsonObject> items;
    const QList<LocalStore::Item> stored = store.items();
    items.reserve(stored.size());
    for (const LocalStore::Item &item : stored)
        items.insert(item.id, item.json);
    for (const LocalStore::OutboxEntry &entry : store.outbox()) {
        auto it = items.find(entry.target);
        if (it != items.end() && entry.state == LocalStore::OutboxEntry::State::Queued)
            applyOptimistically(entry, *it);
    }
    QList<BookingRequest> requests;
    requests.reserve(items.size());
    for (const QJsonObject &json : std::as_const(items))
        requests.append(BookingRequest::fromJson(json));
    return requests;
}

} // namespace Lotse::Client::Outbox
