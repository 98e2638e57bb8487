#include "app/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {
const auto LanguageKey = "ui/language"_L1;
}

LanguageManager::LanguageManager(const QString &settingsPath, QObject *parent)
    : QObject(parent)
    , m_settingsPath(settingsPath)
{}

QList<LanguageManager::Language> LanguageManager::languages()
{
    return {{u"de"_s, u"Deutsch"_s}, {u"en"_s, u"English"_s}, {u"uk"_s, u"Українська"_s}};
}

QString LanguageManager::systemLanguage()
{
    const QStringList wanted = QLocale::system().uiLanguages();
    for (const QString &tag : wanted) {
        const QString code = tag.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        for (const Language &language : languages()) {
            if (language.code == code)
                return code;
        }
    }
    return u"en"_s;
}

QString LanguageManager::chosenLanguage() const
{
    return QSettings(m_settingsPath, QSettings::IniFormat).value(LanguageKey).toString();
}

void LanguageManager::apply()
{
    const QString chosen = chosenLanguage();
    if (chosen.isEmpty() || !load(chosen))
        load(systemLanguage());
}

bool LanguageManager::setLanguage(const QString &code)
{
    const QString target = code.isEmpty() ? systemLanguage() : code;
    if (!load(target))
        return false;
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    if (code.isEmpty())
        settings.remove(LanguageKey);
    else
        settings.setValue(LanguageKey, code);
    return true;
}

bool LanguageManager::load(const QString &code)
{
    const QList<Language> known = languages();
    const bool isKnown =
        std::any_of(known.cbegin(), known.cend(), [&code](const Language &language) { return language.code == code; });
    if (!isKnown)
        return false;
    if (code == m_current)
        return true;

    auto *appTranslator = new QTranslator(this);
    if (!appTranslator->load(":/i18n/lotse_"_L1 + code + ".qm"_L1)) {
        delete appTranslator;
        return false;
    }
    // Qt's own strings (standard buttons, context menus); absent for English, which is fine.
    auto *qtTranslator = new QTranslator(this);
    if (!qtTranslator->load("qtbase_"_L1 + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qtTranslator;
        qtTranslator = nullptr;
    }

    if (m_appTranslator) {
        QCoreApplication::removeTranslator(m_appTranslator);
        delete m_appTranslator;
    }
    if (m_qtTranslator) {
        QCoreApplication::removeTranslator(m_qtTranslator);
        delete m_qtTranslator;
    }
    m_appTranslator = appTranslator;
    m_qtTranslator = qtTranslator;
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator);
    QCoreApplication::installTranslator(m_appTranslator);
    QLocale::setDefault(QLocale(code));
    m_current = code;
    Q_EMIT languageChanged(code);
    return true;
}

} // namespace Lotse::Client
