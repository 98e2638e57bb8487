#pragma once

#include "crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace Lotse::Client {

// One entry of GET /api/v1/requests (API.md, "Requests"): a booking or a contact message, with
// the personal fields the help-seeker's browser sealed to the organisation's devices, once opened
// on this device.
struct BookingRequest
{
    enum class Kind
    {
        Booking,
        Message,
    };
    // What became of the sealed personal fields on this device.
    enum class Fields
    {
        Opened,
        NotForThisDevice, // sealed before this device was registered, or to other devices only
        Unreadable,       // damaged, tampered with, or not the agreed JSON
    };

    Kind kind = Kind::Booking;
    QString id;
    QString status; // pending, confirmed, declined, proposed, cancelled; messages: pending, done
    QString type;   // video, phone, onsite (bookings)
    QDateTime start;
    QDateTime end;
    QString advisorId;
    QString locationId;
    QString language;
    QString timeZone; // the help-seeker's IANA zone
    QString email;
    QDateTime createdAt;
    int sequence = 0;
    QByteArray sealed;
    // The organisation's change counter when this item last changed (If-Match, incremental sync).
    qint64 version = 0;
    // The advisor's private note, sealed to the organisation's advisor devices (context note:<id>);
    // empty when there is none.
    QByteArray note;
    // Another time the advisor proposed and the help-seeker has not answered yet; invalid when none.
    QDateTime proposalStart;
    QDateTime proposalEnd;
    // An undoable change (reschedule, cancel) whose mail is still held back; empty when none.
    QString pendingChangeId;
    QDateTime pendingChangeUntil;

    Fields fields = Fields::Unreadable;
    QString firstName;
    QString lastName;
    QString phone;
    QString address;
    QString message;

    [[nodiscard]] bool isBooking() const { return kind == Kind::Booking; }
    // Waiting for the advisor: a pending booking or a message not marked done.
    [[nodiscard]] bool isOpen() const
    {
        return kind == Kind::Booking ? status == u"pending" : status != u"done" && status != u"cancelled";
    }
    // "First Last", or empty when the fields did not open.
    [[nodiscard]] QString fullName() const;
    // The context the browser sealed with: booking:<id> or message:<id> (FORMAT.md §6).
    [[nodiscard]] QByteArray sealContext() const;
    // The context the advisor's note is sealed with: note:<id> (CONTRACT-5 §3).
    [[nodiscard]] QByteArray noteContext() const { return "note:" + id.toUtf8(); }

    // Everything but the personal fields (still sealed); an empty id when the entry is unusable.
    [[nodiscard]] static BookingRequest fromJson(const QJsonObject &json);

    // Opens `sealed` with `open` (the device's key) and fills in the personal fields.
    using Opener = std::function<Crypto::Result<QByteArray>(QByteArrayView context, QByteArrayView envelope)>;
    void openFields(const Opener &open);
};

} // namespace Lotse::Client
