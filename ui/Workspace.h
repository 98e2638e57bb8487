#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;
class QVBoxLayout;

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
    // A line under the sections (the sync state); the workspace takes ownership.
    void setSidebarFooter(QWidget *footer);

private:
    QListWidget *m_sidebarListWidget;
    QStackedWidget *m_sectionsStackedWidget;
    QVBoxLayout *m_sidebarLayout = nullptr;
};

} // namespace Lotse::Ui
