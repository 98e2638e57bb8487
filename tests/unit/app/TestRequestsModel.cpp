// RequestsModel with real sealed envelopes made by lotse_crypto: the fields open with this
// device's key; an envelope sealed to another device, a tampered one, one sealed under another
// request's context and one holding something other than the agreed JSON each show their state
// and no garbage. Refreshes update rows in place (QAbstractItemModelTester checks every signal).
#include "app/BookingRequest.h"
#include "app/RequestsModel.h"

#include "crypto/CanonicalJson.h"
#include "crypto/Crypto.h"
#include "crypto/Keys.h"
#include "crypto/Random.h"
#include "crypto/SealedEnvelope.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Lotse;
using Client::BookingRequest;
using Client::RequestsModel;

namespace {

QByteArray seal(const QList<QByteArray> &recipients, const QByteArray &context, const QJsonObject &fields)
{
    const auto plain = Crypto::CanonicalJson::serialize(fields);
    if (!plain)
        return {};
    auto sealed = Crypto::SealedEnvelope::seal(recipients, Crypto::SealPurpose::BookingFields, context, *plain);
    return sealed ? *sealed : QByteArray();
}

// A request as GET /api/v1/requests sends it.
QJsonObject wire(const QString &kind, const QString &id, const QString &status, const QByteArray &sealed,
                 const QString &created, const QString &start = {}, const QString &timeZone = u"Europe/Berlin"_s)
{
    QJsonObject json{{u"kind"_s, kind},         {u"id"_s, id},
                     {u"status"_s, status},     {u"language"_s, u"uk"_s},
                     {u"timeZone"_s, timeZone}, {u"email"_s, u"olena@example.org"_s},
                     {u"createdAt"_s, created}, {u"sealed"_s, Crypto::toBase64Url(sealed)}};
    if (!start.isEmpty()) {
        const QDateTime begin = QDateTime::fromString(start, Qt::ISODate);
        json.insert(u"type"_s, u"phone"_s);
        json.insert(u"start"_s, start);
        json.insert(u"end"_s, begin.addSecs(45 * 60).toString(Qt::ISODate));
    }
    return json;
}

} // namespace

class TestRequestsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString failure;
        QVERIFY2(Crypto::init(&failure), qPrintable(failure));
        QLocale::setDefault(QLocale(u"en_GB"_s));
    }

    void init()
    {
        m_device = std::make_unique<Crypto::EncryptionKeyPair>(Crypto::EncryptionKeyPair::generate());
        m_otherDevice = std::make_unique<Crypto::EncryptionKeyPair>(Crypto::EncryptionKeyPair::generate());
        m_model = std::make_unique<RequestsModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setAdvisorTimeZone(QTimeZone("Europe/Berlin"));
        m_model->setOpener([this](QByteArrayView context, QByteArrayView envelope) {
            return Crypto::SealedEnvelope::open(*m_device, Crypto::SealPurpose::BookingFields, context, envelope);
        });
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void opensABookingSealedToThisDevice()
    {
        const QString id = u"5b0c7a8e-2a54-4c4e-9d3f-0f2f7f1e9a11"_s;
        const QJsonObject fields{{u"firstName"_s, u"Olena"_s},
                                 {u"lastName"_s, u"Kovalenko"_s},
                                 {u"phone"_s, u"+49 170 1234567"_s},
                                 {u"message"_s, u"Ich brauche Hilfe mit dem Antrag.\nDanke!"_s}};
        // Sealed to two devices, this one second: any recipient can open.
        const QByteArray sealed =
            seal({m_otherDevice->publicKey(), m_device->publicKey()}, "booking:"_ba + id.toUtf8(), fields);
        QVERIFY(!sealed.isEmpty());

        // The first fill is one reset (thousands of rows from the offline copy at start).
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy openCount(m_model.get(), &RequestsModel::openCountChanged);
        m_model->setRequests(
            {BookingRequest::fromJson(wire(u"booking"_s, id, u"pending"_s, sealed, u"2026-11-24T09:00:00Z"_s,
                                           u"2026-12-01T09:00:00Z"_s, u"Europe/Kyiv"_s))});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(openCount.size(), 1);
        QCOMPARE(openCount.at(0).at(0).toInt(), 1);
        QCOMPARE(m_model->rowCount(), 1);

        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(RequestsModel::FieldsRole).toInt(), int(BookingRequest::Fields::Opened));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Olena Kovalenko"_s);
        QCOMPARE(index.data(RequestsModel::NameRole).toString(), u"Olena Kovalenko"_s);
        QCOMPARE(index.data(RequestsModel::PhoneRole).toString(), u"+49 170 1234567"_s);
        QCOMPARE(index.data(RequestsModel::MessageRole).toString(), u"Ich brauche Hilfe mit dem Antrag.\nDanke!"_s);
        QVERIFY(index.data(RequestsModel::AddressRole).toString().isEmpty());
        QCOMPARE(index.data(RequestsModel::EmailRole).toString(), u"olena@example.org"_s);
        QCOMPARE(index.data(RequestsModel::LanguageRole).toString(), u"uk"_s);
        QCOMPARE(index.data(RequestsModel::TypeRole).toString(), u"phone"_s);
        QCOMPARE(index.data(RequestsModel::IdRole).toString(), id);
        QVERIFY(index.data(RequestsModel::IsOpenRole).toBool());
        QCOMPARE(index.data(RequestsModel::StatusTextRole).toString(), u"Waiting for you"_s);
        QCOMPARE(index.data(RequestsModel::StartRole).toDateTime(),
                 QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()));
        // 09:00 UTC is 10:00 in Berlin (the advisor) and 11:00 in Kyiv (the help-seeker).
        const QString time = index.data(RequestsModel::TimeTextRole).toString();
        QVERIFY2(time.contains(u"10:00"_s) && time.contains(u"10:45"_s), qPrintable(time));
        QVERIFY2(time.contains(u"11:00"_s) && time.contains(u"Europe/Kyiv"_s), qPrintable(time));
        QVERIFY(m_model->roleNames().value(RequestsModel::MessageRole) == "message");
        // The list shows the advisor's time only.
        const QString shortTime = index.data(RequestsModel::ShortTimeTextRole).toString();
        QVERIFY2(shortTime.contains(u"10:00"_s) && !shortTime.contains(u"Kyiv"_s), qPrintable(shortTime));

        // The advisor moves to Kyiv time: the rows say so, and the help-seeker's zone is no longer extra.
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setAdvisorTimeZone(QTimeZone("Europe/Kyiv"));
        QCOMPARE(changed.size(), 1);
        const QString kyiv = index.data(RequestsModel::TimeTextRole).toString();
        QVERIFY2(kyiv.contains(u"11:00"_s) && !kyiv.contains(u"Europe/Kyiv"_s), qPrintable(kyiv));
    }

    void sameZoneShowsOneTime()
    {
        const QString id = u"0d8f3a62-7f5b-4a3c-8e53-55a0b5c7d001"_s;
        const QByteArray sealed =
            seal({m_device->publicKey()}, "booking:"_ba + id.toUtf8(), {{u"firstName"_s, u"Jonas"_s}});
        m_model->setRequests({BookingRequest::fromJson(
            wire(u"booking"_s, id, u"confirmed"_s, sealed, u"2026-11-24T09:00:00Z"_s, u"2026-12-01T09:00:00Z"_s))});
        const QString time = m_model->index(0).data(RequestsModel::TimeTextRole).toString();
        QVERIFY2(!time.contains(u"Europe"_s), qPrintable(time));
        QVERIFY(!m_model->index(0).data(RequestsModel::IsOpenRole).toBool());
        QCOMPARE(m_model->openCount(), 0);
        QCOMPARE(m_model->index(0).data(Qt::DisplayRole).toString(), u"Jonas"_s);
    }

    void anotherDevicesEnvelopeIsNotForThisDevice()
    {
        const QString id = u"9a1d4a4e-6a0f-4a3e-bb7e-9b1f1c2d3e4f"_s;
        const QByteArray sealed = seal({m_otherDevice->publicKey()}, "booking:"_ba + id.toUtf8(),
                                       {{u"firstName"_s, u"Secret"_s}, {u"message"_s, u"not for you"_s}});
        m_model->setRequests({BookingRequest::fromJson(
            wire(u"booking"_s, id, u"pending"_s, sealed, u"2026-11-24T09:00:00Z"_s, u"2026-12-01T09:00:00Z"_s))});
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(RequestsModel::FieldsRole).toInt(), int(BookingRequest::Fields::NotForThisDevice));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Sealed to another device"_s);
        QVERIFY(index.data(RequestsModel::NameRole).toString().isEmpty());
        QVERIFY(index.data(RequestsModel::MessageRole).toString().isEmpty());
        // What the server sees in clear is still shown.
        QCOMPARE(index.data(RequestsModel::EmailRole).toString(), u"olena@example.org"_s);
    }

    void unreadableEnvelopesShowNothing_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("tampered") << u"tampered"_s;
        QTest::newRow("other request's context") << u"context"_s;
        QTest::newRow("not JSON") << u"notJson"_s;
        QTest::newRow("unknown field") << u"unknownField"_s;
        QTest::newRow("control characters") << u"control"_s;
        QTest::newRow("not base64") << u"garbage"_s;
    }

    void unreadableEnvelopesShowNothing()
    {
        QFETCH(QString, what);
        const QString id = u"3c4d5e6f-1a2b-4c3d-8e9f-0a1b2c3d4e5f"_s;
        const QByteArray context = "booking:"_ba + id.toUtf8();
        QByteArray sealed = seal({m_device->publicKey()}, context, {{u"firstName"_s, u"Olena"_s}});
        if (what == "tampered"_L1) {
            sealed[sealed.size() - 3] = char(sealed.at(sealed.size() - 3) ^ 0x40);
        } else if (what == "context"_L1) {
            sealed = seal({m_device->publicKey()}, "booking:another-id"_ba, {{u"firstName"_s, u"Olena"_s}});
        } else if (what == "notJson"_L1) {
            sealed = *Crypto::SealedEnvelope::seal({m_device->publicKey()}, Crypto::SealPurpose::BookingFields, context,
                                                   "\x01\x02 not json");
        } else if (what == "unknownField"_L1) {
            sealed = seal({m_device->publicKey()}, context, {{u"firstName"_s, u"Olena"_s}, {u"html"_s, u"<b>"_s}});
        } else if (what == "control"_L1) {
            sealed = seal({m_device->publicKey()}, context, {{u"firstName"_s, u"Ole\u001bna"_s}});
        }
        QJsonObject json =
            wire(u"booking"_s, id, u"pending"_s, sealed, u"2026-11-24T09:00:00Z"_s, u"2026-12-01T09:00:00Z"_s);
        if (what == "garbage"_L1)
            json.insert(u"sealed"_s, u"!!not base64!!"_s);
        m_model->setRequests({BookingRequest::fromJson(json)});
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(RequestsModel::FieldsRole).toInt(), int(BookingRequest::Fields::Unreadable));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), u"Could not be decrypted"_s);
        QVERIFY(index.data(RequestsModel::FirstNameRole).toString().isEmpty());
    }

    void messagesOpenWithTheirContext()
    {
        const QString id = u"7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"_s;
        const QByteArray sealed = seal({m_device->publicKey()}, "message:"_ba + id.toUtf8(),
                                       {{u"firstName"_s, u"Amir"_s}, {u"message"_s, u"Wann haben Sie offen?"_s}});
        m_model->setRequests(
            {BookingRequest::fromJson(wire(u"message"_s, id, u"pending"_s, sealed, u"2026-11-24T08:30:00Z"_s))});
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(RequestsModel::KindRole).toInt(), int(BookingRequest::Kind::Message));
        QCOMPARE(index.data(RequestsModel::MessageRole).toString(), u"Wann haben Sie offen?"_s);
        QCOMPARE(index.data(RequestsModel::StatusTextRole).toString(), u"New message"_s);
        QVERIFY(index.data(RequestsModel::IsOpenRole).toBool());
        // Received 08:30 UTC = 09:30 in Berlin.
        const QString time = index.data(RequestsModel::TimeTextRole).toString();
        QVERIFY2(time.contains(u"09:30"_s), qPrintable(time));
    }

    void refreshUpdatesInPlace()
    {
        const auto make = [this](const QString &id, const QString &status, const QString &created) {
            const QByteArray sealed = seal({m_device->publicKey()}, "booking:"_ba + id.toUtf8(),
                                           {{u"firstName"_s, QString(u"Name "_s + id.left(1))}});
            return wire(u"booking"_s, id, status, sealed, created, u"2026-12-01T09:00:00Z"_s);
        };
        const QJsonObject a = make(u"a0000000-0000-4000-8000-000000000001"_s, u"pending"_s, u"2026-11-24T08:00:00Z"_s);
        const QJsonObject b = make(u"b0000000-0000-4000-8000-000000000002"_s, u"pending"_s, u"2026-11-24T09:00:00Z"_s);
        const QJsonObject c = make(u"c0000000-0000-4000-8000-000000000003"_s, u"pending"_s, u"2026-11-24T10:00:00Z"_s);
        m_model->setRequests({BookingRequest::fromJson(a), BookingRequest::fromJson(b), BookingRequest::fromJson(c)});
        // Newest open first.
        QCOMPARE(m_model->index(0).data(RequestsModel::IdRole).toString(), c.value("id"_L1).toString());
        QCOMPARE(m_model->index(2).data(RequestsModel::IdRole).toString(), a.value("id"_L1).toString());
        QCOMPARE(m_model->openCount(), 3);
        const QPersistentModelIndex persistentA(m_model->index(2));

        // c is confirmed elsewhere (moves below the open ones), b is gone, d is new.
        QJsonObject confirmedC = c;
        confirmedC.insert(u"status"_s, u"confirmed"_s);
        const QJsonObject d = make(u"d0000000-0000-4000-8000-000000000004"_s, u"pending"_s, u"2026-11-24T11:00:00Z"_s);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy openCount(m_model.get(), &RequestsModel::openCountChanged);
        m_model->setRequests(
            {BookingRequest::fromJson(a), BookingRequest::fromJson(confirmedC), BookingRequest::fromJson(d)});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(openCount.size(), 1);
        QCOMPARE(openCount.at(0).at(0).toInt(), 2);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0).data(RequestsModel::IdRole).toString(), d.value("id"_L1).toString());
        QCOMPARE(m_model->index(1).data(RequestsModel::IdRole).toString(), a.value("id"_L1).toString());
        QCOMPARE(m_model->index(2).data(RequestsModel::IdRole).toString(), c.value("id"_L1).toString());
        QCOMPARE(m_model->index(2).data(RequestsModel::StatusRole).toString(), u"confirmed"_s);
        // The advisor's selection (a persistent index) follows the row.
        QVERIFY(persistentA.isValid());
        QCOMPARE(persistentA.data(RequestsModel::IdRole).toString(), a.value("id"_L1).toString());
        QCOMPARE(persistentA.data(RequestsModel::NameRole).toString(), u"Name a"_s);

        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->openCount(), 0);
    }

    void withoutKeysNothingOpens()
    {
        m_model->setOpener({});
        const QString id = u"e0000000-0000-4000-8000-000000000005"_s;
        const QByteArray sealed =
            seal({m_device->publicKey()}, "booking:"_ba + id.toUtf8(), {{u"firstName"_s, u"X"_s}});
        m_model->setRequests({BookingRequest::fromJson(
            wire(u"booking"_s, id, u"pending"_s, sealed, u"2026-11-24T09:00:00Z"_s, u"2026-12-01T09:00:00Z"_s))});
        QVERIFY(m_model->index(0).data(RequestsModel::NameRole).toString().isEmpty());
        QCOMPARE(m_model->index(0).data(RequestsModel::FieldsRole).toInt(),
                 int(BookingRequest::Fields::NotForThisDevice));
    }

private:
    std::unique_ptr<Crypto::EncryptionKeyPair> m_device;
    std::unique_ptr<Crypto::EncryptionKeyPair> m_otherDevice;
    std::unique_ptr<RequestsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestRequestsModel)
#include "TestRequestsModel.moc"
