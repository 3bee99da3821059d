#pragma once

// The ipsecData blobs of the directory's IPsec objects, field by field as Microsoft's open
// specification [MS-GPIPSEC] section 2.2.1 lays them out (little-endian integers, UTF-16LE
// strings with their length in bytes). Every field is kept, also those the specification calls
// unused or "ignored when read": Windows' own default objects carry stray bytes there (0xCD
// fill, fragments of UTF-16 text), and GpipsecCodec encodes a decoded blob back to exactly the
// bytes it came from.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <array>

namespace ipsec::ds {

// A length-prefixed UTF-16LE string field, kept as its bytes (normally text + a NUL).
struct BlobString {
    QByteArray bytes;

    QString text() const;                            // up to the first NUL
    static BlobString fromText(const QString &text); // text + NUL; empty text: just the NUL
    friend bool operator==(const BlobString &, const BlobString &) = default;
};

using Ipv4Bytes = std::array<quint8, 4>;  // network byte order
using Ipv6Bytes = std::array<quint8, 16>; // network byte order

// ipsecPolicy (2.2.1.1): 16-byte type GUID, Data-Length (4), Polling-Interval, Unused byte.
struct PolicyBlob {
    quint32 pollingIntervalSeconds = 10800; // 0 means 10,800 s
    quint8 unused = 0;
    friend bool operator==(const PolicyBlob &, const PolicyBlob &) = default;
};

// One main-mode security method of an ipsecISAKMPPolicy (64 bytes).
struct IsakmpMethod {
    quint8 majorVersion = 0;
    quint8 minorVersion = 0;
    quint16 zero3 = 0;
    // Encryption-Algorithm-ID is 8 bytes; the algorithm is the low half (0 none, 1 DES,
    // 2 and 3 3DES). Windows writes the key length in bits (64) into the high half.
    quint32 encryption = 0;
    quint32 encryptionHigh = 0;
    quint32 zero4 = 0; // Windows writes 8 (rounds)
    quint32 hash = 0;  // 0 none, 1 MD5, 2 SHA-1; high half as for encryption
    quint32 hashHigh = 0;
    quint32 zero5 = 0;
    quint64 zero6 = 0;
    quint8 randomFunction = 0; // 1-4 override the algorithms with DH group 14
    std::array<quint8, 7> zero7{};
    quint32 oakleyGroup = 0; // 1, 2, 0x10000001 (group 14); 0 unused
    quint32 qmLimit = 0;
    quint32 lifetimeKBytes = 0;
    quint32 lifetimeSeconds = 0;
    quint32 pfsIdentityRequired = 0; // Windows' defaults hold 0xCDCDCDCD here
    friend bool operator==(const IsakmpMethod &, const IsakmpMethod &) = default;
};

// ipsecISAKMPPolicy (2.2.1.2).
struct IsakmpBlob {
    QUuid instance; // the object's own GUID
    quint32 zero1 = 0;
    quint32 masterPfsRequired = 0; // 0 or 1
    quint32 options = 0;           // 0-3: certificate mapping, no CRP
    std::array<quint8, 4> newDh{}; // offers with DH 2048 first, 0 = unused
    quint32 qmLimit = 0;           // quick modes per main mode, 0 = no limit
    quint32 mmLifetimeSeconds = 0; // 0 means 28,800 s
    std::array<quint8, 20> zero2{};
    QList<IsakmpMethod> methods;
    quint8 pad = 0; // the byte after the data (Data-Length is one less than what follows)
    friend bool operator==(const IsakmpBlob &, const IsakmpBlob &) = default;
};

// One algorithm of a quick-mode offer (20 bytes).
struct AlgorithmOffer {
    quint32 algorithm = 0;         // AH: 1 MD5, 2 SHA-1; ESP: 0 none, 1 DES, 3 3DES (see the codec)
    quint32 integrity = 0;         // ESP: 0 none, 1 MD5, 2 SHA-1
    quint32 offerType = 0;         // 1 AH, 2 ESP
    std::array<quint8, 8> zero1{}; // Windows writes key length and rounds here
    friend bool operator==(const AlgorithmOffer &, const AlgorithmOffer &) = default;
};

// One quick-mode security offer (80 bytes). An offer without algorithms means "allow
// unsecured communication" (fall back to clear).
struct SecurityOffer {
    quint32 lifetimeSeconds = 0;
    quint32 lifetimeKBytes = 0;
    quint32 options = 0;
    quint32 pfs = 0; // PFS-QM-Required, 1 = session key PFS (see GpipsecCodec.cpp)
    quint32 algorithmCount = 0;
    std::array<AlgorithmOffer, 3> algorithms{}; // only the first algorithmCount are significant
    friend bool operator==(const SecurityOffer &, const SecurityOffer &) = default;
};

// ipsecNegotiationPolicy (2.2.1.4). Permit, block or secure comes from the object's
// iPSECNegotiationPolicyAction attribute, not from the blob.
struct NegotiationBlob {
    QList<SecurityOffer> offers;
    quint8 pad = 0;
    friend bool operator==(const NegotiationBlob &, const NegotiationBlob &) = default;
};

// One authentication method of a rule: 1 preshared key, 3 certificate (CA name), 5 Kerberos.
struct AuthMethodBlob {
    quint32 type = 5;
    QByteArray data; // UTF-16LE + NUL for key and CA name; two zero bytes for Kerberos
    friend bool operator==(const AuthMethodBlob &, const AuthMethodBlob &) = default;
};

// ipsecNFA, a rule (2.2.1.3).
struct NfaBlob {
    QList<AuthMethodBlob> authMethods;
    quint32 interfaceType = 0xFFFFFFFD; // FFFFFFFF dial-up, FFFFFFFE LAN, FFFFFFFD all
    BlobString interfaceName;
    Ipv4Bytes tunnelAddress{};
    quint32 isTunnel = 0;
    quint32 isActive = 1;
    BlobString tunnelEndpointName;
    quint8 pad = 0;
    // Optional parts after the pad byte (Windows Vista and later).
    bool hasAltAuth = false;
    QList<AuthMethodBlob> altAuthMethods;
    bool hasAltAuthFlags = false;
    quint32 altZero1 = 0;
    QList<quint32> altAuthFlags; // one per alternate method
    bool hasIpv6Tunnel = false;
    Ipv6Bytes ipv6TunnelAddress{};
    friend bool operator==(const NfaBlob &, const NfaBlob &) = default;
};

// The "Version Information Object" every domain holds: an ipsecNFA whose blob starts with its
// own GUID {6A1F5C6F-72B7-11D2-ACF0-0060B0ECCA17} and a version record (not in [MS-GPIPSEC];
// laid out as found in the provisioned domain), followed by a complete NFA blob.
struct VersionBlob {
    QUuid id;
    quint32 version = 0;
    quint32 timestamp = 0; // seconds since 1970
    BlobString product;    // "Windows 2000"
    BlobString author;     // "Administrator"
    BlobString note;       // "\r\n"
    QByteArray nfa;        // an NFA blob, kept as it is
    friend bool operator==(const VersionBlob &, const VersionBlob &) = default;
};

// One legacy (v1) filter of an ipsecFilter (IPv4 only).
struct FilterSpecV1 {
    BlobString sourceDnsName;
    BlobString destinationDnsName;
    BlobString description;
    QUuid id;
    quint32 mirrored = 1;
    Ipv4Bytes sourceAddress{};
    Ipv4Bytes sourceMask{};
    Ipv4Bytes destinationAddress{};
    Ipv4Bytes destinationMask{};
    Ipv4Bytes tunnelAddress{};
    quint32 protocol = 0;
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    quint8 isTunnel = 0;
    quint8 special = 0; // 1-4 source, 0x81-0x84 destination: DNS, WINS, DHCP, gateway
    quint16 options = 0;
    friend bool operator==(const FilterSpecV1 &, const FilterSpecV1 &) = default;
};

struct AddressV2 {
    quint32 type = 0;    // 0 any, 1 one address, 2 range, 4 subnet, 8 me, 0x10-0x80 servers
    quint32 version = 1; // 1 IPv4, 2 IPv6, 3 both (special types only)
    Ipv6Bytes address{};
    Ipv6Bytes secondary{}; // range end or mask (IPv6: the prefix length in the first byte)
    friend bool operator==(const AddressV2 &, const AddressV2 &) = default;
};

struct PortV2 {
    quint32 type = 0; // 0 any, 1 one port, 2 range
    quint16 port = 0;
    quint16 rangeEnd = 0;
    friend bool operator==(const PortV2 &, const PortV2 &) = default;
};

// One v2 filter (Windows Vista and later: IPv6, ranges).
struct FilterSpecV2 {
    BlobString sourceDnsName;
    BlobString destinationDnsName;
    BlobString description;
    QUuid id;
    quint32 mirrored = 1;
    AddressV2 source;
    AddressV2 destination;
    PortV2 sourcePort;
    PortV2 destinationPort;
    quint32 protocol = 0;
    quint32 flags = 0;
    friend bool operator==(const FilterSpecV2 &, const FilterSpecV2 &) = default;
};

// ipsecFilter, a filter list (2.2.1.5).
struct FilterBlob {
    quint32 v1Count = 0; // Number-Of-Filters1 as written
    QList<FilterSpecV1> v1;
    quint8 pad = 0;
    bool hasV2 = false;
    quint32 v1CountOverride = 0; // Number-Of-Filters11
    QList<FilterSpecV2> v2;
    friend bool operator==(const FilterBlob &, const FilterBlob &) = default;
};

} // namespace ipsec::ds
