#include "crypto/SealedEnvelope.h"

#include "crypto/internal/Bytes.h"
#include "crypto/internal/Primitives.h"
#include "crypto/internal/Sodium.h"

#include <QSet>

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

Result<QByteArray> Internal::sealToRecipientsWith(const QList<QByteArray> &recipientPublicKeys, SealPurpose purpose,
                                                  QByteArrayView context, QByteArrayView payload,
                                                  QByteArrayView contentKey, QByteArrayView nonce,
                                                  const QList<QByteArray> &ephemeralSeeds)
{
    if (recipientPublicKeys.isEmpty())
        return Error::InvalidLength;
    if (recipientPublicKeys.size() > SealedEnvelope::MaxRecipients)
        return Error::TooLarge;
    if (context.size() > SealedEnvelope::MaxContextSize)
        return Error::InvalidLength;
    if (payload.size() > SealedEnvelope::MaxPayloadSize)
        return Error::TooLarge;
    if (contentKey.size() != ContentKeySize)
        return Error::InvalidKey;
    if (nonce.size() != NonceSize || ephemeralSeeds.size() != recipientPublicKeys.size())
        return Error::InvalidLength;
    QByteArray out;
    appendU8(out, SealedEnvelope::Version);
    appendU8(out, static_cast<quint8>(purpose));
    appendU8(out, static_cast<quint8>(recipientPublicKeys.size()));
    QSet<QByteArray> seen;
    for (qsizetype i = 0; i < recipientPublicKeys.size(); ++i) {
        const QByteArray &pk = recipientPublicKeys.at(i);
        if (auto s = checkEncryptionPublicKey(pk); !s)
            return s.error();
        const QByteArray id = keyId(pk);
        if (seen.contains(id))
            return Error::InvalidKey; // the same recipient twice
        seen.insert(id);
        auto sealedKey = boxSealWithSeed(contentKey, pk, ephemeralSeeds.at(i));
        if (!sealedKey)
            return sealedKey.error();
        out.append(id);
        out.append(*sealedKey);
    }
    const QByteArray ad = associatedData(context, out);
    auto ciphertext = aeadEncrypt(contentKey, nonce, ad, payload);
    if (!ciphertext)
        return ciphertext.error();
    out.append(nonce);
    out.append(*ciphertext);
    return out;
}

Result<QByteArray> SealedEnvelope::seal(const QList<QByteArray> &recipientPublicKeys, SealPurpose purpose,
                                        QByteArrayView context, QByteArrayView payload)
{
    ensureSodium();
    SecretBytes contentKey(ContentKeySize);
    randombytes_buf(contentKey.data(), ContentKeySize);
    QByteArray nonce(NonceSize, Qt::Uninitialized);
    randombytes_buf(nonce.data(), NonceSize);
    QList<QByteArray> seeds;
    for (qsizetype i = 0; i < recipientPublicKeys.size() && i <= MaxRecipients; ++i) {
        QByteArray seed(crypto_box_SEEDBYTES, Qt::Uninitialized);
        randombytes_buf(seed.data(), crypto_box_SEEDBYTES);
        seeds.append(seed);
    }
    auto sealed = sealToRecipientsWith(recipientPublicKeys, purpose, context, payload,
                                       QByteArrayView(contentKey.data(), contentKey.size()), nonce, seeds);
    for (QByteArray &seed : seeds)
        sodium_memzero(seed.data(), static_cast<size_t>(seed.size()));
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
    SecretBytes contentKey(ContentKeySize);
    const QByteArrayView sealedKey = parsed->sealedKeys.at(index);
    if (crypto_box_seal_open(contentKey.data(), uc(sealedKey), ull(sealedKey.size()), uc(publicKey),
                             recipient.secretKey().data()) != 0)
        return Error::AuthenticationFailed;
    return aeadDecrypt(QByteArrayView(contentKey.data(), contentKey.size()), parsed->nonce,
                       associatedData(context, parsed->header), parsed->ciphertext);
}

} // namespace Lotse::Crypto
