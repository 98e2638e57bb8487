#pragma once

// Shared by the mail tests: just enough MIME to read what the SMTP sink received (headers, the
// text part, the calendar part), the mail catalogs' texts, and the iTIP invitation parsed with
// KCalendarCore.
#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>
#include <KCalendarCore/ScheduleMessage>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTimeZone>

#include <optional>

namespace MailFixture {

using namespace Qt::StringLiterals;

// Just enough MIME for these mails: headers (unfolded), and the decoded text and calendar parts.
struct Mail
{
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QString text;
    QByteArray calendar;
    QByteArray calendarContentType;
};

inline QByteArray decodeQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == '=' && i + 1 < in.size() && (in.at(i + 1) == '\r' || in.at(i + 1) == '\n')) {
            i += in.at(i + 1) == '\r' ? 2 : 1; // soft line break
        } else if (in.at(i) == '=' && i + 2 < in.size()) {
            out.append(char(in.mid(i + 1, 2).toInt(nullptr, 16)));
            i += 2;
        } else {
            out.append(in.at(i));
        }
    }
    return out;
}

QPair<QMap<QByteArray, QByteArray>, QByteArray> splitEntity(const QByteArray &raw)
{
    QByteArray data = raw;
    data.replace("\r\n", "\n");
    const qsizetype blank = data.indexOf("\n\n");
    const QByteArray head = data.left(blank);
    QMap<QByteArray, QByteArray> headers;
    QByteArray last;
    for (const QByteArray &line : head.split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !last.isEmpty()) {
            headers[last] += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        last = line.left(colon).trimmed().toLower();
        headers.insert(last, line.mid(colon + 1).trimmed());
    }
    return {headers, blank < 0 ? QByteArray() : data.mid(blank + 2)};
}

// RFC 2047 B-encoded words (what the server writes), joined.
inline QString decodeHeader(const QByteArray &value)
{
    static const QRegularExpression word(uR"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(value);
    if (!text.contains(u"=?"_s))
        return text;
    QByteArray utf8;
    auto it = word.globalMatch(text);
    while (it.hasNext())
        utf8 += QByteArray::fromBase64(it.next().captured(1).toLatin1());
    return QString::fromUtf8(utf8);
}

inline Mail parseMail(const QByteArray &raw)
{
    Mail mail;
    const auto [headers, body] = splitEntity(raw);
    mail.headers = headers;
    const QByteArray contentType = headers.value("content-type");
    const qsizetype b = contentType.indexOf("boundary=");
    if (b < 0)
        return mail;
    QByteArray boundary = contentType.mid(b + 9);
    boundary = boundary.split(';').constFirst().trimmed();
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> chunks;
    for (qsizetype from = 0, at = 0; (at = body.indexOf(delimiter, from)) >= 0; from = at + delimiter.size())
        chunks.append(body.mid(from, at - from));
    for (const QByteArray &chunk : std::as_const(chunks)) {
        if (chunk.startsWith("--") || chunk.trimmed().isEmpty())
            continue;
        const auto [partHeaders, partBody] = splitEntity(chunk.mid(chunk.indexOf('\n') + 1));
        const QByteArray encoding = partHeaders.value("content-transfer-encoding").toLower();
        const QByteArray decoded = encoding == "base64"             ? QByteArray::fromBase64(partBody)
                                   : encoding == "quoted-printable" ? decodeQuotedPrintable(partBody)
                                                                    : partBody;
        const QByteArray type = partHeaders.value("content-type");
        if (type.startsWith("text/plain"))
            mail.text = QString::fromUtf8(decoded);
        else if (type.startsWith("text/calendar")) {
            mail.calendar = decoded;
            mail.calendarContentType = type;
        }
    }
    return mail;
}

inline QString catalogText(const QString &language, const QString &key)
{
    QFile file(QStringLiteral(LOTSE_SOURCE_DIR_FOR_TESTS) + u"/server-stub/mail/"_s + language + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(key).toString();
}

struct Invitation
{
    KCalendarCore::iTIPMethod method = KCalendarCore::iTIPNoMethod;
    QString uid;
    int sequence = -1;
    QDateTime start;
    QDateTime end;
};

inline std::optional<Invitation> parseInvitation(const QByteArray &ics)
{
    KCalendarCore::MemoryCalendar::Ptr calendar(new KCalendarCore::MemoryCalendar(QTimeZone::utc()));
    KCalendarCore::ICalFormat format;
    const KCalendarCore::ScheduleMessage::Ptr message = format.parseScheduleMessage(calendar, QString::fromUtf8(ics));
    if (!message)
        return std::nullopt;
    const auto event = message->event().staticCast<KCalendarCore::Event>();
    if (!event)
        return std::nullopt;
    return Invitation{message->method(), event->uid(), event->revision(), event->dtStart().toUTC(),
                      event->dtEnd().toUTC()};
}

inline QString tokenFrom(const QString &text)
{
    static const QRegularExpression link(uR"(/manage#([A-Za-z0-9_-]{43}))"_s);
    return link.match(text).captured(1);
}

} // namespace MailFixture
