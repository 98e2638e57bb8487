// Public bookings and contact messages against the real lotse-server: validation of every field,
// the sealed-envelope check, ALTCHA (solved like the widget; single use), idempotent retries,
// slot conflicts (also two at once), nothing half-stored, rate limits, cross-site refusal,
// organisation isolation of the requests, and no sealed plaintext anywhere in the data dir.
#include "BookingFixture.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace BookingFixture;
using namespace Lotse::Tests;

class TestServerBooking : public QObject
{
    Q_OBJECT

private:
    World m_world;
    int m_hour = 0;

    TestHttpClient::Reply post(const QString &slug, const QJsonObject &body, const TestHttpClient::Headers &extra = {})
    {
        return m_world.client->postJson(u"/api/v1/public/orgs/"_s + slug + u"/bookings"_s, body, {}, extra);
    }
    QDateTime nextSlot() { return m_world.slot(++m_hour); }

    struct Counts
    {
        qint64 bookings, messages, outbox, altcha;
        friend bool operator==(const Counts &, const Counts &) = default;
    };
    Counts counts() const
    {
        const Database db(m_world.server->databaseFile());
        return {db.count(u"bookings"_s), db.count(u"contact_messages"_s), db.count(u"outbox"_s),
                db.count(u"altcha_used"_s)};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(Lotse::Crypto::init());
        const QString error = m_world.setUp("[limits]\nbooking_posts_per_ip_per_hour = 1000\n"
                                            "booking_posts_per_org_per_hour = 1000\n"
                                            "public_requests_per_minute = 1000\n"
                                            "[altcha]\nmax_number = 2000\n");
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void bookAndOpenTheSealedFields()
    {
        const QString id = newId();
        const QDateTime start = nextSlot();
        const auto reply = post(u"demo"_s, m_world.booking(id, start));
        QCOMPARE(reply.status, 201);
        const QJsonObject booking = reply.json().value("booking"_L1).toObject();
        QCOMPARE(booking.value("id"_L1).toString(), id);
        QCOMPARE(booking.value("status"_L1).toString(), u"pending"_s);
        QCOMPARE(booking.value("start"_L1).toString(), isoUtc(start));
        QCOMPARE(booking.value("end"_L1).toString(), isoUtc(start.addSecs(45 * 60)));
        const QString manageUrl = booking.value("manageUrl"_L1).toString();
        QVERIFY(manageUrl.startsWith(u"/manage#"_s));
        QCOMPARE(manageUrl.size(), 8 + 43);

        // Only the token's hash is stored.
        const Database db(m_world.server->databaseFile());
        QCOMPARE(db.count(u"bookings"_s, u"manage_token_hash = '%1'"_s.arg(manageUrl.mid(8))), 0);

        // The advisor sees the request and opens what the browser sealed with the device's key.
        const auto list = m_world.client->get(u"/api/v1/requests"_s, m_world.anna);
        QCOMPARE(list.status, 200);
        QJsonObject item;
        for (const QJsonValue &v : list.json().value("requests"_L1).toArray())
            if (v.toObject().value("id"_L1).toString() == id)
                item = v.toObject();
        QCOMPARE(item.value("kind"_L1).toString(), u"booking"_s);
        QCOMPARE(item.value("email"_L1).toString(), u"visitor@example.org"_s);
        QCOMPARE(item.value("advisorId"_L1).toString(), m_world.annaId);
        const auto envelope = Lotse::Crypto::fromBase64Url(item.value("sealed"_L1).toString());
        QVERIFY(envelope);
        const auto opened = Lotse::Crypto::SealedEnvelope::open(m_world.annaDevice.encryption,
                                                                Lotse::Crypto::SealPurpose::BookingFields,
                                                                (u"booking:"_s + id).toUtf8(), *envelope);
        QVERIFY(opened);
        QCOMPARE(QJsonDocument::fromJson(*opened).object(), Canaries().json());
    }

    void anyAdvisorAndThePublicSlots()
    {
        const QDateTime start = nextSlot();
        const QString day = u"type=video&from=%1&to=%2"_s.arg(isoUtc(start), isoUtc(start.addSecs(3600)));
        const auto before = m_world.client->get(u"/api/v1/public/orgs/demo/slots?"_s + day);
        QCOMPARE(before.status, 200);
        QCOMPARE(before.json().value("slots"_L1).toArray().first().toObject().value("start"_L1).toString(),
                 isoUtc(start));
        // Without advisorId the server picks a free advisor.
        QJsonObject body = m_world.booking(newId(), start);
        body.remove(u"advisorId"_s);
        const auto created = post(u"demo"_s, body);
        QCOMPARE(created.status, 201);
        const Database db(m_world.server->databaseFile());
        QCOMPARE(
            db.value(u"SELECT advisor_id FROM bookings WHERE id = '%1'"_s.arg(body.value("bookingId"_L1).toString()))
                .toString(),
            m_world.annaId);
        // The booked 45 minutes are no longer offered to anyone.
        const auto after = m_world.client->get(u"/api/v1/public/orgs/demo/slots?"_s + day);
        for (const QJsonValue &v : after.json().value("slots"_L1).toArray()) {
            const QDateTime s = QDateTime::fromString(v.toObject().value("start"_L1).toString(), Qt::ISODate);
            QVERIFY(s >= start.addSecs(45 * 60) || s.addSecs(45 * 60) <= start);
        }
    }

    void onsiteAtALocation()
    {
        const auto put = [&](const QString &path, const QJsonObject &body) {
            return m_world.client->send(
                "PUT", path, QJsonDocument(body).toJson(),
                {{"Authorization", "Bearer " + m_world.anna.toLatin1()}, {"Content-Type", "application/json"}});
        };
        const auto locations =
            put(u"/api/v1/org/locations"_s,
                {{u"locations"_s,
                  QJsonArray{QJsonObject{{u"name"_s, u"Hauptstelle"_s}, {u"address"_s, u"Marktplatz 1"_s}}}}});
        QCOMPARE(locations.status, 200);
        const QString location =
            locations.json().value("locations"_L1).toArray().at(0).toObject().value("id"_L1).toString();
        QJsonObject rules = roundTheClock();
        QJsonArray types = rules.value("types"_L1).toArray();
        types.append(QJsonObject{
            {u"type"_s, u"onsite"_s}, {u"durationMinutes"_s, 60}, {u"locationIds"_s, QJsonArray{location}}});
        rules.insert(u"types"_s, types);
        QCOMPARE(put(u"/api/v1/me/availability"_s, rules).status, 200);

        QJsonObject body = m_world.booking(newId(), nextSlot());
        body.insert(u"type"_s, u"onsite"_s);
        body.insert(u"locationId"_s, location);
        const auto created = post(u"demo"_s, body);
        QCOMPARE(created.status, 201);
        const QJsonObject booking = created.json().value("booking"_L1).toObject();
        QCOMPARE(QDateTime::fromString(booking.value("start"_L1).toString(), Qt::ISODate)
                     .secsTo(QDateTime::fromString(booking.value("end"_L1).toString(), Qt::ISODate)),
                 3600);
        bool listed = false;
        for (const QJsonValue &v :
             m_world.client->get(u"/api/v1/requests"_s, m_world.anna).json().value("requests"_L1).toArray())
            listed = listed || v.toObject().value("locationId"_L1).toString() == location;
        QVERIFY(listed);
        // A location the advisor does not offer there is no slot.
        body = m_world.booking(newId(), nextSlot());
        body.insert(u"type"_s, u"onsite"_s);
        body.insert(u"locationId"_s, newId());
        QCOMPARE(post(u"demo"_s, body).errorCode(), u"slot_taken"_s);
        // Video elsewhere: a location is refused.
        body = m_world.booking(newId(), nextSlot());
        body.insert(u"locationId"_s, location);
        QCOMPARE(post(u"demo"_s, body).status, 400);
    }

    void idempotentRetry()
    {
        const QString id = newId();
        QJsonObject body = m_world.booking(id, nextSlot());
        const auto first = post(u"demo"_s, body);
        QCOMPARE(first.status, 201);
        const Counts before = counts();
        // The page retries after a lost answer: with the same fields (a fresh ALTCHA or the same).
        const auto again = post(u"demo"_s, body);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.json(), first.json());
        body.insert(u"altcha"_s, m_world.altcha());
        QCOMPARE(post(u"demo"_s, body).json(), first.json());
        QCOMPARE(counts(), before);
        // The same id with other content is not the same booking.
        body.insert(u"email"_s, u"someone.else@example.org"_s);
        QCOMPARE(post(u"demo"_s, body).status, 409);
        QCOMPARE(counts(), before);
    }

    void slotTakenOffersTheNearest()
    {
        const QDateTime start = nextSlot();
        QCOMPARE(post(u"demo"_s, m_world.booking(newId(), start)).status, 201);
        const Counts before = counts();
        const auto taken = post(u"demo"_s, m_world.booking(newId(), start.addSecs(15 * 60)));
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), u"slot_taken"_s);
        const QJsonArray nearest = taken.json().value("error"_L1).toObject().value("nearestSlots"_L1).toArray();
        QVERIFY(!nearest.isEmpty());
        QVERIFY(nearest.size() <= 5);
        for (const QJsonValue &v : nearest) {
            const QDateTime s = QDateTime::fromString(v.toObject().value("start"_L1).toString(), Qt::ISODate);
            // None of them overlaps the booked 45 minutes.
            QVERIFY(s.addSecs(45 * 60) <= start || s >= start.addSecs(45 * 60));
        }
        QCOMPARE(counts(), before);
    }

    void twoAtOnceOneWins()
    {
        const QDateTime start = nextSlot();
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 2; ++i) {
            QNetworkRequest request(m_world.server->url(u"/api/v1/public/orgs/demo/bookings"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            replies << network.post(request, QJsonDocument(m_world.booking(newId(), start)).toJson());
        }
        for (QNetworkReply *reply : std::as_const(replies)) {
            if (!reply->isFinished()) {
                QEventLoop loop;
                connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                loop.exec();
            }
        }
        QList<int> statuses;
        for (QNetworkReply *reply : std::as_const(replies)) {
            statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{201, 409}));
        const Database db(m_world.server->databaseFile());
        QCOMPARE(db.count(u"bookings"_s, u"start_at = %1"_s.arg(start.toSecsSinceEpoch())), 1);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reported"); // the field the error names, when not the one changed
        QTest::newRow("bookingId not a uuid")
            << u"bookingId"_s << QJsonValue(u"42"_s) << u"validation_failed"_s << QString();
        QTest::newRow("bookingId upper case")
            << u"bookingId"_s << QJsonValue(newId().toUpper()) << u"validation_failed"_s << QString();
        QTest::newRow("type unknown") << u"type"_s << QJsonValue(u"chat"_s) << u"validation_failed"_s << QString();
        QTest::newRow("onsite without location")
            << u"type"_s << QJsonValue(u"onsite"_s) << u"validation_failed"_s << u"locationId"_s;
        QTest::newRow("start local time")
            << u"start"_s << QJsonValue(u"2030-01-01T10:00:00"_s) << u"validation_failed"_s << QString();
        QTest::newRow("start in the past")
            << u"start"_s << QJsonValue(u"2001-01-01T10:00:00Z"_s) << u"validation_failed"_s << QString();
        QTest::newRow("start a number") << u"start"_s << QJsonValue(1234) << u"validation_failed"_s << QString();
        QTest::newRow("language unknown")
            << u"language"_s << QJsonValue(u"fr"_s) << u"validation_failed"_s << QString();
        QTest::newRow("time zone unknown")
            << u"timeZone"_s << QJsonValue(u"Mars/Olympus"_s) << u"validation_failed"_s << QString();
        QTest::newRow("time zone path") << u"timeZone"_s << QJsonValue(u"../../etc/passwd"_s) << u"validation_failed"_s
                                        << QString();
        QTest::newRow("email without at")
            << u"email"_s << QJsonValue(u"visitor.example.org"_s) << u"validation_failed"_s << QString();
        QTest::newRow("email with space")
            << u"email"_s << QJsonValue(u"a b@example.org"_s) << u"validation_failed"_s << QString();
        QTest::newRow("email header injection") << u"email"_s << QJsonValue(u"a@example.org\r\nBcc: x@example.org"_s)
                                                << u"validation_failed"_s << QString();
        QTest::newRow("email too long") << u"email"_s << QJsonValue(QString(250, u'a') + u"@example.org"_s)
                                        << u"validation_failed"_s << QString();
        QTest::newRow("policy outdated") << u"policyVersion"_s << QJsonValue(u"1999-01-01"_s) << u"policy_outdated"_s
                                         << QString();
        QTest::newRow("browserKey short")
            << u"browserKey"_s << QJsonValue(u"AAAA"_s) << u"validation_failed"_s << QString();
        QTest::newRow("browserKey small order")
            << u"browserKey"_s << QJsonValue(Lotse::Crypto::toBase64Url(QByteArray(32, '\0'))) << u"validation_failed"_s
            << QString();
        QTest::newRow("sealed not base64url")
            << u"sealed"_s << QJsonValue(u"AQEB+/=="_s) << u"sealed_invalid"_s << QString();
        QTest::newRow("sealed garbage") << u"sealed"_s << QJsonValue(Lotse::Crypto::toBase64Url(QByteArray(200, 'x')))
                                        << u"sealed_invalid"_s << QString();
        QTest::newRow("altcha missing solution")
            << u"altcha"_s << QJsonValue(u"e30="_s) << u"altcha_invalid"_s << QString();
        QTest::newRow("altcha not base64") << u"altcha"_s << QJsonValue(u"!!!"_s) << u"altcha_invalid"_s << QString();
        QTest::newRow("advisor of another organisation")
            << u"advisorId"_s << QJsonValue(newId()) << u"validation_failed"_s << QString();
        QTest::newRow("unknown field") << u"firstName"_s << QJsonValue(u"Kanarienvogel"_s) << u"validation_failed"_s
                                       << QString();
    }

    void badInput()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, reported);
        QJsonObject body = m_world.booking(newId(), nextSlot());
        body.insert(field, value);
        const Counts before = counts();
        const auto reply = post(u"demo"_s, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), code);
        QVERIFY2(reply.json()
                     .value("error"_L1)
                     .toObject()
                     .value("fields"_L1)
                     .toObject()
                     .contains(reported.isEmpty() ? field : reported),
                 reply.body.constData());
        QCOMPARE(counts(), before);
    }

    void malformedBodies()
    {
        const Counts before = counts();
        const auto send = [&](const QByteArray &body, const QByteArray &type) {
            return m_world.client->send("POST", u"/api/v1/public/orgs/demo/bookings"_s, body, {{"Content-Type", type}});
        };
        QCOMPARE(send("{\"bookingId\": ", "application/json").status, 400);
        QCOMPARE(send("[]", "application/json").status, 400);
        QCOMPARE(send("\xff\xfe{}", "application/json").status, 400);
        QCOMPARE(send(QJsonDocument(m_world.booking(newId(), nextSlot())).toJson(), "text/plain").status, 415);
        QCOMPARE(m_world.client->get(u"/api/v1/public/orgs/demo/bookings"_s).status, 405);
        QCOMPARE(m_world.client->get(u"/api/v1/requests?status=everything"_s, m_world.anna).status, 400);
        QCOMPARE(counts(), before);
    }

    void sealedEnvelopeMustNameOnlyThisOrganisationsDevices()
    {
        const QString id = newId();
        const QDateTime start = nextSlot();
        const Counts before = counts();
        const auto tryWith = [&](const QString &sealed) {
            QJsonObject body = m_world.booking(id, start);
            body.insert(u"sealed"_s, sealed);
            return post(u"demo"_s, body);
        };
        const Canaries c;
        const QString context = u"booking:"_s + id;
        // Another organisation's device.
        auto reply = tryWith(seal({m_world.olgaDevice.encryption.publicKey()}, context, c.json()));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"sealed_invalid"_s);
        // Ours and a stranger's key.
        const auto stranger = Lotse::Crypto::EncryptionKeyPair::generate();
        reply = tryWith(seal({m_world.annaDevice.encryption.publicKey(), stranger.publicKey()}, context, c.json()));
        QCOMPARE(reply.errorCode(), u"sealed_invalid"_s);
        // The right key, the wrong purpose.
        reply = tryWith(
            seal({m_world.annaDevice.encryption.publicKey()}, context, c.json(), Lotse::Crypto::SealPurpose::RoomKey));
        QCOMPARE(reply.errorCode(), u"sealed_invalid"_s);
        // Cut short.
        const QString good = seal({m_world.annaDevice.encryption.publicKey()}, context, c.json());
        const auto bytes = Lotse::Crypto::fromBase64Url(good);
        QVERIFY(bytes);
        reply = tryWith(Lotse::Crypto::toBase64Url(bytes->left(3 + 96 + 10)));
        QCOMPARE(reply.errorCode(), u"sealed_invalid"_s);
        QCOMPARE(counts(), before);
        // A revoked device is no longer a recipient.
        const auto devices =
            m_world.client->get(u"/api/v1/devices"_s, m_world.anna).json().value("devices"_L1).toArray();
        Device spare;
        const auto registered =
            m_world.client->postJson(u"/api/v1/devices"_s, spare.registration(u"spare"_s), m_world.anna);
        QCOMPARE(registered.status, 201);
        QCOMPARE(m_world.client->del(u"/api/v1/devices/"_s + registered.json().value("id"_L1).toString(), m_world.anna)
                     .status,
                 204);
        reply = tryWith(seal({spare.encryption.publicKey()}, context, c.json()));
        QCOMPARE(reply.errorCode(), u"sealed_invalid"_s);
        QCOMPARE(counts(), before);
        QCOMPARE(devices.size(), 1);
    }

    void altchaIsSingleUseAndSigned()
    {
        const QString payload = m_world.altcha();
        QJsonObject body = m_world.booking(newId(), nextSlot());
        body.insert(u"altcha"_s, payload);
        QCOMPARE(post(u"demo"_s, body).status, 201);
        const Counts before = counts();
        QJsonObject second = m_world.booking(newId(), nextSlot());
        second.insert(u"altcha"_s, payload);
        auto reply = post(u"demo"_s, second);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"altcha_invalid"_s);

        // A challenge signed with another key (what another server or an attacker would make).
        QJsonObject challenge = m_world.client->get(u"/api/v1/public/altcha"_s).json();
        challenge.insert(u"signature"_s, QString(64, u'0'));
        second.insert(u"altcha"_s, solveAltcha(challenge));
        QCOMPARE(post(u"demo"_s, second).errorCode(), u"altcha_invalid"_s);

        // Expired: the clock moves past the salt's expires.
        const QString fresh = m_world.altcha();
        m_world.server->advanceClock(21 * 60);
        second.insert(u"altcha"_s, fresh);
        second.insert(u"start"_s, isoUtc(nextSlot()));
        QCOMPARE(post(u"demo"_s, second).errorCode(), u"altcha_invalid"_s);
        QCOMPARE(counts(), before);
    }

    void contactMessage()
    {
        const QString id = newId();
        const auto browser = Lotse::Crypto::EncryptionKeyPair::generate();
        const QJsonObject body{{u"messageId"_s, id},
                               {u"language"_s, u"uk"_s},
                               {u"timeZone"_s, u"Europe/Kyiv"_s},
                               {u"email"_s, u"visitor@example.org"_s},
                               {u"policyVersion"_s, m_world.policyVersion},
                               {u"browserKey"_s, Lotse::Crypto::toBase64Url(browser.publicKey())},
                               {u"sealed"_s, seal({m_world.annaDevice.encryption.publicKey()}, u"message:"_s + id,
                                                  QJsonObject{{u"message"_s, Canaries().message}})},
                               {u"altcha"_s, m_world.altcha()}};
        const auto created = m_world.client->postJson(u"/api/v1/public/orgs/demo/messages"_s, body);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value("message"_L1).toObject().value("id"_L1).toString(), id);

        bool listed = false;
        for (const QJsonValue &v :
             m_world.client->get(u"/api/v1/requests"_s, m_world.anna).json().value("requests"_L1).toArray())
            listed = listed || (v.toObject().value("id"_L1).toString() == id &&
                                v.toObject().value("kind"_L1).toString() == "message"_L1);
        QVERIFY(listed);
        // Another organisation's advisor cannot close it.
        QCOMPARE(m_world.client->postJson(u"/api/v1/messages/"_s + id + u"/done"_s, {}, m_world.olga).status, 404);
        QCOMPARE(m_world.client->postJson(u"/api/v1/messages/"_s + id + u"/done"_s, {}, m_world.anna).status, 200);
        for (const QJsonValue &v :
             m_world.client->get(u"/api/v1/requests"_s, m_world.anna).json().value("requests"_L1).toArray())
            QVERIFY(v.toObject().value("id"_L1).toString() != id);
    }

    void otherOrganisationCannotSeeOrAct()
    {
        const QString id = newId();
        QCOMPARE(post(u"demo"_s, m_world.booking(id, nextSlot())).status, 201);
        const auto list = m_world.client->get(u"/api/v1/requests?status=all"_s, m_world.olga);
        QCOMPARE(list.status, 200);
        for (const QJsonValue &v : list.json().value("requests"_L1).toArray())
            QVERIFY(v.toObject().value("id"_L1).toString() != id);
        for (const QString &action : {u"confirm"_s, u"decline"_s, u"propose"_s}) {
            QJsonObject body;
            if (action == "decline"_L1)
                body.insert(u"reason"_s, u"no"_s);
            if (action == "propose"_L1)
                body.insert(u"start"_s, isoUtc(nextSlot()));
            const auto reply =
                m_world.client->postJson(u"/api/v1/bookings/"_s + id + u'/' + action, body, m_world.olga);
            QCOMPARE(reply.status, 404);
        }
        const Database db(m_world.server->databaseFile());
        QCOMPARE(db.value(u"SELECT status FROM bookings WHERE id = '%1'"_s.arg(id)).toString(), u"pending"_s);
        // Without a session: 401.
        QCOMPARE(m_world.client->get(u"/api/v1/requests"_s).status, 401);
    }

    void crossSiteRefused()
    {
        const Counts before = counts();
        auto reply = post(u"demo"_s, m_world.booking(newId(), nextSlot()), {{"Origin", "https://evil.example"}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), u"cross_site"_s);
        reply = post(u"demo"_s, m_world.booking(newId(), nextSlot()), {{"Sec-Fetch-Site", "cross-site"}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(counts(), before);
        // The page's own origin is fine.
        const QByteArray own = m_world.server->baseUrl().toString().toLatin1();
        reply =
            post(u"demo"_s, m_world.booking(newId(), nextSlot()), {{"Origin", own}, {"Sec-Fetch-Site", "same-origin"}});
        QCOMPARE(reply.status, 201);
    }

    void unknownOrganisation()
    {
        QCOMPARE(post(u"nobody"_s, m_world.booking(newId(), nextSlot())).status, 404);
        QCOMPARE(post(u"../demo"_s, m_world.booking(newId(), nextSlot())).status, 404);
    }

    void bodyTooLarge()
    {
        QJsonObject body = m_world.booking(newId(), nextSlot());
        body.insert(u"sealed"_s, QString(70 * 1024, u'A'));
        const Counts before = counts();
        QCOMPARE(post(u"demo"_s, body).status, 413);
        QCOMPARE(counts(), before);
    }

    void rateLimitedPerIpAndOrganisation()
    {
        World limited;
        const QString error = limited.setUp("[limits]\nbooking_posts_per_ip_per_hour = 2\n"
                                            "booking_posts_per_org_per_hour = 100\n"
                                            "[altcha]\nmax_number = 2000\n");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (int i = 1; i <= 2; ++i)
            QCOMPARE(limited.client
                         ->postJson(u"/api/v1/public/orgs/demo/bookings"_s, limited.booking(newId(), limited.slot(i)))
                         .status,
                     201);
        const auto refused =
            limited.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, limited.booking(newId(), limited.slot(3)));
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), u"rate_limited"_s);
        QVERIFY(refused.header("Retry-After").toInt() > 0);
        QVERIFY(!refused.json().value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
        // After the window it works again.
        limited.server->advanceClock(3601);
        QCOMPARE(
            limited.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, limited.booking(newId(), limited.slot(4)))
                .status,
            201);

        World perOrg;
        QVERIFY(perOrg
                    .setUp("[limits]\nbooking_posts_per_ip_per_hour = 100\nbooking_posts_per_org_per_hour = 1\n"
                           "[altcha]\nmax_number = 2000\n")
                    .isEmpty());
        QCOMPARE(
            perOrg.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, perOrg.booking(newId(), perOrg.slot(1)))
                .status,
            201);
        QCOMPARE(
            perOrg.client->postJson(u"/api/v1/public/orgs/demo/bookings"_s, perOrg.booking(newId(), perOrg.slot(2)))
                .status,
            429);
    }

    // Last: everything above has been stored and logged by now.
    void noSealedPlaintextInTheDataDirectory()
    {
        QCOMPARE(post(u"demo"_s, m_world.booking(newId(), nextSlot())).status, 201);
        QStringList files;
        QDirIterator it(m_world.server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(files.size() >= 2); // the database and its WAL at least
        QByteArray everything = m_world.server->serverLog();
        for (const QString &file : std::as_const(files)) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            everything += f.readAll();
        }
        QVERIFY(everything.contains("visitor@example.org")); // the scan sees what is stored in clear
        for (const QString &canary : Canaries().all()) {
            QVERIFY2(!everything.contains(canary.toUtf8()), qPrintable(canary));
            const QByteArray utf16(reinterpret_cast<const char *>(canary.utf16()), canary.size() * 2);
            QVERIFY2(!everything.contains(utf16), qPrintable(canary));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerBooking)
#include "TestServerBooking.moc"
