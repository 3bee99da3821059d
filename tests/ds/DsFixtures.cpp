#include "DsFixtures.h"

using namespace Qt::StringLiterals;
using namespace ipsec::ds;

DsObject dsObjectFromLdif(const LdifEntry &e)
{
    DsObject o;
    for (const QByteArray &c : e.values(u"objectClass")) {
        if (auto k = DsObject::classFromName(QString::fromUtf8(c)))
            o.objectClass = *k;
    }
    o.dn = e.dn;
    o.id = QUuid(e.text(u"ipsecID"));
    o.name = e.text(u"ipsecName");
    o.description = e.text(u"description");
    o.dataType = e.text(u"ipsecDataType");
    o.data = e.value(u"ipsecData");
    o.isakmpReference = e.text(u"ipsecISAKMPReference");
    for (const QByteArray &v : e.values(u"ipsecNFAReference"))
        o.nfaReferences.append(QString::fromUtf8(v));
    for (const QByteArray &v : e.values(u"ipsecFilterReference"))
        o.filterReferences.append(QString::fromUtf8(v));
    o.negotiationPolicyReference = e.text(u"ipsecNegotiationPolicyReference");
    for (const QByteArray &v : e.values(u"ipsecOwnersReference"))
        o.ownersReferences.append(QString::fromUtf8(v));
    o.negotiationPolicyType = QUuid(e.text(u"iPSECNegotiationPolicyType"));
    o.negotiationPolicyAction = QUuid(e.text(u"iPSECNegotiationPolicyAction"));
    return o;
}

QList<LdifEntry> provisionedEntries(QString *error)
{
    return readLdifFile(qEnvironmentVariable("IPSEC_SOURCE_DIR")
                            + u"/tests/data/ds/provisioned-ipsec.ldif"_s,
                        error);
}

QList<DsObject> provisionedObjects(QString *error)
{
    QList<DsObject> out;
    for (const LdifEntry &e : provisionedEntries(error))
        out.append(dsObjectFromLdif(e));
    return out;
}
