#pragma once

#include <QGroupBox>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace Lotse::Client {
class BusySync;
class CalDavAccount;
class CalendarPublisher;
} // namespace Lotse::Client

namespace Lotse::Ui {

// The "Calendars" part of the settings: connect a CalDAV account (discovery with progress and a
// clear error), tick the calendars whose events count as busy, pick the calendar Lotse's
// appointments go to, sync now, see the last sync, remove the account.
class CalendarSettingsBox : public QGroupBox
{
    Q_OBJECT

public:
    CalendarSettingsBox(Client::CalDavAccount *account, Client::BusySync *busySync,
                        Client::CalendarPublisher *publisher, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void refreshStatus();
    void fillCalendars();
    void connectAccount();
    void editAccount();
    void showError(const QString &message);

    Client::CalDavAccount *m_account;
    Client::BusySync *m_busySync;
    Client::CalendarPublisher *m_publisher;

    QLabel *m_hintLabel;
    QWidget *m_addWidget;
    QLabel *m_addressLabel;
    QLineEdit *m_addressLineEdit;
    QLabel *m_userLabel;
    QLineEdit *m_userLineEdit;
    QLabel *m_passwordLabel;
    QLineEdit *m_passwordLineEdit;
    QPushButton *m_connectButton;
    QPushButton *m_cancelButton; // back to the account, while changing its password
    QProgressBar *m_progressBar;
    QLabel *m_progressLabel;
    QLabel *m_errorLabel;

    QWidget *m_accountWidget;
    QLabel *m_connectedCaptionLabel;
    QLabel *m_connectedLabel;
    QLabel *m_busyLabel;
    QWidget *m_calendarsWidget; // one check box per calendar
    QVBoxLayout *m_calendarsLayout;
    QList<QCheckBox *> m_calendarCheckBoxes;
    QLabel *m_publishLabel;
    QComboBox *m_publishComboBox;
    QLabel *m_statusCaptionLabel;
    QLabel *m_statusLabel;
    QLabel *m_problemLabel; // what went wrong in the last round, in words
    QPushButton *m_syncButton;
    QPushButton *m_changePasswordButton;
    QPushButton *m_removeButton;
    bool m_filling = false;
    bool m_editing = false; // the form is open for the existing account (a new password)
};

} // namespace Lotse::Ui
