#pragma once

// The one answer to "what happens to this packet?" (DESIGN §4): the GUI's packet tester, the
// conflict report and the tests' oracle all ask this class, and the kernel compiler is tested
// against it. It walks the ranked filters with "me" expanded into the local addresses, the
// way Windows builds its specific filters, and takes the first match.

#include "engine/EffectivePolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace ipsec::engine {

struct Packet {
    QHostAddress source;
    QHostAddress destination;
    quint8 protocol = 0; // IP protocol number
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    Direction direction = Direction::Inbound;
};

struct Verdict {
    Q_DECLARE_TR_FUNCTIONS(ipsec::engine::Verdict)
public:
    enum class Kind : quint8 { NoMatch, Permit, Block, Negotiate };
    Kind kind = Kind::NoMatch; // NoMatch: no filter applies, the packet passes in clear

    bool ikeExemption = false; // decided by the IKE exemption, not by a filter
    // The deciding filter (when matched and not the exemption):
    DirectionalFilter directionalFilter; // "me" expanded to the matching local address
    qsizetype sourceIndex = -1;          // into EffectivePolicy::sources()
    QUuid filterGuid;
    Origin origin = Origin::Static;
    qint64 policyId = 0; // 0 for dynamic filters
    QString policyName;
    qint64 ruleId = 0;
    QString ruleName;
    QString label; // dynamic filters' label

    bool matched() const { return kind != Kind::NoMatch; }
    // Passes in clear (permit, exemption, or nothing applies); Negotiate needs security.
    bool passesInClear() const { return kind == Kind::NoMatch || kind == Kind::Permit; }
    static QString kindName(Kind k); // "no match", "permit", "block", "negotiate" (translated)
    QString explanation() const;     // one translated sentence for the GUI / CLI
};

class Evaluator {
public:
    // Copies what it needs (implicitly shared), so the policy need not outlive it.
    explicit Evaluator(const EffectivePolicy &policy);

    Verdict evaluate(const Packet &packet) const;

    // The specific filters in the order they are tried ("me" expanded), for listings.
    struct SpecificFilter {
        DirectionalFilter filter;
        qsizetype source = 0;
    };
    const QList<SpecificFilter> &specificFilters() const { return m_specific; }
    const EffectivePolicy &policy() const { return m_policy; }

private:
    EffectivePolicy m_policy;
    QList<SpecificFilter> m_specific;
};

// Whether one directional filter matches a packet (direction, addresses, protocol, ports).
bool matches(const DirectionalFilter &filter, const Packet &packet);

} // namespace ipsec::engine
