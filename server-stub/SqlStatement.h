#pragma once

#include "server-stub/JsonLog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <QList>

#include <initializer_list>
#include <optional>
#include <type_traits>
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

// The first row of a statement, read by `from` (a function of the QSqlQuery); nullopt when it
// failed or found nothing.
template<typename From>
auto firstRow(Sql &&q, From from) -> std::optional<std::invoke_result_t<From, const QSqlQuery &>>
{
    if (!q.ok || !q.query.next())
        return std::nullopt;
    return from(q.query);
}

// Every row of a statement, read by `from`; empty when it failed (logged by Sql).
template<typename From>
auto allRows(Sql &&q, From from) -> QList<std::invoke_result_t<From, const QSqlQuery &>>
{
    QList<std::invoke_result_t<From, const QSqlQuery &>> rows;
    while (q.ok && q.query.next())
        rows.append(from(q.query));
    return rows;
}

// How many rows an UPDATE or DELETE changed; -1 when it failed.
inline int changedRows(const Sql &q)
{
    return q.ok ? q.query.numRowsAffected() : -1;
}

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
