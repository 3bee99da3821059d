// The kernel entries: exact output for the article's policy, the invariants the kernel layer
// relies on (distinct priorities in the band, one entry per dir+selector), and the timing
// budget.

#include "EngineTestSupport.h"
#include "TestEngine.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>

using namespace enginetest;

namespace {

XfrmPlan compiled(const EffectivePolicy &p, const XfrmCompilerOptions &o = {})
{
    auto r = XfrmCompiler::compile(p, o);
    if (!r.ok())
        qFatal("compile failed: %s", qPrintable(r.error().message));
    return std::move(r).value();
}

} // namespace

void TestEngine::compileArticle()
{
    const EffectivePolicy policy =
        EffectivePolicy::build(articleDatabase(), {}, context(), EffectivePolicyOptions{false});
    const XfrmPlan plan = compiled(policy);
    const QStringList expected = {
        u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto tcp dport 80 dir in priority 10000 action block"_s,
        u"ip xfrm policy add src ::/0 dst ::/0 proto tcp dport 80 dir in priority 10001 action block"_s,
        u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 1434 dir in priority 10002 action block"_s,
        u"ip xfrm policy add src ::/0 dst ::/0 proto udp dport 1434 dir in priority 10003 action block"_s,
        u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 1434 dir out priority 10004 action block"_s,
        u"ip xfrm policy add src ::/0 dst ::/0 proto udp dport 1434 dir out priority 10005 action block"_s,
    };
    QCOMPARE(plan.toIpCommands(), expected);
    QVERIFY(plan.shadowed.isEmpty());
    const XfrmEntry &e = plan.entries.at(2);
    QCOMPARE(e.selector.destinationPortMask, quint16(0xffff));
    QCOMPARE(e.selector.sourcePortMask, quint16(0));
    QCOMPARE(e.ruleName, u"Slammer rule"_s);
    QCOMPARE(e.policyName, u"Block Slammer"_s);
    QCOMPARE(e.ruleId, 30);
    QVERIFY(!e.filterGuid.isNull());
}

void TestEngine::distinctPriorities()
{
    QList<DynamicFilter> filters;
    QRandomGenerator rng(7);
    for (int i = 0; i < 300; ++i) {
        const QString host =
            u"10.%1.%2.%3"_s.arg(rng.bounded(4)).arg(rng.bounded(4)).arg(rng.bounded(1, 250));
        filters << dyn(filter(host, rng.bounded(2) ? u"me"_s : u"any"_s, Protocol::Tcp, 0,
                              quint16(rng.bounded(1, 2000)), rng.bounded(2)),
                       FilterAction::Type(rng.bounded(3)));
    }
    const XfrmCompilerOptions options{20000, 5000};
    const XfrmPlan plan = compiled(dynamicPolicy(filters), options);
    QSet<quint32> seen;
    quint32 last = 0;
    for (const XfrmEntry &e : plan.entries) {
        QVERIFY(e.priority >= 20000 && e.priority < 25000);
        QVERIFY(!seen.contains(e.priority));
        QVERIFY(e.priority > last);
        seen.insert(e.priority);
        last = e.priority;
        QCOMPARE(e.needsTemplate, e.filterAction == Negotiate && !e.ikeExemption);
    }
    // Compiling the same filters in another order yields the same plan.
    QList<DynamicFilter> reversed(filters.rbegin(), filters.rend());
    QCOMPARE(compiled(dynamicPolicy(reversed), options).toIpCommands(), plan.toIpCommands());
}

void TestEngine::shadowed()
{
    PolicyDatabase db = articleDatabase();
    db.filterActions[0].type = FilterAction::Type::Permit; // the static rules now permit
    const Filter same = db.filterLists[0].filters[0];      // any → me UDP 1434
    const EffectivePolicy policy =
        EffectivePolicy::build(db, {dyn(same, Block)}, context(), EffectivePolicyOptions{false});
    const XfrmPlan plan = compiled(policy);
    // The dynamic block and the static permit share dir+selector (one per family).
    QCOMPARE(plan.shadowed.size(), 2);
    for (const ShadowedEntry &s : plan.shadowed) {
        QVERIFY(s.conflicting);
        QCOMPARE(s.entry.action, XfrmEntry::Action::Allow);
        QCOMPARE(s.entry.ruleName, u"Slammer rule"_s);
        const XfrmEntry &w = plan.entries.at(s.winnerIndex);
        QCOMPARE(w.action, XfrmEntry::Action::Block);
        QCOMPARE(w.origin, Origin::Dynamic);
        QCOMPARE(w.selector, s.entry.selector);
        QCOMPARE(w.dir, s.entry.dir);
    }
    // "any → me" and "any → any" are one selector inbound: the more specific one stays.
    const XfrmPlan p2 = compiled(dynamicPolicy(
        {dyn(filter(u"any"_s, u"any"_s), Block), dyn(filter(u"any"_s, u"me"_s), Permit)}, false));
    QCOMPARE(p2.entries.size(), 4); // in v4/v6 (any→me permit), out v4/v6 (any→any block)
    QCOMPARE(p2.shadowed.size(), 2);
    QCOMPARE(p2.entries.at(0).action, XfrmEntry::Action::Allow);
    QCOMPARE(p2.entries.at(0).dir, XfrmEntry::Dir::In);
}

void TestEngine::ikeExemption()
{
    const QList<DynamicFilter> blockAll{dyn(filter(u"any"_s, u"any"_s), Block)};
    const XfrmPlan on = compiled(dynamicPolicy(blockAll, true));
    QCOMPARE(on.entries.size(), 8 + 4);
    QStringList ike;
    for (int i = 0; i < 8; ++i) {
        QVERIFY(on.entries.at(i).ikeExemption);
        QCOMPARE(on.entries.at(i).action, XfrmEntry::Action::Allow);
        ike << on.entries.at(i).toIpCommand();
    }
    QCOMPARE(ike.first(), u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 500 "
                          u"dir in priority 10000 action allow"_s);
    QCOMPARE(ike.at(1), u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp sport 500 "
                        u"dir out priority 10001 action allow"_s);
    QVERIFY(ike.last().contains(u"src ::/0 dst ::/0 proto udp sport 4500 dir out"_s));
    const Evaluator evOn(dynamicPolicy(blockAll, true));
    const Verdict v =
        evOn.evaluate(packet(Direction::Inbound, u"1.2.3.4"_s, u"192.168.1.10"_s, 17, 500, 500));
    QVERIFY(v.ikeExemption);
    QCOMPARE(v.kind, Verdict::Kind::Permit);

    const XfrmPlan off = compiled(dynamicPolicy(blockAll, false));
    QCOMPARE(off.entries.size(), 4);
    for (const XfrmEntry &e : off.entries)
        QVERIFY(!e.ikeExemption);
    const Evaluator evOff(dynamicPolicy(blockAll, false));
    QCOMPARE(
        evOff.evaluate(packet(Direction::Inbound, u"1.2.3.4"_s, u"192.168.1.10"_s, 17, 500, 500))
            .kind,
        Verdict::Kind::Block);
}

void TestEngine::meBecomesFamilyWide()
{
    // me → 10.0.0.0/8 mirrored negotiate: out src me = 0/0; in dst me = 0/0; v4 only.
    const XfrmPlan plan =
        compiled(dynamicPolicy({dyn(filter(u"me"_s, u"10.0.0.0/8"_s, 0, 0, 0, true), Negotiate),
                                dyn(filter(u"me"_s, u"me"_s, Protocol::Icmp), Block)},
                               false));
    QStringList lines = plan.toIpCommands();
    QVERIFY2(
        lines.contains(u"ip xfrm policy add src 10.0.0.0/8 dst 0.0.0.0/0 dir in priority "
                       u"10006 action allow tmpl proto esp reqid 1229979648 mode transport level "
                       u"required"_s),
        qPrintable(lines.join(u'\n')));
    QVERIFY(
        lines.contains(u"ip xfrm policy add src 0.0.0.0/0 dst 10.0.0.0/8 dir out priority "
                       u"10007 action allow tmpl proto esp reqid 1229979648 mode transport level "
                       u"required"_s));
    // me → me: the implied end is 0/0, the other end lists the local hosts.
    QCOMPARE(lines.at(0), u"ip xfrm policy add src 192.168.1.10/32 dst 0.0.0.0/0 proto icmp "
                          u"dir in priority 10000 action block"_s);
    QVERIFY(lines.at(2).startsWith(u"ip xfrm policy add src 2001:db8:1::10/128 dst ::/0 "_s));
    QCOMPARE(plan.entries.size(), 8);
}

void TestEngine::localMeNeedsNoAddress()
{
    // Boot before DHCP: no address at all, yet "[*=0:1434:UDP]" must be in force in both
    // families, and the evaluator must agree. An IPv4-only host gets the IPv6 entries too.
    const QList<DynamicFilter> slammer{
        dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 1434), Block)};
    for (const QList<QHostAddress> &locals :
         {QList<QHostAddress>{}, QList<QHostAddress>{QHostAddress(u"192.0.2.7"_s)}}) {
        ExpansionContext ctx;
        ctx.localAddresses = locals;
        const EffectivePolicy policy =
            EffectivePolicy::build(PolicyDatabase{}, slammer, ctx, EffectivePolicyOptions{false});
        const XfrmPlan plan = compiled(policy);
        const QStringList expected = {
            u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 1434 dir in priority 10000 action block"_s,
            u"ip xfrm policy add src ::/0 dst ::/0 proto udp dport 1434 dir in priority 10001 action block"_s,
        };
        QCOMPARE(plan.toIpCommands(), expected);
        const Evaluator ev(policy);
        for (const QString &dst : {u"10.9.8.7"_s, u"192.0.2.7"_s, u"2001:db8::99"_s}) {
            const QString src = dst.contains(u':') ? u"2001:db8::1"_s : u"10.0.0.1"_s;
            QCOMPARE(ev.evaluate(packet(Direction::Inbound, src, dst, 17, 4000, 1434)).kind,
                     Verdict::Kind::Block);
        }
    }
    // "me" on the far end still needs an address: with none, "me → me" has no entry.
    ExpansionContext none;
    const XfrmPlan meToMe = compiled(EffectivePolicy::build(
        PolicyDatabase{}, {dyn(filter(u"me"_s, u"me"_s, Protocol::Icmp), Block)}, none,
        EffectivePolicyOptions{false}));
    QVERIFY(meToMe.entries.isEmpty());
}

void TestEngine::bandOverflow()
{
    auto r = XfrmCompiler::compile(dynamicPolicy({dyn(filter(u"any"_s, u"any"_s), Block)}),
                                   XfrmCompilerOptions{100, 5});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Kernel);
}

void TestEngine::compileTiming()
{
    QList<FilterSource> sources;
    QRandomGenerator rng(42);
    for (int i = 0; i < 10000; ++i) {
        FilterSource s;
        const QString host =
            u"10.%1.%2.%3"_s.arg(rng.bounded(256)).arg(rng.bounded(256)).arg(rng.bounded(1, 255));
        const QString other = rng.bounded(4) == 0 ? u"any"_s : u"me"_s;
        s.filter = rng.bounded(2)
                       ? filter(host, other, Protocol::Tcp, 0, quint16(rng.bounded(1, 9999)))
                       : filter(other, host, Protocol::Udp, 0, quint16(rng.bounded(1, 9999)),
                                rng.bounded(2));
        s.action = FilterAction::Type(rng.bounded(3));
        s.ruleName = u"rule"_s;
        s.policyName = u"policy"_s;
        sources << s;
    }
    QElapsedTimer t;
    t.start();
    const EffectivePolicy policy = EffectivePolicy::fromSources(sources, context());
    const qint64 built = t.nsecsElapsed();
    const XfrmPlan plan = compiled(policy, XfrmCompilerOptions{10000, 100000});
    const qint64 total = t.nsecsElapsed();
    t.restart();
    const XfrmPlan unmerged = compiled(policy, XfrmCompilerOptions{10000, 100000, false});
    qInfo("compile without port merging: %.1f ms", t.nsecsElapsed() / 1e6);
    qInfo("10000 filters -> %lld ranked -> %lld entries: build %.1f ms, build+compile %.1f ms",
          qlonglong(policy.ranked().size()), qlonglong(plan.entries.size()), built / 1e6,
          total / 1e6);
    // Timing is reported, not asserted: speed goals belong to the benchmarks.
    QVERIFY(plan.entries.size() > 10000);
    QVERIFY(unmerged.entries.size() >= plan.entries.size());
}
