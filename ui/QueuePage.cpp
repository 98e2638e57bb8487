#include "ui/QueuePage.h"

#include "app/InstantQueue.h"
#include "ui/ConversationItemDelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSoundEffect>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

using Role = ConversationItemDelegate::Role;

QString durationText(qint64 seconds)
{
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QChar(u'0'))
            .arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

QString languageName(const QString &code)
{
    const QLocale locale(code);
    if (code.isEmpty() || locale.language() == QLocale::C)
        return code;
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

} // namespace

QueuePage::QueuePage(Client::InstantQueue *queue, QWidget *parent)
    : SectionPage(u":/lotse/icons/waiting.svg"_s, parent)
    , m_queue(queue)
    , m_hintLabel(new QLabel(this))
    , m_waitingListWidget(new QListWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_takeNextButton(new QPushButton(this))
    , m_takeSelectedButton(new QPushButton(this))
    , m_messageLabel(new QLabel(this))
    , m_tickTimer(new QTimer(this))
    , m_chime(new QSoundEffect(this))
{
    setObjectName(u"queuePage"_s);
    letContentFill();
    m_hintLabel->setProperty("tone", u"hint"_s);
    m_hintLabel->setWordWrap(true);
    m_waitingListWidget->setObjectName(u"waitingListWidget"_s);
    m_waitingListWidget->setItemDelegate(new ConversationItemDelegate(m_waitingListWidget));
    m_waitingListWidget->setFrameShape(QFrame::NoFrame);
    m_waitingListWidget->setMouseTracking(true);
    m_waitingListWidget->setStyleSheet(u"QListWidget { background: transparent; outline: 0; }"_s);
    m_waitingListWidget->setMaximumWidth(560);
    m_emptyLabel->setObjectName(u"queueEmptyLabel"_s);
    m_emptyLabel->setProperty("tone", u"hint"_s);
    m_emptyLabel->setWordWrap(true);
    m_takeNextButton->setObjectName(u"takeNextButton"_s);
    m_takeNextButton->setProperty("primary", true);
    m_takeSelectedButton->setObjectName(u"takeSelectedButton"_s);
    m_messageLabel->setObjectName(u"queueMessageLabel"_s);
    m_messageLabel->setProperty("tone", u"error"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();
    m_chime->setSource(QUrl(u"qrc:/lotse/sounds/queue-chime.wav"_s));
    m_chime->setVolume(0.6f);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(10);
    buttons->addWidget(m_takeNextButton);
    buttons->addWidget(m_takeSelectedButton);
    buttons->addStretch(1);
    contentLayout()->addWidget(m_hintLabel);
    contentLayout()->addLayout(buttons);
    contentLayout()->addWidget(m_messageLabel);
    contentLayout()->addWidget(m_emptyLabel);
    contentLayout()->addWidget(m_waitingListWidget, 1);

    // The waiting times tick every second without asking the server.
    m_tickTimer->setInterval(1000);
    connect(m_tickTimer, &QTimer::timeout, this, &QueuePage::tick);
    m_tickTimer->start();
    connect(m_takeNextButton, &QPushButton::clicked, this, &QueuePage::takeNext);
    connect(m_takeSelectedButton, &QPushButton::clicked, this, &QueuePage::takeSelected);
    connect(m_waitingListWidget, &QListWidget::itemDoubleClicked, this, &QueuePage::takeSelected);
    connect(m_waitingListWidget, &QListWidget::currentRowChanged, this, [this] { setBusy(m_busy); });
    connect(queue, &Client::InstantQueue::changed, this, &QueuePage::rebuild);
    connect(queue, &Client::InstantQueue::newArrival, this, [this](int count) {
        showMessage({}, false); // an earlier "already taken" is about someone else
        if (m_soundEnabled && m_chime->status() != QSoundEffect::Error)
            m_chime->play();
        Q_EMIT newArrival(count);
    });
    retranslate();
    refreshTitle();
    rebuild();
}

QString QueuePage::title() const
{
    return tr("Waiting room");
}

void QueuePage::retranslate()
{
    m_hintLabel->setText(tr("People waiting for an instant call, longest waiting first. Their names are "
                            "decrypted on this device only."));
    m_emptyLabel->setText(tr("Nobody is waiting right now. You will hear a chime when someone arrives."));
    m_takeNextButton->setText(tr("Take next"));
    m_takeSelectedButton->setText(tr("Take selected"));
    rebuild();
}

void QueuePage::rebuild()
{
    if (!m_queue)
        return;
    const QString selected = m_waitingListWidget->currentItem()
                                 ? m_waitingListWidget->currentItem()->data(Role::IdRole).toString()
                                 : QString();
    const QSignalBlocker blocker(m_waitingListWidget);
    m_waitingListWidget->clear();
    for (const Client::WaitingCall &call : m_queue->calls()) {
        auto *item = new QListWidgetItem(m_waitingListWidget);
        item->setText(call.name.isEmpty() ? tr("Name not readable on this device") : call.name);
        item->setData(Role::ItalicTitleRole, call.name.isEmpty());
        item->setData(Role::IdRole, call.id);
        if (call.id == selected)
            m_waitingListWidget->setCurrentItem(item);
    }
    tick();
    const bool empty = m_queue->calls().isEmpty();
    m_emptyLabel->setVisible(empty);
    m_waitingListWidget->setVisible(!empty);
    setBadgeCount(int(m_queue->calls().size()));
    setBusy(m_busy);
}

void QueuePage::tick()
{
    if (!m_queue)
        return;
    const QList<Client::WaitingCall> &calls = m_queue->calls();
    for (int row = 0; row < m_waitingListWidget->count() && row < calls.size(); ++row) {
        const Client::WaitingCall &call = calls.at(row);
        QListWidgetItem *item = m_waitingListWidget->item(row);
        item->setData(Role::TimeRole, durationText(call.waitedSeconds()));
        QString subtitle =
            tr("Waiting for %1 · position %2").arg(durationText(call.waitedSeconds())).arg(call.position);
        if (!call.language.isEmpty())
            subtitle += u" · "_s + languageName(call.language);
        item->setData(Role::SubtitleRole, subtitle);
    }
}

void QueuePage::setBusy(bool busy)
{
    m_busy = busy;
    const bool any = m_queue && !m_queue->calls().isEmpty();
    m_takeNextButton->setEnabled(!busy && any);
    m_takeSelectedButton->setEnabled(!busy && any && m_waitingListWidget->currentItem());
}

void QueuePage::showMessage(const QString &text, bool error)
{
    m_messageLabel->setProperty("tone", error ? u"error"_s : u"notice"_s);
    m_messageLabel->style()->unpolish(m_messageLabel);
    m_messageLabel->style()->polish(m_messageLabel);
    m_messageLabel->setText(text);
    m_messageLabel->updateGeometry(); // the tone's padding changes the label's size
    m_messageLabel->setVisible(!text.isEmpty());
}

void QueuePage::takeSelected()
{
    QListWidgetItem *item = m_waitingListWidget->currentItem();
    if (!m_queue || !item || m_busy)
        return;
    setBusy(true);
    showMessage({}, false);
    m_queue->take(item->data(Role::IdRole).toString(),
                  [this, guard = QPointer<QueuePage>(this)](Client::InstantQueue::TakeResult result,
                                                            const QString &roomId, const QString &message) {
                      if (!guard)
                          return;
                      setBusy(false);
                      if (result == Client::InstantQueue::TakeResult::Taken)
                          Q_EMIT roomTaken(roomId);
                      else
                          showMessage(message, true);
                  });
}

void QueuePage::takeNext()
{
    if (!m_queue || m_busy)
        return;
    setBusy(true);
    showMessage({}, false);
    m_queue->takeNext([this, guard = QPointer<QueuePage>(this)](Client::InstantQueue::TakeResult result,
                                                                const QString &roomId, const QString &message) {
        if (!guard)
            return;
        setBusy(false);
        if (result == Client::InstantQueue::TakeResult::Taken)
            Q_EMIT roomTaken(roomId);
        else
            showMessage(message, result != Client::InstantQueue::TakeResult::QueueEmpty);
    });
}

} // namespace Lotse::Ui
