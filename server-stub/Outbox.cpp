#include "server-stub/Outbox.h"

#include "server-stub/BookingStore.h"
#include "server-stub/JsonLog.h"
#include "server-stub/SecretBox.h"
#include "server-stub/Store.h"

#include <QJsonDocument>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr QByteArrayView outboxAssociatedData = "lotse-outbox-v1";
// A taken row whose sending never finished (the server died) is tried again after this.
constexpr qint64 claimLeaseSeconds = 600;

// Lives in the outbox thread: its own Store connection, a poll timer, the SMTP sender.
class OutboxWorker : public QObject
{
public:
    OutboxWorker(QString databaseFile, const Models::Clock &clock, const SecretBox &secrets, SmtpSettings smtp,
                 int pollMs)
        : m_databaseFile(std::move(databaseFile))
        , m_clock(clock)
        , m_secrets(secrets)
        , m_sender(smtp)
        , m_configured(smtp.isConfigured())
        , m_pollMs(pollMs)
    {}

    void begin()
    {
        QString error;
        m_store = std::make_unique<Store>();
        if (!m_store->open(m_databaseFile, &error)) {
            JsonLog::error(u"outbox_database_failed"_s, {{u"error"_s, error}});
            return;
        }
        m_bookings = std::make_unique<BookingStore>(*m_store);
        if (!m_configured)
            JsonLog::warning(u"smtp_not_configured"_s,
                             {{u"message"_s, u"mails stay in the outbox until smtp/url and smtp/from are set"_s}});
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { runOnce(); });
        m_timer->start(m_pollMs);
        runOnce();
    }

    ~OutboxWorker() override
    {
        m_bookings.reset();
        m_store.reset();
    }

private:
    void runOnce()
    {
        if (!m_configured || !m_bookings)
            return;
        const qint64 now = m_clock.now().toSecsSinceEpoch();
        const QList<OutboxMail> due = m_bookings->dueMails(now, 20);
        for (const OutboxMail &row : due) {
            // Taking the row first: an undo that removed it in the meantime wins, and an undo after
            // this point finds the mail on its way.
            if (!m_bookings->claimMail(row.id, row.nextAttemptAt, now + claimLeaseSeconds))
                continue;
            QString error;
            const auto plain = m_secrets.decrypt(row.mailSealed, outboxAssociatedData);
            const auto mail = plain ? MailMessage::fromJson(QJsonDocument::fromJson(*plain).object()) : std::nullopt;
            if (!mail)
                error = u"the queued mail cannot be read (server key changed?)"_s;
            else
                error = m_sender.send(*mail, m_clock.now());
            if (error.isEmpty()) {
                if (!m_bookings->deleteMail(row.id))
                    JsonLog::error(u"outbox_delete_failed"_s, {{u"mailId"_s, row.id}});
                JsonLog::info(u"mail_sent"_s, {{u"mailId"_s, row.id}, {u"attempts"_s, row.attempts + 1}});
                continue;
            }
            const int attempts = row.attempts + 1;
            const qint64 next = now + Outbox::backoffSeconds(attempts);
            if (!m_bookings->deferMail(row.id, attempts, next, error))
                JsonLog::error(u"outbox_defer_failed"_s, {{u"mailId"_s, row.id}});
            JsonLog::warning(u"mail_deferred"_s,
                             {{u"mailId"_s, row.id}, {u"attempts"_s, attempts}, {u"error"_s, error}});
            // The server is down for every mail alike: try the rest on the next round.
            break;
        }
    }

    QString m_databaseFile;
    const Models::Clock &m_clock;
    const SecretBox &m_secrets;
    SmtpSender m_sender;
    bool m_configured;
    int m_pollMs;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<BookingStore> m_bookings;
    QTimer *m_timer = nullptr;
};

} // namespace

Outbox::Outbox(QString databaseFile, const Models::Clock &clock, const SecretBox &secrets, SmtpSettings smtp,
               int pollMs)
    : m_databaseFile(std::move(databaseFile))
    , m_clock(clock)
    , m_secrets(secrets)
    , m_smtp(std::move(smtp))
    , m_pollMs(pollMs)
{
    SmtpSender::globalInit();
    m_thread.setObjectName(u"outbox"_s);
}

Outbox::~Outbox()
{
    m_thread.quit();
    m_thread.wait();
}

void Outbox::start()
{
    auto *worker = new OutboxWorker(m_databaseFile, m_clock, m_secrets, m_smtp, m_pollMs);
    worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::started, worker, [worker] { worker->begin(); });
    QObject::connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
}

bool Outbox::enqueue(BookingStore &store, const SecretBox &secrets, const QString &organisationId,
                     const MailMessage &mail, qint64 now, qint64 notBefore, QString *id)
{
    const QString sealed =
        secrets.encrypt(QJsonDocument(mail.toJson()).toJson(QJsonDocument::Compact), outboxAssociatedData);
    return store.enqueueMail(organisationId, sealed, now, notBefore, id);
}

qint64 Outbox::backoffSeconds(int attempts)
{
    return std::min<qint64>(qint64(30) << std::min(attempts - 1, 7), 3600);
}

} // namespace Lotse::Server
