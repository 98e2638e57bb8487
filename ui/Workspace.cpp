#include "ui/Workspace.h"

#include "ui/SectionPage.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
constexpr int SidebarWidth = 210;
}

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
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addLayout(brand);
    sidebarLayout->addWidget(m_sidebarListWidget, 1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    layout->addWidget(m_sectionsStackedWidget, 1);

    connect(m_sidebarListWidget, &QListWidget::currentRowChanged, m_sectionsStackedWidget,
            &QStackedWidget::setCurrentIndex);
}

void Workspace::addSection(SectionPage *page)
{
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_sidebarListWidget);
    m_sectionsStackedWidget->addWidget(page);
    connect(page, &SectionPage::titleChanged, this, [item, page] { item->setText(page->title()); });
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
