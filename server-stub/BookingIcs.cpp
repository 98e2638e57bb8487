// MailTemplates' calendar part: iTIP messages through KCalendarCore (only this file includes it).
#include "server-stub/MailTemplates.h"

#include <KCalendarCore/Attendee>
#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/Person>

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Lotse::Server {

QByteArray MailTemplates::bookingIcs(const BookingRecord &booking, const QString &summary, const QString &organiserName,
                                     const QString &organiserEmail, const QString &method)
{
    KCalendarCore::Event::Ptr event(new KCalendarCore::Event);
    event->setUid(booking.id + u"@lotse"_s);
    event->setDtStart(QDateTime::fromSecsSinceEpoch(booking.start, QTimeZone::utc()));
    event->setDtEnd(QDateTime::fromSecsSinceEpoch(booking.end, QTimeZone::utc()));
    event->setSummary(summary);
    event->setRevision(booking.sequence);
    event->setCreated(QDateTime::fromSecsSinceEpoch(booking.createdAt, QTimeZone::utc()));
    event->setLastModified(QDateTime::fromSecsSinceEpoch(booking.updatedAt, QTimeZone::utc()));
    const bool cancel = method == "CANCEL"_L1;
    event->setStatus(cancel                             ? KCalendarCore::Incidence::StatusCanceled
                     : booking.status == "confirmed"_L1 ? KCalendarCore::Incidence::StatusConfirmed
                                                        : KCalendarCore::Incidence::StatusTentative);
    if (!organiserEmail.isEmpty())
        event->setOrganizer(KCalendarCore::Person(organiserName, organiserEmail));
    // iTIP: REQUEST and CANCEL name the attendee; PUBLISH must not.
    if (method != "PUBLISH"_L1)
        event->addAttendee(
            KCalendarCore::Attendee(QString(), booking.email, false,
                                    cancel ? KCalendarCore::Attendee::Declined : KCalendarCore::Attendee::Accepted));
    const KCalendarCore::iTIPMethod itip = cancel                   ? KCalendarCore::iTIPCancel
                                           : method == "REQUEST"_L1 ? KCalendarCore::iTIPRequest
                                                                    : KCalendarCore::iTIPPublish;
    KCalendarCore::ICalFormat format;
    return format.createScheduleMessage(event, itip).toUtf8();
}

} // namespace Lotse::Server
