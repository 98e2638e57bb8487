#pragma once

#include "crypto/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lotse::Crypto::Vectors {

// Golden vector files (FORMAT.md, section 16): generated from fixed inputs by the C++ library,
// verified here whichever twin produced them.

struct VectorFile
{
    QString fileName; // e.g. "record.json"
    QJsonObject document;
};

struct VerifyReport
{
    int checked = 0;      // vectors looked at
    QStringList failures; // "kind/name: what went wrong"
};

[[nodiscard]] QString errorName(Error error);
[[nodiscard]] std::optional<Error> errorFromName(const QString &name);

// Reads a vector file. Uses lotse_crypto's own JSON parser: QJsonDocument drops a U+FEFF at the
// start of a string, which one canonical-JSON vector needs.
[[nodiscard]] Result<QJsonObject> readDocument(QByteArrayView bytes);

// Every vector file, deterministically (same bytes on every run).
[[nodiscard]] QList<VectorFile> generateAll();
// Checks one vector file; an unknown kind or an empty list is a failure.
[[nodiscard]] VerifyReport verifyDocument(const QJsonObject &document);

} // namespace Lotse::Crypto::Vectors
