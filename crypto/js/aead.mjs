// crypto_aead_xchacha20poly1305_ietf with our error names.
import { fail } from './errors.mjs';
import { guarded, lib } from './sodium.mjs';

export const KeyBytes = 32;
export const NonceBytes = 24;
export const TagBytes = 16;

export function aeadEncrypt(key, nonce, ad, plaintext) {
    if (key.length !== KeyBytes)
        fail('InvalidKey', 'key must be 32 bytes');
    if (nonce.length !== NonceBytes)
        fail('InvalidLength', 'nonce must be 24 bytes');
    return guarded('InvalidLength', () => lib().crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key));
}

export function aeadDecrypt(key, nonce, ad, ciphertext) {
    if (key.length !== KeyBytes)
        fail('InvalidKey', 'key must be 32 bytes');
    if (nonce.length !== NonceBytes || ciphertext.length < TagBytes)
        fail('InvalidLength', 'nonce or ciphertext too short');
    return guarded('AuthenticationFailed',
                   () => lib().crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key));
}
