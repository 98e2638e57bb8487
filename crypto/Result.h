#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Lotse::Crypto {

// Every way a crypto operation can fail. Each failure is specific so that callers and tests can
// tell a tampered record from a wrong key from a truncated stream.
enum class Error
{
    NotInitialised,
    SelfTestFailed,
    OutOfMemory,
    InvalidKey,           // wrong length or not a valid point/key
    InvalidLength,        // a field or the whole input has an impossible length
    MalformedInput,       // bytes that do not parse as the format (bad base64, bad JSON, ...)
    UnsupportedVersion,   // version byte Lotse does not know
    WrongPurpose,         // envelope made for another purpose/context
    AuthenticationFailed, // MAC/tag check failed: tampered, wrong key or wrong associated data
    NotARecipient,        // a sealed envelope does not name this key
    Replayed,             // a record or chunk seen before
    OutOfOrder,           // a chunk or record arrived out of sequence
    Truncated,            // a stream ended without its final tag, or input stops early
    TrailingData,         // bytes after the final tag
    TooLarge,             // above the format's limits
    BadSignature,         // Ed25519 verification failed
    InvalidJson,          // JSON outside the canonical subset (floats, duplicate keys, ...)
    PasswordHashFailed,   // Argon2id could not run (memory)
};

[[nodiscard]] QString errorString(Error error);

// A value or a specific error; never a silent empty buffer.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_state(std::in_place_index<1>, error)
    {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    Error error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing but can fail.
struct Ok
{
};
using Status = Result<Ok>;

} // namespace Lotse::Crypto
