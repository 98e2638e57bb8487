#include "server-stub/RateLimiter.h"

#include <algorithm>

namespace Lotse::Server {

RateLimiter::RateLimiter(const Models::Clock &clock, int maxEvents, qint64 windowSeconds)
    : m_clock(clock)
    , m_maxEvents(std::max(1, maxEvents))
    , m_windowSeconds(std::max<qint64>(1, windowSeconds))
{}

void RateLimiter::prune(QList<qint64> &events, qint64 now) const
{
    events.removeIf([&](qint64 at) { return at <= now - m_windowSeconds || at > now; });
}

void RateLimiter::pruneAll(qint64 now)
{
    for (auto it = m_events.begin(); it != m_events.end();) {
        prune(it.value(), now);
        it = it.value().isEmpty() ? m_events.erase(it) : std::next(it);
    }
}

qint64 RateLimiter::retryAfter(const QString &key)
{
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    if (++m_callsSincePrune >= 1000) {
        m_callsSincePrune = 0;
        pruneAll(now);
    }
    auto it = m_events.find(key);
    if (it == m_events.end())
        return 0;
    prune(it.value(), now);
    if (it.value().size() < m_maxEvents)
        return 0;
    // Allowed again once enough of the oldest events have left the window.
    const qint64 freeingEvent = it.value().at(it.value().size() - m_maxEvents);
    return std::max<qint64>(1, freeingEvent + m_windowSeconds - now);
}

void RateLimiter::record(const QString &key)
{
    m_events[key].append(m_clock.now().toSecsSinceEpoch());
}

void RateLimiter::reset(const QString &key)
{
    m_events.remove(key);
}

qint64 RateLimiter::hit(const QString &key)
{
    const qint64 wait = retryAfter(key);
    if (wait == 0)
        record(key);
    return wait;
}

} // namespace Lotse::Server
