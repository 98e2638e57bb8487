#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArrayView>

namespace Lotse::Crypto {

// Named 8-byte crypto_kdf contexts (FORMAT.md, "Derived keys"). A context says what a subkey is
// for; the same master key and id under another context give an unrelated key.
namespace KdfContext {
// Per-call video frame key (AES-256-GCM in the browser's encoded-stream transform), from the
// room key of the call's epoch; subkey id 1.
inline constexpr char VideoFrames[] = "lotsevid";
// Field key for the desktop's local store, from the master key held in the OS keychain.
inline constexpr char LocalStore[] = "lotsedb_";
} // namespace KdfContext

// crypto_kdf_derive_from_key (BLAKE2b): master key 32 bytes, context exactly 8 bytes, length
// 16..64 bytes.
[[nodiscard]] Result<SecretBytes> deriveSubkey(const SecretBytes &masterKey, QByteArrayView context, quint64 subkeyId,
                                               qsizetype length = 32);

} // namespace Lotse::Crypto
