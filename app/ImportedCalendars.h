#pragma once

#include "app/BusyTimes.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSharedPointer>
#include <QStringList>
#include <QTimeZone>

namespace KCalendarCore {
class MemoryCalendar;
}

namespace Lotse::Client {

// One occurrence of an event from an imported calendar, as instants.
struct ExternalOccurrence
{
    QString calendarId;
    QString uid;
    QString summary;
    QDateTime start; // UTC; an all-day event starts at midnight in the advisor's zone
    QDateTime end;   // UTC, exclusive
    bool allDay = false;
    bool recurring = false;
    bool busy = true; // false for events marked "free" (TRANSP:TRANSPARENT)

    friend bool operator==(const ExternalOccurrence &, const ExternalOccurrence &) = default;
};

// The .ics files the advisor imported from other calendar apps: read-only items next to Lotse's
// appointments and busy times for the booking page. Each import is kept byte for byte as one file
// in `directory` (with a small JSON sidecar for its name), read again on start, and removable.
// A file is checked completely before anything is stored: it is imported whole or not at all;
// broken events are left out and listed.
class ImportedCalendars : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxFileBytes = 5 * 1024 * 1024;

    struct Calendar
    {
        QString id;
        QString name; // the calendar's own name (X-WR-CALNAME) or the file's
        QDateTime importedAt;
        int events = 0;      // series and single events; moved instances belong to their series
        int recurring = 0;   // of `events`
        QStringList skipped; // one line per event left out: its title and why
        // The advisor chose that this calendar's busy events block times on the booking page.
        // Off until chosen: an import alone never sends anything to the server.
        bool countsAsBusy = false;
    };

    // What reading one file gave: an error (nothing imported) or the imported calendar.
    struct Result
    {
        QString error;
        Calendar calendar;
        [[nodiscard]] bool ok() const { return error.isEmpty(); }
    };

    explicit ImportedCalendars(const QString &directory, QObject *parent = nullptr);
    ~ImportedCalendars() override;

    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QList<Calendar> calendars() const;
    // Stored imports that could not be read again on start (damaged on disk); they stay on disk.
    [[nodiscard]] QStringList loadErrors() const { return m_loadErrors; }

    [[nodiscard]] Result importFile(const QString &path);
    [[nodiscard]] Result importData(const QByteArray &ics, const QString &fileName);
    // Checks a document without storing it: the summary an import would give.
    [[nodiscard]] static Result check(const QByteArray &ics, const QString &fileName);
    bool remove(const QString &id, QString *error = nullptr);
    // Kept in the sidecar; emits busyChoiceChanged().
    bool setCountsAsBusy(const QString &id, bool countsAsBusy, QString *error = nullptr);
    [[nodiscard]] bool anyCountsAsBusy() const;

    // The zone all-day events and floating times are read in (the advisor's).
    void setTimeZone(const QTimeZone &zone);
    [[nodiscard]] QTimeZone timeZone() const { return m_zone; }

    // Occurrences that overlap [from, to), sorted by start; cancelled ones are left out.
    [[nodiscard]] QList<ExternalOccurrence> occurrences(const QDateTime &from, const QDateTime &to) const;
    // The busy part of those from the calendars that count as busy, clipped to [from, to) and
    // merged: what may go to the server.
    [[nodiscard]] QList<BusyInterval> busyIntervals(const QDateTime &from, const QDateTime &to) const;

    // "12 events, 3 recurring, 1 skipped" for one calendar.
    [[nodiscard]] static QString summaryText(const Calendar &calendar);

Q_SIGNALS:
    void changed();
    // What the booking page should block changed: a calendar that counts as busy came or went,
    // or a calendar's choice changed.
    void busyChoiceChanged();

private:
    struct Entry
    {
        Calendar calendar;
        QSharedPointer<KCalendarCore::MemoryCalendar> events;
        int order = 0;    // position in the order of import, kept in the sidecar
        QString fileName; // the name of the file it came from
    };
    struct Parsed;
    [[nodiscard]] static Parsed parse(const QByteArray &ics, const QString &fileName);
    void load();
    [[nodiscard]] int nextOrder() const;
    [[nodiscard]] bool writeSidecar(const Entry &entry, const QString &fileName, QString *error) const;

    QString m_directory;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QList<Entry> m_entries;
    QStringList m_loadErrors;
};

} // namespace Lotse::Client
