#include "tests/desktop/DesktopTestSupport.h"

#include "app/ClientContext.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "tests/support/TestHttpClient.h"
#include "ui/MainWindow.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageAuthenticationCode>
#include <QPixmap>
#include <QProcess>
#include <QPushButton>
#include <QTest>
#include <QUrl>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Lotse::Tests::Desktop {

void typeInto(QLineEdit *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClicks(field, text);
}

void click(QPushButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton);
}

QString totpCode(const QString &base32Secret, const QDateTime &time)
{
    static const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"_s;
    QByteArray secret;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : base32Secret) {
        const qsizetype value = alphabet.indexOf(c.toUpper());
        if (value < 0)
            continue;
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            secret.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    char counter[8];
    qToBigEndian(quint64(time.toSecsSinceEpoch() / 30), counter);
    const QByteArray mac = QMessageAuthenticationCode::hash(QByteArray(counter, 8), secret, QCryptographicHash::Sha1);
    const int offset = mac.at(19) & 0x0f;
    const quint32 binary = (quint32(uchar(mac.at(offset)) & 0x7f) << 24) | (quint32(uchar(mac.at(offset + 1))) << 16) |
                           (quint32(uchar(mac.at(offset + 2))) << 8) | quint32(uchar(mac.at(offset + 3)));
    return QString::number(binary % 1000000).rightJustified(6, u'0');
}

std::optional<QByteArray> secretServiceLookup(const QString &service, const QString &key)
{
    QProcess process;
    process.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, service, u"user"_s, key});
    if (!process.waitForFinished(15000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

void snapshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("LOTSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    window->grab().save(dir + u'/' + name + ".png"_L1);
}

QStringList visibleTexts(const QWidget *root)
{
    QStringList texts;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->isVisibleTo(root) && !label->text().isEmpty())
            texts.append(label->text());
    }
    for (const QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(root) && !button->text().isEmpty())
            texts.append(button->text());
    }
    for (const QGroupBox *box : root->findChildren<QGroupBox *>()) {
        if (box->isVisibleTo(root))
            texts.append(box->title());
    }
    for (const QListWidget *list : root->findChildren<QListWidget *>()) {
        for (int row = 0; row < list->count(); ++row)
            texts.append(list->item(row)->text());
    }
    return texts;
}

DesktopApp::DesktopApp(const QString &profileDir)
    : context(std::make_unique<Client::ClientContext>(profileDir))
{
    context->languages()->setLanguage(u"en"_s);
    window = std::make_unique<Ui::MainWindow>(context.get());
    window->resize(1180, 760);
    window->show();
    context->session()->start();
}

DesktopApp::~DesktopApp()
{
    // The window first: it still uses the context while it closes.
    window.reset();
    context.reset();
}

QWidget *DesktopApp::mainWindow() const
{
    return window.get();
}

bool DesktopApp::showing(const QString &name) const
{
    auto *widget = find<QWidget>(name);
    return widget && widget->isVisible();
}

void DesktopApp::openSection(const QString &title) const
{
    auto *sidebar = find<QListWidget>(u"sidebarListWidget"_s);
    for (int row = 0; row < sidebar->count(); ++row) {
        if (sidebar->item(row)->text() == title)
            sidebar->setCurrentRow(row);
    }
}

int DesktopApp::roomRow(const QString &roomId) const
{
    auto *list = find<QListWidget>(u"roomsListWidget"_s);
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole + 43).toString() == roomId)
            return row;
    }
    return -1;
}

void DesktopApp::clickRoom(const QString &roomId) const
{
    auto *list = find<QListWidget>(u"roomsListWidget"_s);
    QListWidgetItem *item = list->item(roomRow(roomId));
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

bool DesktopApp::signIn(const QUrl &server, const QString &user, const QString &password) const
{
    if (!QTest::qWaitFor([this] { return showing(u"signInPage"_s); }, 10000))
        return false;
    typeInto(find<QLineEdit>(u"serverLineEdit"_s), server.toString());
    typeInto(find<QLineEdit>(u"usernameLineEdit"_s), user);
    typeInto(find<QLineEdit>(u"passwordLineEdit"_s), password);
    click(find<QPushButton>(u"signInButton"_s));
    return QTest::qWaitFor([this] { return showing(u"workspace"_s); }, 20000);
}

QString openEveryHourForVideo(TestHttpClient &http, const QString &token)
{
    QJsonObject weekly;
    for (const QString &day : {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s})
        weekly.insert(day, QJsonArray{QJsonObject{{u"start"_s, u"00:00"_s}, {u"end"_s, u"23:45"_s}}});
    const QJsonObject availability{
        {u"timeZone"_s, u"Europe/Berlin"_s},
        {u"weekly"_s, weekly},
        {u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 45}}}},
        {u"minimumNoticeMinutes"_s, 60},
        {u"slotStepMinutes"_s, 60}};
    const auto put = http.send("PUT", u"/api/v1/me/availability"_s, QJsonDocument(availability).toJson(),
                               {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token.toLatin1()}});
    return put.status == 200 ? QString() : QString::fromUtf8(put.body.isEmpty() ? "no answer" : put.body);
}

QString requestStatus(TestHttpClient &http, const QString &token, const QString &id)
{
    const auto reply = http.get(u"/api/v1/requests?status=all"_s, token);
    for (const QJsonValue &value : reply.json().value("requests"_L1).toArray()) {
        if (value.toObject().value("id"_L1).toString() == id)
            return value.toObject().value("status"_L1).toString();
    }
    return {};
}

} // namespace Lotse::Tests::Desktop
