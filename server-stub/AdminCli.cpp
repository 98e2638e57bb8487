#include "server-stub/AdminCli.h"

#include "server-stub/RequestValidator.h"
#include "server-stub/Store.h"

#include "crypto/Password.h"

#include <QDateTime>
#include <QFile>
#include <QHash>

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

namespace {

constexpr qsizetype minPasswordLength = 8;
constexpr qsizetype maxPasswordLength = 1024;

// --name value pairs; false on anything else (a stray word, a missing value, a repeated or
// unexpected option).
bool parseOptions(const QStringList &args, const QStringList &allowed, QHash<QString, QString> &options, QString *error)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith("--"_L1) || !allowed.contains(arg.mid(2))) {
            *error = u"unexpected argument: %1"_s.arg(arg);
            return false;
        }
        if (i + 1 >= args.size()) {
            *error = u"%1 needs a value"_s.arg(arg);
            return false;
        }
        if (options.contains(arg.mid(2))) {
            *error = u"%1 given twice"_s.arg(arg);
            return false;
        }
        options.insert(arg.mid(2), args.at(++i));
    }
    return true;
}

QByteArray firstLine(const QByteArray &data)
{
    QByteArray line = data.left(data.indexOf('\n') < 0 ? data.size() : data.indexOf('\n'));
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

QByteArray promptHidden(const char *prompt)
{
    // Echo goes off before the prompt appears, so nothing typed after the prompt is ever shown
    // (and TCSAFLUSH cannot discard it).
    termios saved{};
    const bool haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    std::string line;
    std::getline(std::cin, line);
    if (haveTerminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    QByteArray result(line.data(), qsizetype(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return firstLine(result);
}

} // namespace

AdminCli::AdminCli(Store &store, const Models::Clock &clock, FILE *out, FILE *err)
    : m_store(store)
    , m_clock(clock)
    , m_out(out)
    , m_err(err)
{}

QString AdminCli::usage()
{
    return u"Usage: lotse-server --data-dir DIR admin COMMAND\n"
           "  org create --slug SLUG --name NAME\n"
           "  advisor create --org SLUG --username USER --display-name NAME [--password-file FILE]\n"
           "  advisor reset-password --username USER [--password-file FILE]\n"
           "  advisor disable --username USER\n"
           "  advisor list --org SLUG\n"
           "Without --password-file the password is asked for (no echo) on a terminal, or read as one line\n"
           "from standard input. Exit codes: 0 done, 1 failure, 2 usage or invalid value, 3 not found,\n"
           "4 already exists.\n"_s;
}

void AdminCli::print(const QString &message)
{
    std::fputs((message + u'\n').toUtf8().constData(), m_out);
    std::fflush(m_out);
}

int AdminCli::fail(int code, const QString &message)
{
    std::fputs((u"lotse-server: "_s + message + u'\n').toUtf8().constData(), m_err);
    if (code == Usage)
        std::fputs(usage().toUtf8().constData(), m_err);
    std::fflush(m_err);
    return code;
}

int AdminCli::run(const QStringList &args)
{
    if (args.size() < 2)
        return fail(Usage, u"admin needs a command"_s);
    const QString command = args.at(0) + u' ' + args.at(1);
    const QStringList rest = args.mid(2);
    if (command == "org create"_L1)
        return orgCreate(rest);
    if (command == "advisor create"_L1)
        return advisorCreate(rest);
    if (command == "advisor reset-password"_L1)
        return advisorResetPassword(rest);
    if (command == "advisor disable"_L1)
        return advisorDisable(rest);
    if (command == "advisor list"_L1)
        return advisorList(rest);
    return fail(Usage, u"unknown admin command: %1"_s.arg(command));
}

bool AdminCli::readPassword(const QString &passwordFile, bool confirm, QByteArray &password)
{
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(Failure, u"cannot read the password file %1: %2"_s.arg(passwordFile, file.errorString()));
            return false;
        }
        password = firstLine(file.read(maxPasswordLength + 2));
    } else if (isatty(STDIN_FILENO)) {
        password = promptHidden("Password: ");
        if (confirm && promptHidden("Repeat the password: ") != password) {
            fail(Usage, u"the passwords do not match"_s);
            return false;
        }
    } else {
        std::string line;
        std::getline(std::cin, line);
        password = firstLine(QByteArray(line.data(), qsizetype(line.size())));
    }
    if (password.size() < minPasswordLength || password.size() > maxPasswordLength) {
        fail(Usage, u"the password must have %1 to %2 bytes"_s.arg(minPasswordLength).arg(maxPasswordLength));
        return false;
    }
    if (!QUtf8StringView(password).isValidUtf8()) {
        fail(Usage, u"the password is not valid UTF-8"_s);
        return false;
    }
    return true;
}

int AdminCli::orgCreate(const QStringList &args)
{
    QHash<QString, QString> o;
    QString error;
    if (!parseOptions(args, {u"slug"_s, u"name"_s}, o, &error))
        return fail(Usage, error);
    if (!o.contains(u"slug"_s) || !o.contains(u"name"_s))
        return fail(Usage, u"org create needs --slug and --name"_s);
    const QString slug = o.value(u"slug"_s);
    const QString name = o.value(u"name"_s).trimmed();
    if (!RequestValidator::isValidSlug(slug))
        return fail(Usage, u"the slug must be 1 to 63 lower-case letters, digits and inner hyphens: %1"_s.arg(slug));
    if (!RequestValidator::isValidDisplayName(name))
        return fail(Usage, u"the name must be 1 to 200 characters without control characters"_s);
    QString id;
    switch (m_store.createOrganisation(slug, name, m_clock.now().toSecsSinceEpoch(), &id)) {
    case StoreResult::Ok:
        print(u"Created organisation %1 (%2), id %3"_s.arg(slug, name, id));
        return Success;
    case StoreResult::Conflict:
        return fail(AlreadyExists, u"an organisation with the slug %1 exists already"_s.arg(slug));
    default:
        return fail(Failure, u"the organisation could not be saved"_s);
    }
}

int AdminCli::advisorCreate(const QStringList &args)
{
    QHash<QString, QString> o;
    QString error;
    if (!parseOptions(args, {u"org"_s, u"username"_s, u"display-name"_s, u"password-file"_s}, o, &error))
        return fail(Usage, error);
    if (!o.contains(u"org"_s) || !o.contains(u"username"_s) || !o.contains(u"display-name"_s))
        return fail(Usage, u"advisor create needs --org, --username and --display-name"_s);
    const QString username = RequestValidator::normalizeUsername(o.value(u"username"_s));
    const QString displayName = o.value(u"display-name"_s).trimmed();
    if (!RequestValidator::isValidUsername(username))
        return fail(Usage, u"the user name may hold letters, digits and . _ % + @ - (at most 254): %1"_s.arg(
                               o.value(u"username"_s)));
    if (!RequestValidator::isValidDisplayName(displayName))
        return fail(Usage, u"the display name must be 1 to 200 characters without control characters"_s);
    const auto org = m_store.organisationBySlug(o.value(u"org"_s));
    if (!org)
        return fail(NotFound, u"there is no organisation %1"_s.arg(o.value(u"org"_s)));
    if (m_store.advisorByUsername(username))
        return fail(AlreadyExists, u"the user name %1 is taken"_s.arg(username));
    QByteArray password;
    if (!readPassword(o.value(u"password-file"_s), true, password))
        return Usage;
    const auto hash = Crypto::PasswordHash::hash(password);
    password.fill('\0');
    if (!hash)
        return fail(Failure, u"the password could not be hashed: %1"_s.arg(Crypto::errorString(hash.error())));
    QString id;
    switch (m_store.createAdvisor(org->id, username, displayName, *hash, m_clock.now().toSecsSinceEpoch(), &id)) {
    case StoreResult::Ok:
        print(u"Created advisor %1 (%2) in %3, id %4"_s.arg(username, displayName, org->slug, id));
        return Success;
    case StoreResult::Conflict:
        return fail(AlreadyExists, u"the user name %1 is taken"_s.arg(username));
    default:
        return fail(Failure, u"the advisor could not be saved"_s);
    }
}

int AdminCli::advisorResetPassword(const QStringList &args)
{
    QHash<QString, QString> o;
    QString error;
    if (!parseOptions(args, {u"username"_s, u"password-file"_s}, o, &error))
        return fail(Usage, error);
    if (!o.contains(u"username"_s))
        return fail(Usage, u"advisor reset-password needs --username"_s);
    const auto advisor = m_store.advisorByUsername(RequestValidator::normalizeUsername(o.value(u"username"_s)));
    if (!advisor)
        return fail(NotFound, u"there is no advisor %1"_s.arg(o.value(u"username"_s)));
    QByteArray password;
    if (!readPassword(o.value(u"password-file"_s), true, password))
        return Usage;
    const auto hash = Crypto::PasswordHash::hash(password);
    password.fill('\0');
    if (!hash)
        return fail(Failure, u"the password could not be hashed: %1"_s.arg(Crypto::errorString(hash.error())));
    // A new password ends every session that the old one opened.
    if (!m_store.setPasswordHash(advisor->id, *hash) || !m_store.deleteSessionsOfAdvisor(advisor->id))
        return fail(Failure, u"the password could not be saved"_s);
    print(u"New password set for %1; their sessions have ended"_s.arg(advisor->username));
    return Success;
}

int AdminCli::advisorDisable(const QStringList &args)
{
    QHash<QString, QString> o;
    QString error;
    if (!parseOptions(args, {u"username"_s}, o, &error))
        return fail(Usage, error);
    if (!o.contains(u"username"_s))
        return fail(Usage, u"advisor disable needs --username"_s);
    const auto advisor = m_store.advisorByUsername(RequestValidator::normalizeUsername(o.value(u"username"_s)));
    if (!advisor)
        return fail(NotFound, u"there is no advisor %1"_s.arg(o.value(u"username"_s)));
    if (!m_store.setDisabled(advisor->id, true))
        return fail(Failure, u"the advisor could not be disabled"_s);
    print(u"Disabled %1 and ended their sessions"_s.arg(advisor->username));
    return Success;
}

int AdminCli::advisorList(const QStringList &args)
{
    QHash<QString, QString> o;
    QString error;
    if (!parseOptions(args, {u"org"_s}, o, &error))
        return fail(Usage, error);
    if (!o.contains(u"org"_s))
        return fail(Usage, u"advisor list needs --org"_s);
    const auto org = m_store.organisationBySlug(o.value(u"org"_s));
    if (!org)
        return fail(NotFound, u"there is no organisation %1"_s.arg(o.value(u"org"_s)));
    print(u"USERNAME\tDISPLAY NAME\tSTATUS\tTOTP"_s);
    const auto advisors = m_store.advisorsOfOrganisation(org->id);
    for (const AdvisorRecord &a : advisors) {
        print(u"%1\t%2\t%3\t%4"_s.arg(a.username, a.displayName, a.disabled ? u"disabled"_s : u"active"_s,
                                      a.totpSecret.isEmpty() ? u"off"_s : u"on"_s));
    }
    return Success;
}

} // namespace Lotse::Server
