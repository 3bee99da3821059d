#pragma once

// What is actually in force: the assigned policy's active rules plus the dynamic filters,
// flattened into one ranked list (DESIGN §4). It is built once and then read by both the
// evaluator and the kernel compiler, so both see the same filters in the same order; "me" is
// kept unexpanded here because the two consumers expand it differently (addresses for the
// evaluator, a family-wide selector for the kernel).

#include "engine/FilterExpansion.h"
#include "engine/Negotiation.h"
#include "engine/Specificity.h"
#include "model/PolicyDatabase.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace ipsec::engine {

// A filter added at run time (ipseccmd dynamic mode, "[*=0:1434:UDP]"): lost at restart.
struct DynamicFilter {
    Filter filter;
    FilterAction::Type action = FilterAction::Type::Block;
    QString label;           // free text for reports, e.g. the command that added it
    Negotiation negotiation; // action Negotiate only
    // netsh ipsec dynamic add rule (Negotiate only): the main-mode and quick-mode policies it
    // names (DynamicIke) and its authentication methods, in the command's order. With a usable
    // method the rule gets its own reqid (negotiation.reqid) and charon connection.
    QString mmPolicy = {}, qmPolicy = {};
    QList<AuthMethod> authMethods = {};
};

// One filter in force and where it came from.
struct FilterSource {
    Filter filter;
    FilterAction::Type action = FilterAction::Type::Permit;
    Origin origin = Origin::Static;
    qint64 policyId = 0; // 0 for dynamic filters
    QString policyName;
    qint64 ruleId = 0;
    QString ruleName;
    QString label;           // dynamic filters only
    Negotiation negotiation; // action Negotiate only
};

// One directional filter of a FilterSource, "me" unexpanded, with its rank.
struct RankedFilter {
    DirectionalFilter filter;
    qsizetype source = 0; // index into EffectivePolicy::sources()
    quint64 specificity = 0;
};

} // namespace ipsec::engine

// Moved in memory when a list grows or is sorted (no pointer into themselves): one of each per
// filter in force.
Q_DECLARE_TYPEINFO(ipsec::engine::DynamicFilter, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(ipsec::engine::FilterSource, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(ipsec::engine::RankedFilter, Q_RELOCATABLE_TYPE);

namespace ipsec::engine {

struct EffectivePolicyOptions {
    // UDP 500/4500 to and from the local IKE ports always pass (Windows 2003
    // NoDefaultExempt=3). Lives here, not in the compiler, so the evaluator and the kernel
    // entries agree on it.
    bool ikeExemption = true;
};

class EffectivePolicy {
    Q_DECLARE_TR_FUNCTIONS(ipsec::engine::EffectivePolicy)
public:
    EffectivePolicy() = default;

    // The assigned policy's active, non-default-response rules, plus the dynamic filters.
    static EffectivePolicy build(const PolicyDatabase &database,
                                 const QList<DynamicFilter> &dynamicFilters,
                                 const ExpansionContext &context,
                                 const EffectivePolicyOptions &options = {});
    // From an explicit list of filters (the GUI's "what if" and the tests).
    static EffectivePolicy fromSources(QList<FilterSource> sources, const ExpansionContext &context,
                                       const EffectivePolicyOptions &options = {});

    const QList<FilterSource> &sources() const { return m_sources; }
    const QList<RankedFilter> &ranked() const { return m_ranked; } // most specific first
    const ExpansionContext &context() const { return m_context; }
    const EffectivePolicyOptions &options() const { return m_options; }
    // Filters left out (unresolvable names, missing lists or actions), as sentences.
    const QStringList &warnings() const { return m_warnings; }

    // Whether a packet with these fields is one of the IKE exemption's (local port 500/4500).
    static bool isIkeExempt(Direction direction, quint8 protocol, quint16 sourcePort,
                            quint16 destinationPort);
    static constexpr quint16 IkePorts[2] = {500, 4500};

private:
    QList<FilterSource> m_sources;
    QList<RankedFilter> m_ranked;
    ExpansionContext m_context;
    EffectivePolicyOptions m_options;
    QStringList m_warnings;
};

// Total order of two ranked filters: rank, then selector, then filter GUID, never insertion
// order. Exposed for the compiler and the tests.
bool rankedBefore(const RankedFilter &a, const RankedFilter &b, const QList<FilterSource> &sources);

} // namespace ipsec::engine
