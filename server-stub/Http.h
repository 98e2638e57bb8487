#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QUrlQuery>

// Lotse's own HTTP request and response values. Only HttpAdapter.cpp knows QtHttpServer; every
// handler and test speaks these types.
namespace Lotse::Server {

struct Request
{
    QByteArray method; // upper case: GET, POST, ...
    QString path;      // percent-encoded, without the query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;
    QString remoteAddress; // the peer (or, behind a trusted proxy, the client it names)

    // First value of a header; `name` in lower case.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    // The token of `Authorization: Bearer <token>` (a session or a capability); empty without one.
    [[nodiscard]] QString bearerToken() const;
};

struct Response
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(QByteArrayView name) const;

    [[nodiscard]] static Response json(int status, const QJsonObject &body);
    [[nodiscard]] static Response noContent();
    // {"error": {"code", "message", "fields"?}} (DESIGN.md)
    [[nodiscard]] static Response error(int status, const QString &code, const QString &message,
                                        const QMap<QString, QString> &fields = {});
};

} // namespace Lotse::Server
