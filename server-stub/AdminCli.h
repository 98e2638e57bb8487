#pragma once

#include "models/Clock.h"

#include <QStringList>

#include <cstdio>

namespace Lotse::Server {

class Store;

// `lotse-server --data-dir DIR admin ...`: organisations and advisor accounts, run against the
// store directly (safe while the server runs: SQLite WAL and a busy timeout). Passwords come from
// --password-file, a prompt with echo off on a terminal, or one line of stdin, never from the
// command line.
class AdminCli
{
public:
    enum ExitCode
    {
        Success = 0,
        Failure = 1,
        Usage = 2,
        NotFound = 3,
        AlreadyExists = 4
    };

    AdminCli(Store &store, const Models::Clock &clock, FILE *out = stdout, FILE *err = stderr);
    // `args` starts after "admin".
    [[nodiscard]] int run(const QStringList &args);
    [[nodiscard]] static QString usage();

private:
    int orgCreate(const QStringList &args);
    int advisorCreate(const QStringList &args);
    int advisorResetPassword(const QStringList &args);
    int advisorDisable(const QStringList &args);
    int advisorList(const QStringList &args);
    bool readPassword(const QString &passwordFile, bool confirm, QByteArray &password);
    int fail(int code, const QString &message);
    void print(const QString &message);

    Store &m_store;
    const Models::Clock &m_clock;
    FILE *m_out;
    FILE *m_err;
};

} // namespace Lotse::Server
