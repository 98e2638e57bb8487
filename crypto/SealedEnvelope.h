#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Lotse::Crypto {

enum class SealPurpose : quint8
{
    BookingFields = 1, // a booking's personal fields, sealed by the browser to the advisor devices
    RoomKey = 2,       // a room key of one epoch, sealed to each participant
    KeyTransfer = 3,   // other key material handed from one device to others
};

// Multi-recipient seal (FORMAT.md, "Sealed envelope"): one random content key, the payload sealed
// once with XChaCha20-Poly1305, the content key sealed with crypto_box_seal to each recipient's
// X25519 key. Recipients are named by key id; the list is authenticated with the payload.
class SealedEnvelope
{
public:
    static constexpr quint8 Version = 1;
    static constexpr int MaxRecipients = 64;
    static constexpr qsizetype MaxContextSize = 255;
    static constexpr qsizetype MaxPayloadSize = qsizetype(1) << 20;
    static constexpr qsizetype KeyIdSize = 16;
    static constexpr qsizetype SealedKeySize = 80; // crypto_box_seal of a 32-byte key

    // `context` names what is sealed (FORMAT.md lists the contexts) and must be given again to open.
    [[nodiscard]] static Result<QByteArray> seal(const QList<QByteArray> &recipientPublicKeys, SealPurpose purpose,
                                                 QByteArrayView context, QByteArrayView payload);
    // The key ids the envelope is sealed to, in order (not authenticated until open()).
    [[nodiscard]] static Result<QList<QByteArray>> recipientKeyIds(QByteArrayView envelope);
    [[nodiscard]] static Result<QByteArray> open(const EncryptionKeyPair &recipient, SealPurpose purpose,
                                                 QByteArrayView context, QByteArrayView envelope);
};

} // namespace Lotse::Crypto
