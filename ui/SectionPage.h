#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace Lotse::Ui {

// One section of the main window's sidebar (overview, settings; later calendar, requests, ...).
// A section names itself and brings its own icon; Workspace::addSection() does the rest.
class SectionPage : public QWidget
{
    Q_OBJECT

public:
    explicit SectionPage(const QString &iconPath, QWidget *parent = nullptr);

    [[nodiscard]] virtual QString title() const = 0;
    [[nodiscard]] QIcon icon() const { return m_icon; }

Q_SIGNALS:
    void titleChanged();

protected:
    // Subclasses set their texts here; called on construction (by the subclass) and on every
    // language change.
    virtual void retranslate() = 0;
    void changeEvent(QEvent *event) override;
    void refreshTitle();
    [[nodiscard]] QVBoxLayout *contentLayout() const { return m_contentLayout; }

private:
    QIcon m_icon;
    QLabel *m_titleLabel;
    QVBoxLayout *m_contentLayout;
};

} // namespace Lotse::Ui
