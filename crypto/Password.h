#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Lotse::Crypto {

// Argon2id password hashes in libsodium's self-describing string format ($argon2id$v=19$...).
class PasswordHash
{
public:
    // Lotse's chosen cost (documented in crypto/FORMAT.md). Tests may lower it through
    // setCostForTesting() so suites stay fast; production code never calls that.
    [[nodiscard]] static Result<QByteArray> hash(QByteArrayView password);
    [[nodiscard]] static bool verify(QByteArrayView storedHash, QByteArrayView password);
    // True when the stored hash was made with other parameters than the current ones.
    [[nodiscard]] static bool needsRehash(QByteArrayView storedHash);

    static void setCostForTesting(quint64 opsLimit, quint64 memLimitBytes);
    // Back to the production cost.
    static void resetCost();

    // Production cost (FORMAT.md, "Password hashes"): 3 passes over 64 MiB.
    static constexpr quint64 OpsLimit = 3;
    static constexpr quint64 MemLimitBytes = quint64(64) << 20;
};

// Production cost of deriveKeyFromPassphrase (FORMAT.md, "Passphrase-derived keys").
inline constexpr quint64 PassphraseOpsLimit = 3;
inline constexpr quint64 PassphraseMemLimitBytes = quint64(256) << 20;
inline constexpr qsizetype PassphraseSaltBytes = 16;

// A 32-byte key derived from a passphrase with Argon2id (crypto_pwhash), e.g. for the desktop's
// passphrase-protected key file when no OS keychain exists. `salt` is 16 bytes.
[[nodiscard]] Result<SecretBytes> deriveKeyFromPassphrase(QByteArrayView passphrase, QByteArrayView salt);
// The same with explicit cost, for a key file that records its own parameters (and for tests).
// opsLimit >= 1 and memLimitBytes >= 8 KiB (libsodium's Argon2id minimums).
[[nodiscard]] Result<SecretBytes> deriveKeyFromPassphrase(QByteArrayView passphrase, QByteArrayView salt,
                                                          quint64 opsLimit, quint64 memLimitBytes);

} // namespace Lotse::Crypto
