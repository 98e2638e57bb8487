#pragma once

#include <QString>

namespace Lotse::Crypto {

// Initialises libsodium and runs the known-answer self-tests (every primitive Lotse puts on the
// wire). Idempotent and thread-safe. The app and the server refuse to start when it fails;
// `failure` then names the primitive that failed.
[[nodiscard]] bool init(QString *failure = nullptr);

// True after a successful init().
[[nodiscard]] bool isInitialised();

} // namespace Lotse::Crypto
