// The shared wire types (models/ApiTypes.h): JSON field names as in server-stub/API.md, and
// fromJson refusing wrong shapes.
#include "models/ApiTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Models;

class TestApiTypes : public QObject
{
    Q_OBJECT

private slots:
    void isoTimes()
    {
        const QDateTime t = QDateTime::fromSecsSinceEpoch(1'795'960'800).toUTC();
        QCOMPARE(toIsoUtc(t), u"2026-11-29T14:00:00Z"_s);
        QCOMPARE(fromIsoUtc(u"2026-11-29T14:00:00Z"_s), t);
        QCOMPARE(fromIsoUtc(u"2026-11-29T15:00:00+01:00"_s), t);
        QVERIFY(!fromIsoUtc(u"yesterday"_s).isValid());
    }

    void loginResponseMatchesApiMd()
    {
        const QByteArray wire =
            "{\"token\":\"tok\",\"expiresAt\":\"2026-11-24T14:00:00Z\",\"advisor\":{\"id\":\"a1\",\"username\":"
            "\"berater@demo.example\",\"displayName\":\"Berta\",\"totpEnabled\":false,\"organisation\":{\"id\":\"o1\","
            "\"slug\":\"demo\",\"name\":\"Demo-Beratungsstelle\"}}}";
        const auto response = LoginResponse::fromJson(QJsonDocument::fromJson(wire).object());
        QVERIFY(response);
        QCOMPARE(response->token, u"tok"_s);
        QCOMPARE(response->advisor.organisation.slug, u"demo"_s);
        QCOMPARE(response->toJson(), QJsonDocument::fromJson(wire).object());
    }

    void deviceRoundTrip()
    {
        Device device{u"d1"_s,    u"a1"_s, u"Laptop"_s, u"x"_s,
                      u"e"_s,     u"s"_s,  u"k"_s,      QDateTime::fromSecsSinceEpoch(1'790'000'000).toUTC(),
                      QDateTime()};
        QJsonObject json = device.toJson();
        QVERIFY(json.value("revokedAt"_L1).isNull());
        QCOMPARE(json.keys(), (QStringList{u"advisorId"_s, u"createdAt"_s, u"ed25519"_s, u"id"_s, u"keyId"_s, u"name"_s,
                                           u"revokedAt"_s, u"signature"_s, u"x25519"_s}));
        const auto back = Device::fromJson(json);
        QVERIFY(back);
        QCOMPARE(back->toJson(), json);
        json.insert(u"revokedAt"_s, 5);
        QVERIFY(!Device::fromJson(json));
    }

    void errorFormat()
    {
        const ApiError error{u"validation_failed"_s, u"Some fields are wrong."_s, {{u"name"_s, u"required"_s}}};
        const QJsonObject json = error.toJson();
        QCOMPARE(json.value("error"_L1).toObject().value("fields"_L1).toObject().value("name"_L1).toString(),
                 u"required"_s);
        QCOMPARE(ApiError::fromJson(json)->fields, error.fields);
        const ApiError plain{u"not_found"_s, u"No."_s, {}};
        QVERIFY(!plain.toJson().value("error"_L1).toObject().contains("fields"_L1));
        QVERIFY(!ApiError::fromJson(QJsonObject{{u"code"_s, u"x"_s}}));
    }

    void publicDeviceList()
    {
        PublicDeviceList list{u"demo"_s, u"Demo"_s, {{u"k1"_s, u"x1"_s, u"e1"_s, u"s1"_s}}};
        const QJsonObject json = list.toJson();
        QCOMPARE(json.value("devices"_L1).toArray().at(0).toObject().keys(),
                 (QStringList{u"ed25519"_s, u"keyId"_s, u"signature"_s, u"x25519"_s}));
        const auto back = PublicDeviceList::fromJson(json);
        QVERIFY(back);
        QCOMPARE(back->devices.size(), 1);
        QCOMPARE(back->devices.at(0).keyId, u"k1"_s);
        QJsonObject broken = json;
        broken.insert(u"devices"_s, QJsonArray{QJsonObject{{u"keyId"_s, 1}}});
        QVERIFY(!PublicDeviceList::fromJson(broken));
    }

    void loginRequestOmitsEmptyTotp()
    {
        const LoginRequest withoutCode{u"u"_s, u"p"_s, {}};
        const LoginRequest withCode{u"u"_s, u"p"_s, u"123456"_s};
        QVERIFY(!withoutCode.toJson().contains("totp"_L1));
        QCOMPARE(withCode.toJson().value("totp"_L1).toString(), u"123456"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiTypes)
#include "TestApiTypes.moc"
