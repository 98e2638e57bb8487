#include "server-stub/Store.h"

#include "server-stub/JsonLog.h"
#include "server-stub/Migrations.h"
#include "server-stub/SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A prepared query that logs its failure; `ok` tells whether it ran.
struct Query
{
    QSqlQuery query;
    bool ok = false;

    Query(const QSqlDatabase &db, const QString &sql, std::initializer_list<std::pair<QString, QVariant>> binds)
        : query(db)
    {
        if (!query.prepare(sql)) {
            logFailure(sql);
            return;
        }
        for (const auto &[name, value] : binds) {
            // A null QString would reach SQLite as NULL; only nullableText() means NULL.
            const bool nullString =
                !value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull();
            query.bindValue(name, nullString ? QVariant(u""_s) : value);
        }
        ok = query.exec();
        if (!ok)
            logFailure(sql);
    }

    void logFailure(const QString &sql) const
    {
        JsonLog::error(u"sql_error"_s, {{u"sql"_s, sql}, {u"error"_s, query.lastError().text()}});
    }
};

AdvisorRecord advisorFromQuery(const QSqlQuery &q)
{
    AdvisorRecord a;
    a.id = q.value(0).toString();
    a.username = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.passwordHash = q.value(3).toString().toUtf8();
    a.disabled = q.value(4).toInt() != 0;
    a.totpSecret = q.value(5).toString();
    a.totpPendingSecret = q.value(6).toString();
    a.totpLastStep = q.value(7).toLongLong();
    a.organisation.id = q.value(8).toString();
    a.organisation.slug = q.value(9).toString();
    a.organisation.name = q.value(10).toString();
    return a;
}

const QString advisorSelect = u"SELECT a.id, a.username, a.display_name, a.password_hash, a.disabled, "
                              "a.totp_secret, a.totp_pending_secret, a.totp_last_step, o.id, o.slug, o.name "
                              "FROM advisors a JOIN organisations o ON o.id = a.organisation_id "_s;

const QString deviceSelect = u"SELECT d.id, d.advisor_id, d.organisation_id, d.name, d.x25519, d.ed25519, "
                             "d.signature, d.key_id, d.created_at, d.revoked_at FROM devices d "_s;

DeviceRecord deviceFromQuery(const QSqlQuery &q)
{
    DeviceRecord d;
    d.id = q.value(0).toString();
    d.advisorId = q.value(1).toString();
    d.organisationId = q.value(2).toString();
    d.name = q.value(3).toString();
    d.x25519 = q.value(4).toString();
    d.ed25519 = q.value(5).toString();
    d.signature = q.value(6).toString();
    d.keyId = q.value(7).toString();
    d.createdAt = q.value(8).toLongLong();
    if (!q.value(9).isNull())
        d.revokedAt = q.value(9).toLongLong();
    return d;
}

} // namespace

Store::Store()
    : m_connectionName(u"lotse-store-"_s + newId())
{}

Store::~Store()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Store::open(const QString &fileName, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(fileName);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    // WAL survives in the file; synchronous and foreign_keys are per connection.
    const QStringList pragmas = {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                                 u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=5000"_s,
                                 // Removed rows (retention) leave no readable remains in free space.
                                 u"PRAGMA secure_delete=ON"_s};
    for (const QString &pragma : pragmas) {
        QSqlQuery q(db);
        if (!q.exec(pragma)) {
            if (error)
                *error = pragma + u": "_s + q.lastError().text();
            return false;
        }
    }
    return true;
}

int Store::schemaVersion() const
{
    const QSqlDatabase db = database();
    if (!db.tables().contains(u"schema_version"_s))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Store::migrate(QString *error)
{
    QSqlDatabase db = database();
    const int current = schemaVersion();
    if (current > latestSchemaVersion()) {
        if (error)
            *error =
                u"database schema version %1 is newer than this server (%2)"_s.arg(current).arg(latestSchemaVersion());
        return false;
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        if (!db.transaction()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        QStringList statements = migration.statements;
        if (migration.version == 1)
            statements.prepend(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s);
        statements.append(migration.version == 1 ? u"INSERT INTO schema_version (version) VALUES (1)"_s
                                                 : u"UPDATE schema_version SET version = %1"_s.arg(migration.version));
        for (const QString &sql : std::as_const(statements)) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                if (error)
                    *error = u"migration %1: %2: %3"_s.arg(migration.version).arg(sql, q.lastError().text());
                db.rollback();
                return false;
            }
        }
        if (!db.commit()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        JsonLog::info(u"schema_migrated"_s, {{u"version"_s, migration.version}});
    }
    return true;
}

bool Store::ping() const
{
    QSqlQuery q(database());
    return q.exec(u"SELECT 1"_s) && q.next() && q.value(0).toInt() == 1;
}

StoreResult Store::createOrganisation(const QString &slug, const QString &name, qint64 now, QString *id)
{
    if (organisationBySlug(slug))
        return StoreResult::Conflict;
    const QString newOrgId = newId();
    Query q(database(), u"INSERT INTO organisations (id, slug, name, created_at) VALUES (:id, :slug, :name, :now)"_s,
            {{u":id"_s, newOrgId}, {u":slug"_s, slug}, {u":name"_s, name}, {u":now"_s, now}});
    if (!q.ok)
        return StoreResult::Failed;
    if (id)
        *id = newOrgId;
    return StoreResult::Ok;
}

std::optional<OrganisationRecord> Store::organisationBySlug(const QString &slug) const
{
    Query q(database(), u"SELECT id, slug, name FROM organisations WHERE slug = :slug"_s, {{u":slug"_s, slug}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return OrganisationRecord{q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toString()};
}

StoreResult Store::createAdvisor(const QString &organisationId, const QString &username, const QString &displayName,
                                 const QByteArray &passwordHash, qint64 now, QString *id)
{
    if (advisorByUsername(username))
        return StoreResult::Conflict;
    const QString advisorId = newId();
    Query q(database(),
            u"INSERT INTO advisors (id, organisation_id, username, display_name, password_hash, disabled, created_at) "
            "VALUES (:id, :org, :username, :display, :hash, 0, :now)"_s,
            {{u":id"_s, advisorId},
             {u":org"_s, organisationId},
             {u":username"_s, username},
             {u":display"_s, displayName},
             {u":hash"_s, QString::fromUtf8(passwordHash)},
             {u":now"_s, now}});
    if (!q.ok)
        return StoreResult::Failed;
    if (id)
        *id = advisorId;
    return StoreResult::Ok;
}

std::optional<AdvisorRecord> Store::advisorByUsername(const QString &username) const
{
    Query q(database(), advisorSelect + u"WHERE a.username = :username"_s, {{u":username"_s, username}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return advisorFromQuery(q.query);
}

std::optional<AdvisorRecord> Store::advisorById(const QString &id) const
{
    Query q(database(), advisorSelect + u"WHERE a.id = :id"_s, {{u":id"_s, id}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return advisorFromQuery(q.query);
}

QList<AdvisorRecord> Store::advisorsOfOrganisation(const QString &organisationId) const
{
    QList<AdvisorRecord> result;
    Query q(database(), advisorSelect + u"WHERE a.organisation_id = :org ORDER BY a.username"_s,
            {{u":org"_s, organisationId}});
    while (q.ok && q.query.next())
        result.append(advisorFromQuery(q.query));
    return result;
}

bool Store::setPasswordHash(const QString &advisorId, const QByteArray &hash)
{
    return Query(database(), u"UPDATE advisors SET password_hash = :hash WHERE id = :id"_s,
                 {{u":hash"_s, QString::fromUtf8(hash)}, {u":id"_s, advisorId}})
        .ok;
}

bool Store::setDisabled(const QString &advisorId, bool disabled)
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return false;
    const bool ok = Query(db, u"UPDATE advisors SET disabled = :disabled WHERE id = :id"_s,
                          {{u":disabled"_s, disabled ? 1 : 0}, {u":id"_s, advisorId}})
                        .ok &&
                    (!disabled || deleteSessionsOfAdvisor(advisorId));
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

bool Store::setTotpPending(const QString &advisorId, const QString &encryptedSecret)
{
    return Query(database(), u"UPDATE advisors SET totp_pending_secret = :secret WHERE id = :id"_s,
                 {{u":secret"_s, nullableText(encryptedSecret)}, {u":id"_s, advisorId}})
        .ok;
}

bool Store::enableTotp(const QString &advisorId, qint64 acceptedStep)
{
    Query q(database(),
            u"UPDATE advisors SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, "
            "totp_last_step = :step WHERE id = :id AND totp_pending_secret IS NOT NULL"_s,
            {{u":step"_s, acceptedStep}, {u":id"_s, advisorId}});
    return q.ok && q.query.numRowsAffected() == 1;
}

bool Store::disableTotp(const QString &advisorId)
{
    return Query(database(), u"UPDATE advisors SET totp_secret = NULL, totp_pending_secret = NULL WHERE id = :id"_s,
                 {{u":id"_s, advisorId}})
        .ok;
}

bool Store::consumeTotpStep(const QString &advisorId, qint64 step)
{
    Query q(database(), u"UPDATE advisors SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step2"_s,
            {{u":step"_s, step}, {u":id"_s, advisorId}, {u":step2"_s, step}});
    return q.ok && q.query.numRowsAffected() == 1;
}

bool Store::createSession(const SessionRecord &s)
{
    return Query(database(),
                 u"INSERT INTO sessions (token_hash, advisor_id, created_at, last_used_at, expires_at) "
                 "VALUES (:hash, :advisor, :created, :used, :expires)"_s,
                 {{u":hash"_s, s.tokenHash},
                  {u":advisor"_s, s.advisorId},
                  {u":created"_s, s.createdAt},
                  {u":used"_s, s.lastUsedAt},
                  {u":expires"_s, s.expiresAt}})
        .ok;
}

std::optional<SessionRecord> Store::sessionByTokenHash(const QString &tokenHash) const
{
    Query q(database(),
            u"SELECT token_hash, advisor_id, created_at, last_used_at, expires_at FROM sessions "
            "WHERE token_hash = :hash"_s,
            {{u":hash"_s, tokenHash}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return SessionRecord{q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toLongLong(),
                         q.query.value(3).toLongLong(), q.query.value(4).toLongLong()};
}

bool Store::touchSession(const QString &tokenHash, qint64 now)
{
    return Query(database(), u"UPDATE sessions SET last_used_at = :now WHERE token_hash = :hash"_s,
                 {{u":now"_s, now}, {u":hash"_s, tokenHash}})
        .ok;
}

bool Store::deleteSession(const QString &tokenHash)
{
    return Query(database(), u"DELETE FROM sessions WHERE token_hash = :hash"_s, {{u":hash"_s, tokenHash}}).ok;
}

bool Store::deleteSessionsOfAdvisor(const QString &advisorId)
{
    return Query(database(), u"DELETE FROM sessions WHERE advisor_id = :id"_s, {{u":id"_s, advisorId}}).ok;
}

bool Store::insertDevice(const DeviceRecord &d)
{
    return Query(database(),
                 u"INSERT INTO devices (id, advisor_id, organisation_id, name, x25519, ed25519, signature, key_id, "
                 "created_at, revoked_at) VALUES (:id, :advisor, :org, :name, :x, :ed, :sig, :keyid, :created, NULL)"_s,
                 {{u":id"_s, d.id},
                  {u":advisor"_s, d.advisorId},
                  {u":org"_s, d.organisationId},
                  {u":name"_s, d.name},
                  {u":x"_s, d.x25519},
                  {u":ed"_s, d.ed25519},
                  {u":sig"_s, d.signature},
                  {u":keyid"_s, d.keyId},
                  {u":created"_s, d.createdAt}})
        .ok;
}

std::optional<DeviceRecord> Store::deviceByKeys(const QString &x25519, const QString &ed25519) const
{
    Query q(database(), deviceSelect + u"WHERE d.x25519 = :x OR d.ed25519 = :ed"_s,
            {{u":x"_s, x25519}, {u":ed"_s, ed25519}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return deviceFromQuery(q.query);
}

QList<DeviceRecord> Store::activeDevicesOfOrganisation(const QString &organisationId) const
{
    QList<DeviceRecord> result;
    Query q(database(),
            deviceSelect + u"JOIN advisors a ON a.id = d.advisor_id WHERE d.organisation_id = :org "
                           "AND a.organisation_id = :org2 AND d.revoked_at IS NULL AND a.disabled = 0 "
                           "ORDER BY d.created_at, d.id"_s,
            {{u":org"_s, organisationId}, {u":org2"_s, organisationId}});
    while (q.ok && q.query.next())
        result.append(deviceFromQuery(q.query));
    return result;
}

StoreResult Store::revokeDevice(const QString &organisationId, const QString &deviceId, qint64 now)
{
    Query q(database(),
            u"UPDATE devices SET revoked_at = :now WHERE id = :id AND organisation_id = :org "
            "AND revoked_at IS NULL"_s,
            {{u":now"_s, now}, {u":id"_s, deviceId}, {u":org"_s, organisationId}});
    if (!q.ok)
        return StoreResult::Failed;
    return q.query.numRowsAffected() == 1 ? StoreResult::Ok : StoreResult::NotFound;
}

bool Store::logAccess(const AccessLogEntry &e)
{
    return Query(database(),
                 u"INSERT INTO access_log (at, method, path, status, bytes, ip, user_agent) "
                 "VALUES (:at, :method, :path, :status, :bytes, :ip, :agent)"_s,
                 {{u":at"_s, e.at},
                  {u":method"_s, e.method},
                  {u":path"_s, e.path},
                  {u":status"_s, e.status},
                  {u":bytes"_s, e.bytes},
                  {u":ip"_s, e.ip},
                  {u":agent"_s, e.userAgent}})
        .ok;
}

std::optional<StoredResponse> Store::storedResponse(const QString &caller, const QString &key) const
{
    Query q(database(),
            u"SELECT method, path, status, content_type, body FROM idempotency_keys "
            "WHERE caller = :caller AND idem_key = :key"_s,
            {{u":caller"_s, caller}, {u":key"_s, key}});
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return StoredResponse{q.query.value(0).toString(), q.query.value(1).toString(), q.query.value(2).toInt(),
                          q.query.value(3).toString().toUtf8(), q.query.value(4).toString().toUtf8()};
}

bool Store::storeResponse(const QString &caller, const QString &key, const StoredResponse &r, qint64 now)
{
    return Query(database(),
                 u"INSERT INTO idempotency_keys (caller, idem_key, method, path, status, content_type, body, "
                 "created_at) VALUES (:caller, :key, :method, :path, :status, :type, :body, :now)"_s,
                 {{u":caller"_s, caller},
                  {u":key"_s, key},
                  {u":method"_s, r.method},
                  {u":path"_s, r.path},
                  {u":status"_s, r.status},
                  {u":type"_s, QString::fromUtf8(r.contentType)},
                  {u":body"_s, QString::fromUtf8(r.body)},
                  {u":now"_s, now}})
        .ok;
}

} // namespace Lotse::Server
