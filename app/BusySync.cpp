#include "app/BusySync.h"

#include "app/CalDavAccount.h"
#include "app/CalDavClient.h"
#include "app/ServerClient.h"
#include "models/Clock.h"

#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

BusySync::BusySync(CalDavAccount *account, ServerClient *server, const Models::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_server(server)
    , m_clock(clock)
    , m_zone([] { return QTimeZone::systemTimeZone(); })
    , m_client(new CalDavClient(this))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(DefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &BusySync::syncNow);
    // A calendar ticked or unticked, or another account: the busy times change now, not in five minutes.
    connect(account, &CalDavAccount::busyCalendarsChanged, this, &BusySync::syncNow);
    m_state = account->hasAccount() ? State::Waiting : State::NoAccount;
}

BusySync::~BusySync() = default;

void BusySync::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void BusySync::setServerAccount(const QString &account)
{
    if (account == m_serverAccount)
        return;
    m_serverAccount = account;
    ++m_generation; // answers for the previous sign-in are dropped
    m_running = false;
    m_again = false;
    if (account.isEmpty()) {
        m_timer->stop();
        setState(m_account && m_account->hasAccount() ? State::Waiting : State::NoAccount);
        return;
    }
    m_timer->start();
    syncNow();
}

QDateTime BusySync::lastSuccess() const
{
    return m_account ? m_account->store().lastSync() : QDateTime();
}

void BusySync::setState(State state, const QString &problem)
{
    if (state == m_state && problem == m_problem)
        return;
    m_state = state;
    m_problem = problem;
    Q_EMIT stateChanged(state);
}

void BusySync::syncNow()
{
    if (!m_account || !m_server || m_serverAccount.isEmpty())
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    if (!m_account->hasAccount()) {
        // Removed: the blocks it uploaded must not keep blocking the booking page.
        if (m_account->store().uploadedBusy(m_serverAccount).isEmpty()) {
            setState(State::NoAccount);
            return;
        }
        m_running = true;
        upload({});
        return;
    }
    m_running = true;
    setState(State::Syncing);
    const quint64 generation = m_generation;
    QPointer<BusySync> self(this);
    m_account->configure(m_client, [self, generation](const QString &problem) {
        if (!self || generation != self->m_generation)
            return;
        if (!problem.isEmpty()) {
            // Without the password nothing can be synced; what is stored still counts.
            self->upload(problem);
            return;
        }
        self->syncCalendar(0, self->m_account->busyCalendars(), {});
    });
}

void BusySync::syncCalendar(int index, QList<QUrl> calendars, QString problem)
{
    if (index >= calendars.size()) {
        upload(problem);
        return;
    }
    const QUrl calendar = calendars.at(index);
    const quint64 generation = m_generation;
    QPointer<BusySync> self(this);
    m_client->sync(
        m_account->store().syncState(calendar),
        [self, generation, index, calendars, problem](const CalDavSyncState &state, const CalDavError &error) mutable {
            if (!self || generation != self->m_generation || !self->m_account)
                return;
            if (error.isError()) {
                // The state handed back is the old one: the last good copy stays.
                if (problem.isEmpty())
                    problem = error.userMessage();
            } else if (self->m_account->busyCalendars().contains(state.calendarUrl)) {
                self->m_account->store().setSyncState(state);
                self->m_account->store().save();
            }
            self->syncCalendar(index + 1, calendars, problem);
        });
}

QList<BusyInterval> BusySync::calendarBusy(const QDateTime &from, const QDateTime &to) const
{
    QList<QByteArray> documents;
    if (m_account && m_account->hasAccount()) {
        const QList<QUrl> busy = m_account->busyCalendars();
        for (const QUrl &calendar : busy) {
            for (const CalDavResource &resource : m_account->store().syncState(calendar).resources)
                documents.append(resource.ics);
        }
    }
    return BusyTimes::expand(documents, from, to, m_zone ? m_zone() : QTimeZone::systemTimeZone());
}

void BusySync::upload(const QString &calendarProblem)
{
    // Whole UTC days: the window moves once a day, so an unchanged calendar means an unchanged body.
    const QDateTime now = m_clock->now().toUTC();
    const QDateTime from(now.date(), QTime(0, 0), QTimeZone::utc());
    const QDateTime to = from.addDays(WindowDays);
    QList<BusyInterval> intervals = calendarBusy(from, to);
    if (m_extra)
        intervals = BusyTimes::merge(intervals + m_extra(from, to));
    m_lastBusy = intervals;
    const QByteArray body = QJsonDocument(BusyTimes::toJson(intervals, from, to)).toJson(QJsonDocument::Compact);
    if (body == m_account->store().uploadedBusy(m_serverAccount)) {
        if (calendarProblem.isEmpty()) {
            m_account->store().setLastSync(now);
            m_account->store().save();
        }
        setState(calendarProblem.isEmpty() ? State::UpToDate : State::CalendarProblem, calendarProblem);
        done();
        return;
    }
    const quint64 generation = m_generation;
    const QString serverAccount = m_serverAccount;
    QPointer<BusySync> self(this);
    BusyTimes::upload(
        *m_server, intervals, from, to,
        [self, generation, serverAccount, body, now, calendarProblem](const ApiError &error) {
            if (!self || generation != self->m_generation || !self->m_account)
                return;
            if (error.isError()) {
                self->setState(State::ServerProblem,
                               tr("Lotse could not send your busy times to its server: %1").arg(error.userMessage()));
                self->done();
                return;
            }
            ++self->m_uploads;
            CalDavStore &store = self->m_account->store();
            store.setUploadedBusy(serverAccount, self->m_account->hasAccount() ? body : QByteArray());
            if (calendarProblem.isEmpty())
                store.setLastSync(now);
            store.save();
            if (!self->m_account->hasAccount())
                self->setState(State::NoAccount);
            else
                self->setState(calendarProblem.isEmpty() ? State::UpToDate : State::CalendarProblem, calendarProblem);
            self->done();
        });
}

void BusySync::done()
{
    m_running = false;
    Q_EMIT finished();
    if (std::exchange(m_again, false))
        syncNow();
}

} // namespace Lotse::Client
