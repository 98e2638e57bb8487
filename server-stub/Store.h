#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Lotse::Server {

struct OrganisationRecord
{
    QString id;
    QString slug;
    QString name;
};

struct AdvisorRecord
{
    QString id;
    QString username;
    QString displayName;
    QByteArray passwordHash;
    bool disabled = false;
    QString totpSecret;        // encrypted (SecretBox); empty: no second factor
    QString totpPendingSecret; // encrypted; set up but not yet confirmed
    qint64 totpLastStep = 0;   // last accepted TOTP time step (replay guard)
    OrganisationRecord organisation;
};

struct SessionRecord
{
    QString tokenHash;
    QString advisorId;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
    qint64 expiresAt = 0; // absolute expiry
};

struct DeviceRecord
{
    QString id;
    QString advisorId;
    QString organisationId;
    QString name;
    QString x25519; // base64url
    QString ed25519;
    QString signature;
    QString keyId;
    qint64 createdAt = 0;
    std::optional<qint64> revokedAt;
};

struct AccessLogEntry
{
    qint64 at = 0;
    QString method;
    QString path;
    int status = 0;
    qint64 bytes = 0;
    QString ip;
    QString userAgent;
};

struct StoredResponse
{
    QString method;
    QString path;
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

enum class StoreResult
{
    Ok,
    Conflict,
    NotFound,
    Failed
};

// Lotse's server database behind one class: SQLite today (WAL, synchronous=FULL, foreign keys,
// busy timeout), portable SQL so that PostgreSQL can follow. Times are epoch seconds, given by the
// caller (who owns the clock). Every organisation-scoped read takes the organisation id.
class Store
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens (creating if needed) the SQLite file and applies the connection settings; does not
    // migrate.
    [[nodiscard]] bool open(const QString &fileName, QString *error = nullptr);
    // Applies every pending migration, each in its own transaction. Refuses a database newer than
    // this code.
    [[nodiscard]] bool migrate(QString *error = nullptr);
    // 0 for an empty database.
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] bool ping() const;
    [[nodiscard]] QSqlDatabase database() const;

    // Organisations
    [[nodiscard]] StoreResult createOrganisation(const QString &slug, const QString &name, qint64 now,
                                                 QString *id = nullptr);
    [[nodiscard]] std::optional<OrganisationRecord> organisationBySlug(const QString &slug) const;

    // Advisors
    [[nodiscard]] StoreResult createAdvisor(const QString &organisationId, const QString &username,
                                            const QString &displayName, const QByteArray &passwordHash, qint64 now,
                                            QString *id = nullptr);
    [[nodiscard]] std::optional<AdvisorRecord> advisorByUsername(const QString &username) const;
    [[nodiscard]] std::optional<AdvisorRecord> advisorById(const QString &id) const;
    [[nodiscard]] QList<AdvisorRecord> advisorsOfOrganisation(const QString &organisationId) const;
    [[nodiscard]] bool setPasswordHash(const QString &advisorId, const QByteArray &hash);
    // Disabling also ends every session of the advisor.
    [[nodiscard]] bool setDisabled(const QString &advisorId, bool disabled);
    [[nodiscard]] bool setTotpPending(const QString &advisorId, const QString &encryptedSecret);
    [[nodiscard]] bool enableTotp(const QString &advisorId, qint64 acceptedStep);
    [[nodiscard]] bool disableTotp(const QString &advisorId);
    // Records a used TOTP step; false when it is not newer than the last one (a replay).
    [[nodiscard]] bool consumeTotpStep(const QString &advisorId, qint64 step);

    // Sessions (only the token's hash is stored)
    [[nodiscard]] bool createSession(const SessionRecord &session);
    [[nodiscard]] std::optional<SessionRecord> sessionByTokenHash(const QString &tokenHash) const;
    [[nodiscard]] bool touchSession(const QString &tokenHash, qint64 now);
    [[nodiscard]] bool deleteSession(const QString &tokenHash);
    [[nodiscard]] bool deleteSessionsOfAdvisor(const QString &advisorId);

    // Devices
    [[nodiscard]] bool insertDevice(const DeviceRecord &device);
    // A device holding either key (keys are unique across the whole server).
    [[nodiscard]] std::optional<DeviceRecord> deviceByKeys(const QString &x25519, const QString &ed25519) const;
    // Active (not revoked) devices of enabled advisors in the organisation, oldest first.
    [[nodiscard]] QList<DeviceRecord> activeDevicesOfOrganisation(const QString &organisationId) const;
    [[nodiscard]] StoreResult revokeDevice(const QString &organisationId, const QString &deviceId, qint64 now);

    // Access log and idempotency keys
    [[nodiscard]] bool logAccess(const AccessLogEntry &entry);
    [[nodiscard]] std::optional<StoredResponse> storedResponse(const QString &caller, const QString &key) const;
    [[nodiscard]] bool storeResponse(const QString &caller, const QString &key, const StoredResponse &response,
                                     qint64 now);

private:
    QString m_connectionName;
};

} // namespace Lotse::Server
