#include "app/IcsEdit.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Lotse::Client::IcsEdit {

namespace {

// One content line: its physical lines as they were (with their line ends) and unfolded.
struct ContentLine
{
    QByteArray raw;
    QByteArray text;

    // "DTSTART" of "DTSTART;TZID=Europe/Berlin:20261130T090000".
    [[nodiscard]] QByteArray name() const
    {
        qsizetype end = 0;
        while (end < text.size() && text.at(end) != ':' && text.at(end) != ';')
            ++end;
        return text.left(end).trimmed().toUpper();
    }
    // The value after the first colon that is not inside a quoted parameter value.
    [[nodiscard]] QByteArray value() const
    {
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == '"')
                quoted = !quoted;
            else if (text.at(i) == ':' && !quoted)
                return text.mid(i + 1);
        }
        return {};
    }
};

QList<ContentLine> split(const QByteArray &ics)
{
    QList<ContentLine> lines;
    qsizetype position = 0;
    while (position < ics.size()) {
        qsizetype next = ics.indexOf('\n', position);
        next = next < 0 ? ics.size() : next + 1;
        const QByteArray physical = ics.mid(position, next - position);
        QByteArray content = physical;
        while (content.endsWith('\n') || content.endsWith('\r'))
            content.chop(1);
        if (!lines.isEmpty() && (content.startsWith(' ') || content.startsWith('\t'))) {
            lines.last().raw += physical;
            lines.last().text += content.mid(1);
        } else {
            lines.append({physical, content});
        }
        position = next;
    }
    return lines;
}

QByteArray utcStamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

} // namespace

QByteArray escapeText(const QString &text)
{
    QByteArray result;
    for (const char c : text.toUtf8()) {
        if (c == '\\' || c == ';' || c == ',')
            result += '\\';
        if (c == '\n') {
            result += "\\n";
            continue;
        }
        if (c != '\r')
            result += c;
    }
    return result;
}

QByteArray fold(const QByteArray &line, const QByteArray &eol)
{
    QByteArray result;
    qsizetype position = 0;
    qsizetype limit = 75;
    while (line.size() - position > limit) {
        qsizetype cut = position + limit;
        // Continuation bytes of UTF-8 are 10xxxxxx: step back to the start of the character.
        while (cut > position && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        result += line.mid(position, cut - position) + eol + ' ';
        position = cut;
        limit = 74; // the leading space counts
    }
    result += line.mid(position) + eol;
    return result;
}

std::optional<QByteArray> moveEvent(const QByteArray &ics, const QString &uid, const QDateTime &start,
                                    const QDateTime &end, const QString &summary)
{
    if (!start.isValid() || !end.isValid() || end < start)
        return std::nullopt;
    const QList<ContentLine> lines = split(ics);
    const QByteArray eol = ics.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n");
    const QByteArray wantedUid = uid.toUtf8();

    // Find the master VEVENT with this UID: its first and last line, at VCALENDAR's level.
    qsizetype eventBegin = -1;
    qsizetype eventEnd = -1;
    QList<QByteArray> stack;
    qsizetype candidate = -1;
    bool uidMatches = false;
    bool isOverride = false;
    for (qsizetype i = 0; i < lines.size() && eventEnd < 0; ++i) {
        const QByteArray name = lines.at(i).name();
        const QByteArray value = lines.at(i).value().trimmed().toUpper();
        if (name == "BEGIN") {
            stack.append(value);
            if (value == "VEVENT" && stack.size() == 2 && stack.first() == "VCALENDAR") {
                candidate = i;
                uidMatches = false;
                isOverride = false;
            }
        } else if (name == "END") {
            if (stack.isEmpty() || stack.last() != value)
                return std::nullopt; // not well nested: better no edit than a broken calendar
            if (value == "VEVENT" && stack.size() == 2 && candidate >= 0 && uidMatches && !isOverride) {
                eventBegin = candidate;
                eventEnd = i;
            }
            stack.removeLast();
        } else if (candidate >= 0 && stack.size() == 2 && stack.last() == "VEVENT") {
            if (name == "UID")
                uidMatches = lines.at(i).value().trimmed() == wantedUid;
            else if (name == "RECURRENCE-ID")
                isOverride = true;
        }
    }
    if (eventBegin < 0)
        return std::nullopt;

    QByteArray result;
    for (qsizetype i = 0; i < eventBegin; ++i)
        result += lines.at(i).raw;
    int depth = 0; // inside the event: 1 for its own properties, more inside VALARM and the like
    bool hasEnd = false;
    bool hasSequence = false;
    bool hasSummary = false;
    for (qsizetype i = eventBegin; i <= eventEnd; ++i) {
        const ContentLine &line = lines.at(i);
        const QByteArray name = line.name();
        if (name == "BEGIN") {
            ++depth;
        } else if (name == "END") {
            if (depth == 1) {
                if (!hasEnd)
                    result += fold("DTEND:" + utcStamp(end), eol);
                if (!hasSummary)
                    result += fold("SUMMARY:" + escapeText(summary), eol);
                if (!hasSequence)
                    result += fold("SEQUENCE:1", eol);
            }
            --depth;
        } else if (depth == 1) {
            if (name == "DTSTART") {
                result += fold("DTSTART:" + utcStamp(start), eol);
                continue;
            }
            if (name == "DTEND" || name == "DURATION") {
                if (!std::exchange(hasEnd, true))
                    result += fold("DTEND:" + utcStamp(end), eol);
                continue;
            }
            if (name == "SUMMARY") {
                if (!std::exchange(hasSummary, true))
                    result += fold("SUMMARY:" + escapeText(summary), eol);
                continue;
            }
            if (name == "SEQUENCE") {
                hasSequence = true;
                result += fold("SEQUENCE:" + QByteArray::number(line.value().trimmed().toInt() + 1), eol);
                continue;
            }
        }
        result += line.raw;
    }
    for (qsizetype i = eventEnd + 1; i < lines.size(); ++i)
        result += lines.at(i).raw;
    return result;
}

} // namespace Lotse::Client::IcsEdit
