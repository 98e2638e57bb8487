#pragma once

#include <QDate>
#include <QFileDialog>
#include <QPushButton>

#include <functional>
#include <utility>

class QMenu;

namespace Lotse::Client {
class CalendarService;
}

namespace Lotse::Ui {

// The calendar toolbar's "Import/Export" menu: import an .ics file as a read-only calendar, export
// Lotse's appointments of some days as .ics, choose per imported calendar whether it blocks times on
// the booking page, and remove an imported calendar again. The work is done by app/
// (ImportedCalendars, IcsExport, BusyUploader); this only asks the advisor and shows the outcome.
class CalendarFilesButton : public QPushButton
{
    Q_OBJECT

public:
    using VisibleDates = std::function<std::pair<QDate, QDate>()>;

    CalendarFilesButton(Client::CalendarService *service, VisibleDates visibleDates, QWidget *parent = nullptr);

    void importFile();
    void exportAppointments();
    void removeImported(const QString &id);
    void setCountsAsBusy(const QString &id, bool countsAsBusy);

protected:
    void changeEvent(QEvent *event) override;

private:
    // A file dialog object rather than the static helpers: it is the same dialog for the advisor,
    // and tests find it as the active modal widget (objectName "icsFileDialog") and fill it in.
    [[nodiscard]] QString chooseFile(QFileDialog::AcceptMode mode, const QString &suggestedName);
    void rebuildMenu();
    void retranslate();
    void showBusyUploadFailure(const QString &message);

    Client::CalendarService *m_service;
    VisibleDates m_visibleDates;
    QMenu *m_menu;
    QString m_lastDirectory;
};

} // namespace Lotse::Ui
