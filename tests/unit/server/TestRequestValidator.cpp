// Request validation before any handler: content type, size, UTF-8, JSON, types, unknown fields;
// and the name rules the admin commands share.
#include "server-stub/RequestValidator.h"

#include "models/ApiTypes.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lotse::Server;

namespace {

Request jsonRequest(const QByteArray &body, const QByteArray &contentType = "application/json")
{
    Request request;
    request.method = "POST";
    request.path = u"/api/v1/test"_s;
    request.body = body;
    if (!contentType.isEmpty())
        request.headers.append({"content-type", contentType});
    return request;
}

const QList<FieldRule> rules = {
    {u"name"_s, QJsonValue::String, true, 10, true},
    {u"count"_s, QJsonValue::Double, false},
    {u"flag"_s, QJsonValue::Bool, false},
};

} // namespace

class TestRequestValidator : public QObject
{
    Q_OBJECT

private slots:
    void accepts()
    {
        QJsonObject object;
        QVERIFY(!RequestValidator::parseJsonBody(jsonRequest("{\"name\": \"Anna\", \"count\": 3}"), rules, object));
        QCOMPARE(object.value("name"_L1).toString(), u"Anna"_s);
        QVERIFY(!RequestValidator::parseJsonBody(jsonRequest("{\"name\": \"Änne\"}", "Application/JSON; charset=UTF-8"),
                                                 rules, object));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("no content type") << QByteArray("{}") << QByteArray() << 415 << u"unsupported_media_type"_s
                                         << QString();
        QTest::newRow("json suffix") << QByteArray("{}") << QByteArray("application/jsonx") << 415
                                     << u"unsupported_media_type"_s << QString();
        QTest::newRow("utf-16") << QByteArray("{}") << QByteArray("application/json; charset=utf-16") << 415
                                << u"unsupported_media_type"_s << QString();
        QTest::newRow("too large") << QByteArray(64 * 1024 + 1, ' ') << QByteArray("application/json") << 413
                                   << u"body_too_large"_s << QString();
        QTest::newRow("invalid utf-8") << QByteArray("{\"name\": \"\xed\xa0\x80\"}") << QByteArray("application/json")
                                       << 400 << u"invalid_utf8"_s << QString();
        QTest::newRow("truncated") << QByteArray("{\"name\": ") << QByteArray("application/json") << 400
                                   << u"invalid_json"_s << QString();
        QTest::newRow("not an object") << QByteArray("\"Anna\"") << QByteArray("application/json") << 400
                                       << u"invalid_json"_s << QString();
        QTest::newRow("missing") << QByteArray("{}") << QByteArray("application/json") << 400 << u"validation_failed"_s
                                 << u"name"_s;
        QTest::newRow("wrong type") << QByteArray("{\"name\": \"A\", \"count\": \"3\"}")
                                    << QByteArray("application/json") << 400 << u"validation_failed"_s << u"count"_s;
        QTest::newRow("unknown") << QByteArray("{\"name\": \"A\", \"extra\": 1}") << QByteArray("application/json")
                                 << 400 << u"validation_failed"_s << u"extra"_s;
        QTest::newRow("too long") << QByteArray("{\"name\": \"12345678901\"}") << QByteArray("application/json") << 400
                                  << u"validation_failed"_s << u"name"_s;
        QTest::newRow("control character") << QByteArray("{\"name\": \"a\\u0000b\"}") << QByteArray("application/json")
                                           << 400 << u"validation_failed"_s << u"name"_s;
        QTest::newRow("bidi override") << QByteArray("{\"name\": \"a\\u202eb\"}") << QByteArray("application/json")
                                       << 400 << u"validation_failed"_s << u"name"_s;
        QTest::newRow("blank") << QByteArray("{\"name\": \"  \"}") << QByteArray("application/json") << 400
                               << u"validation_failed"_s << u"name"_s;
    }

    void rejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QJsonObject object;
        const auto error = RequestValidator::parseJsonBody(jsonRequest(body, contentType), rules, object);
        QVERIFY(error);
        QCOMPARE(error->status, status);
        QCOMPARE(error->contentType, QByteArray("application/json"));
        const auto apiError = Lotse::Models::ApiError::fromJson(QJsonDocument::fromJson(error->body).object());
        QVERIFY(apiError);
        QCOMPARE(apiError->code, code);
        QVERIFY(!apiError->message.isEmpty());
        if (!field.isEmpty())
            QVERIFY(apiError->fields.contains(field));
    }

    void slugs()
    {
        QVERIFY(RequestValidator::isValidSlug(u"demo"_s));
        QVERIFY(RequestValidator::isValidSlug(u"a"_s));
        QVERIFY(RequestValidator::isValidSlug(u"mbe-berlin-2"_s));
        QVERIFY(!RequestValidator::isValidSlug(u""_s));
        QVERIFY(!RequestValidator::isValidSlug(u"-demo"_s));
        QVERIFY(!RequestValidator::isValidSlug(u"demo-"_s));
        QVERIFY(!RequestValidator::isValidSlug(u"Demo"_s));
        QVERIFY(!RequestValidator::isValidSlug(u"de mo"_s));
        QVERIFY(!RequestValidator::isValidSlug(u"demo'--"_s));
        QVERIFY(!RequestValidator::isValidSlug(QString(64, u'a')));
    }

    void usernames()
    {
        QCOMPARE(RequestValidator::normalizeUsername(u"  Anna@Demo.Example "_s), u"anna@demo.example"_s);
        QVERIFY(RequestValidator::isValidUsername(u"anna@demo.example"_s));
        QVERIFY(RequestValidator::isValidUsername(u"anna.b+mbe@demo.example"_s));
        QVERIFY(!RequestValidator::isValidUsername(u"anna b"_s));
        QVERIFY(!RequestValidator::isValidUsername(u"anna'--"_s));
        QVERIFY(!RequestValidator::isValidUsername(u"@anna"_s));
        QVERIFY(!RequestValidator::isValidUsername(QString(255, u'a')));
    }

    void displayNames()
    {
        QVERIFY(RequestValidator::isValidDisplayName(u"Anna-Lena Müller-Lüdenscheidt"_s));
        QVERIFY(RequestValidator::isValidDisplayName(u"Ганна Шевченко"_s));
        QVERIFY(RequestValidator::isValidDisplayName(u"O'Brien; DROP TABLE advisors"_s));
        QVERIFY(!RequestValidator::isValidDisplayName(u" "_s));
        QVERIFY(!RequestValidator::isValidDisplayName(u"Anna\nBen"_s));
        QVERIFY(!RequestValidator::isValidDisplayName(QString(201, u'x')));
    }

    void uuids()
    {
        QVERIFY(RequestValidator::isUuid(u"0b6f4c52-6d1e-4a53-9a3e-3f1d2a9c0001"_s));
        QVERIFY(!RequestValidator::isUuid(u"{0b6f4c52-6d1e-4a53-9a3e-3f1d2a9c0001}"_s));
        QVERIFY(!RequestValidator::isUuid(u"0B6F4C52-6D1E-4A53-9A3E-3F1D2A9C0001"_s));
        QVERIFY(!RequestValidator::isUuid(u"1' OR '1'='1"_s));
    }
};

QTEST_GUILESS_MAIN(TestRequestValidator)
#include "TestRequestValidator.moc"
