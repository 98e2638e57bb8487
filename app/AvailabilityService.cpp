#include "app/AvailabilityService.h"

#include "app/ServerClient.h"

#include <QJsonArray>

#include <memory>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

AvailabilityService::AvailabilityService(ServerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void AvailabilityService::load(LoadCallback done)
{
    if (!m_client)
        return done({}, ApiError::fromKind(ApiError::Kind::NotSignedIn));
    // Three independent reads; the callback runs once, after the last, with the first error.
    struct Pending
    {
        Loaded loaded;
        ApiError error;
        int outstanding = 3;
        LoadCallback done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    const auto finish = [pending](const ApiError &error) {
        if (error.isError() && !pending->error.isError())
            pending->error = error;
        if (--pending->outstanding == 0)
            pending->done(pending->loaded, pending->error);
    };
    m_client->getJson(u"/api/v1/me/availability"_s,
                      [pending, finish](const QJsonObject &answer, const ApiError &error) {
                          if (!error.isError())
                              pending->loaded.availability = AvailabilitySettings::fromJson(answer);
                          finish(error);
                      });
    m_client->getJson(u"/api/v1/org/settings"_s, [pending, finish](const QJsonObject &answer, const ApiError &error) {
        if (!error.isError())
            pending->loaded.org = {answer.value("autoConfirm"_L1).toBool(), answer};
        finish(error);
    });
    m_client->getJson(u"/api/v1/org/locations"_s, [pending, finish](const QJsonObject &answer, const ApiError &error) {
        const QJsonArray list = answer.value("locations"_L1).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject location = value.toObject();
            pending->loaded.locations.append({location.value("id"_L1).toString(), location.value("name"_L1).toString(),
                                              location.value("address"_L1).toString()});
        }
        finish(error);
    });
}

void AvailabilityService::save(const AvailabilitySettings &settings,
                               std::function<void(const AvailabilitySettings &, const ApiError &)> done)
{
    if (!m_client)
        return done(settings, ApiError::fromKind(ApiError::Kind::NotSignedIn));
    QPointer<AvailabilityService> self(this);
    m_client->putJson(u"/api/v1/me/availability"_s, settings.toJson(),
                      [self, settings, done = std::move(done)](const QJsonObject &answer, const ApiError &error) {
                          if (error.isError())
                              return done(settings, error);
                          const AvailabilitySettings saved = AvailabilitySettings::fromJson(answer);
                          if (self)
                              Q_EMIT self->availabilityChanged(saved);
                          done(saved, {});
                      });
}

void AvailabilityService::setAutoConfirm(const OrgSettings &current, bool autoConfirm, DoneCallback done)
{
    if (!m_client)
        return done(ApiError::fromKind(ApiError::Kind::NotSignedIn));
    QJsonObject body = current.original;
    body.insert(u"autoConfirm"_s, autoConfirm);
    m_client->putJson(u"/api/v1/org/settings"_s, body,
                      [done = std::move(done)](const QJsonObject &, const ApiError &error) { done(error); });
}

} // namespace Lotse::Client
