#pragma once

#include <QWidget>

class QLabel;

namespace Lotse::Ui {

// A quiet placeholder while Lotse opens the keychain and restores the saved sign-in.
class StartupPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartupPage(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_statusLabel;
};

} // namespace Lotse::Ui
