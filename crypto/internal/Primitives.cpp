#include "crypto/internal/Primitives.h"

#include "crypto/internal/Sodium.h"

namespace Lotse::Crypto::Internal {

Result<QByteArray> aeadEncrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView ad, QByteArrayView plaintext)
{
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return Error::InvalidKey;
    if (nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        return Error::InvalidLength;
    ensureSodium();
    QByteArray out(plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, Qt::Uninitialized);
    unsigned long long outLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(uc(out), &outLen, uc(plaintext), ull(plaintext.size()), uc(ad),
                                               ull(ad.size()), nullptr, uc(nonce), uc(key));
    return out;
}

Result<QByteArray> aeadDecrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView ad, QByteArrayView ciphertext)
{
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return Error::InvalidKey;
    if (nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        return Error::InvalidLength;
    if (ciphertext.size() < crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return Error::InvalidLength;
    ensureSodium();
    QByteArray out(ciphertext.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, Qt::Uninitialized);
    unsigned long long outLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(uc(out), &outLen, nullptr, uc(ciphertext), ull(ciphertext.size()),
                                                   uc(ad), ull(ad.size()), uc(nonce), uc(key)) != 0)
        return Error::AuthenticationFailed;
    return out;
}

Result<QByteArray> x25519(QByteArrayView secretKey, QByteArrayView publicKey)
{
    if (secretKey.size() != crypto_scalarmult_SCALARBYTES || publicKey.size() != crypto_scalarmult_BYTES)
        return Error::InvalidKey;
    ensureSodium();
    QByteArray out(crypto_scalarmult_BYTES, Qt::Uninitialized);
    if (crypto_scalarmult(uc(out), uc(secretKey), uc(publicKey)) != 0)
        return Error::InvalidKey;
    return out;
}

QByteArray blake2b(QByteArrayView input, qsizetype outputLength)
{
    ensureSodium();
    QByteArray out(outputLength, Qt::Uninitialized);
    crypto_generichash(uc(out), static_cast<size_t>(outputLength), uc(input), ull(input.size()), nullptr, 0);
    return out;
}

Result<QByteArray> boxSealWithSeed(QByteArrayView message, QByteArrayView recipientPublicKey,
                                   QByteArrayView ephemeralSeed)
{
    if (recipientPublicKey.size() != crypto_box_PUBLICKEYBYTES)
        return Error::InvalidKey;
    if (ephemeralSeed.size() != crypto_box_SEEDBYTES)
        return Error::InvalidLength;
    ensureSodium();
    // crypto_box_seal: ephemeral key pair; nonce = BLAKE2b-192(epk || recipient pk);
    // output = epk || crypto_box_easy(message, nonce, recipient pk, esk).
    QByteArray epk(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    unsigned char esk[crypto_box_SECRETKEYBYTES];
    crypto_box_seed_keypair(uc(epk), esk, uc(ephemeralSeed));
    const QByteArray nonce = blake2b(QByteArray(epk + recipientPublicKey), crypto_box_NONCEBYTES);
    QByteArray box(message.size() + crypto_box_MACBYTES, Qt::Uninitialized);
    const int rc = crypto_box_easy(uc(box), uc(message), ull(message.size()), uc(nonce), uc(recipientPublicKey), esk);
    sodium_memzero(esk, sizeof esk);
    if (rc != 0)
        return Error::InvalidKey;
    return QByteArray(epk + box);
}

} // namespace Lotse::Crypto::Internal
