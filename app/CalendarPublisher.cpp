#include "app/CalendarPublisher.h"

#include "app/CalDavAccount.h"
#include "app/CalDavClient.h"
#include "app/IcsEdit.h"
#include "app/RequestsModel.h"
#include "models/Clock.h"

#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

constexpr int RetryMs = 5 * 60 * 1000;

QString uidOf(const QString &bookingId)
{
    return bookingId + "@lotse"_L1;
}

bool isOurs(const QByteArray &ics, const QString &bookingId)
{
    return ics.contains(QByteArray("UID:" + uidOf(bookingId).toUtf8()));
}

} // namespace

CalendarPublisher::CalendarPublisher(CalDavAccount *account, RequestsModel *requests, const Models::Clock *clock,
                                     QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_requests(requests)
    , m_clock(clock)
    , m_client(new CalDavClient(this))
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setInterval(RetryMs);
    connect(m_retryTimer, &QTimer::timeout, this, &CalendarPublisher::schedule);
    connect(requests, &QAbstractItemModel::modelReset, this, &CalendarPublisher::schedule);
    connect(requests, &QAbstractItemModel::rowsInserted, this, &CalendarPublisher::schedule);
    connect(requests, &QAbstractItemModel::dataChanged, this, &CalendarPublisher::schedule);
    connect(requests, &QAbstractItemModel::layoutChanged, this, &CalendarPublisher::schedule);
    connect(account, &CalDavAccount::publishCalendarChanged, this, &CalendarPublisher::schedule);
}

CalendarPublisher::~CalendarPublisher() = default;

void CalendarPublisher::setAdvisorId(const QString &advisorId)
{
    if (advisorId == m_advisorId)
        return;
    m_advisorId = advisorId;
    ++m_generation;
    m_running = false;
    m_again = false;
    m_retryTimer->stop();
    if (!advisorId.isEmpty())
        schedule();
}

QString CalendarPublisher::summaryFor(const QString &type)
{
    if (type == "phone"_L1)
        return tr("Counselling (phone)");
    if (type == "onsite"_L1)
        return tr("Counselling (on site)");
    return tr("Counselling (video)");
}

std::optional<QByteArray> CalendarPublisher::rewrite(const QByteArray &ics, const QString &uid, const QDateTime &start,
                                                     const QDateTime &end, const QString &summary)
{
    // Edited as text, so what the advisor's calendar app added survives; the result must still be
    // a calendar KCalendarCore reads with the event where it should be.
    const std::optional<QByteArray> edited = IcsEdit::moveEvent(ics, uid, start, end, summary);
    if (!edited)
        return std::nullopt;
    auto calendar = KCalendarCore::MemoryCalendar::Ptr::create(QTimeZone::utc());
    KCalendarCore::ICalFormat format;
    if (!format.fromRawString(calendar, *edited))
        return std::nullopt;
    const KCalendarCore::Event::Ptr event = calendar->event(uid);
    if (!event || event->dtStart() != start || event->dtEnd() != end)
        return std::nullopt;
    return edited;
}

void CalendarPublisher::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    // Model signals come in bursts (a refresh changes many rows): one round for all of them.
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        run();
    });
}

void CalendarPublisher::run()
{
    if (m_running) {
        m_again = true;
        return;
    }
    if (m_advisorId.isEmpty() || !m_account || !m_account->hasAccount() || !m_requests)
        return;
    const QList<Operation> operations = plan();
    if (operations.isEmpty()) {
        finish({});
        return;
    }
    m_running = true;
    m_roundProblem.clear();
    const quint64 generation = m_generation;
    QPointer<CalendarPublisher> self(this);
    m_account->configure(m_client, [self, generation, operations](const QString &problem) {
        if (!self || generation != self->m_generation)
            return;
        if (!problem.isEmpty()) {
            self->finish(problem);
            return;
        }
        self->next(operations);
    });
}

QList<CalendarPublisher::Operation> CalendarPublisher::plan() const
{
    QList<Operation> operations;
    const QUrl target = m_account->publishCalendar();
    const QDateTime now = m_clock->now();
    const CalDavStore &store = m_account->store();
    QSet<QString> seen;
    for (int row = 0; row < m_requests->rowCount(); ++row) {
        const BookingRequest &request = m_requests->at(row);
        // Other advisors' bookings are theirs to publish.
        if (!request.isBooking() || request.advisorId != m_advisorId)
            continue;
        seen.insert(request.id);
        const auto published = store.published(request.id);
        const bool confirmed = request.status == "confirmed"_L1 && request.start.isValid() && request.end.isValid();
        const bool wanted = target.isValid() && confirmed && request.end > now;
        const Operation operation{Operation::Kind::Create, request.id, request.start.toUTC(), request.end.toUTC(),
                                  request.type};
        if (wanted && !published) {
            operations.append(operation);
        } else if (wanted && published->calendarUrl != target) {
            operations.append({Operation::Kind::Remove, request.id, {}, {}, {}});
            operations.append(operation);
        } else if (wanted && (published->start != operation.start || published->end != operation.end ||
                              published->type != operation.type || published->summary != summaryFor(request.type))) {
            operations.append({Operation::Kind::Update, request.id, operation.start, operation.end, request.type});
        } else if (published && (!confirmed || !target.isValid() || published->calendarUrl != target)) {
            // Cancelled, declined, moved back to pending, or the advisor chose another calendar
            // (or none). A confirmed appointment in the past stays where it is.
            operations.append({Operation::Kind::Remove, request.id, {}, {}, {}});
        }
    }
    // Bookings not in the list (another sign-in, not loaded yet) are left alone, unless the
    // advisor took Lotse out of that calendar.
    for (const CalDavStore::Published &published : store.allPublished()) {
        if (!seen.contains(published.bookingId) && published.calendarUrl != target)
            operations.append({Operation::Kind::Remove, published.bookingId, {}, {}, {}});
    }
    return operations;
}

void CalendarPublisher::next(QList<Operation> operations)
{
    if (operations.isEmpty()) {
        finish(m_roundProblem);
        return;
    }
    const Operation operation = operations.takeFirst();
    const quint64 generation = m_generation;
    QPointer<CalendarPublisher> self(this);
    Done done = [self, generation, operations](const CalDavError &error) {
        if (!self || generation != self->m_generation)
            return;
        if (error.isError() && self->m_roundProblem.isEmpty())
            self->m_roundProblem = error.userMessage();
        self->m_account->store().save();
        self->next(operations);
    };
    const auto published = m_account->store().published(operation.bookingId);
    switch (operation.kind) {
    case Operation::Kind::Create:
        create(operation, done);
        break;
    case Operation::Kind::Update:
        if (published)
            update(operation, *published, false, done);
        else
            create(operation, done);
        break;
    case Operation::Kind::Remove:
        if (published)
            remove(*published, false, done);
        else
            done({});
        break;
    }
}

void CalendarPublisher::create(const Operation &operation, Done done)
{
    const QUrl calendar = m_account->publishCalendar();
    if (!calendar.isValid())
        return done({});
    const QString name = operation.bookingId + ".ics"_L1;
    QUrl base = calendar;
    if (!base.path().endsWith(u'/'))
        base.setPath(base.path() + u'/');
    const QUrl url = base.resolved(QUrl(name));
    const QByteArray ics = CalDavClient::appointmentIcs(uidOf(operation.bookingId), operation.start, operation.end,
                                                        summaryFor(operation.type));
    QPointer<CalendarPublisher> self(this);
    m_client->put(calendar, name, ics, {},
                  [self, operation, calendar, url, ics, done](const QByteArray &etag, const CalDavError &error) {
                      if (!self)
                          return;
                      if (error.kind == CalDavError::Kind::Conflict) {
                          // Already there: published before this store knew it (or by another device).
                          self->adopt(operation, url, done);
                          return;
                      }
                      if (error.isError())
                          return done(error);
                      self->remember(operation, calendar, url, etag, ics);
                      done({});
                  });
}

void CalendarPublisher::adopt(const Operation &operation, const QUrl &url, Done done)
{
    QPointer<CalendarPublisher> self(this);
    m_client->get(url, [self, operation, url, done](const CalDavResource &resource, const CalDavError &error) {
        if (!self)
            return;
        if (error.isError())
            return done(error);
        if (!isOurs(resource.ics, operation.bookingId)) {
            // Someone else's event under this name: never touched.
            return done({CalDavError::Kind::Conflict, 412, u"foreign event at %1"_s.arg(url.toString())});
        }
        const QUrl calendar = self->m_account->publishCalendar();
        CalDavStore::Published published{
            operation.bookingId, calendar, url, resource.etag, resource.ics, {}, {}, {}, {}};
        self->m_account->store().setPublished(published);
        self->update(operation, published, true, done);
    });
}

void CalendarPublisher::update(const Operation &operation, const CalDavStore::Published &published, bool retried,
                               Done done)
{
    const QString summary = summaryFor(operation.type);
    const auto ics = rewrite(published.ics, uidOf(operation.bookingId), operation.start, operation.end, summary);
    QPointer<CalendarPublisher> self(this);
    // Reads the event again, then tries once more (a 412, or a stored copy that no longer parses).
    auto again = [self, operation, published, done] {
        self->m_client->get(published.url, [self, operation, published, done](const CalDavResource &resource,
                                                                              const CalDavError &error) {
            if (!self)
                return;
            if (error.kind == CalDavError::Kind::NotFound) {
                // Deleted in the calendar: the appointment still stands, so it goes in again.
                self->m_account->store().removePublished(operation.bookingId);
                return self->create(operation, done);
            }
            if (error.isError())
                return done(error);
            if (!isOurs(resource.ics, operation.bookingId))
                return done({CalDavError::Kind::Conflict, 412, u"not Lotse's event any more"_s});
            CalDavStore::Published fresh = published;
            fresh.etag = resource.etag;
            fresh.ics = resource.ics;
            self->update(operation, fresh, true, done);
        });
    };
    if (!ics) {
        if (retried)
            return done({CalDavError::Kind::InvalidResponse, 0, u"stored event does not parse"_s});
        return again();
    }
    const QString name = published.url.fileName(QUrl::FullyEncoded);
    QUrl calendar = published.url.adjusted(QUrl::RemoveFilename);
    m_client->put(
        calendar, name, *ics, published.etag,
        [self, operation, published, ics, retried, again, done](const QByteArray &etag, const CalDavError &error) {
            if (!self)
                return;
            if (error.kind == CalDavError::Kind::Conflict && !retried)
                return again();
            if (error.isError())
                return done(error);
            self->remember(operation, published.calendarUrl, published.url, etag, *ics);
            done({});
        });
}

void CalendarPublisher::remove(const CalDavStore::Published &published, bool retried, Done done)
{
    QPointer<CalendarPublisher> self(this);
    m_client->remove(published.url, published.etag, [self, published, retried, done](const CalDavError &error) {
        if (!self)
            return;
        if (!error.isError() || error.kind == CalDavError::Kind::NotFound) {
            self->m_account->store().removePublished(published.bookingId);
            return done({});
        }
        if (error.kind != CalDavError::Kind::Conflict || retried)
            return done(error);
        self->m_client->get(published.url,
                            [self, published, done](const CalDavResource &resource, const CalDavError &readError) {
                                if (!self)
                                    return;
                                if (readError.kind == CalDavError::Kind::NotFound) {
                                    self->m_account->store().removePublished(published.bookingId);
                                    return done({});
                                }
                                if (readError.isError())
                                    return done(readError);
                                if (!isOurs(resource.ics, published.bookingId)) {
                                    // Replaced by something that is not Lotse's: left alone, and forgotten.
                                    self->m_account->store().removePublished(published.bookingId);
                                    return done({});
                                }
                                CalDavStore::Published fresh = published;
                                fresh.etag = resource.etag;
                                self->remove(fresh, true, done);
                            });
    });
}

void CalendarPublisher::remember(const Operation &operation, const QUrl &calendar, const QUrl &url,
                                 const QByteArray &etag, const QByteArray &ics)
{
    CalDavStore::Published published{
        operation.bookingId,       calendar, url, etag, ics, operation.start, operation.end, operation.type,
        summaryFor(operation.type)};
    m_account->store().setPublished(published);
    if (etag.isEmpty()) {
        // Without an ETag the next update could not be made safely: ask for it.
        QPointer<CalendarPublisher> self(this);
        m_client->get(url, [self, published](const CalDavResource &resource, const CalDavError &error) {
            if (!self || error.isError() || !self->m_account)
                return;
            CalDavStore::Published known = published;
            known.etag = resource.etag;
            known.ics = resource.ics;
            self->m_account->store().setPublished(known);
            self->m_account->store().save();
        });
    }
}

void CalendarPublisher::finish(const QString &problem)
{
    m_running = false;
    m_problem = problem;
    if (!problem.isEmpty())
        m_retryTimer->start();
    Q_EMIT finished();
    if (std::exchange(m_again, false))
        schedule();
}

} // namespace Lotse::Client
