#pragma once

#include "server-stub/Http.h"
#include "server-stub/RoomStore.h"

#include "models/Clock.h"

#include <QDir>
#include <QJsonObject>

namespace Lotse::Server {

struct RoomFileRecord
{
    QString roomId;
    QString id;          // chosen by the sender, a lower-case UUID
    QString uploader;    // advisor:<id> or visitor
    QString senderKeyId; // may be empty (an advisor who named no device)
    qint64 size = 0;     // the whole stream (FORMAT.md §7), declared up front
    qint64 received = 0; // bytes fsync'd so far
    bool complete = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// A room's file blobs (API.md, "Files"): FORMAT.md §7 streams the clients encrypted, uploaded in
// pieces at an offset and stored as DATA_DIR/blobs/<room>/<file>. The server never sees a file key,
// name or type. Every piece is on disk (fsync) before it is acknowledged.
class RoomFiles
{
public:
    struct Limits
    {
        qint64 maxFileBytes = 0; // plaintext
        qint64 maxRoomBytes = 0; // all streams of a room
    };
    RoomFiles(const Store &store, const Models::Clock &clock, const QString &dataDir, Limits limits);

    static constexpr qint64 maxPieceBytes = 1024 * 1024;
    static constexpr qint64 minStreamBytes = 63;
    static constexpr qint64 staleUploadSeconds = 24 * 3600;
    // The length of a FORMAT.md §7 stream of `plaintext` bytes under a `fileIdLength`-byte id with
    // 65 536-byte chunks: 38 + L + 21·N + S.
    [[nodiscard]] static qint64 streamBytes(qint64 plaintext, qint64 fileIdLength = 36);

    // The handlers behind …/files, …/files/{id} and …/files/{id}/content, for a room the caller
    // may enter. `uploader` is advisor:<id> or visitor.
    [[nodiscard]] Response create(const RoomRecord &room, const QString &uploader, const QString &senderKeyId,
                                  const QJsonObject &body);
    [[nodiscard]] Response append(const RoomRecord &room, const QString &uploader, const QString &fileId,
                                  const Request &request);
    [[nodiscard]] Response state(const RoomRecord &room, const QString &fileId) const;
    [[nodiscard]] Response content(const RoomRecord &room, const QString &fileId, const Request &request) const;

    // Removes uploads that got no piece for 24 hours (rows and blobs); the number removed.
    int removeStaleUploads();
    // Removes every file of the room (retention); false when something could not be removed.
    [[nodiscard]] bool removeRoomFiles(const QString &roomId);

private:
    [[nodiscard]] std::optional<RoomFileRecord> fileOf(const QString &roomId, const QString &fileId) const;
    [[nodiscard]] QString blobPath(const QString &roomId, const QString &fileId) const;
    [[nodiscard]] QJsonObject fileJson(const RoomFileRecord &file) const;
    [[nodiscard]] qint64 now() const;

    QString m_connectionName;
    const Models::Clock &m_clock;
    QDir m_blobs;
    Limits m_limits;
};

} // namespace Lotse::Server
