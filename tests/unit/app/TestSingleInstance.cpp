// One Lotse per profile: a second start finds the first, asks it to come forward, and quits.
#include "app/SingleInstance.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using Lotse::Client::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartActivatesTheFirst()
    {
        const QString name = u"lotse-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        SingleInstance first(name);
        QVERIFY(!first.activateRunningInstance()); // nobody there yet
        QVERIFY(first.listen());
        QSignalSpy activated(&first, &SingleInstance::activationRequested);

        SingleInstance second(name);
        QVERIFY(second.activateRunningInstance());
        QTRY_COMPARE(activated.count(), 1);

        SingleInstance third(name);
        QVERIFY(third.activateRunningInstance());
        QTRY_COMPARE(activated.count(), 2);
    }

    void otherProfilesDoNotInterfere()
    {
        SingleInstance first(u"lotse-test-a-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(first.listen());
        SingleInstance other(u"lotse-test-b-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(!other.activateRunningInstance());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
