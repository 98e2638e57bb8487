#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Lotse::Ui {

// Asks for the reason a booking is declined; the help-seeker reads it in the mail.
class DeclineDialog : public QDialog
{
    Q_OBJECT

public:
    DeclineDialog(const QString &who, QWidget *parent = nullptr);

    [[nodiscard]] QString reason() const;

private:
    QPlainTextEdit *m_reasonTextEdit;
    QPushButton *m_declineButton;
};

} // namespace Lotse::Ui
