#pragma once

#include "app/KeyFile.h"
#include "app/SecretStore.h"

#include <memory>

namespace Lotse::Client {

// SecretStore over a passphrase-protected KeyFile, for computers without an OS keychain.
class KeyFileStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeyFileStore(const QString &path, QObject *parent = nullptr);
    ~KeyFileStore() override;

    // Slow on purpose (Argon2id): both block for about a second.
    [[nodiscard]] SecretStatus create(const QString &passphrase);
    [[nodiscard]] SecretStatus unlock(const QString &passphrase);
    [[nodiscard]] bool isUnlocked() const { return m_file != nullptr; }

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &data, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;

private:
    // Keeps the SecretStore promise that callbacks come from the event loop, never re-entrantly.
    void later(std::function<void()> call);

    QString m_path;
    std::unique_ptr<KeyFile> m_file;
};

} // namespace Lotse::Client
