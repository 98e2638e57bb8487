// ALTCHA challenges and their verification: a solution found the way the widget finds it is
// accepted; a wrong number, another key's signature, a changed salt or expiry, test mode, an
// expired challenge and malformed payloads are refused.
#include "server-stub/Altcha.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;

namespace {

constexpr qint64 now = 1'800'000'000;

// The widget: find the number, then base64(JSON) of the challenge's fields with number and took.
QJsonObject solve(const QJsonObject &challenge)
{
    const QString salt = challenge.value("salt"_L1).toString();
    for (int n = 0; n <= challenge.value("maxnumber"_L1).toInt(); ++n) {
        if (QCryptographicHash::hash((salt + QString::number(n)).toUtf8(), QCryptographicHash::Sha256).toHex() ==
            challenge.value("challenge"_L1).toString().toLatin1())
            return {{u"algorithm"_s, challenge.value("algorithm"_L1)},
                    {u"challenge"_s, challenge.value("challenge"_L1)},
                    {u"number"_s, n},
                    {u"salt"_s, salt},
                    {u"signature"_s, challenge.value("signature"_L1)},
                    {u"took"_s, 321}};
    }
    return {};
}

QString encode(const QJsonObject &payload)
{
    return QString::fromLatin1(QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64());
}

} // namespace

class TestAltcha : public QObject
{
    Q_OBJECT

private slots:
    void challengeShape()
    {
        const Altcha altcha(QByteArray(32, 'k'), 1000);
        const QJsonObject c = altcha.newChallenge(now);
        QCOMPARE(c.value("algorithm"_L1).toString(), u"SHA-256"_s);
        QCOMPARE(c.value("maxnumber"_L1).toInt(), 1000);
        QCOMPARE(c.value("challenge"_L1).toString().size(), 64);
        QCOMPARE(c.value("signature"_L1).toString().size(), 64);
        QVERIFY(
            c.value("salt"_L1).toString().endsWith(u"?expires="_s + QString::number(now + Altcha::lifetimeSeconds)));
        QVERIFY(altcha.newChallenge(now).value("salt"_L1) != c.value("salt"_L1));
    }

    void solvedLikeTheWidget()
    {
        const Altcha altcha(QByteArray(32, 'k'), 1000);
        const QJsonObject c = altcha.newChallenge(now);
        const QJsonObject payload = solve(c);
        QVERIFY(!payload.isEmpty());
        const auto solution = altcha.verify(encode(payload), now + 5);
        QVERIFY(solution);
        QCOMPARE(solution->challenge, c.value("challenge"_L1).toString());
        QCOMPARE(solution->expiresAt, now + Altcha::lifetimeSeconds);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("wrong number") << u"number"_s << QJsonValue(-1);
        QTest::newRow("number as text") << u"number"_s << QJsonValue(u"5"_s);
        QTest::newRow("other algorithm") << u"algorithm"_s << QJsonValue(u"SHA-1"_s);
        QTest::newRow("forged signature") << u"signature"_s << QJsonValue(QString(64, u'a'));
        QTest::newRow("longer expiry") << u"salt"_s << QJsonValue(u"00?expires=1800001000"_s);
        QTest::newRow("test mode") << u"test"_s << QJsonValue(true);
        QTest::newRow("no challenge") << u"challenge"_s << QJsonValue(QJsonValue::Null);
    }

    void refused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        const Altcha altcha(QByteArray(32, 'k'), 1000);
        QJsonObject payload = solve(altcha.newChallenge(now));
        payload.insert(field, value);
        QVERIFY(!altcha.verify(encode(payload), now));
    }

    void otherServersKeyRefused()
    {
        const Altcha ours(QByteArray(32, 'k'), 1000);
        const Altcha theirs(QByteArray(32, 'x'), 1000);
        QVERIFY(!ours.verify(encode(solve(theirs.newChallenge(now))), now));
    }

    void expired()
    {
        const Altcha altcha(QByteArray(32, 'k'), 1000);
        const QString payload = encode(solve(altcha.newChallenge(now)));
        QVERIFY(altcha.verify(payload, now + Altcha::lifetimeSeconds - 1));
        QVERIFY(!altcha.verify(payload, now + Altcha::lifetimeSeconds));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::newRow("empty") << QString();
        QTest::newRow("not base64") << u"***"_s;
        QTest::newRow("not json") << QString::fromLatin1(QByteArray("hello").toBase64());
        QTest::newRow("json array") << QString::fromLatin1(QByteArray("[]").toBase64());
        QTest::newRow("huge") << QString(5000, u'A');
    }

    void malformed()
    {
        QFETCH(QString, payload);
        const Altcha altcha(QByteArray(32, 'k'), 1000);
        QVERIFY(!altcha.verify(payload, now));
    }
};

QTEST_GUILESS_MAIN(TestAltcha)
#include "TestAltcha.moc"
