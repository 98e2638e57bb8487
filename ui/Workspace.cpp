#include "ui/Workspace.h"

#include "ui/SectionPage.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>

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
    m_sidebarListWidget->setFixedWidth(SidebarWidth);
    m_sidebarListWidget->setIconSize(QSize(20, 20));
    m_sidebarListWidget->setFrameShape(QFrame::NoFrame);
    m_sidebarListWidget->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sectionsStackedWidget->setObjectName(u"sectionsStackedWidget"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebarListWidget);
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
