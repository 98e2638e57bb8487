#include "crypto/CanonicalJson.h"

#include "crypto/internal/Primitives.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Lotse::Crypto::CanonicalJson {

namespace {

bool appendString(QByteArray &out, const QString &text)
{
    out.append('"');
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text.at(i).unicode();
        if (QChar::isHighSurrogate(u)) {
            if (i + 1 >= n || !QChar::isLowSurrogate(text.at(i + 1).unicode()))
                return false;
            out.append(QStringView(text).sliced(i, 2).toUtf8());
            ++i;
            continue;
        }
        if (QChar::isLowSurrogate(u))
            return false;
        switch (u) {
        case u'"':
            out.append("\\\"");
            break;
        case u'\\':
            out.append("\\\\");
            break;
        case u'\b':
            out.append("\\b");
            break;
        case u'\f':
            out.append("\\f");
            break;
        case u'\n':
            out.append("\\n");
            break;
        case u'\r':
            out.append("\\r");
            break;
        case u'\t':
            out.append("\\t");
            break;
        default:
            if (u < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 15]);
            } else if (u < 0x80) {
                out.append(static_cast<char>(u));
            } else {
                out.append(QString(QChar(u)).toUtf8());
            }
        }
    }
    out.append('"');
    return true;
}

// depth: how many arrays and objects enclose `value` (0 for the top-level value). An array or
// object is itself one more level; at most MaxDepth levels in all (FORMAT.md section 8).
bool appendValue(QByteArray &out, const QJsonValue &value, int depth)
{
    if ((value.isArray() || value.isObject()) && depth + 1 > MaxDepth)
        return false;
    switch (value.type()) {
    case QJsonValue::Null:
        out.append("null");
        return true;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return true;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > double(MaxSafeInteger))
            return false;
        const qint64 i = value.toInteger(static_cast<qint64>(d));
        if (i > MaxSafeInteger || i < -MaxSafeInteger)
            return false;
        out.append(QByteArray::number(i));
        return true;
    }
    case QJsonValue::String:
        return appendString(out, value.toString());
    case QJsonValue::Array: {
        out.append('[');
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(',');
            if (!appendValue(out, array.at(i), depth + 1))
                return false;
        }
        out.append(']');
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        // QString's operator< compares UTF-16 code units, which is RFC 8785's order.
        std::sort(keys.begin(), keys.end());
        out.append('{');
        bool first = true;
        for (const QString &key : std::as_const(keys)) {
            if (!first)
                out.append(',');
            first = false;
            if (!appendString(out, key))
                return false;
            out.append(':');
            if (!appendValue(out, object.value(key), depth + 1))
                return false;
        }
        out.append('}');
        return true;
    }
    case QJsonValue::Undefined:
        return false;
    }
    return false;
}

// A recursive-descent parser over the decoded UTF-16 text.
class Parser
{
public:
    explicit Parser(const QString &text, bool allowFloats = false)
        : m_text(text)
        , m_allowFloats(allowFloats)
    {}

    bool parseDocument(QJsonValue &out)
    {
        skipWhitespace();
        if (!parseValue(out, 0))
            return false;
        skipWhitespace();
        return m_pos == m_text.size();
    }

private:
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char16_t peek() const { return atEnd() ? u'\0' : m_text.at(m_pos).unicode(); }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char16_t c = peek();
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
                break;
            ++m_pos;
        }
    }

    bool literal(QStringView word)
    {
        if (QStringView(m_text).sliced(m_pos).startsWith(word)) {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    // depth: how many arrays and objects enclose this value. An array or object is itself one
    // more level: at most MaxDepth levels, whatever they hold (FORMAT.md section 8).
    bool parseValue(QJsonValue &out, int depth)
    {
        if (atEnd())
            return false;
        const char16_t c = peek();
        if ((c == u'{' || c == u'[') && depth + 1 > MaxDepth)
            return false;
        if (c == u'{')
            return parseObject(out, depth);
        if (c == u'[')
            return parseArray(out, depth);
        if (c == u'"') {
            QString s;
            if (!parseString(s))
                return false;
            out = QJsonValue(s);
            return true;
        }
        if (c == u't' && literal(u"true")) {
            out = QJsonValue(true);
            return true;
        }
        if (c == u'f' && literal(u"false")) {
            out = QJsonValue(false);
            return true;
        }
        if (c == u'n' && literal(u"null")) {
            out = QJsonValue(QJsonValue::Null);
            return true;
        }
        if (c == u'-' || (c >= u'0' && c <= u'9'))
            return parseInteger(out);
        return false;
    }

    bool parseInteger(QJsonValue &out)
    {
        const qsizetype start = m_pos;
        if (m_allowFloats && !parseStrictInteger(out))
            return parseAnyNumber(out, start);
        if (m_allowFloats)
            return true;
        return parseStrictInteger(out);
    }

    bool parseStrictInteger(QJsonValue &out)
    {
        bool negative = false;
        if (peek() == u'-') {
            negative = true;
            ++m_pos;
        }
        if (atEnd() || peek() < u'0' || peek() > u'9')
            return false;
        qint64 value = 0;
        if (peek() == u'0') {
            ++m_pos;
        } else {
            while (!atEnd() && peek() >= u'0' && peek() <= u'9') {
                value = value * 10 + (peek() - u'0');
                if (value > MaxSafeInteger)
                    return false;
                ++m_pos;
            }
        }
        // Fractions and exponents are floats: outside the subset.
        const char16_t next = peek();
        if (next == u'.' || next == u'e' || next == u'E' || (next >= u'0' && next <= u'9'))
            return false;
        if (negative && value == 0)
            return false; // -0
        out = QJsonValue(negative ? -value : value);
        return true;
    }

    static int hexValue(char16_t c)
    {
        if (c >= u'0' && c <= u'9')
            return c - u'0';
        if (c >= u'a' && c <= u'f')
            return c - u'a' + 10;
        if (c >= u'A' && c <= u'F')
            return c - u'A' + 10;
        return -1;
    }

    bool parseString(QString &out)
    {
        ++m_pos; // opening quote
        while (true) {
            if (atEnd())
                return false;
            const char16_t c = peek();
            ++m_pos;
            if (c == u'"')
                break;
            if (c < 0x20)
                return false;
            if (c != u'\\') {
                out += QChar(c);
                continue;
            }
            if (atEnd())
                return false;
            const char16_t e = peek();
            ++m_pos;
            switch (e) {
            case u'"':
            case u'\\':
            case u'/':
                out += QChar(e);
                break;
            case u'b':
                out += u'\b';
                break;
            case u'f':
                out += u'\f';
                break;
            case u'n':
                out += u'\n';
                break;
            case u'r':
                out += u'\r';
                break;
            case u't':
                out += u'\t';
                break;
            case u'u': {
                if (m_text.size() - m_pos < 4)
                    return false;
                int v = 0;
                for (int k = 0; k < 4; ++k) {
                    const int h = hexValue(m_text.at(m_pos + k).unicode());
                    if (h < 0)
                        return false;
                    v = v * 16 + h;
                }
                m_pos += 4;
                out += QChar(char16_t(v));
                break;
            }
            default:
                return false;
            }
        }
        // Escapes may have produced unpaired surrogates, which UTF-8 cannot carry.
        for (qsizetype i = 0; i < out.size(); ++i) {
            const char16_t u = out.at(i).unicode();
            if (QChar::isHighSurrogate(u)) {
                if (i + 1 >= out.size() || !QChar::isLowSurrogate(out.at(i + 1).unicode()))
                    return false;
                ++i;
            } else if (QChar::isLowSurrogate(u)) {
                return false;
            }
        }
        return true;
    }

    bool parseObject(QJsonValue &out, int depth)
    {
        ++m_pos; // {
        QJsonObject object;
        skipWhitespace();
        if (peek() == u'}') {
            ++m_pos;
            out = object;
            return true;
        }
        while (true) {
            skipWhitespace();
            if (peek() != u'"')
                return false;
            QString key;
            if (!parseString(key))
                return false;
            if (object.contains(key))
                return false; // duplicate key
            skipWhitespace();
            if (peek() != u':')
                return false;
            ++m_pos;
            skipWhitespace();
            QJsonValue value;
            if (!parseValue(value, depth + 1))
                return false;
            object.insert(key, value);
            skipWhitespace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u'}') {
                ++m_pos;
                out = object;
                return true;
            }
            return false;
        }
    }

    bool parseArray(QJsonValue &out, int depth)
    {
        ++m_pos; // [
        QJsonArray array;
        skipWhitespace();
        if (peek() == u']') {
            ++m_pos;
            out = array;
            return true;
        }
        while (true) {
            skipWhitespace();
            QJsonValue value;
            if (!parseValue(value, depth + 1))
                return false;
            array.append(value);
            skipWhitespace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u']') {
                ++m_pos;
                out = array;
                return true;
            }
            return false;
        }
    }

    // Any JSON number (RFC 8259 grammar) as a double: for reading vector files only.
    bool parseAnyNumber(QJsonValue &out, qsizetype start)
    {
        m_pos = start;
        if (peek() == u'-')
            ++m_pos;
        auto digits = [this] {
            const qsizetype from = m_pos;
            while (!atEnd() && peek() >= u'0' && peek() <= u'9')
                ++m_pos;
            return m_pos > from;
        };
        if (peek() == u'0')
            ++m_pos;
        else if (!digits())
            return false;
        if (peek() == u'.') {
            ++m_pos;
            if (!digits())
                return false;
        }
        if (peek() == u'e' || peek() == u'E') {
            ++m_pos;
            if (peek() == u'+' || peek() == u'-')
                ++m_pos;
            if (!digits())
                return false;
        }
        bool ok = false;
        const double d = QStringView(m_text).sliced(start, m_pos - start).toDouble(&ok);
        out = QJsonValue(d);
        return ok;
    }

    const QString &m_text;
    bool m_allowFloats = false;
    qsizetype m_pos = 0;
};

} // namespace

Result<QByteArray> serialize(const QJsonValue &value)
{
    QByteArray out;
    if (!appendValue(out, value, 0))
        return Error::InvalidJson;
    return out;
}

Result<QJsonValue> parse(QByteArrayView text)
{
    return Internal::parseJsonSubset(text, MaxInputBytes);
}

} // namespace Lotse::Crypto::CanonicalJson

namespace Lotse::Crypto {

Result<QJsonValue> Internal::parseJsonSubset(QByteArrayView text, qsizetype maxBytes, bool allowFloats)
{
    if (text.size() > maxBytes)
        return Error::TooLarge;
    // Keep a leading BOM as U+FEFF so that the parser refuses it.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString decoded = decoder.decode(text);
    if (decoder.hasError())
        return Error::InvalidJson;
    QJsonValue value;
    CanonicalJson::Parser parser(decoded, allowFloats);
    if (!parser.parseDocument(value))
        return Error::InvalidJson;
    return value;
}

} // namespace Lotse::Crypto

namespace Lotse::Crypto::CanonicalJson {

Result<QByteArray> canonicalize(QByteArrayView text)
{
    auto value = parse(text);
    if (!value)
        return value.error();
    return serialize(*value);
}

} // namespace Lotse::Crypto::CanonicalJson
