#pragma once

#include "server-stub/Store.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Lotse::Server {

struct BookingRecord
{
    QString id; // chosen by the browser
    QString organisationId;
    QString advisorId;
    QString type;
    qint64 start = 0; // epoch seconds, UTC
    qint64 end = 0;
    QString locationId; // empty: none
    QString language;
    QString timeZone;
    QString email;
    QString policyVersion;
    QString browserKey;
    QString sealed; // the browser's sealed envelope (base64url), opaque to the server
    QString status; // pending, confirmed, declined, proposed, cancelled
    int sequence = 0;
    std::optional<qint64> proposalStart;
    std::optional<qint64> proposalEnd;
    bool invited = false; // an invitation (METHOD:REQUEST) went out
    QString manageTokenHash;
    QString requestHash; // what the browser sent, for idempotent retries
    QString replySealed; // the first answer under the server key
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 0; // the organisation's change counter at the last change
    QString noteSealed; // the advisor's private note (sealed envelope, base64url); empty: none

    // Statuses that hold the advisor's time.
    [[nodiscard]] bool isActive() const
    {
        return status == QLatin1String("pending") || status == QLatin1String("confirmed") ||
               status == QLatin1String("proposed");
    }
};

struct ContactMessageRecord
{
    QString id;
    QString organisationId;
    QString language;
    QString timeZone;
    QString email;
    QString policyVersion;
    QString browserKey;
    QString sealed;
    QString status; // new, done
    QString requestHash;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 0;
};

// A removed booking or contact message, as GET /requests?since= reports it.
struct Tombstone
{
    QString kind; // booking, message
    QString id;
    qint64 version = 0;
};

// An advisor's undoable change (reschedule, cancel): what it replaced, what it set, and the outbox
// row of its held mail.
struct HeldChange
{
    QString changeId;
    QString organisationId;
    QString bookingId;
    QString action;
    qint64 previousStart = 0;
    qint64 previousEnd = 0;
    QString previousStatus;
    int previousSequence = 0;
    std::optional<qint64> previousProposalStart;
    std::optional<qint64> previousProposalEnd;
    qint64 afterStart = 0;
    qint64 afterEnd = 0;
    QString afterStatus;
    int afterSequence = 0;
    QString outboxId;
    qint64 until = 0;
    qint64 createdAt = 0;

    // The booking still shows what this change set.
    [[nodiscard]] bool isLatestOf(const BookingRecord &booking) const
    {
        return booking.start == afterStart && booking.end == afterEnd && booking.status == afterStatus &&
               booking.sequence == afterSequence;
    }
};

struct OutboxMail
{
    QString id;
    QString organisationId;
    QString mailSealed; // the rendered mail (MailMessage JSON) under the server key
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    qint64 createdAt = 0;
};

struct BookedTime
{
    QString advisorId;
    qint64 start = 0;
    qint64 end = 0;
};

// Bookings, contact messages, the mail outbox and used ALTCHA challenges (migration 5), over the
// Store's connection. Every organisation-scoped read takes the organisation id.
class BookingStore
{
public:
    explicit BookingStore(const Store &store);

    // One transaction around a booking's checks and writes (nothing half-stored).
    [[nodiscard]] bool begin();
    [[nodiscard]] bool commit();
    void rollback();

    [[nodiscard]] std::optional<OrganisationRecord> organisationById(const QString &id) const;
    [[nodiscard]] std::optional<BookingRecord> bookingById(const QString &id) const;
    [[nodiscard]] std::optional<BookingRecord> bookingOfOrganisation(const QString &organisationId,
                                                                     const QString &id) const;
    [[nodiscard]] std::optional<BookingRecord> bookingByTokenHash(const QString &tokenHash) const;
    // Takes the organisation's next version (inside the caller's transaction); -1 on failure.
    [[nodiscard]] qint64 nextVersion(const QString &organisationId);
    // The organisation's current version (the cursor of a full sync) and the oldest cursor that can
    // still be answered; std::nullopt on failure.
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> versionRange(const QString &organisationId) const;
    [[nodiscard]] bool insertBooking(const BookingRecord &booking);
    // Writes status, times, sequence, proposal, invited, note, version and updated_at.
    [[nodiscard]] bool updateBooking(const BookingRecord &booking);
    // Active bookings of the advisor overlapping [start, end), other than `exceptId`; -1 on failure.
    [[nodiscard]] int overlappingBookings(const QString &advisorId, qint64 start, qint64 end,
                                          const QString &exceptId = {}) const;
    // Time held by the organisation's bookings (pending, confirmed, proposed: their time and a
    // proposed time) overlapping [from, to), leaving out `exceptId`: busy time for SlotService.
    [[nodiscard]] QList<BookedTime> bookedIntervals(const QString &organisationId, qint64 from, qint64 to,
                                                    const QString &exceptId = {}) const;
    // Newest first; `activeOnly`: pending and proposed (what still needs the advisor).
    [[nodiscard]] QList<BookingRecord> bookingsOfOrganisation(const QString &organisationId, bool openOnly) const;
    // Bookings and messages whose version is greater than `since`; removed ones as tombstones.
    [[nodiscard]] QList<BookingRecord> bookingsChangedSince(const QString &organisationId, qint64 since) const;
    [[nodiscard]] QList<ContactMessageRecord> messagesChangedSince(const QString &organisationId, qint64 since) const;
    [[nodiscard]] QList<Tombstone> tombstonesSince(const QString &organisationId, qint64 since) const;
    // Deletes a booking or message and leaves a tombstone with a new version (for retention jobs),
    // in the caller's transaction.
    [[nodiscard]] StoreResult removeRequest(const QString &organisationId, const QString &kind, const QString &id,
                                            qint64 now);
    // Forgets tombstones removed before `before` and held changes that ended before it; raises each
    // organisation's floor past the forgotten versions.
    [[nodiscard]] bool pruneTombstones(qint64 before);

    [[nodiscard]] std::optional<ContactMessageRecord> messageById(const QString &id) const;
    [[nodiscard]] bool insertMessage(const ContactMessageRecord &message);
    // Sets status `done` and the given version.
    [[nodiscard]] StoreResult markMessageDone(const QString &organisationId, const QString &id, qint64 now,
                                              qint64 version);
    [[nodiscard]] QList<ContactMessageRecord> messagesOfOrganisation(const QString &organisationId,
                                                                     bool openOnly) const;

    // `notBefore`: the mail is not sent earlier (an undo window). Fills `id` with the row's id.
    [[nodiscard]] bool enqueueMail(const QString &organisationId, const QString &mailSealed, qint64 now,
                                   qint64 notBefore = 0, QString *id = nullptr);
    // The worker takes a due row before sending it (moving its next attempt to `leaseUntil`); false
    // when the row is gone or was taken (an undo removed it).
    [[nodiscard]] bool claimMail(const QString &id, qint64 seenNextAttempt, qint64 leaseUntil);
    // Removes a held mail that was never tried; false when it is gone or being sent.
    [[nodiscard]] bool withdrawHeldMail(const QString &id);

    [[nodiscard]] bool insertHeldChange(const HeldChange &change);
    [[nodiscard]] std::optional<HeldChange> heldChange(const QString &organisationId, const QString &changeId) const;
    [[nodiscard]] bool deleteHeldChange(const QString &changeId);
    // The organisation's held changes whose window is open at `now` and whose mail still waits,
    // the newest of each booking.
    [[nodiscard]] QHash<QString, HeldChange> openHeldChanges(const QString &organisationId, qint64 now) const;
    [[nodiscard]] QList<OutboxMail> dueMails(qint64 now, int limit) const;
    [[nodiscard]] bool deleteMail(const QString &id);
    [[nodiscard]] bool deferMail(const QString &id, int attempts, qint64 nextAttemptAt, const QString &error);

    // Records an ALTCHA challenge as used (pruning expired ones); false when it was used before.
    [[nodiscard]] bool consumeAltcha(const QString &challenge, qint64 expiresAt, qint64 now);

private:
    QString m_connectionName;
};

} // namespace Lotse::Server
