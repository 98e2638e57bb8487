#include "crypto/FileStream.h"

#include "crypto/internal/Bytes.h"
#include "crypto/internal/Primitives.h"
#include "crypto/internal/Sodium.h"

namespace Lotse::Crypto {

using namespace Internal;

namespace {

using State = crypto_secretstream_xchacha20poly1305_state;
constexpr qsizetype StreamHeaderSize = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr qsizetype ABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr qsizetype FixedHeaderSize = 14; // version, chunk size, total size, file id length

State *state(SecretBytes &bytes)
{
    return reinterpret_cast<State *>(bytes.data());
}

quint64 chunkCountFor(quint64 totalSize, quint32 chunkSize)
{
    return totalSize == 0 ? 1 : (totalSize + chunkSize - 1) / chunkSize;
}

QByteArray associatedData(QByteArrayView headerFields)
{
    QByteArray ad("lotse-file-v1");
    ad.append(headerFields);
    return ad;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

} // namespace

Result<FileStreamWriter> FileStreamTesting::createWithStreamHeader(const SecretBytes &fileKey, QByteArrayView fileId,
                                                                   quint64 totalSize, quint32 chunkSize,
                                                                   QByteArrayView streamHeader)
{
    if (fileKey.size() != FileStreamFormat::KeySize)
        return Error::InvalidKey;
    if (fileId.isEmpty() || fileId.size() > 255 || streamHeader.size() != StreamHeaderSize)
        return Error::InvalidLength;
    if (chunkSize < FileStreamFormat::MinChunkSize || chunkSize > FileStreamFormat::MaxChunkSize)
        return Error::InvalidLength;
    if (totalSize > FileStreamFormat::MaxTotalSize)
        return Error::TooLarge;
    ensureSodium();
    FileStreamWriter writer;
    appendU8(writer.m_header, FileStreamFormat::Version);
    appendU32(writer.m_header, chunkSize);
    appendU64(writer.m_header, totalSize);
    appendShortBytes(writer.m_header, fileId);
    writer.m_ad = associatedData(writer.m_header);
    writer.m_header.append(streamHeader);
    writer.m_state = SecretBytes(sizeof(State));
    // init_pull derives exactly the state init_push would from this header; push then works on it.
    if (crypto_secretstream_xchacha20poly1305_init_pull(state(writer.m_state), uc(streamHeader), fileKey.data()) != 0)
        return Error::InvalidKey;
    writer.m_totalSize = totalSize;
    writer.m_chunkSize = chunkSize;
    writer.m_chunkCount = chunkCountFor(totalSize, chunkSize);
    return writer;
}

void FileStreamTesting::omitFinalTag(FileStreamWriter &writer)
{
    writer.m_omitFinalTag = true;
}

Result<FileStreamWriter> FileStreamWriter::create(const SecretBytes &fileKey, QByteArrayView fileId, quint64 totalSize,
                                                  quint32 chunkSize)
{
    ensureSodium();
    QByteArray streamHeader(StreamHeaderSize, Qt::Uninitialized);
    randombytes_buf(streamHeader.data(), StreamHeaderSize);
    return FileStreamTesting::createWithStreamHeader(fileKey, fileId, totalSize, chunkSize, streamHeader);
}

QByteArray FileStreamWriter::sealChunk(QByteArrayView plaintext, bool last)
{
    QByteArray out;
    appendU32(out, m_index);
    const qsizetype offset = out.size();
    out.resize(offset + plaintext.size() + ABytes);
    const unsigned char tag = last && !m_omitFinalTag ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                      : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    crypto_secretstream_xchacha20poly1305_push(state(m_state), uc(out) + offset, nullptr, uc(plaintext),
                                               ull(plaintext.size()), uc(m_ad), ull(m_ad.size()), tag);
    ++m_index;
    return out;
}

Result<QByteArray> FileStreamWriter::push(QByteArrayView plaintext)
{
    if (m_finished || m_state.isEmpty())
        return Error::MalformedInput;
    if (quint64(plaintext.size()) > m_totalSize - m_pushed)
        return Error::TooLarge;
    m_pushed += quint64(plaintext.size());
    m_pending.append(plaintext);
    QByteArray out;
    qsizetype offset = 0;
    // Every chunk but the last is full; the last goes out in finish() with the final tag.
    while (m_pending.size() - offset >= qsizetype(m_chunkSize) && m_index + 1 < m_chunkCount) {
        out.append(sealChunk(QByteArrayView(m_pending).sliced(offset, m_chunkSize), false));
        offset += m_chunkSize;
    }
    if (offset > 0) {
        sodium_memzero(m_pending.data(), static_cast<size_t>(offset));
        m_pending.remove(0, offset);
    }
    return out;
}

Result<QByteArray> FileStreamWriter::finish()
{
    if (m_finished || m_state.isEmpty())
        return Error::MalformedInput;
    if (m_pushed != m_totalSize)
        return Error::InvalidLength;
    m_finished = true;
    QByteArray out = sealChunk(m_pending, true);
    wipe(m_pending);
    return out;
}

FileStreamReader::FileStreamReader(const SecretBytes &fileKey, QByteArrayView expectedFileId)
    : m_key(SecretBytes::fromBytes(QByteArrayView(fileKey.data(), fileKey.size())))
    , m_expectedFileId(expectedFileId.toByteArray())
{
    if (m_key.size() != FileStreamFormat::KeySize)
        m_error = Error::InvalidKey;
}

qsizetype FileStreamReader::chunkPlainSize(quint64 index) const
{
    if (index + 1 < m_chunkCount)
        return m_chunkSize;
    return qsizetype(m_totalSize - (m_chunkCount - 1) * quint64(m_chunkSize));
}

Status FileStreamReader::readHeader()
{
    ByteReader reader(m_buffer);
    const auto version = reader.u8();
    if (!version)
        return Ok{};
    if (*version != FileStreamFormat::Version)
        return Error::UnsupportedVersion;
    if (m_buffer.size() < FixedHeaderSize)
        return Ok{};
    const quint32 chunkSize = *reader.u32();
    const quint64 totalSize = *reader.u64();
    const quint8 idLength = *reader.u8();
    if (chunkSize < FileStreamFormat::MinChunkSize || chunkSize > FileStreamFormat::MaxChunkSize || idLength == 0)
        return Error::InvalidLength;
    if (totalSize > FileStreamFormat::MaxTotalSize)
        return Error::TooLarge;
    if (reader.remaining() < idLength + StreamHeaderSize)
        return Ok{};
    const QByteArrayView fileId = *reader.bytes(idLength);
    if (fileId != m_expectedFileId)
        return Error::WrongPurpose;
    const QByteArrayView streamHeader = *reader.bytes(StreamHeaderSize);
    m_ad = associatedData(QByteArrayView(m_buffer).first(FixedHeaderSize + idLength));
    m_state = SecretBytes(sizeof(State));
    if (crypto_secretstream_xchacha20poly1305_init_pull(state(m_state), uc(streamHeader), m_key.data()) != 0)
        return Error::AuthenticationFailed;
    m_chunkSize = chunkSize;
    m_totalSize = totalSize;
    m_chunkCount = chunkCountFor(totalSize, chunkSize);
    m_headerRead = true;
    m_buffer.remove(0, reader.position());
    return Ok{};
}

Result<QByteArray> FileStreamReader::push(QByteArrayView ciphertext)
{
    if (m_error)
        return *m_error;
    if (m_complete) {
        if (!ciphertext.isEmpty())
            m_error = Error::TrailingData;
        return m_error ? Result<QByteArray>(*m_error) : Result<QByteArray>(QByteArray());
    }
    m_buffer.append(ciphertext);
    if (!m_headerRead) {
        if (auto s = readHeader(); !s) {
            m_error = s.error();
            return *m_error;
        }
        if (!m_headerRead)
            return QByteArray();
    }
    QByteArray out;
    qsizetype offset = 0;
    auto fail = [&](Error error) -> Result<QByteArray> {
        m_error = error;
        wipe(out);
        return error;
    };
    while (!m_complete) {
        const qsizetype plainSize = chunkPlainSize(m_index);
        const qsizetype need = 4 + plainSize + ABytes;
        if (m_buffer.size() - offset < 4)
            break;
        ByteReader reader(QByteArrayView(m_buffer).sliced(offset));
        const quint32 index = *reader.u32();
        if (index < m_index)
            return fail(Error::Replayed);
        if (index > m_index)
            return fail(Error::OutOfOrder);
        if (m_buffer.size() - offset < need)
            break;
        const qsizetype start = out.size();
        out.resize(start + plainSize);
        unsigned char tag = 0;
        unsigned long long plainLength = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(state(m_state), uc(out) + start, &plainLength, &tag,
                                                       uc(m_buffer) + offset + 4, ull(plainSize + ABytes), uc(m_ad),
                                                       ull(m_ad.size())) != 0)
            return fail(Error::AuthenticationFailed);
        const bool last = m_index + 1 == m_chunkCount;
        const bool final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        // The last chunk must carry the final tag, and no other may: a stream without its final
        // tag, or one that claims to end early, is cut short.
        if (last != final || (!final && tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE))
            return fail(Error::Truncated);
        offset += need;
        ++m_index;
        m_complete = last;
    }
    m_buffer.remove(0, offset);
    if (m_complete && !m_buffer.isEmpty())
        return fail(Error::TrailingData);
    return out;
}

Status FileStreamReader::finish()
{
    if (m_error)
        return *m_error;
    if (!m_complete)
        return Error::Truncated;
    return Ok{};
}

Result<QByteArray> encryptFile(const SecretBytes &fileKey, QByteArrayView fileId, QByteArrayView plaintext,
                               quint32 chunkSize)
{
    auto writer = FileStreamWriter::create(fileKey, fileId, quint64(plaintext.size()), chunkSize);
    if (!writer)
        return writer.error();
    QByteArray out = writer->header();
    auto body = writer.value().push(plaintext);
    if (!body)
        return body.error();
    out.append(*body);
    auto last = writer.value().finish();
    if (!last)
        return last.error();
    out.append(*last);
    return out;
}

Result<QByteArray> decryptFile(const SecretBytes &fileKey, QByteArrayView fileId, QByteArrayView stream)
{
    FileStreamReader reader(fileKey, fileId);
    auto plaintext = reader.push(stream);
    if (!plaintext)
        return plaintext.error();
    if (auto s = reader.finish(); !s) {
        wipe(plaintext.value());
        return s.error();
    }
    return plaintext;
}

} // namespace Lotse::Crypto
