#include "service/StaticCommand.h"

#include "service/PolicyEdits.h"

#include "store/PolicyStore.h"

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// The filter action an -n keyword stands for: reused by name when it exists.
struct ActionTemplate {
    QString name;
    QString description;
    FilterAction::Type type;
    bool inboundPassThrough = false;
};

bool sameFilters(const QList<Filter> &a, const QList<Filter> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (!a.at(i).sameTraffic(b.at(i)))
            return false;
    return true;
}

} // namespace

StaticCommand::StaticCommand(StoreWriter &writer, ServiceReport &r)
    : w(writer)
    , report(r)
{
}

Result<void> StaticCommand::check(const syntax::IpsecCmdCommand &c)
{
    if (auto ok = PolicyEdits::checkComputer(c.computer); !ok)
        return ok;
    if (c.policyName.isEmpty())
        return Error::usage(tr("Static mode (-w) needs a policy name: add -p \"Policy Name\"."));
    if (c.deleteDynamic)
        return Error::usage(tr("-u deletes dynamic filters and cannot be combined with -w."));
    if (c.assign && c.unassign)
        return Error::usage(tr("-x (assign) and -y (unassign) contradict each other."));
    if (c.remove && c.assign)
        return Error::usage(tr("-o (delete) and -x (assign) contradict each other."));
    if (c.remove && !c.filters.isEmpty())
        return Error::usage(tr("-o deletes; it cannot be combined with -f."));
    if (!c.filters.isEmpty() && c.ruleNames.size() != 1)
        return Error::usage(c.ruleNames.isEmpty()
                                ? tr("Filters (-f) in static mode belong to a rule: add -r "
                                     "\"Rule Name\".")
                                : tr("Filters (-f) go into one rule, but %1 rule names (-r) were "
                                     "given.")
                                      .arg(c.ruleNames.size()));
    for (const auto &spec : c.filters) {
        if (spec.wrap != syntax::FilterSpec::Wrap::None)
            return Error::usage(tr("[ ] and ( ) mark dynamic block and pass filters; in static "
                                   "mode (-w) give the action with -n BLOCK or -n PASS instead."));
        if (const QStringList p = spec.filter.validate(); !p.isEmpty())
            return Error::usage(p.join(u' '));
    }
    if (c.filters.isEmpty() && !c.ruleNames.isEmpty() && !c.remove)
        return Error::usage(tr("Rule %1 needs filters: add -f SPEC, or -o to delete it.")
                                .arg(PolicyEdits::quote(c.ruleNames.first())));
    if (c.pollingMinutes && (*c.pollingMinutes < 1 || *c.pollingMinutes > 43200))
        return Error::usage(tr("The polling interval %1 is out of range (1-43200 minutes).")
                                .arg(*c.pollingMinutes));
    return {};
}

Result<void> StaticCommand::run(const syntax::IpsecCmdCommand &c)
{
    if (auto ok = check(c); !ok)
        return ok;
    auto found = w.findPolicy(c.policyName);
    if (!found)
        return found.error();
    const std::optional<Policy> &existing = found.value();

    if (c.unassign) {
        if (!existing)
            return Error::notFound(
                tr("There is no policy named %1.").arg(PolicyEdits::quote(c.policyName)));
        auto assigned = w.assignedPolicy();
        if (!assigned)
            return assigned.error();
        if (assigned.value() == existing->id) {
            if (auto r = w.setAssignedPolicy(std::nullopt); !r)
                return r;
            report.messages << tr("Unassigned policy %1.").arg(PolicyEdits::quote(existing->name));
        } else {
            report.notices << tr("Policy %1 was not assigned; nothing to unassign.")
                                  .arg(PolicyEdits::quote(existing->name));
        }
    }

    if (c.remove) {
        if (!existing)
            return Error::notFound(
                tr("There is no policy named %1.").arg(PolicyEdits::quote(c.policyName)));
        if (c.ruleNames.isEmpty())
            return removePolicy(*existing);
        return removeRules(*existing, c.ruleNames);
    }

    auto policy = findOrCreatePolicy(c);
    if (!policy)
        return policy.error();
    if (!c.filters.isEmpty()) {
        if (auto r = putRule(*policy, c); !r)
            return r;
    }
    if (c.assign) {
        if (auto r = PolicyEdits::assign(w, report, *policy); !r)
            return r;
    }
    return {};
}

namespace {

// -1k "10Q", "3600S", "10Q/3600S" (checked by the parser) and -1p onto the policy's key
// exchange settings. Master key PFS means one quick mode per main mode, as on Windows.
void applyKeyExchange(const syntax::IpsecCmdCommand &c, Policy &p)
{
    for (const QString &part : c.mainModeRekey.split(u'/', Qt::SkipEmptyParts)) {
        const int n = int(qMin(part.chopped(1).toLongLong(), qint64(INT_MAX)));
        if (part.endsWith(u'S', Qt::CaseInsensitive))
            p.mainModeLifetimeSeconds = n;
        else
            p.quickModesPerMainMode = n;
    }
    if (c.mainModePfs) {
        p.mainModePfs = true;
        p.quickModesPerMainMode = 1;
    }
}

} // namespace

Result<Policy> StaticCommand::findOrCreatePolicy(const syntax::IpsecCmdCommand &c)
{
    // -1s: the policy's main-mode (IKE) offers.
    std::optional<QList<MainModeMethod>> mainMode;
    if (!c.mainModeMethods.isEmpty()) {
        auto parsed = MainModeMethod::parseList(c.mainModeMethods.join(u' '));
        if (!parsed)
            return parsed.error();
        mainMode = *parsed;
    }
    auto found = w.findPolicy(c.policyName);
    if (!found)
        return found.error();
    if (found.value()) {
        Policy p = *found.value();
        // Checked before anything is written: bad input changes nothing.
        Policy changed = p;
        if (mainMode)
            changed.mainModeMethods = *mainMode;
        applyKeyExchange(c, changed);
        if (const QStringList problems = changed.validate(); !problems.isEmpty())
            return Error::usage(problems.join(u' '));
        if (changed != p) {
            if (auto r = w.updatePolicy(changed); !r)
                return r.error();
        }
        if (changed.mainModeMethods != p.mainModeMethods)
            report.messages << tr("Policy %1 now offers the main mode methods %2.")
                                   .arg(PolicyEdits::quote(p.name),
                                        MainModeMethod::listToString(changed.mainModeMethods));
        if (changed.mainModeLifetimeSeconds != p.mainModeLifetimeSeconds
            || changed.quickModesPerMainMode != p.quickModesPerMainMode
            || changed.mainModePfs != p.mainModePfs)
            report.messages << tr("Policy %1 now starts a new main mode after %2 seconds or %3 "
                                  "quick modes (0: no limit); master key PFS: %4.")
                                   .arg(PolicyEdits::quote(p.name))
                                   .arg(changed.mainModeLifetimeSeconds)
                                   .arg(changed.quickModesPerMainMode)
                                   .arg(changed.mainModePfs ? tr("yes") : tr("no"));
        p = changed;
        if (c.pollingMinutes && *c.pollingMinutes != p.pollingIntervalMinutes) {
            p.pollingIntervalMinutes = *c.pollingMinutes;
            if (auto r = w.updatePolicy(p); !r)
                return r.error();
            report.messages << tr("Policy %1 now checks for changes every %2 minutes.")
                                   .arg(PolicyEdits::quote(p.name))
                                   .arg(p.pollingIntervalMinutes);
        }
        return p;
    }
    Policy p;
    p.name = c.policyName;
    if (c.pollingMinutes)
        p.pollingIntervalMinutes = *c.pollingMinutes;
    if (mainMode)
        p.mainModeMethods = *mainMode;
    applyKeyExchange(c, p);
    if (const QStringList problems = p.validate(); !problems.isEmpty())
        return Error::usage(problems.join(u' '));
    // Windows adds the default response rule to every new policy.
    if (auto r = PolicyEdits::createPolicy(w, report, p, true); !r)
        return r.error();
    return p;
}

Result<void> StaticCommand::putRule(const Policy &policy, const syntax::IpsecCmdCommand &c)
{
    QList<Filter> filters;
    for (const auto &spec : c.filters)
        filters << spec.filter;
    const QString ruleName = c.ruleNames.first();

    auto existing = w.findRule(policy.id, ruleName);
    if (!existing)
        return existing.error();
    auto action = filterActionFor(c);
    if (!action)
        return action.error();
    auto list =
        filterListFor(ruleName, filters, existing.value() ? existing.value()->filterListId : 0);
    if (!list)
        return list.error();

    Rule rule = existing.value().value_or(Rule{});
    const qint64 oldList = rule.filterListId;
    rule.policyId = policy.id;
    rule.name = ruleName;
    rule.filterListId = *list;
    rule.filterActionId = *action;
    rule.tunnelEndpoint = c.tunnel;
    rule.connectionType = c.connectionType;
    if (!c.authMethods.isEmpty())
        rule.authMethods = c.authMethods;
    if (const QStringList problems = rule.validate(); !problems.isEmpty())
        return Error::usage(problems.join(u' '));

    auto actionObj = w.filterAction(*action);
    if (!actionObj)
        return actionObj.error();
    const QString summary = tr("%n filter(s), action %1", nullptr, int(filters.size()))
                                .arg(PolicyEdits::quote(actionObj->name));
    if (existing.value()) {
        if (auto r = w.updateRule(rule); !r)
            return r;
        if (oldList && oldList != rule.filterListId) {
            if (auto r = dropImplicitListIfUnused(oldList); !r)
                return r;
        }
        report.messages << tr("Replaced rule %1 of policy %2: %3.")
                               .arg(PolicyEdits::quote(rule.name), PolicyEdits::quote(policy.name),
                                    summary);
    } else {
        if (auto r = w.insertRule(rule); !r)
            return r;
        report.messages << tr("Added rule %1 to policy %2: %3.")
                               .arg(PolicyEdits::quote(rule.name), PolicyEdits::quote(policy.name),
                                    summary);
    }
    return w.touchPolicy(policy.id);
}

Result<qint64> StaticCommand::filterListFor(const QString &ruleName, const QList<Filter> &filters,
                                            qint64 currentListId)
{
    // The rule's own implicit list is rewritten in place when no other rule shares it.
    if (currentListId) {
        auto current = w.filterList(currentListId);
        if (!current)
            return current.error();
        if (sameFilters(current->filters, filters))
            return currentListId;
        auto uses = w.filterListUseCount(currentListId);
        if (!uses)
            return uses.error();
        if (current->implicit && uses.value() == 1) {
            QList<Filter> copy = filters;
            if (auto r = w.replaceFilters(currentListId, copy); !r)
                return r.error();
            return currentListId;
        }
    }
    // Reuse a list of the rule's name that holds exactly these filters (the same rule in
    // several policies, as in the article); otherwise make a new one with a free name.
    QString name = ruleName;
    for (int n = 2;; ++n) {
        auto found = w.findFilterList(name);
        if (!found)
            return found.error();
        if (!found.value())
            break;
        if (sameFilters(found.value()->filters, filters))
            return found.value()->id;
        name = u"%1 (%2)"_s.arg(ruleName).arg(n);
    }
    FilterList list;
    list.name = name;
    list.implicit = true;
    list.filters = filters;
    if (const QStringList problems = list.validate(); !problems.isEmpty())
        return Error::usage(problems.join(u' '));
    if (auto r = w.insertFilterList(list); !r)
        return r.error();
    return list.id;
}

Result<qint64> StaticCommand::filterActionFor(const syntax::IpsecCmdCommand &c)
{
    FilterAction wanted;
    const syntax::Negotiation n = c.negotiation.value_or(syntax::Negotiation{});
    switch (n.kind) {
    case syntax::Negotiation::Kind::Block:
        wanted.name = u"Block"_s;
        wanted.description = tr("Block all traffic that matches the filter list.");
        wanted.type = FilterAction::Type::Block;
        break;
    case syntax::Negotiation::Kind::Pass:
        wanted.name = u"Permit"_s;
        wanted.description = tr("Permit unsecured IP packets to pass through.");
        wanted.type = FilterAction::Type::Permit;
        break;
    case syntax::Negotiation::Kind::InPass:
    case syntax::Negotiation::Kind::Methods: {
        wanted.type = FilterAction::Type::Negotiate;
        wanted.inboundPassThrough = n.kind == syntax::Negotiation::Kind::InPass;
        wanted.allowUnsecured = c.soft;
        wanted.securityMethods = n.methods;
        if (wanted.securityMethods.isEmpty())
            wanted.securityMethods << SecurityMethod{}; // ESP[3DES,SHA1], as Windows offers first
        QStringList parts;
        for (const SecurityMethod &m : wanted.securityMethods)
            parts << m.toString();
        wanted.name = tr("Negotiate %1").arg(parts.join(u' '));
        if (wanted.inboundPassThrough)
            wanted.name += tr(", inbound pass-through");
        if (wanted.allowUnsecured)
            wanted.name += tr(", fall back to clear");
        wanted.description = tr("Created by ipseccmd -n.");
        break;
    }
    }
    if (!c.negotiation)
        report.notices << tr("No -n given: the rule negotiates security (%1), as on Windows. "
                             "Use -n BLOCK or -n PASS to block or permit.")
                              .arg(wanted.securityMethods.first().toString());

    // Reuse an action of that name when it does the same thing; otherwise a free name.
    const QString base = wanted.name;
    for (int i = 2;; ++i) {
        auto found = w.findFilterAction(wanted.name);
        if (!found)
            return found.error();
        if (!found.value())
            break;
        FilterAction f = *found.value();
        if (f.type == wanted.type && f.inboundPassThrough == wanted.inboundPassThrough
            && f.allowUnsecured == wanted.allowUnsecured
            && (f.type != FilterAction::Type::Negotiate
                || f.securityMethods == wanted.securityMethods))
            return f.id;
        wanted.name = u"%1 (%2)"_s.arg(base).arg(i);
    }
    if (const QStringList problems = wanted.validate(); !problems.isEmpty())
        return Error::usage(problems.join(u' '));
    if (auto r = w.insertFilterAction(wanted); !r)
        return r.error();
    report.messages << tr("Created filter action %1.").arg(PolicyEdits::quote(wanted.name));
    return wanted.id;
}

Result<void> StaticCommand::dropImplicitListIfUnused(qint64 listId)
{
    auto list = w.filterList(listId);
    if (!list)
        return list.error();
    if (!list->implicit)
        return {};
    auto uses = w.filterListUseCount(listId);
    if (!uses)
        return uses.error();
    if (uses.value() > 0)
        return {};
    return w.deleteFilterList(listId);
}

Result<void> StaticCommand::removeRules(const Policy &policy, const QStringList &ruleNames)
{
    QList<Rule> doomed;
    for (const QString &name : ruleNames) {
        auto rule = w.findRule(policy.id, name);
        if (!rule)
            return rule.error();
        if (!rule.value())
            return Error::notFound(
                tr("Policy %1 has no rule named %2.")
                    .arg(PolicyEdits::quote(policy.name), PolicyEdits::quote(name)));
        doomed << *rule.value();
    }
    for (const Rule &r : doomed) {
        if (auto ok = w.deleteRule(r.id); !ok)
            return ok;
        if (r.filterListId) {
            if (auto ok = dropImplicitListIfUnused(r.filterListId); !ok)
                return ok;
        }
        report.messages << tr("Deleted rule %1.").arg(PolicyEdits::quote(r.name));
    }
    // A policy left with nothing but its default response rule goes too, as in the article.
    auto rest = w.rulesOf(policy.id);
    if (!rest)
        return rest.error();
    const bool onlyDefault =
        std::all_of(rest->cbegin(), rest->cend(), [](const Rule &r) { return r.defaultResponse; });
    if (onlyDefault)
        return removePolicy(policy);
    return w.touchPolicy(policy.id);
}

Result<void> StaticCommand::removePolicy(const Policy &policy)
{
    auto rules = w.rulesOf(policy.id);
    if (!rules)
        return rules.error();
    // An assigned policy is unassigned first, as Windows does.
    if (auto ok = PolicyEdits::deletePolicy(w, report, policy); !ok)
        return ok;
    for (const Rule &r : rules.value()) {
        if (r.filterListId) {
            if (auto ok = dropImplicitListIfUnused(r.filterListId); !ok)
                return ok;
        }
    }
    return {};
}

} // namespace ipsec
