// DsModel::read: the directory's objects into the model.

#include "ds/DsModel.h"

#include "ds/GpipsecCodec.h"

#include <QHostAddress>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

QString key(const QString &dn)
{
    return dn.simplified().remove(u' ').toLower();
}

QHostAddress ipv4(const Ipv4Bytes &b)
{
    return QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
}

class Reader {
public:
    explicit Reader(const QList<DsObject> &objects)
        : m_objects(objects)
    {
        for (const DsObject &o : objects)
            m_byDn.insert(key(o.dn), &o);
    }

    Result<DirectoryContents> run();

private:
    Error fail(const DsObject &o, const QString &sentence) const
    {
        return Error::store(
            DsModel::tr("The directory object %1 cannot be used: %2").arg(o.dn, sentence));
    }
    const DsObject *resolve(const QString &dn, DsClass c) const
    {
        const DsObject *o = m_byDn.value(key(dn));
        return o && o->objectClass == c ? o : nullptr;
    }
    Result<qint64> filterList(const DsObject &o);
    Result<qint64> filterAction(const DsObject &o);
    Result<Address> address(const DsObject &o, const char *field, const BlobString &dnsName,
                            const Ipv4Bytes &addr, const Ipv4Bytes &mask, bool special);
    Result<Address> addressV2(const DsObject &o, const char *field, const AddressV2 &a);
    Result<Rule> rule(const DsObject &o, qint64 policyId);

    const QList<DsObject> &m_objects;
    QHash<QString, const DsObject *> m_byDn;
    QHash<QString, qint64> m_listIds;
    QHash<QString, qint64> m_actionIds;
    DirectoryContents m_out;
};

Result<Address> Reader::address(const DsObject &o, const char *field, const BlobString &dnsName,
                                const Ipv4Bytes &addr, const Ipv4Bytes &mask, bool special)
{
    const QString fieldName = QString::fromLatin1(field);
    if (special)
        return fail(o, DsModel::tr("a filter uses a server address (DNS, WINS, DHCP or default "
                                   "gateway) for its %1, which this program cannot enforce yet.")
                           .arg(fieldName));
    if (!dnsName.text().isEmpty()) {
        auto a = Address::dnsName(dnsName.text());
        if (!a)
            return fail(o, a.error().message);
        return a;
    }
    const quint32 m =
        quint32(mask[0]) << 24 | quint32(mask[1]) << 16 | quint32(mask[2]) << 8 | mask[3];
    const bool zero = addr == Ipv4Bytes{};
    if (zero && m == 0xFFFFFFFF)
        return Address::me();
    if (zero && m == 0)
        return Address::any();
    auto a = Address::withMask(ipv4(addr), ipv4(mask));
    if (!a)
        return fail(o, DsModel::tr("the %1 of a filter: %2").arg(fieldName, a.error().message));
    return a;
}

Result<Address> Reader::addressV2(const DsObject &o, const char *field, const AddressV2 &a)
{
    const QString fieldName = QString::fromLatin1(field);
    QHostAddress ip;
    if (a.version == 1)
        ip = QHostAddress(quint32(a.address[0]) << 24 | quint32(a.address[1]) << 16
                          | quint32(a.address[2]) << 8 | a.address[3]);
    else
        ip = QHostAddress(a.address.data());
    switch (a.type) {
    case 0:
        return Address::any();
    case 8:
        return Address::me();
    case 1:
        return Address::host(ip);
    case 4: {
        Result<Address> s = Address::any();
        if (a.version == 1) {
            const QHostAddress mask(quint32(a.secondary[0]) << 24 | quint32(a.secondary[1]) << 16
                                    | quint32(a.secondary[2]) << 8 | a.secondary[3]);
            s = Address::withMask(ip, mask);
        } else {
            s = Address::subnet(ip, a.secondary[0]);
        }
        if (!s)
            return fail(o, DsModel::tr("the %1 of a filter: %2").arg(fieldName, s.error().message));
        return s;
    }
    case 2:
        return fail(o, DsModel::tr("a filter's %1 is an address range, which this program "
                                   "cannot enforce yet.")
                           .arg(fieldName));
    default:
        return fail(o, DsModel::tr("a filter uses a server address (DNS, WINS, DHCP or default "
                                   "gateway) for its %1, which this program cannot enforce yet.")
                           .arg(fieldName));
    }
}

Result<qint64> Reader::filterList(const DsObject &o)
{
    if (const qint64 id = m_listIds.value(key(o.dn)))
        return id;
    auto blob = GpipsecCodec::decodeFilter(o.data, o.dn);
    if (!blob)
        return blob.error();
    FilterList list;
    list.id = m_out.database.filterLists.size() + 1;
    list.guid = o.id;
    list.name = o.name;
    list.description = o.description;
    QSet<QUuid> seen;
    for (const FilterSpecV1 &s : blob->v1) {
        if (s.isTunnel)
            return fail(o, DsModel::tr("a filter names its own tunnel endpoint; this program "
                                       "takes tunnel endpoints from the rule only."));
        Filter f;
        f.guid = s.id;
        f.description = s.description.text();
        f.mirrored = s.mirrored != 0;
        f.protocol = Protocol(quint8(s.protocol));
        f.sourcePort = s.sourcePort;
        f.destinationPort = s.destinationPort;
        auto src = address(o, "Legacy-Source-Address", s.sourceDnsName, s.sourceAddress,
                           s.sourceMask, s.special >= 1 && s.special <= 4);
        if (!src)
            return src.error();
        auto dst = address(o, "Legacy-Destination-Address", s.destinationDnsName,
                           s.destinationAddress, s.destinationMask, s.special >= 0x81);
        if (!dst)
            return dst.error();
        f.source = *src;
        f.destination = *dst;
        seen.insert(s.id);
        list.filters.append(f);
    }
    for (const FilterSpecV2 &s : blob->v2) {
        if (seen.contains(s.id))
            continue; // the same filter in both formats
        Filter f;
        f.guid = s.id;
        f.description = s.description.text();
        f.mirrored = s.mirrored != 0;
        f.protocol = Protocol(quint8(s.protocol));
        for (auto [port, out] : {std::pair{&s.sourcePort, &f.sourcePort},
                                 std::pair{&s.destinationPort, &f.destinationPort}}) {
            if (port->type == 2 && port->port != port->rangeEnd)
                return fail(o, DsModel::tr("a filter uses a port range (%1-%2), which this "
                                           "program cannot enforce yet.")
                                   .arg(port->port)
                                   .arg(port->rangeEnd));
            *out = port->type == 0 ? 0 : port->port;
        }
        auto src = addressV2(o, "Source-Address-Data", s.source);
        if (!src)
            return src.error();
        auto dst = addressV2(o, "Destination-Address-Data", s.destination);
        if (!dst)
            return dst.error();
        f.source = *src;
        f.destination = *dst;
        list.filters.append(f);
    }
    const QStringList problems = list.validate();
    if (!problems.isEmpty())
        return fail(o, problems.join(u' '));
    m_out.database.filterLists.append(list);
    m_listIds.insert(key(o.dn), list.id);
    return list.id;
}

Result<qint64> Reader::filterAction(const DsObject &o)
{
    if (const qint64 id = m_actionIds.value(key(o.dn)))
        return id;
    auto blob = GpipsecCodec::decodeNegotiation(o.data, o.dn);
    if (!blob)
        return blob.error();
    FilterAction a;
    a.id = m_out.database.filterActions.size() + 1;
    a.guid = o.id;
    a.name = o.name;
    a.description = o.description;
    if (o.negotiationPolicyAction == NegotiationGuids::Block) {
        a.type = FilterAction::Type::Block;
    } else if (o.negotiationPolicyAction == NegotiationGuids::Permit) {
        a.type = FilterAction::Type::Permit;
    } else if (o.negotiationPolicyAction == NegotiationGuids::Secure
               || o.negotiationPolicyAction == NegotiationGuids::InboundPassThrough) {
        a.type = FilterAction::Type::Negotiate;
        a.inboundPassThrough = o.negotiationPolicyAction == NegotiationGuids::InboundPassThrough;
    } else {
        return fail(o, DsModel::tr("its iPSECNegotiationPolicyAction %1 is none of block, permit, "
                                   "secure or inbound pass-through.")
                           .arg(o.negotiationPolicyAction.toString(QUuid::WithBraces)));
    }
    if (a.type == FilterAction::Type::Negotiate) {
        bool allPfs = true;
        for (const SecurityOffer &offer : blob->offers) {
            if (offer.algorithmCount == 0) {
                a.allowUnsecured = true; // the empty offer: fall back to clear
                continue;
            }
            SecurityMethod m;
            m.esp = false;
            m.lifetimeSeconds = offer.lifetimeSeconds;
            m.lifetimeKBytes = offer.lifetimeKBytes;
            m.pfs = offer.pfs == 1;
            allPfs = allPfs && m.pfs;
            for (quint32 k = 0; k < offer.algorithmCount; ++k) {
                const AlgorithmOffer &alg = offer.algorithms[k];
                const bool ah = alg.offerType == 1;
                if ((ah && m.ah) || (!ah && m.esp))
                    return fail(o, DsModel::tr("a security method offers %1 twice, which this "
                                               "program cannot express.")
                                       .arg(ah ? u"AH"_s : u"ESP"_s));
                if (ah) {
                    m.ah = true;
                    m.ahHash =
                        alg.algorithm == 1 ? SecurityMethod::Hash::Md5 : SecurityMethod::Hash::Sha1;
                } else {
                    m.esp = true;
                    // See GpipsecCodec.cpp: 0 none, 1 (and the specification's 2) DES,
                    // 3 3DES.
                    m.espCipher = alg.algorithm == 0   ? SecurityMethod::Cipher::None
                                  : alg.algorithm == 3 ? SecurityMethod::Cipher::TripleDes
                                                       : SecurityMethod::Cipher::Des;
                    m.espHash = alg.integrity == 0   ? SecurityMethod::Hash::None
                                : alg.integrity == 1 ? SecurityMethod::Hash::Md5
                                                     : SecurityMethod::Hash::Sha1;
                }
            }
            a.securityMethods.append(m);
        }
        a.sessionKeyPfs = !a.securityMethods.isEmpty() && allPfs;
    }
    const QStringList problems = a.validate();
    if (!problems.isEmpty())
        return fail(o, problems.join(u' '));
    m_out.database.filterActions.append(a);
    m_actionIds.insert(key(o.dn), a.id);
    return a.id;
}

Result<Rule> Reader::rule(const DsObject &o, qint64 policyId)
{
    if (GpipsecCodec::isVersionBlob(o.data))
        return fail(o, DsModel::tr("the Version Information Object is no rule of a policy."));
    auto blob = GpipsecCodec::decodeNfa(o.data, o.dn);
    if (!blob)
        return blob.error();
    Rule r;
    r.id = m_out.database.rules.size() + 1;
    r.guid = o.id;
    r.policyId = policyId;
    r.name = o.name;
    r.description = o.description;
    r.active = blob->isActive == 1;
    r.connectionType = blob->interfaceType == 0xFFFFFFFF   ? Rule::ConnectionType::Dialup
                       : blob->interfaceType == 0xFFFFFFFE ? Rule::ConnectionType::Lan
                                                           : Rule::ConnectionType::All;
    if (blob->isTunnel) {
        r.tunnelEndpoint = blob->hasIpv6Tunnel
                               ? QHostAddress(blob->ipv6TunnelAddress.data()).toString()
                               : ipv4(blob->tunnelAddress).toString();
    }
    r.authMethods.clear();
    for (const AuthMethodBlob &m : blob->authMethods) {
        AuthMethod a;
        a.kind = m.type == 1   ? AuthMethod::Kind::PresharedKey
                 : m.type == 3 ? AuthMethod::Kind::Certificate
                               : AuthMethod::Kind::Kerberos;
        if (m.type != 5)
            a.data = BlobString{m.data}.text();
        r.authMethods.append(a);
    }
    const DsObject *negpol = resolve(o.negotiationPolicyReference, DsClass::NegotiationPolicy);
    if (!negpol)
        return fail(o, DsModel::tr("its ipsecNegotiationPolicyReference \"%1\" names no filter "
                                   "action of the directory.")
                           .arg(o.negotiationPolicyReference));
    if (negpol->negotiationPolicyType == NegotiationGuids::DefaultResponseType) {
        // The default response rule: no filter list; its security methods stay in the blob.
        auto check = GpipsecCodec::decodeNegotiation(negpol->data, negpol->dn);
        if (!check)
            return check.error();
        r.defaultResponse = true;
        m_out.defaultResponseActions.insert(o.id, negpol->id);
        if (r.name.isEmpty())
            r.name = u"<Dynamic>"_s; // as Windows shows it
    } else if (negpol->negotiationPolicyType != NegotiationGuids::StandardType) {
        return fail(*negpol, DsModel::tr("its iPSECNegotiationPolicyType %1 is unknown.")
                                 .arg(negpol->negotiationPolicyType.toString(QUuid::WithBraces)));
    } else {
        if (o.filterReferences.size() != 1)
            return fail(o, o.filterReferences.isEmpty()
                               ? DsModel::tr("the rule has no ipsecFilterReference (filter list).")
                               : DsModel::tr("the rule names %1 filter lists; this program "
                                             "supports one per rule.")
                                     .arg(o.filterReferences.size()));
        const DsObject *list = resolve(o.filterReferences.first(), DsClass::Filter);
        if (!list)
            return fail(o, DsModel::tr("its ipsecFilterReference \"%1\" names no filter list of "
                                       "the directory.")
                               .arg(o.filterReferences.first()));
        auto listId = filterList(*list);
        if (!listId)
            return listId.error();
        auto actionId = filterAction(*negpol);
        if (!actionId)
            return actionId.error();
        r.filterListId = *listId;
        r.filterActionId = *actionId;
        if (r.name.isEmpty()) // Windows names rules after their filter list
            r.name = m_out.database.filterList(*listId)->name;
    }
    return r;
}

Result<DirectoryContents> Reader::run()
{
    for (const DsObject &o : m_objects) {
        if (o.dataType != u"598"_s && o.dataType != u"256"_s)
            return fail(o, DsModel::tr("its ipsecDataType is %1, but must be 256 (or 598, as "
                                       "Windows writes).")
                               .arg(o.dataType));
        if (o.objectClass == DsClass::Nfa && GpipsecCodec::isVersionBlob(o.data)) {
            auto v = GpipsecCodec::decodeVersion(o.data, o.dn);
            if (!v)
                return v.error();
            ++m_out.versionObjects;
        }
    }
    for (const DsObject &o : m_objects) {
        if (o.objectClass != DsClass::Policy)
            continue;
        auto blob = GpipsecCodec::decodePolicy(o.data, o.dn);
        if (!blob)
            return blob.error();
        Policy p;
        p.id = m_out.database.policies.size() + 1;
        p.guid = o.id;
        p.name = o.name;
        p.description = o.description;
        const quint32 seconds = blob->pollingIntervalSeconds ? blob->pollingIntervalSeconds : 10800;
        p.pollingIntervalMinutes = int(qMin<quint32>((seconds + 59) / 60, 43200));
        m_out.pollingSeconds.insert(o.id, seconds);
        const DsObject *isakmp = resolve(o.isakmpReference, DsClass::Isakmp);
        if (!isakmp)
            return fail(o, DsModel::tr("its ipsecISAKMPReference \"%1\" names no ISAKMP policy of "
                                       "the directory.")
                               .arg(o.isakmpReference));
        auto ike = GpipsecCodec::decodeIsakmp(isakmp->data, isakmp->dn);
        if (!ike)
            return ike.error();
        m_out.ikeSettings.insert(o.id, *ike);
        DsModel::keyExchangeFromIsakmp(*ike, p);
        m_out.isakmpIds.insert(o.id, isakmp->id);
        const QStringList problems = p.validate();
        if (!problems.isEmpty())
            return fail(o, problems.join(u' '));
        m_out.database.policies.append(p);
        for (const QString &nfaDn : o.nfaReferences) {
            const DsObject *nfa = resolve(nfaDn, DsClass::Nfa);
            if (!nfa)
                return fail(o, DsModel::tr("its ipsecNFAReference \"%1\" names no rule of the "
                                           "directory.")
                                   .arg(nfaDn));
            auto r = rule(*nfa, p.id);
            if (!r)
                return r.error();
            const QStringList ruleProblems = r->validate();
            if (!ruleProblems.isEmpty())
                return fail(*nfa, ruleProblems.join(u' '));
            m_out.database.rules.append(*r);
        }
    }
    // Filter lists and filter actions no rule uses yet (the snap-in shows and keeps them).
    for (const DsObject &o : m_objects) {
        if (o.objectClass == DsClass::Filter) {
            if (auto id = filterList(o); !id)
                return id.error();
        } else if (o.objectClass == DsClass::NegotiationPolicy
                   && o.negotiationPolicyType == NegotiationGuids::StandardType) {
            if (auto id = filterAction(o); !id)
                return id.error();
        }
    }
    return m_out;
}

} // namespace

Result<DirectoryContents> DsModel::read(const QList<DsObject> &objects)
{
    return Reader(objects).run();
}

} // namespace ipsec::ds
