#include "ui/CardFrame.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
constexpr int CardWidth = 420;
constexpr int LogoSize = 56;
} // namespace

CardFrame::CardFrame(QWidget *page)
    : QFrame(page)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(u"cardFrame"_s);
    setFixedWidth(CardWidth);
    m_layout->setContentsMargins(32, 28, 32, 28);
    m_layout->setSpacing(6);

    auto *logoLabel = new QLabel(this);
    logoLabel->setObjectName(u"logoLabel"_s);
    logoLabel->setPixmap(QIcon(u":/lotse/icons/lotse.svg"_s).pixmap(LogoSize, LogoSize));
    logoLabel->setAlignment(Qt::AlignHCenter);
    m_layout->addWidget(logoLabel);
    m_layout->addSpacing(8);

    auto *outer = new QGridLayout(page);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->setRowStretch(0, 1);
    outer->setRowStretch(2, 2);
    outer->setColumnStretch(0, 1);
    outer->setColumnStretch(2, 1);
    outer->addWidget(this, 1, 1);
}

void CardFrame::addHeader(QLabel *title, QLabel *subtitle)
{
    title->setAlignment(Qt::AlignHCenter);
    subtitle->setAlignment(Qt::AlignHCenter);
    m_layout->addWidget(title);
    m_layout->addWidget(subtitle);
    m_layout->addSpacing(14);
}

void CardFrame::addField(QLabel *label, QWidget *field)
{
    m_layout->addSpacing(4);
    m_layout->addWidget(label);
    m_layout->addWidget(field);
}

void CardFrame::addWidget(QWidget *widget)
{
    m_layout->addSpacing(6);
    m_layout->addWidget(widget);
}

void CardFrame::addButton(QPushButton *primary, QPushButton *secondary)
{
    m_layout->addSpacing(14);
    auto *row = new QHBoxLayout;
    row->setSpacing(10);
    if (secondary)
        row->addWidget(secondary);
    row->addWidget(primary, 1);
    m_layout->addLayout(row);
}

} // namespace Lotse::Ui
