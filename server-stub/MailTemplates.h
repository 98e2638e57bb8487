#pragma once

#include "server-stub/BookingStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Lotse::Server {

// One rendered mail as it waits in the outbox (sealed under the server key there).
struct MailMessage
{
    QString to;
    QString subject;
    QString text;
    QByteArray ics;    // empty: no calendar part
    QString icsMethod; // REQUEST, CANCEL, PUBLISH
    QString messageId; // without angle brackets
    QString fromName;  // the organisation's name; empty: the sender's default

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<MailMessage> fromJson(const QJsonObject &json);
};

enum class BookingMailKind
{
    Received,
    Confirmed,
    Cancelled,
    Declined,
    Rescheduled, // by the help-seeker (manage link)
    Proposed,
    Moved, // by the advisor: names the previous time too
};

// The help-seeker's mails in their language, from the catalogs in server-stub/mail/<lang>.json
// (compiled in as resources). Mails name time, type and organisation; never anything sealed.
class MailTemplates
{
public:
    // de, en, uk, ru, tr, ar, fa
    [[nodiscard]] static const QStringList &languages();
    [[nodiscard]] static QJsonObject catalog(const QString &language);

    struct BookingContext
    {
        QString organisationName;
        QString manageUrl;
        QString reason; // Declined; Cancelled (optional)
        QString from;   // organiser address in the invitation
        QString messageDomain;
        std::optional<qint64> previousStart = std::nullopt; // Moved
    };
    [[nodiscard]] static MailMessage bookingMail(BookingMailKind kind, const BookingRecord &booking,
                                                 const BookingContext &context);
    [[nodiscard]] static MailMessage messageReceived(const ContactMessageRecord &message,
                                                     const BookingContext &context);

    // iTIP: METHOD REQUEST, CANCEL or PUBLISH; UID <bookingId>@lotse; SEQUENCE from the booking.
    [[nodiscard]] static QByteArray bookingIcs(const BookingRecord &booking, const QString &summary,
                                               const QString &organiserName, const QString &organiserEmail,
                                               const QString &method);
    // The ICS for the manage page's download (METHOD:PUBLISH), in the booking's language.
    [[nodiscard]] static QByteArray publishIcs(const BookingRecord &booking, const QString &organisationName,
                                               const QString &organiserEmail);
};

} // namespace Lotse::Server
