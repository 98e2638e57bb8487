#pragma once

// Private to lotse_crypto's sources: the one place that includes sodium.h.
#include <sodium.h>

#include <QByteArray>
#include <QByteArrayView>

namespace Lotse::Crypto::Internal {

// sodium_init() once; libsodium's guarded allocator needs it before the first sodium_malloc.
bool ensureSodium();

inline const unsigned char *uc(QByteArrayView bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.data());
}

inline unsigned char *uc(QByteArray &bytes)
{
    return reinterpret_cast<unsigned char *>(bytes.data());
}

inline unsigned long long ull(qsizetype size)
{
    return static_cast<unsigned long long>(size);
}

} // namespace Lotse::Crypto::Internal
