#include "ui/OverviewPage.h"

#include "app/Session.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

OverviewPage::OverviewPage(Client::Session *session, QWidget *parent)
    : SectionPage(u":/lotse/icons/overview.svg"_s, parent)
    , m_session(session)
    , m_welcomeLabel(new QLabel(this))
    , m_organisationLabel(new QLabel(this))
    , m_deviceLabel(new QLabel(this))
    , m_hintLabel(new QLabel(this))
{
    m_welcomeLabel->setObjectName(u"welcomeLabel"_s);
    m_welcomeLabel->setStyleSheet(u"font-size: 16px;"_s);
    m_organisationLabel->setObjectName(u"organisationLabel"_s);
    m_deviceLabel->setObjectName(u"deviceLabel"_s);
    m_deviceLabel->setWordWrap(true);
    m_hintLabel->setObjectName(u"hintLabel"_s);
    m_hintLabel->setWordWrap(true);

    auto *card = new QFrame(this);
    card->setObjectName(u"cardFrame"_s);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(22, 18, 22, 18);
    cardLayout->setSpacing(8);
    cardLayout->addWidget(m_welcomeLabel);
    cardLayout->addWidget(m_organisationLabel);
    cardLayout->addSpacing(6);
    cardLayout->addWidget(m_deviceLabel);
    contentLayout()->addWidget(card);
    contentLayout()->addWidget(m_hintLabel);

    connect(m_session, &Client::Session::stateChanged, this, &OverviewPage::retranslate);
    retranslate();
    refreshTitle();
}

QString OverviewPage::title() const
{
    return tr("Overview");
}

void OverviewPage::retranslate()
{
    const Client::Advisor advisor = m_session->advisor();
    m_welcomeLabel->setText(tr("Welcome, %1").arg(advisor.displayName));
    m_organisationLabel->setText(tr("%1 · signed in as %2 on %3")
                                     .arg(advisor.organisationName, advisor.username, m_session->serverUrl().host()));
    m_deviceLabel->setText(m_session->usesKeyFile()
                               ? tr("This device is registered. Its keys are protected by your passphrase.")
                               : tr("This device is registered. Its keys are kept in the system keychain."));
    m_hintLabel->setText(
        tr("Calendar, booking requests and conversations will appear in the sidebar as they become available."));
}

} // namespace Lotse::Ui
