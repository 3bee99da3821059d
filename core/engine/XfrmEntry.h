#pragma once

// The compiler's output in plain values, independent of libnl: the kernel layer converts it to
// its own SpdEntry, the dry run prints it, and the tests run it through a kernel simulator.
// Field meanings follow struct xfrm_userpolicy_info / xfrm_selector (linux-anchors §3).

#include "engine/Specificity.h"

#include <QHash>
#include <QHostAddress>
#include <QUuid>

#include <array>

namespace ipsec::engine {

// What the kernel compares (with dir) to decide that two policies are "the same".
struct XfrmSelector {
    Address::Family family = Address::Family::IPv4; // IPv4 or IPv6, never Unspecified
    std::array<quint8, 16> source{};                // network order, v4 in the first 4 bytes
    quint8 sourcePrefix = 0;
    std::array<quint8, 16> destination{};
    quint8 destinationPrefix = 0;
    quint8 protocol = 0; // 0 = any
    quint16 sourcePort = 0;
    quint16 sourcePortMask = 0; // 0 = any port, 0xffff = exactly sourcePort
    quint16 destinationPort = 0;
    quint16 destinationPortMask = 0;

    // Kernel semantics: family, both prefixes, protocol (0 = any), port & mask.
    bool matches(const QHostAddress &src, const QHostAddress &dst, quint8 proto, quint16 sport,
                 quint16 dport) const;
    QHostAddress sourceAddress() const;
    QHostAddress destinationAddress() const;

    friend bool operator==(const XfrmSelector &, const XfrmSelector &) = default;
};

// The IPsec a Negotiate entry asks the kernel for (engine/Negotiation.h): one transport-mode
// template with wildcard addresses.
struct XfrmTemplate {
    quint8 protocol = 50;  // ESP 50, AH 51
    quint32 reqid = 0;     // the IKE daemon's CHILD_SA for this rule
    bool optional = false; // `level use`: cleartext passes while there is no SA
    friend bool operator==(const XfrmTemplate &, const XfrmTemplate &) = default;
};

struct XfrmEntry {
    enum class Dir : quint8 { In = 0, Out = 1 }; // XFRM_POLICY_IN / _OUT
    enum class Action : quint8 { Allow = 0, Block = 1 };

    Dir dir = Dir::In;
    XfrmSelector selector;
    Action action = Action::Allow;
    bool needsTemplate = false; // Negotiate: the kernel needs `tmpl` (below) for this traffic
    XfrmTemplate tmpl;          // only when needsTemplate
    quint32 priority = 0;       // lower wins; distinct within one plan
    quint64 specificity = 0;    // the rank it was ordered by (Specificity.h); 0 for the exemption
    int mergedFilters = 1;      // > 1: a port block merged from this many single-port entries

    // Provenance, for reports:
    bool ikeExemption = false;
    qsizetype sourceIndex = -1; // into EffectivePolicy::sources(), -1 for the exemption
    FilterAction::Type filterAction = FilterAction::Type::Permit;
    QUuid filterGuid;
    Origin origin = Origin::Static;
    qint64 ruleId = 0;
    QString ruleName;
    qint64 policyId = 0;
    QString policyName;

    // "ip xfrm policy add src … dst … [proto … [sport …] [dport …]] dir in priority N action
    // block [tmpl proto esp reqid N mode transport level required|use]". Port masks that are
    // neither 0 nor 0xffff cannot be written in ip's syntax: the line then ends with a "#
    // sport/dport VALUE/MASK" comment.
    QString toIpCommand() const;
};

} // namespace ipsec::engine

// Moved in memory when a list grows (no pointer into itself): one per kernel entry.
Q_DECLARE_TYPEINFO(ipsec::engine::XfrmEntry, Q_RELOCATABLE_TYPE);

namespace ipsec::engine {

size_t qHash(const XfrmSelector &s, size_t seed = 0) noexcept;

// The address's bytes in network order (IPv4 in the first four); false when it is not of family.
bool addressBytes(const QHostAddress &a, Address::Family family, std::array<quint8, 16> &out);
// Whether a lies in net/prefix (bytes as addressBytes gives them).
bool prefixMatches(const std::array<quint8, 16> &net, int prefix, const std::array<quint8, 16> &a);

QString protocolKeyword(quint8 protocol); // "tcp", "udp", "icmp", "ipv6-icmp" or the number

} // namespace ipsec::engine
