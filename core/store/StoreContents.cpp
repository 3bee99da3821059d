#include "store/StoreContents.h"

#include "store/PolicyStore.h"

#include <QCoreApplication>
#include <QHash>

namespace ipsec {

namespace {

class StoreContents {
    Q_DECLARE_TR_FUNCTIONS(ipsec::StoreContents)
public:
    // Every rule must name a policy, list and action that db holds.
    static Result<void> checkReferences(const PolicyDatabase &db)
    {
        for (const Rule &r : db.rules) {
            if (!db.policy(r.policyId))
                return Error::usage(tr("Rule \"%1\" belongs to policy id %2, which is missing.")
                                        .arg(r.name)
                                        .arg(r.policyId));
            if (r.defaultResponse)
                continue;
            if (!db.filterList(r.filterListId))
                return Error::usage(tr("Rule \"%1\" uses filter list id %2, which is missing.")
                                        .arg(r.name)
                                        .arg(r.filterListId));
            if (!db.filterAction(r.filterActionId))
                return Error::usage(tr("Rule \"%1\" uses filter action id %2, which is missing.")
                                        .arg(r.name)
                                        .arg(r.filterActionId));
        }
        return {};
    }
};

Result<void> removeEverything(StoreWriter &w)
{
    auto current = w.snapshot();
    if (!current)
        return current.error();
    if (auto ok = w.setAssignedPolicy(std::nullopt); !ok)
        return ok;
    for (const Policy &p : current->policies) // takes its rules along
        if (auto ok = w.deletePolicy(p.id); !ok)
            return ok;
    for (const FilterList &l : current->filterLists)
        if (auto ok = w.deleteFilterList(l.id); !ok)
            return ok;
    for (const FilterAction &a : current->filterActions)
        if (auto ok = w.deleteFilterAction(a.id); !ok)
            return ok;
    return {};
}

} // namespace

Result<void> replaceStoreContents(StoreWriter &w, const PolicyDatabase &db)
{
    if (auto ok = StoreContents::checkReferences(db); !ok)
        return ok;
    if (auto ok = removeEverything(w); !ok)
        return ok;

    QHash<qint64, qint64> listIds, actionIds, policyIds;
    for (FilterList list : db.filterLists) {
        const qint64 oldId = list.id;
        list.id = 0;
        for (Filter &f : list.filters)
            f.id = 0;
        if (auto ok = w.insertFilterList(list); !ok)
            return ok;
        listIds.insert(oldId, list.id);
    }
    for (FilterAction action : db.filterActions) {
        const qint64 oldId = action.id;
        action.id = 0;
        if (auto ok = w.insertFilterAction(action); !ok)
            return ok;
        actionIds.insert(oldId, action.id);
    }
    for (Policy policy : db.policies) {
        const qint64 oldId = policy.id;
        policy.id = 0;
        policy.assigned = false;
        if (auto ok = w.insertPolicy(policy); !ok)
            return ok;
        policyIds.insert(oldId, policy.id);
    }
    for (Rule rule : db.rules) {
        rule.id = 0;
        rule.policyId = policyIds.value(rule.policyId);
        rule.filterListId = listIds.value(rule.filterListId);
        rule.filterActionId = actionIds.value(rule.filterActionId);
        if (auto ok = w.insertRule(rule); !ok)
            return ok;
    }
    // Inserting rules touched their policies: put the recorded times back.
    for (const Policy &policy : db.policies) {
        if (policy.lastModified.isValid())
            if (auto ok = w.setLastModified(policyIds.value(policy.id), policy.lastModified); !ok)
                return ok;
    }
    if (const Policy *assigned = db.assignedPolicy())
        return w.setAssignedPolicy(policyIds.value(assigned->id));
    return {};
}

} // namespace ipsec
