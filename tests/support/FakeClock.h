#pragma once

#include "models/Clock.h"

namespace Lotse::Tests {

// A clock that stands still until the test moves it.
class FakeClock final : public Models::Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime::fromSecsSinceEpoch(1'790'000'000).toUTC());
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(const QDateTime &time);
    void advance(qint64 seconds);

private:
    QDateTime m_now;
};

} // namespace Lotse::Tests
