#include "kernel/NftTableSpec.h"

#include <QHostAddress>
#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

int padded(int n)
{
    return (n + 3) & ~3;
}

QString fieldText(const NftKeyField &f, const char *first, const char *last)
{
    const auto *a = reinterpret_cast<const quint8 *>(first);
    const auto *b = reinterpret_cast<const quint8 *>(last);
    const int n = f.length();
    if (f.type == NftKeyField::Type::Port) {
        const quint16 p = quint16(a[0] << 8 | a[1]);
        const quint16 q = quint16(b[0] << 8 | b[1]);
        return p == q ? QString::number(p) : u"%1-%2"_s.arg(p).arg(q);
    }
    const auto address = [&](const quint8 *bytes) {
        if (n == 4)
            return QHostAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16
                                | quint32(bytes[2]) << 8 | bytes[3])
                .toString();
        Q_IPV6ADDR v;
        for (int i = 0; i < 16; ++i)
            v[i] = bytes[i];
        return QHostAddress(v).toString();
    };
    // A prefix when first..last is one: the leading bits equal, the rest 0 in first, 1 in last.
    int prefix = 0;
    while (prefix < n * 8) {
        const int byte = prefix / 8;
        const quint8 bit = quint8(0x80 >> (prefix % 8));
        if ((a[byte] & bit) != (b[byte] & bit))
            break;
        ++prefix;
    }
    bool isPrefix = true;
    for (int i = prefix; i < n * 8 && isPrefix; ++i) {
        const quint8 bit = quint8(0x80 >> (i % 8));
        isPrefix = !(a[i / 8] & bit) && (b[i / 8] & bit);
    }
    if (prefix == n * 8)
        return address(a);
    if (isPrefix)
        return address(a) + u'/' + QString::number(prefix);
    return address(a) + u'-' + address(b);
}

} // namespace

int NftSetSpec::keyLength() const
{
    if (fields.size() == 1)
        return fields.first().length();
    int n = 0;
    for (const NftKeyField &f : fields)
        n += padded(f.length());
    return n;
}

QString NftSetSpec::elementText(const QByteArray &element) const
{
    const int length = keyLength();
    if (element.size() != 2 * length)
        return {};
    QStringList parts;
    int offset = 0;
    for (const NftKeyField &f : fields) {
        parts << fieldText(f, element.constData() + offset, element.constData() + length + offset);
        offset += fields.size() == 1 ? f.length() : padded(f.length());
    }
    return parts.join(u" . "_s);
}

int NftTableSpec::elementCount() const
{
    int n = 0;
    for (const NftSetSpec &s : sets)
        n += int(s.elements.size());
    return n;
}

bool NftTableSpec::sameStructure(const NftTableSpec &o) const
{
    if (ikeExemption != o.ikeExemption || input != o.input || output != o.output
        || sets.size() != o.sets.size())
        return false;
    for (qsizetype i = 0; i < sets.size(); ++i)
        if (!sets.at(i).sameStructure(o.sets.at(i)))
            return false;
    return true;
}

const NftSetSpec *NftTableSpec::set(const QString &name) const
{
    for (const NftSetSpec &s : sets)
        if (s.name == name)
            return &s;
    return nullptr;
}

QList<NftElementChange> nftElementChanges(const NftTableSpec &from, const NftTableSpec &to)
{
    QList<NftElementChange> out;
    for (const NftSetSpec &target : to.sets) {
        const NftSetSpec *source = from.set(target.name);
        NftElementChange c;
        c.set = target.name;
        if (!source) {
            c.add = target.elements;
        } else {
            const QSet<QByteArray> have(source->elements.cbegin(), source->elements.cend());
            const QSet<QByteArray> want(target.elements.cbegin(), target.elements.cend());
            for (const QByteArray &e : target.elements)
                if (!have.contains(e))
                    c.add << e;
            for (const QByteArray &e : source->elements)
                if (!want.contains(e))
                    c.remove << e;
        }
        if (!c.add.isEmpty() || !c.remove.isEmpty())
            out << std::move(c);
    }
    return out;
}

QList<NftElementChange> nftInverse(const QList<NftElementChange> &changes)
{
    QList<NftElementChange> out;
    for (const NftElementChange &c : changes)
        out << NftElementChange{c.set, c.remove, c.add};
    return out;
}

// Streamed inside ipsec::kernel (not an unnamed namespace) so QList's operators find them.
QDataStream &operator<<(QDataStream &s, const NftKeyField &f)
{
    return s << quint8(f.type) << f.transport << f.offset;
}

QDataStream &operator>>(QDataStream &s, NftKeyField &f)
{
    quint8 type = 0;
    s >> type >> f.transport >> f.offset;
    f.type = NftKeyField::Type(type);
    return s;
}

QDataStream &operator<<(QDataStream &s, const NftRuleSpec &r)
{
    return s << r.nfproto << r.l4proto << r.set << r.drop;
}

QDataStream &operator>>(QDataStream &s, NftRuleSpec &r)
{
    return s >> r.nfproto >> r.l4proto >> r.set >> r.drop;
}

QDataStream &operator<<(QDataStream &s, const NftSetSpec &set)
{
    return s << set.name << set.fields << set.interval << set.elements;
}

QDataStream &operator>>(QDataStream &s, NftSetSpec &set)
{
    return s >> set.name >> set.fields >> set.interval >> set.elements;
}

QDataStream &operator<<(QDataStream &s, const NftTableSpec &t)
{
    return s << t.ikeExemption << t.sets << t.input << t.output;
}

QDataStream &operator>>(QDataStream &s, NftTableSpec &t)
{
    return s >> t.ikeExemption >> t.sets >> t.input >> t.output;
}

} // namespace ipsec::kernel
