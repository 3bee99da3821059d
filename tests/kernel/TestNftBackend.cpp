// Issue 11: the nftables table with real packets between two namespaces. The compiler's table
// is loaded as the product loads it (libnftnl batches, NftBackend::replaceTable) inside
// namespace B ("this host"); flows from and to A must get exactly the evaluator's verdicts, and
// for random policies the kernel's listing (libnftables) equals the plan after a full load and
// after element-only changes, and equals what nft's own loading of the same table gives. A
// firewalld-like foreign table survives every operation, a refused transaction leaves the previous
// table as it was, and the machine's own namespace never gets a table.

#include "NetnsFixture.h"
#include "TrafficProbe.h"
#include "engine/EngineTestSupport.h"
#include "engine/NftCompiler.h"
#include "engine/RandomPolicy.h"
#include "kernel/NftBackend.h"
#include "service/Enforcer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace enginetest;
using ipsec::kernel::NftBackend;

namespace {

struct Expect {
    Flow flow;
    bool delivered;
};

const char foreignTable[] = "table inet firewalld {\n"
                            "  set trusted { type ipv4_addr; elements = { 192.0.2.1 } }\n"
                            "  chain filter_INPUT { type filter hook input priority filter + 10; "
                            "policy accept; ip saddr @trusted accept; }\n"
                            "}\n";

} // namespace

class TestNftBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!NetnsFixture::isRoot())
            QSKIP("Needs root (network namespaces, nftables).");
        NetnsFixture::removeStale();
        m_rootTables = rootTables();
    }

    void init()
    {
        QString error;
        QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
        QList<Flow> warmUp;
        for (const QHostAddress &a :
             {VethPair::a4(), VethPair::a4second(), VethPair::a6(), VethPair::a6second()})
            warmUp << in(a, 7) << out(a, 7) << in(a, 7, Flow::Proto::Tcp);
        QVERIFY2(TrafficProbe::waitUntilDelivered(warmUp), "the veth link carries no traffic");
    }

    void cleanup()
    {
        m_ns.removeAll();
        m_pair = {};
    }

    void cleanupTestCase()
    {
        m_ns.removeAll();
        if (NetnsFixture::isRoot()) {
            QCOMPARE(rootTables(), m_rootTables); // the machine's own namespace: untouched
            QVERIFY2(m_rootTables.trimmed().isEmpty(), qPrintable(m_rootTables));
        }
    }

    void realTrafficMatchesEvaluator()
    {
        QList<DynamicFilter> filters = {
            dyn(filter(u"any"_s, u"me"_s, Protocol::Udp), Block),
            dyn(filter(u"10.77.0.1"_s, u"me"_s, Protocol::Udp, 0, 1435), Permit),
            dyn(filter(u"fd77::1"_s, u"me"_s, Protocol::Udp, 0, 1435), Permit),
            dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 4242, 0), Permit),
            dyn(filter(u"10.77.0.11"_s, u"me"_s, Protocol::Tcp, 0, 0, true), Block),
            dyn(filter(u"10.77.0.11"_s, u"me"_s, Protocol::Tcp, 0, 22), Permit),
            dyn(filter(u"me"_s, u"fd77::11"_s, Protocol::Udp, 0, 5353), Block),
        };
        for (int i = 0; i < 200; ++i) // scattered ports: one set, whatever their number
            filters << dyn(filter(u"any"_s, u"me"_s, Protocol::Tcp, 0, quint16(30000 + 3 * i)),
                           Block);
        ExpansionContext ctx;
        NetnsFixture::runIn(m_pair.b, [&] { ctx.localAddresses = localAddresses(); });
        QVERIFY(ctx.localAddresses.contains(VethPair::b4()));
        const EffectivePolicy policy = EffectivePolicy::build(PolicyDatabase{}, filters, ctx);
        const NftPlan plan = NftCompiler::compile(policy);
        QVERIFY(applySpec(plan).isEmpty());

        const Evaluator ev(policy);
        const auto blocks = [&](const Flow &f, Direction d, bool reply) {
            const quint8 proto = f.proto == Flow::Proto::Udp ? 17 : 6;
            Packet p{f.source, f.destination, proto, f.sourcePort, f.destinationPort, d};
            if (reply)
                p = Packet{f.destination, f.source, proto, f.destinationPort, f.sourcePort, d};
            return ev.evaluate(p).kind == Verdict::Kind::Block;
        };
        QList<Expect> grid;
        for (const QHostAddress &a :
             {VethPair::a4(), VethPair::a4second(), VethPair::a6(), VethPair::a6second()}) {
            for (quint16 sport : {quint16(4242), quint16(40000)}) {
                for (quint16 dport : {quint16(22), quint16(500), quint16(1435), quint16(5353),
                                      quint16(30003), quint16(30004)}) {
                    for (Flow::Proto proto : {Flow::Proto::Udp, Flow::Proto::Tcp}) {
                        const Flow f = in(a, dport, proto, sport);
                        bool ok = !blocks(f, Direction::Inbound, false);
                        if (proto == Flow::Proto::Tcp)
                            ok = ok && !blocks(f, Direction::Outbound, true);
                        grid << Expect{f, ok};
                        const Flow o = out(a, dport, proto, sport);
                        bool okOut = !blocks(o, Direction::Outbound, false);
                        if (proto == Flow::Proto::Tcp)
                            okOut = okOut && !blocks(o, Direction::Inbound, true);
                        grid << Expect{o, okOut};
                    }
                }
            }
        }
        const auto open =
            std::count_if(grid.cbegin(), grid.cend(), [](const Expect &e) { return e.delivered; });
        QVERIFY2(open > 0 && open < grid.size(), "the grid must hold both verdicts");
        const QStringList bad = mismatches(grid);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n') + u'\n' + plan.tableText()));

        // Per-filter counters: the element of "any -> me UDP" in its set counted drops.
        QJsonObject listed;
        NetnsFixture::runIn(m_pair.b, [&] {
            auto nft = NftBackend::open();
            if (nft)
                if (auto l = nft.value()->listTable())
                    listed = l.value();
        });
        const QByteArray text = QJsonDocument(listed).toJson(QJsonDocument::Compact);
        QVERIFY2(text.contains("\"counter\":{\"bytes\":") || text.contains("\"packets\":"),
                 text.left(400).constData());
    }

    void foreignTableSurvivesAndFailureKeepsState()
    {
        QVERIFY2(m_ns.ip({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"-f"_s, u"-"_s},
                         QByteArray(foreignTable)),
                 qPrintable(m_ns.lastError()));
        ExpansionContext ctx;
        NetnsFixture::runIn(m_pair.b, [&] { ctx.localAddresses = localAddresses(); });
        const NftPlan first = NftCompiler::compile(EffectivePolicy::build(
            PolicyDatabase{}, {dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 1434), Block)},
            ctx));
        const NftPlan second = NftCompiler::compile(EffectivePolicy::build(
            PolicyDatabase{}, {dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 1435), Block)},
            ctx));
        QVERIFY(applySpec(first).isEmpty());
        const QString before = tableText();
        QVERIFY(before.contains(u"1434"_s));
        QVERIFY(hasForeign());

        // A transaction the kernel refuses at its last command: nothing of it takes effect.
        const QString error = applySpec(second, true);
        QVERIFY2(error.contains(u"previous ruleset is unchanged"_s), qPrintable(error));
        QCOMPARE(tableText(), before);
        QVERIFY(hasForeign());
        const QList<Expect> blocked1434 = {{in(VethPair::a4(), 1434), false},
                                           {in(VethPair::a4(), 1435), true}};
        QStringList bad = mismatches(blocked1434);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));

        // The text path (libnftables) refuses the same way.
        const QString counted = tableText();
        const QString textError = apply(second.ruleset(), true);
        QVERIFY2(textError.contains(u"previous ruleset is unchanged"_s), qPrintable(textError));
        QCOMPARE(tableText(), counted);

        QVERIFY(applySpec(second).isEmpty());
        QVERIFY(hasForeign());
        bad = mismatches({{in(VethPair::a4(), 1434), true}, {in(VethPair::a4(), 1435), false}});
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));

        // Emergency: the whole table in one step; the foreign one stays.
        bool deleted = false;
        NetnsFixture::runIn(m_pair.b, [&] {
            auto nft = NftBackend::open();
            deleted = nft && nft.value()->deleteTable().ok() && !*nft.value()->tableExists();
        });
        QVERIFY(deleted);
        QVERIFY(hasForeign());
        QVERIFY(tableText().isEmpty());
        // Deleting again, and an empty plan, are no errors.
        QVERIFY(apply(NftCompiler::compile(EffectivePolicy{}).ruleset()).isEmpty());
        QVERIFY(applySpec(NftCompiler::compile(EffectivePolicy{})).isEmpty());
        QVERIFY(hasForeign());
        bad = mismatches({{in(VethPair::a4(), 1434), true}, {in(VethPair::a4(), 1435), true}});
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // The binary encoding (libnftnl) against the plan and against nft's own loading, for random
    // policies: prefixes (interval sets, adjacent ones), merged port runs, concatenations with
    // ranges, IPv4 and IPv6; then element-only changes both ways.
    void netlinkEncodingMatchesPlan()
    {
        ExpansionContext ctx;
        NetnsFixture::runIn(m_pair.b, [&] { ctx.localAddresses = localAddresses(); });
        QStringList failures;
        int incremental = 0;
        for (quint32 seed = 1; seed <= 25; ++seed) {
            QRandomGenerator rng(seed);
            QList<DynamicFilter> filters = randomPolicy(rng, 12 + int(seed % 30));
            // Adjacent prefixes and a range that reaches the last port.
            filters << dyn(filter(u"10.200.0.0/24"_s, u"me"_s), Block)
                    << dyn(filter(u"10.200.1.0/24"_s, u"me"_s), Block)
                    << dyn(filter(u"255.255.255.0/24"_s, u"me"_s), Block);
            for (quint16 p = 65530; p != 0; ++p)
                filters << dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, p), Block);
            const NftPlan plan =
                NftCompiler::compile(EffectivePolicy::build(PolicyDatabase{}, filters, ctx));
            // A second plan with the same structure: about a third of the elements left out.
            NftPlan fewer = plan;
            for (NftShape &shape : fewer.shapes) {
                QList<NftElement> kept;
                for (const NftElement &e : shape.elements)
                    if (rng.bounded(3) != 0)
                        kept << e;
                if (!kept.isEmpty() || shape.elements.isEmpty())
                    shape.elements = kept;
            }
            NetnsFixture::runIn(m_pair.b, [&] {
                auto opened = NftBackend::open();
                if (!opened) {
                    failures << opened.error().message;
                    return;
                }
                NftBackend &nft = *opened.value();
                const auto check = [&](const NftPlan &want, const QString &what) {
                    auto st = nft.state();
                    if (!st) {
                        failures << what + u": "_s + st.error().message;
                        return ipsec::kernel::NftTableState{};
                    }
                    const QStringList missing = ipsec::Enforcer::nftMissing(want, st.value());
                    const QStringList extra = ipsec::Enforcer::nftExtra(want, st.value());
                    if (!missing.isEmpty() || !extra.isEmpty())
                        failures << u"seed %1, %2: missing %3; extra %4\n%5"_s.arg(seed).arg(
                            what, missing.join(u", "_s), extra.join(u", "_s), want.tableText());
                    return st.value();
                };
                // nft's own loading of the text, the reference.
                if (auto ok = nft.apply(plan.ruleset()); !ok) {
                    failures << u"seed %1: nft text: "_s.arg(seed) + ok.error().message;
                    return;
                }
                const auto reference = check(plan, u"libnftables"_s);
                const auto spec = ipsec::Enforcer::nftSpec(plan);
                if (auto ok = nft.replaceTable(spec); !ok) {
                    failures << u"seed %1: replaceTable: "_s.arg(seed) + ok.error().message;
                    return;
                }
                const auto loaded = check(plan, u"libnftnl"_s);
                if (loaded.intervalSets != reference.intervalSets
                    || loaded.inputRules.size() != reference.inputRules.size()
                    || loaded.outputRules.size() != reference.outputRules.size())
                    failures << u"seed %1: the listing differs from nft's loading"_s.arg(seed);
                const auto fewerSpec = ipsec::Enforcer::nftSpec(fewer);
                if (!fewerSpec.sameStructure(spec))
                    return;
                const auto recorded = nft.recorded();
                if (!recorded || !recorded->sameStructure(spec)) {
                    failures << u"seed %1: nothing recorded after replaceTable"_s.arg(seed);
                    return;
                }
                bool stale = false;
                auto ok = nft.updateElements(
                    fewerSpec, ipsec::kernel::nftElementChanges(*recorded, fewerSpec), &stale);
                if (!ok) {
                    failures << u"seed %1: delete elements: "_s.arg(seed) + ok.error().message;
                    return;
                }
                check(fewer, u"elements deleted"_s);
                ok = nft.updateElements(spec, ipsec::kernel::nftElementChanges(fewerSpec, spec),
                                        &stale);
                if (!ok) {
                    failures << u"seed %1: add elements: "_s.arg(seed) + ok.error().message;
                    return;
                }
                check(plan, u"elements added back"_s);
                ++incremental;
            });
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QVERIFY2(incremental >= 10, qPrintable(QString::number(incremental)));
    }

    // The record is trusted only while nothing else was committed; a change computed against a
    // stale record is refused by the kernel as a whole.
    void recordFollowsGeneration()
    {
        ExpansionContext ctx;
        NetnsFixture::runIn(m_pair.b, [&] { ctx.localAddresses = localAddresses(); });
        const auto plan = [&](quint16 port) {
            return NftCompiler::compile(EffectivePolicy::build(
                PolicyDatabase{},
                {dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, 1434), Block),
                 dyn(filter(u"any"_s, u"me"_s, Protocol::Udp, 0, port), Block)},
                ctx));
        };
        const auto one = ipsec::Enforcer::nftSpec(plan(1500));
        const auto two = ipsec::Enforcer::nftSpec(plan(1600));
        QString error;
        bool recordedAfterApply = false;
        NetnsFixture::runIn(m_pair.b, [&] {
            auto nft = NftBackend::open();
            if (!nft || !nft.value()->replaceTable(one)) {
                error = u"replaceTable"_s;
                return;
            }
            recordedAfterApply = nft.value()->recorded().has_value();
        });
        QVERIFY(error.isEmpty());
        QVERIFY(recordedAfterApply);
        // Another program commits something (a foreign table): the generation moves on.
        QVERIFY2(m_ns.ip({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"-f"_s, u"-"_s},
                         QByteArray(foreignTable)),
                 qPrintable(m_ns.lastError()));
        bool stale = false;
        bool trusted = true;
        NetnsFixture::runIn(m_pair.b, [&] {
            auto nft = NftBackend::open();
            if (!nft)
                return;
            // A fresh backend has only its memory: nothing recorded.
            trusted = nft.value()->recorded().has_value();
        });
        QVERIFY(!trusted);
        bool recordedAgain = false, refused = false, forgotten = false;
        NetnsFixture::runIn(m_pair.b, [&] {
            auto nft = NftBackend::open();
            if (!nft || !nft.value()->replaceTable(one))
                return;
            recordedAgain = nft.value()->recorded().has_value();
            // Someone commits between the record and the change: the kernel refuses the batch.
            QProcess::execute(u"nft"_s, {u"add"_s, u"table"_s, u"inet"_s, u"other"_s});
            const auto changes = ipsec::kernel::nftElementChanges(one, two);
            refused = !nft.value()->updateElements(two, changes, &stale);
            forgotten = !nft.value()->recorded().has_value();
        });
        QVERIFY(recordedAgain);
        QVERIFY(refused);
        QVERIFY(stale);
        QVERIFY(forgotten);
        QVERIFY(tableText().contains(u"1500"_s));
        QVERIFY(hasForeign());
    }

private:
    // Loads the plan as the product does (binary batch); the error text, empty on success.
    QString applySpec(const NftPlan &plan, bool failInKernel = false)
    {
        QString error = u"namespace not entered"_s;
        NetnsFixture::runIn(m_pair.b, [&] {
            auto nft = NftBackend::open(NftBackend::Options{failInKernel, {}});
            if (!nft) {
                error = nft.error().message;
                return;
            }
            auto ok = nft.value()->replaceTable(ipsec::Enforcer::nftSpec(plan));
            error = ok ? QString() : ok.error().message;
        });
        return error;
    }

    QString rootTables()
    {
        QProcess p;
        p.start(u"nft"_s, {u"list"_s, u"tables"_s});
        p.waitForFinished(10000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    // Applies on a thread inside B; the error text, empty on success.
    QString apply(const QString &ruleset, bool failInKernel = false)
    {
        QString error = u"namespace not entered"_s;
        NetnsFixture::runIn(m_pair.b, [&] {
            auto nft = NftBackend::open(NftBackend::Options{failInKernel, {}});
            if (!nft) {
                error = nft.error().message;
                return;
            }
            auto ok = nft.value()->apply(ruleset);
            error = ok ? QString() : ok.error().message;
        });
        return error;
    }

    QString tableText()
    {
        return m_ns.ipOutput({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"list"_s, u"table"_s,
                              u"inet"_s, u"ipsec_console"_s});
    }

    bool hasForeign()
    {
        const QString t = m_ns.ipOutput({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"list"_s,
                                         u"table"_s, u"inet"_s, u"firewalld"_s});
        return t.contains(u"192.0.2.1"_s) && t.contains(u"filter_INPUT"_s);
    }

    Flow in(const QHostAddress &from, quint16 dport, Flow::Proto proto = Flow::Proto::Udp,
            quint16 sport = 0) const
    {
        const bool v6 = from.protocol() == QAbstractSocket::IPv6Protocol;
        return Flow{proto, m_pair.a, from, sport, m_pair.b, v6 ? VethPair::b6() : VethPair::b4(),
                    dport};
    }
    Flow out(const QHostAddress &to, quint16 dport, Flow::Proto proto = Flow::Proto::Udp,
             quint16 sport = 0) const
    {
        const bool v6 = to.protocol() == QAbstractSocket::IPv6Protocol;
        return Flow{proto, m_pair.b, v6 ? VethPair::b6() : VethPair::b4(), sport, m_pair.a,
                    to,    dport};
    }

    // Expected-delivered flows that were lost are retried twice (a lost first packet is no
    // verdict); expected drops are not.
    static QStringList mismatches(const QList<Expect> &expected)
    {
        QList<Flow> flows;
        QList<bool> want;
        for (const Expect &e : expected) {
            flows << e.flow;
            want << e.delivered;
        }
        return TrafficProbe::mismatchesWithRetries(flows, want);
    }

    NetnsFixture m_ns;
    VethPair m_pair;
    QString m_rootTables;
};

QTEST_GUILESS_MAIN(TestNftBackend)
#include "TestNftBackend.moc"
