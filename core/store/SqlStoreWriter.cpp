#include "store/SqlStoreWriter.h"
#include "store/StoreReader.h"

#include "store/SqlConnection.h"
#include "store/StoreCodec.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

using Object = StoreChecks::Object;

QVariant nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QVariant idOrNull(qint64 id)
{
    return id ? QVariant(id) : QVariant();
}

Error invalid(const QStringList &problems)
{
    return Error::usage(problems.join(u' '));
}

} // namespace

SqlStoreWriter::SqlStoreWriter(SqlConnection &connection)
    : c(connection)
    , reader(connection)
    , checks(connection)
{
}

template <typename F>
Result<void> SqlStoreWriter::atomically(F &&operation)
{
    if (auto ok = c.exec(u"SAVEPOINT writer_operation"_s); !ok)
        return ok.error();
    Result<void> result = operation();
    if (!result)
        (void)c.exec(u"ROLLBACK TO writer_operation"_s);
    if (auto ok = c.exec(u"RELEASE writer_operation"_s); !ok && result)
        return ok.error();
    return result;
}

Result<void> SqlStoreWriter::step(const std::function<Result<void>()> &fn)
{
    if (auto ok = c.exec(u"SAVEPOINT writer_step"_s); !ok)
        return ok.error();
    Result<void> result = fn();
    if (!result)
        (void)c.exec(u"ROLLBACK TO writer_step"_s);
    if (auto ok = c.exec(u"RELEASE writer_step"_s); !ok && result)
        return ok.error();
    return result;
}

Result<void> SqlStoreWriter::touchPolicies(Object used, qint64 id)
{
    const QString column = used == Object::FilterList ? u"filter_list_id"_s : u"filter_action_id"_s;
    auto ok = c.exec(u"UPDATE policies SET last_modified = ? WHERE id IN"
                     u" (SELECT policy_id FROM rules WHERE "_s
                         + column + u" = ?)"_s,
                     {nowMsecs(), id});
    if (!ok)
        return ok.error();
    return {};
}

// ---- Policies

Result<std::optional<Policy>> SqlStoreWriter::findPolicy(const QString &name)
{
    auto found = reader.policies("WHERE name_key = ?"_L1, {StoreCodec::nameKey(name)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Policy>();
    return std::optional<Policy>(found->takeFirst());
}

Result<Policy> SqlStoreWriter::policy(qint64 id)
{
    auto found = reader.policies("WHERE id = ?"_L1, {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(tr("There is no policy with id %1.").arg(id));
    return found->takeFirst();
}

Result<QList<Policy>> SqlStoreWriter::policies()
{
    return reader.policies();
}

Result<void> SqlStoreWriter::insertPolicy(Policy &policy)
{
    if (const QStringList problems = policy.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.checkNameFree(Object::Policy, policy.name, 0); !ok)
            return ok;
        if (policy.assigned) {
            if (auto ok = c.exec(u"UPDATE policies SET assigned = 0 WHERE assigned = 1"_s); !ok)
                return ok.error();
        }
        const QUuid guid = policy.guid.isNull() ? QUuid::createUuid() : policy.guid;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto id = c.insert(
            u"INSERT INTO policies (guid, name, name_key, description,"
            u" polling_minutes, assigned, last_modified, mm_methods, mm_lifetime_seconds,"
            u" mm_qm_limit, mm_pfs)"
            u" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {StoreCodec::uuidBlob(guid), policy.name, StoreCodec::nameKey(policy.name),
             StoreCodec::text(policy.description), policy.pollingIntervalMinutes, policy.assigned,
             now, StoreCodec::text(MainModeMethod::listToString(policy.mainModeMethods)),
             policy.mainModeLifetimeSeconds, policy.quickModesPerMainMode, policy.mainModePfs});
        if (!id)
            return id.error();
        policy.id = id.value();
        policy.guid = guid;
        policy.lastModified = StoreCodec::decodeTime(now);
        return {};
    });
}

Result<void> SqlStoreWriter::updatePolicy(const Policy &policy)
{
    if (const QStringList problems = policy.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.nameOf(Object::Policy, policy.id); !ok)
            return ok.error();
        if (auto ok = checks.checkNameFree(Object::Policy, policy.name, policy.id); !ok)
            return ok;
        auto ok = c.exec(u"UPDATE policies SET name = ?, name_key = ?, description = ?,"
                         u" polling_minutes = ?, mm_methods = ?, mm_lifetime_seconds = ?,"
                         u" mm_qm_limit = ?, mm_pfs = ?, last_modified = ? WHERE id = ?"_s,
                         {policy.name, StoreCodec::nameKey(policy.name),
                          StoreCodec::text(policy.description), policy.pollingIntervalMinutes,
                          StoreCodec::text(MainModeMethod::listToString(policy.mainModeMethods)),
                          policy.mainModeLifetimeSeconds, policy.quickModesPerMainMode,
                          policy.mainModePfs, nowMsecs(), policy.id});
        if (!ok)
            return ok.error();
        return {};
    });
}

Result<void> SqlStoreWriter::deletePolicy(qint64 id)
{
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.nameOf(Object::Policy, id); !ok)
            return ok.error();
        // Its rules (and their authentication methods) go by ON DELETE CASCADE.
        if (auto ok = c.exec(u"DELETE FROM policies WHERE id = ?"_s, {id}); !ok)
            return ok.error();
        return {};
    });
}

Result<void> SqlStoreWriter::touchPolicy(qint64 id)
{
    return setLastModified(id, QDateTime::currentDateTimeUtc());
}

Result<void> SqlStoreWriter::setLastModified(qint64 id, const QDateTime &when)
{
    auto changed = c.exec(u"UPDATE policies SET last_modified = ? WHERE id = ?"_s,
                          {when.toMSecsSinceEpoch(), id});
    if (!changed)
        return changed.error();
    if (changed.value() == 0)
        return Error::notFound(tr("There is no policy with id %1.").arg(id));
    return {};
}

Result<void> SqlStoreWriter::setAssignedPolicy(std::optional<qint64> id)
{
    return atomically([&]() -> Result<void> {
        if (id) {
            if (auto ok = checks.nameOf(Object::Policy, *id); !ok)
                return ok.error();
        }
        // Unassign first: the schema allows one assigned policy at any moment.
        if (auto ok = c.exec(u"UPDATE policies SET assigned = 0 WHERE assigned = 1 AND id <> ?"_s,
                             {id.value_or(0)});
            !ok)
            return ok.error();
        if (id) {
            if (auto ok = c.exec(u"UPDATE policies SET assigned = 1 WHERE id = ?"_s, {*id}); !ok)
                return ok.error();
        }
        return {};
    });
}

Result<std::optional<qint64>> SqlStoreWriter::assignedPolicy()
{
    auto id = c.scalar(u"SELECT id FROM policies WHERE assigned = 1"_s);
    if (!id)
        return id.error();
    if (!id.value())
        return std::optional<qint64>();
    return std::optional<qint64>(id.value()->toLongLong());
}

// ---- Rules

Result<QList<Rule>> SqlStoreWriter::rulesOf(qint64 policyId)
{
    return reader.rules("WHERE policy_id = ?"_L1, {policyId});
}

Result<std::optional<Rule>> SqlStoreWriter::findRule(qint64 policyId, const QString &name)
{
    auto found = reader.rules("WHERE policy_id = ? AND name_key = ?"_L1,
                              {policyId, StoreCodec::nameKey(name)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Rule>();
    return std::optional<Rule>(found->takeFirst());
}

Result<void> SqlStoreWriter::writeAuthMethods(const Rule &rule)
{
    // A masked key ("***", what readers who may not see keys get) is never stored: it stands for
    // the key this rule has, else the change is refused.
    Rule resolved = rule;
    if (rule.hasMaskedSecret()) {
        Rule stored;
        auto q = c.run(u"SELECT kind, data FROM rule_auth_methods WHERE rule_id = ?"
                       u" ORDER BY position"_s,
                       {rule.id});
        if (!q)
            return q.error();
        while (q.value()->next())
            stored.authMethods << AuthMethod{AuthMethod::Kind(q.value()->value(0).toInt()),
                                             q.value()->value(1).toString()};
        PolicyDatabase::restoreMaskedSecrets(resolved, &stored);
        if (resolved.hasMaskedSecret())
            return Error::usage(tr("The preshared key of rule \"%1\" is masked (%2): give the "
                                   "key itself.")
                                    .arg(rule.name, AuthMethod::MaskedSecret.toString()));
    }
    if (auto ok = c.exec(u"DELETE FROM rule_auth_methods WHERE rule_id = ?"_s, {rule.id}); !ok)
        return ok.error();
    for (qsizetype i = 0; i < resolved.authMethods.size(); ++i) {
        const AuthMethod &m = resolved.authMethods.at(i);
        if (auto ok = c.exec(u"INSERT INTO rule_auth_methods (rule_id, position, kind, data)"
                             u" VALUES (?, ?, ?, ?)"_s,
                             {rule.id, qint64(i), int(m.kind), StoreCodec::text(m.data)});
            !ok)
            return ok.error();
    }
    return {};
}

Result<void> SqlStoreWriter::insertRule(Rule &rule)
{
    if (const QStringList problems = rule.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        Rule stored = rule;
        stored.id = 0;
        if (auto ok = checks.checkRuleTargets(stored); !ok)
            return ok;
        if (stored.guid.isNull())
            stored.guid = QUuid::createUuid();
        auto id = c.insert(
            u"INSERT INTO rules (guid, policy_id, name, name_key, description, filter_list_id,"
            u" filter_action_id, active, default_response, tunnel_endpoint, connection_type)"
            u" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {StoreCodec::uuidBlob(stored.guid), stored.policyId, stored.name,
             StoreCodec::nameKey(stored.name), StoreCodec::text(stored.description),
             idOrNull(stored.filterListId), idOrNull(stored.filterActionId), stored.active,
             stored.defaultResponse, StoreCodec::text(stored.tunnelEndpoint),
             int(stored.connectionType)});
        if (!id)
            return id.error();
        stored.id = id.value();
        if (auto ok = writeAuthMethods(stored); !ok)
            return ok;
        if (auto ok = touchPolicy(stored.policyId); !ok)
            return ok;
        rule = std::move(stored);
        return {};
    });
}

Result<void> SqlStoreWriter::updateRule(const Rule &rule)
{
    if (const QStringList problems = rule.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        auto oldPolicy = c.scalar(u"SELECT policy_id FROM rules WHERE id = ?"_s, {rule.id});
        if (!oldPolicy)
            return oldPolicy.error();
        if (!oldPolicy.value())
            return Error::notFound(tr("There is no rule with id %1.").arg(rule.id));
        if (auto ok = checks.checkRuleTargets(rule); !ok)
            return ok;
        auto ok =
            c.exec(u"UPDATE rules SET policy_id = ?, name = ?, name_key = ?,"
                   u" description = ?, filter_list_id = ?, filter_action_id = ?,"
                   u" active = ?, default_response = ?, tunnel_endpoint = ?,"
                   u" connection_type = ? WHERE id = ?"_s,
                   {rule.policyId, rule.name, StoreCodec::nameKey(rule.name),
                    StoreCodec::text(rule.description), idOrNull(rule.filterListId),
                    idOrNull(rule.filterActionId), rule.active, rule.defaultResponse,
                    StoreCodec::text(rule.tunnelEndpoint), int(rule.connectionType), rule.id});
        if (!ok)
            return ok.error();
        if (auto written = writeAuthMethods(rule); !written)
            return written;
        const qint64 previousPolicy = oldPolicy.value()->toLongLong();
        if (previousPolicy != rule.policyId) {
            if (auto touched = touchPolicy(previousPolicy); !touched)
                return touched;
        }
        return touchPolicy(rule.policyId);
    });
}

Result<void> SqlStoreWriter::deleteRule(qint64 id)
{
    return atomically([&]() -> Result<void> {
        auto policyId = c.scalar(u"SELECT policy_id FROM rules WHERE id = ?"_s, {id});
        if (!policyId)
            return policyId.error();
        if (!policyId.value())
            return Error::notFound(tr("There is no rule with id %1.").arg(id));
        if (auto ok = c.exec(u"DELETE FROM rules WHERE id = ?"_s, {id}); !ok)
            return ok.error();
        return touchPolicy(policyId.value()->toLongLong());
    });
}

Result<int> SqlStoreWriter::filterListUseCount(qint64 filterListId)
{
    auto n = c.scalar(u"SELECT count(*) FROM rules WHERE filter_list_id = ?"_s, {filterListId});
    if (!n)
        return n.error();
    return n.value().value_or(0).toInt();
}

Result<int> SqlStoreWriter::filterActionUseCount(qint64 filterActionId)
{
    auto n = c.scalar(u"SELECT count(*) FROM rules WHERE filter_action_id = ?"_s, {filterActionId});
    if (!n)
        return n.error();
    return n.value().value_or(0).toInt();
}

// ---- Filter lists and filters

Result<std::optional<FilterList>> SqlStoreWriter::findFilterList(const QString &name)
{
    auto found = reader.filterLists("WHERE name_key = ?"_L1, {StoreCodec::nameKey(name)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<FilterList>();
    return std::optional<FilterList>(found->takeFirst());
}

Result<FilterList> SqlStoreWriter::filterList(qint64 id)
{
    auto found = reader.filterLists("WHERE id = ?"_L1, {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(tr("There is no filter list with id %1.").arg(id));
    return found->takeFirst();
}

Result<void> SqlStoreWriter::insertFilterRow(qint64 filterListId, Filter &filter)
{
    const auto source = StoreCodec::encodeAddress(filter.source);
    const auto destination = StoreCodec::encodeAddress(filter.destination);
    const QUuid guid = filter.guid.isNull() ? QUuid::createUuid() : filter.guid;
    qint64 guidHigh = 0;
    qint64 guidLow = 0;
    StoreCodec::encodeUuid(guid, guidHigh, guidLow);
    auto id =
        c.insert(u"INSERT INTO filters (filter_list_id, guid_high, guid_low, source, source_ext,"
                 u" destination, destination_ext, traffic, description)"
                 u" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {filterListId, guidHigh, guidLow, source.packed, source.ext, destination.packed,
                  destination.ext, StoreCodec::encodeTraffic(filter),
                  filter.description.isEmpty() ? QVariant() : QVariant(filter.description)});
    if (!id)
        return id.error();
    filter.id = id.value();
    filter.guid = guid;
    return {};
}

Result<void> SqlStoreWriter::insertFilterList(FilterList &list)
{
    if (const QStringList problems = list.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.checkNameFree(Object::FilterList, list.name, 0); !ok)
            return ok;
        FilterList stored = list;
        if (stored.guid.isNull())
            stored.guid = QUuid::createUuid();
        auto id = c.insert(u"INSERT INTO filter_lists (guid, name, name_key, description,"
                           u" implicit) VALUES (?, ?, ?, ?, ?)"_s,
                           {StoreCodec::uuidBlob(stored.guid), stored.name,
                            StoreCodec::nameKey(stored.name), StoreCodec::text(stored.description),
                            stored.implicit});
        if (!id)
            return id.error();
        stored.id = id.value();
        for (Filter &f : stored.filters) {
            if (auto ok = insertFilterRow(stored.id, f); !ok)
                return ok;
        }
        list = std::move(stored);
        return {};
    });
}

Result<void> SqlStoreWriter::updateFilterList(const FilterList &list)
{
    if (const QString problem =
            validateName(list.name, QT_TRANSLATE_NOOP("ipsec::Names", "filter list"));
        !problem.isEmpty())
        return Error::usage(problem);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.nameOf(Object::FilterList, list.id); !ok)
            return ok.error();
        if (auto ok = checks.checkNameFree(Object::FilterList, list.name, list.id); !ok)
            return ok;
        auto ok = c.exec(u"UPDATE filter_lists SET name = ?, name_key = ?, description = ?,"
                         u" implicit = ? WHERE id = ?"_s,
                         {list.name, StoreCodec::nameKey(list.name),
                          StoreCodec::text(list.description), list.implicit, list.id});
        if (!ok)
            return ok.error();
        return {};
    });
}

Result<void> SqlStoreWriter::deleteFilterList(qint64 id)
{
    return atomically([&]() -> Result<void> {
        auto name = checks.nameOf(Object::FilterList, id);
        if (!name)
            return name.error();
        auto users = checks.usersOf(Object::FilterList, id);
        if (!users)
            return users.error();
        if (!users->isEmpty())
            return Error::conflict(tr("Filter list \"%1\" is used by %2; change or delete those "
                                      "rules first.")
                                       .arg(name.value(), users.value()));
        // Its filters go by ON DELETE CASCADE.
        if (auto ok = c.exec(u"DELETE FROM filter_lists WHERE id = ?"_s, {id}); !ok)
            return ok.error();
        return {};
    });
}

Result<void> SqlStoreWriter::insertFilter(qint64 filterListId, Filter &filter)
{
    if (const QStringList problems = filter.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.nameOf(Object::FilterList, filterListId); !ok)
            return ok.error();
        Filter stored = filter;
        if (auto ok = insertFilterRow(filterListId, stored); !ok)
            return ok;
        if (auto ok = touchPolicies(Object::FilterList, filterListId); !ok)
            return ok;
        filter = std::move(stored);
        return {};
    });
}

Result<void> SqlStoreWriter::deleteFilter(qint64 filterId)
{
    return atomically([&]() -> Result<void> {
        auto listId = c.scalar(u"SELECT filter_list_id FROM filters WHERE id = ?"_s, {filterId});
        if (!listId)
            return listId.error();
        if (!listId.value())
            return Error::notFound(tr("There is no filter with id %1.").arg(filterId));
        if (auto ok = c.exec(u"DELETE FROM filters WHERE id = ?"_s, {filterId}); !ok)
            return ok.error();
        return touchPolicies(Object::FilterList, listId.value()->toLongLong());
    });
}

Result<void> SqlStoreWriter::replaceFilters(qint64 filterListId, QList<Filter> &filters)
{
    QStringList problems;
    for (qsizetype i = 0; i < filters.size(); ++i) {
        for (const QString &p : filters.at(i).validate())
            problems << tr("Filter %1: %2").arg(i + 1).arg(p);
    }
    if (!problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.nameOf(Object::FilterList, filterListId); !ok)
            return ok.error();
        if (auto ok = c.exec(u"DELETE FROM filters WHERE filter_list_id = ?"_s, {filterListId});
            !ok)
            return ok.error();
        QList<Filter> stored = filters;
        for (Filter &f : stored) {
            if (auto ok = insertFilterRow(filterListId, f); !ok)
                return ok;
        }
        if (auto ok = touchPolicies(Object::FilterList, filterListId); !ok)
            return ok;
        filters = std::move(stored);
        return {};
    });
}

// ---- Filter actions

Result<std::optional<FilterAction>> SqlStoreWriter::findFilterAction(const QString &name)
{
    auto found = reader.filterActions("WHERE name_key = ?"_L1, {StoreCodec::nameKey(name)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<FilterAction>();
    return std::optional<FilterAction>(found->takeFirst());
}

Result<FilterAction> SqlStoreWriter::filterAction(qint64 id)
{
    auto found = reader.filterActions("WHERE id = ?"_L1, {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(tr("There is no filter action with id %1.").arg(id));
    return found->takeFirst();
}

Result<QList<FilterAction>> SqlStoreWriter::filterActions()
{
    return reader.filterActions();
}

Result<void> SqlStoreWriter::writeSecurityMethods(const FilterAction &action)
{
    if (auto ok = c.exec(u"DELETE FROM security_methods WHERE filter_action_id = ?"_s, {action.id});
        !ok)
        return ok.error();
    for (qsizetype i = 0; i < action.securityMethods.size(); ++i) {
        const SecurityMethod &m = action.securityMethods.at(i);
        if (auto ok = c.exec(u"INSERT INTO security_methods (filter_action_id, position, ah,"
                             u" ah_hash, esp, esp_cipher, esp_hash, lifetime_kbytes,"
                             u" lifetime_seconds, pfs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                             {action.id, qint64(i), m.ah, int(m.ahHash), m.esp, int(m.espCipher),
                              int(m.espHash), qint64(m.lifetimeKBytes), qint64(m.lifetimeSeconds),
                              m.pfs});
            !ok)
            return ok.error();
    }
    return {};
}

Result<void> SqlStoreWriter::insertFilterAction(FilterAction &action)
{
    if (const QStringList problems = action.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.checkNameFree(Object::FilterAction, action.name, 0); !ok)
            return ok;
        FilterAction stored = action;
        if (stored.guid.isNull())
            stored.guid = QUuid::createUuid();
        auto id = c.insert(u"INSERT INTO filter_actions (guid, name, name_key, description, type,"
                           u" inbound_pass_through, allow_unsecured, session_key_pfs)"
                           u" VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           {StoreCodec::uuidBlob(stored.guid), stored.name,
                            StoreCodec::nameKey(stored.name), StoreCodec::text(stored.description),
                            int(stored.type), stored.inboundPassThrough, stored.allowUnsecured,
                            stored.sessionKeyPfs});
        if (!id)
            return id.error();
        stored.id = id.value();
        if (auto ok = writeSecurityMethods(stored); !ok)
            return ok;
        action = std::move(stored);
        return {};
    });
}

Result<void> SqlStoreWriter::updateFilterAction(const FilterAction &action)
{
    if (const QStringList problems = action.validate(); !problems.isEmpty())
        return invalid(problems);
    return atomically([&]() -> Result<void> {
        if (auto ok = checks.nameOf(Object::FilterAction, action.id); !ok)
            return ok.error();
        if (auto ok = checks.checkNameFree(Object::FilterAction, action.name, action.id); !ok)
            return ok;
        auto ok = c.exec(u"UPDATE filter_actions SET name = ?, name_key = ?, description = ?,"
                         u" type = ?, inbound_pass_through = ?, allow_unsecured = ?,"
                         u" session_key_pfs = ? WHERE id = ?"_s,
                         {action.name, StoreCodec::nameKey(action.name),
                          StoreCodec::text(action.description), int(action.type),
                          action.inboundPassThrough, action.allowUnsecured, action.sessionKeyPfs,
                          action.id});
        if (!ok)
            return ok.error();
        if (auto written = writeSecurityMethods(action); !written)
            return written;
        // What the rules using it do has changed.
        return touchPolicies(Object::FilterAction, action.id);
    });
}

Result<void> SqlStoreWriter::deleteFilterAction(qint64 id)
{
    return atomically([&]() -> Result<void> {
        auto name = checks.nameOf(Object::FilterAction, id);
        if (!name)
            return name.error();
        auto users = checks.usersOf(Object::FilterAction, id);
        if (!users)
            return users.error();
        if (!users->isEmpty())
            return Error::conflict(tr("Filter action \"%1\" is used by %2; change or delete "
                                      "those rules first.")
                                       .arg(name.value(), users.value()));
        // Its security methods go by ON DELETE CASCADE.
        if (auto ok = c.exec(u"DELETE FROM filter_actions WHERE id = ?"_s, {id}); !ok)
            return ok.error();
        return {};
    });
}

Result<PolicyDatabase> SqlStoreWriter::snapshot()
{
    return StoreReader(c).everything();
}

Result<PolicyDatabase> SqlStoreWriter::assignedSnapshot()
{
    return StoreReader(c).assignedPolicy();
}

} // namespace ipsec
