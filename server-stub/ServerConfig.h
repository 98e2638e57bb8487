#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lotse::Server {

// What `--config FILE` (INI) can set. Every key is optional; see server-stub/README.md.
struct ServerConfig
{
    QString tlsCertificate;              // [tls] certificate = PEM file (with the chain)
    QString tlsPrivateKey;               // [tls] private_key = PEM file
    QString serverKeyFile;               // [security] server_key_file; default DATA_DIR/server.key
    QList<QHostAddress> trustedProxies;  // [http] trusted_proxies = 127.0.0.1, ::1
    int loginFailuresPerAccount = 5;     // [limits] login_failures_per_account
    int loginFailuresPerIp = 20;         // [limits] login_failures_per_ip
    int loginWindowSeconds = 900;        // [limits] login_window_seconds
    int publicRequestsPerMinute = 60;    // [limits] public_requests_per_minute
    int bookingPostsPerIpHourly = 20;    // [limits] booking_posts_per_ip_per_hour (bookings, messages)
    int bookingPostsPerOrgHourly = 300;  // [limits] booking_posts_per_org_per_hour
    QString publicUrl;                   // [http] public_url: origin of the pages and the links in mails
    QString smtpUrl;                     // [smtp] url = smtp://host:587 or smtps://host:465; empty: mails wait
    bool smtpStartTls = false;           // [smtp] starttls = true: refuse to send without STARTTLS
    QString smtpUser;                    // [smtp] user
    QString smtpPasswordFile;            // [smtp] password_file (the password, alone in the file)
    QString smtpFrom;                    // [smtp] from = noreply@example.org
    int outboxPollMilliseconds = 2000;   // [smtp] poll_ms: how often the outbox looks for due mails
    int altchaMaxNumber = 50000;         // [altcha] max_number: the proof of work's difficulty
    int mailUndoSeconds = 30;            // [mail] undo_seconds: advisor changes' mails wait this long (0: no undo)
    qint64 maxFileBytes = 52'428'800;    // [rooms] max_file_bytes: a room file's plaintext
    qint64 maxRoomBytes = 1'073'741'824; // [rooms] max_room_bytes: all file streams of one room
    int fileRequestsPerMinute = 600;     // [rooms] file_requests_per_minute: file requests per client
    int interpreterLinkHours = 24;       // [rooms] interpreter_link_hours: an interpreter's invite (1…168)
    QString turnSharedSecret;            // [turn] shared_secret: coturn's static-auth-secret; empty: no TURN
    QStringList turnUrls;                // [turn] urls = turn:turn.example.org:3478?transport=udp, turns:…
    int turnTtlSeconds = 3600;           // [turn] ttl_seconds: how long issued TURN credentials hold
    bool turnRelayOnly = false;          // [turn] relay_only = true: calls go through TURN only (hides addresses)
    int retentionBookingDays = 30;       // [retention] booking_days: after the end or cancel/decline
    int retentionRoomDays = 30;          // [retention] room_days: a booking's room, after the end
    int retentionInstantCallDays = 30;   // [retention] instant_call_days: after taken or ended
    int retentionMessageDays = 30;       // [retention] contact_message_days: after marked done
    int retentionAccessLogDays = 30;     // [retention] access_log_days: each access log row
    int retentionCallAddressDays = 7;    // [retention] call_address_days: call participants' IP addresses (1…7)
    QString dataDir;                     // --data-dir (not from the file): where blobs/ lives

    // Reads the file; false (with `error`) when it is missing or has a bad value.
    [[nodiscard]] bool load(const QString &fileName, QString *error);
};

} // namespace Lotse::Server
