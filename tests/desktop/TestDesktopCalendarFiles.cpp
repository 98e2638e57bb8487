// ICS import and export through the Calendar page's Import/Export menu, offscreen, with the real file
// dialog (non-native offscreen: the test finds it as the active modal widget and fills it in) and
// the real message boxes. An imported recurring series shows on the right days and hours of the
// week of Berlin's spring change, in the external colour and without opening Requests; whether an
// import blocks booking slots is a per-import choice, off by default; a web page is refused and
// changes nothing; the visible week's bookings are exported without the help-seeker's name and read
// back the same, and with the name only when the box is ticked; imports and the choice survive a
// restart of the app's services and can be removed. TZ is pinned per test and the
// page's "now" is given, so neither the machine's zone nor the day the test runs matters.
#include "tests/desktop/DesktopTestSupport.h"

#include "app/BookingRequest.h"
#include "app/CalendarService.h"
#include "app/ClientContext.h"
#include "app/ImportedCalendars.h"
#include "app/LanguageManager.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "crypto/CanonicalJson.h"
#include "crypto/Keys.h"
#include "crypto/SealedEnvelope.h"
#include "models/CalendarModel.h"
#include "ui/CalendarDayWeekView.h"
#include "ui/CalendarExportDialog.h"
#include "ui/CalendarPage.h"
#include "ui/Theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <ctime>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;

namespace {

const QTimeZone Berlin("Europe/Berlin");
const QDate Monday(2026, 3, 23); // the week of the spring change (Sunday 29 March)

QDateTime berlin(QDate date, QTime time)
{
    return QDateTime(date, time, Berlin).toUTC();
}

QString fixturePath(const QString &name)
{
    return qEnvironmentVariable("LOTSE_SOURCE_DIR") + u"/tests/data/ics/"_s + name;
}

// Runs `handle` on the next modal dialog of type T once it is open (exec() blocks the caller). A
// dialog that `handle` left open (a failed check inside it) is closed, so the test fails, not hangs.
template<typename T>
void whenModal(std::function<void(T *)> handle)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, handle] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        QPointer<T> guard(dialog);
        handle(dialog);
        if (guard && guard->isVisible()) {
            qWarning("%s left open; closing it", T::staticMetaObject.className());
            guard->reject();
        }
    });
    timer->start();
}

// Types `path` into the file name field of the file dialog that opens next and clicks Open/Save,
// as a user would (selectFile() is not used: it leaves the field alone while it has focus).
void chooseInFileDialog(const QString &path, QFileDialog::AcceptMode expectedMode)
{
    whenModal<QFileDialog>([path, expectedMode](QFileDialog *dialog) {
        QCOMPARE(dialog->objectName(), u"icsFileDialog"_s);
        QCOMPARE(dialog->acceptMode(), expectedMode);
        auto *nameEdit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
        auto *buttons = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
        QVERIFY(nameEdit && buttons);
        nameEdit->setText(path);
        QPushButton *confirm =
            buttons->button(expectedMode == QFileDialog::AcceptOpen ? QDialogButtonBox::Open : QDialogButtonBox::Save);
        QVERIFY(confirm && confirm->isEnabled());
        confirm->click();
        QVERIFY2(!dialog->isVisible(), "the file dialog accepted the path");
    });
}

// Closes the next message box and hands back what it said.
void readMessageBox(QString *text)
{
    whenModal<QMessageBox>([text](QMessageBox *box) {
        *text = box->text() + u'\n' + box->informativeText();
        box->accept();
    });
}

Client::BookingRequest booking(const QString &id, const QString &type, const QString &status, const QDateTime &start,
                               int minutes)
{
    Client::BookingRequest request;
    request.id = id;
    request.type = type;
    request.status = status;
    request.start = start;
    request.end = start.addSecs(minutes * 60);
    return request;
}

// A booking whose personal fields the help-seeker's browser sealed to `deviceKey`, as the server
// lists it; the app opens it with the device's key and the calendar shows the name.
Client::BookingRequest named(Client::BookingRequest request, const Crypto::EncryptionKeyPair &deviceKey)
{
    const auto plain =
        Crypto::CanonicalJson::serialize(QJsonObject{{u"firstName"_s, u"Maria"_s}, {u"lastName"_s, u"Musterfrau"_s}});
    const auto sealed = Crypto::SealedEnvelope::seal({deviceKey.publicKey()}, Crypto::SealPurpose::BookingFields,
                                                     request.sealContext(), *plain);
    request.sealed = sealed ? *sealed : QByteArray();
    return request;
}

} // namespace

class TestDesktopCalendarFiles : public QObject
{
    Q_OBJECT

    QByteArray m_savedTz;
    const Crypto::EncryptionKeyPair m_deviceKey = Crypto::EncryptionKeyPair::generate();
    QTemporaryDir m_profile;
    QTemporaryDir m_files;
    std::unique_ptr<Client::ClientContext> m_context;
    std::unique_ptr<Ui::CalendarPage> m_page;

    void startApp()
    {
        m_page.reset();
        m_context = std::make_unique<Client::ClientContext>(m_profile.path());
        m_context->languages()->setLanguage(u"en"_s);
        m_context->requests()->model()->setAdvisorTimeZone(Berlin);
        m_context->requests()->model()->setOpener([this](QByteArrayView context, QByteArrayView envelope) {
            return Crypto::SealedEnvelope::open(m_deviceKey, Crypto::SealPurpose::BookingFields, context, envelope);
        });
        // Two bookings of the week, as the server would list them (personal fields not opened here).
        m_context->requests()->model()->setRequests(
            {named(booking(u"b-video"_s, u"video"_s, u"confirmed"_s, berlin(Monday, QTime(9, 0)), 45), m_deviceKey),
             booking(u"b-phone"_s, u"phone"_s, u"pending"_s, berlin(Monday.addDays(3), QTime(15, 0)), 30),
             booking(u"b-next-month"_s, u"video"_s, u"confirmed"_s, berlin(QDate(2026, 4, 20), QTime(9, 0)), 45)});
        m_page = std::make_unique<Ui::CalendarPage>(m_context->calendar());
        m_page->setNow(berlin(Monday.addDays(2), QTime(11, 20)));
        m_page->setDate(Monday.addDays(2));
        m_page->resize(1280, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    QAction *action(const QString &name) const
    {
        auto *found = m_page->findChild<QAction *>(name);
        if (!found)
            qFatal("no action %s", qPrintable(name));
        return found;
    }

    QList<Models::Appointment> external() const
    {
        QList<Models::Appointment> result;
        for (const Models::Appointment &a : m_context->calendar()->model()->appointments()) {
            if (a.isExternal())
                result.append(a);
        }
        return result;
    }

    QString importThroughMenu(const QString &path)
    {
        QString message;
        chooseInFileDialog(path, QFileDialog::AcceptOpen);
        readMessageBox(&message);
        action(u"importCalendarAction"_s)->trigger();
        return message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_savedTz = qgetenv("TZ");
        qputenv("TZ", "Asia/Tokyo"); // neither the advisor's zone nor UTC
        tzset();
        Ui::Theme::apply(*qApp);
        QVERIFY(m_profile.isValid());
        QVERIFY(m_files.isValid());
        startApp();
    }
    void cleanupTestCase()
    {
        m_page.reset();
        m_context.reset();
        if (m_savedTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_savedTz);
        tzset();
    }

    void importShowsTheSeriesInTheWeek()
    {
        Ui::CalendarDayWeekView *week = m_page->dayWeekView();
        QCOMPARE(week->dates().first(), Monday);
        QVERIFY(week->rectForAppointment(u"b-video"_s).isValid());
        QVERIFY(external().isEmpty());

        const QString message = importThroughMenu(fixturePath(u"weekly-exceptions.ics"_s));
        QVERIFY2(message.contains(u"“weekly-exceptions”: 1 event, 1 recurring."_s), qPrintable(message));
        QVERIFY(!message.contains(u"Left out"_s));
        QCOMPARE(m_context->importedCalendars()->calendars().size(), 1);

        // The Tuesday of the week holds the series at 10:00 Berlin time (09:00Z, still winter time).
        const QDateTime tuesday = berlin(Monday.addDays(1), QTime(10, 0));
        QString tuesdayId;
        for (const Models::Appointment &a : external()) {
            if (a.start == tuesday)
                tuesdayId = a.id;
            QCOMPARE(a.type, u"external"_s);
        }
        QVERIFY2(!tuesdayId.isEmpty(), "the Tuesday occurrence is in the model");
        const QRect rect = week->rectForAppointment(tuesdayId);
        QVERIFY(rect.isValid());
        const QRect column = week->dayColumnRect(1);
        QVERIFY(column.left() <= rect.left() && rect.right() <= column.right());
        QCOMPARE(rect.top(), week->yForMinute(10 * 60) + 1);
        QCOMPARE(rect.bottom(), week->yForMinute(11 * 60) - 2);
        const int row = m_context->calendar()->model()->rowOf(tuesdayId);
        QCOMPARE(m_context->calendar()->model()->index(row).data(Models::CalendarModel::ExternalRole).toBool(), true);

        // A click or a double click on it opens nothing: it is not a booking.
        QTest::mouseClick(week, Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(week, Qt::LeftButton, {}, rect.center());
        QCoreApplication::processEvents();
        QVERIFY(m_page->findChildren<QDialog *>().isEmpty());

        // The week after the change: the same 10:00, now 08:00Z; and the moved instance is on its Thursday.
        m_page->goNext();
        const QDateTime afterChange = berlin(Monday.addDays(8), QTime(10, 0));
        const QList<Models::Appointment> nextWeek = external();
        QVERIFY(std::any_of(nextWeek.cbegin(), nextWeek.cend(),
                            [&](const Models::Appointment &a) { return a.start == afterChange; }));
        QCOMPARE(afterChange.time(), QTime(8, 0));
        m_page->setDate(QDate(2026, 2, 26));
        const QList<Models::Appointment> february = external();
        const auto moved = std::find_if(february.cbegin(), february.cend(), [](const Models::Appointment &a) {
            return a.title == u"Teambesprechung (verschoben)"_s;
        });
        QVERIFY(moved != february.cend());
        QVERIFY(week->rectForAppointment(moved->id).isValid());
        QVERIFY(week->rectForAppointment(moved->id).left() >= week->dayColumnRect(3).left());
        m_page->setDate(Monday.addDays(2));
    }

    void secondImportAndScreenshot()
    {
        const QString message = importThroughMenu(fixturePath(u"berlin-dst-weeks.ics"_s));
        QVERIFY2(message.contains(u"“Bereitschaft”: 4 events, 2 recurring."_s), qPrintable(message));
        Ui::CalendarDayWeekView *week = m_page->dayWeekView();
        // The daily 08:00 sits on the 08:00 line on Saturday (CET) and Sunday (CEST) alike.
        for (const Models::Appointment &a : external()) {
            if (a.title != u"Frühdienst Telefonhotline"_s)
                continue;
            const QDate day = a.start.toTimeZone(Berlin).date();
            if (day < Monday || day > Monday.addDays(6))
                continue;
            QCOMPARE(week->rectForAppointment(a.id).top(), week->yForMinute(8 * 60) + 1);
        }
        QApplication::processEvents();
        Tests::Desktop::snapshot(m_page.get(), u"calendar-imported-week"_s);
    }

    // The menu lists each import under "Block times on the booking page", unchecked until chosen;
    // the choice is stored with the import (no session here, so nothing is sent).
    void busyChoiceIsPerImportAndOffByDefault()
    {
        const QList<Client::ImportedCalendars::Calendar> calendars = m_context->importedCalendars()->calendars();
        QCOMPARE(calendars.size(), 2);
        QList<QAction *> choices = m_page->findChildren<QAction *>(u"countsAsBusyAction"_s);
        QCOMPARE(choices.size(), 2);
        QAction *choice = nullptr;
        for (QAction *candidate : choices) {
            QVERIFY(candidate->isCheckable());
            QVERIFY(!candidate->isChecked());
            if (candidate->data().toString() == calendars.at(1).id)
                choice = candidate;
        }
        QVERIFY(choice);
        QCOMPARE(choice->text(), u"Bereitschaft"_s);
        QVERIFY(!m_context->importedCalendars()->anyCountsAsBusy());
        choice->trigger();
        QVERIFY(m_context->importedCalendars()->calendars().at(1).countsAsBusy);
        QVERIFY(!m_context->importedCalendars()->calendars().at(0).countsAsBusy);
        // The menu is rebuilt with the mark where it is stored.
        const auto checkedInMenu = [&] {
            const QList<QAction *> actions = m_page->findChildren<QAction *>(u"countsAsBusyAction"_s);
            return actions.size() == 2 && std::any_of(actions.cbegin(), actions.cend(), [&](const QAction *a) {
                       return a->data() == calendars.at(1).id && a->isChecked();
                   });
        };
        QTRY_VERIFY(checkedInMenu());

        // How the menu looks, with the choice open.
        auto *menu = m_page->findChild<QMenu *>(u"calendarFilesMenu"_s);
        auto *button = m_page->findChild<QPushButton *>(u"calendarFilesButton"_s);
        QVERIFY(menu && button);
        menu->popup(button->mapToGlobal(QPoint(0, button->height())));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        auto *busyMenu = menu->findChild<QMenu *>(u"countsAsBusyMenu"_s);
        QVERIFY(busyMenu);
        menu->setActiveAction(busyMenu->menuAction());
        busyMenu->popup(menu->mapToGlobal(menu->actionGeometry(busyMenu->menuAction()).topRight()));
        QVERIFY(QTest::qWaitForWindowExposed(busyMenu));
        // Offscreen, menus are windows of their own on a small virtual screen: the picture puts them
        // where they open on a real one, the menu under the button and the submenu beside its row.
        const QString shots = qEnvironmentVariable("LOTSE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QPixmap picture = m_page->grab();
            QPainter painter(&picture);
            const QRect buttonRect(button->mapTo(m_page.get(), QPoint(0, 0)), button->size());
            const QPoint menuAt(buttonRect.right() - menu->width() + 1, buttonRect.bottom() + 2);
            const QRect row = menu->actionGeometry(busyMenu->menuAction());
            painter.drawPixmap(menuAt, menu->grab());
            painter.drawPixmap(menuAt + QPoint(-busyMenu->width(), row.top()), busyMenu->grab());
            painter.end();
            picture.save(shots + u"/calendar-import-export-menu.png"_s);
        }
        busyMenu->close();
        menu->close();
    }

    void badFilesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("web page") << QByteArray(
                                         "<!DOCTYPE html><html><body><h1>Sign in to your calendar</h1></body></html>\n")
                                  << u"web page (HTML)"_s;
        QTest::newRow("cut off") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n")
                                 << u"The file is incomplete"_s;
        QTest::newRow("Latin-1") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                                               "SUMMARY:M\xfcller\r\nDTSTART:20260101T100000Z\r\nEND:VEVENT\r\n"
                                               "END:VCALENDAR\r\n")
                                 << u"not UTF-8"_s;
        QTest::newRow("6 MB") << QByteArray(6 * 1024 * 1024, 'x') << u"larger than 5 MB"_s;
    }
    void badFilesAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString path = m_files.path() + u"/calendar.ics"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        const int before = int(m_context->calendar()->model()->rowCount());
        const QString message = importThroughMenu(path);
        QVERIFY2(message.contains(u"“calendar.ics” was not imported. Nothing was changed."_s), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QCOMPARE(m_context->calendar()->model()->rowCount(), before);
        QCOMPARE(m_context->importedCalendars()->calendars().size(), 2);
    }

    void exportTheVisibleWeek()
    {
        const QString path = m_files.path() + u"/week.ics"_s;
        whenModal<Ui::CalendarExportDialog>([](Ui::CalendarExportDialog *dialog) {
            // The visible week by default, names left out by default.
            QCOMPARE(dialog->firstDate(), Monday);
            QCOMPARE(dialog->lastDate(), Monday.addDays(6));
            QCOMPARE(dialog->findChild<QCheckBox *>(u"includeNamesCheckBox"_s)->isChecked(), false);
            Tests::Desktop::snapshot(dialog, u"calendar-export-dialog"_s);
            Tests::Desktop::click(dialog->findChild<QPushButton *>(u"exportConfirmButton"_s));
        });
        chooseInFileDialog(path, QFileDialog::AcceptSave);
        QString message;
        readMessageBox(&message);
        action(u"exportCalendarAction"_s)->trigger();
        QVERIFY2(message.contains(u"2 appointments exported to “week.ics”."_s), qPrintable(message));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ics = file.readAll();
        QCOMPARE(ics.count("BEGIN:VEVENT"), 2);
        QVERIFY(ics.contains("UID:b-video@lotse"));
        QVERIFY(ics.contains("UID:b-phone@lotse"));
        QVERIFY(!ics.contains("b-next-month"));
        QVERIFY(!ics.contains("Teambesprechung")); // imported items are not Lotse's to export
        // The name is on screen, but not in the file: names were not asked for.
        QCOMPARE(m_context->calendar()
                     ->model()
                     ->index(m_context->calendar()->model()->rowOf(u"b-video"_s))
                     .data(Qt::DisplayRole)
                     .toString(),
                 u"Maria Musterfrau"_s);
        QVERIFY(!ics.contains("Maria"));
        QVERIFY(!ics.contains("Musterfrau"));
        QVERIFY(ics.contains("BEGIN:VTIMEZONE"));

        // Read back, it is the same two appointments.
        QTemporaryDir dir;
        Client::ImportedCalendars readBack(dir.path());
        readBack.setTimeZone(Berlin);
        QVERIFY(readBack.importFile(path).ok());
        const auto back = readBack.occurrences(berlin(Monday, QTime(0, 0)), berlin(Monday.addDays(7), QTime(0, 0)));
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).uid, u"b-video@lotse"_s);
        QCOMPARE(back.at(0).start, berlin(Monday, QTime(9, 0)));
        QCOMPARE(back.at(0).end, berlin(Monday, QTime(9, 45)));
        QCOMPARE(back.at(0).summary, u"Counselling (video)"_s);
        QCOMPARE(back.at(1).start, berlin(Monday.addDays(3), QTime(15, 0)));
        QCOMPARE(back.at(1).summary, u"Counselling (phone)"_s);
    }

    // Names go in only when the advisor ticks the box, for one day here; the booking without an
    // opened name keeps its type alone.
    void exportWithNamesWhenChosen()
    {
        const QString path = m_files.path() + u"/monday-with-names.ics"_s;
        whenModal<Ui::CalendarExportDialog>([](Ui::CalendarExportDialog *dialog) {
            dialog->findChild<QDateEdit *>(u"toDateEdit"_s)->setDate(Monday);
            dialog->findChild<QCheckBox *>(u"includeNamesCheckBox"_s)->setChecked(true);
            Tests::Desktop::click(dialog->findChild<QPushButton *>(u"exportConfirmButton"_s));
        });
        chooseInFileDialog(path, QFileDialog::AcceptSave);
        QString message;
        readMessageBox(&message);
        action(u"exportCalendarAction"_s)->trigger();
        QVERIFY2(message.contains(u"1 appointment exported to “monday-with-names.ics”."_s), qPrintable(message));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ics = file.readAll();
        QCOMPARE(ics.count("BEGIN:VEVENT"), 1);
        QVERIFY(ics.contains("SUMMARY:Counselling (video): Maria Musterfrau"));
    }

    void importsSurviveARestartAndCanBeRemoved()
    {
        const int externalBefore = int(external().size());
        QVERIFY(externalBefore > 0);
        startApp();
        QCOMPARE(m_context->importedCalendars()->calendars().size(), 2);
        QCOMPARE(int(external().size()), externalBefore);

        const QList<Client::ImportedCalendars::Calendar> calendars = m_context->importedCalendars()->calendars();
        QCOMPARE(calendars.at(0).name, u"weekly-exceptions"_s);
        QAction *remove = nullptr;
        for (QAction *candidate : m_page->findChildren<QAction *>(u"removeImportedAction"_s)) {
            if (candidate->data().toString() == calendars.at(0).id)
                remove = candidate;
        }
        QVERIFY(remove);
        whenModal<QMessageBox>([](QMessageBox *box) {
            QVERIFY(box->text().contains(u"“weekly-exceptions”"_s));
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
            }
        });
        remove->trigger();
        QCOMPARE(m_context->importedCalendars()->calendars().size(), 1);
        for (const Models::Appointment &a : external())
            QVERIFY(a.title != u"Teambesprechung"_s);
        QVERIFY(!external().isEmpty());

        startApp();
        QCOMPARE(m_context->importedCalendars()->calendars().size(), 1);
        QCOMPARE(m_context->importedCalendars()->calendars().at(0).name, u"Bereitschaft"_s);
        QVERIFY(m_context->importedCalendars()->calendars().at(0).countsAsBusy);
    }
};

QTEST_MAIN(TestDesktopCalendarFiles)
#include "TestDesktopCalendarFiles.moc"
