#pragma once

#include "model/FilterAction.h"
#include "model/FilterList.h"
#include "model/Policy.h"
#include "model/Rule.h"

#include <QHash>
#include <QList>

namespace ipsec {

// A rule that takes part in enforcement, with its list and action looked up.
struct EnforcedRule {
    const Rule *rule = nullptr;
    const FilterList *filterList = nullptr;
    const FilterAction *filterAction = nullptr;
};

// The whole content of a static store, as loaded in one read transaction.
struct PolicyDatabase {
    qint64 revision = 0;
    QList<Policy> policies;
    QList<Rule> rules;
    QList<FilterList> filterLists;
    QList<FilterAction> filterActions;

    const Policy *policy(qint64 id) const;
    const Policy *policyByName(const QString &name) const; // case-insensitive
    const Policy *assignedPolicy() const;
    const Rule *rule(qint64 id) const;
    QList<const Rule *> rulesOf(qint64 policyId) const;
    // The active rules of a policy that carry filters (not the default response rule), skipping
    // any whose list or action is missing.
    QList<EnforcedRule> enforcedRulesOf(qint64 policyId) const;
    const FilterList *filterList(qint64 id) const;
    const FilterList *filterListByName(const QString &name) const;
    const FilterAction *filterAction(qint64 id) const;
    const FilterAction *filterActionByName(const QString &name) const;
    qsizetype filterCount() const;

    // The Windows example objects every new store starts with (ids left 0).
    static PolicyDatabase windowsDefaults();
};

} // namespace ipsec
