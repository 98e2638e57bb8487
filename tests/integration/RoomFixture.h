#pragma once

// Shared by the room tests: a WebSocket client that queues what the server pushes, a help-seeker
// with a browser key and a confirmed booking, the room key sealed and opened the way the real
// clients will (lotse_crypto), and record envelopes for chat messages.
#include "BookingFixture.h"

#include "crypto/RecordEnvelope.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

namespace RoomFixture {

using namespace Qt::StringLiterals;
namespace Crypto = Lotse::Crypto;

inline QString keyIdOf(const QByteArray &publicKey)
{
    return Crypto::toBase64Url(Crypto::keyId(publicKey));
}

// A WebSocket client that keeps every message; next() waits for the next one of a type.
class Ws
{
public:
    Ws()
        : m_spy(&m_socket, &QWebSocket::textMessageReceived)
    {}

    // `forwardedFor`: the X-Forwarded-For a trusted proxy would add (tests of call addresses).
    bool openAdvisor(const QUrl &base, const QString &session, const QByteArray &forwardedFor = {})
    {
        QNetworkRequest request(wsUrl(base));
        request.setRawHeader("Authorization", "Bearer " + session.toLatin1());
        if (!forwardedFor.isEmpty())
            request.setRawHeader("X-Forwarded-For", forwardedFor);
        m_socket.open(request);
        return next(u"ready"_s).value("type"_L1) == "ready"_L1;
    }
    // Signs in with a capability; returns the ready (or error) message.
    QJsonObject openVisitor(const QUrl &base, const QString &capability, const QByteArray &forwardedFor = {})
    {
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        QNetworkRequest request(wsUrl(base));
        if (!forwardedFor.isEmpty())
            request.setRawHeader("X-Forwarded-For", forwardedFor);
        m_socket.open(request);
        if (!connected.wait(10'000))
            return {};
        send({{u"type"_s, u"auth"_s}, {u"capability"_s, capability}});
        return nextAny();
    }
    void send(const QJsonObject &message)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    // The next message of any type (empty after 10 s of silence).
    QJsonObject nextAny(int timeoutMs = 10'000)
    {
        if (m_pending.isEmpty())
            pump(timeoutMs);
        return m_pending.isEmpty() ? QJsonObject() : m_pending.takeFirst();
    }
    // The next message of this type; others stay queued in order.
    QJsonObject next(const QString &type, int timeoutMs = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            for (qsizetype i = 0; i < m_pending.size(); ++i) {
                if (m_pending.at(i).value("type"_L1).toString() == type)
                    return m_pending.takeAt(i);
            }
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || !pump(int(left)))
                return {};
        }
    }
    // Everything that arrives within `ms` (for "nothing more came").
    QList<QJsonObject> drain(int ms)
    {
        QTest::qWait(ms);
        pump(0);
        QList<QJsonObject> all = m_pending;
        m_pending.clear();
        return all;
    }
    QJsonObject join(const QString &room, const QString &keyId = {})
    {
        QJsonObject message{{u"type"_s, u"join"_s}, {u"room"_s, room}};
        if (!keyId.isEmpty())
            message.insert(u"keyId"_s, keyId);
        send(message);
        return nextOf({u"joined"_s, u"error"_s});
    }
    QJsonObject nextOf(const QStringList &types, int timeoutMs = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            for (qsizetype i = 0; i < m_pending.size(); ++i) {
                if (types.contains(m_pending.at(i).value("type"_L1).toString()))
                    return m_pending.takeAt(i);
            }
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || !pump(int(left)))
                return {};
        }
    }
    // Sends a record and waits for its ack (or error).
    QJsonObject sendRecord(const QString &room, const QString &clientId, const QString &envelope)
    {
        send({{u"type"_s, u"send"_s}, {u"room"_s, room}, {u"clientId"_s, clientId}, {u"envelope"_s, envelope}});
        return nextOf({u"ack"_s, u"error"_s});
    }
    // Waits until the server closed the socket; its close code (-1 when it stayed open).
    int waitForClose(int timeoutMs = 5000)
    {
        if (m_socket.state() != QAbstractSocket::UnconnectedState) {
            QSignalSpy closed(&m_socket, &QWebSocket::disconnected);
            if (!closed.wait(timeoutMs))
                return -1;
        }
        return int(m_socket.closeCode());
    }
    void close()
    {
        QSignalSpy closed(&m_socket, &QWebSocket::disconnected);
        m_socket.close();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            closed.wait(5000);
    }
    QWebSocket &socket() { return m_socket; }

private:
    static QUrl wsUrl(QUrl base)
    {
        base.setScheme(u"ws"_s);
        base.setPath(u"/api/v1/ws"_s);
        return base;
    }
    bool pump(int timeoutMs)
    {
        if (m_spy.isEmpty() && timeoutMs > 0)
            m_spy.wait(timeoutMs);
        if (m_spy.isEmpty())
            return false;
        while (!m_spy.isEmpty())
            m_pending.append(QJsonDocument::fromJson(m_spy.takeFirst().at(0).toString().toUtf8()).object());
        return true;
    }

    QWebSocket m_socket;
    QSignalSpy m_spy;
    QList<QJsonObject> m_pending;
};

// A chat participant's crypto: its key, the room key of the epoch, its record counter.
struct Member
{
    QByteArray publicKey;
    const Crypto::EncryptionKeyPair *keys = nullptr;
    Crypto::SecretBytes roomKey;
    quint32 epoch = 1;
    quint64 sequence = 0;

    QString keyId() const { return keyIdOf(publicKey); }

    QString seal(const QString &roomId, const QString &text)
    {
        const auto envelope = Crypto::RecordEnvelope::seal(
            roomKey, {roomId.toUtf8(), epoch, Crypto::keyId(publicKey), sequence++, Crypto::RecordPurpose::ChatMessage},
            text.toUtf8());
        return envelope ? Crypto::toBase64Url(*envelope) : QString();
    }
    // Opens a relayed message event with the sender the relay names.
    QString open(const QString &roomId, const QJsonObject &event) const
    {
        const auto bytes = Crypto::fromBase64Url(event.value("envelope"_L1).toString());
        const auto sender = Crypto::fromBase64Url(event.value("sender"_L1).toString());
        if (!bytes || !sender)
            return u"<bad base64>"_s;
        const auto opened =
            Crypto::RecordEnvelope::open(roomKey, roomId.toUtf8(), *sender, Crypto::RecordPurpose::ChatMessage, *bytes);
        return opened ? QString::fromUtf8(opened->plaintext) : u"<%1>"_s.arg(Crypto::errorString(opened.error()));
    }
    // Opens the room key envelope addressed to this member.
    bool takeRoomKey(const QString &roomId, const QString &sealed)
    {
        const auto bytes = Crypto::fromBase64Url(sealed);
        if (!bytes)
            return false;
        const auto key = Crypto::SealedEnvelope::open(*keys, Crypto::SealPurpose::RoomKey,
                                                      u"room:%1:%2"_s.arg(roomId).arg(epoch).toUtf8(), *bytes);
        if (!key)
            return false;
        roomKey = Crypto::SecretBytes::fromBytes(*key);
        return true;
    }
};

// A fresh room key for `epoch`, sealed to the given public keys (base64url envelope), and kept.
inline QString newRoomKey(Member &owner, const QString &roomId, const QList<QByteArray> &recipients)
{
    const QByteArray key = Crypto::randomBytes(32);
    owner.roomKey = Crypto::SecretBytes::fromBytes(key);
    const auto envelope = Crypto::SealedEnvelope::seal(recipients, Crypto::SealPurpose::RoomKey,
                                                       u"room:%1:%2"_s.arg(roomId).arg(owner.epoch).toUtf8(), key);
    return envelope ? Crypto::toBase64Url(*envelope) : QString();
}

// A booking made like the booking page makes it, confirmed by Anna; the help-seeker's browser key
// and manage token stay with the test.
struct Visitor
{
    Crypto::EncryptionKeyPair browser = Crypto::EncryptionKeyPair::generate();
    QString bookingId;
    QString capability;
};

inline QString bookConfirmed(BookingFixture::World &world, Visitor &visitor, int hour)
{
    visitor.bookingId = BookingFixture::newId();
    QJsonObject body = world.booking(visitor.bookingId, world.slot(hour));
    body.insert(u"browserKey"_s, Crypto::toBase64Url(visitor.browser.publicKey()));
    const auto created = world.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, body);
    if (created.status != 201)
        return u"booking: "_s + QString::fromUtf8(created.body);
    const QString manageUrl = created.json().value("booking"_L1).toObject().value("manageUrl"_L1).toString();
    visitor.capability = manageUrl.section(u'#', 1);
    const auto confirmed =
        world.client->postJson(u"/api/v1/bookings/%1/confirm"_s.arg(visitor.bookingId), {}, world.anna);
    if (confirmed.status != 200)
        return u"confirm: "_s + QString::fromUtf8(confirmed.body);
    return {};
}

inline Lotse::Tests::TestHttpClient::Headers bearer(const QString &token)
{
    return {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}};
}

} // namespace RoomFixture
