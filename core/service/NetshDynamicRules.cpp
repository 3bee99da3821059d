#include "service/NetshDynamicRules.h"

#include <QScopeGuard>

#include <algorithm>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {
using C = syntax::NetshCommand;
}

NetshDynamicRules::NetshDynamicRules(QList<engine::DynamicFilter> &filters, engine::DynamicIke &ike,
                                     ServiceReport &r)
    : m_dynamic(filters)
    , m_ike(ike)
    , report(r)
{
}

Result<QList<engine::DynamicFilter>> NetshDynamicRules::filtersOf(const C &c)
{
    if (c.tunnel)
        return Error::usage(tr("dynamic tunnel rules (tunneldstaddress=) are not supported; "
                               "use a static rule with tunnel=."));
    Filter f;
    f.source = *c.source;
    f.destination = *c.destination;
    f.protocol = c.protocol.value_or(Protocol::any());
    f.sourcePort = c.sourcePort.value_or(0);
    f.destinationPort = c.destinationPort.value_or(0);
    f.mirrored = c.mirrored.value_or(true);
    if (const QStringList p = f.validate(); !p.isEmpty())
        return Error::usage(p.join(u' '));
    const auto in = c.actionInbound.value_or(FilterAction::Type::Negotiate);
    const auto out = c.actionOutbound.value_or(FilterAction::Type::Negotiate);
    QString label = u"netsh ipsec "_s + c.text.mid(c.text.indexOf(u' ') + 1);
    // The label is shown to everyone: never with a preshared key in it.
    for (const AuthMethod &a : c.authMethods.value_or(QList<AuthMethod>{}))
        if (a.isSecret() && !a.data.isEmpty())
            label.replace(a.data, AuthMethod::MaskedSecret.toString());
    const auto make = [&](const Filter &filter, FilterAction::Type action) {
        engine::DynamicFilter d;
        d.filter = filter;
        d.filter.guid = QUuid::createUuid();
        d.action = action;
        d.label = label;
        return d;
    };
    if (in == out)
        return QList<engine::DynamicFilter>{make(f, in)};
    // Different actions per direction. Inbound is traffic to this host: srcaddr->dstaddr is
    // inbound when dstaddr is "me", else outbound; the mirror is the other direction.
    const bool forwardInbound = f.destination.isMe() && !f.source.isMe();
    const auto forwardAction = forwardInbound ? in : out;
    const auto backAction = forwardInbound ? out : in;
    if (!f.mirrored) {
        if (f.source.isMe() || f.destination.isMe())
            return QList<engine::DynamicFilter>{make(f, forwardAction)};
        return Error::usage(tr("actioninbound and actionoutbound differ, but with mirrored=no "
                               "and neither address \"me\" only one direction exists; use "
                               "mirrored=yes or the same action."));
    }
    Filter forward = f;
    forward.mirrored = false;
    Filter back = forward;
    std::swap(back.source, back.destination);
    std::swap(back.sourcePort, back.destinationPort);
    return QList<engine::DynamicFilter>{make(forward, forwardAction), make(back, backAction)};
}

Result<void> NetshDynamicRules::run(const C &c)
{
    using V = C::Verb;
    if (c.object == C::Object::MmPolicy)
        return runMmPolicy(c);
    if (c.object == C::Object::QmPolicy)
        return runQmPolicy(c);
    if (c.object == C::Object::Config)
        return runConfig(c);
    if (c.object == C::Object::All) {
        report.messages << tr("Deleted %n dynamic filter(s).", nullptr, int(m_dynamic.size()));
        m_changed = m_changed || !m_dynamic.isEmpty();
        m_dynamic.clear();
        // As on Windows, the main mode and quick mode policies go too; the settings stay.
        if (!m_ike.isEmpty()) {
            report.messages << tr("Deleted %1 dynamic main mode and %2 quick mode policies.")
                                   .arg(m_ike.mmPolicies.size())
                                   .arg(m_ike.qmPolicies.size());
            m_ike.mmPolicies.clear();
            m_ike.qmPolicies.clear();
            m_ikeChanged = true;
        }
        return {};
    }
    if (c.connectionType)
        report.notices
            << tr("%1: conntype does not apply to dynamic filters and is not stored.").arg(c.text);
    if (c.verb == C::Verb::Add) {
        auto filters = filtersOf(c);
        if (!filters)
            return filters.error();
        if (auto ok = attachNegotiation(filters.value(), c); !ok)
            return ok;
        for (const engine::DynamicFilter &d : filters.value()) {
            const bool duplicate = std::any_of(m_dynamic.cbegin(), m_dynamic.cend(), [&](auto &o) {
                return o.filter.sameTraffic(d.filter);
            });
            if (duplicate)
                return Error::conflict(tr("A dynamic rule for this traffic already exists; "
                                          "change it with \"set rule\" or delete it first."));
            m_dynamic << d;
            report.messages << tr("Added dynamic %1 filter %2 -> %3.")
                                   .arg(FilterAction::typeName(d.action).toLower(),
                                        d.filter.source.toString(),
                                        d.filter.destination.toString());
        }
        m_changed = true;
        return {};
    }
    // set / delete: the rule is identified by its traffic; the actions do not matter.
    C identity = c;
    identity.actionInbound.reset();
    identity.actionOutbound.reset();
    auto wanted = filtersOf(identity);
    if (!wanted)
        return wanted.error();
    Filter forward = wanted->first().filter;
    QList<Filter> shapes{forward};
    if (forward.mirrored) {
        // Also the two halves that differing actions produce.
        Filter half = forward;
        half.mirrored = false;
        Filter back = half;
        std::swap(back.source, back.destination);
        std::swap(back.sourcePort, back.destinationPort);
        shapes << half << back;
    }
    int matched = 0;
    QList<engine::DynamicFilter> next;
    for (const engine::DynamicFilter &d : std::as_const(m_dynamic)) {
        const bool hit = std::any_of(shapes.cbegin(), shapes.cend(),
                                     [&](const Filter &s) { return s.sameTraffic(d.filter); });
        if (hit)
            ++matched;
        if (hit && c.verb == V::Delete)
            continue;
        next << d;
    }
    if (!matched)
        return Error::notFound(tr("No dynamic rule matches %1 -> %2 with these fields.")
                                   .arg(forward.source.toString(), forward.destination.toString()));
    if (c.verb == V::Set) {
        // Replace the matched filters by the new shape (one or two filters).
        C merged = c;
        quint32 reqid = 0;
        QList<engine::DynamicFilter> kept;
        for (const engine::DynamicFilter &d : std::as_const(next)) {
            const bool hit = std::any_of(shapes.cbegin(), shapes.cend(),
                                         [&](const Filter &s) { return s.sameTraffic(d.filter); });
            if (!hit) {
                kept << d;
                continue;
            }
            // Keep the action of a direction that is not given (see dynamicFiltersOf).
            const bool forwardInbound = forward.destination.isMe() && !forward.source.isMe();
            const bool isBack = shapes.size() == 3 && shapes[2].sameTraffic(d.filter);
            const bool inbound = isBack ? !forwardInbound : forwardInbound;
            if (d.filter.mirrored || inbound)
                merged.actionInbound = merged.actionInbound.value_or(d.action);
            if (d.filter.mirrored || !inbound)
                merged.actionOutbound = merged.actionOutbound.value_or(d.action);
            // What is not given stays: the policies' names and the authentication.
            if (!merged.mmPolicy && !d.mmPolicy.isEmpty())
                merged.mmPolicy = d.mmPolicy;
            if (!merged.qmPolicy && !d.qmPolicy.isEmpty())
                merged.qmPolicy = d.qmPolicy;
            if (!merged.authMethods && !d.authMethods.isEmpty())
                merged.authMethods = d.authMethods;
            reqid = reqid ? reqid : d.negotiation.reqid;
        }
        auto replaced = filtersOf(merged);
        if (!replaced)
            return replaced.error();
        {
            // The new shape keeps the rule's reqid (and so its charon connection's name).
            const QList<engine::DynamicFilter> others = m_dynamic;
            m_dynamic = kept;
            const auto restore = qScopeGuard([&] { m_dynamic = others; });
            for (engine::DynamicFilter &d : replaced.value())
                d.negotiation.reqid = reqid;
            if (auto ok = attachNegotiation(replaced.value(), merged); !ok)
                return ok;
        }
        next = kept + replaced.value();
        report.messages << tr("Changed dynamic rule %1 -> %2.")
                               .arg(forward.source.toString(), forward.destination.toString());
    } else {
        report.messages << tr("Deleted %n dynamic filter(s) of %1 -> %2.", nullptr, matched)
                               .arg(forward.source.toString(), forward.destination.toString());
    }
    m_dynamic = next;
    m_changed = true;
    return {};
}

quint32 NetshDynamicRules::freeReqid() const
{
    QSet<quint32> used;
    for (const engine::DynamicFilter &d : std::as_const(m_dynamic))
        used.insert(d.negotiation.reqid);
    for (quint32 n = 1; n <= engine::kDynamicRuleSlots; ++n)
        if (!used.contains(engine::dynamicRuleReqid(n)))
            return engine::dynamicRuleReqid(n);
    return 0; // all taken: the shared reqid of dynamic filters
}

void NetshDynamicRules::resolveNegotiation(engine::DynamicFilter &d) const
{
    if (d.action != FilterAction::Type::Negotiate)
        return;
    const engine::DynamicQmPolicy *qm =
        d.qmPolicy.isEmpty() ? m_ike.defaultQmPolicy() : m_ike.qmPolicy(d.qmPolicy);
    if (!qm)
        return;
    const quint32 reqid = d.negotiation.reqid;
    d.negotiation = engine::Negotiation::of(qm->inPass, qm->soft, qm->offers());
    d.negotiation.reqid = reqid;
}

Result<void> NetshDynamicRules::attachNegotiation(QList<engine::DynamicFilter> &filters, const C &c)
{
    const bool negotiates = std::any_of(filters.cbegin(), filters.cend(), [](const auto &d) {
        return d.action == FilterAction::Type::Negotiate;
    });
    const QList<AuthMethod> auth = c.authMethods.value_or(QList<AuthMethod>{});
    if (!negotiates) {
        // A block or permit rule negotiates nothing: the names are not used (scripts written
        // for Windows name a main mode policy on every rule).
        if (!auth.isEmpty() || c.qmPolicy || c.mmPolicy)
            report.notices << tr("%1: mmpolicy=, qmpolicy= and authentication methods apply "
                                 "only when an action is negotiate; not stored.")
                                  .arg(c.text);
        for (engine::DynamicFilter &d : filters) {
            d.mmPolicy.clear();
            d.qmPolicy.clear();
            d.authMethods.clear();
            d.negotiation = {};
        }
        return {};
    }
    if (c.mmPolicy && !m_ike.mmPolicy(*c.mmPolicy))
        return Error::notFound(tr("mmpolicy=%1: there is no dynamic main mode policy of this "
                                  "name; add it first (netsh ipsec dynamic add mmpolicy name=%1).")
                                   .arg(*c.mmPolicy));
    if (c.qmPolicy && !m_ike.qmPolicy(*c.qmPolicy))
        return Error::notFound(tr("qmpolicy=%1: there is no dynamic quick mode policy of this "
                                  "name; add it first (netsh ipsec dynamic add qmpolicy name=%1).")
                                   .arg(*c.qmPolicy));
    // A rule that negotiates with authentication gets a reqid (and so a charon connection) of
    // its own; every filter of the rule shares it.
    quint32 reqid = 0;
    for (const engine::DynamicFilter &d : std::as_const(filters))
        reqid = reqid ? reqid : d.negotiation.reqid;
    if (negotiates && !auth.isEmpty() && !reqid)
        reqid = freeReqid();
    for (engine::DynamicFilter &d : filters) {
        d.mmPolicy = c.mmPolicy.value_or(QString());
        d.qmPolicy = c.qmPolicy.value_or(QString());
        if (d.action != FilterAction::Type::Negotiate) {
            d.negotiation = {};
            continue;
        }
        d.authMethods = auth;
        d.negotiation.reqid = auth.isEmpty() ? 0 : reqid;
        resolveNegotiation(d);
    }
    return {};
}

int NetshDynamicRules::usersOf(bool mainMode, const QString &name) const
{
    return int(std::count_if(m_dynamic.cbegin(), m_dynamic.cend(), [&](const auto &d) {
        return (mainMode ? d.mmPolicy : d.qmPolicy).compare(name, Qt::CaseInsensitive) == 0;
    }));
}

namespace {
template <typename P>
auto findPolicy(QList<P> &list, const QString &name)
{
    return std::find_if(list.begin(), list.end(),
                        [&](const P &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
}
template <typename P>
auto findPolicy(const QList<P> &list, const QString &name)
{
    return std::find_if(list.cbegin(), list.cend(),
                        [&](const P &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
}
} // namespace

template <typename P>
Result<QStringList> NetshDynamicRules::deletePolicies(QList<P> &list, const C &c)
{
    constexpr bool mainMode = std::is_same_v<P, engine::DynamicMmPolicy>;
    QStringList deleted, inUse;
    if (c.showAll) {
        for (const P &p : std::as_const(list))
            (usersOf(mainMode, p.name) ? inUse : deleted) << p.name;
    } else {
        const auto it = findPolicy(list, *c.name);
        if (it == list.end())
            return Error::notFound((mainMode
                                        ? tr("There is no dynamic main mode policy named \"%1\".")
                                        : tr("There is no dynamic quick mode policy named \"%1\"."))
                                       .arg(*c.name));
        if (const int n = usersOf(mainMode, it->name))
            return Error::conflict((mainMode ? tr("The dynamic main mode policy \"%1\" is used by "
                                                  "%n dynamic rule(s); delete them or give them "
                                                  "another mmpolicy= first.",
                                                  nullptr, n)
                                             : tr("The dynamic quick mode policy \"%1\" is used by "
                                                  "%n dynamic rule(s); delete them or give them "
                                                  "another qmpolicy= first.",
                                                  nullptr, n))
                                       .arg(it->name));
        deleted << it->name;
    }
    list.removeIf([&](const P &p) { return deleted.contains(p.name); });
    for (const QString &name : std::as_const(inUse))
        report.notices << (mainMode ? tr("The dynamic main mode policy \"%1\" is used by dynamic "
                                         "rules and stays.")
                                    : tr("The dynamic quick mode policy \"%1\" is used by dynamic "
                                         "rules and stays."))
                              .arg(name);
    const int n = int(deleted.size());
    report.messages << (mainMode ? tr("Deleted %n dynamic main mode policy(s).", nullptr, n)
                                 : tr("Deleted %n dynamic quick mode policy(s).", nullptr, n));
    return deleted;
}

template <typename P>
Result<P> NetshDynamicRules::policyToEdit(const QList<P> &list, const C &c)
{
    constexpr bool mainMode = std::is_same_v<P, engine::DynamicMmPolicy>;
    const auto it = findPolicy(list, *c.name);
    if (c.verb == C::Verb::Add) {
        if (it != list.cend())
            return Error::conflict(
                (mainMode ? tr("A dynamic main mode policy named \"%1\" already exists; change "
                               "it with \"set mmpolicy\" or delete it first.")
                          : tr("A dynamic quick mode policy named \"%1\" already exists; change "
                               "it with \"set qmpolicy\" or delete it first."))
                    .arg(it->name));
        P p;
        p.name = *c.name;
        if (p.name.trimmed().isEmpty() || p.name.compare(u"all"_s, Qt::CaseInsensitive) == 0)
            return Error::usage(
                (mainMode ? tr("name=%1: a main mode policy needs a name other than \"all\".")
                          : tr("name=%1: a quick mode policy needs a name other than \"all\"."))
                    .arg(p.name));
        return p;
    }
    if (it == list.cend())
        return Error::notFound((mainMode
                                    ? tr("There is no dynamic main mode policy named \"%1\".")
                                    : tr("There is no dynamic quick mode policy named \"%1\"."))
                                   .arg(*c.name));
    return *it;
}

Result<void> NetshDynamicRules::runMmPolicy(const C &c)
{
    QList<engine::DynamicMmPolicy> &list = m_ike.mmPolicies;
    if (c.verb == C::Verb::Delete) {
        auto deleted = deletePolicies(list, c);
        if (!deleted)
            return deleted.error();
        m_ikeChanged = m_ikeChanged || !deleted->isEmpty();
        return {};
    }
    auto edited = policyToEdit(list, c);
    if (!edited)
        return edited.error();
    engine::DynamicMmPolicy &p = *edited;
    if (!c.mmSecMethods.isEmpty()) {
        auto methods = MainModeMethod::parseList(c.mmSecMethods.join(u' '));
        if (!methods)
            return Error::usage(u"mmsecmethods=: "_s + methods.error().message);
        p.methods = *methods;
    }
    p.lifetimeMinutes = c.mmLifetimeMinutes.value_or(p.lifetimeMinutes);
    p.softSaExpirationSeconds = c.softSaExpirationSeconds.value_or(p.softSaExpirationSeconds);
    p.qmPerMm = c.qmPerMm.value_or(p.qmPerMm);
    p.isDefault = c.isDefault.value_or(p.isDefault);
    if (p.isDefault)
        for (auto &o : list)
            o.isDefault = false; // one default
    if (c.verb == C::Verb::Add) {
        list << p;
        report.messages << tr("Added dynamic main mode policy \"%1\" (%2).")
                               .arg(p.name, MainModeMethod::listToString(p.methods));
    } else {
        *findPolicy(list, p.name) = p;
        report.messages << tr("Changed dynamic main mode policy \"%1\".").arg(p.name);
    }
    m_ikeChanged = true;
    return {};
}

Result<void> NetshDynamicRules::runQmPolicy(const C &c)
{
    QList<engine::DynamicQmPolicy> &list = m_ike.qmPolicies;
    if (c.verb == C::Verb::Delete) {
        auto deleted = deletePolicies(list, c);
        if (!deleted)
            return deleted.error();
        if (!deleted->isEmpty()) {
            m_ikeChanged = true;
            for (engine::DynamicFilter &d : m_dynamic) // a default that went away
                resolveNegotiation(d);
        }
        return {};
    }
    auto edited = policyToEdit(list, c);
    if (!edited)
        return edited.error();
    engine::DynamicQmPolicy &p = *edited;
    if (c.qmSecMethods)
        p.methods = *c.qmSecMethods;
    p.soft = c.soft.value_or(p.soft);
    p.inPass = c.inPass.value_or(p.inPass);
    if (c.pfsGroup)
        p.pfs = engine::DynamicQmPolicy::parsePfs(*c.pfsGroup).value_or(p.pfs);
    p.isDefault = c.isDefault.value_or(p.isDefault);
    if (p.isDefault)
        for (auto &o : list)
            o.isDefault = false;
    if (c.verb == C::Verb::Add) {
        list << p;
        QStringList methods;
        for (const SecurityMethod &m : p.offers())
            methods << m.toString();
        report.messages
            << tr("Added dynamic quick mode policy \"%1\" (%2).").arg(p.name, methods.join(u' '));
    } else {
        *findPolicy(list, p.name) = p;
        report.messages << tr("Changed dynamic quick mode policy \"%1\".").arg(p.name);
    }
    m_ikeChanged = true;
    // Rules that use it (by name, or as the default) follow its fallback and protocol.
    for (engine::DynamicFilter &d : m_dynamic) {
        const engine::Negotiation before = d.negotiation;
        resolveNegotiation(d);
        m_changed = m_changed || !(before == d.negotiation);
    }
    return {};
}

Result<void> NetshDynamicRules::runConfig(const C &c)
{
    auto said = applyConfig(m_ike.config, *c.configProperty, *c.configValue);
    if (!said)
        return said.error();
    report.messages << *said;
    m_ikeChanged = true;
    return {};
}

Result<QString> NetshDynamicRules::applyConfig(engine::DynamicConfig &config,
                                               const QString &property, const QString &value)
{
    const auto number = [&](int min, int max) -> Result<int> {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < min || n > max)
            return Error::usage(tr("value=%1: %2 takes a whole number from %3 to %4.")
                                    .arg(value, property)
                                    .arg(min)
                                    .arg(max));
        return n;
    };
    if (property == u"strongcrlcheck"_s) {
        auto n = number(0, 2);
        if (!n)
            return n.error();
        config.strongCrlCheck = *n;
        return *n == 2 ? tr("strongcrlcheck=2: certificate authentication fails on any "
                            "revocation checking error (charon revocation = strict).")
                       : tr("strongcrlcheck=%1: certificate authentication fails only for a "
                            "revoked certificate (charon revocation = relaxed; strongSwan always "
                            "refuses a certificate it knows to be revoked).")
                             .arg(*n);
    }
    if (property == u"ikelogging"_s) {
        auto n = number(0, 1);
        if (!n)
            return n.error();
        config.ikeLogging = *n;
        return tr("ikelogging=%1: noted. charon's IKE log is set in its own configuration "
                  "(charon.filelog in strongswan.conf); 'swanctl --log' follows it live.")
            .arg(*n);
    }
    if (property == u"ipsecdiagnostics"_s) {
        auto n = number(0, 7);
        if (!n)
            return n.error();
        config.ipsecDiagnostics = *n;
        return tr("ipsecdiagnostics=%1: noted. The kernel counts dropped IPsec packets "
                  "(netsh ipsec dynamic show stats) but logs none.")
            .arg(*n);
    }
    if (property == u"ipsecloginterval"_s) {
        auto n = number(60, 86400);
        if (!n)
            return n.error();
        config.ipsecLogInterval = *n;
        return tr("ipsecloginterval=%1: noted; nothing is logged periodically here.").arg(*n);
    }
    if (property == u"ipsecexempt"_s) {
        auto n = number(0, 3);
        if (!n)
            return n.error();
        return *n == 3 ? tr("ipsecexempt=3: in force: only IKE (UDP 500 and 4500) is exempt.")
                       : tr("ipsecexempt=%1: accepted, not changed: only IKE (UDP 500 and 4500) "
                            "is exempt here, as ipsecexempt=3; Kerberos, RSVP, multicast and "
                            "broadcast exemptions do not exist.")
                             .arg(*n);
    }
    if (property == u"bootmode"_s) {
        const QString mode = value.toLower();
        if (mode != u"stateful"_s && mode != u"block"_s && mode != u"permit"_s)
            return Error::usage(
                tr("value=%1: bootmode takes stateful, block or permit.").arg(value));
        return tr("bootmode=%1: accepted, not changed: the dynamic store is lost when the agent "
                  "restarts, so a start-up setting cannot live in it; the agent enforces the "
                  "assigned policy as soon as it starts.")
            .arg(mode);
    }
    // bootexemptions
    return tr("%1: accepted, not changed: there is no start-up mode here (see bootmode).")
        .arg(property);
}

} // namespace ipsec
