#include "ui/SectionPage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

SectionPage::SectionPage(const QString &iconPath, QWidget *parent)
    : QWidget(parent)
    , m_icon(iconPath)
    , m_titleLabel(new QLabel(this))
    , m_contentLayout(new QVBoxLayout)
{
    setObjectName(u"sectionPage"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_titleLabel->setObjectName(u"sectionTitleLabel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 26, 32, 26);
    layout->setSpacing(16);
    layout->addWidget(m_titleLabel);
    m_contentLayout->setSpacing(14);
    layout->addLayout(m_contentLayout);
    layout->addStretch(1);
}

void SectionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refreshTitle();
    }
    QWidget::changeEvent(event);
}

void SectionPage::setBadgeCount(int count)
{
    if (count == m_badgeCount)
        return;
    m_badgeCount = count;
    Q_EMIT badgeCountChanged(count);
}

void SectionPage::letContentFill()
{
    auto *pageLayout = static_cast<QVBoxLayout *>(layout());
    delete pageLayout->takeAt(pageLayout->count() - 1); // the trailing stretch
    pageLayout->setStretchFactor(m_contentLayout, 1);
}

void SectionPage::refreshTitle()
{
    m_titleLabel->setText(title());
    Q_EMIT titleChanged();
}

} // namespace Lotse::Ui
