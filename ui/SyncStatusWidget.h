#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;
class QTimer;

namespace Lotse::Client {
class RequestsService;
}

namespace Lotse::Ui {

// The sidebar's last line: whether the offline copy is in step with the server ("Up to date,
// synced 14:02", "Syncing…", "Offline, 2 changes waiting", "1 conflict" with a way to decide),
// and a notice about it when there is one (a refused change, a rebuilt copy).
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(Client::RequestsService *requests, QWidget *parent = nullptr);

    void showNotice(const QString &message);
    void retranslate();

Q_SIGNALS:
    // The advisor wants to decide the open conflicts now.
    void conflictsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStatus();

    Client::RequestsService *m_requests;
    QLabel *m_dotLabel;
    QLabel *m_statusLabel;
    QLabel *m_detailLabel;
    QPushButton *m_resolveButton;
    QLabel *m_noticeLabel;
    QToolButton *m_dismissButton;
};

} // namespace Lotse::Ui
