// LocalStore on a real SQLite file: personal data never appears in the file's bytes (items and
// outbox bodies are encrypted, only id/kind/times/status/version in clear); everything comes back
// after reopening with the same key; a wrong key or a damaged file gives a clear message, a fresh
// store and the old file kept aside; a field moved to another row does not open; the outbox keeps
// its order. The advisor's view (stored items with waiting changes on top) feeds RequestsModel
// under QAbstractItemModelTester.
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/RequestsModel.h"

#include "crypto/Crypto.h"
#include "crypto/Random.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse;
using Client::LocalStore;

namespace {

const QString CanaryEmail = u"kanarienvogel.olena@example.org"_s;
const QString CanaryReason = u"Kanarienvogel-Grund: ich bin krank"_s;
const QString CanarySealed = u"S2FuYXJpZW52b2dlbC1zZWFsZWQtZmllbGRz"_s;

Crypto::SecretBytes key(char fill)
{
    return Crypto::SecretBytes::fromBytes(QByteArray(32, fill));
}

QJsonObject booking(const QString &id, const QString &status, qint64 version, const QString &start)
{
    const QDateTime begin = QDateTime::fromString(start, Qt::ISODate);
    return {{u"kind"_s, u"booking"_s},   {u"id"_s, id},
            {u"status"_s, status},       {u"type"_s, u"video"_s},
            {u"start"_s, start},         {u"end"_s, begin.addSecs(45 * 60).toString(Qt::ISODate)},
            {u"email"_s, CanaryEmail},   {u"timeZone"_s, u"Europe/Kyiv"_s},
            {u"language"_s, u"uk"_s},    {u"createdAt"_s, u"2026-11-20T09:00:00Z"_s},
            {u"sealed"_s, CanarySealed}, {u"version"_s, version}};
}

QByteArray fileBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : {QString(), u"-wal"_s}) {
        QFile file(path + suffix);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

LocalStore::OutboxEntry decline(const QString &id)
{
    LocalStore::OutboxEntry entry;
    entry.target = id;
    entry.path = u"/api/v1/bookings/%1/decline"_s.arg(id);
    entry.body = {{u"reason"_s, CanaryReason}};
    entry.ifMatch = 3;
    return entry;
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        QVERIFY(m_dir.isValid());
    }

    void personalDataIsEncryptedAtRest()
    {
        const QString path = m_dir.filePath(u"at-rest.sqlite"_s);
        {
            LocalStore store;
            QVERIFY(store.open(path, key('a')));
            QVERIFY(store.problem().isEmpty());
            QVERIFY(store.applySync({booking(u"b-1"_s, u"pending"_s, 3, u"2026-12-01T09:00:00Z"_s),
                                     booking(u"b-2"_s, u"confirmed"_s, 4, u"2026-12-02T10:00:00Z"_s)},
                                    {}, u"4"_s, true, QDateTime::currentDateTimeUtc()));
            LocalStore::OutboxEntry entry = decline(u"b-1"_s);
            QVERIFY(store.enqueue(entry));
            QVERIFY(entry.seq > 0);
            QVERIFY(!entry.idempotencyKey.isEmpty());
            const QByteArray bytes = fileBytes(path);
            QVERIFY(bytes.contains("b-1")); // the id is a clear column ...
            QVERIFY(!bytes.contains(CanaryEmail.toUtf8()));
            QVERIFY(!bytes.contains(CanarySealed.toUtf8()));
            QVERIFY(!bytes.contains(CanaryReason.toUtf8()));
            QVERIFY(!bytes.contains("Europe/Kyiv"));
        }
        // ... and still after the WAL went into the main file.
        const QByteArray bytes = fileBytes(path);
        QVERIFY(!bytes.contains(CanaryEmail.toUtf8()));
        QVERIFY(!bytes.contains(CanaryReason.toUtf8()));

        LocalStore again;
        QVERIFY(again.open(path, key('a')));
        QVERIFY(again.problem().isEmpty());
        QCOMPARE(again.cursor(), u"4"_s);
        QVERIFY(again.lastSync().isValid());
        QCOMPARE(again.itemCount(), 2);
        const auto item = again.item(u"b-1"_s);
        QVERIFY(item);
        QCOMPARE(item->json.value("email"_L1).toString(), CanaryEmail);
        QCOMPARE(item->version, qint64(3));
        QCOMPARE(item->start, QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()));
        const auto outbox = again.outbox();
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().body.value("reason"_L1).toString(), CanaryReason);
        QCOMPARE(outbox.first().ifMatch, qint64(3));
    }

    void wrongKeyGivesAFreshStoreAndKeepsTheOldFile()
    {
        const QString path = m_dir.filePath(u"wrong-key.sqlite"_s);
        {
            LocalStore store;
            QVERIFY(store.open(path, key('a')));
            QVERIFY(store.applySync({booking(u"b-1"_s, u"pending"_s, 1, u"2026-12-01T09:00:00Z"_s)}, {}, u"1"_s, true,
                                    QDateTime::currentDateTimeUtc()));
            LocalStore::OutboxEntry entry = decline(u"b-1"_s);
            QVERIFY(store.enqueue(entry));
        }
        LocalStore store;
        QVERIFY(store.open(path, key('b')));
        QVERIFY(!store.problem().isEmpty());
        // Not silent about the waiting change, and says where the old copy is.
        QVERIFY2(store.problem().contains(u"not sent"_s), qPrintable(store.problem()));
        QVERIFY(!store.setAsidePath().isEmpty());
        QVERIFY(store.problem().contains(QDir::toNativeSeparators(store.setAsidePath())));
        QVERIFY(QFile::exists(store.setAsidePath()));
        QCOMPARE(store.itemCount(), 0);
        QCOMPARE(store.pendingCount(), 0);
        QVERIFY(store.cursor().isEmpty());
        // The fresh store works.
        QVERIFY(store.applySync({booking(u"b-9"_s, u"pending"_s, 1, u"2026-12-01T09:00:00Z"_s)}, {}, u"7"_s, true,
                                QDateTime::currentDateTimeUtc()));
        QCOMPARE(store.itemCount(), 1);

        // The old file still opens with its own key: nothing was destroyed.
        LocalStore old;
        QVERIFY(old.open(store.setAsidePath(), key('a')));
        QVERIFY(old.problem().isEmpty());
        QCOMPARE(old.pendingCount(), 1);
    }

    void damagedFileGivesAFreshStore()
    {
        const QString path = m_dir.filePath(u"damaged.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Crypto::randomBytes(8192));
        file.close();
        LocalStore store;
        QVERIFY(store.open(path, key('a')));
        QVERIFY(!store.problem().isEmpty());
        QVERIFY(QFile::exists(store.setAsidePath()));
        QCOMPARE(store.itemCount(), 0);
        QVERIFY(store.applySync({booking(u"b-1"_s, u"pending"_s, 1, u"2026-12-01T09:00:00Z"_s)}, {}, u"1"_s, true,
                                QDateTime::currentDateTimeUtc()));
    }

    void aFieldMovedToAnotherRowDoesNotOpen()
    {
        const QString path = m_dir.filePath(u"moved.sqlite"_s);
        {
            LocalStore store;
            QVERIFY(store.open(path, key('a')));
            QVERIFY(store.applySync({booking(u"b-1"_s, u"pending"_s, 1, u"2026-12-01T09:00:00Z"_s),
                                     booking(u"b-2"_s, u"cancelled"_s, 2, u"2026-12-02T09:00:00Z"_s)},
                                    {}, u"2"_s, true, QDateTime::currentDateTimeUtc()));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"UPDATE items SET data = (SELECT data FROM items WHERE id = 'b-2') WHERE id = 'b-1'"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        LocalStore store;
        QVERIFY(store.open(path, key('a')));
        QVERIFY(!store.item(u"b-1"_s));
        const auto items = store.items();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().id, u"b-2"_s);
    }

    void incrementalSyncAndOutboxOrder()
    {
        LocalStore store;
        QVERIFY(store.open(m_dir.filePath(u"order.sqlite"_s), key('a')));
        QVERIFY(store.applySync({booking(u"b-1"_s, u"pending"_s, 1, u"2026-12-01T09:00:00Z"_s),
                                 booking(u"b-2"_s, u"pending"_s, 2, u"2026-12-02T09:00:00Z"_s)},
                                {}, u"2"_s, true, QDateTime::currentDateTimeUtc()));
        // Changed and removed since the cursor; the rest stays.
        QVERIFY(store.applySync({booking(u"b-1"_s, u"confirmed"_s, 5, u"2026-12-01T09:00:00Z"_s)}, {u"b-2"_s}, u"5"_s,
                                false, QDateTime::currentDateTimeUtc()));
        QCOMPARE(store.itemCount(), 1);
        QCOMPARE(store.version(u"b-1"_s), qint64(5));
        QCOMPARE(store.item(u"b-1"_s)->status, u"confirmed"_s);
        // An item the server sends that is not usable is not stored.
        QVERIFY(store.applySync({QJsonObject{{u"id"_s, u"../x"_s}, {u"kind"_s, u"booking"_s}}}, {}, u"6"_s, false,
                                QDateTime::currentDateTimeUtc()));
        QCOMPARE(store.itemCount(), 1);

        // Entries for the same request: the later one takes its version when sent (-1).
        const LocalStore::OutboxEntry first =
            Client::Outbox::entryFor(store, "POST", u"/api/v1/bookings/b-1/cancel"_s, {});
        QCOMPARE(first.target, u"b-1"_s);
        QCOMPARE(first.ifMatch, qint64(5));
        LocalStore::OutboxEntry queued = first;
        QVERIFY(store.enqueue(queued));
        const LocalStore::OutboxEntry second = Client::Outbox::entryFor(
            store, "POST", u"/api/v1/bookings/b-1/reschedule"_s, {{u"start"_s, u"2026-12-03T08:00:00Z"_s}});
        QCOMPARE(second.ifMatch, qint64(-1));
        QVERIFY(first.idempotencyKey != second.idempotencyKey);
        LocalStore::OutboxEntry queued2 = second;
        QVERIFY(store.enqueue(queued2));
        QVERIFY(queued2.seq > queued.seq);
        // A conflict keeps its place and its data.
        queued.state = LocalStore::OutboxEntry::State::Conflict;
        queued.current = booking(u"b-1"_s, u"confirmed"_s, 9, u"2026-12-01T09:00:00Z"_s);
        QVERIFY(store.updateEntry(queued));
        const auto outbox = store.outbox();
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(0).seq, queued.seq);
        QCOMPARE(outbox.at(0).state, LocalStore::OutboxEntry::State::Conflict);
        QCOMPARE(outbox.at(0).current.value("version"_L1).toInt(), 9);
        QCOMPARE(outbox.at(1).path, u"/api/v1/bookings/b-1/reschedule"_s);
        QVERIFY(store.removeEntry(queued.seq));
        QCOMPARE(store.pendingCount(), 1);
    }

    // The advisor's view: server items with the waiting changes applied, fed to the model the
    // way RequestsService feeds it; rows change in place.
    void modelIsFedFromTheStore()
    {
        LocalStore store;
        QVERIFY(store.open(m_dir.filePath(u"model.sqlite"_s), key('a')));
        QVERIFY(store.applySync({booking(u"b-1"_s, u"pending"_s, 1, u"2026-12-01T09:00:00Z"_s),
                                 booking(u"b-2"_s, u"pending"_s, 2, u"2026-12-02T09:00:00Z"_s)},
                                {}, u"2"_s, true, QDateTime::currentDateTimeUtc()));
        Client::RequestsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy open(&model, &Client::RequestsModel::openCountChanged);
        model.setRequests(Client::Outbox::requestsWithPendingChanges(store));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.size(), 1); // the first fill: one reset
        QCOMPARE(model.openCount(), 2);

        // Confirmed offline: shown at once, before the server knows.
        LocalStore::OutboxEntry confirm =
            Client::Outbox::entryFor(store, "POST", u"/api/v1/bookings/b-1/confirm"_s, {});
        QVERIFY(store.enqueue(confirm));
        LocalStore::OutboxEntry move = Client::Outbox::entryFor(store, "POST", u"/api/v1/bookings/b-2/reschedule"_s,
                                                                {{u"start"_s, u"2026-12-04T13:00:00Z"_s}});
        QVERIFY(store.enqueue(move));
        model.setRequests(Client::Outbox::requestsWithPendingChanges(store));
        QCOMPARE(reset.size(), 1); // later changes are in place
        QCOMPARE(inserted.size(), 0);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.request(u"b-1"_s)->status, u"confirmed"_s);
        QCOMPARE(model.request(u"b-2"_s)->start, QDateTime(QDate(2026, 12, 4), QTime(13, 0), QTimeZone::utc()));
        QCOMPARE(model.request(u"b-2"_s)->end, QDateTime(QDate(2026, 12, 4), QTime(13, 45), QTimeZone::utc()));
        QCOMPARE(model.openCount(), 1);
        QCOMPARE(open.last().first().toInt(), 1);

        // The server refused the confirmation: dropping the entry restores what it had.
        QVERIFY(store.removeEntry(confirm.seq));
        model.setRequests(Client::Outbox::requestsWithPendingChanges(store));
        QCOMPARE(model.request(u"b-1"_s)->status, u"pending"_s);
        QCOMPARE(model.openCount(), 2);

        // A removal from the server takes the row away.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(store.applySync({}, {u"b-1"_s}, u"3"_s, false, QDateTime::currentDateTimeUtc()));
        model.setRequests(Client::Outbox::requestsWithPendingChanges(store));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "TestLocalStore.moc"
