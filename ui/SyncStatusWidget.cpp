#include "ui/SyncStatusWidget.h"

#include "app/RequestsService.h"
#include "app/SyncEngine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

SyncStatusWidget::SyncStatusWidget(Client::RequestsService *requests, QWidget *parent)
    : QWidget(parent)
    , m_requests(requests)
    , m_dotLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_noticeLabel(new QLabel(this))
    , m_dismissButton(new QToolButton(this))
{
    setObjectName(u"syncStatusWidget"_s);
    m_statusLabel->setObjectName(u"syncStatusLabel"_s);
    m_noticeLabel->setObjectName(u"syncNoticeLabel"_s);
    m_dismissButton->setObjectName(u"syncNoticeDismissButton"_s);
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismissButton->setText(u"×"_s);
    m_dismissButton->setAutoRaise(true);
    m_statusLabel->setWordWrap(true);
    QFont small = m_statusLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_statusLabel->setFont(small);
    m_noticeLabel->setFont(small);
    m_dotLabel->setFixedWidth(12);
    m_dotLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(6);
    statusRow->addWidget(m_dotLabel);
    statusRow->addWidget(m_statusLabel, 1);
    auto *noticeRow = new QHBoxLayout;
    noticeRow->setSpacing(4);
    noticeRow->addWidget(m_noticeLabel, 1);
    noticeRow->addWidget(m_dismissButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 12, 14);
    layout->setSpacing(6);
    layout->addLayout(noticeRow);
    layout->addLayout(statusRow);
    m_noticeLabel->hide();
    m_dismissButton->hide();

    connect(m_dismissButton, &QToolButton::clicked, this, [this] { showNotice({}); });
    connect(requests->sync(), &Client::SyncEngine::statusChanged, this, &SyncStatusWidget::showStatus);
    connect(requests, &Client::RequestsService::notice, this, &SyncStatusWidget::showNotice);
    showStatus();
}

void SyncStatusWidget::showNotice(const QString &message)
{
    m_noticeLabel->setText(message);
    m_noticeLabel->setVisible(!message.isEmpty());
    m_dismissButton->setVisible(!message.isEmpty());
    m_dismissButton->setToolTip(tr("Hide this notice"));
}

void SyncStatusWidget::retranslate()
{
    m_dismissButton->setToolTip(tr("Hide this notice"));
    showStatus();
}

void SyncStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SyncStatusWidget::showStatus()
{
    const Client::SyncEngine *sync = m_requests->sync();
    const int pending = sync->pendingChanges();
    const QLocale locale;
    const QDateTime last = sync->lastSynced().toLocalTime();
    QString text;
    QString colour;
    switch (sync->state()) {
    case Client::SyncEngine::State::Offline:
        colour = u"#b7791f"_s;
        text = pending > 0 ? tr("Offline – %n change(s) waiting", nullptr, pending) : tr("Offline");
        break;
    case Client::SyncEngine::State::Syncing:
        colour = u"#3182ce"_s;
        text = pending > 0 ? tr("Syncing… %n change(s) waiting", nullptr, pending) : tr("Syncing…");
        break;
    case Client::SyncEngine::State::UpToDate:
        colour = u"#2f855a"_s;
        //: %1 the time of the last sync
        text = pending > 0 ? tr("%n change(s) need your decision", nullptr, pending)
                           : tr("Up to date · %1").arg(locale.toString(last.time(), QLocale::ShortFormat));
        break;
    }
    m_dotLabel->setText(u"<span style=\"color:%1\">●</span>"_s.arg(colour));
    m_statusLabel->setText(text);
    m_statusLabel->setToolTip(last.isValid() ? tr("Last synced with the server: %1")
                                                   .arg(locale.toString(last, QLocale::ShortFormat))
                                             : tr("Not synced with the server yet"));
}

} // namespace Lotse::Ui
