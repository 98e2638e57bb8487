#pragma once

#include <QDialog>
#include <QTimeZone>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Lotse::Client {
class RequestsService;
}

namespace Lotse::Ui {

// An appointment opened from the calendar: the help-seeker's details as decrypted on this device,
// the type-specific data (phone number, location, video), both sides' times, the status and a
// pending proposal, the advisor's private note (sealed to the organisation's advisor devices), and
// what can be done next. The actions themselves run in the calendar page, which shows their undo.
class CalendarAppointmentDialog : public QDialog
{
    Q_OBJECT

public:
    CalendarAppointmentDialog(Client::RequestsService *service, const QString &bookingId, QWidget *parent = nullptr);

    [[nodiscard]] QString bookingId() const { return m_bookingId; }
    [[nodiscard]] QString noteText() const;
    // Shows "Open conversation" (off until the Conversations section exists).
    void setConversationAvailable(bool available);

Q_SIGNALS:
    void rescheduleClicked(const QString &bookingId);
    void cancelClicked(const QString &bookingId);
    void confirmClicked(const QString &bookingId);
    void declineClicked(const QString &bookingId);
    void conversationClicked(const QString &bookingId);

private:
    void refresh();
    void saveNote();
    void setNoteStatus(const QString &text, bool error);

    Client::RequestsService *m_service;
    QString m_bookingId;
    QLabel *m_nameLabel;
    QLabel *m_kindLabel;
    QLabel *m_timeLabel;
    QLabel *m_statusLabel;
    QLabel *m_proposalLabel;
    QLabel *m_emailLabel;
    QLabel *m_languageLabel;
    QLabel *m_typeCaptionLabel;
    QLabel *m_typeLabel;
    QLabel *m_addressCaptionLabel;
    QLabel *m_addressLabel;
    QLabel *m_messageCaptionLabel;
    QLabel *m_messageLabel;
    QLabel *m_sealedLabel;
    QPlainTextEdit *m_noteTextEdit;
    QLabel *m_noteStatusLabel;
    QPushButton *m_saveNoteButton;
    QPushButton *m_rescheduleButton;
    QPushButton *m_cancelButton;
    QPushButton *m_confirmButton;
    QPushButton *m_declineButton;
    QPushButton *m_conversationButton;
    QPushButton *m_closeButton;
    QString m_savedNote; // what the server has, to tell whether the editor holds changes
    bool m_savingNote = false;
    bool m_conversationAvailable = false;
};

// Asks for an optional reason before an appointment is cancelled; the reason goes to the
// help-seeker by e-mail.
class CalendarCancelDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CalendarCancelDialog(const QString &who, QWidget *parent = nullptr);
    [[nodiscard]] QString reason() const;

private:
    QPlainTextEdit *m_reasonTextEdit;
};

} // namespace Lotse::Ui
