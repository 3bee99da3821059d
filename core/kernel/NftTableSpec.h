#pragma once

// The project's nftables table in the kernel's own terms: sets with binary keys, and chain rules
// that load packet fields and look them up. NftBackend encodes it with libnftnl into one netlink
// batch (no text is parsed); the service builds it from the compiler's plan (NftCompiler).

#include <QByteArray>
#include <QDataStream>
#include <QHash>
#include <QList>
#include <QString>

namespace ipsec::kernel {

// One field of a set's key, and where the rule loads it from.
struct NftKeyField {
    enum class Type : quint8 { IPv4Address, IPv6Address, Port };
    Type type = Type::Port;
    bool transport = false; // transport header (ports) or network header (addresses)
    quint8 offset = 0;      // in that header

    int length() const
    {
        return type == Type::IPv6Address ? 16 : type == Type::IPv4Address ? 4 : 2;
    }
    friend bool operator==(const NftKeyField &, const NftKeyField &) = default;
};

// A named set. Every element is the first and the last key, each `keyLength()` bytes in network
// byte order, one after the other (first == last for a single value). In a concatenation every
// field takes a multiple of 4 bytes (zero padded), as in the kernel's registers.
struct NftSetSpec {
    QString name;
    QList<NftKeyField> fields;
    bool interval = false;
    QList<QByteArray> elements;

    int keyLength() const;
    bool sameStructure(const NftSetSpec &o) const
    {
        return name == o.name && fields == o.fields && interval == o.interval;
    }
    // The element as nft writes it ("10.0.0.0/24 . 22-25"), for messages and dry runs.
    QString elementText(const QByteArray &element) const;
};

} // namespace ipsec::kernel

Q_DECLARE_TYPEINFO(ipsec::kernel::NftSetSpec, Q_RELOCATABLE_TYPE);

namespace ipsec::kernel {

// A chain rule: [meta nfproto] [meta l4proto] (fields @set | counter) drop|accept.
struct NftRuleSpec {
    quint8 nfproto = 0; // NFPROTO_IPV4/IPV6, 0: any
    quint8 l4proto = 0; // 0: any
    QString set;        // empty: no lookup, the rule counts and decides
    bool drop = true;
    friend bool operator==(const NftRuleSpec &, const NftRuleSpec &) = default;
};

} // namespace ipsec::kernel

Q_DECLARE_TYPEINFO(ipsec::kernel::NftRuleSpec, Q_RELOCATABLE_TYPE);

namespace ipsec::kernel {

struct NftTableSpec {
    bool ikeExemption = false; // udp dport/sport { 500, 4500 } accept first in both chains
    QList<NftSetSpec> sets;
    QList<NftRuleSpec> input;
    QList<NftRuleSpec> output;

    // No table at all.
    bool isEmpty() const { return sets.isEmpty() && input.isEmpty() && output.isEmpty(); }
    int elementCount() const;
    // Everything but the set elements is the same.
    bool sameStructure(const NftTableSpec &o) const;
    const NftSetSpec *set(const QString &name) const;
};

// Elements to add to and delete from one set.
struct NftElementChange {
    QString set;
    QList<QByteArray> add;
    QList<QByteArray> remove;
};

} // namespace ipsec::kernel

Q_DECLARE_TYPEINFO(ipsec::kernel::NftElementChange, Q_RELOCATABLE_TYPE);

namespace ipsec::kernel {

// What turns `from` into `to` by set elements alone (same structure required); empty when the
// tables are equal.
QList<NftElementChange> nftElementChanges(const NftTableSpec &from, const NftTableSpec &to);
// The changes that undo `changes`.
QList<NftElementChange> nftInverse(const QList<NftElementChange> &changes);

QDataStream &operator<<(QDataStream &s, const NftTableSpec &t);
QDataStream &operator>>(QDataStream &s, NftTableSpec &t);

} // namespace ipsec::kernel
