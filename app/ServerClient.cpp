#include "app/ServerClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

constexpr int TransferTimeoutMs = 20000;

RegisteredDevice deviceFromJson(const QJsonObject &json)
{
    return {json.value("id"_L1).toString(), json.value("name"_L1).toString(), json.value("x25519"_L1).toString(),
            json.value("ed25519"_L1).toString(), json.value("keyId"_L1).toString()};
}

ApiError::Kind kindForCode(const QString &code, int status)
{
    static const QHash<QString, ApiError::Kind> kinds = {
        {u"invalid_credentials"_s, ApiError::Kind::InvalidCredentials},
        {u"totp_required"_s, ApiError::Kind::TotpRequired},
        {u"totp_invalid"_s, ApiError::Kind::TotpInvalid},
        {u"account_disabled"_s, ApiError::Kind::AccountDisabled},
        {u"rate_limited"_s, ApiError::Kind::RateLimited},
        {u"session_expired"_s, ApiError::Kind::SessionExpired},
        {u"key_in_use"_s, ApiError::Kind::KeyInUse},
    };
    if (const auto it = kinds.constFind(code); it != kinds.cend())
        return *it;
    if (status == 429)
        return ApiError::Kind::RateLimited;
    if (status == 401)
        return ApiError::Kind::NotSignedIn;
    if (status >= 500)
        return ApiError::Kind::ServerProblem;
    return ApiError::Kind::Other;
}

} // namespace

ServerClient::ServerClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

QUrl ServerClient::normaliseServerUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    // Without a scheme, assume TLS: plain http has to be asked for.
    QUrl url = QUrl::fromUserInput(trimmed.contains("://"_L1) ? trimmed : "https://"_L1 + trimmed);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    if (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)
        return {};
    url.setPath(url.path().endsWith(u'/') ? url.path().chopped(1) : url.path());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void ServerClient::login(const QString &username, const QString &password, const QString &totp,
                         Callback<LoginResult> done)
{
    QJsonObject body{{u"username"_s, username}, {u"password"_s, password}};
    if (!totp.isEmpty())
        body.insert(u"totp"_s, totp);
    send("POST", u"/api/v1/auth/login"_s, &body, [done](const QJsonObject &answer, const ApiError &error) {
        LoginResult result;
        if (error.isError())
            return done(result, error);
        result.token = answer.value("token"_L1).toString();
        result.advisor = Advisor::fromJson(answer.value("advisor"_L1).toObject());
        if (result.token.isEmpty() || !result.advisor.isValid())
            return done(result, ApiError::fromKind(ApiError::Kind::InvalidResponse));
        done(result, {});
    });
}

void ServerClient::logout(DoneCallback done)
{
    send("POST", u"/api/v1/auth/logout"_s, nullptr,
         [done](const QJsonObject &, const ApiError &error) { done(error); });
}

void ServerClient::me(Callback<Advisor> done)
{
    send("GET", u"/api/v1/me"_s, nullptr, [done](const QJsonObject &answer, const ApiError &error) {
        if (error.isError())
            return done({}, error);
        const Advisor advisor = Advisor::fromJson(answer);
        done(advisor, advisor.isValid() ? ApiError{} : ApiError::fromKind(ApiError::Kind::InvalidResponse));
    });
}

void ServerClient::registerDevice(const QString &name, const QJsonObject &publicKeys, Callback<RegisteredDevice> done)
{
    QJsonObject body = publicKeys;
    body.insert(u"name"_s, name);
    send("POST", u"/api/v1/devices"_s, &body, [done](const QJsonObject &answer, const ApiError &error) {
        if (error.isError())
            return done({}, error);
        const RegisteredDevice device = deviceFromJson(answer);
        done(device, device.id.isEmpty() ? ApiError::fromKind(ApiError::Kind::InvalidResponse) : ApiError{});
    });
}

void ServerClient::listDevices(Callback<QList<RegisteredDevice>> done)
{
    send("GET", u"/api/v1/devices"_s, nullptr, [done](const QJsonObject &answer, const ApiError &error) {
        QList<RegisteredDevice> devices;
        if (error.isError())
            return done(devices, error);
        const QJsonArray list = answer.value("devices"_L1).toArray();
        for (const QJsonValue &value : list)
            devices.append(deviceFromJson(value.toObject()));
        done(devices, {});
    });
}

void ServerClient::getJson(const QString &path, JsonCallback done)
{
    send("GET", path, nullptr, std::move(done));
}

void ServerClient::postJson(const QString &path, const QJsonObject &body, JsonCallback done)
{
    send("POST", path, &body, std::move(done));
}

void ServerClient::putJson(const QString &path, const QJsonObject &body, JsonCallback done)
{
    send("PUT", path, &body, std::move(done));
}

void ServerClient::write(const QByteArray &verb, const QString &path, const QJsonObject &body,
                         const QString &idempotencyKey, qint64 ifMatch, JsonCallback done)
{
    Headers headers{{"Idempotency-Key", idempotencyKey.toLatin1()}};
    if (ifMatch > 0)
        headers.append({"If-Match", '"' + QByteArray::number(ifMatch) + '"'});
    send(verb, path, &body, std::move(done), headers);
}

void ServerClient::send(const QByteArray &verb, const QString &path, const QJsonObject *body, JsonCallback done,
                        const Headers &headers)
{
    if (!m_baseUrl.isValid() || m_baseUrl.isEmpty())
        return done({}, ApiError::fromKind(ApiError::Kind::InvalidAddress));

    QUrl url = m_baseUrl;
    const qsizetype queryStart = path.indexOf(u'?');
    url.setPath(m_baseUrl.path() + path.left(queryStart));
    if (queryStart >= 0)
        url.setQuery(path.mid(queryStart + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(TransferTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Lotse-Desktop/" LOTSE_VERSION));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());

    QByteArray payload;
    if (body) {
        payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        if (verb == "POST")
            request.setRawHeader("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    }
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, payload);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray raw = reply->readAll();
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(raw, &parseError);
        const QJsonObject answer = document.object();
        const ApiError error = errorFrom(reply, answer);
        if (error.isError())
            return done(answer, error);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 204 && (parseError.error != QJsonParseError::NoError || !document.isObject()))
            return done(answer, ApiError::fromKind(ApiError::Kind::InvalidResponse));
        done(answer, {});
    });
}

QNetworkReply *ServerClient::rawRequest(const QByteArray &verb, const QString &path, const QByteArray &body,
                                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_baseUrl;
    const qsizetype queryStart = path.indexOf(u'?');
    url.setPath(m_baseUrl.path() + path.left(queryStart));
    if (queryStart >= 0)
        url.setQuery(path.mid(queryStart + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(TransferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Lotse-Desktop/" LOTSE_VERSION));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return m_network->sendCustomRequest(request, verb, body);
}

ApiError ServerClient::errorOf(QNetworkReply *reply)
{
    const QJsonObject body = QJsonDocument::fromJson(reply->peek(64 * 1024)).object();
    return errorFrom(reply, body);
}

ApiError ServerClient::errorFrom(QNetworkReply *reply, const QJsonObject &body)
{
    ApiError error;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // No HTTP answer at all: the network layer failed.
        switch (reply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::UnknownNetworkError:
            error.kind = reply->error() == QNetworkReply::SslHandshakeFailedError ? ApiError::Kind::InsecureConnection
                                                                                  : ApiError::Kind::Unreachable;
            break;
        case QNetworkReply::ProtocolUnknownError:
        case QNetworkReply::ProtocolInvalidOperationError:
            error.kind = ApiError::Kind::InvalidAddress;
            break;
        default:
            error.kind = ApiError::Kind::Unreachable;
            break;
        }
        error.code = reply->errorString();
        return error;
    }
    error.httpStatus = statusAttribute.toInt();
    if (error.httpStatus >= 200 && error.httpStatus < 300)
        return {};
    const QJsonObject details = body.value("error"_L1).toObject();
    error.code = details.value("code"_L1).toString();
    error.serverMessage = details.value("message"_L1).toString();
    error.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    const QJsonObject fields = details.value("fields"_L1).toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        error.fields.insert(it.key(), it.value().toString());
    error.kind = kindForCode(error.code, error.httpStatus);
    if (error.kind == ApiError::Kind::Other && error.code.isEmpty() && body.isEmpty())
        error.kind = ApiError::Kind::InvalidResponse;
    return error;
}

} // namespace Lotse::Client
