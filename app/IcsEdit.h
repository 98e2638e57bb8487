#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Lotse::Client {

// Edits an iCalendar object as text, line by line, so that whatever another calendar app added
// (properties Lotse does not know, their parameters and order, alarms, time zones) stays byte for
// byte. Parsing and writing it again would normalise or drop what the parser does not model.
namespace IcsEdit {

// `ics` with the event `uid` (its master, not an override) moved to [start, end) in UTC, its
// SUMMARY set to `summary` and its SEQUENCE raised by one; every other line unchanged. Nullopt
// when `ics` holds no such event.
[[nodiscard]] std::optional<QByteArray> moveEvent(const QByteArray &ics, const QString &uid, const QDateTime &start,
                                                  const QDateTime &end, const QString &summary);

// TEXT value escaping of RFC 5545 3.3.11 (backslash, semicolon, comma, newline).
[[nodiscard]] QByteArray escapeText(const QString &text);
// One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence, with `eol`
// after every physical line.
[[nodiscard]] QByteArray fold(const QByteArray &line, const QByteArray &eol);

} // namespace IcsEdit
} // namespace Lotse::Client
