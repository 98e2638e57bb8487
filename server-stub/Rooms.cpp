#include "server-stub/Rooms.h"

#include "server-stub/Api.h"
#include "server-stub/BookingEndpoints.h"
#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"

#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/SealedEnvelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString keyIdOf(const QString &publicKey)
{
    const auto key = Crypto::fromBase64Url(publicKey);
    return key ? Crypto::toBase64Url(Crypto::keyId(*key)) : QString();
}

QJsonValue nullableTime(const std::optional<qint64> &time)
{
    return time ? QJsonValue(Rooms::isoUtc(*time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Rooms::Rooms(Store &store, const Models::Clock &clock)
    : m_store(store)
    , m_clock(clock)
    , m_rooms(store)
    , m_bookings(store)
{}

qint64 Rooms::now() const
{
    return m_clock.now().toSecsSinceEpoch();
}

QString Rooms::isoUtc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

Rooms::VisitorOrError Rooms::resolveCapability(const QString &token)
{
    static const QRegularExpression shape(u"^[A-Za-z0-9_-]{43}$"_s);
    if (!shape.match(token).hasMatch())
        return {std::nullopt, u"capability_invalid"_s};
    const QString hash = Api::hashToken(token);
    if (const auto booking = m_bookings.bookingByTokenHash(hash)) {
        if (now() >= booking->end + BookingEndpoints::manageRetentionSeconds)
            return {std::nullopt, u"capability_expired"_s};
        return {Visitor{booking->organisationId, booking->id, {}, {}, hash}, {}};
    }
    if (const auto call = m_rooms.instantByCapabilityHash(hash)) {
        const bool waiting = call->status == "waiting"_L1;
        const bool taken = call->status == "taken"_L1 && now() < call->takenAt.value_or(0) + capabilityRetentionSeconds;
        if (!waiting && !taken)
            return {std::nullopt, u"capability_expired"_s};
        return {Visitor{call->organisationId, {}, call->id, {}, hash}, {}};
    }
    if (const auto interpreter = m_rooms.interpreterByCapabilityHash(hash)) {
        if (!interpreter->activeAt(now()))
            return {std::nullopt, u"capability_expired"_s};
        return {Visitor{interpreter->organisationId, {}, {}, interpreter->id, hash}, {}};
    }
    return {std::nullopt, u"capability_invalid"_s};
}

Response Rooms::capabilityRefused(const QString &error)
{
    Response response = Response::error(401, error,
                                        error == "capability_expired"_L1
                                            ? u"This link has expired."_s
                                            : u"This link is not valid. Please use the link you were given."_s);
    response.setHeader("WWW-Authenticate", "Bearer");
    return response;
}

QString Rooms::Visitor::role() const
{
    return isInterpreter() ? u"interpreter:"_s + interpreterId : u"visitor"_s;
}

QString Rooms::ownKeyId(const Visitor &visitor, const RoomRecord &room) const
{
    if (!visitor.isInterpreter())
        return room.visitorKeyId;
    const auto interpreter = m_rooms.interpreterById(visitor.interpreterId);
    return interpreter && interpreter->activeAt(now()) ? interpreter->keyId : QString();
}

bool Rooms::createRoom(const QString &id, const QString &organisationId, const QString &kind, const QString &browserKey,
                       qint64 keyAddedAt)
{
    RoomRecord room;
    room.id = id;
    room.organisationId = organisationId;
    room.kind = kind;
    room.visitorKey = browserKey;
    room.visitorKeyId = keyIdOf(browserKey);
    room.visitorKeyAddedAt = keyAddedAt;
    room.createdAt = now();
    return m_rooms.insertRoomIfMissing(room);
}

std::optional<RoomRecord> Rooms::roomOfVisitor(const Visitor &visitor)
{
    if (visitor.isInterpreter()) {
        const auto interpreter = m_rooms.interpreterById(visitor.interpreterId);
        return interpreter ? m_rooms.roomById(interpreter->roomId) : std::nullopt;
    }
    const QString id = visitor.bookingId.isEmpty() ? visitor.instantId : visitor.bookingId;
    if (auto room = m_rooms.roomById(id))
        return room;
    if (visitor.bookingId.isEmpty())
        return std::nullopt; // an instant call's room is made when it is taken
    const auto booking = m_bookings.bookingById(visitor.bookingId);
    if (!booking || booking->status != "confirmed"_L1 ||
        !createRoom(booking->id, booking->organisationId, u"booking"_s, booking->browserKey, booking->createdAt))
        return std::nullopt;
    return m_rooms.roomById(id);
}

std::optional<RoomRecord> Rooms::roomOfOrganisation(const QString &organisationId, const QString &roomId)
{
    if (!RequestValidator::isUuid(roomId))
        return std::nullopt;
    if (auto room = m_rooms.roomById(roomId))
        return room->organisationId == organisationId ? room : std::nullopt;
    const auto booking = m_bookings.bookingOfOrganisation(organisationId, roomId);
    if (!booking || booking->status != "confirmed"_L1 ||
        !createRoom(booking->id, organisationId, u"booking"_s, booking->browserKey, booking->createdAt))
        return std::nullopt;
    return m_rooms.roomById(roomId);
}

void Rooms::ensureBookingRooms(const QString &organisationId)
{
    for (const auto &booking : m_rooms.confirmedBookingsWithoutRoom(organisationId)) {
        if (!createRoom(booking.bookingId, organisationId, u"booking"_s, booking.browserKey, booking.createdAt))
            JsonLog::error(u"room_create_failed"_s, {{u"room"_s, booking.bookingId}});
    }
}

QJsonObject Rooms::roomJson(const RoomRecord &room) const
{
    const bool booking = room.kind == "booking"_L1;
    return {{u"id"_s, room.id},
            {u"kind"_s, room.kind},
            {u"bookingId"_s, booking ? QJsonValue(room.id) : QJsonValue(QJsonValue::Null)},
            {u"instantId"_s, booking ? QJsonValue(QJsonValue::Null) : QJsonValue(room.id)},
            {u"createdAt"_s, isoUtc(room.createdAt)},
            {u"lastSeq"_s, room.lastSeq},
            {u"lastActivityAt"_s, nullableTime(room.lastActivityAt)},
            {u"currentEpoch"_s, room.currentEpoch ? QJsonValue(*room.currentEpoch) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject Rooms::participantsJson(const RoomRecord &room) const
{
    QJsonArray participants;
    QHash<QString, QString> names;
    for (const AdvisorRecord &advisor : m_store.advisorsOfOrganisation(room.organisationId))
        names.insert(advisor.id, advisor.displayName);
    for (const DeviceRecord &device : m_store.activeDevicesOfOrganisation(room.organisationId)) {
        participants.append(QJsonObject{{u"kind"_s, u"advisor"_s},
                                        {u"keyId"_s, device.keyId},
                                        {u"x25519"_s, device.x25519},
                                        {u"ed25519"_s, device.ed25519},
                                        {u"signature"_s, device.signature},
                                        {u"deviceId"_s, device.id},
                                        {u"advisorId"_s, device.advisorId},
                                        {u"displayName"_s, names.value(device.advisorId)},
                                        {u"addedAt"_s, isoUtc(device.createdAt)}});
    }
    participants.append(QJsonObject{{u"kind"_s, u"visitor"_s},
                                    {u"keyId"_s, room.visitorKeyId},
                                    {u"x25519"_s, room.visitorKey},
                                    {u"addedAt"_s, isoUtc(room.visitorKeyAddedAt)}});
    for (const InterpreterRecord &interpreter : activeInterpreters(room)) {
        participants.append(QJsonObject{{u"kind"_s, u"interpreter"_s},
                                        {u"keyId"_s, interpreter.keyId},
                                        {u"x25519"_s, interpreter.browserKey},
                                        {u"interpreterId"_s, interpreter.id},
                                        {u"addedAt"_s, isoUtc(interpreter.joinedAt.value_or(interpreter.createdAt))}});
    }
    return {{u"room"_s, room.id}, {u"participants"_s, participants}};
}

QSet<QString> Rooms::participantKeyIds(const RoomRecord &room) const
{
    QSet<QString> ids{room.visitorKeyId};
    for (const DeviceRecord &device : m_store.activeDevicesOfOrganisation(room.organisationId))
        ids.insert(device.keyId);
    for (const InterpreterRecord &interpreter : activeInterpreters(room))
        ids.insert(interpreter.keyId);
    return ids;
}

QList<InterpreterRecord> Rooms::activeInterpreters(const RoomRecord &room) const
{
    QList<InterpreterRecord> active = m_rooms.interpretersOfRoom(room.id);
    const qint64 at = now();
    active.removeIf([at](const InterpreterRecord &i) { return !i.activeAt(at) || i.keyId.isEmpty(); });
    return active;
}

QJsonObject Rooms::interpreterJson(const InterpreterRecord &interpreter) const
{
    return {{u"id"_s, interpreter.id},
            {u"createdAt"_s, isoUtc(interpreter.createdAt)},
            {u"expiresAt"_s, isoUtc(interpreter.expiresAt)},
            {u"joinedAt"_s, nullableTime(interpreter.joinedAt)},
            {u"endedAt"_s, nullableTime(interpreter.endedAt)},
            {u"keyId"_s, interpreter.keyId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(interpreter.keyId)}};
}

Response Rooms::inviteInterpreter(const RoomRecord &room, const QString &advisorId, const QString &linkBase)
{
    expireInterpreters();
    if (!m_rooms.begin())
        return Response::error(500, u"internal_error"_s, u"The invite could not be saved."_s);
    // Counted inside the transaction: two invites at once cannot both be the fourth.
    const auto existing = m_rooms.interpretersOfRoom(room.id);
    const qint64 at = now();
    if (std::count_if(existing.cbegin(), existing.cend(),
                      [at](const InterpreterRecord &i) { return i.activeAt(at); }) >= maxInterpretersPerRoom) {
        m_rooms.rollback();
        return Response::error(
            409, u"too_many_interpreters"_s,
            u"This room has %1 interpreter invites; remove one first."_s.arg(maxInterpretersPerRoom));
    }
    const QString token = Crypto::newToken();
    InterpreterRecord interpreter;
    interpreter.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    interpreter.roomId = room.id;
    interpreter.organisationId = room.organisationId;
    interpreter.capabilityHash = Api::hashToken(token);
    interpreter.createdBy = u"advisor:"_s + advisorId;
    interpreter.createdAt = at;
    interpreter.expiresAt = at + m_interpreterLinkSeconds;
    if (!m_rooms.insertInterpreter(interpreter) || !m_rooms.commit()) {
        m_rooms.rollback();
        return Response::error(500, u"internal_error"_s, u"The invite could not be saved."_s);
    }
    JsonLog::info(u"interpreter_invited"_s, {{u"room"_s, room.id}, {u"interpreterId"_s, interpreter.id}});
    return Response::json(201, {{u"interpreter"_s, interpreterJson(interpreter)},
                                {u"capability"_s, token},
                                {u"link"_s, QString(linkBase + u"/call#"_s + token)}});
}

Response Rooms::listInterpreters(const RoomRecord &room) const
{
    QJsonArray interpreters;
    for (const InterpreterRecord &interpreter : m_rooms.interpretersOfRoom(room.id))
        interpreters.append(interpreterJson(interpreter));
    return Response::json(200, {{u"interpreters"_s, interpreters}});
}

Response Rooms::endInterpreter(const RoomRecord &room, const QString &interpreterId)
{
    const auto interpreter = m_rooms.interpreterById(interpreterId);
    if (!interpreter || interpreter->roomId != room.id)
        return Response::error(404, u"not_found"_s, u"There is no such interpreter in this room."_s);
    const int ended = m_rooms.endInterpreter(interpreterId, now());
    if (ended < 0)
        return Response::error(500, u"internal_error"_s, u"The interpreter could not be removed."_s);
    if (ended > 0)
        interpreterGone(*interpreter, u"interpreter_ended"_s);
    return Response::noContent();
}

void Rooms::interpreterGone(const InterpreterRecord &interpreter, const QString &event)
{
    JsonLog::info(event, {{u"room"_s, interpreter.roomId}, {u"interpreterId"_s, interpreter.id}});
    emit m_events.interpreterEnded(interpreter.id, interpreter.roomId);
    if (!interpreter.keyId.isEmpty())
        emit m_events.keysChanged(interpreter.roomId); // its key is no participant any more
}

Response Rooms::setInterpreterKey(const QString &interpreterId, const QJsonObject &body)
{
    const QString browserKey = body.value("browserKey"_L1).toString();
    const auto key = Crypto::fromBase64Url(browserKey);
    if (!key || !Crypto::checkEncryptionPublicKey(*key))
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"browserKey"_s, u"must be an X25519 public key in base64url"_s}});
    const auto interpreter = m_rooms.interpreterById(interpreterId);
    const auto room = interpreter ? m_rooms.roomById(interpreter->roomId) : std::nullopt;
    if (!room)
        return Response::error(404, u"room_not_found"_s, u"There is no such room."_s);
    const QString keyId = keyIdOf(browserKey);
    if (interpreter->browserKey == browserKey)
        return Response::json(200, {{u"interpreter"_s, interpreterJson(*interpreter)}});
    if (!interpreter->browserKey.isEmpty())
        return Response::error(409, u"key_exists"_s, u"This invite already has another key."_s);
    // A key id names one participant: a key that already takes part cannot be the interpreter's.
    if (participantKeyIds(*room).contains(keyId))
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"browserKey"_s, u"is already a participant's key"_s}});
    const int set = m_rooms.setInterpreterKey(interpreterId, browserKey, keyId, now());
    if (set < 0)
        return Response::error(500, u"internal_error"_s, u"The key could not be saved."_s);
    const auto updated = m_rooms.interpreterById(interpreterId);
    if (set == 0 || !updated)
        return updated && updated->browserKey == browserKey
                   ? Response::json(200, {{u"interpreter"_s, interpreterJson(*updated)}})
                   : Response::error(409, u"key_exists"_s, u"This invite already has another key."_s);
    JsonLog::info(u"interpreter_joined"_s, {{u"room"_s, room->id}, {u"interpreterId"_s, interpreterId}});
    emit m_events.keysChanged(room->id);
    return Response::json(200, {{u"interpreter"_s, interpreterJson(*updated)}});
}

void Rooms::expireInterpreters()
{
    for (const InterpreterRecord &interpreter : m_rooms.interpretersExpiredBy(now())) {
        if (m_rooms.endInterpreter(interpreter.id, interpreter.expiresAt) > 0)
            interpreterGone(interpreter, u"interpreter_expired"_s);
    }
}

bool Rooms::isDeviceOf(const QString &advisorId, const QString &organisationId, const QString &keyId) const
{
    const auto devices = m_store.activeDevicesOfOrganisation(organisationId);
    return std::any_of(devices.cbegin(), devices.cend(), [&](const DeviceRecord &device) {
        return device.advisorId == advisorId && device.keyId == keyId;
    });
}

Response Rooms::postKeyEnvelope(const RoomRecord &room, const QString &poster, const QString &senderKeyId,
                                const QJsonObject &body)
{
    const auto invalidSealed = [](const QString &why) {
        return Response::error(400, u"sealed_invalid"_s, u"The room key envelope cannot be accepted."_s,
                               {{u"sealed"_s, why}});
    };
    const QJsonValue epochValue = body.value("epoch"_L1);
    const double epochNumber = epochValue.toDouble(-1);
    if (!epochValue.isDouble() || epochNumber < 0 || epochNumber > 4294967295.0 ||
        epochNumber != double(qint64(epochNumber)))
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"epoch"_s, u"must be an integer from 0 to 4294967295"_s}});
    const qint64 epoch = qint64(epochNumber);
    const auto sealed = Crypto::fromBase64Url(body.value("sealed"_L1).toString());
    if (!sealed)
        return invalidSealed(u"not strict base64url"_s);
    if (sealed->size() > maxKeyEnvelopeBytes)
        return invalidSealed(u"larger than 48 KiB"_s);
    if (sealed->size() < 3 || quint8(sealed->at(0)) != Crypto::SealedEnvelope::Version ||
        quint8(sealed->at(1)) != quint8(Crypto::SealPurpose::RoomKey))
        return invalidSealed(u"not a version 1 sealed envelope of purpose 2 (room key)"_s);
    const auto keyIds = Crypto::SealedEnvelope::recipientKeyIds(*sealed);
    if (!keyIds)
        return invalidSealed(u"does not parse: %1"_s.arg(Crypto::errorString(keyIds.error())));
    if (keyIds->isEmpty())
        return invalidSealed(u"names no recipient"_s);
    const QSet<QString> participants = participantKeyIds(room);
    QStringList recipients;
    for (const QByteArray &keyId : *keyIds) {
        recipients.append(Crypto::toBase64Url(keyId));
        if (!participants.contains(recipients.constLast()))
            return invalidSealed(u"names a key that is not a participant of this room"_s);
    }

    if (!m_rooms.begin())
        return Response::error(500, u"internal_error"_s, u"The room key could not be saved."_s);
    // Inside the transaction: the epoch check and the insert cannot interleave with another post.
    const auto fresh = m_rooms.roomById(room.id);
    const auto current = fresh ? fresh->currentEpoch : std::nullopt;
    const auto conflict = [&] {
        m_rooms.rollback();
        Response response =
            Response::error(409, u"epoch_conflict"_s, u"Someone else started this epoch; use their room key."_s);
        QJsonObject json = QJsonDocument::fromJson(response.body).object();
        QJsonObject error = json.value("error"_L1).toObject();
        error.insert(u"currentEpoch"_s, current ? QJsonValue(*current) : QJsonValue(QJsonValue::Null));
        json.insert(u"error"_s, error);
        return Response::json(409, json);
    };
    if (current && epoch < *current)
        return conflict();
    if (current && epoch == *current && m_rooms.posterOfEpoch(room.id, epoch).value_or(QString()) != poster)
        return conflict();
    KeyEnvelopeRecord envelope{QUuid::createUuid().toString(QUuid::WithoutBraces),
                               room.id,
                               epoch,
                               poster,
                               senderKeyId,
                               body.value("sealed"_L1).toString(),
                               now()};
    if (!m_rooms.insertKeyEnvelope(envelope, recipients) || !m_rooms.commit()) {
        m_rooms.rollback();
        return Response::error(500, u"internal_error"_s, u"The room key could not be saved."_s);
    }
    JsonLog::info(u"room_key_posted"_s,
                  {{u"room"_s, room.id}, {u"epoch"_s, epoch}, {u"recipients"_s, recipients.size()}});
    if (!current || epoch > *current)
        emit m_events.epochChanged(room.id, epoch);
    return Response::json(201, {{u"envelope"_s, QJsonObject{{u"id"_s, envelope.id},
                                                            {u"epoch"_s, envelope.epoch},
                                                            {u"sealed"_s, envelope.sealed},
                                                            {u"senderKeyId"_s, envelope.senderKeyId},
                                                            {u"createdAt"_s, isoUtc(envelope.createdAt)}}}});
}

Response Rooms::listKeyEnvelopes(const RoomRecord &room, const QString &keyId) const
{
    QJsonArray envelopes;
    for (const KeyEnvelopeRecord &e : m_rooms.keyEnvelopesFor(room.id, keyId)) {
        envelopes.append(QJsonObject{{u"id"_s, e.id},
                                     {u"epoch"_s, e.epoch},
                                     {u"sealed"_s, e.sealed},
                                     {u"senderKeyId"_s, e.senderKeyId},
                                     {u"createdAt"_s, isoUtc(e.createdAt)}});
    }
    return Response::json(
        200, {{u"room"_s, room.id},
              {u"currentEpoch"_s, room.currentEpoch ? QJsonValue(*room.currentEpoch) : QJsonValue(QJsonValue::Null)},
              {u"envelopes"_s, envelopes}});
}

Rooms::SendResult Rooms::appendMessage(const RoomRecord &room, const QString &senderKeyId, const QString &clientId,
                                       const QString &envelope)
{
    return appendMessages({{room.id, senderKeyId, clientId, envelope}}).constFirst();
}

QList<Rooms::SendResult> Rooms::appendMessages(const QList<PendingSend> &sends)
{
    const auto failed = [](const QString &code, const QString &message) {
        SendResult result;
        result.error = code;
        result.message = message;
        return result;
    };
    const auto storageFailed = [&] {
        return failed(u"storage_failed"_s, u"The message could not be stored; send it again."_s);
    };
    QList<SendResult> results;
    results.reserve(sends.size());
    if (!m_rooms.begin()) {
        for (qsizetype i = 0; i < sends.size(); ++i)
            results.append(storageFailed());
        return results;
    }
    bool broken = false;
    for (const PendingSend &send : sends) {
        if (broken) {
            results.append(storageFailed());
            continue;
        }
        // A retry answers the first store (also one earlier in this batch); checked first so that
        // a retry never fails on a check that changed since (such as an epoch).
        if (const auto first = m_rooms.messageByClientId(send.roomId, send.senderKeyId, send.clientId)) {
            results.append(SendResult{{}, {}, *first, true});
            continue;
        }
        if (send.envelope.size() > (maxEnvelopeBytes * 4 + 2) / 3) {
            results.append(failed(u"envelope_too_large"_s, u"A record envelope is at most 64 KiB."_s));
            continue;
        }
        const auto bytes = Crypto::fromBase64Url(send.envelope);
        if (!bytes) {
            results.append(failed(u"invalid_envelope"_s, u"The envelope is not strict base64url."_s));
            continue;
        }
        if (bytes->size() > maxEnvelopeBytes) {
            results.append(failed(u"envelope_too_large"_s, u"A record envelope is at most 64 KiB."_s));
            continue;
        }
        const auto header = Crypto::RecordEnvelope::peek(*bytes);
        if (!header) {
            results.append(failed(u"invalid_envelope"_s, u"The envelope is not a record envelope: %1"_s.arg(
                                                             Crypto::errorString(header.error()))));
            continue;
        }
        if (!m_rooms.posterOfEpoch(send.roomId, header->epoch)) {
            results.append(failed(u"epoch_unknown"_s, u"This room has no key for the envelope's epoch."_s));
            continue;
        }
        RoomMessageRecord message{0, send.senderKeyId, send.clientId, send.envelope, now()};
        message.seq = m_rooms.appendMessage(send.roomId, message);
        if (message.seq == 0) {
            broken = true;
            results.append(storageFailed());
            continue;
        }
        results.append(SendResult{{}, {}, message, false});
    }
    if (broken || !m_rooms.commit()) {
        m_rooms.rollback();
        // Nothing of the batch is stored: whatever relied on it (stores and in-batch retries)
        // must be sent again; refusals stay what they were.
        for (SendResult &result : results) {
            if (result.error.isEmpty())
                result = storageFailed();
        }
    }
    return results;
}

} // namespace Lotse::Server
