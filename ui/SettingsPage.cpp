#include "ui/SettingsPage.h"

#include "app/LanguageManager.h"
#include "app/Session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {

QLabel *selectableLabel(QWidget *parent, const QString &objectName = QString())
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

} // namespace

SettingsPage::SettingsPage(Client::Session *session, Client::LanguageManager *languages, QWidget *parent)
    : SectionPage(u":/lotse/icons/settings.svg"_s, parent)
    , m_session(session)
    , m_languages(languages)
    , m_languageGroupBox(new QGroupBox(this))
    , m_languageLabel(new QLabel(this))
    , m_languageComboBox(new QComboBox(this))
    , m_accountGroupBox(new QGroupBox(this))
    , m_serverCaptionLabel(new QLabel(this))
    , m_serverLabel(selectableLabel(this, u"serverLabel"_s))
    , m_userCaptionLabel(new QLabel(this))
    , m_userLabel(selectableLabel(this, u"userLabel"_s))
    , m_signOutButton(new QPushButton(this))
    , m_deviceGroupBox(new QGroupBox(this))
    , m_deviceHintLabel(new QLabel(this))
    , m_signingCaptionLabel(new QLabel(this))
    , m_fingerprintLabel(selectableLabel(this, u"fingerprintLabel"_s))
    , m_encryptionCaptionLabel(new QLabel(this))
    , m_encryptionFingerprintLabel(selectableLabel(this, u"fingerprintLabel"_s))
    , m_storageLabel(new QLabel(this))
{
    m_languageGroupBox->setObjectName(u"languageGroupBox"_s);
    m_languageComboBox->setObjectName(u"languageComboBox"_s);
    m_accountGroupBox->setObjectName(u"accountGroupBox"_s);
    m_signOutButton->setObjectName(u"signOutButton"_s);
    m_deviceGroupBox->setObjectName(u"deviceGroupBox"_s);
    m_encryptionFingerprintLabel->setObjectName(u"encryptionFingerprintLabel"_s);
    m_fingerprintLabel->setProperty("fingerprint", true);
    m_encryptionFingerprintLabel->setProperty("fingerprint", true);
    m_deviceHintLabel->setObjectName(u"hintLabel"_s);
    m_deviceHintLabel->setWordWrap(true);
    m_storageLabel->setObjectName(u"hintLabel"_s);
    m_storageLabel->setWordWrap(true);
    m_languageLabel->setBuddy(m_languageComboBox);

    auto *languageLayout = new QHBoxLayout(m_languageGroupBox);
    languageLayout->addWidget(m_languageLabel);
    languageLayout->addWidget(m_languageComboBox);
    languageLayout->addStretch(1);

    auto *accountLayout = new QFormLayout(m_accountGroupBox);
    accountLayout->setHorizontalSpacing(16);
    accountLayout->addRow(m_serverCaptionLabel, m_serverLabel);
    accountLayout->addRow(m_userCaptionLabel, m_userLabel);
    auto *signOutRow = new QHBoxLayout;
    signOutRow->addWidget(m_signOutButton);
    signOutRow->addStretch(1);
    accountLayout->addRow(signOutRow);

    auto *deviceLayout = new QFormLayout(m_deviceGroupBox);
    deviceLayout->setHorizontalSpacing(16);
    deviceLayout->addRow(m_deviceHintLabel);
    deviceLayout->addRow(m_signingCaptionLabel, m_fingerprintLabel);
    deviceLayout->addRow(m_encryptionCaptionLabel, m_encryptionFingerprintLabel);
    deviceLayout->addRow(m_storageLabel);

    // The groups scroll: with the calendars they are taller than a small screen.
    auto *groups = new QWidget(this);
    groups->setObjectName(u"settingsGroupsWidget"_s);
    groups->setAutoFillBackground(false);
    m_groupsLayout = new QVBoxLayout(groups);
    m_groupsLayout->setContentsMargins(0, 0, 0, 0);
    m_groupsLayout->setSpacing(contentLayout()->spacing());
    m_groupsLayout->addWidget(m_languageGroupBox);
    m_groupsLayout->addWidget(m_accountGroupBox);
    m_groupsLayout->addWidget(m_deviceGroupBox);
    m_groupsLayout->addStretch(1);
    auto *scrollArea = new QScrollArea(this);
    scrollArea->setObjectName(u"settingsScrollArea"_s);
    scrollArea->setWidget(groups);
    scrollArea->setWidgetResizable(true);
    scrollArea->setFrameShape(QFrame::NoFrame);
    scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scrollArea->setStyleSheet(u"QScrollArea { background: transparent; }"_s);
    scrollArea->viewport()->setAutoFillBackground(false);
    letContentFill();
    contentLayout()->addWidget(scrollArea);

    connect(m_languageComboBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_languages->setLanguage(m_languageComboBox->itemData(index).toString()); });
    connect(m_signOutButton, &QPushButton::clicked, m_session, &Client::Session::signOut);
    connect(m_session, &Client::Session::stateChanged, this, &SettingsPage::refreshAccount);
    retranslate();
    refreshTitle();
}

void SettingsPage::addGroup(QWidget *group)
{
    m_groupsLayout->insertWidget(m_groupsLayout->indexOf(m_accountGroupBox) + 1, group);
}

QString SettingsPage::title() const
{
    return tr("Settings");
}

void SettingsPage::retranslate()
{
    m_languageGroupBox->setTitle(tr("Language"));
    m_languageLabel->setText(tr("&Language of the app:"));
    m_accountGroupBox->setTitle(tr("Account"));
    m_serverCaptionLabel->setText(tr("Server:"));
    m_userCaptionLabel->setText(tr("Signed in as:"));
    m_signOutButton->setText(tr("Sign out"));
    m_deviceGroupBox->setTitle(tr("This device"));
    m_deviceHintLabel->setText(tr("Compare these fingerprints when a colleague or your administrator wants to "
                                  "confirm that this device is really yours."));
    m_signingCaptionLabel->setText(tr("Signing key:"));
    m_encryptionCaptionLabel->setText(tr("Encryption key:"));
    fillLanguages();
    refreshAccount();
}

void SettingsPage::fillLanguages()
{
    const QSignalBlocker blocker(m_languageComboBox);
    m_languageComboBox->clear();
    const QString system = Client::LanguageManager::systemLanguage();
    QString systemName;
    for (const auto &language : Client::LanguageManager::languages()) {
        if (language.code == system)
            systemName = language.nativeName;
    }
    m_languageComboBox->addItem(tr("System language (%1)").arg(systemName), QString());
    for (const auto &language : Client::LanguageManager::languages())
        m_languageComboBox->addItem(language.nativeName, language.code);
    m_languageComboBox->setCurrentIndex(qMax(0, m_languageComboBox->findData(m_languages->chosenLanguage())));
}

void SettingsPage::refreshAccount()
{
    const Client::Advisor advisor = m_session->advisor();
    m_serverLabel->setText(m_session->serverUrl().toString());
    m_userLabel->setText(advisor.displayName.isEmpty() ? QString()
                                                       : tr("%1 (%2)").arg(advisor.displayName, advisor.username));
    m_fingerprintLabel->setText(m_session->deviceSigningFingerprint());
    m_encryptionFingerprintLabel->setText(m_session->deviceEncryptionFingerprint());
    m_storageLabel->setText(m_session->usesKeyFile()
                                ? tr("The private keys are stored in a passphrase-protected key file.")
                                : tr("The private keys are stored in the system keychain."));
}

} // namespace Lotse::Ui
