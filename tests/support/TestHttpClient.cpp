#include "tests/support/TestHttpClient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Lotse::Tests {

QJsonObject TestHttpClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString TestHttpClient::Reply::errorCode() const
{
    return json().value("error"_L1).toObject().value("code"_L1).toString();
}

QByteArray TestHttpClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

TestHttpClient::TestHttpClient(QUrl baseUrl)
    : m_baseUrl(std::move(baseUrl))
{}

void TestHttpClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_caCertificates = certificates;
}

TestHttpClient::Reply TestHttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                           const Headers &headers)
{
    QNetworkRequest request(QUrl::fromEncoded(m_baseUrl.toEncoded() + path.toUtf8(), QUrl::TolerantMode));
    request.setTransferTimeout(30'000);
    if (!m_caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_caCertificates);
        request.setSslConfiguration(tls);
    }
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    std::unique_ptr<QNetworkReply> reply(
        m_network.sendCustomRequest(request, method, body.isEmpty() && method != "POST" ? nullptr : buffer.get()));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    m_last = result;
    return result;
}

TestHttpClient::Reply TestHttpClient::get(const QString &path, const QString &token)
{
    Headers headers;
    if (!token.isEmpty())
        headers.append({"Authorization", "Bearer " + token.toLatin1()});
    return send("GET", path, {}, headers);
}

TestHttpClient::Reply TestHttpClient::postJson(const QString &path, const QJsonObject &body, const QString &token,
                                               const Headers &extra)
{
    Headers headers{{"Content-Type", "application/json"}};
    if (!token.isEmpty())
        headers.append({"Authorization", "Bearer " + token.toLatin1()});
    headers.append(extra);
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

TestHttpClient::Reply TestHttpClient::del(const QString &path, const QString &token, const Headers &extra)
{
    Headers headers;
    if (!token.isEmpty())
        headers.append({"Authorization", "Bearer " + token.toLatin1()});
    headers.append(extra);
    return send("DELETE", path, {}, headers);
}

QString TestHttpClient::login(const QString &username, const QString &password, const QString &totp)
{
    QJsonObject body{{u"username"_s, username}, {u"password"_s, password}};
    if (!totp.isEmpty())
        body.insert(u"totp"_s, totp);
    const Reply reply = postJson(u"/api/v1/auth/login"_s, body);
    return reply.status == 200 ? reply.json().value("token"_L1).toString() : QString();
}

} // namespace Lotse::Tests
