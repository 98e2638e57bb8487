#pragma once

#include "server-stub/BookingStore.h"
#include "server-stub/Http.h"
#include "server-stub/RoomStore.h"

#include "models/Clock.h"

#include <QJsonObject>

#include <optional>

namespace Lotse::Server {

// Rooms (API.md, "Rooms (issue 6)"): who may enter which room, the participants' keys, room key
// envelopes and the relay's durable message log. Shared by the HTTP endpoints (ApiRooms.cpp) and
// the WebSocket relay (RoomRelay). Only ciphertext and metadata pass through here.
class Rooms
{
public:
    Rooms(Store &store, const Models::Clock &clock);

    static constexpr qsizetype maxEnvelopeBytes = 64 * 1024;    // a record envelope, decoded
    static constexpr qsizetype maxKeyEnvelopeBytes = 48 * 1024; // a sealed room key envelope, decoded
    static constexpr qint64 capabilityRetentionSeconds = 30 * 24 * 3600;

    [[nodiscard]] qint64 now() const;
    [[nodiscard]] RoomStore &store() { return m_rooms; }
    [[nodiscard]] Store &baseStore() { return m_store; }

    // Who holds a capability token: a booking's manage token or an instant call's token.
    struct Visitor
    {
        QString organisationId;
        QString bookingId; // one of these two
        QString instantId;
        QString capabilityHash;
    };
    struct VisitorOrError
    {
        std::optional<Visitor> visitor;
        QString error; // capability_invalid, capability_expired
    };
    [[nodiscard]] VisitorOrError resolveCapability(const QString &token);
    // The visitor's room, made on first use for a confirmed booking; nullopt while there is none.
    [[nodiscard]] std::optional<RoomRecord> roomOfVisitor(const Visitor &visitor);
    // A room of the organisation (a confirmed booking's is made on first use); nullopt: 404.
    [[nodiscard]] std::optional<RoomRecord> roomOfOrganisation(const QString &organisationId, const QString &roomId);
    // Makes the rows of the organisation's confirmed bookings that have none.
    void ensureBookingRooms(const QString &organisationId);
    [[nodiscard]] bool createRoom(const QString &id, const QString &organisationId, const QString &kind,
                                  const QString &browserKey, qint64 keyAddedAt);

    [[nodiscard]] QJsonObject roomJson(const RoomRecord &room) const;
    [[nodiscard]] QJsonObject participantsJson(const RoomRecord &room) const;
    // Key ids of the room's participants: the organisation's active devices and the visitor.
    [[nodiscard]] QSet<QString> participantKeyIds(const RoomRecord &room) const;
    // Whether `keyId` is an active device of this advisor.
    [[nodiscard]] bool isDeviceOf(const QString &advisorId, const QString &organisationId, const QString &keyId) const;

    // POST …/envelopes (validated here); `poster` is advisor:<id> or visitor.
    [[nodiscard]] Response postKeyEnvelope(const RoomRecord &room, const QString &poster, const QString &senderKeyId,
                                           const QJsonObject &body);
    [[nodiscard]] Response listKeyEnvelopes(const RoomRecord &room, const QString &keyId) const;

    struct SendResult
    {
        QString error; // empty: stored (or already stored)
        QString message;
        RoomMessageRecord stored;
        bool duplicate = false;
    };
    // Validates the envelope's header, then stores it durably (committed before returning) with
    // the next sequence number, or returns the first store of this (sender, clientId).
    [[nodiscard]] SendResult appendMessage(const RoomRecord &room, const QString &senderKeyId, const QString &clientId,
                                           const QString &envelope);
    struct PendingSend
    {
        QString roomId;
        QString senderKeyId;
        QString clientId;
        QString envelope;
    };
    // The same for several sends in one transaction (group commit: one fsync for all of them, in
    // this order). When the commit fails, every send that would have been stored gets
    // storage_failed and nothing of the batch is kept.
    [[nodiscard]] QList<SendResult> appendMessages(const QList<PendingSend> &sends);

    [[nodiscard]] static QString isoUtc(qint64 seconds);

private:
    Store &m_store;
    const Models::Clock &m_clock;
    RoomStore m_rooms;
    BookingStore m_bookings;
};

} // namespace Lotse::Server
