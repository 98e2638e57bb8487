#pragma once

#include "app/Advisor.h"
#include "app/ApiError.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Lotse::Client {

struct LoginResult
{
    QString token;
    Advisor advisor;
};

struct RegisteredDevice
{
    QString id;
    QString name;
    QString x25519;
    QString ed25519;
    QString keyId;
};

// The desktop's one door to lotse-server's HTTP API (server-stub/API.md). Every call is
// asynchronous; the callback runs exactly once, on the thread that made the call.
class ServerClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(const T &value, const ApiError &error)>;
    using DoneCallback = std::function<void(const ApiError &error)>;
    using JsonCallback = std::function<void(const QJsonObject &body, const ApiError &error)>;

    explicit ServerClient(QObject *parent = nullptr);

    // Accepts "https://host", "host:8443" or "http://127.0.0.1:port"; an empty URL when unusable.
    [[nodiscard]] static QUrl normaliseServerUrl(const QString &text);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] QString token() const { return m_token; }

    void login(const QString &username, const QString &password, const QString &totp, Callback<LoginResult> done);
    void logout(DoneCallback done);
    void me(Callback<Advisor> done);
    // `publicKeys` is DevicePublicKeys::toJson(); the device name is added here.
    void registerDevice(const QString &name, const QJsonObject &publicKeys, Callback<RegisteredDevice> done);
    void listDevices(Callback<QList<RegisteredDevice>> done);

    // Plain JSON calls for the services that parse their own answers. `path` starts with
    // "/api/v1/" and may carry a query.
    void getJson(const QString &path, JsonCallback done);
    void postJson(const QString &path, const QJsonObject &body, JsonCallback done);
    void putJson(const QString &path, const QJsonObject &body, JsonCallback done);
    // A write from the outbox: the same Idempotency-Key on every retry, and If-Match with the
    // version the advisor saw (none when `ifMatch` is 0).
    void write(const QByteArray &verb, const QString &path, const QJsonObject &body, const QString &idempotencyKey,
               qint64 ifMatch, JsonCallback done);

    // A request with a raw body (file blobs); the caller reads the reply and deletes it. Carries
    // the session token like every other call. `path` starts with "/api/v1/".
    [[nodiscard]] QNetworkReply *rawRequest(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                                            const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // The error of a finished reply (none for 2xx), parsed like the JSON calls' errors.
    [[nodiscard]] static ApiError errorOf(QNetworkReply *reply);

private:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    void send(const QByteArray &verb, const QString &path, const QJsonObject *body, JsonCallback done,
              const Headers &headers = {});
    static ApiError errorFrom(QNetworkReply *reply, const QJsonObject &body);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
};

} // namespace Lotse::Client
