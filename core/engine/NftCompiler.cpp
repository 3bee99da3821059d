// See NftCompiler.h for why one rule per shape decides every packet as the evaluator does.

#include "engine/NftCompiler.h"
#include "engine/XfrmEntry.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

int maxPrefix(Address::Family f)
{
    return f == Address::Family::IPv6 ? 128 : 32;
}

QString familyKeyword(Address::Family f)
{
    return f == Address::Family::IPv6 ? u"ip6"_s : u"ip"_s;
}

QString protocolName(quint8 p)
{
    switch (p) {
    case 6:
        return u"tcp"_s;
    case 17:
        return u"udp"_s;
    default:
        break;
    }
    return QString::number(p);
}

QString sideCode(int prefix, bool me)
{
    if (prefix >= 0)
        return QString::number(prefix);
    return me ? u"me"_s : u"any"_s;
}

QString actionCode(FilterAction::Type a)
{
    switch (a) {
    case FilterAction::Type::Block:
        return u"block"_s;
    case FilterAction::Type::Negotiate:
        return u"negotiate"_s;
    case FilterAction::Type::Permit:
        break;
    }
    return u"permit"_s;
}

QString addressText(const std::array<quint8, 16> &b, Address::Family family, int prefix)
{
    QHostAddress a;
    if (family == Address::Family::IPv4) {
        a = QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
    } else {
        Q_IPV6ADDR v;
        for (int i = 0; i < 16; ++i)
            v[i] = b[i];
        a = QHostAddress(v);
    }
    QString t = a.toString();
    if (prefix < maxPrefix(family))
        t += u'/' + QString::number(prefix);
    return t;
}

QString portText(quint16 first, quint16 last)
{
    return first == last ? QString::number(first) : u"%1-%2"_s.arg(first).arg(last);
}

// One end of a directional filter as the table sees it.
struct End {
    Address::Family family;
    int prefix; // -1: not in the key
    bool me;    // implied "me"
    std::array<quint8, 16> bytes;
};

using Ends = QList<End>;

// Identity of a compiled selector, action left out: two filters with the same one are the
// same traffic (the later one is shadowed).
struct SelectorKey {
    Direction direction;
    Address::Family family;
    int sourcePrefix;
    bool sourceIsMe;
    int destinationPrefix;
    bool destinationIsMe;
    quint8 protocol;
    std::array<quint8, 16> source;
    std::array<quint8, 16> destination;
    quint16 sourcePort;
    quint16 destinationPort;
    friend bool operator==(const SelectorKey &, const SelectorKey &) = default;
};

size_t qHash(const SelectorKey &k, size_t seed = 0) noexcept
{
    return qHashMulti(seed, quint8(k.direction), quint8(k.family), k.sourcePrefix, k.sourceIsMe,
                      k.destinationPrefix, k.destinationIsMe, k.protocol,
                      qHashBits(k.source.data(), 16), qHashBits(k.destination.data(), 16),
                      k.sourcePort, k.destinationPort);
}

struct Winner {
    qsizetype source;
    FilterAction::Type action;
};

class Builder {
public:
    explicit Builder(const EffectivePolicy &policy)
        : m_policy(policy)
    {
        for (const QHostAddress &h : policy.context().localAddresses) {
            const Address a = Address::host(h);
            if (a.family() == Address::Family::Unspecified)
                continue;
            m_localHosts << End{a.family(), a.maxPrefixLength(), false, a.bytes()};
        }
    }

    Ends ends(const Address &a, bool implied) const
    {
        static const Ends bothAny = {End{Address::Family::IPv4, -1, false, {}},
                                     End{Address::Family::IPv6, -1, false, {}}};
        if (a.isMe()) {
            if (!implied)
                return m_localHosts;
            return {End{Address::Family::IPv4, -1, true, {}},
                    End{Address::Family::IPv6, -1, true, {}}};
        }
        if (a.isAny() && a.family() == Address::Family::Unspecified)
            return bothAny;
        if (a.isAny() || (a.isLiteral() && a.prefixLength() == 0))
            return {End{a.family(), -1, false, {}}};
        if (a.isLiteral())
            return {End{a.family(), a.prefixLength(), false, a.bytes()}};
        return {};
    }

    void add(const RankedFilter &r)
    {
        const FilterSource &src = m_policy.sources().at(r.source);
        const DirectionalFilter &f = r.filter;
        const bool in = f.direction == Direction::Inbound;
        const Ends sources = ends(f.source, !in);
        const Ends destinations = ends(f.destination, in);
        const bool ports = f.protocol.hasPorts();
        for (const End &s : sources) {
            for (const End &d : destinations) {
                if (s.family != d.family)
                    continue;
                ++plan.filters;
                NftShape shape;
                shape.direction = f.direction;
                shape.action = src.action;
                shape.family = s.family;
                shape.sourcePrefix = s.prefix;
                shape.sourceIsMe = s.me;
                shape.destinationPrefix = d.prefix;
                shape.destinationIsMe = d.me;
                shape.protocol = f.protocol.number();
                shape.sourcePort = ports && f.sourcePort != 0;
                shape.destinationPort = ports && f.destinationPort != 0;
                shape.rank = r.specificity & ~quint64(0xf);

                NftElement e;
                e.source = s.bytes;
                e.destination = d.bytes;
                e.sourcePort = e.sourcePortLast = shape.sourcePort ? f.sourcePort : 0;
                e.destinationPort = e.destinationPortLast =
                    shape.destinationPort ? f.destinationPort : 0;
                e.sources = {r.source};

                const SelectorKey key{shape.direction,         shape.family,
                                      shape.sourcePrefix,      shape.sourceIsMe,
                                      shape.destinationPrefix, shape.destinationIsMe,
                                      shape.protocol,          e.source,
                                      e.destination,           e.sourcePort,
                                      e.destinationPort};
                const auto seen = m_seen.constFind(key);
                if (seen != m_seen.cend()) {
                    if (seen->source != r.source)
                        plan.shadowed
                            << NftShadowed{r.source, seen->source, seen->action != src.action};
                    continue;
                }
                m_seen.insert(key, Winner{r.source, src.action});

                // Everything setName() spells, packed (formatting the name per filter cost more
                // than the rest of the compilation).
                const quint64 structure =
                    quint64(shape.direction) | quint64(shape.action) << 2
                    | quint64(shape.family) << 4 | quint64(shape.sourcePrefix + 1) << 8
                    | quint64(shape.destinationPrefix + 1) << 16 | quint64(shape.sourceIsMe) << 24
                    | quint64(shape.destinationIsMe) << 25 | quint64(shape.protocol) << 32
                    | quint64(shape.sourcePort) << 40 | quint64(shape.destinationPort) << 41;
                auto it = m_shapeIndex.constFind(structure);
                if (it == m_shapeIndex.cend()) {
                    it = m_shapeIndex.insert(structure, plan.shapes.size());
                    plan.shapes << std::move(shape);
                }
                plan.shapes[*it].elements << std::move(e);
            }
        }
    }

    void reserve(qsizetype filters) { m_seen.reserve(filters); }

    NftPlan plan;

private:
    const EffectivePolicy &m_policy;
    Ends m_localHosts;
    QHash<SelectorKey, Winner> m_seen;
    QHash<quint64, qsizetype> m_shapeIndex;
};

// Merges consecutive single ports of elements that differ only in that port into ranges.
int mergePorts(NftShape &shape)
{
    if (shape.sourcePort == shape.destinationPort || shape.elements.size() < 2)
        return 0; // no port, or both: nothing varies alone
    const bool dst = shape.destinationPort;
    auto port = [dst](const NftElement &e) {
        return dst ? e.destinationPort : e.sourcePort;
    };
    std::stable_sort(shape.elements.begin(), shape.elements.end(),
                     [&](const NftElement &a, const NftElement &b) {
                         if (a.source != b.source)
                             return a.source < b.source;
                         if (a.destination != b.destination)
                             return a.destination < b.destination;
                         return port(a) < port(b);
                     });
    QList<NftElement> out;
    out.reserve(shape.elements.size());
    for (NftElement &e : shape.elements) {
        if (!out.isEmpty()) {
            NftElement &last = out.last();
            quint16 &lastPort = dst ? last.destinationPortLast : last.sourcePortLast;
            if (last.source == e.source && last.destination == e.destination && lastPort != 0xffff
                && port(e) == lastPort + 1) {
                lastPort = port(e);
                last.sources << e.sources;
                continue;
            }
        }
        out << std::move(e);
    }
    const int saved = int(shape.elements.size() - out.size());
    shape.elements = std::move(out);
    return saved;
}

} // namespace

QString NftElement::text(const NftShape &shape) const
{
    QStringList parts;
    if (shape.sourcePrefix >= 0)
        parts << addressText(source, shape.family, shape.sourcePrefix);
    if (shape.destinationPrefix >= 0)
        parts << addressText(destination, shape.family, shape.destinationPrefix);
    if (shape.sourcePort)
        parts << portText(sourcePort, sourcePortLast);
    if (shape.destinationPort)
        parts << portText(destinationPort, destinationPortLast);
    return parts.join(u" . "_s);
}

bool NftShape::needsInterval() const
{
    if ((sourcePrefix >= 0 && sourcePrefix < maxPrefix(family))
        || (destinationPrefix >= 0 && destinationPrefix < maxPrefix(family)))
        return true;
    return std::any_of(elements.cbegin(), elements.cend(), [](const NftElement &e) {
        return e.sourcePort != e.sourcePortLast || e.destinationPort != e.destinationPortLast;
    });
}

QString NftShape::setName() const
{
    const QString ports = sourcePort && destinationPort ? u"sd"_s
                          : sourcePort                  ? u"s"_s
                          : destinationPort             ? u"d"_s
                                                        : u"n"_s;
    return u"%1_%2_%3_%4_%5_%6_%7"_s.arg(
        direction == Direction::Inbound ? u"in"_s : u"out"_s, actionCode(action),
        family == Address::Family::IPv6 ? u"6"_s : u"4"_s, sideCode(sourcePrefix, sourceIsMe),
        sideCode(destinationPrefix, destinationIsMe),
        protocol == 0 ? u"any"_s : protocolName(protocol), ports);
}

QString NftShape::keyType() const
{
    const QString addr = family == Address::Family::IPv6 ? u"ipv6_addr"_s : u"ipv4_addr"_s;
    QStringList types;
    if (sourcePrefix >= 0)
        types << addr;
    if (destinationPrefix >= 0)
        types << addr;
    if (sourcePort)
        types << u"inet_service"_s;
    if (destinationPort)
        types << u"inet_service"_s;
    return types.join(u" . "_s);
}

QString NftShape::rule() const
{
    QString r = family == Address::Family::IPv6 ? u"meta nfproto ipv6"_s : u"meta nfproto ipv4"_s;
    if (protocol != 0)
        r += u" meta l4proto "_s + protocolName(protocol);
    if (hasKey()) {
        QStringList fields;
        if (sourcePrefix >= 0)
            fields << familyKeyword(family) + u" saddr"_s;
        if (destinationPrefix >= 0)
            fields << familyKeyword(family) + u" daddr"_s;
        if (sourcePort)
            fields << protocolName(protocol) + u" sport"_s;
        if (destinationPort)
            fields << protocolName(protocol) + u" dport"_s;
        r += u' ' + fields.join(u" . "_s) + u" @"_s + setName();
    } else {
        r += u" counter"_s;
    }
    r += action == FilterAction::Type::Block ? u" drop"_s : u" accept"_s;
    return r;
}

bool NftShape::sameStructure(const NftShape &o) const
{
    return direction == o.direction && action == o.action && family == o.family
           && sourcePrefix == o.sourcePrefix && destinationPrefix == o.destinationPrefix
           && sourceIsMe == o.sourceIsMe && destinationIsMe == o.destinationIsMe
           && protocol == o.protocol && sourcePort == o.sourcePort
           && destinationPort == o.destinationPort;
}

qsizetype NftShape::match(const Packet &p) const
{
    if (p.direction != direction)
        return -1;
    std::array<quint8, 16> s, d;
    if (!addressBytes(p.source, family, s) || !addressBytes(p.destination, family, d))
        return -1;
    if (protocol != 0 && p.protocol != protocol)
        return -1;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const NftElement &e = elements.at(i);
        if (sourcePrefix >= 0 && !prefixMatches(e.source, sourcePrefix, s))
            continue;
        if (destinationPrefix >= 0 && !prefixMatches(e.destination, destinationPrefix, d))
            continue;
        if (sourcePort && (p.sourcePort < e.sourcePort || p.sourcePort > e.sourcePortLast))
            continue;
        if (destinationPort
            && (p.destinationPort < e.destinationPort || p.destinationPort > e.destinationPortLast))
            continue;
        return i;
    }
    return -1;
}

int NftPlan::elementCount() const
{
    int n = 0;
    for (const NftShape &s : shapes)
        n += int(s.elements.size());
    return n;
}

QString nftDeleteTableCommands()
{
    // "destroy table" needs nft 1.0.8; adding first makes the delete succeed either way, and
    // both are one transaction.
    return u"add table inet %1\ndelete table inet %1\n"_s.arg(QString::fromUtf16(NftTableName));
}

QString NftPlan::tableText() const
{
    if (shapes.isEmpty())
        return {};
    QString t;
    t.reserve(4096 + elementCount() * 24);
    t += u"table inet %1 {\n"_s.arg(QString::fromUtf16(NftTableName));
    for (const NftShape &s : shapes) {
        if (!s.hasKey())
            continue;
        t += u"\tset "_s + s.setName() + u" {\n\t\ttype "_s + s.keyType() + u"\n"_s;
        if (s.needsInterval())
            t += u"\t\tflags interval\n"_s;
        t += u"\t\tcounter\n\t\telements = { "_s;
        bool first = true;
        for (const NftElement &e : s.elements) {
            if (!first)
                t += u", "_s;
            first = false;
            t += e.text(s);
        }
        t += u" }\n\t}\n"_s;
    }
    for (Direction dir : {Direction::Inbound, Direction::Outbound}) {
        const bool in = dir == Direction::Inbound;
        t += in ? u"\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n"_s
                : u"\tchain output {\n\t\ttype filter hook output priority filter; policy "
                  u"accept;\n"_s;
        if (ikeExemption)
            t += in ? u"\t\tmeta l4proto udp udp dport { 500, 4500 } accept\n"_s
                    : u"\t\tmeta l4proto udp udp sport { 500, 4500 } accept\n"_s;
        for (const NftShape &s : shapes)
            if (s.direction == dir)
                t += u"\t\t"_s + s.rule() + u'\n';
        t += u"\t}\n"_s;
    }
    t += u"}\n"_s;
    return t;
}

QString NftPlan::ruleset() const
{
    return nftDeleteTableCommands() + tableText();
}

std::optional<NftPlan::Decision> NftPlan::decide(const Packet &p) const
{
    if (shapes.isEmpty())
        return std::nullopt;
    if (ikeExemption
        && EffectivePolicy::isIkeExempt(p.direction, p.protocol, p.sourcePort, p.destinationPort))
        return Decision{-1, -1, false};
    for (qsizetype i = 0; i < shapes.size(); ++i) {
        const qsizetype e = shapes.at(i).match(p);
        if (e >= 0)
            return Decision{i, e, shapes.at(i).action == FilterAction::Type::Block};
    }
    return std::nullopt;
}

NftPlan NftCompiler::compile(const EffectivePolicy &policy, const Options &options)
{
    Builder b(policy);
    b.reserve(policy.ranked().size());
    for (const RankedFilter &r : policy.ranked())
        b.add(r);
    NftPlan plan = std::move(b.plan);
    // Rule order: direction (separate chains), then rank; the rank includes the action, so at
    // equal specificity Block comes before Negotiate before Permit, as in the evaluator.
    std::stable_sort(plan.shapes.begin(), plan.shapes.end(),
                     [](const NftShape &x, const NftShape &y) {
                         if (x.direction != y.direction)
                             return x.direction < y.direction;
                         return x.rank < y.rank;
                     });
    if (options.mergePortRuns)
        for (NftShape &s : plan.shapes)
            plan.portMerged += mergePorts(s);
    plan.ikeExemption = policy.options().ikeExemption && !plan.shapes.isEmpty();
    return plan;
}

bool selectorsOverlap(const XfrmSelector &a, const XfrmSelector &b)
{
    if (a.family != b.family)
        return false;
    if (a.protocol != 0 && b.protocol != 0 && a.protocol != b.protocol)
        return false;
    if ((a.sourcePort ^ b.sourcePort) & a.sourcePortMask & b.sourcePortMask)
        return false;
    if ((a.destinationPort ^ b.destinationPort) & a.destinationPortMask & b.destinationPortMask)
        return false;
    return prefixMatches(a.source, std::min(a.sourcePrefix, b.sourcePrefix), b.source)
           && prefixMatches(a.destination, std::min(a.destinationPrefix, b.destinationPrefix),
                            b.destination);
}

XfrmPlan NftCompiler::negotiateLayer(const XfrmPlan &full)
{
    XfrmPlan out;
    QList<const XfrmEntry *> negotiate;
    for (const XfrmEntry &e : full.entries)
        if (!e.ikeExemption && e.filterAction == FilterAction::Type::Negotiate)
            negotiate << &e;
    if (negotiate.isEmpty())
        return out;
    for (const XfrmEntry &e : full.entries) {
        bool keep = e.ikeExemption || e.filterAction == FilterAction::Type::Negotiate;
        for (qsizetype i = 0; !keep && i < negotiate.size(); ++i) {
            const XfrmEntry &n = *negotiate.at(i);
            keep = n.dir == e.dir && n.priority > e.priority
                   && selectorsOverlap(n.selector, e.selector);
        }
        if (!keep)
            continue;
        // Traffic of a block never reaches XFRM's verdict unharmed: the table drops it (inbound
        // before XFRM's check, outbound right after XFRM's lookup). In XFRM the entry only has
        // to keep a later negotiate entry away from that traffic, so it allows. Keeping it a
        // block would be wrong: it may cover a more specific permit that is not in this layer
        // because that permit overlaps no negotiate filter.
        XfrmEntry kept = e;
        kept.action = XfrmEntry::Action::Allow;
        out.entries << std::move(kept);
    }
    return out;
}

} // namespace ipsec::engine
