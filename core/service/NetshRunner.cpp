#include "service/NetshRunner.h"

#include "service/PolicyEdits.h"
#include "store/PolicyStore.h"

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

using C = syntax::NetshCommand;
using O = PolicyEdits::Object;

} // namespace

NetshRunner::NetshRunner(StoreWriter &writer, QList<engine::DynamicFilter> &dynamicFilters,
                         engine::DynamicIke &dynamicIke, ServiceReport &r, bool onDirectory)
    : w(writer)
    , m_onDirectory(onDirectory)
    , report(r)
    , m_dynamic(dynamicFilters, dynamicIke, r)
{
}

Result<void> NetshRunner::run(const C &c)
{
    if (c.isReadOnly())
        return {}; // the front end shows and exports
    if (c.isDynamic() || c.verb != C::Verb::Add || c.object != C::Object::Filter)
        m_lists.clear();
    noteUnmodelled(c);
    auto ok = c.isDynamic() ? m_dynamic.run(c) : runStatic(c);
    if (!ok)
        m_lists.clear(); // the caller may roll the line back
    return ok;
}

QString NetshRunner::trafficKey(const Filter &f)
{
    return f.source.toString() + u'|' + f.destination.toString() + u'|'
           + QString::number(f.protocol.number()) + u'|' + QString::number(f.sourcePort) + u'|'
           + QString::number(f.destinationPort) + (f.mirrored ? u"|m"_s : u"|-"_s);
}

void NetshRunner::noteUnmodelled(const C &c)
{
    if (!c.unmodelledSettings.isEmpty())
        report.notices << tr("%1: not stored (%2): main-mode (IKE) settings belong to the IKE "
                             "daemon, which this program does not configure.")
                              .arg(c.text, c.unmodelledSettings.join(u", "_s));
    for (const QString &note : c.notes)
        report.notices << u"%1: %2"_s.arg(c.text, note);
    if (!c.rootCaOptions.isEmpty())
        report.notices << tr("%1: certificate options %2 are not stored; only the CA name is.")
                              .arg(c.text, c.rootCaOptions.join(u' '));
}

Result<void> NetshRunner::runStatic(const C &c)
{
    using V = C::Verb;
    using O = C::Object;
    if (c.verb == V::ImportPolicy)
        return Error::usage(tr("importpolicy: importing policy files is done by 'ipseccmd "
                               "snapshot import %1'; nothing was changed.")
                                .arg(c.file.value_or(QString())));
    switch (c.object) {
    case O::Policy:
        return c.verb == V::Add ? addPolicy(c) : c.verb == V::Set ? setPolicy(c) : deletePolicy(c);
    case O::FilterList:
        return c.verb == V::Add   ? addFilterList(c)
               : c.verb == V::Set ? setFilterList(c)
                                  : deleteFilterList(c);
    case O::Filter:
        return c.verb == V::Add ? addFilter(c) : deleteFilter(c);
    case O::FilterAction:
        return c.verb == V::Add   ? addFilterAction(c)
               : c.verb == V::Set ? setFilterAction(c)
                                  : deleteFilterAction(c);
    case O::Rule:
        return c.verb == V::Add ? addRule(c) : c.verb == V::Set ? setRule(c) : deleteRule(c);
    case O::DefaultRule:
        return setDefaultRule(c);
    case O::Store:
        if (c.storeLocation == u"domain"_s && m_onDirectory)
            return {}; // the front end opened the directory for the whole script
        if (c.storeLocation == u"domain"_s)
            return Error::usage(tr("set store location=domain must be the first command of the "
                                   "script: the whole script then works on the directory."));
        if (m_onDirectory)
            return Error::usage(tr("set store location=%1: this script works on the directory "
                                   "(set store location=domain came first); run the commands "
                                   "for the local store in a script of their own.")
                                    .arg(*c.storeLocation));
        if (c.storeLocation != u"local"_s)
            return Error::usage(tr("set store location=%1: only the local store is available "
                                   "here (no directory or persistent store); use "
                                   "location=local.")
                                    .arg(*c.storeLocation));
        if (c.domain)
            report.notices
                << tr("set store: domain=%1 is ignored for the local store.").arg(*c.domain);
        return {};
    case O::Batch:
        report.notices << tr("set batch mode=%1: a script here always runs as one transaction.")
                              .arg(*c.batchMode);
        return {};
    case O::All:
        return deleteAll();
    default:
        return Error::usage(tr("\"%1\" is not supported.").arg(c.text));
    }
}

Result<Policy> NetshRunner::findPolicy(const C &c, const std::optional<QString> &name)
{
    if (c.guid && !name) {
        auto db = w.snapshot();
        if (!db)
            return db.error();
        const QUuid guid = QUuid::fromString(*c.guid);
        for (const Policy &p : db->policies)
            if (p.guid == guid)
                return p;
        return Error::notFound(tr("There is no policy with GUID %1.").arg(*c.guid));
    }
    auto found = w.findPolicy(name.value_or(QString()));
    if (!found)
        return found.error();
    if (!found.value())
        return Error::notFound(tr("There is no policy named %1.").arg(PolicyEdits::quote(*name)));
    return *found.value();
}

// mmsecmethods=, mmlifetime= (minutes), qmpermm=, mmpfs=: the policy's key exchange settings.
Result<void> NetshRunner::applyMainModeMethods(const C &c, Policy &p)
{
    if (!c.mmSecMethods.isEmpty()) {
        auto methods = MainModeMethod::parseList(c.mmSecMethods.join(u' '));
        if (!methods)
            return methods.error();
        p.mainModeMethods = *methods;
    }
    if (c.mmLifetimeMinutes)
        p.mainModeLifetimeSeconds = *c.mmLifetimeMinutes * 60;
    if (c.qmPerMm)
        p.quickModesPerMainMode = *c.qmPerMm;
    if (c.mmPfs)
        p.mainModePfs = *c.mmPfs;
    // Master key PFS: every quick mode gets its own main mode (Windows forces qmpermm to 1).
    if (p.mainModePfs && p.quickModesPerMainMode != 1) {
        if (c.qmPerMm)
            report.notices << tr("%1: qmpermm=%2 ignored: with mmpfs=yes every quick mode "
                                 "needs its own main mode (qmpermm=1).")
                                  .arg(c.text)
                                  .arg(*c.qmPerMm);
        p.quickModesPerMainMode = 1;
    }
    return {};
}

Result<void> NetshRunner::addPolicy(const C &c)
{
    Policy p;
    p.name = *c.name;
    p.description = c.description.value_or(QString());
    p.pollingIntervalMinutes = c.pollingMinutes.value_or(Policy::DefaultPollingMinutes);
    if (auto ok = applyMainModeMethods(c, p); !ok)
        return ok;
    if (auto ok = PolicyEdits::createPolicy(w, report, p, c.activateDefaultRule.value_or(true));
        !ok)
        return ok;
    if (c.assign.value_or(false))
        return PolicyEdits::assign(w, report, p);
    return {};
}

Result<void> NetshRunner::setPolicy(const C &c)
{
    auto policy = findPolicy(c, c.name);
    if (!policy)
        return policy.error();
    Policy p = *policy;
    if (c.gpoName && m_onDirectory)
        return Error::usage(tr("set policy gponame=: this store assigns in one GPO, chosen with "
                               "--gpo NAME (or IPSEC_CONSOLE_GPO); use assign=yes."));
    if (c.gpoName)
        return Error::usage(tr("set policy gponame=: group policy objects belong to a domain "
                               "store, which is not available here."));
    const QString oldName = p.name;
    if (c.newName) {
        if (auto ok = PolicyEdits::checkNameFree(w, O::Policy, *c.newName, p.id); !ok)
            return ok;
    }
    p.name = c.newName.value_or(p.name);
    p.description = c.description.value_or(p.description);
    p.pollingIntervalMinutes = c.pollingMinutes.value_or(p.pollingIntervalMinutes);
    if (auto ok = applyMainModeMethods(c, p); !ok)
        return ok;
    if (auto ok = w.updatePolicy(p); !ok)
        return ok;
    if (c.activateDefaultRule) {
        auto rules = w.rulesOf(p.id);
        if (!rules)
            return rules.error();
        for (Rule r : rules.value()) {
            if (!r.defaultResponse)
                continue;
            r.active = *c.activateDefaultRule;
            if (auto ok = w.updateRule(r); !ok)
                return ok;
        }
    }
    if (c.newName || c.description || c.pollingMinutes || c.activateDefaultRule)
        report.messages << (oldName == p.name
                                ? tr("Changed policy %1.").arg(PolicyEdits::quote(p.name))
                                : tr("Changed policy %1 (now %2).")
                                      .arg(PolicyEdits::quote(oldName),
                                           PolicyEdits::quote(p.name)));
    if (c.assign) {
        auto assigned = w.assignedPolicy();
        if (!assigned)
            return assigned.error();
        const bool isAssigned = assigned.value() && *assigned.value() == p.id;
        if (*c.assign && !isAssigned) {
            if (auto ok = PolicyEdits::assign(w, report, p); !ok)
                return ok;
        } else if (!*c.assign && isAssigned) {
            if (auto ok = w.setAssignedPolicy(std::nullopt); !ok)
                return ok;
            report.messages << tr("Unassigned policy %1.").arg(PolicyEdits::quote(p.name));
        }
    }
    return {};
}

Result<void> NetshRunner::deletePolicy(const C &c)
{
    if (c.showAll) {
        auto policies = w.policies();
        if (!policies)
            return policies.error();
        for (const Policy &p : policies.value())
            if (auto ok = PolicyEdits::deletePolicy(w, report, p); !ok)
                return ok;
        return {};
    }
    auto policy = findPolicy(c, c.name);
    if (!policy)
        return policy.error();
    // An assigned policy is unassigned, then deleted, as Windows does.
    return PolicyEdits::deletePolicy(w, report, *policy);
}

Result<FilterList> NetshRunner::findFilterList(const C &c)
{
    if (c.guid && !c.name) {
        auto db = w.snapshot();
        if (!db)
            return db.error();
        const QUuid guid = QUuid::fromString(*c.guid);
        for (const FilterList &l : db->filterLists)
            if (l.guid == guid)
                return l;
        return Error::notFound(tr("There is no filter list with GUID %1.").arg(*c.guid));
    }
    const QString name = c.name.value_or(c.filterList.value_or(QString()));
    auto found = w.findFilterList(name);
    if (!found)
        return found.error();
    if (!found.value())
        return Error::notFound(
            tr("There is no filter list named %1.").arg(PolicyEdits::quote(name)));
    return *found.value();
}

Result<void> NetshRunner::addFilterList(const C &c)
{
    if (auto ok = PolicyEdits::checkNameFree(w, O::FilterList, *c.name); !ok)
        return ok;
    FilterList l;
    l.name = *c.name;
    l.description = c.description.value_or(QString());
    if (auto ok = w.insertFilterList(l); !ok)
        return ok;
    report.messages << tr("Created filter list %1.").arg(PolicyEdits::quote(l.name));
    return {};
}

Result<void> NetshRunner::setFilterList(const C &c)
{
    auto list = findFilterList(c);
    if (!list)
        return list.error();
    FilterList l = *list;
    if (c.newName) {
        if (auto ok = PolicyEdits::checkNameFree(w, O::FilterList, *c.newName, l.id); !ok)
            return ok;
    }
    l.name = c.newName.value_or(l.name);
    l.description = c.description.value_or(l.description);
    l.implicit = false; // named and edited by hand now
    if (auto ok = w.updateFilterList(l); !ok)
        return ok;
    report.messages << tr("Changed filter list %1.").arg(PolicyEdits::quote(l.name));
    return {};
}

Result<void> NetshRunner::deleteFilterList(const C &c)
{
    if (c.showAll) {
        auto db = w.snapshot();
        if (!db)
            return db.error();
        for (const FilterList &l : std::as_const(db->filterLists)) {
            auto used = w.filterListUseCount(l.id);
            if (!used)
                return used.error();
            if (used.value() > 0) {
                report.notices << tr("Filter list %1 is used by a rule; not deleted.")
                                      .arg(PolicyEdits::quote(l.name));
                continue;
            }
            if (auto ok = w.deleteFilterList(l.id); !ok)
                return ok;
            report.messages << tr("Deleted filter list %1.").arg(PolicyEdits::quote(l.name));
        }
        return {};
    }
    auto list = findFilterList(c);
    if (!list)
        return list.error();
    if (auto ok = w.deleteFilterList(list->id); !ok)
        return ok;
    report.messages << tr("Deleted filter list %1.").arg(PolicyEdits::quote(list->name));
    return {};
}

Result<void> NetshRunner::addFilter(const C &c)
{
    const QString key = c.filterList->toCaseFolded();
    auto cached = m_lists.find(key);
    if (cached == m_lists.end()) {
        auto found = w.findFilterList(*c.filterList);
        if (!found)
            return found.error();
        ListCache entry;
        if (found.value()) {
            entry.id = found.value()->id;
            entry.name = found.value()->name;
            for (const Filter &f : std::as_const(found.value()->filters))
                entry.traffic.insert(trafficKey(f));
        } else {
            // As netsh does: add filter creates the list it names.
            FilterList list;
            list.name = *c.filterList;
            if (auto ok = w.insertFilterList(list); !ok)
                return ok;
            report.messages << tr("Created filter list %1.").arg(PolicyEdits::quote(list.name));
            entry.id = list.id;
            entry.name = list.name;
        }
        cached = m_lists.insert(key, entry);
    }
    Filter f;
    f.source = *c.source;
    f.destination = *c.destination;
    f.protocol = c.protocol.value_or(Protocol::any());
    f.sourcePort = c.sourcePort.value_or(0);
    f.destinationPort = c.destinationPort.value_or(0);
    f.mirrored = c.mirrored.value_or(true);
    f.description = c.description.value_or(QString());
    if (const QStringList p = f.validate(); !p.isEmpty())
        return Error::usage(p.join(u' '));
    const QString traffic = trafficKey(f);
    if (cached->traffic.contains(traffic)) {
        report.notices << tr("Filter list %1 already has this filter; not added twice.")
                              .arg(PolicyEdits::quote(cached->name));
        return {};
    }
    if (auto ok = w.insertFilter(cached->id, f); !ok)
        return ok;
    cached->traffic.insert(traffic);
    report.messages << tr("Added a filter to %1.").arg(PolicyEdits::quote(cached->name));
    return {};
}

Result<void> NetshRunner::deleteFilter(const C &c)
{
    auto list = findFilterList(c);
    if (!list)
        return list.error();
    int deleted = 0;
    for (const Filter &f : std::as_const(list->filters)) {
        const bool match = (!c.source || f.source == *c.source)
                           && (!c.destination || f.destination == *c.destination)
                           && (!c.protocol || f.protocol == *c.protocol)
                           && (!c.sourcePort || f.sourcePort == *c.sourcePort)
                           && (!c.destinationPort || f.destinationPort == *c.destinationPort)
                           && (!c.mirrored || f.mirrored == *c.mirrored);
        if (!match)
            continue;
        if (auto ok = w.deleteFilter(f.id); !ok)
            return ok;
        ++deleted;
    }
    if (!deleted)
        return Error::notFound(tr("Filter list %1 has no filter matching these fields.")
                                   .arg(PolicyEdits::quote(list->name)));
    report.messages << tr("Deleted %n filter(s) from %1.", nullptr, deleted)
                           .arg(PolicyEdits::quote(list->name));
    return {};
}

Result<FilterAction> NetshRunner::findFilterAction(const C &c)
{
    if (c.guid && !c.name) {
        auto actions = w.filterActions();
        if (!actions)
            return actions.error();
        const QUuid guid = QUuid::fromString(*c.guid);
        for (const FilterAction &a : actions.value())
            if (a.guid == guid)
                return a;
        return Error::notFound(tr("There is no filter action with GUID %1.").arg(*c.guid));
    }
    const QString name = c.name.value_or(c.filterAction.value_or(QString()));
    auto found = w.findFilterAction(name);
    if (!found)
        return found.error();
    if (!found.value())
        return Error::notFound(
            tr("There is no filter action named %1.").arg(PolicyEdits::quote(name)));
    return *found.value();
}

Result<void> NetshRunner::applyFilterAction(FilterAction &a, const C &c)
{
    a.description = c.description.value_or(a.description);
    a.type = c.action.value_or(a.type);
    a.sessionKeyPfs = c.qmPfs.value_or(a.sessionKeyPfs);
    a.inboundPassThrough = c.inPass.value_or(a.inboundPassThrough);
    a.allowUnsecured = c.soft.value_or(a.allowUnsecured);
    if (a.type == FilterAction::Type::Negotiate) {
        if (c.qmSecMethods)
            a.securityMethods = *c.qmSecMethods;
        if (a.securityMethods.isEmpty())
            a.securityMethods << SecurityMethod{}; // ESP[3DES,SHA1], as Windows offers first
        return {};
    }
    // Quick-mode settings mean nothing to Permit and Block (netsh ignores them too).
    QStringList ignored;
    if (c.qmSecMethods)
        ignored << u"qmsecmethods"_s;
    if (c.qmPfs.value_or(false))
        ignored << u"qmpfs"_s;
    if (c.inPass.value_or(false))
        ignored << u"inpass"_s;
    if (c.soft.value_or(false))
        ignored << u"soft"_s;
    if (!ignored.isEmpty())
        report.notices << tr("Filter action %1: %2 apply only to action=negotiate and are not "
                             "stored.")
                              .arg(PolicyEdits::quote(a.name), ignored.join(u", "_s));
    a.securityMethods.clear();
    a.sessionKeyPfs = a.inboundPassThrough = a.allowUnsecured = false;
    return {};
}

Result<void> NetshRunner::addFilterAction(const C &c)
{
    if (auto ok = PolicyEdits::checkNameFree(w, O::FilterAction, *c.name); !ok)
        return ok;
    FilterAction a;
    a.name = *c.name;
    a.type = FilterAction::Type::Negotiate; // netsh's default
    if (auto ok = applyFilterAction(a, c); !ok)
        return ok;
    if (auto ok = w.insertFilterAction(a); !ok)
        return ok;
    report.messages << tr("Created filter action %1 (%2).")
                           .arg(PolicyEdits::quote(a.name), FilterAction::typeName(a.type));
    return {};
}

Result<void> NetshRunner::setFilterAction(const C &c)
{
    auto action = findFilterAction(c);
    if (!action)
        return action.error();
    FilterAction a = *action;
    if (c.newName) {
        if (auto ok = PolicyEdits::checkNameFree(w, O::FilterAction, *c.newName, a.id); !ok)
            return ok;
    }
    a.name = c.newName.value_or(a.name);
    if (auto ok = applyFilterAction(a, c); !ok)
        return ok;
    if (auto ok = w.updateFilterAction(a); !ok)
        return ok;
    report.messages << tr("Changed filter action %1.").arg(PolicyEdits::quote(a.name));
    return {};
}

Result<void> NetshRunner::deleteFilterAction(const C &c)
{
    if (c.showAll) {
        auto actions = w.filterActions();
        if (!actions)
            return actions.error();
        for (const FilterAction &a : actions.value()) {
            auto used = w.filterActionUseCount(a.id);
            if (!used)
                return used.error();
            if (used.value() > 0) {
                report.notices << tr("Filter action %1 is used by a rule; not deleted.")
                                      .arg(PolicyEdits::quote(a.name));
                continue;
            }
            if (auto ok = w.deleteFilterAction(a.id); !ok)
                return ok;
            report.messages << tr("Deleted filter action %1.").arg(PolicyEdits::quote(a.name));
        }
        return {};
    }
    auto action = findFilterAction(c);
    if (!action)
        return action.error();
    if (auto ok = w.deleteFilterAction(action->id); !ok)
        return ok;
    report.messages << tr("Deleted filter action %1.").arg(PolicyEdits::quote(action->name));
    return {};
}

Result<Rule> NetshRunner::findRule(const Policy &policy, const C &c)
{
    auto rules = w.rulesOf(policy.id);
    if (!rules)
        return rules.error();
    int index = 0;
    for (const Rule &r : rules.value()) {
        if (r.defaultResponse)
            continue;
        ++index;
        if ((c.ruleId && *c.ruleId == index)
            || (c.name && r.name.compare(*c.name, Qt::CaseInsensitive) == 0))
            return r;
    }
    return Error::notFound(
        c.ruleId ? tr("Policy %1 has no rule %2 (it has %3).")
                       .arg(PolicyEdits::quote(policy.name))
                       .arg(*c.ruleId)
                       .arg(index)
                 : tr("Policy %1 has no rule named %2.")
                       .arg(PolicyEdits::quote(policy.name), PolicyEdits::quote(*c.name)));
}

Result<void> NetshRunner::addRule(const C &c)
{
    auto policy = findPolicy(c, c.policy);
    if (!policy)
        return policy.error();
    if (auto ok = PolicyEdits::checkRuleNameFree(w, *policy, *c.name); !ok)
        return ok;
    C lookup = c;
    lookup.name.reset();
    lookup.guid.reset();
    auto list = findFilterList(lookup);
    if (!list)
        return list.error();
    auto action = findFilterAction(lookup);
    if (!action)
        return action.error();
    Rule r;
    r.policyId = policy->id;
    r.name = *c.name;
    r.description = c.description.value_or(QString());
    r.filterListId = list->id;
    r.filterActionId = action->id;
    r.active = c.activate.value_or(true);
    r.tunnelEndpoint = c.tunnel.value_or(QString());
    r.connectionType = c.connectionType.value_or(Rule::ConnectionType::All);
    if (c.authMethods)
        r.authMethods = *c.authMethods;
    if (auto ok = w.insertRule(r); !ok)
        return ok;
    report.messages << tr("Added rule %1 to policy %2: filter list %3, filter action %4.")
                           .arg(PolicyEdits::quote(r.name), PolicyEdits::quote(policy->name),
                                PolicyEdits::quote(list->name), PolicyEdits::quote(action->name));
    return w.touchPolicy(policy->id);
}

Result<void> NetshRunner::setRule(const C &c)
{
    auto policy = findPolicy(c, c.policy);
    if (!policy)
        return policy.error();
    auto rule = findRule(*policy, c);
    if (!rule)
        return rule.error();
    Rule r = *rule;
    if (c.newName) {
        if (auto ok = PolicyEdits::checkRuleNameFree(w, *policy, *c.newName, r.id); !ok)
            return ok;
        r.name = *c.newName;
    }
    C lookup = c;
    lookup.name.reset();
    lookup.guid.reset();
    if (c.filterList) {
        auto list = findFilterList(lookup);
        if (!list)
            return list.error();
        r.filterListId = list->id;
    }
    if (c.filterAction) {
        auto action = findFilterAction(lookup);
        if (!action)
            return action.error();
        r.filterActionId = action->id;
    }
    r.description = c.description.value_or(r.description);
    r.active = c.activate.value_or(r.active);
    r.tunnelEndpoint = c.tunnel.value_or(r.tunnelEndpoint);
    r.connectionType = c.connectionType.value_or(r.connectionType);
    if (c.authMethods)
        r.authMethods = *c.authMethods;
    if (auto ok = w.updateRule(r); !ok)
        return ok;
    report.messages << tr("Changed rule %1 of policy %2.")
                           .arg(PolicyEdits::quote(r.name), PolicyEdits::quote(policy->name));
    return w.touchPolicy(policy->id);
}

Result<void> NetshRunner::deleteRule(const C &c)
{
    auto policy = findPolicy(c, c.policy);
    if (!policy)
        return policy.error();
    if (c.showAll) {
        // Every rule but the default response rule, as netsh does.
        auto rules = w.rulesOf(policy->id);
        if (!rules)
            return rules.error();
        int deleted = 0;
        for (const Rule &r : rules.value()) {
            if (r.defaultResponse)
                continue;
            if (auto ok = w.deleteRule(r.id); !ok)
                return ok;
            ++deleted;
        }
        report.messages << tr("Deleted %n rule(s) of policy %1.", nullptr, deleted)
                               .arg(PolicyEdits::quote(policy->name));
        return w.touchPolicy(policy->id);
    }
    auto rule = findRule(*policy, c);
    if (!rule)
        return rule.error();
    if (auto ok = w.deleteRule(rule->id); !ok)
        return ok;
    report.messages << tr("Deleted rule %1 of policy %2.")
                           .arg(PolicyEdits::quote(rule->name), PolicyEdits::quote(policy->name));
    return w.touchPolicy(policy->id);
}

Result<void> NetshRunner::setDefaultRule(const C &c)
{
    auto policy = findPolicy(c, c.policy);
    if (!policy)
        return policy.error();
    auto rules = w.rulesOf(policy->id);
    if (!rules)
        return rules.error();
    for (Rule r : rules.value()) {
        if (!r.defaultResponse)
            continue;
        r.active = c.activate.value_or(r.active);
        if (c.authMethods)
            r.authMethods = *c.authMethods;
        if (c.qmSecMethods || c.qmPfs)
            report.notices << tr("set defaultrule: qmsecmethods and qmpfs of the default "
                                 "response rule are not stored (it answers with the IKE "
                                 "daemon's defaults).");
        if (auto ok = w.updateRule(r); !ok)
            return ok;
        report.messages << tr("Changed the default response rule of policy %1 (%2).")
                               .arg(PolicyEdits::quote(policy->name),
                                    r.active ? tr("active") : tr("inactive"));
        return w.touchPolicy(policy->id);
    }
    return Error::notFound(
        tr("Policy %1 has no default response rule.").arg(PolicyEdits::quote(policy->name)));
}

Result<void> NetshRunner::deleteAll()
{
    auto db = w.snapshot();
    if (!db)
        return db.error();
    for (const Policy &p : db->policies)
        if (auto ok = w.deletePolicy(p.id); !ok)
            return ok;
    for (const FilterList &l : db->filterLists)
        if (auto ok = w.deleteFilterList(l.id); !ok)
            return ok;
    for (const FilterAction &a : db->filterActions)
        if (auto ok = w.deleteFilterAction(a.id); !ok)
            return ok;
    report.messages << tr("Deleted every policy (%1), filter list (%2) and filter action (%3).")
                           .arg(db->policies.size())
                           .arg(db->filterLists.size())
                           .arg(db->filterActions.size());
    return {};
}

} // namespace ipsec
