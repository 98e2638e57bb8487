// Lotse crypto, browser twin of lotse_crypto (crypto/FORMAT.md). Await init() once, then call.
export { init, isInitialised } from './sodium.mjs';
export { ErrorCode, errorNames, LotseCryptoError, isLotseCryptoError } from './errors.mjs';
export { constantTimeEqual, fromHex, toHex } from './bytes.mjs';
export { fromBase64Url, generateToken, toBase64Url, tokensEqual, TokenBytes } from './base64url.mjs';
export { checkEncryptionPublicKey, checkSigningPublicKey, encryptionKeyPairFromSecretKey, fingerprint,
         generateEncryptionKeyPair, generateSigningKeyPair, keyId, signDetached, signingKeyPairFromSeed,
         verifyDetached } from './keys.mjs';
export { MaxRecordPlaintext, openRecord, peekRecord, RecordPurpose, sealRecord } from './record.mjs';
export { ReplayGuard } from './replay.mjs';
export { MaxRecipients, openSealed, sealContext, SealPurpose, sealedRecipientKeyIds, sealToRecipients } from './sealed.mjs';
export { createFileStreamWriter, decryptFile, DefaultChunkSize, encryptFile, FileStreamReader,
         FileStreamWriter } from './filestream.mjs';
export * as CanonicalJson from './canonicaljson.mjs';
export { DevicePurpose, signCanonicalJson, signDeviceRegistration, verifyCanonicalJson,
         verifyDeviceRegistration } from './signature.mjs';
export { deriveSubkey, KdfContext, videoFrameKey } from './kdf.mjs';
export { shortAuthenticationCode } from './sas.mjs';
