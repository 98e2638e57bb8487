#include "app/SyncEngine.h"

#include "app/PushSocket.h"
#include "app/ServerClient.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
// While the WebSocket is down (a proxy that refuses it, a server without it), HTTP polling keeps
// the copy fresh; while it is up, a rare poll covers a push lost in between.
constexpr int PollWithPushMs = 5 * 60 * 1000;
} // namespace

SyncEngine::SyncEngine(ServerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_push(new PushSocket(this))
    , m_pollTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_pollTimer->setInterval(m_pollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(m_retryTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(m_push, &PushSocket::connectedChanged, this, [this](bool connected) {
        m_pollTimer->setInterval(connected ? std::max(m_pollMs, PollWithPushMs) : m_pollMs);
        if (connected)
            syncNow(); // what changed while the socket was down
        else
            updateStatus();
    });
    connect(m_push, &PushSocket::requestsChanged, this, [this](const QString &cursor) {
        if (m_store && cursor != m_store->cursor())
            syncNow();
    });
    connect(m_push, &PushSocket::sessionRejected, this, &SyncEngine::sessionEnded);
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setPollInterval(int milliseconds)
{
    m_pollMs = milliseconds;
    m_pollTimer->setInterval(m_push->isConnected() ? std::max(m_pollMs, PollWithPushMs) : m_pollMs);
}

void SyncEngine::setReconnectDelays(int minimumMs, int maximumMs)
{
    m_minDelayMs = minimumMs;
    m_maxDelayMs = maximumMs;
    m_push->setDelays(minimumMs, maximumMs);
}

bool SyncEngine::isPushConnected() const
{
    return m_push->isConnected();
}

void SyncEngine::start(LocalStore *store)
{
    stop();
    m_store = store;
    m_lastSynced = store->lastSync();
    m_offline = false;
    m_syncWanted = true;
    m_pollTimer->start();
    if (m_client)
        m_push->start(m_client->baseUrl(), m_client->token());
    updateStatus();
    pump();
}

void SyncEngine::stop()
{
    ++m_generation;
    m_push->stop();
    m_pollTimer->stop();
    m_retryTimer->stop();
    m_store = nullptr;
    m_busy = false;
    m_offline = true;
    m_unreachable = false;
    m_fullWanted = false;
    m_retryDelayMs = 0;
    const auto callbacks = std::exchange(m_callbacks, {});
    for (const WriteCallback &done : callbacks)
        done({}, {}); // still in the outbox; it goes out with the next sign-in
    updateStatus();
}

void SyncEngine::syncNow()
{
    if (!m_store)
        return;
    m_syncWanted = true;
    m_offline = false;
    m_retryTimer->stop();
    pump();
}

bool SyncEngine::submit(LocalStore::OutboxEntry entry, WriteCallback done)
{
    if (!m_store || !m_store->enqueue(entry))
        return false;
    if (done) {
        // Offline: the advisor is told at once that it waits (it is still tried now, below);
        // online the server's answer comes back.
        if (m_offline)
            done({}, {});
        else
            m_callbacks.insert(entry.seq, std::move(done));
    }
    Q_EMIT itemsChanged();
    updateStatus();
    tryNow();
    return true;
}

QList<LocalStore::OutboxEntry> SyncEngine::conflicts() const
{
    QList<LocalStore::OutboxEntry> list;
    if (!m_store)
        return list;
    for (const LocalStore::OutboxEntry &entry : m_store->outbox()) {
        if (entry.state == LocalStore::OutboxEntry::State::Conflict)
            list.append(entry);
    }
    return list;
}

void SyncEngine::keepMine(qint64 seq)
{
    if (!m_store)
        return;
    for (LocalStore::OutboxEntry entry : m_store->outbox()) {
        if (entry.seq != seq || entry.state != LocalStore::OutboxEntry::State::Conflict)
            continue;
        // Over the version the advisor has now seen, with a new key: the server keeps its answer
        // (the 409) under the old one.
        entry.state = LocalStore::OutboxEntry::State::Queued;
        entry.ifMatch = entry.current.value("version"_L1).toInteger();
        entry.current = {};
        entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!m_store->updateEntry(entry))
            Q_EMIT writeFailed(tr("The change could not be stored on this computer."));
        break;
    }
    Q_EMIT itemsChanged();
    updateStatus();
    tryNow();
}

void SyncEngine::takeTheirs(qint64 seq)
{
    if (!m_store)
        return;
    (void)m_store->removeEntry(seq);
    Q_EMIT itemsChanged();
    updateStatus();
    pump();
}

bool SyncEngine::isNetworkFailure(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Unreachable:
    case ApiError::Kind::InsecureConnection:
    case ApiError::Kind::ServerProblem:
    case ApiError::Kind::RateLimited:
        return true;
    default:
        return false;
    }
}

void SyncEngine::tryNow()
{
    // A write the advisor just made is worth an attempt at once, also while a backoff after a
    // failed attempt waits (up to a minute; the WebSocket waits out its own backoff, the poll
    // comes every minute): the server is often back long before. Still "Offline" until it answers.
    if (m_offline) {
        m_offline = false;
        m_retryTimer->stop();
    }
    pump();
}

void SyncEngine::pump()
{
    if (!m_store || !m_client || m_busy || m_offline) {
        updateStatus();
        return;
    }
    if (m_syncWanted) {
        sync();
        return;
    }
    // In order; a write waiting for the advisor holds back later writes to the same request.
    QStringList held;
    for (const LocalStore::OutboxEntry &entry : m_store->outbox()) {
        if (entry.state == LocalStore::OutboxEntry::State::Conflict) {
            held.append(entry.target);
            continue;
        }
        if (held.contains(entry.target))
            continue;
        send(entry);
        return;
    }
    updateStatus();
}

void SyncEngine::sync()
{
    const QString cursor = m_store->cursor();
    const bool full = cursor.isEmpty() || m_fullWanted;
    m_busy = true;
    m_syncWanted = false;
    updateStatus();
    const quint64 generation = m_generation;
    const QString path = full ? u"/api/v1/requests?since=0"_s
                              : u"/api/v1/requests?since="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    m_client->getJson(path, [this, guard = QPointer<SyncEngine>(this), generation, full](const QJsonObject &answer,
                                                                                         const ApiError &error) {
        if (!guard || generation != m_generation)
            return;
        onSyncAnswer(answer, error, full);
    });
}

void SyncEngine::onSyncAnswer(const QJsonObject &answer, const ApiError &error, bool full)
{
    m_busy = false;
    if (error.isError()) {
        if (error.kind == ApiError::Kind::SessionExpired || error.kind == ApiError::Kind::NotSignedIn) {
            Q_EMIT sessionEnded();
            return;
        }
        if (!full && error.httpStatus == 410) {
            // The server no longer knows what changed since our cursor (tombstones forgotten, or
            // a server restored from an older backup): start over with a full sync.
            m_fullWanted = true;
            m_syncWanted = true;
            pump();
            return;
        }
        if (isNetworkFailure(error) || error.kind == ApiError::Kind::InvalidResponse) {
            m_syncWanted = true;
            goOffline();
            return;
        }
        // Anything else (400 on a cursor we sent): start over once with a full sync.
        if (!full) {
            m_fullWanted = true;
            m_syncWanted = true;
            pump();
        } else {
            goOffline();
        }
        return;
    }
    const QString cursor = answer.value("cursor"_L1).toString();
    QList<QJsonObject> items;
    const QJsonArray list = answer.value("requests"_L1).toArray();
    items.reserve(list.size());
    for (const QJsonValue &value : list)
        items.append(value.toObject());
    QStringList removed;
    for (const QJsonValue &value : answer.value("removed"_L1).toArray())
        removed.append(value.toString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_store->applySync(items, removed, cursor, full, now)) {
        Q_EMIT writeFailed(tr("The offline copy on this computer could not be updated."));
        goOffline();
        return;
    }
    m_lastSynced = now;
    if (full)
        m_fullWanted = false;
    goOnline();
    if (full || !items.isEmpty() || !removed.isEmpty())
        Q_EMIT itemsChanged();
    Q_EMIT synced(int(items.size()));
    pump();
}

void SyncEngine::send(const LocalStore::OutboxEntry &entry)
{
    m_busy = true;
    updateStatus();
    qint64 ifMatch = entry.ifMatch;
    if (ifMatch < 0) // a later change to a request changed earlier in the outbox: over what that made
        ifMatch = m_store->version(entry.target);
    const quint64 generation = m_generation;
    m_client->write(entry.verb, entry.path, entry.body, entry.idempotencyKey, ifMatch,
                    [this, guard = QPointer<SyncEngine>(this), generation, entry](const QJsonObject &answer,
                                                                                  const ApiError &error) {
                        if (!guard || generation != m_generation)
                            return;
                        onSendAnswer(entry, answer, error);
                    });
}

void SyncEngine::onSendAnswer(const LocalStore::OutboxEntry &sent, const QJsonObject &answer, const ApiError &error)
{
    m_busy = false;
    if (!error.isError()) {
        // Advisor actions answer the request as it is now: its new version counts at once for a
        // later change to the same request.
        const QJsonObject item = answer.value("booking"_L1).toObject();
        if (item.value("id"_L1).toString() == sent.target && item.contains("version"_L1) && item.contains("kind"_L1))
            (void)m_store->putItem(item);
        (void)m_store->removeEntry(sent.seq);
        m_syncWanted = true; // the write's new version
        goOnline();
        finishWrite(sent.seq, answer, {});
        Q_EMIT itemsChanged();
        pump();
        return;
    }
    if (error.kind == ApiError::Kind::SessionExpired || error.kind == ApiError::Kind::NotSignedIn) {
        Q_EMIT sessionEnded(); // the write stays in the outbox for the next sign-in
        return;
    }
    if (isNetworkFailure(error) || error.kind == ApiError::Kind::InvalidResponse) {
        finishWrite(sent.seq, {}, {}); // waits in the outbox
        goOffline();
        return;
    }
    const QJsonObject details = answer.value("error"_L1).toObject();
    if (error.httpStatus == 409 && error.code == "version_conflict"_L1) {
        LocalStore::OutboxEntry entry = sent;
        entry.state = LocalStore::OutboxEntry::State::Conflict;
        entry.current = details.value("current"_L1).toObject();
        if (!entry.current.isEmpty())
            (void)m_store->putItem(entry.current);
        (void)m_store->updateEntry(entry);
        finishWrite(sent.seq, {}, {});
        Q_EMIT itemsChanged();
        Q_EMIT conflictRaised(sent.seq);
        m_syncWanted = true;
        pump();
        return;
    }
    // Refused for good (404, 409 invalid_status, 400): the local change is undone and said so.
    (void)m_store->removeEntry(sent.seq);
    m_syncWanted = true;
    finishWrite(sent.seq, answer, error);
    Q_EMIT itemsChanged();
    Q_EMIT writeFailed(error.userMessage());
    pump();
}

void SyncEngine::finishWrite(qint64 seq, const QJsonObject &answer, const ApiError &error)
{
    if (const WriteCallback done = m_callbacks.take(seq))
        done(answer, error);
}

void SyncEngine::goOffline()
{
    m_offline = true;
    m_unreachable = true;
    // Every waiting caller hears that its write is kept.
    const auto callbacks = std::exchange(m_callbacks, {});
    for (const WriteCallback &done : callbacks)
        done({}, {});
    // Try again with backoff; the WebSocket's reconnects and the poll try too.
    m_retryDelayMs = m_retryDelayMs == 0 ? m_minDelayMs : std::min(m_maxDelayMs, m_retryDelayMs * 2);
    const double jitter = 0.75 + QRandomGenerator::global()->generateDouble() * 0.5;
    m_retryTimer->start(std::clamp(int(m_retryDelayMs * jitter), m_minDelayMs, m_maxDelayMs));
    updateStatus();
}

void SyncEngine::goOnline()
{
    m_offline = false;
    m_unreachable = false;
    m_retryDelayMs = 0;
    m_retryTimer->stop();
    m_push->retryNow();
}

void SyncEngine::updateStatus()
{
    State state = State::UpToDate;
    // A retry while the server is away stays "Offline" until it answers: no flicker to "Syncing".
    if (!m_store || m_offline || m_unreachable)
        state = State::Offline;
    else if (m_busy || m_syncWanted)
        state = State::Syncing;
    const int pending = m_store ? m_store->pendingCount() : 0;
    const int conflicts = m_store ? m_store->conflictCount() : 0;
    if (state == m_state && pending == m_pending && conflicts == m_conflicts && m_lastSynced == m_reportedLastSynced)
        return;
    m_state = state;
    m_pending = pending;
    m_conflicts = conflicts;
    m_reportedLastSynced = m_lastSynced;
    Q_EMIT statusChanged();
}

} // namespace Lotse::Client
