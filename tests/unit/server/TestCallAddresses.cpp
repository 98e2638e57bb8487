// CallAddresses::anonymise (API.md "Call participants' addresses"): what retention keeps of a call
// participant's IP address, and what the access log keeps of a TURN request's.
#include "server-stub/CallAddresses.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;

class TestCallAddresses : public QObject
{
    Q_OBJECT

private slots:
    void anonymise_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("kept");
        QTest::newRow("IPv4 to /24") << u"203.0.113.77"_s << u"203.0.113.0"_s;
        QTest::newRow("IPv4 already cut") << u"203.0.113.0"_s << u"203.0.113.0"_s;
        QTest::newRow("IPv4 high bytes") << u"255.254.253.252"_s << u"255.254.253.0"_s;
        QTest::newRow("IPv4-mapped IPv6 as IPv4") << u"::ffff:198.51.100.9"_s << u"198.51.100.0"_s;
        QTest::newRow("IPv6 to /48") << u"2001:db8:1:2::5"_s << u"2001:db8:1::"_s;
        QTest::newRow("IPv6 full") << u"2001:0db8:abcd:1234:5678:9abc:def0:1234"_s << u"2001:db8:abcd::"_s;
        QTest::newRow("IPv6 loopback") << u"::1"_s << u"::"_s;
        QTest::newRow("not an address") << u"example.org"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void anonymise()
    {
        QFETCH(QString, address);
        QFETCH(QString, kept);
        QCOMPARE(CallAddresses::anonymise(address), kept);
    }
};

QTEST_MAIN(TestCallAddresses)
#include "TestCallAddresses.moc"
