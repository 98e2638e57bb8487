#include "ui/CallWindow.h"

#include "app/ApiError.h"
#include "app/CallBridge.h"
#include "app/RoomService.h"
#include "app/ServerClient.h"
#include "ui/CallPage.h"
#include "ui/ChatView.h"

#include <QApplication>
#include <QAudioDevice>
#include <QCameraDevice>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMediaDevices>
#include <QNetworkReply>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

constexpr int InterpreterIdRole = Qt::UserRole + 1;
constexpr int HangupGraceMs = 3000; // the page's hang-up signal goes out before the window closes

// Keeps the chosen entry (by its description) when the list is filled again.
void refill(QComboBox *combo, const QStringList &descriptions, const QString &systemDefault)
{
    const QString chosen = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(systemDefault, QString());
    for (const QString &description : descriptions)
        combo->addItem(description, description);
    const int index = combo->findData(chosen);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

CallWindow::CallWindow(Client::RoomService *rooms, Client::RoomFiles *files, Client::ServerClient *client,
                       const QString &roomId, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_rooms(rooms)
    , m_client(client)
    , m_roomId(roomId)
    , m_bridge(new Client::CallBridge(rooms, client, roomId, QLocale().name().section(u'_', 0, 0), this))
    , m_view(new QWebEngineView(this))
    , m_page(new CallPage(m_view))
    , m_channel(new QWebChannel(this))
    , m_mediaDevices(new QMediaDevices(this))
    , m_sideStackedWidget(new QStackedWidget(this))
    , m_setupTitleLabel(new QLabel(this))
    , m_cameraLabel(new QLabel(this))
    , m_cameraComboBox(new QComboBox(this))
    , m_microphoneLabel(new QLabel(this))
    , m_microphoneComboBox(new QComboBox(this))
    , m_speakerLabel(new QLabel(this))
    , m_speakerComboBox(new QComboBox(this))
    , m_audioOnlyCheckBox(new QCheckBox(this))
    , m_setupHintLabel(new QLabel(this))
    , m_joinButton(new QPushButton(this))
    , m_stateLabel(new QLabel(this))
    , m_codeCaptionLabel(new QLabel(this))
    , m_codeLabel(new QLabel(this))
    , m_participantsLabel(new QLabel(this))
    , m_participantsListWidget(new QListWidget(this))
    , m_inviteButton(new QPushButton(this))
    , m_removeInterpreterButton(new QPushButton(this))
    , m_problemLabel(new QLabel(this))
    , m_chatView(new ChatView(rooms, files, this))
{
    setObjectName(u"callWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1280, 760);
    m_view->setObjectName(u"callWebView"_s);
    m_view->setPage(m_page);
    m_view->setMinimumWidth(560);
    m_channel->registerObject(u"lotse"_s, m_bridge);
    m_page->setWebChannel(m_channel);

    m_setupTitleLabel->setStyleSheet(u"font-size: 17px; font-weight: 600; color: #1F2A33;"_s);
    m_cameraComboBox->setObjectName(u"cameraComboBox"_s);
    m_microphoneComboBox->setObjectName(u"microphoneComboBox"_s);
    m_speakerComboBox->setObjectName(u"speakerComboBox"_s);
    m_audioOnlyCheckBox->setObjectName(u"audioOnlyCheckBox"_s);
    m_setupHintLabel->setProperty("tone", u"hint"_s);
    m_setupHintLabel->setWordWrap(true);
    m_joinButton->setObjectName(u"callJoinButton"_s);
    m_joinButton->setProperty("primary", true);
    m_stateLabel->setObjectName(u"callStateLabel"_s);
    m_stateLabel->setStyleSheet(u"font-size: 15px; font-weight: 600; color: #1F2A33;"_s);
    m_codeCaptionLabel->setProperty("tone", u"hint"_s);
    m_codeLabel->setObjectName(u"callVerificationCodeLabel"_s);
    m_codeLabel->setProperty("fingerprint", true);
    m_codeLabel->setStyleSheet(u"font-size: 15px; font-weight: 600; letter-spacing: 1px;"_s);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_participantsLabel->setProperty("tone", u"hint"_s);
    m_participantsListWidget->setObjectName(u"callParticipantsListWidget"_s);
    m_participantsListWidget->setMaximumHeight(78);
    m_inviteButton->setObjectName(u"inviteInterpreterButton"_s);
    m_removeInterpreterButton->setObjectName(u"removeInterpreterButton"_s);
    m_removeInterpreterButton->setEnabled(false);
    m_removeInterpreterButton->hide(); // shown while an interpreter is in the room
    m_problemLabel->setObjectName(u"callProblemLabel"_s);
    m_problemLabel->setProperty("tone", u"error"_s);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();
    m_chatView->setObjectName(u"callChatView"_s);
    m_chatView->setInCallWindow(true);
    m_chatView->setRoom(roomId);

    auto *setup = new QWidget(this);
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->setSpacing(8);
    setupLayout->addWidget(m_setupTitleLabel);
    setupLayout->addWidget(m_setupHintLabel);
    auto *form = new QFormLayout;
    form->addRow(m_cameraLabel, m_cameraComboBox);
    form->addRow(m_microphoneLabel, m_microphoneComboBox);
    form->addRow(m_speakerLabel, m_speakerComboBox);
    setupLayout->addLayout(form);
    setupLayout->addWidget(m_audioOnlyCheckBox);
    setupLayout->addStretch(1);
    setupLayout->addWidget(m_joinButton);

    auto *inCall = new QWidget(this);
    auto *inCallLayout = new QVBoxLayout(inCall);
    inCallLayout->setContentsMargins(0, 0, 0, 0);
    inCallLayout->setSpacing(6);
    auto *code = new QHBoxLayout;
    code->addWidget(m_codeCaptionLabel);
    code->addStretch(1);
    code->addWidget(m_codeLabel);
    inCallLayout->addLayout(code);
    inCallLayout->addWidget(m_participantsLabel);
    inCallLayout->addWidget(m_participantsListWidget);
    auto *interpreterButtons = new QHBoxLayout;
    interpreterButtons->addWidget(m_inviteButton);
    interpreterButtons->addWidget(m_removeInterpreterButton);
    interpreterButtons->addStretch(1);
    inCallLayout->addLayout(interpreterButtons);
    inCallLayout->addWidget(m_chatView, 1);

    m_sideStackedWidget->addWidget(setup);
    m_sideStackedWidget->addWidget(inCall);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(16, 16, 16, 16);
    sideLayout->addWidget(m_stateLabel);
    sideLayout->addWidget(m_problemLabel);
    sideLayout->addWidget(m_sideStackedWidget, 1);
    side->setMinimumWidth(380);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_mediaDevices, &QMediaDevices::videoInputsChanged, this, &CallWindow::fillDevices);
    connect(m_mediaDevices, &QMediaDevices::audioInputsChanged, this, &CallWindow::fillDevices);
    connect(m_mediaDevices, &QMediaDevices::audioOutputsChanged, this, &CallWindow::fillDevices);
    for (QComboBox *combo : {m_cameraComboBox, m_microphoneComboBox, m_speakerComboBox})
        connect(combo, &QComboBox::currentIndexChanged, this, &CallWindow::devicesChosen);
    connect(m_audioOnlyCheckBox, &QCheckBox::toggled, this, &CallWindow::devicesChosen);
    connect(m_joinButton, &QPushButton::clicked, this, &CallWindow::join);
    connect(m_inviteButton, &QPushButton::clicked, this, &CallWindow::inviteInterpreter);
    connect(m_removeInterpreterButton, &QPushButton::clicked, this, &CallWindow::removeInterpreter);
    connect(m_participantsListWidget, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_removeInterpreterButton->setEnabled(item && !item->data(InterpreterIdRole).toString().isEmpty());
    });
    connect(m_bridge, &Client::CallBridge::stageChanged, this, &CallWindow::onStage);
    connect(m_bridge, &Client::CallBridge::callStateChanged, this, &CallWindow::onStage);
    connect(m_bridge, &Client::CallBridge::problem, this, [this](const QString &problem) {
        const QString text = problem == "PermissionDenied"_L1
                                 ? tr("Lotse may not use the camera or microphone. Allow it in the system settings.")
                             : problem == "NoDevices"_L1
                                 ? tr("No camera or microphone was found. You can still join and hear the others.")
                                 : problem;
        m_problemLabel->setText(text);
        m_problemLabel->setVisible(!text.isEmpty());
    });
    connect(m_bridge, &Client::CallBridge::ended, this, [this] {
        if (m_closeWhenEnded)
            QTimer::singleShot(0, this, &QWidget::close);
    });
    connect(rooms, &Client::RoomService::roomChanged, this, [this](const QString &id) {
        if (id == m_roomId)
            refreshRoom();
    });

    fillDevices();
    retranslate();
    m_view->load(CallPage::pageUrl());
}

CallWindow::~CallWindow() = default;

void CallWindow::retranslate()
{
    m_setupTitleLabel->setText(tr("Before you join"));
    m_setupHintLabel->setText(tr("Check your picture and sound. Nobody sees or hears you before you join."));
    m_cameraLabel->setText(tr("Camera"));
    m_microphoneLabel->setText(tr("Microphone"));
    m_speakerLabel->setText(tr("Speaker"));
    m_audioOnlyCheckBox->setText(tr("Audio only (for a weak connection)"));
    m_joinButton->setText(tr("Join the call"));
    m_codeCaptionLabel->setText(tr("Verification code"));
    m_codeCaptionLabel->setToolTip(tr("Read this code to the person you talk to. If their screen shows the same "
                                      "code, nobody is listening in between."));
    m_participantsLabel->setText(tr("Participants"));
    m_inviteButton->setText(tr("Invite interpreter…"));
    m_inviteButton->setToolTip(tr("Create a link an interpreter can join this call with (valid for 24 hours)"));
    m_removeInterpreterButton->setText(tr("Remove interpreter"));
    fillDevices();
    refreshRoom();
    onStage();
}

void CallWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CallWindow::fillDevices()
{
    const QString systemDefault = tr("System default");
    QStringList cameras;
    for (const QCameraDevice &device : QMediaDevices::videoInputs())
        cameras.append(device.description());
    QStringList microphones;
    for (const QAudioDevice &device : QMediaDevices::audioInputs())
        microphones.append(device.description());
    QStringList speakers;
    for (const QAudioDevice &device : QMediaDevices::audioOutputs())
        speakers.append(device.description());
    const auto chosen = [this] {
        return QStringList{m_cameraComboBox->currentData().toString(), m_microphoneComboBox->currentData().toString(),
                           m_speakerComboBox->currentData().toString()};
    };
    const QStringList before = chosen();
    refill(m_cameraComboBox, cameras, systemDefault);
    refill(m_microphoneComboBox, microphones, systemDefault);
    refill(m_speakerComboBox, speakers, systemDefault);
    // A chosen device that went away: the preview follows the system default.
    if (chosen() != before && m_bridge->stage() == Client::CallBridge::Stage::Preview)
        devicesChosen();
}

void CallWindow::devicesChosen()
{
    m_cameraComboBox->setEnabled(!m_audioOnlyCheckBox->isChecked());
    m_bridge->chooseDevices(m_cameraComboBox->currentData().toString(), m_microphoneComboBox->currentData().toString(),
                            m_speakerComboBox->currentData().toString(), m_audioOnlyCheckBox->isChecked());
}

void CallWindow::join()
{
    m_problemLabel->hide();
    // The bridge knows the devices already (every change of the lists is handed on at once).
    m_bridge->join();
}

void CallWindow::onStage()
{
    using Stage = Client::CallBridge::Stage;
    const Stage stage = m_bridge->stage();
    m_joinButton->setEnabled(stage == Stage::Preview);
    m_sideStackedWidget->setCurrentIndex(stage == Stage::Preview || stage == Stage::Joining ? 0 : 1);
    const Client::Room *room = m_rooms ? m_rooms->room(m_roomId) : nullptr;
    const QString name = room && !room->title.isEmpty() ? room->title : tr("Conversation");
    QString state;
    switch (stage) {
    case Stage::Preview:
        state = tr("Video call with %1").arg(name);
        break;
    case Stage::Joining:
        state = tr("Joining…");
        break;
    case Stage::InCall:
        state = m_bridge->callState() == "connected"_L1 ? tr("In the call with %1").arg(name)
                                                        : tr("Waiting for %1 to join…").arg(name);
        break;
    case Stage::Ended:
        state = m_bridge->callState() == "failed"_L1 ? tr("The connection failed. The call has ended.")
                                                     : tr("The call has ended.");
        break;
    }
    m_stateLabel->setText(state);
    setWindowTitle(tr("Video call – %1").arg(name));
}

void CallWindow::refreshRoom()
{
    const Client::Room *room = m_rooms ? m_rooms->room(m_roomId) : nullptr;
    m_codeLabel->setText(room && !room->verificationCode.isEmpty() ? room->verificationCode : tr("not yet available"));
    const QString selected = m_participantsListWidget->currentItem()
                                 ? m_participantsListWidget->currentItem()->data(InterpreterIdRole).toString()
                                 : QString();
    m_participantsListWidget->clear();
    m_removeInterpreterButton->hide();
    if (!room)
        return;
    for (const Client::RoomParticipant &participant : room->participants) {
        QString text;
        if (participant.keyId == m_rooms->myKeyId())
            text = tr("You (this device)");
        else if (participant.kind == "visitor"_L1)
            text = room->title.isEmpty() ? tr("Help-seeker") : room->title;
        else if (participant.kind == "interpreter"_L1)
            text = tr("Interpreter");
        else
            text = tr("%1 (another advisor device)").arg(participant.displayName);
        if (participant.kind == "interpreter"_L1)
            m_removeInterpreterButton->show();
        auto *item = new QListWidgetItem(text, m_participantsListWidget);
        item->setData(InterpreterIdRole, participant.interpreterId);
        if (!selected.isEmpty() && participant.interpreterId == selected)
            m_participantsListWidget->setCurrentItem(item);
    }
    onStage();
}

void CallWindow::inviteInterpreter()
{
    if (!m_client)
        return;
    m_inviteButton->setEnabled(false);
    m_client->postJson(
        u"/api/v1/rooms/%1/interpreters"_s.arg(m_roomId), {},
        [this, guard = QPointer<CallWindow>(this)](const QJsonObject &answer, const Client::ApiError &error) {
            if (!guard)
                return;
            m_inviteButton->setEnabled(true);
            QString link = answer.value("link"_L1).toString();
            const QString capability = answer.value("capability"_L1).toString();
            if (link.isEmpty() && !capability.isEmpty()) {
                QUrl url = m_client->baseUrl();
                url.setPath(url.path() + "/call"_L1);
                url.setFragment(capability);
                link = url.toString();
            }
            if (error.isError() || !link.contains(u'#')) {
                Q_EMIT m_bridge->problem(error.code == "too_many_interpreters"_L1
                                             ? tr("This conversation already has three open "
                                                  "interpreter invitations.")
                                             : tr("The invitation could not be created: %1").arg(error.userMessage()));
                return;
            }
            showInvitation(link);
        });
}

void CallWindow::showInvitation(const QString &link)
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"interpreterLinkDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Invite an interpreter"));
    auto *text = new QLabel(tr("Send this link to the interpreter over a safe channel. It works for 24 hours and "
                               "only for this conversation's calls; anyone with the link can join."),
                            dialog);
    text->setWordWrap(true);
    auto *field = new QLineEdit(link, dialog);
    field->setObjectName(u"interpreterLinkLineEdit"_s);
    field->setReadOnly(true);
    field->setMinimumWidth(460);
    field->setCursorPosition(0);
    auto *copy = new QPushButton(tr("Copy link"), dialog);
    copy->setObjectName(u"copyInterpreterLinkButton"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(copy, &QPushButton::clicked, dialog, [copy, link] {
        QApplication::clipboard()->setText(link);
        copy->setText(tr("Copied"));
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(copy);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addLayout(row);
    layout->addWidget(buttons);
    dialog->open();
}

void CallWindow::removeInterpreter()
{
    QListWidgetItem *item = m_participantsListWidget->currentItem();
    const QString id = item ? item->data(InterpreterIdRole).toString() : QString();
    if (!m_client || id.isEmpty())
        return;
    m_removeInterpreterButton->setEnabled(false);
    m_removeInterpreterButton->hide(); // shown while an interpreter is in the room
    QNetworkReply *reply = m_client->rawRequest("DELETE", u"/api/v1/rooms/%1/interpreters/%2"_s.arg(m_roomId, id));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const Client::ApiError error = Client::ServerClient::errorOf(reply);
        if (error.isError())
            Q_EMIT m_bridge->problem(tr("The interpreter could not be removed: %1").arg(error.userMessage()));
        // The server pushes keys_changed: RoomService looks at the keys and starts a new epoch.
        if (m_rooms)
            m_rooms->reloadKeys(m_roomId);
    });
}

void CallWindow::closeEvent(QCloseEvent *event)
{
    if (m_bridge->stage() == Client::CallBridge::Stage::InCall && !m_closeWhenEnded) {
        // Hang up through the page first, so the others hear it; close when it ended.
        m_closeWhenEnded = true;
        m_bridge->hangup();
        QTimer::singleShot(HangupGraceMs, this, &QWidget::close);
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

} // namespace Lotse::Ui
