#pragma once

#include "server-stub/Store.h"

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
    [[nodiscard]] bool insertBooking(const BookingRecord &booking);
    // Writes status, times, sequence, proposal, invited and updated_at.
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

    [[nodiscard]] std::optional<ContactMessageRecord> messageById(const QString &id) const;
    [[nodiscard]] bool insertMessage(const ContactMessageRecord &message);
    [[nodiscard]] StoreResult markMessageDone(const QString &organisationId, const QString &id, qint64 now);
    [[nodiscard]] QList<ContactMessageRecord> messagesOfOrganisation(const QString &organisationId,
                                                                     bool openOnly) const;

    [[nodiscard]] bool enqueueMail(const QString &organisationId, const QString &mailSealed, qint64 now);
    [[nodiscard]] QList<OutboxMail> dueMails(qint64 now, int limit) const;
    [[nodiscard]] bool deleteMail(const QString &id);
    [[nodiscard]] bool deferMail(const QString &id, int attempts, qint64 nextAttemptAt, const QString &error);

    // Records an ALTCHA challenge as used (pruning expired ones); false when it was used before.
    [[nodiscard]] bool consumeAltcha(const QString &challenge, qint64 expiresAt, qint64 now);

private:
    QString m_connectionName;
};

} // namespace Lotse::Server
