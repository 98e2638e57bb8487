#pragma once

#include "app/ApiError.h"
#include "app/LocalStore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace Lotse::Client {

class PushSocket;
class ServerClient;

// Keeps a LocalStore in step with the server (first a full GET /requests, then ?since=cursor;
// 410 cursor_expired starts over) and sends its outbox in order. Pushes over the WebSocket
// (`requests_changed`) start an incremental sync; without a socket it polls. The state the
// advisor sees (offline, syncing, up to date, changes waiting) comes out as `status()`.
class SyncEngine : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY statusChanged)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY statusChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY statusChanged)
    Q_PROPERTY(QDateTime lastSynced READ lastSynced NOTIFY statusChanged)

public:
    enum class State
    {
        Offline,
        Syncing,
        UpToDate,
    };
    Q_ENUM(State)

    // The first answer to a write: the server's (2xx or a refusal), or, when it could not be
    // reached, an empty answer without error: the write waits in the outbox.
    using WriteCallback = std::function<void(const QJsonObject &answer, const ApiError &error)>;

    explicit SyncEngine(ServerClient *client, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Starts syncing `store` (opened; owned by the caller and kept until stop()).
    void start(LocalStore *store);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_store != nullptr; }

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QDateTime lastSynced() const { return m_lastSynced; }
    [[nodiscard]] int pendingChanges() const { return m_pending; }
    // Of those, the ones that wait for the advisor to choose (keep mine or take theirs).
    [[nodiscard]] int conflictCount() const { return m_conflicts; }
    [[nodiscard]] bool isPushConnected() const;

    // Stores the write in the outbox (with its Idempotency-Key and If-Match), then sends it when
    // its turn comes: at once, or right after the request in flight; while offline it is tried
    // now, too. False when the outbox could not store it (nothing was sent).
    bool submit(LocalStore::OutboxEntry entry, WriteCallback done);
    // After a conflict: send the advisor's change again over the server's version, or drop it.
    void keepMine(qint64 seq);
    void takeTheirs(qint64 seq);
    [[nodiscard]] QList<LocalStore::OutboxEntry> conflicts() const;

    // Asks the server for what changed (and sends what waits), now.
    void syncNow();

    // Tests and benchmarks: shorter waits.
    void setPollInterval(int milliseconds);
    void setReconnectDelays(int minimumMs, int maximumMs);

Q_SIGNALS:
    void statusChanged();
    // The items or the outbox changed: what the advisor sees needs rebuilding.
    void itemsChanged();
    // A write met a newer version on the server; conflicts() has it.
    void conflictRaised(qint64 seq);
    // A write the server refused for good; the local change was undone.
    void writeFailed(const QString &message);
    // The server said the session is over (401).
    void sessionEnded();
    // A full or incremental sync finished (tests and benchmarks).
    void synced(int itemCount);

private:
    void tryNow();
    void pump();
    void sync();
    void onSyncAnswer(const QJsonObject &answer, const ApiError &error, bool full);
    void send(const LocalStore::OutboxEntry &entry);
    void onSendAnswer(const LocalStore::OutboxEntry &entry, const QJsonObject &answer, const ApiError &error);
    void goOffline();
    void goOnline();
    void updateStatus();
    void finishWrite(qint64 seq, const QJsonObject &answer, const ApiError &error);
    [[nodiscard]] static bool isNetworkFailure(const ApiError &error);

    QPointer<ServerClient> m_client;
    LocalStore *m_store = nullptr;
    PushSocket *m_push;
    QTimer *m_pollTimer;
    QTimer *m_retryTimer;
    State m_state = State::Offline;
    QDateTime m_lastSynced;
    QDateTime m_reportedLastSynced;
    int m_pending = 0;
    int m_conflicts = 0;
    bool m_busy = false;
    bool m_offline = true;      // not trying now (waiting for the retry timer)
    bool m_unreachable = false; // the last attempt failed; it shows as offline until one works
    bool m_syncWanted = false;
    bool m_fullWanted = false; // the server could not answer our cursor (410): everything again
    int m_retryDelayMs = 0;
    int m_minDelayMs = 1000;
    int m_maxDelayMs = 60000;
    int m_pollMs = 60000;
    quint64 m_generation = 0; // answers to an earlier start() are dropped
    QHash<qint64, WriteCallback> m_callbacks;
};

} // namespace Lotse::Client
