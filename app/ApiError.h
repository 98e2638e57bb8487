#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace Lotse::Client {

// What went wrong when talking to the server, sorted into the cases a counsellor can act on.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(Lotse::Client::ApiError)

public:
    enum class Kind
    {
        None,
        Unreachable,        // no connection, DNS failure, timeout
        InsecureConnection, // TLS handshake or certificate failed
        InvalidAddress,     // the server address is not a usable URL
        InvalidCredentials,
        TotpRequired,
        TotpInvalid,
        AccountDisabled,
        RateLimited,
        SessionExpired,
        NotSignedIn,
        KeyInUse,
        InvalidResponse, // answered, but not with what API.md promises
        ServerProblem,   // 5xx
        Other,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;          // the server's snake_case code, when it sent one
    QString serverMessage; // the server's sentence, when it sent one
    int retryAfterSeconds = 0;
    QMap<QString, QString> fields; // validation errors: field path ("weekly.mon[1].end") -> what is wrong

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    // A sentence for the advisor; technical codes only ever appear next to words.
    [[nodiscard]] QString userMessage() const;

    [[nodiscard]] static ApiError fromKind(Kind kind)
    {
        ApiError error;
        error.kind = kind;
        return error;
    }
};

} // namespace Lotse::Client
