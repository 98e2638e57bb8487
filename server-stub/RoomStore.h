#pragma once

#include "server-stub/Store.h"

#include <QList>
#include <QString>

#include <optional>

namespace Lotse::Server {

struct RoomRecord
{
    QString id; // the booking's or the instant call's id
    QString organisationId;
    QString kind;         // booking, instant
    QString visitorKey;   // the help-seeker's X25519 key, base64url
    QString visitorKeyId; // its key id, base64url
    qint64 visitorKeyAddedAt = 0;
    qint64 lastSeq = 0;
    std::optional<qint64> lastActivityAt;
    qint64 createdAt = 0;
    std::optional<qint64> currentEpoch; // read only: the highest epoch with a key envelope
};

struct RoomMessageRecord
{
    qint64 seq = 0;
    QString senderKeyId;
    QString clientId;
    QString envelope; // base64url record envelope, opaque
    qint64 at = 0;
};

struct KeyEnvelopeRecord
{
    QString id;
    QString roomId;
    qint64 epoch = 0;
    QString poster; // advisor:<id> or visitor: who started or extended the epoch
    QString senderKeyId;
    QString sealed; // base64url sealed envelope, opaque
    qint64 createdAt = 0;
};

struct InstantCallRecord
{
    QString id; // chosen by the browser
    QString organisationId;
    QString sealedName; // sealed to the advisor devices, opaque
    QString browserKey;
    QString language;
    QString status; // waiting, taken, left, expired
    QString capabilityHash;
    QString requestHash;
    QString replySealed; // the first answer under the server key, for an idempotent retry
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0; // creation, or the last time a socket of the visitor was seen
    QString takenBy;
    std::optional<qint64> takenAt;
    std::optional<qint64> endedAt;
};

// An interpreter invited to a room's calls (migration 9). Ended by leaving, removal or expiry.
struct InterpreterRecord
{
    QString id;
    QString roomId;
    QString organisationId;
    QString capabilityHash;
    QString createdBy;  // advisor:<id>
    QString browserKey; // its X25519 key once set, base64url
    QString keyId;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    std::optional<qint64> joinedAt; // when the key was set
    std::optional<qint64> endedAt;

    // Whether it still takes part at `now`: not ended and not expired.
    [[nodiscard]] bool activeAt(qint64 now) const { return !endedAt && now < expiresAt; }
};

// Rooms, their messages and key envelopes, and instant calls (migration 7), over the Store's
// connection. Organisation-scoped reads take the organisation id.
class RoomStore
{
public:
    explicit RoomStore(const Store &store);

    [[nodiscard]] bool begin();
    [[nodiscard]] bool commit();
    void rollback();

    // Rooms
    [[nodiscard]] std::optional<RoomRecord> roomById(const QString &id) const;
    // Inserts unless a room with that id exists; false only on a database failure.
    [[nodiscard]] bool insertRoomIfMissing(const RoomRecord &room);
    [[nodiscard]] QList<RoomRecord> roomsOfOrganisation(const QString &organisationId) const;
    struct BookingKey
    {
        QString bookingId;
        QString browserKey;
        qint64 createdAt = 0;
    };
    // Confirmed bookings of the organisation that have no room yet.
    [[nodiscard]] QList<BookingKey> confirmedBookingsWithoutRoom(const QString &organisationId) const;

    // Key envelopes
    [[nodiscard]] std::optional<QString> posterOfEpoch(const QString &roomId, qint64 epoch) const;
    [[nodiscard]] bool insertKeyEnvelope(const KeyEnvelopeRecord &envelope, const QStringList &recipientKeyIds);
    [[nodiscard]] QList<KeyEnvelopeRecord> keyEnvelopesFor(const QString &roomId, const QString &keyId) const;

    // Messages. appendMessage runs inside the caller's transaction and returns the new seq (0 on
    // failure).
    [[nodiscard]] std::optional<RoomMessageRecord> messageByClientId(const QString &roomId, const QString &senderKeyId,
                                                                     const QString &clientId) const;
    [[nodiscard]] qint64 appendMessage(const QString &roomId, const RoomMessageRecord &message);
    [[nodiscard]] QList<RoomMessageRecord> messagesAfter(const QString &roomId, qint64 after, int limit) const;

    // Instant calls
    [[nodiscard]] bool insertInstant(const InstantCallRecord &call);
    [[nodiscard]] std::optional<InstantCallRecord> instantById(const QString &id) const;
    [[nodiscard]] std::optional<InstantCallRecord> instantByCapabilityHash(const QString &hash) const;
    // Waiting calls of the organisation, oldest first.
    [[nodiscard]] QList<InstantCallRecord> waitingOfOrganisation(const QString &organisationId) const;
    // The conditional update that makes taking atomic: 1 when this call took it, 0 when it was not
    // waiting (any more), -1 on failure.
    [[nodiscard]] int takeInstant(const QString &organisationId, const QString &id, const QString &advisorId,
                                  qint64 now);
    // waiting → left/expired; 1 when changed, 0 when not waiting, -1 on failure.
    [[nodiscard]] int endWaiting(const QString &id, const QString &status, qint64 now);
    [[nodiscard]] bool touchInstant(const QString &id, qint64 now);
    // Waiting calls last seen at or before `before` (candidates for expiry).
    [[nodiscard]] QList<InstantCallRecord> waitingSeenBefore(qint64 before) const;
    // Waits (taken_at - created_at) of the organisation's last `limit` calls taken since `since`.
    [[nodiscard]] QList<qint64> recentWaits(const QString &organisationId, qint64 since, int limit) const;

    // Interpreters (migration 9). setInterpreterKey and endInterpreter change only a row that has
    // no key yet / has not ended: 1 when changed, 0 when not, -1 on failure.
    [[nodiscard]] bool insertInterpreter(const InterpreterRecord &interpreter);
    [[nodiscard]] std::optional<InterpreterRecord> interpreterById(const QString &id) const;
    [[nodiscard]] std::optional<InterpreterRecord> interpreterByCapabilityHash(const QString &hash) const;
    [[nodiscard]] QList<InterpreterRecord> interpretersOfRoom(const QString &roomId) const;
    [[nodiscard]] int setInterpreterKey(const QString &id, const QString &browserKey, const QString &keyId, qint64 now);
    [[nodiscard]] int endInterpreter(const QString &id, qint64 at);
    // Not ended, but expired at `now` (for the sweep that ends them).
    [[nodiscard]] QList<InterpreterRecord> interpretersExpiredBy(qint64 now) const;

    // A call participant's IP address (TURN credential or relay join); kept nowhere else.
    // `participant` is advisor:<id>, visitor or interpreter:<id>; `source` turn or signalling.
    [[nodiscard]] bool recordCallAddress(const QString &roomId, const QString &participant, const QString &source,
                                         const QString &address, qint64 now);

private:
    QString m_connectionName;
};

} // namespace Lotse::Server
