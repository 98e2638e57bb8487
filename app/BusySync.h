#pragma once

#include "app/BusyTimes.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimeZone>

#include <functional>

class QTimer;

namespace Lotse::Models {
class Clock;
}

namespace Lotse::Client {

class CalDavAccount;
class CalDavClient;
class ServerClient;

// Keeps the server's busy blocks in step with the advisor's busy calendars: on start, every five
// minutes and on demand it syncs each busy calendar incrementally, expands the events of the next
// 60 days into busy intervals and uploads them (times only) when they changed. A calendar or the
// server that cannot be reached leaves the last good data in place; the next round tries again.
class BusySync : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        NoAccount,
        Waiting, // not signed in, or nothing synced yet
        Syncing,
        UpToDate,
        CalendarProblem, // a calendar could not be synced; its last good copy was used
        ServerProblem,   // lotse-server did not take the busy times; retried later
    };
    Q_ENUM(State)

    static constexpr int DefaultIntervalMs = 5 * 60 * 1000;
    static constexpr int WindowDays = 60;

    BusySync(CalDavAccount *account, ServerClient *server, const Models::Clock *clock, QObject *parent = nullptr);
    ~BusySync() override;

    // The zone all-day and floating events are read in (the advisor's working zone).
    void setTimeZoneSource(std::function<QTimeZone()> zone) { m_zone = std::move(zone); }
    // More busy times that go into the same upload, because the server's PUT replaces its whole
    // window (the imported calendars the advisor chose to count as busy).
    using Source = std::function<QList<BusyInterval>(const QDateTime &from, const QDateTime &to)>;
    void setExtraSource(Source source) { m_extra = std::move(source); }
    // The busy calendars' intervals in [from, to), from the copies of the last sync.
    [[nodiscard]] QList<BusyInterval> calendarBusy(const QDateTime &from, const QDateTime &to) const;
    // Who is signed in (server and user name); uploads are remembered per account. Empty: signed
    // out, nothing runs.
    void setServerAccount(const QString &account);
    void setInterval(int milliseconds);

    [[nodiscard]] State state() const { return m_state; }
    // What went wrong, for the advisor; empty when all is well.
    [[nodiscard]] QString problem() const { return m_problem; }
    // The last time every busy calendar synced and the server had the result.
    [[nodiscard]] QDateTime lastSuccess() const;
    [[nodiscard]] QList<BusyInterval> lastBusy() const { return m_lastBusy; }
    // Uploads done since start (for tests and the log: only changes are uploaded).
    [[nodiscard]] int uploadCount() const { return m_uploads; }

    void syncNow();

Q_SIGNALS:
    void stateChanged(Lotse::Client::BusySync::State state);
    // One round finished (whatever its outcome).
    void finished();

private:
    void setState(State state, const QString &problem = QString());
    void syncCalendar(int index, QList<QUrl> calendars, QString problem);
    void upload(const QString &calendarProblem);
    void done();

    QPointer<CalDavAccount> m_account;
    QPointer<ServerClient> m_server;
    const Models::Clock *m_clock;
    std::function<QTimeZone()> m_zone;
    Source m_extra;
    CalDavClient *m_client;
    QTimer *m_timer;
    QString m_serverAccount;
    State m_state = State::NoAccount;
    QString m_problem;
    QList<BusyInterval> m_lastBusy;
    bool m_running = false;
    bool m_again = false;
    int m_uploads = 0;
    quint64 m_generation = 0;
};

} // namespace Lotse::Client
