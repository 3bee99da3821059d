#pragma once

#include "model/Filter.h"

#include <QHostAddress>
#include <QList>
#include <QVarLengthArray>

#include <functional>

namespace ipsec::engine {

enum class Direction : quint8 { Inbound, Outbound };

// A "specific" filter: one direction, concrete addresses (host or subnet or any), as netdiag
// and the IP Security Monitor show them.
struct DirectionalFilter {
    Direction direction = Direction::Inbound;
    Address source;      // literal or any
    Address destination; // literal or any
    Protocol protocol;
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    friend bool operator==(const DirectionalFilter &, const DirectionalFilter &) = default;
};

} // namespace ipsec::engine

Q_DECLARE_TYPEINFO(ipsec::engine::DirectionalFilter, Q_RELOCATABLE_TYPE);

namespace ipsec::engine {

// What a server type (DNS, DHCP, GATEWAY) stands for right now; why not, when nothing.
struct ServerAddresses {
    QList<QHostAddress> addresses;
    QString unknownReason; // a sentence, when addresses is empty
};

struct ExpansionContext {
    QList<QHostAddress> localAddresses; // what "me" stands for
    // Resolves a DNS name at apply time; an empty result drops the filter (and is reported).
    std::function<QList<QHostAddress>(const QString &)> resolve;
    // The servers of this computer at apply time (kernel::SystemServers); without it, filters
    // with a server type are dropped (and reported).
    std::function<ServerAddresses(Address::ServerType)> servers;
};

// Expands one filter: "me" into the local addresses, DNS names into their addresses, mirrored
// into both orders. A filter whose destination is this host is Inbound, whose source is this
// host is Outbound; a filter naming neither side as "me" applies in both directions.
QList<DirectionalFilter> expandFilter(const Filter &filter, const ExpansionContext &context);

// Like expandFilter() (same directions, mirroring and DNS resolution) but leaves "me" as
// Address::me(): the kernel compiler must know which end was "me" (it needs no address in the
// direction that implies it), and the ranking treats "me" as a host whatever it expands to.
QList<DirectionalFilter> expandFilterKeepingMe(const Filter &filter,
                                               const ExpansionContext &context);
// The same, appended to `out`: a filter of literal addresses expands without any allocation
// (the effective policy expands every filter of the policy this way).
using DirectionalFilters = QVarLengthArray<DirectionalFilter, 4>;
void expandFilterKeepingMe(const Filter &filter, const ExpansionContext &context,
                           DirectionalFilters &out);

// The local addresses of the current network namespace ("me"), without loopback and
// link-local addresses.
QList<QHostAddress> localAddresses();

QString directionName(Direction d); // "Inbound" / "Outbound"

} // namespace ipsec::engine
