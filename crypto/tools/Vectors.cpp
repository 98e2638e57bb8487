#include "crypto/tools/Vectors.h"

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

namespace Lotse::Crypto::Vectors {

namespace {

constexpr auto formatName = "lotse-crypto-vectors-v1";

// ---- helpers -------------------------------------------------------------------------------

// Fixed "random" bytes for a vector: BLAKE2b of a label, so every run makes the same files.
QByteArray fixed(const QByteArray &label, qsizetype size = 32)
{
    return Internal::blake2b(QByteArray("lotse-vector:" + label), size);
}

SecretBytes secret(QByteArrayView bytes)
{
    return SecretBytes::fromBytes(bytes);
}

QJsonValue hex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex());
}

QByteArray unhex(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

QJsonValue u64Json(quint64 v)
{
    if (v > quint64(CanonicalJson::MaxSafeInteger))
        return QString::number(v);
    return QJsonValue(qint64(v));
}

quint64 u64(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toULongLong();
    return quint64(value.toInteger());
}

QByteArray flipBit(QByteArray bytes, qsizetype bit)
{
    bytes[bit / 8] = char(bytes[bit / 8] ^ (1 << (bit % 8)));
    return bytes;
}

QJsonObject document(const QString &kind, const QJsonArray &vectors)
{
    return QJsonObject{
        {u"format"_s, QString::fromLatin1(formatName)},
        {u"kind"_s, kind},
        {u"producer"_s, u"lotse-crypto-vectors (C++, libsodium 1.0.18)"_s},
        {u"vectors"_s, vectors},
    };
}

QJsonObject vector(const QString &name, const QString &expect, QJsonObject fields)
{
    fields.insert(u"name"_s, name);
    fields.insert(u"expect"_s, expect);
    return fields;
}

template<typename T>
QString outcome(const Result<T> &result)
{
    return result ? u"ok"_s : errorName(result.error());
}

// Collects failures for one vector.
class Check
{
public:
    Check(VerifyReport &report, QString kind, QString name)
        : m_report(report)
        , m_prefix(kind + u'/' + name + u": "_s)
    {
        ++m_report.checked;
    }
    void fail(const QString &what) { m_report.failures.append(m_prefix + what); }
    bool expect(const QString &expected, const QString &actual)
    {
        if (expected == actual)
            return true;
        fail(u"expected "_s + expected + u", got "_s + actual);
        return false;
    }
    void equal(const char *field, QByteArrayView expected, QByteArrayView actual)
    {
        if (expected != actual)
            fail(QString::fromLatin1(field) + u" differs: expected "_s +
                 QString::fromLatin1(expected.toByteArray().toHex()) + u", got "_s +
                 QString::fromLatin1(actual.toByteArray().toHex()));
    }

private:
    VerifyReport &m_report;
    QString m_prefix;
};

// ---- keys -----------------------------------------------------------------------------------

QJsonObject generateKeys()
{
    QJsonArray vectors;
    for (const char *label : {"keys-a", "keys-b"}) {
        const QByteArray xs = fixed(QByteArray(QByteArray(label) + "-x25519"));
        const QByteArray seed = fixed(QByteArray(QByteArray(label) + "-ed25519"));
        const auto x = EncryptionKeyPair::fromSecretKey(xs).value().publicKey();
        const auto ed = SigningKeyPair::fromSeed(seed).value().publicKey();
        vectors.append(vector(QString::fromLatin1(label), u"ok"_s,
                              {{u"x25519SecretKey"_s, hex(xs)},
                               {u"x25519PublicKey"_s, hex(x)},
                               {u"ed25519Seed"_s, hex(seed)},
                               {u"ed25519PublicKey"_s, hex(ed)},
                               {u"keyIdX25519"_s, hex(keyId(x))},
                               {u"keyIdEd25519"_s, hex(keyId(ed))},
                               {u"fingerprintX25519"_s, fingerprint(x)}}));
    }
    return document(u"keys"_s, vectors);
}

void verifyKeys(const QJsonObject &v, Check &check)
{
    const auto pair = EncryptionKeyPair::fromSecretKey(unhex(v[u"x25519SecretKey"]));
    const auto signing = SigningKeyPair::fromSeed(unhex(v[u"ed25519Seed"]));
    if (!check.expect(v[u"expect"].toString(), pair ? outcome(signing) : outcome(pair)) || !pair || !signing)
        return;
    check.equal("x25519PublicKey", unhex(v[u"x25519PublicKey"]), pair->publicKey());
    check.equal("ed25519PublicKey", unhex(v[u"ed25519PublicKey"]), signing->publicKey());
    check.equal("keyIdX25519", unhex(v[u"keyIdX25519"]), keyId(pair->publicKey()));
    check.equal("keyIdEd25519", unhex(v[u"keyIdEd25519"]), keyId(signing->publicKey()));
    if (fingerprint(pair->publicKey()) != v[u"fingerprintX25519"].toString())
        check.fail(u"fingerprint differs"_s);
}

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

// ---- canonical-json -------------------------------------------------------------------------

QJsonObject generateCanonicalJson()
{
    QJsonArray vectors;
    // Expectations are written down here, not taken from the code: generation aborts when the
    // code disagrees.
    auto add = [&](const char *name, const QString &input, const char *expect) {
        const auto out = CanonicalJson::canonicalize(input.toUtf8());
        if (outcome(out) != QLatin1StringView(expect))
            qFatal("canonical-json vector '%s': expected %s, got %s", name, expect, qPrintable(outcome(out)));
        QJsonObject f{{u"input"_s, input}};
        if (out)
            f.insert(u"output"_s, QString::fromUtf8(*out));
        vectors.append(vector(QString::fromLatin1(name), outcome(out), f));
    };
    add("sorting and whitespace", uR"( { "b" : [1, true, null], "a" : -5, "c": {"z": 0, "y": "x"} } )"_s, "ok");
    add("escapes", uR"({"s":"quote \" backslash \\ slash \/ \b\f\n\r\t \u0001 \u001f \u007f"})"_s, "ok");
    add("non-ASCII and non-BMP", uR"({"k":"é ☕ \ud83d\ude00 😀 \u00e9"})"_s, "ok");
    add("keys sorted by UTF-16 code units", uR"({"\ue000":1,"\ud83d\ude00":2,"a":3,"Z":4,"é":5})"_s, "ok");
    add("largest safe integers", uR"([9007199254740991,-9007199254740991,0,10])"_s, "ok");
    add("empty containers", uR"({"a":{},"b":[],"c":""})"_s, "ok");
    add("fraction", uR"({"a":1.5})"_s, "InvalidJson");
    add("integral fraction", uR"({"a":1.0})"_s, "InvalidJson");
    add("exponent", uR"({"a":1e2})"_s, "InvalidJson");
    add("negative zero", uR"({"a":-0})"_s, "InvalidJson");
    add("2^53", uR"([9007199254740992])"_s, "InvalidJson");
    add("leading zero", uR"([01])"_s, "InvalidJson");
    add("duplicate key", uR"({"a":1,"a":2})"_s, "InvalidJson");
    add("duplicate key after unescaping", uR"({"a":1,"\u0061":2})"_s, "InvalidJson");
    add("unpaired surrogate", uR"(["\ud800"])"_s, "InvalidJson");
    add("byte order mark", u"\ufeff{}"_s, "InvalidJson");
    add("trailing comma", uR"([1,])"_s, "InvalidJson");
    add("trailing garbage", uR"({} x)"_s, "InvalidJson");
    add("raw control character in string", u"[\"a\u0001b\"]"_s, "InvalidJson");
    add("single quotes", uR"({'a':1})"_s, "InvalidJson");
    return document(u"canonical-json"_s, vectors);
}

void verifyCanonicalJson(const QJsonObject &v, Check &check)
{
    const auto out = CanonicalJson::canonicalize(v[u"input"].toString().toUtf8());
    if (!check.expect(v[u"expect"].toString(), outcome(out)) || !out)
        return;
    check.equal("output", v[u"output"].toString().toUtf8(), *out);
    // Canonical output is a fixed point.
    const auto again = CanonicalJson::canonicalize(*out);
    check.equal("output canonicalised again", *out, again ? *again : QByteArray());
}

// ---- signature and device -------------------------------------------------------------------

QJsonObject generateSignature()
{
    QJsonArray vectors;
    const QByteArray seed = fixed("signature-seed");
    const auto key = SigningKeyPair::fromSeed(seed).value();
    const QJsonObject statement{
        {u"purpose"_s, u"lotse-consent-v1"_s},
        {u"booking"_s, u"bk-2041"_s},
        {u"signedAt"_s, qint64(1795000000)},
        {u"text"_s, u"Ich willige ein. Я погоджуюсь. 👍"_s},
        {u"fields"_s, QJsonArray{u"name"_s, u"phone"_s, true, QJsonValue::Null}},
    };
    auto fields = [&](QByteArrayView pk, const QJsonObject &object, QByteArrayView sig) {
        const auto canonical = CanonicalJson::serialize(object);
        QJsonObject f{{u"ed25519Seed"_s, hex(seed)},
                      {u"publicKey"_s, hex(pk)},
                      {u"object"_s, object},
                      {u"signature"_s, hex(sig)}};
        if (canonical)
            f.insert(u"canonical"_s, QString::fromUtf8(*canonical));
        return f;
    };
    const QByteArray sig = signCanonicalJson(key, statement).value();
    vectors.append(vector(u"consent statement"_s, u"ok"_s, fields(key.publicKey(), statement, sig)));
    const QJsonObject empty{{u"purpose"_s, u"lotse-test-v1"_s}};
    vectors.append(
        vector(u"purpose only"_s, u"ok"_s, fields(key.publicKey(), empty, signCanonicalJson(key, empty).value())));
    QJsonObject changed = statement;
    changed.insert(u"booking"_s, u"bk-2042"_s);
    vectors.append(vector(u"object changed"_s, u"BadSignature"_s, fields(key.publicKey(), changed, sig)));
    const auto other = SigningKeyPair::fromSeed(fixed("signature-other-seed")).value();
    vectors.append(vector(u"other public key"_s, u"BadSignature"_s, fields(other.publicKey(), statement, sig)));
    vectors.append(
        vector(u"flipped signature bit"_s, u"BadSignature"_s, fields(key.publicKey(), statement, flipBit(sig, 100))));
    vectors.append(
        vector(u"signature of 63 bytes"_s, u"InvalidLength"_s, fields(key.publicKey(), statement, sig.first(63))));
    QJsonObject withFloat = statement;
    withFloat.insert(u"amount"_s, 1.5);
    vectors.append(vector(u"float in object"_s, u"InvalidJson"_s, fields(key.publicKey(), withFloat, sig)));
    return document(u"signature"_s, vectors);
}

void verifySignature(const QJsonObject &v, Check &check)
{
    const QJsonObject object = v[u"object"].toObject();
    const auto status = Crypto::verifyCanonicalJson(unhex(v[u"publicKey"]), object, unhex(v[u"signature"]));
    if (!check.expect(v[u"expect"].toString(), outcome(status)) || !status)
        return;
    check.equal("canonical", v[u"canonical"].toString().toUtf8(), CanonicalJson::serialize(object).value());
    const auto key = SigningKeyPair::fromSeed(unhex(v[u"ed25519Seed"]));
    const auto resigned = key ? signCanonicalJson(*key, object) : Result<QByteArray>(key.error());
    check.equal("re-signed", unhex(v[u"signature"]), resigned ? *resigned : QByteArray());
}

QJsonObject generateDevice()
{
    QJsonArray vectors;
    const QByteArray xs = fixed("device-x25519");
    const QByteArray seed = fixed("device-ed25519");
    const auto reg =
        signDeviceKeys(EncryptionKeyPair::fromSecretKey(xs).value(), SigningKeyPair::fromSeed(seed).value());
    auto fields = [&](const QJsonObject &registration) {
        return QJsonObject{
            {u"x25519SecretKey"_s, hex(xs)}, {u"ed25519Seed"_s, hex(seed)}, {u"registration"_s, registration}};
    };
    vectors.append(vector(u"device registration"_s, u"ok"_s, fields(reg.toJson())));
    QJsonObject swapped = reg.toJson();
    swapped.insert(u"x25519"_s,
                   toBase64Url(EncryptionKeyPair::fromSecretKey(fixed("device-other")).value().publicKey()));
    vectors.append(vector(u"x25519 key swapped"_s, u"BadSignature"_s, fields(swapped)));
    QJsonObject zeroKey = reg.toJson();
    zeroKey.insert(u"x25519"_s, toBase64Url(QByteArray(32, '\0')));
    vectors.append(vector(u"all-zero x25519 key"_s, u"InvalidKey"_s, fields(zeroKey)));
    QJsonObject identity = reg.toJson();
    identity.insert(u"ed25519"_s, toBase64Url(QByteArray(QByteArray::fromHex("01") + QByteArray(31, '\0'))));
    vectors.append(vector(u"ed25519 identity point"_s, u"InvalidKey"_s, fields(identity)));
    QJsonObject padded = reg.toJson();
    padded.insert(u"signature"_s, QString(padded.value(u"signature"_s).toString() + u"=="_s));
    vectors.append(vector(u"padded base64"_s, u"MalformedInput"_s, fields(padded)));
    QJsonObject extra = reg.toJson();
    extra.insert(u"comment"_s, u"hi"_s);
    vectors.append(vector(u"extra member"_s, u"MalformedInput"_s, fields(extra)));
    return document(u"device"_s, vectors);
}

void verifyDevice(const QJsonObject &v, Check &check)
{
    const QJsonObject registration = v[u"registration"].toObject();
    const auto keys = DevicePublicKeys::fromJson(registration);
    const auto status = keys ? verifyDeviceKeys(*keys) : Status(keys.error());
    if (!check.expect(v[u"expect"].toString(), outcome(status)) || !status)
        return;
    const auto x = EncryptionKeyPair::fromSecretKey(unhex(v[u"x25519SecretKey"]));
    const auto ed = SigningKeyPair::fromSeed(unhex(v[u"ed25519Seed"]));
    if (!x || !ed || signDeviceKeys(*x, *ed).toJson() != registration)
        check.fail(u"rebuilt registration differs"_s);
}

// ---- kdf, sas, pwhash, base64url ------------------------------------------------------------

QJsonObject generateKdf()
{
    QJsonArray vectors;
    const QByteArray master = fixed("kdf-master");
    auto add = [&](const char *name, const char *context, quint64 id, qsizetype length) {
        const auto sub = deriveSubkey(secret(master), QByteArrayView(context), id, length);
        QJsonObject f{{u"masterKey"_s, hex(master)},
                      {u"context"_s, QString::fromLatin1(context)},
                      {u"subkeyId"_s, u64Json(id)},
                      {u"length"_s, qint64(length)}};
        if (sub)
            f.insert(u"subkey"_s, hex(sub->toByteArray()));
        vectors.append(vector(QString::fromLatin1(name), outcome(sub), f));
    };
    add("video frame key", KdfContext::VideoFrames, 1, 32);
    add("video frame key, second id", KdfContext::VideoFrames, 2, 32);
    add("local store field key", KdfContext::LocalStore, 7, 32);
    add("64-byte subkey, id above 2^53", KdfContext::VideoFrames, (quint64(1) << 63) + 1, 64);
    add("context of 7 bytes", "lotsevi", 1, 32);
    add("subkey of 15 bytes", KdfContext::VideoFrames, 1, 15);
    return document(u"kdf"_s, vectors);
}

void verifyKdf(const QJsonObject &v, Check &check)
{
    const auto sub = deriveSubkey(secret(unhex(v[u"masterKey"])), v[u"context"].toString().toLatin1(),
                                  u64(v[u"subkeyId"]), v[u"length"].toInt());
    if (check.expect(v[u"expect"].toString(), outcome(sub)) && sub)
        check.equal("subkey", unhex(v[u"subkey"]), sub->toByteArray());
}

QJsonObject generateSas()
{
    QJsonArray vectors;
    auto add = [&](const char *name, QByteArrayView a, QByteArrayView b, const QString &room) {
        const auto code = shortAuthenticationCode(a, b, room.toUtf8());
        QJsonObject f{{u"publicKeyA"_s, hex(a)}, {u"publicKeyB"_s, hex(b)}, {u"roomId"_s, room}};
        if (code)
            f.insert(u"code"_s, *code);
        vectors.append(vector(QString::fromLatin1(name), outcome(code), f));
    };
    const QByteArray advisor = EncryptionKeyPair::fromSecretKey(fixed("sas-advisor")).value().publicKey();
    const QByteArray seeker = EncryptionKeyPair::fromSecretKey(fixed("sas-seeker")).value().publicKey();
    add("advisor and help-seeker", advisor, seeker, u"room-7f3a"_s);
    add("same keys, other room", advisor, seeker, u"room-7f3b"_s);
    add("keys given the other way round", seeker, advisor, u"room-7f3a"_s);
    add("short key", advisor.first(31), seeker, u"room-7f3a"_s);
    add("empty room id", advisor, seeker, QString());
    return document(u"sas"_s, vectors);
}

void verifySas(const QJsonObject &v, Check &check)
{
    const QByteArray a = unhex(v[u"publicKeyA"]);
    const QByteArray b = unhex(v[u"publicKeyB"]);
    const QByteArray room = v[u"roomId"].toString().toUtf8();
    const auto code = shortAuthenticationCode(a, b, room);
    if (!check.expect(v[u"expect"].toString(), outcome(code)) || !code)
        return;
    const auto swapped = shortAuthenticationCode(b, a, room);
    if (*code != v[u"code"].toString() || !swapped || *swapped != *code)
        check.fail(u"code differs"_s);
}

// libsodium's crypto_pwhash_str layout built from a fixed salt, so the file stays the same.
QByteArray pwhashString(QByteArrayView password, QByteArrayView salt, quint64 ops, quint64 mem)
{
    const auto raw = deriveKeyFromPassphrase(password, salt, ops, mem).value();
    const auto b64 = [](QByteArrayView bytes) { return bytes.toByteArray().toBase64(QByteArray::OmitTrailingEquals); };
    return "$argon2id$v=19$m="_ba + QByteArray::number(mem / 1024) + ",t="_ba + QByteArray::number(ops) + ",p=1$"_ba +
           b64(salt) + "$"_ba + b64(raw.toByteArray());
}

QJsonObject generatePwhash()
{
    QJsonArray vectors;
    auto derive = [&](const char *name, const QString &passphrase, QByteArrayView salt, quint64 ops, quint64 mem) {
        const auto key = deriveKeyFromPassphrase(passphrase.toUtf8(), salt, ops, mem);
        QJsonObject f{{u"passphrase"_s, passphrase},
                      {u"salt"_s, hex(salt)},
                      {u"opsLimit"_s, u64Json(ops)},
                      {u"memLimitBytes"_s, u64Json(mem)}};
        if (key)
            f.insert(u"key"_s, hex(key->toByteArray()));
        vectors.append(vector(QString::fromLatin1(name), outcome(key), f));
    };
    const QByteArray salt = fixed("pwhash-salt", 16);
    derive("key file passphrase, low cost", u"Korrekt Pferd Batterie Heftklammer"_s, salt, 2, 65536);
    derive("non-ASCII passphrase, minimum cost", u"Пароль-ß-😀"_s, salt, 1, 8192);
    derive("salt of 15 bytes", u"x"_s, salt.first(15), 1, 8192);
    const QByteArray stored = pwhashString("correct horse", fixed("pwhash-str-salt", 16), 2, 65536);
    vectors.append(vector(u"stored hash, right password"_s, u"ok"_s,
                          {{u"password"_s, u"correct horse"_s}, {u"hash"_s, QString::fromLatin1(stored)}}));
    vectors.append(vector(u"stored hash, wrong password"_s, u"AuthenticationFailed"_s,
                          {{u"password"_s, u"correct horsE"_s}, {u"hash"_s, QString::fromLatin1(stored)}}));
    return document(u"pwhash"_s, vectors);
}

void verifyPwhash(const QJsonObject &v, Check &check)
{
    if (v.contains(u"hash")) {
        const bool ok = PasswordHash::verify(v[u"hash"].toString().toLatin1(), v[u"password"].toString().toUtf8());
        check.expect(v[u"expect"].toString(), ok ? u"ok"_s : u"AuthenticationFailed"_s);
        return;
    }
    const auto key = deriveKeyFromPassphrase(v[u"passphrase"].toString().toUtf8(), unhex(v[u"salt"]),
                                             u64(v[u"opsLimit"]), u64(v[u"memLimitBytes"]));
    if (check.expect(v[u"expect"].toString(), outcome(key)) && key)
        check.equal("key", unhex(v[u"key"]), key->toByteArray());
}

QJsonObject generateBase64Url()
{
    QJsonArray vectors;
    auto ok = [&](const char *name, const QByteArray &bytes) {
        vectors.append(
            vector(QString::fromLatin1(name), u"ok"_s, {{u"bytes"_s, hex(bytes)}, {u"text"_s, toBase64Url(bytes)}}));
    };
    auto bad = [&](const char *name, const QString &text) {
        vectors.append(vector(QString::fromLatin1(name), u"MalformedInput"_s, {{u"text"_s, text}}));
    };
    ok("empty", QByteArray());
    ok("one byte", "f"_ba);
    ok("two bytes", "fo"_ba);
    ok("three bytes", "foo"_ba);
    ok("URL-safe characters", QByteArray::fromHex("fbffbf"));
    ok("token-sized", fixed("base64url-token"));
    bad("padding", u"Zg=="_s);
    bad("standard alphabet", u"+/8"_s);
    bad("whitespace", u"Zm9v\n"_s);
    bad("non-canonical trailing bits", u"Zh"_s);
    bad("length 1 mod 4", u"Zm9vY"_s);
    bad("non-ASCII", u"Zm9é"_s);
    return document(u"base64url"_s, vectors);
}

void verifyBase64Url(const QJsonObject &v, Check &check)
{
    const auto decoded = fromBase64Url(v[u"text"].toString());
    const QString actual = decoded ? u"ok"_s : u"MalformedInput"_s;
    if (!check.expect(v[u"expect"].toString(), actual) || !decoded)
        return;
    check.equal("bytes", unhex(v[u"bytes"]), *decoded);
    if (toBase64Url(unhex(v[u"bytes"])) != v[u"text"].toString())
        check.fail(u"encoding differs"_s);
}

struct Kind
{
    const char16_t *kind;
    const char16_t *fileName;
    QJsonObject (*generate)();
    void (*verify)(const QJsonObject &, Check &);
};

constexpr Kind kinds[] = {
    {u"keys", u"keys.json", generateKeys, verifyKeys},
    {u"record", u"record.json", generateRecord, verifyRecord},
    {u"replay", u"replay.json", generateReplay, verifyReplay},
    {u"sealed", u"sealed.json", generateSealed, verifySealed},
    {u"filestream", u"filestream.json", generateFileStream, verifyFileStream},
    {u"canonical-json", u"canonical-json.json", generateCanonicalJson, verifyCanonicalJson},
    {u"signature", u"signature.json", generateSignature, verifySignature},
    {u"device", u"device.json", generateDevice, verifyDevice},
    {u"kdf", u"kdf.json", generateKdf, verifyKdf},
    {u"sas", u"sas.json", generateSas, verifySas},
    {u"pwhash", u"pwhash.json", generatePwhash, verifyPwhash},
    {u"base64url", u"base64url.json", generateBase64Url, verifyBase64Url},
};

} // namespace

QString errorName(Error error)
{
    switch (error) {
    case Error::NotInitialised:
        return u"NotInitialised"_s;
    case Error::SelfTestFailed:
        return u"SelfTestFailed"_s;
    case Error::OutOfMemory:
        return u"OutOfMemory"_s;
    case Error::InvalidKey:
        return u"InvalidKey"_s;
    case Error::InvalidLength:
        return u"InvalidLength"_s;
    case Error::MalformedInput:
        return u"MalformedInput"_s;
    case Error::UnsupportedVersion:
        return u"UnsupportedVersion"_s;
    case Error::WrongPurpose:
        return u"WrongPurpose"_s;
    case Error::AuthenticationFailed:
        return u"AuthenticationFailed"_s;
    case Error::NotARecipient:
        return u"NotARecipient"_s;
    case Error::Replayed:
        return u"Replayed"_s;
    case Error::OutOfOrder:
        return u"OutOfOrder"_s;
    case Error::Truncated:
        return u"Truncated"_s;
    case Error::TrailingData:
        return u"TrailingData"_s;
    case Error::TooLarge:
        return u"TooLarge"_s;
    case Error::BadSignature:
        return u"BadSignature"_s;
    case Error::InvalidJson:
        return u"InvalidJson"_s;
    case Error::PasswordHashFailed:
        return u"PasswordHashFailed"_s;
    }
    return u"Unknown"_s;
}

std::optional<Error> errorFromName(const QString &name)
{
    for (int i = 0; i <= int(Error::PasswordHashFailed); ++i) {
        if (errorName(Error(i)) == name)
            return Error(i);
    }
    return std::nullopt;
}

Result<QJsonObject> readDocument(QByteArrayView bytes)
{
    const auto value = Internal::parseJsonSubset(bytes, qsizetype(256) << 20, true);
    if (!value)
        return value.error();
    if (!value->isObject())
        return Error::MalformedInput;
    return value->toObject();
}

QList<VectorFile> generateAll()
{
    QList<VectorFile> files;
    for (const auto &kind : kinds)
        files.append({QString::fromUtf16(kind.fileName), kind.generate()});
    return files;
}

VerifyReport verifyDocument(const QJsonObject &doc)
{
    VerifyReport report;
    if (doc.value(u"format"_s).toString() != QLatin1StringView(formatName)) {
        report.failures.append(u"not a lotse-crypto-vectors-v1 file"_s);
        return report;
    }
    const QString kindName = doc.value(u"kind"_s).toString();
    const Kind *kind = nullptr;
    for (const auto &k : kinds) {
        if (kindName == QStringView(k.kind))
            kind = &k;
    }
    if (!kind) {
        report.failures.append(u"unknown kind "_s + kindName);
        return report;
    }
    const QJsonArray vectors = doc.value(u"vectors"_s).toArray();
    if (vectors.isEmpty())
        report.failures.append(u"no vectors"_s);
    for (const QJsonValue value : vectors) {
        const QJsonObject v = value.toObject();
        Check check(report, kindName, v.value(u"name"_s).toString());
        const QString expect = v.value(u"expect"_s).toString();
        if (expect != u"ok"_s && !errorFromName(expect)) {
            check.fail(u"bad expect "_s + expect);
            continue;
        }
        kind->verify(v, check);
    }
    return report;
}

} // namespace Lotse::Crypto::Vectors
