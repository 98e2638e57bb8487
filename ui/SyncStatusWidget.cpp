#include "ui/SyncStatusWidget.h"

#include "app/RequestsService.h"
#include "app/SyncEngine.h"

#include <QColor>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

// The state's coloured dot, drawn (not a text glyph: it has nothing to translate or read out).
QPixmap dot(const QColor &colour, qreal ratio)
{
    constexpr int Size = 8;
    QPixmap pixmap(QSize(Size, Size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(0, 0, Size, Size));
    return pixmap;
}

} // namespace

SyncStatusWidget::SyncStatusWidget(Client::RequestsService *requests, QWidget *parent)
    : QWidget(parent)
    , m_requests(requests)
    , m_dotLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_detailLabel(new QLabel(this))
    , m_resolveButton(new QPushButton(this))
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
    m_detailLabel->setObjectName(u"syncDetailLabel"_s);
    m_resolveButton->setObjectName(u"syncResolveButton"_s);
    m_statusLabel->setWordWrap(true);
    m_detailLabel->setWordWrap(true);
    QFont small = m_statusLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    QFont title = small;
    title.setWeight(QFont::DemiBold);
    m_statusLabel->setFont(title);
    m_detailLabel->setFont(small);
    m_noticeLabel->setFont(small);
    m_resolveButton->setFont(small);
    // The detail reads as secondary, in the palette's quieter text colour (a notice does not).
    QPalette quiet = m_detailLabel->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_detailLabel->setPalette(quiet);
    m_resolveButton->setFlat(true);
    m_resolveButton->setCursor(Qt::PointingHandCursor);
    m_resolveButton->setStyleSheet(u"QPushButton { color: #c53030; text-decoration: underline; padding: 0; "
                                   "border: none; background: transparent; text-align: left; }"_s);
    // The dot sits on the title's line, whatever follows below it.
    m_dotLabel->setFixedSize(12, QFontMetrics(title).height());
    m_dotLabel->setAlignment(Qt::AlignCenter);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(1);
    texts->addWidget(m_statusLabel);
    texts->addWidget(m_detailLabel);
    texts->addWidget(m_resolveButton, 0, Qt::AlignLeft);
    texts->addStretch(1);
    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(6);
    statusRow->addWidget(m_dotLabel, 0, Qt::AlignTop);
    statusRow->addLayout(texts, 1);
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
    connect(m_resolveButton, &QPushButton::clicked, this, &SyncStatusWidget::conflictsRequested);
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
    const int conflicts = sync->conflictCount();
    const int waiting = sync->pendingChanges() - conflicts;
    const QLocale locale;
    const QDateTime last = sync->lastSynced().toLocalTime();
    const QString lastText = last.isValid() ? locale.toString(last.time(), QLocale::ShortFormat) : QString();
    QString title;
    QString detail;
    QString colour;
    if (conflicts > 0) {
        // Before anything else: nothing of that change reaches the server until the advisor chooses.
        colour = u"#c53030"_s;
        title = tr("%n conflict(s)", nullptr, conflicts);
        detail = tr("Changed on the server too");
    } else {
        switch (sync->state()) {
        case Client::SyncEngine::State::Offline:
            colour = u"#b7791f"_s;
            title = tr("Offline");
            detail = waiting > 0      ? tr("%n change(s) waiting", nullptr, waiting)
                     : last.isValid() ? tr("Last synced %1").arg(lastText)
                                      : tr("Not synced yet");
            break;
        case Client::SyncEngine::State::Syncing:
            colour = u"#3182ce"_s;
            title = tr("Syncing…");
            detail = waiting > 0 ? tr("Sending %n change(s)", nullptr, waiting) : QString();
            break;
        case Client::SyncEngine::State::UpToDate:
            colour = u"#2f855a"_s;
            title = tr("Up to date");
            //: %1 the time of the last sync
            detail = tr("Synced %1").arg(lastText);
            break;
        }
    }
    m_dotLabel->setPixmap(dot(QColor(colour), devicePixelRatioF()));
    m_statusLabel->setText(title);
    m_detailLabel->setText(detail);
    m_detailLabel->setVisible(!detail.isEmpty());
    m_resolveButton->setText(tr("Decide…"));
    m_resolveButton->setVisible(conflicts > 0);
    setToolTip(last.isValid() ? tr("Last synced with the server: %1").arg(locale.toString(last, QLocale::ShortFormat))
                              : tr("Not synced with the server yet"));
}

} // namespace Lotse::Ui
