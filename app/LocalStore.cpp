#include "app/LocalStore.h"

#include "crypto/FieldCipher.h"
#include "crypto/Kdf.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

constexpr int SchemaVersion = 1;
constexpr quint64 FieldGeneration = 1; // FORMAT.md §10: subkey id of the current field key
const QByteArray CheckPlaintext = "lotse local store v1";

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return u"lotse-localstore-%1"_s.arg(++counter);
}

QDateTime fromSeconds(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), QTimeZone::utc());
}

QVariant toSeconds(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime utc(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

LocalStore::LocalStore() = default;

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultPath(const QString &profileId, const QString &server, const QString &username)
{
    const QByteArray account = (server + u'\n' + username).toUtf8();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(account, QCryptographicHash::Sha256).toHex().left(16));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/cache/"_L1 + profileId + u'-' + hash +
           ".sqlite"_L1;
}

std::optional<LocalStore::Item> LocalStore::itemFromJson(const QJsonObject &json)
{
    Item item;
    item.id = json.value("id"_L1).toString();
    item.kind = json.value("kind"_L1).toString();
    item.status = json.value("status"_L1).toString();
    const QJsonValue version = json.value("version"_L1);
    // Ids become file-independent keys and AD: UUID-like text only.
    if (item.id.isEmpty() || item.id.size() > 100 || (item.kind != "booking"_L1 && item.kind != "message"_L1) ||
        item.status.size() > 40 || (!version.isUndefined() && !version.isDouble()))
        return std::nullopt;
    for (const QChar c : item.id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
            return std::nullopt;
    }
    item.version = version.toInteger();
    item.start = utc(json.value("start"_L1));
    item.end = utc(json.value("end"_L1));
    item.json = json;
    return item;
}

bool LocalStore::open(const QString &path, const Crypto::SecretBytes &masterKey)
{
    close();
    m_problem.clear();
    m_setAside.clear();
    auto key = Crypto::deriveSubkey(masterKey, Crypto::KdfContext::LocalStore, FieldGeneration);
    if (!key)
        return false;
    m_fieldKey = std::move(key.value());
    QDir().mkpath(QFileInfo(path).absolutePath());

    QString why;
    if (!openFile(path, &why)) {
        close();
        if (!QFile::exists(path))
            return false; // not a damaged file: the place itself is unusable
        setAside(why, -1);
        if (!openFile(path, &why)) {
            close();
            return false;
        }
    }
    if (!checkKey()) {
        int waiting = -1;
        QSqlQuery count(QSqlDatabase::database(m_connection, false));
        if (count.exec(u"SELECT COUNT(*) FROM outbox"_s) && count.next())
            waiting = count.value(0).toInt();
        close();
        setAside(tr("it was written with another key"), waiting);
        if (!openFile(path, &why) || !checkKey()) {
            close();
            return false;
        }
    }
    return true;
}

bool LocalStore::openFile(const QString &path, QString *why)
{
    m_connection = nextConnectionName();
    m_path = path;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    const bool existed = QFile::exists(path);
    if (!db.open()) {
        *why = db.lastError().text();
        return false;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA quick_check"_s) || !q.next() || q.value(0).toString() != "ok"_L1) {
        *why = tr("the file is damaged");
        return false;
    }
    q.exec(u"PRAGMA journal_mode=WAL"_s);
    q.exec(u"PRAGMA synchronous=NORMAL"_s);
    if (!existed || meta(u"schema"_s).isEmpty()) {
        if (!createSchema()) {
            *why = tr("the file is not a Lotse offline copy");
            return false;
        }
        return true;
    }
    if (meta(u"schema"_s).toInt() != SchemaVersion) {
        *why = tr("it comes from another version of Lotse");
        return false;
    }
    return true;
}

bool LocalStore::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    const QStringList statements = {
        u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, kind TEXT NOT NULL, start INTEGER, end INTEGER, "
        "status TEXT NOT NULL, version INTEGER NOT NULL, data BLOB NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT NOT NULL "
        "UNIQUE, target TEXT NOT NULL, state INTEGER NOT NULL, created_at INTEGER NOT NULL, data BLOB NOT NULL)"_s,
    };
    if (!db.transaction())
        return false;
    for (const QString &statement : statements) {
        if (!q.exec(statement)) {
            db.rollback();
            return false;
        }
    }
    const QByteArray check = seal(u"check"_s, CheckPlaintext);
    if (check.isEmpty() || !setMeta(u"check"_s, QString::fromLatin1(check.toBase64())) ||
        !setMeta(u"schema"_s, QString::number(SchemaVersion))) {
        db.rollback();
        return false;
    }
    return db.commit();
}

bool LocalStore::checkKey()
{
    const QByteArray check = QByteArray::fromBase64(meta(u"check"_s).toLatin1());
    const auto plain = unseal(u"check"_s, check);
    return plain && *plain == CheckPlaintext;
}

void LocalStore::setAside(const QString &reason, int unreadableChanges)
{
    m_setAside = m_path + u".unreadable-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(m_path + suffix) && !QFile::rename(m_path + suffix, m_setAside + suffix))
            QFile::remove(m_path + suffix);
    }
    //: %1 why (e.g. "the file is damaged")
    m_problem = tr("The offline copy of your requests could not be opened (%1). Lotse starts a new one and "
                   "fetches everything from the server again.")
                    .arg(reason);
    if (unreadableChanges != 0)
        m_problem += u' ' + tr("Changes you made offline that were not sent yet could not be read. The old copy "
                               "is kept at %1.")
                                .arg(QDir::toNativeSeparators(m_setAside));
}

void LocalStore::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

QString LocalStore::meta(const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool LocalStore::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(key);
    q.addBindValue(value.isNull() ? u""_s : value); // the column is NOT NULL; empty means none
    return q.exec();
}

QByteArray LocalStore::seal(const QString &rowId, const QByteArray &plain) const
{
    const auto field = Crypto::FieldCipher::seal(m_fieldKey, rowId.toUtf8(), plain);
    return field ? field.value() : QByteArray();
}

std::optional<QByteArray> LocalStore::unseal(const QString &rowId, const QByteArray &field) const
{
    auto plain = Crypto::FieldCipher::open(m_fieldKey, rowId.toUtf8(), field);
    if (!plain)
        return std::nullopt;
    return std::move(plain.value());
}

QString LocalStore::cursor() const
{
    return meta(u"cursor"_s);
}

QDateTime LocalStore::lastSync() const
{
    const QString text = meta(u"lastSync"_s);
    return text.isEmpty() ? QDateTime() : QDateTime::fromSecsSinceEpoch(text.toLongLong(), QTimeZone::utc());
}

QList<LocalStore::Item> LocalStore::items() const
{
    QList<Item> list;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, kind, start, end, status, version, data FROM items"_s))
        return list;
    while (q.next()) {
        Item item;
        item.id = q.value(0).toString();
        const auto plain = unseal(u"item:"_s + item.id, q.value(6).toByteArray());
        if (!plain)
            continue; // a damaged row: the next full sync brings it back
        item.kind = q.value(1).toString();
        item.start = fromSeconds(q.value(2));
        item.end = fromSeconds(q.value(3));
        item.status = q.value(4).toString();
        item.version = q.value(5).toLongLong();
        item.json = QJsonDocument::fromJson(*plain).object();
        list.append(std::move(item));
    }
    return list;
}

std::optional<LocalStore::Item> LocalStore::item(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT data FROM items WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const auto plain = unseal(u"item:"_s + id, q.value(0).toByteArray());
    if (!plain)
        return std::nullopt;
    return itemFromJson(QJsonDocument::fromJson(*plain).object());
}

qint64 LocalStore::version(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT version FROM items WHERE id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

int LocalStore::itemCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(u"SELECT COUNT(*) FROM items"_s) && q.next() ? q.value(0).toInt() : 0;
}

bool LocalStore::writeItem(const Item &item)
{
    const QByteArray data = seal(u"item:"_s + item.id, QJsonDocument(item.json).toJson(QJsonDocument::Compact));
    if (data.isEmpty())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO items (id, kind, start, end, status, version, data) VALUES (?, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, start = excluded.start, end = excluded.end, "
              "status = excluded.status, version = excluded.version, data = excluded.data"_s);
    q.addBindValue(item.id);
    q.addBindValue(item.kind);
    q.addBindValue(toSeconds(item.start));
    q.addBindValue(toSeconds(item.end));
    q.addBindValue(item.status);
    q.addBindValue(item.version);
    q.addBindValue(data);
    return q.exec();
}

bool LocalStore::applySync(const QList<QJsonObject> &items, const QStringList &removed, const QString &cursor,
                           bool full, const QDateTime &syncedAt)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen() || !db.transaction())
        return false;
    QSqlQuery q(db);
    bool ok = !full || q.exec(u"DELETE FROM items"_s);
    for (const QJsonObject &json : items) {
        if (!ok)
            break;
        if (const auto item = itemFromJson(json))
            ok = writeItem(*item);
    }
    for (const QString &id : removed) {
        if (!ok)
            break;
        q.prepare(u"DELETE FROM items WHERE id = ?"_s);
        q.addBindValue(id);
        ok = q.exec();
    }
    ok = ok && setMeta(u"cursor"_s, cursor) && setMeta(u"lastSync"_s, QString::number(syncedAt.toSecsSinceEpoch()));
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

bool LocalStore::putItem(const QJsonObject &json)
{
    const auto item = itemFromJson(json);
    return item && writeItem(*item);
}

bool LocalStore::enqueue(OutboxEntry &entry)
{
    if (entry.idempotencyKey.isEmpty())
        entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!entry.createdAt.isValid())
        entry.createdAt = QDateTime::currentDateTimeUtc();
    const QJsonObject data{{u"verb"_s, QString::fromLatin1(entry.verb)},
                           {u"path"_s, entry.path},
                           {u"body"_s, entry.body},
                           {u"ifMatch"_s, entry.ifMatch},
                           {u"current"_s, entry.current}};
    const QByteArray sealed =
        seal(u"outbox:"_s + entry.idempotencyKey, QJsonDocument(data).toJson(QJsonDocument::Compact));
    if (sealed.isEmpty())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO outbox (idempotency_key, target, state, created_at, data) VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(entry.idempotencyKey);
    q.addBindValue(entry.target);
    q.addBindValue(int(entry.state));
    q.addBindValue(entry.createdAt.toSecsSinceEpoch());
    q.addBindValue(sealed);
    if (!q.exec())
        return false;
    entry.seq = q.lastInsertId().toLongLong();
    return true;
}

bool LocalStore::updateEntry(const OutboxEntry &entry)
{
    const QJsonObject data{{u"verb"_s, QString::fromLatin1(entry.verb)},
                           {u"path"_s, entry.path},
                           {u"body"_s, entry.body},
                           {u"ifMatch"_s, entry.ifMatch},
                           {u"current"_s, entry.current}};
    const QByteArray sealed =
        seal(u"outbox:"_s + entry.idempotencyKey, QJsonDocument(data).toJson(QJsonDocument::Compact));
    if (sealed.isEmpty())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"UPDATE outbox SET idempotency_key = ?, state = ?, data = ? WHERE seq = ?"_s);
    q.addBindValue(entry.idempotencyKey);
    q.addBindValue(int(entry.state));
    q.addBindValue(sealed);
    q.addBindValue(entry.seq);
    return q.exec() && q.numRowsAffected() == 1;
}

QList<LocalStore::OutboxEntry> LocalStore::outbox() const
{
    QList<OutboxEntry> list;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(u"SELECT seq, idempotency_key, target, state, created_at, data FROM outbox ORDER BY seq"_s))
        return list;
    while (q.next()) {
        OutboxEntry entry;
        entry.seq = q.value(0).toLongLong();
        entry.idempotencyKey = q.value(1).toString();
        entry.target = q.value(2).toString();
        entry.state = q.value(3).toInt() == int(OutboxEntry::State::Conflict) ? OutboxEntry::State::Conflict
                                                                              : OutboxEntry::State::Queued;
        entry.createdAt = fromSeconds(q.value(4));
        const auto plain = unseal(u"outbox:"_s + entry.idempotencyKey, q.value(5).toByteArray());
        // The key was checked on open; a row that does not open was altered. It stays in the
        // table (counted as pending) rather than vanishing.
        if (!plain)
            continue;
        const QJsonObject data = QJsonDocument::fromJson(*plain).object();
        entry.verb = data.value("verb"_L1).toString().toLatin1();
        entry.path = data.value("path"_L1).toString();
        entry.body = data.value("body"_L1).toObject();
        entry.ifMatch = data.value("ifMatch"_L1).toInteger();
        entry.current = data.value("current"_L1).toObject();
        list.append(std::move(entry));
    }
    return list;
}

bool LocalStore::removeEntry(qint64 seq)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"DELETE FROM outbox WHERE seq = ?"_s);
    q.addBindValue(seq);
    return q.exec();
}

int LocalStore::pendingCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(u"SELECT COUNT(*) FROM outbox"_s) && q.next() ? q.value(0).toInt() : 0;
}

int LocalStore::conflictCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT COUNT(*) FROM outbox WHERE state = ?"_s);
    q.addBindValue(int(OutboxEntry::State::Conflict));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

} // namespace Lotse::Client
