#pragma once

#include "crypto/Keys.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lotse::Client {

// The desktop's offline copy of one advisor's requests on one server (SQLite, its own
// connection): the request items as the server listed them, the sync cursor, and the outbox of
// writes that wait for the server. Each item's JSON and each outbox body is encrypted at rest
// (FieldCipher under a `lotsedb_` subkey of a master key from the secret store); only id, kind,
// start, end, status and version sit in clear columns. A file that does not open with the key,
// or is damaged, is set aside (renamed, never deleted) and a fresh one made; problem() says so.
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(Lotse::Client::LocalStore)

public:
    struct Item
    {
        QString id;
        QString kind; // booking, message
        QDateTime start;
        QDateTime end;
        QString status;
        qint64 version = 0;
        QJsonObject json; // the item as the server sent it
    };

    // One advisor write waiting for the server (or for the advisor, after a conflict).
    struct OutboxEntry
    {
        enum class State
        {
            Queued,
            Conflict, // 409 version_conflict: waits for "keep mine" or "take theirs"
        };
        qint64 seq = 0;         // order of the writes; given by enqueue()
        QString idempotencyKey; // a UUID made when the advisor acted; the same on every retry
        QString target;         // the request's id
        QByteArray verb = "POST";
        QString path;
        QJsonObject body;
        qint64 ifMatch = 0; // the version the advisor saw; 0: none known
        State state = State::Queued;
        QDateTime createdAt;
        QJsonObject current; // Conflict: the server's item when it refused
    };

    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // <AppDataLocation>/cache/<profile>-<hash of server and user name>.sqlite
    [[nodiscard]] static QString defaultPath(const QString &profileId, const QString &server, const QString &username);

    // Opens or creates the file at `path`. False only when no store can be made at all (e.g. the
    // folder is not writable); a wrong key or a damaged file gives a fresh store and problem().
    [[nodiscard]] bool open(const QString &path, const Crypto::SecretBytes &masterKey);
    void close();
    [[nodiscard]] bool isOpen() const { return !m_connection.isEmpty(); }
    [[nodiscard]] QString path() const { return m_path; }
    // What happened on open() that the advisor should know (empty when nothing).
    [[nodiscard]] QString problem() const { return m_problem; }
    // Where the file that could not be opened was moved (empty when none).
    [[nodiscard]] QString setAsidePath() const { return m_setAside; }

    [[nodiscard]] QString cursor() const;
    [[nodiscard]] QDateTime lastSync() const;

    [[nodiscard]] QList<Item> items() const;
    [[nodiscard]] std::optional<Item> item(const QString &id) const;
    [[nodiscard]] qint64 version(const QString &id) const;
    [[nodiscard]] int itemCount() const;
    // One sync answer in one transaction. `full`: the answer is everything, other rows go.
    [[nodiscard]] bool applySync(const QList<QJsonObject> &items, const QStringList &removed, const QString &cursor,
                                 bool full, const QDateTime &syncedAt);
    // The server's item after a write or a conflict.
    [[nodiscard]] bool putItem(const QJsonObject &item);

    [[nodiscard]] bool enqueue(OutboxEntry &entry);
    [[nodiscard]] QList<OutboxEntry> outbox() const;
    [[nodiscard]] bool updateEntry(const OutboxEntry &entry);
    [[nodiscard]] bool removeEntry(qint64 seq);
    [[nodiscard]] int pendingCount() const;
    // Entries that wait for the advisor's decision after a conflict.
    [[nodiscard]] int conflictCount() const;

    // The item columns an entry of GET /requests yields; nullopt when it is unusable.
    [[nodiscard]] static std::optional<Item> itemFromJson(const QJsonObject &json);

private:
    [[nodiscard]] bool openFile(const QString &path, QString *why);
    [[nodiscard]] bool createSchema();
    [[nodiscard]] bool checkKey();
    void setAside(const QString &reason, int unreadableChanges);
    [[nodiscard]] QString meta(const QString &key) const;
    [[nodiscard]] bool setMeta(const QString &key, const QString &value);
    [[nodiscard]] QByteArray seal(const QString &rowId, const QByteArray &plain) const;
    [[nodiscard]] std::optional<QByteArray> unseal(const QString &rowId, const QByteArray &field) const;
    [[nodiscard]] bool writeItem(const Item &item);

    QString m_connection;
    QString m_path;
    QString m_problem;
    QString m_setAside;
    Crypto::SecretBytes m_fieldKey;
};

} // namespace Lotse::Client
