#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <array>
#include <compare>
#include <optional>

namespace ipsec {

// One end of a filter: this host ("me"), any host, one host, a subnet, a DNS name that is
// resolved when the policy is applied, or a server type (netsh's DNS, DHCP, GATEWAY: this
// host's resolvers, DHCP server or default gateway, looked up whenever the policy is applied). Kept
// compact (no heap for addresses) because a store may hold hundreds of thousands of filters.
class Address {
    Q_DECLARE_TR_FUNCTIONS(ipsec::Address)
public:
    enum class Kind : quint8 { Any, Me, Host, Subnet, DnsName, Server };
    // Windows' special filters (MS-GPIPSEC: 0x01 DNS, 0x03 DHCP, 0x04 gateway; WINS has no
    // counterpart here and is refused where it is read).
    enum class ServerType : quint8 { None = 0, Dns = 1, Dhcp = 3, Gateway = 4 };
    enum class Family : quint8 { Unspecified = 0, IPv4 = 4, IPv6 = 6 };

    Address() = default; // any
    static Address any() { return {}; }
    static Address me();
    static Address host(const QHostAddress &address);
    // A subnet; a full-length prefix yields a host. Host bits must be zero.
    static Result<Address> subnet(const QHostAddress &network, int prefixLength);
    // A subnet from a dotted (or IPv6) mask; the mask must be contiguous.
    static Result<Address> withMask(const QHostAddress &network, const QHostAddress &mask);
    static Result<Address> dnsName(const QString &name);
    static Address server(ServerType type);
    // "DNS", "DHCP", "GATEWAY" (netsh's keywords, any case); nullopt for anything else.
    static std::optional<ServerType> serverKeyword(QStringView text);
    static QString serverKeywordOf(ServerType type); // "DNS", "DHCP", "GATEWAY"
    // As netsh's show and the IP Security Monitor name them: "<DNS Servers>", "<DHCP Server>",
    // "<Default Gateway>" (translated).
    static QString serverDisplayName(ServerType type);

    // Parses "me", "any", "10.1.2.3", "10.1.0.0/16", "10.1.0.0/255.255.0.0", "2001:db8::/32",
    // a server type as toString() writes it ("<DNS>", "<DHCP>", "<GATEWAY>"), or a DNS name.
    // Case-insensitive keywords. (A bare "gateway" stays a DNS name: only netsh reads the bare
    // keywords as server types.)
    static Result<Address> parse(QStringView text);
    // Converts a dotted mask or a prefix length ("255.255.0.0", "16") to a prefix length.
    static Result<int> parseMask(QStringView text, Family family);
    // The one place a literal IP address is read from text (command lines, netsh, snapshots,
    // D-Bus): IPv4 as four decimal numbers without leading zeros, IPv6 without a zone and not
    // IPv4-mapped. Octal-, hex- and short forms that other programs read differently are refused
    // with a sentence that names the address meant ("did you mean 10.1.1.1?").
    static Result<QHostAddress> parseIp(QStringView text);
    // Whether text is meant as an IP address (numbers with dots, hex numbers, colons), so that
    // it must not be taken for a DNS name.
    static bool looksLikeIp(QStringView text);
    static bool isValidDnsName(QStringView name);

    Kind kind() const { return m_kind; }
    Family family() const { return m_family; }
    bool isIPv6() const { return m_family == Family::IPv6; }
    bool isAny() const { return m_kind == Kind::Any; }
    bool isMe() const { return m_kind == Kind::Me; }
    bool isHost() const { return m_kind == Kind::Host; }
    bool isSubnet() const { return m_kind == Kind::Subnet; }
    bool isDnsName() const { return m_kind == Kind::DnsName; }
    bool isServer() const { return m_kind == Kind::Server; }
    ServerType serverType() const { return m_server; }
    // Host or subnet: a literal address the kernel can use directly.
    bool isLiteral() const { return m_kind == Kind::Host || m_kind == Kind::Subnet; }

    int prefixLength() const { return m_prefix; }
    int maxPrefixLength() const { return m_family == Family::IPv6 ? 128 : 32; }
    QHostAddress address() const; // null for any/me/dns
    QHostAddress netmask() const; // null for any/me/dns
    const QString &name() const { return m_dnsName; }
    const std::array<quint8, 16> &bytes() const { return m_bytes; }

    // Whether a concrete address lies inside this one (any matches everything, me/dns nothing).
    bool contains(const QHostAddress &address) const;

    // Canonical text: "me", "any", "10.1.2.3", "10.1.0.0/16", "host.example.org", "<GATEWAY>".
    QString toString() const;

    friend bool operator==(const Address &, const Address &) = default;

private:
    Kind m_kind = Kind::Any;
    Family m_family = Family::Unspecified;
    ServerType m_server = ServerType::None;
    quint8 m_prefix = 0;
    std::array<quint8, 16> m_bytes{};
    QString m_dnsName;
};

} // namespace ipsec

// Moved in memory when a list grows or is sorted (no pointer into itself): a store may hold
// hundreds of thousands of filters, each with two addresses.
Q_DECLARE_TYPEINFO(ipsec::Address, Q_RELOCATABLE_TYPE);
