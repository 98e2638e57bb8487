#pragma once

#include <QJsonObject>
#include <QString>

namespace Lotse::Server {

// Structured logging: one JSON object per line on stderr
// ({"ts": "...", "level": "info", "event": "...", ...fields}). Never log secrets, tokens or
// passwords; IP addresses belong in the access log table, not here.
class JsonLog
{
public:
    static void info(const QString &event, const QJsonObject &fields = {});
    static void warning(const QString &event, const QJsonObject &fields = {});
    static void error(const QString &event, const QJsonObject &fields = {});
    // Routes qDebug/qWarning/... through the same format.
    static void installQtMessageHandler();
    // For tests: suppress output below warnings.
    static void setQuiet(bool quiet);
};

} // namespace Lotse::Server
