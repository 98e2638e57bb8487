// Golden vectors of the envelopes: record, replay window, sealed envelope, file stream.
#include "crypto/tools/VectorSupport.h"

#include "crypto/CanonicalJson.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/FileStream.h"
#include "crypto/Kdf.h"
#include "crypto/Keys.h"
#include "crypto/Password.h"
#include "crypto/Random.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/ReplayGuard.h"
#include "crypto/SealedEnvelope.h"
#include "crypto/ShortAuthCode.h"
#include "crypto/Signature.h"
#include "crypto/internal/Primitives.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto::Vectors::Detail {

// ---- record ---------------------------------------------------------------------------------

QJsonObject recordFields(const RecordContext &c, QByteArrayView key, QByteArrayView envelope)
{
    return {{u"key"_s, hex(key)},
            {u"roomId"_s, QString::fromUtf8(c.roomId)},
            {u"senderId"_s, hex(c.senderId)},
            {u"purpose"_s, int(c.purpose)},
            {u"envelope"_s, hex(envelope)}};
}

QJsonObject generateRecord()
{
    QJsonArray vectors;
    const QByteArray key = fixed("record-key");
    const SecretBytes roomKey = secret(key);
    const QByteArray sender = keyId(EncryptionKeyPair::fromSecretKey(fixed("keys-a-x25519")).value().publicKey());
    RecordContext base{"room-7f3a"_ba, 3, sender, 0, RecordPurpose::ChatMessage};

    struct Ok
    {
        const char *name;
        RecordContext context;
        QByteArray plaintext;
    };
    RecordContext whiteboard = base;
    whiteboard.purpose = RecordPurpose::WhiteboardOperation;
    whiteboard.sequence = 41;
    RecordContext big = base;
    big.sequence = (quint64(1) << 60) + 5;
    big.epoch = 0xfffffffe;
    RecordContext unicodeRoom = base;
    unicodeRoom.roomId = QStringLiteral(u"Beratung-Köln-☕").toUtf8();
    const Ok oks[] = {
        {"chat message", base, QStringLiteral(u"Hallo, wie kann ich helfen? Grüße 👋").toUtf8()},
        {"empty plaintext", RecordContext{base.roomId, 3, sender, 1, RecordPurpose::ChatMessage}, QByteArray()},
        {"whiteboard operation", whiteboard, R"({"op":"line","pts":[1,2,3,4]})"_ba},
        {"sequence above 2^53 and large epoch", big, "x"_ba},
        {"non-ASCII room id", unicodeRoom, QByteArray(300, 'A')},
    };
    int n = 0;
    for (const auto &ok : oks) {
        const QByteArray nonce = fixed(QByteArray("record-nonce-" + QByteArray::number(n++)), 24);
        const QByteArray env = Internal::sealRecordWithNonce(roomKey, ok.context, ok.plaintext, nonce).value();
        QJsonObject f = recordFields(ok.context, key, env);
        f.insert(u"epoch"_s, qint64(ok.context.epoch));
        f.insert(u"sequence"_s, u64Json(ok.context.sequence));
        f.insert(u"nonce"_s, hex(nonce));
        f.insert(u"plaintext"_s, hex(ok.plaintext));
        vectors.append(vector(QString::fromLatin1(ok.name), u"ok"_s, f));
    }

    const QByteArray plaintext = "Termin am Dienstag um 10 Uhr"_ba;
    const QByteArray env = Internal::sealRecordWithNonce(roomKey, base, plaintext, fixed("record-nonce-x", 24)).value();
    auto bad = [&](const char *name, const char *expect, RecordContext c, QByteArrayView k, QByteArrayView e) {
        vectors.append(vector(QString::fromLatin1(name), QString::fromLatin1(expect), recordFields(c, k, e)));
    };
    RecordContext otherRoom = base;
    otherRoom.roomId = "room-7f3b"_ba;
    RecordContext otherSender = base;
    otherSender.senderId = keyId(EncryptionKeyPair::fromSecretKey(fixed("keys-b-x25519")).value().publicKey());
    RecordContext asWhiteboard = base;
    asWhiteboard.purpose = RecordPurpose::WhiteboardOperation;
    QByteArray purposeChanged = env;
    purposeChanged[1] = char(RecordPurpose::WhiteboardOperation);
    QByteArray epochChanged = env;
    epochChanged[5] = char(epochChanged[5] + 1);
    QByteArray sequenceChanged = env;
    sequenceChanged[13] = char(sequenceChanged[13] + 1);
    QByteArray version2 = env;
    version2[0] = 2;
    bad("flipped ciphertext bit", "AuthenticationFailed", base, key, flipBit(env, 8 * 40 + 3));
    bad("flipped tag bit", "AuthenticationFailed", base, key, flipBit(env, 8 * (env.size() - 1)));
    bad("flipped nonce bit", "AuthenticationFailed", base, key, flipBit(env, 8 * 20));
    bad("wrong key", "AuthenticationFailed", base, fixed("record-other-key"), env);
    bad("other room id", "AuthenticationFailed", otherRoom, key, env);
    bad("other sender", "AuthenticationFailed", otherSender, key, env);
    bad("purpose byte changed", "AuthenticationFailed", asWhiteboard, key, purposeChanged);
    bad("opened for another purpose", "WrongPurpose", asWhiteboard, key, env);
    bad("epoch changed", "AuthenticationFailed", base, key, epochChanged);
    bad("sequence changed", "AuthenticationFailed", base, key, sequenceChanged);
    bad("version 2", "UnsupportedVersion", base, key, version2);
    bad("too short", "InvalidLength", base, key, env.first(53));
    bad("empty", "InvalidLength", base, key, QByteArray());
    bad("key of 31 bytes", "InvalidKey", base, key.first(31), env);
    return document(u"record"_s, vectors);
}

void verifyRecord(const QJsonObject &v, Check &check)
{
    const QByteArray key = unhex(v[u"key"]);
    const QByteArray roomId = v[u"roomId"].toString().toUtf8();
    const QByteArray senderId = unhex(v[u"senderId"]);
    const auto purpose = RecordPurpose(v[u"purpose"].toInt());
    const QByteArray env = unhex(v[u"envelope"]);
    const auto opened = RecordEnvelope::open(secret(key), roomId, senderId, purpose, env);
    if (!check.expect(v[u"expect"].toString(), outcome(opened)) || !opened)
        return;
    check.equal("plaintext", unhex(v[u"plaintext"]), opened->plaintext);
    if (opened->epoch != u64(v[u"epoch"]) || opened->sequence != u64(v[u"sequence"]))
        check.fail(u"epoch or sequence differs"_s);
    if (v.contains(u"nonce")) {
        const RecordContext c{roomId, opened->epoch, senderId, opened->sequence, purpose};
        const auto resealed = Internal::sealRecordWithNonce(secret(key), c, opened->plaintext, unhex(v[u"nonce"]));
        check.equal("resealed envelope", env, resealed ? *resealed : QByteArray());
    }
}

// ---- replay ---------------------------------------------------------------------------------

QJsonObject generateReplay()
{
    const QByteArray key = fixed("replay-key");
    const QByteArray sender = fixed("replay-sender", 16);
    RecordContext c{"room-replay"_ba, 1, sender, 0, RecordPurpose::ChatMessage};
    QJsonArray envelopes;
    QJsonArray expects;
    auto add = [&](quint64 sequence, const char *expect) {
        c.sequence = sequence;
        const QByteArray nonce = fixed(QByteArray("replay-nonce-" + QByteArray::number(envelopes.size())), 24);
        envelopes.append(hex(Internal::sealRecordWithNonce(secret(key), c, "m"_ba, nonce).value()));
        expects.append(QString::fromLatin1(expect));
    };
    add(0, "ok");
    add(2, "ok");
    add(1, "ok");       // late but new
    add(2, "Replayed"); // same sequence again (fresh nonce)
    add(0, "Replayed");
    add(2000, "ok");
    add(1500, "ok");        // within the 1024 window
    add(976, "OutOfOrder"); // 1024 below the highest: too old to tell
    add(1500, "Replayed");
    QJsonObject f{{u"key"_s, hex(key)}, {u"roomId"_s, u"room-replay"_s}, {u"senderId"_s, hex(sender)},
                  {u"purpose"_s, 1},    {u"envelopes"_s, envelopes},     {u"expects"_s, expects}};
    return document(u"replay"_s, {vector(u"one sender, window of 1024"_s, u"ok"_s, f)});
}

void verifyReplay(const QJsonObject &v, Check &check)
{
    ReplayGuard guard;
    const QJsonArray envelopes = v[u"envelopes"].toArray();
    const QJsonArray expects = v[u"expects"].toArray();
    if (envelopes.isEmpty() || envelopes.size() != expects.size()) {
        check.fail(u"envelopes and expects differ in length"_s);
        return;
    }
    const SecretBytes key = secret(unhex(v[u"key"]));
    for (qsizetype i = 0; i < envelopes.size(); ++i) {
        const auto opened = RecordEnvelope::open(key, v[u"roomId"].toString().toUtf8(), unhex(v[u"senderId"]),
                                                 RecordPurpose(v[u"purpose"].toInt()), unhex(envelopes.at(i)), guard);
        if (expects.at(i).toString() != outcome(opened))
            check.fail(u"envelope %1: expected %2, got %3"_s.arg(i).arg(expects.at(i).toString(), outcome(opened)));
    }
}

// ---- sealed ---------------------------------------------------------------------------------

struct SealRecipient
{
    QByteArray secretKey;
    QByteArray publicKey;
    QByteArray seed;
};

SealRecipient sealRecipient(const char *label)
{
    const QByteArray sk = fixed(label);
    return {sk, EncryptionKeyPair::fromSecretKey(sk).value().publicKey(),
            fixed(QByteArray(QByteArray(label) + "-ephemeral"))};
}

QJsonObject generateSealed()
{
    QJsonArray vectors;
    const SealRecipient a = sealRecipient("sealed-device-a");
    const SealRecipient b = sealRecipient("sealed-device-b");
    const SealRecipient c = sealRecipient("sealed-device-c");
    const SealRecipient outsider = sealRecipient("sealed-outsider");

    auto make = [&](const QList<SealRecipient> &rs, SealPurpose purpose, const QByteArray &context,
                    const QByteArray &payload, const char *label) {
        QList<QByteArray> pks;
        QList<QByteArray> seeds;
        for (const auto &r : rs) {
            pks.append(r.publicKey);
            seeds.append(r.seed);
        }
        return Internal::sealToRecipientsWith(pks, purpose, context, payload,
                                              fixed(QByteArray(QByteArray(label) + "-content-key")),
                                              fixed(QByteArray(QByteArray(label) + "-nonce"), 24), seeds)
            .value();
    };
    auto fields = [&](const QList<SealRecipient> &rs, const SealRecipient &openWith, SealPurpose purpose,
                      const QByteArray &context, const QByteArray &envelope) {
        QJsonArray list;
        for (const auto &r : rs)
            list.append(QJsonObject{{u"secretKey"_s, hex(r.secretKey)},
                                    {u"publicKey"_s, hex(r.publicKey)},
                                    {u"ephemeralSeed"_s, hex(r.seed)}});
        return QJsonObject{{u"recipients"_s, list},
                           {u"openWith"_s, QJsonObject{{u"secretKey"_s, hex(openWith.secretKey)}}},
                           {u"purpose"_s, int(purpose)},
                           {u"context"_s, hex(context)},
                           {u"envelope"_s, hex(envelope)}};
    };
    auto ok = [&](const char *name, const QList<SealRecipient> &rs, const SealRecipient &openWith, SealPurpose purpose,
                  const QByteArray &context, const QByteArray &payload) {
        const QByteArray env = make(rs, purpose, context, payload, name);
        QJsonObject f = fields(rs, openWith, purpose, context, env);
        f.insert(u"contentKey"_s, hex(fixed(QByteArray(QByteArray(name) + "-content-key"))));
        f.insert(u"nonce"_s, hex(fixed(QByteArray(QByteArray(name) + "-nonce"), 24)));
        f.insert(u"payload"_s, hex(payload));
        vectors.append(vector(QString::fromLatin1(name), u"ok"_s, f));
        return env;
    };
    const QByteArray booking = "booking:bk-2041"_ba;
    const QByteArray fieldsJson = QStringLiteral(u"{\"name\":\"Olena Kovalenko\",\"phone\":\"+49 30 1234567\","
                                                 u"\"message\":\"Ich brauche Hilfe mit dem Aufenthaltstitel.\"}")
                                      .toUtf8();
    const QByteArray env =
        ok("booking fields to three devices", {a, b, c}, b, SealPurpose::BookingFields, booking, fieldsJson);
    ok("room key to one participant", {c}, c, SealPurpose::RoomKey, "room:r-19:4"_ba, fixed("sealed-room-key"));
    ok("empty context and payload", {a, b}, a, SealPurpose::KeyTransfer, QByteArray(), QByteArray());

    auto bad = [&](const char *name, const char *expect, const SealRecipient &openWith, SealPurpose purpose,
                   const QByteArray &context, const QByteArray &envelope) {
        vectors.append(vector(QString::fromLatin1(name), QString::fromLatin1(expect),
                              fields({a, b, c}, openWith, purpose, context, envelope)));
    };
    const qsizetype table = 3 + 96 * 3;
    QByteArray swappedEntries = env;
    swappedEntries.replace(3, 96, env.mid(3 + 96, 96));
    swappedEntries.replace(3 + 96, 96, env.mid(3, 96));
    QByteArray duplicate = env;
    duplicate.replace(3 + 96, 96, env.mid(3, 96));
    QByteArray zeroRecipients = env;
    zeroRecipients[2] = 0;
    QByteArray tooMany = env;
    tooMany[2] = char(65);
    QByteArray version2 = env;
    version2[0] = 2;
    QByteArray foreignSealedKey = env; // b's entry holds a content key sealed by someone else
    foreignSealedKey.replace(3 + 96 + 16, 80,
                             Internal::boxSealWithSeed(fixed("another-content-key"), b.publicKey, fixed("x")).value());
    bad("not a recipient", "NotARecipient", outsider, SealPurpose::BookingFields, booking, env);
    bad("other context", "AuthenticationFailed", b, SealPurpose::BookingFields, "booking:bk-2042"_ba, env);
    bad("opened for another purpose", "WrongPurpose", b, SealPurpose::RoomKey, booking, env);
    bad("flipped payload bit", "AuthenticationFailed", b, SealPurpose::BookingFields, booking,
        flipBit(env, 8 * (table + 30)));
    bad("flipped bit in own sealed key", "AuthenticationFailed", b, SealPurpose::BookingFields, booking,
        flipBit(env, 8 * (3 + 96 + 16 + 40)));
    bad("flipped bit in another recipient's entry", "AuthenticationFailed", b, SealPurpose::BookingFields, booking,
        flipBit(env, 8 * (3 + 40)));
    bad("recipient entries swapped", "AuthenticationFailed", b, SealPurpose::BookingFields, booking, swappedEntries);
    bad("content key sealed by someone else", "AuthenticationFailed", b, SealPurpose::BookingFields, booking,
        foreignSealedKey);
    bad("recipient listed twice", "MalformedInput", a, SealPurpose::BookingFields, booking, duplicate);
    // Section 6's order: the table's length is checked before its key ids.
    bad("recipient listed twice, table cut short", "InvalidLength", a, SealPurpose::BookingFields, booking,
        duplicate.first(3 + 96 * 2 + 10));
    bad("recipient listed twice, table complete, nonce missing", "MalformedInput", a, SealPurpose::BookingFields,
        booking, duplicate.first(table));
    bad("zero recipients", "InvalidLength", a, SealPurpose::BookingFields, booking, zeroRecipients);
    bad("65 recipients", "TooLarge", a, SealPurpose::BookingFields, booking, tooMany);
    bad("version 2", "UnsupportedVersion", a, SealPurpose::BookingFields, booking, version2);
    bad("cut inside the recipient table", "InvalidLength", a, SealPurpose::BookingFields, booking, env.first(200));
    bad("cut before the tag", "InvalidLength", a, SealPurpose::BookingFields, booking, env.first(table + 24 + 15));
    return document(u"sealed"_s, vectors);
}

void verifySealed(const QJsonObject &v, Check &check)
{
    const auto me = EncryptionKeyPair::fromSecretKey(unhex(v[u"openWith"][u"secretKey"]));
    if (!me) {
        check.fail(u"bad openWith key"_s);
        return;
    }
    const auto purpose = SealPurpose(v[u"purpose"].toInt());
    const QByteArray context = unhex(v[u"context"]);
    const QByteArray env = unhex(v[u"envelope"]);
    const auto opened = SealedEnvelope::open(*me, purpose, context, env);
    if (!check.expect(v[u"expect"].toString(), outcome(opened)) || !opened)
        return;
    check.equal("payload", unhex(v[u"payload"]), *opened);
    QList<QByteArray> pks;
    QList<QByteArray> seeds;
    QList<QByteArray> ids;
    for (const QJsonValue r : v[u"recipients"].toArray()) {
        pks.append(unhex(r[u"publicKey"]));
        seeds.append(unhex(r[u"ephemeralSeed"]));
        ids.append(keyId(pks.last()));
    }
    const auto listed = SealedEnvelope::recipientKeyIds(env);
    if (!listed || *listed != ids)
        check.fail(u"recipient key ids differ"_s);
    if (v.contains(u"nonce") && v.contains(u"contentKey")) {
        const auto resealed = Internal::sealToRecipientsWith(pks, purpose, context, *opened, unhex(v[u"contentKey"]),
                                                             unhex(v[u"nonce"]), seeds);
        check.equal("resealed envelope", env, resealed ? *resealed : QByteArray());
    }
}

// ---- filestream -----------------------------------------------------------------------------

QByteArray makeStream(QByteArrayView key, QByteArrayView fileId, QByteArrayView plaintext, quint32 chunkSize,
                      QByteArrayView streamHeader, bool omitFinalTag = false, quint64 declaredSize = ~quint64(0))
{
    const quint64 total = declaredSize == ~quint64(0) ? quint64(plaintext.size()) : declaredSize;
    auto writer = FileStreamTesting::createWithStreamHeader(secret(key), fileId, total, chunkSize, streamHeader);
    if (omitFinalTag)
        FileStreamTesting::omitFinalTag(writer.value());
    QByteArray out = writer->header();
    out += writer.value().push(plaintext).value();
    out += writer.value().finish().value();
    return out;
}

QByteArray patterned(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char((i * 31 + 7) & 0xff);
    return out;
}

QJsonObject generateFileStream()
{
    QJsonArray vectors;
    const QByteArray key = fixed("file-key");
    const QByteArray fileId = "file-2b9c"_ba;
    auto fields = [&](QByteArrayView id, QByteArrayView stream) {
        return QJsonObject{{u"key"_s, hex(key)}, {u"fileId"_s, hex(id)}, {u"stream"_s, hex(stream)}};
    };
    struct Ok
    {
        const char *name;
        qsizetype size;
        quint32 chunkSize;
        int feed;
    };
    const Ok oks[] = {
        {"empty file", 0, 1024, 0},
        {"one full chunk", 1024, 1024, 0},
        {"three chunks, last partial, fed 7 bytes at a time", 2500, 1024, 7},
        {"exact multiple of the chunk size", 3072, 1024, 1000},
        {"default chunk size", 70000, 65536, 0},
    };
    int n = 0;
    for (const auto &ok : oks) {
        const QByteArray header = fixed(QByteArray("file-header-" + QByteArray::number(n++)), 24);
        const QByteArray plaintext = patterned(ok.size);
        QJsonObject f = fields(fileId, makeStream(key, fileId, plaintext, ok.chunkSize, header));
        f.insert(u"chunkSize"_s, qint64(ok.chunkSize));
        f.insert(u"totalSize"_s, qint64(ok.size));
        f.insert(u"streamHeader"_s, hex(header));
        f.insert(u"plaintext"_s, hex(plaintext));
        if (ok.feed > 0)
            f.insert(u"feed"_s, ok.feed);
        vectors.append(vector(QString::fromLatin1(ok.name), u"ok"_s, f));
    }

    const QByteArray header = fixed("file-header-x", 24);
    const QByteArray plaintext = patterned(2500);
    const QByteArray stream = makeStream(key, fileId, plaintext, 1024, header);
    const qsizetype h = 14 + fileId.size() + 24;
    const qsizetype full = 4 + 1024 + 17;
    const QByteArray c0 = stream.mid(h, full);
    const QByteArray c1 = stream.mid(h + full, full);
    const QByteArray c2 = stream.mid(h + 2 * full);
    const QByteArray head = stream.first(h);
    auto bad = [&](const char *name, const char *expect, QByteArrayView s, QByteArrayView id) {
        vectors.append(vector(QString::fromLatin1(name), QString::fromLatin1(expect), fields(id, s)));
    };
    QByteArray version2 = stream;
    version2[0] = 2;
    QByteArray sizeChanged = stream;
    sizeChanged[12] = char(sizeChanged[12] - 1);
    QByteArray indexForged = QByteArray(head + c1);
    indexForged[h + 3] = 0; // chunk 1 relabelled as chunk 0
    bad("last chunk missing", "Truncated", QByteArray(head + c0 + c1), fileId);
    bad("cut inside a chunk", "Truncated", stream.first(stream.size() - 5), fileId);
    bad("header only", "Truncated", head, fileId);
    bad("cut inside the header", "Truncated", stream.first(20), fileId);
    bad("chunks reordered", "OutOfOrder", QByteArray(head + c1 + c0 + c2), fileId);
    bad("chunk duplicated", "Replayed", QByteArray(head + c0 + c0 + c1 + c2), fileId);
    bad("chunk index forged", "AuthenticationFailed", indexForged, fileId);
    bad("trailing byte", "TrailingData", QByteArray(stream + "\0"_ba), fileId);
    bad("flipped ciphertext bit", "AuthenticationFailed", flipBit(stream, 8 * (h + full + 100)), fileId);
    bad("flipped secretstream header bit", "AuthenticationFailed", flipBit(stream, 8 * (h - 3)), fileId);
    bad("total size changed", "AuthenticationFailed", sizeChanged, fileId);
    bad("final tag missing", "Truncated", makeStream(key, fileId, plaintext, 1024, header, true), fileId);
    bad("other file id", "WrongPurpose", stream, "file-2b9d"_ba);
    bad("version 2", "UnsupportedVersion", version2, fileId);
    return document(u"filestream"_s, vectors);
}

void verifyFileStream(const QJsonObject &v, Check &check)
{
    const SecretBytes key = secret(unhex(v[u"key"]));
    const QByteArray fileId = unhex(v[u"fileId"]);
    const QByteArray stream = unhex(v[u"stream"]);
    const auto whole = decryptFile(key, fileId, stream);
    if (!check.expect(v[u"expect"].toString(), outcome(whole)) || !whole)
        return;
    check.equal("plaintext", unhex(v[u"plaintext"]), *whole);
    const int feed = v[u"feed"].toInt(0);
    if (feed > 0) {
        FileStreamReader reader(key, fileId);
        QByteArray out;
        for (qsizetype i = 0; i < stream.size(); i += feed) {
            const auto part = reader.push(QByteArrayView(stream).sliced(i, qMin<qsizetype>(feed, stream.size() - i)));
            if (!part) {
                check.fail(u"incremental read: "_s + errorName(part.error()));
                return;
            }
            out += *part;
        }
        if (!reader.finish() || out != unhex(v[u"plaintext"]))
            check.fail(u"incremental read differs"_s);
    }
    const auto remade =
        makeStream(unhex(v[u"key"]), fileId, *whole, quint32(u64(v[u"chunkSize"])), unhex(v[u"streamHeader"]));
    check.equal("re-encrypted stream", stream, remade);
}

} // namespace Lotse::Crypto::Vectors::Detail
