#pragma once

// Little-endian reading and writing of the [MS-GPIPSEC] blobs. The reader is sticky: after the
// first problem every further read yields zeros and the first problem (field + sentence) is
// kept, so a decoder reads straight through and checks once.

#include "ds/GpipsecBlob.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace ipsec::ds {

class BlobReader {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::BlobReader)
public:
    explicit BlobReader(QByteArrayView data)
        : m_data(data)
    {
    }

    quint8 u8(const char *field);
    quint16 u16(const char *field);
    quint32 u32(const char *field);
    quint64 u64(const char *field);
    QUuid guid(const char *field);
    QByteArray bytes(qsizetype count, const char *field);
    template <std::size_t N>
    std::array<quint8, N> array(const char *field)
    {
        std::array<quint8, N> out{};
        const QByteArray b = bytes(qsizetype(N), field);
        for (std::size_t i = 0; i < N && qsizetype(i) < b.size(); ++i)
            out[i] = quint8(b[qsizetype(i)]);
        return out;
    }
    // A 4-byte length in bytes, then that many bytes of UTF-16LE (normally ending with a NUL).
    BlobString string(const char *lengthField, const char *field);
    // `count` items of at least `itemSize` bytes each must fit in what is left.
    bool fits(quint64 count, qsizetype itemSize, const char *countField);

    void fail(const char *field, const QString &problem);
    bool failed() const { return !m_problem.isEmpty(); }
    const QString &field() const { return m_field; }
    const QString &problem() const { return m_problem; }
    qsizetype pos() const { return m_pos; }
    qsizetype remaining() const { return m_data.size() - m_pos; }
    QByteArrayView data() const { return m_data; }

private:
    bool take(qsizetype count, const char *field);

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    QString m_field;
    QString m_problem;
};

class BlobWriter {
public:
    void u8(quint8 v) { m_out.append(char(v)); }
    void u16(quint16 v);
    void u32(quint32 v);
    void u64(quint64 v);
    void guid(const QUuid &id);
    void bytes(QByteArrayView b) { m_out.append(b.data(), b.size()); }
    template <std::size_t N>
    void array(const std::array<quint8, N> &a)
    {
        m_out.append(reinterpret_cast<const char *>(a.data()), qsizetype(N));
    }
    void string(const BlobString &s);
    // Overwrites a 4-byte value written earlier (a length known only afterwards).
    void patchU32(qsizetype at, quint32 v);
    qsizetype size() const { return m_out.size(); }
    const QByteArray &result() const { return m_out; }

private:
    QByteArray m_out;
};

} // namespace ipsec::ds
