// With no saved choice, Lotse speaks the system's language (here Ukrainian, set through the
// environment by CMake), and falls back to English for a language it does not have.
#include "app/LanguageManager.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Lotse::Client::LanguageManager;

class TestSystemLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheSystemLanguage()
    {
        QCOMPARE(LanguageManager::systemLanguage(), u"uk"_s);
        QTemporaryDir dir;
        LanguageManager languages(dir.filePath(u"lotse.ini"_s));
        QVERIFY(languages.chosenLanguage().isEmpty());
        languages.apply();
        QCOMPARE(languages.currentLanguage(), u"uk"_s);
        QCOMPARE(QCoreApplication::translate("Lotse::Ui::SignInPage", "Sign in"), u"Увійти"_s);
    }

    void aSavedChoiceWins()
    {
        QTemporaryDir dir;
        {
            LanguageManager first(dir.filePath(u"lotse.ini"_s));
            QVERIFY(first.setLanguage(u"de"_s));
        }
        LanguageManager later(dir.filePath(u"lotse.ini"_s));
        later.apply();
        QCOMPARE(later.currentLanguage(), u"de"_s);
        QCOMPARE(QCoreApplication::translate("Lotse::Ui::SignInPage", "Sign in"), u"Anmelden"_s);
    }
};

QTEST_GUILESS_MAIN(TestSystemLanguage)
#include "TestSystemLanguage.moc"
