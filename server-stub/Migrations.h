#pragma once

#include <QList>
#include <QStringList>

namespace Lotse::Server {

// One numbered schema step. Statements are portable SQL (SQLite now, PostgreSQL later): TEXT ids,
// BIGINT epoch seconds, INTEGER 0/1 flags, no AUTOINCREMENT, no SQLite-only types.
struct Migration
{
    int version;
    QStringList statements;
};

// Every migration, in increasing order (numbers may skip one: branches reserve numbers); the
// last one's version is the schema the code expects.
[[nodiscard]] const QList<Migration> &migrations();
[[nodiscard]] int latestSchemaVersion();

} // namespace Lotse::Server
