#pragma once

#include <QDate>
#include <QFileDialog>
#include <QToolButton>

#include <functional>
#include <utility>

class QMenu;

namespace Lotse::Client {
class CalendarService;
}

namespace Lotse::Ui {

// The calendar toolbar's "Calendar files" menu: import an .ics file as a read-only calendar, export
// Lotse's appointments of some days as .ics, and remove an imported calendar again. The work is done
// by app/ (ImportedCalendars, IcsExport); this only asks the advisor and shows the outcome.
class CalendarFilesButton : public QToolButton
{
    Q_OBJECT

public:
    using VisibleDates = std::function<std::pair<QDate, QDate>()>;

    CalendarFilesButton(Client::CalendarService *service, VisibleDates visibleDates, QWidget *parent = nullptr);

    void importFile();
    void exportAppointments();
    void removeImported(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    // A file dialog object rather than the static helpers: it is the same dialog for the advisor,
    // and tests find it as the active modal widget (objectName "icsFileDialog") and fill it in.
    [[nodiscard]] QString chooseFile(QFileDialog::AcceptMode mode, const QString &suggestedName);
    void rebuildMenu();
    void retranslate();

    Client::CalendarService *m_service;
    VisibleDates m_visibleDates;
    QMenu *m_menu;
    QString m_lastDirectory;
};

} // namespace Lotse::Ui
