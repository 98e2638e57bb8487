#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "crypto/FileStream.h"
#include "crypto/Random.h"
#include "crypto/internal/Primitives.h"

#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// The chunked file stream (FORMAT.md section 7): incremental use and every way to cut, reorder,
// repeat or extend a stream.
class TestCryptoFileStream : public QObject
{
    Q_OBJECT

    static constexpr quint32 Chunk = 1024;
    const SecretBytes m_key = SecretBytes::fromBytes(QByteArray(32, '\x5a'));
    const QByteArray m_fileId = "file-1"_ba;
    const qsizetype m_headerSize = 14 + 6 + 24;
    const qsizetype m_fullChunk = 4 + Chunk + 17;

    QByteArray encrypt(QByteArrayView plaintext) const
    {
        return encryptFile(m_key, m_fileId, plaintext, Chunk).value();
    }

    // Feeds the stream in pieces; returns the reader's verdict and what came out before it.
    static QString readAll(const SecretBytes &key, QByteArrayView fileId, QByteArrayView stream, qsizetype piece,
                           QByteArray *plaintext = nullptr)
    {
        FileStreamReader reader(key, fileId);
        QByteArray out;
        for (qsizetype i = 0; i < stream.size(); i += piece) {
            const auto part = reader.push(stream.sliced(i, qMin(piece, stream.size() - i)));
            if (!part)
                return outcome(part);
            out += *part;
        }
        if (plaintext)
            *plaintext = out;
        return outcome(reader.finish());
    }

private slots:
    void initTestCase() { QVERIFY(init()); }

    void roundTrip_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<qsizetype>("piece");
        for (qsizetype size : {0, 1, 1023, 1024, 1025, 2048, 5000}) {
            for (qsizetype piece : {1, 17, 1024, 1045, 100000})
                QTest::addRow("%lld bytes, fed %lld", qlonglong(size), qlonglong(piece)) << size << piece;
        }
    }

    void roundTrip()
    {
        QFETCH(qsizetype, size);
        QFETCH(qsizetype, piece);
        const QByteArray plaintext = randomBytes(size);
        // The writer takes the plaintext in pieces too.
        auto writer = FileStreamWriter::create(m_key, m_fileId, quint64(size), Chunk);
        QVERIFY(writer);
        QByteArray stream = writer->header();
        for (qsizetype i = 0; i < size; i += piece)
            stream += writer.value().push(QByteArrayView(plaintext).sliced(i, qMin(piece, size - i))).value();
        stream += writer.value().finish().value();
        const qsizetype chunks = size == 0 ? 1 : (size + Chunk - 1) / Chunk;
        QCOMPARE(stream.size(), 38 + m_fileId.size() + 21 * chunks + size);
        QByteArray out;
        QCOMPARE(readAll(m_key, m_fileId, stream, piece, &out), u"ok"_s);
        QCOMPARE(out, plaintext);
        QCOMPARE(decryptFile(m_key, m_fileId, stream).value(), plaintext);
    }

    void largeFileIncrementally()
    {
        const qsizetype size = 3 * FileStreamFormat::DefaultChunkSize + 12345;
        const QByteArray plaintext = randomBytes(size);
        auto writer = FileStreamWriter::create(m_key, m_fileId, quint64(size));
        QVERIFY(writer);
        FileStreamReader reader(m_key, m_fileId);
        QByteArray out = reader.push(writer->header()).value();
        QVERIFY(reader.headerRead());
        QCOMPARE(reader.totalSize(), quint64(size));
        QCOMPARE(reader.chunkSize(), FileStreamFormat::DefaultChunkSize);
        for (qsizetype i = 0; i < size; i += 10000)
            out += reader
                       .push(writer.value()
                                 .push(QByteArrayView(plaintext).sliced(i, qMin<qsizetype>(10000, size - i)))
                                 .value())
                       .value();
        QCOMPARE(reader.finish().error(), Error::Truncated); // final chunk not yet sent
        out += reader.push(writer.value().finish().value()).value();
        QVERIFY(reader.finish());
        QCOMPARE(out, plaintext);
    }

    void attacks_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("expected");
        const QByteArray stream = encrypt(randomBytes(2500)); // chunks of 1024, 1024, 452
        const QByteArray head = stream.first(m_headerSize);
        const QByteArray c0 = stream.mid(m_headerSize, m_fullChunk);
        const QByteArray c1 = stream.mid(m_headerSize + m_fullChunk, m_fullChunk);
        const QByteArray c2 = stream.mid(m_headerSize + 2 * m_fullChunk);
        QTest::newRow("intact") << stream << u"ok"_s;
        QTest::newRow("last chunk dropped") << QByteArray(head + c0 + c1) << u"Truncated"_s;
        QTest::newRow("middle chunk dropped") << QByteArray(head + c0 + c2) << u"OutOfOrder"_s;
        QTest::newRow("first chunk dropped") << QByteArray(head + c1 + c2) << u"OutOfOrder"_s;
        QTest::newRow("chunks 0 and 1 swapped") << QByteArray(head + c1 + c0 + c2) << u"OutOfOrder"_s;
        QTest::newRow("chunks 1 and 2 swapped") << QByteArray(head + c0 + c2 + c1) << u"OutOfOrder"_s;
        QTest::newRow("chunk 0 twice") << QByteArray(head + c0 + c0 + c1 + c2) << u"Replayed"_s;
        QTest::newRow("chunk 1 twice") << QByteArray(head + c0 + c1 + c1 + c2) << u"Replayed"_s;
        QTest::newRow("last chunk twice") << QByteArray(head + c0 + c1 + c2 + c2) << u"TrailingData"_s;
        QTest::newRow("one trailing byte") << QByteArray(stream + "\0"_ba) << u"TrailingData"_s;
        QTest::newRow("header only") << head << u"Truncated"_s;
        QTest::newRow("nothing") << QByteArray() << u"Truncated"_s;
        QTest::newRow("cut in the header") << stream.first(30) << u"Truncated"_s;
        QTest::newRow("cut in a chunk index") << stream.first(m_headerSize + 2) << u"Truncated"_s;
        QTest::newRow("cut one byte short") << stream.first(stream.size() - 1) << u"Truncated"_s;
        QByteArray relabelled = QByteArray(head + c1);
        relabelled[m_headerSize + 3] = 0;
        QTest::newRow("chunk 1 relabelled as chunk 0") << relabelled << u"AuthenticationFailed"_s;
        QByteArray version = stream;
        version[0] = 2;
        QTest::newRow("version 2") << version << u"UnsupportedVersion"_s;
        QByteArray smallChunk = stream;
        smallChunk[3] = 0x03; // 1024 -> 768
        QTest::newRow("chunk size below minimum") << smallChunk << u"InvalidLength"_s;
        QByteArray otherChunk = stream;
        otherChunk[3] = 0x08; // 2048: valid range, but not what was sealed
        QTest::newRow("chunk size changed") << otherChunk << u"AuthenticationFailed"_s;
        QByteArray bigChunk = stream;
        bigChunk[1] = 0x01; // > 4 MiB
        QTest::newRow("chunk size above maximum") << bigChunk << u"InvalidLength"_s;
        QByteArray size = stream;
        size[12] = char(size[12] + 1);
        QTest::newRow("total size changed") << size << u"AuthenticationFailed"_s;
        QByteArray hugeSize = stream;
        hugeSize[7] = 0x01; // 2^48
        QTest::newRow("total size above limit") << hugeSize << u"TooLarge"_s;
        QByteArray noId = stream;
        noId[13] = 0;
        QTest::newRow("file id length 0") << noId << u"InvalidLength"_s;
        QByteArray idChanged = stream;
        idChanged[14] = 'F';
        QTest::newRow("file id changed") << idChanged << u"WrongPurpose"_s;
    }

    void attacks()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, expected);
        const auto whole = decryptFile(m_key, m_fileId, stream);
        QCOMPARE(outcome(whole), expected);
        // Fed in small pieces, the reader reaches the same verdict.
        QCOMPARE(readAll(m_key, m_fileId, stream, 100), expected);
        QCOMPARE(readAll(m_key, m_fileId, stream, 1), expected);
    }

    void missingFinalTag()
    {
        const QByteArray plaintext = randomBytes(2500);
        auto writer = FileStreamTesting::createWithStreamHeader(m_key, m_fileId, 2500, Chunk, randomBytes(24));
        QVERIFY(writer);
        FileStreamTesting::omitFinalTag(writer.value());
        QByteArray stream = writer->header();
        stream += writer.value().push(plaintext).value();
        stream += writer.value().finish().value();
        QCOMPARE(decryptFile(m_key, m_fileId, stream).error(), Error::Truncated);
        QCOMPARE(readAll(m_key, m_fileId, stream, 333), u"Truncated"_s);
    }

    void finalTagTooEarly()
    {
        for (quint32 index : {0u, 1u}) {
            auto writer = FileStreamTesting::createWithStreamHeader(m_key, m_fileId, 2500, Chunk, randomBytes(24));
            QVERIFY(writer);
            FileStreamTesting::finalTagOnChunk(writer.value(), index);
            QByteArray stream = writer->header();
            stream += writer.value().push(randomBytes(2500)).value();
            stream += writer.value().finish().value();
            QCOMPARE(decryptFile(m_key, m_fileId, stream).error(), Error::Truncated);
            QCOMPARE(readAll(m_key, m_fileId, stream, 500), u"Truncated"_s);
        }
    }

    void streamEndingEarlyUnderLongerHeader()
    {
        // A header declaring 2500 bytes followed by a stream that ends after one 1024-byte chunk.
        const QByteArray ssHeader = randomBytes(24);
        auto shortWriter = FileStreamTesting::createWithStreamHeader(m_key, m_fileId, 2500, Chunk, ssHeader);
        QVERIFY(shortWriter);
        // A one-chunk stream under the same key and secretstream header: its only chunk carries
        // the final tag...
        auto single = FileStreamTesting::createWithStreamHeader(m_key, m_fileId, 1024, Chunk, ssHeader);
        QByteArray body = single.value().push(randomBytes(1024)).value();
        body += single.value().finish().value();
        // ...but its AD names size 1024, so spliced under the 2500 header it cannot authenticate.
        QCOMPARE(decryptFile(m_key, m_fileId, QByteArray(shortWriter->header() + body)).error(),
                 Error::AuthenticationFailed);
    }

    void everyFlippedBitIsRefused()
    {
        const QByteArray stream = encrypt(randomBytes(1500));
        int checked = 0;
        for (qsizetype bit = 0; bit < stream.size() * 8; bit += (bit < m_headerSize * 8 ? 1 : 5)) {
            const auto result = decryptFile(m_key, m_fileId, flipBit(stream, bit));
            QVERIFY2(!result, qPrintable(u"bit %1 accepted"_s.arg(bit)));
            ++checked;
        }
        QVERIFY(checked > 2000);
    }

    void wrongKeyOrId()
    {
        const QByteArray stream = encrypt("secret file"_ba);
        QCOMPARE(decryptFile(SecretBytes::fromBytes(randomBytes(32)), m_fileId, stream).error(),
                 Error::AuthenticationFailed);
        QCOMPARE(decryptFile(SecretBytes::fromBytes(randomBytes(16)), m_fileId, stream).error(), Error::InvalidKey);
        QCOMPARE(decryptFile(m_key, "file-2"_ba, stream).error(), Error::WrongPurpose);
    }

    // After an error the reader stays failed and gives nothing more.
    void errorsAreFinal()
    {
        const QByteArray stream = encrypt(randomBytes(3000));
        FileStreamReader reader(m_key, m_fileId);
        QVERIFY(reader.push(stream.first(m_headerSize + m_fullChunk)));
        QCOMPARE(reader.push(flipBit(stream.mid(m_headerSize + m_fullChunk, m_fullChunk), 100)).error(),
                 Error::AuthenticationFailed);
        QCOMPARE(reader.push(stream.mid(m_headerSize + m_fullChunk)).error(), Error::AuthenticationFailed);
        QCOMPARE(reader.finish().error(), Error::AuthenticationFailed);
    }

    void writerRefuses()
    {
        QCOMPARE(FileStreamWriter::create(SecretBytes(16), m_fileId, 10).error(), Error::InvalidKey);
        QCOMPARE(FileStreamWriter::create(m_key, QByteArray(), 10).error(), Error::InvalidLength);
        QCOMPARE(FileStreamWriter::create(m_key, QByteArray(256, 'i'), 10).error(), Error::InvalidLength);
        QCOMPARE(FileStreamWriter::create(m_key, m_fileId, 10, 1023).error(), Error::InvalidLength);
        QCOMPARE(FileStreamWriter::create(m_key, m_fileId, 10, FileStreamFormat::MaxChunkSize + 1).error(),
                 Error::InvalidLength);
        QCOMPARE(FileStreamWriter::create(m_key, m_fileId, FileStreamFormat::MaxTotalSize + 1).error(),
                 Error::TooLarge);
        auto writer = FileStreamWriter::create(m_key, m_fileId, 10, Chunk);
        QCOMPARE(writer.value().push(QByteArray(11, 'x')).error(), Error::TooLarge);
        QVERIFY(writer.value().push(QByteArray(9, 'x')));
        QCOMPARE(writer.value().finish().error(), Error::InvalidLength);
        QVERIFY(writer.value().push(QByteArray(1, 'x')));
        QVERIFY(writer.value().finish());
        QCOMPARE(writer.value().finish().error(), Error::MalformedInput);
        QCOMPARE(writer.value().push("x"_ba).error(), Error::MalformedInput);
    }
};

QTEST_GUILESS_MAIN(TestCryptoFileStream)
#include "TestCryptoFileStream.moc"
