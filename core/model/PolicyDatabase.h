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

    // Every preshared key becomes AuthMethod::MaskedSecret (for callers who may not change the
    // policy).
    void maskSecrets();
    // A masked key coming back (a masked export imported, a rule saved by a console that saw
    // it masked) takes the key `stored` holds for the same rule (same guid, else same id): the
    // one at the same position, else its first. Returns the rules left with a masked key (no
    // key to keep), by name.
    QStringList restoreMaskedSecrets(const PolicyDatabase &stored);
    // The same for one rule and its stored version (nullptr: nothing to restore from).
    static void restoreMaskedSecrets(Rule &rule, const Rule *stored);

    // The Windows example objects every new store starts with (ids left 0).
    static PolicyDatabase windowsDefaults();
};

} // namespace ipsec
