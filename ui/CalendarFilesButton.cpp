#include "ui/CalendarFilesButton.h"

#include "app/BusyUploader.h"
#include "app/CalendarService.h"
#include "app/IcsExport.h"
#include "app/ImportedCalendars.h"
#include "models/CalendarLayout.h"
#include "models/CalendarModel.h"
#include "ui/CalendarExportDialog.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

CalendarFilesButton::CalendarFilesButton(Client::CalendarService *service, VisibleDates visibleDates, QWidget *parent)
    : QPushButton(parent)
    , m_service(service)
    , m_visibleDates(std::move(visibleDates))
    , m_menu(new QMenu(this))
    , m_lastDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    setObjectName(u"calendarFilesButton"_s);
    setFocusPolicy(Qt::NoFocus);
    // A push button with a menu, styled like the toolbar's other buttons; a click opens the menu.
    // The style's indicator sits in the bottom corner of rounded buttons: a ▾ after the text instead.
    setStyleSheet(u"QPushButton::menu-indicator { image: none; width: 0px; }"_s);
    setMenu(m_menu);
    m_menu->setObjectName(u"calendarFilesMenu"_s);
    if (Client::ImportedCalendars *imported = service->importedCalendars())
        // Queued: the action that caused the change is still delivering its signal when it arrives.
        connect(imported, &Client::ImportedCalendars::changed, this, &CalendarFilesButton::rebuildMenu,
                Qt::QueuedConnection);
    if (Client::BusyUploader *uploader = service->busyUploader())
        connect(uploader, &Client::BusyUploader::failed, this, &CalendarFilesButton::showBusyUploadFailure);
    retranslate();
}

void CalendarFilesButton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QPushButton::changeEvent(event);
}

void CalendarFilesButton::retranslate()
{
    setText(tr("Import/Export") + u" ▾"_s);
    setToolTip(tr("Import a calendar file (.ics) or export your appointments"));
    rebuildMenu();
}

void CalendarFilesButton::rebuildMenu()
{
    m_menu->clear();
    // clear() deletes the actions, not the submenus, which are children of the menu.
    const QList<QMenu *> submenus = m_menu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(submenus);
    QAction *importAction = m_menu->addAction(tr("Import calendar file…"), this, &CalendarFilesButton::importFile);
    importAction->setObjectName(u"importCalendarAction"_s);
    importAction->setEnabled(m_service->importedCalendars() != nullptr);
    QAction *exportAction =
        m_menu->addAction(tr("Export appointments…"), this, &CalendarFilesButton::exportAppointments);
    exportAction->setObjectName(u"exportCalendarAction"_s);
    m_menu->addSeparator();
    const QList<Client::ImportedCalendars::Calendar> calendars = m_service->importedCalendars()
                                                                     ? m_service->importedCalendars()->calendars()
                                                                     : QList<Client::ImportedCalendars::Calendar>();
    // Per calendar and off until chosen: only then do its busy times (no titles) go to the server.
    QMenu *busyMenu = m_menu->addMenu(tr("Block times on the booking page"));
    busyMenu->setObjectName(u"countsAsBusyMenu"_s);
    busyMenu->setToolTipsVisible(true);
    busyMenu->setEnabled(!calendars.isEmpty() && m_service->busyUploader() != nullptr);
    for (const Client::ImportedCalendars::Calendar &calendar : calendars) {
        const QString id = calendar.id;
        QAction *action = busyMenu->addAction(calendar.name);
        action->setObjectName(u"countsAsBusyAction"_s);
        action->setData(id);
        action->setCheckable(true);
        action->setChecked(calendar.countsAsBusy);
        action->setToolTip(tr("When checked, help-seekers cannot book times when this calendar is busy. Only "
                              "start and end times are sent to the server, no titles."));
        connect(action, &QAction::toggled, this, [this, id](bool checked) { setCountsAsBusy(id, checked); });
    }
    QMenu *removeMenu = m_menu->addMenu(tr("Remove imported calendar"));
    removeMenu->setObjectName(u"removeImportedMenu"_s);
    removeMenu->setEnabled(!calendars.isEmpty());
    for (const Client::ImportedCalendars::Calendar &calendar : calendars) {
        const QString id = calendar.id;
        QAction *action =
            removeMenu->addAction(tr("%1 (%2)").arg(calendar.name, Client::ImportedCalendars::summaryText(calendar)),
                                  this, [this, id] { removeImported(id); });
        action->setObjectName(u"removeImportedAction"_s);
        action->setData(id);
    }
}

QString CalendarFilesButton::chooseFile(QFileDialog::AcceptMode mode, const QString &suggestedName)
{
    const bool open = mode == QFileDialog::AcceptOpen;
    QFileDialog dialog(window(), open ? tr("Import calendar file") : tr("Export appointments"));
    dialog.setObjectName(u"icsFileDialog"_s);
    dialog.setAcceptMode(mode);
    dialog.setFileMode(open ? QFileDialog::ExistingFile : QFileDialog::AnyFile);
    dialog.setNameFilters({tr("iCalendar files (*.ics *.ical)"), tr("All files (*)")});
    dialog.setDirectory(m_lastDirectory);
    if (!open) {
        dialog.setDefaultSuffix(u"ics"_s);
        dialog.selectFile(suggestedName);
    }
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    m_lastDirectory = QFileInfo(path).absolutePath();
    return path;
}

void CalendarFilesButton::importFile()
{
    Client::ImportedCalendars *imported = m_service->importedCalendars();
    if (!imported)
        return;
    const QString path = chooseFile(QFileDialog::AcceptOpen, QString());
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Client::ImportedCalendars::Result result = imported->importFile(path);
    QApplication::restoreOverrideCursor();

    const QString fileName = QFileInfo(path).fileName();
    QMessageBox box(window());
    box.setObjectName(u"importResultMessageBox"_s);
    if (!result.ok()) {
        box.setIcon(QMessageBox::Warning);
        box.setWindowTitle(tr("Import failed"));
        box.setText(tr("“%1” was not imported. Nothing was changed.").arg(fileName));
        box.setInformativeText(result.error);
    } else {
        box.setIcon(QMessageBox::Information);
        box.setWindowTitle(tr("Calendar imported"));
        box.setText(tr("“%1”: %2.").arg(result.calendar.name, Client::ImportedCalendars::summaryText(result.calendar)));
        QString details = tr("The events appear in grey and cannot be changed here. They are kept on this device "
                             "only and do not block times on your booking page unless you choose so under "
                             "Import/Export › Block times on the booking page.");
        if (!result.calendar.skipped.isEmpty())
            details += u"\n\n"_s + tr("Left out:") + u"\n"_s + result.calendar.skipped.join(u'\n');
        box.setInformativeText(details);
    }
    box.exec();
}

void CalendarFilesButton::exportAppointments()
{
    const auto [first, last] = m_visibleDates();
    CalendarExportDialog dialog(first, last, window());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Models::CalendarModel &model = *m_service->model();
    const QTimeZone zone = model.timeZone();
    const QDateTime from = Models::CalendarLayout::day(dialog.firstDate(), zone).start;
    const QDateTime to = Models::CalendarLayout::day(dialog.lastDate(), zone).end;
    const QList<Models::Appointment> appointments = Client::IcsExport::select(model, from, to);

    QMessageBox box(window());
    box.setObjectName(u"exportResultMessageBox"_s);
    box.setWindowTitle(tr("Export appointments"));
    if (appointments.isEmpty()) {
        box.setIcon(QMessageBox::Information);
        box.setText(tr("There are no appointments from %1 to %2. Nothing was exported.")
                        .arg(locale().toString(dialog.firstDate(), QLocale::ShortFormat),
                             locale().toString(dialog.lastDate(), QLocale::ShortFormat)));
        box.exec();
        return;
    }
    const QString suggested =
        u"lotse-%1-%2.ics"_s.arg(dialog.firstDate().toString(Qt::ISODate), dialog.lastDate().toString(Qt::ISODate));
    const QString path = chooseFile(QFileDialog::AcceptSave, suggested);
    if (path.isEmpty())
        return;
    Client::IcsExport::Options options;
    options.includeNames = dialog.includeNames();
    options.neutralTitle = Client::CalendarService::neutralTitle();
    const QString error = Client::IcsExport::save(path, Client::IcsExport::write(appointments, zone, options));
    if (!error.isEmpty()) {
        box.setIcon(QMessageBox::Warning);
        box.setText(tr("The appointments were not exported."));
        box.setInformativeText(error);
    } else {
        box.setIcon(QMessageBox::Information);
        box.setText(tr("%n appointment(s) exported to “%1”.", nullptr, int(appointments.size()))
                        .arg(QFileInfo(path).fileName()));
    }
    box.exec();
}

void CalendarFilesButton::setCountsAsBusy(const QString &id, bool countsAsBusy)
{
    Client::ImportedCalendars *imported = m_service->importedCalendars();
    if (!imported)
        return;
    QString error;
    if (!imported->setCountsAsBusy(id, countsAsBusy, &error)) {
        QMessageBox::warning(window(), tr("Block times on the booking page"), error);
        // The check mark goes back to what is stored, once this action's signal is delivered.
        QMetaObject::invokeMethod(this, &CalendarFilesButton::rebuildMenu, Qt::QueuedConnection);
    }
}

void CalendarFilesButton::showBusyUploadFailure(const QString &message)
{
    QMessageBox box(QMessageBox::Warning, tr("Booking page not updated"), message, QMessageBox::Ok, window());
    box.setObjectName(u"busyUploadMessageBox"_s);
    box.setInformativeText(tr("Your choice is kept; Lotse sends the busy times again after the next sign-in."));
    box.exec();
}

void CalendarFilesButton::removeImported(const QString &id)
{
    Client::ImportedCalendars *imported = m_service->importedCalendars();
    if (!imported)
        return;
    QString name;
    for (const Client::ImportedCalendars::Calendar &calendar : imported->calendars()) {
        if (calendar.id == id)
            name = calendar.name;
    }
    QMessageBox question(QMessageBox::Question, tr("Remove imported calendar"),
                         tr("Remove “%1” and its events from Lotse? The original file is not touched.").arg(name),
                         QMessageBox::Cancel, window());
    question.setObjectName(u"removeImportedMessageBox"_s);
    QPushButton *removeButton = question.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    question.setDefaultButton(QMessageBox::Cancel);
    question.exec();
    if (question.clickedButton() != static_cast<QAbstractButton *>(removeButton))
        return;
    QString error;
    if (!imported->remove(id, &error))
        QMessageBox::warning(window(), tr("Remove imported calendar"), error);
}

} // namespace Lotse::Ui
