#pragma once

#include "app/ApiError.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace Lotse::Client {

class RoomService;
class ServerClient;
class Session;

// One help-seeker waiting in the organisation's instant-call queue.
struct WaitingCall
{
    QString id;
    QString name; // opened on this device from the sealed name; empty when it did not open
    QString language;
    int position = 0;
    qint64 waitingSeconds = 0; // as the server counted at the last fetch
    QElapsedTimer sinceFetch;  // monotonic, so the shown wait ticks without asking the server

    [[nodiscard]] qint64 waitedSeconds() const
    {
        return waitingSeconds + (sinceFetch.isValid() ? sinceFetch.elapsed() / 1000 : 0);
    }
};

// The instant-call waiting room for advisors (API.md, "Instant call"): the queue with the names
// opened on this device, refreshed when the relay says it changed, and taking a call (the next or
// a chosen one). Taking is atomic on the server: when a colleague was faster the answer says so.
class InstantQueue : public QObject
{
    Q_OBJECT

public:
    enum class TakeResult
    {
        Taken,
        AlreadyTaken,    // a colleague took this one first
        NoLongerWaiting, // the help-seeker left or the call expired
        QueueEmpty,
        Failed,
    };
    using TakeCallback = std::function<void(TakeResult result, const QString &roomId, const QString &message)>;

    InstantQueue(Session *session, ServerClient *client, RoomService *rooms, QObject *parent = nullptr);
    ~InstantQueue() override;

    [[nodiscard]] const QList<WaitingCall> &calls() const { return m_calls; }
    void refresh();
    void take(const QString &instantId, TakeCallback done);
    void takeNext(TakeCallback done);

Q_SIGNALS:
    void changed();
    // Someone joined the queue who was not in it at the last fetch.
    void newArrival(int count);

private:
    void onSessionState();
    void takeAt(const QString &path, TakeCallback done);
    [[nodiscard]] QString openName(const QString &instantId, const QString &sealed) const;

    QPointer<Session> m_session;
    QPointer<ServerClient> m_client;
    QPointer<RoomService> m_rooms;
    QTimer *m_pollTimer;
    QList<WaitingCall> m_calls;
    QHash<QString, QString> m_names; // opened names by call id, in memory only
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_again = false;
};

} // namespace Lotse::Client
