#include "crypto/RecordEnvelope.h"

#include "crypto/ReplayGuard.h"
#include "crypto/internal/Bytes.h"
#include "crypto/internal/Primitives.h"
#include "crypto/internal/Sodium.h"

namespace Lotse::Crypto {

using namespace Internal;

namespace {

constexpr qsizetype NonceSize = 24;
constexpr qsizetype FixedFieldsSize = 14; // version, purpose, epoch, sequence

// "lotse-record-v1" || version || purpose || epoch || sequence || len || roomId || len || senderId
QByteArray associatedData(QByteArrayView fixedFields, QByteArrayView roomId, QByteArrayView senderId)
{
    QByteArray ad("lotse-record-v1");
    ad.append(fixedFields);
    appendShortBytes(ad, roomId);
    appendShortBytes(ad, senderId);
    return ad;
}

Status checkIds(QByteArrayView roomId, QByteArrayView senderId)
{
    if (roomId.isEmpty() || roomId.size() > 255 || senderId.isEmpty() || senderId.size() > 255)
        return Error::InvalidLength;
    return Ok{};
}

} // namespace

Result<QByteArray> Internal::sealRecordWithNonce(const SecretBytes &roomKey, const RecordContext &context,
                                                 QByteArrayView plaintext, QByteArrayView nonce)
{
    if (roomKey.size() != RecordEnvelope::KeySize)
        return Error::InvalidKey;
    if (auto s = checkIds(context.roomId, context.senderId); !s)
        return s.error();
    if (nonce.size() != NonceSize)
        return Error::InvalidLength;
    if (plaintext.size() > RecordEnvelope::MaxPlaintextSize)
        return Error::TooLarge;
    QByteArray out;
    out.reserve(RecordEnvelope::HeaderSize + plaintext.size() + RecordEnvelope::TagSize);
    appendU8(out, RecordEnvelope::Version);
    appendU8(out, static_cast<quint8>(context.purpose));
    appendU32(out, context.epoch);
    appendU64(out, context.sequence);
    const QByteArray ad = associatedData(out, context.roomId, context.senderId);
    out.append(nonce);
    // Encrypt straight into the envelope: no second buffer, no copy.
    out.resize(RecordEnvelope::HeaderSize + plaintext.size() + RecordEnvelope::TagSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(uc(out) + RecordEnvelope::HeaderSize, nullptr, uc(plaintext),
                                               ull(plaintext.size()), uc(ad), ull(ad.size()), nullptr, uc(nonce),
                                               roomKey.data());
    return out;
}

Result<QByteArray> RecordEnvelope::seal(const SecretBytes &roomKey, const RecordContext &context,
                                        QByteArrayView plaintext)
{
    ensureSodium();
    QByteArray nonce(NonceSize, Qt::Uninitialized);
    randombytes_buf(nonce.data(), NonceSize);
    return Internal::sealRecordWithNonce(roomKey, context, plaintext, nonce);
}

Result<RecordHeader> RecordEnvelope::peek(QByteArrayView envelope)
{
    if (envelope.isEmpty())
        return Error::InvalidLength;
    ByteReader reader(envelope);
    const quint8 version = *reader.u8();
    if (version != Version)
        return Error::UnsupportedVersion;
    if (envelope.size() < HeaderSize + TagSize)
        return Error::InvalidLength;
    if (envelope.size() > HeaderSize + MaxPlaintextSize + TagSize)
        return Error::TooLarge;
    RecordHeader header;
    header.purpose = static_cast<RecordPurpose>(*reader.u8());
    header.epoch = *reader.u32();
    header.sequence = *reader.u64();
    return header;
}

Result<OpenedRecord> RecordEnvelope::open(const SecretBytes &roomKey, QByteArrayView roomId, QByteArrayView senderId,
                                          RecordPurpose purpose, QByteArrayView envelope)
{
    if (roomKey.size() != KeySize)
        return Error::InvalidKey;
    if (auto s = checkIds(roomId, senderId); !s)
        return s.error();
    const auto header = peek(envelope);
    if (!header)
        return header.error();
    if (header->purpose != purpose)
        return Error::WrongPurpose;
    const QByteArray ad = associatedData(envelope.first(FixedFieldsSize), roomId, senderId);
    auto plaintext = aeadDecrypt(QByteArrayView(roomKey.data(), roomKey.size()),
                                 envelope.sliced(FixedFieldsSize, NonceSize), ad, envelope.sliced(HeaderSize));
    if (!plaintext)
        return plaintext.error();
    return OpenedRecord{std::move(plaintext).value(), header->epoch, header->sequence};
}

Result<OpenedRecord> RecordEnvelope::open(const SecretBytes &roomKey, QByteArrayView roomId, QByteArrayView senderId,
                                          RecordPurpose purpose, QByteArrayView envelope, ReplayGuard &guard)
{
    // FORMAT.md's order: key, ids, lengths and version, purpose, then the replay window, then
    // the AEAD.
    if (roomKey.size() != KeySize)
        return Error::InvalidKey;
    if (auto s = checkIds(roomId, senderId); !s)
        return s.error();
    const auto header = peek(envelope);
    if (!header)
        return header.error();
    if (header->purpose != purpose)
        return Error::WrongPurpose;
    if (auto s = guard.check(header->epoch, senderId, header->sequence); !s)
        return s.error();
    auto opened = open(roomKey, roomId, senderId, purpose, envelope);
    if (opened)
        guard.accept(opened->epoch, senderId, opened->sequence);
    return opened;
}

} // namespace Lotse::Crypto
