// Kernel selector semantics and the dry-run rendering in one place, so the tests' kernel
// simulator and the printed plan cannot drift apart.

#include "engine/XfrmEntry.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace ipsec::engine {

bool addressBytes(const QHostAddress &a, Address::Family family, std::array<quint8, 16> &out)
{
    out = {};
    if (family == Address::Family::IPv4) {
        if (a.protocol() != QAbstractSocket::IPv4Protocol)
            return false;
        const quint32 v = a.toIPv4Address();
        out[0] = quint8(v >> 24);
        out[1] = quint8(v >> 16);
        out[2] = quint8(v >> 8);
        out[3] = quint8(v);
        return true;
    }
    if (a.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    const Q_IPV6ADDR v = a.toIPv6Address();
    for (int i = 0; i < 16; ++i)
        out[i] = v[i];
    return true;
}

bool prefixMatches(const std::array<quint8, 16> &net, int prefix, const std::array<quint8, 16> &a)
{
    for (int i = 0; i < 16 && prefix > 0; ++i, prefix -= 8) {
        const quint8 mask = prefix >= 8 ? 0xff : quint8(0xff << (8 - prefix));
        if ((net[i] & mask) != (a[i] & mask))
            return false;
    }
    return true;
}

namespace {

QHostAddress toAddress(const std::array<quint8, 16> &b, Address::Family family)
{
    if (family == Address::Family::IPv4)
        return QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
    Q_IPV6ADDR v;
    for (int i = 0; i < 16; ++i)
        v[i] = b[i];
    return QHostAddress(v);
}

QString portText(const char16_t *keyword, quint16 port, quint16 mask, QString &comment)
{
    if (mask == 0)
        return {};
    if (mask != 0xffff)
        comment += u" %1 %2/0x%3"_s.arg(QString::fromUtf16(keyword))
                       .arg(port)
                       .arg(mask, 4, 16, QLatin1Char('0'));
    return u" %1 %2"_s.arg(QString::fromUtf16(keyword)).arg(port);
}

} // namespace

bool XfrmSelector::matches(const QHostAddress &src, const QHostAddress &dst, quint8 proto,
                           quint16 sport, quint16 dport) const
{
    std::array<quint8, 16> s, d;
    if (!addressBytes(src, family, s) || !addressBytes(dst, family, d))
        return false;
    if (protocol != 0 && protocol != proto)
        return false;
    if ((sport & sourcePortMask) != (sourcePort & sourcePortMask))
        return false;
    if ((dport & destinationPortMask) != (destinationPort & destinationPortMask))
        return false;
    return prefixMatches(source, sourcePrefix, s)
           && prefixMatches(destination, destinationPrefix, d);
}

QHostAddress XfrmSelector::sourceAddress() const
{
    return toAddress(source, family);
}

QHostAddress XfrmSelector::destinationAddress() const
{
    return toAddress(destination, family);
}

size_t qHash(const XfrmSelector &s, size_t seed) noexcept
{
    // Integer mixing of the 32 address bytes: qHashBits() is many times slower here, and the
    // compiler hashes every entry (10,000 filters must compile in well under 100 ms).
    quint64 w[4];
    std::memcpy(&w[0], s.source.data(), 16);
    std::memcpy(&w[2], s.destination.data(), 16);
    const quint64 small = quint64(s.family) | quint64(s.sourcePrefix) << 8
                          | quint64(s.destinationPrefix) << 16 | quint64(s.protocol) << 24
                          | quint64(s.sourcePort) << 32 | quint64(s.destinationPort) << 48;
    const quint64 masks = quint64(s.sourcePortMask) | quint64(s.destinationPortMask) << 16;
    return qHashMulti(seed, w[0], w[1], w[2], w[3], small, masks);
}

QString protocolKeyword(quint8 protocol)
{
    switch (protocol) {
    case Protocol::Tcp:
        return u"tcp"_s;
    case Protocol::Udp:
        return u"udp"_s;
    case Protocol::Icmp:
        return u"icmp"_s;
    case Protocol::Icmpv6:
        return u"ipv6-icmp"_s;
    default:
        break;
    }
    return QString::number(protocol);
}

QString XfrmEntry::toIpCommand() const
{
    const XfrmSelector &s = selector;
    QString comment;
    QString line = u"ip xfrm policy add src %1/%2 dst %3/%4"_s.arg(s.sourceAddress().toString())
                       .arg(s.sourcePrefix)
                       .arg(s.destinationAddress().toString())
                       .arg(s.destinationPrefix);
    if (s.protocol != 0) {
        line += u" proto "_s + protocolKeyword(s.protocol);
        line += portText(u"sport", s.sourcePort, s.sourcePortMask, comment);
        line += portText(u"dport", s.destinationPort, s.destinationPortMask, comment);
    }
    line += dir == Dir::In ? u" dir in"_s : u" dir out"_s;
    line += u" priority %1"_s.arg(priority);
    line += action == Action::Block ? u" action block"_s : u" action allow"_s;
    if (needsTemplate)
        line += u" tmpl proto %1 reqid %2 mode transport level %3"_s
                    .arg(tmpl.protocol == 51 ? u"ah"_s : u"esp"_s)
                    .arg(tmpl.reqid)
                    .arg(tmpl.optional ? u"use"_s : u"required"_s);
    if (!comment.isEmpty())
        line += u"  # port masks not expressible with ip:"_s + comment;
    return line;
}

} // namespace ipsec::engine
