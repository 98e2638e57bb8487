#include "app/InstantQueue.h"

#include "app/DeviceKeys.h"
#include "app/RoomService.h"
#include "app/ServerClient.h"
#include "app/Session.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"

#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
constexpr int PollIntervalMs = 20'000;
constexpr int MaxNameLength = 200;
} // namespace

InstantQueue::InstantQueue(Session *session, ServerClient *client, RoomService *rooms, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_client(client)
    , m_rooms(rooms)
    , m_pollTimer(new QTimer(this))
{
    // The relay says when the queue changed; the poll only covers a lost socket.
    m_pollTimer->setInterval(PollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &InstantQueue::refresh);
    connect(rooms, &RoomService::queueChanged, this, &InstantQueue::refresh);
    connect(session, &Session::stateChanged, this, &InstantQueue::onSessionState);
    onSessionState();
}

InstantQueue::~InstantQueue() = default;

void InstantQueue::onSessionState()
{
    ++m_generation;
    m_loading = false;
    if (m_session && m_session->state() == Session::State::SignedIn) {
        m_pollTimer->start();
        refresh();
        return;
    }
    m_pollTimer->stop();
    m_names.clear();
    if (!m_calls.isEmpty()) {
        m_calls.clear();
        Q_EMIT changed();
    }
}

QString InstantQueue::openName(const QString &instantId, const QString &sealed) const
{
    const auto bytes = Crypto::fromBase64Url(sealed);
    if (!bytes || !m_session || !m_session->deviceKeys())
        return {};
    const auto plain = m_session->deviceKeys()->openSealed(Crypto::SealPurpose::BookingFields,
                                                           u"instant:%1"_s.arg(instantId).toUtf8(), *bytes);
    if (!plain)
        return {};
    const auto json = Crypto::CanonicalJson::parse(*plain);
    if (!json || !json->isObject())
        return {};
    QString name = json->toObject().value("name"_L1).toString().simplified();
    name.removeIf([](QChar c) { return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format; });
    return name.left(MaxNameLength);
}

void InstantQueue::refresh()
{
    if (!m_client || !m_session || m_session->state() != Session::State::SignedIn)
        return;
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    const quint64 generation = m_generation;
    m_client->getJson(u"/api/v1/instant/queue"_s, [this, guard = QPointer<InstantQueue>(this),
                                                   generation](const QJsonObject &answer, const ApiError &error) {
        if (!guard || generation != m_generation)
            return;
        m_loading = false;
        if (!error.isError()) {
            QList<WaitingCall> calls;
            int arrivals = 0;
            for (const QJsonValue &value : answer.value("queue"_L1).toArray()) {
                const QJsonObject json = value.toObject();
                WaitingCall call;
                call.id = json.value("id"_L1).toString();
                if (call.id.isEmpty())
                    continue;
                if (!m_names.contains(call.id)) {
                    m_names.insert(call.id, openName(call.id, json.value("sealedName"_L1).toString()));
                    ++arrivals;
                }
                call.name = m_names.value(call.id);
                call.language = json.value("language"_L1).toString().left(8);
                call.position = json.value("position"_L1).toInt();
                call.waitingSeconds = qMax<qint64>(0, json.value("waitingSeconds"_L1).toInteger());
                call.sinceFetch.start();
                calls.append(call);
            }
            m_calls = calls;
            Q_EMIT changed();
            if (arrivals > 0)
                Q_EMIT newArrival(arrivals);
        }
        if (std::exchange(m_again, false))
            refresh();
    });
}

void InstantQueue::take(const QString &instantId, TakeCallback done)
{
    takeAt(u"/api/v1/instant/%1/take"_s.arg(instantId), std::move(done));
}

void InstantQueue::takeNext(TakeCallback done)
{
    takeAt(u"/api/v1/instant/take-next"_s, std::move(done));
}

void InstantQueue::takeAt(const QString &path, TakeCallback done)
{
    if (!m_client)
        return done(TakeResult::Failed, {}, tr("Not connected."));
    m_client->postJson(
        path, {},
        [this, guard = QPointer<InstantQueue>(this), done = std::move(done)](const QJsonObject &answer,
                                                                             const ApiError &error) {
            if (!guard)
                return;
            if (error.isError()) {
                refresh();
                if (error.code == "already_taken"_L1)
                    return done(TakeResult::AlreadyTaken, {},
                                tr("A colleague has already taken this call. It is no longer in the queue."));
                if (error.code == "no_longer_waiting"_L1)
                    return done(TakeResult::NoLongerWaiting, {}, tr("This person is no longer waiting."));
                if (error.code == "queue_empty"_L1)
                    return done(TakeResult::QueueEmpty, {}, tr("Nobody is waiting right now."));
                return done(TakeResult::Failed, {}, error.userMessage());
            }
            const QJsonObject instant = answer.value("instant"_L1).toObject();
            const QJsonObject room = answer.value("room"_L1).toObject();
            const QString instantId = instant.value("id"_L1).toString();
            if (m_rooms) {
                m_rooms->adoptRoom(room);
                m_rooms->rememberInstantName(instantId, m_names.value(instantId));
            }
            refresh();
            done(TakeResult::Taken, room.value("id"_L1).toString(), {});
        });
}

} // namespace Lotse::Client
