// Signed JSON and device registration (FORMAT.md section 9).
import { toBase64Url, fromBase64Url } from './base64url.mjs';
import { serialize } from './canonicaljson.mjs';
import { fail } from './errors.mjs';
import { bytesArg } from './bytes.mjs';
import { checkEncryptionPublicKey, checkSigningPublicKey, encryptionKeyPairFromSecretKey, SignatureBytes,
         signDetached, verifyDetached } from './keys.mjs';

export const DevicePurpose = 'lotse-device-v1';

// Section 9: every signed object has a member "purpose", a non-empty string (equal to the
// expected one when the verifier names it).
function hasPurpose(object, expected) {
    const purpose = object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, 'purpose')
        ? object.purpose : undefined;
    if (typeof purpose !== 'string' || purpose.length === 0)
        return false;
    return expected === undefined || purpose === expected;
}

// Ed25519 over the canonical bytes of a JSON object (signingKey: from signingKeyPairFromSeed).
// Throws InvalidJson (object outside the subset) or WrongPurpose (no non-empty string "purpose").
export function signCanonicalJson(signingKey, object) {
    const bytes = serialize(object);
    if (!hasPurpose(object, undefined))
        fail('WrongPurpose', 'a signed object needs a non-empty string "purpose"');
    return signDetached(signingKey, bytes);
}

// Throws, in FORMAT.md's order: InvalidJson (object outside the subset), InvalidKey (section 3's
// check), InvalidLength (signature not 64 bytes), WrongPurpose ("purpose" missing, not a
// non-empty string, or not expectedPurpose), BadSignature. Without expectedPurpose any non-empty
// string purpose passes; pass it to refuse a statement of another kind.
export function verifyCanonicalJson(publicKey, object, signature, expectedPurpose) {
    const bytes = serialize(object);
    const pk = checkSigningPublicKey(publicKey);
    const sig = bytesArg(signature, 'InvalidLength', 'signature');
    if (sig.length !== SignatureBytes)
        fail('InvalidLength', 'signature must be 64 bytes');
    if (expectedPurpose !== undefined && typeof expectedPurpose !== 'string')
        fail('WrongPurpose', 'expected purpose must be a string');
    if (!hasPurpose(object, expectedPurpose))
        fail('WrongPurpose', `signed object's purpose is not ${expectedPurpose === undefined ? 'a non-empty string' : expectedPurpose}`);
    verifyDetached(pk, bytes, sig);
}

function deviceStatement(x25519, ed25519) {
    return { ed25519: toBase64Url(ed25519), purpose: DevicePurpose, x25519: toBase64Url(x25519) };
}

// The registration a device sends: { ed25519, signature, x25519 }, all base64url.
// encryption: { publicKey } (or an X25519 secret key), signing: from signingKeyPairFromSeed.
export function signDeviceRegistration(encryption, signing) {
    const x = encryption instanceof Uint8Array ? encryptionKeyPairFromSecretKey(encryption).publicKey : encryption.publicKey;
    const ed = signing.publicKey;
    return { ed25519: toBase64Url(ed), signature: toBase64Url(signCanonicalJson(signing, deviceStatement(x, ed))),
             x25519: toBase64Url(x) };
}

const registrationMembers = ['ed25519', 'signature', 'x25519'];

// Checks a registration in FORMAT.md's order: shape and base64url (MalformedInput), keys
// (InvalidKey), signature length (InvalidLength), signature (BadSignature).
// Returns { x25519, ed25519, signature } as bytes.
export function verifyDeviceRegistration(registration) {
    if (registration === null || typeof registration !== 'object' || Array.isArray(registration))
        fail('MalformedInput', 'registration is not an object');
    const names = Object.keys(registration).sort();
    if (names.length !== 3 || names.some((n, i) => n !== registrationMembers[i]))
        fail('MalformedInput', 'registration needs exactly ed25519, signature and x25519');
    const decoded = {};
    for (const name of registrationMembers) {
        if (typeof registration[name] !== 'string')
            fail('MalformedInput', `${name} is not a string`);
        decoded[name] = fromBase64Url(registration[name]);
    }
    checkEncryptionPublicKey(decoded.x25519);
    checkSigningPublicKey(decoded.ed25519);
    if (decoded.signature.length !== 64)
        fail('InvalidLength', 'signature must be 64 bytes');
    verifyDetached(decoded.ed25519, serialize(deviceStatement(decoded.x25519, decoded.ed25519)), decoded.signature);
    return { x25519: decoded.x25519, ed25519: decoded.ed25519, signature: decoded.signature };
}
