#pragma once

// Windows has no user-visible filter order: the most specific filter wins (DESIGN §4). This
// file is the single definition of "more specific", shared by the evaluator (first match in
// this order) and the kernel compiler (priorities in this order), so both always agree.
//
// The rank is one 64-bit number, smaller = more specific = tried first. Components, most
// significant first:
//  1. address-pair class (source→destination): host→host, subnet→host, host→subnet,
//     subnet→subnet, any→host, host→any, any→subnet, subnet→any, any→any.
//     "host" = full-length prefix (/32, /128) or "me"; "any" = any or a /0 prefix.
//  2. destination prefix length, longer first; 3. source prefix length, longer first.
//     A host counts as 128 bits whatever its family, so "me" ranks exactly like the
//     addresses it expands to. Destination before source, as in the class order where
//     "…→host" outranks "host→…". (Prefixes of different families never overlap in a
//     match, so comparing their raw lengths is harmless.)
//  4. protocol/ports: protocol + both ports, protocol + destination port, protocol + source
//     port, protocol only, any protocol.
//  5. action, the more restrictive first: Block, Negotiate, Permit.
//  6. origin: dynamic before static. Only reached when the action is the same too, so it
//     never changes a verdict, only which filter is named as the decider: the dynamic filter
//     is the operator's latest word, and it is the one they will look for.
// Entries with equal rank are ordered by their selector and filter GUID (see
// EffectivePolicy), never by insertion order, so kernel priorities stay stable between
// applies.

#include "engine/FilterExpansion.h"
#include "model/FilterAction.h"

namespace ipsec::engine {

enum class Origin : quint8 { Static, Dynamic };

enum class AddressClass : quint8 {
    HostToHost,
    SubnetToHost,
    HostToSubnet,
    SubnetToSubnet,
    AnyToHost,
    HostToAny,
    AnyToSubnet,
    SubnetToAny,
    AnyToAny,
};

enum class PortClass : quint8 {
    ProtocolBothPorts,
    ProtocolDestinationPort,
    ProtocolSourcePort,
    ProtocolOnly,
    AnyProtocol,
};

AddressClass addressClass(const Address &source, const Address &destination);
PortClass portClass(Protocol protocol, quint16 sourcePort, quint16 destinationPort);
// The prefix length used for ranking: host (and "me") 128, any (and /0) 0, else the prefix.
int rankingPrefix(const Address &a);
// 0 Block, 1 Negotiate, 2 Permit.
int actionRank(FilterAction::Type action);

// The complete rank of one directional filter ("me" unexpanded or expanded: same result).
quint64 specificity(const DirectionalFilter &filter, FilterAction::Type action, Origin origin);

QString addressClassName(AddressClass c); // "host→host", …

} // namespace ipsec::engine
