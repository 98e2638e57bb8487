#include "app/ImportedCalendars.h"

#include <KCalendarCore/Event>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>
#include <KCalendarCore/OccurrenceIterator>
#include <KCalendarCore/RecurrenceRule>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lotse::Client {

namespace {

// An occurrence that began before a range may still reach into it; the iterator only sees
// occurrences starting in its window, so it looks back this far (as BusyTimes does).
constexpr qint64 LookBackSeconds = 31LL * 24 * 3600;

QString sidecarPath(const QString &directory, const QString &id)
{
    return directory + u'/' + id + u".json"_s;
}

QString icsPath(const QString &directory, const QString &id)
{
    return directory + u'/' + id + u".ics"_s;
}

// Floating times carry no zone: they mean the advisor's wall clock, not the machine's.
QDateTime inZone(const QDateTime &time, const QTimeZone &zone)
{
    if (time.timeSpec() == Qt::LocalTime)
        return QDateTime(time.date(), time.time(), zone);
    return time;
}

// Rules by the second or minute would flood every view (and KCalendarCore expands them wrongly).
bool tooFrequent(const KCalendarCore::Recurrence &recurrence)
{
    const auto rules = recurrence.rRules();
    return std::any_of(rules.cbegin(), rules.cend(), [](const KCalendarCore::RecurrenceRule *rule) {
        return rule->recurrenceType() == KCalendarCore::RecurrenceRule::rSecondly ||
               rule->recurrenceType() == KCalendarCore::RecurrenceRule::rMinutely;
    });
}

} // namespace

struct ImportedCalendars::Parsed
{
    QString error;
    ImportedCalendars::Calendar calendar;
    QSharedPointer<KCalendarCore::MemoryCalendar> events;
};

ImportedCalendars::ImportedCalendars(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{
    load();
}

ImportedCalendars::~ImportedCalendars() = default;

QList<ImportedCalendars::Calendar> ImportedCalendars::calendars() const
{
    QList<Calendar> result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append(entry.calendar);
    return result;
}

// Everything that can be wrong with a file before KCalendarCore sees it: size, binary data, another
// format, and a stream cut off or nested wrongly (libical would quietly take the part it could read,
// which would import half a calendar).
static QString structureError(const QByteArray &data)
{
    if (data.trimmed().isEmpty())
        return ImportedCalendars::tr("The file is empty.");
    // Windows tools sometimes save UTF-16; it would otherwise look like binary data.
    const bool utf16 = data.startsWith("\xff\xfe") || data.startsWith("\xfe\xff") ||
                       data.startsWith(QByteArrayView("B\0E\0G\0", 6)) ||
                       data.startsWith(QByteArrayView("\0B\0E\0G", 6));
    if (utf16)
        return ImportedCalendars::tr("The file is saved as UTF-16 text; Lotse reads calendar files in UTF-8. "
                                     "Export the calendar again, or save the file as UTF-8.");
    if (data.contains('\0'))
        return ImportedCalendars::tr("This is not an iCalendar file (.ics): it holds binary data.");
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(data);
    if (decoder.hasError())
        return ImportedCalendars::tr("This is not an iCalendar file (.ics): it is not UTF-8 text.");
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);

    QStringList stack;
    int lineNumber = 0;
    int openedAt = 0;
    bool started = false;
    const QStringList lines = text.split(u'\n');
    for (QString line : lines) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u' ') || line.startsWith(u'\t'))
            continue; // blank, or the continuation of a folded line
        const QString upper = line.trimmed().toUpper();
        if (!started) {
            if (upper.startsWith(u'<'))
                return ImportedCalendars::tr("This is a web page (HTML), not an iCalendar file. If it came from a "
                                             "calendar service, use its “Export” or “iCal” link instead.");
            if (upper != u"BEGIN:VCALENDAR")
                return ImportedCalendars::tr("This is not an iCalendar file (.ics): it does not begin with "
                                             "BEGIN:VCALENDAR.");
            started = true;
        }
        if (stack.isEmpty() && upper != u"BEGIN:VCALENDAR")
            return ImportedCalendars::tr("The file is damaged: line %1 comes after the end of the calendar.")
                .arg(lineNumber);
        if (upper.startsWith(u"BEGIN:")) {
            stack.append(upper.mid(6));
            openedAt = lineNumber;
        } else if (upper.startsWith(u"END:")) {
            if (stack.isEmpty() || stack.last() != upper.mid(4))
                return ImportedCalendars::tr("The file is damaged: line %1 ends %2, but %3 is open.")
                    .arg(lineNumber)
                    .arg(upper.mid(4), stack.isEmpty() ? u"-"_s : stack.last());
            stack.removeLast();
        }
    }
    if (!stack.isEmpty())
        return ImportedCalendars::tr("The file is incomplete: it ends inside %1 (opened on line %2). It was "
                                     "probably cut off while downloading or copying.")
            .arg(stack.last())
            .arg(openedAt);
    return {};
}

ImportedCalendars::Parsed ImportedCalendars::parse(const QByteArray &ics, const QString &fileName)
{
    Parsed parsed;
    if (ics.size() > MaxFileBytes) {
        parsed.error = tr("The file is larger than 5 MB. Lotse imports calendar files up to 5 MB.");
        return parsed;
    }
    parsed.error = structureError(ics);
    if (!parsed.error.isEmpty())
        return parsed;

    // UTC: floating times come back without a zone and are placed in the advisor's zone later.
    auto calendar = KCalendarCore::MemoryCalendar::Ptr::create(QTimeZone::utc());
    KCalendarCore::ICalFormat format;
    if (!format.fromRawString(calendar, ics)) {
        parsed.error = tr("The file could not be read as a calendar.");
        return parsed;
    }

    Calendar &summary = parsed.calendar;
    summary.name = calendar->nonKDECustomProperty("X-WR-CALNAME").trimmed();
    if (summary.name.isEmpty())
        summary.name = QFileInfo(fileName).completeBaseName();
    const KCalendarCore::Event::List events = calendar->rawEvents();
    for (const KCalendarCore::Event::Ptr &event : events) {
        QString problem;
        if (!event->dtStart().isValid())
            problem = tr("no valid start time");
        else if (event->hasEndDate() && event->dtEnd() < event->dtStart())
            problem = tr("ends before it begins");
        else if (event->recurs() && tooFrequent(*event->recurrence()))
            problem = tr("repeats more often than every hour");
        if (!problem.isEmpty()) {
            const QString title = event->summary().isEmpty() ? event->uid() : event->summary();
            summary.skipped.append(u"“%1”: %2"_s.arg(title, problem));
            calendar->deleteEvent(event);
            continue;
        }
        if (!event->hasRecurrenceId()) {
            ++summary.events;
            if (event->recurs())
                ++summary.recurring;
        }
    }
    if (summary.events == 0) {
        parsed.error = summary.skipped.isEmpty()
                           ? tr("The file holds no events.")
                           : tr("No event in the file could be read: %1").arg(summary.skipped.join(u"; "_s));
        return parsed;
    }
    parsed.events = calendar;
    return parsed;
}

ImportedCalendars::Result ImportedCalendars::check(const QByteArray &ics, const QString &fileName)
{
    Parsed parsed = parse(ics, fileName);
    return Result{parsed.error, parsed.calendar};
}

ImportedCalendars::Result ImportedCalendars::importFile(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.isFile())
        return Result{tr("“%1” is not a file.").arg(info.fileName()), {}};
    if (info.size() > MaxFileBytes)
        return Result{tr("The file is larger than 5 MB. Lotse imports calendar files up to 5 MB."), {}};
    if (!file.open(QIODevice::ReadOnly))
        return Result{tr("“%1” could not be opened: %2").arg(info.fileName(), file.errorString()), {}};
    // Read one byte more than allowed: a file that grew since the check is still caught.
    return importData(file.read(MaxFileBytes + 1), info.fileName());
}

ImportedCalendars::Result ImportedCalendars::importData(const QByteArray &ics, const QString &fileName)
{
    Parsed parsed = parse(ics, fileName);
    if (!parsed.error.isEmpty())
        return Result{parsed.error, {}};

    parsed.calendar.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    parsed.calendar.importedAt = QDateTime::currentDateTimeUtc();
    if (!QDir().mkpath(m_directory))
        return Result{tr("The folder for imported calendars could not be created: %1").arg(m_directory), {}};

    // The calendar file first, then the sidecar that makes it count; a failure removes both.
    const Entry entry{parsed.calendar, parsed.events, nextOrder(), fileName};
    QSaveFile icsFile(icsPath(m_directory, parsed.calendar.id));
    QString error;
    const bool written = icsFile.open(QIODevice::WriteOnly) && icsFile.write(ics) == ics.size() && icsFile.commit();
    if (!written || !writeSidecar(entry, fileName, &error)) {
        const QString reason = written ? error : icsFile.errorString();
        QFile::remove(icsPath(m_directory, parsed.calendar.id));
        QFile::remove(sidecarPath(m_directory, parsed.calendar.id));
        return Result{tr("The imported calendar could not be saved: %1").arg(reason), {}};
    }
    m_entries.append(entry);
    Q_EMIT changed();
    return Result{QString(), parsed.calendar};
}

bool ImportedCalendars::remove(const QString &id, QString *error)
{
    const auto it =
        std::find_if(m_entries.begin(), m_entries.end(), [&id](const Entry &entry) { return entry.calendar.id == id; });
    if (it == m_entries.end()) {
        if (error)
            *error = tr("This imported calendar no longer exists.");
        return false;
    }
    // The sidecar goes first: without it the calendar no longer counts, even if the .ics stays.
    const QString sidecar = sidecarPath(m_directory, id);
    if (QFile::exists(sidecar) && !QFile::remove(sidecar)) {
        if (error)
            *error = tr("The imported calendar could not be removed from %1.").arg(m_directory);
        return false;
    }
    QFile::remove(icsPath(m_directory, id));
    const bool busy = it->calendar.countsAsBusy;
    m_entries.erase(it);
    Q_EMIT changed();
    if (busy)
        Q_EMIT busyChoiceChanged();
    return true;
}

bool ImportedCalendars::writeSidecar(const Entry &entry, const QString &fileName, QString *error) const
{
    const QJsonObject meta{{u"name"_s, entry.calendar.name},
                           {u"file"_s, fileName},
                           {u"importedAt"_s, entry.calendar.importedAt.toString(Qt::ISODateWithMs)},
                           {u"order"_s, entry.order},
                           {u"countsAsBusy"_s, entry.calendar.countsAsBusy}};
    QSaveFile sidecar(sidecarPath(m_directory, entry.calendar.id));
    if (sidecar.open(QIODevice::WriteOnly) && sidecar.write(QJsonDocument(meta).toJson()) >= 0 && sidecar.commit())
        return true;
    if (error)
        *error = sidecar.errorString();
    return false;
}

bool ImportedCalendars::setCountsAsBusy(const QString &id, bool countsAsBusy, QString *error)
{
    const auto it =
        std::find_if(m_entries.begin(), m_entries.end(), [&id](const Entry &entry) { return entry.calendar.id == id; });
    if (it == m_entries.end()) {
        if (error)
            *error = tr("This imported calendar no longer exists.");
        return false;
    }
    if (it->calendar.countsAsBusy == countsAsBusy)
        return true;
    Entry changedEntry = *it;
    changedEntry.calendar.countsAsBusy = countsAsBusy;
    QString reason;
    // Stored first: the choice on screen is always the one on disk.
    if (!writeSidecar(changedEntry, it->fileName, &reason)) {
        if (error)
            *error = tr("The choice could not be saved: %1").arg(reason);
        return false;
    }
    *it = changedEntry;
    Q_EMIT changed();
    Q_EMIT busyChoiceChanged();
    return true;
}

bool ImportedCalendars::anyCountsAsBusy() const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [](const Entry &entry) { return entry.calendar.countsAsBusy; });
}

void ImportedCalendars::load()
{
    const QDir dir(m_directory);
    const QStringList sidecars = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : sidecars) {
        const QString id = QFileInfo(name).completeBaseName();
        QFile metaFile(dir.filePath(name));
        QFile icsFile(icsPath(m_directory, id));
        if (!metaFile.open(QIODevice::ReadOnly) || !icsFile.open(QIODevice::ReadOnly)) {
            m_loadErrors.append(tr("%1: the calendar file is missing.").arg(id));
            continue;
        }
        const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        const QString fileName = meta.value(u"file"_s).toString(id + u".ics"_s);
        Parsed parsed = parse(icsFile.read(MaxFileBytes + 1), fileName);
        if (!parsed.error.isEmpty()) {
            m_loadErrors.append(u"%1: %2"_s.arg(meta.value(u"name"_s).toString(id), parsed.error));
            continue;
        }
        parsed.calendar.id = id;
        parsed.calendar.name = meta.value(u"name"_s).toString(parsed.calendar.name);
        parsed.calendar.importedAt =
            QDateTime::fromString(meta.value(u"importedAt"_s).toString(), Qt::ISODateWithMs).toUTC();
        parsed.calendar.countsAsBusy = meta.value(u"countsAsBusy"_s).toBool(false);
        m_entries.append(Entry{parsed.calendar, parsed.events, meta.value(u"order"_s).toInt(), fileName});
    }
    // In the order they were imported: `order` counts up, so imports within one millisecond keep theirs too.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        return a.order < b.order || (a.order == b.order && a.calendar.importedAt < b.calendar.importedAt);
    });
}

int ImportedCalendars::nextOrder() const
{
    int order = 0;
    for (const Entry &entry : m_entries)
        order = std::max(order, entry.order);
    return order + 1;
}

void ImportedCalendars::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone || !zone.isValid())
        return;
    m_zone = zone;
    Q_EMIT changed();
}

QList<ExternalOccurrence> ImportedCalendars::occurrences(const QDateTime &from, const QDateTime &to) const
{
    QList<ExternalOccurrence> result;
    const QDateTime fromUtc = from.toUTC();
    const QDateTime toUtc = to.toUTC();
    for (const Entry &entry : m_entries) {
        KCalendarCore::OccurrenceIterator it(*entry.events, fromUtc.addSecs(-LookBackSeconds), toUtc);
        while (it.hasNext()) {
            it.next();
            const auto event = it.incidence().dynamicCast<KCalendarCore::Event>();
            if (!event || event->status() == KCalendarCore::Incidence::StatusCanceled)
                continue;
            ExternalOccurrence occurrence;
            occurrence.calendarId = entry.calendar.id;
            occurrence.uid = event->uid();
            occurrence.summary = event->summary();
            occurrence.allDay = event->allDay();
            occurrence.recurring = event->recurs() || event->hasRecurrenceId();
            occurrence.busy = event->transparency() != KCalendarCore::Event::Transparent;
            if (event->allDay()) {
                // KCalendarCore keeps an all-day end as the last day included.
                const QDate first = it.occurrenceStartDate().date();
                const QDate last = std::max(it.occurrenceEndDate().date(), first);
                occurrence.start = QDateTime(first, QTime(0, 0), m_zone).toUTC();
                occurrence.end = QDateTime(last.addDays(1), QTime(0, 0), m_zone).toUTC();
            } else {
                occurrence.start = inZone(it.occurrenceStartDate(), m_zone).toUTC();
                const QDateTime end = it.occurrenceEndDate();
                occurrence.end =
                    end.isValid() ? std::max(inZone(end, m_zone).toUTC(), occurrence.start) : occurrence.start;
            }
            const bool overlaps =
                occurrence.start < toUtc &&
                (occurrence.end > fromUtc || (occurrence.start == occurrence.end && occurrence.start >= fromUtc));
            if (overlaps)
                result.append(occurrence);
        }
    }
    std::stable_sort(result.begin(), result.end(), [](const ExternalOccurrence &a, const ExternalOccurrence &b) {
        return a.start < b.start || (a.start == b.start && a.end < b.end);
    });
    return result;
}

QList<BusyInterval> ImportedCalendars::busyIntervals(const QDateTime &from, const QDateTime &to) const
{
    QList<BusyInterval> busy;
    const QList<ExternalOccurrence> all = occurrences(from, to);
    QSet<QString> counting;
    for (const Entry &entry : m_entries) {
        if (entry.calendar.countsAsBusy)
            counting.insert(entry.calendar.id);
    }
    for (const ExternalOccurrence &occurrence : all) {
        if (occurrence.busy && counting.contains(occurrence.calendarId))
            busy.append(BusyInterval{std::max(occurrence.start, from.toUTC()), std::min(occurrence.end, to.toUTC())});
    }
    return BusyTimes::merge(std::move(busy));
}

QString ImportedCalendars::summaryText(const Calendar &calendar)
{
    QString text = tr("%n event(s)", nullptr, calendar.events);
    text += u", "_s + tr("%n recurring", nullptr, calendar.recurring);
    if (!calendar.skipped.isEmpty())
        text += u", "_s + tr("%n skipped", nullptr, int(calendar.skipped.size()));
    return text;
}

} // namespace Lotse::Client
