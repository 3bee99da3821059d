#include "StoreChangeUndo.h"

#include <QSet>

namespace ipsec::ui {

namespace {

template <typename T>
QSet<QUuid> guids(const QList<T> &objects)
{
    QSet<QUuid> set;
    for (const T &o : objects)
        set.insert(o.guid);
    return set;
}

bool sameDynamic(const QList<engine::DynamicFilter> &a, const QList<engine::DynamicFilter> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a.at(i).action != b.at(i).action || !a.at(i).filter.sameTraffic(b.at(i).filter))
            return false;
    return true;
}

} // namespace

Result<StoreChangeUndo> StoreChangeUndo::capture(PolicyClient &service)
{
    StoreChangeUndo undo;
    auto db = service.load();
    if (!db)
        return db.error();
    undo.before = db.value();
    if (service.isEnforcing()) {
        auto dynamic = service.dynamicFilters();
        if (dynamic)
            undo.dynamicBefore = dynamic.value();
    }
    return undo;
}

Result<ServiceReport> StoreChangeUndo::revert(PolicyClient &service) const
{
    auto now = service.load();
    if (!now)
        return now.error();
    ServiceReport all;
    const auto collect = [&all](const Result<ServiceReport> &r) {
        if (r) {
            all.messages << r->messages;
            all.notices << r->notices;
        }
        return bool(r);
    };
    // The assignment first: a policy about to be deleted is never left enforced.
    const Policy *wasAssigned = before.assignedPolicy();
    const Policy *isAssigned = now->assignedPolicy();
    if (wasAssigned && (!isAssigned || isAssigned->guid != wasAssigned->guid)) {
        if (auto r = service.assignPolicy(wasAssigned->name); !collect(r))
            return r;
    } else if (!wasAssigned && isAssigned) {
        if (auto r = service.unassignPolicy(); !collect(r))
            return r;
    }
    const QSet<QUuid> oldRules = guids(before.rules);
    const QSet<QUuid> oldPolicies = guids(before.policies);
    for (const Rule &r : std::as_const(now->rules))
        if (!oldRules.contains(r.guid) && oldPolicies.contains(now->policy(r.policyId)->guid))
            if (auto result = service.deleteRule(r.id); !collect(result))
                return result;
    for (const Policy &p : std::as_const(now->policies))
        if (!oldPolicies.contains(p.guid))
            if (auto result = service.deletePolicy(p.id); !collect(result))
                return result;
    const QSet<QUuid> oldLists = guids(before.filterLists);
    for (const FilterList &l : std::as_const(now->filterLists))
        if (!oldLists.contains(l.guid))
            if (auto result = service.deleteFilterList(l.id); !collect(result))
                return result;
    const QSet<QUuid> oldActions = guids(before.filterActions);
    for (const FilterAction &a : std::as_const(now->filterActions))
        if (!oldActions.contains(a.guid))
            if (auto result = service.deleteFilterAction(a.id); !collect(result))
                return result;
    if (service.isEnforcing()) {
        auto dynamic = service.dynamicFilters();
        if (dynamic && !sameDynamic(dynamic.value(), dynamicBefore)) {
            if (auto r = service.clearDynamicFilters(); !collect(r))
                return r;
            if (!dynamicBefore.isEmpty())
                if (auto r = service.addDynamicFilters(dynamicBefore); !collect(r))
                    return r;
        }
    }
    return all;
}

} // namespace ipsec::ui
