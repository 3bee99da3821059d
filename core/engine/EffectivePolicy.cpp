// Flattening and ranking happen here once; see EffectivePolicy.h for why "me" stays
// unexpanded and Specificity.h for the order.

#include "engine/EffectivePolicy.h"

#include <algorithm>
#include <cstring>
#include <numeric>

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

int compareAddress(const Address &a, const Address &b)
{
    if (a.kind() != b.kind())
        return a.kind() < b.kind() ? -1 : 1;
    if (a.family() != b.family())
        return a.family() < b.family() ? -1 : 1;
    if (a.prefixLength() != b.prefixLength())
        return a.prefixLength() < b.prefixLength() ? -1 : 1;
    // std::array's order on bytes, in one pass.
    if (int c = std::memcmp(a.bytes().data(), b.bytes().data(), a.bytes().size()))
        return c;
    // Expanded filters carry no names (those were resolved to hosts): no call for them.
    if (a.name().isEmpty() && b.name().isEmpty())
        return 0;
    return QString::compare(a.name(), b.name());
}

// Ports only mean something for TCP and UDP; elsewhere they are dropped so that neither the
// ranking nor the kernel selector depends on a meaningless value.
void normalize(Filter &f)
{
    if (!f.protocol.hasPorts()) {
        f.sourcePort = 0;
        f.destinationPort = 0;
    }
}

} // namespace

bool rankedBefore(const RankedFilter &a, const RankedFilter &b, const QList<FilterSource> &sources)
{
    if (a.specificity != b.specificity)
        return a.specificity < b.specificity;
    const DirectionalFilter &x = a.filter;
    const DirectionalFilter &y = b.filter;
    if (x.direction != y.direction)
        return x.direction < y.direction;
    if (int c = compareAddress(x.destination, y.destination))
        return c < 0;
    if (int c = compareAddress(x.source, y.source))
        return c < 0;
    if (x.protocol.number() != y.protocol.number())
        return x.protocol.number() < y.protocol.number();
    if (x.destinationPort != y.destinationPort)
        return x.destinationPort < y.destinationPort;
    if (x.sourcePort != y.sourcePort)
        return x.sourcePort < y.sourcePort;
    const QUuid &ga = sources.at(a.source).filter.guid;
    const QUuid &gb = sources.at(b.source).filter.guid;
    if (ga != gb)
        return ga < gb;
    return a.source < b.source; // the very same filter listed twice: any order is equivalent
}

EffectivePolicy EffectivePolicy::build(const PolicyDatabase &db,
                                       const QList<DynamicFilter> &dynamicFilters,
                                       const ExpansionContext &context,
                                       const EffectivePolicyOptions &options)
{
    QList<FilterSource> sources;
    QStringList warnings;
    const Policy *assigned = db.assignedPolicy();
    if (assigned) {
        // 10,000 filters: one allocation instead of growing (and moving) the list 20 times.
        qsizetype count = dynamicFilters.size();
        for (const Rule *rule : db.rulesOf(assigned->id))
            if (const FilterList *list = db.filterList(rule->filterListId))
                count += list->filters.size();
        sources.reserve(count);
    }
    if (const Policy *policy = assigned) {
        for (const Rule *rule : db.rulesOf(policy->id)) {
            if (!rule->active || rule->defaultResponse)
                continue;
            const FilterList *list = db.filterList(rule->filterListId);
            const FilterAction *action = db.filterAction(rule->filterActionId);
            if (!list || !action) {
                warnings << tr("Rule \"%1\" of policy \"%2\" is skipped: its filter list or "
                               "filter action does not exist.")
                                .arg(rule->name, policy->name);
                continue;
            }
            // Built in place (no FilterSource moved per filter); normalized by fromSources().
            const Negotiation negotiation = action->type == FilterAction::Type::Negotiate
                                                ? Negotiation::of(*action)
                                                : Negotiation{};
            for (const Filter &f : list->filters) {
                FilterSource &s = sources.emplaceBack();
                s.filter = f;
                s.action = action->type;
                s.negotiation = negotiation;
                s.origin = Origin::Static;
                s.policyId = policy->id;
                s.policyName = policy->name;
                s.ruleId = rule->id;
                s.ruleName = rule->name;
            }
        }
    }
    for (const DynamicFilter &d : dynamicFilters) {
        FilterSource &s = sources.emplaceBack();
        s.filter = d.filter;
        s.action = d.action;
        s.negotiation = d.negotiation;
        s.origin = Origin::Dynamic;
        s.label = d.label;
    }
    EffectivePolicy p = fromSources(std::move(sources), context, options);
    p.m_warnings = warnings + p.m_warnings;
    return p;
}

EffectivePolicy EffectivePolicy::fromSources(QList<FilterSource> sources,
                                             const ExpansionContext &context,
                                             const EffectivePolicyOptions &options)
{
    EffectivePolicy p;
    p.m_context = context;
    p.m_options = options;
    // Most filters expand to one or two directional filters.
    p.m_ranked.reserve(sources.size() * 2);
    DirectionalFilters directional;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        FilterSource &s = sources[i];
        normalize(s.filter);
        directional.clear();
        expandFilterKeepingMe(s.filter, context, directional);
        if (directional.isEmpty()) {
            const Address &server =
                s.filter.source.isServer() ? s.filter.source : s.filter.destination;
            if (server.isServer()) {
                const QString why = context.servers
                                        ? context.servers(server.serverType()).unknownReason
                                        : QString();
                p.m_warnings << tr("Filter %1 → %2 is left out for now: %3")
                                    .arg(s.filter.source.toString(),
                                         s.filter.destination.toString(),
                                         why.isEmpty() ? tr("%1 is not known.")
                                                             .arg(Address::serverDisplayName(
                                                                 server.serverType()))
                                                       : why);
                continue;
            }
            p.m_warnings << tr("Filter %1 → %2 is left out: an address could not be resolved "
                               "or its address families do not match.")
                                .arg(s.filter.source.toString(), s.filter.destination.toString());
            continue;
        }
        for (DirectionalFilter &d : directional) {
            RankedFilter &r = p.m_ranked.emplaceBack();
            r.specificity = specificity(d, s.action, s.origin);
            r.source = i;
            r.filter = std::move(d);
        }
    }
    p.m_sources = std::move(sources);
    const QList<FilterSource> &src = p.m_sources;
    const auto before = [&src](const RankedFilter &a, const RankedFilter &b) {
        return rankedBefore(a, b, src);
    };
    // rankedBefore() is a total order of the filters in force (two entries it cannot tell apart
    // are the very same directional filter of the same source, which the expansion never
    // repeats), so the sorted list is the same whichever way it is sorted. Policies usually come
    // from the store in order already (ports, hosts and lists written in ascending order): then a
    // check is all it costs. Otherwise the entries (over 100 bytes each) are sorted by index and
    // moved once.
    if (!std::is_sorted(p.m_ranked.cbegin(), p.m_ranked.cend(), before)) {
        QList<qsizetype> order(p.m_ranked.size());
        std::iota(order.begin(), order.end(), qsizetype(0));
        const QList<RankedFilter> &ranked = p.m_ranked;
        std::sort(order.begin(), order.end(),
                  [&](qsizetype a, qsizetype b) { return before(ranked.at(a), ranked.at(b)); });
        QList<RankedFilter> sorted;
        sorted.reserve(order.size());
        for (qsizetype i : std::as_const(order))
            sorted.append(std::move(p.m_ranked[i]));
        p.m_ranked = std::move(sorted);
    }
    return p;
}

bool EffectivePolicy::isIkeExempt(Direction direction, quint8 protocol, quint16 sourcePort,
                                  quint16 destinationPort)
{
    if (protocol != Protocol::Udp)
        return false;
    const quint16 local = direction == Direction::Inbound ? destinationPort : sourcePort;
    return local == IkePorts[0] || local == IkePorts[1];
}

} // namespace ipsec::engine
