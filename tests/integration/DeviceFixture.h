#pragma once

#include "crypto/DeviceIdentity.h"
#include "crypto/Keys.h"

#include <QJsonObject>
#include <QString>

// A freshly generated, correctly self-signed device registration body (POST /api/v1/devices).
inline QJsonObject newDeviceRegistration(const QString &name)
{
    const auto encryption = Lotse::Crypto::EncryptionKeyPair::generate();
    const auto signing = Lotse::Crypto::SigningKeyPair::generate();
    QJsonObject body = Lotse::Crypto::signDeviceKeys(encryption, signing).toJson();
    body.insert(QStringLiteral("name"), name);
    return body;
}
