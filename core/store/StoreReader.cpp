#include "store/StoreReader.h"

#include "store/SqlConnection.h"
#include "store/StoreCodec.h"
#include "util/Profile.h"

#include <QHash>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// "SELECT columns FROM table [where] ORDER BY order".
QString select(QLatin1StringView columnsAndTable, QLatin1StringView where, QLatin1StringView order)
{
    QString sql = u"SELECT "_s + columnsAndTable;
    if (!where.isEmpty())
        sql += u' ' + where;
    return sql + u" ORDER BY "_s + order;
}

// The child rows of the parents selected by `where` ("WHERE parentKey IN (SELECT id FROM
// parentTable where)"), or of every parent.
QString selectChildren(QLatin1StringView columnsAndTable, QLatin1StringView parentKey,
                       QLatin1StringView parentTable, QLatin1StringView where,
                       QLatin1StringView order)
{
    if (where.isEmpty())
        return select(columnsAndTable, {}, order);
    return u"SELECT "_s + columnsAndTable + u" WHERE "_s + parentKey + u" IN (SELECT id FROM "_s
           + parentTable + u' ' + where + u") ORDER BY "_s + order;
}

template <typename T>
QHash<qint64, qsizetype> indexById(const QList<T> &objects)
{
    QHash<qint64, qsizetype> index;
    index.reserve(objects.size());
    for (qsizetype i = 0; i < objects.size(); ++i)
        index.insert(objects.at(i).id, i);
    return index;
}

bool flag(const QVariant &v)
{
    return v.toLongLong() != 0;
}

} // namespace

Error StoreReader::damaged(const QString &what) const
{
    return Error::store(tr("The policy store %1 is damaged: %2.").arg(c.path(), what));
}

Result<qint64> StoreReader::revision()
{
    auto v = c.scalar(u"SELECT value FROM meta WHERE key = 'revision'"_s);
    if (!v)
        return v.error();
    if (!v.value())
        return damaged(tr("it has no revision number"));
    return v.value()->toLongLong();
}

Result<QList<Policy>> StoreReader::policies(QLatin1StringView where,
                                            std::initializer_list<QVariant> values)
{
    auto q = c.run(select("id, guid, name, description, polling_minutes, assigned, last_modified,"
                          " mm_methods, mm_lifetime_seconds, mm_qm_limit, mm_pfs FROM policies"_L1,
                          where, "id"_L1),
                   values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    QList<Policy> out;
    while (query.next()) {
        Policy &p = out.emplaceBack();
        p.id = query.value(0).toLongLong();
        p.guid = StoreCodec::uuidFromBlob(query.value(1));
        p.name = query.value(2).toString();
        p.description = query.value(3).toString();
        p.pollingIntervalMinutes = query.value(4).toInt();
        p.assigned = flag(query.value(5));
        p.lastModified = StoreCodec::decodeTime(query.value(6).toLongLong());
        // Written only by the store, checked when written: an unreadable value means defaults.
        if (auto mm = MainModeMethod::parseList(query.value(7).toString()))
            p.mainModeMethods = *mm;
        p.mainModeLifetimeSeconds = query.value(8).toInt();
        p.quickModesPerMainMode = query.value(9).toInt();
        p.mainModePfs = flag(query.value(10));
    }
    if (query.lastError().isValid())
        return c.sqlError(query);
    query.finish();
    return out;
}

Result<QList<Rule>> StoreReader::rules(QLatin1StringView where,
                                       std::initializer_list<QVariant> values)
{
    auto q = c.run(select("id, guid, policy_id, name, description, filter_list_id,"
                          " filter_action_id, active, default_response, tunnel_endpoint,"
                          " connection_type FROM rules"_L1,
                          where, "id"_L1),
                   values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    QList<Rule> out;
    while (query.next()) {
        Rule &r = out.emplaceBack();
        r.id = query.value(0).toLongLong();
        r.guid = StoreCodec::uuidFromBlob(query.value(1));
        r.policyId = query.value(2).toLongLong();
        r.name = query.value(3).toString();
        r.description = query.value(4).toString();
        r.filterListId = query.value(5).toLongLong(); // NULL: 0
        r.filterActionId = query.value(6).toLongLong();
        r.active = flag(query.value(7));
        r.defaultResponse = flag(query.value(8));
        r.tunnelEndpoint = query.value(9).toString();
        r.connectionType = Rule::ConnectionType(query.value(10).toInt());
        r.authMethods.clear();
    }
    if (query.lastError().isValid())
        return c.sqlError(query);
    query.finish();
    if (auto ok = readAuthMethods(out, where, values); !ok)
        return ok.error();
    return out;
}

Result<void> StoreReader::readAuthMethods(QList<Rule> &rules, QLatin1StringView where,
                                          std::initializer_list<QVariant> values)
{
    if (rules.isEmpty())
        return {};
    auto q = c.run(selectChildren("rule_id, kind, data FROM rule_auth_methods"_L1, "rule_id"_L1,
                                  "rules"_L1, where, "rule_id, position"_L1),
                   values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    const auto index = indexById(rules);
    while (query.next()) {
        const auto it = index.constFind(query.value(0).toLongLong());
        if (it == index.cend())
            continue;
        rules[*it].authMethods.append(
            AuthMethod{AuthMethod::Kind(query.value(1).toInt()), query.value(2).toString()});
    }
    if (query.lastError().isValid())
        return c.sqlError(query);
    query.finish();
    return {};
}

Result<QList<FilterList>> StoreReader::filterLists(QLatin1StringView where,
                                                   std::initializer_list<QVariant> values)
{
    auto q =
        c.run(select("id, guid, name, description, implicit FROM filter_lists"_L1, where, "id"_L1),
              values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    QList<FilterList> out;
    while (query.next()) {
        FilterList &l = out.emplaceBack();
        l.id = query.value(0).toLongLong();
        l.guid = StoreCodec::uuidFromBlob(query.value(1));
        l.name = query.value(2).toString();
        l.description = query.value(3).toString();
        l.implicit = flag(query.value(4));
    }
    if (query.lastError().isValid())
        return c.sqlError(query);
    query.finish();
    if (auto ok = readFilters(out, where, values); !ok)
        return ok.error();
    return out;
}

Result<void> StoreReader::readFilters(QList<FilterList> &lists, QLatin1StringView where,
                                      std::initializer_list<QVariant> values)
{
    if (lists.isEmpty())
        return {};
    // The hot loop of load(): integers wherever possible, children grouped by list.
    auto q = c.run(selectChildren("filter_list_id, id, guid_high, guid_low, source, source_ext,"
                                  " destination, destination_ext, traffic, description"
                                  " FROM filters"_L1,
                                  "filter_list_id"_L1, "filter_lists"_L1, where,
                                  // Some lists: straight from the index filters_by_list, which
                                  // holds each list's filters in id order; all: the table.
                                  where.isEmpty() ? "id"_L1 : "filter_list_id, id"_L1),
                   values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    const auto index = indexById(lists);
    qint64 currentListId = 0;
    FilterList *current = nullptr;
    qint64 rows = 0;
    const auto counted = qScopeGuard([&] { c.countFiltersRead(rows); });
    while (query.next()) {
        ++rows;
        const qint64 listId = query.value(0).toLongLong();
        if (listId != currentListId || !current) {
            const auto it = index.constFind(listId);
            if (it == index.cend())
                continue;
            current = &lists[*it];
            currentListId = listId;
        }
        Filter &f = current->filters.emplaceBack();
        f.id = query.value(1).toLongLong();
        f.guid = StoreCodec::decodeUuid(query.value(2).toLongLong(), query.value(3).toLongLong());
        auto source = StoreCodec::decodeAddress(query.value(4).toLongLong(), query.value(5));
        auto destination = StoreCodec::decodeAddress(query.value(6).toLongLong(), query.value(7));
        if (!source || !destination) {
            query.finish();
            return damaged(
                tr("filter %1 of filter list \"%2\": %3")
                    .arg(f.id)
                    .arg(current->name, (source ? destination : source).error().message));
        }
        f.source = std::move(source).value();
        f.destination = std::move(destination).value();
        StoreCodec::decodeTraffic(query.value(8).toLongLong(), f);
        f.description = query.value(9).toString();
    }
    if (query.lastError().isValid())
        return c.sqlError(query);
    query.finish();
    return {};
}

Result<QList<FilterAction>> StoreReader::filterActions(QLatin1StringView where,
                                                       std::initializer_list<QVariant> values)
{
    auto q = c.run(select("id, guid, name, description, type, inbound_pass_through,"
                          " allow_unsecured, session_key_pfs FROM filter_actions"_L1,
                          where, "id"_L1),
                   values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    QList<FilterAction> out;
    while (query.next()) {
        FilterAction &a = out.emplaceBack();
        a.id = query.value(0).toLongLong();
        a.guid = StoreCodec::uuidFromBlob(query.value(1));
        a.name = query.value(2).toString();
        a.description = query.value(3).toString();
        a.type = FilterAction::Type(query.value(4).toInt());
        a.inboundPassThrough = flag(query.value(5));
        a.allowUnsecured = flag(query.value(6));
        a.sessionKeyPfs = flag(query.value(7));
    }
    if (query.lastError().isValid())
        return c.sqlError(query);
    query.finish();
    if (auto ok = readSecurityMethods(out, where, values); !ok)
        return ok.error();
    return out;
}

Result<void> StoreReader::readSecurityMethods(QList<FilterAction> &actions, QLatin1StringView where,
                                              std::initializer_list<QVariant> values)
{
    if (actions.isEmpty())
        return {};
    auto q =
        c.run(selectChildren("filter_action_id, ah, ah_hash, esp, esp_cipher, esp_hash,"
                             " lifetime_kbytes, lifetime_seconds, pfs FROM security_methods"_L1,
                             "filter_action_id"_L1, "filter_actions"_L1, where,
                             "filter_action_id, position"_L1),
              values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    const auto index = indexById(actions);
    while (query.next()) {
        const auto it = index.constFind(query.value(0).toLongLong());
        if (it == index.cend())
            continue;
        SecurityMethod &m = actions[*it].securityMethods.emplaceBack();
        m.ah = flag(query.value(1));
        m.ahHash = SecurityMethod::Hash(query.value(2).toInt());
        m.esp = flag(query.value(3));
        m.espCipher = SecurityMethod::Cipher(query.value(4).toInt());
        m.espHash = SecurityMethod::Hash(query.value(5).toInt());
        m.lifetimeKBytes = quint32(query.value(6).toLongLong());
        m.lifetimeSeconds = quint32(query.value(7).toLongLong());
        m.pfs = flag(query.value(8));
    }
    if (query.lastError().isValid())
        return c.sqlError(query);
    query.finish();
    return {};
}

Result<PolicyDatabase> StoreReader::read(const Scope &scope)
{
    PolicyDatabase db;
    auto revision = this->revision();
    if (!revision)
        return revision.error();
    db.revision = revision.value();
    auto policies = this->policies(scope.policies);
    if (!policies)
        return policies.error();
    db.policies = std::move(policies).value();
    auto rules = this->rules(scope.rules);
    if (!rules)
        return rules.error();
    db.rules = std::move(rules).value();
    profileMark("store: policies and rules read");
    auto lists = filterLists(scope.filterLists);
    if (!lists)
        return lists.error();
    db.filterLists = std::move(lists).value();
    profileMark("store: filter lists read");
    auto actions = filterActions(scope.filterActions);
    if (!actions)
        return actions.error();
    db.filterActions = std::move(actions).value();
    return db;
}

Result<PolicyDatabase> StoreReader::everything()
{
    return read(Scope{});
}

Result<PolicyDatabase> StoreReader::assignedPolicy()
{
    // Fixed clauses (no values): the unique index policies_one_assigned finds the policy, the
    // rules come by policy, lists and actions by id, filters by filters_by_list.
    return read(Scope{
        "WHERE assigned = 1"_L1,
        "WHERE policy_id IN (SELECT id FROM policies WHERE assigned = 1)"_L1,
        "WHERE id IN (SELECT filter_list_id FROM rules"
        " WHERE policy_id IN (SELECT id FROM policies WHERE assigned = 1))"_L1,
        "WHERE id IN (SELECT filter_action_id FROM rules"
        " WHERE policy_id IN (SELECT id FROM policies WHERE assigned = 1))"_L1,
    });
}

} // namespace ipsec
