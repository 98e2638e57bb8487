#include "server-stub/JsonLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>

#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

std::atomic_bool s_quiet = false;

void write(const char *level, const QString &event, const QJsonObject &fields)
{
    QJsonObject line = fields;
    line.insert(u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(u"level"_s, QString::fromLatin1(level));
    line.insert(u"event"_s, event);
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    static QMutex mutex;
    const QMutexLocker lock(&mutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject fields{{u"message"_s, message}};
    if (context.category && qstrcmp(context.category, "default") != 0)
        fields.insert(u"category"_s, QString::fromLatin1(context.category));
    switch (type) {
    case QtDebugMsg:
    case QtInfoMsg:
        if (!s_quiet)
            write("debug", u"qt"_s, fields);
        break;
    case QtWarningMsg:
        write("warning", u"qt"_s, fields);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        write("error", u"qt"_s, fields);
        break;
    }
}

} // namespace

void JsonLog::info(const QString &event, const QJsonObject &fields)
{
    if (!s_quiet)
        write("info", event, fields);
}

void JsonLog::warning(const QString &event, const QJsonObject &fields)
{
    write("warning", event, fields);
}

void JsonLog::error(const QString &event, const QJsonObject &fields)
{
    write("error", event, fields);
}

void JsonLog::installQtMessageHandler()
{
    qInstallMessageHandler(qtMessageHandler);
}

void JsonLog::setQuiet(bool quiet)
{
    s_quiet = quiet;
}

} // namespace Lotse::Server
