#include "ui/DeclineDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

namespace {
constexpr int MaxReasonLength = 1000;
}

DeclineDialog::DeclineDialog(const QString &who, QWidget *parent)
    : QDialog(parent)
    , m_reasonTextEdit(new QPlainTextEdit(this))
    , m_declineButton(new QPushButton(this))
{
    setObjectName(u"declineDialog"_s);
    setWindowTitle(tr("Decline the request"));
    auto *introLabel = new QLabel(
        who.isEmpty()
            ? tr("Please say why you cannot take this appointment. The reason is sent by e-mail.")
            : tr("Please tell %1 why you cannot take this appointment. The reason is sent by e-mail.").arg(who),
        this);
    introLabel->setWordWrap(true);
    m_reasonTextEdit->setObjectName(u"reasonTextEdit"_s);
    m_reasonTextEdit->setPlaceholderText(tr("For example: I am fully booked that week. Please choose another day."));
    m_reasonTextEdit->setTabChangesFocus(true);
    m_declineButton->setObjectName(u"declineConfirmButton"_s);
    m_declineButton->setText(tr("Decline"));
    m_declineButton->setEnabled(false);
    m_declineButton->setProperty("primary", true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_declineButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(introLabel);
    layout->addWidget(m_reasonTextEdit, 1);
    layout->addWidget(buttons);
    resize(460, 280);

    connect(m_reasonTextEdit, &QPlainTextEdit::textChanged, this, [this] {
        const qsizetype length = m_reasonTextEdit->toPlainText().trimmed().size();
        m_declineButton->setEnabled(length > 0 && length <= MaxReasonLength);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString DeclineDialog::reason() const
{
    return m_reasonTextEdit->toPlainText().trimmed();
}

} // namespace Lotse::Ui
