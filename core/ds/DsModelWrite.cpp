// DsModel::write: one policy of the model into the directory's objects.

#include "ds/DsModel.h"

#include "ds/GpipsecCodec.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

Ipv4Bytes ipv4Bytes(const QHostAddress &a)
{
    const quint32 v = a.toIPv4Address();
    return {quint8(v >> 24), quint8(v >> 16), quint8(v >> 8), quint8(v)};
}

QUuid ensure(const QUuid &id)
{
    return id.isNull() ? QUuid::createUuid() : id;
}

bool isV4(const Address &a)
{
    return a.isAny() || a.isMe() || a.isDnsName() || a.family() == Address::Family::IPv4;
}

// Address, mask and DNS name of one end of a legacy filter.
void legacyEnd(const Address &a, Ipv4Bytes &addr, Ipv4Bytes &mask, BlobString &dns)
{
    dns = BlobString::fromText(QString());
    if (a.isAny()) {
        addr = {};
        mask = {};
    } else if (a.isMe()) {
        addr = {};
        mask = {0xFF, 0xFF, 0xFF, 0xFF};
    } else if (a.isDnsName()) {
        addr = {};
        mask = {0xFF, 0xFF, 0xFF, 0xFF};
        dns = BlobString::fromText(a.name());
    } else {
        addr = ipv4Bytes(a.address());
        mask = ipv4Bytes(a.netmask());
    }
}

AddressV2 v2End(const Address &a)
{
    AddressV2 out;
    if (a.isAny() || a.isMe()) {
        out.type = a.isAny() ? 0 : 8;
        out.version = 2;
        return out;
    }
    out.version = 2;
    out.type = a.isHost() ? 1 : 4;
    const Q_IPV6ADDR ip = a.address().toIPv6Address();
    for (int i = 0; i < 16; ++i)
        out.address[i] = ip[i];
    if (a.isSubnet())
        out.secondary[0] = quint8(a.prefixLength());
    return out;
}

PortV2 v2Port(quint16 port)
{
    PortV2 p;
    p.type = port ? 1 : 0;
    p.port = port;
    return p;
}

QByteArray filterBlob(const FilterList &list)
{
    FilterBlob b;
    for (const Filter &f : list.filters) {
        if (isV4(f.source) && isV4(f.destination)) {
            FilterSpecV1 s;
            legacyEnd(f.source, s.sourceAddress, s.sourceMask, s.sourceDnsName);
            legacyEnd(f.destination, s.destinationAddress, s.destinationMask, s.destinationDnsName);
            s.description = BlobString::fromText(f.description);
            s.id = ensure(f.guid);
            s.mirrored = f.mirrored ? 1 : 0;
            s.protocol = f.protocol.number();
            s.sourcePort = f.sourcePort;
            s.destinationPort = f.destinationPort;
            b.v1.append(s);
        } else {
            FilterSpecV2 s;
            s.sourceDnsName = BlobString::fromText(QString());
            s.destinationDnsName = BlobString::fromText(QString());
            s.description = BlobString::fromText(f.description);
            s.id = ensure(f.guid);
            s.mirrored = f.mirrored ? 1 : 0;
            s.source = v2End(f.source);
            s.destination = v2End(f.destination);
            s.sourcePort = v2Port(f.sourcePort);
            s.destinationPort = v2Port(f.destinationPort);
            s.protocol = f.protocol.number();
            b.v2.append(s);
        }
    }
    b.v1Count = quint32(b.v1.size());
    b.hasV2 = !b.v2.isEmpty();
    return GpipsecCodec::encode(b);
}

AlgorithmOffer ahOffer(SecurityMethod::Hash h)
{
    AlgorithmOffer a;
    a.offerType = 1;
    a.algorithm = h == SecurityMethod::Hash::Md5 ? 1 : 2;
    return a;
}

AlgorithmOffer espOffer(const SecurityMethod &m)
{
    AlgorithmOffer a;
    a.offerType = 2;
    a.algorithm = m.espCipher == SecurityMethod::Cipher::None  ? 0
                  : m.espCipher == SecurityMethod::Cipher::Des ? 1
                                                               : 3;
    a.integrity = m.espHash == SecurityMethod::Hash::None  ? 0
                  : m.espHash == SecurityMethod::Hash::Md5 ? 1
                                                           : 2;
    return a;
}

QByteArray negotiationBlob(const FilterAction &a)
{
    NegotiationBlob b;
    if (a.type == FilterAction::Type::Negotiate) {
        for (const SecurityMethod &m : a.securityMethods) {
            SecurityOffer o;
            o.lifetimeSeconds = m.lifetimeSeconds;
            o.lifetimeKBytes = m.lifetimeKBytes;
            o.pfs = m.pfs || a.sessionKeyPfs ? 1 : 0;
            if (m.ah)
                o.algorithms[o.algorithmCount++] = ahOffer(m.ahHash);
            if (m.esp)
                o.algorithms[o.algorithmCount++] = espOffer(m);
            b.offers.append(o);
        }
        if (a.allowUnsecured)
            b.offers.append(SecurityOffer{}); // no algorithms: fall back to clear
    }
    return GpipsecCodec::encode(b);
}

// The filter action of a default response rule: Windows' default response methods.
QByteArray defaultResponseBlob()
{
    NegotiationBlob b;
    const SecurityMethod::Cipher ciphers[] = {
        SecurityMethod::Cipher::TripleDes, SecurityMethod::Cipher::TripleDes,
        SecurityMethod::Cipher::Des, SecurityMethod::Cipher::Des};
    const SecurityMethod::Hash hashes[] = {SecurityMethod::Hash::Sha1, SecurityMethod::Hash::Md5,
                                           SecurityMethod::Hash::Sha1, SecurityMethod::Hash::Md5};
    for (int i = 0; i < 4; ++i) {
        SecurityMethod m;
        m.espCipher = ciphers[i];
        m.espHash = hashes[i];
        SecurityOffer o;
        o.algorithmCount = 1;
        o.algorithms[0] = espOffer(m);
        b.offers.append(o);
    }
    for (SecurityMethod::Hash h : {SecurityMethod::Hash::Sha1, SecurityMethod::Hash::Md5}) {
        SecurityOffer o;
        o.algorithmCount = 1;
        o.algorithms[0] = ahOffer(h);
        b.offers.append(o);
    }
    return GpipsecCodec::encode(b);
}

} // namespace

IsakmpBlob DsModel::defaultIkeSettings(const QUuid &instance)
{
    IsakmpBlob b;
    b.instance = instance;
    const quint32 enc[] = {3, 3, 1, 1};
    const quint32 hash[] = {2, 1, 2, 1};
    const quint32 group[] = {2, 2, 1, 1};
    for (int i = 0; i < 4; ++i) {
        IsakmpMethod m;
        m.encryption = enc[i];
        m.hash = hash[i];
        m.oakleyGroup = group[i];
        m.lifetimeSeconds = 28800;
        b.methods.append(m);
    }
    return b;
}

namespace {

// Builds the objects of policies; filter lists and filter actions are shared between rules and
// policies, so they are kept once (by DN) with every owner.
class Writer {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::DsModel)
public:
    Writer(const PolicyDatabase &db, const QString &baseDn, const DirectoryContents *previous)
        : m_db(db)
        , m_baseDn(baseDn)
        , m_previous(previous)
    {
    }

    // The policy, its ISAKMP policy and its rules go to m_objects; lists and actions to m_shared.
    Result<void> policy(qint64 policyId, const IsakmpBlob *ike);
    int list(const FilterList &list);
    int action(const FilterAction &action);

    QList<DsObject> result() const { return m_objects + m_shared; }

private:
    const PolicyDatabase &m_db;
    const QString m_baseDn;
    const DirectoryContents *m_previous = nullptr;
    QList<DsObject> m_objects;
    QList<DsObject> m_shared;
    QHash<qint64, int> m_listIndex;   // filter list id -> index in m_shared
    QHash<qint64, int> m_actionIndex; // filter action id -> index in m_shared
};

int Writer::list(const FilterList &list)
{
    if (const auto it = m_listIndex.constFind(list.id); it != m_listIndex.cend())
        return *it;
    DsObject f;
    f.objectClass = DsClass::Filter;
    f.id = ensure(list.guid);
    f.dn = DsObject::dnFor(DsClass::Filter, f.id, m_baseDn);
    f.name = list.name;
    f.description = list.description;
    f.data = filterBlob(list);
    m_listIndex.insert(list.id, int(m_shared.size()));
    m_shared.append(f);
    return int(m_shared.size() - 1);
}

int Writer::action(const FilterAction &action)
{
    if (const auto it = m_actionIndex.constFind(action.id); it != m_actionIndex.cend())
        return *it;
    DsObject n;
    n.objectClass = DsClass::NegotiationPolicy;
    n.id = ensure(action.guid);
    n.dn = DsObject::dnFor(DsClass::NegotiationPolicy, n.id, m_baseDn);
    n.name = action.name;
    n.description = action.description;
    n.negotiationPolicyType = NegotiationGuids::StandardType;
    n.negotiationPolicyAction = action.type == FilterAction::Type::Block ? NegotiationGuids::Block
                                : action.type == FilterAction::Type::Permit
                                    ? NegotiationGuids::Permit
                                : action.inboundPassThrough ? NegotiationGuids::InboundPassThrough
                                                            : NegotiationGuids::Secure;
    n.data = negotiationBlob(action);
    m_actionIndex.insert(action.id, int(m_shared.size()));
    m_shared.append(n);
    return int(m_shared.size() - 1);
}

Result<void> Writer::policy(qint64 policyId, const IsakmpBlob *ike)
{
    const Policy *policy = m_db.policy(policyId);
    if (!policy)
        return Error::notFound(tr("There is no policy with id %1 to write.").arg(policyId));
    DsObject p;
    p.objectClass = DsClass::Policy;
    p.id = ensure(policy->guid);
    p.dn = DsObject::dnFor(DsClass::Policy, p.id, m_baseDn);
    p.name = policy->name;
    p.description = policy->description;
    // The directory keeps seconds, the model minutes: seconds the directory had stay as they
    // were while the minutes are unchanged.
    quint32 seconds = quint32(policy->pollingIntervalMinutes) * 60;
    if (m_previous && m_previous->pollingSeconds.contains(p.id)) {
        const quint32 before = m_previous->pollingSeconds.value(p.id);
        if (int(qMin<quint32>((before + 59) / 60, 43200)) == policy->pollingIntervalMinutes)
            seconds = before;
    }
    p.data = GpipsecCodec::encode(PolicyBlob{seconds, 0});

    DsObject isakmp;
    isakmp.objectClass = DsClass::Isakmp;
    IsakmpBlob settings;
    if (m_previous && m_previous->ikeSettings.contains(p.id)) {
        // As read: the object keeps its name and its blob its instance GUID.
        settings = m_previous->ikeSettings.value(p.id);
        isakmp.id = m_previous->isakmpIds.value(p.id, settings.instance);
    } else {
        isakmp.id = ike && !ike->instance.isNull() ? ike->instance : QUuid::createUuid();
        settings = ike ? *ike : DsModel::defaultIkeSettings(isakmp.id);
        settings.instance = isakmp.id;
    }
    // The policy's key exchange settings (issue 14); what did not change keeps its bytes.
    auto keyed = DsModel::isakmpWithKeyExchange(settings, *policy);
    if (!keyed)
        return keyed.error();
    settings = *keyed;
    isakmp.dn = DsObject::dnFor(DsClass::Isakmp, isakmp.id, m_baseDn);
    isakmp.data = GpipsecCodec::encode(settings);
    isakmp.ownersReferences = {p.dn};
    p.isakmpReference = isakmp.dn;

    QList<DsObject> rules;
    for (const Rule *rule : m_db.rulesOf(policyId)) {
        DsObject nfa;
        nfa.objectClass = DsClass::Nfa;
        nfa.id = ensure(rule->guid);
        nfa.dn = DsObject::dnFor(DsClass::Nfa, nfa.id, m_baseDn);
        // Windows gives the default response rule no name and shows it as "<Dynamic>".
        nfa.name = rule->defaultResponse && rule->name == u"<Dynamic>"_s ? QString() : rule->name;
        nfa.description = rule->description;
        nfa.ownersReferences = {p.dn};
        NfaBlob b;
        for (const AuthMethod &m : rule->authMethods) {
            AuthMethodBlob a;
            a.type = m.kind == AuthMethod::Kind::PresharedKey  ? 1
                     : m.kind == AuthMethod::Kind::Certificate ? 3
                                                               : 5;
            a.data = a.type == 5 ? QByteArray(2, '\0') : BlobString::fromText(m.data).bytes;
            b.authMethods.append(a);
        }
        b.interfaceType = rule->connectionType == Rule::ConnectionType::Dialup ? 0xFFFFFFFF
                          : rule->connectionType == Rule::ConnectionType::Lan  ? 0xFFFFFFFE
                                                                               : 0xFFFFFFFD;
        b.interfaceName = BlobString::fromText(QString());
        b.tunnelEndpointName = BlobString::fromText(QString());
        b.isActive = rule->active ? 1 : 0;
        if (!rule->tunnelEndpoint.isEmpty()) {
            const QHostAddress endpoint(rule->tunnelEndpoint);
            if (endpoint.isNull())
                return Error::usage(tr("The rule \"%1\" names its tunnel endpoint \"%2\", but the "
                                       "directory holds tunnel endpoints as IP addresses only.")
                                        .arg(rule->name, rule->tunnelEndpoint));
            b.isTunnel = 1;
            if (endpoint.protocol() == QAbstractSocket::IPv4Protocol) {
                b.tunnelAddress = ipv4Bytes(endpoint);
            } else {
                b.hasIpv6Tunnel = true;
                const Q_IPV6ADDR ip = endpoint.toIPv6Address();
                for (int i = 0; i < 16; ++i)
                    b.ipv6TunnelAddress[i] = ip[i];
            }
        }
        nfa.data = GpipsecCodec::encode(b);

        if (rule->defaultResponse) {
            DsObject negpol;
            negpol.objectClass = DsClass::NegotiationPolicy;
            negpol.id = m_previous ? m_previous->defaultResponseActions.value(nfa.id) : QUuid();
            negpol.id = ensure(negpol.id);
            negpol.dn = DsObject::dnFor(DsClass::NegotiationPolicy, negpol.id, m_baseDn);
            negpol.negotiationPolicyType = NegotiationGuids::DefaultResponseType;
            negpol.negotiationPolicyAction = NegotiationGuids::Secure;
            negpol.data = defaultResponseBlob();
            negpol.ownersReferences = {nfa.dn};
            nfa.negotiationPolicyReference = negpol.dn;
            m_shared.append(negpol);
        } else {
            const FilterList *l = m_db.filterList(rule->filterListId);
            const FilterAction *a = m_db.filterAction(rule->filterActionId);
            if (!l || !a)
                return Error::notFound(tr("The rule \"%1\" names a filter list or filter action "
                                          "that does not exist.")
                                           .arg(rule->name));
            DsObject &f = m_shared[list(*l)];
            f.ownersReferences.append(nfa.dn);
            nfa.filterReferences = {f.dn};
            DsObject &n = m_shared[action(*a)];
            n.ownersReferences.append(nfa.dn);
            nfa.negotiationPolicyReference = n.dn;
        }
        p.nfaReferences.append(nfa.dn);
        rules.append(nfa);
    }
    m_objects.append(p);
    m_objects.append(isakmp);
    m_objects.append(rules);
    return {};
}

} // namespace

Result<QList<DsObject>> DsModel::write(const PolicyDatabase &db, qint64 policyId,
                                       const QString &baseDn, const IsakmpBlob *ike)
{
    Writer w(db, baseDn, nullptr);
    if (auto ok = w.policy(policyId, ike); !ok)
        return ok.error();
    return w.result();
}

Result<QList<DsObject>> DsModel::writeAll(const PolicyDatabase &db, const QString &baseDn,
                                          const DirectoryContents *previous)
{
    Writer w(db, baseDn, previous);
    for (const Policy &p : db.policies) {
        if (auto ok = w.policy(p.id, nullptr); !ok)
            return ok.error();
    }
    for (const FilterList &l : db.filterLists)
        w.list(l);
    for (const FilterAction &a : db.filterActions)
        w.action(a);
    return w.result();
}

} // namespace ipsec::ds
