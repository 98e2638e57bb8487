#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lotse::Client::CalDavXml {

// One <response> of a WebDAV multistatus, with only the properties the server found (200).
struct Response
{
    QString href;
    int status = 0;               // the response-level status (sync-collection removals), else 0
    QMap<QString, QString> props; // text of simple properties by local name (getetag, displayname, ...)
    QMap<QString, QString> hrefs; // href-valued properties (current-user-principal, calendar-home-set)
    bool isCalendar = false;
    QStringList components;
};

struct Multistatus
{
    QList<Response> responses;
    QString syncToken; // top-level, from a sync-collection REPORT
};

// Parses a 207 body; nullopt when it is not well-formed multistatus XML.
[[nodiscard]] std::optional<Multistatus> parse(const QByteArray &xml);

} // namespace Lotse::Client::CalDavXml
