#include "TestSupport.h"

#include "crypto/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Lotse::Crypto;
using namespace Lotse::Crypto::TestSupport;
using namespace Qt::StringLiterals;

// Canonical JSON (FORMAT.md section 8): what the parser accepts and the exact bytes it writes.
class TestCryptoCanonicalJson : public QObject
{
    Q_OBJECT

private slots:
    void canonicalForm_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("sorted keys, no whitespace") << R"( { "b" : 1 , "a" : [ true , false , null ] } )"_ba
                                                    << R"({"a":[true,false,null],"b":1})"_ba;
        QTest::newRow("nested objects sorted") << R"({"z":{"d":1,"c":2},"y":[{"b":0,"a":0}]})"_ba
                                               << R"({"y":[{"a":0,"b":0}],"z":{"c":2,"d":1}})"_ba;
        QTest::newRow("short escapes") << "[\"\\b\\f\\n\\r\\t\\\"\\\\\"]"_ba
                                       << "[\"\\b\\f\\n\\r\\t\\\"\\\\\"]"_ba;
        QTest::newRow("other controls as \\u00xx") << R"(["\u0000\u0001\u001f\u000B"])"_ba
                                                   << R"(["\u0000\u0001\u001f\u000b"])"_ba;
        QTest::newRow("solidus unescaped") << R"(["a\/b"])"_ba
                                           << R"(["a/b"])"_ba;
        QTest::newRow("DEL literal") << R"(["\u007f"])"_ba
                                     << "[\"\x7f\"]"_ba;
        QTest::newRow("BMP escapes to UTF-8") << R"(["\u00e9\u20ac\uFFFF"])"_ba << u"[\"é€\uffff\"]"_s.toUtf8();
        QTest::newRow("non-BMP pair to UTF-8") << R"(["\ud83d\ude00"])"_ba << u"[\"😀\"]"_s.toUtf8();
        QTest::newRow("raw UTF-8 kept") << u"[\"Grüße 😀 ☕\"]"_s.toUtf8() << u"[\"Grüße 😀 ☕\"]"_s.toUtf8();
        // UTF-16 order: U+E000 is above the surrogates of U+1F600, though its code point is lower.
        QTest::newRow("UTF-16 code unit order") << u"{\"\ue000\":1,\"😀\":2,\"é\":3,\"Z\":4,\"a\":5}"_s.toUtf8()
                                                << u"{\"Z\":4,\"a\":5,\"é\":3,\"😀\":2,\"\ue000\":1}"_s.toUtf8();
        QTest::newRow("prefix keys") << R"({"ab":1,"a":2,"":3})"_ba
                                     << R"({"":3,"a":2,"ab":1})"_ba;
        QTest::newRow("integers") << "[0,-1,10,9007199254740991,-9007199254740991]"_ba
                                  << "[0,-1,10,9007199254740991,-9007199254740991]"_ba;
        QTest::newRow("empty containers") << R"({"a":{},"b":[],"c":""})"_ba
                                          << R"({"a":{},"b":[],"c":""})"_ba;
        QTest::newRow("scalar top level") << " 42 "_ba
                                          << "42"_ba;
    }

    void canonicalForm()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const auto out = CanonicalJson::canonicalize(input);
        QVERIFY2(out, qPrintable(outcome(out)));
        QCOMPARE(*out, expected);
        QCOMPARE(CanonicalJson::canonicalize(*out).value(), expected); // a fixed point
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("fraction") << "[1.5]"_ba;
        QTest::newRow("integral fraction") << "[1.0]"_ba;
        QTest::newRow("exponent") << "[1e2]"_ba;
        QTest::newRow("capital exponent") << "[1E2]"_ba;
        QTest::newRow("negative zero") << "[-0]"_ba;
        QTest::newRow("2^53") << "[9007199254740992]"_ba;
        QTest::newRow("-2^53") << "[-9007199254740992]"_ba;
        QTest::newRow("huge") << "[123456789012345678901234567890]"_ba;
        QTest::newRow("leading zero") << "[01]"_ba;
        QTest::newRow("plus sign") << "[+1]"_ba;
        QTest::newRow("bare minus") << "[-]"_ba;
        QTest::newRow("duplicate key") << R"({"a":1,"a":2})"_ba;
        QTest::newRow("duplicate after unescape") << R"({"a":1,"\u0061":2})"_ba;
        QTest::newRow("nested duplicate") << R"({"x":{"k":1,"k":1}})"_ba;
        QTest::newRow("lone high surrogate") << R"(["\ud800"])"_ba;
        QTest::newRow("lone low surrogate") << R"(["\udc00"])"_ba;
        QTest::newRow("reversed pair") << R"(["\ude00\ud83d"])"_ba;
        QTest::newRow("invalid UTF-8") << "[\"\xff\"]"_ba;
        QTest::newRow("overlong UTF-8") << "[\"\xc0\xaf\"]"_ba;
        QTest::newRow("UTF-8 encoded surrogate") << "[\"\xed\xa0\x80\"]"_ba;
        QTest::newRow("byte order mark") << "\xef\xbb\xbf{}"_ba;
        QTest::newRow("raw control char") << "[\"a\x01\"]"_ba;
        QTest::newRow("raw newline in string") << "[\"a\nb\"]"_ba;
        QTest::newRow("bad escape") << R"(["\x41"])"_ba;
        QTest::newRow("short unicode escape") << R"(["\u41"])"_ba;
        QTest::newRow("trailing comma") << "[1,]"_ba;
        QTest::newRow("trailing comma in object") << R"({"a":1,})"_ba;
        QTest::newRow("trailing garbage") << "{} x"_ba;
        QTest::newRow("two documents") << "{}{}"_ba;
        QTest::newRow("single quotes") << "{'a':1}"_ba;
        QTest::newRow("unquoted key") << "{a:1}"_ba;
        QTest::newRow("NaN") << "[NaN]"_ba;
        QTest::newRow("empty input") << QByteArray();
        QTest::newRow("unterminated string") << "[\"abc"_ba;
        QTest::newRow("unterminated array") << "[1"_ba;
        QTest::newRow("too deep") << QByteArray(CanonicalJson::MaxDepth + 2, '[') +
                                         QByteArray(CanonicalJson::MaxDepth + 2, ']');
    }

    void rejected()
    {
        QFETCH(QByteArray, input);
        const auto out = CanonicalJson::canonicalize(input);
        QVERIFY2(!out, out ? out->constData() : "");
        QCOMPARE(out.error(), Error::InvalidJson);
    }

    // FORMAT.md section 8: depth counts arrays and objects; 64 accepted, 65 refused, whether the
    // innermost one is empty or holds a value.
    void depthLimitIsExact_data()
    {
        QTest::addColumn<QByteArray>("open");
        QTest::addColumn<QByteArray>("inner");
        QTest::addColumn<QByteArray>("close");
        QTest::newRow("empty arrays") << "["_ba << QByteArray() << "]"_ba;
        QTest::newRow("arrays around a number") << "["_ba
                                                << "7"_ba
                                                << "]"_ba;
        QTest::newRow("objects around an empty array") << R"({"k":)"_ba
                                                       << "[]"_ba
                                                       << "}"_ba;
        QTest::newRow("objects around a string") << R"({"k":)"_ba
                                                 << R"("s")"_ba
                                                 << "}"_ba;
    }

    void depthLimitIsExact()
    {
        QFETCH(QByteArray, open);
        QFETCH(QByteArray, inner);
        QFETCH(QByteArray, close);
        const int innerLevels = inner.startsWith('[') ? 1 : 0;
        auto text = [&](int levels) {
            const int outer = levels - innerLevels;
            return QByteArray(open.repeated(outer) + inner + close.repeated(outer));
        };
        const auto ok = CanonicalJson::canonicalize(text(CanonicalJson::MaxDepth));
        QVERIFY(ok);
        QCOMPARE(*ok, text(CanonicalJson::MaxDepth));
        QCOMPARE(CanonicalJson::canonicalize(text(CanonicalJson::MaxDepth + 1)).error(), Error::InvalidJson);
    }

    void depthLimitWhenSerialising()
    {
        QJsonValue empty = QJsonArray();
        QJsonValue holding = QJsonArray{7};
        for (int level = 1; level < CanonicalJson::MaxDepth; ++level) {
            empty = QJsonArray{empty};
            holding = QJsonObject{{u"k"_s, holding}};
        }
        QVERIFY(CanonicalJson::serialize(empty));
        QVERIFY(CanonicalJson::serialize(holding));
        QCOMPARE(CanonicalJson::serialize(QJsonArray{empty}).error(), Error::InvalidJson);
        QCOMPARE(CanonicalJson::serialize(QJsonObject{{u"k"_s, holding}}).error(), Error::InvalidJson);
    }

    void tooLargeInput()
    {
        const QByteArray big = QByteArray('"' + QByteArray(CanonicalJson::MaxInputBytes, 'a') + '"');
        QCOMPARE(CanonicalJson::canonicalize(big).error(), Error::TooLarge);
    }

    void serializeValuesBuiltInCode()
    {
        const QJsonObject object{{u"n"_s, 5},
                                 {u"big"_s, qint64(CanonicalJson::MaxSafeInteger)},
                                 {u"neg"_s, -3.0},
                                 {u"s"_s, u"ä\n"_s},
                                 {u"list"_s, QJsonArray{1, u"x"_s, QJsonValue::Null, false}}};
        QCOMPARE(
            CanonicalJson::serialize(object).value(),
            u"{\"big\":9007199254740991,\"list\":[1,\"x\",null,false],\"n\":5,\"neg\":-3,\"s\":\"ä\\n\"}"_s.toUtf8());
        // Section 8: -0 built in code is the integer 0 (only the text -0 is refused).
        QCOMPARE(CanonicalJson::serialize(QJsonValue(-0.0)).value(), "0"_ba);
        QCOMPARE(CanonicalJson::serialize(QJsonArray{-0.0, 0.0}).value(), "[0,0]"_ba);
        QCOMPARE(CanonicalJson::canonicalize("[-0]"_ba).error(), Error::InvalidJson);
    }

    void serializeRefuses_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("fraction") << QJsonValue(0.5);
        QTest::newRow("unsafe integer") << QJsonValue(qint64(CanonicalJson::MaxSafeInteger) + 1);
        QTest::newRow("unsafe double") << QJsonValue(1e300);
        QTest::newRow("lone surrogate") << QJsonValue(QString(QChar(0xd800)));
        QTest::newRow("lone surrogate key") << QJsonValue(QJsonObject{{QString(QChar(0xdc00)), 1}});
        QTest::newRow("nested fraction") << QJsonValue(QJsonArray{QJsonObject{{u"a"_s, 1.25}}});
        QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined);
    }

    void serializeRefuses()
    {
        QFETCH(QJsonValue, value);
        QCOMPARE(CanonicalJson::serialize(value).error(), Error::InvalidJson);
    }
};

QTEST_GUILESS_MAIN(TestCryptoCanonicalJson)
#include "TestCryptoCanonicalJson.moc"
