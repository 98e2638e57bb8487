#include "app/KeyFileStore.h"

#include <QMetaObject>

namespace Lotse::Client {

KeyFileStore::KeyFileStore(const QString &path, QObject *parent)
    : SecretStore(parent)
    , m_path(path)
{}

KeyFileStore::~KeyFileStore() = default;

SecretStatus KeyFileStore::create(const QString &passphrase)
{
    SecretStatus status;
    m_file = KeyFile::create(m_path, passphrase, &status);
    return status;
}

SecretStatus KeyFileStore::unlock(const QString &passphrase)
{
    SecretStatus status;
    m_file = KeyFile::open(m_path, passphrase, &status);
    return status;
}

void KeyFileStore::later(std::function<void()> call)
{
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

void KeyFileStore::read(const QString &key, ReadCallback done)
{
    SecretStatus status;
    QByteArray data;
    if (!m_file)
        status = {SecretStatus::Kind::Locked, {}};
    else if (!m_file->contains(key))
        status = {SecretStatus::Kind::NotFound, {}};
    else
        data = m_file->value(key);
    later([done = std::move(done), data, status] { done(data, status); });
}

void KeyFileStore::write(const QString &key, const QByteArray &data, DoneCallback done)
{
    const SecretStatus status = m_file ? m_file->setValue(key, data) : SecretStatus{SecretStatus::Kind::Locked, {}};
    later([done = std::move(done), status] { done(status); });
}

void KeyFileStore::remove(const QString &key, DoneCallback done)
{
    const SecretStatus status = m_file ? m_file->remove(key) : SecretStatus{SecretStatus::Kind::Locked, {}};
    later([done = std::move(done), status] { done(status); });
}

} // namespace Lotse::Client
