#include "crypto/SealedEnvelope.h"

#include "crypto/internal/Bytes.h"
#include "crypto/internal/Primitives.h"
#include "crypto/internal/Sodium.h"

#include <QSet>

#include <algorithm>

namespace Lotse::Crypto {

using namespace Internal;

namespace {

constexpr qsizetype ContentKeySize = 32;
constexpr qsizetype NonceSize = 24;
constexpr qsizetype TagSize = 16;
constexpr qsizetype EntrySize = SealedEnvelope::KeyIdSize + SealedEnvelope::SealedKeySize;

// "lotse-seal-v1" || len(context) || context || header (version .. last recipient entry)
QByteArray associatedData(QByteArrayView context, QByteArrayView header)
{
    QByteArray ad("lotse-seal-v1");
    appendShortBytes(ad, context);
    ad.append(header);
    return ad;
}

struct Parsed
{
    SealPurpose purpose;
    QList<QByteArray> keyIds;
    QList<QByteArrayView> sealedKeys;
    QByteArrayView header;
    QByteArrayView nonce;
    QByteArrayView ciphertext;
};

Result<Parsed> parse(QByteArrayView envelope)
{
    ByteReader reader(envelope);
    const auto version = reader.u8();
    if (!version)
        return Error::InvalidLength;
    if (*version != SealedEnvelope::Version)
        return Error::UnsupportedVersion;
    const auto purpose = reader.u8();
    const auto count = reader.u8();
    if (!purpose || !count || *count == 0)
        return Error::InvalidLength;
    if (*count > SealedEnvelope::MaxRecipients)
        return Error::TooLarge;
    Parsed parsed;
    parsed.purpose = static_cast<SealPurpose>(*purpose);
    // FORMAT.md section 6's order: a table cut short is InvalidLength even when the entries
    // present already hold a key id twice.
    if (reader.remaining() < qsizetype(*count) * EntrySize)
        return Error::InvalidLength;
    QSet<QByteArray> seen;
    for (int i = 0; i < *count; ++i) {
        const auto id = reader.bytes(SealedEnvelope::KeyIdSize);
        const auto sealedKey = reader.bytes(SealedEnvelope::SealedKeySize);
        if (!id || !sealedKey)
            return Error::InvalidLength;
        const QByteArray idBytes = id->toByteArray();
        if (seen.contains(idBytes))
            return Error::MalformedInput;
        seen.insert(idBytes);
        parsed.keyIds.append(idBytes);
        parsed.sealedKeys.append(*sealedKey);
    }
    parsed.header = envelope.first(reader.position());
    const auto nonce = reader.bytes(NonceSize);
    if (!nonce || reader.remaining() < TagSize)
        return Error::InvalidLength;
    if (reader.remaining() > SealedEnvelope::MaxPayloadSize + TagSize)
        return Error::TooLarge;
    parsed.nonce = *nonce;
    parsed.ciphertext = reader.rest();
    return parsed;
}

} // namespace

namespace {

// Shared by seal() (random ephemeral keys inside crypto_box_seal) and the deterministic
// sealToRecipientsWith() (ephemeral keys from seeds, for golden vectors).
Result<QByteArray> sealWith(const QList<QByteArray> &recipientPublicKeys, SealPurpose purpose, QByteArrayView context,
                            QByteArrayView payload, const unsigned char *contentKey, QByteArrayView nonce,
                            const QList<QByteArray> *ephemeralSeeds)
{
    if (recipientPublicKeys.isEmpty())
        return Error::InvalidLength;
    if (recipientPublicKeys.size() > SealedEnvelope::MaxRecipients)
        return Error::TooLarge;
    if (context.size() > SealedEnvelope::MaxContextSize)
        return Error::InvalidLength;
    if (payload.size() > SealedEnvelope::MaxPayloadSize)
        return Error::TooLarge;
    if (nonce.size() != NonceSize || (ephemeralSeeds && ephemeralSeeds->size() != recipientPublicKeys.size()))
        return Error::InvalidLength;
    const qsizetype count = recipientPublicKeys.size();
    const qsizetype tableEnd = 3 + count * EntrySize;
    QByteArray out(tableEnd + NonceSize + payload.size() + TagSize, Qt::Uninitialized);
    out[0] = char(SealedEnvelope::Version);
    out[1] = char(purpose);
    out[2] = char(count);
    QSet<QByteArray> seen;
    for (qsizetype i = 0; i < count; ++i) {
        const QByteArray &pk = recipientPublicKeys.at(i);
        if (pk.size() != crypto_box_PUBLICKEYBYTES)
            return Error::InvalidKey;
        const QByteArray id = keyId(pk);
        if (seen.contains(id))
            return Error::InvalidKey; // the same recipient twice
        seen.insert(id);
        unsigned char *entry = uc(out) + 3 + i * EntrySize;
        memcpy(entry, id.constData(), SealedEnvelope::KeyIdSize);
        // Both fail for a small-order recipient key (the shared secret would be all zero).
        if (ephemeralSeeds) {
            auto sealedKey = boxSealWithSeed(QByteArrayView(contentKey, ContentKeySize), pk, ephemeralSeeds->at(i));
            if (!sealedKey || sealedKey->size() != SealedEnvelope::SealedKeySize)
                return Error::InvalidKey;
            std::copy(sealedKey->cbegin(), sealedKey->cend(), entry + SealedEnvelope::KeyIdSize);
        } else if (crypto_box_seal(entry + SealedEnvelope::KeyIdSize, contentKey, ContentKeySize, uc(pk)) != 0) {
            return Error::InvalidKey;
        }
    }
    const QByteArray ad = associatedData(context, QByteArrayView(out).first(tableEnd));
    memcpy(out.data() + tableEnd, nonce.data(), NonceSize);
    crypto_aead_xchacha20poly1305_ietf_encrypt(uc(out) + tableEnd + NonceSize, nullptr, uc(payload),
                                               ull(payload.size()), uc(ad), ull(ad.size()), nullptr, uc(nonce),
                                               contentKey);
    return out;
}

} // namespace

Result<QByteArray> Internal::sealToRecipientsWith(const QList<QByteArray> &recipientPublicKeys, SealPurpose purpose,
                                                  QByteArrayView context, QByteArrayView payload,
                                                  QByteArrayView contentKey, QByteArrayView nonce,
                                                  const QList<QByteArray> &ephemeralSeeds)
{
    if (contentKey.size() != ContentKeySize)
        return Error::InvalidKey;
    return sealWith(recipientPublicKeys, purpose, context, payload, uc(contentKey), nonce, &ephemeralSeeds);
}

Result<QByteArray> SealedEnvelope::seal(const QList<QByteArray> &recipientPublicKeys, SealPurpose purpose,
                                        QByteArrayView context, QByteArrayView payload)
{
    ensureSodium();
    // A per-call key on the stack, wiped below; guarded memory costs more than the sealing.
    unsigned char contentKey[ContentKeySize];
    randombytes_buf(contentKey, ContentKeySize);
    unsigned char nonce[NonceSize];
    randombytes_buf(nonce, NonceSize);
    auto sealed =
        sealWith(recipientPublicKeys, purpose, context, payload, contentKey, QByteArrayView(nonce, NonceSize), nullptr);
    sodium_memzero(contentKey, ContentKeySize);
    return sealed;
}

Result<QList<QByteArray>> SealedEnvelope::recipientKeyIds(QByteArrayView envelope)
{
    auto parsed = parse(envelope);
    if (!parsed)
        return parsed.error();
    return parsed->keyIds;
}

Result<QByteArray> SealedEnvelope::open(const EncryptionKeyPair &recipient, SealPurpose purpose, QByteArrayView context,
                                        QByteArrayView envelope)
{
    if (context.size() > MaxContextSize)
        return Error::InvalidLength;
    auto parsed = parse(envelope);
    if (!parsed)
        return parsed.error();
    if (parsed->purpose != purpose)
        return Error::WrongPurpose;
    const QByteArray publicKey = recipient.publicKey();
    const qsizetype index = parsed->keyIds.indexOf(keyId(publicKey));
    if (index < 0)
        return Error::NotARecipient;
    ensureSodium();
    unsigned char contentKey[ContentKeySize];
    const QByteArrayView sealedKey = parsed->sealedKeys.at(index);
    if (crypto_box_seal_open(contentKey, uc(sealedKey), ull(sealedKey.size()), uc(publicKey),
                             recipient.secretKey().data()) != 0)
        return Error::AuthenticationFailed;
    auto payload = aeadDecrypt(QByteArrayView(contentKey, ContentKeySize), parsed->nonce,
                               associatedData(context, parsed->header), parsed->ciphertext);
    sodium_memzero(contentKey, ContentKeySize);
    return payload;
}

} // namespace Lotse::Crypto
