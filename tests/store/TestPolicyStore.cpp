// The static store's objects: defaults, insert/update/delete, names, references, cascades,
// assignment, transactions and revisions.

#include "StoreTestSupport.h"

#include "store/PolicyStore.h"
#include "store/StoreContents.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace storetest;

#define VERIFY_OK(expr)                                                                            \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message));           \
    } while (false)

#define VERIFY_ERROR(expr, errorCode)                                                              \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(!result_.ok(), "expected an error");                                              \
        QCOMPARE(result_.error().code, errorCode);                                                 \
    } while (false)

class TestPolicyStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PolicyStore> m_store;
    int m_next = 0;

    QString newPath() { return m_dir.filePath(u"store-%1/policy.db"_s.arg(++m_next)); }

    PolicyDatabase loaded()
    {
        auto db = m_store->load();
        if (!db)
            qFatal("load failed: %s", qPrintable(db.error().message));
        return db.value();
    }

    // A write that must succeed; returns the error text otherwise.
    QString change(const std::function<Result<void>(StoreWriter &)> &fn)
    {
        auto ok = m_store->write(fn);
        return ok ? QString() : ok.error().message;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto store = PolicyStore::open(newPath());
        VERIFY_OK(store);
        m_store = std::move(store).value();
    }
    void cleanup() { m_store.reset(); }

    void newStoreHasWindowsDefaults()
    {
        QCOMPARE(m_store->schemaVersion(), PolicyStore::CurrentSchemaVersion);
        QVERIFY(!m_store->isReadOnly());
        QVERIFY(QFileInfo::exists(m_store->path())); // its folder was created too
        QCOMPARE(QFileInfo(m_store->path()).permissions() & 0x0077, QFileDevice::Permissions());

        const PolicyDatabase db = loaded();
        QCOMPARE(db.revision, 1);
        QCOMPARE(m_store->revision().value(), 1);
        QStringList lists, actions, policies;
        for (const auto &l : db.filterLists)
            lists << l.name;
        for (const auto &a : db.filterActions)
            actions << a.name;
        for (const auto &p : db.policies)
            policies << p.name;
        QCOMPARE(lists, QStringList({u"All IP Traffic"_s, u"All ICMP Traffic"_s}));
        QCOMPARE(actions, QStringList({u"Permit"_s, u"Request Security (Optional)"_s,
                                       u"Require Security"_s}));
        QCOMPARE(policies, QStringList({u"Client (Respond Only)"_s, u"Server (Request Security)"_s,
                                        u"Secure Server (Require Security)"_s}));
        QCOMPARE(db.rules.size(), 7);
        QVERIFY(!db.assignedPolicy());

        // References were mapped to real ids.
        const Policy *server = db.policyByName(u"server (request security)"_s);
        QVERIFY(server);
        QVERIFY(!server->guid.isNull());
        QVERIFY(server->lastModified.isValid());
        QCOMPARE(server->lastModified.timeSpec(), Qt::UTC);
        const auto rules = db.rulesOf(server->id);
        QCOMPARE(rules.size(), 3);
        QCOMPARE(db.filterList(rules.at(0)->filterListId)->name, u"All IP Traffic"_s);
        QCOMPARE(db.filterAction(rules.at(0)->filterActionId)->name,
                 u"Request Security (Optional)"_s);
        QVERIFY(rules.at(2)->defaultResponse);
        QCOMPARE(rules.at(2)->filterListId, 0);

        // The same objects as the model's defaults, apart from ids, guids and times.
        const PolicyDatabase defaults = PolicyDatabase::windowsDefaults();
        QCOMPARE(db.filterLists.at(1).filters.size(), 1);
        QVERIFY(db.filterLists.at(1).filters.at(0).sameTraffic(
            defaults.filterLists.at(1).filters.at(0)));
        QCOMPARE(db.filterActions.at(2).securityMethods,
                 defaults.filterActions.at(2).securityMethods);
        QCOMPARE(db.filterLists.at(0).description, defaults.filterLists.at(0).description);
    }

    void reopenKeepsContent()
    {
        const PolicyDatabase before = loaded();
        const QString path = m_store->path();
        m_store.reset();
        auto again = PolicyStore::open(path);
        VERIFY_OK(again);
        m_store = std::move(again).value();
        const QString diff = difference(before, loaded());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void policies()
    {
        Policy p;
        p.name = u"Block SQL"_s;
        p.description = u"KB 813878"_s;
        p.pollingIntervalMinutes = 60;
        QCOMPARE(change([&](StoreWriter &w) { return w.insertPolicy(p); }), QString());
        QVERIFY(p.id > 0);
        QVERIFY(!p.guid.isNull());
        QVERIFY(p.lastModified.isValid());
        QCOMPARE(*loaded().policyByName(u"BLOCK sql"_s), p);

        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     auto found = w.findPolicy(u"block SQL"_s);
                     if (!found)
                         return found.error();
                     if (!found.value() || found.value()->id != p.id)
                         return Error::notFound(u"findPolicy"_s);
                     auto byId = w.policy(p.id);
                     if (!byId || byId.value() != p)
                         return Error::notFound(u"policy(id)"_s);
                     auto none = w.findPolicy(u"nothing"_s);
                     if (!none || none.value())
                         return Error::notFound(u"findPolicy(nothing)"_s);
                     return {};
                 }),
                 QString());

        const QDateTime before = p.lastModified;
        QTest::qWait(5);
        p.name = u"Block SQL Server"_s;
        p.pollingIntervalMinutes = 30;
        QCOMPARE(change([&](StoreWriter &w) { return w.updatePolicy(p); }), QString());
        const PolicyDatabase db = loaded();
        QVERIFY(db.policyByName(u"Block SQL Server"_s));
        QCOMPARE(db.policyByName(u"Block SQL Server"_s)->pollingIntervalMinutes, 30);
        QVERIFY(db.policyByName(u"Block SQL Server"_s)->lastModified > before);
        QVERIFY(!db.policyByName(u"Block SQL"_s));

        const QDateTime beforeTouch = db.policyByName(u"Block SQL Server"_s)->lastModified;
        QTest::qWait(5);
        QCOMPARE(change([&](StoreWriter &w) { return w.touchPolicy(p.id); }), QString());
        QVERIFY(loaded().policy(p.id)->lastModified > beforeTouch);

        QCOMPARE(change([&](StoreWriter &w) { return w.deletePolicy(p.id); }), QString());
        QVERIFY(!loaded().policy(p.id));
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.deletePolicy(p.id); }),
                     ErrorCode::NotFound);
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) -> Result<void> {
            auto gone = w.policy(p.id);
            return gone ? Result<void>() : gone.error();
        }),
                     ErrorCode::NotFound);
    }

    void duplicateGuidIsAConflict()
    {
        // Caught by the schema's UNIQUE constraint, not by a check of the writer.
        Policy copy;
        copy.name = u"Same guid"_s;
        copy.guid = loaded().policies.first().guid;
        auto r = m_store->write([&](StoreWriter &w) { return w.insertPolicy(copy); });
        VERIFY_ERROR(r, ErrorCode::Conflict);
        QVERIFY2(r.error().message.contains(m_store->path()), qPrintable(r.error().message));
        QCOMPARE(loaded().policies.size(), 3);
    }

    void schemaChangedWhileOpen()
    {
        const QString problem = runSql(m_store->path(), {u"PRAGMA user_version = 99"_s});
        QCOMPARE(problem, QString());
        VERIFY_ERROR(m_store->load(), ErrorCode::Store);
        Policy p;
        p.name = u"Too late"_s;
        auto r = m_store->write([&](StoreWriter &w) { return w.insertPolicy(p); });
        VERIFY_ERROR(r, ErrorCode::Store);
        QVERIFY2(r.error().message.contains(u"99"_s), qPrintable(r.error().message));
        QCOMPARE(runSql(m_store->path(),
                        {u"PRAGMA user_version = %1"_s.arg(PolicyStore::CurrentSchemaVersion)}),
                 QString());
        QCOMPARE(loaded().revision, 1);
    }

    void damagedRowsAreReported()
    {
        // An address value that no Address encodes to (a "host" with a /24 prefix).
        const qint64 bogus = qint64(2) << 48 | qint64(4) << 40 | qint64(24) << 32 | 0x0a000001;
        QCOMPARE(runSql(m_store->path(), {u"UPDATE filters SET destination = %1"_s.arg(bogus)}),
                 QString());
        auto db = m_store->load();
        VERIFY_ERROR(db, ErrorCode::Store);
        QVERIFY2(db.error().message.contains(u"damaged"_s), qPrintable(db.error().message));
        QVERIFY2(db.error().message.contains(u"All IP Traffic"_s), qPrintable(db.error().message));
    }

    void invalidObjectsRefused()
    {
        Policy p; // no name
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.insertPolicy(p); }),
                     ErrorCode::Usage);
        Filter f = filter(u"me"_s, u"10.0.0.1"_s, Protocol::icmp(), 0, 80); // ICMP has no ports
        const qint64 listId = loaded().filterLists.first().id;
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.insertFilter(listId, f); }),
                     ErrorCode::Usage);
        QCOMPARE(loaded().revision, 1);
    }

    void rules()
    {
        PolicyDatabase db = loaded();
        const qint64 listId = db.filterListByName(u"All ICMP Traffic"_s)->id;
        const qint64 actionId = db.filterActionByName(u"Permit"_s)->id;
        const qint64 otherActionId = db.filterActionByName(u"Require Security"_s)->id;
        Policy p;
        p.name = u"Rules"_s;
        Rule r;
        r.name = u"ICMP"_s;
        r.filterListId = listId;
        r.filterActionId = actionId;
        r.tunnelEndpoint = u"192.0.2.1"_s;
        r.connectionType = Rule::ConnectionType::Lan;
        r.authMethods = {AuthMethod{AuthMethod::Kind::PresharedKey, u"s3cret"_s},
                         AuthMethod{AuthMethod::Kind::Certificate, u"CN=Root CA"_s}};
        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     if (auto ok = w.insertPolicy(p); !ok)
                         return ok;
                     r.policyId = p.id;
                     return w.insertRule(r);
                 }),
                 QString());
        QVERIFY(r.id > 0);
        QVERIFY(!r.guid.isNull());
        db = loaded();
        QCOMPARE(*db.rule(r.id), r);

        // Same name in another policy is fine; in the same policy it is a conflict.
        Rule copy = r;
        copy.id = 0;
        copy.guid = {};
        copy.name = u"icmp"_s;
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.insertRule(copy); }),
                     ErrorCode::Conflict);
        copy.policyId = db.policyByName(u"Client (Respond Only)"_s)->id;
        QCOMPARE(change([&](StoreWriter &w) { return w.insertRule(copy); }), QString());

        // A rule referring to nothing.
        Rule dangling = r;
        dangling.id = 0;
        dangling.guid = {};
        dangling.name = u"Dangling"_s;
        dangling.filterListId = 999999;
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.insertRule(dangling); }),
                     ErrorCode::NotFound);

        const QDateTime before = loaded().policy(p.id)->lastModified;
        QTest::qWait(5);
        r.filterActionId = otherActionId;
        r.active = false;
        r.authMethods = {AuthMethod{}};
        r.tunnelEndpoint.clear();
        QCOMPARE(change([&](StoreWriter &w) { return w.updateRule(r); }), QString());
        db = loaded();
        QCOMPARE(*db.rule(r.id), r);
        QVERIFY(db.policy(p.id)->lastModified > before);

        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     auto list = w.rulesOf(p.id);
                     if (!list)
                         return list.error();
                     if (list->size() != 1 || list->first() != r)
                         return Error::notFound(u"rulesOf"_s);
                     auto found = w.findRule(p.id, u"iCmP"_s);
                     if (!found || !found.value() || found.value()->id != r.id)
                         return Error::notFound(u"findRule"_s);
                     auto uses = w.filterActionUseCount(otherActionId);
                     if (!uses || uses.value() != 2) // Secure Server's rule and ours
                         return Error::notFound(u"filterActionUseCount"_s);
                     return w.deleteRule(r.id);
                 }),
                 QString());
        QVERIFY(!loaded().rule(r.id));
    }

    void filterListsAndFilters()
    {
        FilterList list;
        list.name = u"Every address kind"_s;
        list.description = u"round trip"_s;
        list.filters << filter(u"me"_s, u"any"_s) << filter(u"10.1.2.3"_s, u"10.0.0.0/8"_s)
                     << filter(u"2001:db8::1"_s, u"2001:db8::/32"_s, Protocol::tcp(), 1024, 1433)
                     << filter(u"any"_s, u"db.example.org"_s, Protocol::udp(), 0, 1434, false)
                     << filter(u"0.0.0.0/0"_s, u"me"_s, Protocol(47))
                     << filter(u"::/0"_s, u"fe80::1"_s, Protocol(Protocol::Icmpv6));
        list.filters[1].description = u"with a description"_s;
        QCOMPARE(change([&](StoreWriter &w) { return w.insertFilterList(list); }), QString());
        QVERIFY(list.id > 0);
        for (const Filter &f : list.filters) {
            QVERIFY(f.id > 0);
            QVERIFY(!f.guid.isNull());
        }
        QCOMPARE(*loaded().filterList(list.id), list);

        // A rule uses the list, so filter changes touch its policy.
        const PolicyDatabase db = loaded();
        Rule rule;
        rule.policyId = db.policyByName(u"Client (Respond Only)"_s)->id;
        rule.name = u"Kinds"_s;
        rule.filterListId = list.id;
        rule.filterActionId = db.filterActionByName(u"Permit"_s)->id;
        QCOMPARE(change([&](StoreWriter &w) { return w.insertRule(rule); }), QString());
        QDateTime stamp = loaded().policy(rule.policyId)->lastModified;

        Filter added = filter(u"me"_s, u"192.0.2.0/24"_s, Protocol::tcp(), 0, 80);
        QTest::qWait(5);
        QCOMPARE(change([&](StoreWriter &w) { return w.insertFilter(list.id, added); }), QString());
        QVERIFY(added.id > 0);
        list.filters << added;
        QCOMPARE(*loaded().filterList(list.id), list);
        QVERIFY(loaded().policy(rule.policyId)->lastModified > stamp);
        stamp = loaded().policy(rule.policyId)->lastModified;

        QTest::qWait(5);
        QCOMPARE(change([&](StoreWriter &w) { return w.deleteFilter(list.filters.at(0).id); }),
                 QString());
        list.filters.removeFirst();
        QCOMPARE(*loaded().filterList(list.id), list);
        QVERIFY(loaded().policy(rule.policyId)->lastModified > stamp);
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.deleteFilter(999999); }),
                     ErrorCode::NotFound);

        QList<Filter> replacement{filter(u"me"_s, u"198.51.100.7"_s, Protocol::udp(), 0, 53)};
        QCOMPARE(change([&](StoreWriter &w) { return w.replaceFilters(list.id, replacement); }),
                 QString());
        QVERIFY(replacement.first().id > 0);
        list.filters = replacement;
        QCOMPARE(*loaded().filterList(list.id), list);

        list.name = u"Renamed"_s;
        list.description = u"now explicit"_s;
        list.implicit = true;
        QCOMPARE(change([&](StoreWriter &w) { return w.updateFilterList(list); }), QString());
        QCOMPARE(*loaded().filterList(list.id), list);

        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     auto found = w.findFilterList(u"RENAMED"_s);
                     if (!found || !found.value() || found.value().value() != list)
                         return Error::notFound(u"findFilterList"_s);
                     auto byId = w.filterList(list.id);
                     if (!byId || byId.value() != list)
                         return Error::notFound(u"filterList"_s);
                     auto uses = w.filterListUseCount(list.id);
                     if (!uses || uses.value() != 1)
                         return Error::notFound(u"filterListUseCount"_s);
                     return {};
                 }),
                 QString());
    }

    void filterActions()
    {
        FilterAction a;
        a.name = u"Negotiate strongly"_s;
        a.type = FilterAction::Type::Negotiate;
        a.sessionKeyPfs = true;
        a.allowUnsecured = true;
        SecurityMethod ah;
        ah.ah = true;
        ah.ahHash = SecurityMethod::Hash::Md5;
        ah.espCipher = SecurityMethod::Cipher::Des;
        ah.lifetimeKBytes = 4000000000u;
        ah.lifetimeSeconds = 3600;
        ah.pfs = true;
        a.securityMethods = {SecurityMethod{}, ah};
        QCOMPARE(change([&](StoreWriter &w) { return w.insertFilterAction(a); }), QString());
        QVERIFY(a.id > 0);
        QCOMPARE(*loaded().filterAction(a.id), a);

        a.name = u"Block it"_s;
        a.type = FilterAction::Type::Block;
        a.sessionKeyPfs = a.allowUnsecured = false;
        a.securityMethods.clear();
        QCOMPARE(change([&](StoreWriter &w) { return w.updateFilterAction(a); }), QString());
        QCOMPARE(*loaded().filterAction(a.id), a);

        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     auto all = w.filterActions();
                     if (!all || all->size() != 4)
                         return Error::notFound(u"filterActions"_s);
                     auto found = w.findFilterAction(u"block IT"_s);
                     if (!found || !found.value() || found.value()->id != a.id)
                         return Error::notFound(u"findFilterAction"_s);
                     auto byId = w.filterAction(a.id);
                     if (!byId || byId.value() != a)
                         return Error::notFound(u"filterAction"_s);
                     return w.deleteFilterAction(a.id);
                 }),
                 QString());
        QVERIFY(!loaded().filterAction(a.id));
    }

    void namesAreUniqueCaseInsensitively()
    {
        Policy p;
        p.name = u"client (RESPOND only)"_s;
        auto dup = m_store->write([&](StoreWriter &w) { return w.insertPolicy(p); });
        VERIFY_ERROR(dup, ErrorCode::Conflict);
        QVERIFY(dup.error().message.contains(u"Client (Respond Only)"_s));

        FilterList l;
        l.name = u"ALL IP TRAFFIC"_s;
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.insertFilterList(l); }),
                     ErrorCode::Conflict);
        FilterAction a;
        a.name = u"permit"_s;
        a.type = FilterAction::Type::Permit;
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.insertFilterAction(a); }),
                     ErrorCode::Conflict);

        // Beyond ASCII too (SQLite's NOCASE alone would accept this).
        Policy umlaut;
        umlaut.name = u"Ärger"_s;
        QCOMPARE(change([&](StoreWriter &w) { return w.insertPolicy(umlaut); }), QString());
        Policy upper;
        upper.name = u"äRGER"_s;
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.insertPolicy(upper); }),
                     ErrorCode::Conflict);

        // Renaming onto another object's name.
        Policy renamed = umlaut;
        renamed.name = u"SERVER (Request Security)"_s;
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.updatePolicy(renamed); }),
                     ErrorCode::Conflict);
        // Renaming to a different case of its own name is fine.
        renamed.name = u"ärger"_s;
        QCOMPARE(change([&](StoreWriter &w) { return w.updatePolicy(renamed); }), QString());
    }

    void usedListOrActionCannotBeDeleted()
    {
        const PolicyDatabase db = loaded();
        const FilterList *list = db.filterListByName(u"All IP Traffic"_s);
        const FilterAction *action = db.filterActionByName(u"Require Security"_s);
        auto r = m_store->write([&](StoreWriter &w) { return w.deleteFilterList(list->id); });
        VERIFY_ERROR(r, ErrorCode::Conflict);
        QVERIFY2(r.error().message.contains(u"All IP Traffic"_s), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"Server (Request Security)"_s),
                 qPrintable(r.error().message));
        r = m_store->write([&](StoreWriter &w) { return w.deleteFilterAction(action->id); });
        VERIFY_ERROR(r, ErrorCode::Conflict);
        QVERIFY2(r.error().message.contains(u"Require Security"_s), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(u"Secure Server (Require Security)"_s),
                 qPrintable(r.error().message));
        QCOMPARE(loaded().revision, 1);

        // Once the policies using them are gone, they can go.
        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     for (const Policy &p : db.policies)
                         if (auto ok = w.deletePolicy(p.id); !ok)
                             return ok;
                     if (auto ok = w.deleteFilterList(list->id); !ok)
                         return ok;
                     return w.deleteFilterAction(action->id);
                 }),
                 QString());
    }

    void deletesCascade()
    {
        const PolicyDatabase db = loaded();
        const Policy *server = db.policyByName(u"Server (Request Security)"_s);
        QCOMPARE(change([&](StoreWriter &w) { return w.deletePolicy(server->id); }), QString());
        PolicyDatabase after = loaded();
        QCOMPARE(after.rules.size(), 4);
        QVERIFY(after.rulesOf(server->id).isEmpty());

        FilterList big;
        big.name = u"Big"_s;
        for (int i = 0; i < 50; ++i)
            big.filters << filter(u"me"_s, u"10.9.0.%1"_s.arg(i));
        QCOMPARE(change([&](StoreWriter &w) { return w.insertFilterList(big); }), QString());
        QCOMPARE(loaded().filterCount(), 52);
        QCOMPARE(change([&](StoreWriter &w) { return w.deleteFilterList(big.id); }), QString());
        QCOMPARE(loaded().filterCount(), 2);
        // The filters are gone from the file, not only unreachable.
        QCOMPARE(sqlInteger(m_store->path(), u"SELECT count(*) FROM filters"_s), 2);
    }

    void assignmentIsExclusive()
    {
        const PolicyDatabase db = loaded();
        const qint64 a = db.policies.at(0).id;
        const qint64 b = db.policies.at(1).id;
        QCOMPARE(change([&](StoreWriter &w) { return w.setAssignedPolicy(a); }), QString());
        QCOMPARE(loaded().assignedPolicy()->id, a);
        QCOMPARE(change([&](StoreWriter &w) { return w.setAssignedPolicy(b); }), QString());
        QCOMPARE(loaded().assignedPolicy()->id, b);
        QVERIFY(!loaded().policy(a)->assigned);

        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     auto assigned = w.assignedPolicy();
                     if (!assigned || assigned.value() != b)
                         return Error::notFound(u"assignedPolicy"_s);
                     return {};
                 }),
                 QString());

        // A new policy inserted as assigned takes over.
        Policy c;
        c.name = u"Assigned at birth"_s;
        c.assigned = true;
        QCOMPARE(change([&](StoreWriter &w) { return w.insertPolicy(c); }), QString());
        QCOMPARE(loaded().assignedPolicy()->id, c.id);

        QCOMPARE(change([&](StoreWriter &w) { return w.setAssignedPolicy(std::nullopt); }),
                 QString());
        QVERIFY(!loaded().assignedPolicy());
        VERIFY_ERROR(m_store->write([&](StoreWriter &w) { return w.setAssignedPolicy(999999); }),
                     ErrorCode::NotFound);

        // The schema itself refuses a second assigned policy, whoever writes the file.
        const QString problem =
            runSql(m_store->path(), {u"UPDATE policies SET assigned = 1 WHERE id = %1"_s.arg(a),
                                     u"UPDATE policies SET assigned = 1 WHERE id = %1"_s.arg(b)});
        QVERIFY2(problem.contains(u"UNIQUE"_s, Qt::CaseInsensitive), qPrintable(problem));
    }

    // Enforcing reads the assigned policy alone: its rules, their lists (with filters) and
    // actions, exactly as the whole store holds them; a big list of another policy costs
    // nothing (issue 11: 15 ms for a 10,000-filter list beside a 10-filter assigned policy).
    void assignedReadHoldsTheAssignedPolicyAlone()
    {
        FilterList big;
        big.name = u"Ban list"_s;
        for (int i = 0; i < 2000; ++i)
            big.filters << filter(u"any"_s, u"me"_s, Protocol::udp(), 0, quint16(1001 + 2 * i));
        Policy other;
        other.name = u"Big"_s;
        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     if (auto ok = w.insertFilterList(big); !ok)
                         return ok;
                     if (auto ok = w.insertPolicy(other); !ok)
                         return ok;
                     auto block = w.findFilterAction(u"Request Security (Optional)"_s);
                     if (!block || !block.value())
                         return Error::notFound(u"action"_s);
                     Rule r;
                     r.policyId = other.id;
                     r.name = u"Ban"_s;
                     r.filterListId = big.id;
                     r.filterActionId = block.value()->id;
                     return w.insertRule(r);
                 }),
                 QString());

        // Nothing assigned: nothing but the revision.
        auto none = m_store->loadAssigned();
        VERIFY_OK(none);
        QCOMPARE(none->revision, loaded().revision);
        QVERIFY(none->policies.isEmpty() && none->rules.isEmpty());
        QVERIFY(none->filterLists.isEmpty() && none->filterActions.isEmpty());

        // A default policy (shared lists and actions, a default response rule, an inactive
        // rule) assigned next to the big one.
        PolicyDatabase all = loaded();
        const Policy *server = all.policyByName(u"Server (Request Security)"_s);
        QVERIFY(server);
        Rule inactive = *all.rulesOf(server->id).constFirst();
        inactive.id = 0;
        inactive.guid = {};
        inactive.name = u"Switched off"_s;
        inactive.active = false;
        inactive.defaultResponse = false;
        inactive.filterListId = all.filterListByName(u"All ICMP Traffic"_s)->id;
        inactive.filterActionId = all.filterActionByName(u"Permit"_s)->id;
        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     if (auto ok = w.insertRule(inactive); !ok)
                         return ok;
                     return w.setAssignedPolicy(server->id);
                 }),
                 QString());
        all = loaded();
        server = all.assignedPolicy();
        QVERIFY(server);

        const qint64 before = m_store->filtersRead();
        auto scoped = m_store->loadAssigned();
        VERIFY_OK(scoped);
        const qint64 read = m_store->filtersRead() - before;
        QCOMPARE(scoped->revision, all.revision);
        QCOMPARE(scoped->policies, QList<Policy>{*server});
        QList<Rule> rules;
        QList<FilterList> lists;
        QList<FilterAction> actions;
        qint64 needed = 0;
        for (const Rule &r : all.rules) {
            if (r.policyId != server->id)
                continue;
            rules << r;
            if (const FilterList *l = all.filterList(r.filterListId); l && !lists.contains(*l))
                lists << *l;
            if (const FilterAction *a = all.filterAction(r.filterActionId);
                a && !actions.contains(*a))
                actions << *a;
        }
        const auto byId = [](const auto &a, const auto &b) {
            return a.id < b.id;
        };
        std::sort(lists.begin(), lists.end(), byId);
        std::sort(actions.begin(), actions.end(), byId);
        for (const FilterList &l : lists)
            needed += l.filters.size();
        QVERIFY(rules.size() >= 3);
        QVERIFY(lists.size() >= 2 && !lists.contains(*all.filterList(big.id)));
        QCOMPARE(scoped->rules, rules);
        QCOMPARE(scoped->filterLists, lists);
        QCOMPARE(scoped->filterActions, actions);
        QCOMPARE(read, needed);

        // The same inside a write transaction (the read-back before a change commits).
        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     auto inside = w.assignedSnapshot();
                     if (!inside)
                         return inside.error();
                     if (!difference(inside.value(), scoped.value()).isEmpty())
                         return Error::conflict(difference(inside.value(), scoped.value()));
                     return {};
                 }),
                 QString());

        // The whole store is still read whole.
        const qint64 beforeAll = m_store->filtersRead();
        QCOMPARE(loaded().filterCount(), all.filterCount());
        QCOMPARE(m_store->filtersRead() - beforeAll, all.filterCount());
    }

    void failedWriteChangesNothing()
    {
        QSignalSpy spy(m_store.get(), &PolicyStore::changed);
        const PolicyDatabase before = loaded();
        auto r = m_store->write([&](StoreWriter &w) -> Result<void> {
            Policy p;
            p.name = u"Half done"_s;
            if (auto ok = w.insertPolicy(p); !ok)
                return ok;
            FilterList l;
            l.name = u"Half list"_s;
            l.filters << filter(u"me"_s, u"10.0.0.1"_s);
            if (auto ok = w.insertFilterList(l); !ok)
                return ok;
            Rule rule;
            rule.policyId = p.id;
            rule.name = u"Half rule"_s;
            rule.filterListId = l.id;
            rule.filterActionId = before.filterActions.first().id;
            if (auto ok = w.insertRule(rule); !ok)
                return ok;
            if (auto ok = w.setAssignedPolicy(p.id); !ok)
                return ok;
            if (auto ok = w.deletePolicy(before.policies.first().id); !ok)
                return ok;
            Filter f = filter(u"me"_s, u"10.0.0.2"_s);
            if (auto ok = w.insertFilter(before.filterLists.first().id, f); !ok)
                return ok;
            return Error::usage(u"changed my mind"_s);
        });
        VERIFY_ERROR(r, ErrorCode::Usage);
        QCOMPARE(r.error().message, u"changed my mind"_s);
        const QString diff = difference(before, loaded());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_store->revision().value(), before.revision);
        QCOMPARE(spy.count(), 0);
    }

    void replaceContentsCopiesAnotherStore()
    {
        // The source: the defaults plus an assigned policy with a rule, a list and an action.
        QString problem = change([&](StoreWriter &w) -> Result<void> {
            FilterList l;
            l.name = u"Web"_s;
            l.filters << filter(u"me"_s, u"10.0.0.1"_s) << filter(u"any"_s, u"me"_s);
            if (auto ok = w.insertFilterList(l); !ok)
                return ok;
            FilterAction a;
            a.name = u"Stop"_s;
            a.type = FilterAction::Type::Block;
            if (auto ok = w.insertFilterAction(a); !ok)
                return ok;
            Policy p;
            p.name = u"Hardened"_s;
            if (auto ok = w.insertPolicy(p); !ok)
                return ok;
            Rule r;
            r.policyId = p.id;
            r.name = u"Block web"_s;
            r.filterListId = l.id;
            r.filterActionId = a.id;
            if (auto ok = w.insertRule(r); !ok)
                return ok;
            if (auto ok =
                    w.setLastModified(p.id, QDateTime::fromSecsSinceEpoch(1'000'000, Qt::UTC));
                !ok)
                return ok;
            return w.setAssignedPolicy(p.id);
        });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const PolicyDatabase source = loaded();

        // The target holds other things, which must go.
        auto target = PolicyStore::open(newPath());
        VERIFY_OK(target);
        VERIFY_OK(target.value()->write([&](StoreWriter &w) -> Result<void> {
            Policy p;
            p.name = u"Leftover"_s;
            if (auto ok = w.insertPolicy(p); !ok)
                return ok;
            return w.setAssignedPolicy(p.id);
        }));
        VERIFY_OK(
            target.value()->write([&](StoreWriter &w) { return replaceStoreContents(w, source); }));
        auto copied = target.value()->load();
        VERIFY_OK(copied);
        QCOMPARE(copied->assignedPolicy()->name, u"Hardened"_s);
        QCOMPARE(copied->policyByName(u"Hardened"_s)->lastModified.toSecsSinceEpoch(), 1'000'000);
        QVERIFY(!copied->policyByName(u"Leftover"_s));
        const QString diff = difference(withoutRowIds(source), withoutRowIds(copied.value()));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void replaceContentsRefusesDanglingReferences()
    {
        PolicyDatabase broken = loaded();
        broken.rules.first().filterListId = 999'999;
        broken.rules.first().defaultResponse = false;
        const PolicyDatabase before = loaded();
        auto r = m_store->write([&](StoreWriter &w) { return replaceStoreContents(w, broken); });
        VERIFY_ERROR(r, ErrorCode::Usage);
        QVERIFY2(r.error().message.contains(u"999999"_s), qPrintable(r.error().message));
        const QString diff = difference(before, loaded());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void failedOperationIsUndoneAlone()
    {
        // An operation that fails half-way leaves nothing, even if the caller carries on.
        const PolicyDatabase before = loaded();
        FilterList bad;
        bad.name = u"All IP traffic"_s; // taken
        bad.filters << filter(u"me"_s, u"10.0.0.1"_s);
        Policy good;
        good.name = u"Good"_s;
        QCOMPARE(change([&](StoreWriter &w) -> Result<void> {
                     if (w.insertFilterList(bad).ok())
                         return Error::usage(u"duplicate accepted"_s);
                     return w.insertPolicy(good);
                 }),
                 QString());
        const PolicyDatabase after = loaded();
        QCOMPARE(after.revision, before.revision + 1);
        QCOMPARE(after.filterLists, before.filterLists);
        QCOMPARE(after.policies.size(), before.policies.size() + 1);
        QCOMPARE(bad.id, 0); // untouched on failure
    }

    void revisionRisesAndSignals()
    {
        QSignalSpy spy(m_store.get(), &PolicyStore::changed);
        for (int i = 0; i < 3; ++i) {
            Policy p;
            p.name = u"P%1"_s.arg(i);
            QCOMPARE(change([&](StoreWriter &w) { return w.insertPolicy(p); }), QString());
        }
        QCOMPARE(m_store->revision().value(), 4);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.at(2).at(0).toLongLong(), 4);
        // A write that only reads still commits one revision: callers decide what a change is.
        QCOMPARE(change([](StoreWriter &) { return Result<void>(); }), QString());
        QCOMPARE(m_store->revision().value(), 5);
    }

    void nestedWriteRefused()
    {
        Result<void> inner;
        QCOMPARE(change([&](StoreWriter &) -> Result<void> {
                     inner = m_store->write([](StoreWriter &) { return Result<void>(); });
                     return {};
                 }),
                 QString());
        VERIFY_ERROR(inner, ErrorCode::Store);
    }

    void paths()
    {
        qunsetenv("IPSEC_CONSOLE_STORE");
        if (::geteuid() == 0) {
            QCOMPARE(PolicyStore::defaultPath(), u"/var/lib/ipsec-console/policy.db"_s);
        } else {
            qputenv("XDG_DATA_HOME", "/tmp/xdg-test");
            QCOMPARE(PolicyStore::defaultPath(), u"/tmp/xdg-test/ipsec-console/policy.db"_s);
            qputenv("XDG_DATA_HOME", "relative/ignored");
            QCOMPARE(PolicyStore::defaultPath(),
                     QDir::homePath() + u"/.local/share/ipsec-console/policy.db"_s);
            qunsetenv("XDG_DATA_HOME");
        }
        QCOMPARE(PolicyStore::resolvePath(), PolicyStore::defaultPath());
        qputenv("IPSEC_CONSOLE_STORE", "/srv/env.db");
        QCOMPARE(PolicyStore::resolvePath(), u"/srv/env.db"_s);
        QCOMPARE(PolicyStore::resolvePath(u"/srv/explicit.db"_s), u"/srv/explicit.db"_s);
        qunsetenv("IPSEC_CONSOLE_STORE");
        VERIFY_ERROR(PolicyStore::open(QString()), ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestPolicyStore)
#include "TestPolicyStore.moc"
