#pragma once

#include "server-stub/JsonLog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace Lotse::Server {

// A prepared statement that runs at once and logs its failure (the statement, never the values);
// `ok` tells whether it ran. Shared by the stores so that every query binds and fails the same way.
struct Sql
{
    QSqlQuery query;
    bool ok = false;

    Sql(const QSqlDatabase &db, const QString &sql, std::initializer_list<std::pair<QString, QVariant>> binds)
        : query(db)
    {
        if (query.prepare(sql)) {
            for (const auto &[name, value] : binds)
                query.bindValue(name, value);
            ok = query.exec();
        }
        if (!ok)
            JsonLog::error(QStringLiteral("sql_error"),
                           {{QStringLiteral("sql"), sql}, {QStringLiteral("error"), query.lastError().text()}});
    }
};

// The named connection of the Store the caller was made for (not opened again).
inline QSqlDatabase sqlConnection(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

// Commits; a failed commit is logged and rolled back.
inline bool commitOrRollBack(QSqlDatabase db)
{
    if (db.commit())
        return true;
    JsonLog::error(QStringLiteral("sql_commit_failed"), {{QStringLiteral("error"), db.lastError().text()}});
    db.rollback();
    return false;
}

// A NOT NULL text column: a null QString is stored as "".
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// A text column that is NULL when empty.
inline QVariant nullableText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

} // namespace Lotse::Server
