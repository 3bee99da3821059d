// Issue 14: how Negotiate filter actions become kernel templates (engine/Negotiation.h), per
// direction, per rule, and what the kernel layer is given for them.

#include "EngineTestSupport.h"

#include "engine/Negotiation.h"

using namespace enginetest;

namespace {

FilterAction negotiate(bool inpass, bool soft, QList<SecurityMethod> methods = {SecurityMethod{}})
{
    FilterAction a;
    a.type = FilterAction::Type::Negotiate;
    a.inboundPassThrough = inpass;
    a.allowUnsecured = soft;
    a.securityMethods = methods;
    return a;
}

// A policy with one rule per action, each over "any <-> me:port" (mirrored), assigned.
PolicyDatabase databaseWith(const QList<std::pair<FilterAction, quint16>> &rules)
{
    PolicyDatabase db;
    Policy p;
    p.id = 1;
    p.name = u"P"_s;
    p.assigned = true;
    db.policies << p;
    qint64 id = 0;
    for (const auto &[action, port] : rules) {
        ++id;
        FilterList l;
        l.id = id;
        l.name = u"L%1"_s.arg(id);
        l.filters << filter(u"any"_s, u"me"_s, Protocol::Udp, 0, port, true);
        FilterAction a = action;
        a.id = id;
        a.name = u"A%1"_s.arg(id);
        Rule r;
        r.id = id * 7; // rule ids unrelated to positions
        r.policyId = 1;
        r.name = u"R%1"_s.arg(id);
        r.filterListId = id;
        r.filterActionId = id;
        db.filterLists << l;
        db.filterActions << a;
        db.rules << r;
    }
    return db;
}

// The templates of the plan's entries for this port and direction.
QList<XfrmTemplate> templates(const XfrmPlan &plan, quint16 port, XfrmEntry::Dir dir)
{
    QList<XfrmTemplate> out;
    for (const XfrmEntry &e : plan.entries) {
        const bool matches = e.selector.destinationPort == port || e.selector.sourcePort == port;
        if (matches && e.dir == dir) {
            if (!e.needsTemplate)
                qWarning("entry without template: %s", qPrintable(e.toIpCommand()));
            out << e.tmpl;
        }
    }
    return out;
}

} // namespace

class TestNegotiationMapping : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mappingPerDirection_data();
    void mappingPerDirection();
    void reqidPerRule();
    void protocolFromFirstMethod();
    void dynamicFiltersRequireByDefault();
};

void TestNegotiationMapping::mappingPerDirection_data()
{
    QTest::addColumn<bool>("inpass");
    QTest::addColumn<bool>("soft");
    QTest::addColumn<bool>("inOptional");
    QTest::addColumn<bool>("outOptional");
    QTest::newRow("Require Security") << false << false << false << false;
    QTest::newRow("inpass") << true << false << true << false;
    QTest::newRow("soft") << false << true << true << true;
    QTest::newRow("Request Security (inpass + soft)") << true << true << true << true;
}

void TestNegotiationMapping::mappingPerDirection()
{
    QFETCH(bool, inpass);
    QFETCH(bool, soft);
    QFETCH(bool, inOptional);
    QFETCH(bool, outOptional);
    const auto db = databaseWith({{negotiate(inpass, soft), 5001}});
    const auto plan = XfrmCompiler::compile(EffectivePolicy::build(db, {}, context()));
    QVERIFY(plan);
    const auto in = templates(*plan, 5001, XfrmEntry::Dir::In);
    const auto out = templates(*plan, 5001, XfrmEntry::Dir::Out);
    QCOMPARE(in.size(), 2); // v4 and v6
    QCOMPARE(out.size(), 2);
    for (const auto &t : in)
        QCOMPARE(t.optional, inOptional);
    for (const auto &t : out)
        QCOMPARE(t.optional, outOptional);
    // What the dry run prints is what `ip` would install.
    const QStringList lines = plan->toIpCommands().filter(u"dport 5001"_s);
    QVERIFY(!lines.isEmpty());
    for (const QString &l : lines)
        QVERIFY2(l.contains(u"tmpl proto esp reqid "_s) && l.contains(u" mode transport level "_s),
                 qPrintable(l));
}

void TestNegotiationMapping::reqidPerRule()
{
    // Two rules with the same action settings still get their own reqid (their own CHILD_SA);
    // a rule's entries share it in both directions.
    const auto db =
        databaseWith({{negotiate(false, false), 5001}, {negotiate(false, false), 5002}});
    const auto plan = XfrmCompiler::compile(EffectivePolicy::build(db, {}, context()));
    QVERIFY(plan);
    QSet<quint32> first, second;
    for (auto dir : {XfrmEntry::Dir::In, XfrmEntry::Dir::Out}) {
        for (const auto &t : templates(*plan, 5001, dir))
            first << t.reqid;
        for (const auto &t : templates(*plan, 5002, dir))
            second << t.reqid;
    }
    QCOMPARE(first, QSet<quint32>{reqidForRule(7)});
    QCOMPARE(second, QSet<quint32>{reqidForRule(14)});
    QVERIFY(reqidForRule(7) > kReqidBase);
    QVERIFY(reqidForRule(std::numeric_limits<qint64>::max()) > kReqidBase);
}

void TestNegotiationMapping::protocolFromFirstMethod()
{
    SecurityMethod ah;
    ah.ah = true;
    ah.esp = false;
    SecurityMethod both;
    both.ah = true;
    QCOMPARE(Negotiation::of(negotiate(false, false, {ah, SecurityMethod{}})).ipsecProtocol, 51);
    QCOMPARE(Negotiation::of(negotiate(false, false, {SecurityMethod{}, ah})).ipsecProtocol, 50);
    QCOMPARE(Negotiation::of(negotiate(false, false, {both})).ipsecProtocol, 50);
    const auto db = databaseWith({{negotiate(false, false, {ah}), 5001}});
    const auto plan = XfrmCompiler::compile(EffectivePolicy::build(db, {}, context()));
    QVERIFY(plan);
    for (const auto &t : templates(*plan, 5001, XfrmEntry::Dir::Out))
        QCOMPARE(t.protocol, quint8(51));
}

void TestNegotiationMapping::dynamicFiltersRequireByDefault()
{
    const auto plan = XfrmCompiler::compile(dynamicPolicy({dyn(
        filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 7, true), FilterAction::Type::Negotiate)}));
    QVERIFY(plan);
    const auto out = templates(*plan, 7, XfrmEntry::Dir::Out);
    QVERIFY(!out.isEmpty());
    for (const auto &t : out) {
        QCOMPARE(t.reqid, kDynamicReqid);
        QVERIFY(!t.optional);
    }
}

QTEST_GUILESS_MAIN(TestNegotiationMapping)
#include "TestNegotiationMapping.moc"
