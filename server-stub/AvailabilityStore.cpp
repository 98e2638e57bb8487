#include "server-stub/AvailabilityStore.h"

#include "server-stub/JsonLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

// Busy blocks longer than this are refused by the API, which bounds the overlap query.
constexpr qint64 maxBusySeconds = 31 * 86400;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Runs one prepared statement with named values; logs a failure.
bool run(QSqlQuery &q, const QString &sql, const QList<std::pair<QString, QVariant>> &binds)
{
    if (!q.prepare(sql)) {
        JsonLog::error(u"sql_error"_s, {{u"sql"_s, sql}, {u"error"_s, q.lastError().text()}});
        return false;
    }
    for (const auto &[name, value] : binds)
        q.bindValue(name, value);
    if (!q.exec()) {
        JsonLog::error(u"sql_error"_s, {{u"sql"_s, sql}, {u"error"_s, q.lastError().text()}});
        return false;
    }
    return true;
}

// Runs `body` in a transaction; commits when it returns true.
template<typename Body>
bool inTransaction(QSqlDatabase db, Body body)
{
    if (!db.transaction())
        return false;
    if (!body()) {
        db.rollback();
        return false;
    }
    return db.commit();
}

} // namespace

AvailabilityStore::AvailabilityStore(const Store &store)
    : m_store(store)
{}

std::optional<QByteArray> AvailabilityStore::rules(const QString &organisationId, const QString &advisorId) const
{
    QSqlQuery q(m_store.database());
    if (!run(q, u"SELECT rules FROM availability WHERE organisation_id = :org AND advisor_id = :advisor"_s,
             {{u":org"_s, organisationId}, {u":advisor"_s, advisorId}}) ||
        !q.next())
        return std::nullopt;
    return q.value(0).toString().toUtf8();
}

QList<AdvisorRulesRecord> AvailabilityStore::rulesOfOrganisation(const QString &organisationId) const
{
    QList<AdvisorRulesRecord> result;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!run(q,
             u"SELECT a.id, a.display_name, av.rules FROM availability av JOIN advisors a ON a.id = av.advisor_id "
             "WHERE av.organisation_id = :org AND a.organisation_id = :org2 AND a.disabled = 0 "
             "ORDER BY a.username"_s,
             {{u":org"_s, organisationId}, {u":org2"_s, organisationId}}))
        return result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString().toUtf8()});
    return result;
}

bool AvailabilityStore::saveRules(const QString &organisationId, const QString &advisorId, const QByteArray &rules,
                                  qint64 now)
{
    QSqlQuery q(m_store.database());
    return run(q,
               u"INSERT INTO availability (id, organisation_id, advisor_id, rules, updated_at) "
               "VALUES (:id, :org, :advisor, :rules, :now) "
               "ON CONFLICT (advisor_id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at "
               "WHERE availability.organisation_id = excluded.organisation_id"_s,
               {{u":id"_s, newId()},
                {u":org"_s, organisationId},
                {u":advisor"_s, advisorId},
                {u":rules"_s, QString::fromUtf8(rules)},
                {u":now"_s, now}}) &&
           q.numRowsAffected() == 1;
}

QList<LocationRecord> AvailabilityStore::locations(const QString &organisationId) const
{
    QList<LocationRecord> result;
    QSqlQuery q(m_store.database());
    if (!run(q,
             u"SELECT id, name, address FROM locations WHERE organisation_id = :org AND archived_at IS NULL "
             "ORDER BY position, id"_s,
             {{u":org"_s, organisationId}}))
        return result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return result;
}

QStringList AvailabilityStore::allLocationIds(const QString &organisationId) const
{
    QStringList result;
    QSqlQuery q(m_store.database());
    if (!run(q, u"SELECT id FROM locations WHERE organisation_id = :org"_s, {{u":org"_s, organisationId}}))
        return result;
    while (q.next())
        result.append(q.value(0).toString());
    return result;
}

bool AvailabilityStore::saveLocations(const QString &organisationId, QList<LocationRecord> &list, qint64 now)
{
    return inTransaction(m_store.database(), [&] {
        QSqlQuery archive(m_store.database());
        if (!run(archive,
                 u"UPDATE locations SET archived_at = :now WHERE organisation_id = :org AND archived_at IS NULL"_s,
                 {{u":now"_s, now}, {u":org"_s, organisationId}}))
            return false;
        for (int i = 0; i < list.size(); ++i) {
            LocationRecord &location = list[i];
            QSqlQuery q(m_store.database());
            if (location.id.isEmpty()) {
                location.id = newId();
                if (!run(q,
                         u"INSERT INTO locations (id, organisation_id, name, address, position, archived_at, "
                         "created_at) VALUES (:id, :org, :name, :address, :position, NULL, :now)"_s,
                         {{u":id"_s, location.id},
                          {u":org"_s, organisationId},
                          {u":name"_s, location.name},
                          {u":address"_s, location.address},
                          {u":position"_s, i},
                          {u":now"_s, now}}))
                    return false;
            } else if (!run(q,
                            u"UPDATE locations SET name = :name, address = :address, position = :position, "
                            "archived_at = NULL WHERE id = :id AND organisation_id = :org"_s,
                            {{u":name"_s, location.name},
                             {u":address"_s, location.address},
                             {u":position"_s, i},
                             {u":id"_s, location.id},
                             {u":org"_s, organisationId}}) ||
                       q.numRowsAffected() != 1) {
                return false;
            }
        }
        return true;
    });
}

QList<QDate> AvailabilityStore::holidays(const QString &organisationId) const
{
    QList<QDate> result;
    QSqlQuery q(m_store.database());
    if (!run(q, u"SELECT day FROM holidays WHERE organisation_id = :org ORDER BY day"_s, {{u":org"_s, organisationId}}))
        return result;
    while (q.next())
        result.append(QDate::fromString(q.value(0).toString(), Qt::ISODate));
    return result;
}

bool AvailabilityStore::saveHolidays(const QString &organisationId, const QList<QDate> &days)
{
    return inTransaction(m_store.database(), [&] {
        QSqlQuery clear(m_store.database());
        if (!run(clear, u"DELETE FROM holidays WHERE organisation_id = :org"_s, {{u":org"_s, organisationId}}))
            return false;
        for (const QDate &day : days) {
            QSqlQuery q(m_store.database());
            if (!run(q, u"INSERT INTO holidays (id, organisation_id, day) VALUES (:id, :org, :day)"_s,
                     {{u":id"_s, newId()}, {u":org"_s, organisationId}, {u":day"_s, day.toString(Qt::ISODate)}}))
                return false;
        }
        return true;
    });
}

OrgSettingsRecord AvailabilityStore::settings(const QString &organisationId) const
{
    OrgSettingsRecord result;
    QSqlQuery q(m_store.database());
    if (run(q,
            u"SELECT auto_confirm, time_zone, privacy_policy_version FROM org_settings "
            "WHERE organisation_id = :org"_s,
            {{u":org"_s, organisationId}}) &&
        q.next())
        result = {q.value(0).toInt() != 0, q.value(1).toString(), q.value(2).toString()};
    return result;
}

bool AvailabilityStore::saveSettings(const QString &organisationId, const OrgSettingsRecord &s, qint64 now)
{
    QSqlQuery q(m_store.database());
    return run(q,
               u"INSERT INTO org_settings (id, organisation_id, auto_confirm, time_zone, privacy_policy_version, "
               "updated_at) VALUES (:id, :org, :auto, :zone, :policy, :now) ON CONFLICT (organisation_id) DO UPDATE "
               "SET auto_confirm = excluded.auto_confirm, time_zone = excluded.time_zone, "
               "privacy_policy_version = excluded.privacy_policy_version, updated_at = excluded.updated_at"_s,
               {{u":id"_s, newId()},
                {u":org"_s, organisationId},
                {u":auto"_s, s.autoConfirm ? 1 : 0},
                {u":zone"_s, s.timeZone},
                {u":policy"_s, s.privacyPolicyVersion},
                {u":now"_s, now}});
}

bool AvailabilityStore::replaceBusy(const QString &organisationId, const QString &advisorId, qint64 from, qint64 to,
                                    const QList<Models::TimeInterval> &blocks)
{
    return inTransaction(m_store.database(), [&] {
        QSqlQuery clear(m_store.database());
        if (!run(clear,
                 u"DELETE FROM busy_blocks WHERE organisation_id = :org AND advisor_id = :advisor "
                 "AND start_at >= :from AND start_at < :to"_s,
                 {{u":org"_s, organisationId}, {u":advisor"_s, advisorId}, {u":from"_s, from}, {u":to"_s, to}}))
            return false;
        QSqlQuery q(m_store.database());
        if (!q.prepare(u"INSERT INTO busy_blocks (id, organisation_id, advisor_id, start_at, end_at) "
                       "VALUES (:id, :org, :advisor, :start, :end)"_s))
            return false;
        for (const Models::TimeInterval &block : blocks) {
            q.bindValue(u":id"_s, newId());
            q.bindValue(u":org"_s, organisationId);
            q.bindValue(u":advisor"_s, advisorId);
            q.bindValue(u":start"_s, block.start);
            q.bindValue(u":end"_s, block.end);
            if (!q.exec()) {
                JsonLog::error(u"sql_error"_s,
                               {{u"sql"_s, u"INSERT INTO busy_blocks"_s}, {u"error"_s, q.lastError().text()}});
                return false;
            }
        }
        return true;
    });
}

QList<BusyRecord> AvailabilityStore::busy(const QString &organisationId, qint64 from, qint64 to,
                                          const QString &advisorId) const
{
    QList<BusyRecord> result;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    QString sql = u"SELECT advisor_id, start_at, end_at FROM busy_blocks WHERE organisation_id = :org "
                  "AND start_at >= :earliest AND start_at < :to AND end_at > :from"_s;
    QList<std::pair<QString, QVariant>> binds = {
        {u":org"_s, organisationId}, {u":earliest"_s, from - maxBusySeconds}, {u":to"_s, to}, {u":from"_s, from}};
    if (!advisorId.isEmpty()) {
        sql += u" AND advisor_id = :advisor"_s;
        binds.append({u":advisor"_s, advisorId});
    }
    if (!run(q, sql, binds))
        return result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    return result;
}

} // namespace Lotse::Server
