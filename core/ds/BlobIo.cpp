#include "ds/BlobIo.h"

#include <QtEndian>

namespace ipsec::ds {

QString BlobString::text() const
{
    QString out;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2) {
        const char16_t c = char16_t(quint8(bytes[i]) | (quint8(bytes[i + 1]) << 8));
        if (c == 0)
            break;
        out.append(QChar(c));
    }
    return out;
}

BlobString BlobString::fromText(const QString &text)
{
    BlobString s;
    s.bytes.reserve((text.size() + 1) * 2);
    for (QChar c : text) {
        s.bytes.append(char(c.unicode() & 0xFF));
        s.bytes.append(char(c.unicode() >> 8));
    }
    s.bytes.append(2, '\0');
    return s;
}

bool BlobReader::take(qsizetype count, const char *field)
{
    if (failed())
        return false;
    if (count < 0 || count > remaining()) {
        fail(field, tr("needs %n byte(s), but the blob ends %1 byte(s) later", nullptr, int(count))
                        .arg(remaining()));
        return false;
    }
    return true;
}

quint8 BlobReader::u8(const char *field)
{
    if (!take(1, field))
        return 0;
    return quint8(m_data[m_pos++]);
}

quint16 BlobReader::u16(const char *field)
{
    if (!take(2, field))
        return 0;
    const quint16 v = qFromLittleEndian<quint16>(m_data.data() + m_pos);
    m_pos += 2;
    return v;
}

quint32 BlobReader::u32(const char *field)
{
    if (!take(4, field))
        return 0;
    const quint32 v = qFromLittleEndian<quint32>(m_data.data() + m_pos);
    m_pos += 4;
    return v;
}

quint64 BlobReader::u64(const char *field)
{
    if (!take(8, field))
        return 0;
    const quint64 v = qFromLittleEndian<quint64>(m_data.data() + m_pos);
    m_pos += 8;
    return v;
}

QUuid BlobReader::guid(const char *field)
{
    if (!take(16, field))
        return {};
    const char *p = m_data.data() + m_pos;
    m_pos += 16;
    return QUuid(qFromLittleEndian<quint32>(p), qFromLittleEndian<quint16>(p + 4),
                 qFromLittleEndian<quint16>(p + 6), quint8(p[8]), quint8(p[9]), quint8(p[10]),
                 quint8(p[11]), quint8(p[12]), quint8(p[13]), quint8(p[14]), quint8(p[15]));
}

QByteArray BlobReader::bytes(qsizetype count, const char *field)
{
    if (!take(count, field))
        return {};
    QByteArray out(m_data.data() + m_pos, count);
    m_pos += count;
    return out;
}

BlobString BlobReader::string(const char *lengthField, const char *field)
{
    const quint32 length = u32(lengthField);
    if (failed())
        return {};
    if (qint64(length) > remaining()) {
        fail(lengthField, tr("says %1 bytes, but only %2 follow").arg(length).arg(remaining()));
        return {};
    }
    BlobString s{bytes(qsizetype(length), field)};
    if (failed())
        return {};
    if (s.bytes.size() % 2 != 0)
        fail(lengthField, tr("gives an odd length (%1) for UTF-16 text").arg(length));
    else if (!s.bytes.isEmpty() && !s.bytes.endsWith(QByteArray(2, '\0')))
        fail(field, tr("is not terminated by a NUL character"));
    return s;
}

bool BlobReader::fits(quint64 count, qsizetype itemSize, const char *countField)
{
    if (failed())
        return false;
    if (count > quint64(remaining() / qMax<qsizetype>(itemSize, 1))) {
        fail(countField, tr("announces %1 entries of at least %2 bytes, but only %3 bytes follow")
                             .arg(count)
                             .arg(itemSize)
                             .arg(remaining()));
        return false;
    }
    return true;
}

void BlobReader::fail(const char *field, const QString &problem)
{
    if (failed())
        return;
    m_field = QString::fromLatin1(field);
    m_problem = problem;
}

void BlobWriter::u16(quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    m_out.append(b, 2);
}

void BlobWriter::u32(quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    m_out.append(b, 4);
}

void BlobWriter::u64(quint64 v)
{
    char b[8];
    qToLittleEndian(v, b);
    m_out.append(b, 8);
}

void BlobWriter::guid(const QUuid &id)
{
    u32(id.data1);
    u16(id.data2);
    u16(id.data3);
    m_out.append(reinterpret_cast<const char *>(id.data4), 8);
}

void BlobWriter::string(const BlobString &s)
{
    u32(quint32(s.bytes.size()));
    bytes(s.bytes);
}

void BlobWriter::patchU32(qsizetype at, quint32 v)
{
    qToLittleEndian(v, m_out.data() + at);
}

} // namespace ipsec::ds
