// CalendarModel under QAbstractItemModelTester: a refresh updates rows in place by id (removed,
// changed and new rows each with their own signals), the roles, multi-day in the model's zone, and
// the range query the views paint from.
#include "models/CalendarModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Models;

namespace {

QDateTime utc(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

Appointment appointment(const QString &id, const QString &start, const QString &end, const QString &type = u"video"_s)
{
    return Appointment{id,    utc(start),       utc(end), type, u"confirmed"_s, u"Anna Muster"_s,
                       false, u"Europe/Kyiv"_s, {},       {}};
}

} // namespace

class TestCalendarModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesAndNames()
    {
        CalendarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTimeZone(QTimeZone("Europe/Berlin"));
        model.setAppointments({appointment(u"a"_s, u"2026-03-02T09:00:00"_s, u"2026-03-02T10:00:00"_s, u"phone"_s)});
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(CalendarModel::IdRole).toString(), u"a"_s);
        QCOMPARE(index.data(CalendarModel::StartRole).toDateTime(), utc(u"2026-03-02T09:00:00"_s));
        QCOMPARE(index.data(CalendarModel::EndRole).toDateTime(), utc(u"2026-03-02T10:00:00"_s));
        QCOMPARE(index.data(CalendarModel::TypeRole).toString(), u"phone"_s);
        QCOMPARE(index.data(CalendarModel::StatusRole).toString(), u"confirmed"_s);
        QCOMPARE(index.data(CalendarModel::TitleRole).toString(), u"Anna Muster"_s);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Anna Muster"_s);
        QCOMPARE(index.data(CalendarModel::AllDayRole).toBool(), false);
        QCOMPARE(index.data(CalendarModel::MultiDayRole).toBool(), false);
        QCOMPARE(index.data(CalendarModel::TheirTimeZoneRole).toString(), u"Europe/Kyiv"_s);
        QCOMPARE(model.roleNames().value(CalendarModel::MultiDayRole), "multiDay"_ba);
        QVERIFY(int(CalendarModel::IdRole) >= int(Qt::UserRole));
    }

    void refreshUpdatesInPlace()
    {
        CalendarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAppointments({appointment(u"a"_s, u"2026-03-02T09:00:00"_s, u"2026-03-02T10:00:00"_s),
                               appointment(u"b"_s, u"2026-03-02T11:00:00"_s, u"2026-03-02T12:00:00"_s),
                               appointment(u"c"_s, u"2026-03-03T09:00:00"_s, u"2026-03-03T10:00:00"_s)});

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // b is gone, c moved to a proposed time, d is new, a is unchanged.
        Appointment c = appointment(u"c"_s, u"2026-03-04T09:00:00"_s, u"2026-03-04T10:00:00"_s);
        c.status = u"proposed"_s;
        model.setAppointments({appointment(u"d"_s, u"2026-03-05T09:00:00"_s, u"2026-03-05T10:00:00"_s), c,
                               appointment(u"a"_s, u"2026-03-02T09:00:00"_s, u"2026-03-02T10:00:00"_s)});

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(u"a"_s), 0);
        QCOMPARE(model.rowOf(u"c"_s), 1);
        QCOMPARE(model.rowOf(u"d"_s), 2);
        QCOMPARE(model.rowOf(u"b"_s), -1);
        QCOMPARE(model.index(1).data(CalendarModel::StatusRole).toString(), u"proposed"_s);

        // The same list again changes nothing.
        changed.clear();
        model.setAppointments(model.appointments());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);

        model.setAppointments({});
        QCOMPARE(model.rowCount(), 0);
    }

    // A refresh that touches many rows: one dataChanged over their span, removed runs in one
    // signal each, and a duplicated id in the input makes one row.
    void manyChangesAreAnnouncedOnce()
    {
        CalendarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Appointment> list;
        for (int i = 0; i < 100; ++i)
            list.append(appointment(u"a%1"_s.arg(i), u"2026-03-02T09:00:00"_s, u"2026-03-02T10:00:00"_s));
        model.setAppointments(list);
        QCOMPARE(model.rowCount(), 100);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QList<Appointment> next;
        for (int i = 0; i < 100; ++i) {
            if (i >= 40 && i < 50)
                continue; // one run of ten removed
            if (i == 70)
                continue; // and a single one
            Appointment a = list.at(i);
            if (i % 10 == 3)
                a.status = u"cancelled"_s;
            next.append(a);
        }
        next.append(next.first()); // the same id twice
        model.setAppointments(next);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), 70);
        QCOMPARE(removed.at(1).at(1).toInt(), 40);
        QCOMPARE(removed.at(1).at(2).toInt(), 49);
        QCOMPARE(model.rowCount(), 89);
        QCOMPARE(changed.count(), 1);
        // a3 … a93 without a43: rows 3 … 83 after the removals.
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 3);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), model.rowOf(u"a93"_s));
        QCOMPARE(model.rowOf(u"a93"_s), 82);
        QCOMPARE(model.index(model.rowOf(u"a53"_s)).data(CalendarModel::StatusRole).toString(), u"cancelled"_s);
        QCOMPARE(model.rowOf(u"a45"_s), -1);
        QCOMPARE(model.rowOf(u"a50"_s), 40);
    }

    // 23:30 to 00:30 in Berlin is two days there but one day in UTC; changing the zone says so.
    void multiDayFollowsTheZone()
    {
        CalendarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTimeZone(QTimeZone::utc());
        model.setAppointments({appointment(u"a"_s, u"2026-03-02T22:30:00"_s, u"2026-03-02T23:30:00"_s)});
        QCOMPARE(model.index(0).data(CalendarModel::MultiDayRole).toBool(), false);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTimeZone(QTimeZone("Europe/Berlin"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{CalendarModel::MultiDayRole});
        QCOMPARE(model.index(0).data(CalendarModel::MultiDayRole).toBool(), true);
        model.setTimeZone(QTimeZone("Europe/Berlin"));
        QCOMPARE(changed.count(), 1);
    }

    void between()
    {
        CalendarModel model;
        model.setAppointments({appointment(u"a"_s, u"2026-03-02T09:00:00"_s, u"2026-03-02T10:00:00"_s),
                               appointment(u"b"_s, u"2026-03-01T20:00:00"_s, u"2026-03-03T08:00:00"_s),
                               appointment(u"c"_s, u"2026-03-03T09:00:00"_s, u"2026-03-03T10:00:00"_s),
                               appointment(u"d"_s, u"2026-03-02T00:00:00"_s, u"2026-03-02T00:00:00"_s)});
        QList<QString> ids;
        for (const Appointment &a : model.between(utc(u"2026-03-02T00:00:00"_s), utc(u"2026-03-03T00:00:00"_s)))
            ids.append(a.id);
        QCOMPARE(ids, (QList<QString>{u"a"_s, u"b"_s, u"d"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCalendarModel)
#include "TestCalendarModel.moc"
