#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QStringView>

namespace Lotse::Crypto {

// Ed25519 detached signatures over the canonical JSON bytes of an object (FORMAT.md, section 9).
// The object carries a "purpose" member, a non-empty string naming the kind of statement, so that
// a signature made for one kind of statement never verifies as another.

// InvalidJson (object outside the canonical subset), WrongPurpose (no non-empty string "purpose").
[[nodiscard]] Result<QByteArray> signCanonicalJson(const SigningKeyPair &key, const QJsonObject &object);

// Checks, in FORMAT.md's order: InvalidJson; InvalidKey (section 3's check); InvalidLength
// (signature not 64 bytes); WrongPurpose ("purpose" missing, not a non-empty string, or not
// expectedPurpose); BadSignature.
[[nodiscard]] Status verifyCanonicalJson(QByteArrayView publicKey, const QJsonObject &object, QByteArrayView signature,
                                         QStringView expectedPurpose);
// Without an expected purpose: the object must still carry a non-empty string "purpose" (any).
// Prefer the overload above, which also refuses a statement of another kind.
[[nodiscard]] Status verifyCanonicalJson(QByteArrayView publicKey, const QJsonObject &object, QByteArrayView signature);

} // namespace Lotse::Crypto
