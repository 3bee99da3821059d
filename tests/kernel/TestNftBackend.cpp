// Issue 11: the nftables table with real packets between two namespaces. The compiler's table
// is loaded through libnftables inside namespace B ("this host"); flows from and to A must get
// exactly the evaluator's verdicts. A firewalld-like foreign table survives every operation, a
// refused transaction leaves the previous table as it was, and the machine's own namespace
// never gets a table.

#include "NetnsFixture.h"
#include "TrafficProbe.h"
#include "engine/EngineTestSupport.h"
#include "engine/NftCompiler.h"
#include "kernel/NftBackend.h"

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
        QVERIFY(apply(plan.ruleset()).isEmpty());

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
        QVERIFY(apply(first.ruleset()).isEmpty());
        const QString before = tableText();
        QVERIFY(before.contains(u"1434"_s));
        QVERIFY(hasForeign());

        // A transaction the kernel refuses at its last command: nothing of it takes effect.
        const QString error = apply(second.ruleset(), true);
        QVERIFY2(error.contains(u"previous ruleset is unchanged"_s), qPrintable(error));
        QCOMPARE(tableText(), before);
        QVERIFY(hasForeign());
        const QList<Expect> blocked1434 = {{in(VethPair::a4(), 1434), false},
                                           {in(VethPair::a4(), 1435), true}};
        QStringList bad = mismatches(blocked1434);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));

        QVERIFY(apply(second.ruleset()).isEmpty());
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
        QVERIFY(hasForeign());
        bad = mismatches({{in(VethPair::a4(), 1434), true}, {in(VethPair::a4(), 1435), true}});
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

private:
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
            auto nft = NftBackend::open(NftBackend::Options{failInKernel});
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
