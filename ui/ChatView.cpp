#include "ui/ChatView.h"

#include "app/RoomFiles.h"
#include "app/RoomService.h"

#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

using Client::ChatEntry;

// Plain text to HTML: escaped, line breaks kept, web addresses shown as links. A link is only
// opened when the advisor clicks it; nothing is fetched to preview it.
QString toHtml(const QString &text)
{
    static const QRegularExpression url(uR"((https?://[^\s<>"]+[^\s<>".,;:!?)\]]))"_s);
    QString escaped = text.toHtmlEscaped();
    escaped.replace(url, uR"(<a href="\1" style="color:#1F5F8B;">\1</a>)"_s);
    escaped.replace(u'\n', u"<br>"_s);
    return escaped;
}

QString timeText(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

ChatView::ChatView(Client::RoomService *rooms, Client::RoomFiles *files, QWidget *parent)
    : QWidget(parent)
    , m_rooms(rooms)
    , m_files(files)
    , m_titleLabel(new QLabel(this))
    , m_subtitleLabel(new QLabel(this))
    , m_codeCaptionLabel(new QLabel(this))
    , m_codeLabel(new QLabel(this))
    , m_callButton(new QPushButton(this))
    , m_incomingFrame(new QFrame(this))
    , m_incomingLabel(new QLabel(m_incomingFrame))
    , m_joinCallButton(new QPushButton(m_incomingFrame))
    , m_keyChangeFrame(new QFrame(this))
    , m_keyChangeLabel(new QLabel(m_keyChangeFrame))
    , m_confirmKeysButton(new QPushButton(m_keyChangeFrame))
    , m_historyBrowser(new QTextBrowser(this))
    , m_problemLabel(new QLabel(this))
    , m_composerTextEdit(new QPlainTextEdit(this))
    , m_sendButton(new QPushButton(this))
    , m_attachButton(new QPushButton(this))
    , m_transferProgressBar(new QProgressBar(this))
    , m_transferLabel(new QLabel(this))
    , m_sendErrorLabel(new QLabel(this))
{
    setObjectName(u"chatView"_s);
    m_titleLabel->setObjectName(u"chatTitleLabel"_s);
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setStyleSheet(u"font-size: 17px; font-weight: 600; color: #1F2A33;"_s);
    m_subtitleLabel->setObjectName(u"chatSubtitleLabel"_s);
    m_subtitleLabel->setProperty("tone", u"hint"_s);
    m_codeCaptionLabel->setProperty("tone", u"hint"_s);
    m_codeCaptionLabel->setAlignment(Qt::AlignRight);
    m_codeLabel->setObjectName(u"verificationCodeLabel"_s);
    m_codeLabel->setProperty("fingerprint", true);
    m_codeLabel->setStyleSheet(u"font-size: 15px; font-weight: 600; letter-spacing: 1px;"_s);
    m_codeLabel->setAlignment(Qt::AlignRight);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_callButton->setObjectName(u"videoCallButton"_s);
    m_callButton->setIcon(QIcon(u":/lotse/icons/video.svg"_s));
    m_incomingFrame->setObjectName(u"incomingCallFrame"_s);
    m_incomingFrame->setStyleSheet(u"QFrame#incomingCallFrame { background: #E3F1EF; border: 1px solid #9FCBC4; "
                                   "border-radius: 10px; } QLabel { color: #1D4E4A; font-weight: 600; }"_s);
    m_incomingLabel->setObjectName(u"incomingCallLabel"_s);
    m_incomingLabel->setTextFormat(Qt::PlainText);
    m_incomingLabel->setWordWrap(true);
    m_joinCallButton->setObjectName(u"joinCallButton"_s);
    m_joinCallButton->setProperty("primary", true);
    auto *incomingLayout = new QHBoxLayout(m_incomingFrame);
    incomingLayout->setContentsMargins(14, 10, 10, 10);
    incomingLayout->addWidget(m_incomingLabel, 1);
    incomingLayout->addWidget(m_joinCallButton);
    m_incomingFrame->hide();

    m_keyChangeFrame->setObjectName(u"keyChangeFrame"_s);
    m_keyChangeFrame->setStyleSheet(u"QFrame#keyChangeFrame { background: #FFF4E0; border: 1px solid #F0D49A; "
                                    "border-radius: 10px; } QLabel { color: #6B4A0E; }"_s);
    m_keyChangeLabel->setObjectName(u"keyChangeLabel"_s);
    m_keyChangeLabel->setWordWrap(true);
    m_confirmKeysButton->setObjectName(u"confirmKeysButton"_s);
    auto *warningLayout = new QHBoxLayout(m_keyChangeFrame);
    warningLayout->setContentsMargins(14, 10, 10, 10);
    warningLayout->addWidget(m_keyChangeLabel, 1);
    warningLayout->addWidget(m_confirmKeysButton);
    m_keyChangeFrame->hide();

    m_historyBrowser->setObjectName(u"chatHistoryBrowser"_s);
    m_historyBrowser->setOpenLinks(false);
    m_historyBrowser->setOpenExternalLinks(false);
    m_historyBrowser->setFrameShape(QFrame::NoFrame);
    m_historyBrowser->setStyleSheet(u"QTextBrowser { background: #FFFFFF; border: 1px solid #DCE3E8; "
                                    "border-radius: 12px; padding: 8px; }"_s);
    m_problemLabel->setObjectName(u"chatProblemLabel"_s);
    m_problemLabel->setProperty("tone", u"error"_s);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();

    m_composerTextEdit->setObjectName(u"composerTextEdit"_s);
    m_composerTextEdit->setFixedHeight(74);
    m_composerTextEdit->setStyleSheet(u"QPlainTextEdit { border: 1px solid #C8D1D8; border-radius: 10px; "
                                      "padding: 6px; background: #FFFFFF; }"_s);
    m_composerTextEdit->installEventFilter(this);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setProperty("primary", true);
    m_attachButton->setObjectName(u"attachButton"_s);
    m_transferProgressBar->setObjectName(u"transferProgressBar"_s);
    m_transferProgressBar->setRange(0, 1000);
    m_transferProgressBar->setTextVisible(false);
    m_transferProgressBar->setFixedHeight(6);
    m_transferProgressBar->setStyleSheet(u"QProgressBar { border: none; background: #E3E9ED; border-radius: 3px; } "
                                         "QProgressBar::chunk { background: #2E6E73; border-radius: 3px; }"_s);
    m_transferProgressBar->hide();
    m_transferLabel->setObjectName(u"transferLabel"_s);
    m_transferLabel->setProperty("tone", u"hint"_s);
    m_transferLabel->setWordWrap(true);
    m_transferLabel->hide();
    setAcceptDrops(true);
    m_sendErrorLabel->setObjectName(u"sendErrorLabel"_s);
    m_sendErrorLabel->setProperty("tone", u"error"_s);
    m_sendErrorLabel->setWordWrap(true);
    m_sendErrorLabel->hide();

    auto *header = new QGridLayout;
    header->setHorizontalSpacing(16);
    header->setVerticalSpacing(2);
    header->addWidget(m_titleLabel, 0, 0);
    header->addWidget(m_subtitleLabel, 1, 0);
    header->addWidget(m_codeCaptionLabel, 0, 1);
    header->addWidget(m_codeLabel, 1, 1);
    header->addWidget(m_callButton, 0, 2, 2, 1, Qt::AlignVCenter);
    header->setColumnStretch(0, 1);

    auto *composer = new QHBoxLayout;
    composer->setSpacing(10);
    composer->addWidget(m_composerTextEdit, 1);
    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_attachButton);
    buttons->addWidget(m_sendButton);
    composer->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_incomingFrame);
    layout->addWidget(m_keyChangeFrame);
    layout->addWidget(m_historyBrowser, 1);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_sendErrorLabel);
    layout->addWidget(m_transferLabel);
    layout->addWidget(m_transferProgressBar);
    layout->addLayout(composer);

    connect(m_sendButton, &QPushButton::clicked, this, &ChatView::send);
    connect(m_callButton, &QPushButton::clicked, this, [this] {
        if (!m_roomId.isEmpty())
            Q_EMIT callRequested(m_roomId);
    });
    connect(m_joinCallButton, &QPushButton::clicked, this, [this] {
        if (!m_roomId.isEmpty())
            Q_EMIT callRequested(m_roomId);
    });
    connect(m_attachButton, &QPushButton::clicked, this, &ChatView::chooseFile);
    if (files) {
        connect(files, &Client::RoomFiles::progress, this,
                [this](const QString &roomId, const QString &fileId, qint64 done, qint64 total) {
                    if (roomId != m_roomId || fileId != m_transferFileId)
                        return;
                    m_transferProgressBar->setValue(total > 0 ? int(done * 1000 / total) : 0);
                    m_transferProgressBar->show();
                });
        connect(files, &Client::RoomFiles::finished, this, &ChatView::onTransferFinished);
    }
    connect(m_composerTextEdit, &QPlainTextEdit::textChanged, this, &ChatView::updateSendState);
    connect(m_confirmKeysButton, &QPushButton::clicked, this, [this] {
        if (m_rooms)
            m_rooms->confirmKeys(m_roomId);
    });
    connect(m_historyBrowser, &QTextBrowser::anchorClicked, this, &ChatView::onAnchor);
    connect(rooms, &Client::RoomService::roomChanged, this, [this](const QString &id) {
        if (id == m_roomId)
            refresh();
    });
    retranslate();
}

void ChatView::setRoom(const QString &roomId)
{
    if (roomId != m_roomId) {
        m_transferLabel->hide();
        m_transferProgressBar->hide();
        m_composerTextEdit->clear();
        m_sendErrorLabel->hide();
        m_highlight.clear();
    }
    m_roomId = roomId;
    if (m_rooms) {
        m_rooms->setCurrentRoom(roomId);
        m_rooms->reloadKeys(roomId); // a key change shows up when the conversation is opened
    }
    refresh();
}

void ChatView::highlight(const QString &text)
{
    m_highlight = text.trimmed();
    refresh();
    if (!m_highlight.isEmpty())
        m_historyBrowser->scrollToAnchor(u"hit"_s);
}

void ChatView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatView::setInCallWindow(bool inCallWindow)
{
    m_inCallWindow = inCallWindow;
    // The call window shows the name and the code above the participants already.
    for (QWidget *header : {static_cast<QWidget *>(m_titleLabel), static_cast<QWidget *>(m_subtitleLabel),
                            static_cast<QWidget *>(m_codeCaptionLabel), static_cast<QWidget *>(m_codeLabel)})
        header->setVisible(!inCallWindow);
    refresh();
}

void ChatView::retranslate()
{
    m_codeCaptionLabel->setText(tr("Verification code"));
    m_codeCaptionLabel->setToolTip(tr("Read this code to the person you talk to. If their screen shows the same "
                                      "code, nobody is listening in between."));
    m_keyChangeLabel->setText(
        tr("The security keys in this conversation changed: a device was added or removed. Compare the "
           "verification code with the person again before you write anything personal."));
    m_confirmKeysButton->setText(tr("I have checked the code"));
    m_callButton->setText(tr("Video call"));
    m_callButton->setToolTip(tr("Start an end-to-end encrypted video call in this conversation"));
    m_joinCallButton->setText(tr("Join"));
    m_sendButton->setText(tr("Send"));
    m_attachButton->setText(tr("Attach file…"));
    m_attachButton->setToolTip(tr("Send a file (encrypted on this device; you can also drop files here)"));
    m_composerTextEdit->setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter starts a new line)"));
    refresh();
}

bool ChatView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_composerTextEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatView::send()
{
    if (!m_rooms || m_roomId.isEmpty() || !m_sendButton->isEnabled())
        return;
    const QString text = m_composerTextEdit->toPlainText();
    const QString problem = m_rooms->sendText(m_roomId, text);
    m_sendErrorLabel->setText(problem);
    m_sendErrorLabel->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        m_composerTextEdit->clear();
}

void ChatView::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Send a file"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!path.isEmpty())
        sendFile(path);
}

void ChatView::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_attachButton->isEnabled() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ChatView::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            sendFile(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void ChatView::sendFile(const QString &localPath)
{
    if (!m_files || !m_attachButton->isEnabled())
        return;
    QString problem;
    const QString fileId = m_files->send(m_roomId, localPath, &problem);
    if (fileId.isEmpty()) {
        m_sendErrorLabel->setText(problem);
        m_sendErrorLabel->show();
        return;
    }
    m_sendErrorLabel->hide();
    m_transferFileId = fileId;
    m_transferLabel->setText(tr("Encrypting and sending %1…").arg(QFileInfo(localPath).fileName()));
    m_transferLabel->show();
    m_transferProgressBar->setValue(0);
    m_transferProgressBar->show();
}

void ChatView::saveFile(const QString &fileId, const QString &targetPath)
{
    if (!m_files)
        return;
    m_transferFileId = fileId;
    m_transferLabel->setText(tr("Downloading and decrypting %1…").arg(QFileInfo(targetPath).fileName()));
    m_transferLabel->show();
    m_transferProgressBar->setValue(0);
    m_transferProgressBar->show();
    m_files->save(m_roomId, fileId, targetPath);
}

void ChatView::onTransferFinished(const QString &roomId, const QString &fileId, bool upload, const QString &error)
{
    if (roomId != m_roomId || fileId != m_transferFileId)
        return;
    m_transferProgressBar->hide();
    m_transferFileId.clear();
    m_transferLabel->setText(error.isEmpty() ? (upload ? tr("The file was sent.") : tr("The file was saved.")) : error);
    m_transferLabel->setProperty("transferDone", true);
    m_transferLabel->setProperty("tone", error.isEmpty() ? u"hint"_s : u"error"_s);
    m_transferLabel->style()->unpolish(m_transferLabel);
    m_transferLabel->style()->polish(m_transferLabel);
    m_transferLabel->updateGeometry();
    m_transferLabel->show();
}

void ChatView::onAnchor(const QUrl &url)
{
    if (url.scheme() == "lotse-save"_L1) {
        const Client::Room *room = m_rooms ? m_rooms->room(m_roomId) : nullptr;
        QString name;
        for (const Client::ChatEntry &entry : room ? room->entries : QList<Client::ChatEntry>()) {
            if (entry.fileId == url.path())
                name = entry.fileName;
        }
        const QString target = QFileDialog::getSaveFileName(
            this, tr("Save file"), QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + u'/' + name);
        if (!target.isEmpty())
            saveFile(url.path(), target);
        return;
    }
    if (url.scheme() == "lotse-retry"_L1) {
        if (m_rooms)
            m_rooms->retry(m_roomId, url.path());
        return;
    }
    // Only web links; anything else a message might carry (file:, javascript:, ...) stays text.
    if (url.scheme() == "https"_L1 || url.scheme() == "http"_L1)
        QDesktopServices::openUrl(url);
}

void ChatView::updateSendState()
{
    const Client::Room *room = m_rooms ? m_rooms->room(m_roomId) : nullptr;
    const bool blocked =
        !room || room->keysChanged || !room->ready || room->keys.find(room->currentEpoch) == room->keys.end();
    m_sendButton->setEnabled(!blocked && !m_composerTextEdit->toPlainText().trimmed().isEmpty());
    m_attachButton->setEnabled(!blocked && m_files);
    m_composerTextEdit->setReadOnly(room && room->keysChanged);
}

void ChatView::refresh()
{
    const Client::Room *room = m_rooms ? m_rooms->room(m_roomId) : nullptr;
    if (!room) {
        m_titleLabel->clear();
        m_subtitleLabel->clear();
        m_codeLabel->clear();
        m_historyBrowser->clear();
        m_keyChangeFrame->hide();
        m_incomingFrame->hide();
        m_callButton->setEnabled(false);
        updateSendState();
        return;
    }
    m_titleLabel->setText(!room->title.isEmpty()       ? room->title
                          : room->kind == "instant"_L1 ? tr("Instant call")
                                                       : tr("Booking (name not readable on this device)"));
    m_subtitleLabel->setText(room->kind == "instant"_L1 ? tr("Instant call") : tr("Conversation about a booking"));
    m_codeLabel->setText(room->verificationCode.isEmpty() ? tr("not yet available") : room->verificationCode);
    m_codeLabel->setToolTip(m_codeCaptionLabel->toolTip());
    m_keyChangeFrame->setVisible(room->keysChanged);
    m_callButton->setVisible(!m_inCallWindow);
    m_callButton->setEnabled(room->ready && room->keys.find(room->currentEpoch) != room->keys.end());
    if (!m_inCallWindow && !room->callingKeyId.isEmpty()) {
        QString caller = tr("A participant");
        for (const Client::RoomParticipant &participant : room->participants) {
            if (participant.keyId != room->callingKeyId)
                continue;
            caller = participant.kind == "visitor"_L1 && !room->title.isEmpty() ? room->title
                     : participant.kind == "interpreter"_L1                     ? tr("The interpreter")
                     : participant.displayName.isEmpty()                        ? caller
                                                                                : participant.displayName;
        }
        m_incomingLabel->setText(tr("%1 is calling").arg(caller));
        m_incomingFrame->show();
    } else {
        m_incomingFrame->hide();
    }
    m_problemLabel->setText(room->problem);
    m_problemLabel->setVisible(!room->problem.isEmpty());
    renderHistory(*room);
    updateSendState();
}

void ChatView::renderHistory(const Client::Room &room)
{
    QScrollBar *bar = m_historyBrowser->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    QString html = u"<html><body style=\"font-size: 14px;\">"_s;
    if (room.entries.isEmpty()) {
        html += u"<p align=\"center\" style=\"color:#5B6770;\"><br><br>%1</p>"_s.arg(
            (room.ready ? tr("No messages yet. Write the first one below.") : tr("Loading the conversation…"))
                .toHtmlEscaped());
    }
    QDate day;
    bool firstHit = true;
    for (const ChatEntry &entry : room.entries) {
        const QDateTime local = entry.at.toLocalTime();
        if (local.date() != day) {
            day = local.date();
            html += u"<p align=\"center\" style=\"color:#7A868F; font-size: 12px; margin-top: 10px;\">%1</p>"_s.arg(
                QLocale().toString(day, QLocale::LongFormat).toHtmlEscaped());
        }
        if (entry.kind == ChatEntry::Kind::Undecryptable) {
            html += u"<p align=\"center\" style=\"color:#8E2B2B; font-style: italic;\">%1 · %2</p>"_s.arg(
                tr("A message could not be decrypted").toHtmlEscaped(), timeText(entry.at));
            continue;
        }
        QString body =
            entry.kind == ChatEntry::Kind::File
                ? u"<img src=\"qrc:/lotse/icons/file.svg\" width=\"16\" height=\"16\"> <b>%1</b> (%2) &nbsp; "
                  "<a href=\"lotse-save:%3\">%4</a>"_s.arg(entry.fileName.toHtmlEscaped(),
                                                           QLocale().formattedDataSize(entry.fileSize), entry.fileId,
                                                           tr("Save…").toHtmlEscaped())
                : toHtml(entry.text);
        const bool hit = !m_highlight.isEmpty() && (entry.kind == ChatEntry::Kind::File ? entry.fileName : entry.text)
                                                       .contains(m_highlight, Qt::CaseInsensitive);
        QString meta = timeText(entry.at);
        if (entry.mine) {
            switch (entry.state) {
            case ChatEntry::State::Sending:
                meta += u" · "_s + tr("sending…");
                break;
            case ChatEntry::State::Failed:
                meta += u" · <span style=\"color:#8E2B2B;\">%1</span> <a href=\"lotse-retry:%2\">%3</a>"_s.arg(
                    tr("not sent").toHtmlEscaped(), entry.clientId, tr("Retry").toHtmlEscaped());
                break;
            case ChatEntry::State::Sent:
            case ChatEntry::State::Received:
                meta += u" · "_s + tr("sent");
                break;
            }
        } else {
            // Who wrote it: the help-seeker, or a colleague's device (by its display name).
            QString who = room.title.isEmpty() ? tr("Help-seeker") : room.title;
            for (const Client::RoomParticipant &participant : room.participants) {
                if (participant.keyId == entry.sender && participant.kind == "advisor"_L1)
                    who = participant.displayName;
            }
            meta = who.toHtmlEscaped() + u" · "_s + meta;
        }
        const QString background = hit ? u"#FFF1B8"_s : entry.mine ? u"#DCEEEE"_s : u"#F1F4F6"_s;
        const QString anchor = hit && std::exchange(firstHit, false) ? u"<a name=\"hit\"></a>"_s : QString();
        html += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin: 3px 0;\"><tr>"_s;
        if (entry.mine)
            html += u"<td width=\"22%\"></td>"_s;
        html += u"<td bgcolor=\"%1\" style=\"padding: 8px 12px;\">%2<div>%3</div>"
                "<div style=\"color:#6A7680; font-size: 11px; margin-top: 3px;\" align=\"%4\">%5</div></td>"_s.arg(
                    background, anchor, body, entry.mine ? u"right"_s : u"left"_s, meta);
        if (!entry.mine)
            html += u"<td width=\"22%\"></td>"_s;
        html += u"</tr></table>"_s;
    }
    html += u"</body></html>"_s;
    m_historyBrowser->setHtml(html);
    if (atEnd || m_highlight.isEmpty())
        bar->setValue(bar->maximum());
}

} // namespace Lotse::Ui
