#include "app/RoomService.h"

#include "app/DeviceKeys.h"
#include "app/Profile.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/RoomSocket.h"
#include "app/ServerClient.h"
#include "app/Session.h"

#include "crypto/CanonicalJson.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/FileStream.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/SealedEnvelope.h"
#include "crypto/ShortAuthCode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

constexpr int PollIntervalMs = 60'000;
constexpr int MaxEpochAttempts = 3;
constexpr qsizetype MaxSignalBytes = 64 * 1024; // an SDP with every codec line stays far below

QByteArray roomKeyContext(const QString &roomId, quint32 epoch)
{
    return u"room:%1:%2"_s.arg(roomId).arg(epoch).toUtf8();
}

QString settingsKey(const QString &roomId, const char *what)
{
    return u"rooms/%1/%2"_s.arg(roomId, QLatin1StringView(what));
}

QDateTime parseTime(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

bool isRoomId(const QString &id)
{
    const QUuid uuid(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

} // namespace

RoomService::RoomService(const Profile &profile, Session *session, ServerClient *client, RequestsService *requests,
                         QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_session(session)
    , m_client(client)
    , m_requests(requests)
    , m_socket(new RoomSocket(this))
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setInterval(PollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &RoomService::refresh);
    connect(m_socket, &RoomSocket::ready, this, &RoomService::onSocketReady);
    connect(m_socket, &RoomSocket::messageReceived, this, &RoomService::onFrame);
    connect(m_socket, &RoomSocket::disconnected, this, [this] {
        for (auto &[id, room] : m_rooms) {
            room->joined = false;
            room->syncing = false;
            room->signalsFrom = -1;
        }
    });
    connect(m_socket, &RoomSocket::sessionEnded, this, [this] {
        if (m_session)
            m_session->endExpiredSession();
    });
    connect(session, &Session::stateChanged, this, &RoomService::onSessionState);
    // Names come from the bookings' sealed fields, opened by the requests service.
    if (requests) {
        connect(requests, &RequestsService::refreshed, this, [this] {
            for (auto &[id, room] : m_rooms)
                applyTitle(*room);
            Q_EMIT roomsChanged();
        });
    }
    onSessionState();
}

RoomService::~RoomService() = default;

const Room *RoomService::room(const QString &id) const
{
    const auto it = m_rooms.find(id);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

Room *RoomService::find(const QString &id)
{
    const auto it = m_rooms.find(id);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

int RoomService::totalUnread() const
{
    int total = 0;
    for (const auto &[id, room] : m_rooms)
        total += room->unread;
    return total;
}

void RoomService::onSessionState()
{
    ++m_generation;
    const bool signedIn = m_session && m_session->state() == Session::State::SignedIn;
    if (!signedIn) {
        m_socket->close();
        m_pollTimer->stop();
        const bool had = !m_rooms.empty();
        m_rooms.clear(); // decrypted history and room keys leave memory with the session
        m_order.clear();
        m_current.clear();
        m_instantNames.clear();
        m_inCall.clear();
        m_myKeyId.clear();
        m_myX25519.clear();
        if (had) {
            Q_EMIT roomsChanged();
            Q_EMIT unreadChanged(0);
        }
        return;
    }
    if (!m_session->deviceKeys() || !m_session->deviceKeys()->hasKeys())
        return;
    m_myX25519 = m_session->deviceKeys()->publicKeys().x25519;
    m_myKeyId = Crypto::toBase64Url(Crypto::keyId(m_myX25519));
    m_socket->open(m_client->baseUrl(), m_client->token());
    m_pollTimer->start();
    refresh();
}

void RoomService::refresh()
{
    if (!m_client || m_myKeyId.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_client->getJson(u"/api/v1/rooms"_s, [this, guard = QPointer<RoomService>(this),
                                           generation](const QJsonObject &answer, const ApiError &error) {
        if (!guard || generation != m_generation || error.isError())
            return;
        for (const QJsonValue &value : answer.value("rooms"_L1).toArray())
            adoptRoom(value.toObject());
        reorder();
        Q_EMIT roomsChanged();
    });
}

void RoomService::adoptRoom(const QJsonObject &json)
{
    const QString id = json.value("id"_L1).toString();
    if (!isRoomId(id))
        return;
    Room *room = find(id);
    const bool isNew = !room;
    if (isNew) {
        auto created = std::make_unique<Room>();
        room = created.get();
        room->id = id;
        auto settings = m_profile.settings();
        room->lastReadSeq = settings->value(settingsKey(id, "lastRead")).toLongLong();
        m_rooms.emplace(id, std::move(created));
    }
    room->kind = json.value("kind"_L1).toString();
    room->bookingId = json.value("bookingId"_L1).toString();
    room->instantId = json.value("instantId"_L1).toString();
    room->createdAt = parseTime(json.value("createdAt"_L1));
    const QDateTime activity = parseTime(json.value("lastActivityAt"_L1));
    if (activity.isValid() && (!room->lastActivity.isValid() || activity > room->lastActivity))
        room->lastActivity = activity;
    applyTitle(*room);
    if (isNew) {
        m_order.append(id);
        if (m_socket->isReady() && int(m_order.size()) <= MaxJoinedRooms)
            join(*room);
        reorder();
        Q_EMIT roomsChanged();
    }
}

void RoomService::rememberInstantName(const QString &instantId, const QString &name)
{
    m_instantNames.insert(instantId, name);
    for (auto &[id, room] : m_rooms) {
        if (room->instantId == instantId) {
            applyTitle(*room);
            Q_EMIT roomChanged(id);
        }
    }
}

void RoomService::applyTitle(Room &room)
{
    if (room.kind == "instant"_L1) {
        room.title = m_instantNames.value(room.instantId);
        return;
    }
    if (!m_requests)
        return;
    if (const BookingRequest *request = m_requests->model()->request(room.bookingId))
        room.title = request->fullName();
}

void RoomService::reorder()
{
    std::stable_sort(m_order.begin(), m_order.end(), [this](const QString &a, const QString &b) {
        const Room *ra = room(a);
        const Room *rb = room(b);
        const QDateTime ta = ra->lastActivity.isValid() ? ra->lastActivity : ra->createdAt;
        const QDateTime tb = rb->lastActivity.isValid() ? rb->lastActivity : rb->createdAt;
        return ta > tb;
    });
}

void RoomService::setCurrentRoom(const QString &id)
{
    m_current = id;
    if (Room *room = find(id))
        updateUnread(*room);
}

void RoomService::updateUnread(Room &room)
{
    if (room.id == m_current && !room.entries.isEmpty()) {
        qint64 last = 0;
        for (const ChatEntry &entry : std::as_const(room.entries))
            last = qMax(last, entry.seq);
        if (last > room.lastReadSeq) {
            room.lastReadSeq = last;
            m_profile.settings()->setValue(settingsKey(room.id, "lastRead"), last);
        }
    }
    int unread = 0;
    for (const ChatEntry &entry : std::as_const(room.entries)) {
        if (!entry.mine && entry.seq > room.lastReadSeq)
            ++unread;
    }
    if (unread != room.unread) {
        room.unread = unread;
        Q_EMIT unreadChanged(totalUnread());
    }
}

void RoomService::onSocketReady()
{
    int joined = 0;
    for (const QString &id : std::as_const(m_order)) {
        if (++joined > MaxJoinedRooms)
            break;
        join(*find(id));
    }
}

void RoomService::join(Room &room)
{
    room.joined = false;
    m_socket->send({{u"type"_s, u"join"_s}, {u"room"_s, room.id}, {u"keyId"_s, m_myKeyId}});
}

void RoomService::onFrame(const QJsonObject &frame)
{
    const QString type = frame.value("type"_L1).toString();
    if (type == "queue_changed"_L1) {
        Q_EMIT queueChanged();
        return;
    }
    Room *room = find(frame.value("room"_L1).toString());
    if (type == "error"_L1) {
        const QString clientId = frame.value("clientId"_L1).toString();
        if (room && !clientId.isEmpty()) {
            for (ChatEntry &entry : room->entries) {
                if (entry.clientId == clientId && entry.state == ChatEntry::State::Sending)
                    entry.state = ChatEntry::State::Failed;
            }
            Q_EMIT roomChanged(room->id);
        }
        return;
    }
    if (!room)
        return;
    if (type == "joined"_L1) {
        room->joined = true;
        // Every join looks at the participants again (API.md: keys may have changed meanwhile).
        reloadKeys(room->id);
    } else if (type == "keys_changed"_L1 || type == "epoch_changed"_L1) {
        // A participant came or went, or someone started a new epoch: keys and envelopes again.
        reloadKeys(room->id);
    } else if (type == "message"_L1) {
        if (!room->ready || room->keysLoading)
            room->waiting.append(frame);
        else
            handleMessage(*room, frame, !room->syncing);
    } else if (type == "synced"_L1) {
        if (frame.value("more"_L1).toBool()) {
            sync(*room);
            return;
        }
        room->syncing = false;
        if (room->signalsFrom < 0)
            room->signalsFrom = room->heldSeq;
        // Messages that never reached the relay go out again with their clientId (the server
        // stores a clientId once, so nothing is doubled).
        for (ChatEntry &entry : room->entries) {
            if (entry.seq == 0 && entry.state != ChatEntry::State::Sent)
                transmit(*room, entry);
        }
        updateUnread(*room);
        Q_EMIT roomChanged(room->id);
    } else if (type == "ack"_L1) {
        const QString clientId = frame.value("clientId"_L1).toString();
        for (ChatEntry &entry : room->entries) {
            if (entry.clientId != clientId || entry.seq != 0)
                continue;
            entry.state = ChatEntry::State::Sent;
            entry.seq = frame.value("seq"_L1).toInteger();
            if (const QDateTime at = parseTime(frame.value("at"_L1)); at.isValid())
                entry.at = at;
            room->heldSeq = qMax(room->heldSeq, entry.seq);
            room->lastActivity = entry.at;
        }
        Q_EMIT roomChanged(room->id);
    }
}

QStringList RoomService::participantKeyIds(const Room &room) const
{
    QStringList ids;
    // Interpreters come and go with the advisor's invitation: no key change to confirm.
    for (const RoomParticipant &participant : room.participants) {
        if (participant.kind != "interpreter"_L1)
            ids.append(participant.keyId);
    }
    ids.sort();
    return ids;
}

void RoomService::reloadKeys(const QString &id)
{
    Room *room = find(id);
    if (!room)
        return;
    // One look at a time: two in parallel could both find no epoch and post two different keys
    // for epoch 1 (the server accepts more envelopes for an epoch from the same caller).
    if (room->keysLoading)
        room->keysAgain = true;
    else
        loadKeys(id);
}

void RoomService::loadKeys(const QString &roomId)
{
    Room *existing = find(roomId);
    if (!existing)
        return;
    existing->keysLoading = true;
    const quint64 generation = m_generation;
    m_client->getJson(u"/api/v1/rooms/%1/keys"_s.arg(roomId), [this, guard = QPointer<RoomService>(this), generation,
                                                               roomId](const QJsonObject &answer,
                                                                       const ApiError &error) {
        Room *target = guard && generation == m_generation ? find(roomId) : nullptr;
        if (!target)
            return;
        if (error.isError()) {
            target->keysLoading = false;
            target->problem = error.userMessage();
            Q_EMIT roomChanged(roomId);
            return;
        }
        Room *room = target;
        // Only keys that prove themselves: an advisor device's self-signature (FORMAT.md §9), a
        // key id that is really the key's, a visitor key that is a valid point.
        QList<RoomParticipant> participants;
        for (const QJsonValue &value : answer.value("participants"_L1).toArray()) {
            const QJsonObject json = value.toObject();
            RoomParticipant participant;
            participant.kind = json.value("kind"_L1).toString();
            participant.keyId = json.value("keyId"_L1).toString();
            participant.displayName = json.value("displayName"_L1).toString().left(200);
            const auto x25519 = Crypto::fromBase64Url(json.value("x25519"_L1).toString());
            if (!x25519 || !Crypto::checkEncryptionPublicKey(*x25519).ok())
                continue;
            if (Crypto::toBase64Url(Crypto::keyId(*x25519)) != participant.keyId)
                continue;
            if (participant.kind == "advisor"_L1) {
                const auto keys =
                    Crypto::DevicePublicKeys::fromJson(QJsonObject{{u"x25519"_s, json.value("x25519"_L1)},
                                                                   {u"ed25519"_s, json.value("ed25519"_L1)},
                                                                   {u"signature"_s, json.value("signature"_L1)}});
                if (!keys || !Crypto::verifyDeviceKeys(*keys).ok())
                    continue;
            } else if (participant.kind == "interpreter"_L1) {
                participant.interpreterId = json.value("interpreterId"_L1).toString().left(64);
            } else if (participant.kind != "visitor"_L1) {
                continue;
            }
            participant.x25519 = *x25519;
            participants.append(participant);
        }
        room->participants = participants;
        room->verificationCode.clear();
        for (const RoomParticipant &participant : std::as_const(participants)) {
            if (participant.kind == "visitor"_L1) {
                if (const auto code = Crypto::shortAuthenticationCode(m_myX25519, participant.x25519, roomId.toUtf8()))
                    room->verificationCode = *code;
            }
        }
        // Key change: the participants differ from those the advisor last saw and confirmed.
        const QStringList ids = participantKeyIds(*room);
        auto settings = m_profile.settings();
        const QString key = settingsKey(roomId, "seenKeys");
        if (!settings->contains(key))
            settings->setValue(key, ids);
        else if (settings->value(key).toStringList() != ids)
            room->keysChanged = true;
        loadEnvelopes(roomId);
    });
}

void RoomService::loadEnvelopes(const QString &roomId)
{
    const quint64 generation = m_generation;
    m_client->getJson(u"/api/v1/rooms/%1/envelopes?keyId=%2"_s.arg(roomId, m_myKeyId),
                      [this, guard = QPointer<RoomService>(this), generation, roomId](const QJsonObject &answer,
                                                                                      const ApiError &error) {
                          Room *room = guard && generation == m_generation ? find(roomId) : nullptr;
                          if (!room)
                              return;
                          if (error.isError()) {
                              room->keysLoading = false;
                              room->problem = error.userMessage();
                              Q_EMIT roomChanged(roomId);
                              return;
                          }
                          const QJsonValue current = answer.value("currentEpoch"_L1);
                          const quint32 currentEpoch = current.isDouble() ? quint32(current.toInteger()) : 0;
                          QSet<QByteArray> recipients;
                          for (const QJsonValue &value : answer.value("envelopes"_L1).toArray()) {
                              const QJsonObject json = value.toObject();
                              const qint64 epoch = json.value("epoch"_L1).toInteger(-1);
                              const auto sealed = Crypto::fromBase64Url(json.value("sealed"_L1).toString());
                              if (epoch < 0 || epoch > 0xFFFFFFFFLL || !sealed)
                                  continue;
                              const auto key = m_session->deviceKeys()->openSealed(
                                  Crypto::SealPurpose::RoomKey, roomKeyContext(roomId, quint32(epoch)), *sealed);
                              if (!key || key->size() != Crypto::RecordEnvelope::KeySize)
                                  continue;
                              room->keys.insert_or_assign(quint32(epoch), Crypto::SecretBytes::fromBytes(*key));
                              if (quint32(epoch) == currentEpoch) {
                                  if (const auto ids = Crypto::SealedEnvelope::recipientKeyIds(*sealed))
                                      for (const QByteArray &id : *ids)
                                          recipients.insert(id);
                              }
                          }
                          room->currentEpoch = currentEpoch;
                          room->currentRecipients = recipients;

                          QSet<QByteArray> participants;
                          for (const RoomParticipant &participant : std::as_const(room->participants))
                              participants.insert(Crypto::keyId(participant.x25519));
                          if (currentEpoch == 0)
                              return makeEpoch(roomId, 1);
                          // A new device, or one gone: an advisor starts the next epoch (CONTRACT-6 part B).
                          if (!room->keys.contains(currentEpoch) || recipients != participants)
                              return makeEpoch(roomId, currentEpoch + 1);
                          keysReady(*room);
                      });
}

void RoomService::makeEpoch(const QString &roomId, quint32 epoch)
{
    Room *room = find(roomId);
    if (!room)
        return;
    if (++room->epochAttempts > MaxEpochAttempts) {
        room->problem = tr("The conversation's key could not be set up. Please try again later.");
        keysReady(*room);
        return;
    }
    QList<QByteArray> recipients;
    for (const RoomParticipant &participant : std::as_const(room->participants))
        recipients.append(participant.x25519);
    const QByteArray key = Crypto::randomBytes(Crypto::RecordEnvelope::KeySize);
    const auto sealed =
        Crypto::SealedEnvelope::seal(recipients, Crypto::SealPurpose::RoomKey, roomKeyContext(roomId, epoch), key);
    if (!sealed) {
        room->problem = tr("The conversation's key could not be set up. Please try again later.");
        keysReady(*room);
        return;
    }
    const QJsonObject body{
        {u"epoch"_s, qint64(epoch)}, {u"sealed"_s, Crypto::toBase64Url(*sealed)}, {u"senderKeyId"_s, m_myKeyId}};
    const quint64 generation = m_generation;
    auto secret = std::make_shared<Crypto::SecretBytes>(Crypto::SecretBytes::fromBytes(key));
    m_client->postJson(u"/api/v1/rooms/%1/envelopes"_s.arg(roomId), body,
                       [this, guard = QPointer<RoomService>(this), generation, roomId, epoch,
                        secret](const QJsonObject &, const ApiError &error) {
                           Room *target = guard && generation == m_generation ? find(roomId) : nullptr;
                           if (!target)
                               return;
                           if (error.code == "epoch_conflict"_L1)
                               return loadEnvelopes(roomId); // someone else was first: use theirs
                           if (error.isError()) {
                               target->problem = error.userMessage();
                               keysReady(*target);
                               return;
                           }
                           target->keys.insert_or_assign(epoch, std::move(*secret));
                           target->currentEpoch = epoch;
                           keysReady(*target);
                       });
}

void RoomService::keysReady(Room &room)
{
    room.keysLoading = false;
    room.epochAttempts = 0;
    if (room.keys.contains(room.currentEpoch)) {
        room.problem.clear();
        if (room.announcedEpoch != room.currentEpoch) {
            room.announcedEpoch = room.currentEpoch;
            Q_EMIT epochChanged(room.id, room.currentEpoch);
        }
    }
    room.ready = true;
    const QList<QJsonObject> waiting = std::exchange(room.waiting, {});
    for (const QJsonObject &event : waiting)
        handleMessage(room, event, true);
    if (room.joined)
        sync(room);
    Q_EMIT roomChanged(room.id);
    if (std::exchange(room.keysAgain, false))
        loadKeys(room.id);
}

void RoomService::sync(Room &room)
{
    room.syncing = true;
    m_socket->send({{u"type"_s, u"sync"_s}, {u"room"_s, room.id}, {u"after"_s, room.heldSeq}});
}

void RoomService::handleMessage(Room &room, const QJsonObject &event, bool live)
{
    const qint64 seq = event.value("seq"_L1).toInteger();
    if (seq <= 0)
        return;
    for (const ChatEntry &existing : std::as_const(room.entries)) {
        if (existing.seq == seq)
            return; // already held (a sync overlapping a live message)
    }
    ChatEntry entry;
    entry.seq = seq;
    entry.at = parseTime(event.value("at"_L1));
    entry.sender = event.value("sender"_L1).toString();
    entry.mine = entry.sender == m_myKeyId;
    entry.kind = ChatEntry::Kind::Undecryptable;
    const QString envelopeText = event.value("envelope"_L1).toString();

    // Our own record coming back in a sync: the outbox entry it belongs to is sent.
    if (entry.mine) {
        for (ChatEntry &pending : room.entries) {
            if (pending.seq == 0 && pending.envelope == envelopeText) {
                pending.seq = seq;
                pending.state = ChatEntry::State::Sent;
                pending.at = entry.at;
                room.heldSeq = qMax(room.heldSeq, seq);
                return;
            }
        }
    }

    const auto envelope = Crypto::fromBase64Url(envelopeText);
    const auto sender = Crypto::fromBase64Url(entry.sender);
    const auto header = envelope ? Crypto::RecordEnvelope::peek(*envelope)
                                 : Crypto::Result<Crypto::RecordHeader>(Crypto::Error::MalformedInput);
    if (envelope && header && header->purpose == Crypto::RecordPurpose::RoomControl) {
        // A call's signal (FORMAT.md §18): the call page's business, nothing to show here. Our own
        // still counts for the sequence, which is one counter per sender and epoch.
        if (entry.mine)
            room.nextSequence[header->epoch] = qMax(room.nextSequence.value(header->epoch), header->sequence + 1);
        room.heldSeq = qMax(room.heldSeq, seq);
        // Only live ones: a signal from the history belongs to a call that is over. Not `live`: a
        // signal may arrive while a sync (after a new epoch) is under way and must not be lost; one
        // seen twice (live, then in a sync) does not open twice (replay guard).
        if (!entry.mine && room.signalsFrom >= 0 && seq > room.signalsFrom && sender)
            handleControl(room, entry.sender, *sender, *envelope, header->epoch);
        return;
    }
    if (envelope && sender && header) {
        const auto key = room.keys.find(header->epoch);
        const auto purpose = header->purpose == Crypto::RecordPurpose::FileManifest
                                 ? Crypto::RecordPurpose::FileManifest
                                 : Crypto::RecordPurpose::ChatMessage;
        if (key != room.keys.end()) {
            const auto opened =
                Crypto::RecordEnvelope::open(key->second, room.id.toUtf8(), *sender, purpose, *envelope, room.guard);
            if (opened) {
                const auto json = Crypto::CanonicalJson::parse(opened->plaintext);
                const QJsonObject body = json ? json->toObject() : QJsonObject();
                if (body.value("v"_L1).toInteger() == 1) {
                    if (purpose == Crypto::RecordPurpose::ChatMessage) {
                        const QString text = body.value("text"_L1).toString();
                        if (body.size() == 2 && !text.isEmpty() && text.size() <= MaxTextLength) {
                            entry.kind = ChatEntry::Kind::Text;
                            entry.text = text;
                        }
                    } else {
                        const QString name = body.value("name"_L1).toString().section(u'/', -1).section(u'\\', -1);
                        const qint64 size = body.value("size"_L1).toInteger(-1);
                        const auto fileKey = Crypto::fromBase64Url(body.value("key"_L1).toString());
                        const QUuid fileId(body.value("fileId"_L1).toString());
                        if (!name.isEmpty() && size >= 0 && !fileId.isNull() && fileKey &&
                            fileKey->size() == Crypto::FileStreamFormat::KeySize) {
                            entry.fileKey = *fileKey;
                            entry.kind = ChatEntry::Kind::File;
                            entry.fileId = body.value("fileId"_L1).toString();
                            entry.fileName = name.left(255);
                            entry.mime = body.value("mime"_L1).toString().left(200);
                            entry.fileSize = size;
                        }
                    }
                }
                if (entry.mine)
                    room.nextSequence[opened->epoch] =
                        qMax(room.nextSequence.value(opened->epoch), opened->sequence + 1);
            }
        }
    }
    if (entry.mine)
        entry.state = ChatEntry::State::Sent;
    // Keep the relay's order; a message may arrive while our own are still unsent at the end.
    qsizetype at = room.entries.size();
    while (at > 0 && (room.entries.at(at - 1).seq == 0 || room.entries.at(at - 1).seq > seq))
        --at;
    room.entries.insert(at, entry);
    room.heldSeq = qMax(room.heldSeq, seq);
    if (entry.at.isValid() && (!room.lastActivity.isValid() || entry.at > room.lastActivity)) {
        room.lastActivity = entry.at;
        reorder();
    }
    updateUnread(room);
    if (live) {
        Q_EMIT roomChanged(room.id);
        Q_EMIT roomsChanged();
        if (!entry.mine)
            Q_EMIT messageArrived(room.id);
    }
}

QString RoomService::sendText(const QString &roomId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("The message is empty.");
    if (text.size() > MaxTextLength)
        return tr("The message is too long (at most %n characters).", nullptr, MaxTextLength);
    ChatEntry entry;
    entry.kind = ChatEntry::Kind::Text;
    entry.text = text;
    return sendRecord(roomId, Crypto::RecordPurpose::ChatMessage, {{u"v"_s, 1}, {u"text"_s, text}}, entry);
}

QString RoomService::sendFileManifest(const QString &roomId, const QString &fileId, const QString &name,
                                      const QString &mime, qint64 size, const QByteArray &fileKey)
{
    ChatEntry entry;
    entry.kind = ChatEntry::Kind::File;
    entry.fileId = fileId;
    entry.fileName = name;
    entry.mime = mime;
    entry.fileSize = size;
    entry.fileKey = fileKey;
    return sendRecord(roomId, Crypto::RecordPurpose::FileManifest,
                      {{u"v"_s, 1},
                       {u"fileId"_s, fileId},
                       {u"name"_s, name},
                       {u"mime"_s, mime},
                       {u"size"_s, size},
                       {u"key"_s, Crypto::toBase64Url(fileKey)}},
                      entry);
}

QString RoomService::seal(Room &room, Crypto::RecordPurpose purpose, const QJsonObject &body, QString *envelopeOut)
{
    const auto key = room.keys.find(room.currentEpoch);
    if (!room.ready || key == room.keys.end())
        return room.problem.isEmpty() ? tr("The conversation is still being set up. Please wait a moment.")
                                      : room.problem;
    const auto plaintext = Crypto::CanonicalJson::serialize(body);
    const auto sender = Crypto::fromBase64Url(m_myKeyId);
    if (!plaintext || !sender || (purpose == Crypto::RecordPurpose::RoomControl && plaintext->size() > MaxSignalBytes))
        return tr("The message could not be encrypted.");
    // 1 + the highest own sequence seen in this epoch, so a reload never reuses one.
    quint64 &next = room.nextSequence[room.currentEpoch];
    const auto envelope = Crypto::RecordEnvelope::seal(
        key->second, {room.id.toUtf8(), room.currentEpoch, *sender, next, purpose}, *plaintext);
    if (!envelope)
        return tr("The message could not be encrypted.");
    ++next;
    *envelopeOut = Crypto::toBase64Url(*envelope);
    return {};
}

QString RoomService::sendRecord(const QString &roomId, Crypto::RecordPurpose purpose, const QJsonObject &body,
                                ChatEntry entry)
{
    Room *room = find(roomId);
    if (!room)
        return tr("This conversation is not available.");
    if (room->keysChanged)
        return tr("The security keys in this conversation changed. Confirm the change before sending.");
    QString envelope;
    if (const QString failure = seal(*room, purpose, body, &envelope); !failure.isEmpty())
        return failure;
    entry.state = ChatEntry::State::Sending;
    entry.mine = true;
    entry.sender = m_myKeyId;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.envelope = envelope;
    room->entries.append(entry);
    transmit(*room, room->entries.last());
    Q_EMIT roomChanged(roomId);
    return {};
}

void RoomService::transmit(Room &room, ChatEntry &entry)
{
    entry.state = ChatEntry::State::Sending;
    const bool handedOn = room.joined && m_socket->send({{u"type"_s, u"send"_s},
                                                         {u"room"_s, room.id},
                                                         {u"clientId"_s, entry.clientId},
                                                         {u"envelope"_s, entry.envelope}});
    if (!handedOn) {
        // Not connected: failed at once; "Retry" (or the next sync) sends it with the same clientId.
        entry.state = ChatEntry::State::Failed;
        return;
    }
    // No ack in time: failed, and the advisor may retry (same clientId, so never stored twice).
    QTimer::singleShot(AckTimeoutMs, this,
                       [this, roomId = room.id, clientId = entry.clientId, generation = m_generation] {
                           Room *target = generation == m_generation ? find(roomId) : nullptr;
                           if (!target)
                               return;
                           for (ChatEntry &pending : target->entries) {
                               if (pending.clientId == clientId && pending.state == ChatEntry::State::Sending) {
                                   pending.state = ChatEntry::State::Failed;
                                   Q_EMIT roomChanged(roomId);
                               }
                           }
                       });
}

void RoomService::handleControl(Room &room, const QString &senderKeyId, const QByteArray &sender,
                                const QByteArray &envelope, quint32 epoch)
{
    const auto key = room.keys.find(epoch);
    if (key == room.keys.end())
        return;
    const auto opened = Crypto::RecordEnvelope::open(key->second, room.id.toUtf8(), sender,
                                                     Crypto::RecordPurpose::RoomControl, envelope, room.guard);
    if (!opened || opened->plaintext.size() > MaxSignalBytes)
        return;
    const QJsonObject signal = QJsonDocument::fromJson(opened->plaintext).object();
    const QString type = signal.value("type"_L1).toString();
    if (signal.value("v"_L1).toInteger() != 1 || type.isEmpty())
        return;
    const QString to = signal.value("to"_L1).toString();
    if (!to.isEmpty() && to != m_myKeyId)
        return; // meant for another participant of the mesh
    // Someone joined a call this device is not in: the conversation shows "… is calling".
    if (!m_inCall.contains(room.id)) {
        const QString before = room.callingKeyId;
        if (type == "ready"_L1 && !signal.value("reply"_L1).toBool())
            room.callingKeyId = senderKeyId;
        else if (type == "hangup"_L1 && room.callingKeyId == senderKeyId)
            room.callingKeyId.clear();
        if (room.callingKeyId != before)
            Q_EMIT roomChanged(room.id);
    }
    Q_EMIT controlReceived(room.id, senderKeyId, signal);
}

QString RoomService::sendControl(const QString &roomId, const QJsonObject &signal)
{
    Room *room = find(roomId);
    if (!room)
        return tr("This conversation is not available.");
    // No key-change confirmation here: the frame key and the signals reach only the current
    // epoch's recipients anyway, and a call must not stall on a dialog.
    QString envelope;
    if (const QString failure = seal(*room, Crypto::RecordPurpose::RoomControl, signal, &envelope); !failure.isEmpty())
        return failure;
    const bool handedOn =
        room->joined && m_socket->send({{u"type"_s, u"send"_s},
                                        {u"room"_s, roomId},
                                        {u"clientId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                        {u"envelope"_s, envelope}});
    return handedOn ? QString() : tr("Not connected to the server.");
}

QByteArray RoomService::callFrameKey(const QString &roomId) const
{
    const Room *room = this->room(roomId);
    if (!room)
        return {};
    const auto key = room->keys.find(room->currentEpoch);
    if (key == room->keys.end())
        return {};
    const auto frameKey = Crypto::deriveSubkey(key->second, Crypto::KdfContext::VideoFrames, 1);
    if (!frameKey)
        return {};
    return QByteArray(reinterpret_cast<const char *>(frameKey->data()), frameKey->size());
}

void RoomService::setInCall(const QString &roomId, bool inCall)
{
    if (inCall)
        m_inCall.insert(roomId);
    else
        m_inCall.remove(roomId);
    if (Room *room = find(roomId); room && inCall && !room->callingKeyId.isEmpty()) {
        room->callingKeyId.clear();
        Q_EMIT roomChanged(roomId);
    }
}

void RoomService::retry(const QString &roomId, const QString &clientId)
{
    Room *room = find(roomId);
    if (!room)
        return;
    for (ChatEntry &entry : room->entries) {
        if (entry.clientId == clientId && entry.state == ChatEntry::State::Failed) {
            transmit(*room, entry);
            Q_EMIT roomChanged(roomId);
        }
    }
}

void RoomService::confirmKeys(const QString &roomId)
{
    Room *room = find(roomId);
    if (!room)
        return;
    m_profile.settings()->setValue(settingsKey(roomId, "seenKeys"), participantKeyIds(*room));
    room->keysChanged = false;
    Q_EMIT roomChanged(roomId);
}

QList<SearchHit> RoomService::search(const QString &text) const
{
    QList<SearchHit> hits;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return hits;
    for (const QString &id : m_order) {
        const Room *room = this->room(id);
        for (const ChatEntry &entry : room->entries) {
            const QString haystack = entry.kind == ChatEntry::Kind::File ? entry.fileName : entry.text;
            if (entry.kind != ChatEntry::Kind::Undecryptable && haystack.contains(needle, Qt::CaseInsensitive))
                hits.append({id, entry.seq, haystack});
        }
    }
    return hits;
}

} // namespace Lotse::Client
