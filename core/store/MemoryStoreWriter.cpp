#include "store/MemoryStoreWriter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QString key(const QString &name)
{
    return name.toCaseFolded();
}

Error invalid(const QStringList &problems)
{
    return Error::usage(problems.join(u' '));
}

template <typename T>
qint64 nextId(const QList<T> &objects)
{
    qint64 id = 0;
    for (const T &o : objects)
        id = std::max(id, o.id);
    return id + 1;
}

template <typename T>
const T *byName(const QList<T> &objects, const QString &name, qint64 exceptId = 0)
{
    const QString k = key(name);
    for (const T &o : objects) {
        if (o.id != exceptId && key(o.name) == k)
            return &o;
    }
    return nullptr;
}

} // namespace

MemoryStoreWriter::MemoryStoreWriter(PolicyDatabase db)
    : m_db(std::move(db))
{
}

Result<void> MemoryStoreWriter::atomically(const std::function<Result<void>()> &operation)
{
    PolicyDatabase before = m_db;
    Result<void> result = operation();
    if (!result)
        m_db = std::move(before);
    return result;
}

Result<PolicyDatabase> MemoryStoreWriter::snapshot()
{
    return m_db;
}

Result<void> MemoryStoreWriter::step(const std::function<Result<void>()> &fn)
{
    return atomically(fn);
}

Policy *MemoryStoreWriter::policyPtr(qint64 id)
{
    for (Policy &p : m_db.policies) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

FilterList *MemoryStoreWriter::listPtr(qint64 id)
{
    for (FilterList &l : m_db.filterLists) {
        if (l.id == id)
            return &l;
    }
    return nullptr;
}

FilterAction *MemoryStoreWriter::actionPtr(qint64 id)
{
    for (FilterAction &a : m_db.filterActions) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

qint64 MemoryStoreWriter::nextFilterId() const
{
    qint64 id = 0;
    for (const FilterList &l : m_db.filterLists) {
        for (const Filter &f : l.filters)
            id = std::max(id, f.id);
    }
    return id + 1;
}

Result<void> MemoryStoreWriter::checkPolicyNameFree(const QString &name, qint64 exceptId) const
{
    if (const Policy *other = byName(m_db.policies, name, exceptId))
        return Error::conflict(tr("A policy named \"%1\" already exists.").arg(other->name));
    return {};
}

Result<void> MemoryStoreWriter::checkRuleTargets(const Rule &rule)
{
    const Policy *p = policyPtr(rule.policyId);
    if (!p)
        return Error::notFound(tr("There is no policy with id %1.").arg(rule.policyId));
    if (rule.filterListId && !listPtr(rule.filterListId))
        return Error::notFound(tr("There is no filter list with id %1.").arg(rule.filterListId));
    if (rule.filterActionId && !actionPtr(rule.filterActionId))
        return Error::notFound(
            tr("There is no filter action with id %1.").arg(rule.filterActionId));
    const QString k = key(rule.name);
    for (const Rule &r : std::as_const(m_db.rules)) {
        if (r.policyId == rule.policyId && r.id != rule.id && key(r.name) == k)
            return Error::conflict(
                tr("Policy \"%1\" already has a rule named \"%2\".").arg(p->name, r.name));
    }
    return {};
}

// "rule "A" of policy "P", rule "B" of policy "Q" and 3 more rules", as the SQLite store says.
QString MemoryStoreWriter::usersOf(bool list, qint64 id) const
{
    QList<std::pair<QString, QString>> users; // policy, rule
    for (const Rule &r : m_db.rules) {
        if ((list ? r.filterListId : r.filterActionId) != id)
            continue;
        const Policy *p = m_db.policy(r.policyId);
        users.append({p ? p->name : QString(), r.name});
    }
    std::sort(users.begin(), users.end());
    constexpr int Shown = 3;
    QStringList shown;
    for (qsizetype i = 0; i < users.size() && i < Shown; ++i)
        shown << tr("rule \"%1\" of policy \"%2\"").arg(users[i].second, users[i].first);
    QString text = shown.join(u", "_s);
    if (users.size() > Shown)
        text += u' ' + tr("and %n more rule(s)", nullptr, int(users.size() - Shown));
    return text;
}

void MemoryStoreWriter::touchUsers(bool list, qint64 id)
{
    for (const Rule &r : std::as_const(m_db.rules)) {
        if ((list ? r.filterListId : r.filterActionId) == id)
            (void)touchPolicy(r.policyId);
    }
}

// ---- Policies

Result<std::optional<Policy>> MemoryStoreWriter::findPolicy(const QString &name)
{
    if (const Policy *p = byName(m_db.policies, name))
        return std::optional<Policy>(*p);
    return std::optional<Policy>();
}

Result<Policy> MemoryStoreWriter::policy(qint64 id)
{
    if (const Policy *p = policyPtr(id))
        return *p;
    return Error::notFound(tr("There is no policy with id %1.").arg(id));
}

Result<QList<Policy>> MemoryStoreWriter::policies()
{
    return m_db.policies;
}

Result<void> MemoryStoreWriter::insertPolicy(Policy &policy)
{
    if (const QStringList problems = policy.validate(); !problems.isEmpty())
        return invalid(problems);
    if (auto ok = checkPolicyNameFree(policy.name, 0); !ok)
        return ok;
    if (policy.assigned) {
        for (Policy &p : m_db.policies)
            p.assigned = false;
    }
    Policy stored = policy;
    stored.id = nextId(m_db.policies);
    if (stored.guid.isNull())
        stored.guid = QUuid::createUuid();
    stored.lastModified = QDateTime::currentDateTimeUtc();
    m_db.policies.append(stored);
    policy = stored;
    return {};
}

Result<void> MemoryStoreWriter::updatePolicy(const Policy &policy)
{
    if (const QStringList problems = policy.validate(); !problems.isEmpty())
        return invalid(problems);
    Policy *p = policyPtr(policy.id);
    if (!p)
        return Error::notFound(tr("There is no policy with id %1.").arg(policy.id));
    if (auto ok = checkPolicyNameFree(policy.name, policy.id); !ok)
        return ok;
    p->name = policy.name;
    p->description = policy.description;
    p->pollingIntervalMinutes = policy.pollingIntervalMinutes;
    p->mainModeMethods = policy.mainModeMethods;
    p->mainModeLifetimeSeconds = policy.mainModeLifetimeSeconds;
    p->quickModesPerMainMode = policy.quickModesPerMainMode;
    p->mainModePfs = policy.mainModePfs;
    p->lastModified = QDateTime::currentDateTimeUtc();
    return {};
}

Result<void> MemoryStoreWriter::deletePolicy(qint64 id)
{
    if (!policyPtr(id))
        return Error::notFound(tr("There is no policy with id %1.").arg(id));
    m_db.rules.removeIf([id](const Rule &r) { return r.policyId == id; });
    m_db.policies.removeIf([id](const Policy &p) { return p.id == id; });
    return {};
}

Result<void> MemoryStoreWriter::touchPolicy(qint64 id)
{
    return setLastModified(id, QDateTime::currentDateTimeUtc());
}

Result<void> MemoryStoreWriter::setLastModified(qint64 id, const QDateTime &when)
{
    Policy *p = policyPtr(id);
    if (!p)
        return Error::notFound(tr("There is no policy with id %1.").arg(id));
    p->lastModified = when;
    return {};
}

Result<void> MemoryStoreWriter::setAssignedPolicy(std::optional<qint64> id)
{
    if (id && !policyPtr(*id))
        return Error::notFound(tr("There is no policy with id %1.").arg(*id));
    for (Policy &p : m_db.policies)
        p.assigned = id && p.id == *id;
    return {};
}

Result<std::optional<qint64>> MemoryStoreWriter::assignedPolicy()
{
    if (const Policy *p = m_db.assignedPolicy())
        return std::optional<qint64>(p->id);
    return std::optional<qint64>();
}

// ---- Rules

Result<QList<Rule>> MemoryStoreWriter::rulesOf(qint64 policyId)
{
    QList<Rule> out;
    for (const Rule *r : m_db.rulesOf(policyId))
        out.append(*r);
    return out;
}

Result<std::optional<Rule>> MemoryStoreWriter::findRule(qint64 policyId, const QString &name)
{
    const QString k = key(name);
    for (const Rule &r : std::as_const(m_db.rules)) {
        if (r.policyId == policyId && key(r.name) == k)
            return std::optional<Rule>(r);
    }
    return std::optional<Rule>();
}

Result<void> MemoryStoreWriter::insertRule(Rule &rule)
{
    if (const QStringList problems = rule.validate(); !problems.isEmpty())
        return invalid(problems);
    Rule stored = rule;
    stored.id = 0;
    if (auto ok = checkRuleTargets(stored); !ok)
        return ok;
    if (stored.hasMaskedSecret())
        return Error::usage(tr("The preshared key of rule \"%1\" is masked (%2): give the "
                               "key itself.")
                                .arg(rule.name, AuthMethod::MaskedSecret.toString()));
    stored.id = nextId(m_db.rules);
    if (stored.guid.isNull())
        stored.guid = QUuid::createUuid();
    m_db.rules.append(stored);
    (void)touchPolicy(stored.policyId);
    rule = stored;
    return {};
}

Result<void> MemoryStoreWriter::updateRule(const Rule &rule)
{
    if (const QStringList problems = rule.validate(); !problems.isEmpty())
        return invalid(problems);
    auto it = std::find_if(m_db.rules.begin(), m_db.rules.end(),
                           [&](const Rule &r) { return r.id == rule.id; });
    if (it == m_db.rules.end())
        return Error::notFound(tr("There is no rule with id %1.").arg(rule.id));
    if (auto ok = checkRuleTargets(rule); !ok)
        return ok;
    Rule resolved = rule;
    if (rule.hasMaskedSecret()) {
        PolicyDatabase::restoreMaskedSecrets(resolved, &*it);
        if (resolved.hasMaskedSecret())
            return Error::usage(tr("The preshared key of rule \"%1\" is masked (%2): give the "
                                   "key itself.")
                                    .arg(rule.name, AuthMethod::MaskedSecret.toString()));
    }
    const qint64 previousPolicy = it->policyId;
    resolved.guid = it->guid;
    *it = resolved;
    if (previousPolicy != rule.policyId)
        (void)touchPolicy(previousPolicy);
    return touchPolicy(rule.policyId);
}

Result<void> MemoryStoreWriter::deleteRule(qint64 id)
{
    auto it = std::find_if(m_db.rules.begin(), m_db.rules.end(),
                           [&](const Rule &r) { return r.id == id; });
    if (it == m_db.rules.end())
        return Error::notFound(tr("There is no rule with id %1.").arg(id));
    const qint64 policyId = it->policyId;
    m_db.rules.erase(it);
    return touchPolicy(policyId);
}

Result<int> MemoryStoreWriter::filterListUseCount(qint64 filterListId)
{
    return int(std::count_if(m_db.rules.cbegin(), m_db.rules.cend(),
                             [&](const Rule &r) { return r.filterListId == filterListId; }));
}

Result<int> MemoryStoreWriter::filterActionUseCount(qint64 filterActionId)
{
    return int(std::count_if(m_db.rules.cbegin(), m_db.rules.cend(),
                             [&](const Rule &r) { return r.filterActionId == filterActionId; }));
}

// ---- Filter lists and filters

Result<std::optional<FilterList>> MemoryStoreWriter::findFilterList(const QString &name)
{
    if (const FilterList *l = byName(m_db.filterLists, name))
        return std::optional<FilterList>(*l);
    return std::optional<FilterList>();
}

Result<FilterList> MemoryStoreWriter::filterList(qint64 id)
{
    if (const FilterList *l = listPtr(id))
        return *l;
    return Error::notFound(tr("There is no filter list with id %1.").arg(id));
}

Result<void> MemoryStoreWriter::insertFilterList(FilterList &list)
{
    if (const QStringList problems = list.validate(); !problems.isEmpty())
        return invalid(problems);
    if (const FilterList *other = byName(m_db.filterLists, list.name))
        return Error::conflict(tr("A filter list named \"%1\" already exists.").arg(other->name));
    FilterList stored = list;
    stored.id = nextId(m_db.filterLists);
    if (stored.guid.isNull())
        stored.guid = QUuid::createUuid();
    qint64 filterId = nextFilterId();
    for (Filter &f : stored.filters) {
        f.id = filterId++;
        if (f.guid.isNull())
            f.guid = QUuid::createUuid();
    }
    m_db.filterLists.append(stored);
    list = stored;
    return {};
}

Result<void> MemoryStoreWriter::updateFilterList(const FilterList &list)
{
    if (const QString problem =
            validateName(list.name, QT_TRANSLATE_NOOP("ipsec::Names", "filter list"));
        !problem.isEmpty())
        return Error::usage(problem);
    FilterList *l = listPtr(list.id);
    if (!l)
        return Error::notFound(tr("There is no filter list with id %1.").arg(list.id));
    if (const FilterList *other = byName(m_db.filterLists, list.name, list.id))
        return Error::conflict(tr("A filter list named \"%1\" already exists.").arg(other->name));
    l->name = list.name;
    l->description = list.description;
    l->implicit = list.implicit;
    return {};
}

Result<void> MemoryStoreWriter::deleteFilterList(qint64 id)
{
    const FilterList *l = listPtr(id);
    if (!l)
        return Error::notFound(tr("There is no filter list with id %1.").arg(id));
    if (const QString users = usersOf(true, id); !users.isEmpty())
        return Error::conflict(tr("Filter list \"%1\" is used by %2; change or delete those "
                                  "rules first.")
                                   .arg(l->name, users));
    m_db.filterLists.removeIf([id](const FilterList &x) { return x.id == id; });
    return {};
}

Result<void> MemoryStoreWriter::insertFilter(qint64 filterListId, Filter &filter)
{
    if (const QStringList problems = filter.validate(); !problems.isEmpty())
        return invalid(problems);
    FilterList *l = listPtr(filterListId);
    if (!l)
        return Error::notFound(tr("There is no filter list with id %1.").arg(filterListId));
    Filter stored = filter;
    stored.id = nextFilterId();
    if (stored.guid.isNull())
        stored.guid = QUuid::createUuid();
    l->filters.append(stored);
    touchUsers(true, filterListId);
    filter = stored;
    return {};
}

Result<void> MemoryStoreWriter::deleteFilter(qint64 filterId)
{
    for (FilterList &l : m_db.filterLists) {
        const qsizetype before = l.filters.size();
        l.filters.removeIf([filterId](const Filter &f) { return f.id == filterId; });
        if (l.filters.size() != before) {
            touchUsers(true, l.id);
            return {};
        }
    }
    return Error::notFound(tr("There is no filter with id %1.").arg(filterId));
}

Result<void> MemoryStoreWriter::replaceFilters(qint64 filterListId, QList<Filter> &filters)
{
    QStringList problems;
    for (qsizetype i = 0; i < filters.size(); ++i) {
        for (const QString &p : filters.at(i).validate())
            problems << tr("Filter %1: %2").arg(i + 1).arg(p);
    }
    if (!problems.isEmpty())
        return invalid(problems);
    FilterList *l = listPtr(filterListId);
    if (!l)
        return Error::notFound(tr("There is no filter list with id %1.").arg(filterListId));
    QList<Filter> stored = filters;
    l->filters.clear();
    qint64 filterId = nextFilterId();
    for (Filter &f : stored) {
        f.id = filterId++;
        if (f.guid.isNull())
            f.guid = QUuid::createUuid();
    }
    listPtr(filterListId)->filters = stored;
    touchUsers(true, filterListId);
    filters = stored;
    return {};
}

// ---- Filter actions

Result<std::optional<FilterAction>> MemoryStoreWriter::findFilterAction(const QString &name)
{
    if (const FilterAction *a = byName(m_db.filterActions, name))
        return std::optional<FilterAction>(*a);
    return std::optional<FilterAction>();
}

Result<FilterAction> MemoryStoreWriter::filterAction(qint64 id)
{
    if (const FilterAction *a = actionPtr(id))
        return *a;
    return Error::notFound(tr("There is no filter action with id %1.").arg(id));
}

Result<QList<FilterAction>> MemoryStoreWriter::filterActions()
{
    return m_db.filterActions;
}

Result<void> MemoryStoreWriter::insertFilterAction(FilterAction &action)
{
    if (const QStringList problems = action.validate(); !problems.isEmpty())
        return invalid(problems);
    if (const FilterAction *other = byName(m_db.filterActions, action.name))
        return Error::conflict(tr("A filter action named \"%1\" already exists.").arg(other->name));
    FilterAction stored = action;
    stored.id = nextId(m_db.filterActions);
    if (stored.guid.isNull())
        stored.guid = QUuid::createUuid();
    m_db.filterActions.append(stored);
    action = stored;
    return {};
}

Result<void> MemoryStoreWriter::updateFilterAction(const FilterAction &action)
{
    if (const QStringList problems = action.validate(); !problems.isEmpty())
        return invalid(problems);
    FilterAction *a = actionPtr(action.id);
    if (!a)
        return Error::notFound(tr("There is no filter action with id %1.").arg(action.id));
    if (const FilterAction *other = byName(m_db.filterActions, action.name, action.id))
        return Error::conflict(tr("A filter action named \"%1\" already exists.").arg(other->name));
    const QUuid guid = a->guid;
    *a = action;
    a->guid = guid;
    touchUsers(false, action.id);
    return {};
}

Result<void> MemoryStoreWriter::deleteFilterAction(qint64 id)
{
    const FilterAction *a = actionPtr(id);
    if (!a)
        return Error::notFound(tr("There is no filter action with id %1.").arg(id));
    if (const QString users = usersOf(false, id); !users.isEmpty())
        return Error::conflict(tr("Filter action \"%1\" is used by %2; change or delete "
                                  "those rules first.")
                                   .arg(a->name, users));
    m_db.filterActions.removeIf([id](const FilterAction &x) { return x.id == id; });
    return {};
}

} // namespace ipsec
