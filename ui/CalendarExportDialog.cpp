#include "ui/CalendarExportDialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

CalendarExportDialog::CalendarExportDialog(QDate first, QDate last, QWidget *parent)
    : QDialog(parent)
    , m_fromDateEdit(new QDateEdit(first, this))
    , m_toDateEdit(new QDateEdit(last, this))
    , m_includeNamesCheckBox(new QCheckBox(this))
    , m_exportButton(new QPushButton(this))
{
    setObjectName(u"calendarExportDialog"_s);
    setWindowTitle(tr("Export appointments"));
    auto *introLabel =
        new QLabel(tr("Lotse writes the appointments of these days into an iCalendar file (.ics) that other "
                      "calendar apps can open."),
                   this);
    introLabel->setWordWrap(true);
    m_fromDateEdit->setObjectName(u"fromDateEdit"_s);
    m_toDateEdit->setObjectName(u"toDateEdit"_s);
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"dd.MM.yyyy"_s);
    }
    m_includeNamesCheckBox->setObjectName(u"includeNamesCheckBox"_s);
    m_includeNamesCheckBox->setText(tr("Include help-seekers' names"));
    m_includeNamesCheckBox->setChecked(false);
    auto *namesHintLabel =
        new QLabel(tr("By default the file holds no personal data of help-seekers: only the time and type of each "
                      "appointment. Include names only in a file that stays on your own device: outside Lotse they "
                      "are no longer encrypted."),
                   this);
    namesHintLabel->setObjectName(u"namesHintLabel"_s);
    namesHintLabel->setWordWrap(true);
    m_exportButton->setObjectName(u"exportConfirmButton"_s);
    m_exportButton->setText(tr("Export…"));
    m_exportButton->setProperty("primary", true);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_fromDateEdit);
    form->addRow(tr("To (inclusive):"), m_toDateEdit);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_exportButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(introLabel);
    layout->addLayout(form);
    layout->addWidget(m_includeNamesCheckBox);
    layout->addWidget(namesHintLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(440, 300);

    // The last day can never come before the first.
    const auto keepOrder = [this] { m_exportButton->setEnabled(firstDate() <= lastDate()); };
    connect(m_fromDateEdit, &QDateEdit::dateChanged, this, keepOrder);
    connect(m_toDateEdit, &QDateEdit::dateChanged, this, keepOrder);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QDate CalendarExportDialog::firstDate() const
{
    return m_fromDateEdit->date();
}

QDate CalendarExportDialog::lastDate() const
{
    return m_toDateEdit->date();
}

bool CalendarExportDialog::includeNames() const
{
    return m_includeNamesCheckBox->isChecked();
}

} // namespace Lotse::Ui
