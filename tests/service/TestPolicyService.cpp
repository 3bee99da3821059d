// The service's object editing (what the console calls), store-only: each operation validates,
// is one transaction, and leaves the store untouched when it fails.

#include "service/PolicyService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;

class TestPolicyService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void policyLifecycle();
    void ruleAndListsAndActions();
    void invalidInputChangesNothing_data();
    void invalidInputChangesNothing();
    void sharedObjectsAreProtected();
    void ipseccmdAndObjectEditingAgree();
    void dynamicNeedsKernel();

private:
    PolicyDatabase load() { return m_service->load().value(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PolicyService> m_service;
};

void TestPolicyService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    PolicyService::Options o;
    o.storePath = m_dir->filePath(u"policy.db"_s);
    o.enforcement = PolicyService::Enforcement::Off;
    auto s = PolicyService::open(o);
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    m_service = std::move(s.value());
    QVERIFY(!m_service->isEnforcing());
}

void TestPolicyService::policyLifecycle()
{
    QSignalSpy changed(m_service.get(), &PolicyService::changed);
    Policy p;
    p.name = u"Quarantine"_s;
    p.description = u"Isolate this host"_s;
    auto r = m_service->createPolicy(p);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY(p.id > 0);
    QVERIFY(!p.guid.isNull());
    QCOMPARE(changed.count(), 1);
    QVERIFY(r->notices.join(u' ').contains(u"not enforced"_s));
    PolicyDatabase db = load();
    QCOMPARE(db.policyByName(u"quarantine"_s)->description, u"Isolate this host"_s);
    const auto rules = db.rulesOf(p.id);
    QCOMPARE(rules.size(), 1);
    QVERIFY(rules.first()->defaultResponse);

    p.pollingIntervalMinutes = 30;
    QVERIFY(m_service->updatePolicy(p));
    QCOMPARE(load().policy(p.id)->pollingIntervalMinutes, 30);

    // Deleting the assigned policy unassigns it first, as Windows does (PolicyEdits).
    QVERIFY(m_service->assignPolicy(p.name));
    auto deleted = m_service->deletePolicy(p.id);
    QVERIFY(deleted);
    QVERIFY2(deleted->messages.contains(u"Unassigned policy \"Quarantine\"."_s)
                 && deleted->messages.contains(u"Deleted policy \"Quarantine\"."_s),
             qPrintable(deleted->messages.join(u'\n')));
    QVERIFY(!load().policy(p.id));
}

void TestPolicyService::ruleAndListsAndActions()
{
    Policy p;
    p.name = u"Web"_s;
    QVERIFY(m_service->createPolicy(p));
    FilterList list;
    list.name = u"HTTP in"_s;
    Filter f;
    f.destination = Address::me();
    f.protocol = Protocol::tcp();
    f.destinationPort = 80;
    list.filters << f;
    QVERIFY(m_service->createFilterList(list));
    QCOMPARE(load().filterList(list.id)->filters.size(), 1);
    FilterAction block;
    block.name = u"Drop it"_s;
    block.type = FilterAction::Type::Block;
    QVERIFY(m_service->createFilterAction(block));

    Rule rule;
    rule.policyId = p.id;
    rule.name = u"Block HTTP"_s;
    rule.filterListId = list.id;
    rule.filterActionId = block.id;
    QVERIFY(m_service->createRule(rule));
    QCOMPARE(load().enforcedRulesOf(p.id).size(), 1);

    // Change the list's filters in one step.
    f.destinationPort = 8080;
    list.filters = {f, f};
    list.filters[1].destinationPort = 8443;
    QVERIFY(m_service->updateFilterList(list));
    QCOMPARE(load().filterList(list.id)->filters.size(), 2);
    QCOMPARE(load().filterList(list.id)->filters.at(1).destinationPort, quint16(8443));

    rule.active = false;
    QVERIFY(m_service->updateRule(rule));
    QCOMPARE(load().enforcedRulesOf(p.id).size(), 0);
    QVERIFY(m_service->deleteRule(rule.id));
    QVERIFY(m_service->deleteFilterList(list.id));
    QVERIFY(m_service->deleteFilterAction(block.id));
    QVERIFY(!load().filterListByName(u"HTTP in"_s));
}

void TestPolicyService::invalidInputChangesNothing_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty policy name") << 0 << u"name is empty"_s;
    QTest::newRow("duplicate policy name") << 1 << u"Server (Request Security)"_s;
    QTest::newRow("icmp with port") << 2 << u"has no ports"_s;
    QTest::newRow("negotiate without methods") << 3 << u"offers no security method"_s;
    QTest::newRow("rule without list") << 4 << u"needs a filter list"_s;
}

void TestPolicyService::invalidInputChangesNothing()
{
    QFETCH(int, which);
    QFETCH(QString, message);
    const PolicyDatabase before = load();
    Result<ServiceReport> r = ServiceReport{};
    if (which == 0) {
        Policy p;
        r = m_service->createPolicy(p);
    } else if (which == 1) {
        Policy p;
        p.name = u"Server (Request Security)"_s;
        r = m_service->createPolicy(p);
    } else if (which == 2) {
        FilterList l;
        l.name = u"Bad"_s;
        Filter f;
        f.protocol = Protocol::icmp();
        f.destinationPort = 7;
        l.filters << f;
        r = m_service->createFilterList(l);
    } else if (which == 3) {
        FilterAction a;
        a.name = u"Empty"_s;
        a.type = FilterAction::Type::Negotiate;
        r = m_service->createFilterAction(a);
    } else {
        Rule rule;
        rule.policyId = before.policies.first().id;
        rule.name = u"Orphan"_s;
        r = m_service->createRule(rule);
    }
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    const PolicyDatabase after = load();
    QCOMPARE(after.revision, before.revision);
    QCOMPARE(after.policies.size(), before.policies.size());
    QCOMPARE(after.filterLists.size(), before.filterLists.size());
    QCOMPARE(after.filterActions.size(), before.filterActions.size());
    QCOMPARE(after.rules.size(), before.rules.size());
}

void TestPolicyService::sharedObjectsAreProtected()
{
    const PolicyDatabase db = load();
    // "All IP Traffic" is used by two example policies; "Permit" too.
    auto r = m_service->deleteFilterList(db.filterListByName(u"All IP Traffic"_s)->id);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Conflict);
    r = m_service->deleteFilterAction(db.filterActionByName(u"Permit"_s)->id);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Conflict);
    const Rule *drr = db.rulesOf(db.policyByName(u"Client (Respond Only)"_s)->id).first();
    r = m_service->deleteRule(drr->id);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(u"default response rule"_s));
    QCOMPARE(load().revision, db.revision);
}

void TestPolicyService::ipseccmdAndObjectEditingAgree()
{
    auto cmd = syntax::IpsecCmdParser::parse(syntax::IpsecCmdParser::splitCommandLine(
        u"-w REG -p \"Block UDP 1434 Filter\" -r \"Block Inbound UDP 1434 Rule\" "
        u"-f *=0:1434:UDP -n BLOCK -x"_s));
    QVERIFY(cmd);
    QVERIFY(m_service->executeStatic(cmd.value()));
    const PolicyDatabase db = load();
    const Policy *p = db.assignedPolicy();
    QVERIFY(p);
    const auto enforced = db.enforcedRulesOf(p->id);
    QCOMPARE(enforced.size(), 1);
    QCOMPARE(enforced.first().filterAction->type, FilterAction::Type::Block);
    const Filter &f = enforced.first().filterList->filters.first();
    QVERIFY(f.source.isAny());
    QVERIFY(f.destination.isMe());
    QCOMPARE(f.destinationPort, quint16(1434));
    QCOMPARE(f.protocol, Protocol::udp());
}

void TestPolicyService::dynamicNeedsKernel()
{
    engine::DynamicFilter d;
    d.filter.destination = Address::me();
    auto r = m_service->addDynamicFilters({d});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Permission);
    r = m_service->clearDynamicFilters();
    QVERIFY(!r);
}

QTEST_GUILESS_MAIN(TestPolicyService)
#include "TestPolicyService.moc"
