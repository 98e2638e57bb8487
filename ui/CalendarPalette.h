#pragma once

#include <QColor>
#include <QHash>
#include <QLocale>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace Lotse::Ui::CalendarPalette {

// One colour per appointment type, calm enough to look at all day and told apart without red/green.
inline QColor forType(const QString &type)
{
    if (type == u"phone")
        return QColor(0xc2, 0x7c, 0x0e);
    if (type == u"onsite")
        return QColor(0x6d, 0x5b, 0xb0);
    if (type == u"external") // imported from another calendar: read-only, kept in the background
        return QColor(0x6b, 0x75, 0x82);
    return QColor(0x1f, 0x7a, 0x70); // video and anything new
}

// The help-seeker's zone by IANA id; invalid for an empty or unknown id (an empty id would give the
// machine's zone in Qt 6.4). Remembered, because building a zone reads the zone database and the
// views ask for every line they paint (GUI thread only).
inline QTimeZone zoneFor(const QString &id)
{
    if (id.isEmpty())
        return {};
    static QHash<QString, QTimeZone> known;
    const auto it = known.constFind(id);
    if (it != known.cend())
        return *it;
    return *known.insert(id, QTimeZone(id.toUtf8()));
}

inline QColor nowLine()
{
    return QColor(0xd6, 0x3a, 0x2f);
}

inline QColor outsideWorkingHours()
{
    return QColor(0xf1, 0xf2, 0xf4);
}

// A time as the locale writes it, without seconds (some locales' short format has them).
inline QString timeText(const QLocale &locale, QTime time)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1StringView(":ss"));
    return locale.toString(time, format);
}

} // namespace Lotse::Ui::CalendarPalette
