#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace Lotse::Crypto {

// Cryptographically secure random bytes (libsodium's randombytes).
[[nodiscard]] QByteArray randomBytes(qsizetype count);

// A 256-bit capability token, base64url without padding (43 characters).
[[nodiscard]] QString newToken();

// Constant-time comparison; different lengths compare unequal (length is not secret).
[[nodiscard]] bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// Lotse's one binary-to-text encoding on the wire: base64url (RFC 4648 §5) without padding.
[[nodiscard]] QString toBase64Url(QByteArrayView bytes);
// Strict: rejects padding, whitespace, the standard alphabet's '+' and '/', and non-canonical
// trailing bits.
[[nodiscard]] std::optional<QByteArray> fromBase64Url(QStringView text);

} // namespace Lotse::Crypto
