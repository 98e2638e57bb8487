#pragma once

#include <QObject>
#include <QPointer>

namespace Lotse::Client {

class RoomService;
class ServerClient;

// Files in a room (API.md "Files", FORMAT.md §7): sending encrypts a file with a fresh key into a
// stream, uploads it in pieces (each fsync'd by the server) and then sends the manifest record;
// saving downloads the stream and decrypts it chunk by chunk into a temporary file that becomes
// the chosen file only when the reader finished without error.
class RoomFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxFileBytes = 52'428'800; // the server's default [rooms] max_file_bytes
    static constexpr qint64 PieceBytes = 1'048'576;

    RoomFiles(ServerClient *client, RoomService *rooms, QObject *parent = nullptr);

    // Starts sending; the new file's id, or empty with `error` set when the file cannot be read
    // or is too large.
    QString send(const QString &roomId, const QString &localPath, QString *error);
    // Starts saving the file of a manifest in `roomId` to `targetPath`.
    void save(const QString &roomId, const QString &fileId, const QString &targetPath);

Q_SIGNALS:
    // `done` of `total` bytes of the stream moved.
    void progress(const QString &roomId, const QString &fileId, qint64 done, qint64 total);
    void finished(const QString &roomId, const QString &fileId, bool upload, const QString &error);

private:
    struct Upload;
    void putNext(const std::shared_ptr<Upload> &upload);

    QPointer<ServerClient> m_client;
    QPointer<RoomService> m_rooms;
};

} // namespace Lotse::Client
