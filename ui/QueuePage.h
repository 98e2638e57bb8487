#pragma once

#include "ui/SectionPage.h"

#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;
class QSoundEffect;
class QTimer;

namespace Lotse::Client {
class InstantQueue;
}

namespace Lotse::Ui {

// The instant-call waiting room: who waits (names opened on this device) and for how long, a
// chime when someone new arrives, "Take next" and taking a chosen person. When a colleague was
// faster, the page says so plainly.
class QueuePage : public SectionPage
{
    Q_OBJECT

public:
    explicit QueuePage(Client::InstantQueue *queue, QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    // False turns the chime off (tests, or when the advisor is busy).
    void setSoundEnabled(bool enabled) { m_soundEnabled = enabled; }

Q_SIGNALS:
    // A call was taken here: its room should open.
    void roomTaken(const QString &roomId);
    // Someone new waits (for the tray notification).
    void newArrival(int count);

protected:
    void retranslate() override;

private:
    void rebuild();
    void tick();
    void takeSelected();
    void takeNext();
    void showMessage(const QString &text, bool error);
    void setBusy(bool busy);

    QPointer<Client::InstantQueue> m_queue;
    QLabel *m_hintLabel;
    QListWidget *m_waitingListWidget;
    QLabel *m_emptyLabel;
    QPushButton *m_takeNextButton;
    QPushButton *m_takeSelectedButton;
    QLabel *m_messageLabel;
    QTimer *m_tickTimer;
    QSoundEffect *m_chime;
    bool m_soundEnabled = true;
    bool m_busy = false;
};

} // namespace Lotse::Ui
