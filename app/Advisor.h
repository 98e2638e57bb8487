#pragma once

#include <QJsonObject>
#include <QString>

namespace Lotse::Client {

// The signed-in advisor as the server describes them (API.md, "Advisor sessions").
struct Advisor
{
    QString id;
    QString username;
    QString displayName;
    bool totpEnabled = false;
    QString organisationId;
    QString organisationSlug;
    QString organisationName;

    [[nodiscard]] bool isValid() const { return !id.isEmpty() && !username.isEmpty(); }
    [[nodiscard]] static Advisor fromJson(const QJsonObject &json);
};

} // namespace Lotse::Client
