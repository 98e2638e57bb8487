#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTranslator;

namespace Lotse::Client {

// Which language the app speaks. Follows the system language until the advisor picks one, and
// switches at runtime: installing a translator sends QEvent::LanguageChange to every widget.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    struct Language
    {
        QString code;       // "de", "en", "uk"
        QString nativeName; // shown in the language's own words, so anyone finds theirs
    };

    explicit LanguageManager(const QString &settingsPath, QObject *parent = nullptr);

    [[nodiscard]] static QList<Language> languages();
    // The language the system asks for, if Lotse speaks it; English otherwise.
    [[nodiscard]] static QString systemLanguage();

    // The saved choice, or empty when following the system.
    [[nodiscard]] QString chosenLanguage() const;
    [[nodiscard]] QString currentLanguage() const { return m_current; }

    // Applies the saved choice (or the system language).
    void apply();
    // Empty `code` follows the system again. Returns false for a language Lotse does not have.
    bool setLanguage(const QString &code);

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    bool load(const QString &code);

    QString m_settingsPath;
    QString m_current;
    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
};

} // namespace Lotse::Client
