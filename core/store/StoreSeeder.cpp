#include "store/StoreSeeder.h"

#include <QHash>

namespace ipsec {

Result<void> StoreSeeder::insertAll(StoreWriter &w, PolicyDatabase objects)
{
    QHash<qint64, qint64> listIds;
    QHash<qint64, qint64> actionIds;
    QHash<qint64, qint64> policyIds;
    for (FilterList &l : objects.filterLists) {
        const qint64 key = l.id;
        l.id = 0;
        if (auto ok = w.insertFilterList(l); !ok)
            return ok;
        listIds.insert(key, l.id);
    }
    for (FilterAction &a : objects.filterActions) {
        const qint64 key = a.id;
        a.id = 0;
        if (auto ok = w.insertFilterAction(a); !ok)
            return ok;
        actionIds.insert(key, a.id);
    }
    for (Policy &p : objects.policies) {
        const qint64 key = p.id;
        p.id = 0;
        if (auto ok = w.insertPolicy(p); !ok)
            return ok;
        policyIds.insert(key, p.id);
    }
    for (Rule &r : objects.rules) {
        r.id = 0;
        r.policyId = policyIds.value(r.policyId);
        r.filterListId = r.filterListId ? listIds.value(r.filterListId) : 0;
        r.filterActionId = r.filterActionId ? actionIds.value(r.filterActionId) : 0;
        if (auto ok = w.insertRule(r); !ok)
            return ok;
    }
    return {};
}

} // namespace ipsec
