#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Lotse::Ui {

// The first-start card: server address, user name, password, and the security code when the
// account has a second factor. It only collects input; Session does the signing in.
class SignInPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignInPage(QWidget *parent = nullptr);

    void prefill(const QString &server, const QString &username);
    void setBusy(bool busy);
    // Shows why signing in did not work; `needsTotp` reveals the security-code field.
    void showError(const QString &message, bool needsTotp);
    void showNotice(const QString &message);
    void clearMessages();
    // Forgets the typed password and security code (after signing in or out).
    void clearSecrets();
    // Fills in the password and signs in, as `lotse --password-stdin` does.
    void submitWithPassword(const QString &password);

Q_SIGNALS:
    void signInRequested(const QString &server, const QString &username, const QString &password, const QString &totp);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();
    void focusFirstEmpty();

    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QLabel *m_serverLabel;
    QLabel *m_usernameLabel;
    QLabel *m_passwordLabel;
    QLabel *m_totpLabel;
    QLineEdit *m_serverLineEdit;
    QLineEdit *m_usernameLineEdit;
    QLineEdit *m_passwordLineEdit;
    QLineEdit *m_totpLineEdit;
    QLabel *m_messageLabel;
    QLabel *m_noticeLabel;
    QPushButton *m_signInButton;
    bool m_busy = false;
};

} // namespace Lotse::Ui
