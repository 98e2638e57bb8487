#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Lotse::Crypto {

// One encrypted field of the desktop's local store (FORMAT.md, "Derived keys": a `lotsedb_`
// subkey of the store's master key): version 0x01 || 24-byte random nonce || XChaCha20-Poly1305
// ciphertext and tag. `ad` binds the field to its row (e.g. the item's id), so a field copied
// into another row does not open. Never leaves the device, so it has no golden vectors.
class FieldCipher
{
public:
    static constexpr quint8 Version = 1;
    static constexpr qsizetype KeySize = 32;
    static constexpr qsizetype Overhead = 1 + 24 + 16;
    static constexpr qsizetype MaxPlaintextSize = qsizetype(16) << 20;

    [[nodiscard]] static Result<QByteArray> seal(const SecretBytes &key, QByteArrayView ad, QByteArrayView plaintext);
    // InvalidKey, InvalidLength (too short), UnsupportedVersion, AuthenticationFailed.
    [[nodiscard]] static Result<QByteArray> open(const SecretBytes &key, QByteArrayView ad, QByteArrayView field);
};

} // namespace Lotse::Crypto
