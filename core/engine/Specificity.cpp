// The ranking rules themselves are documented in Specificity.h; this file only packs them.

#include "engine/Specificity.h"

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

enum class Side : quint8 { Host, Subnet, Any };

Side sideOf(const Address &a)
{
    if (a.isMe() || (a.isLiteral() && a.prefixLength() == a.maxPrefixLength()))
        return Side::Host;
    if (a.isAny() || (a.isLiteral() && a.prefixLength() == 0))
        return Side::Any;
    // Resolved names and server types are hosts; unresolved ones never reach the ranking.
    if (a.isDnsName() || a.isServer())
        return Side::Host;
    return Side::Subnet;
}

} // namespace

AddressClass addressClass(const Address &source, const Address &destination)
{
    // Indexed [source][destination] with Side order Host, Subnet, Any.
    static constexpr AddressClass table[3][3] = {
        {AddressClass::HostToHost, AddressClass::HostToSubnet, AddressClass::HostToAny},
        {AddressClass::SubnetToHost, AddressClass::SubnetToSubnet, AddressClass::SubnetToAny},
        {AddressClass::AnyToHost, AddressClass::AnyToSubnet, AddressClass::AnyToAny},
    };
    return table[int(sideOf(source))][int(sideOf(destination))];
}

PortClass portClass(Protocol protocol, quint16 sourcePort, quint16 destinationPort)
{
    if (protocol.isAny())
        return PortClass::AnyProtocol;
    if (!protocol.hasPorts())
        return PortClass::ProtocolOnly;
    if (sourcePort != 0 && destinationPort != 0)
        return PortClass::ProtocolBothPorts;
    if (destinationPort != 0)
        return PortClass::ProtocolDestinationPort;
    if (sourcePort != 0)
        return PortClass::ProtocolSourcePort;
    return PortClass::ProtocolOnly;
}

int rankingPrefix(const Address &a)
{
    switch (sideOf(a)) {
    case Side::Host:
        return 128;
    case Side::Any:
        return 0;
    case Side::Subnet:
        break;
    }
    return a.prefixLength();
}

int actionRank(FilterAction::Type action)
{
    switch (action) {
    case FilterAction::Type::Block:
        return 0;
    case FilterAction::Type::Negotiate:
        return 1;
    case FilterAction::Type::Permit:
        break;
    }
    return 2;
}

quint64 specificity(const DirectionalFilter &f, FilterAction::Type action, Origin origin)
{
    const quint64 cls = quint64(addressClass(f.source, f.destination));
    const quint64 dst = quint64(128 - rankingPrefix(f.destination));
    const quint64 src = quint64(128 - rankingPrefix(f.source));
    const quint64 ports = quint64(portClass(f.protocol, f.sourcePort, f.destinationPort));
    const quint64 act = quint64(actionRank(action));
    const quint64 org = origin == Origin::Dynamic ? 0 : 1;
    return (cls << 32) | (dst << 24) | (src << 16) | (ports << 8) | (act << 4) | org;
}

QString addressClassName(AddressClass c)
{
    static const char16_t *const names[] = {
        u"host→host", u"subnet→host", u"host→subnet", u"subnet→subnet", u"any→host",
        u"host→any",  u"any→subnet",  u"subnet→any",  u"any→any",
    };
    return QString::fromUtf16(names[int(c)]);
}

} // namespace ipsec::engine
