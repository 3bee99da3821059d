#include "ds/LdapConnection.h"

#include <QHash>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <vector>

#include <ldap.h>
#include <sys/time.h>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

timeval toTimeval(int ms)
{
    return {ms / 1000, (ms % 1000) * 1000};
}

// The attributes [MS-GPIPSEC] 2.3 lists, as libldap wants them.
const char *const IpsecAttributes[] = {"objectClass",
                                       "ipsecName",
                                       "description",
                                       "ipsecID",
                                       "ipsecDataType",
                                       "ipsecData",
                                       "ipsecISAKMPReference",
                                       "ipsecNFAReference",
                                       "ipsecFilterReference",
                                       "ipsecNegotiationPolicyReference",
                                       "ipsecOwnersReference",
                                       "iPSECNegotiationPolicyType",
                                       "iPSECNegotiationPolicyAction",
                                       nullptr};

// What this process asked the directory (LdapConnection::load()): for the scale bench's figure
// of the directory's load per poll.
std::atomic<quint64> g_searches{0};
std::atomic<quint64> g_entries{0};
std::atomic<quint64> g_valueBytes{0};

int search(LDAP *ld, const char *base, int scope, const char *filter, char **attrs,
           LDAPControl **serverControls, timeval *timeout, int sizeLimit, LDAPMessage **res)
{
    g_searches.fetch_add(1, std::memory_order_relaxed);
    const int rc = ldap_search_ext_s(ld, base, scope, filter, attrs, 0, serverControls, nullptr,
                                     timeout, sizeLimit, res);
    if (res && *res)
        g_entries.fetch_add(quint64(std::max(0, ldap_count_entries(ld, *res))),
                            std::memory_order_relaxed);
    return rc;
}

QList<QByteArray> values(LDAP *ld, LDAPMessage *entry, const char *attribute)
{
    QList<QByteArray> out;
    berval **vals = ldap_get_values_len(ld, entry, attribute);
    if (!vals)
        return out;
    for (int i = 0; vals[i]; ++i) {
        out.append(QByteArray(vals[i]->bv_val, qsizetype(vals[i]->bv_len)));
        g_valueBytes.fetch_add(vals[i]->bv_len, std::memory_order_relaxed);
    }
    ldap_value_free_len(vals);
    return out;
}

QString text(LDAP *ld, LDAPMessage *entry, const char *attribute)
{
    const QList<QByteArray> v = values(ld, entry, attribute);
    return v.isEmpty() ? QString() : QString::fromUtf8(v.first());
}

QStringList texts(LDAP *ld, LDAPMessage *entry, const char *attribute)
{
    QStringList out;
    for (const QByteArray &v : values(ld, entry, attribute))
        out.append(QString::fromUtf8(v));
    return out;
}

// Owns the berval arrays of one LDAPMod list.
class ModList {
public:
    explicit ModList(int op = LDAP_MOD_ADD)
        : m_op(op)
    {
    }
    void add(const char *name, const QList<QByteArray> &vals)
    {
        if (vals.isEmpty())
            return;
        auto &storage = m_values.emplace_back(vals);
        auto &bers = m_bervals.emplace_back(size_t(storage.size()));
        auto &ptrs = m_pointers.emplace_back();
        for (qsizetype i = 0; i < storage.size(); ++i) {
            bers[size_t(i)].bv_len = ber_len_t(storage[i].size());
            bers[size_t(i)].bv_val = storage[i].data();
            ptrs.push_back(&bers[size_t(i)]);
        }
        ptrs.push_back(nullptr);
        LDAPMod mod = {};
        mod.mod_op = m_op | LDAP_MOD_BVALUES;
        mod.mod_type = const_cast<char *>(name);
        mod.mod_vals.modv_bvals = ptrs.data();
        m_mods.push_back(mod);
    }
    void add(const char *name, const QString &value)
    {
        if (!value.isEmpty())
            add(name, QList<QByteArray>{value.toUtf8()});
    }
    void add(const char *name, const QStringList &vals)
    {
        QList<QByteArray> bytes;
        for (const QString &v : vals)
            bytes.append(v.toUtf8());
        add(name, bytes);
    }
    LDAPMod **mods()
    {
        m_modPointers.clear();
        for (LDAPMod &m : m_mods)
            m_modPointers.push_back(&m);
        m_modPointers.push_back(nullptr);
        return m_modPointers.data();
    }

    bool isEmpty() const { return m_mods.empty(); }

private:
    int m_op = LDAP_MOD_ADD;
    // std::list-like stability: deques keep element addresses when growing at the back.
    std::deque<QList<QByteArray>> m_values;
    std::deque<std::vector<berval>> m_bervals;
    std::deque<std::vector<berval *>> m_pointers;
    std::deque<LDAPMod> m_mods;
    std::vector<LDAPMod *> m_modPointers;
};

} // namespace

LdapConnection::LdapConnection(LDAP *ld, QString url, int timeoutMs)
    : LdapDirectory(std::move(url))
    , m_ld(ld)
    , m_timeoutMs(timeoutMs)
{
}

LdapConnection::~LdapConnection()
{
    if (m_ld)
        ldap_unbind_ext_s(m_ld, nullptr, nullptr);
}

Error LdapConnection::failure(int rc, const QString &what) const
{
    QString detail = QString::fromUtf8(ldap_err2string(rc));
    char *diagnostic = nullptr;
    if (m_ld && ldap_get_option(m_ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diagnostic) == LDAP_OPT_SUCCESS
        && diagnostic) {
        if (*diagnostic)
            detail += u" ("_s + QString::fromUtf8(diagnostic).trimmed() + u")"_s;
        ldap_memfree(diagnostic);
    }
    const QString message = tr("The directory %1 %2: %3.").arg(m_url, what, detail);
    if (rc == LDAP_INVALID_CREDENTIALS || rc == LDAP_INSUFFICIENT_ACCESS
        || rc == LDAP_STRONG_AUTH_REQUIRED || rc == LDAP_INAPPROPRIATE_AUTH)
        return Error::permission(message);
    return Error::store(message);
}

Result<std::unique_ptr<LdapDirectory>> LdapConnection::connect(const DirectoryOptions &options)
{
    LDAP *ld = nullptr;
    const QByteArray url = options.url.toUtf8();
    int rc = ldap_initialize(&ld, url.constData());
    if (rc != LDAP_SUCCESS || !ld)
        return Error::usage(tr("The directory address \"%1\" is refused by the LDAP library: %2.")
                                .arg(options.url, QString::fromUtf8(ldap_err2string(rc))));
    std::unique_ptr<LdapConnection> dir(new LdapConnection(ld, options.url, options.timeoutMs));
    const int version = LDAP_VERSION3;
    ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF); // never bind elsewhere
    const timeval timeout = toTimeval(options.timeoutMs);
    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &timeout);

    QByteArray password;
    if (!options.bindDn.isEmpty()) {
        auto secret = DirectoryOptions::readPasswordFile(options.bindPasswordFile);
        if (!secret)
            return secret.error();
        password = *secret;
    }
    berval cred = {ber_len_t(password.size()), password.data()};
    const QByteArray dn = options.bindDn.toUtf8();
    rc = ldap_sasl_bind_s(ld, dn.isEmpty() ? nullptr : dn.constData(), LDAP_SASL_SIMPLE, &cred,
                          nullptr, nullptr, nullptr);
    password.fill('\0');
    if (rc == LDAP_SERVER_DOWN || rc == LDAP_CONNECT_ERROR || rc == LDAP_TIMEOUT)
        return dir->failure(rc, tr("cannot be reached"));
    if (rc != LDAP_SUCCESS)
        return dir->failure(rc, options.bindDn.isEmpty()
                                    ? tr("refused an anonymous bind")
                                    : tr("refused the bind as %1").arg(options.bindDn));
    if (!options.baseDn.isEmpty()) {
        dir->m_baseDn = options.baseDn;
    } else {
        auto base = dir->defaultNamingContext();
        if (!base)
            return base.error();
        dir->m_baseDn = *base;
    }
    return std::unique_ptr<LdapDirectory>(std::move(dir));
}

LdapDirectory::Load LdapConnection::load()
{
    return {g_searches.load(), g_entries.load(), g_valueBytes.load()};
}

Result<QString> LdapConnection::defaultNamingContext()
{
    const char *attrs[] = {"defaultNamingContext", nullptr};
    LDAPMessage *res = nullptr;
    timeval timeout = toTimeval(m_timeoutMs);
    const int rc = search(m_ld, "", LDAP_SCOPE_BASE, "(objectClass=*)", const_cast<char **>(attrs),
                          nullptr, &timeout, 1, &res);
    if (rc != LDAP_SUCCESS) {
        ldap_msgfree(res);
        return failure(rc, tr("did not say its naming context"));
    }
    LDAPMessage *entry = ldap_first_entry(m_ld, res);
    const QString base = entry ? text(m_ld, entry, "defaultNamingContext") : QString();
    ldap_msgfree(res);
    if (base.isEmpty())
        return Error::store(tr("The directory %1 has no defaultNamingContext: is it an Active "
                               "Directory domain controller?")
                                .arg(m_url));
    return base;
}

Result<QList<DsObject>> LdapConnection::readIpsecObjects()
{
    const QByteArray base = DsObject::containerDn(m_baseDn).toUtf8();
    const char *filter = "(|(objectClass=ipsecPolicy)(objectClass=ipsecISAKMPPolicy)"
                         "(objectClass=ipsecNFA)(objectClass=ipsecFilter)"
                         "(objectClass=ipsecNegotiationPolicy))";
    QList<DsObject> out;
    berval *cookie = nullptr;
    // Simple paged results (RFC 2696): Active Directory answers at most 1,000 entries a page.
    for (;;) {
        LDAPControl *page = nullptr;
        int rc = ldap_create_page_control(m_ld, 500, cookie, 0, &page);
        ber_bvfree(cookie);
        cookie = nullptr;
        if (rc != LDAP_SUCCESS)
            return failure(rc, tr("cannot page its answer"));
        LDAPControl *controls[] = {page, nullptr};
        LDAPMessage *res = nullptr;
        timeval timeout = toTimeval(m_timeoutMs);
        rc = search(m_ld, base.constData(), LDAP_SCOPE_ONELEVEL, filter,
                    const_cast<char **>(IpsecAttributes), controls, &timeout, 0, &res);
        ldap_control_free(page);
        if (rc != LDAP_SUCCESS) {
            ldap_msgfree(res);
            if (rc == LDAP_NO_SUCH_OBJECT)
                return Error::notFound(tr("The directory %1 has no IPsec container %2.")
                                           .arg(m_url, QString::fromUtf8(base)));
            return failure(rc, tr("did not answer the search for IPsec objects"));
        }
        for (LDAPMessage *e = ldap_first_entry(m_ld, res); e; e = ldap_next_entry(m_ld, e)) {
            DsObject o;
            char *dn = ldap_get_dn(m_ld, e);
            o.dn = QString::fromUtf8(dn);
            ldap_memfree(dn);
            bool known = false;
            for (const QString &c : texts(m_ld, e, "objectClass")) {
                if (auto k = DsObject::classFromName(c)) {
                    o.objectClass = *k;
                    known = true;
                }
            }
            if (!known)
                continue;
            o.id = QUuid(text(m_ld, e, "ipsecID"));
            o.name = text(m_ld, e, "ipsecName");
            o.description = text(m_ld, e, "description");
            o.dataType = text(m_ld, e, "ipsecDataType");
            const QList<QByteArray> data = values(m_ld, e, "ipsecData");
            o.data = data.isEmpty() ? QByteArray() : data.first();
            o.isakmpReference = text(m_ld, e, "ipsecISAKMPReference");
            o.nfaReferences = texts(m_ld, e, "ipsecNFAReference");
            o.filterReferences = texts(m_ld, e, "ipsecFilterReference");
            o.negotiationPolicyReference = text(m_ld, e, "ipsecNegotiationPolicyReference");
            o.ownersReferences = texts(m_ld, e, "ipsecOwnersReference");
            o.negotiationPolicyType = QUuid(text(m_ld, e, "iPSECNegotiationPolicyType"));
            o.negotiationPolicyAction = QUuid(text(m_ld, e, "iPSECNegotiationPolicyAction"));
            out.append(o);
        }
        LDAPControl **returned = nullptr;
        int err = LDAP_SUCCESS;
        rc = ldap_parse_result(m_ld, res, &err, nullptr, nullptr, nullptr, &returned, 0);
        ldap_msgfree(res);
        if (rc == LDAP_SUCCESS && returned) {
            if (LDAPControl *c = ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, returned, nullptr)) {
                ber_int_t estimate = 0;
                berval next = {0, nullptr};
                if (ldap_parse_pageresponse_control(m_ld, c, &estimate, &next) == LDAP_SUCCESS
                    && next.bv_len > 0)
                    cookie = ber_bvdup(&next);
                ber_memfree(next.bv_val);
            }
            ldap_controls_free(returned);
        }
        if (!cookie)
            break;
    }
    std::sort(out.begin(), out.end(),
              [](const DsObject &a, const DsObject &b) { return a.dn < b.dn; });
    return out;
}

Result<void> LdapConnection::add(const DsObject &o)
{
    ModList mods;
    const QString cls = DsObject::className(o.objectClass);
    mods.add("objectClass", QStringList{u"top"_s, u"ipsecBase"_s, cls});
    mods.add("ipsecName", o.name);
    mods.add("description", o.description);
    mods.add("ipsecID", o.id.toString(QUuid::WithBraces).toUpper());
    mods.add("ipsecDataType", o.dataType);
    mods.add("ipsecData", QList<QByteArray>{o.data});
    if (o.objectClass == DsClass::NegotiationPolicy) {
        mods.add("iPSECNegotiationPolicyType",
                 o.negotiationPolicyType.toString(QUuid::WithBraces).toUpper());
        mods.add("iPSECNegotiationPolicyAction",
                 o.negotiationPolicyAction.toString(QUuid::WithBraces).toUpper());
    }
    const QByteArray dn = o.dn.toUtf8();
    const int rc = ldap_add_ext_s(m_ld, dn.constData(), mods.mods(), nullptr, nullptr);
    if (rc != LDAP_SUCCESS)
        return failure(rc, tr("did not add %1").arg(o.dn));
    return {};
}

Result<void> LdapConnection::setReferences(const DsObject &o)
{
    ModList mods(LDAP_MOD_REPLACE);
    mods.add("ipsecISAKMPReference", o.isakmpReference);
    mods.add("ipsecNFAReference", o.nfaReferences);
    mods.add("ipsecFilterReference", o.filterReferences);
    mods.add("ipsecNegotiationPolicyReference", o.negotiationPolicyReference);
    mods.add("ipsecOwnersReference", o.ownersReferences);
    if (mods.isEmpty())
        return {};
    const QByteArray dn = o.dn.toUtf8();
    const int rc = ldap_modify_ext_s(m_ld, dn.constData(), mods.mods(), nullptr, nullptr);
    if (rc != LDAP_SUCCESS)
        return failure(rc, tr("did not take the references of %1").arg(o.dn));
    return {};
}

Result<void> LdapConnection::addAll(const QList<DsObject> &objects)
{
    QStringList added;
    const auto undo = [&](const Error &e) -> Result<void> {
        for (auto it = added.crbegin(); it != added.crend(); ++it)
            (void)remove(*it);
        return e;
    };
    for (const DsObject &o : objects) {
        auto r = add(o);
        if (!r)
            return undo(r.error());
        added.append(o.dn);
    }
    for (const DsObject &o : objects) {
        auto r = setReferences(o);
        if (!r)
            return undo(r.error());
    }
    return {};
}

Result<void> LdapConnection::remove(const QString &dn)
{
    const QByteArray bytes = dn.toUtf8();
    const int rc = ldap_delete_ext_s(m_ld, bytes.constData(), nullptr, nullptr);
    if (rc != LDAP_SUCCESS)
        return failure(rc, tr("did not delete %1").arg(dn));
    return {};
}

} // namespace ipsec::ds

namespace ipsec::ds {

Result<QHash<QString, QList<QByteArray>>>
LdapConnection::readEntry(const QString &dn, const QList<QByteArray> &attributes)
{
    std::vector<const char *> attrs;
    for (const QByteArray &a : attributes)
        attrs.push_back(a.constData());
    attrs.push_back(nullptr);
    const QByteArray base = dn.toUtf8();
    LDAPMessage *res = nullptr;
    timeval timeout = toTimeval(m_timeoutMs);
    const int rc = search(m_ld, base.constData(), LDAP_SCOPE_BASE, "(objectClass=*)",
                          const_cast<char **>(attrs.data()), nullptr, &timeout, 1, &res);
    QHash<QString, QList<QByteArray>> out;
    if (rc == LDAP_NO_SUCH_OBJECT) {
        ldap_msgfree(res);
        return out;
    }
    if (rc != LDAP_SUCCESS) {
        ldap_msgfree(res);
        return failure(rc, tr("did not answer the search for %1").arg(dn));
    }
    if (LDAPMessage *e = ldap_first_entry(m_ld, res)) {
        for (const QByteArray &a : attributes)
            out.insert(QString::fromUtf8(a).toLower(), values(m_ld, e, a.constData()));
    }
    ldap_msgfree(res);
    return out;
}

Result<QString> LdapConnection::findComputer(const QString &name)
{
    // RFC 4515 escaping of the account name inside the filter.
    QByteArray escaped;
    for (char c : name.toUtf8()) {
        if (c == '*' || c == '(' || c == ')' || c == '\\' || c == '\0') {
            escaped += '\\';
            escaped += QByteArray::number(quint8(c), 16).rightJustified(2, '0');
        } else
            escaped += c;
    }
    const QByteArray filter =
        QByteArray("(&(objectClass=computer)(sAMAccountName=") + escaped + QByteArray("$))");
    const QByteArray base = m_baseDn.toUtf8();
    const char *attrs[] = {"distinguishedName", nullptr};
    LDAPMessage *res = nullptr;
    timeval timeout = toTimeval(m_timeoutMs);
    const int rc = search(m_ld, base.constData(), LDAP_SCOPE_SUBTREE, filter.constData(),
                          const_cast<char **>(attrs), nullptr, &timeout, 2, &res);
    if (rc != LDAP_SUCCESS && rc != LDAP_SIZELIMIT_EXCEEDED) {
        ldap_msgfree(res);
        return failure(rc, tr("did not answer the search for the computer %1").arg(name));
    }
    QStringList found;
    for (LDAPMessage *e = ldap_first_entry(m_ld, res); e; e = ldap_next_entry(m_ld, e)) {
        char *dn = ldap_get_dn(m_ld, e);
        found.append(QString::fromUtf8(dn));
        ldap_memfree(dn);
    }
    ldap_msgfree(res);
    if (found.size() != 1)
        return Error::notFound(
            found.isEmpty()
                ? tr("The directory %1 has no computer account %2 (give "
                     "--computer NAME or set IPSEC_CONSOLE_COMPUTER).")
                      .arg(m_url, name)
                : tr("The directory %1 has more than one computer account %2.").arg(m_url, name));
    return found.first();
}

Result<GpoResolution> LdapConnection::assignedPolicy(const QString &computerName)
{
    auto computer = findComputer(computerName);
    if (!computer)
        return computer.error();
    auto chain = GpoResolver::scopeChain(*computer, m_baseDn);
    if (!chain)
        return chain.error();
    QHash<QString, SomInfo> soms;
    QHash<QString, GpoInfo> gpos;
    for (const QString &som : *chain) {
        auto entry = readEntry(som, {"gPLink", "gPOptions"});
        if (!entry)
            return entry.error();
        SomInfo info;
        info.gpLink = QString::fromUtf8(entry->value(u"gplink"_s).value(0));
        info.gpOptions = entry->value(u"gpoptions"_s).value(0).toUInt();
        soms.insert(GpoResolver::normalizedDn(som), info);
        auto links = GpoResolver::parseGpLink(info.gpLink);
        if (!links)
            return Error::store(tr("The container %1: %2").arg(som, links.error().message));
        for (const GpoLink &link : *links) {
            const QString key = GpoResolver::normalizedDn(link.gpoDn);
            if (gpos.contains(key) || link.disabled)
                continue;
            auto gpo = readEntry(link.gpoDn, {"displayName", "flags"});
            if (!gpo)
                return gpo.error();
            if (gpo->isEmpty())
                continue; // a link to a deleted GPO
            GpoInfo g;
            g.displayName = QString::fromUtf8(gpo->value(u"displayname"_s).value(0));
            g.flags = gpo->value(u"flags"_s).value(0).toUInt();
            auto ipsec = readEntry(u"CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,"_s + link.gpoDn,
                                   {"ipsecOwnersReference"});
            if (!ipsec)
                return ipsec.error();
            g.ipsecPolicyDn = QString::fromUtf8(ipsec->value(u"ipsecownersreference"_s).value(0));
            gpos.insert(key, g);
        }
    }
    return GpoResolver::resolve(*computer, m_baseDn, soms, gpos);
}

} // namespace ipsec::ds
