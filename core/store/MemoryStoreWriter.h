#pragma once

#include "store/PolicyStore.h"

#include <QCoreApplication>

namespace ipsec {

// A StoreWriter over a PolicyDatabase in memory, with the editing rules of the SQLite store:
// the same validation, the same Conflict for duplicate names and for lists and actions in use,
// the same messages. A store that is not a database (the directory) runs the service's changes
// on it and then writes what changed. New objects get the next free id and a new guid.
class MemoryStoreWriter final : public StoreWriter {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    explicit MemoryStoreWriter(PolicyDatabase db);

    // The state after the changes made so far.
    const PolicyDatabase &database() const { return m_db; }

    Result<PolicyDatabase> snapshot() override;
    Result<void> step(const std::function<Result<void>()> &fn) override;

    Result<std::optional<Policy>> findPolicy(const QString &name) override;
    Result<Policy> policy(qint64 id) override;
    Result<QList<Policy>> policies() override;
    Result<void> insertPolicy(Policy &policy) override;
    Result<void> updatePolicy(const Policy &policy) override;
    Result<void> deletePolicy(qint64 id) override;
    Result<void> touchPolicy(qint64 id) override;
    Result<void> setLastModified(qint64 id, const QDateTime &when) override;
    Result<void> setAssignedPolicy(std::optional<qint64> id) override;
    Result<std::optional<qint64>> assignedPolicy() override;

    Result<QList<Rule>> rulesOf(qint64 policyId) override;
    Result<std::optional<Rule>> findRule(qint64 policyId, const QString &name) override;
    Result<void> insertRule(Rule &rule) override;
    Result<void> updateRule(const Rule &rule) override;
    Result<void> deleteRule(qint64 id) override;
    Result<int> filterListUseCount(qint64 filterListId) override;
    Result<int> filterActionUseCount(qint64 filterActionId) override;

    Result<std::optional<FilterList>> findFilterList(const QString &name) override;
    Result<FilterList> filterList(qint64 id) override;
    Result<void> insertFilterList(FilterList &list) override;
    Result<void> updateFilterList(const FilterList &list) override;
    Result<void> deleteFilterList(qint64 id) override;
    Result<void> insertFilter(qint64 filterListId, Filter &filter) override;
    Result<void> deleteFilter(qint64 filterId) override;
    Result<void> replaceFilters(qint64 filterListId, QList<Filter> &filters) override;

    Result<std::optional<FilterAction>> findFilterAction(const QString &name) override;
    Result<FilterAction> filterAction(qint64 id) override;
    Result<QList<FilterAction>> filterActions() override;
    Result<void> insertFilterAction(FilterAction &action) override;
    Result<void> updateFilterAction(const FilterAction &action) override;
    Result<void> deleteFilterAction(qint64 id) override;

private:
    // Runs operation; on failure the database is as before.
    Result<void> atomically(const std::function<Result<void>()> &operation);
    Policy *policyPtr(qint64 id);
    FilterList *listPtr(qint64 id);
    FilterAction *actionPtr(qint64 id);
    Result<void> checkPolicyNameFree(const QString &name, qint64 exceptId) const;
    Result<void> checkRuleTargets(const Rule &rule);
    QString usersOf(bool list, qint64 id) const;
    void touchUsers(bool list, qint64 id);
    qint64 nextFilterId() const;

    PolicyDatabase m_db;
};

} // namespace ipsec
