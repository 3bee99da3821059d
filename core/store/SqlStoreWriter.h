#pragma once

#include "store/PolicyStore.h"
#include "store/StoreChecks.h"
#include "store/StoreReader.h"

#include <QCoreApplication>

namespace ipsec {

class SqlConnection;

// The StoreWriter of PolicyStore::write(), inside its IMMEDIATE transaction. Each changing
// operation is all-or-nothing on its own (a SAVEPOINT), validates the object it is given, and
// reports duplicates and objects in use as Conflict with a message naming them. Internal to
// core/store.
class SqlStoreWriter final : public StoreWriter {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    explicit SqlStoreWriter(SqlConnection &connection);

    Result<PolicyDatabase> snapshot() override;
    Result<PolicyDatabase> assignedSnapshot() override;
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
    template <typename F>
    Result<void> atomically(F &&operation);
    // Touches the policies whose rules use the list or action.
    Result<void> touchPolicies(StoreChecks::Object used, qint64 id);
    Result<void> insertFilterRow(qint64 filterListId, Filter &filter);
    Result<void> writeAuthMethods(const Rule &rule);
    Result<void> writeSecurityMethods(const FilterAction &action);

    SqlConnection &c;
    StoreReader reader;
    StoreChecks checks;
};

} // namespace ipsec
