#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

#include <optional>

namespace Lotse::Crypto::Internal {

// Big-endian writers and a bounds-checked reader for the envelope layouts of FORMAT.md.
inline void appendU8(QByteArray &out, quint8 v)
{
    out.append(static_cast<char>(v));
}

inline void appendU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

inline void appendU64(QByteArray &out, quint64 v)
{
    char b[8];
    qToBigEndian(v, b);
    out.append(b, 8);
}

// u8 length prefix, then the bytes; the caller has checked the length is at most 255.
inline void appendShortBytes(QByteArray &out, QByteArrayView bytes)
{
    appendU8(out, static_cast<quint8>(bytes.size()));
    out.append(bytes);
}

class ByteReader
{
public:
    explicit ByteReader(QByteArrayView bytes)
        : m_bytes(bytes)
    {}

    [[nodiscard]] qsizetype remaining() const { return m_bytes.size() - m_pos; }
    [[nodiscard]] qsizetype position() const { return m_pos; }

    std::optional<quint8> u8()
    {
        if (remaining() < 1)
            return std::nullopt;
        return static_cast<quint8>(m_bytes[m_pos++]);
    }
    std::optional<quint32> u32()
    {
        if (remaining() < 4)
            return std::nullopt;
        const auto v = qFromBigEndian<quint32>(m_bytes.data() + m_pos);
        m_pos += 4;
        return v;
    }
    std::optional<quint64> u64()
    {
        if (remaining() < 8)
            return std::nullopt;
        const auto v = qFromBigEndian<quint64>(m_bytes.data() + m_pos);
        m_pos += 8;
        return v;
    }
    std::optional<QByteArrayView> bytes(qsizetype count)
    {
        if (count < 0 || remaining() < count)
            return std::nullopt;
        const auto v = m_bytes.sliced(m_pos, count);
        m_pos += count;
        return v;
    }
    QByteArrayView rest()
    {
        const auto v = m_bytes.sliced(m_pos);
        m_pos = m_bytes.size();
        return v;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
};

} // namespace Lotse::Crypto::Internal
