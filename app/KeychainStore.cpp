#include "app/KeychainStore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

SecretStatus statusOf(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {SecretStatus::Kind::NotFound, job->errorString()};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {SecretStatus::Kind::Locked, job->errorString()};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {SecretStatus::Kind::Unavailable, job->errorString()};
    case QKeychain::OtherError:
        // On Linux a missing Secret Service shows up here, as a D-Bus error about the name
        // org.freedesktop.secrets (or no session bus at all).
        if (job->errorString().contains("org.freedesktop.secrets"_L1) ||
            job->errorString().contains("D-Bus"_L1, Qt::CaseInsensitive) ||
            job->errorString().contains("DBus"_L1, Qt::CaseInsensitive) ||
            job->errorString().contains("Could not connect"_L1, Qt::CaseInsensitive) ||
            job->errorString().contains("autolaunch"_L1, Qt::CaseInsensitive))
            return {SecretStatus::Kind::Unavailable, job->errorString()};
        if (job->errorString().contains("locked"_L1, Qt::CaseInsensitive) ||
            job->errorString().contains("dismissed"_L1, Qt::CaseInsensitive))
            return {SecretStatus::Kind::Locked, job->errorString()};
        return {SecretStatus::Kind::Failed, job->errorString()};
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return {SecretStatus::Kind::Failed, job->errorString()};
}

template<typename JobType>
JobType *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainStore::KeychainStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

void KeychainStore::read(const QString &key, ReadCallback done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        const SecretStatus status = statusOf(finished);
        done(status.ok() ? static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData() : QByteArray(), status);
    });
    job->start();
}

void KeychainStore::write(const QString &key, const QByteArray &data, DoneCallback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setBinaryData(data);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *finished) { done(statusOf(finished)); });
    job->start();
}

void KeychainStore::remove(const QString &key, DoneCallback done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        const SecretStatus status = statusOf(finished);
        done(status.kind == SecretStatus::Kind::NotFound ? SecretStatus{} : status);
    });
    job->start();
}

void KeychainStore::probe(DoneCallback done)
{
    read(u"lotse-probe"_s, [done = std::move(done)](const QByteArray &, const SecretStatus &status) {
        switch (status.kind) {
        case SecretStatus::Kind::Ok:
        case SecretStatus::Kind::NotFound:
            return done({});
        case SecretStatus::Kind::Locked:
            return done(status);
        default:
            // Whatever else failed, the keychain cannot be used: say so, keep the detail.
            return done({SecretStatus::Kind::Unavailable, status.detail});
        }
    });
}

} // namespace Lotse::Client
