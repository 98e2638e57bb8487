#pragma once

#include <QPointer>
#include <QWidget>

class QFrame;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QUrl;

namespace Lotse::Client {
class RoomFiles;
class RoomService;
struct Room;
} // namespace Lotse::Client

namespace Lotse::Ui {

// One conversation: its history (decrypted on this device), the verification code, the key
// change warning that blocks sending until the advisor confirms, and the message field.
class ChatView : public QWidget
{
    Q_OBJECT

public:
    ChatView(Client::RoomService *rooms, Client::RoomFiles *files, QWidget *parent = nullptr);

    void setRoom(const QString &roomId);
    [[nodiscard]] QString roomId() const { return m_roomId; }
    // Marks the messages containing `text` (search) and scrolls to the first.
    void highlight(const QString &text);
    void retranslate();
    // What the file dialogs (and drag and drop) lead to.
    void sendFile(const QString &localPath);
    void saveFile(const QString &fileId, const QString &targetPath);
    // Inside a call window: no "Video call" button and no incoming-call line (the call is there).
    void setInCallWindow(bool inCallWindow);

Q_SIGNALS:
    // The advisor starts (or joins) the room's video call.
    void callRequested(const QString &roomId);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void renderHistory(const Client::Room &room);
    void send();
    void onAnchor(const QUrl &url);
    void updateSendState();
    void chooseFile();
    void onTransferFinished(const QString &roomId, const QString &fileId, bool upload, const QString &error);

    QPointer<Client::RoomService> m_rooms;
    QPointer<Client::RoomFiles> m_files;
    QString m_roomId;
    QString m_highlight;
    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QLabel *m_codeCaptionLabel;
    QLabel *m_codeLabel;
    QPushButton *m_callButton;
    QFrame *m_incomingFrame;
    QLabel *m_incomingLabel;
    QPushButton *m_joinCallButton;
    bool m_inCallWindow = false;
    QFrame *m_keyChangeFrame;
    QLabel *m_keyChangeLabel;
    QPushButton *m_confirmKeysButton;
    QTextBrowser *m_historyBrowser;
    QLabel *m_problemLabel;
    QPlainTextEdit *m_composerTextEdit;
    QPushButton *m_sendButton;
    QPushButton *m_attachButton;
    QProgressBar *m_transferProgressBar;
    QLabel *m_transferLabel;
    QString m_transferFileId;
    QLabel *m_sendErrorLabel;
};

} // namespace Lotse::Ui
