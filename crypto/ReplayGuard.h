#pragma once

#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include <bitset>

namespace Lotse::Crypto {

// A receiver's memory of the record sequences it has accepted, per (epoch, sender): a sliding
// window over the highest sequence seen, like IPsec's anti-replay window. Records may arrive a
// little out of order (up to Window behind the newest); anything older is refused.
class ReplayGuard
{
public:
    static constexpr quint64 Window = 1024;

    // Replayed when this sequence was accepted before; OutOfOrder when it is too old to tell.
    [[nodiscard]] Status check(quint32 epoch, QByteArrayView senderId, quint64 sequence) const;
    // Call only after the record authenticated.
    void accept(quint32 epoch, QByteArrayView senderId, quint64 sequence);
    // Forget an epoch once its key is dropped.
    void forgetEpoch(quint32 epoch);

private:
    struct SenderWindow
    {
        quint64 highest = 0;
        std::bitset<Window> seen; // bit k: sequence highest - k was accepted
    };
    static QByteArray slot(quint32 epoch, QByteArrayView senderId);

    QHash<QByteArray, SenderWindow> m_windows;
};

} // namespace Lotse::Crypto
