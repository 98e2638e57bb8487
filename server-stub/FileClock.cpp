#include "server-stub/FileClock.h"

#include <QFile>

namespace Lotse::Server {

FileClock::FileClock(QString fileName)
    : m_fileName(std::move(fileName))
{}

QDateTime FileClock::now() const
{
    QFile file(m_fileName);
    if (file.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const qint64 seconds = file.readAll().trimmed().toLongLong(&ok);
        if (ok)
            return QDateTime::fromSecsSinceEpoch(seconds).toUTC();
    }
    return QDateTime::currentDateTimeUtc();
}

} // namespace Lotse::Server
