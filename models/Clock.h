#pragma once

#include <QDateTime>

namespace Lotse::Models {

// The source of "now" for everything with an expiry or a retention rule, so that tests can move
// time instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Always UTC.
    [[nodiscard]] virtual QDateTime now() const = 0;
};

// Wall-clock time.
class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override;
};

} // namespace Lotse::Models
