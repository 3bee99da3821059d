// Issue 13, class 8: netsh's server types (GATEWAY, DNS, DHCP) are stored as such and resolved
// from the system of the namespace the agent serves, again whenever they change. Namespace A
// plays the network (two routers, 10.79.0.1 and 10.79.0.11); the real ipsec-policyd serves B
// (10.79.0.2). resolv.conf and the DHCP lease are files of the test ($IPSEC_RESOLV_CONF,
// $IPSEC_DHCP_LEASES).

#include "AgentFixture.h"
#include "kernel/NetnsFixture.h"
#include "kernel/TrafficProbe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QHostAddress RouterOne(u"10.79.0.1"_s);
const QHostAddress RouterTwo(u"10.79.0.11"_s);
const QHostAddress HostB(u"10.79.0.2"_s);

qint64 timeUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() <= timeoutMs) {
        if (done())
            return t.elapsed();
        QThread::msleep(5);
    }
    return -1;
}

// Replaced as resolvconf and DHCP clients do it: written beside, then renamed.
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
}

} // namespace

class TestAgentServers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void gatewayFollowsDefaultRoute();
    void dnsFollowsResolvConf();
    void dhcpFromLeaseOrSaidUnknown();

private:
    Flow udpIn(const QHostAddress &from, quint16 port) const
    {
        return Flow::udp(m_a, from, 40000, m_b, HostB, port);
    }
    QStringList owned() { return m_ns.policies(m_b).filter(u"priority "_s); }
    bool hasEntryFrom(const QHostAddress &source)
    {
        return !owned().filter(u"src %1/32 "_s.arg(source.toString())).isEmpty();
    }
    AgentRun netsh(const QByteArray &script)
    {
        const QString path = m_dir.filePath(u"script%1.cmd"_s.arg(++m_scripts));
        if (!writeFile(path, script))
            return {};
        return m_agent.ipseccmd({u"netsh"_s, u"--netns"_s, m_b, u"--agent"_s, u"-f"_s, path});
    }

    NetnsFixture m_ns;
    QString m_a;
    QString m_b;
    AgentFixture m_agent;
    QTemporaryDir m_dir;
    int m_scripts = 0;
    QString m_rootBefore;
};

void TestAgentServers::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("The agent tests need root (namespaces, XFRM); run them as root.");
    QVERIFY(m_dir.isValid());
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
    m_a = m_ns.create();
    m_b = m_ns.create();
    QVERIFY2(!m_a.isEmpty() && !m_b.isEmpty(), qPrintable(m_ns.lastError()));
    const QList<QStringList> setup = {
        {u"link"_s, u"add"_s, u"va"_s, u"netns"_s, m_a, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s,
         u"vb"_s, u"netns"_s, m_b},
        {u"-netns"_s, m_a, u"addr"_s, u"add"_s, u"10.79.0.1/24"_s, u"dev"_s, u"va"_s},
        {u"-netns"_s, m_a, u"addr"_s, u"add"_s, u"10.79.0.11/24"_s, u"dev"_s, u"va"_s},
        {u"-netns"_s, m_a, u"link"_s, u"set"_s, u"va"_s, u"up"_s},
        {u"-netns"_s, m_b, u"addr"_s, u"add"_s, u"10.79.0.2/24"_s, u"dev"_s, u"vb"_s},
        {u"-netns"_s, m_b, u"link"_s, u"set"_s, u"vb"_s, u"up"_s},
        {u"-netns"_s, m_b, u"route"_s, u"add"_s, u"default"_s, u"via"_s, u"10.79.0.1"_s},
    };
    for (const QStringList &args : setup)
        QVERIFY2(m_ns.ip(args), qPrintable(m_ns.lastError()));
    // The agent reads these instead of the machine's files (inherited through its environment).
    QVERIFY(writeFile(m_dir.filePath(u"resolv.conf"_s), "nameserver 10.79.0.1\n"));
    QVERIFY(QDir().mkpath(m_dir.filePath(u"leases"_s)));
    qputenv("IPSEC_RESOLV_CONF", m_dir.filePath(u"resolv.conf"_s).toLocal8Bit());
    qputenv("IPSEC_DHCP_LEASES", m_dir.filePath(u"leases"_s).toLocal8Bit());
    QString error;
    QVERIFY2(m_agent.startBus(&error), qPrintable(error));
    QVERIFY2(m_agent.startAgent(m_b, {u"--backend"_s, u"xfrm"_s}, &error), qPrintable(error));
    QVERIFY2(TrafficProbe::waitUntilDelivered({udpIn(RouterOne, 5000), udpIn(RouterTwo, 5000)}),
             "the link does not carry traffic");
}

void TestAgentServers::cleanupTestCase()
{
    m_agent.killAgent();
    m_ns.removeAll();
    if (NetnsFixture::isRoot()) // the machine's own SPD must never change
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

void TestAgentServers::gatewayFollowsDefaultRoute()
{
    const AgentRun made = netsh("netsh ipsec static add policy name=Servers\n"
                                "netsh ipsec static add filteraction name=Drop action=block\n"
                                "netsh ipsec static add filter filterlist=Gateway srcaddr=me "
                                "dstaddr=GATEWAY protocol=UDP dstport=0 mirrored=yes\n"
                                "netsh ipsec static add rule name=NoGateway policy=Servers "
                                "filterlist=Gateway filteraction=Drop\n"
                                "netsh ipsec static set policy name=Servers assign=yes\n"
                                "netsh ipsec static show filterlist name=Gateway\n");
    QVERIFY2(made.code == 0, qPrintable(made.describe()));
    // Stored and shown as the server type, not as the address it stands for today.
    QVERIFY2(made.out.contains(u"Destination IP Address: <Default Gateway>"_s),
             qPrintable(made.out));
    QVERIFY2(!made.out.contains(u"10.79.0.1"_s), qPrintable(made.out));

    QVERIFY2(hasEntryFrom(RouterOne), qPrintable(owned().join(u'\n')));
    QCOMPARE(TrafficProbe::run({udpIn(RouterOne, 5000), udpIn(RouterTwo, 5000)}, 300),
             (QList<bool>{false, true}));

    // The default route moves to the other router: enforcement follows by itself.
    QVERIFY2(m_ns.ip({u"-netns"_s, m_b, u"route"_s, u"replace"_s, u"default"_s, u"via"_s,
                      u"10.79.0.11"_s}),
             qPrintable(m_ns.lastError()));
    const qint64 ms =
        timeUntil([&] { return hasEntryFrom(RouterTwo) && !hasEntryFrom(RouterOne); }, 3000);
    QVERIFY2(ms >= 0 && ms < 1000, qPrintable(u"after %1 ms\n%2\n%3"_s.arg(ms).arg(
                                       owned().join(u'\n'), m_agent.agentLog())));
    qInfo("default route changed -> GATEWAY filter re-resolved after %lld ms", ms);
    QCOMPARE(TrafficProbe::run({udpIn(RouterOne, 5000), udpIn(RouterTwo, 5000)}, 300),
             (QList<bool>{true, false}));
}

void TestAgentServers::dnsFollowsResolvConf()
{
    // The gateway's rule goes (it would block all UDP of the router the test needs).
    const AgentRun made = netsh("netsh ipsec static delete rule name=NoGateway policy=Servers\n"
                                "netsh ipsec static add filter filterlist=Resolvers srcaddr=DNS "
                                "dstaddr=me protocol=UDP srcport=0 dstport=6000 mirrored=no\n"
                                "netsh ipsec static add rule name=NoResolvers policy=Servers "
                                "filterlist=Resolvers filteraction=Drop\n");
    QVERIFY2(made.code == 0, qPrintable(made.describe()));
    const auto dnsEntry = [this](const QHostAddress &server) {
        return !owned()
                    .filter(
                        u"src %1/32 dst 0.0.0.0/0 proto udp dport 6000"_s.arg(server.toString()))
                    .isEmpty();
    };
    QVERIFY2(dnsEntry(RouterOne), qPrintable(owned().join(u'\n')));
    const QList<bool> before =
        TrafficProbe::run({udpIn(RouterOne, 6000), udpIn(RouterTwo, 6000)}, 300);

    // resolv.conf is replaced (as resolvconf or a DHCP client does): the agent follows it.
    QVERIFY(writeFile(m_dir.filePath(u"resolv.conf"_s), "# new\nnameserver 10.79.0.11\n"));
    const qint64 ms = timeUntil([&] { return dnsEntry(RouterTwo) && !dnsEntry(RouterOne); }, 3000);
    QVERIFY2(ms >= 0 && ms < 1000, qPrintable(u"after %1 ms\n%2\n%3"_s.arg(ms).arg(
                                       owned().join(u'\n'), m_agent.agentLog())));
    qInfo("resolv.conf replaced -> DNS filter re-resolved after %lld ms", ms);
    QCOMPARE(before, (QList<bool>{false, true}));
    QCOMPARE(TrafficProbe::run({udpIn(RouterOne, 6000), udpIn(RouterTwo, 6000)}, 300),
             (QList<bool>{true, false}));
}

void TestAgentServers::dhcpFromLeaseOrSaidUnknown()
{
    // No lease: the filter stays stored, and the command says why nothing is enforced for it.
    const AgentRun made = netsh("netsh ipsec static add filter filterlist=Dhcp srcaddr=DHCP "
                                "dstaddr=me protocol=UDP dstport=6700 mirrored=no\n"
                                "netsh ipsec static add rule name=NoDhcp policy=Servers "
                                "filterlist=Dhcp filteraction=Drop\n");
    QVERIFY2(made.code == 0, qPrintable(made.describe()));
    QVERIFY2(made.err.contains(u"the DHCP server is not known"_s)
                 || made.out.contains(u"the DHCP server is not known"_s),
             qPrintable(made.describe()));
    const auto dhcpEntry = [this] {
        return !owned().filter(u"src 10.79.0.11/32 dst 0.0.0.0/0 proto udp dport 6700"_s).isEmpty();
    };
    QVERIFY(!dhcpEntry());

    // A dhclient lease of B's interface appears: the DHCP server's filter is enforced.
    QVERIFY(writeFile(m_dir.filePath(u"leases/dhclient.vb.leases"_s),
                      "lease {\n  interface \"vb\";\n  fixed-address 10.79.0.2;\n"
                      "  option dhcp-server-identifier 10.79.0.11;\n"
                      "  expire 4 2099/12/31 23:00:00;\n}\n"));
    const qint64 ms = timeUntil(dhcpEntry, 3000);
    QVERIFY2(ms >= 0 && ms < 1000, qPrintable(u"after %1 ms\n%2\n%3"_s.arg(ms).arg(
                                       owned().join(u'\n'), m_agent.agentLog())));
    qInfo("DHCP lease written -> DHCP filter enforced after %lld ms", ms);
    QCOMPARE(TrafficProbe::run({udpIn(RouterTwo, 6700), udpIn(RouterOne, 6700)}, 300),
             (QList<bool>{false, true}));
}

QTEST_GUILESS_MAIN(TestAgentServers)
#include "TestAgentServers.moc"
