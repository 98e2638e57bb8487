#include "app/RoomFiles.h"

#include "app/RoomService.h"
#include "app/ServerClient.h"

#include "crypto/FileStream.h"
#include "crypto/Random.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QNetworkReply>
#include <QSaveFile>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

struct RoomFiles::Upload
{
    QString roomId;
    QString fileId;
    QString name;
    QString mime;
    qint64 plainSize = 0;
    QByteArray key;
    QByteArray stream;
    qint64 sent = 0;
};

RoomFiles::RoomFiles(ServerClient *client, RoomService *rooms, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_rooms(rooms)
{}

QString RoomFiles::send(const QString &roomId, const QString &localPath, QString *error)
{
    QFile file(localPath);
    const QFileInfo info(localPath);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        *error = tr("The file %1 could not be read.").arg(info.fileName());
        return {};
    }
    if (file.size() > MaxFileBytes) {
        *error = tr("The file %1 is too large (at most %2 MB).").arg(info.fileName()).arg(MaxFileBytes / 1'000'000);
        return {};
    }
    const QByteArray plaintext = file.readAll();
    auto upload = std::make_shared<Upload>();
    upload->roomId = roomId;
    upload->fileId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    upload->name = info.fileName();
    upload->mime = QMimeDatabase().mimeTypeForFile(info).name();
    upload->plainSize = plaintext.size();
    upload->key = Crypto::randomBytes(Crypto::FileStreamFormat::KeySize);
    const auto stream =
        Crypto::encryptFile(Crypto::SecretBytes::fromBytes(upload->key), upload->fileId.toUtf8(), plaintext);
    if (!stream) {
        *error = tr("The file could not be encrypted.");
        return {};
    }
    upload->stream = *stream;
    const QJsonObject body{{u"fileId"_s, upload->fileId},
                           {u"size"_s, qint64(upload->stream.size())},
                           {u"senderKeyId"_s, m_rooms->myKeyId()}};
    m_client->postJson(u"/api/v1/rooms/%1/files"_s.arg(roomId), body,
                       [this, guard = QPointer<RoomFiles>(this), upload](const QJsonObject &, const ApiError &failure) {
                           if (!guard)
                               return;
                           if (failure.isError()) {
                               Q_EMIT finished(upload->roomId, upload->fileId, true,
                                               failure.code == "file_too_large"_L1
                                                   ? tr("The file is too large for the server.")
                                                   : failure.userMessage());
                               return;
                           }
                           putNext(upload);
                       });
    return upload->fileId;
}

void RoomFiles::putNext(const std::shared_ptr<Upload> &upload)
{
    if (upload->sent >= upload->stream.size()) {
        // The blob is complete: only now does the other side learn of it (and get its key).
        const QString problem = m_rooms->sendFileManifest(upload->roomId, upload->fileId, upload->name, upload->mime,
                                                          upload->plainSize, upload->key);
        upload->key.fill('\0');
        Q_EMIT finished(upload->roomId, upload->fileId, true, problem);
        return;
    }
    const QByteArray piece = upload->stream.mid(upload->sent, PieceBytes);
    QNetworkReply *reply = m_client->rawRequest(
        "PUT", u"/api/v1/rooms/%1/files/%2?offset=%3"_s.arg(upload->roomId, upload->fileId).arg(upload->sent), piece,
        {{"Content-Type", "application/octet-stream"}});
    connect(reply, &QNetworkReply::finished, this, [this, reply, upload, length = piece.size()] {
        reply->deleteLater();
        const ApiError failure = ServerClient::errorOf(reply);
        if (failure.isError()) {
            Q_EMIT finished(upload->roomId, upload->fileId, true, failure.userMessage());
            return;
        }
        upload->sent += length;
        Q_EMIT progress(upload->roomId, upload->fileId, upload->sent, upload->stream.size());
        putNext(upload);
    });
}

void RoomFiles::save(const QString &roomId, const QString &fileId, const QString &targetPath)
{
    const Room *room = m_rooms ? m_rooms->room(roomId) : nullptr;
    const ChatEntry *manifest = nullptr;
    if (room) {
        for (const ChatEntry &entry : room->entries) {
            if (entry.kind == ChatEntry::Kind::File && entry.fileId == fileId)
                manifest = &entry;
        }
    }
    if (!manifest) {
        Q_EMIT finished(roomId, fileId, false, tr("This file is not part of the conversation."));
        return;
    }
    // QSaveFile writes beside the target and renames only on commit(): a failed or tampered
    // download never leaves a partial file under the chosen name.
    auto target = std::make_shared<QSaveFile>(targetPath);
    if (!target->open(QIODevice::WriteOnly)) {
        Q_EMIT finished(roomId, fileId, false, tr("%1 could not be written.").arg(targetPath));
        return;
    }
    auto reader =
        std::make_shared<Crypto::FileStreamReader>(Crypto::SecretBytes::fromBytes(manifest->fileKey), fileId.toUtf8());
    auto failed = std::make_shared<bool>(false);
    const qint64 expectedPlain = manifest->fileSize;
    QNetworkReply *reply = m_client->rawRequest("GET", u"/api/v1/rooms/%1/files/%2/content"_s.arg(roomId, fileId));
    reply->setReadBufferSize(4 * PieceBytes);
    connect(reply, &QNetworkReply::readyRead, this, [reply, reader, target, failed] {
        if (*failed || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return;
        const auto plain = reader->push(reply->readAll());
        if (!plain || target->write(*plain) != plain->size())
            *failed = true;
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, roomId, fileId](qint64 received, qint64 total) {
        Q_EMIT progress(roomId, fileId, received, total);
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, reader, target, failed, roomId, fileId, expectedPlain] {
                reply->deleteLater();
                const ApiError failure = ServerClient::errorOf(reply);
                if (failure.isError()) {
                    target->cancelWriting();
                    Q_EMIT finished(roomId, fileId, false, failure.userMessage());
                    return;
                }
                if (!*failed) {
                    const auto plain = reader->push(reply->readAll());
                    if (!plain || target->write(*plain) != plain->size())
                        *failed = true;
                }
                if (*failed || !reader->finish().ok() || qint64(reader->totalSize()) != expectedPlain) {
                    target->cancelWriting();
                    Q_EMIT finished(roomId, fileId, false,
                                    tr("The file could not be decrypted: it is damaged or was changed. Nothing "
                                       "was saved."));
                    return;
                }
                if (!target->commit()) {
                    Q_EMIT finished(roomId, fileId, false, tr("The file could not be saved."));
                    return;
                }
                Q_EMIT finished(roomId, fileId, false, {});
            });
}

} // namespace Lotse::Client
