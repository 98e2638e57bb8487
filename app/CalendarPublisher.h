#pragma once

#include "app/CalDavStore.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace Lotse::Models {
class Clock;
}

namespace Lotse::Client {

class CalDavAccount;
class CalDavClient;
class RequestsModel;
struct BookingRequest;

// Puts the advisor's confirmed appointments into the calendar they chose, as events without
// personal data ("Counselling (video)", UID <bookingId>@lotse, times in UTC), follows reschedules
// (If-Match, starting from the server's raw ICS so properties added elsewhere survive) and removes
// them on cancel or decline. It only ever touches events it created itself.
class CalendarPublisher : public QObject
{
    Q_OBJECT

public:
    CalendarPublisher(CalDavAccount *account, RequestsModel *requests, const Models::Clock *clock,
                      QObject *parent = nullptr);
    ~CalendarPublisher() override;

    // The signed-in advisor, whose bookings are published; empty while signed out (nothing runs).
    void setAdvisorId(const QString &advisorId);
    [[nodiscard]] bool isBusy() const { return m_running || m_scheduled; }
    // The last round's problem for the advisor; empty when all went out.
    [[nodiscard]] QString problem() const { return m_problem; }

    // The event's title in the app's current language.
    [[nodiscard]] static QString summaryFor(const QString &type);
    // `ics` with the event `uid` moved to [start, end) and retitled; nullopt when it has no such event.
    [[nodiscard]] static std::optional<QByteArray> rewrite(const QByteArray &ics, const QString &uid,
                                                           const QDateTime &start, const QDateTime &end,
                                                           const QString &summary);

public Q_SLOTS:
    // Compares the bookings with what was published and sends the differences (soon, once).
    void schedule();

Q_SIGNALS:
    // A round finished; `problem()` says whether all went out.
    void finished();

private:
    struct Operation
    {
        enum class Kind
        {
            Create,
            Update,
            Remove,
        };
        Kind kind;
        QString bookingId;
        QDateTime start;
        QDateTime end;
        QString type;
    };
    using Done = std::function<void(const CalDavError &error)>;

    void run();
    [[nodiscard]] QList<Operation> plan() const;
    void next(QList<Operation> operations);
    void create(const Operation &operation, Done done);
    void update(const Operation &operation, const CalDavStore::Published &published, bool retried, Done done);
    void remove(const CalDavStore::Published &published, bool retried, Done done);
    void adopt(const Operation &operation, const QUrl &url, Done done);
    void remember(const Operation &operation, const QUrl &calendar, const QUrl &url, const QByteArray &etag,
                  const QByteArray &ics);
    void finish(const QString &problem);

    QPointer<CalDavAccount> m_account;
    QPointer<RequestsModel> m_requests;
    const Models::Clock *m_clock;
    CalDavClient *m_client;
    QTimer *m_retryTimer;
    QString m_advisorId;
    QString m_problem;
    QString m_roundProblem;
    bool m_running = false;
    bool m_scheduled = false;
    bool m_again = false;
    quint64 m_generation = 0;
};

} // namespace Lotse::Client
