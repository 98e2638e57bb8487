#include "ui/StartupPage.h"

#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

StartupPage::StartupPage(QWidget *parent)
    : QWidget(parent)
    , m_statusLabel(new QLabel(this))
{
    setObjectName(u"startupPage"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_statusLabel->setObjectName(u"subtitleLabel"_s);
    m_statusLabel->setAlignment(Qt::AlignHCenter);
    auto *logoLabel = new QLabel(this);
    logoLabel->setPixmap(QIcon(u":/lotse/icons/lotse.svg"_s).pixmap(72, 72));
    logoLabel->setAlignment(Qt::AlignHCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(logoLabel);
    layout->addSpacing(12);
    layout->addWidget(m_statusLabel);
    layout->addStretch(2);
    retranslate();
}

void StartupPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StartupPage::retranslate()
{
    m_statusLabel->setText(tr("One moment, Lotse is getting ready…"));
}

} // namespace Lotse::Ui
