#include "ui/ConversationsPage.h"

#include "app/RoomFiles.h"
#include "app/RoomService.h"
#include "app/ServerClient.h"
#include "ui/CallWindow.h"
#include "ui/ChatView.h"
#include "ui/ConversationItemDelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

using Role = ConversationItemDelegate::Role;

QString activityText(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

void styleList(QListWidget *list)
{
    list->setItemDelegate(new ConversationItemDelegate(list));
    list->setFrameShape(QFrame::NoFrame);
    list->setMouseTracking(true);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setStyleSheet(u"QListWidget { background: transparent; outline: 0; }"_s);
}

} // namespace

ConversationsPage::ConversationsPage(Client::RoomService *rooms, Client::RoomFiles *files, Client::ServerClient *client,
                                     QWidget *parent)
    : SectionPage(u":/lotse/icons/conversations.svg"_s, parent)
    , m_rooms(rooms)
    , m_files(files)
    , m_client(client)
    , m_searchLineEdit(new QLineEdit(this))
    , m_listStackedWidget(new QStackedWidget(this))
    , m_roomsListWidget(new QListWidget(this))
    , m_searchResultsListWidget(new QListWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_chatStackedWidget(new QStackedWidget(this))
    , m_noSelectionLabel(new QLabel(this))
    , m_chatView(new ChatView(rooms, files, this))
{
    setObjectName(u"conversationsPage"_s);
    letContentFill();
    m_searchLineEdit->setObjectName(u"conversationSearchLineEdit"_s);
    m_searchLineEdit->setClearButtonEnabled(true);
    m_roomsListWidget->setObjectName(u"roomsListWidget"_s);
    m_searchResultsListWidget->setObjectName(u"searchResultsListWidget"_s);
    styleList(m_roomsListWidget);
    styleList(m_searchResultsListWidget);
    m_emptyLabel->setObjectName(u"conversationsEmptyLabel"_s);
    m_emptyLabel->setProperty("tone", u"hint"_s);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_listStackedWidget->addWidget(m_roomsListWidget);
    m_listStackedWidget->addWidget(m_searchResultsListWidget);
    m_listStackedWidget->addWidget(m_emptyLabel);
    m_noSelectionLabel->setObjectName(u"conversationNoSelectionLabel"_s);
    m_noSelectionLabel->setProperty("tone", u"hint"_s);
    m_noSelectionLabel->setAlignment(Qt::AlignCenter);
    m_noSelectionLabel->setWordWrap(true);
    m_chatStackedWidget->addWidget(m_noSelectionLabel);
    m_chatStackedWidget->addWidget(m_chatView);

    auto *left = new QVBoxLayout;
    left->setSpacing(8);
    left->addWidget(m_searchLineEdit);
    left->addWidget(m_listStackedWidget, 1);
    auto *leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    leftWidget->setFixedWidth(300);
    left->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->setSpacing(20);
    row->addWidget(leftWidget);
    row->addWidget(m_chatStackedWidget, 1);
    contentLayout()->addLayout(row, 1);

    connect(m_roomsListWidget, &QListWidget::currentItemChanged, this, &ConversationsPage::onRoomClicked);
    connect(m_searchResultsListWidget, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Role::IdRole).toString();
        selectRow(id);
        m_chatView->setRoom(id);
        m_chatStackedWidget->setCurrentWidget(m_chatView);
        m_chatView->highlight(m_searchLineEdit->text());
    });
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this] {
        rebuildSearch();
        if (m_searchLineEdit->text().trimmed().isEmpty())
            m_chatView->highlight({});
    });
    connect(m_chatView, &ChatView::callRequested, this, &ConversationsPage::openCall);
    connect(rooms, &Client::RoomService::roomsChanged, this, &ConversationsPage::rebuildList);
    connect(rooms, &Client::RoomService::roomChanged, this, [this] { rebuildList(); });
    connect(rooms, &Client::RoomService::unreadChanged, this, [this](int total) {
        setBadgeCount(total);
        rebuildList();
    });
    retranslate();
    refreshTitle();
    rebuildList();
}

ConversationsPage::~ConversationsPage() = default;

CallWindow *ConversationsPage::callWindow() const
{
    return m_callWindow;
}

CallWindow *ConversationsPage::openCall(const QString &roomId)
{
    if (!m_callWindow && m_rooms && m_rooms->room(roomId))
        m_callWindow = new CallWindow(m_rooms, m_files, m_client, roomId, this);
    if (m_callWindow) {
        m_callWindow->show();
        m_callWindow->raise();
        m_callWindow->activateWindow();
    }
    return m_callWindow;
}

QString ConversationsPage::title() const
{
    return tr("Conversations");
}

void ConversationsPage::retranslate()
{
    m_searchLineEdit->setPlaceholderText(tr("Search in messages on this device"));
    m_emptyLabel->setText(tr("No conversations yet. A conversation starts with each confirmed booking and each "
                             "instant call you take."));
    m_noSelectionLabel->setText(
        tr("Choose a conversation on the left.\n\nMessages are end-to-end encrypted: only this device and the "
           "help-seeker's browser can read them."));
    rebuildList();
}

void ConversationsPage::showEvent(QShowEvent *event)
{
    SectionPage::showEvent(event);
    // Coming back to the open conversation counts as opening it: read, and its keys looked at.
    if (m_rooms && m_chatStackedWidget->currentWidget() == m_chatView)
        m_chatView->setRoom(m_chatView->roomId());
}

void ConversationsPage::hideEvent(QHideEvent *event)
{
    // Messages arriving while the advisor looks elsewhere count as unread.
    if (m_rooms)
        m_rooms->setCurrentRoom({});
    SectionPage::hideEvent(event);
}

QString ConversationsPage::currentRoom() const
{
    return m_chatStackedWidget->currentWidget() == m_chatView ? m_chatView->roomId() : QString();
}

bool ConversationsPage::openRoom(const QString &roomId)
{
    if (!m_rooms || !m_rooms->room(roomId)) {
        m_wanted = roomId;
        if (m_rooms)
            m_rooms->refresh();
        return false;
    }
    m_wanted.clear();
    m_searchLineEdit->clear();
    selectRow(roomId);
    m_chatView->setRoom(roomId);
    m_chatStackedWidget->setCurrentWidget(m_chatView);
    return true;
}

void ConversationsPage::selectRow(const QString &roomId)
{
    for (int row = 0; row < m_roomsListWidget->count(); ++row) {
        if (m_roomsListWidget->item(row)->data(Role::IdRole).toString() == roomId) {
            const QSignalBlocker blocker(m_roomsListWidget);
            m_roomsListWidget->setCurrentRow(row);
        }
    }
}

void ConversationsPage::onRoomClicked()
{
    QListWidgetItem *item = m_roomsListWidget->currentItem();
    if (!item)
        return;
    m_chatView->setRoom(item->data(Role::IdRole).toString());
    m_chatStackedWidget->setCurrentWidget(m_chatView);
}

void ConversationsPage::rebuildList()
{
    if (!m_rooms)
        return;
    const QSignalBlocker blocker(m_roomsListWidget);
    const QStringList ids = m_rooms->roomIds();
    while (m_roomsListWidget->count() > ids.size())
        delete m_roomsListWidget->takeItem(m_roomsListWidget->count() - 1);
    for (qsizetype row = 0; row < ids.size(); ++row) {
        const Client::Room *room = m_rooms->room(ids.at(row));
        QListWidgetItem *item = m_roomsListWidget->item(int(row));
        if (!item)
            item = new QListWidgetItem(m_roomsListWidget);
        const bool instant = room->kind == "instant"_L1;
        const bool named = !room->title.isEmpty();
        item->setText(named ? room->title : instant ? tr("Instant call") : tr("Name not readable here"));
        item->setData(Role::ItalicTitleRole, !named);
        QString subtitle;
        for (auto it = room->entries.crbegin(); it != room->entries.crend(); ++it) {
            if (it->kind == Client::ChatEntry::Kind::Text) {
                subtitle = (it->mine ? tr("You: %1") : u"%1"_s).arg(it->text);
                break;
            }
            if (it->kind == Client::ChatEntry::Kind::File) {
                subtitle = tr("File: %1").arg(it->fileName);
                break;
            }
        }
        if (subtitle.isEmpty())
            subtitle = instant ? tr("Instant call") : tr("Booking");
        item->setData(Role::SubtitleRole, subtitle);
        item->setData(Role::TimeRole,
                      activityText(room->lastActivity.isValid() ? room->lastActivity : room->createdAt));
        item->setData(Role::UnreadRole, room->unread);
        item->setData(Role::IdRole, room->id);
        if (room->id == m_chatView->roomId() && m_chatStackedWidget->currentWidget() == m_chatView)
            m_roomsListWidget->setCurrentItem(item);
    }
    if (m_searchLineEdit->text().trimmed().isEmpty())
        m_listStackedWidget->setCurrentWidget(ids.isEmpty() ? static_cast<QWidget *>(m_emptyLabel) : m_roomsListWidget);
    else
        rebuildSearch();
    if (!m_wanted.isEmpty() && m_rooms->room(m_wanted))
        openRoom(m_wanted);
}

void ConversationsPage::rebuildSearch()
{
    const QString text = m_searchLineEdit->text().trimmed();
    if (text.isEmpty()) {
        m_listStackedWidget->setCurrentWidget(
            m_rooms && !m_rooms->roomIds().isEmpty() ? static_cast<QWidget *>(m_roomsListWidget) : m_emptyLabel);
        return;
    }
    m_searchResultsListWidget->clear();
    const QList<Client::SearchHit> hits = m_rooms->search(text);
    for (const Client::SearchHit &hit : hits) {
        const Client::Room *room = m_rooms->room(hit.roomId);
        auto *item = new QListWidgetItem(m_searchResultsListWidget);
        item->setText(room && !room->title.isEmpty() ? room->title : tr("Conversation"));
        item->setData(Role::SubtitleRole, hit.text);
        item->setData(Role::IdRole, hit.roomId);
    }
    if (hits.isEmpty()) {
        auto *item = new QListWidgetItem(tr("Nothing found"), m_searchResultsListWidget);
        item->setData(Role::SubtitleRole, tr("Only messages held on this device are searched."));
        item->setData(Role::ItalicTitleRole, true);
        item->setFlags(Qt::NoItemFlags);
    }
    m_listStackedWidget->setCurrentWidget(m_searchResultsListWidget);
}

} // namespace Lotse::Ui
