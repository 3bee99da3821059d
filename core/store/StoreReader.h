#pragma once

#include "model/PolicyDatabase.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QLatin1StringView>
#include <QVariant>

#include <initializer_list>

namespace ipsec {

class SqlConnection;

// Reads objects of the current schema. Callers provide the transaction. Internal to core/store.
//
// `where` is a fixed clause written in this library (never user text), such as "WHERE id = ?",
// bound to `values`; children (filters, rules' authentication methods, actions' security
// methods) come with their objects.
class StoreReader {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    explicit StoreReader(SqlConnection &connection)
        : c(connection)
    {
    }

    Result<qint64> revision();
    Result<QList<Policy>> policies(QLatin1StringView where = {},
                                   std::initializer_list<QVariant> values = {});
    Result<QList<Rule>> rules(QLatin1StringView where = {},
                              std::initializer_list<QVariant> values = {});
    Result<QList<FilterList>> filterLists(QLatin1StringView where = {},
                                          std::initializer_list<QVariant> values = {});
    Result<QList<FilterAction>> filterActions(QLatin1StringView where = {},
                                              std::initializer_list<QVariant> values = {});
    Result<PolicyDatabase> everything();
    // What enforcing needs and nothing else: the revision, the assigned policy (if any), its
    // rules, their filter lists (with their filters) and filter actions. Its cost follows the
    // assigned policy, not the store (other policies' lists may hold 100,000 filters).
    Result<PolicyDatabase> assignedPolicy();

private:
    // The `where` clause of each kind of object; empty: all of them.
    struct Scope {
        QLatin1StringView policies;
        QLatin1StringView rules;
        QLatin1StringView filterLists;
        QLatin1StringView filterActions;
    };
    Result<PolicyDatabase> read(const Scope &scope);
    Result<void> readFilters(QList<FilterList> &lists, QLatin1StringView where,
                             std::initializer_list<QVariant> values);
    Result<void> readAuthMethods(QList<Rule> &rules, QLatin1StringView where,
                                 std::initializer_list<QVariant> values);
    Result<void> readSecurityMethods(QList<FilterAction> &actions, QLatin1StringView where,
                                     std::initializer_list<QVariant> values);
    Error damaged(const QString &what) const;

    SqlConnection &c;
};

} // namespace ipsec
