#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QMediaDevices;
class QPushButton;
class QStackedWidget;
class QWebChannel;
class QWebEngineView;

namespace Lotse::Client {
class CallBridge;
class RoomFiles;
class RoomService;
class ServerClient;
} // namespace Lotse::Client

namespace Lotse::Ui {

class CallPage;
class ChatView;

// The video call of one room (issue 7): Lotse's own call page in Qt WebEngine on the left, bundled
// with the app (CallPage), and beside it first the device check (camera, microphone, speaker from
// Qt Multimedia, live when devices come and go; audio only; Join), then in the call the
// verification code, the participants, the interpreter invitation and the room's chat. The page's
// controls (mute, camera, screen, hang up, timer, quality) are the call core's own.
class CallWindow : public QWidget
{
    Q_OBJECT

public:
    CallWindow(Client::RoomService *rooms, Client::RoomFiles *files, Client::ServerClient *client,
               const QString &roomId, QWidget *parent = nullptr);
    ~CallWindow() override;

    [[nodiscard]] QString roomId() const { return m_roomId; }
    [[nodiscard]] Client::CallBridge *bridge() const { return m_bridge; }
    [[nodiscard]] QWebEngineView *view() const { return m_view; }
    // Joins with the devices chosen (what the Join button does).
    void join();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillDevices();
    void devicesChosen();
    void refreshRoom();
    void inviteInterpreter();
    void removeInterpreter();
    void showInvitation(const QString &link);
    void onStage();

    QPointer<Client::RoomService> m_rooms;
    QPointer<Client::ServerClient> m_client;
    QString m_roomId;
    Client::CallBridge *m_bridge;
    QWebEngineView *m_view;
    CallPage *m_page;
    QWebChannel *m_channel;
    QMediaDevices *m_mediaDevices;
    QStackedWidget *m_sideStackedWidget;
    QLabel *m_setupTitleLabel;
    QLabel *m_cameraLabel;
    QComboBox *m_cameraComboBox;
    QLabel *m_microphoneLabel;
    QComboBox *m_microphoneComboBox;
    QLabel *m_speakerLabel;
    QComboBox *m_speakerComboBox;
    QCheckBox *m_audioOnlyCheckBox;
    QLabel *m_setupHintLabel;
    QPushButton *m_joinButton;
    QLabel *m_stateLabel;
    QLabel *m_codeCaptionLabel;
    QLabel *m_codeLabel;
    QLabel *m_participantsLabel;
    QListWidget *m_participantsListWidget;
    QPushButton *m_inviteButton;
    QPushButton *m_removeInterpreterButton;
    QLabel *m_problemLabel;
    ChatView *m_chatView;
    bool m_closeWhenEnded = false;
};

} // namespace Lotse::Ui
