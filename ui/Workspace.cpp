#include "ui/Workspace.h"

#include "ui/SectionPage.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

constexpr int SidebarWidth = 210;
constexpr int BadgeRole = Qt::UserRole;

// Draws a section's count (open requests, ...) as a small pill at the right end of its row.
class SidebarItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const int count = index.data(BadgeRole).toInt();
        if (count <= 0)
            return;
        const QString text = count > 99 ? u"99+"_s : QString::number(count);
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        const QFontMetrics metrics(font);
        const int height = metrics.height() + 4;
        const int width = qMax(height, metrics.horizontalAdvance(text) + 12);
        const QRect pill(option.rect.right() - width - 10, option.rect.center().y() - height / 2 + 1, width, height);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x2E, 0x6E, 0x73));
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(font);
        painter->drawText(pill, Qt::AlignCenter, text);
        painter->restore();
    }
};

} // namespace

Workspace::Workspace(QWidget *parent)
    : QWidget(parent)
    , m_sidebarListWidget(new QListWidget(this))
    , m_sectionsStackedWidget(new QStackedWidget(this))
{
    setObjectName(u"workspace"_s);
    m_sidebarListWidget->setObjectName(u"sidebarListWidget"_s);
    m_sidebarListWidget->setIconSize(QSize(20, 20));
    m_sidebarListWidget->setFrameShape(QFrame::NoFrame);
    m_sidebarListWidget->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebarListWidget->setItemDelegate(new SidebarItemDelegate(m_sidebarListWidget));
    m_sectionsStackedWidget->setObjectName(u"sectionsStackedWidget"_s);

    // The sidebar: the app's mark on top, the sections below.
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(u"sidebarWidget"_s);
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setFixedWidth(SidebarWidth);
    auto *brandLogoLabel = new QLabel(sidebar);
    brandLogoLabel->setPixmap(QIcon(u":/lotse/icons/lotse.svg"_s).pixmap(28, 28));
    auto *brandNameLabel = new QLabel(u"Lotse"_s, sidebar); // the product's name, not translated
    brandNameLabel->setObjectName(u"brandLabel"_s);
    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(16, 16, 16, 8);
    brand->setSpacing(10);
    brand->addWidget(brandLogoLabel);
    brand->addWidget(brandNameLabel, 1);
    m_sidebarLayout = new QVBoxLayout(sidebar);
    m_sidebarLayout->setContentsMargins(0, 0, 0, 0);
    m_sidebarLayout->setSpacing(0);
    m_sidebarLayout->addLayout(brand);
    m_sidebarLayout->addWidget(m_sidebarListWidget, 1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    layout->addWidget(m_sectionsStackedWidget, 1);

    connect(m_sidebarListWidget, &QListWidget::currentRowChanged, m_sectionsStackedWidget,
            &QStackedWidget::setCurrentIndex);
}

void Workspace::setSidebarFooter(QWidget *footer)
{
    m_sidebarLayout->addWidget(footer);
}

void Workspace::addSection(SectionPage *page)
{
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_sidebarListWidget);
    m_sectionsStackedWidget->addWidget(page);
    connect(page, &SectionPage::titleChanged, this, [item, page] { item->setText(page->title()); });
    item->setData(BadgeRole, page->badgeCount());
    connect(page, &SectionPage::badgeCountChanged, this, [item](int count) { item->setData(BadgeRole, count); });
    if (m_sidebarListWidget->count() == 1)
        m_sidebarListWidget->setCurrentRow(0);
}

void Workspace::showSection(SectionPage *page)
{
    const int index = m_sectionsStackedWidget->indexOf(page);
    if (index >= 0)
        m_sidebarListWidget->setCurrentRow(index);
}

SectionPage *Workspace::currentSection() const
{
    return qobject_cast<SectionPage *>(m_sectionsStackedWidget->currentWidget());
}

} // namespace Lotse::Ui
