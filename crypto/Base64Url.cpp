#include "crypto/Random.h"

#include <array>

namespace Lotse::Crypto {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<qint8, 128> makeDecodeTable()
{
    std::array<qint8, 128> table{};
    for (auto &v : table)
        v = -1;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<qint8>(i);
    return table;
}

constexpr auto decodeTable = makeDecodeTable();

} // namespace

QString toBase64Url(QByteArrayView bytes)
{
    QString out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    qsizetype i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const quint32 v = (quint32(p[i]) << 16) | (quint32(p[i + 1]) << 8) | p[i + 2];
        out += QLatin1Char(alphabet[(v >> 18) & 63]);
        out += QLatin1Char(alphabet[(v >> 12) & 63]);
        out += QLatin1Char(alphabet[(v >> 6) & 63]);
        out += QLatin1Char(alphabet[v & 63]);
    }
    const qsizetype rest = bytes.size() - i;
    if (rest == 1) {
        const quint32 v = quint32(p[i]) << 16;
        out += QLatin1Char(alphabet[(v >> 18) & 63]);
        out += QLatin1Char(alphabet[(v >> 12) & 63]);
    } else if (rest == 2) {
        const quint32 v = (quint32(p[i]) << 16) | (quint32(p[i + 1]) << 8);
        out += QLatin1Char(alphabet[(v >> 18) & 63]);
        out += QLatin1Char(alphabet[(v >> 12) & 63]);
        out += QLatin1Char(alphabet[(v >> 6) & 63]);
    }
    return out;
}

std::optional<QByteArray> fromBase64Url(QStringView text)
{
    // A length of 1 mod 4 cannot come from any byte string.
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 acc = 0;
    int bits = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 128 || decodeTable[u] < 0)
            return std::nullopt;
        acc = (acc << 6) | quint32(decodeTable[u]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((acc >> bits) & 0xff));
        }
    }
    // The unused low bits of the last character must be zero (canonical encoding).
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

} // namespace Lotse::Crypto
