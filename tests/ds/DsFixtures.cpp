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

#include "ds/SambaDc.h"

namespace {
const QString GpoDn =
    u"CN={8D2E6A3C-1500-4000-8000-000000000015},CN=Policies,CN=System,DC=corp,DC=test"_s;
}

bool addIpsecGpo(SambaDc &dc, const QString &policyDn)
{
    const QString ldif =
        u"dn: OU=Corp,DC=corp,DC=test\nobjectClass: organizationalUnit\n\n"
        u"dn: OU=Workstations,OU=Corp,DC=corp,DC=test\nobjectClass: organizationalUnit\n\n"
        u"dn: CN=WS17,OU=Workstations,OU=Corp,DC=corp,DC=test\nobjectClass: computer\n"
        u"sAMAccountName: WS17$\n\n"
        u"dn: %1\nobjectClass: groupPolicyContainer\ndisplayName: IPsec for workstations\n"
        u"flags: 0\nversionNumber: 1\ngPCFunctionalityVersion: 2\n\n"
        u"dn: CN=Machine,%1\nobjectClass: container\n\n"
        u"dn: CN=Microsoft,CN=Machine,%1\nobjectClass: container\n\n"
        u"dn: CN=Windows,CN=Microsoft,CN=Machine,%1\nobjectClass: container\n\n"
        u"dn: CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,%1\nobjectClass: ipsecPolicy\n"
        u"ipsecOwnersReference: %2\n\n"_s.arg(GpoDn, policyDn);
    int rc = -1;
    dc.ldapTool(u"ldapadd"_s, {}, &rc, ldif.toUtf8());
    return rc == 0;
}

bool linkIpsecGpo(SambaDc &dc, int linkOptions)
{
    const QString change = u"dn: OU=Workstations,OU=Corp,DC=corp,DC=test\nchangetype: modify\n"
                           u"replace: gPLink\ngPLink: [LDAP://%1;%2]\n\n"_s.arg(GpoDn)
                               .arg(linkOptions);
    int rc = -1;
    dc.ldapTool(u"ldapmodify"_s, {}, &rc, change.toUtf8());
    return rc == 0;
}
