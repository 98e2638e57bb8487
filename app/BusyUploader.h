#pragma once

#include "app/BusyTimes.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Lotse::Models {
class Clock;
}

namespace Lotse::Client {

class ServerClient;

// Sends the advisor's busy times to the server (PUT /api/v1/me/busy) so the booking page stops
// offering those slots. Only start and end times leave the machine. The PUT replaces every block of
// its window, so all sources of busy times go into one upload: each is a function added with
// addSource() (the imported calendars the advisor chose; a CalDAV calendar can join the same way).
class BusyUploader : public QObject
{
    Q_OBJECT

public:
    using Source = std::function<QList<BusyInterval>(const QDateTime &from, const QDateTime &to)>;
    // The window sent: from now on, within the server's limit of 400 days.
    static constexpr int WindowDays = 366;

    explicit BusyUploader(ServerClient *server, QObject *parent = nullptr);
    ~BusyUploader() override;

    // Tests pin "now"; by default the wall clock.
    void setClock(const Models::Clock *clock);
    void addSource(Source source);

    // Uploads [now, now + WindowDays) from every source; without a session it waits for the next
    // call (the caller uploads again after sign-in). Emits uploaded() or failed().
    void upload();
    [[nodiscard]] bool isUploading() const { return m_uploading; }

Q_SIGNALS:
    void uploaded(int blocks);
    void failed(const QString &message);

private:
    QPointer<ServerClient> m_server;
    const Models::Clock *m_clock;
    QList<Source> m_sources;
    bool m_uploading = false;
    bool m_again = false; // a change came in while uploading: upload once more afterwards
};

} // namespace Lotse::Client
