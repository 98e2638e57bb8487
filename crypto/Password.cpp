#include "crypto/Password.h"

#include "crypto/internal/Sodium.h"

#include <atomic>

namespace Lotse::Crypto {

using namespace Internal;

namespace {

std::atomic<quint64> s_opsLimit{PasswordHash::OpsLimit};
std::atomic<quint64> s_memLimit{PasswordHash::MemLimitBytes};

// libsodium's string functions read a NUL-terminated C string; QByteArray guarantees one.
QByteArray terminated(QByteArrayView text)
{
    return QByteArray(text.data(), text.size());
}

} // namespace

Result<QByteArray> PasswordHash::hash(QByteArrayView password)
{
    ensureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), ull(password.size()), s_opsLimit.load(),
                              static_cast<size_t>(s_memLimit.load()), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error::PasswordHashFailed;
    return QByteArray(out);
}

bool PasswordHash::verify(QByteArrayView storedHash, QByteArrayView password)
{
    ensureSodium();
    // Only Argon2id hashes are Lotse's; refuse the Argon2i variant libsodium would also accept.
    if (!storedHash.startsWith("$argon2id$") || storedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray stored = terminated(storedHash);
    return crypto_pwhash_str_verify(stored.constData(), password.data(), ull(password.size())) == 0;
}

bool PasswordHash::needsRehash(QByteArrayView storedHash)
{
    ensureSodium();
    if (!storedHash.startsWith("$argon2id$"))
        return true;
    const QByteArray stored = terminated(storedHash);
    return crypto_pwhash_str_needs_rehash(stored.constData(), s_opsLimit.load(),
                                          static_cast<size_t>(s_memLimit.load())) != 0;
}

void PasswordHash::setCostForTesting(quint64 opsLimit, quint64 memLimitBytes)
{
    s_opsLimit = opsLimit;
    s_memLimit = memLimitBytes;
}

void PasswordHash::resetCost()
{
    s_opsLimit = OpsLimit;
    s_memLimit = MemLimitBytes;
}

Result<SecretBytes> deriveKeyFromPassphrase(QByteArrayView passphrase, QByteArrayView salt)
{
    return deriveKeyFromPassphrase(passphrase, salt, PassphraseOpsLimit, PassphraseMemLimitBytes);
}

Result<SecretBytes> deriveKeyFromPassphrase(QByteArrayView passphrase, QByteArrayView salt, quint64 opsLimit,
                                            quint64 memLimitBytes)
{
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return Error::InvalidLength;
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || memLimitBytes < crypto_pwhash_MEMLIMIT_MIN)
        return Error::PasswordHashFailed;
    ensureSodium();
    SecretBytes key(32);
    if (crypto_pwhash(key.data(), 32, passphrase.data(), ull(passphrase.size()), uc(salt), opsLimit,
                      static_cast<size_t>(memLimitBytes), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error::PasswordHashFailed;
    return key;
}

} // namespace Lotse::Crypto
