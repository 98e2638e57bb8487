#pragma once

#include <QDate>
#include <QDialog>

class QCheckBox;
class QDateEdit;
class QPushButton;

namespace Lotse::Ui {

// Asks which days to export as an .ics file and whether the help-seekers' names go in (off unless
// the advisor turns it on: the file leaves Lotse's encryption).
class CalendarExportDialog : public QDialog
{
    Q_OBJECT

public:
    CalendarExportDialog(QDate first, QDate last, QWidget *parent = nullptr);

    [[nodiscard]] QDate firstDate() const;
    [[nodiscard]] QDate lastDate() const;
    [[nodiscard]] bool includeNames() const;

private:
    QDateEdit *m_fromDateEdit;
    QDateEdit *m_toDateEdit;
    QCheckBox *m_includeNamesCheckBox;
    QPushButton *m_exportButton;
};

} // namespace Lotse::Ui
