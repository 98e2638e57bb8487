#pragma once

#include "models/Clock.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Lotse::Server {

// Sliding-window limit: at most `maxEvents` events per key within `windowSeconds`. In memory, so
// a restart forgets it (acceptable for a single server; PostgreSQL deployments will need a shared
// table).
class RateLimiter
{
public:
    RateLimiter(const Models::Clock &clock, int maxEvents, qint64 windowSeconds);

    // Seconds until the key may act again; 0 when it may act now.
    [[nodiscard]] qint64 retryAfter(const QString &key);
    void record(const QString &key);
    void reset(const QString &key);
    // For limits on every request (not only failures): records the event when allowed and
    // returns 0, otherwise returns the Retry-After seconds and records nothing.
    [[nodiscard]] qint64 hit(const QString &key);

private:
    void prune(QList<qint64> &events, qint64 now) const;
    void pruneAll(qint64 now);

    const Models::Clock &m_clock;
    int m_maxEvents;
    qint64 m_windowSeconds;
    QHash<QString, QList<qint64>> m_events;
    int m_callsSincePrune = 0;
};

} // namespace Lotse::Server
