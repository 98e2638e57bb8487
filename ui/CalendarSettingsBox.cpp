#include "ui/CalendarSettingsBox.h"

#include "app/BusySync.h"
#include "app/CalDavAccount.h"
#include "app/CalendarPublisher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
// Wide enough for a long server address, narrow enough to read as a form on a wide window.
constexpr int FieldWidth = 420;
} // namespace

CalendarSettingsBox::CalendarSettingsBox(Client::CalDavAccount *account, Client::BusySync *busySync,
                                         Client::CalendarPublisher *publisher, QWidget *parent)
    : QGroupBox(parent)
    , m_account(account)
    , m_busySync(busySync)
    , m_publisher(publisher)
    , m_hintLabel(new QLabel(this))
    , m_addWidget(new QWidget(this))
    , m_addressLabel(new QLabel(this))
    , m_addressLineEdit(new QLineEdit(this))
    , m_userLabel(new QLabel(this))
    , m_userLineEdit(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_passwordLineEdit(new QLineEdit(this))
    , m_connectButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_progressBar(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_accountWidget(new QWidget(this))
    , m_connectedCaptionLabel(new QLabel(this))
    , m_connectedLabel(new QLabel(this))
    , m_busyLabel(new QLabel(this))
    , m_calendarsWidget(new QWidget(this))
    , m_calendarsLayout(new QVBoxLayout(m_calendarsWidget))
    , m_publishLabel(new QLabel(this))
    , m_publishComboBox(new QComboBox(this))
    , m_statusCaptionLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_problemLabel(new QLabel(this))
    , m_syncButton(new QPushButton(this))
    , m_changePasswordButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
{
    setObjectName(u"calendarsGroupBox"_s);
    m_hintLabel->setObjectName(u"hintLabel"_s);
    m_hintLabel->setWordWrap(true);
    m_addressLineEdit->setObjectName(u"calDavAddressLineEdit"_s);
    m_addressLineEdit->setPlaceholderText(u"https://"_s);
    m_userLineEdit->setObjectName(u"calDavUserLineEdit"_s);
    m_passwordLineEdit->setObjectName(u"calDavPasswordLineEdit"_s);
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_connectButton->setObjectName(u"calDavConnectButton"_s);
    m_connectButton->setProperty("primary", true);
    m_progressBar->setObjectName(u"calDavProgressBar"_s);
    m_progressBar->setRange(0, 0); // discovery has no known length
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(6);
    m_progressLabel->setProperty("tone", u"hint"_s);
    m_errorLabel->setObjectName(u"calDavErrorLabel"_s);
    m_errorLabel->setProperty("tone", u"error"_s);
    m_errorLabel->setWordWrap(true);
    m_connectedLabel->setObjectName(u"calDavConnectedLabel"_s);
    m_connectedLabel->setWordWrap(true);
    m_connectedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_calendarsWidget->setObjectName(u"calDavCalendarsWidget"_s);
    m_calendarsLayout->setContentsMargins(0, 0, 0, 0);
    m_calendarsLayout->setSpacing(6);
    m_busyLabel->setObjectName(u"calDavBusyLabel"_s);
    m_publishComboBox->setObjectName(u"calDavPublishComboBox"_s);
    m_publishComboBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statusLabel->setObjectName(u"calDavStatusLabel"_s);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setProperty("tone", u"hint"_s);
    m_problemLabel->setObjectName(u"calDavProblemLabel"_s);
    m_problemLabel->setProperty("tone", u"error"_s);
    m_problemLabel->setWordWrap(true);
    m_syncButton->setObjectName(u"calDavSyncButton"_s);
    m_removeButton->setObjectName(u"calDavRemoveButton"_s);
    m_cancelButton->setObjectName(u"calDavCancelButton"_s);
    m_changePasswordButton->setObjectName(u"calDavChangePasswordButton"_s);
    for (QLineEdit *field : {m_addressLineEdit, m_userLineEdit, m_passwordLineEdit})
        field->setMaximumWidth(FieldWidth);
    m_progressBar->setMaximumWidth(160);
    m_addressLabel->setBuddy(m_addressLineEdit);
    m_userLabel->setBuddy(m_userLineEdit);
    m_passwordLabel->setBuddy(m_passwordLineEdit);
    m_publishLabel->setBuddy(m_publishComboBox);

    auto *addLayout = new QFormLayout(m_addWidget);
    addLayout->setContentsMargins(0, 4, 0, 0);
    addLayout->setHorizontalSpacing(16);
    addLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addLayout->addRow(m_addressLabel, m_addressLineEdit);
    addLayout->addRow(m_userLabel, m_userLineEdit);
    addLayout->addRow(m_passwordLabel, m_passwordLineEdit);
    auto *connectRow = new QHBoxLayout;
    connectRow->setSpacing(12);
    connectRow->addWidget(m_connectButton);
    connectRow->addWidget(m_cancelButton);
    connectRow->addWidget(m_progressBar);
    connectRow->addWidget(m_progressLabel);
    connectRow->addStretch(1);
    addLayout->addRow(QString(), connectRow);

    auto *accountLayout = new QFormLayout(m_accountWidget);
    accountLayout->setContentsMargins(0, 4, 0, 0);
    accountLayout->setHorizontalSpacing(16);
    accountLayout->setVerticalSpacing(10);
    accountLayout->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    accountLayout->addRow(m_connectedCaptionLabel, m_connectedLabel);
    accountLayout->addRow(m_busyLabel, m_calendarsWidget);
    auto *publishRow = new QHBoxLayout;
    publishRow->addWidget(m_publishComboBox);
    publishRow->addStretch(1);
    accountLayout->addRow(m_publishLabel, publishRow);
    auto *statusColumn = new QVBoxLayout;
    statusColumn->setSpacing(8);
    statusColumn->addWidget(m_statusLabel);
    statusColumn->addWidget(m_problemLabel);
    accountLayout->addRow(m_statusCaptionLabel, statusColumn);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->setSpacing(12);
    buttonRow->addWidget(m_syncButton);
    buttonRow->addWidget(m_changePasswordButton);
    buttonRow->addWidget(m_removeButton);
    buttonRow->addStretch(1);
    accountLayout->addRow(QString(), buttonRow);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_addWidget);
    layout->addWidget(m_accountWidget);
    layout->addWidget(m_errorLabel);

    connect(m_connectButton, &QPushButton::clicked, this, &CalendarSettingsBox::connectAccount);
    connect(m_passwordLineEdit, &QLineEdit::returnPressed, this, &CalendarSettingsBox::connectAccount);
    connect(m_account, &Client::CalDavAccount::connectFailed, this, &CalendarSettingsBox::showError);
    connect(m_account, &Client::CalDavAccount::connectingChanged, this, &CalendarSettingsBox::refresh);
    connect(m_account, &Client::CalDavAccount::changed, this, [this] {
        if (m_account->hasAccount()) {
            m_passwordLineEdit->clear(); // kept in the secret store now, not in a widget
            m_errorLabel->hide();
            m_editing = false;
        }
        refresh();
    });
    connect(m_busySync, &Client::BusySync::stateChanged, this, &CalendarSettingsBox::refreshStatus);
    connect(m_busySync, &Client::BusySync::finished, this, &CalendarSettingsBox::refreshStatus);
    connect(m_publisher, &Client::CalendarPublisher::finished, this, &CalendarSettingsBox::refreshStatus);
    connect(m_publishComboBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_filling)
            m_account->setPublishCalendar(m_publishComboBox->itemData(index).toUrl());
    });
    connect(m_syncButton, &QPushButton::clicked, this, [this] {
        m_busySync->syncNow();
        m_publisher->schedule();
    });
    connect(m_removeButton, &QPushButton::clicked, m_account, &Client::CalDavAccount::removeAccount);
    connect(m_changePasswordButton, &QPushButton::clicked, this, &CalendarSettingsBox::editAccount);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_editing = false;
        m_passwordLineEdit->clear();
        m_errorLabel->hide();
        refresh();
    });

    m_errorLabel->hide();
    retranslate();
}

void CalendarSettingsBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void CalendarSettingsBox::retranslate()
{
    setTitle(tr("Calendars"));
    m_addressLabel->setText(tr("&Address:"));
    m_userLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_progressLabel->setText(tr("Looking for your calendars…"));
    m_connectedCaptionLabel->setText(tr("Account:"));
    m_busyLabel->setText(tr("Busy times from:"));
    m_statusCaptionLabel->setText(tr("Status:"));
    m_publishLabel->setText(tr("&Appointments go to:"));
    m_syncButton->setText(tr("Sync now"));
    m_removeButton->setText(tr("Remove account"));
    m_changePasswordButton->setText(tr("Change password…"));
    m_cancelButton->setText(tr("Cancel"));
    refresh();
}

void CalendarSettingsBox::refresh()
{
    const bool hasAccount = m_account->hasAccount();
    const bool connecting = m_account->isConnecting();
    m_hintLabel->setText(hasAccount && m_editing
                             ? tr("Enter the new password of your calendar account. Your choices of calendars stay "
                                  "as they are.")
                         : hasAccount ? tr("Events in the ticked calendars count as busy: the booking page does not "
                                           "offer those times. Only the times leave this computer, no titles or "
                                           "participants. Lotse's appointments go into your calendar without names.")
                                      : tr("Connect your calendar (CalDAV, e.g. Nextcloud, mailbox.org or your "
                                           "organisation's server): its busy times keep the booking page free, and "
                                           "Lotse's confirmed appointments appear in it."));
    m_addWidget->setVisible(!hasAccount || m_editing);
    m_accountWidget->setVisible(hasAccount && !m_editing);
    m_cancelButton->setVisible(hasAccount && m_editing);
    m_connectButton->setText(hasAccount && m_editing ? tr("Save password") : tr("Connect calendar"));
    m_progressBar->setVisible(connecting);
    m_progressLabel->setVisible(connecting);
    m_connectButton->setEnabled(!connecting);
    m_addressLineEdit->setEnabled(!connecting);
    m_userLineEdit->setEnabled(!connecting);
    // A new password for this account; another address or user is another account (remove first).
    m_addressLineEdit->setReadOnly(hasAccount && m_editing);
    m_userLineEdit->setReadOnly(hasAccount && m_editing);
    m_passwordLineEdit->setEnabled(!connecting);
    if (hasAccount) {
        m_connectedLabel->setText(tr("%1 on %2").arg(m_account->user(), m_account->serverUrl().toDisplayString()));
        fillCalendars();
    }
    refreshStatus();
}

void CalendarSettingsBox::fillCalendars()
{
    m_filling = true;
    const QSignalBlocker blockCombo(m_publishComboBox);
    const QList<Client::CalDavCalendarChoice> calendars = m_account->calendars();
    // A tick or a pick arrives here from inside the check box's or the combo box's own signal:
    // the same calendars are updated in place, never deleted under the advisor's click.
    bool same = m_calendarCheckBoxes.size() == calendars.size() && m_publishComboBox->count() == calendars.size() + 1;
    for (int row = 0; same && row < calendars.size(); ++row)
        same = m_calendarCheckBoxes.at(row)->property("calendarUrl").toUrl() == calendars.at(row).url;
    if (!same) {
        qDeleteAll(m_calendarCheckBoxes);
        m_calendarCheckBoxes.clear();
        m_publishComboBox->clear();
        m_publishComboBox->addItem(QString(), QUrl());
        for (const Client::CalDavCalendarChoice &calendar : calendars) {
            auto *checkBox = new QCheckBox(m_calendarsWidget);
            checkBox->setObjectName(u"calDavCalendarCheckBox"_s);
            checkBox->setProperty("calendarUrl", calendar.url);
            checkBox->setToolTip(calendar.url.toDisplayString());
            connect(checkBox, &QCheckBox::toggled, this, [this, url = calendar.url](bool checked) {
                if (!m_filling)
                    m_account->setBusy(url, checked);
            });
            m_calendarsLayout->addWidget(checkBox);
            m_calendarCheckBoxes.append(checkBox);
            m_publishComboBox->addItem(QString(), calendar.url);
        }
    }
    m_publishComboBox->setItemText(0, tr("Nowhere"));
    for (int row = 0; row < calendars.size(); ++row) {
        m_calendarCheckBoxes.at(row)->setText(calendars.at(row).displayName);
        m_calendarCheckBoxes.at(row)->setChecked(calendars.at(row).busy);
        m_publishComboBox->setItemText(row + 1, calendars.at(row).displayName);
    }
    m_publishComboBox->setCurrentIndex(qMax(0, m_publishComboBox->findData(m_account->publishCalendar())));
    m_filling = false;
}

void CalendarSettingsBox::refreshStatus()
{
    using State = Client::BusySync::State;
    const QDateTime last = m_busySync->lastSuccess();
    QStringList lines;
    lines.append(last.isValid()
                     ? tr("Last synced: %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
                     : tr("Last synced: never"));
    QStringList problems;
    switch (m_busySync->state()) {
    case State::NoAccount:
        break;
    case State::Waiting:
        lines.append(tr("Not synced yet."));
        break;
    case State::Syncing:
        lines.append(tr("Syncing…"));
        break;
    case State::UpToDate:
        lines.append(tr("Busy times are up to date."));
        break;
    case State::CalendarProblem:
    case State::ServerProblem:
        problems.append(m_busySync->problem());
        break;
    }
    if (!m_publisher->problem().isEmpty())
        problems.append(tr("Appointments in your calendar: %1").arg(m_publisher->problem()));
    m_statusLabel->setText(lines.join(u'\n'));
    m_problemLabel->setText(problems.join(u'\n'));
    m_problemLabel->setVisible(!problems.isEmpty());
    m_syncButton->setEnabled(m_busySync->state() != State::Syncing);
}

void CalendarSettingsBox::connectAccount()
{
    m_errorLabel->hide();
    m_account->connectAccount(m_addressLineEdit->text(), m_userLineEdit->text(), m_passwordLineEdit->text());
}

void CalendarSettingsBox::editAccount()
{
    // The same address and user name: connecting again keeps the calendars' choices and the
    // appointments already published; only the password is new.
    m_editing = true;
    m_addressLineEdit->setText(m_account->serverUrl().toDisplayString());
    m_userLineEdit->setText(m_account->user());
    m_passwordLineEdit->clear();
    m_errorLabel->hide();
    refresh();
    m_passwordLineEdit->setFocus();
}

void CalendarSettingsBox::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

} // namespace Lotse::Ui
