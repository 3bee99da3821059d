#include "store/StoreChecks.h"

#include "store/SqlConnection.h"
#include "store/StoreCodec.h"

#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QString tableOf(StoreChecks::Object kind)
{
    switch (kind) {
    case StoreChecks::Object::Policy:
        return u"policies"_s;
    case StoreChecks::Object::FilterList:
        return u"filter_lists"_s;
    case StoreChecks::Object::FilterAction:
        break;
    }
    return u"filter_actions"_s;
}

} // namespace

Result<QString> StoreChecks::nameOf(Object kind, qint64 id)
{
    auto name = c.scalar(u"SELECT name FROM "_s + tableOf(kind) + u" WHERE id = ?"_s, {id});
    if (!name)
        return name.error();
    if (!name.value()) {
        switch (kind) {
        case Object::Policy:
            return Error::notFound(tr("There is no policy with id %1.").arg(id));
        case Object::FilterList:
            return Error::notFound(tr("There is no filter list with id %1.").arg(id));
        case Object::FilterAction:
            return Error::notFound(tr("There is no filter action with id %1.").arg(id));
        }
    }
    return name.value()->toString();
}

Result<void> StoreChecks::checkNameFree(Object kind, const QString &name, qint64 exceptId)
{
    auto other =
        c.scalar(u"SELECT name FROM "_s + tableOf(kind) + u" WHERE name_key = ? AND id <> ?"_s,
                 {StoreCodec::nameKey(name), exceptId});
    if (!other)
        return other.error();
    if (!other.value())
        return {};
    const QString existing = other.value()->toString();
    switch (kind) {
    case Object::Policy:
        return Error::conflict(tr("A policy named \"%1\" already exists.").arg(existing));
    case Object::FilterList:
        return Error::conflict(tr("A filter list named \"%1\" already exists.").arg(existing));
    case Object::FilterAction:
        return Error::conflict(tr("A filter action named \"%1\" already exists.").arg(existing));
    }
    return {};
}

Result<void> StoreChecks::checkRuleNameFree(qint64 policyId, const QString &name, qint64 exceptId)
{
    auto other =
        c.scalar(u"SELECT name FROM rules WHERE policy_id = ? AND name_key = ? AND id <> ?"_s,
                 {policyId, StoreCodec::nameKey(name), exceptId});
    if (!other)
        return other.error();
    if (!other.value())
        return {};
    auto policyName = nameOf(Object::Policy, policyId);
    if (!policyName)
        return policyName.error();
    return Error::conflict(tr("Policy \"%1\" already has a rule named \"%2\".")
                               .arg(policyName.value(), other.value()->toString()));
}

Result<void> StoreChecks::checkRuleTargets(const Rule &rule)
{
    if (auto p = nameOf(Object::Policy, rule.policyId); !p)
        return p.error();
    if (rule.filterListId) {
        if (auto l = nameOf(Object::FilterList, rule.filterListId); !l)
            return l.error();
    }
    if (rule.filterActionId) {
        if (auto a = nameOf(Object::FilterAction, rule.filterActionId); !a)
            return a.error();
    }
    return checkRuleNameFree(rule.policyId, rule.name, rule.id);
}

// "rule "A" of policy "P", rule "B" of policy "Q" and 3 more rules".
Result<QString> StoreChecks::usersOf(Object kind, qint64 id)
{
    const QString column = kind == Object::FilterList ? u"filter_list_id"_s : u"filter_action_id"_s;
    auto q = c.run(u"SELECT r.name, p.name FROM rules r JOIN policies p ON p.id = r.policy_id"
                   u" WHERE r."_s
                       + column + u" = ? ORDER BY p.name, r.name"_s,
                   {id});
    if (!q)
        return q.error();
    constexpr int Shown = 3;
    QStringList users;
    int more = 0;
    while (q.value()->next()) {
        if (users.size() < Shown)
            users << tr("rule \"%1\" of policy \"%2\"")
                         .arg(q.value()->value(0).toString(), q.value()->value(1).toString());
        else
            ++more;
    }
    q.value()->finish();
    QString text = users.join(u", "_s);
    if (more)
        text += u' ' + tr("and %n more rule(s)", nullptr, more);
    return text;
}

} // namespace ipsec
