#pragma once

#include "crypto/Keys.h"
#include "crypto/RecordEnvelope.h"
#include "crypto/ReplayGuard.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <map>
#include <memory>

class QTimer;

namespace Lotse::Client {

class Profile;
class RequestsService;
class RoomSocket;
class ServerClient;
class Session;

// One line of a conversation, as this device understood it.
struct ChatEntry
{
    enum class Kind
    {
        Text,
        File,          // a file manifest (purpose 5)
        Undecryptable, // anything that did not open: shown as one line, never its bytes
    };
    enum class State
    {
        Received,
        Sending, // handed to the relay, no ack yet
        Sent,    // acknowledged (stored by the server)
        Failed,  // an error or no ack in time; can be retried with the same clientId
    };

    Kind kind = Kind::Text;
    State state = State::Received;
    qint64 seq = 0; // the relay's sequence; 0 while unsent
    QDateTime at;   // the relay's time (UTC); local time while unsent
    QString sender; // the sender's key id (base64url)
    bool mine = false;
    QString text;
    QString clientId;
    QString envelope; // base64url, kept for a retry
    // File manifests.
    QString fileId;
    QString fileName;
    QString mime;
    qint64 fileSize = 0;
    QByteArray fileKey; // 32 bytes, from the manifest; in memory only
};

struct RoomParticipant
{
    QString kind; // advisor, visitor, interpreter (invited by an advisor into the room's calls)
    QString keyId;
    QString displayName;
    QByteArray x25519;
    QString interpreterId; // interpreters: the invitation (DELETE …/interpreters/{id} ends it)
};

// One room as the list shows it and the chat reads it.
struct Room
{
    QString id;
    QString kind; // booking, instant
    QString bookingId;
    QString instantId;
    QDateTime createdAt;
    QDateTime lastActivity;
    QString title; // the help-seeker's name as opened on this device; empty when unknown

    QList<ChatEntry> entries;
    int unread = 0;
    qint64 lastReadSeq = 0;

    QList<RoomParticipant> participants;
    QString verificationCode; // FORMAT.md §11 with the visitor's key; empty without a visitor
    bool keysChanged = false; // participants differ from what the advisor last confirmed
    QString callingKeyId;     // a participant who joined a call (their `ready`) this device is not in
    bool ready = false;       // room key in hand and history synced
    QString problem;          // why nothing can be sent (room key could not be made)

    // Crypto and relay state.
    std::map<quint32, Crypto::SecretBytes> keys;
    quint32 currentEpoch = 0;
    QSet<QByteArray> currentRecipients; // raw key ids the current epoch's key was sealed to
    Crypto::ReplayGuard guard;
    QHash<quint32, quint64> nextSequence;
    bool joined = false;
    bool keysLoading = false;
    bool keysAgain = false; // asked to look at the keys while a look was under way
    bool syncing = false;
    int epochAttempts = 0;
    quint32 announcedEpoch = 0; // the epoch epochChanged last told about
    // Call signals with a higher sequence are live; those up to it (history of the first sync after
    // joining) belong to calls that are over. -1 until that sync is done.
    qint64 signalsFrom = -1;
    qint64 heldSeq = 0;
    QList<QJsonObject> waiting; // message events that came before the room key
};

struct SearchHit
{
    QString roomId;
    qint64 seq = 0;
    QString text;
};

// The Conversations section's service: the organisation's rooms over the relay. Joins them,
// syncs history from the last sequence held, makes and rotates room keys (CONTRACT-6 part B),
// opens every record on this device with a replay guard per (epoch, sender), sends with a client
// id and tracks acks. Decrypted history lives in memory only: nothing a help-seeker wrote is
// written to disk (there is no encrypted local store yet); after a restart it is synced again.
class RoomService : public QObject
{
    Q_OBJECT

public:
    static constexpr int AckTimeoutMs = 15'000;
    static constexpr int MaxTextLength = 10'000;
    static constexpr int MaxJoinedRooms = 50;

    RoomService(const Profile &profile, Session *session, ServerClient *client, RequestsService *requests,
                QObject *parent = nullptr);
    ~RoomService() override;

    // Room ids, last activity first.
    [[nodiscard]] QStringList roomIds() const { return m_order; }
    [[nodiscard]] const Room *room(const QString &id) const;
    [[nodiscard]] QString myKeyId() const { return m_myKeyId; }
    [[nodiscard]] int totalUnread() const;
    [[nodiscard]] RoomSocket *socket() const { return m_socket; }

    void refresh();
    // The room the advisor looks at: its messages count as read.
    void setCurrentRoom(const QString &id);
    [[nodiscard]] QString currentRoom() const { return m_current; }
    // Fetches the participants again (a key change shows up here).
    void reloadKeys(const QString &id);
    // Sends a chat message; an empty string when handed on, else why not.
    QString sendText(const QString &roomId, const QString &text);
    // Sends the manifest of a file whose blob is complete on the server (CONTRACT-6 part B).
    QString sendFileManifest(const QString &roomId, const QString &fileId, const QString &name, const QString &mime,
                             qint64 size, const QByteArray &fileKey);
    void retry(const QString &roomId, const QString &clientId);
    // The advisor saw the key change warning and accepts the new keys.
    void confirmKeys(const QString &roomId);
    // Sends a call's signal as a room-control record (purpose 4, FORMAT.md §18) under the current
    // epoch's key; nothing is kept in the history. An empty string when handed on, else why not.
    QString sendControl(const QString &roomId, const QJsonObject &signal);
    // The frame key of the current epoch's calls (FORMAT.md §18, `lotsevid` subkey 1); empty
    // while the room has no key.
    [[nodiscard]] QByteArray callFrameKey(const QString &roomId) const;
    // This device takes part in the room's call (or not): a `ready` then is no incoming call.
    void setInCall(const QString &roomId, bool inCall);
    // Case-insensitive search over the decrypted history held on this device.
    [[nodiscard]] QList<SearchHit> search(const QString &text) const;
    // A room the server answered for (e.g. after taking an instant call); joins it.
    void adoptRoom(const QJsonObject &json);
    // The name of an instant call's visitor, opened from the queue (kept in memory only).
    void rememberInstantName(const QString &instantId, const QString &name);

Q_SIGNALS:
    void roomsChanged();
    void roomChanged(const QString &roomId);
    void unreadChanged(int total);
    // A message from the help-seeker or a colleague arrived live (not from history).
    void messageArrived(const QString &roomId);
    void queueChanged();
    // A call's signal arrived live from another participant (opened, a JSON object with v: 1).
    void controlReceived(const QString &roomId, const QString &senderKeyId, const QJsonObject &signal);
    // The room's current epoch changed (a participant joined or left): calls switch frame keys.
    void epochChanged(const QString &roomId, quint32 epoch);

private:
    Room *find(const QString &id);
    void onSessionState();
    void onSocketReady();
    void onFrame(const QJsonObject &frame);
    void join(Room &room);
    void loadKeys(const QString &roomId);
    void loadEnvelopes(const QString &roomId);
    void makeEpoch(const QString &roomId, quint32 epoch);
    void keysReady(Room &room);
    void sync(Room &room);
    void handleMessage(Room &room, const QJsonObject &event, bool live);
    void transmit(Room &room, ChatEntry &entry);
    void handleControl(Room &room, const QString &senderKeyId, const QByteArray &sender, const QByteArray &envelope,
                       quint32 epoch);
    QString sendRecord(const QString &roomId, Crypto::RecordPurpose purpose, const QJsonObject &body, ChatEntry entry);
    // Seals `body` (canonical JSON) under the room's current epoch with this device's next sequence
    // number; an empty string and the base64url envelope, or why not.
    QString seal(Room &room, Crypto::RecordPurpose purpose, const QJsonObject &body, QString *envelopeOut);
    void applyTitle(Room &room);
    void updateUnread(Room &room);
    void reorder();
    [[nodiscard]] QStringList participantKeyIds(const Room &room) const;

    const Profile &m_profile;
    QPointer<Session> m_session;
    QPointer<ServerClient> m_client;
    QPointer<RequestsService> m_requests;
    RoomSocket *m_socket;
    QTimer *m_pollTimer;
    std::map<QString, std::unique_ptr<Room>> m_rooms;
    QStringList m_order;
    QString m_myKeyId;
    QByteArray m_myX25519;
    QString m_current;
    QHash<QString, QString> m_instantNames;
    QSet<QString> m_inCall;
    quint64 m_generation = 0;
};

} // namespace Lotse::Client
