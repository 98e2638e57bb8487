#include "crypto/ShortAuthCode.h"

#include "crypto/internal/Bytes.h"
#include "crypto/internal/Primitives.h"

namespace Lotse::Crypto {

Result<QString> shortAuthenticationCode(QByteArrayView publicKeyA, QByteArrayView publicKeyB, QByteArrayView roomId)
{
    if (publicKeyA.size() != 32 || publicKeyB.size() != 32)
        return Error::InvalidKey;
    if (roomId.isEmpty() || roomId.size() > 255)
        return Error::InvalidLength;
    // Sorted bytewise, so both sides hash the same input.
    const bool aFirst = publicKeyA.compare(publicKeyB) <= 0;
    QByteArray input("lotse-sas-v1");
    Internal::appendShortBytes(input, roomId);
    input.append(aFirst ? publicKeyA : publicKeyB);
    input.append(aFirst ? publicKeyB : publicKeyA);
    const QByteArray digest = Internal::blake2b(input, 32);
    const quint64 value = qFromBigEndian<quint64>(digest.constData()) % Q_UINT64_C(10000000000000000);
    const QString digits = QString::number(value).rightJustified(16, u'0');
    return QString(digits.first(4) + u' ' + digits.sliced(4, 4) + u' ' + digits.sliced(8, 4) + u' ' +
                   digits.sliced(12, 4));
}

} // namespace Lotse::Crypto
