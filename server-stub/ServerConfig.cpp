#include "server-stub/ServerConfig.h"

#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

bool readPositive(const QSettings &settings, const QString &key, int &value, QString *error)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const int parsed = settings.value(key).toString().toInt(&ok);
    if (!ok || parsed <= 0) {
        *error = u"%1 must be a positive whole number"_s.arg(key);
        return false;
    }
    value = parsed;
    return true;
}

// A whole number from 1 to `max` (a limit the privacy rules or the protocol set).
bool readBounded(const QSettings &settings, const QString &key, int max, int &value, QString *error)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const int parsed = settings.value(key).toString().toInt(&ok);
    if (!ok || parsed <= 0 || parsed > max) {
        *error = u"%1 must be a whole number from 1 to %2"_s.arg(key).arg(max);
        return false;
    }
    value = parsed;
    return true;
}

bool readPositive64(const QSettings &settings, const QString &key, qint64 &value, QString *error)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const qint64 parsed = settings.value(key).toString().toLongLong(&ok);
    if (!ok || parsed <= 0) {
        *error = u"%1 must be a positive whole number"_s.arg(key);
        return false;
    }
    value = parsed;
    return true;
}

} // namespace

bool ServerConfig::load(const QString &fileName, QString *error)
{
    if (!QFileInfo(fileName).isReadable()) {
        *error = u"cannot read the config file %1"_s.arg(fileName);
        return false;
    }
    const QSettings settings(fileName, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = u"the config file %1 is not a valid INI file"_s.arg(fileName);
        return false;
    }
    tlsCertificate = settings.value(u"tls/certificate"_s).toString();
    tlsPrivateKey = settings.value(u"tls/private_key"_s).toString();
    if (tlsCertificate.isEmpty() != tlsPrivateKey.isEmpty()) {
        *error = u"tls/certificate and tls/private_key go together"_s;
        return false;
    }
    serverKeyFile = settings.value(u"security/server_key_file"_s).toString();
    const QVariant proxies = settings.value(u"http/trusted_proxies"_s);
    const QStringList proxyList =
        proxies.typeId() == QMetaType::QStringList ? proxies.toStringList() : proxies.toString().split(u',');
    for (const QString &entry : proxyList) {
        if (entry.trimmed().isEmpty())
            continue;
        const QHostAddress address(entry.trimmed());
        if (address.isNull()) {
            *error = u"http/trusted_proxies: %1 is not an IP address"_s.arg(entry.trimmed());
            return false;
        }
        trustedProxies.append(address);
    }
    publicUrl = settings.value(u"http/public_url"_s).toString();
    while (publicUrl.endsWith(u'/'))
        publicUrl.chop(1);
    smtpUrl = settings.value(u"smtp/url"_s).toString();
    smtpStartTls = settings.value(u"smtp/starttls"_s, false).toBool();
    smtpUser = settings.value(u"smtp/user"_s).toString();
    smtpPasswordFile = settings.value(u"smtp/password_file"_s).toString();
    smtpFrom = settings.value(u"smtp/from"_s).toString();
    if (!smtpUrl.isEmpty() && !smtpUrl.startsWith("smtp://"_L1) && !smtpUrl.startsWith("smtps://"_L1)) {
        *error = u"smtp/url must start with smtp:// or smtps://"_s;
        return false;
    }
    if (!smtpUrl.isEmpty() && !smtpFrom.contains(u'@')) {
        *error = u"smtp/from must be an e-mail address when smtp/url is set"_s;
        return false;
    }
    if (settings.contains(u"mail/undo_seconds"_s)) {
        bool ok = false;
        mailUndoSeconds = settings.value(u"mail/undo_seconds"_s).toString().toInt(&ok);
        if (!ok || mailUndoSeconds < 0 || mailUndoSeconds > 3600) {
            *error = u"mail/undo_seconds must be a whole number from 0 to 3600"_s;
            return false;
        }
    }
    turnSharedSecret = settings.value(u"turn/shared_secret"_s).toString();
    turnUrls.clear();
    for (const QString &url : settings.value(u"turn/urls"_s).toStringList()) {
        const QString trimmed = url.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (!trimmed.startsWith("turn:"_L1) && !trimmed.startsWith("turns:"_L1) && !trimmed.startsWith("stun:"_L1)) {
            *error = u"turn/urls must be turn:, turns: or stun: addresses"_s;
            return false;
        }
        turnUrls.append(trimmed);
    }
    if (!turnSharedSecret.isEmpty() && turnUrls.isEmpty()) {
        *error = u"turn/urls must be set when turn/shared_secret is"_s;
        return false;
    }
    turnRelayOnly = settings.value(u"turn/relay_only"_s, false).toBool();
    return readPositive(settings, u"turn/ttl_seconds"_s, turnTtlSeconds, error) &&
           readPositive(settings, u"limits/booking_posts_per_ip_per_hour"_s, bookingPostsPerIpHourly, error) &&
           readPositive(settings, u"limits/booking_posts_per_org_per_hour"_s, bookingPostsPerOrgHourly, error) &&
           readPositive(settings, u"smtp/poll_ms"_s, outboxPollMilliseconds, error) &&
           readPositive(settings, u"altcha/max_number"_s, altchaMaxNumber, error) &&
           readPositive(settings, u"limits/login_failures_per_account"_s, loginFailuresPerAccount, error) &&
           readPositive(settings, u"limits/login_failures_per_ip"_s, loginFailuresPerIp, error) &&
           readPositive(settings, u"limits/login_window_seconds"_s, loginWindowSeconds, error) &&
           readPositive(settings, u"limits/public_requests_per_minute"_s, publicRequestsPerMinute, error) &&
           readPositive64(settings, u"rooms/max_file_bytes"_s, maxFileBytes, error) &&
           readPositive64(settings, u"rooms/max_room_bytes"_s, maxRoomBytes, error) &&
           readPositive(settings, u"rooms/file_requests_per_minute"_s, fileRequestsPerMinute, error) &&
           readPositive(settings, u"retention/booking_days"_s, retentionBookingDays, error) &&
           readPositive(settings, u"retention/room_days"_s, retentionRoomDays, error) &&
           readPositive(settings, u"retention/instant_call_days"_s, retentionInstantCallDays, error) &&
           readPositive(settings, u"retention/contact_message_days"_s, retentionMessageDays, error) &&
           readPositive(settings, u"retention/access_log_days"_s, retentionAccessLogDays, error) &&
           readBounded(settings, u"rooms/interpreter_link_hours"_s, 168, interpreterLinkHours, error) &&
           // The promise: call participants' addresses are anonymised within 7 days.
           readBounded(settings, u"retention/call_address_days"_s, 7, retentionCallAddressDays, error);
}

} // namespace Lotse::Server
