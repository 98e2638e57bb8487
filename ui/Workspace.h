#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace Lotse::Ui {

class SectionPage;

// The signed-in window's body: a sidebar listing the sections and the current section beside it.
class Workspace : public QWidget
{
    Q_OBJECT

public:
    explicit Workspace(QWidget *parent = nullptr);

    // Adds a section to the end of the sidebar; the workspace takes ownership.
    void addSection(SectionPage *page);
    void showSection(SectionPage *page);
    [[nodiscard]] SectionPage *currentSection() const;

private:
    QListWidget *m_sidebarListWidget;
    QStackedWidget *m_sectionsStackedWidget;
};

} // namespace Lotse::Ui
