#include "crypto/Random.h"

#include "crypto/internal/Sodium.h"

namespace Lotse::Crypto {

QByteArray randomBytes(qsizetype count)
{
    Internal::ensureSodium();
    if (count <= 0)
        return {};
    QByteArray out(count, Qt::Uninitialized);
    randombytes_buf(out.data(), static_cast<size_t>(count));
    return out;
}

QString newToken()
{
    QByteArray raw = randomBytes(32);
    const QString token = toBase64Url(raw);
    sodium_memzero(raw.data(), static_cast<size_t>(raw.size()));
    return token;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

} // namespace Lotse::Crypto
