#pragma once

#include "app/SecretStore.h"

namespace Lotse::Client {

// SecretStore over the OS keychain through QtKeychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows). Its insecure plain-file fallback stays off.
class KeychainStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainStore(const QString &service, QObject *parent = nullptr);

    [[nodiscard]] QString service() const { return m_service; }

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &data, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;

    // Finds out whether a keychain answers at all, without changing anything.
    void probe(DoneCallback done);

private:
    QString m_service;
};

} // namespace Lotse::Client
