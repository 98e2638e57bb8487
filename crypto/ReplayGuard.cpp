#include "crypto/ReplayGuard.h"

#include "crypto/internal/Bytes.h"

namespace Lotse::Crypto {

QByteArray ReplayGuard::slot(quint32 epoch, QByteArrayView senderId)
{
    QByteArray key;
    Internal::appendU32(key, epoch);
    key.append(senderId);
    return key;
}

Status ReplayGuard::check(quint32 epoch, QByteArrayView senderId, quint64 sequence) const
{
    const auto it = m_windows.constFind(slot(epoch, senderId));
    if (it == m_windows.constEnd() || sequence > it->highest)
        return Ok{};
    const quint64 age = it->highest - sequence;
    if (age >= Window)
        return Error::OutOfOrder;
    if (it->seen.test(static_cast<size_t>(age)))
        return Error::Replayed;
    return Ok{};
}

void ReplayGuard::accept(quint32 epoch, QByteArrayView senderId, quint64 sequence)
{
    const QByteArray key = slot(epoch, senderId);
    auto it = m_windows.find(key);
    if (it == m_windows.end()) {
        SenderWindow window;
        window.highest = sequence;
        window.seen.set(0);
        m_windows.insert(key, window);
        return;
    }
    if (sequence > it->highest) {
        const quint64 shift = sequence - it->highest;
        if (shift >= Window)
            it->seen.reset();
        else
            it->seen <<= static_cast<size_t>(shift);
        it->highest = sequence;
        it->seen.set(0);
        return;
    }
    const quint64 age = it->highest - sequence;
    if (age < Window)
        it->seen.set(static_cast<size_t>(age));
}

void ReplayGuard::forgetEpoch(quint32 epoch)
{
    QByteArray prefix;
    Internal::appendU32(prefix, epoch);
    m_windows.removeIf([&prefix](const auto &entry) { return entry.key().startsWith(prefix); });
}

} // namespace Lotse::Crypto
