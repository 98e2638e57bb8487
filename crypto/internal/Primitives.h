#pragma once

// Test-only and tool-only entry points of lotse_crypto: the raw primitives (for Wycheproof rows)
// and the envelope builders with their randomness passed in (for deterministic golden vectors).
// Application code never includes this header.

#include "crypto/FileStream.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/Result.h"
#include "crypto/SealedEnvelope.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lotse::Crypto::Internal {

// crypto_aead_xchacha20poly1305_ietf: ciphertext || 16-byte tag. InvalidKey / InvalidLength for
// wrong key or nonce sizes, AuthenticationFailed when the tag does not verify.
[[nodiscard]] Result<QByteArray> aeadEncrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView ad,
                                             QByteArrayView plaintext);
[[nodiscard]] Result<QByteArray> aeadDecrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView ad,
                                             QByteArrayView ciphertext);
// crypto_scalarmult (X25519); InvalidKey when the result would be all zero (low-order point).
[[nodiscard]] Result<QByteArray> x25519(QByteArrayView secretKey, QByteArrayView publicKey);
// Unkeyed BLAKE2b (crypto_generichash) with the given output length (16..64).
[[nodiscard]] QByteArray blake2b(QByteArrayView input, qsizetype outputLength);
// crypto_box_seal with the ephemeral key pair made from a 32-byte seed (crypto_box_seed_keypair):
// byte-identical to what crypto_box_seal makes with that ephemeral key.
[[nodiscard]] Result<QByteArray> boxSealWithSeed(QByteArrayView message, QByteArrayView recipientPublicKey,
                                                 QByteArrayView ephemeralSeed);

[[nodiscard]] Result<QByteArray> sealRecordWithNonce(const SecretBytes &roomKey, const RecordContext &context,
                                                     QByteArrayView plaintext, QByteArrayView nonce);
// One ephemeral seed per recipient, in recipient order.
[[nodiscard]] Result<QByteArray> sealToRecipientsWith(const QList<QByteArray> &recipientPublicKeys, SealPurpose purpose,
                                                      QByteArrayView context, QByteArrayView payload,
                                                      QByteArrayView contentKey, QByteArrayView nonce,
                                                      const QList<QByteArray> &ephemeralSeeds);

// CanonicalJson::parse() with another size limit and, for reading vector files, any JSON number
// (as a double). Unlike QJsonDocument it keeps a U+FEFF at the start of a string value.
[[nodiscard]] Result<QJsonValue> parseJsonSubset(QByteArrayView text, qsizetype maxBytes, bool allowFloats = false);

// The known-answer checks init() runs: the name of the first failing one, or empty.
[[nodiscard]] QString runSelfTests();
[[nodiscard]] QStringList selfTestNames();
// Tests only: the named check gets corrupted vectors (empty name: none).
void injectSelfTestFault(const QString &checkName);

} // namespace Lotse::Crypto::Internal

namespace Lotse::Crypto {

// Friend of FileStreamWriter: a fixed secretstream header, and a writer that leaves the final
// tag off (to show the reader refuses such a stream).
struct FileStreamTesting
{
    [[nodiscard]] static Result<FileStreamWriter> createWithStreamHeader(const SecretBytes &fileKey,
                                                                         QByteArrayView fileId, quint64 totalSize,
                                                                         quint32 chunkSize,
                                                                         QByteArrayView streamHeader);
    static void omitFinalTag(FileStreamWriter &writer);
    // Tags chunk `index` final although more chunks follow.
    static void finalTagOnChunk(FileStreamWriter &writer, quint32 index);
};

} // namespace Lotse::Crypto
