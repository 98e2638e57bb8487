// The three .ts files are complete and current: every message translated (no unfinished,
// vanished or obsolete entries, every plural form filled), the same messages in each language,
// placeholders kept, German and Ukrainian really translated, and nothing in app/ or ui/ that
// lupdate would add. Then the compiled catalogues load and switch at runtime.
#include "app/LanguageManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    QString type;             // the <translation type="..."> attribute
    bool numerus = false;
};

struct TsFile
{
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile parse(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "TS"_L1) {
                ts.language = xml.attributes().value("language"_L1).toString();
            } else if (name == "name"_L1) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                message = Message{context, {}, {}, {}, xml.attributes().value("numerus"_L1) == "yes"_L1};
            } else if (name == "source"_L1) {
                message.source = xml.readElementText();
            } else if (name == "translation"_L1) {
                message.type = xml.attributes().value("type"_L1).toString();
                if (!message.numerus)
                    message.translations.append(xml.readElementText());
            } else if (name == "numerusform"_L1) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            ts.messages.append(message);
        }
    }
    if (xml.hasError())
        ts.error = xml.errorString();
    return ts;
}

QString sourceDir()
{
    return qEnvironmentVariable("LOTSE_SOURCE_DIR", QStringLiteral(LOTSE_SOURCE_DIR));
}

QSet<QString> keys(const TsFile &ts)
{
    QSet<QString> result;
    for (const Message &message : ts.messages)
        result.insert(message.context + u'\x1f' + message.source);
    return result;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d|n)"_s);
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("pluralForms");
        QTest::newRow("German") << u"de"_s << u"de_DE"_s << 2;
        QTest::newRow("English") << u"en"_s << u"en"_s << 2;
        QTest::newRow("Ukrainian") << u"uk"_s << u"uk_UA"_s << 3;
    }

    void complete()
    {
        QFETCH(QString, code);
        QFETCH(QString, language);
        QFETCH(int, pluralForms);
        const TsFile ts = parse(sourceDir() + "/translations/lotse_"_L1 + code + ".ts"_L1);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, language);
        QVERIFY2(ts.messages.size() > 50, "suspiciously few messages");
        for (const Message &message : ts.messages) {
            const QString where = message.context + u": "_s + message.source;
            QVERIFY2(message.type.isEmpty(), qPrintable(message.type + u" entry: "_s + where));
            QCOMPARE(message.translations.size(), message.numerus ? pluralForms : 1);
            for (const QString &translation : message.translations) {
                QVERIFY2(!translation.trimmed().isEmpty(), qPrintable(u"empty translation: "_s + where));
                QVERIFY2(placeholders(translation) == placeholders(message.source) ||
                             (message.numerus &&
                              placeholders(translation) + QSet<QString>{u"%n"_s} == placeholders(message.source)),
                         qPrintable(u"placeholders differ: "_s + where + u" -> "_s + translation));
            }
            if (code != "en"_L1 && message.source.size() > 12) {
                QVERIFY2(message.translations.first() != message.source, qPrintable(u"left in English: "_s + where));
            }
            if (code == "uk"_L1 && message.source.contains(QRegularExpression(u"[a-z]{4}"_s)) &&
                message.source.size() > 12) {
                QVERIFY2(message.translations.first().contains(QRegularExpression(u"[\\x{0400}-\\x{04FF}]"_s)),
                         qPrintable(u"no Ukrainian text: "_s + where));
            }
        }
    }

    void sameMessagesInEveryLanguage()
    {
        const QSet<QString> german = keys(parse(sourceDir() + "/translations/lotse_de.ts"_L1));
        QCOMPARE(keys(parse(sourceDir() + "/translations/lotse_en.ts"_L1)), german);
        QCOMPARE(keys(parse(sourceDir() + "/translations/lotse_uk.ts"_L1)), german);
    }

    // What lupdate finds in app/ and ui/ today is exactly what the .ts files hold.
    void notStale()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(u"fresh_de.ts"_s);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        // -I lets lupdate read the headers, so contexts carry their namespaces as in the build.
        lupdate.start(QStringLiteral(LOTSE_LUPDATE),
                      {u"-locations"_s, u"none"_s, u"-silent"_s, u"-I"_s, sourceDir(), sourceDir() + "/app"_L1,
                       sourceDir() + "/ui"_L1, u"-ts"_s, fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        const QSet<QString> current = keys(parse(fresh));
        const QSet<QString> committed = keys(parse(sourceDir() + "/translations/lotse_de.ts"_L1));
        QVERIFY2(current == committed,
                 qPrintable(u"run the update_translations target; new: "_s +
                            QStringList((current - committed).values()).join(u" | "_s) + u"; gone: "_s +
                            QStringList((committed - current).values()).join(u" | "_s)));
    }

    void catalogsLoadAndSwitch()
    {
        QTemporaryDir dir;
        Lotse::Client::LanguageManager languages(dir.filePath(u"lotse.ini"_s));
        QVERIFY(languages.setLanguage(u"de"_s));
        QCOMPARE(QCoreApplication::translate("Lotse::Ui::SignInPage", "Sign in"), u"Anmelden"_s);
        QVERIFY(languages.setLanguage(u"uk"_s));
        QCOMPARE(QCoreApplication::translate("Lotse::Ui::SignInPage", "Sign in"), u"Увійти"_s);
        QCOMPARE(QCoreApplication::translate("Lotse::Client::ApiError",
                                             "Too many sign-in attempts. Please try again in %n minute(s).", nullptr,
                                             5),
                 u"Забагато спроб входу. Спробуйте ще раз через 5 хвилин."_s);
        QVERIFY(languages.setLanguage(u"en"_s));
        QCOMPARE(QCoreApplication::translate("Lotse::Client::ApiError",
                                             "Too many sign-in attempts. Please try again in %n minute(s).", nullptr,
                                             1),
                 u"Too many sign-in attempts. Please try again in 1 minute."_s);
        QVERIFY(!languages.setLanguage(u"xx"_s));
        QCOMPARE(languages.currentLanguage(), u"en"_s);
        QCOMPARE(languages.chosenLanguage(), u"en"_s);
        QVERIFY(languages.setLanguage(QString()));
        QVERIFY(languages.chosenLanguage().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
