#include "model/Address.h"

#include <QRegularExpression>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

Address::Family familyOf(const QHostAddress &a)
{
    switch (a.protocol()) {
    case QAbstractSocket::IPv4Protocol:
        return Address::Family::IPv4;
    case QAbstractSocket::IPv6Protocol:
        return Address::Family::IPv6;
    default:
        return Address::Family::Unspecified;
    }
}

void copyBytes(const QHostAddress &a, std::array<quint8, 16> &out)
{
    out.fill(0);
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v = a.toIPv4Address();
        out[0] = quint8(v >> 24);
        out[1] = quint8(v >> 16);
        out[2] = quint8(v >> 8);
        out[3] = quint8(v);
    } else {
        const Q_IPV6ADDR v6 = a.toIPv6Address();
        std::memcpy(out.data(), v6.c, 16);
    }
}

QHostAddress fromBytes(const std::array<quint8, 16> &b, Address::Family family)
{
    if (family == Address::Family::IPv4)
        return QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
    Q_IPV6ADDR v6;
    std::memcpy(v6.c, b.data(), 16);
    return QHostAddress(v6);
}

// Bytes of a prefix mask of the given length.
std::array<quint8, 16> maskBytes(int prefix)
{
    std::array<quint8, 16> m{};
    for (int i = 0; i < 16 && prefix > 0; ++i, prefix -= 8)
        m[i] = prefix >= 8 ? 0xff : quint8(0xff << (8 - prefix));
    return m;
}

bool isDecimal(QStringView p)
{
    return !p.isEmpty()
           && std::all_of(p.begin(), p.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool isHex(QStringView p)
{
    return p.size() > 2 && (p.startsWith(u"0x") || p.startsWith(u"0X"))
           && std::all_of(p.begin() + 2, p.end(), [](QChar c) {
                  return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')
                         || (c >= u'A' && c <= u'F');
              });
}

std::optional<QHostAddress> parseLiteral(QStringView text)
{
    auto a = Address::parseIp(text);
    if (!a)
        return std::nullopt;
    return a.value();
}

} // namespace

Address Address::me()
{
    Address a;
    a.m_kind = Kind::Me;
    return a;
}

Address Address::host(const QHostAddress &address)
{
    Address a;
    a.m_family = familyOf(address);
    if (a.m_family == Family::Unspecified)
        return a;
    a.m_kind = Kind::Host;
    a.m_prefix = quint8(a.maxPrefixLength());
    copyBytes(address, a.m_bytes);
    return a;
}

Result<Address> Address::subnet(const QHostAddress &network, int prefixLength)
{
    const Family family = familyOf(network);
    if (family == Family::Unspecified)
        return Error::usage(tr("\"%1\" is not an IPv4 or IPv6 address.").arg(network.toString()));
    const int max = family == Family::IPv6 ? 128 : 32;
    if (prefixLength < 0 || prefixLength > max)
        return Error::usage(tr("Prefix length %1 is out of range for %2 (0-%3).")
                                .arg(prefixLength)
                                .arg(network.toString())
                                .arg(max));
    Address a;
    a.m_family = family;
    a.m_prefix = quint8(prefixLength);
    copyBytes(network, a.m_bytes);
    if (prefixLength == 0) {
        // 0.0.0.0/0 is simply "any" of that family; keep the family so it stays IPv4 or IPv6.
        if (a.m_bytes != std::array<quint8, 16>{})
            return Error::usage(tr("%1/0 has host bits set; a zero-length prefix matches any "
                                   "address, write 0.0.0.0/0 or *.")
                                    .arg(network.toString()));
        a.m_kind = Kind::Subnet;
        return a;
    }
    const auto mask = maskBytes(prefixLength);
    for (int i = 0; i < 16; ++i) {
        if (a.m_bytes[i] & ~mask[i]) {
            std::array<quint8, 16> net = a.m_bytes;
            for (int j = 0; j < 16; ++j)
                net[j] &= mask[j];
            return Error::usage(tr("%1/%2 has host bits set; did you mean %3/%2?")
                                    .arg(network.toString())
                                    .arg(prefixLength)
                                    .arg(fromBytes(net, family).toString()));
        }
    }
    a.m_kind = prefixLength == max ? Kind::Host : Kind::Subnet;
    return a;
}

Result<Address> Address::withMask(const QHostAddress &network, const QHostAddress &mask)
{
    const Family family = familyOf(network);
    if (familyOf(mask) != family || family == Family::Unspecified)
        return Error::usage(
            tr("Mask %1 does not fit address %2.").arg(mask.toString(), network.toString()));
    std::array<quint8, 16> m;
    copyBytes(mask, m);
    const int bytes = family == Family::IPv6 ? 16 : 4;
    int prefix = 0;
    bool ended = false;
    for (int i = 0; i < bytes; ++i) {
        for (int bit = 7; bit >= 0; --bit) {
            const bool set = m[i] & (1 << bit);
            if (set && ended)
                return Error::usage(tr("Mask %1 is not contiguous (its one bits must come first).")
                                        .arg(mask.toString()));
            if (set)
                ++prefix;
            else
                ended = true;
        }
    }
    return subnet(network, prefix);
}

Result<Address> Address::dnsName(const QString &name)
{
    if (!isValidDnsName(name))
        return Error::usage(tr("\"%1\" is not a valid DNS name.").arg(name));
    Address a;
    a.m_kind = Kind::DnsName;
    a.m_dnsName = name.toLower();
    return a;
}

Address Address::server(ServerType type)
{
    Address a;
    if (type == ServerType::None)
        return a;
    a.m_kind = Kind::Server;
    a.m_server = type;
    return a;
}

std::optional<Address::ServerType> Address::serverKeyword(QStringView text)
{
    for (ServerType t : {ServerType::Dns, ServerType::Dhcp, ServerType::Gateway})
        if (text.compare(serverKeywordOf(t), Qt::CaseInsensitive) == 0)
            return t;
    return std::nullopt;
}

QString Address::serverKeywordOf(ServerType type)
{
    switch (type) {
    case ServerType::Dns:
        return u"DNS"_s;
    case ServerType::Dhcp:
        return u"DHCP"_s;
    case ServerType::Gateway:
        return u"GATEWAY"_s;
    case ServerType::None:
        break;
    }
    return {};
}

QString Address::serverDisplayName(ServerType type)
{
    switch (type) {
    case ServerType::Dns:
        return tr("<DNS Servers>");
    case ServerType::Dhcp:
        return tr("<DHCP Server>");
    case ServerType::Gateway:
        return tr("<Default Gateway>");
    case ServerType::None:
        break;
    }
    return {};
}

bool Address::isValidDnsName(QStringView name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    static const QRegularExpression label(u"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"_s);
    const auto labels = name.split(u'.');
    bool allNumeric = true;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QStringView l = labels.at(i);
        if (l.isEmpty() && i == labels.size() - 1 && i > 0)
            continue; // trailing dot
        if (!label.match(l).hasMatch())
            return false;
        bool num = false;
        (void)l.toUInt(&num);
        allNumeric = allNumeric && num;
    }
    return !allNumeric; // "1.2.3" is a broken address, not a name
}

bool Address::looksLikeIp(QStringView text)
{
    if (text.contains(u':'))
        return true;
    const auto parts = text.split(u'.');
    return std::all_of(parts.begin(), parts.end(),
                       [](QStringView p) { return isDecimal(p) || isHex(p); });
}

Result<QHostAddress> Address::parseIp(QStringView text)
{
    if (text.contains(u':')) {
        QHostAddress a;
        if (text.contains(u'%'))
            return Error::usage(tr("\"%1\" is not a valid IPv6 address here: zone ids (%2) are "
                                   "not supported.")
                                    .arg(text, text.mid(text.indexOf(u'%'))));
        if (!a.setAddress(text.toString()) || a.protocol() != QAbstractSocket::IPv6Protocol)
            return Error::usage(tr("\"%1\" is not a valid IPv6 address.").arg(text));
        const Q_IPV6ADDR b = a.toIPv6Address();
        const bool mapped = std::all_of(b.c, b.c + 10, [](quint8 x) { return x == 0; })
                            && b.c[10] == 0xff && b.c[11] == 0xff;
        if (mapped) {
            const QHostAddress v4(quint32(b.c[12]) << 24 | quint32(b.c[13]) << 16
                                  | quint32(b.c[14]) << 8 | b.c[15]);
            return Error::usage(tr("\"%1\" is an IPv4 address written as IPv6 (IPv4-mapped); "
                                   "the kernel would treat it as an IPv6 address that IPv4 "
                                   "traffic never matches. Write %2 instead.")
                                    .arg(text, v4.toString()));
        }
        return a;
    }
    const auto parts = text.split(u'.');
    const auto invalid = [&text] {
        return Error::usage(tr("\"%1\" is not a valid IPv4 address: write four numbers from 0 to "
                               "255 separated by dots, as in 192.168.1.10.")
                                .arg(text));
    };
    if (parts.size() != 4)
        return invalid();
    quint32 value = 0;
    bool hex = false;
    bool leadingZero = false;
    QStringList meant;
    for (QStringView p : parts) {
        bool ok = false;
        uint octet = 0;
        if (isHex(p)) {
            hex = true;
            octet = p.mid(2).toUInt(&ok, 16);
        } else if (isDecimal(p) && p.size() <= 3) {
            leadingZero = leadingZero || (p.size() > 1 && p.front() == u'0');
            octet = p.toUInt(&ok, 10);
        }
        if (!ok || octet > 255)
            return invalid();
        value = value << 8 | octet;
        meant << QString::number(octet);
    }
    const QString decimal = meant.join(u'.');
    if (hex)
        return Error::usage(tr("\"%1\" is written in hexadecimal; write IPv4 addresses as four "
                               "decimal numbers. Did you mean %2?")
                                .arg(text, decimal));
    if (leadingZero)
        return Error::usage(tr("\"%1\" has numbers with leading zeros, which some programs read "
                               "as octal; it is refused rather than guessed. Did you mean %2?")
                                .arg(text, decimal));
    return QHostAddress(value);
}

Result<int> Address::parseMask(QStringView text, Family family)
{
    const int max = family == Family::IPv6 ? 128 : 32;
    if (!isDecimal(text) && !text.contains(u'.') && !text.contains(u':'))
        return Error::usage(tr("\"%1\" is not a mask: expected a prefix length such as 24 (digits "
                               "only, no spaces or signs) or a dotted mask such as "
                               "255.255.255.0.")
                                .arg(text));
    bool ok = false;
    const int prefix = isDecimal(text) && text.size() <= 3 ? text.toInt(&ok) : -1;
    if (isDecimal(text)) {
        if (!ok)
            return Error::usage(
                tr("Prefix length \"%1\" is out of range (0-%2).").arg(text).arg(max));
    }
    if (ok) {
        if (prefix < 0 || prefix > max)
            return Error::usage(
                tr("Prefix length \"%1\" is out of range (0-%2).").arg(text).arg(max));
        return prefix;
    }
    const auto mask = parseLiteral(text);
    if (!mask || familyOf(*mask) != (family == Family::Unspecified ? Family::IPv4 : family))
        return Error::usage(
            tr("\"%1\" is not a mask: expected a prefix length such as 24 or a dotted mask such as "
               "255.255.255.0.")
                .arg(text));
    const QHostAddress zero =
        family == Family::IPv6 ? QHostAddress(u"::"_s) : QHostAddress(quint32(0));
    auto a = withMask(zero, *mask);
    if (!a)
        return a.error();
    return a->prefixLength();
}

Result<Address> Address::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return Error::usage(tr("An address is empty."));
    if (t.compare(u"me", Qt::CaseInsensitive) == 0)
        return me();
    if (t.compare(u"any", Qt::CaseInsensitive) == 0)
        return any();
    if (t.size() > 2 && t.startsWith(u'<') && t.endsWith(u'>')) {
        if (const auto type = serverKeyword(t.mid(1, t.size() - 2)))
            return server(*type);
        return Error::usage(tr("\"%1\" is not a server type; expected <DNS>, <DHCP> or "
                               "<GATEWAY>.")
                                .arg(t));
    }
    const qsizetype slash = t.indexOf(u'/');
    const QStringView addr = slash < 0 ? t : t.left(slash);
    if (looksLikeIp(addr)) {
        if (auto ip = parseIp(addr); !ip)
            return ip.error();
    }
    const auto literal = parseLiteral(addr);
    if (!literal) {
        if (slash >= 0)
            return Error::usage(
                tr("\"%1\" is not an IP address (a mask needs an address).").arg(addr));
        return dnsName(t.toString());
    }
    if (slash < 0)
        return host(*literal);
    auto prefix = parseMask(t.mid(slash + 1), familyOf(*literal));
    if (!prefix)
        return prefix.error();
    return subnet(*literal, *prefix);
}

QHostAddress Address::address() const
{
    return isLiteral() ? fromBytes(m_bytes, m_family) : QHostAddress();
}

QHostAddress Address::netmask() const
{
    return isLiteral() ? fromBytes(maskBytes(m_prefix), m_family) : QHostAddress();
}

bool Address::contains(const QHostAddress &address) const
{
    if (m_kind == Kind::Any)
        return m_family == Family::Unspecified || familyOf(address) == m_family;
    if (!isLiteral() || familyOf(address) != m_family)
        return false;
    std::array<quint8, 16> b;
    copyBytes(address, b);
    const auto mask = maskBytes(m_prefix);
    for (int i = 0; i < 16; ++i)
        if ((b[i] & mask[i]) != m_bytes[i])
            return false;
    return true;
}

QString Address::toString() const
{
    switch (m_kind) {
    case Kind::Any:
        return u"any"_s;
    case Kind::Me:
        return u"me"_s;
    case Kind::DnsName:
        return m_dnsName;
    case Kind::Server:
        return u'<' + serverKeywordOf(m_server) + u'>';
    case Kind::Host:
        return address().toString();
    case Kind::Subnet:
        return address().toString() + u'/' + QString::number(m_prefix);
    }
    return {};
}

} // namespace ipsec
