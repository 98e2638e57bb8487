#pragma once

#include "server-stub/Http.h"
#include "server-stub/RateLimiter.h"
#include "server-stub/ServerConfig.h"
#include "server-stub/SlotService.h"
#include "server-stub/Store.h"

#include "models/ApiTypes.h"
#include "models/Clock.h"

#include <functional>
#include <memory>
#include <optional>

namespace Lotse::Server {

class BookingEndpoints;
class CallEndpoints;
class RoomEndpoints;
class SecretBox;

// The HTTP API of server-stub/API.md over Lotse's own Request/Response: routing, authentication,
// idempotency keys, security headers, the access log. Handlers live in Api*.cpp by topic.
class Api
{
public:
    Api(Store &store, const Models::Clock &clock, const SecretBox &secrets, const ServerConfig &config);

    [[nodiscard]] Response handle(const Request &request);

    struct Caller
    {
        AdvisorRecord advisor;
        QString tokenHash;
    };
    // Resolves a session token (and keeps the session alive); on failure fills the error response.
    [[nodiscard]] std::optional<Caller> authenticate(const QString &token, Response *failure);

    // Whether the session behind `token` still holds (not expired, advisor enabled), without
    // extending it.
    [[nodiscard]] bool isSessionActive(const QString &token) const;

    // Called after a committed change to a booking or contact message of the organisation, with its
    // new version (the WebSocket push).
    using RequestsChangedHandler = std::function<void(const QString &organisationId, qint64 cursor)>;
    void setRequestsChangedHandler(RequestsChangedHandler handler) { m_requestsChanged = std::move(handler); }
    // Rooms and the instant-call queue (issue 6), shared with the WebSocket relay.
    [[nodiscard]] RoomEndpoints &rooms() { return *m_rooms; }

    // The origin of links handed out ([http] public_url, else this request's Host).
    [[nodiscard]] QString publicBase(const Request &request) const;

    static constexpr qint64 sessionIdleSeconds = 12 * 3600;
    static constexpr qint64 sessionAbsoluteSeconds = 30 * 24 * 3600;
    [[nodiscard]] static QString hashToken(const QString &token);

private:
    Response dispatch(const Request &request);
    Response withIdempotency(const Request &request, const Caller &caller, const std::function<Response()> &handler);
    [[nodiscard]] qint64 now() const;
    [[nodiscard]] Models::Advisor toWire(const AdvisorRecord &advisor) const;
    [[nodiscard]] static Models::Device toWire(const DeviceRecord &device);

    // ApiAuth.cpp
    Response login(const Request &request);
    Response logout(const Caller &caller);
    Response me(const Caller &caller);
    Response totpSetup(const Caller &caller);
    Response totpEnable(const Request &request, const Caller &caller);
    Response totpDisable(const Request &request, const Caller &caller);
    [[nodiscard]] bool verifyPasswordAndUpgrade(const AdvisorRecord &advisor, const QString &password);
    [[nodiscard]] QByteArray totpSecretOf(const AdvisorRecord &advisor, const QString &sealed) const;

    // ApiDevices.cpp
    Response registerDevice(const Request &request, const Caller &caller);
    Response listDevices(const Caller &caller);
    Response revokeDevice(const QString &deviceId, const Caller &caller);
    Response publicDevices(const Request &request, const QString &slug);

    // ApiAvailability.cpp
    [[nodiscard]] std::optional<Response> publicRateLimit(const Request &request, const QString &organisationId);
    Response getAvailability(const Caller &caller);
    Response putAvailability(const Request &request, const Caller &caller);
    Response getLocations(const Caller &caller);
    Response putLocations(const Request &request, const Caller &caller);
    Response getHolidays(const Caller &caller);
    Response putHolidays(const Request &request, const Caller &caller);
    Response getOrgSettings(const Caller &caller);
    Response putOrgSettings(const Request &request, const Caller &caller);
    Response putBusy(const Request &request, const Caller &caller);
    Response publicOrganisation(const Request &request, const QString &slug);
    Response publicSlots(const Request &request, const QString &slug);

    Response health();

    // Bookings, contact messages, ALTCHA, the manage link and requests (BookingEndpoints.h)
    friend class BookingEndpoints;
    std::shared_ptr<BookingEndpoints> m_bookings;
    friend class RoomEndpoints;
    std::shared_ptr<RoomEndpoints> m_rooms;
    friend class CallEndpoints;
    std::shared_ptr<CallEndpoints> m_calls;

    Store &m_store;
    const Models::Clock &m_clock;
    const SecretBox &m_secrets;
    RateLimiter m_loginPerIp;
    RateLimiter m_loginPerAccount;
    RateLimiter m_publicPerIp;
    RateLimiter m_publicPerOrg; // public reads per organisation: 20 times the per-IP limit
    SlotService m_slots;
    QByteArray m_dummyHash;
    bool m_servesTls = false;
    QString m_publicUrl;
    RequestsChangedHandler m_requestsChanged;
};

} // namespace Lotse::Server
