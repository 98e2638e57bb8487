#include "models/Clock.h"

namespace Lotse::Models {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace Lotse::Models
