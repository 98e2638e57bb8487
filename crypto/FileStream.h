#pragma once

#include "crypto/Keys.h"
#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <optional>

namespace Lotse::Crypto {

struct FileStreamTesting;

// Limits of the file stream format (FORMAT.md, "File stream").
struct FileStreamFormat
{
    static constexpr quint8 Version = 1;
    static constexpr quint32 DefaultChunkSize = 64 * 1024;
    static constexpr quint32 MinChunkSize = 1024;
    static constexpr quint32 MaxChunkSize = 4 * 1024 * 1024;
    static constexpr quint64 MaxTotalSize = quint64(1) << 40;
    static constexpr qsizetype KeySize = 32;
    static constexpr qsizetype ChunkOverhead = 4 + 17; // index + secretstream tag byte and MAC
};

// Encrypts one file with crypto_secretstream_xchacha20poly1305 in fixed-size chunks. The total
// size is fixed up front and bound, with the file id, into every chunk. Push plaintext in pieces
// of any size; send header() first, then whatever push() and finish() return, in order.
class FileStreamWriter
{
public:
    [[nodiscard]] static Result<FileStreamWriter> create(const SecretBytes &fileKey, QByteArrayView fileId,
                                                         quint64 totalSize,
                                                         quint32 chunkSize = FileStreamFormat::DefaultChunkSize);
    FileStreamWriter(FileStreamWriter &&other) noexcept;
    FileStreamWriter &operator=(FileStreamWriter &&other) noexcept;
    FileStreamWriter(const FileStreamWriter &) = delete;
    FileStreamWriter &operator=(const FileStreamWriter &) = delete;
    ~FileStreamWriter();

    [[nodiscard]] QByteArray header() const { return m_header; }
    // The chunks completed by this plaintext (possibly none). TooLarge past the declared size.
    [[nodiscard]] Result<QByteArray> push(QByteArrayView plaintext);
    // The last chunk. InvalidLength when fewer bytes were pushed than declared.
    [[nodiscard]] Result<QByteArray> finish();

private:
    friend struct FileStreamTesting;
    FileStreamWriter() = default;
    void sealChunk(unsigned char *out, QByteArrayView plaintext, bool last);

    // crypto_secretstream_xchacha20poly1305_state, held inline (per-stream guarded allocations
    // would cost more than encrypting a small file) and wiped on destruction.
    alignas(16) std::array<unsigned char, 52> m_state{};
    bool m_ready = false;
    QByteArray m_header;
    QByteArray m_ad;
    QByteArray m_pending;
    quint64 m_totalSize = 0;
    quint64 m_pushed = 0;
    quint64 m_chunkCount = 0;
    quint32 m_chunkSize = 0;
    quint32 m_index = 0;
    bool m_finished = false;
    bool m_omitFinalTag = false;
    std::optional<quint32> m_earlyFinalTag;
};

// Decrypts a file stream incrementally. Plaintext comes out chunk by chunk as each authenticates,
// so write it somewhere provisional and keep it only when finish() succeeds. Any error is
// final: every later call returns it again.
class FileStreamReader
{
public:
    FileStreamReader(const SecretBytes &fileKey, QByteArrayView expectedFileId);
    FileStreamReader(const FileStreamReader &) = delete;
    FileStreamReader &operator=(const FileStreamReader &) = delete;
    ~FileStreamReader();

    [[nodiscard]] Result<QByteArray> push(QByteArrayView ciphertext);
    // Ok only when the final chunk arrived and nothing followed it.
    [[nodiscard]] Status finish();

    [[nodiscard]] bool headerRead() const { return m_headerRead; }
    [[nodiscard]] quint64 totalSize() const { return m_totalSize; }
    [[nodiscard]] quint32 chunkSize() const { return m_chunkSize; }

private:
    Status readHeader();
    [[nodiscard]] qsizetype chunkPlainSize(quint64 index) const;

    alignas(16) std::array<unsigned char, 32> m_key{};
    alignas(16) std::array<unsigned char, 52> m_state{};
    QByteArray m_expectedFileId;
    QByteArray m_ad;
    QByteArray m_buffer;
    quint64 m_totalSize = 0;
    quint64 m_chunkCount = 0;
    quint64 m_index = 0;
    quint32 m_chunkSize = 0;
    bool m_headerRead = false;
    bool m_complete = false;
    std::optional<Error> m_error;
};

// Whole-buffer helpers for small files. decryptFile returns all plaintext or an error, never part.
[[nodiscard]] Result<QByteArray> encryptFile(const SecretBytes &fileKey, QByteArrayView fileId,
                                             QByteArrayView plaintext,
                                             quint32 chunkSize = FileStreamFormat::DefaultChunkSize);
[[nodiscard]] Result<QByteArray> decryptFile(const SecretBytes &fileKey, QByteArrayView fileId, QByteArrayView stream);

} // namespace Lotse::Crypto
