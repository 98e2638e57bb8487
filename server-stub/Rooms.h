#pragma once

#include "server-stub/BookingStore.h"
#include "server-stub/Http.h"
#include "server-stub/RoomStore.h"

#include "models/Clock.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

namespace Lotse::Server {

// What the relay pushes to the sockets joined to a room (API.md "Relay"): told by Rooms and the
// device endpoints after the change is committed.
class RoomEvents : public QObject
{
    Q_OBJECT
signals:
    void keysChanged(const QString &roomId);
    // Devices of the organisation were registered or revoked: every room of it.
    void organisationKeysChanged(const QString &organisationId);
    void epochChanged(const QString &roomId, qint64 epoch);
    // Left, removed or expired: its sockets are closed.
    void interpreterEnded(const QString &interpreterId, const QString &roomId);
};

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

    static constexpr int maxInterpretersPerRoom = 3; // not ended at once

    [[nodiscard]] RoomEvents &events() { return m_events; }
    void setInterpreterLinkSeconds(qint64 seconds) { m_interpreterLinkSeconds = seconds; }

    // Who holds a capability token: a booking's manage token, an instant call's token or an
    // interpreter's invite.
    struct Visitor
    {
        QString organisationId;
        QString bookingId; // one of these three
        QString instantId;
        QString interpreterId;
        QString capabilityHash;

        [[nodiscard]] bool isInterpreter() const { return !interpreterId.isEmpty(); }
        // How files, envelopes and call addresses name who acted: visitor or interpreter:<id>.
        [[nodiscard]] QString role() const;
    };
    struct VisitorOrError
    {
        std::optional<Visitor> visitor;
        QString error; // capability_invalid, capability_expired
    };
    [[nodiscard]] VisitorOrError resolveCapability(const QString &token);
    // The 401 answer to a capability that resolveCapability refused with `error`.
    [[nodiscard]] static Response capabilityRefused(const QString &error);
    // The visitor's room, made on first use for a confirmed booking; nullopt while there is none.
    [[nodiscard]] std::optional<RoomRecord> roomOfVisitor(const Visitor &visitor);
    // A room of the organisation (a confirmed booking's is made on first use); nullopt: 404.
    [[nodiscard]] std::optional<RoomRecord> roomOfOrganisation(const QString &organisationId, const QString &roomId);
    // Makes the rows of the organisation's confirmed bookings that have none.
    void ensureBookingRooms(const QString &organisationId);
    [[nodiscard]] bool createRoom(const QString &id, const QString &organisationId, const QString &kind,
                                  const QString &browserKey, qint64 keyAddedAt);

    // The key id the capability's holder uses in its room: the help-seeker's, or the
    // interpreter's (empty before it set its key).
    [[nodiscard]] QString ownKeyId(const Visitor &visitor, const RoomRecord &room) const;

    // Interpreters (API.md "Interpreters"). `advisorId` invites; the answer carries the capability.
    [[nodiscard]] Response inviteInterpreter(const RoomRecord &room, const QString &advisorId, const QString &linkBase);
    [[nodiscard]] Response listInterpreters(const RoomRecord &room) const;
    // Ends it (removal by an advisor, or the interpreter leaving): 204, or 404 when not of the room.
    [[nodiscard]] Response endInterpreter(const RoomRecord &room, const QString &interpreterId);
    // PUT visitor/interpreter/key.
    [[nodiscard]] Response setInterpreterKey(const QString &interpreterId, const QJsonObject &body);
    [[nodiscard]] QJsonObject interpreterJson(const InterpreterRecord &interpreter) const;
    // Ends the interpreters whose invite ran out (the relay's sweep and the visitor paths).
    void expireInterpreters();

    [[nodiscard]] QJsonObject roomJson(const RoomRecord &room) const;
    [[nodiscard]] QJsonObject participantsJson(const RoomRecord &room) const;
    // Key ids of the room's participants: the organisation's active devices, the visitor and the
    // interpreters taking part with a key.
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
    [[nodiscard]] QList<InterpreterRecord> activeInterpreters(const RoomRecord &room) const;
    // An interpreter's invite ended (left, removed, expired): logged, its sockets told, the room's
    // participants changed when it had a key.
    void interpreterGone(const InterpreterRecord &interpreter, const QString &event);

    Store &m_store;
    const Models::Clock &m_clock;
    RoomStore m_rooms;
    BookingStore m_bookings;
    RoomEvents m_events;
    qint64 m_interpreterLinkSeconds = 24 * 3600;
};

} // namespace Lotse::Server
