#include "app/BusyUploader.h"

#include "app/ServerClient.h"
#include "models/Clock.h"

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
const Models::SystemClock &systemClock()
{
    static const Models::SystemClock clock;
    return clock;
}
} // namespace

BusyUploader::BusyUploader(ServerClient *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_clock(&systemClock())
{}

BusyUploader::~BusyUploader() = default;

void BusyUploader::setClock(const Models::Clock *clock)
{
    m_clock = clock ? clock : &systemClock();
}

void BusyUploader::addSource(Source source)
{
    m_sources.append(std::move(source));
}

void BusyUploader::upload()
{
    if (!m_server || m_server->token().isEmpty())
        return;
    if (m_uploading) {
        // Two PUTs in flight could land in either order; the later state must win.
        m_again = true;
        return;
    }
    const QDateTime from = m_clock->now().toUTC();
    const QDateTime to = from.addDays(WindowDays);
    QList<BusyInterval> busy;
    for (const Source &source : std::as_const(m_sources))
        busy.append(source(from, to));
    busy = BusyTimes::merge(std::move(busy));
    m_uploading = true;
    const int blocks = int(busy.size());
    BusyTimes::upload(
        *m_server, busy, from, to, [this, guard = QPointer<BusyUploader>(this), blocks](const ApiError &error) {
            if (!guard)
                return;
            m_uploading = false;
            if (m_again) {
                m_again = false;
                upload();
                return;
            }
            if (error.isError())
                Q_EMIT failed(
                    tr("Your booking page could not be updated with the busy times of your imported calendars: %1")
                        .arg(error.userMessage()));
            else
                Q_EMIT uploaded(blocks);
        });
}

} // namespace Lotse::Client
