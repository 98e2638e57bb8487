#include "crypto/Crypto.h"

#include "crypto/internal/Primitives.h"
#include "crypto/internal/Sodium.h"

#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto {

namespace Internal {

bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

} // namespace Internal

namespace {

std::mutex s_mutex;
std::atomic<bool> s_initialised{false};

} // namespace

bool init(QString *failure)
{
    const std::lock_guard lock(s_mutex);
    if (s_initialised)
        return true;
    if (!Internal::ensureSodium()) {
        if (failure)
            *failure = u"libsodium: sodium_init() failed"_s;
        return false;
    }
    const QString failed = Internal::runSelfTests();
    if (!failed.isEmpty()) {
        if (failure)
            *failure = u"crypto self-test failed: "_s + failed;
        return false;
    }
    s_initialised = true;
    return true;
}

bool isInitialised()
{
    return s_initialised;
}

} // namespace Lotse::Crypto
