#pragma once

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Lotse::Ui {

// Lotse's icon in the system tray, where the desktop has one: brings the window back and quits.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    [[nodiscard]] bool isShown() const { return m_trayIcon != nullptr; }
    void retranslate();
    // A desktop notification where the tray can show one; counted for tests.
    void notify(const QString &title, const QString &message);
    [[nodiscard]] int notificationCount() const { return m_notifications; }
    [[nodiscard]] QString lastNotification() const { return m_lastNotification; }

Q_SIGNALS:
    void showRequested();
    void quitRequested();

private:
    QSystemTrayIcon *m_trayIcon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_quitAction = nullptr;
    int m_notifications = 0;
    QString m_lastNotification;
};

} // namespace Lotse::Ui
