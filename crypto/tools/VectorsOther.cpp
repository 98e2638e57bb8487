// Golden vectors of keys, canonical JSON, signatures, device registration, KDF, SAS, Argon2id
// and base64url.
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
#include <utility>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto::Vectors::Detail {

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
    // Section 8: depth counts arrays and objects, whatever the innermost one holds.
    auto nest = [](const QString &open, const QString &inner, const QString &close, int levels) -> QString {
        return open.repeated(levels) + inner + close.repeated(levels);
    };
    add("64 nested empty arrays", nest(u"["_s, QString(), u"]"_s, 64), "ok");
    add("65 nested empty arrays", nest(u"["_s, QString(), u"]"_s, 65), "InvalidJson");
    add("64 nested arrays around a number", nest(u"["_s, u"7"_s, u"]"_s, 64), "ok");
    add("65 nested arrays around a number", nest(u"["_s, u"7"_s, u"]"_s, 65), "InvalidJson");
    add("64 nested objects, the innermost empty", nest(uR"({"a":)"_s, u"{}"_s, u"}"_s, 63), "ok");
    add("65 nested objects, the innermost empty", nest(uR"({"a":)"_s, u"{}"_s, u"}"_s, 64), "InvalidJson");
    add("64 nested objects around a string", nest(uR"({"a":)"_s, u"\"s\""_s, u"}"_s, 64), "ok");
    add("65 nested objects around a string", nest(uR"({"a":)"_s, u"\"s\""_s, u"}"_s, 65), "InvalidJson");
    add("64 levels of arrays and objects around null", nest(uR"([{"a":)"_s, u"null"_s, u"}]"_s, 32), "ok");
    add("65 levels of arrays and objects, the innermost empty", nest(uR"([{"a":)"_s, u"[]"_s, u"}]"_s, 32),
        "InvalidJson");
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

// Ed25519 key B + T (B the base point, T a point of order 8): canonical, on the curve, not of small
// order, outside the prime-order subgroup. The signature over the object below was made with
// scalar 1 and a nonce for which k = H(R || A || M) is a multiple of 8, so that [k]T vanishes:
// crypto_sign_verify_detached accepts it; only section 3's check refuses the key.
// crypto/js/tools/vectors.mjs computes both with libsodium-wrappers-sumo.
constexpr auto torsionPublicKey = "98519eadf35b995233b51b5cd23e9cc5a28b639b5a4af0ec903cb960d81b7819";
constexpr auto torsionSignature = "cc1286be2457da66ce6a3f2d5d88a011b10dc181002a2c2b186e5b0cd2639632"
                                  "820e921757252dfbcdbd0f389ee58141d46a4857fdb44cf3f92c78375031d406";

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
    // Expectations are written down here and checked against the code: generation aborts when
    // they disagree.
    auto add = [&](const char *name, const char *expect, QByteArrayView pk, const QJsonObject &object,
                   QByteArrayView sig, const QString &purpose) {
        const auto status = Crypto::verifyCanonicalJson(pk, object, sig, purpose);
        if (outcome(status) != QLatin1StringView(expect))
            qFatal("signature vector '%s': expected %s, got %s", name, expect, qPrintable(outcome(status)));
        const auto canonical = CanonicalJson::serialize(object);
        QJsonObject f{{u"ed25519Seed"_s, hex(seed)},
                      {u"publicKey"_s, hex(pk)},
                      {u"object"_s, object},
                      {u"purpose"_s, purpose},
                      {u"signature"_s, hex(sig)}};
        if (canonical)
            f.insert(u"canonical"_s, QString::fromUtf8(*canonical));
        vectors.append(vector(QString::fromLatin1(name), QString::fromLatin1(expect), f));
    };
    const QString consent = u"lotse-consent-v1"_s;
    const QString test = u"lotse-test-v1"_s;
    const QByteArray pk = key.publicKey();
    const QByteArray sig = signCanonicalJson(key, statement).value();
    add("consent statement", "ok", pk, statement, sig, consent);
    const QJsonObject empty{{u"purpose"_s, test}};
    add("purpose only", "ok", pk, empty, signCanonicalJson(key, empty).value(), test);
    QJsonObject changed = statement;
    changed.insert(u"booking"_s, u"bk-2042"_s);
    add("object changed", "BadSignature", pk, changed, sig, consent);
    const auto other = SigningKeyPair::fromSeed(fixed("signature-other-seed")).value();
    add("other public key", "BadSignature", other.publicKey(), statement, sig, consent);
    add("flipped signature bit", "BadSignature", pk, statement, flipBit(sig, 100), consent);
    add("signature of 63 bytes", "InvalidLength", pk, statement, sig.first(63), consent);
    QJsonObject withFloat = statement;
    withFloat.insert(u"amount"_s, 1.5);
    add("float in object", "InvalidJson", pk, withFloat, sig, consent);

    // Section 9: the purpose. Signatures made over the raw canonical bytes (signCanonicalJson
    // refuses these objects), so that only the purpose check can refuse them.
    auto rawSign = [&](const QJsonObject &object) { return key.sign(CanonicalJson::serialize(object).value()); };
    QJsonObject noPurpose = statement;
    noPurpose.remove(u"purpose"_s);
    const QByteArray noPurposeSig = rawSign(noPurpose);
    add("purpose missing, signature valid", "WrongPurpose", pk, noPurpose, noPurposeSig, consent);
    for (const auto &[name, value] :
         {std::pair{"purpose empty, signature valid", QJsonValue(u""_s)},
          std::pair{"purpose a number, signature valid", QJsonValue(1)},
          std::pair{"purpose null, signature valid", QJsonValue(QJsonValue::Null)},
          std::pair{"purpose an array, signature valid", QJsonValue(QJsonArray{consent})}}) {
        QJsonObject o = statement;
        o.insert(u"purpose"_s, value);
        add(name, "WrongPurpose", pk, o, rawSign(o), consent);
    }
    add("other purpose than expected, signature valid", "WrongPurpose", pk, statement, sig, u"lotse-device-v1"_s);
    add("purpose differs in case, signature valid", "WrongPurpose", pk, statement, sig, u"Lotse-consent-v1"_s);
    // Order: InvalidJson, InvalidKey, InvalidLength, WrongPurpose, BadSignature.
    add("purpose missing and a float", "InvalidJson", pk, QJsonObject{{u"amount"_s, 0.5}}, sig, consent);
    add("purpose missing and public key of 31 bytes", "InvalidKey", pk.first(31), noPurpose, noPurposeSig, consent);
    add("purpose missing and signature of 63 bytes", "InvalidLength", pk, noPurpose, noPurposeSig.first(63), consent);
    add("other purpose and flipped signature bit", "WrongPurpose", pk, statement, flipBit(sig, 100), test);

    // Section 3's check applies to the verifying key (small order, non-canonical, torsion).
    const QByteArray identity = QByteArray::fromHex("01") + QByteArray(31, '\0');
    add("public key: identity point (small order)", "InvalidKey", identity, statement, sig, consent);
    const QByteArray nonCanonical =
        QByteArray::fromHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    add("public key: non-canonical encoding", "InvalidKey", nonCanonical, statement, sig, consent);
    const QJsonObject torsionObject{{u"note"_s, u"signed with scalar 1 under B + a point of order 8"_s},
                                    {u"purpose"_s, test}};
    add("public key with a torsion component, signature valid for libsodium", "InvalidKey",
        QByteArray::fromHex(torsionPublicKey), torsionObject, QByteArray::fromHex(torsionSignature), test);
    add("public key with a torsion component, other purpose", "InvalidKey", QByteArray::fromHex(torsionPublicKey),
        torsionObject, QByteArray::fromHex(torsionSignature), consent);
    return document(u"signature"_s, vectors);
}

void verifySignature(const QJsonObject &v, Check &check)
{
    const QJsonObject object = v[u"object"].toObject();
    if (!v[u"purpose"].isString()) {
        check.fail(u"no expected purpose"_s);
        return;
    }
    const auto status =
        Crypto::verifyCanonicalJson(unhex(v[u"publicKey"]), object, unhex(v[u"signature"]), v[u"purpose"].toString());
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
    // Several members wrong: section 9's order (MalformedInput, InvalidKey, InvalidLength,
    // BadSignature), not the order of the members.
    auto with = [&](std::initializer_list<std::pair<const char16_t *, QString>> members) {
        QJsonObject r = reg.toJson();
        for (const auto &[name, value] : members)
            r.insert(QString::fromUtf16(name), value);
        return r;
    };
    const QString sig63 = toBase64Url(reg.signature.first(63));
    const QString x31 = toBase64Url(QByteArray(31, '\x09'));
    const QString zero = toBase64Url(QByteArray(32, '\0'));
    const QString identityEd = toBase64Url(QByteArray(QByteArray::fromHex("01") + QByteArray(31, '\0')));
    const QString torsionEd = toBase64Url(QByteArray::fromHex(torsionPublicKey));
    const QString paddedSig = reg.toJson().value(u"signature"_s).toString() + u"=="_s;
    auto order = [&](const char *name, const char *expect, const QJsonObject &registration) {
        const auto keys = DevicePublicKeys::fromJson(registration);
        const auto status = keys ? verifyDeviceKeys(*keys) : Status(keys.error());
        if (outcome(status) != QLatin1StringView(expect))
            qFatal("device vector '%s': expected %s, got %s", name, expect, qPrintable(outcome(status)));
        vectors.append(vector(QString::fromLatin1(name), QString::fromLatin1(expect), fields(registration)));
    };
    order("x25519 of 31 bytes and padded signature", "MalformedInput",
          with({{u"x25519", x31}, {u"signature", paddedSig}}));
    order("ed25519 identity and x25519 in the standard alphabet", "MalformedInput",
          with({{u"ed25519", identityEd}, {u"x25519", u"+"_s + reg.toJson().value(u"x25519"_s).toString().mid(1)}}));
    order("all-zero x25519 and signature of 63 bytes", "InvalidKey", with({{u"x25519", zero}, {u"signature", sig63}}));
    order("ed25519 identity and signature of 63 bytes", "InvalidKey",
          with({{u"ed25519", identityEd}, {u"signature", sig63}}));
    order("ed25519 with a torsion component and signature of 63 bytes", "InvalidKey",
          with({{u"ed25519", torsionEd}, {u"signature", sig63}}));
    order("x25519 of 31 bytes and ed25519 swapped", "InvalidKey",
          with({{u"x25519", x31},
                {u"ed25519", toBase64Url(SigningKeyPair::fromSeed(fixed("device-other-ed")).value().publicKey())}}));
    order(
        "signature of 63 bytes, keys swapped", "InvalidLength",
        with({{u"signature", sig63},
              {u"x25519", toBase64Url(EncryptionKeyPair::fromSecretKey(fixed("device-other")).value().publicKey())}}));
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

} // namespace Lotse::Crypto::Vectors::Detail
