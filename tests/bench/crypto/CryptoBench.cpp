// Throughput of lotse_crypto's record envelope, sealed envelope and file stream next to the raw
// libsodium calls underneath them, on the same buffers; and the time of Argon2id at the
// production cost. Figures only: nothing here asserts on time.
#include "crypto/Crypto.h"
#include "crypto/FileStream.h"
#include "crypto/Keys.h"
#include "crypto/Password.h"
#include "crypto/Random.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/SealedEnvelope.h"

#include <sodium.h>

#include <QElapsedTimer>

#include <cstdio>
#include <functional>

using namespace Lotse::Crypto;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MinimumNanoseconds = 400'000'000; // per measurement

// Every call's result is checked, so that a failing call cannot pass for a fast one.
int g_failures = 0;

void check(int rc)
{
    g_failures += rc != 0;
}

template<typename T>
void check(const Result<T> &result)
{
    g_failures += !result.ok();
}

// Runs `work` until MinimumNanoseconds have passed; returns MB/s (10^6 bytes per second).
double throughput(qsizetype bytes, const std::function<void()> &work)
{
    work(); // warm-up
    QElapsedTimer timer;
    timer.start();
    qint64 runs = 0;
    do {
        work();
        ++runs;
    } while (timer.nsecsElapsed() < MinimumNanoseconds);
    return double(bytes) * double(runs) / (double(timer.nsecsElapsed()) / 1e9) / 1e6;
}

void row(const char *what, qsizetype size, double lotse, double raw)
{
    const double overhead = raw > 0 ? (raw / lotse - 1.0) * 100.0 : 0.0;
    std::printf("%-28s %10lld %12.1f %12.1f %9.1f%%\n", what, static_cast<long long>(size), lotse, raw, overhead);
}

unsigned char *uc(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}

const unsigned char *uc(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

void benchRecords(qsizetype size)
{
    const QByteArray keyBytes = randomBytes(32);
    const SecretBytes key = SecretBytes::fromBytes(keyBytes);
    const QByteArray plaintext = randomBytes(size);
    const RecordContext context{"room-bench"_ba, 1, QByteArray(16, 's'), 0, RecordPurpose::ChatMessage};
    const QByteArray envelope = RecordEnvelope::seal(key, context, plaintext).value();
    const QByteArray ad = QByteArray(48, 'a'); // about the size of the record's associated data
    QByteArray nonce(24, Qt::Uninitialized);
    QByteArray sealed(size + 16, Qt::Uninitialized);
    QByteArray opened(size, Qt::Uninitialized);
    randombytes_buf(nonce.data(), 24);
    crypto_aead_xchacha20poly1305_ietf_encrypt(uc(sealed), nullptr, uc(plaintext), plaintext.size(), uc(ad), ad.size(),
                                               nullptr, uc(nonce), uc(keyBytes));

    const double lotseSeal = throughput(size, [&] { check(RecordEnvelope::seal(key, context, plaintext)); });
    const double rawSeal = throughput(size, [&] {
        randombytes_buf(nonce.data(), 24);
        crypto_aead_xchacha20poly1305_ietf_encrypt(uc(sealed), nullptr, uc(plaintext), plaintext.size(), uc(ad),
                                                   ad.size(), nullptr, uc(nonce), uc(keyBytes));
    });
    row("record seal", size, lotseSeal, rawSeal);
    const double lotseOpen = throughput(
        size, [&] { check(RecordEnvelope::open(key, context.roomId, context.senderId, context.purpose, envelope)); });
    const double rawOpen = throughput(size, [&] {
        check(crypto_aead_xchacha20poly1305_ietf_decrypt(uc(opened), nullptr, nullptr, uc(sealed), sealed.size(),
                                                         uc(ad), ad.size(), uc(nonce), uc(keyBytes)));
    });
    row("record open", size, lotseOpen, rawOpen);
}

void benchSealed(qsizetype size)
{
    const auto device = EncryptionKeyPair::generate();
    const QList<QByteArray> recipients{device.publicKey(), EncryptionKeyPair::generate().publicKey()};
    const QByteArray plaintext = randomBytes(size);
    const QByteArray envelope =
        SealedEnvelope::seal(recipients, SealPurpose::BookingFields, "booking:b"_ba, plaintext).value();
    // Raw: the same work by hand, a content key sealed twice and one AEAD over the payload.
    const QByteArray contentKey = randomBytes(32);
    QByteArray boxes(80, Qt::Uninitialized);
    QByteArray nonce(24, Qt::Uninitialized);
    QByteArray sealed(size + 16, Qt::Uninitialized);
    QByteArray opened(size, Qt::Uninitialized);
    QByteArray key(32, Qt::Uninitialized);
    const QByteArray pk = device.publicKey();
    const QByteArray sk = device.secretKey().toByteArray();
    const double lotseSeal = throughput(
        size, [&] { check(SealedEnvelope::seal(recipients, SealPurpose::BookingFields, "booking:b"_ba, plaintext)); });
    const double rawSeal = throughput(size, [&] {
        for (const QByteArray &r : recipients)
            crypto_box_seal(uc(boxes), uc(contentKey), 32, uc(r));
        randombytes_buf(nonce.data(), 24);
        crypto_aead_xchacha20poly1305_ietf_encrypt(uc(sealed), nullptr, uc(plaintext), plaintext.size(), nullptr, 0,
                                                   nullptr, uc(nonce), uc(contentKey));
    });
    row("sealed (2 recipients) seal", size, lotseSeal, rawSeal);
    crypto_box_seal(uc(boxes), uc(contentKey), 32, uc(pk));
    const double lotseOpen = throughput(
        size, [&] { check(SealedEnvelope::open(device, SealPurpose::BookingFields, "booking:b"_ba, envelope)); });
    const double rawOpen = throughput(size, [&] {
        check(crypto_box_seal_open(uc(key), uc(boxes), 80, uc(pk), uc(sk)));
        check(crypto_aead_xchacha20poly1305_ietf_decrypt(uc(opened), nullptr, nullptr, uc(sealed), sealed.size(),
                                                         nullptr, 0, uc(nonce), uc(contentKey)));
    });
    row("sealed (2 recipients) open", size, lotseOpen, rawOpen);
}

void benchFileStream(qsizetype size)
{
    constexpr quint32 chunk = FileStreamFormat::DefaultChunkSize;
    const QByteArray keyBytes = randomBytes(32);
    const SecretBytes key = SecretBytes::fromBytes(keyBytes);
    const QByteArray plaintext = randomBytes(size);
    const QByteArray stream = encryptFile(key, "file-bench"_ba, plaintext).value();
    const QByteArray ad(23, 'a');
    const qsizetype chunks = size == 0 ? 1 : (size + chunk - 1) / chunk;
    QByteArray rawStream(24 + size + chunks * 17, Qt::Uninitialized);
    QByteArray out(size, Qt::Uninitialized);
    auto rawEncrypt = [&] {
        crypto_secretstream_xchacha20poly1305_state state;
        crypto_secretstream_xchacha20poly1305_init_push(&state, uc(rawStream), uc(keyBytes));
        qsizetype in = 0;
        qsizetype at = 24;
        for (qsizetype i = 0; i < chunks; ++i) {
            const qsizetype n = qMin<qsizetype>(chunk, size - in);
            crypto_secretstream_xchacha20poly1305_push(
                &state, uc(rawStream) + at, nullptr, uc(plaintext) + in, n, uc(ad), ad.size(),
                i + 1 == chunks ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
            in += n;
            at += n + 17;
        }
    };
    rawEncrypt();
    const double lotseEnc = throughput(size, [&] {
        // The incremental API, fed in 64 KiB pieces as a file reader would.
        auto writer = FileStreamWriter::create(key, "file-bench"_ba, quint64(size));
        // Each piece is handed on (to a file, a socket) as it comes; count it instead of keeping it.
        qsizetype written = writer->header().size();
        for (qsizetype i = 0; i < size; i += chunk)
            written += writer.value()
                           .push(QByteArrayView(plaintext).sliced(i, qMin<qsizetype>(chunk, size - i)))
                           .value()
                           .size();
        written += writer.value().finish().value().size();
        g_failures += written != stream.size();
    });
    const double rawEnc = throughput(size, rawEncrypt);
    row("file stream encrypt", size, lotseEnc, rawEnc);
    const double lotseDec = throughput(size, [&] {
        FileStreamReader reader(key, "file-bench"_ba);
        const qsizetype piece = chunk + 21;
        qsizetype read = 0;
        for (qsizetype i = 0; i < stream.size(); i += piece)
            read += reader.push(QByteArrayView(stream).sliced(i, qMin(piece, stream.size() - i))).value().size();
        check(reader.finish());
        g_failures += read != size;
    });
    const double rawDec = throughput(size, [&] {
        crypto_secretstream_xchacha20poly1305_state state;
        crypto_secretstream_xchacha20poly1305_init_pull(&state, uc(rawStream), uc(keyBytes));
        qsizetype at = 24;
        qsizetype o = 0;
        unsigned char tag = 0;
        for (qsizetype i = 0; i < chunks; ++i) {
            const qsizetype n = qMin<qsizetype>(chunk, size - o);
            check(crypto_secretstream_xchacha20poly1305_pull(&state, uc(out) + o, nullptr, &tag, uc(rawStream) + at,
                                                             n + 17, uc(ad), ad.size()));
            o += n;
            at += n + 17;
        }
    });
    row("file stream decrypt", size, lotseDec, rawDec);
}

double seconds(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main()
{
    QString failure;
    if (!init(&failure)) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        return 1;
    }
    std::printf("libsodium %s\n\n", sodium_version_string());
    std::printf("%-28s %10s %12s %12s %10s\n", "operation", "bytes", "Lotse MB/s", "raw MB/s", "overhead");
    for (qsizetype size : {qsizetype(1024), qsizetype(64 * 1024), RecordEnvelope::MaxPlaintextSize})
        benchRecords(size);
    for (qsizetype size : {qsizetype(1024), qsizetype(64 * 1024), SealedEnvelope::MaxPayloadSize})
        benchSealed(size);
    for (qsizetype size : {qsizetype(1024), qsizetype(64 * 1024), qsizetype(16 * 1024 * 1024)})
        benchFileStream(size);
    std::printf("(records and sealed envelopes stop at their 1 MiB limit; file streams use 64 KiB chunks)\n\n");

    std::printf("Argon2id, production parameters\n");
    QByteArray hash;
    const double hashTime = seconds([&] { hash = PasswordHash::hash("benchmark password"_ba).value(); });
    const double verifyTime = seconds([&] { g_failures += !PasswordHash::verify(hash, "benchmark password"_ba); });
    std::printf("  password hash   (t=%llu, m=%llu MiB): hash %.0f ms, verify %.0f ms\n",
                static_cast<unsigned long long>(PasswordHash::OpsLimit),
                static_cast<unsigned long long>(PasswordHash::MemLimitBytes >> 20), hashTime * 1e3, verifyTime * 1e3);
    const QByteArray salt = randomBytes(PassphraseSaltBytes);
    const double deriveTime = seconds([&] { check(deriveKeyFromPassphrase("benchmark passphrase"_ba, salt)); });
    std::printf("  passphrase key  (t=%llu, m=%llu MiB): %.0f ms\n",
                static_cast<unsigned long long>(PassphraseOpsLimit),
                static_cast<unsigned long long>(PassphraseMemLimitBytes >> 20), deriveTime * 1e3);
    if (g_failures > 0) {
        std::fprintf(stderr, "%d operations failed: the figures are not valid\n", g_failures);
        return 1;
    }
    return 0;
}
