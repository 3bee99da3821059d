// See NftCompiler.h for why one rule per shape decides every packet as the evaluator does.

#include "engine/NftCompiler.h"
#include "engine/XfrmEntry.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

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

void appendNumber(QString &out, uint n)
{
    char16_t digits[10];
    int i = 10;
    do {
        digits[--i] = char16_t(u'0' + n % 10);
        n /= 10;
    } while (n);
    out.append(QStringView(digits + i, 10 - i));
}

// As nft writes it (and QHostAddress: dotted quad, RFC 5952 for IPv6), "/prefix" unless a host.
// IPv4 directly: the table text has one per element, 10,000 and more.
void appendAddress(QString &out, const std::array<quint8, 16> &b, Address::Family family,
                   int prefix)
{
    if (family == Address::Family::IPv4) {
        for (int i = 0; i < 4; ++i) {
            if (i)
                out.append(u'.');
            appendNumber(out, b[size_t(i)]);
        }
    } else {
        Q_IPV6ADDR v;
        for (int i = 0; i < 16; ++i)
            v[i] = b[size_t(i)];
        out.append(QHostAddress(v).toString());
    }
    if (prefix < maxPrefix(family)) {
        out.append(u'/');
        appendNumber(out, uint(prefix));
    }
}

void appendPorts(QString &out, quint16 first, quint16 last)
{
    appendNumber(out, first);
    if (first != last) {
        out.append(u'-');
        appendNumber(out, last);
    }
}

// One end of a directional filter as the table sees it.
struct End {
    Address::Family family;
    int prefix; // -1: not in the key
    bool me;    // implied "me"
    std::array<quint8, 16> bytes;
};

// One or two ends (both families) without allocating; more only for "me" on the far end of a
// host with many addresses.
using Ends = QVarLengthArray<End, 2>;

// Identity of a compiled selector, action left out: two filters with the same one are the
// same traffic (the later one is shadowed). Packed into six words: one look-up per element of
// the table, so this is the compiler's hottest.
struct SelectorKey {
    // direction, family, prefixes (+1, so -1 is 0), which ends are an implied "me", protocol
    quint64 head;
    std::array<quint8, 16> source;
    std::array<quint8, 16> destination;
    quint64 ports; // source port << 16 | destination port
    friend bool operator==(const SelectorKey &, const SelectorKey &) = default;
};

size_t qHash(const SelectorKey &k, size_t seed = 0) noexcept
{
    // Integer mixing, as qHash(XfrmSelector): qHashBits() of the 48 bytes costs several times
    // more.
    quint64 w[4];
    std::memcpy(&w[0], k.source.data(), 16);
    std::memcpy(&w[2], k.destination.data(), 16);
    return qHashMulti(seed, k.head, w[0], w[1], w[2], w[3], k.ports);
}

// The winner of a selector; source -1 while there is none.
struct Winner {
    qsizetype source = -1;
    FilterAction::Type action = FilterAction::Type::Block;
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
        Ends out;
        if (a.isMe()) {
            if (!implied)
                return m_localHosts;
            out.append(End{Address::Family::IPv4, -1, true, {}});
            out.append(End{Address::Family::IPv6, -1, true, {}});
        } else if (a.isAny() && a.family() == Address::Family::Unspecified) {
            out.append(End{Address::Family::IPv4, -1, false, {}});
            out.append(End{Address::Family::IPv6, -1, false, {}});
        } else if (a.isAny() || (a.isLiteral() && a.prefixLength() == 0)) {
            out.append(End{a.family(), -1, false, {}});
        } else if (a.isLiteral()) {
            out.append(End{a.family(), a.prefixLength(), false, a.bytes()});
        }
        return out;
    }

    void add(const RankedFilter &r)
    {
        const FilterSource &src = m_policy.sources().at(r.source);
        const DirectionalFilter &f = r.filter;
        const bool in = f.direction == Direction::Inbound;
        const Ends sources = ends(f.source, !in);
        const Ends destinations = ends(f.destination, in);
        const bool ports = f.protocol.hasPorts();
        const bool sourcePort = ports && f.sourcePort != 0;
        const bool destinationPort = ports && f.destinationPort != 0;
        const quint16 sport = sourcePort ? f.sourcePort : 0;
        const quint16 dport = destinationPort ? f.destinationPort : 0;
        const quint8 protocol = f.protocol.number();
        for (const End &s : sources) {
            for (const End &d : destinations) {
                if (s.family != d.family)
                    continue;
                ++plan.filters;
                // Everything the selector's identity and the shape's setName() spell, packed.
                const quint64 head = quint64(f.direction) | quint64(s.family) << 4
                                     | quint64(s.prefix + 1) << 8 | quint64(d.prefix + 1) << 16
                                     | quint64(s.me) << 24 | quint64(d.me) << 25
                                     | quint64(protocol) << 32 | quint64(sourcePort) << 40
                                     | quint64(destinationPort) << 41;
                // One look-up: a new selector gets its winner, a known one shadows this filter.
                Winner &seen =
                    m_seen[SelectorKey{head, s.bytes, d.bytes, quint64(sport) << 16 | dport}];
                if (seen.source >= 0) {
                    if (seen.source != r.source)
                        plan.shadowed
                            << NftShadowed{r.source, seen.source, seen.action != src.action};
                    continue;
                }
                seen = Winner{r.source, src.action};

                const quint64 structure = head | quint64(src.action) << 2;
                // Filters of one shape come in runs (they share a rank): no look-up for those.
                if (structure != m_lastStructure || m_lastShape < 0) {
                    auto it = m_shapeIndex.constFind(structure);
                    if (it == m_shapeIndex.cend()) {
                        it = m_shapeIndex.insert(structure, plan.shapes.size());
                        NftShape &shape = plan.shapes.emplaceBack();
                        shape.direction = f.direction;
                        shape.action = src.action;
                        shape.family = s.family;
                        shape.sourcePrefix = s.prefix;
                        shape.sourceIsMe = s.me;
                        shape.destinationPrefix = d.prefix;
                        shape.destinationIsMe = d.me;
                        shape.protocol = protocol;
                        shape.sourcePort = sourcePort;
                        shape.destinationPort = destinationPort;
                        shape.rank = r.specificity & ~quint64(0xf);
                    }
                    m_lastStructure = structure;
                    m_lastShape = *it;
                }
                NftElement &e = plan.shapes[m_lastShape].elements.emplaceBack();
                e.source = s.bytes;
                e.destination = d.bytes;
                e.sourcePort = e.sourcePortLast = sport;
                e.destinationPort = e.destinationPortLast = dport;
                e.sources.append(r.source);
            }
        }
    }

    // One selector per element: most filters give one or two (both families of "any").
    void reserve(qsizetype filters) { m_seen.reserve(filters * 2); }

    NftPlan plan;

private:
    const EffectivePolicy &m_policy;
    Ends m_localHosts;
    QHash<SelectorKey, Winner> m_seen;
    QHash<quint64, qsizetype> m_shapeIndex;
    quint64 m_lastStructure = 0;
    qsizetype m_lastShape = -1;
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
    const auto before = [&](const NftElement &a, const NftElement &b) {
        if (a.source != b.source)
            return a.source < b.source;
        if (a.destination != b.destination)
            return a.destination < b.destination;
        return port(a) < port(b);
    };
    // Port lists are mostly written in ascending order: then the stable sort would not move a
    // thing, and checking is all it takes.
    QList<NftElement> &elements = shape.elements;
    if (!std::is_sorted(elements.cbegin(), elements.cend(), before))
        std::stable_sort(elements.begin(), elements.end(), before);
    // Merged in place: the kept elements move down over the merged ones, in the same order.
    qsizetype kept = 0;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        NftElement &e = elements[i];
        if (kept > 0) {
            NftElement &last = elements[kept - 1];
            quint16 &lastPort = dst ? last.destinationPortLast : last.sourcePortLast;
            if (last.source == e.source && last.destination == e.destination && lastPort != 0xffff
                && port(e) == lastPort + 1) {
                lastPort = port(e);
                last.sources << e.sources;
                continue;
            }
        }
        if (kept != i)
            elements[kept] = std::move(e);
        ++kept;
    }
    const int saved = int(elements.size() - kept);
    elements.resize(kept);
    return saved;
}

} // namespace

QString NftElement::text(const NftShape &shape) const
{
    QString t;
    appendText(t, shape);
    return t;
}

void NftElement::appendText(QString &out, const NftShape &shape) const
{
    const auto separate = [&out, start = out.size()] {
        if (out.size() != start)
            out.append(u" . ");
    };
    if (shape.sourcePrefix >= 0)
        appendAddress(out, source, shape.family, shape.sourcePrefix);
    if (shape.destinationPrefix >= 0) {
        separate();
        appendAddress(out, destination, shape.family, shape.destinationPrefix);
    }
    if (shape.sourcePort) {
        separate();
        appendPorts(out, sourcePort, sourcePortLast);
    }
    if (shape.destinationPort) {
        separate();
        appendPorts(out, destinationPort, destinationPortLast);
    }
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
            e.appendText(t, s);
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
