// The availability page against a real lotse-server: the advisor marks hours on the week grid
// with the mouse (drag to mark, drag over marked time to clear, a click for one step) and the
// keyboard (Shift+arrows, Space), offers a type, saves, and the server's
// /api/v1/me/availability holds exactly those ranges. A value the server refuses shows its
// message next to the field, and nothing is stored.
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "crypto/Crypto.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/WeekGridWidget.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

const QString Org = u"mbe-west"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;

struct App
{
    explicit App(const QString &profileDir)
        : context(std::make_unique<Client::ClientContext>(profileDir))
    {
        context->languages()->setLanguage(u"en"_s);
        window = std::make_unique<Ui::MainWindow>(context.get());
        window->resize(1180, 800);
        window->show();
        context->session()->start();
    }
    ~App()
    {
        window.reset();
        context.reset();
    }
    template<typename T>
    T *find(const QString &name) const
    {
        return window->findChild<T *>(name);
    }
    bool showing(const QString &name) const
    {
        auto *widget = find<QWidget>(name);
        return widget && widget->isVisible();
    }

    std::unique_ptr<Client::ClientContext> context;
    std::unique_ptr<Ui::MainWindow> window;
};

// {"mon": ["09:00-10:00", ...], ...} from the server's JSON, for readable comparisons.
QMap<QString, QStringList> weeklyOf(const QJsonObject &availability)
{
    QMap<QString, QStringList> result;
    const QJsonObject weekly = availability.value("weekly"_L1).toObject();
    for (auto it = weekly.constBegin(); it != weekly.constEnd(); ++it) {
        QStringList ranges;
        for (const QJsonValue &range : it.value().toArray())
            ranges.append(range.toObject().value("start"_L1).toString() + u'-' +
                          range.toObject().value("end"_L1).toString());
        if (!ranges.isEmpty())
            result.insert(it.key(), ranges);
    }
    return result;
}

} // namespace

class TestDesktopAvailability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QVERIFY(m_server.createOrg(Org, u"Migrationsberatung West"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY(!m_token.isEmpty());
        m_profile = std::make_unique<QTemporaryDir>();

        m_app = std::make_unique<App>(m_profile->path());
        QTRY_VERIFY(m_app->showing(u"signInPage"_s));
        typeInto(m_app->find<QLineEdit>(u"serverLineEdit"_s), m_server.baseUrl().toString());
        typeInto(m_app->find<QLineEdit>(u"usernameLineEdit"_s), Anna);
        typeInto(m_app->find<QLineEdit>(u"passwordLineEdit"_s), AnnaPassword);
        click(m_app->find<QPushButton>(u"signInButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_app->showing(u"workspace"_s), 20000);
        auto *sidebar = m_app->find<QListWidget>(u"sidebarListWidget"_s);
        for (int row = 0; row < sidebar->count(); ++row) {
            if (sidebar->item(row)->text() == "Availability"_L1)
                sidebar->setCurrentRow(row);
        }
        QTRY_VERIFY(m_app->showing(u"availabilityPage"_s));
        // Loaded from the server: the page becomes usable.
        QTRY_VERIFY_WITH_TIMEOUT(m_app->find<QWidget>(u"saveAvailabilityButton"_s)->isEnabled(), 20000);
        QVERIFY(m_app->find<QWidget>(u"weekGridWidget"_s)->isEnabled());
        QVERIFY(m_app->find<QLabel>(u"availabilityErrorLabel"_s)->isHidden());
    }

    void cleanupTestCase() { m_app.reset(); }

    void editTheGridAndSave()
    {
        auto *grid = m_app->find<Ui::WeekGridWidget>(u"weekGridWidget"_s);
        auto *step = m_app->find<QComboBox>(u"stepComboBox"_s);
        step->setCurrentIndex(step->findData(15));
        QCOMPARE(grid->stepMinutes(), 15);
        grid->setRanges({}); // start from an empty week whatever the server's default is
        const auto at = [grid](int day, int hour, int minute) {
            return grid->cellRect(day, hour * 60 + minute).center();
        };

        // Monday: drag from 09:00 down to the 11:45 step → 09:00–12:00.
        QTest::mousePress(grid, Qt::LeftButton, {}, at(0, 9, 0));
        QTest::mouseMove(grid, at(0, 10, 30));
        QTest::mouseMove(grid, at(0, 11, 45));
        QTest::mouseRelease(grid, Qt::LeftButton, {}, at(0, 11, 45));
        // ... then clear 10:00–10:45 by dragging over marked time: two ranges that day.
        QTest::mousePress(grid, Qt::LeftButton, {}, at(0, 10, 0));
        QTest::mouseMove(grid, at(0, 10, 45));
        QTest::mouseRelease(grid, Qt::LeftButton, {}, at(0, 10, 45));
        // Tuesday: one click marks one step.
        QTest::mouseClick(grid, Qt::LeftButton, {}, at(1, 14, 0));
        // Wednesday with the keyboard: a click puts the cursor at 10:00 (and marks it); Shift+Down
        // stretches the selection to 10:45, Space marks the whole selection.
        QTest::mouseClick(grid, Qt::LeftButton, {}, at(2, 10, 0));
        QVERIFY(grid->hasFocus());
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(grid, Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(grid, Qt::Key_Space);
        // Thursday: marked by keyboard and cleared again with Delete.
        QTest::keyClick(grid, Qt::Key_Right);
        QTest::keyClick(grid, Qt::Key_Space);
        QTest::keyClick(grid, Qt::Key_Delete);

        auto *video = m_app->find<QCheckBox>(u"videoCheckBox"_s);
        if (!video->isChecked())
            QTest::mouseClick(video, Qt::LeftButton, {}, QPoint(8, video->height() / 2));
        QVERIFY(video->isChecked());
        auto *duration = m_app->find<QSpinBox>(u"videoDurationSpinBox"_s);
        duration->setFocus();
        duration->selectAll();
        QTest::keyClicks(duration, u"50"_s);
        QCOMPARE(duration->value(), 50);
        m_app->find<QComboBox>(u"timeZoneComboBox"_s)->setCurrentText(u"Europe/Berlin"_s);
        snapshot(m_app->window.get(), u"availability"_s);

        click(m_app->find<QPushButton>(u"saveAvailabilityButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->find<QLabel>(u"availabilityStatusLabel"_s)->text(), u"Saved."_s, 20000);

        const auto reply = m_http->get(u"/api/v1/me/availability"_s, m_token);
        QCOMPARE(reply.status, 200);
        const QMap<QString, QStringList> expected{{u"mon"_s, {u"09:00-10:00"_s, u"11:00-12:00"_s}},
                                                  {u"tue"_s, {u"14:00-14:15"_s}},
                                                  {u"wed"_s, {u"10:00-11:00"_s}}};
        QCOMPARE(weeklyOf(reply.json()), expected);
        QCOMPARE(reply.json().value("timeZone"_L1).toString(), u"Europe/Berlin"_s);
        QCOMPARE(reply.json().value("slotStepMinutes"_L1).toInt(), 15);
        bool videoOffered = false;
        for (const QJsonValue &type : reply.json().value("types"_L1).toArray()) {
            if (type.toObject().value("type"_L1).toString() == "video"_L1) {
                videoOffered = true;
                QCOMPARE(type.toObject().value("durationMinutes"_L1).toInt(), 50);
            }
        }
        QVERIFY(videoOffered);
    }

    void serverValidationErrorShowsNextToTheField()
    {
        auto *zone = m_app->find<QComboBox>(u"timeZoneComboBox"_s);
        zone->setFocus();
        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), u"Mars/Olympus_Mons"_s);
        click(m_app->find<QPushButton>(u"saveAvailabilityButton"_s));
        auto *zoneError = m_app->find<QLabel>(u"timeZoneErrorLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(zoneError->isVisible(), 20000);
        QVERIFY(!zoneError->text().isEmpty());
        QVERIFY(m_app->find<QLabel>(u"availabilityErrorLabel"_s)->isVisible());
        QVERIFY(m_app->find<QLabel>(u"availabilityStatusLabel"_s)->text() != u"Saved."_s);
        // The error label sits right under the field it is about.
        QCOMPARE(zoneError->parentWidget(), zone->parentWidget());
        snapshot(m_app->window.get(), u"availability-error"_s);
        // Nothing was stored.
        const auto reply = m_http->get(u"/api/v1/me/availability"_s, m_token);
        QCOMPARE(reply.json().value("timeZone"_L1).toString(), u"Europe/Berlin"_s);

        // Fixing it and saving again clears the message.
        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), u"Europe/Kyiv"_s);
        click(m_app->find<QPushButton>(u"saveAvailabilityButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->find<QLabel>(u"availabilityStatusLabel"_s)->text(), u"Saved."_s, 20000);
        QVERIFY(zoneError->isHidden());
        QCOMPARE(m_http->get(u"/api/v1/me/availability"_s, m_token).json().value("timeZone"_L1).toString(),
                 u"Europe/Kyiv"_s);
    }

    void absencesAreSaved()
    {
        auto *from = m_app->find<QDateEdit>(u"absenceFromDateEdit"_s);
        auto *to = m_app->find<QDateEdit>(u"absenceToDateEdit"_s);
        from->setDate(QDate(2026, 12, 24));
        to->setDate(QDate(2026, 12, 27));
        typeInto(m_app->find<QLineEdit>(u"absenceLabelLineEdit"_s), u"Urlaub"_s);
        click(m_app->find<QPushButton>(u"addAbsenceButton"_s));
        QCOMPARE(m_app->find<QListWidget>(u"absencesListWidget"_s)->count(), 1);
        click(m_app->find<QPushButton>(u"saveAvailabilityButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->find<QLabel>(u"availabilityStatusLabel"_s)->text(), u"Saved."_s, 20000);
        const QJsonArray absences =
            m_http->get(u"/api/v1/me/availability"_s, m_token).json().value("absences"_L1).toArray();
        QCOMPARE(absences.size(), 1);
        // Whole days: from the first day's midnight to the midnight after the last.
        QCOMPARE(absences.at(0).toObject().value("start"_L1).toString(), u"2026-12-24T00:00"_s);
        QCOMPARE(absences.at(0).toObject().value("end"_L1).toString(), u"2026-12-28T00:00"_s);
        QCOMPARE(absences.at(0).toObject().value("label"_L1).toString(), u"Urlaub"_s);
    }

    void autoConfirmIsAnOrganisationSetting()
    {
        auto *autoConfirm = m_app->find<QCheckBox>(u"autoConfirmCheckBox"_s);
        const bool before = autoConfirm->isChecked();
        QCOMPARE(m_http->get(u"/api/v1/org/settings"_s, m_token).json().value("autoConfirm"_L1).toBool(), before);
        autoConfirm->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http->get(u"/api/v1/org/settings"_s, m_token).json().value("autoConfirm"_L1).toBool(), !before, 20000);
    }

    // The page follows a language switch at runtime, the week grid's day names included.
    void switchesLanguage()
    {
        m_app->context->languages()->setLanguage(u"de"_s);
        QTRY_COMPARE(m_app->find<QPushButton>(u"saveAvailabilityButton"_s)->text(), u"Speichern"_s);
        QCOMPARE(m_app->find<QCheckBox>(u"autoConfirmCheckBox"_s)->text(), u"Neue Buchungen automatisch bestätigen"_s);
        auto *step = m_app->find<QComboBox>(u"stepComboBox"_s);
        QCOMPARE(step->itemText(step->findData(15)), u"15 Minuten"_s);
        snapshot(m_app->window.get(), u"availability-de"_s);
        m_app->context->languages()->setLanguage(u"uk"_s);
        QTRY_COMPARE(m_app->find<QPushButton>(u"saveAvailabilityButton"_s)->text(), u"Зберегти"_s);
        snapshot(m_app->window.get(), u"availability-uk"_s);
        m_app->context->languages()->setLanguage(u"en"_s);
        QTRY_COMPARE(m_app->find<QPushButton>(u"saveAvailabilityButton"_s)->text(), u"Save"_s);
    }

private:
    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<App> m_app;
};

QTEST_MAIN(TestDesktopAvailability)
#include "TestDesktopAvailability.moc"
