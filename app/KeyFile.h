#pragma once

#include "app/SecretStore.h"

#include "crypto/Keys.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <memory>

namespace Lotse::Client {

// A passphrase-protected file that holds what would otherwise go into the OS keychain, for
// computers without one. Layout (all integers big-endian):
//
//   "LOTSEKF1" | opsLimit u32 | memLimit KiB u32 | salt (16)       -- the 32-byte header
//   Crypto file stream (XChaCha20-Poly1305 secretstream) of a CBOR map {name: bytes},
//   keyed by Argon2id(passphrase, salt, opsLimit, memLimit), with the header as its file id.
//
// The header is bound twice: it is the stream's file id, and a changed salt or cost yields
// another key. Every save picks a new stream nonce; the derived key stays in guarded memory.
class KeyFile
{
public:
    struct Cost
    {
        quint64 opsLimit;
        quint64 memLimitBytes;
    };
    // Crypto's production cost for passphrase-derived keys.
    [[nodiscard]] static Cost defaultCost();
    // Tests lower the cost so suites stay fast; production code never calls this.
    static void setCostForTesting(Cost cost);

    KeyFile(KeyFile &&) noexcept;
    KeyFile &operator=(KeyFile &&) noexcept;
    ~KeyFile();

    // Writes a new, empty key file (replacing any old one).
    [[nodiscard]] static std::unique_ptr<KeyFile> create(const QString &path, const QString &passphrase,
                                                         SecretStatus *status);
    [[nodiscard]] static std::unique_ptr<KeyFile> open(const QString &path, const QString &passphrase,
                                                       SecretStatus *status);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool contains(const QString &name) const { return m_entries.contains(name); }
    [[nodiscard]] QByteArray value(const QString &name) const { return m_entries.value(name); }
    // Each change is written to disk before it returns.
    [[nodiscard]] SecretStatus setValue(const QString &name, const QByteArray &value);
    [[nodiscard]] SecretStatus remove(const QString &name);

private:
    KeyFile() = default;
    [[nodiscard]] SecretStatus save();

    QString m_path;
    QByteArray m_header;
    Crypto::SecretBytes m_key;
    QMap<QString, QByteArray> m_entries;
};

} // namespace Lotse::Client
