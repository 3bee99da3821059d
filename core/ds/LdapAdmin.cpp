// LdapConnection: what an administrator changes besides adding and deleting objects: an
// object's attributes replaced, and the assignment of a policy to a GPO ([MS-GPIPSEC] 2.2.2:
// the GPO's CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine object refers to the policy, and the
// GPO lists the IP Security client-side extension).

#include "ds/GpoResolver.h"
#include "ds/LdapConnection.h"

#include <vector>

#include <ldap.h>
#include <sys/time.h>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

// [MS-GPOL] 1.8: the IP Security client-side extension and the IP Security snap-in (tool).
constexpr auto IpsecCse = "{E437BC1C-AA7D-11D2-A382-00C04F991E27}"_L1;
constexpr auto IpsecTool = "{DEA8AFA0-CC85-11D0-9CE2-0080C7221EBD}"_L1;
constexpr auto AssignmentRdn = "CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,"_L1;

QByteArray escapeFilter(const QString &value)
{
    QByteArray escaped;
    for (char c : value.toUtf8()) {
        if (c == '*' || c == '(' || c == ')' || c == '\\' || c == '\0') {
            escaped += '\\';
            escaped += QByteArray::number(quint8(c), 16).rightJustified(2, '0');
        } else {
            escaped += c;
        }
    }
    return escaped;
}

QString guidText(const QUuid &id)
{
    return id.toString(QUuid::WithBraces).toUpper();
}

// "[{CSE}{tool}…][{CSE}{tool}…]" into its groups, each a list of "{GUID}"s.
QList<QStringList> extensionGroups(const QString &value)
{
    QList<QStringList> groups;
    QStringList current;
    QString guid;
    bool inGroup = false;
    for (const QChar c : value) {
        if (c == u'[') {
            inGroup = true;
            current.clear();
        } else if (c == u']') {
            if (inGroup && !current.isEmpty())
                groups.append(current);
            inGroup = false;
        } else if (c == u'{') {
            guid = c;
        } else if (c == u'}') {
            current.append(guid + c);
            guid.clear();
        } else if (!guid.isEmpty()) {
            guid += c;
        }
    }
    return groups;
}

} // namespace

Result<void> LdapConnection::modifyEntry(const QString &dn,
                                         const QList<std::pair<QByteArray, QByteArray>> &set,
                                         bool add)
{
    // Storage first, pointers after: nothing below reallocates.
    std::vector<QByteArray> names;
    std::vector<QByteArray> data;
    names.reserve(size_t(set.size()));
    data.reserve(size_t(set.size()));
    for (const auto &[name, value] : set) {
        names.push_back(name);
        data.push_back(value);
    }
    std::vector<berval> bers(set.size());
    std::vector<std::vector<berval *>> pointers(set.size());
    std::vector<LDAPMod> mods(set.size());
    std::vector<LDAPMod *> modPointers;
    for (size_t i = 0; i < size_t(set.size()); ++i) {
        if (add && data[i].isEmpty())
            continue;
        if (!data[i].isEmpty() || !add) {
            if (!data[i].isEmpty()) {
                bers[i].bv_len = ber_len_t(data[i].size());
                bers[i].bv_val = data[i].data();
                pointers[i].push_back(&bers[i]);
            }
            pointers[i].push_back(nullptr);
        }
        mods[i].mod_op = (add ? LDAP_MOD_ADD : LDAP_MOD_REPLACE) | LDAP_MOD_BVALUES;
        mods[i].mod_type = names[i].data();
        mods[i].mod_vals.modv_bvals = pointers[i].data();
        modPointers.push_back(&mods[i]);
    }
    modPointers.push_back(nullptr);
    const QByteArray target = dn.toUtf8();
    const int rc =
        add ? ldap_add_ext_s(m_ld, target.constData(), modPointers.data(), nullptr, nullptr)
            : ldap_modify_ext_s(m_ld, target.constData(), modPointers.data(), nullptr, nullptr);
    if (rc != LDAP_SUCCESS)
        return failure(rc, add ? tr("did not add %1").arg(dn) : tr("did not change %1").arg(dn));
    return {};
}

Result<void> LdapConnection::replace(const DsObject &o)
{
    // Multi-valued references: one replace each, with all their values.
    QList<std::pair<QByteArray, QByteArray>> single = {
        {"ipsecName", o.name.toUtf8()},
        {"description", o.description.toUtf8()},
        {"ipsecDataType", o.dataType.toUtf8()},
        {"ipsecData", o.data},
    };
    if (o.objectClass == DsClass::NegotiationPolicy) {
        single.append({"iPSECNegotiationPolicyType", guidText(o.negotiationPolicyType).toUtf8()});
        single.append(
            {"iPSECNegotiationPolicyAction", guidText(o.negotiationPolicyAction).toUtf8()});
    }
    if (o.objectClass == DsClass::Policy)
        single.append({"ipsecISAKMPReference", o.isakmpReference.toUtf8()});
    if (o.objectClass == DsClass::Nfa)
        single.append({"ipsecNegotiationPolicyReference", o.negotiationPolicyReference.toUtf8()});
    if (auto ok = modifyEntry(o.dn, single, false); !ok)
        return ok;
    const auto multi = [&](const char *name, const QStringList &values) -> Result<void> {
        std::vector<QByteArray> data;
        for (const QString &v : values)
            data.push_back(v.toUtf8());
        std::vector<berval> bers(data.size());
        std::vector<berval *> pointers;
        for (size_t i = 0; i < data.size(); ++i) {
            bers[i].bv_len = ber_len_t(data[i].size());
            bers[i].bv_val = data[i].data();
            pointers.push_back(&bers[i]);
        }
        pointers.push_back(nullptr);
        LDAPMod mod = {};
        mod.mod_op = LDAP_MOD_REPLACE | LDAP_MOD_BVALUES;
        mod.mod_type = const_cast<char *>(name);
        mod.mod_vals.modv_bvals = pointers.data();
        LDAPMod *mods[] = {&mod, nullptr};
        const QByteArray target = o.dn.toUtf8();
        const int rc = ldap_modify_ext_s(m_ld, target.constData(), mods, nullptr, nullptr);
        if (rc != LDAP_SUCCESS)
            return failure(rc, tr("did not take the references of %1").arg(o.dn));
        return {};
    };
    if (o.objectClass == DsClass::Policy) {
        if (auto ok = multi("ipsecNFAReference", o.nfaReferences); !ok)
            return ok;
    }
    if (o.objectClass == DsClass::Nfa) {
        if (auto ok = multi("ipsecFilterReference", o.filterReferences); !ok)
            return ok;
    }
    if (o.objectClass != DsClass::Policy)
        return multi("ipsecOwnersReference", o.ownersReferences);
    return {};
}

Result<LdapDirectory::Gpo> LdapConnection::findGpo(const QString &nameGuidOrDn)
{
    const QString policies = u"CN=Policies,CN=System,"_s + m_baseDn;
    QByteArray filter;
    QString base = policies;
    int scope = LDAP_SCOPE_ONELEVEL;
    const QString wanted = nameGuidOrDn.trimmed();
    if (wanted.contains(u'=')) {
        base = wanted;
        scope = LDAP_SCOPE_BASE;
        filter = "(objectClass=groupPolicyContainer)";
    } else if (QUuid(wanted).isNull()) {
        filter = "(&(objectClass=groupPolicyContainer)(displayName=" + escapeFilter(wanted) + "))";
    } else {
        filter = "(&(objectClass=groupPolicyContainer)(cn=" + escapeFilter(guidText(QUuid(wanted)))
                 + "))";
    }
    const char *attrs[] = {"displayName", nullptr};
    const QByteArray baseBytes = base.toUtf8();
    LDAPMessage *res = nullptr;
    timeval timeout = {m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000};
    const int rc =
        ldap_search_ext_s(m_ld, baseBytes.constData(), scope, filter.constData(),
                          const_cast<char **>(attrs), 0, nullptr, nullptr, &timeout, 2, &res);
    if (rc != LDAP_SUCCESS && rc != LDAP_SIZELIMIT_EXCEEDED && rc != LDAP_NO_SUCH_OBJECT) {
        ldap_msgfree(res);
        return failure(rc, tr("did not answer the search for the GPO %1").arg(wanted));
    }
    QList<Gpo> found;
    for (LDAPMessage *e = res ? ldap_first_entry(m_ld, res) : nullptr; e;
         e = ldap_next_entry(m_ld, e)) {
        Gpo g;
        char *dn = ldap_get_dn(m_ld, e);
        g.dn = QString::fromUtf8(dn);
        ldap_memfree(dn);
        if (berval **vals = ldap_get_values_len(m_ld, e, "displayName")) {
            if (vals[0])
                g.displayName = QString::fromUtf8(vals[0]->bv_val, qsizetype(vals[0]->bv_len));
            ldap_value_free_len(vals);
        }
        found.append(g);
    }
    ldap_msgfree(res);
    if (found.size() != 1)
        return Error::notFound(found.isEmpty()
                                   ? tr("The directory %1 has no Group Policy object \"%2\" "
                                        "(give its display name, its {GUID} or its DN).")
                                         .arg(m_url, wanted)
                                   : tr("The directory %1 has more than one Group Policy object "
                                        "named \"%2\"; give its {GUID}.")
                                         .arg(m_url, wanted));
    return found.first();
}

Result<QString> LdapConnection::gpoAssignment(const QString &gpoDn)
{
    auto entry = readEntry(AssignmentRdn + gpoDn, {"ipsecOwnersReference"});
    if (!entry)
        return entry.error();
    return QString::fromUtf8(entry->value(u"ipsecownersreference"_s).value(0));
}

Result<void> LdapConnection::ensureContainer(const QString &dn)
{
    auto entry = readEntry(dn, {"objectClass"});
    if (!entry)
        return entry.error();
    if (!entry->isEmpty())
        return {};
    return modifyEntry(dn, {{"objectClass", "container"}}, true);
}

Result<void> LdapConnection::setIpsecExtension(const QString &gpoDn, bool present)
{
    auto gpo = readEntry(gpoDn, {"gPCMachineExtensionNames", "versionNumber"});
    if (!gpo)
        return gpo.error();
    QList<QStringList> groups =
        extensionGroups(QString::fromUtf8(gpo->value(u"gpcmachineextensionnames"_s).value(0)));
    groups.removeIf([](const QStringList &g) {
        return g.first().compare(QString(IpsecCse), Qt::CaseInsensitive) == 0;
    });
    if (present)
        groups.append(QStringList{QString(IpsecCse), QString(IpsecTool)});
    // [MS-GPOL] 2.2.4: sorted by CSE GUID.
    std::sort(groups.begin(), groups.end(), [](const QStringList &a, const QStringList &b) {
        return a.first().compare(b.first(), Qt::CaseInsensitive) < 0;
    });
    QString names;
    for (const QStringList &g : std::as_const(groups))
        names += u'[' + g.join(QString()) + u']';
    // The computer half of the version (low 16 bits) rises, so members see a change.
    const quint32 version = gpo->value(u"versionnumber"_s).value(0).toUInt();
    const quint32 next = (version & 0xFFFF0000u) | ((version + 1) & 0xFFFFu);
    return modifyEntry(
        gpoDn,
        {{"gPCMachineExtensionNames", names.toUtf8()}, {"versionNumber", QByteArray::number(next)}},
        false);
}

Result<void> LdapConnection::assignInGpo(const QString &gpoDn, const DsObject &policy)
{
    for (const QString &rdn : {u"CN=Machine,"_s, u"CN=Microsoft,CN=Machine,"_s,
                               u"CN=Windows,CN=Microsoft,CN=Machine,"_s}) {
        if (auto ok = ensureContainer(rdn + gpoDn); !ok)
            return ok;
    }
    const QString dn = AssignmentRdn + gpoDn;
    auto existing = readEntry(dn, {"objectClass"});
    if (!existing)
        return existing.error();
    const QList<std::pair<QByteArray, QByteArray>> attributes = {
        {"ipsecName", policy.name.toUtf8()},
        {"description", policy.description.toUtf8()},
        {"ipsecOwnersReference", policy.dn.toUtf8()},
    };
    if (existing->isEmpty()) {
        auto withClass = attributes;
        withClass.prepend({"objectClass", "ipsecPolicy"});
        if (auto ok = modifyEntry(dn, withClass, true); !ok)
            return ok;
    } else if (auto ok = modifyEntry(dn, attributes, false); !ok) {
        return ok;
    }
    return setIpsecExtension(gpoDn, true);
}

Result<void> LdapConnection::unassignInGpo(const QString &gpoDn)
{
    const QString dn = AssignmentRdn + gpoDn;
    auto existing = readEntry(dn, {"objectClass"});
    if (!existing)
        return existing.error();
    if (existing->isEmpty())
        return {};
    if (auto ok = remove(dn); !ok)
        return ok;
    return setIpsecExtension(gpoDn, false);
}

Result<QStringList> LdapConnection::gposAssigning(const QString &policyDn)
{
    const QByteArray base = (u"CN=Policies,CN=System,"_s + m_baseDn).toUtf8();
    const QByteArray filter =
        "(&(objectClass=ipsecPolicy)(ipsecOwnersReference=" + escapeFilter(policyDn) + "))";
    const char *attrs[] = {"cn", nullptr};
    LDAPMessage *res = nullptr;
    timeval timeout = {m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000};
    const int rc =
        ldap_search_ext_s(m_ld, base.constData(), LDAP_SCOPE_SUBTREE, filter.constData(),
                          const_cast<char **>(attrs), 0, nullptr, nullptr, &timeout, 0, &res);
    if (rc != LDAP_SUCCESS && rc != LDAP_NO_SUCH_OBJECT) {
        ldap_msgfree(res);
        return failure(rc, tr("did not answer the search for GPOs assigning %1").arg(policyDn));
    }
    QStringList gpos;
    for (LDAPMessage *e = res ? ldap_first_entry(m_ld, res) : nullptr; e;
         e = ldap_next_entry(m_ld, e)) {
        char *dn = ldap_get_dn(m_ld, e);
        const QString found = QString::fromUtf8(dn);
        ldap_memfree(dn);
        if (found.startsWith(AssignmentRdn, Qt::CaseInsensitive))
            gpos.append(found.mid(AssignmentRdn.size()));
    }
    ldap_msgfree(res);
    return gpos;
}

} // namespace ipsec::ds
