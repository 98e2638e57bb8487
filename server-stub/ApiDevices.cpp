// Advisor devices and the public key list help-seekers' browsers seal to (API.md, "Devices").
#include "server-stub/Api.h"

#include "server-stub/JsonLog.h"
#include "server-stub/RequestValidator.h"
#include "server-stub/RoomEndpoints.h"

#include "crypto/DeviceIdentity.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

Response Api::registerDevice(const Request &request, const Caller &caller)
{
    QJsonObject body;
    if (auto error = RequestValidator::parseJsonBody(request,
                                                     {{u"name"_s, QJsonValue::String, true, 100, true},
                                                      {u"x25519"_s, QJsonValue::String, true, 128},
                                                      {u"ed25519"_s, QJsonValue::String, true, 128},
                                                      {u"signature"_s, QJsonValue::String, true, 256}},
                                                     body))
        return *error;
    QJsonObject keysJson = body;
    keysJson.remove(u"name"_s);
    const auto keys = Crypto::DevicePublicKeys::fromJson(keysJson);
    if (!keys)
        return Response::error(400, u"invalid_keys"_s,
                               u"The device keys are malformed: %1."_s.arg(Crypto::errorString(keys.error())));
    if (const auto verified = Crypto::verifyDeviceKeys(*keys); !verified)
        return Response::error(400, u"invalid_signature"_s, u"The device's self-signature does not verify."_s);

    // Canonical encodings, so that the same key can only be stored one way.
    const QString x25519 = Crypto::toBase64Url(keys->x25519);
    const QString ed25519 = Crypto::toBase64Url(keys->ed25519);
    if (const auto existing = m_store.deviceByKeys(x25519, ed25519)) {
        const bool same = existing->x25519 == x25519 && existing->ed25519 == ed25519;
        if (existing->advisorId != caller.advisor.id || !same)
            return Response::error(409, u"key_in_use"_s, u"These keys are registered to another device."_s);
        if (existing->revokedAt)
            return Response::error(409, u"device_revoked"_s,
                                   u"This device was revoked; make new keys to register it again."_s);
        return Response::json(200, toWire(*existing).toJson());
    }
    DeviceRecord device;
    device.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    device.advisorId = caller.advisor.id;
    device.organisationId = caller.advisor.organisation.id;
    device.name = body.value("name"_L1).toString().trimmed();
    device.x25519 = x25519;
    device.ed25519 = ed25519;
    device.signature = Crypto::toBase64Url(keys->signature);
    device.keyId = Crypto::toBase64Url(Crypto::keyId(keys->x25519));
    device.createdAt = now();
    if (!m_store.insertDevice(device))
        return Response::error(500, u"internal_error"_s, u"The device could not be saved."_s);
    JsonLog::info(u"device_registered"_s, {{u"deviceId"_s, device.id}, {u"advisorId"_s, caller.advisor.id}});
    emit m_rooms->rooms().events().organisationKeysChanged(device.organisationId); // a new room participant
    return Response::json(201, toWire(device).toJson());
}

Response Api::listDevices(const Caller &caller)
{
    QJsonArray devices;
    const auto records = m_store.activeDevicesOfOrganisation(caller.advisor.organisation.id);
    for (const DeviceRecord &record : records)
        devices.append(toWire(record).toJson());
    return Response::json(200, {{u"devices"_s, devices}});
}

Response Api::revokeDevice(const QString &deviceId, const Caller &caller)
{
    const auto notFound = [] { return Response::error(404, u"not_found"_s, u"There is no such device."_s); };
    if (!RequestValidator::isUuid(deviceId))
        return notFound();
    switch (m_store.revokeDevice(caller.advisor.organisation.id, deviceId, now())) {
    case StoreResult::Ok:
        JsonLog::info(u"device_revoked"_s, {{u"deviceId"_s, deviceId}, {u"advisorId"_s, caller.advisor.id}});
        emit m_rooms->rooms().events().organisationKeysChanged(caller.advisor.organisation.id);
        return Response::noContent();
    case StoreResult::Failed:
        return Response::error(500, u"internal_error"_s, u"The device could not be revoked."_s);
    default:
        return notFound();
    }
}

Response Api::publicDevices(const Request &request, const QString &slug)
{
    if (const qint64 wait = m_publicPerIp.hit(u"ip:"_s + request.remoteAddress); wait > 0) {
        Response response = Response::error(429, u"rate_limited"_s, u"Too many requests. Please wait."_s);
        response.setHeader("Retry-After", QByteArray::number(wait));
        return response;
    }
    const auto notFound = [] { return Response::error(404, u"not_found"_s, u"There is no such organisation."_s); };
    if (!RequestValidator::isValidSlug(slug))
        return notFound();
    const auto organisation = m_store.organisationBySlug(slug);
    if (!organisation)
        return notFound();
    Models::PublicDeviceList list{organisation->slug, organisation->name, {}};
    const auto records = m_store.activeDevicesOfOrganisation(organisation->id);
    for (const DeviceRecord &d : records)
        list.devices.append({d.keyId, d.x25519, d.ed25519, d.signature});
    return Response::json(200, list.toJson());
}

} // namespace Lotse::Server
