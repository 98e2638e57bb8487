#include "ui/SignInPage.h"

#include "ui/CardFrame.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

SignInPage::SignInPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_subtitleLabel(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_usernameLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_totpLabel(new QLabel(this))
    , m_serverLineEdit(new QLineEdit(this))
    , m_usernameLineEdit(new QLineEdit(this))
    , m_passwordLineEdit(new QLineEdit(this))
    , m_totpLineEdit(new QLineEdit(this))
    , m_messageLabel(new QLabel(this))
    , m_noticeLabel(new QLabel(this))
    , m_signInButton(new QPushButton(this))
{
    setObjectName(u"signInPage"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_titleLabel->setObjectName(u"titleLabel"_s);
    m_subtitleLabel->setObjectName(u"subtitleLabel"_s);
    m_subtitleLabel->setWordWrap(true);
    m_serverLineEdit->setObjectName(u"serverLineEdit"_s);
    m_usernameLineEdit->setObjectName(u"usernameLineEdit"_s);
    m_passwordLineEdit->setObjectName(u"passwordLineEdit"_s);
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_totpLineEdit->setObjectName(u"totpLineEdit"_s);
    m_totpLineEdit->setMaxLength(6);
    m_totpLineEdit->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,6}"_s), this));
    m_totpLineEdit->setInputMethodHints(Qt::ImhDigitsOnly);
    m_serverLineEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_usernameLineEdit->setInputMethodHints(Qt::ImhNoAutoUppercase);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();
    m_noticeLabel->setObjectName(u"noticeLabel"_s);
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->hide();
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setDefault(true);
    m_totpLabel->hide();
    m_totpLineEdit->hide();

    for (auto [label, field] : {std::pair{m_serverLabel, m_serverLineEdit},
                                {m_usernameLabel, m_usernameLineEdit},
                                {m_passwordLabel, m_passwordLineEdit},
                                {m_totpLabel, m_totpLineEdit}})
        label->setBuddy(field);

    auto *card = new CardFrame(this);
    card->addHeader(m_titleLabel, m_subtitleLabel);
    card->addWidget(m_noticeLabel);
    card->addField(m_serverLabel, m_serverLineEdit);
    card->addField(m_usernameLabel, m_usernameLineEdit);
    card->addField(m_passwordLabel, m_passwordLineEdit);
    card->addField(m_totpLabel, m_totpLineEdit);
    card->addWidget(m_messageLabel);
    card->addButton(m_signInButton);

    connect(m_signInButton, &QPushButton::clicked, this, &SignInPage::submit);
    for (QLineEdit *field : {m_serverLineEdit, m_usernameLineEdit, m_passwordLineEdit, m_totpLineEdit})
        connect(field, &QLineEdit::returnPressed, this, &SignInPage::submit);
    retranslate();
}

void SignInPage::retranslate()
{
    m_titleLabel->setText(tr("Sign in to Lotse"));
    m_subtitleLabel->setText(tr("Use the account your counselling service gave you."));
    m_serverLabel->setText(tr("&Server address"));
    m_usernameLabel->setText(tr("&User name"));
    m_passwordLabel->setText(tr("&Password"));
    m_totpLabel->setText(tr("Security &code"));
    m_serverLineEdit->setPlaceholderText(tr("e.g. https://beratung.example.org"));
    m_usernameLineEdit->setPlaceholderText(tr("e.g. anna.berger"));
    m_totpLineEdit->setPlaceholderText(tr("6 digits from your authenticator app"));
    m_signInButton->setText(m_busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SignInPage::prefill(const QString &server, const QString &username)
{
    if (!server.isEmpty())
        m_serverLineEdit->setText(server);
    if (!username.isEmpty())
        m_usernameLineEdit->setText(username);
    focusFirstEmpty();
}

void SignInPage::focusFirstEmpty()
{
    for (QLineEdit *field : {m_serverLineEdit, m_usernameLineEdit, m_passwordLineEdit}) {
        if (field->text().isEmpty()) {
            field->setFocus();
            return;
        }
    }
    (!m_totpLineEdit->isHidden() ? m_totpLineEdit : m_passwordLineEdit)->setFocus();
}

void SignInPage::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_serverLineEdit, m_usernameLineEdit, m_passwordLineEdit,
                                                            m_totpLineEdit, m_signInButton})
        widget->setEnabled(!busy);
    if (busy)
        clearMessages();
    retranslate();
}

void SignInPage::showError(const QString &message, bool needsTotp)
{
    setBusy(false);
    // The first request for the security code is a step of signing in, not a mistake.
    const bool firstTotpRequest = needsTotp && m_totpLineEdit->isHidden();
    QLabel *label = firstTotpRequest ? m_noticeLabel : m_messageLabel;
    label->setText(message);
    label->setVisible(!message.isEmpty());
    if (needsTotp) {
        m_totpLabel->show();
        m_totpLineEdit->show();
        m_totpLineEdit->clear();
        m_totpLineEdit->setFocus();
    } else {
        m_passwordLineEdit->selectAll();
        focusFirstEmpty();
    }
}

void SignInPage::showNotice(const QString &message)
{
    m_noticeLabel->setText(message);
    m_noticeLabel->setVisible(!message.isEmpty());
}

void SignInPage::clearMessages()
{
    m_messageLabel->hide();
    m_noticeLabel->hide();
}

void SignInPage::clearSecrets()
{
    m_passwordLineEdit->clear();
    m_totpLineEdit->clear();
    m_totpLabel->hide();
    m_totpLineEdit->hide();
}

void SignInPage::submitWithPassword(const QString &password)
{
    m_passwordLineEdit->setText(password);
    submit();
}

void SignInPage::submit()
{
    if (m_busy)
        return;
    Q_EMIT signInRequested(m_serverLineEdit->text(), m_usernameLineEdit->text(), m_passwordLineEdit->text(),
                           !m_totpLineEdit->isHidden() ? m_totpLineEdit->text() : QString());
}

} // namespace Lotse::Ui
