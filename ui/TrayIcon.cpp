#include "ui/TrayIcon.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Lotse::Ui {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_menu = new QMenu;
    m_showAction = m_menu->addAction(QString());
    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(QString());
    connect(m_showAction, &QAction::triggered, this, &TrayIcon::showRequested);
    connect(m_quitAction, &QAction::triggered, this, &TrayIcon::quitRequested);

    m_trayIcon = new QSystemTrayIcon(QIcon(u":/lotse/icons/lotse.svg"_s), this);
    m_trayIcon->setContextMenu(m_menu);
    connect(m_trayIcon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    retranslate();
    m_trayIcon->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::notify(const QString &title, const QString &message)
{
    ++m_notifications;
    m_lastNotification = message;
    if (m_trayIcon && QSystemTrayIcon::supportsMessages())
        m_trayIcon->showMessage(title, message, QSystemTrayIcon::Information, 8000);
}

void TrayIcon::retranslate()
{
    if (!m_trayIcon)
        return;
    m_trayIcon->setToolTip(tr("Lotse"));
    m_showAction->setText(tr("Show Lotse"));
    m_quitAction->setText(tr("Quit"));
}

} // namespace Lotse::Ui
