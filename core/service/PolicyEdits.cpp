#include "service/PolicyEdits.h"

#include "store/PolicyStore.h"
#include "util/LocalComputer.h"

using namespace Qt::StringLiterals;

namespace ipsec {

QString PolicyEdits::quote(const QString &name)
{
    QString inner = name;
    inner.replace(u"\""_s, u"\"\""_s);
    return u'"' + inner + u'"';
}

Result<void> PolicyEdits::checkNameFree(StoreWriter &w, Object kind, const QString &name,
                                        qint64 exceptId)
{
    std::optional<std::pair<qint64, QString>> other;
    switch (kind) {
    case Object::Policy: {
        auto found = w.findPolicy(name);
        if (!found)
            return found.error();
        if (found.value())
            other = std::pair{found.value()->id, found.value()->name};
        break;
    }
    case Object::FilterList: {
        auto found = w.findFilterList(name);
        if (!found)
            return found.error();
        if (found.value())
            other = std::pair{found.value()->id, found.value()->name};
        break;
    }
    case Object::FilterAction: {
        auto found = w.findFilterAction(name);
        if (!found)
            return found.error();
        if (found.value())
            other = std::pair{found.value()->id, found.value()->name};
        break;
    }
    }
    if (!other || other->first == exceptId)
        return {};
    switch (kind) {
    case Object::Policy:
        return Error::conflict(tr("A policy named %1 already exists; choose another name, or "
                                  "change or delete that policy.")
                                   .arg(quote(other->second)));
    case Object::FilterList:
        return Error::conflict(tr("A filter list named %1 already exists; choose another name, "
                                  "or change or delete that filter list.")
                                   .arg(quote(other->second)));
    case Object::FilterAction:
        break;
    }
    return Error::conflict(tr("A filter action named %1 already exists; choose another name, or "
                              "change or delete that filter action.")
                               .arg(quote(other->second)));
}

Result<void> PolicyEdits::checkRuleNameFree(StoreWriter &w, const Policy &policy,
                                            const QString &name, qint64 exceptId)
{
    auto found = w.findRule(policy.id, name);
    if (!found)
        return found.error();
    if (!found.value() || found.value()->id == exceptId)
        return {};
    return Error::conflict(tr("Policy %1 already has a rule named %2; choose another name, or "
                              "change or delete that rule.")
                               .arg(quote(policy.name), quote(found.value()->name)));
}

QString PolicyEdits::defaultRuleName()
{
    return u"<Dynamic>"_s;
}

Result<void> PolicyEdits::createPolicy(StoreWriter &w, ServiceReport &report, Policy &policy,
                                       bool activateDefaultRule)
{
    if (auto ok = checkNameFree(w, Object::Policy, policy.name); !ok)
        return ok;
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
