#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace Lotse::Crypto {

// Ed25519 detached signatures over the canonical JSON bytes of an object (FORMAT.md,
// "Signed JSON"). The object carries a "purpose" string so that a signature made for one kind
// of statement never verifies as another.
[[nodiscard]] Result<QByteArray> signCanonicalJson(const SigningKeyPair &key, const QJsonObject &object);
[[nodiscard]] Status verifyCanonicalJson(QByteArrayView publicKey, const QJsonObject &object, QByteArrayView signature);

} // namespace Lotse::Crypto
