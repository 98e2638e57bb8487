#pragma once

#include "server-stub/Altcha.h"
#include "server-stub/Api.h"
#include "server-stub/RoomFiles.h"
#include "server-stub/Rooms.h"
#include "server-stub/WaitingRoom.h"

#include <memory>

namespace Lotse::Server {

// The HTTP part of "Rooms (issue 6)" in API.md: advisors' rooms, the visitor's room by capability
// token, room key envelopes, and the instant-call queue. The WebSocket part is RoomRelay, which
// shares rooms() and waitingRoom() with these endpoints.
class RoomEndpoints
{
public:
    RoomEndpoints(Api &api, const ServerConfig &config);

    // Answers the room and instant paths; std::nullopt for any other path.
    [[nodiscard]] std::optional<Response> dispatch(const Request &request, const QStringList &segments);

    [[nodiscard]] Rooms &rooms() { return m_rooms; }
    [[nodiscard]] WaitingRoom &waitingRoom() { return *m_waiting; }
    [[nodiscard]] RoomFiles &files() { return m_files; }

    // A PUT of a file piece, whose body may be up to RoomFiles::maxPieceBytes (not 64 KiB).
    [[nodiscard]] static bool isFilePiece(const Request &request);

private:
    Response createInstant(const Request &request, const QString &slug);
    Response visitor(const Request &request, const QStringList &segments);
    Response interpreter(const Request &request, const Rooms::Visitor &visitor, const QStringList &segments);
    Response advisorRooms(const Request &request, const Api::Caller &caller, const QStringList &segments);
    Response files(const Request &request, const RoomRecord &room, const QString &uploader, const QString &senderKeyId,
                   const QStringList &fileSegments);
    [[nodiscard]] std::optional<Response> checkSealedName(const QString &sealed, const QString &organisationId) const;

    Api &m_api;
    Rooms m_rooms;
    std::unique_ptr<WaitingRoom> m_waiting;
    Altcha m_altcha;
    RateLimiter m_postsPerIp;
    RateLimiter m_postsPerOrganisation;
    RoomFiles m_files;
    RateLimiter m_fileRequests; // per advisor, or per address for help-seekers
    // Help-seekers' room requests: per link, and per address at ten times that, because a shelter
    // or a family shares one address and a room page makes several requests when it opens.
    RateLimiter m_visitorPerCapability;
    RateLimiter m_visitorPerIp;
    QString m_publicUrl;
};

} // namespace Lotse::Server
