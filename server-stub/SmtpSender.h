#pragma once

#include "server-stub/MailTemplates.h"
#include "server-stub/ServerConfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Lotse::Server {

struct SmtpSettings
{
    QString url;           // smtp://host:port (STARTTLS optional/required by startTls) or smtps://host:port
    bool startTls = false; // require STARTTLS on smtp://
    QString user;          // empty: no authentication
    QString password;      // read from smtp/password_file
    QString from;          // envelope and From address
    QString fromName;      // display name in From

    [[nodiscard]] bool isConfigured() const { return !url.isEmpty() && !from.isEmpty(); }
    // From the [smtp] section; false (with `error`) when the password file cannot be read.
    [[nodiscard]] static bool fromConfig(const ServerConfig &config, SmtpSettings &settings, QString *error);
};

// Sends one mail through libcurl's SMTP client: multipart/mixed with a text part and, for
// invitations, a text/calendar part. Date, Message-ID and an RFC 2047 Subject are set here.
class SmtpSender
{
public:
    explicit SmtpSender(SmtpSettings settings);

    // Empty on success (the server accepted the mail), otherwise what went wrong.
    [[nodiscard]] QString send(const MailMessage &mail, const QDateTime &now) const;

    // RFC 2047 encoded words (UTF-8, base64) when the text is not plain ASCII.
    [[nodiscard]] static QByteArray encodeHeaderText(const QString &text);
    // RFC 5322 date: "Tue, 24 Nov 2026 15:00:00 +0000".
    [[nodiscard]] static QByteArray dateHeader(const QDateTime &time);

    static void globalInit(); // once, in the main thread, before any send()

private:
    SmtpSettings m_settings;
};

} // namespace Lotse::Server
