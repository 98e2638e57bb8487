#pragma once

#include "app/SecretStore.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Lotse::Ui {

// Shown when the OS keychain cannot hold this device's keys: says so plainly and offers a key
// file protected by a passphrase instead; on later starts it asks for that passphrase.
class KeyStoragePage : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        CreateKeyFile,
        UnlockKeyFile
    };

    explicit KeyStoragePage(QWidget *parent = nullptr);

    // `problem` says why the keychain is not usable (CreateKeyFile only).
    void setMode(Mode mode, const Client::SecretStatus &problem = {});
    [[nodiscard]] Mode mode() const { return m_mode; }
    void showError(const QString &message);

Q_SIGNALS:
    void createRequested(const QString &passphrase);
    void unlockRequested(const QString &passphrase);
    void retryKeychainRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();

    Mode m_mode = Mode::CreateKeyFile;
    Client::SecretStatus m_problem;
    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QLabel *m_reasonLabel;
    QLabel *m_passphraseLabel;
    QLabel *m_confirmLabel;
    QLineEdit *m_passphraseLineEdit;
    QLineEdit *m_confirmLineEdit;
    QLabel *m_messageLabel;
    QPushButton *m_primaryButton;
    QPushButton *m_retryButton;
};

} // namespace Lotse::Ui
