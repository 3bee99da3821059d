#pragma once

// One IPsec object of the directory (an entry under CN=IP Security,CN=System,<domain>) with the
// attributes [MS-GPIPSEC] section 2.3 lists, as read from or written to LDAP.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace ipsec::ds {

enum class DsClass : quint8 { Policy, Isakmp, Nfa, Filter, NegotiationPolicy };

struct DsObject {
    DsClass objectClass = DsClass::Policy;
    QString dn;
    QUuid id; // ipsecID
    QString name;
    QString description;
    QString dataType = QStringLiteral("598"); // ipsecDataType: Windows writes 598, the spec 256
    QByteArray data;                          // ipsecData
    QString isakmpReference;                  // ipsecPolicy
    QStringList nfaReferences;                // ipsecPolicy
    QStringList filterReferences;             // ipsecNFA
    QString negotiationPolicyReference;       // ipsecNFA
    QStringList ownersReferences;             // all but ipsecPolicy
    QUuid negotiationPolicyType;              // ipsecNegotiationPolicy
    QUuid negotiationPolicyAction;            // ipsecNegotiationPolicy

    friend bool operator==(const DsObject &, const DsObject &) = default;

    // "ipsecPolicy", "ipsecISAKMPPolicy", "ipsecNFA", "ipsecFilter", "ipsecNegotiationPolicy".
    static QString className(DsClass c);
    static std::optional<DsClass> classFromName(QStringView name); // case-insensitive
    // CN=<className>{GUID},CN=IP Security,CN=System,<baseDn>
    static QString dnFor(DsClass c, const QUuid &id, const QString &baseDn);
    static QString containerDn(const QString &baseDn);
};

// The GUIDs of [MS-GPIPSEC] 2.2.1.4.1: what a filter action does, and whether it is the
// default response rule's.
namespace NegotiationGuids {
inline const QUuid Block{QStringLiteral("{3F91A819-7647-11D1-864D-D46A00000000}")};
inline const QUuid Permit{QStringLiteral("{8A171DD2-77E3-11D1-8659-A04F00000000}")};
inline const QUuid Secure{QStringLiteral("{8A171DD3-77E3-11D1-8659-A04F00000000}")};
inline const QUuid InboundPassThrough{QStringLiteral("{3F91A81A-7647-11D1-864D-D46A00000000}")};
inline const QUuid StandardType{QStringLiteral("{62F49E10-6C37-11D1-864C-14A300000000}")};
inline const QUuid DefaultResponseType{QStringLiteral("{62F49E13-6C37-11D1-864C-14A300000000}")};
} // namespace NegotiationGuids

} // namespace ipsec::ds
