// The browser's own key pair (IndexedDB) and sealing of personal fields to every active advisor
// device of the organisation (crypto/FORMAT.md sections 6 and 8, through the crypto twin).
// Loaded only when the visitor sends something, so the first page load stays small.
import { init } from 'lotse-crypto/sodium.mjs';
import { generateEncryptionKeyPair, encryptionKeyPairFromSecretKey } from 'lotse-crypto/keys.mjs';
import { SealPurpose, sealToRecipients } from 'lotse-crypto/sealed.mjs';
import { serialize } from 'lotse-crypto/canonicaljson.mjs';
import { fromBase64Url, toBase64Url } from 'lotse-crypto/base64url.mjs';
import { verifyDeviceRegistration } from 'lotse-crypto/signature.mjs';

const dbName = 'lotse';
const storeName = 'keys';
const keyName = 'browser-x25519';

function openDb() {
    return new Promise((resolve, reject) => {
        const open = indexedDB.open(dbName, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(storeName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
    });
}

function transact(db, mode, work) {
    return new Promise((resolve, reject) => {
        const tx = db.transaction(storeName, mode);
        const result = work(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(result.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
    });
}

// The browser's X25519 key pair; made on first use and kept in IndexedDB (never sent anywhere but
// its public half).
export async function browserKeyPair() {
    await init();
    const db = await openDb();
    try {
        const stored = await transact(db, 'readonly', (s) => s.get(keyName));
        if (stored instanceof Uint8Array && stored.length === 32)
            return encryptionKeyPairFromSecretKey(stored);
        const pair = generateEncryptionKeyPair();
        await transact(db, 'readwrite', (s) => s.put(pair.secretKey, keyName));
        return pair;
    } finally {
        db.close();
    }
}

// The stored key pair, or null when this browser never made one (the link was opened on another
// device): the room page must not make a new key, which could not read anything.
export async function storedBrowserKeyPair() {
    await init();
    const stored = await idbGet(keyName);
    return stored instanceof Uint8Array && stored.length === 32 ? encryptionKeyPairFromSecretKey(stored) : null;
}

// Other small values next to the browser key (room keys per epoch, the participants seen per room).
export async function idbGet(name) {
    const db = await openDb();
    try {
        return await transact(db, 'readonly', (s) => s.get(name));
    } finally {
        db.close();
    }
}

export async function idbPut(name, value) {
    const db = await openDb();
    try {
        await transact(db, 'readwrite', (s) => s.put(value, name));
    } finally {
        db.close();
    }
}

// devices: [{x25519, ed25519, signature}] from GET /api/v1/public/orgs/{slug}/devices. Devices
// whose self-signature does not verify are left out; none left is an error.
export async function sealFields(devices, context, fields) {
    await init();
    const recipients = [];
    for (const device of devices) {
        try {
            const checked = verifyDeviceRegistration({ ed25519: device.ed25519, signature: device.signature,
                                                       x25519: device.x25519 });
            recipients.push(checked.x25519);
        } catch {
            // a device the page cannot trust gets nothing
        }
    }
    if (recipients.length === 0)
        throw new Error('no_devices');
    const plain = {};
    for (const [name, value] of Object.entries(fields)) {
        if (typeof value === 'string' && value.trim() !== '')
            plain[name] = value.trim();
    }
    return toBase64Url(sealToRecipients(recipients, SealPurpose.BookingFields, context, serialize(plain)));
}

export { fromBase64Url, toBase64Url };
