#include "app/RequestsService.h"

#include "app/DeviceKeys.h"
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/RequestsModel.h"
#include "app/ServerClient.h"
#include "app/Session.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
constexpr int DefaultPollMs = 60 * 1000;

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// A failure found before anything reached the server; the code tells the widget which sentence to show.
ApiError localError(const QString &code)
{
    ApiError error = ApiError::fromKind(ApiError::Kind::Other);
    error.code = code;
    return error;
}

RequestsService::Undo undoFrom(const QJsonObject &answer)
{
    const QJsonObject undo = answer.value("undo"_L1).toObject();
    const QDateTime until = QDateTime::fromString(undo.value("until"_L1).toString(), Qt::ISODate);
    if (!until.isValid())
        return {};
    return {undo.value("changeId"_L1).toString(), until.toUTC()};
}
} // namespace

RequestsService::RequestsService(Session *session, ServerClient *client, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_client(client)
    , m_model(new RequestsModel(this))
    , m_sync(new SyncEngine(client, this))
{
    m_sync->setPollInterval(DefaultPollMs);
    m_model->setOpener([this](QByteArrayView context, QByteArrayView envelope) -> Crypto::Result<QByteArray> {
        if (!m_session || !m_session->deviceKeys()->hasKeys())
            return Crypto::Error::InvalidKey;
        return m_session->deviceKeys()->openSealed(Crypto::SealPurpose::BookingFields, context, envelope);
    });
    connect(m_sync, &SyncEngine::itemsChanged, this, &RequestsService::reloadModel);
    connect(m_sync, &SyncEngine::statusChanged, this, [this] {
        const bool loading = m_sync->state() == SyncEngine::State::Syncing;
        if (loading != m_loading) {
            m_loading = loading;
            Q_EMIT loadingChanged(loading);
        }
    });
    connect(m_sync, &SyncEngine::synced, this, [this] {
        m_lastRefresh = QDateTime::currentDateTimeUtc();
        Q_EMIT refreshed();
    });
    connect(m_sync, &SyncEngine::writeFailed, this, &RequestsService::notice);
    connect(m_sync, &SyncEngine::sessionEnded, this, [this] {
        if (m_session)
            m_session->endExpiredSession();
    });
    connect(session, &Session::stateChanged, this, &RequestsService::onSessionState);
    onSessionState();
}

RequestsService::~RequestsService()
{
    m_sync->stop();
}

void RequestsService::setPollInterval(int milliseconds)
{
    m_sync->setPollInterval(milliseconds);
}

void RequestsService::onSessionState()
{
    if (m_session && m_session->state() == Session::State::SignedIn) {
        if (m_store)
            return;
        // Times are shown in the zone the advisor works in (their availability's), when set.
        const quint64 generation = m_generation;
        m_client->getJson(u"/api/v1/me/availability"_s, [this, guard = QPointer<RequestsService>(this),
                                                         generation](const QJsonObject &answer, const ApiError &error) {
            const QTimeZone zone(answer.value("timeZone"_L1).toString().toUtf8());
            if (guard && generation == m_generation && !error.isError() && zone.isValid())
                m_model->setAdvisorTimeZone(zone);
        });
        openStore();
        fetchLocations();
        return;
    }
    // Signed out (or switching): nothing of the last advisor stays on screen.
    ++m_generation;
    m_sync->stop();
    m_store.reset();
    m_locations.clear();
    m_model->clear();
    m_model->setAdvisorTimeZone(QTimeZone::systemTimeZone());
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
}

void RequestsService::openStore()
{
    m_store = std::make_unique<LocalStore>();
    const Crypto::SecretBytes &key = m_session->localStoreKey();
    bool opened = false;
    if (!key.isEmpty())
        opened = m_store->open(m_session->localStorePath(), key);
    if (!opened) {
        // No key or no writable place: a copy in memory for this session, so that writes still
        // queue and sync still works; nothing stays on disk.
        const Crypto::SecretBytes memoryKey = Crypto::SecretBytes::fromBytes(Crypto::randomBytes(32));
        if (!m_store->open(u":memory:"_s, memoryKey)) {
            m_store.reset();
            Q_EMIT refreshFailed(tr("Lotse could not keep a copy of your requests on this computer."));
            return;
        }
    }
    if (!m_store->problem().isEmpty())
        Q_EMIT notice(m_store->problem());
    reloadModel(); // what this device knew last time: shown at once, also without network
    m_sync->start(m_store.get());
}

void RequestsService::reloadModel()
{
    if (!m_store)
        return;
    m_model->setRequests(Outbox::requestsWithPendingChanges(*m_store));
}

void RequestsService::fetchLocations()
{
    // On-site requests name a location by id; its name and address come from the organisation.
    const quint64 generation = m_generation;
    m_client->getJson(u"/api/v1/org/locations"_s, [this, guard = QPointer<RequestsService>(this),
                                                   generation](const QJsonObject &answer, const ApiError &error) {
        if (!guard || generation != m_generation || error.isError())
            return;
        const QJsonArray list = answer.value("locations"_L1).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject location = value.toObject();
            const QString name = location.value("name"_L1).toString();
            const QString address = location.value("address"_L1).toString();
            m_locations.insert(location.value("id"_L1).toString(), address.isEmpty() ? name : name + u", "_s + address);
        }
    });
}

void RequestsService::refresh()
{
    if (!m_client || !m_session || m_session->state() != Session::State::SignedIn)
        return;
    if (m_locations.isEmpty())
        fetchLocations();
    m_sync->syncNow();
}

void RequestsService::act(const QString &path, const QJsonObject &body, DoneCallback done, ReplyCallback answer,
                          const QByteArray &method)
{
    act(method, path, body,
        [done = std::move(done), answer = std::move(answer)](const QJsonObject &reply, const ApiError &error) {
            if (!error.isError() && answer)
                answer(reply);
            done(error);
        });
}

void RequestsService::act(const QByteArray &verb, const QString &path, const QJsonObject &body, AnswerCallback done)
{
    if (!m_store || !m_session || m_session->state() != Session::State::SignedIn)
        return done({}, ApiError::fromKind(ApiError::Kind::NotSignedIn));
    LocalStore::OutboxEntry entry = Outbox::entryFor(*m_store, verb, path, body);
    auto kept = std::make_shared<AnswerCallback>(std::move(done));
    if (!m_sync->submit(std::move(entry),
                        [kept](const QJsonObject &answer, const ApiError &error) { (*kept)(answer, error); })) {
        ApiError error = ApiError::fromKind(ApiError::Kind::Other);
        error.serverMessage = tr("The change could not be stored on this computer, so it was not made.");
        (*kept)({}, error);
    }
}

void RequestsService::confirm(const QString &bookingId, DoneCallback done)
{
    act(u"/api/v1/bookings/%1/confirm"_s.arg(bookingId), {}, std::move(done));
}

void RequestsService::decline(const QString &bookingId, const QString &reason, DoneCallback done)
{
    act(u"/api/v1/bookings/%1/decline"_s.arg(bookingId), {{u"reason"_s, reason}}, std::move(done));
}

void RequestsService::propose(const QString &bookingId, const QDateTime &start, DoneCallback done)
{
    act(u"/api/v1/bookings/%1/propose"_s.arg(bookingId), {{u"start"_s, isoUtc(start)}}, std::move(done));
}

void RequestsService::markDone(const QString &messageId, DoneCallback done)
{
    act(u"/api/v1/messages/%1/done"_s.arg(messageId), {}, std::move(done));
}

void RequestsService::reschedule(const QString &bookingId, const QDateTime &start, const QDateTime &end,
                                 UndoCallback done)
{
    auto undo = std::make_shared<Undo>();
    act(
        u"/api/v1/bookings/%1/reschedule"_s.arg(bookingId), {{u"start"_s, isoUtc(start)}, {u"end"_s, isoUtc(end)}},
        [undo, done = std::move(done)](const ApiError &error) { done(*undo, error); },
        [undo](const QJsonObject &answer) { *undo = undoFrom(answer); });
}

void RequestsService::cancel(const QString &bookingId, const QString &reason, UndoCallback done)
{
    auto undo = std::make_shared<Undo>();
    QJsonObject body;
    if (!reason.trimmed().isEmpty())
        body.insert(u"reason"_s, reason.trimmed());
    act(
        u"/api/v1/bookings/%1/cancel"_s.arg(bookingId), body,
        [undo, done = std::move(done)](const ApiError &error) { done(*undo, error); },
        [undo](const QJsonObject &answer) { *undo = undoFrom(answer); });
}

void RequestsService::undo(const QString &bookingId, const QString &changeId, DoneCallback done)
{
    act(u"/api/v1/bookings/%1/undo"_s.arg(bookingId), {{u"changeId"_s, changeId}}, std::move(done));
}

void RequestsService::setNote(const QString &bookingId, const QString &plaintext, DoneCallback done)
{
    if (!m_client || !m_session || !m_session->deviceKeys()->hasKeys())
        return done(ApiError::fromKind(ApiError::Kind::NotSignedIn));
    if (plaintext.size() > MaxNoteLength)
        return done(localError(u"note_too_long"_s));
    const QString path = u"/api/v1/bookings/%1/note"_s.arg(bookingId);
    if (plaintext.trimmed().isEmpty())
        return act(path, {{u"sealed"_s, QJsonValue::Null}}, std::move(done), {}, "PUT"_ba);
    // Sealed to every active advisor device of the organisation, so colleagues' devices (and this
    // one after a restart) can read it; the server keeps only the envelope.
    const QByteArray ownKey = m_session->deviceKeys()->publicKeys().x25519;
    const quint64 generation = m_generation;
    m_client->listDevices([this, guard = QPointer<RequestsService>(this), generation, bookingId, path, ownKey,
                           plaintext, done = std::move(done)](const QList<RegisteredDevice> &devices,
                                                              const ApiError &error) mutable {
        if (!guard || generation != m_generation)
            return;
        if (error.isError())
            return done(error);
        QList<QByteArray> keys;
        for (const RegisteredDevice &device : devices) {
            const auto key = Crypto::fromBase64Url(device.x25519);
            if (key && key->size() == 32 && !keys.contains(*key))
                keys.append(*key);
        }
        // Without this device among them the advisor could not read back what they wrote.
        if (!keys.contains(ownKey))
            return done(localError(u"device_not_registered"_s));
        const auto sealed = Crypto::SealedEnvelope::seal(keys, Crypto::SealPurpose::BookingFields,
                                                         QByteArray("note:" + bookingId.toUtf8()), plaintext.toUtf8());
        if (!sealed)
            return done(localError(u"seal_failed"_s));
        act(path, QJsonObject{{u"sealed"_s, Crypto::toBase64Url(*sealed)}}, std::move(done), {}, "PUT"_ba);
    });
}

QString RequestsService::noteText(const QString &bookingId) const
{
    const BookingRequest *request = m_model->request(bookingId);
    if (!request || request->note.isEmpty() || !m_session || !m_session->deviceKeys()->hasKeys())
        return {};
    const auto plain =
        m_session->deviceKeys()->openSealed(Crypto::SealPurpose::BookingFields, request->noteContext(), request->note);
    return plain ? QString::fromUtf8(*plain) : QString();
}

void RequestsService::freeSlotsFor(const QString &bookingId, int days, SlotsCallback done)
{
    freeSlotsFor(bookingId, QDateTime::currentDateTimeUtc(), days, std::move(done));
}

void RequestsService::freeSlotsFor(const QString &bookingId, const QDateTime &from, int days, SlotsCallback done)
{
    const BookingRequest *request = m_model->request(bookingId);
    if (!m_client || !m_session || !request || !request->isBooking() || !from.isValid())
        return done({}, ApiError::fromKind(ApiError::Kind::Other));
    QUrlQuery query;
    query.addQueryItem(u"type"_s, request->type);
    query.addQueryItem(u"from"_s, isoUtc(from.toUTC()));
    query.addQueryItem(u"to"_s, isoUtc(from.addDays(days)));
    query.addQueryItem(u"advisor"_s, request->advisorId.isEmpty() ? m_session->advisor().id : request->advisorId);
    if (!request->locationId.isEmpty())
        query.addQueryItem(u"location"_s, request->locationId);
    const QString path = u"/api/v1/public/orgs/%1/slots?%2"_s.arg(m_session->advisor().organisationSlug,
                                                                  query.toString(QUrl::FullyEncoded));
    m_client->getJson(path, [done = std::move(done)](const QJsonObject &answer, const ApiError &error) {
        QList<Slot> freeSlots;
        if (error.isError())
            return done(freeSlots, error);
        const QJsonArray list = answer.value("slots"_L1).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject slot = value.toObject();
            const QDateTime start = QDateTime::fromString(slot.value("start"_L1).toString(), Qt::ISODate);
            const QDateTime end = QDateTime::fromString(slot.value("end"_L1).toString(), Qt::ISODate);
            if (start.isValid() && end.isValid())
                freeSlots.append({start.toUTC(), end.toUTC()});
        }
        done(freeSlots, {});
    });
}

} // namespace Lotse::Client
