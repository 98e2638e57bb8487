#include "server-stub/SmtpSender.h"

#include <QFile>
#include <QLocale>
#include <QTimeZone>

#include <curl/curl.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
    void operator()(curl_mime *mime) const { curl_mime_free(mime); }
};

bool isPlainAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
}

// No CR or LF may reach a header line.
QByteArray headerSafe(const QString &text)
{
    QString clean = text;
    clean.replace(u'\r', u' ').replace(u'\n', u' ');
    return clean.toUtf8();
}

} // namespace

bool SmtpSettings::fromConfig(const ServerConfig &config, SmtpSettings &settings, QString *error)
{
    settings.url = config.smtpUrl;
    settings.startTls = config.smtpStartTls;
    settings.user = config.smtpUser;
    settings.from = config.smtpFrom;
    settings.fromName = u"Lotse"_s;
    if (config.smtpPasswordFile.isEmpty())
        return true;
    QFile file(config.smtpPasswordFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read smtp/password_file %1: %2"_s.arg(config.smtpPasswordFile, file.errorString());
        return false;
    }
    settings.password = QString::fromUtf8(file.readAll()).trimmed();
    return true;
}

SmtpSender::SmtpSender(SmtpSettings settings)
    : m_settings(std::move(settings))
{}

void SmtpSender::globalInit()
{
    static const bool done = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    Q_UNUSED(done);
}

QByteArray SmtpSender::encodeHeaderText(const QString &text)
{
    if (isPlainAscii(text))
        return text.toLatin1();
    // Encoded words of at most 45 bytes of UTF-8 each (75 characters encoded), never splitting a
    // character.
    const QByteArray utf8 = headerSafe(text);
    QList<QByteArray> words;
    qsizetype begin = 0;
    while (begin < utf8.size()) {
        qsizetype end = std::min(begin + 45, utf8.size());
        while (end < utf8.size() && end > begin && (quint8(utf8.at(end)) & 0xC0) == 0x80)
            --end;
        words.append("=?UTF-8?B?" + utf8.mid(begin, end - begin).toBase64() + "?=");
        begin = end;
    }
    return words.join(' ');
}

QByteArray SmtpSender::dateHeader(const QDateTime &time)
{
    return QLocale::c().toString(time.toTimeZone(QTimeZone::utc()), u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() +
           " +0000";
}

QString SmtpSender::send(const MailMessage &mail, const QDateTime &now) const
{
    if (!m_settings.isConfigured())
        return u"smtp is not configured"_s;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return u"curl_easy_init failed"_s;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = m_settings.url.toUtf8();
    const QByteArray from = m_settings.from.toUtf8();
    const QByteArray envelopeFrom = '<' + from + '>';
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.constData());
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 60L);
    if (m_settings.startTls)
        curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!user.isEmpty()) {
        curl_easy_setopt(curl.get(), CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, envelopeFrom.constData());
    const QByteArray to = headerSafe(mail.to);
    const QByteArray recipient = '<' + to + '>';
    std::unique_ptr<curl_slist, CurlDeleter> recipients(curl_slist_append(nullptr, recipient.constData()));
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());

    const QString fromName = mail.fromName.isEmpty() ? m_settings.fromName : mail.fromName;
    const QByteArray fromHeader = fromName.isEmpty() ? from : encodeHeaderText(fromName) + " <" + from + '>';
    const QList<QByteArray> headerLines = {
        "Date: " + dateHeader(now),
        "Message-ID: <" + headerSafe(mail.messageId) + '>',
        "From: " + fromHeader,
        "To: <" + to + '>',
        "Subject: " + encodeHeaderText(mail.subject),
        "Auto-Submitted: auto-generated",
    };
    curl_slist *rawHeaders = nullptr;
    for (const QByteArray &line : headerLines)
        rawHeaders = curl_slist_append(rawHeaders, line.constData());
    std::unique_ptr<curl_slist, CurlDeleter> headers(rawHeaders);
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());

    std::unique_ptr<curl_mime, CurlDeleter> mime(curl_mime_init(curl.get()));
    const QByteArray text = mail.text.toUtf8();
    curl_mimepart *textPart = curl_mime_addpart(mime.get());
    curl_mime_data(textPart, text.constData(), size_t(text.size()));
    curl_mime_type(textPart, "text/plain; charset=utf-8");
    curl_mime_encoder(textPart, "quoted-printable");
    if (!mail.ics.isEmpty()) {
        const QByteArray type = "text/calendar; charset=utf-8; method=" + mail.icsMethod.toLatin1();
        curl_mimepart *icsPart = curl_mime_addpart(mime.get());
        curl_mime_data(icsPart, mail.ics.constData(), size_t(mail.ics.size()));
        curl_mime_type(icsPart, type.constData());
        curl_mime_encoder(icsPart, "base64");
        curl_mime_filename(icsPart, mail.icsMethod == "CANCEL"_L1 ? "cancel.ics" : "invite.ics");
    }
    curl_easy_setopt(curl.get(), CURLOPT_MIMEPOST, mime.get());

    const CURLcode result = curl_easy_perform(curl.get());
    if (result == CURLE_OK)
        return {};
    const QString detail = QString::fromUtf8(errorBuffer);
    return QString::fromUtf8(curl_easy_strerror(result)) + (detail.isEmpty() ? QString() : u": "_s + detail);
}

} // namespace Lotse::Server
