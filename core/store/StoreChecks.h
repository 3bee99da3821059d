#pragma once

#include "model/Rule.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ipsec {

class SqlConnection;

// The checks a change makes before it touches a row, each failing with a message that names the
// objects involved (the schema's constraints only back them up with generic ones). Internal to
// core/store.
class StoreChecks {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    enum class Object { Policy, FilterList, FilterAction };

    explicit StoreChecks(SqlConnection &connection)
        : c(connection)
    {
    }

    // The name of the object; NotFound when there is none with that id.
    Result<QString> nameOf(Object kind, qint64 id);
    // Conflict when another object of the kind (not exceptId) has the name in any case.
    Result<void> checkNameFree(Object kind, const QString &name, qint64 exceptId);
    Result<void> checkRuleNameFree(qint64 policyId, const QString &name, qint64 exceptId);
    // The rule's policy, list and action exist, and its name is free in its policy.
    Result<void> checkRuleTargets(const Rule &rule);
    // The rules using a filter list or action, as text for a message; empty when unused.
    Result<QString> usersOf(Object kind, qint64 id);

private:
    SqlConnection &c;
};

} // namespace ipsec
