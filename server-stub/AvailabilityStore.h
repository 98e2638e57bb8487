#pragma once

#include "server-stub/Store.h"

#include "models/SlotEngine.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Lotse::Server {

struct LocationRecord
{
    QString id;
    QString name;
    QString address;
};

struct OrgSettingsRecord
{
    bool autoConfirm = false;
    QString timeZone = QStringLiteral("Europe/Berlin");
    QString privacyPolicyVersion = QStringLiteral("2026-11-01");
};

struct BusyRecord
{
    QString advisorId;
    qint64 start = 0;
    qint64 end = 0;
};

struct AdvisorRulesRecord
{
    QString advisorId;
    QString displayName;
    QByteArray rules; // canonical availability JSON (API.md)
};

// The tables of migration 4 (availability, locations, holidays, organisation settings, busy
// blocks) over the Store's connection. Every read and write is scoped to one organisation.
class AvailabilityStore
{
public:
    explicit AvailabilityStore(const Store &store);

    [[nodiscard]] std::optional<QByteArray> rules(const QString &organisationId, const QString &advisorId) const;
    // Enabled advisors of the organisation that saved rules, by username.
    [[nodiscard]] QList<AdvisorRulesRecord> rulesOfOrganisation(const QString &organisationId) const;
    [[nodiscard]] bool saveRules(const QString &organisationId, const QString &advisorId, const QByteArray &rules,
                                 qint64 now);

    // Active (not archived) locations in their listed order.
    [[nodiscard]] QList<LocationRecord> locations(const QString &organisationId) const;
    // Every id the organisation ever had, archived ones too.
    [[nodiscard]] QStringList allLocationIds(const QString &organisationId) const;
    // Replaces the active list: records with an id update that location (and revive it), records
    // without get a new id (filled in); active locations not listed are archived.
    [[nodiscard]] bool saveLocations(const QString &organisationId, QList<LocationRecord> &locations, qint64 now);

    [[nodiscard]] QList<QDate> holidays(const QString &organisationId) const;
    [[nodiscard]] bool saveHolidays(const QString &organisationId, const QList<QDate> &days);

    // Defaults when the organisation never saved settings.
    [[nodiscard]] OrgSettingsRecord settings(const QString &organisationId) const;
    [[nodiscard]] bool saveSettings(const QString &organisationId, const OrgSettingsRecord &settings, qint64 now);

    // Replaces the advisor's busy blocks that start in [from, to) with `blocks`.
    [[nodiscard]] bool replaceBusy(const QString &organisationId, const QString &advisorId, qint64 from, qint64 to,
                                   const QList<Models::TimeInterval> &blocks);
    // Busy blocks overlapping [from, to); of one advisor when `advisorId` is not empty.
    [[nodiscard]] QList<BusyRecord> busy(const QString &organisationId, qint64 from, qint64 to,
                                         const QString &advisorId = {}) const;

private:
    const Store &m_store;
};

} // namespace Lotse::Server
