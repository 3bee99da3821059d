#include "snapshot/SnapshotMerge.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

template <typename T>
qint64 nextId(const QList<T> &objects)
{
    qint64 max = 0;
    for (const T &o : objects)
        max = std::max(max, o.id);
    return max + 1;
}

template <typename T>
T *findIf(QList<T> &objects, const std::function<bool(const T &)> &pred)
{
    const auto it = std::find_if(objects.begin(), objects.end(), pred);
    return it == objects.end() ? nullptr : &*it;
}

template <typename T>
QString freeName(const QList<T> &objects, const QString &name,
                 const std::function<bool(const T &)> &sameScope = {})
{
    for (int n = 2;; ++n) {
        const QString candidate = u"%1 (%2)"_s.arg(name.left(MaxNameLength - 12)).arg(n);
        const bool taken = std::any_of(objects.cbegin(), objects.cend(), [&](const T &o) {
            return (!sameScope || sameScope(o))
                   && o.name.compare(candidate, Qt::CaseInsensitive) == 0;
        });
        if (!taken)
            return candidate;
    }
}

class Merger {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SnapshotMerge)
public:
    Merger(const PolicyDatabase &live, const ImportOptions &options)
        : m_out(live)
        , m_onClash(options.onClash)
    {
    }

    // Shared objects (filter lists, filter actions): returns incoming id -> store id.
    template <typename T>
    void mergeShared(QList<T> &out, const QList<T> &incoming, QHash<qint64, qint64> &idMap,
                     const QString &kind, const std::function<void(qint64, qint64)> &redirect)
    {
        qint64 fresh = nextId(out);
        for (T object : incoming) {
            const qint64 incomingId = object.id;
            T *sameGuid = findIf<T>(out, [&](const T &o) { return o.guid == object.guid; });
            T *sameName = findIf<T>(out, [&](const T &o) {
                return o.guid != object.guid
                       && o.name.compare(object.name, Qt::CaseInsensitive) == 0;
            });
            if (sameName) {
                const QString what =
                    tr("%1 \"%2\" exists with another guid").arg(kind, object.name);
                switch (m_onClash) {
                case ImportOptions::OnClash::Fail:
                    m_clashes << what + u'.';
                    continue;
                case ImportOptions::OnClash::Skip:
                    m_clashes << tr("%1: kept the existing one.").arg(what);
                    idMap.insert(incomingId, sameName->id);
                    continue;
                case ImportOptions::OnClash::Rename:
                    object.name = freeName<T>(out, object.name);
                    m_clashes << tr("%1: imported as \"%2\".").arg(what, object.name);
                    break;
                case ImportOptions::OnClash::Overwrite: {
                    m_clashes << tr("%1: replaced by the imported one.").arg(what);
                    const qint64 oldId = sameName->id;
                    const QUuid keep = sameGuid ? sameGuid->guid : QUuid();
                    out.removeIf([&](const T &o) { return o.id == oldId; });
                    sameGuid = keep.isNull()
                                   ? nullptr
                                   : findIf<T>(out, [&](const T &o) { return o.guid == keep; });
                    // The existing rules that used the replaced object use the imported one.
                    const qint64 newId = sameGuid ? sameGuid->id : fresh;
                    redirect(oldId, newId);
                    break;
                }
                }
            }
            if (sameGuid) {
                object.id = sameGuid->id;
                *sameGuid = object;
            } else {
                object.id = fresh++;
                out << object;
            }
            idMap.insert(incomingId, object.id);
        }
    }

    Result<ImportPlan> run(const Snapshot &incoming)
    {
        const PolicyDatabase &in = incoming.database;
        QHash<qint64, qint64> listIds, actionIds, policyIds;
        mergeShared<FilterList>(m_out.filterLists, in.filterLists, listIds, tr("Filter list"),
                                [&](qint64 from, qint64 to) {
                                    for (Rule &r : m_out.rules)
                                        if (r.filterListId == from)
                                            r.filterListId = to;
                                });
        mergeShared<FilterAction>(m_out.filterActions, in.filterActions, actionIds,
                                  tr("Filter action"), [&](qint64 from, qint64 to) {
                                      for (Rule &r : m_out.rules)
                                          if (r.filterActionId == from)
                                              r.filterActionId = to;
                                  });
        dropFilterGuidClashes();
        mergePolicies(in, listIds, actionIds);
        if (!m_clashes.isEmpty() && m_onClash == ImportOptions::OnClash::Fail)
            return Error::conflict(tr("%n name clash(es), nothing was imported: %1 Choose how to "
                                      "settle them (rename, skip or overwrite).",
                                      nullptr, int(m_clashes.size()))
                                       .arg(m_clashes.join(u' ')));
        ImportPlan plan;
        plan.database = m_out;
        plan.clashes = m_clashes;
        plan.notices = m_notices;
        return plan;
    }

private:
    // Filter guids are unique in a store: a filter of an imported list that carries the guid of
    // a filter in another list gets a new guid (it is a copy, not the same filter).
    void dropFilterGuidClashes()
    {
        QHash<QUuid, qint64> owner;
        for (FilterList &l : m_out.filterLists) {
            for (Filter &f : l.filters) {
                const auto it = owner.constFind(f.guid);
                if (it != owner.constEnd() && it.value() != l.id) {
                    f.guid = QUuid::createUuid();
                    m_notices << tr("A filter of list \"%1\" had the guid of another list's "
                                    "filter; it was given a new one.")
                                     .arg(l.name);
                }
                owner.insert(f.guid, l.id);
            }
        }
    }

    void mergePolicies(const PolicyDatabase &in, const QHash<qint64, qint64> &listIds,
                       const QHash<qint64, qint64> &actionIds)
    {
        qint64 freshPolicy = nextId(m_out.policies);
        qint64 freshRule = nextId(m_out.rules);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (Policy policy : in.policies) {
            const qint64 incomingId = policy.id;
            policy.assigned = false; // merging never changes the assignment
            Policy *sameGuid = findIf<Policy>(
                m_out.policies, [&](const Policy &o) { return o.guid == policy.guid; });
            Policy *sameName = findIf<Policy>(m_out.policies, [&](const Policy &o) {
                return o.guid != policy.guid
                       && o.name.compare(policy.name, Qt::CaseInsensitive) == 0;
            });
            if (sameName) {
                const QString what =
                    tr("%1 \"%2\" exists with another guid").arg(tr("Policy"), policy.name);
                switch (m_onClash) {
                case ImportOptions::OnClash::Fail:
                    m_clashes << what + u'.';
                    continue;
                case ImportOptions::OnClash::Skip:
                    m_clashes << tr("%1: kept the existing one.").arg(what);
                    continue;
                case ImportOptions::OnClash::Rename:
                    policy.name = freeName<Policy>(m_out.policies, policy.name);
                    m_clashes << tr("%1: imported as \"%2\".").arg(what, policy.name);
                    break;
                case ImportOptions::OnClash::Overwrite: {
                    m_clashes << tr("%1: replaced by the imported one.").arg(what);
                    const qint64 oldId = sameName->id;
                    if (sameName->assigned)
                        policy.assigned = true; // the replacement takes over the assignment
                    const QUuid keep = sameGuid ? sameGuid->guid : QUuid();
                    m_out.rules.removeIf([&](const Rule &r) { return r.policyId == oldId; });
                    m_out.policies.removeIf([&](const Policy &p) { return p.id == oldId; });
                    sameGuid = keep.isNull() ? nullptr
                                             : findIf<Policy>(m_out.policies, [&](const Policy &o) {
                                                   return o.guid == keep;
                                               });
                    break;
                }
                }
            }
            if (sameGuid) {
                policy.id = sameGuid->id;
                policy.assigned = policy.assigned || sameGuid->assigned;
                policy.lastModified = now;
                *sameGuid = policy;
            } else {
                policy.id = freshPolicy++;
                m_out.policies << policy;
            }
            for (const Rule *r : in.rulesOf(incomingId))
                mergeRule(*r, policy, listIds, actionIds, freshRule);
        }
    }

    void mergeRule(Rule rule, const Policy &policy, const QHash<qint64, qint64> &listIds,
                   const QHash<qint64, qint64> &actionIds, qint64 &freshRule)
    {
        rule.policyId = policy.id;
        rule.filterListId = rule.defaultResponse ? 0 : listIds.value(rule.filterListId);
        rule.filterActionId = rule.defaultResponse ? 0 : actionIds.value(rule.filterActionId);
        if (!rule.defaultResponse && (rule.filterListId == 0 || rule.filterActionId == 0)) {
            // Its list or action clashed under Fail: the import is refused anyway.
            return;
        }
        const auto inPolicy = [&](const Rule &o) {
            return o.policyId == policy.id;
        };
        Rule *sameGuid =
            findIf<Rule>(m_out.rules, [&](const Rule &o) { return o.guid == rule.guid; });
        Rule *sameName = findIf<Rule>(m_out.rules, [&](const Rule &o) {
            return inPolicy(o) && o.guid != rule.guid
                   && o.name.compare(rule.name, Qt::CaseInsensitive) == 0;
        });
        if (sameName) {
            const QString what = tr("Rule \"%1\" of policy \"%2\" exists with another guid")
                                     .arg(rule.name, policy.name);
            switch (m_onClash) {
            case ImportOptions::OnClash::Fail:
                m_clashes << what + u'.';
                return;
            case ImportOptions::OnClash::Skip:
                m_clashes << tr("%1: kept the existing one.").arg(what);
                return;
            case ImportOptions::OnClash::Rename:
                rule.name = freeName<Rule>(m_out.rules, rule.name, inPolicy);
                m_clashes << tr("%1: imported as \"%2\".").arg(what, rule.name);
                break;
            case ImportOptions::OnClash::Overwrite: {
                m_clashes << tr("%1: replaced by the imported one.").arg(what);
                const qint64 oldId = sameName->id;
                const QUuid keep = sameGuid ? sameGuid->guid : QUuid();
                m_out.rules.removeIf([&](const Rule &r) { return r.id == oldId; });
                sameGuid = keep.isNull() ? nullptr : findIf<Rule>(m_out.rules, [&](const Rule &o) {
                    return o.guid == keep;
                });
                break;
            }
            }
        }
        if (sameGuid) {
            rule.id = sameGuid->id;
            *sameGuid = rule;
        } else {
            rule.id = freshRule++;
            m_out.rules << rule;
        }
    }

    PolicyDatabase m_out;
    ImportOptions::OnClash m_onClash;
    QStringList m_clashes;
    QStringList m_notices;
};

} // namespace

Result<ImportPlan> SnapshotMerge::plan(const PolicyDatabase &live,
                                       const QList<engine::DynamicFilter> &liveDynamic,
                                       const Snapshot &incoming, const ImportOptions &options)
{
    ImportPlan plan;
    if (options.mode == ImportOptions::Mode::Replace) {
        plan.database = incoming.database;
        plan.dynamicFilters = options.includeDynamic ? incoming.dynamicFilters : liveDynamic;
        return plan;
    }
    auto merged = Merger(live, options).run(incoming);
    if (!merged)
        return merged;
    merged->dynamicFilters = liveDynamic;
    if (options.includeDynamic) {
        for (const engine::DynamicFilter &d : incoming.dynamicFilters) {
            const bool known = std::any_of(
                merged->dynamicFilters.cbegin(), merged->dynamicFilters.cend(), [&](const auto &o) {
                    return o.action == d.action && o.filter.sameTraffic(d.filter);
                });
            if (!known)
                merged->dynamicFilters << d;
        }
    }
    if (const Policy *assigned = incoming.database.assignedPolicy();
        assigned && !live.assignedPolicy())
        merged->notices << tr("The snapshot assigns \"%1\"; a merge keeps the current assignment "
                              "(none). Assign it yourself if you want it in force.")
                               .arg(assigned->name);
    return merged;
}

QString SnapshotMerge::modeName(ImportOptions::Mode m)
{
    return m == ImportOptions::Mode::Replace ? u"replace"_s : u"merge"_s;
}

QString SnapshotMerge::onClashName(ImportOptions::OnClash c)
{
    switch (c) {
    case ImportOptions::OnClash::Fail:
        return u"fail"_s;
    case ImportOptions::OnClash::Rename:
        return u"rename"_s;
    case ImportOptions::OnClash::Skip:
        return u"skip"_s;
    case ImportOptions::OnClash::Overwrite:
        return u"overwrite"_s;
    }
    return {};
}

Result<ImportOptions::OnClash> SnapshotMerge::parseOnClash(const QString &text)
{
    using C = ImportOptions::OnClash;
    for (C c : {C::Fail, C::Rename, C::Skip, C::Overwrite})
        if (text.compare(onClashName(c), Qt::CaseInsensitive) == 0)
            return c;
    return Error::usage(
        tr("\"%1\" is not a clash rule: expected fail, rename, skip or overwrite.").arg(text));
}

} // namespace ipsec
