// Negotiate security in the kernel (issue 14, stage 1): both hosts of a veth pair assign a
// negotiation policy with the real ipseccmd, and real UDP datagrams / TCP connections show what
// the kernel lets through. Without an IKE daemon no SA can exist, so:
//   Require Security      nothing passes in clear, either way (the kernel ACQUIREs instead);
//   inpass                clear text is accepted inbound, never sent;
//   soft (fall back)      clear text passes both ways (and the kernel still ACQUIREs).
// The machine's own namespace is never touched (every command gets --netns; checked at the end).

#include "NetnsFixture.h"
#include "TrafficProbe.h"

#include "kernel/NetlinkSpd.h"
#include "kernel/Ownership.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
    QString describe(const QStringList &args) const
    {
        return u"ipseccmd %1\nexit %2\nstdout:\n%3\nstderr:\n%4"_s.arg(args.join(u' '))
            .arg(code)
            .arg(out, err);
    }
};

struct Expect {
    Flow flow;
    bool delivered = true;
};

QList<ipsec::kernel::SpdEntry> ownedSpdOf(const QString &ns)
{
    QList<ipsec::kernel::SpdEntry> out;
    NetnsFixture::runIn(ns, [&] {
        auto spd = ipsec::kernel::NetlinkSpd::open();
        if (!spd)
            return;
        auto listed = spd.value()->list();
        if (!listed)
            return;
        for (const auto &e : listed.value())
            if (ipsec::kernel::isOwned(e))
                out << e;
    });
    return out;
}

// The templates of the owned entries whose selector names this port (either end).
QList<ipsec::kernel::SpdTemplate> templatesFor(const QList<ipsec::kernel::SpdEntry> &entries,
                                               quint16 port, ipsec::kernel::SpdEntry::Direction d)
{
    QList<ipsec::kernel::SpdTemplate> out;
    for (const auto &e : entries) {
        const auto &s = e.selector;
        if (e.direction == d && (s.destinationPort == port || s.sourcePort == port))
            out << e.templates;
    }
    return out;
}

// `ip -netns NS xfrm monitor acquire` while it lives: what the kernel asks an IKE daemon for.
// (Without a listener the kernel sends no ACQUIRE and keeps no larval state.)
class AcquireMonitor {
public:
    explicit AcquireMonitor(const QString &ns)
    {
        m_process.start(u"ip"_s, {u"-netns"_s, ns, u"xfrm"_s, u"monitor"_s, u"acquire"_s});
        m_process.waitForStarted(5000);
        QTest::qWait(300); // subscribed to the multicast group
    }
    ~AcquireMonitor()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(2000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // Everything seen so far, waiting up to waitMs for a first message.
    QString text(int waitMs = 1500)
    {
        if (m_process.bytesAvailable() == 0)
            m_process.waitForReadyRead(waitMs);
        QTest::qWait(100);
        m_seen += QString::fromUtf8(m_process.readAllStandardOutput());
        return m_seen;
    }

private:
    QProcess m_process;
    QString m_seen;
};

} // namespace

class TestNegotiate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void requireNeverPassesCleartext();
    void inboundPassThroughAcceptsButNeverSendsClear();
    void softFallsBackToClear();
    void emergencyUnassignAndReassignKeepTemplates();

private:
    Run run(const QString &ns, const QStringList &args);
    // Assigns one negotiation rule on both hosts for UDP and TCP to and from `port`.
    void assignBoth(const QString &negotiation, bool soft, quint16 port);
    Flow aToB(quint16 port, Flow::Proto proto = Flow::Proto::Udp) const
    {
        return Flow{proto, m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), port};
    }
    Flow bToA(quint16 port, Flow::Proto proto = Flow::Proto::Udp) const
    {
        return Flow{proto, m_pair.b, VethPair::b4(), 0, m_pair.a, VethPair::a4(), port};
    }
    Flow aToB6(quint16 port) const
    {
        return Flow{Flow::Proto::Udp, m_pair.a, VethPair::a6(), 0, m_pair.b, VethPair::b6(), port};
    }
    static QStringList trafficMismatches(const QList<Expect> &expected);
    // Whether this kernel can hold ESP SAs at all (`ip xfrm state add … proto esp`).
    bool kernelHasEsp();

    NetnsFixture m_ns;
    VethPair m_pair;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_rootBefore;
};

#define CHECK_RUN(r, args, expectedCode)                                                           \
    QVERIFY2((r).code == (expectedCode), qPrintable((r).describe(args)))

#define CHECK_TRAFFIC(...)                                                                         \
    do {                                                                                           \
        const QStringList bad_ = trafficMismatches(__VA_ARGS__);                                   \
        QVERIFY2(bad_.isEmpty(), qPrintable(bad_.join(u'\n')));                                    \
    } while (false)

void TestNegotiate::initTestCase()
{
    if (!NetnsFixture::isRoot())
        return;
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s})
                   + m_ns.ipOutput({u"xfrm"_s, u"state"_s, u"list"_s});
}

void TestNegotiate::init()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Negotiation tests need root (network namespaces, veth pairs, XFRM).");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
    const QList<Flow> warmUp{aToB(7), bToA(7), aToB6(7), aToB(7, Flow::Proto::Tcp)};
    QVERIFY2(TrafficProbe::waitUntilDelivered(warmUp), "the veth link does not carry traffic");
}

void TestNegotiate::cleanup()
{
    m_ns.removeAll();
    m_pair = {};
    m_dir.reset();
}

void TestNegotiate::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot()) // the machine's own SPD and SAD must never change
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s})
                     + m_ns.ipOutput({u"xfrm"_s, u"state"_s, u"list"_s}),
                 m_rootBefore);
}

Run TestNegotiate::run(const QString &ns, const QStringList &args)
{
    if (ns.isEmpty())
        return {}; // never the machine's own namespace
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run-"_s + ns));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    QStringList full = args;
    full << u"--store"_s << m_dir->filePath(ns + u".db"_s) << u"--netns"_s << ns;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s, full);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestNegotiate::assignBoth(const QString &negotiation, bool soft, quint16 port)
{
    for (const QString &ns : {m_pair.a, m_pair.b}) {
        // To and from the port, both protocols, mirrored: every packet of such a flow.
        QStringList args{u"-w"_s,
                         u"REG"_s,
                         u"-p"_s,
                         u"Secure"_s,
                         u"-r"_s,
                         u"Port %1"_s.arg(port),
                         u"-f"_s,
                         u"*+0:%1:UDP"_s.arg(port),
                         u"0+*:%1:UDP"_s.arg(port),
                         u"*+0:%1:TCP"_s.arg(port),
                         u"-n"_s,
                         negotiation,
                         u"-a"_s,
                         u"PRESHARE:\"secret\""_s,
                         u"-x"_s};
        if (soft)
            args << u"-soft"_s;
        const Run r = run(ns, args);
        CHECK_RUN(r, args, 0);
    }
}

QStringList TestNegotiate::trafficMismatches(const QList<Expect> &expected)
{
    QList<Flow> flows;
    QList<bool> want;
    for (const Expect &e : expected) {
        flows << e.flow;
        want << e.delivered;
    }
    return TrafficProbe::mismatchesWithRetries(flows, want);
}

bool TestNegotiate::kernelHasEsp()
{
    const bool ok =
        m_ns.ip({u"-netns"_s,    m_pair.b,        u"xfrm"_s,
                 u"state"_s,     u"add"_s,        u"src"_s,
                 u"10.77.0.2"_s, u"dst"_s,        u"10.77.0.1"_s,
                 u"proto"_s,     u"esp"_s,        u"spi"_s,
                 u"0x4242"_s,    u"mode"_s,       u"transport"_s,
                 u"enc"_s,       u"cbc(aes)"_s,   u"0x00112233445566778899aabbccddeeff"_s,
                 u"auth"_s,      u"hmac(sha1)"_s, u"0x00112233445566778899aabbccddeeff00112233"_s});
    if (ok) {
        m_ns.ip({u"-netns"_s, m_pair.b, u"xfrm"_s, u"state"_s, u"delete"_s, u"src"_s,
                 u"10.77.0.2"_s, u"dst"_s, u"10.77.0.1"_s, u"proto"_s, u"esp"_s, u"spi"_s,
                 u"0x4242"_s});
        return true;
    }
    if (!m_ns.lastError().contains(u"Requested type not found"_s))
        qWarning("ip xfrm state add failed unexpectedly: %s", qPrintable(m_ns.lastError()));
    else
        qInfo("This kernel has no ESP transform (\"Requested type not found\"): no SA can be "
              "installed, every check stops at the ACQUIRE.");
    return false;
}

// ---------------------------------------------------------------------------------------------

void TestNegotiate::requireNeverPassesCleartext()
{
    using P = Flow::Proto;
    kernelHasEsp(); // reported only: without an IKE daemon no SA exists either way
    // Before: everything passes.
    CHECK_TRAFFIC({{aToB(5001), true}, {bToA(5001), true}, {aToB(5001, P::Tcp), true}});

    assignBoth(u"ESP[3DES,SHA]"_s, false, 5001);

    // The kernel holds required ESP templates with the rule's reqid, both directions.
    const auto entries = ownedSpdOf(m_pair.b);
    for (const auto dir :
         {ipsec::kernel::SpdEntry::Direction::In, ipsec::kernel::SpdEntry::Direction::Out}) {
        const auto templates = templatesFor(entries, 5001, dir);
        QVERIFY2(!templates.isEmpty(), "no template for port 5001");
        for (const auto &t : templates) {
            QCOMPARE(t.protocol, quint8(ipsec::kernel::SpdTemplate::Esp));
            QVERIFY(!t.optional);
            QVERIFY(t.reqid > 0x49500000);
        }
    }
    const QStringList lines = m_ns.policies(m_pair.b);
    QVERIFY2(lines.filter(u"proto esp reqid"_s).size() >= 4, qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.filter(u"level use"_s).isEmpty(), qPrintable(lines.join(u'\n')));

    // Never in clear, either way, either protocol and family; other ports are not affected.
    AcquireMonitor acquires(m_pair.b);
    CHECK_TRAFFIC({{aToB(5001), false},
                   {bToA(5001), false},
                   {aToB6(5001), false},
                   {aToB(5001, P::Tcp), false},
                   {bToA(5001, P::Tcp), false},
                   {aToB(5002), true},
                   {bToA(5002), true}});

    // The kernel asked the IKE daemon for keys instead of sending: an ACQUIRE naming the
    // packet and the rule's reqid, and a larval state.
    const QString asked = acquires.text();
    QVERIFY2(asked.contains(u"acquire proto esp"_s) && asked.contains(u"dport 5001"_s)
                 && asked.contains(u"reqid %1"_s.arg(
                     templatesFor(entries, 5001, ipsec::kernel::SpdEntry::Direction::Out)
                         .first()
                         .reqid)),
             qPrintable(asked));
    const QString states = m_ns.ipOutput({u"-netns"_s, m_pair.b, u"xfrm"_s, u"state"_s, u"list"_s});
    QVERIFY2(states.contains(u"proto esp spi 0x00000000 reqid"_s), qPrintable(states));

    // Still nothing in clear a while later (no fallback for Require Security).
    QTest::qWait(1200);
    CHECK_TRAFFIC({{aToB(5001), false}, {bToA(5001), false}});

    // Unassign: the templates are gone, clear text flows again.
    for (const QString &ns : {m_pair.a, m_pair.b}) {
        const QStringList args{u"-w"_s, u"REG"_s, u"-p"_s, u"Secure"_s, u"-y"_s};
        const Run r = run(ns, args);
        CHECK_RUN(r, args, 0);
        QCOMPARE(ownedSpdOf(ns).size(), 0);
    }
    CHECK_TRAFFIC({{aToB(5001), true}, {bToA(5001), true}, {aToB(5001, P::Tcp), true}});
}

void TestNegotiate::inboundPassThroughAcceptsButNeverSendsClear()
{
    // Only B has the policy: B accepts clear text from A, but never answers in clear.
    const QStringList args{
        u"-w"_s, u"REG"_s,          u"-p"_s,           u"Inpass"_s, u"-r"_s,     u"Port 5003"_s,
        u"-f"_s, u"*+0:5003:UDP"_s, u"0+*:5003:UDP"_s, u"-n"_s,     u"INPASS"_s, u"ESP[3DES,SHA]"_s,
        u"-x"_s};
    const Run r = run(m_pair.b, args);
    CHECK_RUN(r, args, 0);
    const auto entries = ownedSpdOf(m_pair.b);
    const auto in = templatesFor(entries, 5003, ipsec::kernel::SpdEntry::Direction::In);
    const auto out = templatesFor(entries, 5003, ipsec::kernel::SpdEntry::Direction::Out);
    QVERIFY(!in.isEmpty() && !out.isEmpty());
    for (const auto &t : in)
        QVERIFY2(t.optional, "inbound of inpass must be optional (level use)");
    for (const auto &t : out)
        QVERIFY2(!t.optional, "outbound of inpass must be required");
    CHECK_TRAFFIC({{aToB(5003), true}, {aToB6(5003), true}, {bToA(5003), false}});
}

void TestNegotiate::softFallsBackToClear()
{
    assignBoth(u"ESP[3DES,SHA]"_s, true, 5004);
    const auto entries = ownedSpdOf(m_pair.b);
    const auto all = templatesFor(entries, 5004, ipsec::kernel::SpdEntry::Direction::In)
                     + templatesFor(entries, 5004, ipsec::kernel::SpdEntry::Direction::Out);
    QVERIFY(!all.isEmpty());
    for (const auto &t : all)
        QVERIFY2(t.optional, "fall back to clear must be optional (level use)");
    AcquireMonitor acquires(m_pair.b);
    CHECK_TRAFFIC({{aToB(5004), true}, {bToA(5004), true}, {aToB(5004, Flow::Proto::Tcp), true}});
    // The kernel still asks the IKE daemon (the SA would be used once it exists).
    const QString asked = acquires.text();
    QVERIFY2(asked.contains(u"acquire proto esp"_s) && asked.contains(u"dport 5004"_s),
             qPrintable(asked));
}

void TestNegotiate::emergencyUnassignAndReassignKeepTemplates()
{
    assignBoth(u"ESP[3DES,SHA]"_s, false, 5005);
    const auto before = ownedSpdOf(m_pair.b);
    QVERIFY(!templatesFor(before, 5005, ipsec::kernel::SpdEntry::Direction::In).isEmpty());
    QStringList args{u"emergency-unassign"_s};
    Run r = run(m_pair.b, args);
    CHECK_RUN(r, args, 0);
    QCOMPARE(ownedSpdOf(m_pair.b).size(), 0);
    CHECK_TRAFFIC({{aToB(5006), true}, {bToA(5006), true}});

    // reassign restores the negotiate entries as they were: never as plain allow entries.
    args = QStringList{u"reassign"_s};
    r = run(m_pair.b, args);
    CHECK_RUN(r, args, 0);
    const auto after = ownedSpdOf(m_pair.b);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        QVERIFY2(after.contains(before.at(i)), qPrintable(before.at(i).toIpCommand()));
    CHECK_TRAFFIC({{aToB(5005), false}, {bToA(5005), false}});
}

QTEST_GUILESS_MAIN(TestNegotiate)
#include "TestNegotiate.moc"
