#include "ui/KeyStoragePage.h"

#include "ui/CardFrame.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
constexpr int MinimumPassphraseLength = 10;
}

KeyStoragePage::KeyStoragePage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_subtitleLabel(new QLabel(this))
    , m_reasonLabel(new QLabel(this))
    , m_passphraseLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_passphraseLineEdit(new QLineEdit(this))
    , m_confirmLineEdit(new QLineEdit(this))
    , m_messageLabel(new QLabel(this))
    , m_primaryButton(new QPushButton(this))
    , m_retryButton(new QPushButton(this))
{
    setObjectName(u"keyStoragePage"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_titleLabel->setObjectName(u"titleLabel"_s);
    m_titleLabel->setWordWrap(true);
    m_subtitleLabel->setObjectName(u"subtitleLabel"_s);
    m_subtitleLabel->setWordWrap(true);
    m_reasonLabel->setObjectName(u"noticeLabel"_s);
    m_reasonLabel->setWordWrap(true);
    m_passphraseLineEdit->setObjectName(u"passphraseLineEdit"_s);
    m_passphraseLineEdit->setEchoMode(QLineEdit::Password);
    m_confirmLineEdit->setObjectName(u"confirmLineEdit"_s);
    m_confirmLineEdit->setEchoMode(QLineEdit::Password);
    m_passphraseLabel->setBuddy(m_passphraseLineEdit);
    m_confirmLabel->setBuddy(m_confirmLineEdit);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();
    m_primaryButton->setObjectName(u"primaryButton"_s);
    m_primaryButton->setDefault(true);
    m_retryButton->setObjectName(u"retryButton"_s);

    auto *card = new CardFrame(this);
    card->addHeader(m_titleLabel, m_subtitleLabel);
    m_subtitleLabel->setAlignment(Qt::AlignLeft);
    card->addWidget(m_reasonLabel);
    card->addField(m_passphraseLabel, m_passphraseLineEdit);
    card->addField(m_confirmLabel, m_confirmLineEdit);
    card->addWidget(m_messageLabel);
    card->addButton(m_primaryButton, m_retryButton);

    connect(m_primaryButton, &QPushButton::clicked, this, &KeyStoragePage::submit);
    connect(m_passphraseLineEdit, &QLineEdit::returnPressed, this, &KeyStoragePage::submit);
    connect(m_confirmLineEdit, &QLineEdit::returnPressed, this, &KeyStoragePage::submit);
    connect(m_retryButton, &QPushButton::clicked, this, &KeyStoragePage::retryKeychainRequested);
    setMode(Mode::CreateKeyFile);
}

void KeyStoragePage::setMode(Mode mode, const Client::SecretStatus &problem)
{
    m_mode = mode;
    m_problem = problem;
    const bool creating = mode == Mode::CreateKeyFile;
    m_confirmLabel->setVisible(creating);
    m_confirmLineEdit->setVisible(creating);
    m_retryButton->setVisible(creating);
    m_reasonLabel->setVisible(creating && !problem.ok());
    m_passphraseLineEdit->clear();
    m_confirmLineEdit->clear();
    m_messageLabel->hide();
    m_passphraseLineEdit->setFocus();
    retranslate();
}

void KeyStoragePage::retranslate()
{
    if (m_mode == Mode::CreateKeyFile) {
        m_titleLabel->setText(tr("No keychain available"));
        m_subtitleLabel->setText(
            tr("Lotse keeps this device's private keys and your sign-in in the system keychain, but none could be "
               "used on this computer. You can protect them with a passphrase instead: Lotse then stores them in an "
               "encrypted file and asks for the passphrase each time it starts."));
        m_passphraseLabel->setText(tr("New &passphrase (at least %n characters)", nullptr, MinimumPassphraseLength));
        m_confirmLabel->setText(tr("&Repeat passphrase"));
        m_primaryButton->setText(tr("Use passphrase"));
        m_retryButton->setText(tr("Try keychain again"));
    } else {
        m_titleLabel->setText(tr("Unlock your keys"));
        m_subtitleLabel->setText(
            tr("This device's keys are stored in a passphrase-protected file. Enter the passphrase to continue."));
        m_passphraseLabel->setText(tr("&Passphrase"));
        m_primaryButton->setText(tr("Unlock"));
    }
    // The subtitle already says the keychain is missing; add what the system reported.
    if (m_problem.kind == Client::SecretStatus::Kind::Unavailable)
        m_reasonLabel->setText(m_problem.detail.isEmpty() ? m_problem.userMessage()
                                                          : tr("What the system reported: %1").arg(m_problem.detail));
    else
        m_reasonLabel->setText(m_problem.userMessage());
}

void KeyStoragePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void KeyStoragePage::showError(const QString &message)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    m_passphraseLineEdit->selectAll();
    m_passphraseLineEdit->setFocus();
}

void KeyStoragePage::submit()
{
    const QString passphrase = m_passphraseLineEdit->text();
    if (m_mode == Mode::UnlockKeyFile) {
        Q_EMIT unlockRequested(passphrase);
        return;
    }
    if (passphrase.size() < MinimumPassphraseLength)
        return showError(tr("Please choose a passphrase of at least %n characters.", nullptr, MinimumPassphraseLength));
    if (passphrase != m_confirmLineEdit->text())
        return showError(tr("The two passphrases are not the same."));
    Q_EMIT createRequested(passphrase);
}

} // namespace Lotse::Ui
