#pragma once

#include "crypto/Result.h"

#include <QByteArrayView>
#include <QString>

namespace Lotse::Crypto {

// The short authentication code two people read to each other to detect a server that swapped
// keys (FORMAT.md, "Short authentication code"): 16 decimal digits in four groups of four,
// e.g. "0482 7731 9056 2210". The same for both sides whatever the order of the keys.
[[nodiscard]] Result<QString> shortAuthenticationCode(QByteArrayView publicKeyA, QByteArrayView publicKeyB,
                                                      QByteArrayView roomId);

} // namespace Lotse::Crypto
