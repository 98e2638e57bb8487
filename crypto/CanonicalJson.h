#pragma once

#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

namespace Lotse::Crypto::CanonicalJson {

// Lotse's canonical JSON (FORMAT.md, "Canonical JSON"): the bytes a signature covers. A subset
// of RFC 8785 (JCS): objects, arrays, strings, integers in [-(2^53-1), 2^53-1], true, false,
// null; keys sorted by UTF-16 code units; no whitespace; minimal escaping; UTF-8.

inline constexpr qint64 MaxSafeInteger = (qint64(1) << 53) - 1;
inline constexpr int MaxDepth = 64; // nested arrays and objects, counted by containers
inline constexpr qsizetype MaxInputBytes = qsizetype(1) << 20;

// Canonical bytes of a value built in code. InvalidJson for non-integral or unsafe numbers,
// strings with unpaired surrogates and more than MaxDepth nested arrays/objects. The number -0
// (a double) is the integer 0 and is written "0".
[[nodiscard]] Result<QByteArray> serialize(const QJsonValue &value);

// Parses JSON text, refusing anything outside the subset: fractions and exponents, -0,
// integers outside the safe range, duplicate keys, invalid UTF-8, unpaired surrogate escapes,
// more than MaxDepth nested arrays/objects (whether or not the innermost is empty), trailing
// bytes.
[[nodiscard]] Result<QJsonValue> parse(QByteArrayView text);

// parse() then serialize().
[[nodiscard]] Result<QByteArray> canonicalize(QByteArrayView text);

} // namespace Lotse::Crypto::CanonicalJson
