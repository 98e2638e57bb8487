#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QVariantMap>

namespace Lotse::Client {

class RoomService;
class ServerClient;

// The call page's way to the app (CONTRACT-7 §3), registered in the page's QWebChannel as `lotse`.
// The page never talks to the server itself: the bridge hands it this device's key id, the frame
// key of the room's current epoch (derived here from the room key), the ICE configuration (GET
// …/turn with the advisor's session), names and chosen devices, and carries the call's signals
// both ways as room-control records through RoomService. What the page says about the call
// (state, end, problems) comes back as signals for the window around it.
class CallBridge : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Preview, // devices chosen, nobody hears us yet
        Joining, // TURN credentials on their way
        InCall,
        Ended,
    };
    Q_ENUM(Stage)

    CallBridge(RoomService *rooms, ServerClient *client, const QString &roomId, const QString &language,
               QObject *parent = nullptr);
    ~CallBridge() override;

    [[nodiscard]] QString roomId() const { return m_roomId; }
    [[nodiscard]] Stage stage() const { return m_stage; }
    [[nodiscard]] QString callState() const { return m_callState; }
    [[nodiscard]] bool pageLoaded() const { return m_pageLoaded; }

    // From the window (Qt widgets): devices by Qt Multimedia's description (empty = system default).
    void chooseDevices(const QString &videoInput, const QString &audioInput, const QString &audioOutput,
                       bool audioOnly);
    // Fetches the ICE configuration, then lets the page join with the current epoch's key.
    void join();
    // Leaves the call (hang-up through the page, so the others hear it).
    void hangup();

    // ---- called by the page over the web channel ----
    Q_INVOKABLE void pageReady();
    Q_INVOKABLE void sendSignal(const QString &json);
    Q_INVOKABLE void reportState(const QString &state);
    Q_INVOKABLE void reportEnded(const QString &reason);
    Q_INVOKABLE void reportProblem(const QString &problem);

Q_SIGNALS:
    // ---- to the page ----
    void previewRequested(const QVariantMap &options);
    void devicesChosen(const QVariantMap &options);
    void joinRequested(const QVariantMap &config);
    void signalReceived(const QString &json, const QString &fromKeyId);
    void keyChanged(int epoch, const QString &frameKey);
    void namesChanged(const QVariantMap &names);
    void hangupRequested();
    // ---- to the window ----
    void stageChanged(Lotse::Client::CallBridge::Stage stage);
    void callStateChanged(const QString &state);
    void ended(const QString &reason);
    void problem(const QString &problem);

private:
    [[nodiscard]] QVariantMap deviceOptions() const;
    [[nodiscard]] QVariantMap names() const;
    void setStage(Stage stage);
    void onControl(const QString &roomId, const QString &senderKeyId, const QJsonObject &signal);
    void onEpoch(const QString &roomId, quint32 epoch);

    QPointer<RoomService> m_rooms;
    QPointer<ServerClient> m_client;
    QString m_roomId;
    QString m_language;
    QString m_videoInput;
    QString m_audioInput;
    QString m_audioOutput;
    bool m_audioOnly = false;
    bool m_pageLoaded = false;
    bool m_joinWanted = false; // Join before the page was ready: join when it is
    Stage m_stage = Stage::Preview;
    QString m_callState;
    quint32 m_epoch = 0;
};

} // namespace Lotse::Client
