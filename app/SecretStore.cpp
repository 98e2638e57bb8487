#include "app/SecretStore.h"

namespace Lotse::Client {

QString SecretStatus::userMessage() const
{
    switch (kind) {
    case Kind::Ok:
        return {};
    case Kind::NotFound:
        return tr("No saved sign-in was found on this computer.");
    case Kind::Unavailable:
        return tr("Lotse could not find a keychain on this computer, so it cannot store your keys there safely.");
    case Kind::Locked:
        return tr("The keychain is locked or access to it was refused. Please unlock your keychain and try again.");
    case Kind::WrongPassphrase:
        return tr("The passphrase is not correct.");
    case Kind::Damaged:
        return tr("The key file is damaged or was changed, so Lotse cannot open it.");
    case Kind::Failed:
        break;
    }
    return detail.isEmpty() ? tr("The keychain reported an error.")
                            : tr("The keychain reported an error: %1").arg(detail);
}

} // namespace Lotse::Client
