#include "app/ApiError.h"

using namespace Qt::StringLiterals;

namespace Lotse::Client {

QString ApiError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unreachable:
        return tr("The server could not be reached. Please check the server address and your internet connection.");
    case Kind::InsecureConnection:
        return tr("A secure connection to the server could not be established. Please check the server address or "
                  "ask your administrator.");
    case Kind::InvalidAddress:
        return tr("The server address is not valid. It should look like https://beratung.example.org.");
    case Kind::InvalidCredentials:
        return tr("The user name or password is not correct.");
    case Kind::TotpRequired:
        return tr("Please enter the six-digit security code from your authenticator app.");
    case Kind::TotpInvalid:
        return tr("The security code is not correct or has expired. Please enter the current code.");
    case Kind::AccountDisabled:
        return tr("This account has been disabled. Please contact your organisation's administrator.");
    case Kind::RateLimited: {
        const int minutes = qMax(1, (retryAfterSeconds + 59) / 60);
        return tr("Too many sign-in attempts. Please try again in %n minute(s).", nullptr, minutes);
    }
    case Kind::SessionExpired:
        return tr("Your session has expired. Please sign in again.");
    case Kind::NotSignedIn:
        return tr("You are no longer signed in. Please sign in again.");
    case Kind::KeyInUse:
        return tr("This device's keys are already registered to another advisor. Please contact your administrator.");
    case Kind::InvalidResponse:
        return tr("The server gave an answer Lotse does not understand. Is this the right server address?");
    case Kind::ServerProblem:
        return tr("The server has a problem right now (error %1). Please try again later.").arg(httpStatus);
    case Kind::Other:
        break;
    }
    if (!serverMessage.isEmpty())
        return tr("The server refused the request: %1").arg(serverMessage);
    return tr("The server refused the request (error %1).").arg(code.isEmpty() ? QString::number(httpStatus) : code);
}

} // namespace Lotse::Client
