// Availability and public slots against the real lotse-server with a fixed clock: advisors PUT
// their rules, the public endpoint returns exactly the expected slots (busy blocks, holidays and
// minimum notice included), another organisation's data never shows, bad input is refused with
// field-level errors and changes nothing, queries are limited to 62 days, and the public
// endpoints are rate limited.
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Lotse::Tests;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// Slot starts and ends as "HH:mm-HH:mm@dd" (UTC) for compact golden lists.
QStringList slotList(const TestHttpClient::Reply &reply)
{
    if (reply.status != 200)
        return {u"HTTP %1 %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body))};
    QStringList result;
    for (const QJsonValue &v : reply.json().value("slots"_L1).toArray()) {
        const QDateTime start = QDateTime::fromString(v.toObject().value("start"_L1).toString(), Qt::ISODate);
        const QDateTime end = QDateTime::fromString(v.toObject().value("end"_L1).toString(), Qt::ISODate);
        result.append(start.toUTC().toString(u"dd'@'HH:mm"_s) + u'-' + end.toUTC().toString(u"HH:mm"_s));
    }
    return result;
}

} // namespace

class TestServerSlots : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestHttpClient> m_client;
    QString m_anna;
    QString m_ben;
    QString m_olga; // another organisation
    QString m_annaId;
    QString m_benId;
    QString m_olgaId;
    QString m_location;
    QString m_otherLocation;

    TestHttpClient::Reply put(const QString &path, const QByteArray &body, const QString &token,
                              const QByteArray &contentType = "application/json")
    {
        return m_client->send("PUT", path, body,
                              {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", contentType}});
    }

    TestHttpClient::Reply put(const QString &path, const QJsonObject &body, const QString &token)
    {
        return put(path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }

    TestHttpClient::Reply querySlots(const QString &org, const QString &query)
    {
        return m_client->get(u"/api/v1/public/orgs/%1/slots?%2"_s.arg(org, query));
    }

    QJsonObject annaRules() const
    {
        QJsonObject rules = json(R"({"timeZone": "Europe/Berlin",
            "weekly": {"mon": [{"start": "09:00", "end": "12:00"}]},
            "types": [{"type": "video", "durationMinutes": 60}],
            "slotStepMinutes": 60, "horizonDays": 60})");
        QJsonArray types = rules.value("types"_L1).toArray();
        types.append(QJsonObject{
            {u"type"_s, u"onsite"_s}, {u"durationMinutes"_s, 60}, {u"locationIds"_s, QJsonArray{m_location}}});
        rules.insert(u"types"_s, types);
        return rules;
    }

private slots:
    void initTestCase()
    {
        TestServer::Options options;
        options.configIni = "[limits]\npublic_requests_per_minute = 1000\n";
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        // Friday 20 November 2026, 09:00 in Berlin.
        m_server->setNow(QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(m_server->createOrg(u"demo"_s, u"Demo-Beratungsstelle"_s));
        QVERIFY(m_server->createOrg(u"other"_s, u"Andere Stelle"_s));
        QVERIFY(m_server->createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s));
        QVERIFY(m_server->createAdvisor(u"demo"_s, u"ben@demo.example"_s, u"ben password"_s, u"Ben"_s));
        QVERIFY(m_server->createAdvisor(u"other"_s, u"olga@other.example"_s, u"olga password"_s, u"Olga"_s));
        m_client = std::make_unique<TestHttpClient>(m_server->baseUrl());
        m_anna = m_client->login(u"anna@demo.example"_s, u"anna password"_s);
        m_annaId = m_client->lastReply().json().value("advisor"_L1).toObject().value("id"_L1).toString();
        m_ben = m_client->login(u"ben@demo.example"_s, u"ben password"_s);
        m_benId = m_client->lastReply().json().value("advisor"_L1).toObject().value("id"_L1).toString();
        m_olga = m_client->login(u"olga@other.example"_s, u"olga password"_s);
        m_olgaId = m_client->lastReply().json().value("advisor"_L1).toObject().value("id"_L1).toString();
        QVERIFY(!m_anna.isEmpty() && !m_ben.isEmpty() && !m_olga.isEmpty());

        const auto locations = put(
            u"/api/v1/org/locations"_s,
            json(R"({"locations": [{"name": "Hauptstelle", "address": "Marktplatz 1\n12345 Musterstadt"}]})"), m_anna);
        QCOMPARE(locations.status, 200);
        m_location = locations.json().value("locations"_L1).toArray().at(0).toObject().value("id"_L1).toString();
        QVERIFY(!m_location.isEmpty());
        const auto other = put(u"/api/v1/org/locations"_s,
                               json(R"({"locations": [{"name": "Filiale", "address": "Weg 2"}]})"), m_olga);
        QCOMPARE(other.status, 200);
        m_otherLocation = other.json().value("locations"_L1).toArray().at(0).toObject().value("id"_L1).toString();

        QCOMPARE(put(u"/api/v1/me/availability"_s, annaRules(), m_anna).status, 200);
        QCOMPARE(put(u"/api/v1/me/availability"_s,
                     json(R"({"timeZone": "Europe/Berlin", "weekly": {"tue": [{"start": "10:00", "end": "12:00"}]},
                              "types": [{"type": "video", "durationMinutes": 60}], "slotStepMinutes": 60})"),
                     m_ben)
                     .status,
                 200);
        QCOMPARE(put(u"/api/v1/me/availability"_s,
                     json(R"({"timeZone": "Europe/Berlin", "weekly": {"wed": [{"start": "09:00", "end": "10:00"}]},
                              "types": [{"type": "video", "durationMinutes": 60}]})"),
                     m_olga)
                     .status,
                 200);
    }

    void availabilityRoundTrip()
    {
        const auto reply = m_client->get(u"/api/v1/me/availability"_s, m_anna);
        QCOMPARE(reply.status, 200);
        const QJsonObject stored = reply.json();
        QCOMPARE(stored.value("weekly"_L1).toObject().value("mon"_L1).toArray(),
                 (QJsonArray{QJsonObject{{u"start"_s, u"09:00"_s}, {u"end"_s, u"12:00"_s}}}));
        QCOMPARE(stored.value("weekly"_L1).toObject().value("sun"_L1).toArray(), QJsonArray());
        QCOMPARE(stored.value("types"_L1).toArray().size(), 2);
        QCOMPARE(stored.value("bufferAfterMinutes"_L1).toInt(), 0);
        QCOMPARE(stored.value("slotStepMinutes"_L1).toInt(), 60);
        // An advisor who never saved rules offers nothing, in the organisation's zone.
        QVERIFY2(m_server->createAdvisor(u"demo"_s, u"carla@demo.example"_s, u"carla password"_s, u"Carla"_s),
                 m_server->lastAdminErrorOutput().constData());
        const QString carla = m_client->login(u"carla@demo.example"_s, u"carla password"_s);
        const QJsonObject empty = m_client->get(u"/api/v1/me/availability"_s, carla).json();
        QCOMPARE(empty.value("timeZone"_L1).toString(), u"Europe/Berlin"_s);
        QCOMPARE(empty.value("types"_L1).toArray(), QJsonArray());
        // Signed-in only.
        QCOMPARE(m_client->get(u"/api/v1/me/availability"_s).status, 401);
    }

    void publicSlotsAreExact()
    {
        const QString week = u"from=2026-11-23T00:00:00Z&to=2026-11-26T00:00:00Z"_s;
        // Anna on Monday 09-12 Berlin (08-11Z), Ben on Tuesday 10-12 (09-11Z); Olga's Wednesday
        // belongs to another organisation.
        QCOMPARE(slotList(querySlots(u"demo"_s, u"type=video&"_s + week)),
                 (QStringList{u"23@08:00-09:00"_s, u"23@09:00-10:00"_s, u"23@10:00-11:00"_s, u"24@09:00-10:00"_s,
                              u"24@10:00-11:00"_s}));
        QCOMPARE(slotList(querySlots(u"demo"_s, u"type=video&advisor=%1&%2"_s.arg(m_benId, week))),
                 (QStringList{u"24@09:00-10:00"_s, u"24@10:00-11:00"_s}));
        QCOMPARE(slotList(querySlots(u"demo"_s, u"type=onsite&location=%1&%2"_s.arg(m_location, week))),
                 (QStringList{u"23@08:00-09:00"_s, u"23@09:00-10:00"_s, u"23@10:00-11:00"_s}));
        QCOMPARE(slotList(querySlots(u"demo"_s, u"type=phone&"_s + week)), QStringList());
        QCOMPARE(slotList(querySlots(u"other"_s, u"type=video&"_s + week)), (QStringList{u"25@08:00-09:00"_s}));
        const auto reply = querySlots(u"demo"_s, u"type=video&"_s + week);
        QCOMPARE(reply.json().value("slots"_L1).toArray().at(0).toObject(),
                 (QJsonObject{{u"start"_s, u"2026-11-23T08:00:00Z"_s}, {u"end"_s, u"2026-11-23T09:00:00Z"_s}}));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        // The booking page sends the times percent-encoded (URLSearchParams).
        QCOMPARE(querySlots(u"demo"_s, u"type=video&from=2026-11-23T00%3A00%3A00Z&to=2026-11-26T00%3A00%3A00Z"_s).body,
                 reply.body);
    }

    void busyHolidaysAndNotice()
    {
        const QString monday = u"type=video&from=2026-11-23T00:00:00Z&to=2026-11-25T00:00:00Z"_s;
        QCOMPARE(put(u"/api/v1/me/busy"_s, json(R"({"from": "2026-11-23T00:00:00Z", "to": "2026-11-24T00:00:00Z",
                              "busy": [{"start": "2026-11-23T09:30:00Z", "end": "2026-11-23T09:45:00Z"}]})"),
                     m_anna)
                     .status,
                 204);
        QCOMPARE(put(u"/api/v1/org/holidays"_s, json(R"({"holidays": ["2026-11-24"]})"), m_ben).status, 200);
        QCOMPARE(m_client->get(u"/api/v1/org/holidays"_s, m_anna).json().value("holidays"_L1).toArray(),
                 QJsonArray{u"2026-11-24"_s});
        QCOMPARE(slotList(querySlots(u"demo"_s, monday)), (QStringList{u"23@08:00-09:00"_s, u"23@10:00-11:00"_s}));

        // Replacing the window with no blocks frees the time again; so does an empty holiday list.
        QCOMPARE(put(u"/api/v1/me/busy"_s,
                     json(R"({"from": "2026-11-23T00:00:00Z", "to": "2026-11-24T00:00:00Z", "busy": []})"), m_anna)
                     .status,
                 204);
        QCOMPARE(put(u"/api/v1/org/holidays"_s, json(R"({"holidays": []})"), m_ben).status, 200);
        QCOMPARE(slotList(querySlots(u"demo"_s, monday)).size(), 5);

        // Minimum notice counts from the server's clock (Friday 08:00Z): 3 days and 90 minutes leave
        // Monday from 09:30Z on.
        QJsonObject rules = annaRules();
        rules.insert(u"minimumNoticeMinutes"_s, 3 * 24 * 60 + 90);
        QCOMPARE(put(u"/api/v1/me/availability"_s, rules, m_anna).status, 200);
        QCOMPARE(slotList(querySlots(u"demo"_s, u"advisor=%1&%2"_s.arg(m_annaId, monday))),
                 QStringList{u"23@10:00-11:00"_s});
        QCOMPARE(put(u"/api/v1/me/availability"_s, annaRules(), m_anna).status, 200);
    }

    void publicOrganisation()
    {
        const auto reply = m_client->get(u"/api/v1/public/orgs/demo"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value("organisation"_L1).toObject(), (QJsonObject{{u"slug"_s, u"demo"_s},
                                                                        {u"name"_s, u"Demo-Beratungsstelle"_s},
                                                                        {u"timeZone"_s, u"Europe/Berlin"_s}}));
        QCOMPARE(body.value("privacyPolicy"_L1).toObject().value("url"_L1).toString(), u"/privacy/demo"_s);
        QCOMPARE(body.value("types"_L1).toArray(),
                 (QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 60}},
                             QJsonObject{{u"type"_s, u"onsite"_s}, {u"durationMinutes"_s, 60}}}));
        const QJsonArray locations = body.value("locations"_L1).toArray();
        QCOMPARE(locations.size(), 1);
        QCOMPARE(locations.at(0).toObject().value("id"_L1).toString(), m_location);
        QStringList advisors;
        for (const QJsonValue &v : body.value("advisors"_L1).toArray())
            advisors.append(v.toObject().value("displayName"_L1).toString());
        QCOMPARE(advisors, (QStringList{u"Anna"_s, u"Ben"_s}));
        QCOMPARE(m_client->get(u"/api/v1/public/orgs/nobody"_s).status, 404);

        // Settings: defaults, then a change that the public page shows.
        QCOMPARE(m_client->get(u"/api/v1/org/settings"_s, m_anna).json(),
                 json(R"({"autoConfirm": false, "timeZone": "Europe/Berlin", "privacyPolicyVersion": "2026-11-01"})"));
        const QJsonObject settings =
            json(R"({"autoConfirm": true, "timeZone": "Europe/Vienna", "privacyPolicyVersion": "2026-12-01"})");
        QCOMPARE(put(u"/api/v1/org/settings"_s, settings, m_anna).json(), settings);
        const QJsonObject changed = m_client->get(u"/api/v1/public/orgs/demo"_s).json();
        QCOMPARE(changed.value("privacyPolicy"_L1).toObject().value("version"_L1).toString(), u"2026-12-01"_s);
        QCOMPARE(m_client->get(u"/api/v1/org/settings"_s, m_olga).json().value("autoConfirm"_L1).toBool(), false);
        QCOMPARE(
            put(u"/api/v1/org/settings"_s,
                json(R"({"autoConfirm": false, "timeZone": "Europe/Berlin", "privacyPolicyVersion": "2026-11-01"})"),
                m_anna)
                .status,
            200);
    }

    void otherOrganisationNeverShows()
    {
        const QString week = u"from=2026-11-23T00:00:00Z&to=2026-11-26T00:00:00Z"_s;
        QCOMPARE(querySlots(u"demo"_s, u"type=video&advisor=%1&%2"_s.arg(m_olgaId, week)).status, 404);
        QCOMPARE(querySlots(u"demo"_s, u"type=onsite&location=%1&%2"_s.arg(m_otherLocation, week)).status, 404);
        QCOMPARE(querySlots(u"other"_s, u"type=video&advisor=%1&%2"_s.arg(m_annaId, week)).status, 404);
        const QJsonArray olgasLocations =
            m_client->get(u"/api/v1/org/locations"_s, m_olga).json().value("locations"_L1).toArray();
        QCOMPARE(olgasLocations.size(), 1);
        QCOMPARE(olgasLocations.at(0).toObject().value("id"_L1).toString(), m_otherLocation);

        // Olga cannot name demo's location in her rules or her list.
        QJsonObject rules = annaRules();
        const auto refused = put(u"/api/v1/me/availability"_s, rules, m_olga);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value("error"_L1).toObject().value("fields"_L1).toObject().keys(),
                 QStringList{u"types[1].locationIds[0]"_s});
        const auto list = put(u"/api/v1/org/locations"_s,
                              QJsonObject{{u"locations"_s, QJsonArray{QJsonObject{{u"id"_s, m_location},
                                                                                  {u"name"_s, u"Taken"_s},
                                                                                  {u"address"_s, u"Here"_s}}}}},
                              m_olga);
        QCOMPARE(list.status, 400);
        QCOMPARE(list.json().value("error"_L1).toObject().value("fields"_L1).toObject().keys(),
                 QStringList{u"locations[0].id"_s});
        // Demo's location is unchanged.
        QCOMPARE(m_client->get(u"/api/v1/org/locations"_s, m_anna)
                     .json()
                     .value("locations"_L1)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("name"_L1)
                     .toString(),
                 u"Hauptstelle"_s);
        QCOMPARE(slotList(querySlots(u"other"_s, u"type=video&"_s + week)), (QStringList{u"25@08:00-09:00"_s}));
    }

    void badInputChangesNothing()
    {
        const QByteArray before = m_client->get(u"/api/v1/me/availability"_s, m_anna).body;
        QJsonObject rules = annaRules();
        rules.insert(u"weekly"_s, json(R"({"mon": [{"start": "09:00", "end": "08:00"}]})"));
        rules.insert(u"horizonDays"_s, 0);
        const auto refused = put(u"/api/v1/me/availability"_s, rules, m_anna);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), u"validation_failed"_s);
        QCOMPARE(refused.json().value("error"_L1).toObject().value("fields"_L1).toObject().keys(),
                 (QStringList{u"horizonDays"_s, u"weekly.mon[0].end"_s}));
        QCOMPARE(put(u"/api/v1/me/availability"_s, "{\"timeZone\": ", m_anna).errorCode(), u"invalid_json"_s);
        QCOMPARE(put(u"/api/v1/me/availability"_s, QJsonDocument(annaRules()).toJson(), m_anna, "text/plain").status,
                 415);
        QJsonObject unknown = annaRules();
        unknown.insert(u"colour"_s, u"blue"_s);
        QCOMPARE(put(u"/api/v1/me/availability"_s, unknown, m_anna)
                     .json()
                     .value("error"_L1)
                     .toObject()
                     .value("fields"_L1)
                     .toObject()
                     .keys(),
                 QStringList{u"colour"_s});
        QCOMPARE(m_client->get(u"/api/v1/me/availability"_s, m_anna).body, before);

        const auto fieldsOf = [](const TestHttpClient::Reply &reply) {
            return reply.json().value("error"_L1).toObject().value("fields"_L1).toObject().keys();
        };
        QCOMPARE(fieldsOf(querySlots(u"demo"_s, u"type=chat&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z"_s)),
                 QStringList{u"type"_s});
        QCOMPARE(fieldsOf(querySlots(u"demo"_s, u"type=video&from=2026-11-23T00:00:00&to=2026-11-24T00:00:00Z"_s)),
                 QStringList{u"from"_s});
        QCOMPARE(fieldsOf(querySlots(u"demo"_s, u"type=video&from=2026-11-23T00:00:00Z&to=2026-11-23T00:00:00Z"_s)),
                 QStringList{u"to"_s});
        QCOMPARE(fieldsOf(querySlots(u"demo"_s, u"type=video&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z&x=1"_s)),
                 QStringList{u"x"_s});
        QCOMPARE(fieldsOf(querySlots(u"demo"_s,
                                     u"type=video&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z&advisor=1"_s)),
                 QStringList{u"advisor"_s});
        QCOMPARE(
            fieldsOf(put(u"/api/v1/me/busy"_s, json(R"({"from": "2026-11-23T00:00:00Z", "to": "2026-11-24T00:00:00Z",
                                       "busy": [{"start": "2026-11-23T10:00:00Z", "end": "2026-11-23T09:00:00Z"}]})"),
                         m_anna)),
            QStringList{u"busy[0].end"_s});
        QCOMPARE(
            fieldsOf(put(u"/api/v1/org/holidays"_s, json(R"({"holidays": ["2026-11-24", "24.11.2026"]})"), m_anna)),
            QStringList{u"holidays[1]"_s});
        QCOMPARE(fieldsOf(put(u"/api/v1/org/settings"_s,
                              json(R"({"autoConfirm": false, "timeZone": "Berlin", "privacyPolicyVersion": "v1"})"),
                              m_anna)),
                 QStringList{u"timeZone"_s});
        QCOMPARE(m_client->send("POST", u"/api/v1/public/orgs/demo/slots"_s).status, 405);
        // Nothing of it reached the slots.
        QCOMPARE(
            slotList(querySlots(u"demo"_s, u"type=video&from=2026-11-23T00:00:00Z&to=2026-11-26T00:00:00Z"_s)).size(),
            5);
    }

    void sixtyTwoDays()
    {
        QCOMPARE(querySlots(u"demo"_s, u"type=video&from=2026-11-23T00:00:00Z&to=2027-01-24T00:00:00Z"_s).status, 200);
        const auto tooLong = querySlots(u"demo"_s, u"type=video&from=2026-11-23T00:00:00Z&to=2027-01-24T00:00:01Z"_s);
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(tooLong.json().value("error"_L1).toObject().value("fields"_L1).toObject().keys(),
                 QStringList{u"to"_s});
        // The horizon (60 days from Friday 20 November 08:00Z) ends Anna's offer on 19 January 08:00Z.
        const QStringList all = slotList(querySlots(
            u"demo"_s, u"type=video&advisor=%1&from=2026-11-23T00:00:00Z&to=2027-01-24T00:00:00Z"_s.arg(m_annaId)));
        QCOMPARE(all.size(), 9 * 3);
        QCOMPARE(all.last(), u"18@10:00-11:00"_s);
    }

    void rateLimited()
    {
        TestServer::Options options;
        options.configIni = "[limits]\npublic_requests_per_minute = 3\n";
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QVERIFY(server.createOrg(u"tiny"_s, u"Tiny"_s));
        TestHttpClient client(server.baseUrl());
        const QString path =
            u"/api/v1/public/orgs/tiny/slots?type=video&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z"_s;
        QCOMPARE(client.get(path).status, 200);
        QCOMPARE(client.get(u"/api/v1/public/orgs/tiny"_s).status, 200);
        QCOMPARE(client.get(path).status, 200);
        const auto limited = client.get(path);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"rate_limited"_s);
        QVERIFY(limited.header("Retry-After").toInt() > 0);
        server.advanceClock(61);
        QCOMPARE(client.get(path).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerSlots)
#include "TestServerSlots.moc"
