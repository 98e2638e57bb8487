// Issue 6 end to end across the two clients that were built apart (CONTRACT-6 part B): a real
// lotse-server, the desktop app (the real MainWindow, offscreen, signed in, so its device is
// registered) and the real booking and room pages in Debian's Chromium (playwright-core, driven by
// browser-help-seeker.mjs over a line protocol). The help-seeker books on the booking page (the
// browser makes and keeps its key), the desktop confirms the request and opens the conversation;
// then chat both ways, a PNG from the page saved byte-identical by the desktop, a file from the
// desktop downloaded byte-identical through the page, and the same verification code on both sides.
#include "tests/desktop/BrowserSide.h"
#include "tests/desktop/DesktopTestSupport.h"
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "app/ClientContext.h"
#include "app/RequestsModel.h"
#include "app/RequestsService.h"
#include "app/RoomService.h"
#include "crypto/Crypto.h"
#include "crypto/Random.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QBuffer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Lotse;
using namespace Lotse::Tests::Desktop;
using Lotse::Tests::TestHttpClient;
using Lotse::Tests::TestServer;

namespace {

const QString Org = u"beratung-west"_s;
const QString Anna = u"anna.berger"_s;
const QString AnnaPassword = u"Sonnenblume-42-Wiese"_s;

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

// Types `path` into the file name field of the file dialog that opens next and clicks Open/Save.
void chooseInFileDialog(const QString &path, QFileDialog::AcceptMode expectedMode)
{
    whenModal<QFileDialog>([path, expectedMode](QFileDialog *dialog) {
        QCOMPARE(dialog->acceptMode(), expectedMode);
        auto *nameEdit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
        auto *buttons = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
        QVERIFY(nameEdit && buttons);
        nameEdit->setText(path);
        QPushButton *confirm =
            buttons->button(expectedMode == QFileDialog::AcceptOpen ? QDialogButtonBox::Open : QDialogButtonBox::Save);
        QVERIFY(confirm && confirm->isEnabled());
        confirm->click();
    });
}

// A small real PNG: two colour bands and a diagonal, so it is not all zeros.
QByteArray makePng(int width, int height, const QColor &colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.fillRect(0, 0, width, height / 2, colour);
    painter.setPen(Qt::black);
    painter.drawLine(0, 0, width - 1, height - 1);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct App : DesktopApp
{
    using DesktopApp::DesktopApp;
    QString history() const { return find<QTextBrowser>(u"chatHistoryBrowser"_s)->toPlainText(); }
    // Clicks the link `href` in the chat history, where the advisor would.
    bool clickHistoryLink(const QString &href) const
    {
        auto *browser = find<QTextBrowser>(u"chatHistoryBrowser"_s);
        for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
            for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
                if (fragment.fragment().charFormat().anchorHref() != href)
                    continue;
                QTextCursor cursor(browser->document());
                cursor.setPosition(fragment.fragment().position() + fragment.fragment().length() / 2);
                browser->setTextCursor(cursor);
                browser->ensureCursorVisible();
                QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(cursor).center());
                return true;
            }
        }
        return false;
    }
};

} // namespace

class TestDesktopBrowserRoom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        Ui::Theme::apply(*qApp);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        // Pinned early tomorrow, with every hour of every day bookable: nothing depends on the time of day.
        m_server.setNow(QDateTime(QDateTime::currentDateTimeUtc().date().addDays(1), QTime(5, 0), QTimeZone::utc()));
        QVERIFY(m_server.createOrg(Org, u"Beratungsstelle West"_s));
        QVERIFY(m_server.createAdvisor(Org, Anna, AnnaPassword, u"Anna Berger"_s));
        m_http = std::make_unique<TestHttpClient>(m_server.baseUrl());
        m_token = m_http->login(Anna, AnnaPassword);
        QVERIFY2(!m_token.isEmpty(), m_http->lastReply().body.constData());
        const QString availability = openEveryHourForVideo(*m_http, m_token);
        QVERIFY2(availability.isEmpty(), qPrintable(availability));
        QVERIFY(m_profile.isValid() && m_files.isValid());
        QVERIFY2(m_browser.start(u"browser-help-seeker.mjs"_s, {m_server.baseUrl().toString(), Org}),
                 "node did not start (LOTSE_NODE)");
        const QJsonObject opened = m_browser.call(u"open"_s);
        BROWSER_OK(opened);
    }

    void cleanupTestCase()
    {
        m_browser.stop();
        m_app.reset();
    }

    // The desktop signs in first: its device is registered, so the booking page seals to it.
    void desktopSignsIn()
    {
        m_app = std::make_unique<App>(m_profile.path());
        QVERIFY(m_app->signIn(m_server.baseUrl(), Anna, AnnaPassword));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http->get(u"/api/v1/devices"_s, m_token).json().value("devices"_L1).toArray().size(), 1, 20000);
    }

    // Booked on the booking page in Chromium; the desktop opens the sealed name and confirms.
    void bookedInTheBrowserConfirmedOnTheDesktop()
    {
        const QJsonObject booked = m_browser.call(
            u"book"_s,
            {{u"firstName"_s, u"Mariam"_s}, {u"lastName"_s, u"Nouri"_s}, {u"email"_s, u"mariam@example.org"_s}});
        BROWSER_OK(booked);
        m_manageUrl = booked.value("manageUrl"_L1).toString();
        const QString token = m_manageUrl.section(u'#', 1);
        const auto booking =
            m_http->send("GET", u"/api/v1/manage/booking"_s, {}, {{"Authorization", "Bearer " + token.toLatin1()}});
        QVERIFY2(booking.status == 200, booking.body.constData());
        m_bookingId = booking.json().value("booking"_L1).toObject().value("id"_L1).toString();
        QVERIFY(!m_bookingId.isEmpty());

        m_app->openSection(u"Requests"_s);
        click(m_app->find<QPushButton>(u"refreshButton"_s));
        auto *requests = m_app->context->requests()->model();
        QTRY_VERIFY_WITH_TIMEOUT(requests->rowOf(m_bookingId) >= 0, 20000);
        auto *list = m_app->find<QListView>(u"requestsListView"_s);
        const QModelIndex index = list->model()->index(requests->rowOf(m_bookingId), 0);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Mariam Nouri"_s);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        QTRY_COMPARE(m_app->find<QLabel>(u"requestNameLabel"_s)->text(), u"Mariam Nouri"_s);
        click(m_app->find<QPushButton>(u"confirmButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            list->model()->index(requests->rowOf(m_bookingId), 0).data(Client::RequestsModel::StatusRole).toString(),
            u"confirmed"_s, 20000);
        // The change goes through the desktop's outbox: the help-seeker sees it once the server has it.
        QTRY_COMPARE_WITH_TIMEOUT(requestStatus(*m_http, m_token, m_bookingId), u"confirmed"_s, 30000);
    }

    // The help-seeker goes from the manage page into the room (the page makes epoch 1); the
    // desktop opens the same conversation with the key the page sealed to it.
    void bothOpenTheRoom()
    {
        const QJsonObject room = m_browser.call(u"openRoom"_s, {{u"manageUrl"_s, m_manageUrl}});
        BROWSER_OK(room);
        m_app->openSection(u"Conversations"_s);
        m_app->context->rooms()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_app->roomRow(m_bookingId) >= 0, 20000);
        auto *list = m_app->find<QListWidget>(u"roomsListWidget"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->item(m_app->roomRow(m_bookingId))->text(), u"Mariam Nouri"_s, 20000);
        m_app->clickRoom(m_bookingId);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->context->rooms()->room(m_bookingId)->ready, 20000);
        QCOMPARE(m_app->context->rooms()->room(m_bookingId)->currentEpoch, 1u);
        QCOMPARE(m_app->find<QLabel>(u"chatTitleLabel"_s)->text(), u"Mariam Nouri"_s);
    }

    void sameVerificationCode()
    {
        auto *label = m_app->find<QLabel>(u"verificationCodeLabel"_s);
        QTRY_VERIFY(label->text().contains(QRegularExpression(u"^\\d{4} \\d{4} \\d{4} \\d{4}$"_s)));
        const QJsonObject shown = m_browser.call(u"codes"_s);
        BROWSER_OK(shown);
        QCOMPARE(shown.value("codes"_L1).toArray(), QJsonArray{label->text()});
        QCOMPARE(shown.value("devices"_L1).toArray(), QJsonArray{u"Anna Berger"_s});
    }

    void chatBothWays()
    {
        const QString question = u"Guten Tag, ich habe Post vom Jobcenter bekommen – können Sie helfen? Ünïcødé ✓"_s;
        const QJsonObject sent = m_browser.call(u"send"_s, {{u"text"_s, question}});
        BROWSER_OK(sent);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->history().contains(question), 20000);

        const QString reply = u"Gern, Frau Nouri. Schicken Sie mir ein Foto des Briefs."_s;
        auto *composer = m_app->find<QPlainTextEdit>(u"composerTextEdit"_s);
        composer->setFocus();
        QTest::keyClicks(composer, reply);
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(composer->toPlainText().isEmpty());
        const QJsonObject received = m_browser.call(u"received"_s, {{u"text"_s, reply}});
        BROWSER_OK(received);
        QCOMPARE(received.value("who"_L1).toString(), u"Anna Berger"_s);
        QTRY_VERIFY(m_app->history().contains(u"sent"_s));
    }

    // A PNG chosen on the page; the advisor saves it through the history's link and the file dialog.
    void fileFromTheBrowserSavedOnTheDesktop()
    {
        const QByteArray photo = makePng(96, 64, QColor(10, 91, 176));
        QVERIFY(photo.startsWith("\x89PNG"));
        const QString source = m_files.filePath(u"brief-jobcenter.png"_s);
        QVERIFY(writeFile(source, photo));
        const QJsonObject uploaded = m_browser.call(u"upload"_s, {{u"path"_s, source}});
        BROWSER_OK(uploaded);

        const Client::Room *room = m_app->context->rooms()->room(m_bookingId);
        QString fileId;
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(room->entries.cbegin(), room->entries.cend(),
                                             [&](const Client::ChatEntry &entry) {
                                                 if (entry.kind != Client::ChatEntry::Kind::File ||
                                                     entry.fileName != "brief-jobcenter.png"_L1)
                                                     return false;
                                                 fileId = entry.fileId;
                                                 return true;
                                             }),
                                 20000);
        QTRY_VERIFY(m_app->history().contains(u"brief-jobcenter.png"_s));
        snapshot(m_app->window.get(), u"browser-room-desktop-file"_s);

        const QString target = m_files.filePath(u"saved/brief-jobcenter.png"_s);
        QVERIFY(QDir(m_files.path()).mkpath(u"saved"_s));
        chooseInFileDialog(target, QFileDialog::AcceptSave);
        QVERIFY(m_app->clickHistoryLink(u"lotse-save:"_s + fileId));
        auto *transfer = m_app->find<QLabel>(u"transferLabel"_s);
        QTRY_COMPARE_WITH_TIMEOUT(transfer->text(), u"The file was saved."_s, 20000);
        QCOMPARE(readFile(target), photo);
    }

    // A file chosen with the desktop's Attach button; downloaded and saved through the page.
    void fileFromTheDesktopDownloadedInTheBrowser()
    {
        const QByteArray form = makePng(120, 80, QColor(30, 123, 52));
        const QString source = m_files.filePath(u"Formular Weiterbewilligung.png"_s);
        QVERIFY(writeFile(source, form));
        const QByteArray letter = "Antrag auf Weiterbewilligung – bitte bis Freitag unterschreiben.\n" +
                                  Crypto::randomBytes(70 * 1024).toBase64(); // more than one 64 KiB chunk
        const QString letterSource = m_files.filePath(u"Hinweise.txt"_s);
        QVERIFY(writeFile(letterSource, letter));
        auto *transfer = m_app->find<QLabel>(u"transferLabel"_s);

        for (const QString &path : {source, letterSource}) {
            chooseInFileDialog(path, QFileDialog::AcceptOpen);
            click(m_app->find<QPushButton>(u"attachButton"_s));
            QTRY_COMPARE_WITH_TIMEOUT(transfer->text(), u"The file was sent."_s, 20000);
        }

        const QString imageCopy = m_files.filePath(u"from-page.png"_s);
        const QJsonObject image =
            m_browser.call(u"download"_s, {{u"name"_s, u"Formular Weiterbewilligung.png"_s}, {u"saveTo"_s, imageCopy}});
        BROWSER_OK(image);
        QCOMPARE(image.value("suggestedName"_L1).toString(), u"Formular Weiterbewilligung.png"_s);
        QCOMPARE(image.value("previewWidth"_L1).toInt(), 120); // the desktop's MIME type lets the page preview it
        QCOMPARE(readFile(imageCopy), form);

        const QString letterCopy = m_files.filePath(u"from-page.txt"_s);
        const QJsonObject text =
            m_browser.call(u"download"_s, {{u"name"_s, u"Hinweise.txt"_s}, {u"saveTo"_s, letterCopy}});
        BROWSER_OK(text);
        QCOMPARE(text.value("suggestedName"_L1).toString(), u"Hinweise.txt"_s);
        QCOMPARE(readFile(letterCopy), letter);
        snapshot(m_app->window.get(), u"browser-room-desktop-end"_s);
    }

    // Nothing either side showed was an undecryptable line, and the page logged no errors.
    void nothingBroke()
    {
        QVERIFY(!m_app->history().contains(u"could not be decrypted"_s));
        const QJsonObject problems = m_browser.call(u"problems"_s);
        BROWSER_OK(problems);
        QStringList unexpected;
        for (const QJsonValue &problem : problems.value("problems"_L1).toArray()) {
            if (!problem.toString().contains(QRegularExpression(u"status of 40[14]"_s)))
                unexpected.append(problem.toString());
        }
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u'\n')));
    }

private:
    TestServer m_server;
    std::unique_ptr<TestHttpClient> m_http;
    QString m_token;
    QTemporaryDir m_profile;
    QTemporaryDir m_files;
    BrowserSide m_browser;
    std::unique_ptr<App> m_app;
    QString m_manageUrl;
    QString m_bookingId;
};

QTEST_MAIN(TestDesktopBrowserRoom)
#include "TestDesktopBrowserRoom.moc"
