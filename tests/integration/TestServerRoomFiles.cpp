// Room files (API.md, "Files"): FORMAT.md §7 streams made with lotse_crypto, uploaded in 1 MiB
// pieces and downloaded and decrypted on the other side, both ways; the file key travels in a
// purpose-5 record over the relay as the clients will send it. Interrupted uploads resume (also
// after a SIGKILL), offsets must match, sizes are limited, other organisations and other rooms see
// nothing, abandoned uploads are cleaned up after 24 h, and a canary inside the files is nowhere on
// the server's disk or in its log.
#include "RoomFixture.h"

#include "crypto/FileStream.h"

#include <QDirIterator>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace RoomFixture;
using Lotse::Tests::TestHttpClient;

namespace {

constexpr qsizetype mib = 1024 * 1024;
constexpr qint64 maxPlain = 52'428'800; // the default [rooms] max_file_bytes

// 38 + L + 21·N + S for a UUID file id and 65 536-byte chunks (FORMAT.md §7).
qint64 streamBytes(qint64 plaintext)
{
    return 38 + 36 + 21 * std::max<qint64>(1, (plaintext + 65'535) / 65'536) + plaintext;
}

struct Encrypted
{
    QString fileId;
    QByteArray plaintext;
    QByteArray key;
    QByteArray stream;
};

// A file of `size` random bytes with `canary` inside, encrypted the way a client streams it.
Encrypted encryptFile(qsizetype size, const QString &canary)
{
    Encrypted file;
    file.fileId = newId();
    file.plaintext = Crypto::randomBytes(size);
    const QByteArray marker = canary.toUtf8();
    for (const qsizetype at : {qsizetype(1000), size / 2, size - marker.size() - 10})
        file.plaintext.replace(at, marker.size(), marker);
    file.key = Crypto::randomBytes(32);
    auto created =
        Crypto::FileStreamWriter::create(Crypto::SecretBytes::fromBytes(file.key), file.fileId.toUtf8(), quint64(size));
    if (!created)
        return {};
    Crypto::FileStreamWriter &writer = created.value();
    file.stream = writer.header();
    for (qsizetype at = 0; at < size; at += 100'000) {
        const auto chunks = writer.push(file.plaintext.mid(at, 100'000));
        if (!chunks)
            return {};
        file.stream += *chunks;
    }
    const auto last = writer.finish();
    if (!last)
        return {};
    file.stream += *last;
    return file;
}

// What the receiving client does: the incremental reader over the downloaded bytes, in pieces,
// keeping the plaintext only when the reader finished without error.
QString decrypt(const QByteArray &key, const QString &fileId, const QByteArray &stream, QByteArray &plaintext)
{
    Crypto::FileStreamReader reader(Crypto::SecretBytes::fromBytes(key), fileId.toUtf8());
    QByteArray out;
    for (qsizetype at = 0; at < stream.size(); at += 300'000) {
        const auto piece = reader.push(stream.mid(at, 300'000));
        if (!piece)
            return Crypto::errorString(piece.error());
        out += *piece;
    }
    if (const auto done = reader.finish(); !done)
        return Crypto::errorString(done.error());
    plaintext = out;
    return {};
}

} // namespace

class TestServerRoomFiles : public QObject
{
    Q_OBJECT

private:
    World m_world;
    Visitor m_visitor;
    Visitor m_otherVisitor; // a second booking: another room of the same organisation
    QString m_room;
    Member m_anna;
    Member m_seeker;
    QStringList m_canaries;
    QString m_visitorFileId; // complete, uploaded by the help-seeker
    QString m_pendingFileId; // incomplete, uploaded by Anna

    QString annaKeyId() const { return keyIdOf(m_world.annaDevice.encryption.publicKey()); }
    QString advisorFiles(const QString &room = {}) const
    {
        return u"/api/v1/rooms/%1/files"_s.arg(room.isEmpty() ? m_room : room);
    }
    static QString visitorFiles() { return u"/api/v1/visitor/room/files"_s; }
    TestHttpClient::Headers annaHeaders(const QByteArray &type = "application/json") const
    {
        return {{"Authorization", "Bearer " + m_world.anna.toLatin1()}, {"Content-Type", type}};
    }
    TestHttpClient::Headers seekerHeaders(const QByteArray &type = "application/json") const
    {
        return {{"Authorization", "Bearer " + m_visitor.capability.toLatin1()}, {"Content-Type", type}};
    }

    TestHttpClient::Reply create(const QString &base, const TestHttpClient::Headers &headers, const QString &fileId,
                                 double size, const QJsonObject &extra = {})
    {
        QJsonObject body{{u"fileId"_s, fileId}, {u"size"_s, size}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            body.insert(it.key(), it.value());
        return m_world.client->send("POST", base, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    TestHttpClient::Reply put(const QString &base, const TestHttpClient::Headers &headers, const QString &fileId,
                              qint64 offset, const QByteArray &bytes)
    {
        return m_world.client->send("PUT", u"%1/%2?offset=%3"_s.arg(base, fileId).arg(offset), bytes, headers);
    }
    // Uploads stream[from, to) in 1 MiB pieces; the last answer (or the first failure).
    TestHttpClient::Reply upload(const QString &base, const TestHttpClient::Headers &headers, const QString &fileId,
                                 const QByteArray &stream, qint64 from, qint64 to)
    {
        TestHttpClient::Reply reply;
        for (qint64 at = from; at < to; at += mib) {
            reply = put(base, headers, fileId, at, stream.mid(at, std::min<qint64>(mib, to - at)));
            const QJsonObject file = reply.json().value("file"_L1).toObject();
            if (reply.status != 200 || file.value("received"_L1).toInteger() != std::min<qint64>(at + mib, to))
                return reply;
        }
        return reply;
    }
    // Sends a purpose-5 manifest over the relay and returns the receiver's opened JSON.
    QJsonObject relayManifest(Member &from, Ws &fromWs, const Member &to, Ws &toWs, const Encrypted &file)
    {
        const auto plaintext = Crypto::CanonicalJson::serialize(QJsonObject{{u"v"_s, 1},
                                                                            {u"fileId"_s, file.fileId},
                                                                            {u"name"_s, u"Bescheid.pdf"_s},
                                                                            {u"mime"_s, u"application/pdf"_s},
                                                                            {u"size"_s, file.plaintext.size()},
                                                                            {u"key"_s, Crypto::toBase64Url(file.key)}});
        if (!plaintext)
            return {};
        const auto envelope = Crypto::RecordEnvelope::seal(from.roomKey,
                                                           {m_room.toUtf8(), from.epoch, Crypto::keyId(from.publicKey),
                                                            from.sequence++, Crypto::RecordPurpose::FileManifest},
                                                           *plaintext);
        if (!envelope)
            return {};
        fromWs.send({{u"type"_s, u"send"_s},
                     {u"room"_s, m_room},
                     {u"clientId"_s, newId()},
                     {u"envelope"_s, Crypto::toBase64Url(*envelope)}});
        if (fromWs.nextOf({u"ack"_s, u"error"_s}).value("type"_L1) != "ack"_L1)
            return {};
        const QJsonObject event = toWs.next(u"message"_s);
        const auto bytes = Crypto::fromBase64Url(event.value("envelope"_L1).toString());
        const auto sender = Crypto::fromBase64Url(event.value("sender"_L1).toString());
        if (!bytes || !sender)
            return {};
        const auto opened = Crypto::RecordEnvelope::open(to.roomKey, m_room.toUtf8(), *sender,
                                                         Crypto::RecordPurpose::FileManifest, *bytes);
        return opened ? QJsonDocument::fromJson(opened->plaintext).object() : QJsonObject();
    }
    QString blobFile(const QString &room, const QString &fileId) const
    {
        return m_world.server->dataDir() + u"/blobs/"_s + room + u'/' + fileId;
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_world.setUp("[rooms]\nmax_room_bytes = 16000000\nfile_requests_per_minute = 150\n");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QString booked = bookConfirmed(m_world, m_visitor, 10);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        booked = bookConfirmed(m_world, m_otherVisitor, 12);
        QVERIFY2(booked.isEmpty(), qPrintable(booked));
        m_room = m_visitor.bookingId;
        m_anna.publicKey = m_world.annaDevice.encryption.publicKey();
        m_anna.keys = &m_world.annaDevice.encryption;
        m_seeker.publicKey = m_visitor.browser.publicKey();
        m_seeker.keys = &m_visitor.browser;
        // Epoch 1 by Anna, opened by the browser (the room key carries the file keys).
        const QString sealed = newRoomKey(m_anna, m_room, {m_anna.publicKey, m_seeker.publicKey});
        QCOMPARE(m_world.client
                     ->postJson(u"/api/v1/rooms/%1/envelopes"_s.arg(m_room),
                                {{u"epoch"_s, 1}, {u"sealed"_s, sealed}, {u"senderKeyId"_s, annaKeyId()}}, m_world.anna)
                     .status,
                 201);
        const auto envelopes = m_world.client->send("GET", u"/api/v1/visitor/room/envelopes"_s, {}, seekerHeaders());
        QVERIFY(m_seeker.takeRoomKey(
            m_room, envelopes.json().value("envelopes"_L1).toArray().at(0).toObject().value("sealed"_L1).toString()));
    }

    void visitorSendsAdvisorReceives()
    {
        const QString canary = u"canary-file-seeker Aufenthaltstitel 4f1e"_s;
        m_canaries << canary;
        const Encrypted file = encryptFile(5 * 1000 * 1000, canary);
        QVERIFY(!file.stream.isEmpty());
        QCOMPARE(qint64(file.stream.size()), streamBytes(file.plaintext.size()));
        m_visitorFileId = file.fileId;

        const auto created = create(visitorFiles(), seekerHeaders(), file.fileId, file.stream.size());
        QCOMPARE(created.status, 201);
        const QJsonObject state = created.json().value("file"_L1).toObject();
        QCOMPARE(state.value("id"_L1).toString(), file.fileId);
        QCOMPARE(state.value("size"_L1).toInteger(), file.stream.size());
        QCOMPARE(state.value("received"_L1).toInteger(), 0);
        QCOMPARE(state.value("complete"_L1).toBool(), false);
        QCOMPARE(state.value("senderKeyId"_L1).toString(), m_seeker.keyId());
        // A retry of the same create answers the state; another size is another file.
        QCOMPARE(create(visitorFiles(), seekerHeaders(), file.fileId, file.stream.size()).status, 200);
        const auto clash = create(visitorFiles(), seekerHeaders(), file.fileId, file.stream.size() + 1);
        QCOMPARE(clash.status, 409);
        QCOMPARE(clash.errorCode(), u"file_exists"_s);
        // Nothing to download before the last byte.
        const auto early = m_world.client->get(advisorFiles() + u'/' + file.fileId + u"/content"_s, m_world.anna);
        QCOMPARE(early.status, 409);
        QCOMPARE(early.errorCode(), u"file_incomplete"_s);

        const auto last = upload(visitorFiles(), seekerHeaders("application/octet-stream"), file.fileId, file.stream, 0,
                                 file.stream.size());
        QCOMPARE(last.status, 200);
        QCOMPARE(last.json().value("file"_L1).toObject().value("complete"_L1).toBool(), true);
        QCOMPARE(QFileInfo(blobFile(m_room, file.fileId)).size(), file.stream.size());
        // A complete file takes no more bytes.
        const auto more =
            put(visitorFiles(), seekerHeaders("application/octet-stream"), file.fileId, file.stream.size(), "x");
        QCOMPARE(more.status, 409);
        QCOMPARE(more.errorCode(), u"file_complete"_s);

        // The manifest over the relay, then Anna downloads and decrypts.
        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        QCOMPARE(anna.join(m_room, annaKeyId()).value("type"_L1).toString(), u"joined"_s);
        Ws seeker;
        QCOMPARE(seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability).value("type"_L1).toString(),
                 u"ready"_s);
        QCOMPARE(seeker.join(m_room).value("type"_L1).toString(), u"joined"_s);
        const QJsonObject manifest = relayManifest(m_seeker, seeker, m_anna, anna, file);
        QCOMPARE(manifest.value("fileId"_L1).toString(), file.fileId);
        const auto key = Crypto::fromBase64Url(manifest.value("key"_L1).toString());
        QVERIFY(key);
        const auto state2 = m_world.client->get(advisorFiles() + u'/' + file.fileId, m_world.anna);
        QCOMPARE(state2.json().value("file"_L1).toObject().value("complete"_L1).toBool(), true);
        const auto download = m_world.client->get(advisorFiles() + u'/' + file.fileId + u"/content"_s, m_world.anna);
        QCOMPARE(download.status, 200);
        QCOMPARE(download.header("content-type"), QByteArray("application/octet-stream"));
        QCOMPARE(download.body.size(), file.stream.size());
        QByteArray plaintext;
        const QString error = decrypt(*key, manifest.value("fileId"_L1).toString(), download.body, plaintext);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(qint64(plaintext.size()), manifest.value("size"_L1).toInteger());
        QVERIFY(plaintext == file.plaintext);
    }

    void advisorSendsVisitorReceivesWithResumedDownload()
    {
        const QString canary = u"canary-file-anna Gutachten b7d2"_s;
        m_canaries << canary;
        const Encrypted file = encryptFile(5 * 1000 * 1000 + 123, canary);
        const auto created =
            create(advisorFiles(), annaHeaders(), file.fileId, file.stream.size(), {{u"senderKeyId"_s, annaKeyId()}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value("file"_L1).toObject().value("senderKeyId"_L1).toString(), annaKeyId());
        // Naming a device that is not Anna's is refused.
        const auto foreign = create(advisorFiles(), annaHeaders(), newId(), 1000,
                                    {{u"senderKeyId"_s, keyIdOf(m_world.olgaDevice.encryption.publicKey())}});
        QCOMPARE(foreign.status, 400);
        QCOMPARE(foreign.errorCode(), u"validation_failed"_s);
        QCOMPARE(upload(advisorFiles(), annaHeaders("application/octet-stream"), file.fileId, file.stream, 0,
                        file.stream.size())
                     .json()
                     .value("file"_L1)
                     .toObject()
                     .value("complete"_L1)
                     .toBool(),
                 true);

        Ws anna;
        QVERIFY(anna.openAdvisor(m_world.server->baseUrl(), m_world.anna));
        anna.join(m_room, annaKeyId());
        Ws seeker;
        seeker.openVisitor(m_world.server->baseUrl(), m_visitor.capability);
        seeker.join(m_room);
        const QJsonObject manifest = relayManifest(m_anna, anna, m_seeker, seeker, file);
        const auto key = Crypto::fromBase64Url(manifest.value("key"_L1).toString());
        QVERIFY(key);

        // The download breaks off after 2 MB and resumes with a Range request.
        const QString content = visitorFiles() + u'/' + file.fileId + u"/content"_s;
        const auto whole = m_world.client->send("GET", content, {}, seekerHeaders());
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.header("accept-ranges"), QByteArray("bytes"));
        const qint64 cut = 2'000'000;
        const auto rest = m_world.client->send("GET", content, {},
                                               seekerHeaders() + TestHttpClient::Headers{{"Range", "bytes=2000000-"}});
        QCOMPARE(rest.status, 206);
        QCOMPARE(rest.header("content-range"),
                 QByteArray("bytes 2000000-" + QByteArray::number(file.stream.size() - 1) + '/' +
                            QByteArray::number(file.stream.size())));
        QByteArray plaintext;
        const QString error = decrypt(*key, file.fileId, whole.body.left(cut) + rest.body, plaintext);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(plaintext == file.plaintext);
        // A range past the end is 416; a cut-off stream does not decrypt (the reader says so).
        const auto beyond = m_world.client->send(
            "GET", content, {},
            seekerHeaders() + TestHttpClient::Headers{
                                  {"Range", QByteArray("bytes=" + QByteArray::number(file.stream.size()) + '-')}});
        QCOMPARE(beyond.status, 416);
        QByteArray partial;
        QVERIFY(!decrypt(*key, file.fileId, whole.body.left(cut), partial).isEmpty());
        QVERIFY(partial.isEmpty());
    }

    void interruptedUploadResumes()
    {
        const QString canary = u"canary-file-resume 90ac"_s;
        m_canaries << canary;
        const Encrypted file = encryptFile(3 * 1000 * 1000, canary);
        QCOMPARE(create(visitorFiles(), seekerHeaders(), file.fileId, file.stream.size()).status, 201);
        const auto octet = seekerHeaders("application/octet-stream");
        QCOMPARE(upload(visitorFiles(), octet, file.fileId, file.stream, 0, 2 * mib).status, 200);

        // The server dies right after acknowledging 2 MiB; those bytes are on disk.
        m_world.server->kill();
        QVERIFY2(m_world.server->start(), qPrintable(m_world.server->lastError()));
        const auto state = m_world.client->send("GET", visitorFiles() + u'/' + file.fileId, {}, seekerHeaders());
        QCOMPARE(state.status, 200);
        QCOMPARE(state.json().value("file"_L1).toObject().value("received"_L1).toInteger(), 2 * mib);

        // A client that lost track and starts over is told where the server stands; nothing written.
        const auto mismatch = put(visitorFiles(), octet, file.fileId, 0, file.stream.left(mib));
        QCOMPARE(mismatch.status, 409);
        QCOMPARE(mismatch.errorCode(), u"offset_mismatch"_s);
        QCOMPARE(mismatch.json().value("error"_L1).toObject().value("received"_L1).toInteger(), 2 * mib);
        QCOMPARE(QFileInfo(blobFile(m_room, file.fileId)).size(), 2 * mib);
        QCOMPARE(put(visitorFiles(), octet, file.fileId, 3 * mib, "x").errorCode(), u"offset_mismatch"_s);
        // Bad pieces: no offset, empty, larger than 1 MiB, past the declared size.
        QCOMPARE(m_world.client->send("PUT", visitorFiles() + u'/' + file.fileId, "x", octet).errorCode(),
                 u"validation_failed"_s);
        QCOMPARE(put(visitorFiles(), octet, file.fileId, 2 * mib, {}).errorCode(), u"validation_failed"_s);
        const auto huge = put(visitorFiles(), octet, file.fileId, 2 * mib, QByteArray(mib + 1, 'x'));
        QCOMPARE(huge.status, 413);
        QCOMPARE(huge.errorCode(), u"body_too_large"_s);
        const auto overflow =
            put(visitorFiles(), octet, file.fileId, 2 * mib, file.stream.mid(2 * mib) + QByteArray(10, 'x'));
        QCOMPARE(overflow.status, 400);
        QCOMPARE(overflow.errorCode(), u"validation_failed"_s);
        QCOMPARE(QFileInfo(blobFile(m_room, file.fileId)).size(), 2 * mib);
        // Another participant cannot write into it.
        const auto intruder = put(advisorFiles(), annaHeaders("application/octet-stream"), file.fileId, 2 * mib, "x");
        QCOMPARE(intruder.status, 403);
        QCOMPARE(intruder.errorCode(), u"not_uploader"_s);

        // Resume from the server's offset; the whole file arrives intact.
        const qint64 received = state.json().value("file"_L1).toObject().value("received"_L1).toInteger();
        QCOMPARE(upload(visitorFiles(), octet, file.fileId, file.stream, received, file.stream.size())
                     .json()
                     .value("file"_L1)
                     .toObject()
                     .value("complete"_L1)
                     .toBool(),
                 true);
        const auto download = m_world.client->get(advisorFiles() + u'/' + file.fileId + u"/content"_s, m_world.anna);
        QByteArray plaintext;
        const QString error = decrypt(file.key, file.fileId, download.body, plaintext);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(plaintext == file.plaintext);
    }

    void sizeLimits()
    {
        // Over the limit: 413 with the plaintext maximum. Exactly the limit passes the size check
        // (and here meets the room's 16 MB quota instead).
        const auto tooLarge = create(visitorFiles(), seekerHeaders(), newId(), streamBytes(maxPlain) + 1);
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), u"file_too_large"_s);
        QCOMPARE(tooLarge.json().value("error"_L1).toObject().value("maxBytes"_L1).toInteger(), maxPlain);
        const auto atLimit = create(visitorFiles(), seekerHeaders(), newId(), streamBytes(maxPlain));
        QCOMPARE(atLimit.status, 413);
        QCOMPARE(atLimit.errorCode(), u"room_full"_s);
        // About 13 MB are used; 2 MB more fit, 4 MB do not.
        QCOMPARE(create(visitorFiles(), seekerHeaders(), newId(), 4'000'000).errorCode(), u"room_full"_s);
        m_pendingFileId = newId();
        QCOMPARE(create(advisorFiles(), annaHeaders(), m_pendingFileId, 2'000'000).status, 201);
        // Malformed requests.
        QCOMPARE(create(visitorFiles(), seekerHeaders(), newId(), 62).errorCode(), u"validation_failed"_s);
        QCOMPARE(create(visitorFiles(), seekerHeaders(), newId(), 1000.5).errorCode(), u"validation_failed"_s);
        QCOMPARE(create(visitorFiles(), seekerHeaders(), newId().toUpper(), 1000).errorCode(), u"validation_failed"_s);
        QCOMPARE(m_world.client->send("POST", visitorFiles(), R"({"fileId": "x"})", seekerHeaders()).errorCode(),
                 u"validation_failed"_s);
        QCOMPARE(m_world.client->send("DELETE", visitorFiles(), {}, seekerHeaders()).status, 405);
    }

    void otherOrganisationsAndRoomsSeeNothing()
    {
        const QString file = u"/"_s + m_visitorFileId;
        // Olga (another organisation): the room does not exist for her.
        for (const QString &path : QStringList{advisorFiles() + file, advisorFiles() + file + u"/content"_s}) {
            const auto reply = m_world.client->get(path, m_world.olga);
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), u"room_not_found"_s);
        }
        QCOMPARE(create(advisorFiles(),
                        {{"Authorization", "Bearer " + m_world.olga.toLatin1()}, {"Content-Type", "application/json"}},
                        newId(), 1000)
                     .errorCode(),
                 u"room_not_found"_s);
        // The other booking's capability: its own room has no such file.
        const TestHttpClient::Headers other{{"Authorization", "Bearer " + m_otherVisitor.capability.toLatin1()},
                                            {"Content-Type", "application/octet-stream"}};
        for (const QString &path : QStringList{visitorFiles() + file, visitorFiles() + file + u"/content"_s}) {
            const auto reply = m_world.client->send("GET", path, {}, other);
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), u"file_not_found"_s);
        }
        QCOMPARE(put(visitorFiles(), other, m_pendingFileId, 0, "x").errorCode(), u"file_not_found"_s);
        // Anna asking for the file under the other room's id: not found either.
        QCOMPARE(m_world.client->get(advisorFiles(m_otherVisitor.bookingId) + file, m_world.anna).errorCode(),
                 u"file_not_found"_s);
        QCOMPARE(m_world.client->get(advisorFiles() + u"/not-a-uuid"_s, m_world.anna).errorCode(), u"file_not_found"_s);
        // No capability, no files.
        QCOMPARE(m_world.client->send("GET", visitorFiles() + file, {}, bearer(u"nonsense"_s)).errorCode(),
                 u"capability_invalid"_s);
    }

    void abandonedUploadsAreRemoved()
    {
        QCOMPARE(put(advisorFiles(), annaHeaders("application/octet-stream"), m_pendingFileId, 0, QByteArray(1000, 'p'))
                     .status,
                 200);
        QVERIFY(QFile::exists(blobFile(m_room, m_pendingFileId)));
        m_world.server->advanceClock(23 * 3600);
        m_world.anna = m_world.client->login(u"anna@demo.example"_s, u"anna password"_s); // the session idled out
        QVERIFY(!m_world.anna.isEmpty());
        QCOMPARE(create(advisorFiles(), annaHeaders(), newId(), 1000).status, 201); // sweeps
        QCOMPARE(m_world.client->get(advisorFiles() + u'/' + m_pendingFileId, m_world.anna).status, 200);
        m_world.server->advanceClock(2 * 3600);
        QCOMPARE(create(advisorFiles(), annaHeaders(), newId(), 1000).status, 201); // sweeps
        QCOMPARE(m_world.client->get(advisorFiles() + u'/' + m_pendingFileId, m_world.anna).errorCode(),
                 u"file_not_found"_s);
        QVERIFY(!QFile::exists(blobFile(m_room, m_pendingFileId)));
        // Complete files stay.
        QCOMPARE(m_world.client->get(advisorFiles() + u'/' + m_visitorFileId, m_world.anna).status, 200);
        QVERIFY(QFile::exists(blobFile(m_room, m_visitorFileId)));
    }

    void canariesNowhere()
    {
        QCOMPARE(m_canaries.size(), 3);
        QVERIFY(m_world.server->stop());
        QStringList found;
        QDirIterator files(m_world.server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QList<QPair<QString, QByteArray>> contents;
        int blobs = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            blobs += file.fileName().contains(u"/blobs/"_s) ? 1 : 0;
            if (file.open(QIODevice::ReadOnly))
                contents.append({file.fileName(), file.readAll()});
        }
        QVERIFY(blobs >= 3);
        contents.append({u"server log"_s, m_world.server->serverLog()});
        for (const auto &[name, bytes] : std::as_const(contents)) {
            for (const QString &canary : std::as_const(m_canaries)) {
                if (bytes.contains(canary.toUtf8()) || bytes.contains(canary.toUtf8().toBase64()))
                    found << name + u": "_s + canary;
            }
        }
        QCOMPARE(found, QStringList());
        QVERIFY(m_world.server->start());
    }

    void rateLimited()
    {
        // File requests have their own per-client limit (150 a minute here).
        const QString path = visitorFiles() + u'/' + m_visitorFileId;
        int answered = 0;
        TestHttpClient::Reply reply;
        for (int i = 0; i < 200; ++i) {
            reply = m_world.client->send("GET", path, {}, seekerHeaders());
            if (reply.status != 200)
                break;
            ++answered;
        }
        QCOMPARE(reply.status, 429);
        QVERIFY(answered <= 150);
        QVERIFY(reply.header("retry-after").toInt() > 0);
        // The room's other endpoints still answer; a minute later files do again.
        QCOMPARE(m_world.client->send("GET", u"/api/v1/visitor/room"_s, {}, seekerHeaders()).status, 200);
        m_world.server->advanceClock(61);
        QCOMPARE(m_world.client->send("GET", path, {}, seekerHeaders()).status, 200);
    }

    // Runs last: it moves the clock past the capability's life.
    void expiredCapability()
    {
        m_world.server->advanceClock(40 * 24 * 3600);
        const auto reply =
            m_world.client->send("GET", visitorFiles() + u'/' + m_visitorFileId + u"/content"_s, {}, seekerHeaders());
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), u"capability_expired"_s);
    }

    void cleanupTestCase() { QVERIFY(m_world.server->stop()); }
};

QTEST_GUILESS_MAIN(TestServerRoomFiles)
#include "TestServerRoomFiles.moc"
