#include "service/PolicyEdits.h"

#include "store/PolicyStore.h"
#include "util/LocalComputer.h"

using namespace Qt::StringLiterals;

namespace ipsec {

QString PolicyEdits::defaultRuleName()
{
    return u"<Dynamic>"_s;
}

Result<void> PolicyEdits::createPolicy(StoreWriter &w, ServiceReport &report, Policy &policy,
                                       bool activateDefaultRule)
{
    if (auto ok = w.insertPolicy(policy); !ok)
        return ok;
    Rule drr;
    drr.policyId = policy.id;
    drr.name = defaultRuleName();
    drr.defaultResponse = true;
    drr.active = activateDefaultRule;
    if (auto ok = w.insertRule(drr); !ok)
        return ok;
    report.messages << tr("Created policy %1.").arg(quote(policy.name));
    return {};
}

Result<void> PolicyEdits::assign(StoreWriter &w, ServiceReport &report, const Policy &policy)
{
    auto assigned = w.assignedPolicy();
    if (!assigned)
        return assigned.error();
    if (assigned.value() && *assigned.value() == policy.id) {
        report.messages << tr("Assigned policy %1.").arg(quote(policy.name));
        return {};
    }
    if (assigned.value()) {
        if (auto previous = w.policy(*assigned.value()))
            report.messages << tr("Unassigned policy %1.").arg(quote(previous->name));
    }
    if (auto ok = w.setAssignedPolicy(policy.id); !ok)
        return ok;
    report.messages << tr("Assigned policy %1.").arg(quote(policy.name));
    return {};
}

Result<void> PolicyEdits::deletePolicy(StoreWriter &w, ServiceReport &report, const Policy &policy)
{
    auto assigned = w.assignedPolicy();
    if (!assigned)
        return assigned.error();
    if (assigned.value() && *assigned.value() == policy.id) {
        // As Windows does: the policy stops being enforced, then goes.
        if (auto ok = w.setAssignedPolicy(std::nullopt); !ok)
            return ok;
        report.messages << tr("Unassigned policy %1.").arg(quote(policy.name));
    }
    if (auto ok = w.deletePolicy(policy.id); !ok)
        return ok;
    report.messages << tr("Deleted policy %1.").arg(quote(policy.name));
    return {};
}

Result<void> PolicyEdits::checkComputer(const QString &computer)
{
    if (computer.isEmpty() || isLocalComputer(computer))
        return {};
    return Error::usage(tr("Remote computers (%1) are not supported: run the command on that "
                           "machine (this computer answers to ., localhost, 127.0.0.1 and its "
                           "own name).")
                            .arg(computer));
}

} // namespace ipsec
