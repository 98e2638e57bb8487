#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace Lotse::Client {

// The outcome of a secret-store operation, sorted into what the advisor can act on.
struct SecretStatus
{
    Q_DECLARE_TR_FUNCTIONS(Lotse::Client::SecretStatus)

public:
    enum class Kind
    {
        Ok,
        NotFound,
        Unavailable,     // no keychain service on this computer
        Locked,          // the keychain refused access (locked, or the user said no)
        WrongPassphrase, // the key file did not open with this passphrase
        Damaged,         // the key file is not a Lotse key file, or was altered
        Failed,          // anything else; `detail` says what
    };

    Kind kind = Kind::Ok;
    QString detail;

    [[nodiscard]] bool ok() const { return kind == Kind::Ok; }
    [[nodiscard]] QString userMessage() const;
};

// Where the device keeps what must never sit in a plain file: private keys and the session token.
// Implemented by the OS keychain (KeychainStore) and, where none exists, a passphrase-protected
// key file (KeyFileStore). Callbacks run exactly once, from the event loop.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadCallback = std::function<void(const QByteArray &data, const SecretStatus &status)>;
    using DoneCallback = std::function<void(const SecretStatus &status)>;

    using QObject::QObject;

    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QByteArray &data, DoneCallback done) = 0;
    // Removing a key that does not exist succeeds.
    virtual void remove(const QString &key, DoneCallback done) = 0;
};

} // namespace Lotse::Client
