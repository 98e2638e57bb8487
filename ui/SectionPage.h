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
    // A count the sidebar shows beside the title (open requests, ...); 0 shows none.
    [[nodiscard]] int badgeCount() const { return m_badgeCount; }

Q_SIGNALS:
    void titleChanged();
    void badgeCountChanged(int count);

protected:
    // Subclasses set their texts here; called on construction (by the subclass) and on every
    // language change.
    virtual void retranslate() = 0;
    void changeEvent(QEvent *event) override;
    void refreshTitle();
    void setBadgeCount(int count);
    [[nodiscard]] QVBoxLayout *contentLayout() const { return m_contentLayout; }
    // The content takes the page's whole height (lists, grids) instead of sitting on top.
    void letContentFill();

private:
    QIcon m_icon;
    int m_badgeCount = 0;
    QLabel *m_titleLabel;
    QVBoxLayout *m_contentLayout;
};

} // namespace Lotse::Ui
