// See XfrmCompiler.h for the why; the comments below explain the less obvious steps.

#include "engine/XfrmCompiler.h"
#include "engine/PortRunMerger.h"

#include <QVarLengthArray>

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

struct SideSelector {
    Address::Family family;
    std::array<quint8, 16> bytes;
    quint8 prefix;
};

using Sides = QVarLengthArray<SideSelector, 4>;

struct DirSelector {
    XfrmEntry::Dir dir;
    XfrmSelector selector;
    friend bool operator==(const DirSelector &, const DirSelector &) = default;
};

size_t qHash(const DirSelector &k, size_t seed = 0) noexcept
{
    return engine::qHash(k.selector, seed ^ size_t(k.dir));
}

SideSelector wholeFamily(Address::Family f)
{
    return SideSelector{f, {}, 0};
}

SideSelector hostSelector(const QHostAddress &h)
{
    const Address a = Address::host(h);
    return SideSelector{a.family(), a.bytes(), quint8(a.prefixLength())};
}

// The kernel side of a Negotiate filter, see engine/Negotiation.h for the mapping.
XfrmTemplate negotiationTemplate(const FilterSource &src, bool inbound)
{
    XfrmTemplate t;
    t.protocol = src.negotiation.ipsecProtocol;
    t.reqid = src.negotiation.reqid           ? src.negotiation.reqid
              : src.origin == Origin::Dynamic ? kDynamicReqid
                                              : reqidForRule(src.ruleId);
    t.optional = src.negotiation.clearAllowed(inbound);
    return t;
}

class Builder {
public:
    Builder(const EffectivePolicy &policy)
        : m_policy(policy)
    {
        for (const QHostAddress &h : policy.context().localAddresses) {
            const SideSelector s = hostSelector(h);
            if (s.family == Address::Family::Unspecified)
                continue;
            m_localHosts << s;
        }
    }

    // The selectors one end of a directional filter needs. "implied" = this end is the
    // local one for the filter's direction (destination of dir in, source of dir out).
    Sides side(const Address &a, bool implied) const
    {
        if (a.isMe()) {
            if (!implied)
                return Sides(m_localHosts.begin(), m_localHosts.end());
            // Everything the host receives (sends) in either family, whether or not it has an
            // address in it yet: a host that boots before DHCP, or gains IPv6 later, is
            // protected from the first packet, and no address change alters these entries.
            return {wholeFamily(Address::Family::IPv4), wholeFamily(Address::Family::IPv6)};
        }
        if (a.isAny() && a.family() == Address::Family::Unspecified)
            return {wholeFamily(Address::Family::IPv4), wholeFamily(Address::Family::IPv6)};
        if (a.isAny())
            return {wholeFamily(a.family())};
        if (a.isLiteral())
            return {SideSelector{a.family(), a.bytes(), quint8(a.prefixLength())}};
        return {}; // unresolved names were dropped by the expansion already
    }

    void add(XfrmEntry e)
    {
        plan.entries.append(std::move(e));
        settleLast();
    }

    // The entry just appended to plan.entries stays, or, when an earlier one has its (dir,
    // selector), moves to the shadowed list. (Built in place: an entry is nearly 200 bytes.)
    void settleLast()
    {
        const XfrmEntry &e = plan.entries.last();
        qsizetype &winner = m_seen[DirSelector{e.dir, e.selector}].index;
        if (winner < 0) {
            winner = plan.entries.size() - 1;
            return;
        }
        const XfrmEntry &w = plan.entries.at(winner);
        const bool conflicting = w.action != e.action || w.needsTemplate != e.needsTemplate
                                 || (e.needsTemplate && w.tmpl != e.tmpl);
        plan.shadowed << ShadowedEntry{plan.entries.takeLast(), winner, conflicting};
    }

    void reserve(qsizetype entries)
    {
        plan.entries.reserve(entries);
        m_seen.reserve(entries);
    }

    void addIkeExemption()
    {
        for (Address::Family f : {Address::Family::IPv4, Address::Family::IPv6}) {
            for (quint16 port : EffectivePolicy::IkePorts) {
                for (XfrmEntry::Dir dir : {XfrmEntry::Dir::In, XfrmEntry::Dir::Out}) {
                    // The local end is the IKE daemon's port: destination of inbound packets,
                    // source of outbound ones (same rule as EffectivePolicy::isIkeExempt()).
                    XfrmEntry e;
                    e.dir = dir;
                    e.selector.family = f;
                    e.selector.protocol = Protocol::Udp;
                    if (dir == XfrmEntry::Dir::In) {
                        e.selector.destinationPort = port;
                        e.selector.destinationPortMask = 0xffff;
                    } else {
                        e.selector.sourcePort = port;
                        e.selector.sourcePortMask = 0xffff;
                    }
                    e.action = XfrmEntry::Action::Allow;
                    e.ikeExemption = true;
                    add(std::move(e));
                }
            }
        }
    }

    void addRanked(const RankedFilter &r)
    {
        const FilterSource &src = m_policy.sources().at(r.source);
        const DirectionalFilter &f = r.filter;
        const bool in = f.direction == Direction::Inbound;
        const Sides sources = side(f.source, !in);
        const Sides destinations = side(f.destination, in);
        for (const SideSelector &s : sources) {
            for (const SideSelector &d : destinations) {
                if (s.family != d.family)
                    continue;
                XfrmEntry &e = plan.entries.emplaceBack();
                e.dir = in ? XfrmEntry::Dir::In : XfrmEntry::Dir::Out;
                XfrmSelector &sel = e.selector;
                sel.family = s.family;
                sel.source = s.bytes;
                sel.sourcePrefix = s.prefix;
                sel.destination = d.bytes;
                sel.destinationPrefix = d.prefix;
                sel.protocol = f.protocol.number();
                sel.sourcePort = f.sourcePort;
                sel.sourcePortMask = f.sourcePort ? 0xffff : 0;
                sel.destinationPort = f.destinationPort;
                sel.destinationPortMask = f.destinationPort ? 0xffff : 0;
                e.action = src.action == FilterAction::Type::Block ? XfrmEntry::Action::Block
                                                                   : XfrmEntry::Action::Allow;
                e.needsTemplate = src.action == FilterAction::Type::Negotiate;
                if (e.needsTemplate)
                    e.tmpl = negotiationTemplate(src, in);
                e.specificity = r.specificity;
                e.sourceIndex = r.source;
                e.filterAction = src.action;
                e.filterGuid = src.filter.guid;
                e.origin = src.origin;
                e.ruleId = src.ruleId;
                e.ruleName = src.ruleName;
                e.policyId = src.policyId;
                e.policyName = src.policyName;
                settleLast();
            }
        }
    }

    XfrmPlan plan;

private:
    const EffectivePolicy &m_policy;
    QList<SideSelector> m_localHosts;
    struct Seen {
        qsizetype index = -1; // into plan.entries, -1: not yet
    };
    QHash<DirSelector, Seen> m_seen;
};

} // namespace

Result<XfrmPlan> XfrmCompiler::compile(const EffectivePolicy &policy,
                                       const XfrmCompilerOptions &options)
{
    Builder b(policy);
    // Most filters give one or two entries (both families of "any"), plus the exemption's 8.
    b.reserve(policy.ranked().size() * 2 + 8);
    // The exemption goes first, so a user filter with the very same selector is shadowed by
    // it (as the evaluator checks the exemption before any filter).
    if (policy.options().ikeExemption)
        b.addIkeExemption();
    // Ranked order in, priority order out: identical selectors keep their best-ranked entry.
    for (const RankedFilter &r : policy.ranked())
        b.addRanked(r);

    XfrmPlan plan = std::move(b.plan);
    if (options.mergePortRuns)
        mergePortRuns(plan);
    const quint64 count = quint64(plan.entries.size());
    if (count > options.bandSize || quint64(options.bandBase) + count > 0xffffffffULL)
        return Error::kernel(tr("The policy needs %1 kernel entries but the priority band "
                                "%2–%3 holds only %4.")
                                 .arg(count)
                                 .arg(options.bandBase)
                                 .arg(quint64(options.bandBase) + options.bandSize - 1)
                                 .arg(options.bandSize));
    for (qsizetype i = 0; i < plan.entries.size(); ++i)
        plan.entries[i].priority = options.bandBase + quint32(i);
    return plan;
}

QStringList XfrmPlan::toIpCommands() const
{
    QStringList out;
    out.reserve(entries.size());
    for (const XfrmEntry &e : entries)
        out << e.toIpCommand();
    return out;
}

} // namespace ipsec::engine
