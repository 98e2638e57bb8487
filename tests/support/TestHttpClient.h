#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace Lotse::Tests {

// Blocking HTTP calls for tests (it spins a local event loop), with the answer's status, headers
// and JSON body at hand.
class TestHttpClient
{
public:
    struct Reply
    {
        int status = 0; // 0: no HTTP answer (connection error)
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString networkError;

        [[nodiscard]] QJsonObject json() const;
        [[nodiscard]] QString errorCode() const; // json()["error"]["code"]
        [[nodiscard]] QByteArray header(const QByteArray &name) const;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit TestHttpClient(QUrl baseUrl);
    // For https servers with a test certificate: trust exactly these CA certificates.
    void setCaCertificates(const QList<QSslCertificate> &certificates);

    // `path` is appended to the base URL as is (already percent-encoded).
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {}, const Headers &headers = {});
    Reply get(const QString &path, const QString &token = {});
    Reply postJson(const QString &path, const QJsonObject &body, const QString &token = {}, const Headers &extra = {});
    Reply del(const QString &path, const QString &token = {}, const Headers &extra = {});

    // POST /api/v1/auth/login; the token, or empty (the reply is in lastReply()).
    QString login(const QString &username, const QString &password, const QString &totp = {});
    [[nodiscard]] const Reply &lastReply() const { return m_last; }

private:
    QUrl m_baseUrl;
    QList<QSslCertificate> m_caCertificates;
    QNetworkAccessManager m_network;
    Reply m_last;
};

} // namespace Lotse::Tests
