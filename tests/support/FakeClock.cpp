#include "tests/support/FakeClock.h"

namespace Lotse::Tests {

FakeClock::FakeClock(QDateTime start)
    : m_now(start.toUTC())
{}

void FakeClock::set(const QDateTime &time)
{
    m_now = time.toUTC();
}

void FakeClock::advance(qint64 seconds)
{
    m_now = m_now.addSecs(seconds);
}

} // namespace Lotse::Tests
