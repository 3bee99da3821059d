#include "model/PolicyDatabase.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

template <typename T>
const T *byId(const QList<T> &list, qint64 id)
{
    const auto it =
        std::find_if(list.cbegin(), list.cend(), [id](const T &o) { return o.id == id; });
    return it == list.cend() ? nullptr : &*it;
}

template <typename T>
const T *byName(const QList<T> &list, const QString &name)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const T &o) {
        return o.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    return it == list.cend() ? nullptr : &*it;
}

} // namespace

const Policy *PolicyDatabase::policy(qint64 id) const
{
    return byId(policies, id);
}
const Policy *PolicyDatabase::policyByName(const QString &name) const
{
    return byName(policies, name);
}
const Rule *PolicyDatabase::rule(qint64 id) const
{
    return byId(rules, id);
}
const FilterList *PolicyDatabase::filterList(qint64 id) const
{
    return byId(filterLists, id);
}
const FilterAction *PolicyDatabase::filterAction(qint64 id) const
{
    return byId(filterActions, id);
}

const FilterList *PolicyDatabase::filterListByName(const QString &name) const
{
    return byName(filterLists, name);
}

const FilterAction *PolicyDatabase::filterActionByName(const QString &name) const
{
    return byName(filterActions, name);
}

const Policy *PolicyDatabase::assignedPolicy() const
{
    const auto it = std::find_if(policies.cbegin(), policies.cend(),
                                 [](const Policy &p) { return p.assigned; });
    return it == policies.cend() ? nullptr : &*it;
}

QList<const Rule *> PolicyDatabase::rulesOf(qint64 policyId) const
{
    QList<const Rule *> out;
    for (const Rule &r : rules)
        if (r.policyId == policyId)
            out << &r;
    return out;
}

QList<EnforcedRule> PolicyDatabase::enforcedRulesOf(qint64 policyId) const
{
    QList<EnforcedRule> out;
    for (const Rule *r : rulesOf(policyId)) {
        if (r->defaultResponse || !r->active)
            continue;
        const FilterList *list = filterList(r->filterListId);
        const FilterAction *action = filterAction(r->filterActionId);
        if (list && action)
            out << EnforcedRule{r, list, action};
    }
    return out;
}

qsizetype PolicyDatabase::filterCount() const
{
    qsizetype n = 0;
    for (const FilterList &l : filterLists)
        n += l.filters.size();
    return n;
}

void PolicyDatabase::maskSecrets()
{
    for (Rule &r : rules)
        r.maskSecrets();
}

QStringList PolicyDatabase::restoreMaskedSecrets(const PolicyDatabase &stored)
{
    QStringList unresolved;
    for (Rule &r : rules) {
        if (!r.hasMaskedSecret())
            continue;
        const Rule *old = nullptr;
        for (const Rule &o : stored.rules) {
            if ((!r.guid.isNull() && o.guid == r.guid)
                || (r.guid.isNull() && r.id && o.id == r.id)) {
                old = &o;
                break;
            }
        }
        restoreMaskedSecrets(r, old);
        if (r.hasMaskedSecret())
            unresolved << r.name;
    }
    return unresolved;
}

void PolicyDatabase::restoreMaskedSecrets(Rule &rule, const Rule *stored)
{
    if (!stored)
        return;
    for (qsizetype i = 0; i < rule.authMethods.size(); ++i) {
        AuthMethod &m = rule.authMethods[i];
        if (!m.isMasked())
            continue;
        if (i < stored->authMethods.size() && stored->authMethods.at(i).isSecret()
            && !stored->authMethods.at(i).isMasked()) {
            m.data = stored->authMethods.at(i).data;
            continue;
        }
        for (const AuthMethod &o : stored->authMethods) {
            if (o.isSecret() && !o.isMasked()) {
                m.data = o.data;
                break;
            }
        }
    }
}

PolicyDatabase PolicyDatabase::windowsDefaults()
{
    // Ids here are 1-based positions in the lists below; the store maps them to real ids.
    PolicyDatabase db;

    const auto meToAny = [](Protocol proto, const QString &description) {
        Filter f;
        f.source = Address::me();
        f.destination = Address::any();
        f.protocol = proto;
        f.mirrored = true;
        f.description = description;
        return f;
    };

    FilterList allIp;
    allIp.id = 1;
    allIp.name = u"All IP Traffic"_s;
    allIp.description = u"Matches all IP packets from this computer to any other computer, except "
                        u"broadcast, multicast, Kerberos, RSVP and ISAKMP (IKE)."_s;
    allIp.filters << meToAny(Protocol::any(), {});
    FilterList allIcmp;
    allIcmp.id = 2;
    allIcmp.name = u"All ICMP Traffic"_s;
    allIcmp.description =
        u"Matches all ICMP packets between this computer and any other computer."_s;
    allIcmp.filters << meToAny(Protocol::icmp(), {});
    db.filterLists << allIp << allIcmp;

    FilterAction permit;
    permit.id = 1;
    permit.name = u"Permit"_s;
    permit.description = u"Permit unsecured IP packets to pass through."_s;
    permit.type = FilterAction::Type::Permit;
    FilterAction request;
    request.id = 2;
    request.name = u"Request Security (Optional)"_s;
    request.description = u"Accepts unsecured communication, but requests clients to establish "
                          u"trust and security methods. Will communicate insecurely to untrusted "
                          u"clients if they do not respond to request."_s;
    request.type = FilterAction::Type::Negotiate;
    request.inboundPassThrough = true;
    request.allowUnsecured = true;
    FilterAction require;
    require.id = 3;
    require.name = u"Require Security"_s;
    require.description = u"Accepts unsecured communication, but always requires clients to "
                          u"establish trust and security methods. Will NOT communicate with "
                          u"untrusted clients."_s;
    require.type = FilterAction::Type::Negotiate;
    require.inboundPassThrough = true;
    {
        SecurityMethod strong; // ESP 3DES + SHA1
        SecurityMethod des;
        des.espCipher = SecurityMethod::Cipher::Des;
        SecurityMethod integrity;
        integrity.espCipher = SecurityMethod::Cipher::None;
        request.securityMethods = {strong, des, integrity};
        require.securityMethods = {strong, des};
    }
    db.filterActions << permit << request << require;

    const auto policy = [](qint64 id, const QString &name, const QString &description) {
        Policy p;
        p.id = id;
        p.name = name;
        p.description = description;
        return p;
    };
    db.policies << policy(1, u"Client (Respond Only)"_s,
                          u"Communicate normally (unsecured). Use the default response rule to "
                          u"negotiate with servers that request security. Only the requested "
                          u"protocol and port traffic with that server is secured."_s)
                << policy(2, u"Server (Request Security)"_s,
                          u"For all IP traffic, always request security using Kerberos trust. "
                          u"Allow unsecured communication with clients that do not respond to "
                          u"request."_s)
                << policy(3, u"Secure Server (Require Security)"_s,
                          u"For all IP traffic, always require security using Kerberos trust. "
                          u"Do NOT allow unsecured communication with untrusted clients."_s);

    qint64 ruleId = 0;
    const auto rule = [&](qint64 policyId, const QString &name, qint64 list, qint64 action) {
        Rule r;
        r.id = ++ruleId;
        r.policyId = policyId;
        r.name = name;
        r.filterListId = list;
        r.filterActionId = action;
        r.defaultResponse = list == 0;
        return r;
    };
    const QString drr = u"<Dynamic>"_s;
    db.rules << rule(1, drr, 0, 0) << rule(2, u"All IP Traffic"_s, 1, 2)
             << rule(2, u"All ICMP Traffic"_s, 2, 1) << rule(2, drr, 0, 0)
             << rule(3, u"All IP Traffic"_s, 1, 3) << rule(3, u"All ICMP Traffic"_s, 2, 1)
             << rule(3, drr, 0, 0);
    return db;
}

} // namespace ipsec
