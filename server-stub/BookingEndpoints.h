#pragma once

#include "server-stub/Altcha.h"
#include "server-stub/Api.h"
#include "server-stub/BookingSlots.h"
#include "server-stub/BookingStore.h"
#include "server-stub/MailTemplates.h"

#include <memory>

namespace Lotse::Server {

// The booking part of API.md: public booking and contact-message POSTs with ALTCHA, the manage
// link (capability token of one booking) and the advisors' requests. Split by topic over
// ApiBookings.cpp, ApiManage.cpp and ApiRequests.cpp.
class BookingEndpoints
{
public:
    BookingEndpoints(Api &api, const ServerConfig &config);

    // Answers the booking paths; std::nullopt for any other path.
    [[nodiscard]] std::optional<Response> dispatch(const Request &request, const QStringList &segments);

    // How long a manage link works after the appointment ended.
    static constexpr qint64 manageRetentionSeconds = 30 * 24 * 3600;
    // How long tombstones of removed requests answer `since` cursors.
    static constexpr qint64 tombstoneSeconds = 30 * 24 * 3600;

private:
    // ApiBookings.cpp
    Response altchaChallenge(const Request &request);
    Response createBooking(const Request &request, const QString &slug);
    Response createMessage(const Request &request, const QString &slug);
    [[nodiscard]] std::optional<Response> refusePublicPost(const Request &request,
                                                           const std::optional<OrganisationRecord> &organisation);
    [[nodiscard]] std::optional<Response> rateLimited(const Request &request, const QString &organisationId);

    // ApiManage.cpp
    Response manage(const Request &request, const QString &action);
    [[nodiscard]] QJsonObject manageView(const BookingRecord &booking) const;

    // ApiRequests.cpp
    Response listRequests(const Request &request, const Api::Caller &caller);
    Response bookingAction(const Request &request, const Api::Caller &caller, const QString &bookingId,
                           const QString &action);
    Response messageDone(const Api::Caller &caller, const QString &messageId);
    // The request item of API.md; `openHeld`: the organisation's open held changes (pendingChange).
    [[nodiscard]] QJsonObject bookingItem(const BookingRecord &booking) const;
    [[nodiscard]] static QJsonObject bookingItem(const BookingRecord &booking,
                                                 const QHash<QString, HeldChange> &openHeld);
    [[nodiscard]] static QJsonObject messageItem(const ContactMessageRecord &message);
    // 409 version_conflict (with the current item) when If-Match names another version; 400 when
    // it is not a version.
    [[nodiscard]] std::optional<Response> checkIfMatch(const Request &request, const BookingRecord &booking) const;
    [[nodiscard]] Response versionConflict(const BookingRecord &booking) const;

    // ApiCalendar.cpp: the advisor's calendar (reschedule, cancel, undo, note)
    Response reschedule(const Request &request, const Api::Caller &caller, const QString &bookingId);
    Response cancel(const Request &request, const Api::Caller &caller, const QString &bookingId);
    Response undo(const Request &request, const Api::Caller &caller, const QString &bookingId);
    Response putNote(const Request &request, const Api::Caller &caller, const QString &bookingId);
    // Commits a held change: the booking (with a new version), its mail held for the undo window
    // and the undo record. Answers {"booking", "undo"}.
    Response commitHeldChange(const Request &request, const Api::Caller &caller, BookingRecord booking,
                              const BookingRecord &previous, BookingMailKind kind, const QString &reason);

    // Shared helpers (ApiBookings.cpp)
    [[nodiscard]] qint64 now() const;
    [[nodiscard]] std::optional<Response> checkSealed(const QString &sealed, const QString &organisationId) const;
    // `token`: the manage token when it is at hand (a new booking); otherwise the stored first answer's.
    [[nodiscard]] MailTemplates::BookingContext mailContext(const BookingRecord &booking, const Request &request,
                                                            const QString &token) const;
    [[nodiscard]] QString manageLink(const Request &request, const QString &token) const;
    [[nodiscard]] bool queueBookingMail(BookingMailKind kind, const BookingRecord &booking, const Request &request,
                                        const QString &reason = {});
    // After a commit: tells the organisation's advisor sockets (WebSocket push).
    void changed(const QString &organisationId, qint64 version) const;
    [[nodiscard]] Response slotTaken(const SlotQuery &query, qint64 start) const;
    [[nodiscard]] QJsonObject bookingJson(const BookingRecord &booking) const;

    Api &m_api;
    BookingStore m_bookings;
    Altcha m_altcha;
    RateLimiter m_postsPerIp;
    RateLimiter m_postsPerOrganisation;
    QString m_publicUrl;
    QString m_mailFrom;
    qint64 m_undoSeconds = 30;
    std::unique_ptr<BookingSlots> m_slots;
};

} // namespace Lotse::Server
