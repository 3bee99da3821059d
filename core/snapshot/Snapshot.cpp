#include "snapshot/Snapshot.h"

#include <QSet>

namespace ipsec {

Result<Snapshot> Snapshot::restrictedTo(const QString &policyName) const
{
    const Policy *policy = database.policyByName(policyName);
    if (!policy)
        return Error::notFound(tr("There is no policy \"%1\".").arg(policyName));
    Snapshot out = *this;
    out.scopePolicy = policy->name;
    PolicyDatabase &db = out.database;
    db.policies = {*policy};
    db.rules.clear();
    QSet<qint64> lists, actions;
    for (const Rule *r : database.rulesOf(policy->id)) {
        db.rules << *r;
        lists.insert(r->filterListId);
        actions.insert(r->filterActionId);
    }
    // Keep the store's order of the shared objects the policy's rules use.
    db.filterLists.clear();
    for (const FilterList &l : database.filterLists)
        if (lists.contains(l.id))
            db.filterLists << l;
    db.filterActions.clear();
    for (const FilterAction &a : database.filterActions)
        if (actions.contains(a.id))
            db.filterActions << a;
    return out;
}

} // namespace ipsec
