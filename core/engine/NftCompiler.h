#pragma once

// Turns the block and permit filters of the effective policy into one nftables table
// (DESIGN §5), so that the per-packet cost depends on how many *shapes* the policy has, not on
// how many filters: XFRM looks inexact selectors up one by one, an nftables set answers in one
// lookup.
//
// A shape is everything about a directional filter except its values: direction, action,
// family, which ends carry an address and with which prefix length, the protocol, and whether
// the source and destination ports are given. All filters of one shape have the same rank
// (Specificity.h) up to the origin, which never changes a verdict; so one chain rule per shape,
// in rank order, looking the packet's fields up in the shape's set, decides every packet as the
// evaluator's "first match in rank order" does:
//  * within a shape, equal prefix lengths make the elements disjoint (identical selectors are
//    merged to the best-ranked one and reported as shadowed, as in XfrmCompiler);
//  * two shapes of equal rank but different action (e.g. "me" and the host's own address) are
//    ordered Block, Negotiate, Permit, the evaluator's tie-break.
// Negotiate filters are shapes too, with the verdict "accept": the packet leaves the table
// undecided and XFRM applies its security policy (negotiateLayer()).
// "me" on the local end of a direction needs no key (the hook implies it), as in XfrmCompiler.

#include "engine/EffectivePolicy.h"
#include "engine/Evaluator.h"
#include "engine/XfrmCompiler.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace ipsec::engine {

// The table the project owns; it never touches any other table, chain or set.
inline constexpr char16_t NftTableName[] = u"ipsec_console";

// One element of a shape's set: the key fields the shape has (others are zero). A port range
// (first..last) comes from merging consecutive single ports of one action.
struct NftElement {
    std::array<quint8, 16> source{};
    std::array<quint8, 16> destination{};
    quint16 sourcePort = 0;
    quint16 sourcePortLast = 0;
    quint16 destinationPort = 0;
    quint16 destinationPortLast = 0;
    // Provenance: the filters this element stands for (into EffectivePolicy::sources()).
    QList<qsizetype> sources;

    // The element as nft writes it: "10.0.0.0/24 . 1024-1031".
    QString text(const struct NftShape &shape) const;
    // The same, appended (no string per element when a whole table is written).
    void appendText(QString &out, const struct NftShape &shape) const;
};

struct NftShape {
    Direction direction = Direction::Inbound;
    FilterAction::Type action = FilterAction::Type::Block; // Block: drop; else accept
    Address::Family family = Address::Family::IPv4;        // never Unspecified
    // Prefix length of the address in the key, or -1 when the end is not in the key: "any"
    // (anyEnd) or the local end given as "me" (implied by the direction).
    int sourcePrefix = -1;
    int destinationPrefix = -1;
    bool sourceIsMe = false; // -1 above because "me" is implied (ranked as a host)
    bool destinationIsMe = false;
    quint8 protocol = 0; // 0 any
    bool sourcePort = false;
    bool destinationPort = false;
    quint64 rank = 0; // Specificity.h rank without the origin bits
    QList<NftElement> elements;

    bool hasKey() const
    {
        return sourcePrefix >= 0 || destinationPrefix >= 0 || sourcePort || destinationPort;
    }
    // Needs an interval set: a prefix shorter than a host, or a merged port range.
    bool needsInterval() const;
    // Stable name of the shape's set, e.g. "in_block_4_any_me_udp_d".
    QString setName() const;
    // "ipv4_addr . inet_service"
    QString keyType() const;
    // The chain rule: "meta nfproto ipv4 meta l4proto udp udp dport @in_block_… drop".
    QString rule() const;
    // Whether the shape's structure (all but the elements) is the same.
    bool sameStructure(const NftShape &other) const;
    // Kernel semantics of the rule on one packet (the tests' simulator and the packet tester):
    // the matching element's index, or -1.
    qsizetype match(const Packet &packet) const;
};

} // namespace ipsec::engine

// Moved in memory when a list grows, not copied element by element (10,000 elements per shape).
Q_DECLARE_TYPEINFO(ipsec::engine::NftElement, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(ipsec::engine::NftShape, Q_RELOCATABLE_TYPE);

namespace ipsec::engine {

struct NftShadowed {
    qsizetype source = 0;       // the filter left out (into EffectivePolicy::sources())
    qsizetype winnerSource = 0; // the one that decides its traffic
    bool conflicting = false;   // the winner does something else
};

struct NftPlan {
    bool ikeExemption = false; // UDP 500/4500 accepted first (only with filters in force)
    QList<NftShape> shapes;    // rule order: inbound and outbound shapes, most specific first
    QList<NftShadowed> shadowed;
    int filters = 0;    // directional filters compiled (before merging)
    int portMerged = 0; // elements saved by merging port runs into ranges
    int elementCount() const;
    bool isEmpty() const { return shapes.isEmpty(); }

    // The complete table as nft input, preceded by the commands that drop the old one: one
    // transaction replaces the project's table (or, for an empty plan, just removes it).
    QString ruleset() const;
    // The table alone ("table inet ipsec_console { … }"), for listings and the dry run.
    QString tableText() const;
    // What happens to a packet in the table: the deciding shape and element, or nullopt when
    // no rule matches (the packet leaves the table undecided). The IKE exemption is shape -1.
    struct Decision {
        qsizetype shape = -1;
        qsizetype element = -1;
        bool drop = false;
    };
    std::optional<Decision> decide(const Packet &packet) const;
};

// Commands that remove the project's table in one step, whether it exists or not.
QString nftDeleteTableCommands();

class NftCompiler {
    Q_DECLARE_TR_FUNCTIONS(ipsec::engine::NftCompiler)
public:
    struct Options {
        bool mergePortRuns = true;
    };
    static NftPlan compile(const EffectivePolicy &policy, const Options &options);
    static NftPlan compile(const EffectivePolicy &policy) { return compile(policy, Options{}); }

    // The XFRM part next to the table: the negotiate entries, the block/permit entries that
    // are more specific than an overlapping negotiate entry (so that XFRM does not apply the
    // negotiate policy to traffic the table already decided), and the IKE exemption when any
    // of these exist. Priorities are kept from the full plan, so the order is the same.
    static XfrmPlan negotiateLayer(const XfrmPlan &full);
};

// Whether two XFRM selectors can match one packet.
bool selectorsOverlap(const XfrmSelector &a, const XfrmSelector &b);

} // namespace ipsec::engine
