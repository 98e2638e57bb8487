#pragma once

#include "models/Clock.h"

#include <QString>

namespace Lotse::Server {

// Test hook: "now" is the epoch-seconds number in a file (LOTSE_TEST_CLOCK_FILE), re-read on
// every call, so that a test moves the server's time by rewriting the file instead of sleeping.
// Falls back to the system clock while the file is missing or unreadable. Only compiled into
// servers built with LOTSE_SERVER_TEST_HOOKS.
class FileClock final : public Models::Clock
{
public:
    explicit FileClock(QString fileName);
    [[nodiscard]] QDateTime now() const override;

private:
    QString m_fileName;
};

} // namespace Lotse::Server
