#include "tests/support/RoomVisitor.h"

#include "tests/support/TestHttpClient.h"

#include "crypto/CanonicalJson.h"
#include "crypto/FileStream.h"
#include "crypto/Random.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/SealedEnvelope.h"
#include "crypto/ShortAuthCode.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Lotse::Tests {

namespace {

TestHttpClient::Headers bearer(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}};
}

QByteArray context(const QString &roomId, quint32 epoch)
{
    return u"room:%1:%2"_s.arg(roomId).arg(epoch).toUtf8();
}

} // namespace

RoomVisitor::RoomVisitor(const QUrl &serverUrl, const QString &capability, QObject *parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
    , m_capability(capability)
    , m_browser(std::make_unique<Crypto::EncryptionKeyPair>(Crypto::EncryptionKeyPair::generate()))
    , m_http(std::make_unique<TestHttpClient>(serverUrl))
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RoomVisitor::onText);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"type"_s, u"auth"_s}, {u"capability"_s, m_capability}})
                                  .toJson(QJsonDocument::Compact)));
    });
}

RoomVisitor::~RoomVisitor() = default;

void RoomVisitor::setBrowserKey(const QByteArray &secretKey)
{
    if (auto keys = Crypto::EncryptionKeyPair::fromSecretKey(secretKey))
        m_browser = std::make_unique<Crypto::EncryptionKeyPair>(std::move(keys).value());
}

QString RoomVisitor::keyId() const
{
    return Crypto::toBase64Url(Crypto::keyId(m_browser->publicKey()));
}

void RoomVisitor::connectSocket()
{
    QUrl url = m_serverUrl;
    url.setScheme(u"ws"_s);
    url.setPath(u"/api/v1/ws"_s);
    m_socket->open(url);
}

void RoomVisitor::join()
{
    m_socket->sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"type"_s, u"join"_s}, {u"room"_s, m_roomId}}).toJson(QJsonDocument::Compact)));
}

void RoomVisitor::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value("type"_L1).toString();
    if (type == "ready"_L1) {
        m_ready = true;
        m_roomId = frame.value("room"_L1).toString();
    } else if (type == "taken"_L1) {
        m_taken = true;
        m_roomId = frame.value("room"_L1).toString();
    } else if (type == "joined"_L1) {
        m_joined = true;
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"type"_s, u"sync"_s}, {u"room"_s, m_roomId}, {u"after"_s, 0}})
                                  .toJson(QJsonDocument::Compact)));
    } else if (type == "ack"_L1) {
        m_acks.append(frame.value("clientId"_L1).toString());
    } else if (type == "message"_L1) {
        open(frame);
    } else if (type == "error"_L1) {
        m_lastError = frame.value("code"_L1).toString();
    }
}

void RoomVisitor::open(const QJsonObject &event)
{
    Received received;
    received.seq = event.value("seq"_L1).toInteger();
    received.sender = event.value("sender"_L1).toString();
    const auto envelope = Crypto::fromBase64Url(event.value("envelope"_L1).toString());
    const auto sender = Crypto::fromBase64Url(received.sender);
    const auto header = envelope ? Crypto::RecordEnvelope::peek(*envelope)
                                 : Crypto::Result<Crypto::RecordHeader>(Crypto::Error::MalformedInput);
    if (!header) {
        received.error = u"header"_s;
        m_received.append(received);
        return;
    }
    if (!m_keys.contains(header->epoch))
        fetchEnvelopes(); // the advisor started a new epoch
    const auto key = m_keys.find(header->epoch);
    if (key == m_keys.end()) {
        received.error = u"no key for epoch %1"_s.arg(header->epoch);
        m_received.append(received);
        return;
    }
    const bool manifest = header->purpose == Crypto::RecordPurpose::FileManifest;
    const auto opened = Crypto::RecordEnvelope::open(
        key->second, m_roomId.toUtf8(), *sender,
        manifest ? Crypto::RecordPurpose::FileManifest : Crypto::RecordPurpose::ChatMessage, *envelope);
    if (!opened) {
        received.error = Crypto::errorString(opened.error());
    } else if (manifest) {
        const auto json = Crypto::CanonicalJson::parse(opened->plaintext);
        const QJsonObject body = json ? json->toObject() : QJsonObject();
        received.fileId = body.value("fileId"_L1).toString();
        received.fileName = body.value("name"_L1).toString();
        received.fileSize = body.value("size"_L1).toInteger();
        received.fileKey = Crypto::fromBase64Url(body.value("key"_L1).toString()).value_or(QByteArray());
    } else {
        const auto json = Crypto::CanonicalJson::parse(opened->plaintext);
        received.text = json ? json->toObject().value("text"_L1).toString() : QString();
        if (received.text.isEmpty())
            received.error = u"not a chat message"_s;
    }
    m_received.append(received);
}

bool RoomVisitor::fetchEnvelopes()
{
    const auto reply = m_http->send("GET", u"/api/v1/visitor/room/envelopes"_s, {}, bearer(m_capability));
    if (reply.status != 200) {
        m_lastError = QString::fromUtf8(reply.body);
        return false;
    }
    const QJsonObject json = reply.json();
    for (const QJsonValue &value : json.value("envelopes"_L1).toArray()) {
        const quint32 epoch = quint32(value.toObject().value("epoch"_L1).toInteger());
        const auto sealed = Crypto::fromBase64Url(value.toObject().value("sealed"_L1).toString());
        if (!sealed)
            continue;
        const auto key =
            Crypto::SealedEnvelope::open(*m_browser, Crypto::SealPurpose::RoomKey, context(m_roomId, epoch), *sealed);
        if (key) {
            m_keys.insert_or_assign(epoch, Crypto::SecretBytes::fromBytes(*key));
            if (epoch > m_epoch) {
                m_epoch = epoch;
                m_sequence = 0;
            }
        }
    }
    return true;
}

bool RoomVisitor::loadRoomKey()
{
    if (!fetchEnvelopes())
        return false;
    if (!m_keys.empty())
        return true;
    // No epoch yet: the first side to open the room makes epoch 1, sealed to every participant.
    const auto keys = m_http->send("GET", u"/api/v1/visitor/room/keys"_s, {}, bearer(m_capability));
    QList<QByteArray> recipients;
    for (const QJsonValue &value : keys.json().value("participants"_L1).toArray()) {
        if (const auto key = Crypto::fromBase64Url(value.toObject().value("x25519"_L1).toString()))
            recipients.append(*key);
    }
    const QByteArray roomKey = Crypto::randomBytes(32);
    const auto sealed =
        Crypto::SealedEnvelope::seal(recipients, Crypto::SealPurpose::RoomKey, context(m_roomId, 1), roomKey);
    if (!sealed)
        return false;
    const auto posted =
        m_http->send("POST", u"/api/v1/visitor/room/envelopes"_s,
                     QJsonDocument(QJsonObject{{u"epoch"_s, 1}, {u"sealed"_s, Crypto::toBase64Url(*sealed)}}).toJson(),
                     bearer(m_capability));
    if (posted.status == 409)
        return fetchEnvelopes() && !m_keys.empty();
    if (posted.status != 201) {
        m_lastError = QString::fromUtf8(posted.body);
        return false;
    }
    m_keys.insert_or_assign(1, Crypto::SecretBytes::fromBytes(roomKey));
    m_epoch = 1;
    return true;
}

QByteArray RoomVisitor::sealText(const QString &text, const QString &roomId, Crypto::RecordPurpose purpose)
{
    fetchEnvelopes(); // always seal under the newest epoch the advisor may have started
    const auto key = m_keys.find(m_epoch);
    if (key == m_keys.end())
        return {};
    const auto plaintext = Crypto::CanonicalJson::serialize(QJsonObject{{u"v"_s, 1}, {u"text"_s, text}});
    const auto envelope = Crypto::RecordEnvelope::seal(key->second,
                                                       {(roomId.isEmpty() ? m_roomId : roomId).toUtf8(), m_epoch,
                                                        Crypto::keyId(m_browser->publicKey()), m_sequence++, purpose},
                                                       *plaintext);
    return envelope ? *envelope : QByteArray();
}

QString RoomVisitor::sendEnvelope(const QByteArray &envelope)
{
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{u"type"_s, u"send"_s},
                                                    {u"room"_s, m_roomId},
                                                    {u"clientId"_s, clientId},
                                                    {u"envelope"_s, Crypto::toBase64Url(envelope)}})
                              .toJson(QJsonDocument::Compact)));
    return clientId;
}

QString RoomVisitor::sendText(const QString &text)
{
    return sendEnvelope(sealText(text));
}

QString RoomVisitor::sendFile(const QString &name, const QByteArray &content, bool tamper)
{
    const QString fileId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray fileKey = Crypto::randomBytes(32);
    auto stream = Crypto::encryptFile(Crypto::SecretBytes::fromBytes(fileKey), fileId.toUtf8(), content);
    if (!stream)
        return {};
    QByteArray bytes = *stream;
    if (tamper)
        bytes[bytes.size() - 5] = char(bytes.at(bytes.size() - 5) ^ 0x01);
    const auto created =
        m_http->send("POST", u"/api/v1/visitor/room/files"_s,
                     QJsonDocument(QJsonObject{{u"fileId"_s, fileId}, {u"size"_s, qint64(bytes.size())}}).toJson(),
                     bearer(m_capability));
    if (created.status != 201) {
        m_lastError = QString::fromUtf8(created.body);
        return {};
    }
    for (qsizetype offset = 0; offset < bytes.size(); offset += 1024 * 1024) {
        const auto put = m_http->send(
            "PUT", u"/api/v1/visitor/room/files/%1?offset=%2"_s.arg(fileId).arg(offset), bytes.mid(offset, 1024 * 1024),
            {{"Authorization", "Bearer " + m_capability.toLatin1()}, {"Content-Type", "application/octet-stream"}});
        if (put.status != 200) {
            m_lastError = QString::fromUtf8(put.body);
            return {};
        }
    }
    fetchEnvelopes();
    const auto key = m_keys.find(m_epoch);
    const auto plaintext = Crypto::CanonicalJson::serialize(QJsonObject{{u"v"_s, 1},
                                                                        {u"fileId"_s, fileId},
                                                                        {u"name"_s, name},
                                                                        {u"mime"_s, u"application/pdf"_s},
                                                                        {u"size"_s, qint64(content.size())},
                                                                        {u"key"_s, Crypto::toBase64Url(fileKey)}});
    const auto envelope =
        Crypto::RecordEnvelope::seal(key->second,
                                     {m_roomId.toUtf8(), m_epoch, Crypto::keyId(m_browser->publicKey()), m_sequence++,
                                      Crypto::RecordPurpose::FileManifest},
                                     *plaintext);
    sendEnvelope(*envelope);
    return fileId;
}

QByteArray RoomVisitor::downloadFile(const Received &manifest)
{
    const auto reply = m_http->send("GET", u"/api/v1/visitor/room/files/%1/content"_s.arg(manifest.fileId), {},
                                    {{"Authorization", "Bearer " + m_capability.toLatin1()}});
    if (reply.status != 200) {
        m_lastError = QString::fromUtf8(reply.body);
        return {};
    }
    const auto plain =
        Crypto::decryptFile(Crypto::SecretBytes::fromBytes(manifest.fileKey), manifest.fileId.toUtf8(), reply.body);
    if (!plain) {
        m_lastError = Crypto::errorString(plain.error());
        return {};
    }
    return *plain;
}

const RoomVisitor::Received *RoomVisitor::fileNamed(const QString &name) const
{
    for (const Received &received : m_received) {
        if (received.fileName == name)
            return &received;
    }
    return nullptr;
}

QStringList RoomVisitor::texts() const
{
    QStringList all;
    for (const Received &received : m_received) {
        if (!received.text.isEmpty())
            all.append(received.text);
    }
    return all;
}

QString RoomVisitor::verificationCode(const QByteArray &advisorX25519) const
{
    const auto code = Crypto::shortAuthenticationCode(advisorX25519, m_browser->publicKey(), m_roomId.toUtf8());
    return code ? *code : QString();
}

QString RoomVisitor::solveAltcha(TestHttpClient &http)
{
    const QJsonObject challenge = http.get(u"/api/v1/public/altcha"_s).json();
    const QString salt = challenge.value("salt"_L1).toString();
    const QString target = challenge.value("challenge"_L1).toString();
    const qint64 max = challenge.value("maxnumber"_L1).toInteger();
    for (qint64 number = 0; number <= max; ++number) {
        const QByteArray hash =
            QCryptographicHash::hash((salt + QString::number(number)).toUtf8(), QCryptographicHash::Sha256);
        if (QString::fromLatin1(hash.toHex()) == target) {
            const QJsonObject payload{{u"algorithm"_s, u"SHA-256"_s},
                                      {u"challenge"_s, target},
                                      {u"number"_s, number},
                                      {u"salt"_s, salt},
                                      {u"signature"_s, challenge.value("signature"_L1)}};
            return QString::fromLatin1(QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64());
        }
    }
    return {};
}

QString RoomVisitor::createInstantCall(TestHttpClient &http, const QString &orgSlug, const QString &instantId,
                                       const QString &name, const QByteArray &browserPublicKey, const QString &language)
{
    QList<QByteArray> devices;
    for (const QJsonValue &value :
         http.get(u"/api/v1/orgs/%1/devices"_s.arg(orgSlug)).json().value("devices"_L1).toArray()) {
        if (const auto key = Crypto::fromBase64Url(value.toObject().value("x25519"_L1).toString()))
            devices.append(*key);
    }
    const auto plain = Crypto::CanonicalJson::serialize(QJsonObject{{u"name"_s, name}});
    const auto sealed = Crypto::SealedEnvelope::seal(devices, Crypto::SealPurpose::BookingFields,
                                                     u"instant:%1"_s.arg(instantId).toUtf8(), *plain);
    if (!sealed)
        return {};
    const QString policy = http.get(u"/api/v1/public/orgs/%1"_s.arg(orgSlug))
                               .json()
                               .value("privacyPolicy"_L1)
                               .toObject()
                               .value("version"_L1)
                               .toString();
    const auto created = http.postJson(u"/api/v1/orgs/%1/instant"_s.arg(orgSlug),
                                       QJsonObject{{u"instantId"_s, instantId},
                                                   {u"sealedName"_s, Crypto::toBase64Url(*sealed)},
                                                   {u"browserKey"_s, Crypto::toBase64Url(browserPublicKey)},
                                                   {u"language"_s, language},
                                                   {u"policyVersion"_s, policy},
                                                   {u"altcha"_s, solveAltcha(http)}});
    if (created.status != 201) {
        qWarning() << "instant call refused:" << created.status << created.body;
        return {};
    }
    return created.json().value("capability"_L1).toString();
}

} // namespace Lotse::Tests
