#include "server-stub/RoomFiles.h"

#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/Rooms.h"
#include "server-stub/SqlStatement.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr qint64 chunkSize = 65'536;
constexpr qint64 chunkOverhead = 21;  // u32 index + secretstream tag and MAC
constexpr qint64 headerOverhead = 38; // version, chunk size, total size, id length, secretstream header

const QString fileColumns = u"room_id, id, uploader, sender_key_id, size, received, complete, created_at, updated_at"_s;

RoomFileRecord fileFrom(const QSqlQuery &q)
{
    RoomFileRecord f;
    f.roomId = q.value(0).toString();
    f.id = q.value(1).toString();
    f.uploader = q.value(2).toString();
    f.senderKeyId = q.value(3).toString();
    f.size = q.value(4).toLongLong();
    f.received = q.value(5).toLongLong();
    f.complete = q.value(6).toBool();
    f.createdAt = q.value(7).toLongLong();
    f.updatedAt = q.value(8).toLongLong();
    return f;
}

// fsync of a file or directory by path: a new directory entry is durable only after its parent
// directory was synced.
bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

Response withErrorField(Response response, const QString &name, const QJsonValue &value)
{
    QJsonObject json = QJsonDocument::fromJson(response.body).object();
    QJsonObject error = json.value("error"_L1).toObject();
    error.insert(name, value);
    json.insert(u"error"_s, error);
    return Response::json(response.status, json);
}

Response fileNotFound()
{
    return Response::error(404, u"file_not_found"_s, u"There is no such file in this room."_s);
}

Response storageFailed()
{
    return Response::error(500, u"storage_failed"_s, u"The file could not be stored. Please try again."_s);
}

} // namespace

RoomFiles::RoomFiles(const Store &store, const Models::Clock &clock, const QString &dataDir, Limits limits)
    : m_connectionName(store.database().connectionName())
    , m_clock(clock)
    , m_blobs(QDir(dataDir).filePath(u"blobs"_s))
    , m_limits(limits)
{}

qint64 RoomFiles::now() const
{
    return m_clock.now().toSecsSinceEpoch();
}

qint64 RoomFiles::streamBytes(qint64 plaintext, qint64 fileIdLength)
{
    const qint64 chunks = std::max<qint64>(1, (plaintext + chunkSize - 1) / chunkSize);
    return headerOverhead + fileIdLength + chunkOverhead * chunks + plaintext;
}

QString RoomFiles::blobPath(const QString &roomId, const QString &fileId) const
{
    return m_blobs.filePath(roomId + u'/' + fileId);
}

std::optional<RoomFileRecord> RoomFiles::fileOf(const QString &roomId, const QString &fileId) const
{
    if (!RequestValidator::isUuid(fileId))
        return std::nullopt;
    Sql sql(QSqlDatabase::database(m_connectionName, false),
            u"SELECT "_s + fileColumns + u" FROM room_files WHERE room_id = :room AND id = :id"_s,
            {{u":room"_s, roomId}, {u":id"_s, fileId}});
    if (!sql.ok || !sql.query.next())
        return std::nullopt;
    return fileFrom(sql.query);
}

QJsonObject RoomFiles::fileJson(const RoomFileRecord &file) const
{
    return {
        {u"id"_s, file.id},
        {u"size"_s, file.size},
        {u"received"_s, file.received},
        {u"complete"_s, file.complete},
        {u"createdAt"_s, Rooms::isoUtc(file.createdAt)},
        {u"senderKeyId"_s, file.senderKeyId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(file.senderKeyId)}};
}

Response RoomFiles::create(const RoomRecord &room, const QString &uploader, const QString &senderKeyId,
                           const QJsonObject &body)
{
    removeStaleUploads();
    const QString fileId = body.value("fileId"_L1).toString();
    const double size = body.value("size"_L1).toDouble();
    QMap<QString, QString> fields;
    if (!RequestValidator::isUuid(fileId))
        fields.insert(u"fileId"_s, u"must be a lower-case UUID"_s);
    if (size != std::floor(size) || size < double(minStreamBytes))
        fields.insert(u"size"_s, u"must be a whole number of bytes, at least %1"_s.arg(minStreamBytes));
    if (!fields.isEmpty())
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, fields);
    if (size > double(streamBytes(m_limits.maxFileBytes)))
        return withErrorField(
            Response::error(413, u"file_too_large"_s, u"This file is larger than the server accepts."_s), u"maxBytes"_s,
            m_limits.maxFileBytes);
    const qint64 bytes = qint64(size);

    if (const auto existing = fileOf(room.id, fileId)) {
        if (existing->size == bytes && existing->uploader == uploader)
            return Response::json(200, {{u"file"_s, fileJson(*existing)}}); // a retry
        return Response::error(409, u"file_exists"_s, u"Another file with this id exists in this room."_s);
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    Sql total(db, u"SELECT COALESCE(SUM(size), 0) FROM room_files WHERE room_id = :room"_s, {{u":room"_s, room.id}});
    if (!total.ok || !total.query.next())
        return storageFailed();
    if (total.query.value(0).toLongLong() + bytes > m_limits.maxRoomBytes)
        return withErrorField(Response::error(413, u"room_full"_s, u"This conversation has no room for more files."_s),
                              u"maxRoomBytes"_s, m_limits.maxRoomBytes);

    // The empty blob first (durably), then the row: a row never names a blob that is not there.
    const QString roomDir = m_blobs.filePath(room.id);
    const bool newRoomDir = !QDir(roomDir).exists();
    QFile blob(blobPath(room.id, fileId));
    if (!QDir().mkpath(roomDir) || !blob.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        ::fsync(blob.handle()) != 0 || !syncPath(roomDir) ||
        (newRoomDir && (!syncPath(m_blobs.path()) || !syncPath(QFileInfo(m_blobs.path()).path())))) {
        JsonLog::error(u"blob_create_failed"_s, {{u"room"_s, room.id}, {u"file"_s, fileId}});
        blob.remove();
        return storageFailed();
    }
    blob.close();
    RoomFileRecord file{room.id, fileId, uploader, senderKeyId, bytes, 0, false, now(), now()};
    Sql insert(db,
               u"INSERT INTO room_files (room_id, id, uploader, sender_key_id, size, received, complete, created_at, "
               "updated_at) VALUES (:room, :id, :uploader, :key, :size, 0, 0, :now, :now)"_s,
               {{u":room"_s, room.id},
                {u":id"_s, fileId},
                {u":uploader"_s, uploader},
                {u":key"_s, senderKeyId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(senderKeyId)},
                {u":size"_s, bytes},
                {u":now"_s, file.createdAt}});
    if (!insert.ok) {
        blob.remove();
        return storageFailed();
    }
    JsonLog::info(u"file_created"_s, {{u"room"_s, room.id}, {u"file"_s, fileId}, {u"size"_s, bytes}});
    return Response::json(201, {{u"file"_s, fileJson(file)}});
}

Response RoomFiles::append(const RoomRecord &room, const QString &uploader, const QString &fileId,
                           const Request &request)
{
    auto file = fileOf(room.id, fileId);
    if (!file)
        return fileNotFound();
    if (file->uploader != uploader)
        return Response::error(403, u"not_uploader"_s, u"Only the sender of this file can upload it."_s);
    if (file->complete)
        return Response::error(409, u"file_complete"_s, u"This file is already complete."_s);
    static const QRegularExpression digits(u"^[0-9]{1,15}$"_s);
    const QString offsetText = request.query.queryItemValue(u"offset"_s);
    if (!digits.match(offsetText).hasMatch())
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"offset"_s, u"required: the number of bytes already received"_s}});
    if (offsetText.toLongLong() != file->received)
        return withErrorField(
            Response::error(409, u"offset_mismatch"_s, u"The upload does not continue where the server stands."_s),
            u"received"_s, file->received);
    const qint64 piece = request.body.size();
    if (piece < 1 || piece > maxPieceBytes)
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"body"_s, u"1 to 1048576 bytes"_s}});
    if (file->received + piece > file->size)
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s,
                               {{u"body"_s, u"more bytes than the file's size"_s}});

    // Cut what a crash may have left after the last acknowledged byte, append, and sync before
    // the row (and so the answer) says the bytes are there.
    QFile blob(blobPath(room.id, fileId));
    if (!blob.exists() || !blob.open(QIODevice::ReadWrite) || !blob.resize(file->received) ||
        !blob.seek(file->received) || blob.write(request.body) != piece || !blob.flush() ||
        ::fdatasync(blob.handle()) != 0) {
        JsonLog::error(u"blob_write_failed"_s,
                       {{u"room"_s, room.id}, {u"file"_s, fileId}, {u"error"_s, blob.errorString()}});
        return storageFailed();
    }
    blob.close();
    const qint64 received = file->received + piece;
    const bool complete = received == file->size;
    Sql update(QSqlDatabase::database(m_connectionName, false),
               u"UPDATE room_files SET received = :received, complete = :complete, updated_at = :now "
               "WHERE room_id = :room AND id = :id AND received = :before"_s,
               {{u":received"_s, received},
                {u":complete"_s, complete ? 1 : 0},
                {u":now"_s, now()},
                {u":room"_s, room.id},
                {u":id"_s, fileId},
                {u":before"_s, file->received}});
    if (!update.ok || update.query.numRowsAffected() != 1)
        return storageFailed();
    file->received = received;
    file->complete = complete;
    file->updatedAt = now();
    if (complete)
        JsonLog::info(u"file_complete"_s, {{u"room"_s, room.id}, {u"file"_s, fileId}, {u"size"_s, received}});
    return Response::json(200, {{u"file"_s, fileJson(*file)}});
}

Response RoomFiles::state(const RoomRecord &room, const QString &fileId) const
{
    const auto file = fileOf(room.id, fileId);
    return file ? Response::json(200, {{u"file"_s, fileJson(*file)}}) : fileNotFound();
}

Response RoomFiles::content(const RoomRecord &room, const QString &fileId, const Request &request) const
{
    const auto file = fileOf(room.id, fileId);
    if (!file)
        return fileNotFound();
    if (!file->complete)
        return withErrorField(Response::error(409, u"file_incomplete"_s, u"This file is not fully uploaded yet."_s),
                              u"received"_s, file->received);
    // Only "bytes=<from>-" (resuming a download); other forms are ignored, as RFC 9110 allows.
    qint64 from = 0;
    bool ranged = false;
    static const QRegularExpression rangeForm(u"^bytes=([0-9]{1,15})-$"_s);
    const auto range = rangeForm.match(QString::fromLatin1(request.header("range")).trimmed());
    if (range.hasMatch()) {
        from = range.captured(1).toLongLong();
        ranged = true;
        if (from >= file->size) {
            Response response = Response::error(416, u"range_not_satisfiable"_s,
                                                u"The requested range starts after the end of the file."_s);
            response.setHeader("Content-Range", "bytes */" + QByteArray::number(file->size));
            return response;
        }
    }
    QFile blob(blobPath(room.id, fileId));
    if (!blob.open(QIODevice::ReadOnly) || blob.size() < file->size || !blob.seek(from)) {
        JsonLog::error(u"blob_read_failed"_s, {{u"room"_s, room.id}, {u"file"_s, fileId}});
        return Response::error(500, u"internal_error"_s, u"The file could not be read."_s);
    }
    Response response;
    response.status = ranged ? 206 : 200;
    response.contentType = "application/octet-stream";
    response.body = blob.read(file->size - from);
    if (response.body.size() != file->size - from)
        return Response::error(500, u"internal_error"_s, u"The file could not be read."_s);
    response.setHeader("Accept-Ranges", "bytes");
    if (ranged)
        response.setHeader("Content-Range", "bytes " + QByteArray::number(from) + '-' +
                                                QByteArray::number(file->size - 1) + '/' +
                                                QByteArray::number(file->size));
    return response;
}

int RoomFiles::removeStaleUploads()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    Sql stale(db, u"SELECT room_id, id FROM room_files WHERE complete = 0 AND updated_at <= :before"_s,
              {{u":before"_s, now() - staleUploadSeconds}});
    QList<QPair<QString, QString>> files;
    while (stale.ok && stale.query.next())
        files.append({stale.query.value(0).toString(), stale.query.value(1).toString()});
    int removed = 0;
    for (const auto &[roomId, fileId] : std::as_const(files)) {
        // The row goes first: a blob without a row is harmless, a row without its blob is not.
        Sql remove(db, u"DELETE FROM room_files WHERE room_id = :room AND id = :id AND complete = 0"_s,
                   {{u":room"_s, roomId}, {u":id"_s, fileId}});
        if (!remove.ok)
            continue;
        QFile::remove(blobPath(roomId, fileId));
        ++removed;
    }
    if (removed > 0)
        JsonLog::info(u"stale_uploads_removed"_s, {{u"count"_s, removed}});
    return removed;
}

bool RoomFiles::removeRoomFiles(const QString &roomId)
{
    if (!RequestValidator::isUuid(roomId))
        return false;
    Sql remove(QSqlDatabase::database(m_connectionName, false), u"DELETE FROM room_files WHERE room_id = :room"_s,
               {{u":room"_s, roomId}});
    if (!remove.ok)
        return false;
    QDir dir(m_blobs.filePath(roomId));
    return !dir.exists() || dir.removeRecursively();
}

} // namespace Lotse::Server
