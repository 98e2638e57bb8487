#include "server-stub/RequestValidator.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Null:
        return u"null"_s;
    default:
        return u"a string"_s;
    }
}

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

} // namespace

std::optional<Response> RequestValidator::parseJsonBody(const Request &request, const QList<FieldRule> &rules,
                                                        QJsonObject &object)
{
    if (request.body.size() > maxBodySize)
        return Response::error(413, u"body_too_large"_s, u"The request body is larger than 64 KiB."_s);
    const QByteArray contentType = request.header("content-type");
    const QList<QByteArray> parts = contentType.split(';');
    const QByteArray mediaType = parts.constFirst().trimmed().toLower();
    bool charsetOk = true;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray param = parts.at(i).trimmed().toLower();
        if (param.startsWith("charset=") && param != "charset=utf-8" && param != "charset=\"utf-8\"")
            charsetOk = false;
    }
    if (mediaType != "application/json" || !charsetOk)
        return Response::error(415, u"unsupported_media_type"_s,
                               u"Send the request body as application/json in UTF-8."_s);
    if (!QUtf8StringView(request.body).isValidUtf8())
        return Response::error(400, u"invalid_utf8"_s, u"The request body is not valid UTF-8."_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Response::error(400, u"invalid_json"_s,
                               u"The request body is not valid JSON: %1 at offset %2."_s.arg(parseError.errorString())
                                   .arg(parseError.offset));
    if (!document.isObject())
        return Response::error(400, u"invalid_json"_s, u"The request body must be a JSON object."_s);
    object = document.object();

    QMap<QString, QString> fields;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool known =
            std::any_of(rules.cbegin(), rules.cend(), [&](const FieldRule &r) { return r.name == it.key(); });
        if (!known)
            fields.insert(it.key(), u"unknown field"_s);
    }
    for (const FieldRule &rule : rules) {
        const QJsonValue value = object.value(rule.name);
        if (value.isUndefined()) {
            if (rule.required)
                fields.insert(rule.name, u"required"_s);
            continue;
        }
        if (rule.nullable && value.isNull())
            continue;
        if (value.type() != rule.type) {
            fields.insert(rule.name, u"must be %1"_s.arg(typeName(rule.type)));
            continue;
        }
        if (rule.type != QJsonValue::String)
            continue;
        const QString text = value.toString();
        if (rule.maxLength > 0 && text.size() > rule.maxLength)
            fields.insert(rule.name, u"at most %1 characters"_s.arg(rule.maxLength));
        else if (rule.plainText && (text.trimmed().isEmpty() || hasControlCharacters(text)))
            fields.insert(rule.name, u"must be non-empty text without control characters"_s);
    }
    if (!fields.isEmpty())
        return Response::error(400, u"validation_failed"_s, u"Some fields are missing or wrong."_s, fields);
    return std::nullopt;
}

bool RequestValidator::isValidSlug(const QString &slug)
{
    static const QRegularExpression pattern(u"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"_s);
    return pattern.match(slug).hasMatch();
}

QString RequestValidator::normalizeUsername(const QString &username)
{
    return username.trimmed().toLower();
}

bool RequestValidator::isValidUsername(const QString &username)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._%+@-]{0,253}$"_s);
    return pattern.match(username).hasMatch();
}

bool RequestValidator::isValidDisplayName(const QString &name)
{
    return !name.trimmed().isEmpty() && name.size() <= 200 && !hasControlCharacters(name);
}

bool RequestValidator::isUuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull() && text == text.toLower();
}

} // namespace Lotse::Server
