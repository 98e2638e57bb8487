#pragma once

#include "app/ApiError.h"
#include "app/AvailabilitySettings.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Lotse::Client {

class ServerClient;

// Loads and saves the advisor's availability (/api/v1/me/availability) and the organisation's
// settings and on-site locations for the availability page.
class AvailabilityService : public QObject
{
    Q_OBJECT

public:
    struct Location
    {
        QString id;
        QString name;
        QString address;
    };
    struct OrgSettings
    {
        bool autoConfirm = false;
        QJsonObject original; // sent back whole, with autoConfirm changed
    };
    struct Loaded
    {
        AvailabilitySettings availability;
        OrgSettings org;
        QList<Location> locations;
    };
    using LoadCallback = std::function<void(const Loaded &loaded, const ApiError &error)>;
    using DoneCallback = std::function<void(const ApiError &error)>;

    explicit AvailabilityService(ServerClient *client, QObject *parent = nullptr);

    void load(LoadCallback done);
    // On a validation error, `error.fields` names the fields (e.g. "weekly.mon[1].end").
    void save(const AvailabilitySettings &settings,
              std::function<void(const AvailabilitySettings &saved, const ApiError &error)> done);
    void setAutoConfirm(const OrgSettings &current, bool autoConfirm, DoneCallback done);

Q_SIGNALS:
    // The advisor's availability as the server now has it (after a load or a save).
    void availabilityChanged(const Lotse::Client::AvailabilitySettings &availability);

private:
    QPointer<ServerClient> m_client;
};

} // namespace Lotse::Client
