#pragma once

#include "model/Address.h"
#include "model/Protocol.h"

#include <QHostAddress>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace ipsec::kernel {

// The selector of one XFRM policy, as the kernel compares it (struct xfrm_selector). Addresses
// are kept as the raw 16 bytes the kernel stores (IPv4 in the first 4), host bits included: the
// kernel byte-compares selectors, so 10.0.0.1/24 and 10.0.0.0/24 are different policies. Ports
// and masks are in host byte order; no port is 0 with mask 0. For ICMP the source port carries
// the type and the destination port the code, as in `ip xfrm` (`type N code M`).
struct SpdSelector {
    enum class Family : quint8 { IPv4 = 4, IPv6 = 6 };

    Family family = Family::IPv4;
    std::array<quint8, 16> source{};
    std::array<quint8, 16> destination{};
    quint8 sourcePrefix = 0;
    quint8 destinationPrefix = 0;
    quint8 protocol = 0; // 0 = any
    quint16 sourcePort = 0;
    quint16 sourcePortMask = 0;
    quint16 destinationPort = 0;
    quint16 destinationPortMask = 0;
    int interfaceIndex = 0; // 0 = any; no console filter sets it

    QHostAddress sourceAddress() const;
    QHostAddress destinationAddress() const;
    // Sets one end from an address and prefix length; a null address means "any" of the family.
    void setSource(const QHostAddress &address, int prefix);
    void setDestination(const QHostAddress &address, int prefix);
    // From a model address: Any -> 0/0, Host/Subnet -> literal. Me and DNS names must be resolved
    // by the compiler first; they return false.
    bool setSource(const Address &address);
    bool setDestination(const Address &address);
    void setSourcePort(quint16 port) { sourcePort = port, sourcePortMask = port ? 0xffff : 0; }
    void setDestinationPort(quint16 port)
    {
        destinationPort = port, destinationPortMask = port ? 0xffff : 0;
    }

    friend bool operator==(const SpdSelector &, const SpdSelector &) = default;
};

// One template of a policy (struct xfrm_user_tmpl): which IPsec SA a packet needs. Transport
// mode with wildcard addresses (the packet's own) and every algorithm allowed; the IKE daemon
// decides the algorithms. `optional` is `level use`: with no SA the packet still passes.
struct SpdTemplate {
    enum Protocol : quint8 { Esp = 50, Ah = 51 };
    quint8 protocol = Esp;
    quint32 reqid = 0; // ties the policy to the IKE daemon's CHILD_SA (and its ACQUIRE)
    bool optional = false;

    friend bool operator==(const SpdTemplate &, const SpdTemplate &) = default;
};

// One XFRM security policy (SPD entry) as this project reads and writes it. Security contexts
// are not modelled.
class SpdEntry {
public:
    enum class Direction : quint8 { In = 0, Out = 1, Fwd = 2 }; // XFRM_POLICY_IN/OUT/FWD
    enum class Action : quint8 { Allow = 0, Block = 1 };        // XFRM_POLICY_ALLOW/BLOCK
    enum class PolicyType : quint8 { Main = 0, Sub = 1 };       // XFRM_POLICY_TYPE_MAIN/SUB
    struct Mark {
        quint32 value = 0;
        quint32 mask = 0;
        friend bool operator==(const Mark &, const Mark &) = default;
    };

    SpdSelector selector;
    Direction direction = Direction::In;
    Action action = Action::Allow;
    PolicyType policyType = PolicyType::Main;
    quint32 priority = 0;
    std::optional<Mark> mark;
    quint8 flags = 0; // XFRM_POLICY_LOCALOK 1, XFRM_POLICY_ICMP 2
    // Negotiate: an allow policy whose packets must (or, optional, may) be protected by these
    // SAs, innermost first. Empty for plain allow/block.
    QList<SpdTemplate> templates;

    // Read back from the kernel only; never part of comparisons or of what is written.
    quint32 index = 0;
    quint64 addTime = 0; // seconds since the epoch, 0 = unknown
    quint64 useTime = 0; // 0 = never matched

    // A block/allow entry for the usual case of the compiler and the tests.
    static SpdEntry make(Direction direction, Action action, quint32 priority,
                         const QHostAddress &source, int sourcePrefix,
                         const QHostAddress &destination, int destinationPrefix,
                         Protocol protocol = Protocol::any(), quint16 sourcePort = 0,
                         quint16 destinationPort = 0);

    // The kernel's identity of a policy: (type, dir, selector, mark). Priority and action are
    // not part of it: a second entry with the same identity is a duplicate.
    bool sameIdentity(const SpdEntry &other) const;
    // A hashable form of the identity (raw units, not for display).
    QString identityKey() const;

    // "xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 1434 dir in priority 1000
    // action block", i.e. the arguments of `ip` (also usable as an `ip -batch` line).
    enum class Verb { Add, Delete };
    QString toIpArguments(Verb verb = Verb::Add) const;
    // The same with a leading "ip ": a shell command equivalent to what the layer does.
    QString toIpCommand(Verb verb = Verb::Add) const;

    static QString directionName(Direction direction);
    static QString actionName(Action action);
    static QString protocolName(quint8 protocol); // as `ip` prints it: "udp", "ipv6-icmp", "47"

    // " tmpl proto esp reqid N mode transport level required" per template, as `ip` takes it.
    QString templateArguments() const;

    // Equal content (identity, priority, action, flags, templates); index and times are ignored.
    friend bool operator==(const SpdEntry &a, const SpdEntry &b)
    {
        return a.sameIdentity(b) && a.priority == b.priority && a.action == b.action
               && a.flags == b.flags && a.templates == b.templates;
    }
};

} // namespace ipsec::kernel

// Moved in memory when a list grows (no pointer into itself): one per kernel entry.
Q_DECLARE_TYPEINFO(ipsec::kernel::SpdEntry, Q_RELOCATABLE_TYPE);
