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
static_assert(sizeof(State) == 52, "FileStream.h holds the secretstream state inline");

State *state(std::array<unsigned char, 52> &bytes)
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

template<typename Bytes>
void wipe(Bytes &bytes)
{
    if (!bytes.empty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
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
    // init_pull derives exactly the state init_push would from this header; push then works on it.
    if (crypto_secretstream_xchacha20poly1305_init_pull(state(writer.m_state), uc(streamHeader), fileKey.data()) != 0)
        return Error::InvalidKey;
    writer.m_ready = true;
    writer.m_totalSize = totalSize;
    writer.m_chunkSize = chunkSize;
    writer.m_chunkCount = chunkCountFor(totalSize, chunkSize);
    return writer;
}

void FileStreamTesting::omitFinalTag(FileStreamWriter &writer)
{
    writer.m_omitFinalTag = true;
}

void FileStreamTesting::finalTagOnChunk(FileStreamWriter &writer, quint32 index)
{
    writer.m_earlyFinalTag = index;
}

Result<FileStreamWriter> FileStreamWriter::create(const SecretBytes &fileKey, QByteArrayView fileId, quint64 totalSize,
                                                  quint32 chunkSize)
{
    ensureSodium();
    QByteArray streamHeader(StreamHeaderSize, Qt::Uninitialized);
    randombytes_buf(streamHeader.data(), StreamHeaderSize);
    return FileStreamTesting::createWithStreamHeader(fileKey, fileId, totalSize, chunkSize, streamHeader);
}

FileStreamWriter::FileStreamWriter(FileStreamWriter &&other) noexcept
{
    *this = std::move(other);
}

FileStreamWriter &FileStreamWriter::operator=(FileStreamWriter &&other) noexcept
{
    if (this == &other)
        return *this;
    m_state = other.m_state;
    wipe(other.m_state);
    m_ready = std::exchange(other.m_ready, false);
    m_header = std::move(other.m_header);
    m_ad = std::move(other.m_ad);
    m_pending = std::move(other.m_pending);
    m_totalSize = other.m_totalSize;
    m_pushed = other.m_pushed;
    m_chunkCount = other.m_chunkCount;
    m_chunkSize = other.m_chunkSize;
    m_index = other.m_index;
    m_finished = other.m_finished;
    m_omitFinalTag = other.m_omitFinalTag;
    m_earlyFinalTag = other.m_earlyFinalTag;
    return *this;
}

FileStreamWriter::~FileStreamWriter()
{
    wipe(m_state);
    wipe(m_pending);
}

// Writes u32 index || secretstream ciphertext (plaintext + 17 bytes) at `out`.
void FileStreamWriter::sealChunk(unsigned char *out, QByteArrayView plaintext, bool last)
{
    qToBigEndian(m_index, out);
    const bool final = (last && !m_omitFinalTag) || m_earlyFinalTag == m_index;
    const unsigned char tag =
        final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    crypto_secretstream_xchacha20poly1305_push(state(m_state), out + 4, nullptr, uc(plaintext), ull(plaintext.size()),
                                               uc(m_ad), ull(m_ad.size()), tag);
    ++m_index;
}

Result<QByteArray> FileStreamWriter::push(QByteArrayView plaintext)
{
    if (m_finished || !m_ready)
        return Error::MalformedInput;
    if (quint64(plaintext.size()) > m_totalSize - m_pushed)
        return Error::TooLarge;
    m_pushed += quint64(plaintext.size());
    // Every chunk but the last is full; the last goes out in finish() with the final tag.
    const quint64 available = quint64(m_pending.size()) + quint64(plaintext.size());
    const quint64 chunks = qMin<quint64>(available / m_chunkSize, m_chunkCount - 1 - m_index);
    const qsizetype stride = 4 + qsizetype(m_chunkSize) + ABytes;
    QByteArray out(qsizetype(chunks) * stride, Qt::Uninitialized);
    QByteArrayView input = plaintext;
    for (quint64 i = 0; i < chunks; ++i) {
        unsigned char *dst = uc(out) + qsizetype(i) * stride;
        if (m_pending.isEmpty()) {
            // Straight from the caller's buffer: no copy.
            sealChunk(dst, input.first(m_chunkSize), false);
            input = input.sliced(m_chunkSize);
        } else {
            const qsizetype fill = m_chunkSize - m_pending.size();
            m_pending.append(input.first(fill));
            input = input.sliced(fill);
            sealChunk(dst, m_pending, false);
            wipe(m_pending);
        }
    }
    m_pending.append(input);
    return out;
}

Result<QByteArray> FileStreamWriter::finish()
{
    if (m_finished || !m_ready)
        return Error::MalformedInput;
    if (m_pushed != m_totalSize)
        return Error::InvalidLength;
    m_finished = true;
    QByteArray out(4 + m_pending.size() + ABytes, Qt::Uninitialized);
    sealChunk(uc(out), m_pending, true);
    wipe(m_pending);
    wipe(m_state);
    return out;
}

FileStreamReader::FileStreamReader(const SecretBytes &fileKey, QByteArrayView expectedFileId)
    : m_expectedFileId(expectedFileId.toByteArray())
{
    if (fileKey.size() != FileStreamFormat::KeySize)
        m_error = Error::InvalidKey;
    else
        memcpy(m_key.data(), fileKey.data(), m_key.size());
}

FileStreamReader::~FileStreamReader()
{
    wipe(m_key);
    wipe(m_state);
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
    if (crypto_secretstream_xchacha20poly1305_init_pull(state(m_state), uc(streamHeader), m_key.data()) != 0)
        return Error::AuthenticationFailed;
    wipe(m_key); // the state holds what is needed from here on
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
    if (!m_headerRead) {
        m_buffer.append(ciphertext);
        ciphertext = {};
        if (auto s = readHeader(); !s) {
            m_error = s.error();
            return *m_error;
        }
        if (!m_headerRead)
            return QByteArray();
    }
    // Work on the caller's bytes directly unless a partial chunk is waiting.
    if (!m_buffer.isEmpty()) {
        m_buffer.append(ciphertext);
        ciphertext = {};
    }
    const QByteArrayView data = m_buffer.isEmpty() ? ciphertext : QByteArrayView(m_buffer);
    QByteArray out;
    out.reserve(data.size());
    qsizetype offset = 0;
    auto fail = [&](Error error) -> Result<QByteArray> {
        m_error = error;
        wipe(out);
        wipe(m_state);
        m_buffer.clear();
        return error;
    };
    while (!m_complete) {
        const qsizetype plainSize = chunkPlainSize(m_index);
        const qsizetype need = 4 + plainSize + ABytes;
        if (data.size() - offset < 4)
            break;
        const quint32 index = qFromBigEndian<quint32>(data.data() + offset);
        if (index < m_index)
            return fail(Error::Replayed);
        if (index > m_index)
            return fail(Error::OutOfOrder);
        if (data.size() - offset < need)
            break;
        const qsizetype start = out.size();
        out.resize(start + plainSize);
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(state(m_state), uc(out) + start, nullptr, &tag,
                                                       uc(data) + offset + 4, ull(plainSize + ABytes), uc(m_ad),
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
    if (m_complete && offset < data.size())
        return fail(Error::TrailingData);
    if (m_complete)
        wipe(m_state);
    if (m_buffer.isEmpty())
        m_buffer = data.sliced(offset).toByteArray();
    else
        m_buffer.remove(0, offset);
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
