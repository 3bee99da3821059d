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

private:
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
