#pragma once

#include "server-stub/SmtpSender.h"

#include "models/Clock.h"

#include <QObject>
#include <QThread>

namespace Lotse::Server {

class BookingStore;
class SecretBox;
class Store;

// The mail outbox: mails are rows (sealed under the server key), written in the same transaction
// as the booking change they report. A worker thread with its own database connection sends due
// rows through SMTP and deletes a row only after the SMTP server accepted it; a failure leaves the
// row with exponential backoff (30 s doubling, at most an hour), so no mail is lost while SMTP is
// down. A mail may be held until `not_before` (the undo window of an advisor's change); the worker
// takes a row before sending it, so an undo either removes the row first or finds it gone.
class Outbox
{
public:
    Outbox(QString databaseFile, const Models::Clock &clock, const SecretBox &secrets, SmtpSettings smtp, int pollMs);
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    void start();

    // Seals and queues a mail in the caller's connection (and transaction). The worker does not send
    // it before `notBefore` (an undo window); `id` receives the row's id.
    [[nodiscard]] static bool enqueue(BookingStore &store, const SecretBox &secrets, const QString &organisationId,
                                      const MailMessage &mail, qint64 now, qint64 notBefore = 0, QString *id = nullptr);
    [[nodiscard]] static qint64 backoffSeconds(int attempts);

private:
    QString m_databaseFile;
    const Models::Clock &m_clock;
    const SecretBox &m_secrets;
    SmtpSettings m_smtp;
    int m_pollMs;
    QThread m_thread;
};

} // namespace Lotse::Server
