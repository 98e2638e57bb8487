#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// The JSON objects of server-stub/API.md as C++ values, shared by lotse-server and the desktop
// app so that both sides agree on field names. fromJson() returns std::nullopt when a required
// field is missing or has the wrong type.
namespace Lotse::Models {

// ISO 8601 UTC with a 'Z' and whole seconds: 2026-11-24T14:00:00Z.
[[nodiscard]] QString toIsoUtc(const QDateTime &time);
[[nodiscard]] QDateTime fromIsoUtc(const QString &text);

struct ApiError
{
    QString code;
    QString message;
    QMap<QString, QString> fields; // field name -> what is wrong; only for validation errors

    [[nodiscard]] QJsonObject toJson() const; // {"error": {...}}
    [[nodiscard]] static std::optional<ApiError> fromJson(const QJsonObject &json);
};

struct Organisation
{
    QString id;
    QString slug;
    QString name;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Organisation> fromJson(const QJsonObject &json);
};

struct Advisor
{
    QString id;
    QString username;
    QString displayName;
    bool totpEnabled = false;
    Organisation organisation;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Advisor> fromJson(const QJsonObject &json);
};

struct LoginRequest
{
    QString username;
    QString password;
    QString totp; // empty: not sent

    [[nodiscard]] QJsonObject toJson() const;
};

struct LoginResponse
{
    QString token;
    QDateTime expiresAt;
    Advisor advisor;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<LoginResponse> fromJson(const QJsonObject &json);
};

struct TotpSetup
{
    QString secret; // base32
    QString otpauthUri;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<TotpSetup> fromJson(const QJsonObject &json);
};

// A device as the advisor side sees it. Keys and signature are base64url on the wire.
struct Device
{
    QString id;
    QString advisorId;
    QString name;
    QString x25519;
    QString ed25519;
    QString signature;
    QString keyId;
    QDateTime createdAt;
    QDateTime revokedAt; // invalid: not revoked

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Device> fromJson(const QJsonObject &json);
};

struct DeviceRegistration
{
    QString name;
    QString x25519;
    QString ed25519;
    QString signature;

    [[nodiscard]] QJsonObject toJson() const;
};

// What a help-seeker's browser seals booking fields to (GET /api/v1/orgs/{slug}/devices).
struct PublicDevice
{
    QString keyId;
    QString x25519;
    QString ed25519;
    QString signature;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<PublicDevice> fromJson(const QJsonObject &json);
};

struct PublicDeviceList
{
    QString organisationSlug;
    QString organisationName;
    QList<PublicDevice> devices;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<PublicDeviceList> fromJson(const QJsonObject &json);
};

} // namespace Lotse::Models
