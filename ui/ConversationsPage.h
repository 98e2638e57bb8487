#pragma once

#include "ui/SectionPage.h"

#include <QPointer>

class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;

namespace Lotse::Client {
class RoomFiles;
class RoomService;
class ServerClient;
} // namespace Lotse::Client

namespace Lotse::Ui {

class CallWindow;
class ChatView;

// The Conversations section: the organisation's rooms (help-seeker's name, last activity, unread
// count), a search over the history decrypted on this device, and the chat of the chosen room.
class ConversationsPage : public SectionPage
{
    Q_OBJECT

public:
    ConversationsPage(Client::RoomService *rooms, Client::RoomFiles *files, Client::ServerClient *client,
                      QWidget *parent = nullptr);
    ~ConversationsPage() override;

    [[nodiscard]] QString title() const override;
    // Shows the room (a booking's room has the booking's id); false when there is none (yet).
    bool openRoom(const QString &roomId);
    [[nodiscard]] QString currentRoom() const;
    // Opens the room's call window (one call at a time: an open one is brought to the front).
    CallWindow *openCall(const QString &roomId);
    [[nodiscard]] CallWindow *callWindow() const;

protected:
    void retranslate() override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void rebuildList();
    void rebuildSearch();
    void selectRow(const QString &roomId);
    void onRoomClicked();

    QPointer<Client::RoomService> m_rooms;
    QPointer<Client::RoomFiles> m_files;
    QPointer<Client::ServerClient> m_client;
    QPointer<CallWindow> m_callWindow;
    QLineEdit *m_searchLineEdit;
    QStackedWidget *m_listStackedWidget;
    QListWidget *m_roomsListWidget;
    QListWidget *m_searchResultsListWidget;
    QLabel *m_emptyLabel;
    QStackedWidget *m_chatStackedWidget;
    QLabel *m_noSelectionLabel;
    ChatView *m_chatView;
    QString m_wanted; // a room asked for before the list knew it
};

} // namespace Lotse::Ui
