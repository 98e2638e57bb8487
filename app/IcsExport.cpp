#include "app/IcsExport.h"

#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>

#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

QList<Models::Appointment> IcsExport::select(const Models::CalendarModel &model, const QDateTime &from,
                                             const QDateTime &to)
{
    QList<Models::Appointment> result = model.between(from, to);
    result.removeIf([](const Models::Appointment &a) { return a.isExternal() || !a.start.isValid(); });
    return result;
}

QString IcsExport::summaryFor(const QString &type)
{
    if (type == u"phone")
        return tr("Counselling (phone)");
    if (type == u"onsite")
        return tr("Counselling (on site)");
    if (type == u"video")
        return tr("Counselling (video)");
    return tr("Counselling");
}

QByteArray IcsExport::write(const QList<Models::Appointment> &appointments, const QTimeZone &zone,
                            const Options &options)
{
    KCalendarCore::CalFormat::setApplication(u"Lotse"_s, u"-//Lotse//Lotse Calendar//EN"_s);
    auto calendar = KCalendarCore::MemoryCalendar::Ptr::create(zone);
    for (const Models::Appointment &appointment : appointments) {
        if (appointment.isExternal())
            continue;
        auto event = KCalendarCore::Event::Ptr::create();
        event->setUid(appointment.id + u"@lotse"_s);
        event->setCreated(options.stamp);
        event->setLastModified(options.stamp);
        event->setDtStart(appointment.start.toTimeZone(zone));
        event->setDtEnd(appointment.end.toTimeZone(zone));
        QString summary = summaryFor(appointment.type);
        const QString name = appointment.title.trimmed();
        if (options.includeNames && !name.isEmpty() && name != options.neutralTitle)
            summary = tr("%1: %2", "summary: help-seeker's name").arg(summary, name);
        event->setSummary(summary);
        event->setStatus(appointment.status == u"confirmed" ? KCalendarCore::Incidence::StatusConfirmed
                                                            : KCalendarCore::Incidence::StatusTentative);
        // The file may end up in a shared calendar: it should not be shown to others.
        event->setSecrecy(KCalendarCore::Incidence::SecrecyPrivate);
        calendar->addEvent(event);
    }
    KCalendarCore::ICalFormat format;
    return format.toString(calendar).toUtf8();
}

QString IcsExport::save(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return tr("“%1” could not be written: %2").arg(QFileInfo(path).fileName(), file.errorString());
    return {};
}

} // namespace Lotse::Client
