// The kernel compiler is only correct if the kernel, given its entries, decides every packet as
// the evaluator does. A tiny simulator of the SPD lookup (lowest priority among matching
// entries of the packet's direction; nothing matches → allow) is run against the evaluator on
// grids of packets over hand-written and seeded random policies.

#include "EngineTestSupport.h"
#include "RandomPolicy.h"
#include "TestEngine.h"

#include <QRandomGenerator>

#include <algorithm>
#include <random>

using namespace enginetest;

namespace {

enum class Outcome { Clear, Block, Secure };

int mergedAway = 0; // entries saved by port merging across all grids: proves it was exercised

Outcome simulateKernel(const QList<XfrmEntry> &entries, const Packet &p)
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
    return best->needsTemplate ? Outcome::Secure : Outcome::Clear;
}

Outcome outcomeOf(const Verdict &v)
{
    return v.kind == Verdict::Kind::Block       ? Outcome::Block
           : v.kind == Verdict::Kind::Negotiate ? Outcome::Secure
                                                : Outcome::Clear;
}

// Every packet of a grid: both directions, each local address, each remote, protocols, ports.
int checkGrid(const EffectivePolicy &policy, QRandomGenerator &rng, int randomPorts)
{
    const Evaluator ev(policy);
    auto r = XfrmCompiler::compile(policy);
    if (!r.ok())
        qFatal("compile failed");
    QList<XfrmEntry> entries = r->entries;
    mergedAway += r->portMergedAway;
    // The kernel does not care in which order entries were added.
    std::shuffle(entries.begin(), entries.end(), std::mt19937(rng.generate()));
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
                            const Verdict v = ev.evaluate(p);
                            const Outcome k1 = outcomeOf(v);
                            const Outcome k2 = simulateKernel(entries, p);
                            if (k1 != k2) {
                                qWarning("%s %s -> %s proto %d %d -> %d: evaluator %d, kernel %d",
                                         qPrintable(directionName(d)),
                                         qPrintable(p.source.toString()),
                                         qPrintable(p.destination.toString()), p.protocol,
                                         p.sourcePort, p.destinationPort, int(k1), int(k2));
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

} // namespace

// Block UDP 1024-1031 and 1033 to me, permit 10.0.0.5 → me UDP 1027 and TCP 1025-1026.
static QList<DynamicFilter> portRunPolicy()
{
    QList<DynamicFilter> out;
    for (quint16 port : {1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1033})
        out << dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, port), Block);
    out << dyn(filter(u"10.0.0.5"_s, u"me"_s, Protocol::Udp, 0, 1027), Permit)
        << dyn(filter(u"any"_s, u"me"_s, Protocol::Tcp, 0, 1025, true), Negotiate)
        << dyn(filter(u"any"_s, u"me"_s, Protocol::Tcp, 0, 1026, true), Negotiate);
    return out;
}

void TestEngine::portMerge()
{
    const XfrmPlan merged = XfrmCompiler::compile(dynamicPolicy(portRunPolicy(), false)).value();
    const XfrmPlan plain = XfrmCompiler::compile(dynamicPolicy(portRunPolicy(), false),
                                                 XfrmCompilerOptions{10000, 50000, false})
                               .value();
    // 9 UDP + 2 TCP (in) + 2 TCP mirrored (out, source port), per family; 1 permit (v4 only).
    QCOMPARE(plain.entries.size(), 1 + 2 * (9 + 2 + 2));
    QCOMPARE(plain.portMergedAway, 0);
    // UDP 1024-1031 → one /0xfff8 block per family; TCP 1025 and 1026 are consecutive but no
    // aligned block holds both, so they stay apart.
    QCOMPARE(merged.entries.size(), 1 + 2 * (2 + 2 + 2));
    QCOMPARE(merged.portMergedAway, 14);
    const QStringList lines = merged.toIpCommands();
    QVERIFY2(lines.contains(u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 1024 "
                            u"dir in priority 10001 action block  # port masks not expressible "
                            u"with ip: dport 1024/0xfff8"_s),
             qPrintable(lines.join(u'\n')));
    int blocks = 0;
    for (const XfrmEntry &e : merged.entries)
        blocks += e.mergedFilters == 8 ? 1 : 0;
    QCOMPARE(blocks, 2);
}

void TestEngine::consistencyFixed()
{
    QRandomGenerator rng(1);
    int total = 0;
    for (bool ike : {true, false}) {
        const EffectivePolicyOptions o{ike};
        const QList<EffectivePolicy> policies = {
            EffectivePolicy::build(articleDatabase(), {}, context(), o),
            EffectivePolicy::build(
                articleDatabase(),
                {dyn(filter(u"any"_s, u"me"_s), Block),
                 dyn(filter(u"10.0.0.5"_s, u"me"_s, 6, 0, 22), Permit),
                 dyn(filter(u"10.0.0.0/24"_s, u"me"_s, 0, 0, 0, true), Negotiate),
                 dyn(filter(u"me"_s, u"any"_s, 17, 0, 53), Permit),
                 dyn(filter(u"2001:db8::/32"_s, u"me"_s), Block)},
                context(), o),
            dynamicPolicy(portRunPolicy(), ike),
        };
        for (const EffectivePolicy &p : policies) {
            const int n = checkGrid(p, rng, 3);
            QVERIFY(n > 0);
            total += n;
        }
    }
    qInfo("%d packets agree", total);
}

void TestEngine::consistencyRandom()
{
    QRandomGenerator rng(20240611);
    int total = 0;
    for (int round = 0; round < 12; ++round) {
        const QList<DynamicFilter> filters = randomPolicy(rng, 5 + round * 6);
        const EffectivePolicy p =
            EffectivePolicy::build(round % 3 ? PolicyDatabase{} : articleDatabase(), filters,
                                   context(), EffectivePolicyOptions{round % 2 == 0});
        const int n = checkGrid(p, rng, 2);
        QVERIFY2(n > 0, qPrintable(u"round %1 disagrees"_s.arg(round)));
        total += n;
    }
    qInfo("%d random packets agree; port merging saved %d entries overall", total, mergedAway);
    QVERIFY(mergedAway > 0);
}

QTEST_GUILESS_MAIN(TestEngine)
