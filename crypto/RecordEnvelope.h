#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Lotse::Crypto {

class ReplayGuard;

// What a record is for; part of the authenticated header, so a whiteboard operation can never be
// opened as a chat message (FORMAT.md, "Record envelope").
enum class RecordPurpose : quint8
{
    ChatMessage = 1,
    WhiteboardOperation = 2,
    SignaturePackage = 3,
    RoomControl = 4,
    FileManifest = 5,
};

// Everything a record is bound to besides its plaintext.
struct RecordContext
{
    QByteArray roomId;    // 1..255 bytes: the UTF-8 bytes of the room's id
    quint32 epoch = 0;    // the room key's epoch
    QByteArray senderId;  // 1..255 bytes: the sender's key id (keyId() of its X25519 key)
    quint64 sequence = 0; // the sender's counter within (room, epoch); never reused
    RecordPurpose purpose = RecordPurpose::ChatMessage;
};

// The clear part of a record: enough to pick the epoch's key and to check for replays before
// spending a decryption.
struct RecordHeader
{
    RecordPurpose purpose = RecordPurpose::ChatMessage;
    quint32 epoch = 0;
    quint64 sequence = 0;
};

struct OpenedRecord
{
    QByteArray plaintext;
    quint32 epoch = 0;
    quint64 sequence = 0;
};

// A room record: XChaCha20-Poly1305 (IETF) under the room key of one epoch, random 24-byte nonce.
class RecordEnvelope
{
public:
    static constexpr quint8 Version = 1;
    static constexpr qsizetype HeaderSize = 38;
    static constexpr qsizetype TagSize = 16;
    static constexpr qsizetype MaxPlaintextSize = qsizetype(1) << 20;
    static constexpr qsizetype KeySize = 32;

    [[nodiscard]] static Result<QByteArray> seal(const SecretBytes &roomKey, const RecordContext &context,
                                                 QByteArrayView plaintext);
    [[nodiscard]] static Result<RecordHeader> peek(QByteArrayView envelope);
    // Checks the envelope was made for this room, sender and purpose; epoch and sequence come
    // from the (authenticated) header.
    [[nodiscard]] static Result<OpenedRecord> open(const SecretBytes &roomKey, QByteArrayView roomId,
                                                   QByteArrayView senderId, RecordPurpose purpose,
                                                   QByteArrayView envelope);
    // The same, refusing a (epoch, sender, sequence) the guard has seen; records it on success.
    [[nodiscard]] static Result<OpenedRecord> open(const SecretBytes &roomKey, QByteArrayView roomId,
                                                   QByteArrayView senderId, RecordPurpose purpose,
                                                   QByteArrayView envelope, ReplayGuard &guard);
};

} // namespace Lotse::Crypto
