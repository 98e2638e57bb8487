#include "server-stub/MailTemplates.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

QString fill(QString text, const QMap<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(u'{' + it.key() + u'}', it.value());
    return text;
}

struct Catalog
{
    QJsonObject strings;
    QJsonObject fallback;

    QString operator()(const QString &key) const
    {
        const QJsonValue value = strings.value(key);
        return value.isString() ? value.toString() : fallback.value(key).toString();
    }
};

Catalog catalogFor(const QString &language)
{
    return {MailTemplates::catalog(language), MailTemplates::catalog(u"en"_s)};
}

QMap<QString, QString> timeValues(const QString &prefix, qint64 start, const QString &timeZone, const QLocale &locale)
{
    QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime local = QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc()).toTimeZone(zone);
    return {{prefix + u"date"_s, locale.toString(local.date(), QLocale::LongFormat)},
            {prefix + u"time"_s, locale.toString(local.time(), QLocale::ShortFormat)},
            {prefix + u"timeZone"_s, timeZone}};
}

QString newMessageId(const QString &domain)
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + u'@' + (domain.isEmpty() ? u"lotse"_s : domain);
}

QString compose(const Catalog &c, const QString &body, const QString &manageUrl, const QString &organisation)
{
    QStringList parts{c(u"greeting"_s), body};
    if (!manageUrl.isEmpty())
        parts << fill(c(u"manage"_s), {{u"manageUrl"_s, manageUrl}});
    parts << fill(c(u"signature"_s), {{u"organisation"_s, organisation}}) << u"-- \n"_s + c(u"footer"_s);
    return parts.join(u"\n\n"_s) + u'\n';
}

} // namespace

QJsonObject MailMessage::toJson() const
{
    return {{u"to"_s, to},
            {u"subject"_s, subject},
            {u"text"_s, text},
            {u"ics"_s, QString::fromUtf8(ics)},
            {u"icsMethod"_s, icsMethod},
            {u"messageId"_s, messageId},
            {u"fromName"_s, fromName}};
}

std::optional<MailMessage> MailMessage::fromJson(const QJsonObject &json)
{
    MailMessage m{json.value("to"_L1).toString(),        json.value("subject"_L1).toString(),
                  json.value("text"_L1).toString(),      json.value("ics"_L1).toString().toUtf8(),
                  json.value("icsMethod"_L1).toString(), json.value("messageId"_L1).toString(),
                  json.value("fromName"_L1).toString()};
    if (m.to.isEmpty() || m.subject.isEmpty() || m.messageId.isEmpty())
        return std::nullopt;
    return m;
}

const QStringList &MailTemplates::languages()
{
    static const QStringList all{u"de"_s, u"en"_s, u"uk"_s, u"ru"_s, u"tr"_s, u"ar"_s, u"fa"_s};
    return all;
}

QJsonObject MailTemplates::catalog(const QString &language)
{
    if (!languages().contains(language))
        return {};
    QFile file(u":/lotse/mail/"_s + language + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

MailMessage MailTemplates::bookingMail(BookingMailKind kind, const BookingRecord &booking,
                                       const BookingContext &context)
{
    const Catalog c = catalogFor(booking.language);
    const QLocale locale(booking.language);
    QMap<QString, QString> values = timeValues({}, booking.start, booking.timeZone, locale);
    values.insert(u"organisation"_s, context.organisationName);
    values.insert(u"type"_s, c(u"type."_s + booking.type));
    values.insert(u"reason"_s, context.reason);
    values.insert(u"when"_s, fill(c(u"when"_s), values));
    if (context.previousStart) {
        const auto previous = timeValues({}, *context.previousStart, booking.timeZone, locale);
        values.insert(u"previousWhen"_s, fill(c(u"when"_s), previous));
    }
    if (booking.proposalStart) {
        const auto proposed = timeValues({}, *booking.proposalStart, booking.timeZone, locale);
        values.insert(u"proposedWhen"_s, fill(c(u"when"_s), proposed));
    }

    QString key;
    QString method;
    switch (kind) {
    case BookingMailKind::Received:
        key = u"received"_s;
        break;
    case BookingMailKind::Confirmed:
        key = u"confirmed"_s;
        method = u"REQUEST"_s;
        break;
    case BookingMailKind::Cancelled:
        key = u"cancelled"_s;
        method = booking.invited ? u"CANCEL"_s : QString();
        break;
    case BookingMailKind::Declined:
        key = u"declined"_s;
        method = booking.invited ? u"CANCEL"_s : QString();
        break;
    case BookingMailKind::Rescheduled:
        key = u"rescheduled"_s;
        method = booking.status == "confirmed"_L1 ? u"REQUEST"_s : QString();
        break;
    case BookingMailKind::Proposed:
        key = u"proposed"_s;
        break;
    case BookingMailKind::Moved:
        key = u"moved"_s;
        method = booking.status == "confirmed"_L1 ? u"REQUEST"_s : QString();
        break;
    }
    QString body = fill(c(key + u".body"_s), values);
    if (kind == BookingMailKind::Cancelled && !context.reason.isEmpty())
        body += u'\n' + fill(c(u"cancelled.reason"_s), values);
    MailMessage mail;
    mail.to = booking.email;
    mail.subject = fill(c(key + u".subject"_s), values);
    mail.text =
        compose(c, body,
                kind == BookingMailKind::Cancelled || kind == BookingMailKind::Declined ? QString() : context.manageUrl,
                context.organisationName);
    mail.messageId = newMessageId(context.messageDomain);
    mail.fromName = context.organisationName;
    if (!method.isEmpty()) {
        mail.icsMethod = method;
        mail.ics =
            bookingIcs(booking, fill(c(u"ics.summary"_s), values), context.organisationName, context.from, method);
    }
    return mail;
}

MailMessage MailTemplates::messageReceived(const ContactMessageRecord &message, const BookingContext &context)
{
    const Catalog c = catalogFor(message.language);
    MailMessage mail;
    mail.to = message.email;
    mail.subject = c(u"message.subject"_s);
    mail.text = compose(c, c(u"message.body"_s), {}, context.organisationName);
    mail.messageId = newMessageId(context.messageDomain);
    mail.fromName = context.organisationName;
    return mail;
}

QByteArray MailTemplates::publishIcs(const BookingRecord &booking, const QString &organisationName,
                                     const QString &organiserEmail)
{
    const Catalog c = catalogFor(booking.language);
    return bookingIcs(booking, fill(c(u"ics.summary"_s), {{u"organisation"_s, organisationName}}), organisationName,
                      organiserEmail, u"PUBLISH"_s);
}

} // namespace Lotse::Server
