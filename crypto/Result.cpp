#include "crypto/Result.h"

using namespace Qt::StringLiterals;

namespace Lotse::Crypto {

QString errorString(Error error)
{
    switch (error) {
    case Error::NotInitialised:
        return u"the crypto library is not initialised"_s;
    case Error::SelfTestFailed:
        return u"a crypto self-test failed"_s;
    case Error::OutOfMemory:
        return u"out of secure memory"_s;
    case Error::InvalidKey:
        return u"invalid key"_s;
    case Error::InvalidLength:
        return u"invalid length"_s;
    case Error::MalformedInput:
        return u"malformed input"_s;
    case Error::UnsupportedVersion:
        return u"unsupported format version"_s;
    case Error::WrongPurpose:
        return u"made for another purpose or context"_s;
    case Error::AuthenticationFailed:
        return u"authentication failed (tampered data, wrong key or wrong context)"_s;
    case Error::NotARecipient:
        return u"this key is not a recipient"_s;
    case Error::Replayed:
        return u"replayed record or chunk"_s;
    case Error::OutOfOrder:
        return u"record or chunk out of order"_s;
    case Error::Truncated:
        return u"truncated input"_s;
    case Error::TrailingData:
        return u"data after the end of the stream"_s;
    case Error::TooLarge:
        return u"above the format's limits"_s;
    case Error::BadSignature:
        return u"bad signature"_s;
    case Error::InvalidJson:
        return u"JSON outside the canonical subset"_s;
    case Error::PasswordHashFailed:
        return u"password hashing failed"_s;
    }
    return u"unknown error"_s;
}

} // namespace Lotse::Crypto
