#pragma once

#include "server-stub/Http.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Lotse::Server {

// One expected field of a JSON request body.
struct FieldRule
{
    QString name;
    QJsonValue::Type type = QJsonValue::String;
    bool required = true;
    int maxLength = 0;      // for strings, in UTF-16 units; 0: no limit
    bool plainText = false; // for strings: no control characters, not blank
    bool nullable = false;  // null is accepted too
};

// Checks a request before any handler sees it: content type, size, UTF-8, JSON syntax, field
// types, unknown fields. Each failure becomes the JSON error format of API.md.
class RequestValidator
{
public:
    static constexpr qsizetype maxBodySize = 64 * 1024;

    // On success returns std::nullopt and fills `object`; otherwise the error response.
    [[nodiscard]] static std::optional<Response> parseJsonBody(const Request &request, const QList<FieldRule> &rules,
                                                               QJsonObject &object);

    [[nodiscard]] static bool isValidSlug(const QString &slug);
    [[nodiscard]] static bool isValidUsername(const QString &username); // after normalizeUsername()
    [[nodiscard]] static QString normalizeUsername(const QString &username);
    // Names shown to people: 1..200 characters, no control characters, not blank.
    [[nodiscard]] static bool isValidDisplayName(const QString &name);
    [[nodiscard]] static bool isUuid(const QString &text);
};

} // namespace Lotse::Server
