#include "models/ApiTypes.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Lotse::Models {

namespace {

bool readString(const QJsonObject &json, QLatin1StringView key, QString &out)
{
    const QJsonValue value = json.value(key);
    if (!value.isString())
        return false;
    out = value.toString();
    return true;
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(toIsoUtc(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString toIsoUtc(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

QDateTime fromIsoUtc(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QJsonObject ApiError::toJson() const
{
    QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    if (!fields.isEmpty()) {
        QJsonObject fieldObject;
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            fieldObject.insert(it.key(), it.value());
        error.insert(u"fields"_s, fieldObject);
    }
    return QJsonObject{{u"error"_s, error}};
}

std::optional<ApiError> ApiError::fromJson(const QJsonObject &json)
{
    const QJsonObject error = json.value("error"_L1).toObject();
    ApiError result;
    if (!readString(error, "code"_L1, result.code) || !readString(error, "message"_L1, result.message))
        return std::nullopt;
    const QJsonObject fields = error.value("fields"_L1).toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        result.fields.insert(it.key(), it.value().toString());
    return result;
}

QJsonObject Organisation::toJson() const
{
    return {{u"id"_s, id}, {u"slug"_s, slug}, {u"name"_s, name}};
}

std::optional<Organisation> Organisation::fromJson(const QJsonObject &json)
{
    Organisation org;
    if (!readString(json, "id"_L1, org.id) || !readString(json, "slug"_L1, org.slug) ||
        !readString(json, "name"_L1, org.name))
        return std::nullopt;
    return org;
}

QJsonObject Advisor::toJson() const
{
    return {{u"id"_s, id},
            {u"username"_s, username},
            {u"displayName"_s, displayName},
            {u"totpEnabled"_s, totpEnabled},
            {u"organisation"_s, organisation.toJson()}};
}

std::optional<Advisor> Advisor::fromJson(const QJsonObject &json)
{
    Advisor advisor;
    if (!readString(json, "id"_L1, advisor.id) || !readString(json, "username"_L1, advisor.username) ||
        !readString(json, "displayName"_L1, advisor.displayName) || !json.value("totpEnabled"_L1).isBool())
        return std::nullopt;
    advisor.totpEnabled = json.value("totpEnabled"_L1).toBool();
    const auto org = Organisation::fromJson(json.value("organisation"_L1).toObject());
    if (!org)
        return std::nullopt;
    advisor.organisation = *org;
    return advisor;
}

QJsonObject LoginRequest::toJson() const
{
    QJsonObject json{{u"username"_s, username}, {u"password"_s, password}};
    if (!totp.isEmpty())
        json.insert(u"totp"_s, totp);
    return json;
}

QJsonObject LoginResponse::toJson() const
{
    return {{u"token"_s, token}, {u"expiresAt"_s, toIsoUtc(expiresAt)}, {u"advisor"_s, advisor.toJson()}};
}

std::optional<LoginResponse> LoginResponse::fromJson(const QJsonObject &json)
{
    LoginResponse response;
    QString expires;
    if (!readString(json, "token"_L1, response.token) || !readString(json, "expiresAt"_L1, expires))
        return std::nullopt;
    response.expiresAt = fromIsoUtc(expires);
    const auto advisor = Advisor::fromJson(json.value("advisor"_L1).toObject());
    if (!advisor || !response.expiresAt.isValid())
        return std::nullopt;
    response.advisor = *advisor;
    return response;
}

QJsonObject TotpSetup::toJson() const
{
    return {{u"secret"_s, secret}, {u"otpauthUri"_s, otpauthUri}};
}

std::optional<TotpSetup> TotpSetup::fromJson(const QJsonObject &json)
{
    TotpSetup setup;
    if (!readString(json, "secret"_L1, setup.secret) || !readString(json, "otpauthUri"_L1, setup.otpauthUri))
        return std::nullopt;
    return setup;
}

QJsonObject Device::toJson() const
{
    return {{u"id"_s, id},
            {u"advisorId"_s, advisorId},
            {u"name"_s, name},
            {u"x25519"_s, x25519},
            {u"ed25519"_s, ed25519},
            {u"signature"_s, signature},
            {u"keyId"_s, keyId},
            {u"createdAt"_s, toIsoUtc(createdAt)},
            {u"revokedAt"_s, timeOrNull(revokedAt)}};
}

std::optional<Device> Device::fromJson(const QJsonObject &json)
{
    Device device;
    QString created;
    if (!readString(json, "id"_L1, device.id) || !readString(json, "advisorId"_L1, device.advisorId) ||
        !readString(json, "name"_L1, device.name) || !readString(json, "x25519"_L1, device.x25519) ||
        !readString(json, "ed25519"_L1, device.ed25519) || !readString(json, "signature"_L1, device.signature) ||
        !readString(json, "keyId"_L1, device.keyId) || !readString(json, "createdAt"_L1, created))
        return std::nullopt;
    device.createdAt = fromIsoUtc(created);
    const QJsonValue revoked = json.value("revokedAt"_L1);
    if (revoked.isString())
        device.revokedAt = fromIsoUtc(revoked.toString());
    else if (!revoked.isNull())
        return std::nullopt;
    return device;
}

QJsonObject DeviceRegistration::toJson() const
{
    return {{u"name"_s, name}, {u"x25519"_s, x25519}, {u"ed25519"_s, ed25519}, {u"signature"_s, signature}};
}

QJsonObject PublicDevice::toJson() const
{
    return {{u"keyId"_s, keyId}, {u"x25519"_s, x25519}, {u"ed25519"_s, ed25519}, {u"signature"_s, signature}};
}

std::optional<PublicDevice> PublicDevice::fromJson(const QJsonObject &json)
{
    PublicDevice device;
    if (!readString(json, "keyId"_L1, device.keyId) || !readString(json, "x25519"_L1, device.x25519) ||
        !readString(json, "ed25519"_L1, device.ed25519) || !readString(json, "signature"_L1, device.signature))
        return std::nullopt;
    return device;
}

QJsonObject PublicDeviceList::toJson() const
{
    QJsonArray array;
    for (const PublicDevice &device : devices)
        array.append(device.toJson());
    return {{u"organisation"_s, QJsonObject{{u"slug"_s, organisationSlug}, {u"name"_s, organisationName}}},
            {u"devices"_s, array}};
}

std::optional<PublicDeviceList> PublicDeviceList::fromJson(const QJsonObject &json)
{
    PublicDeviceList list;
    const QJsonObject org = json.value("organisation"_L1).toObject();
    if (!readString(org, "slug"_L1, list.organisationSlug) || !readString(org, "name"_L1, list.organisationName) ||
        !json.value("devices"_L1).isArray())
        return std::nullopt;
    const QJsonArray array = json.value("devices"_L1).toArray();
    for (const QJsonValue &value : array) {
        const auto device = PublicDevice::fromJson(value.toObject());
        if (!device)
            return std::nullopt;
        list.devices.append(*device);
    }
    return list;
}

} // namespace Lotse::Models
