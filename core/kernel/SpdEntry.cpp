#include "kernel/SpdEntry.h"

#include <QStringList>

#include <cstring>
#include <net/if.h>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

std::array<quint8, 16> toBytes(const QHostAddress &address)
{
    std::array<quint8, 16> out{};
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v = address.toIPv4Address();
        out[0] = quint8(v >> 24);
        out[1] = quint8(v >> 16);
        out[2] = quint8(v >> 8);
        out[3] = quint8(v);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(out.data(), v6.c, 16);
    }
    return out;
}

QHostAddress fromBytes(const std::array<quint8, 16> &b, SpdSelector::Family family)
{
    if (family == SpdSelector::Family::IPv4)
        return QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
    Q_IPV6ADDR v6;
    std::memcpy(v6.c, b.data(), 16);
    return QHostAddress(v6);
}

SpdSelector::Family familyOf(const QHostAddress &address, SpdSelector::Family fallback)
{
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol:
        return SpdSelector::Family::IPv4;
    case QAbstractSocket::IPv6Protocol:
        return SpdSelector::Family::IPv6;
    default:
        return fallback;
    }
}

QString hex(quint32 v)
{
    return u"0x"_s + QString::number(v, 16);
}

} // namespace

QHostAddress SpdSelector::sourceAddress() const
{
    return fromBytes(source, family);
}

QHostAddress SpdSelector::destinationAddress() const
{
    return fromBytes(destination, family);
}

void SpdSelector::setSource(const QHostAddress &address, int prefix)
{
    family = familyOf(address, family);
    source = toBytes(address);
    sourcePrefix = quint8(address.isNull() ? 0 : prefix);
}

void SpdSelector::setDestination(const QHostAddress &address, int prefix)
{
    family = familyOf(address, family);
    destination = toBytes(address);
    destinationPrefix = quint8(address.isNull() ? 0 : prefix);
}

bool SpdSelector::setSource(const Address &address)
{
    if (address.isAny()) {
        source.fill(0);
        sourcePrefix = 0;
        return true;
    }
    if (!address.isLiteral())
        return false;
    family = address.isIPv6() ? Family::IPv6 : Family::IPv4;
    source = address.bytes();
    sourcePrefix = quint8(address.prefixLength());
    return true;
}

bool SpdSelector::setDestination(const Address &address)
{
    if (address.isAny()) {
        destination.fill(0);
        destinationPrefix = 0;
        return true;
    }
    if (!address.isLiteral())
        return false;
    family = address.isIPv6() ? Family::IPv6 : Family::IPv4;
    destination = address.bytes();
    destinationPrefix = quint8(address.prefixLength());
    return true;
}

SpdEntry SpdEntry::make(Direction direction, Action action, quint32 priority,
                        const QHostAddress &source, int sourcePrefix,
                        const QHostAddress &destination, int destinationPrefix, Protocol protocol,
                        quint16 sourcePort, quint16 destinationPort)
{
    SpdEntry e;
    e.direction = direction;
    e.action = action;
    e.priority = priority;
    e.selector.setSource(source, sourcePrefix);
    e.selector.setDestination(destination, destinationPrefix);
    e.selector.protocol = protocol.number();
    e.selector.setSourcePort(sourcePort);
    e.selector.setDestinationPort(destinationPort);
    return e;
}

bool SpdEntry::sameIdentity(const SpdEntry &other) const
{
    return policyType == other.policyType && direction == other.direction
           && selector == other.selector && mark.value_or(Mark{}) == other.mark.value_or(Mark{});
}

QString SpdEntry::identityKey() const
{
    // Raw 16-bit units, not text: built for thousands of entries per apply, only ever hashed
    // and compared.
    const SpdSelector &s = selector;
    const Mark m = mark.value_or(Mark{});
    QString key(29, Qt::Uninitialized);
    char16_t *u = reinterpret_cast<char16_t *>(key.data());
    *u++ = char16_t(quint8(policyType) | quint8(direction) << 4);
    *u++ = char16_t(quint8(s.family) | s.protocol << 8);
    *u++ = char16_t(s.sourcePrefix | s.destinationPrefix << 8);
    *u++ = s.sourcePort;
    *u++ = s.sourcePortMask;
    *u++ = s.destinationPort;
    *u++ = s.destinationPortMask;
    for (int i = 0; i < 16; i += 2)
        *u++ = char16_t(s.source[i] << 8 | s.source[i + 1]);
    for (int i = 0; i < 16; i += 2)
        *u++ = char16_t(s.destination[i] << 8 | s.destination[i + 1]);
    const auto put32 = [&u](quint32 v) {
        *u++ = char16_t(v >> 16);
        *u++ = char16_t(v & 0xffff);
    };
    put32(quint32(s.interfaceIndex));
    put32(m.value);
    put32(m.mask);
    Q_ASSERT(u == reinterpret_cast<char16_t *>(key.data()) + key.size());
    return key;
}

QString SpdEntry::directionName(Direction direction)
{
    switch (direction) {
    case Direction::In:
        return u"in"_s;
    case Direction::Out:
        return u"out"_s;
    case Direction::Fwd:
        return u"fwd"_s;
    }
    return u"in"_s;
}

QString SpdEntry::actionName(Action action)
{
    return action == Action::Block ? u"block"_s : u"allow"_s;
}

QString SpdEntry::protocolName(quint8 protocol)
{
    switch (protocol) {
    case 1:
        return u"icmp"_s;
    case 6:
        return u"tcp"_s;
    case 17:
        return u"udp"_s;
    case 47:
        return u"gre"_s;
    case 50:
        return u"esp"_s;
    case 51:
        return u"ah"_s;
    case 58:
        return u"ipv6-icmp"_s;
    case 132:
        return u"sctp"_s;
    default:
        return QString::number(protocol);
    }
}

QString SpdEntry::toIpArguments(Verb verb) const
{
    const SpdSelector &s = selector;
    QString out = verb == Verb::Add ? u"xfrm policy add"_s : u"xfrm policy delete"_s;
    out += u" src "_s + s.sourceAddress().toString() + u'/' + QString::number(s.sourcePrefix);
    out += u" dst "_s + s.destinationAddress().toString() + u'/'
           + QString::number(s.destinationPrefix);
    if (s.protocol != 0) {
        out += u" proto "_s + protocolName(s.protocol);
        const bool icmp = s.protocol == 1 || s.protocol == 58;
        // `ip` has no port masks: a port it is given always gets mask 0xffff.
        if (s.sourcePortMask != 0)
            out += (icmp ? u" type "_s : u" sport "_s) + QString::number(s.sourcePort);
        if (s.destinationPortMask != 0)
            out += (icmp ? u" code "_s : u" dport "_s) + QString::number(s.destinationPort);
    }
    if (s.interfaceIndex != 0) {
        char name[IF_NAMESIZE] = {};
        const bool known = ::if_indextoname(unsigned(s.interfaceIndex), name) != nullptr;
        out +=
            u" dev "_s
            + (known ? QString::fromLocal8Bit(name) : u"if"_s + QString::number(s.interfaceIndex));
    }
    out += u" dir "_s + directionName(direction);
    if (mark)
        out += u" mark "_s + hex(mark->value) + u" mask "_s + hex(mark->mask);
    if (policyType == PolicyType::Sub)
        out += u" ptype sub"_s;
    if (verb == Verb::Add) {
        out += u" priority "_s + QString::number(priority);
        out += u" action "_s + actionName(action);
        if (flags & 2)
            out += u" flag icmp"_s;
        if (flags & 1)
            out += u" flag localok"_s;
        out += templateArguments();
    }
    return out;
}

QString SpdEntry::templateArguments() const
{
    QString out;
    for (const SpdTemplate &t : templates) {
        out += u" tmpl proto "_s + protocolName(t.protocol);
        if (t.reqid)
            out += u" reqid "_s + QString::number(t.reqid);
        out += u" mode transport level "_s + (t.optional ? u"use"_s : u"required"_s);
    }
    return out;
}

QString SpdEntry::toIpCommand(Verb verb) const
{
    QString line = u"ip "_s + toIpArguments(verb);
    // A merged port block (value/mask) cannot be written in ip's syntax: say what it covers.
    const auto partial = [](quint16 mask) {
        return mask != 0 && mask != 0xffff;
    };
    const auto block = [](const char *name, quint16 port, quint16 mask) -> QString {
        const quint16 last = quint16(port | quint16(~mask));
        return QLatin1StringView(name) + u' ' + QString::number(port) + u"/0x"_s
               + QString::number(mask, 16) + u" (ports "_s + QString::number(port) + u'-'
               + QString::number(last) + u')';
    };
    QStringList notes;
    if (selector.protocol != 0 && partial(selector.sourcePortMask))
        notes << block("sport", selector.sourcePort, selector.sourcePortMask);
    if (selector.protocol != 0 && partial(selector.destinationPortMask))
        notes << block("dport", selector.destinationPort, selector.destinationPortMask);
    if (!notes.isEmpty())
        line += u"  # "_s + notes.join(u", "_s) + u": ip cannot express port masks"_s;
    return line;
}

} // namespace ipsec::kernel
