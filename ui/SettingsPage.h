#pragma once

#include "ui/SectionPage.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Lotse::Client {
class LanguageManager;
class Session;
} // namespace Lotse::Client

namespace Lotse::Ui {

// Language, the server and account, signing out, and this device's key fingerprints.
class SettingsPage : public SectionPage
{
    Q_OBJECT

public:
    SettingsPage(Client::Session *session, Client::LanguageManager *languages, QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    // Another group of settings (the calendars), shown after the account.
    void addGroup(QWidget *group);

protected:
    void retranslate() override;

private:
    void fillLanguages();
    void refreshAccount();

    Client::Session *m_session;
    Client::LanguageManager *m_languages;
    QGroupBox *m_languageGroupBox;
    QLabel *m_languageLabel;
    QComboBox *m_languageComboBox;
    QGroupBox *m_accountGroupBox;
    QVBoxLayout *m_groupsLayout = nullptr; // inside the scroll area
    QLabel *m_serverCaptionLabel;
    QLabel *m_serverLabel;
    QLabel *m_userCaptionLabel;
    QLabel *m_userLabel;
    QPushButton *m_signOutButton;
    QGroupBox *m_deviceGroupBox;
    QLabel *m_deviceHintLabel;
    QLabel *m_signingCaptionLabel;
    QLabel *m_fingerprintLabel;
    QLabel *m_encryptionCaptionLabel;
    QLabel *m_encryptionFingerprintLabel;
    QLabel *m_storageLabel;
};

} // namespace Lotse::Ui
