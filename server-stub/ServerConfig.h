#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

namespace Lotse::Server {

// What `--config FILE` (INI) can set. Every key is optional; see server-stub/README.md.
struct ServerConfig
{
    QString tlsCertificate;             // [tls] certificate = PEM file (with the chain)
    QString tlsPrivateKey;              // [tls] private_key = PEM file
    QString serverKeyFile;              // [security] server_key_file; default DATA_DIR/server.key
    QList<QHostAddress> trustedProxies; // [http] trusted_proxies = 127.0.0.1, ::1
    int loginFailuresPerAccount = 5;    // [limits] login_failures_per_account
    int loginFailuresPerIp = 20;        // [limits] login_failures_per_ip
    int loginWindowSeconds = 900;       // [limits] login_window_seconds
    int publicRequestsPerMinute = 60;   // [limits] public_requests_per_minute

    // Reads the file; false (with `error`) when it is missing or has a bad value.
    [[nodiscard]] bool load(const QString &fileName, QString *error);
};

} // namespace Lotse::Server
