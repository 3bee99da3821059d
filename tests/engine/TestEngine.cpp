// Ranking and evaluation: the Windows ordering rules as a table, then the evaluator on small
// policies whose verdicts are known by hand.

#include "TestEngine.h"
#include "EngineTestSupport.h"

using namespace enginetest;

namespace enginetest {

PolicyDatabase articleDatabase()
{
    PolicyDatabase db;
    Policy p;
    p.id = 1;
    p.name = u"Block Slammer"_s;
    p.assigned = true;
    db.policies << p;
    FilterList slammer;
    slammer.id = 10;
    slammer.name = u"Slammer"_s;
    slammer.filters << filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 1434)
                    << filter(u"me"_s, u"any"_s, Protocol::Udp, 0, 1434);
    FilterList web;
    web.id = 11;
    web.name = u"Inbound web"_s;
    web.filters << filter(u"any"_s, u"me"_s, Protocol::Tcp, 0, 80);
    db.filterLists << slammer << web;
    FilterAction block;
    block.id = 20;
    block.name = u"Block"_s;
    block.type = FilterAction::Type::Block;
    db.filterActions << block;
    Rule r1;
    r1.id = 30;
    r1.policyId = 1;
    r1.name = u"Slammer rule"_s;
    r1.filterListId = 10;
    r1.filterActionId = 20;
    Rule r2 = r1;
    r2.id = 31;
    r2.name = u"Web rule"_s;
    r2.filterListId = 11;
    db.rules << r1 << r2;
    return db;
}

} // namespace enginetest

namespace {

// "src dst proto sport dport action origin", e.g. "10.0.0.5 any 6 0 80 B s".
quint64 rankOf(const QString &spec)
{
    const QStringList p = spec.split(u' ');
    DirectionalFilter f;
    f.source = addr(p[0]);
    f.destination = addr(p[1]);
    f.protocol = Protocol(quint8(p[2].toUInt()));
    f.sourcePort = quint16(p[3].toUInt());
    f.destinationPort = quint16(p[4].toUInt());
    const auto action = p[5] == u"B"_s ? Block : p[5] == u"N"_s ? Negotiate : Permit;
    return specificity(f, action, p[6] == u"d"_s ? Origin::Dynamic : Origin::Static);
}

} // namespace

void TestEngine::ordering_data()
{
    QTest::addColumn<QString>("better");
    QTest::addColumn<QString>("worse");
    const QString h1 = u"10.0.0.5"_s, h2 = u"10.0.1.7"_s, s1 = u"10.0.0.0/24"_s,
                  s2 = u"10.0.1.0/24"_s, a = u"any"_s;
    // The nine address classes, each against the next one.
    const QList<std::pair<QString, QString>> classes = {
        {h1, h2}, {s1, h2}, {h1, s2}, {s1, s2}, {a, h2}, {h1, a}, {a, s2}, {s1, a}, {a, a}};
    for (qsizetype i = 0; i + 1 < classes.size(); ++i) {
        const auto &x = classes[i];
        const auto &y = classes[i + 1];
        QTest::addRow("class %lld>%lld", qlonglong(i), qlonglong(i + 1))
            << x.first + u' ' + x.second + u" 0 0 0 P s"_s
            << y.first + u' ' + y.second + u" 0 0 0 B s"_s;
    }
    // Address class dominates protocol and ports.
    QTest::newRow("class over ports")
        << u"10.0.0.5 10.0.1.7 0 0 0 P s"_s << u"10.0.0.0/24 10.0.1.7 6 1 2 B s"_s;
    // Within a class: longer destination prefix first, then longer source prefix.
    QTest::newRow("dst prefix") << u"10.0.0.0/8 10.1.0.0/16 0 0 0 P s"_s
                                << u"10.1.0.0/16 10.0.0.0/8 0 0 0 B s"_s;
    QTest::newRow("src prefix") << u"10.1.0.0/16 10.0.0.0/8 0 0 0 P s"_s
                                << u"10.0.0.0/8 10.0.0.0/8 0 0 0 B s"_s;
    QTest::newRow("any-subnet prefix")
        << u"any 10.0.0.0/24 0 0 0 P s"_s << u"any 10.0.0.0/16 0 0 0 B s"_s;
    // Protocol and ports.
    QTest::newRow("both>dst") << u"any me 6 1 2 P s"_s << u"any me 6 0 2 B s"_s;
    QTest::newRow("dst>src") << u"any me 6 0 2 P s"_s << u"any me 6 2 0 B s"_s;
    QTest::newRow("src>proto") << u"any me 17 9 0 P s"_s << u"any me 17 0 0 B s"_s;
    QTest::newRow("proto>any") << u"any me 1 0 0 P s"_s << u"any me 0 0 0 B s"_s;
    // Actions at equal specificity, then origin.
    QTest::newRow("block>negotiate") << u"any me 6 0 80 B s"_s << u"any me 6 0 80 N d"_s;
    QTest::newRow("negotiate>permit") << u"any me 6 0 80 N s"_s << u"any me 6 0 80 P d"_s;
    QTest::newRow("dynamic>static") << u"any me 6 0 80 P d"_s << u"any me 6 0 80 P s"_s;
}

void TestEngine::ordering()
{
    QFETCH(QString, better);
    QFETCH(QString, worse);
    QVERIFY2(rankOf(better) < rankOf(worse), qPrintable(better + u" vs "_s + worse));
}

void TestEngine::meRanksAsHost()
{
    DirectionalFilter me{Direction::Inbound, Address::any(), Address::me(), Protocol(), 0, 0};
    DirectionalFilter host = me;
    host.destination = addr(u"192.168.1.10"_s);
    QCOMPARE(specificity(me, Block, Origin::Static), specificity(host, Block, Origin::Static));
    QCOMPARE(addressClass(me.source, me.destination), AddressClass::AnyToHost);
    QCOMPARE(addressClass(addr(u"0.0.0.0/0"_s), addr(u"10.0.0.0/8"_s)), AddressClass::AnyToSubnet);
}

void TestEngine::articlePolicy_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<int>("proto");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("kind");
    const int in = int(Direction::Inbound), out = int(Direction::Outbound);
    QTest::newRow("in udp 1434") << in << 17 << 1434 << int(Verdict::Kind::Block);
    QTest::newRow("in udp 1435") << in << 17 << 1435 << int(Verdict::Kind::NoMatch);
    QTest::newRow("out udp 1434") << out << 17 << 1434 << int(Verdict::Kind::Block);
    QTest::newRow("in tcp 80") << in << 6 << 80 << int(Verdict::Kind::Block);
    QTest::newRow("out tcp 80") << out << 6 << 80 << int(Verdict::Kind::NoMatch);
}

void TestEngine::articlePolicy()
{
    QFETCH(int, direction);
    QFETCH(int, proto);
    QFETCH(int, port);
    QFETCH(int, kind);
    const EffectivePolicy policy = EffectivePolicy::build(articleDatabase(), {}, context());
    QVERIFY(policy.warnings().isEmpty());
    const Evaluator ev(policy);
    const auto d = Direction(direction);
    const QString local = u"192.168.1.10"_s, remote = u"203.0.113.7"_s;
    const Packet p = d == Direction::Inbound
                         ? packet(d, remote, local, quint8(proto), 40000, quint16(port))
                         : packet(d, local, remote, quint8(proto), 40000, quint16(port));
    const Verdict v = ev.evaluate(p);
    QCOMPARE(int(v.kind), kind);
    if (v.matched()) {
        QCOMPARE(v.policyName, u"Block Slammer"_s);
        QCOMPARE(v.policyId, 1);
        QVERIFY(!v.filterGuid.isNull());
        QCOMPARE(v.ruleName, proto == 6 ? u"Web rule"_s : u"Slammer rule"_s);
        QCOMPARE(v.origin, Origin::Static);
        // "me" on the local end is everything this host receives (inbound) or sends (outbound)
        // in the family: the kernel's dir in/out entry with 0/0, not a list of addresses.
        const Address me =
            d == Direction::Inbound ? v.directionalFilter.destination : v.directionalFilter.source;
        QCOMPARE(me, addr(u"0.0.0.0/0"_s));
    }
    // So an inbound packet matches whatever local address it was delivered to (a secondary or
    // link-local one, a broadcast), exactly as the kernel decides.
    if (d == Direction::Inbound)
        QCOMPARE(
            int(ev.evaluate(packet(d, remote, u"192.168.1.99"_s, quint8(proto), 1, quint16(port)))
                    .kind),
            kind);
}

void TestEngine::mirrored()
{
    const Evaluator ev(dynamicPolicy(
        {dyn(filter(u"10.0.0.5"_s, u"me"_s, Protocol::Tcp, 0, 22, true), Negotiate)}));
    const auto in = Direction::Inbound, out = Direction::Outbound;
    QCOMPARE(ev.evaluate(packet(in, u"10.0.0.5"_s, u"192.168.1.20"_s, 6, 5000, 22)).kind,
             Verdict::Kind::Negotiate);
    QCOMPARE(ev.evaluate(packet(out, u"192.168.1.20"_s, u"10.0.0.5"_s, 6, 22, 5000)).kind,
             Verdict::Kind::Negotiate);
    QCOMPARE(ev.evaluate(packet(out, u"192.168.1.20"_s, u"10.0.0.5"_s, 6, 5000, 22)).kind,
             Verdict::Kind::NoMatch);
    QCOMPARE(ev.evaluate(packet(in, u"10.0.0.6"_s, u"192.168.1.20"_s, 6, 5000, 22)).kind,
             Verdict::Kind::NoMatch);
}

void TestEngine::permitInsideBlock()
{
    const Evaluator ev(dynamicPolicy({dyn(filter(u"any"_s, u"me"_s), Block),
                                      dyn(filter(u"10.0.0.5"_s, u"me"_s, 6, 0, 22), Permit)}));
    const auto in = Direction::Inbound;
    const Verdict ok = ev.evaluate(packet(in, u"10.0.0.5"_s, u"192.168.1.10"_s, 6, 999, 22));
    QCOMPARE(ok.kind, Verdict::Kind::Permit);
    QCOMPARE(ok.origin, Origin::Dynamic);
    QCOMPARE(ev.evaluate(packet(in, u"10.0.0.5"_s, u"192.168.1.10"_s, 6, 999, 23)).kind,
             Verdict::Kind::Block);
    QCOMPARE(ev.evaluate(packet(in, u"10.0.0.5"_s, u"192.168.1.10"_s, 17, 999, 22)).kind,
             Verdict::Kind::Block);
    QCOMPARE(ev.evaluate(packet(in, u"10.0.0.6"_s, u"192.168.1.10"_s, 6, 999, 22)).kind,
             Verdict::Kind::Block);
    QCOMPARE(ev.evaluate(packet(in, u"2001:db8::1"_s, u"2001:db8:1::10"_s, 6, 999, 22)).kind,
             Verdict::Kind::Block);
    // One-way filters: outbound traffic is untouched.
    QCOMPARE(
        ev.evaluate(packet(Direction::Outbound, u"192.168.1.10"_s, u"10.0.0.5"_s, 6, 22, 9)).kind,
        Verdict::Kind::NoMatch);
}

void TestEngine::ipv6()
{
    const Evaluator ev(
        dynamicPolicy({dyn(filter(u"2001:db8::/32"_s, u"me"_s), Block),
                       dyn(filter(u"2001:db8::5"_s, u"me"_s, 6, 0, 443), Permit),
                       dyn(filter(u"me"_s, u"2001:db8:ff::/48"_s, 0, 0, 0, true), Negotiate)}));
    const auto in = Direction::Inbound, out = Direction::Outbound;
    const QString me6 = u"2001:db8:1::10"_s;
    QCOMPARE(ev.evaluate(packet(in, u"2001:db8::5"_s, me6, 6, 1, 443)).kind, Verdict::Kind::Permit);
    QCOMPARE(ev.evaluate(packet(in, u"2001:db8::6"_s, me6, 6, 1, 443)).kind, Verdict::Kind::Block);
    QCOMPARE(ev.evaluate(packet(in, u"2001:db9::6"_s, me6, 6, 1, 443)).kind,
             Verdict::Kind::NoMatch);
    // 2001:db8:ff::/48 lies inside the blocked /32, but the /48 → me filter is more specific.
    QCOMPARE(ev.evaluate(packet(in, u"2001:db8:ff::1"_s, me6, 1)).kind, Verdict::Kind::Negotiate);
    QCOMPARE(ev.evaluate(packet(out, me6, u"2001:db8:ff::1"_s, 1)).kind, Verdict::Kind::Negotiate);
    // An IPv4 packet never matches IPv6 filters.
    QCOMPARE(ev.evaluate(packet(in, u"10.0.0.5"_s, u"192.168.1.10"_s, 6, 1, 443)).kind,
             Verdict::Kind::NoMatch);
}

void TestEngine::equalSpecificityAction()
{
    const Filter f = filter(u"any"_s, u"me"_s, 17, 0, 53);
    for (const auto &[first, second, expected] :
         {std::tuple{Permit, Block, Verdict::Kind::Block},
          std::tuple{Negotiate, Permit, Verdict::Kind::Negotiate},
          std::tuple{Negotiate, Block, Verdict::Kind::Block}}) {
        const Evaluator ev(dynamicPolicy({dyn(f, first), dyn(f, second)}));
        QCOMPARE(ev.evaluate(packet(Direction::Inbound, u"1.2.3.4"_s, u"192.168.1.10"_s, 17, 1, 53))
                     .kind,
                 expected);
    }
}

void TestEngine::dynamicWinsAttribution()
{
    PolicyDatabase db = articleDatabase();
    Filter same = db.filterLists[0].filters[0];
    same.guid = QUuid::createUuid();
    const EffectivePolicy policy = EffectivePolicy::build(db, {dyn(same, Block)}, context());
    const Verdict v = Evaluator(policy).evaluate(
        packet(Direction::Inbound, u"1.2.3.4"_s, u"192.168.1.10"_s, 17, 1, 1434));
    QCOMPARE(v.kind, Verdict::Kind::Block);
    QCOMPARE(v.origin, Origin::Dynamic);
    QCOMPARE(v.filterGuid, same.guid);
    QCOMPARE(v.policyId, 0);
    QVERIFY(!v.explanation().isEmpty());
}

void TestEngine::inactiveRulesIgnored()
{
    PolicyDatabase db = articleDatabase();
    db.rules[0].active = false;
    db.rules[1].filterActionId = 999; // dangling: skipped with a warning
    const EffectivePolicy policy = EffectivePolicy::build(db, {}, context());
    QCOMPARE(policy.ranked().size(), 0);
    QCOMPARE(policy.warnings().size(), 1);
    db = articleDatabase();
    db.policies[0].assigned = false;
    QCOMPARE(EffectivePolicy::build(db, {}, context()).ranked().size(), 0);
}
