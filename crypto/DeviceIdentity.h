#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Lotse::Crypto {

// An advisor device's public identity as registered with the server: its X25519 and Ed25519
// public keys, bound together by an Ed25519 self-signature over canonical JSON (FORMAT.md,
// "Device registration").
struct DevicePublicKeys
{
    QByteArray x25519;    // 32 bytes
    QByteArray ed25519;   // 32 bytes
    QByteArray signature; // 64 bytes

    // {"ed25519": b64url, "signature": b64url, "x25519": b64url}
    [[nodiscard]] QJsonObject toJson() const;
    // FORMAT.md section 9's checks but the signature itself, in its order: MalformedInput (not
    // exactly these members, or one not strict base64url), InvalidKey (a key failing section 3's
    // check), InvalidLength (signature not 64 bytes).
    [[nodiscard]] static Result<DevicePublicKeys> fromJson(const QJsonObject &json);
};

[[nodiscard]] DevicePublicKeys signDeviceKeys(const EncryptionKeyPair &encryption, const SigningKeyPair &signing);
// Checks lengths, that both keys are valid points, and the self-signature.
[[nodiscard]] Status verifyDeviceKeys(const DevicePublicKeys &keys);

} // namespace Lotse::Crypto
