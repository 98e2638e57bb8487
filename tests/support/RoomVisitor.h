#pragma once

#include "crypto/Keys.h"
#include "crypto/RecordEnvelope.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <map>
#include <memory>

class QWebSocket;

namespace Lotse::Tests {

class TestHttpClient;

// A help-seeker's side of a room, done the way the web page does it (CONTRACT-6 part B) with
// lotse_crypto and a QWebSocket: authenticates with the capability, joins the room, takes (or
// makes) the room key, sends chat records as canonical JSON and opens what arrives. Not
// blocking: it collects what the relay pushes, so a test can wait on it and on a desktop window
// in the same event loop (QTRY_*).
class RoomVisitor : public QObject
{
    Q_OBJECT

public:
    struct Received
    {
        qint64 seq = 0;
        QString sender;
        QString text;  // empty when it did not open
        QString error; // why it did not open
        // A file manifest (purpose 5).
        QString fileId;
        QString fileName;
        qint64 fileSize = 0;
        QByteArray fileKey;
    };

    RoomVisitor(const QUrl &serverUrl, const QString &capability, QObject *parent = nullptr);
    ~RoomVisitor() override;

    [[nodiscard]] const Crypto::EncryptionKeyPair &browserKey() const { return *m_browser; }
    [[nodiscard]] QString keyId() const;

    // Opens the socket and authenticates; `ready` tells whether there is a room yet.
    void connectSocket();
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] QString roomId() const { return m_roomId; }
    [[nodiscard]] bool isJoined() const { return m_joined; }
    [[nodiscard]] bool wasTaken() const { return m_taken; }
    // Joins the room (after `ready` named one, or after `taken`) and syncs from the start.
    void join();
    // Reads the room key envelopes for the browser key; makes epoch 1 when there is none. False
    // when no key could be had (the error is in lastError()).
    bool loadRoomKey();
    [[nodiscard]] quint32 epoch() const { return m_epoch; }

    // Seals a chat message; `roomId` other than the room's makes a record for another room.
    // `purpose` other than chat: e.g. room control, as a call page's signals are.
    [[nodiscard]] QByteArray sealText(const QString &text, const QString &roomId = {},
                                      Crypto::RecordPurpose purpose = Crypto::RecordPurpose::ChatMessage);
    // Sends an envelope; its clientId. sendText seals and sends.
    QString sendEnvelope(const QByteArray &envelope);
    QString sendText(const QString &text);
    [[nodiscard]] bool acked(const QString &clientId) const { return m_acks.contains(clientId); }
    // Uploads `content` as a file stream and, once complete, sends its manifest; the file id.
    // `tamper` flips a byte of the stream's last chunk after encrypting (the manifest stays valid).
    QString sendFile(const QString &name, const QByteArray &content, bool tamper = false);
    // Downloads and decrypts a received file; empty with lastError() on failure.
    QByteArray downloadFile(const Received &manifest);
    [[nodiscard]] const Received *fileNamed(const QString &name) const;

    [[nodiscard]] const QList<Received> &received() const { return m_received; }
    [[nodiscard]] QStringList texts() const;
    // FORMAT.md §11 with one advisor device's X25519 key.
    [[nodiscard]] QString verificationCode(const QByteArray &advisorX25519) const;
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // The browser key the call or booking was made with; set before connecting.
    void setBrowserKey(const QByteArray &secretKey);

    // Posts an instant call as the public page does (ALTCHA solved, the name sealed to the
    // organisation's active devices); the capability, or empty.
    static QString createInstantCall(TestHttpClient &http, const QString &orgSlug, const QString &instantId,
                                     const QString &name, const QByteArray &browserPublicKey,
                                     const QString &language = QStringLiteral("uk"));
    static QString solveAltcha(TestHttpClient &http);

private:
    void onText(const QString &text);
    void open(const QJsonObject &event);
    bool fetchEnvelopes();

    QUrl m_serverUrl;
    QString m_capability;
    std::unique_ptr<Crypto::EncryptionKeyPair> m_browser;
    std::unique_ptr<TestHttpClient> m_http;
    QWebSocket *m_socket;
    bool m_ready = false;
    bool m_joined = false;
    bool m_taken = false;
    QString m_roomId;
    std::map<quint32, Crypto::SecretBytes> m_keys;
    quint32 m_epoch = 0;
    quint64 m_sequence = 0;
    QList<Received> m_received;
    QList<QJsonObject> m_pending; // messages whose epoch key is not here yet
    QStringList m_acks;
    QString m_lastError;
};

} // namespace Lotse::Tests
