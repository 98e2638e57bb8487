// Schema migrations with before/after fixtures: a version-1 database with data (data/schema-v1.sql)
// migrates to the latest version, keeps every row, and ends with exactly the schema in
// data/schema-latest.txt, the same schema a fresh database gets.
#include "server-stub/Migrations.h"
#include "server-stub/Store.h"

#include "tests/support/TempDir.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;
using namespace Lotse::Tests;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LOTSE_SERVER_TEST_DATA) + u'/' + name;
}

bool loadSql(Store &store, const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QStringList statements = QString::fromUtf8(in.readAll()).split(u";\n"_s);
    for (QString statement : statements) {
        QStringList lines = statement.split(u'\n');
        lines.removeIf([](const QString &line) { return line.startsWith(u"--"_s); });
        statement = lines.join(u'\n').trimmed();
        if (statement.isEmpty())
            continue;
        QSqlQuery q(store.database());
        if (!q.exec(statement)) {
            qWarning() << statement << q.lastError().text();
            return false;
        }
    }
    return true;
}

// sqlite_master as text, one object a line, sorted: what the schema is, independent of order.
QString schemaOf(const Store &store)
{
    QStringList lines;
    QSqlQuery q(u"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                "ORDER BY type, name"_s,
                store.database());
    while (q.next())
        lines << u"%1 %2 ON %3: %4"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                          q.value(3).toString());
    return lines.join(u'\n') + u'\n';
}

qint64 count(const Store &store, const QString &table)
{
    QSqlQuery q(u"SELECT COUNT(*) FROM "_s + table, store.database());
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestStoreMigrations : public QObject
{
    Q_OBJECT

private slots:
    void connectionSettings()
    {
        TempDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(u"db.sqlite"_s)));
        const auto pragma = [&](const QString &name) {
            QSqlQuery q(u"PRAGMA "_s + name, store.database());
            return q.next() ? q.value(0).toString() : QString();
        };
        QCOMPARE(pragma(u"journal_mode"_s), u"wal"_s);
        QCOMPARE(pragma(u"synchronous"_s), u"2"_s); // FULL
        QCOMPARE(pragma(u"foreign_keys"_s), u"1"_s);
        QCOMPARE(pragma(u"busy_timeout"_s), u"5000"_s);
    }

    void freshDatabase()
    {
        TempDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(u"db.sqlite"_s)));
        QCOMPARE(store.schemaVersion(), 0);
        QString error;
        QVERIFY2(store.migrate(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        QFile expected(fixture(u"schema-latest.txt"_s));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(schemaOf(store), QString::fromUtf8(expected.readAll()));
        // Migrating again changes nothing.
        QVERIFY(store.migrate(&error));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
    }

    void fromVersion1WithData()
    {
        TempDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(u"db.sqlite"_s)));
        QVERIFY(loadSql(store, fixture(u"schema-v1.sql"_s)));
        QCOMPARE(store.schemaVersion(), 1);

        QString error;
        QVERIFY2(store.migrate(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        QFile expected(fixture(u"schema-latest.txt"_s));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(schemaOf(store), QString::fromUtf8(expected.readAll()));

        // Every row survived, with its values; new columns have their defaults.
        QCOMPARE(count(store, u"organisations"_s), 2);
        QCOMPARE(count(store, u"advisors"_s), 2);
        QCOMPARE(count(store, u"sessions"_s), 1);
        QCOMPARE(count(store, u"devices"_s), 0);
        const auto org = store.organisationBySlug(u"obrien"_s);
        QVERIFY(org);
        QCOMPARE(org->name, u"O'Brien & Söhne"_s);
        const auto anna = store.advisorByUsername(u"anna@demo.example"_s);
        QVERIFY(anna);
        QCOMPARE(anna->displayName, u"Anna Beispiel"_s);
        QCOMPARE(anna->organisation.slug, u"demo"_s);
        QVERIFY(anna->passwordHash.startsWith("$argon2id$"));
        QVERIFY(anna->totpSecret.isEmpty());
        QCOMPARE(anna->totpLastStep, 0);
        QVERIFY(store.advisorByUsername(u"ben@obrien.example"_s)->disabled);
        const auto session =
            store.sessionByTokenHash(u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s);
        QVERIFY(session);
        QCOMPARE(session->advisorId, anna->id);
        QCOMPARE(session->lastUsedAt, 1790000500);
        QCOMPARE(session->expiresAt, 1792592400);

        // The migrated store works with the new tables.
        DeviceRecord device{u"d0000000-0000-4000-8000-000000000001"_s,
                            anna->id,
                            anna->organisation.id,
                            u"PC"_s,
                            u"x"_s,
                            u"e"_s,
                            u"s"_s,
                            u"k"_s,
                            1790000600,
                            std::nullopt};
        QVERIFY(store.insertDevice(device));
        QCOMPARE(store.activeDevicesOfOrganisation(anna->organisation.id).size(), 1);
    }

    void failedMigrationRollsBack()
    {
        TempDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(u"db.sqlite"_s)));
        QVERIFY(loadSql(store, fixture(u"schema-v1.sql"_s)));
        // A table in the way of migration 2 makes it fail part-way; nothing of it may remain.
        QSqlQuery q(store.database());
        QVERIFY(q.exec(u"CREATE TABLE devices (id TEXT)"_s));
        QString error;
        QVERIFY(!store.migrate(&error));
        QVERIFY(error.contains(u"migration 2"_s));
        QCOMPARE(store.schemaVersion(), 1);
        QSqlQuery columns(u"SELECT COUNT(*) FROM pragma_table_info('advisors') WHERE name = 'totp_secret'"_s,
                          store.database());
        QVERIFY(columns.next());
        QCOMPARE(columns.value(0).toInt(), 0);
    }

    void refusesANewerDatabase()
    {
        TempDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(u"db.sqlite"_s)));
        QVERIFY(store.migrate());
        QSqlQuery q(store.database());
        QVERIFY(q.exec(u"UPDATE schema_version SET version = %1"_s.arg(latestSchemaVersion() + 1)));
        QString error;
        QVERIFY(!store.migrate(&error));
        QVERIFY(error.contains(u"newer"_s));
    }

    // Numbers increase; a gap is allowed (branches reserve numbers: issue 6 took 7 while 6 was
    // issue 5's), and the runner steps over it.
    void migrationsAreNumberedInOrder()
    {
        QCOMPARE(migrations().constFirst().version, 1);
        int previous = 0;
        for (const Migration &migration : migrations()) {
            QVERIFY2(migration.version > previous, qPrintable(u"migration %1"_s.arg(migration.version)));
            previous = migration.version;
        }
    }

    // A database at a version before the gap migrates across it, with every later step applied once.
    void migratesAcrossAGap()
    {
        int beforeGap = 0;
        int previous = 0;
        for (const Migration &migration : migrations()) {
            if (migration.version > previous + 1 && beforeGap == 0)
                beforeGap = previous;
            previous = migration.version;
        }
        if (beforeGap == 0)
            QSKIP("no gap in the migration numbers any more");
        TempDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(u"db.sqlite"_s)));
        // Apply the migrations up to the gap by hand, as an older server would have.
        QSqlQuery q(store.database());
        QVERIFY(q.exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s));
        QVERIFY(q.exec(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(beforeGap)));
        for (const Migration &migration : migrations()) {
            if (migration.version > beforeGap)
                break;
            for (const QString &sql : migration.statements)
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
        QCOMPARE(store.schemaVersion(), beforeGap);
        QString error;
        QVERIFY2(store.migrate(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        QFile expected(fixture(u"schema-latest.txt"_s));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(schemaOf(store), QString::fromUtf8(expected.readAll()));
    }
};

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "TestStoreMigrations.moc"
