// Error names of FORMAT.md section 14. Every failure throws a LotseCryptoError whose `code` is
// one of these strings, exactly as the C++ library names them.

export const ErrorCode = Object.freeze({
    NotInitialised: 'NotInitialised',
    SelfTestFailed: 'SelfTestFailed',
    OutOfMemory: 'OutOfMemory',
    InvalidKey: 'InvalidKey',
    InvalidLength: 'InvalidLength',
    MalformedInput: 'MalformedInput',
    UnsupportedVersion: 'UnsupportedVersion',
    WrongPurpose: 'WrongPurpose',
    AuthenticationFailed: 'AuthenticationFailed',
    NotARecipient: 'NotARecipient',
    Replayed: 'Replayed',
    OutOfOrder: 'OutOfOrder',
    Truncated: 'Truncated',
    TrailingData: 'TrailingData',
    TooLarge: 'TooLarge',
    BadSignature: 'BadSignature',
    InvalidJson: 'InvalidJson',
    PasswordHashFailed: 'PasswordHashFailed',
});

export const errorNames = Object.freeze(Object.keys(ErrorCode));

export class LotseCryptoError extends Error {
    constructor(code, message) {
        super(message ? `${code}: ${message}` : code);
        this.name = 'LotseCryptoError';
        this.code = code;
    }
}

export function fail(code, message) {
    throw new LotseCryptoError(code, message);
}

export function isLotseCryptoError(error, code) {
    return error instanceof LotseCryptoError && (code === undefined || error.code === code);
}
