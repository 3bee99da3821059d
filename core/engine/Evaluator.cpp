// First match over the ranked, "me"-expanded filters; see Evaluator.h for why this class is
// the reference every other consumer is checked against.

#include "engine/Evaluator.h"

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

FilterAction::Type toAction(Verdict::Kind k)
{
    return k == Verdict::Kind::Block       ? FilterAction::Type::Block
           : k == Verdict::Kind::Negotiate ? FilterAction::Type::Negotiate
                                           : FilterAction::Type::Permit;
}

Verdict::Kind toKind(FilterAction::Type t)
{
    switch (t) {
    case FilterAction::Type::Block:
        return Verdict::Kind::Block;
    case FilterAction::Type::Negotiate:
        return Verdict::Kind::Negotiate;
    case FilterAction::Type::Permit:
        break;
    }
    return Verdict::Kind::Permit;
}

} // namespace

bool matches(const DirectionalFilter &f, const Packet &p)
{
    if (f.direction != p.direction)
        return false;
    if (!f.protocol.isAny() && f.protocol.number() != p.protocol)
        return false;
    if (f.sourcePort != 0 && f.sourcePort != p.sourcePort)
        return false;
    if (f.destinationPort != 0 && f.destinationPort != p.destinationPort)
        return false;
    return f.source.contains(p.source) && f.destination.contains(p.destination);
}

Evaluator::Evaluator(const EffectivePolicy &policy)
    : m_policy(policy)
{
    const QList<QHostAddress> &locals = policy.context().localAddresses;
    // "me" on the local end (destination of inbound, source of outbound traffic) stands for
    // everything this host sends or receives in either family, whether or not it has an
    // address in it right now, exactly as the kernel's dir in/out entries with 0/0 do
    // (link-local and broadcast included). On the far end it stands for the local addresses
    // themselves.
    const QList<Address> localEnd{Address::subnet(QHostAddress(QHostAddress::AnyIPv4), 0).value(),
                                  Address::subnet(QHostAddress(QHostAddress::AnyIPv6), 0).value()};
    QList<Address> localHosts;
    for (const QHostAddress &h : locals)
        localHosts << Address::host(h);
    m_specific.reserve(policy.ranked().size());
    for (const RankedFilter &r : policy.ranked()) {
        const DirectionalFilter &g = r.filter;
        QList<Address> sources{g.source};
        QList<Address> destinations{g.destination};
        if (g.source.isMe())
            sources = g.direction == Direction::Outbound ? localEnd : localHosts;
        if (g.destination.isMe())
            destinations = g.direction == Direction::Inbound ? localEnd : localHosts;
        for (const Address &s : sources) {
            for (const Address &d : destinations) {
                if (s.family() != Address::Family::Unspecified
                    && d.family() != Address::Family::Unspecified && s.family() != d.family())
                    continue;
                DirectionalFilter df = g;
                df.source = s;
                df.destination = d;
                m_specific << SpecificFilter{df, r.source};
            }
        }
    }
}

Verdict Evaluator::evaluate(const Packet &packet) const
{
    Verdict v;
    if (m_policy.options().ikeExemption
        && EffectivePolicy::isIkeExempt(packet.direction, packet.protocol, packet.sourcePort,
                                        packet.destinationPort)) {
        v.kind = Verdict::Kind::Permit;
        v.ikeExemption = true;
        return v;
    }
    for (const SpecificFilter &s : m_specific) {
        if (!matches(s.filter, packet))
            continue;
        const FilterSource &src = m_policy.sources().at(s.source);
        v.kind = toKind(src.action);
        v.directionalFilter = s.filter;
        v.sourceIndex = s.source;
        v.filterGuid = src.filter.guid;
        v.origin = src.origin;
        v.policyId = src.policyId;
        v.policyName = src.policyName;
        v.ruleId = src.ruleId;
        v.ruleName = src.ruleName;
        v.label = src.label;
        return v;
    }
    return v;
}

QString Verdict::kindName(Kind k)
{
    switch (k) {
    case Kind::NoMatch:
        return tr("no match");
    case Kind::Permit:
        return tr("permit");
    case Kind::Block:
        return tr("block");
    case Kind::Negotiate:
        return tr("negotiate");
    }
    return {};
}

QString Verdict::explanation() const
{
    if (kind == Kind::NoMatch)
        return tr("No filter matches; the packet passes in clear.");
    if (ikeExemption)
        return tr("IKE traffic (UDP 500/4500) is exempt from filtering; the packet passes.");
    const QString filter = tr("%1 → %2").arg(directionalFilter.source.toString(),
                                             directionalFilter.destination.toString());
    const QString action = FilterAction::typeName(toAction(kind));
    if (origin == Origin::Dynamic)
        return tr("%1 by the dynamic filter %2.").arg(action, filter);
    return tr("%1 by filter %2 of rule \"%3\" in policy \"%4\".")
        .arg(action, filter, ruleName, policyName);
}

} // namespace ipsec::engine
