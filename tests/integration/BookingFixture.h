#pragma once

// Shared by the booking tests: a demo organisation with an advisor, a registered device whose
// private key the test keeps (to open what browsers seal), round-the-clock availability, the
// ALTCHA solved the way the widget solves it, and row counts read from the server's database.
#include "tests/support/TestHttpClient.h"
#include "tests/support/TestServer.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

#include <optional>

namespace BookingFixture {

using namespace Qt::StringLiterals;

inline QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// What the widget does: find number with SHA-256(salt + number) = challenge, then post
// base64(JSON {algorithm, challenge, number, salt, signature, took}).
inline QString solveAltcha(const QJsonObject &challenge)
{
    const QString salt = challenge.value("salt"_L1).toString();
    const QByteArray target = challenge.value("challenge"_L1).toString().toLatin1();
    const int maxNumber = challenge.value("maxnumber"_L1).toInt();
    for (int n = 0; n <= maxNumber; ++n) {
        const QByteArray hash =
            QCryptographicHash::hash((salt + QString::number(n)).toUtf8(), QCryptographicHash::Sha256).toHex();
        if (hash == target) {
            const QJsonObject payload{{u"algorithm"_s, challenge.value("algorithm"_L1)},
                                      {u"challenge"_s, challenge.value("challenge"_L1)},
                                      {u"number"_s, n},
                                      {u"salt"_s, salt},
                                      {u"signature"_s, challenge.value("signature"_L1)},
                                      {u"took"_s, 12}};
            return QString::fromLatin1(QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64());
        }
    }
    return {};
}

struct Device
{
    Lotse::Crypto::EncryptionKeyPair encryption = Lotse::Crypto::EncryptionKeyPair::generate();
    Lotse::Crypto::SigningKeyPair signing = Lotse::Crypto::SigningKeyPair::generate();

    QJsonObject registration(const QString &name) const
    {
        QJsonObject body = Lotse::Crypto::signDeviceKeys(encryption, signing).toJson();
        body.insert(u"name"_s, name);
        return body;
    }
};

// The personal fields the server must never see in clear.
struct Canaries
{
    QString firstName = u"Kanarienvogel-Vorname-7f3a"_s;
    QString lastName = u"Kanarienvogel-Nachname-91bc"_s;
    QString phone = u"+49 30 5550 7319 42"_s;
    QString address = u"Canary Street 4711, 10999 Canarytown"_s;
    QString message = u"Canary message: my residence permit case 2d8e"_s;

    [[nodiscard]] QStringList all() const { return {firstName, lastName, phone, address, message}; }
    [[nodiscard]] QJsonObject json() const
    {
        return {{u"firstName"_s, firstName},
                {u"lastName"_s, lastName},
                {u"phone"_s, phone},
                {u"address"_s, address},
                {u"message"_s, message}};
    }
};

inline QString seal(const QList<QByteArray> &recipientKeys, const QString &context, const QJsonObject &fields,
                    Lotse::Crypto::SealPurpose purpose = Lotse::Crypto::SealPurpose::BookingFields)
{
    const auto payload = Lotse::Crypto::CanonicalJson::serialize(fields);
    if (!payload)
        return {};
    const auto envelope = Lotse::Crypto::SealedEnvelope::seal(recipientKeys, purpose, context.toUtf8(), *payload);
    return envelope ? Lotse::Crypto::toBase64Url(*envelope) : QString();
}

// Every day 00:00-24:00 UTC, video 45 min, phone 30 min, 15-minute steps, no notice.
inline QJsonObject roundTheClock()
{
    QJsonObject weekly;
    for (const QString &day : {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s})
        weekly.insert(day, QJsonArray{QJsonObject{{u"start"_s, u"00:00"_s}, {u"end"_s, u"24:00"_s}}});
    return {{u"timeZone"_s, u"UTC"_s},
            {u"weekly"_s, weekly},
            {u"absences"_s, QJsonArray()},
            {u"types"_s, QJsonArray{QJsonObject{{u"type"_s, u"video"_s}, {u"durationMinutes"_s, 45}},
                                    QJsonObject{{u"type"_s, u"phone"_s}, {u"durationMinutes"_s, 30}}}},
            {u"bufferBeforeMinutes"_s, 0},
            {u"bufferAfterMinutes"_s, 0},
            {u"minimumNoticeMinutes"_s, 0},
            {u"horizonDays"_s, 60},
            {u"slotStepMinutes"_s, 15}};
}

// Read-only look into the server's database (WAL: safe while the server runs).
class Database
{
public:
    explicit Database(const QString &file)
        : m_name(u"booking-test-"_s + newId())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        db.open();
    }
    ~Database()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    qint64 count(const QString &table, const QString &where = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(u"SELECT COUNT(*) FROM "_s + table + (where.isEmpty() ? QString() : u" WHERE "_s + where)) ||
            !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }

private:
    QString m_name;
};

// A running server with organisation "demo" (advisor Anna, one device, round-the-clock hours) and
// organisation "other" (advisor Olga, one device).
struct World
{
    std::unique_ptr<Lotse::Tests::TestServer> server;
    std::unique_ptr<Lotse::Tests::TestHttpClient> client;
    QString anna;
    QString annaId;
    QString olga;
    Device annaDevice;
    Device olgaDevice;
    QString policyVersion;

    // `pinnedNow`: the server's clock from the start (else the real time at construction).
    QString setUp(const QByteArray &configIni, const QDateTime &pinnedNow = {})
    {
        Lotse::Tests::TestServer::Options options;
        options.configIni = configIni;
        server = std::make_unique<Lotse::Tests::TestServer>(options);
        if (pinnedNow.isValid())
            server->setNow(pinnedNow);
        if (!server->start())
            return server->lastError();
        if (!server->createOrg(u"demo"_s, u"Beratung Süd"_s) || !server->createOrg(u"other"_s, u"Other Org"_s) ||
            !server->createAdvisor(u"demo"_s, u"anna@demo.example"_s, u"anna password"_s, u"Anna"_s) ||
            !server->createAdvisor(u"other"_s, u"olga@other.example"_s, u"olga password"_s, u"Olga"_s))
            return server->lastError();
        client = std::make_unique<Lotse::Tests::TestHttpClient>(server->baseUrl());
        anna = client->login(u"anna@demo.example"_s, u"anna password"_s);
        annaId = client->lastReply().json().value("advisor"_L1).toObject().value("id"_L1).toString();
        olga = client->login(u"olga@other.example"_s, u"olga password"_s);
        if (anna.isEmpty() || olga.isEmpty())
            return u"login failed"_s;
        if (client->postJson(u"/api/v1/devices"_s, annaDevice.registration(u"Anna's laptop"_s), anna).status != 201 ||
            client->postJson(u"/api/v1/devices"_s, olgaDevice.registration(u"Olga's laptop"_s), olga).status != 201)
            return u"device registration failed: "_s + QString::fromUtf8(client->lastReply().body);
        const auto put =
            client->send("PUT", u"/api/v1/me/availability"_s, QJsonDocument(roundTheClock()).toJson(),
                         {{"Authorization", "Bearer " + anna.toLatin1()}, {"Content-Type", "application/json"}});
        if (put.status != 200)
            return u"availability: "_s + QString::number(put.status) + u' ' + QString::fromUtf8(put.body);
        const auto settings = client->get(u"/api/v1/org/settings"_s, anna);
        policyVersion = settings.json().value("privacyPolicyVersion"_L1).toString();
        if (policyVersion.isEmpty())
            return u"org settings: "_s + QString::fromUtf8(settings.body);
        return {};
    }

    QString altcha() { return solveAltcha(client->get(u"/api/v1/public/altcha"_s).json()); }

    // A complete, valid booking body for `start`.
    QJsonObject booking(const QString &bookingId, const QDateTime &start, const QString &language = u"de"_s,
                        const QJsonObject &fields = Canaries().json())
    {
        const auto browser = Lotse::Crypto::EncryptionKeyPair::generate();
        return {{u"bookingId"_s, bookingId},
                {u"type"_s, u"video"_s},
                {u"start"_s, isoUtc(start)},
                {u"advisorId"_s, annaId},
                {u"language"_s, language},
                {u"timeZone"_s, u"Europe/Kyiv"_s},
                {u"email"_s, u"visitor@example.org"_s},
                {u"policyVersion"_s, policyVersion},
                {u"browserKey"_s, Lotse::Crypto::toBase64Url(browser.publicKey())},
                {u"sealed"_s, seal({annaDevice.encryption.publicKey()}, u"booking:"_s + bookingId, fields)},
                {u"altcha"_s, altcha()}};
    }

    // A whole hour tomorrow (UTC) plus `hours`.
    QDateTime slot(int hours) const
    {
        const QDateTime now = server->now().toUTC();
        return QDateTime(now.date().addDays(1), QTime(0, 0), QTimeZone::utc()).addSecs(qint64(hours) * 3600);
    }
};

} // namespace BookingFixture
