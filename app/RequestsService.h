#pragma once

#include "app/ApiError.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace Lotse::Client {

class RequestsModel;
class ServerClient;
class Session;

// The Requests section's service: fetches the organisation's requests while signed in (on
// demand and every minute), opens them with this device's key, and sends the advisor's answers
// (confirm, decline, propose another time, message done). Widgets show `model()` and call these.
class RequestsService : public QObject
{
    Q_OBJECT

public:
    struct Slot
    {
        QDateTime start; // UTC
        QDateTime end;
    };
    // An advisor change whose mail the server holds back until `until`; undo(changeId) takes it back.
    struct Undo
    {
        QString changeId;
        QDateTime until; // UTC, the server's clock
    };
    using DoneCallback = std::function<void(const ApiError &error)>;
    using UndoCallback = std::function<void(const Undo &undo, const ApiError &error)>;
    using SlotsCallback = std::function<void(const QList<Slot> &freeSlots, const ApiError &error)>;

    RequestsService(Session *session, ServerClient *client, QObject *parent = nullptr);
    ~RequestsService() override;

    [[nodiscard]] RequestsModel *model() const { return m_model; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QDateTime lastRefresh() const { return m_lastRefresh; }
    // "Name, address" of one of the organisation's on-site locations; empty when unknown.
    [[nodiscard]] QString locationText(const QString &locationId) const { return m_locations.value(locationId); }
    void setPollInterval(int milliseconds);

    void refresh();
    void confirm(const QString &bookingId, DoneCallback done);
    void decline(const QString &bookingId, const QString &reason, DoneCallback done);
    void propose(const QString &bookingId, const QDateTime &start, DoneCallback done);
    void markDone(const QString &messageId, DoneCallback done);
    // Moves a pending or confirmed booking (CONTRACT-5 §3); the help-seeker's mail waits for the
    // undo window.
    void reschedule(const QString &bookingId, const QDateTime &start, const QDateTime &end, UndoCallback done);
    // Cancels a booking with an optional reason for the help-seeker; undoable like reschedule.
    void cancel(const QString &bookingId, const QString &reason, UndoCallback done);
    // Takes back the change `changeId` while its mail has not left (409 too_late otherwise).
    void undo(const QString &bookingId, const QString &changeId, DoneCallback done);
    // Seals `plaintext` to every active advisor device of the organisation and stores it as the
    // booking's private note; an empty text removes the note.
    void setNote(const QString &bookingId, const QString &plaintext, DoneCallback done);
    // Local failures carry ApiError::code note_too_long (over MaxNoteLength), device_not_registered
    // (this device is not among the organisation's) or seal_failed.
    static constexpr int MaxNoteLength = 20000;
    // The booking's note opened with this device's key; empty when there is none or it does not open.
    [[nodiscard]] QString noteText(const QString &bookingId) const;
    // The advisor's free slots of the booking's type (and location) for the next `days` days.
    void freeSlotsFor(const QString &bookingId, int days, SlotsCallback done);
    // The same from `from` on (the calendar passes its "now", which tests pin to the server's clock).
    void freeSlotsFor(const QString &bookingId, const QDateTime &from, int days, SlotsCallback done);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void refreshed();
    void refreshFailed(const QString &message);

private:
    void onSessionState();
    using AnswerCallback = std::function<void(const QJsonObject &answer)>;
    // Every advisor write goes through here. `answer` sees the server's reply body on success.
    void act(const QString &path, const QJsonObject &body, DoneCallback done, AnswerCallback answer = {},
             const QByteArray &method = QByteArrayLiteral("POST"));

    QPointer<Session> m_session;
    QPointer<ServerClient> m_client;
    RequestsModel *m_model;
    QTimer *m_pollTimer;
    bool m_loading = false;
    bool m_refreshAgain = false;
    QDateTime m_lastRefresh;
    QHash<QString, QString> m_locations;
    quint64 m_generation = 0; // answers to an earlier sign-in are dropped
};

} // namespace Lotse::Client
