#include "server-stub/Http.h"

#include "models/ApiTypes.h"

#include <QJsonDocument>

namespace Lotse::Server {

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

QString Request::bearerToken() const
{
    const QByteArray authorization = header("authorization");
    return authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
}

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray Response::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Response Response::json(int status, const QJsonObject &body)
{
    Response response;
    response.status = status;
    response.contentType = QByteArrayLiteral("application/json");
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

Response Response::noContent()
{
    Response response;
    response.status = 204;
    return response;
}

Response Response::error(int status, const QString &code, const QString &message, const QMap<QString, QString> &fields)
{
    return json(status, Models::ApiError{code, message, fields}.toJson());
}

} // namespace Lotse::Server
