#include "crypto/Kdf.h"

#include "crypto/internal/Sodium.h"

namespace Lotse::Crypto {

Result<SecretBytes> deriveSubkey(const SecretBytes &masterKey, QByteArrayView context, quint64 subkeyId,
                                 qsizetype length)
{
    if (masterKey.size() != crypto_kdf_KEYBYTES)
        return Error::InvalidKey;
    if (context.size() != crypto_kdf_CONTEXTBYTES || length < qsizetype(crypto_kdf_BYTES_MIN) ||
        length > qsizetype(crypto_kdf_BYTES_MAX))
        return Error::InvalidLength;
    Internal::ensureSodium();
    SecretBytes subkey(length);
    if (crypto_kdf_derive_from_key(subkey.data(), static_cast<size_t>(length), subkeyId, context.data(),
                                   masterKey.data()) != 0)
        return Error::InvalidLength;
    return subkey;
}

} // namespace Lotse::Crypto
