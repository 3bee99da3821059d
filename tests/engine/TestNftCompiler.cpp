// The nftables compiler (issue 11): shapes, order, merging, and agreement with the evaluator.
// The kernel side is simulated here (the table's rules in order, then XFRM's lowest priority
// among the negotiate layer's entries); tests/kernel/TestNftBackend checks real packets.

#include "EngineTestSupport.h"
#include "RandomPolicy.h"

#include "engine/NftCompiler.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <random>

using namespace enginetest;

namespace {

enum class Outcome { Clear, Block, Secure };

Outcome simulateXfrm(const QList<XfrmEntry> &entries, const Packet &p)
{
    const XfrmEntry::Dir dir =
        p.direction == Direction::Inbound ? XfrmEntry::Dir::In : XfrmEntry::Dir::Out;
    const XfrmEntry *best = nullptr;
    for (const XfrmEntry &e : entries) {
        if (e.dir != dir
            || !e.selector.matches(p.source, p.destination, p.protocol, p.sourcePort,
                                   p.destinationPort))
            continue;
        if (!best || e.priority < best->priority)
            best = &e;
    }
    if (!best)
        return Outcome::Clear;
    if (best->action == XfrmEntry::Action::Block)
        return Outcome::Block;
    return best->filterAction == FilterAction::Type::Negotiate && !best->ikeExemption
               ? Outcome::Secure
               : Outcome::Clear;
}

// Netfilter's input/output hook runs the table; a packet it accepts (or does not decide)
// meets XFRM's policy check.
Outcome simulateKernel(const NftPlan &nft, const QList<XfrmEntry> &xfrm, const Packet &p)
{
    if (const auto d = nft.decide(p); d && d->drop)
        return Outcome::Block;
    return simulateXfrm(xfrm, p);
}

Outcome outcomeOf(const Verdict &v)
{
    return v.kind == Verdict::Kind::Block       ? Outcome::Block
           : v.kind == Verdict::Kind::Negotiate ? Outcome::Secure
                                                : Outcome::Clear;
}

int checkGrid(const EffectivePolicy &policy, QRandomGenerator &rng, int randomPorts,
              QString *failure)
{
    const Evaluator ev(policy);
    const NftPlan nft = NftCompiler::compile(policy);
    auto full = XfrmCompiler::compile(policy);
    if (!full.ok())
        qFatal("compile failed");
    QList<XfrmEntry> xfrm = NftCompiler::negotiateLayer(full.value()).entries;
    std::shuffle(xfrm.begin(), xfrm.end(), std::mt19937(rng.generate()));
    int checked = 0;
    for (const QHostAddress &local : policy.context().localAddresses) {
        const bool v6 = local.protocol() == QAbstractSocket::IPv6Protocol;
        for (const QString &remoteText : v6 ? remote6 : remote4) {
            const QHostAddress remote(remoteText);
            for (quint8 proto : protocols) {
                for (int k = 0; k < ports.size() + randomPorts; ++k) {
                    const quint16 a = k < ports.size() ? ports[k] : quint16(rng.bounded(1, 65536));
                    const quint16 b = ports[rng.bounded(int(ports.size()))];
                    for (Direction d : {Direction::Inbound, Direction::Outbound}) {
                        for (bool swap : {false, true}) {
                            Packet p{remote, local, proto, swap ? b : a, swap ? a : b, d};
                            if (d == Direction::Outbound)
                                std::swap(p.source, p.destination);
                            const Outcome k1 = outcomeOf(ev.evaluate(p));
                            const Outcome k2 = simulateKernel(nft, xfrm, p);
                            if (k1 != k2) {
                                *failure = u"%1 %2 -> %3 proto %4 %5 -> %6: evaluator %7, "
                                           u"kernel %8\n%9"_s.arg(directionName(d))
                                               .arg(p.source.toString(), p.destination.toString())
                                               .arg(p.protocol)
                                               .arg(p.sourcePort)
                                               .arg(p.destinationPort)
                                               .arg(int(k1))
                                               .arg(int(k2))
                                               .arg(nft.tableText());
                                qWarning("%s", qPrintable(*failure));
                                *failure = failure->section(u'\n', 0, 0);
                                return -1;
                            }
                            ++checked;
                        }
                    }
                }
            }
        }
    }
    return checked;
}

const NftShape *shapeNamed(const NftPlan &plan, const QString &name)
{
    for (const NftShape &s : plan.shapes)
        if (s.setName() == name)
            return &s;
    return nullptr;
}

} // namespace

class TestNftCompiler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scatteredPortsAreOneShape()
    {
        QList<DynamicFilter> filters;
        for (int i = 0; i < 1000; ++i)
            filters << dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, quint16(2000 + 7 * i)),
                           Block);
        const NftPlan plan = NftCompiler::compile(dynamicPolicy(filters));
        // One shape per family, inbound only ("me" is the destination): per-packet work is two
        // set lookups whatever the number of ports.
        QCOMPARE(plan.shapes.size(), 2);
        QCOMPARE(plan.elementCount(), 2000);
        const NftShape *v4 = shapeNamed(plan, u"in_block_4_any_me_udp_d"_s);
        QVERIFY(v4);
        QCOMPARE(v4->rule(),
                 u"meta nfproto ipv4 meta l4proto udp udp dport @in_block_4_any_me_udp_d drop"_s);
        QVERIFY(!v4->needsInterval()); // scattered single ports: a hash set
        QVERIFY(plan.ikeExemption);
        const QString text = plan.tableText();
        QVERIFY(text.contains(u"meta l4proto udp udp dport { 500, 4500 } accept"_s));
        QVERIFY(text.contains(u"type inet_service\n"_s));
        QVERIFY(plan.ruleset().startsWith(u"add table inet ipsec_console\ndelete table inet "
                                          u"ipsec_console\ntable inet ipsec_console {"_s));
    }

    void portRunsBecomeRanges()
    {
        QList<DynamicFilter> filters;
        for (quint16 p : {1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1033})
            filters << dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, p), Block);
        const NftPlan plan = NftCompiler::compile(dynamicPolicy(filters));
        const NftShape *v4 = shapeNamed(plan, u"in_block_4_any_me_udp_d"_s);
        QVERIFY(v4);
        QCOMPARE(v4->elements.size(), 2);
        QCOMPARE(v4->elements.at(0).text(*v4), u"1024-1031"_s);
        QCOMPARE(v4->elements.at(0).sources.size(), 8);
        QCOMPARE(v4->elements.at(1).text(*v4), u"1033"_s);
        QVERIFY(v4->needsInterval());
        QCOMPARE(plan.portMerged, 14); // 7 per family
        const NftPlan plain =
            NftCompiler::compile(dynamicPolicy(filters), NftCompiler::Options{false});
        QCOMPARE(plain.elementCount(), 18);
    }

    void specificPermitInsideBroadBlock()
    {
        const EffectivePolicy policy =
            dynamicPolicy({dyn(filter(u"any"_s, u"me"_s), Block),
                           dyn(filter(u"10.0.0.0/24"_s, u"me"_s, Protocol::Tcp, 0, 22), Permit)});
        const NftPlan plan = NftCompiler::compile(policy);
        QStringList order;
        for (const NftShape &s : plan.shapes)
            order << s.setName();
        QCOMPARE(order, QStringList({u"in_permit_4_24_me_tcp_d"_s, u"in_block_4_any_me_any_n"_s,
                                     u"in_block_6_any_me_any_n"_s}));
        const auto permit = plan.decide(
            packet(Direction::Inbound, u"10.0.0.9"_s, u"192.168.1.10"_s, Protocol::Tcp, 4000, 22));
        QVERIFY(permit && !permit->drop && permit->shape == 0);
        const auto block = plan.decide(
            packet(Direction::Inbound, u"10.0.1.9"_s, u"192.168.1.10"_s, Protocol::Tcp, 4000, 22));
        QVERIFY(block && block->drop);
        // The keyless shape is a plain rule with its own counter.
        QVERIFY(plan.tableText().contains(u"meta nfproto ipv4 counter drop"_s));
        QVERIFY(plan.tableText().contains(u"10.0.0.0/24 . 22"_s));
        QVERIFY(shapeNamed(plan, u"in_permit_4_24_me_tcp_d"_s)->needsInterval());
    }

    void equalRankMoreRestrictiveFirst()
    {
        // "me" and the host's own address rank alike; the block must come first, as in the
        // evaluator's tie-break, although they are different shapes.
        const EffectivePolicy policy =
            dynamicPolicy({dyn(filter(u"any"_s, u"me"_s, Protocol::Udp), Permit),
                           dyn(filter(u"any"_s, u"192.168.1.10"_s, Protocol::Udp), Block)});
        const NftPlan plan = NftCompiler::compile(policy);
        const auto d = plan.decide(
            packet(Direction::Inbound, u"10.0.0.1"_s, u"192.168.1.10"_s, Protocol::Udp, 1, 2));
        QVERIFY(d && d->drop);
        const Verdict v = Evaluator(policy).evaluate(
            packet(Direction::Inbound, u"10.0.0.1"_s, u"192.168.1.10"_s, Protocol::Udp, 1, 2));
        QCOMPARE(v.kind, Verdict::Kind::Block);
    }

    void identicalSelectorsShadowed()
    {
        const Filter f = filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 1434);
        Filter g = f;
        g.guid = QUuid::createUuid();
        const NftPlan plan = NftCompiler::compile(dynamicPolicy({dyn(f, Permit), dyn(g, Block)}));
        QCOMPARE(plan.elementCount(), 2); // one per family, the block
        QCOMPARE(plan.shapes.first().action, Block);
        QCOMPARE(plan.shadowed.size(), 2);
        QVERIFY(plan.shadowed.first().conflicting);
    }

    void emptyPolicyRemovesTable()
    {
        const NftPlan plan = NftCompiler::compile(dynamicPolicy({}));
        QVERIFY(plan.isEmpty());
        QVERIFY(!plan.ikeExemption);
        QCOMPARE(plan.ruleset(), nftDeleteTableCommands());
    }

    void negotiateLayerKeepsWhatMatters()
    {
        const EffectivePolicy policy =
            dynamicPolicy({dyn(filter(u"10.0.0.0/24"_s, u"me"_s), Negotiate),
                           dyn(filter(u"10.0.0.5"_s, u"me"_s, Protocol::Tcp, 0, 22), Permit),
                           dyn(filter(u"172.16.0.0/16"_s, u"me"_s, Protocol::Udp), Block),
                           dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 53), Block)});
        const XfrmPlan full = XfrmCompiler::compile(policy).value();
        const XfrmPlan layer = NftCompiler::negotiateLayer(full);
        int negotiate = 0, permit = 0, block = 0, ike = 0;
        for (const XfrmEntry &e : layer.entries) {
            ike += e.ikeExemption;
            if (e.ikeExemption)
                continue;
            negotiate += e.filterAction == Negotiate;
            permit += e.filterAction == Permit;
            block += e.filterAction == Block;
        }
        QCOMPARE(negotiate, 1); // 10.0.0.0/24 -> me inbound (v4 only)
        QCOMPARE(permit, 1);    // inside it: XFRM must let it pass too
        // Any → me UDP 53 overlaps the negotiate subnet but ranks after it (subnet→host beats
        // any→host); 172.16.0.0/16 does not overlap: neither is XFRM's business.
        QCOMPARE(block, 0);
        QCOMPARE(ike, 8);
        // Without negotiate filters XFRM gets nothing.
        QVERIFY(NftCompiler::negotiateLayer(
                    XfrmCompiler::compile(dynamicPolicy({dyn(filter(u"any"_s, u"me"_s), Block)}))
                        .value())
                    .entries.isEmpty());
    }

    void agreementFixed()
    {
        QRandomGenerator rng(11);
        QList<DynamicFilter> portRun;
        for (quint16 port : {1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1033})
            portRun << dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, port), Block);
        portRun << dyn(filter(u"10.0.0.5"_s, u"me"_s, Protocol::Udp, 0, 1027), Permit)
                << dyn(filter(u"any"_s, u"me"_s, Protocol::Tcp, 0, 1025, true), Negotiate);
        const QList<QList<DynamicFilter>> policies = {
            {dyn(filter(u"any"_s, u"me"_s), Block),
             dyn(filter(u"10.0.0.5"_s, u"me"_s, 6, 0, 22), Permit),
             dyn(filter(u"10.0.0.0/24"_s, u"me"_s, 0, 0, 0, true), Negotiate),
             dyn(filter(u"me"_s, u"any"_s, 17, 0, 53), Permit),
             dyn(filter(u"2001:db8::/32"_s, u"me"_s), Block)},
            portRun,
        };
        int total = 0;
        for (bool ike : {true, false}) {
            for (const auto &filters : policies) {
                QString failure;
                const int n = checkGrid(dynamicPolicy(filters, ike), rng, 3, &failure);
                QVERIFY2(n > 0, qPrintable(failure));
                total += n;
            }
        }
        qInfo("%d packets agree", total);
    }

    void agreementRandom()
    {
        QRandomGenerator rng(20261203);
        int total = 0;
        for (int round = 0; round < 16; ++round) {
            const QList<DynamicFilter> filters = randomPolicy(rng, 4 + round * 5, round % 4 != 0);
            const EffectivePolicy p = dynamicPolicy(filters, round % 2 == 0);
            QString failure;
            const int n = checkGrid(p, rng, 2, &failure);
            QVERIFY2(n > 0, qPrintable(u"round %1: %2"_s.arg(round).arg(failure)));
            total += n;
        }
        qInfo("%d random packets agree", total);
    }

    void compileTiming()
    {
        QList<DynamicFilter> filters;
        QRandomGenerator rng(5);
        for (int i = 0; i < 10000; ++i)
            filters << dyn(
                filter(u"any"_s, u"me"_s, Protocol::Udp, 0, quint16(rng.bounded(1024, 65536))),
                Block);
        const EffectivePolicy policy = dynamicPolicy(filters);
        QElapsedTimer t;
        t.start();
        const NftPlan plan = NftCompiler::compile(policy);
        const QString text = plan.ruleset();
        const qint64 ms = t.elapsed();
        qInfo("10,000 filters: %lld ms, %d elements, %lld characters", ms, plan.elementCount(),
              qint64(text.size()));
        QVERIFY(plan.shapes.size() == 2);
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TestNftCompiler)
#include "TestNftCompiler.moc"
