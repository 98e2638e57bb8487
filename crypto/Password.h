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
};

// A 32-byte key derived from a passphrase with Argon2id (crypto_pwhash), e.g. for the desktop's
// passphrase-protected key file when no OS keychain exists. `salt` is 16 bytes.
[[nodiscard]] Result<SecretBytes> deriveKeyFromPassphrase(QByteArrayView passphrase, QByteArrayView salt);

} // namespace Lotse::Crypto
