#include "tests/desktop/DesktopTestSupport.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageAuthenticationCode>
#include <QPixmap>
#include <QProcess>
#include <QPushButton>
#include <QTest>
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

} // namespace Lotse::Tests::Desktop
