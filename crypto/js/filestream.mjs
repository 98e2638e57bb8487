// File stream (FORMAT.md section 7): crypto_secretstream_xchacha20poly1305 in fixed-size chunks
// behind a header that binds version, chunk size, total size and file id.
import { ascii, bytesArg, concat, equalBytes, readU32, readU64, short, u32, u64, u64Arg, u8, utf8, wipe } from './bytes.mjs';
import { fail, LotseCryptoError } from './errors.mjs';
import { guarded, lib, releaseState } from './sodium.mjs';

export const FileStreamVersion = 1;
export const DefaultChunkSize = 65536;
export const MinChunkSize = 1024;
export const MaxChunkSize = 4194304;
export const MaxTotalSize = 2 ** 40;
export const FileKeyBytes = 32;
const StreamHeaderBytes = 24;
const ABytes = 17;
const FixedHeaderBytes = 14;
const TAG_MESSAGE = 0;
const TAG_FINAL = 3;
const adDomain = ascii('lotse-file-v1');
const constructToken = Symbol('FileStreamWriter');

function keyArg(key) {
    const k = bytesArg(key, 'InvalidKey', 'file key');
    if (k.length !== FileKeyBytes)
        fail('InvalidKey', 'file key must be 32 bytes');
    return k;
}

function fileIdArg(fileId) {
    const id = typeof fileId === 'string' ? utf8(fileId, 'InvalidLength') : bytesArg(fileId, 'InvalidLength', 'file id');
    if (id.length === 0 || id.length > 255)
        fail('InvalidLength', 'file id must be 1..255 bytes');
    return id;
}

function chunkCountFor(totalSize, chunkSize) {
    return totalSize === 0 ? 1 : Math.ceil(totalSize / chunkSize);
}

export class FileStreamWriter {
    #state = null;
    #header;
    #ad;
    #pending = [];
    #pendingSize = 0;
    #totalSize;
    #pushed = 0;
    #chunkSize;
    #chunkCount;
    #index = 0;
    #finished = false;
    #omitFinalTag = false;

    // Use createFileStreamWriter(); the constructor takes validated arguments only from there.
    constructor(token, key, fileId, totalSize, chunkSize, streamHeader, options) {
        if (token !== constructToken)
            fail('MalformedInput', 'use createFileStreamWriter()');
        const sodium = lib();
        this.#header = concat(u8(FileStreamVersion), u32(chunkSize), u64(totalSize), short(fileId));
        this.#ad = concat(adDomain, this.#header);
        // init_pull derives the state init_push would have made from this header.
        this.#state = guarded('InvalidKey', () => sodium.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, key));
        this.#header = concat(this.#header, streamHeader);
        this.#totalSize = totalSize;
        this.#chunkSize = chunkSize;
        this.#chunkCount = chunkCountFor(totalSize, chunkSize);
        this.#omitFinalTag = !!(options && options.omitFinalTag);
    }

    // Everything before chunk 0; send it first.
    get header() {
        return Uint8Array.from(this.#header);
    }

    #sealChunk(plaintext, last) {
        const tag = last && !this.#omitFinalTag ? TAG_FINAL : TAG_MESSAGE;
        const c = lib().crypto_secretstream_xchacha20poly1305_push(this.#state, plaintext, this.#ad, tag);
        return concat(u32(this.#index++), c);
    }

    // The chunks this plaintext completes (possibly none). TooLarge past the declared size.
    push(plaintext) {
        if (this.#finished)
            fail('MalformedInput', 'writer already finished');
        const pt = bytesArg(plaintext, 'InvalidLength', 'plaintext');
        if (pt.length > this.#totalSize - this.#pushed)
            fail('TooLarge', 'more plaintext than declared');
        this.#pushed += pt.length;
        this.#pending.push(Uint8Array.from(pt));
        this.#pendingSize += pt.length;
        const out = [];
        // Every chunk but the last is full; the last goes out in finish() with the final tag.
        if (this.#pendingSize >= this.#chunkSize && this.#index + 1 < this.#chunkCount) {
            let buffer = concat(...this.#pending);
            this.#pending.forEach(wipe);
            let offset = 0;
            while (buffer.length - offset >= this.#chunkSize && this.#index + 1 < this.#chunkCount) {
                out.push(this.#sealChunk(buffer.subarray(offset, offset + this.#chunkSize), false));
                offset += this.#chunkSize;
            }
            const rest = Uint8Array.from(buffer.subarray(offset));
            wipe(buffer);
            this.#pending = [rest];
            this.#pendingSize = rest.length;
        }
        return concat(...out);
    }

    // The last chunk. InvalidLength when fewer bytes were pushed than declared.
    finish() {
        if (this.#finished)
            fail('MalformedInput', 'writer already finished');
        if (this.#pushed !== this.#totalSize)
            fail('InvalidLength', 'less plaintext than declared');
        this.#finished = true;
        const last = concat(...this.#pending);
        this.#pending.forEach(wipe);
        this.#pending = [];
        try {
            return this.#sealChunk(last, true);
        } finally {
            wipe(last);
            releaseState(this.#state);
            this.#state = null;
        }
    }
}

function writerArgs(fileKey, fileId, totalSize, chunkSize) {
    const key = keyArg(fileKey);
    const id = fileIdArg(fileId);
    if (!Number.isInteger(chunkSize) || chunkSize < MinChunkSize || chunkSize > MaxChunkSize)
        fail('InvalidLength', 'chunk size out of range');
    const total = u64Arg(totalSize, 'TooLarge', 'total size');
    if (total > BigInt(MaxTotalSize))
        fail('TooLarge', 'total size above 2^40');
    return [key, id, Number(total), chunkSize];
}

export function createFileStreamWriter(fileKey, fileId, totalSize, chunkSize = DefaultChunkSize) {
    const args = writerArgs(fileKey, fileId, totalSize, chunkSize);
    return new FileStreamWriter(constructToken, ...args, lib().randombytes_buf(StreamHeaderBytes));
}

// Deterministic writer for vectors and tests (options.omitFinalTag makes a broken stream).
export function createFileStreamWriterWithHeader(fileKey, fileId, totalSize, chunkSize, streamHeader, options) {
    const args = writerArgs(fileKey, fileId, totalSize, chunkSize);
    const header = bytesArg(streamHeader, 'InvalidLength', 'stream header');
    if (header.length !== StreamHeaderBytes)
        fail('InvalidLength', 'secretstream header must be 24 bytes');
    return new FileStreamWriter(constructToken, ...args, header, options);
}

// Reads a stream incrementally: push() returns the plaintext of every chunk that authenticated,
// so write it somewhere provisional and keep it only when finish() succeeds. Errors are final.
export class FileStreamReader {
    #key;
    #expectedFileId;
    #state = null;
    #ad = null;
    #buffer = new Uint8Array(0);
    #chunkSize = 0;
    #totalSize = 0;
    #chunkCount = 0;
    #index = 0;
    #headerRead = false;
    #complete = false;
    #error = null;

    constructor(fileKey, expectedFileId) {
        try {
            this.#key = Uint8Array.from(keyArg(fileKey));
            this.#expectedFileId = Uint8Array.from(fileIdArg(expectedFileId));
        } catch (error) {
            this.#error = error;
        }
    }

    get headerRead() { return this.#headerRead; }
    get totalSize() { return this.#totalSize; }
    get chunkSize() { return this.#chunkSize; }
    get complete() { return this.#complete; }

    #fail(error) {
        if (!(error instanceof LotseCryptoError))
            error = new LotseCryptoError('AuthenticationFailed', error && error.message);
        this.#error = error;
        this.#release();
        throw error;
    }

    #release() {
        wipe(this.#buffer);
        this.#buffer = new Uint8Array(0);
        if (this.#key)
            wipe(this.#key);
        releaseState(this.#state);
        this.#state = null;
    }

    #chunkPlainSize(index) {
        if (index + 1 < this.#chunkCount)
            return this.#chunkSize;
        return this.#totalSize - (this.#chunkCount - 1) * this.#chunkSize;
    }

    #readHeader() {
        const b = this.#buffer;
        if (b.length < 1)
            return;
        if (b[0] !== FileStreamVersion)
            fail('UnsupportedVersion', `file stream version ${b[0]}`);
        if (b.length < FixedHeaderBytes)
            return;
        const chunkSize = readU32(b, 1);
        const totalSize = readU64(b, 5);
        const idLength = b[13];
        if (chunkSize < MinChunkSize || chunkSize > MaxChunkSize || idLength === 0)
            fail('InvalidLength', 'chunk size or file id length out of range');
        if (totalSize > BigInt(MaxTotalSize))
            fail('TooLarge', 'total size above 2^40');
        const end = FixedHeaderBytes + idLength + StreamHeaderBytes;
        if (b.length < end)
            return;
        if (!equalBytes(b.subarray(FixedHeaderBytes, FixedHeaderBytes + idLength), this.#expectedFileId))
            fail('WrongPurpose', 'stream of another file');
        this.#ad = concat(adDomain, b.subarray(0, FixedHeaderBytes + idLength));
        this.#state = guarded('AuthenticationFailed', () =>
            lib().crypto_secretstream_xchacha20poly1305_init_pull(b.subarray(FixedHeaderBytes + idLength, end), this.#key));
        this.#chunkSize = chunkSize;
        this.#totalSize = Number(totalSize);
        this.#chunkCount = chunkCountFor(this.#totalSize, chunkSize);
        this.#headerRead = true;
        this.#buffer = b.slice(end);
        wipe(b);
    }

    push(ciphertext) {
        if (this.#error)
            throw this.#error;
        const input = bytesArg(ciphertext, 'MalformedInput', 'ciphertext');
        if (this.#complete) {
            if (input.length > 0)
                this.#fail(new LotseCryptoError('TrailingData', 'bytes after the last chunk'));
            return new Uint8Array(0);
        }
        const out = [];
        try {
            const previous = this.#buffer;
            this.#buffer = concat(previous, input);
            wipe(previous);
            if (!this.#headerRead) {
                this.#readHeader();
                if (!this.#headerRead)
                    return new Uint8Array(0);
            }
            const sodium = lib();
            let offset = 0;
            const b = this.#buffer;
            while (!this.#complete) {
                const plainSize = this.#chunkPlainSize(this.#index);
                const need = 4 + plainSize + ABytes;
                if (b.length - offset < 4)
                    break;
                const index = readU32(b, offset);
                if (index < this.#index)
                    fail('Replayed', `chunk ${index} again`);
                if (index > this.#index)
                    fail('OutOfOrder', `chunk ${index}, expected ${this.#index}`);
                if (b.length - offset < need)
                    break;
                const r = sodium.crypto_secretstream_xchacha20poly1305_pull(
                    this.#state, b.subarray(offset + 4, offset + need), this.#ad);
                if (!r || r.message.length !== plainSize)
                    fail('AuthenticationFailed', `chunk ${index}`);
                out.push(r.message);
                const last = this.#index + 1 === this.#chunkCount;
                const final = r.tag === TAG_FINAL;
                // The last chunk carries the final tag and no other chunk does.
                if (last !== final || (!final && r.tag !== TAG_MESSAGE))
                    fail('Truncated', last ? 'last chunk without the final tag' : 'final tag before the last chunk');
                offset += need;
                ++this.#index;
                this.#complete = last;
            }
            this.#buffer = b.slice(offset);
            wipe(b);
            if (this.#complete) {
                if (this.#buffer.length > 0)
                    fail('TrailingData', 'bytes after the last chunk');
                this.#release();
            }
            const plaintext = concat(...out);
            out.forEach(wipe);
            return plaintext;
        } catch (error) {
            out.forEach(wipe);
            return this.#fail(error);
        }
    }

    // Succeeds only when the last chunk arrived and nothing followed it.
    finish() {
        if (this.#error)
            throw this.#error;
        if (!this.#complete)
            this.#fail(new LotseCryptoError('Truncated', 'stream ended before the last chunk'));
    }
}

export function encryptFile(fileKey, fileId, plaintext, chunkSize = DefaultChunkSize) {
    const pt = bytesArg(plaintext, 'InvalidLength', 'plaintext');
    const writer = createFileStreamWriter(fileKey, fileId, pt.length, chunkSize);
    return concat(writer.header, writer.push(pt), writer.finish());
}

// All plaintext or an error, never part of it.
export function decryptFile(fileKey, fileId, stream) {
    const reader = new FileStreamReader(fileKey, fileId);
    const plaintext = reader.push(stream);
    try {
        reader.finish();
    } catch (error) {
        wipe(plaintext);
        throw error;
    }
    return plaintext;
}
