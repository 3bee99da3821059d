// The policy agent end to end: a private bus, the real ipsec-policyd on a namespace pair, the real
// ipseccmd as root and as an unprivileged user, real traffic. The functions run in order and
// share one agent (and its namespaces), as an administrator's session would.

#include "AgentFixture.h"
#include "client/AgentClient.h"
#include "kernel/NetnsFixture.h"
#include "kernel/NftBackend.h"
#include "kernel/TrafficProbe.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString AdminGid = u"4242"_s;
const QStringList Nobody{u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s};
const QStringList NobodyAdmin{u"--reuid=65534"_s, u"--regid=65534"_s, u"--groups="_s + AdminGid};

} // namespace

class TestAgent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startEnforcesAssignedPolicy();
    void tableDriftRepaired();
    void changeSeenBySecondClient();
    void dynamicFilters();
    void backendOptionBesideAgent();
    void unauthorizedUserRefused();
    void adminGroupMayChange();
    void netshScriptThroughAgent();
    void unconfirmedChangeRolledBack();
    void confirmedChangeStays();
    void emergencyThroughAgentRecordsTable();
    void killAndRestartClearsDynamicFilters();
    void emergencyUnassignWhenAgentHangs();

private:
    Flow in(quint16 port) const
    {
        return Flow::udp(m_pair.a, VethPair::a4(), 40000, m_pair.b, VethPair::b4(), port);
    }
    // Which of the ports get through, as a string for readable failures.
    QString delivered(const QList<quint16> &ports) const;
    QStringList cmd(const QStringList &args) const
    {
        return QStringList{u"--netns"_s, m_pair.b} + args;
    }
    std::unique_ptr<ipsec::AgentClient> client();

    NetnsFixture m_ns;
    VethPair m_pair;
    AgentFixture m_agent;
    QString m_rootBefore;
    std::unique_ptr<ipsec::AgentClient> m_client;
};

QString TestAgent::delivered(const QList<quint16> &ports) const
{
    QList<Flow> flows;
    for (quint16 p : ports)
        flows << in(p);
    const QList<bool> got = TrafficProbe::run(flows, 400);
    QStringList out;
    for (qsizetype i = 0; i < ports.size(); ++i)
        out << u"%1:%2"_s.arg(ports.at(i)).arg(got.at(i) ? u"pass"_s : u"block"_s);
    return out.join(u' ');
}

std::unique_ptr<ipsec::AgentClient> TestAgent::client()
{
    auto c = ipsec::AgentClient::open(m_agent.connect());
    if (!c) {
        qWarning("%s", qPrintable(c.error().message));
        return {};
    }
    return std::move(c.value());
}

void TestAgent::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("The agent tests need root (namespaces, XFRM, other uids); run them as root.");
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
    QString error;
    QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
    QVERIFY(TrafficProbe::waitUntilDelivered({in(7)}));
    QVERIFY2(m_agent.startBus(&error), qPrintable(error));
}

void TestAgent::cleanupTestCase()
{
    m_client.reset();
    m_ns.removeAll();
    if (NetnsFixture::isRoot()) // the machine's own SPD must never change
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

void TestAgent::startEnforcesAssignedPolicy()
{
    // The store is made without the agent; the kernel is then emptied, as after a reboot.
    const AgentRun made = m_agent.ipseccmd(
        cmd({u"--no-agent"_s, u"--store"_s, m_agent.storePath(), u"-w"_s, u"REG"_s, u"-p"_s,
             u"Block UDP 1434 Filter"_s, u"-r"_s, u"Block Inbound UDP 1434 Rule"_s, u"-f"_s,
             u"*=0:1434:UDP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s}));
    QVERIFY2(made.code == 0, qPrintable(made.describe()));
    QVERIFY(m_ns.ip({u"-netns"_s, m_pair.b, u"xfrm"_s, u"policy"_s, u"flush"_s}));
    QVERIFY(m_ns.ip({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"flush"_s, u"ruleset"_s}));
    QCOMPARE(delivered({1434, 1435}), u"1434:pass 1435:pass"_s);

    QString error;
    QVERIFY2(m_agent.startAgent(m_pair.b, {u"--admin-group"_s, AdminGid}, &error),
             qPrintable(error));
    QCOMPARE(delivered({1434, 1435}), u"1434:block 1435:pass"_s);
    m_client = client();
    QVERIFY(m_client);
    QCOMPARE(m_client->netns(), m_pair.b);
    QCOMPARE(m_client->storePath(), m_agent.storePath());
    QVERIFY(m_client->isEnforcing());
    QCOMPARE(m_client->backend(), ipsec::PolicyClient::Backend::Agent);
}

void TestAgent::changeSeenBySecondClient()
{
    QVERIFY(m_client);
    QSignalSpy changed(m_client.get(), &ipsec::PolicyClient::changed);
    const AgentRun r = m_agent.ipseccmd(
        cmd({u"--agent"_s, u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
             u"Block 1436"_s, u"-f"_s, u"*=0:1436:UDP"_s, u"-n"_s, u"BLOCK"_s}));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"Kernel: "_s), qPrintable(r.describe())); // enforced by the agent
    QVERIFY(changed.wait(5000) || !changed.isEmpty());
    auto db = m_client->load();
    QVERIFY(db);
    QCOMPARE(changed.last().at(0).toLongLong(), db->revision);
    QVERIFY(std::any_of(db->rules.cbegin(), db->rules.cend(),
                        [](const ipsec::Rule &rule) { return rule.name == u"Block 1436"_s; }));
    QCOMPARE(delivered({1434, 1435, 1436}), u"1434:block 1435:pass 1436:block"_s);
}

void TestAgent::dynamicFilters()
{
    QSignalSpy spy(m_client.get(), &ipsec::PolicyClient::dynamicFiltersChanged);
    const AgentRun r = m_agent.ipseccmd(cmd({u"-f"_s, u"[*=0:5000:UDP]"_s}));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY(spy.wait(5000) || !spy.isEmpty());
    auto dyn = m_client->dynamicFilters();
    QVERIFY(dyn);
    QCOMPARE(dyn->size(), 1);
    QCOMPARE(dyn->first().filter.destinationPort, quint16(5000));
    QCOMPARE(delivered({1434, 5000, 5001}), u"1434:block 5000:block 5001:pass"_s);
}

// --backend while the agent serves the namespace (issue 11): the same backend as the agent's goes
// through the agent; another one is refused, for ipseccmd and its netsh personality alike,
// instead of enforcing in the command's own process behind the agent's back.
void TestAgent::backendOptionBesideAgent()
{
    QVERIFY(m_client);
    const QString agentBackend =
        qEnvironmentVariable("IPSEC_CONSOLE_BACKEND") == u"xfrm"_s ? u"xfrm"_s : u"nft"_s;
    const QString other = agentBackend == u"nft"_s ? u"xfrm"_s : u"nft"_s;
    const QStringList kernelBefore = m_ns.kernelState(m_pair.b);
    const qint64 revision = m_client->load()->revision;
    const QList<QStringList> refused{
        {u"--backend"_s, other, u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
         u"Block 1451"_s, u"-f"_s, u"*=0:1451:UDP"_s, u"-n"_s, u"BLOCK"_s},
        {u"--backend"_s, other, u"-f"_s, u"[*=0:1451:UDP]"_s},
        {u"netsh"_s, u"--backend"_s, other, u"ipsec"_s, u"dynamic"_s, u"add"_s, u"rule"_s,
         u"srcaddr=any"_s, u"dstaddr=me"_s, u"protocol=UDP"_s, u"dstport=1451"_s, u"mirrored=no"_s,
         u"actioninbound=block"_s, u"actionoutbound=block"_s},
    };
    for (const QStringList &args : refused) {
        // `ipseccmd netsh …` takes the personality's name first.
        const AgentRun r = m_agent.ipseccmd(
            args.first() == u"netsh"_s ? QStringList{u"netsh"_s} + cmd(args.mid(1)) : cmd(args));
        QVERIFY2(r.code == 5, qPrintable(args.join(u' ') + u'\n' + r.describe()));
        QVERIFY2(r.err.contains(u"--backend %1 conflicts with the policy agent"_s.arg(other))
                     && r.err.contains(u"--backend "_s + agentBackend),
                 qPrintable(r.describe()));
    }
    QCOMPARE(m_ns.kernelState(m_pair.b), kernelBefore);
    QCOMPARE(m_client->load()->revision, revision);
    QCOMPARE(delivered({1434, 1451}), u"1434:block 1451:pass"_s);

    // The agent's own backend named explicitly: an ordinary change through the agent.
    const qsizetype doneBefore = m_agent.agentLog().count(u": done"_s);
    const AgentRun same = m_agent.ipseccmd(
        cmd({u"--backend"_s, agentBackend, u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s,
             u"-r"_s, u"Block 1451"_s, u"-f"_s, u"*=0:1451:UDP"_s, u"-n"_s, u"BLOCK"_s}));
    QVERIFY2(same.code == 0, qPrintable(same.describe()));
    QTRY_VERIFY2(m_agent.agentLog().count(u": done"_s) > doneBefore,
                 qPrintable(m_agent.agentLog()));
    QCOMPARE(delivered({1434, 1451}), u"1434:block 1451:block"_s);
    // Enforced with the agent's backend: no XFRM block entry with the nftables backend.
    const QString xfrm = m_ns.ipOutput({u"-netns"_s, m_pair.b, u"xfrm"_s, u"policy"_s, u"list"_s});
    QCOMPARE(xfrm.contains(u"dport 1451"_s), agentBackend == u"xfrm"_s);
}

void TestAgent::unauthorizedUserRefused()
{
    const qint64 revision = m_client->load()->revision;
    for (const QStringList &args :
         {QStringList{u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-y"_s},
          QStringList{u"-u"_s}, QStringList{u"emergency-unassign"_s}}) {
        const AgentRun r = m_agent.ipseccmd(cmd(args), Nobody);
        QVERIFY2(r.code == 7, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(u"Not authorized"_s) && r.err.contains(u"uid 65534"_s),
                 qPrintable(r.describe()));
    }
    QCOMPARE(m_client->load()->revision, revision);
    QCOMPARE(m_client->dynamicFilters()->size(), 1);
    QCOMPARE(delivered({1434, 5000}), u"1434:block 5000:block"_s);

    // Reading is open to everybody, through the agent (nobody cannot enter the namespace).
    const AgentRun show = m_agent.ipseccmd(cmd({u"show"_s, u"all"_s}), Nobody);
    QVERIFY2(show.code == 0, qPrintable(show.describe()));
    QVERIFY(show.out.contains(u"Block UDP 1434 Filter"_s));
    QVERIFY(show.out.contains(u"[*=0:5000:UDP]"_s));
    QVERIFY2(show.out.contains(u"in sync with the policy"_s), qPrintable(show.describe()));
}

void TestAgent::adminGroupMayChange()
{
    const AgentRun r =
        m_agent.ipseccmd(cmd({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                              u"Block 1437"_s, u"-f"_s, u"*=0:1437:UDP"_s, u"-n"_s, u"BLOCK"_s}),
                         NobodyAdmin);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(delivered({1434, 1437, 1438}), u"1434:block 1437:block 1438:pass"_s);
}

void TestAgent::netshScriptThroughAgent()
{
    QSignalSpy changed(m_client.get(), &ipsec::PolicyClient::changed);
    const QString script =
        u"ipsec static add filterlist name=\"UDP 1441\"\n"
        u"ipsec static add filter filterlist=\"UDP 1441\" srcaddr=any dstaddr=me protocol=UDP "
        u"dstport=1441 mirrored=no\n"
        u"ipsec static add filteraction name=\"Drop 1441\" action=block\n"
        u"ipsec static add rule name=\"Block 1441\" policy=\"Block UDP 1434 Filter\" "
        u"filterlist=\"UDP 1441\" filteraction=\"Drop 1441\"\n"_s;
    auto report = m_client->executeNetsh(script, u"test script"_s);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(changed.wait(5000) || !changed.isEmpty());
    QCOMPARE(delivered({1441, 1442}), u"1441:block 1442:pass"_s);

    // A bad line: an error naming it, nothing changed.
    const qint64 revision = m_client->load()->revision;
    auto bad = m_client->executeNetsh(u"ipsec static add filterlist name=Other\nipsec static "
                                      u"add bogus\n"_s,
                                      u"bad script"_s);
    QVERIFY(!bad);
    QVERIFY2(bad.error().message.contains(u"2"_s), qPrintable(bad.error().message));
    QCOMPARE(m_client->load()->revision, revision);
}

void TestAgent::unconfirmedChangeRolledBack()
{
    auto before = m_client->load();
    QVERIFY(before);
    QSignalSpy ended(m_client.get(), &ipsec::PolicyClient::confirmationEnded);
    const AgentRun r =
        m_agent.ipseccmd(cmd({u"--agent"_s, u"--confirm-within"_s, u"2"_s, u"-w"_s, u"REG"_s,
                              u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s, u"Block 1439"_s,
                              u"-f"_s, u"*=0:1439:UDP"_s, u"-n"_s, u"BLOCK"_s}));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"confirm"_s), qPrintable(r.describe())); // how to keep it
    QVERIFY(m_client->pendingConfirmation().has_value());
    QCOMPARE(delivered({1439, 1434}), u"1439:block 1434:block"_s);
    // The agent holds the deadline: the client program has long exited.
    QVERIFY(ended.wait(8000) || !ended.isEmpty());
    QCOMPARE(ended.last().at(0).toBool(), false);
    QCOMPARE(delivered({1439, 1434}), u"1439:pass 1434:block"_s);
    auto after = m_client->load();
    QVERIFY(after);
    QStringList rulesBefore, rulesAfter;
    for (const auto &rule : before->rules)
        rulesBefore << rule.guid.toString();
    for (const auto &rule : after->rules)
        rulesAfter << rule.guid.toString();
    rulesBefore.sort();
    rulesAfter.sort();
    QCOMPARE(rulesAfter, rulesBefore);
    QVERIFY(!m_client->pendingConfirmation().has_value());
}

void TestAgent::confirmedChangeStays()
{
    QSignalSpy ended(m_client.get(), &ipsec::PolicyClient::confirmationEnded);
    const AgentRun r =
        m_agent.ipseccmd(cmd({u"--agent"_s, u"--confirm-within"_s, u"3"_s, u"-w"_s, u"REG"_s,
                              u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s, u"Block 1440"_s,
                              u"-f"_s, u"*=0:1440:UDP"_s, u"-n"_s, u"BLOCK"_s}));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const AgentRun keep = m_agent.ipseccmd(cmd({u"--agent"_s, u"confirm"_s}));
    QVERIFY2(keep.code == 0, qPrintable(keep.describe()));
    QVERIFY(ended.wait(5000) || !ended.isEmpty());
    QCOMPARE(ended.last().at(0).toBool(), true);
    QTest::qWait(3500); // past the deadline
    QCOMPARE(delivered({1440}), u"1440:block"_s);
    QCOMPARE(m_agent.ipseccmd(cmd({u"--agent"_s, u"confirm"_s})).code, 3); // nothing pending
}

void TestAgent::killAndRestartClearsDynamicFilters()
{
    m_agent.killAgent();
    // The kernel keeps what it had: the crash itself opens nothing.
    QCOMPARE(delivered({1434, 5000}), u"1434:block 5000:block"_s);
    QString error;
    QVERIFY2(m_agent.startAgent(m_pair.b, {u"--admin-group"_s, AdminGid}, &error),
             qPrintable(error));
    QCOMPARE(delivered({1434, 1436, 1440, 5000}), u"1434:block 1436:block 1440:block 5000:pass"_s);
    auto dyn = m_client->dynamicFilters(); // the same client object, across the restart
    QVERIFY2(dyn, qPrintable(dyn ? QString() : dyn.error().message));
    QVERIFY(dyn->isEmpty());
}

// Issue 11: the agent repairs its nftables table when another program changes it (drift
// detection over NFNLGRP_NFTABLES), as it repairs its XFRM entries; its own transactions do not
// make it enforce again.
void TestAgent::tableDriftRepaired()
{
    const auto table = [this] {
        return m_ns.nftTable(m_pair.b);
    };
    const QStringList before = table();
    QVERIFY2(before.join(u'\n').contains(u"1434"_s), qPrintable(before.join(u'\n')));
    QElapsedTimer t;
    const auto waitRepaired = [&] {
        t.start();
        while (t.elapsed() < 3000) {
            if (table() == before)
                return t.elapsed();
            QTest::qWait(20);
        }
        return qint64(-1);
    };
    // The whole table deleted by hand: UDP 1434 would pass.
    QVERIFY(m_ns.ip({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"delete"_s, u"table"_s, u"inet"_s,
                     u"ipsec_console"_s}));
    qint64 ms = waitRepaired();
    QVERIFY2(ms >= 0 && ms < 1000,
             qPrintable(u"after %1 ms\n%2"_s.arg(ms).arg(m_agent.agentLog())));
    qInfo("nft delete table -> repaired after %lld ms", ms);
    QCOMPARE(delivered({1434, 1435}), u"1434:block 1435:pass"_s);
    // One element deleted by hand.
    const QString set = before.filter(u"set in_block_4_"_s).value(0).section(u' ', 2, 2);
    QVERIFY2(!set.isEmpty(), qPrintable(before.join(u'\n')));
    QVERIFY(m_ns.ip({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"delete"_s, u"element"_s,
                     u"inet"_s, u"ipsec_console"_s, set, u"{ 1434 }"_s}));
    ms = waitRepaired();
    QVERIFY2(ms >= 0 && ms < 1000,
             qPrintable(u"after %1 ms\n%2"_s.arg(ms).arg(m_agent.agentLog())));
    QVERIFY2(m_agent.agentLog().contains(u"nftables table"_s), qPrintable(m_agent.agentLog()));
    // Two changes by hand, two repairs: the agent's own transactions are not drift.
    QTest::qWait(300);
    QVERIFY2(m_agent.agentLog().count(u"by another program): enforcing again"_s) == 2,
             qPrintable(m_agent.agentLog()));
    // A foreign table's change is none of its business.
    const int repairs = int(m_agent.agentLog().count(u"The nftables table changed"_s));
    QVERIFY(m_ns.ip({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"add"_s, u"table"_s, u"inet"_s,
                     u"other_tool"_s}));
    QTest::qWait(400);
    QVERIFY2(int(m_agent.agentLog().count(u"The nftables table changed"_s)) == repairs,
             qPrintable(m_agent.agentLog()));
    QVERIFY(m_ns.ip({u"netns"_s, u"exec"_s, m_pair.b, u"nft"_s, u"delete"_s, u"table"_s, u"inet"_s,
                     u"other_tool"_s}));
}

// Through the agent, the emergency record holds the nftables table as enforced (issue 11), beside
// the record in the runtime folder; reassign brings the same table and verdicts back.
void TestAgent::emergencyThroughAgentRecordsTable()
{
    const QStringList before = m_ns.kernelState(m_pair.b);
    const QStringList table = m_ns.nftTable(m_pair.b);
    const QString blocked = delivered({1434, 1435});
    QVERIFY2(blocked == u"1434:block 1435:pass"_s, qPrintable(blocked));
    const AgentRun e = m_agent.ipseccmd(cmd({u"emergency-unassign"_s}));
    QVERIFY2(e.code == 0, qPrintable(e.describe()));
    QVERIFY2(!e.err.contains(u"did not answer"_s), qPrintable(e.describe())); // the agent did it
    QTRY_VERIFY(m_ns.nftTable(m_pair.b).isEmpty());
    QCOMPARE(delivered({1434, 1435}), u"1434:pass 1435:pass"_s);
    // The backend's record of the table, moved into the emergency's record (one record of the
    // table, not a second copy as text).
    const auto recorded = [&] {
        QDirIterator it(m_agent.runtimeDir(), {u"emergency-table.rec"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        if (!it.hasNext())
            return QString();
        const auto spec = ipsec::kernel::NftBackend::readRecord(it.next());
        return spec ? ipsec::kernel::NftBackend::specText(*spec) : QString();
    };
    if (!table.isEmpty()) {
        QTRY_VERIFY2(recorded().contains(u"1434"_s), qPrintable(m_agent.agentLog()));
    }
    const AgentRun r = m_agent.ipseccmd(cmd({u"reassign"_s}));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QTRY_COMPARE(m_ns.kernelState(m_pair.b), before);
    QCOMPARE(delivered({1434, 1435}), blocked);
    QVERIFY(recorded().isEmpty());
}

void TestAgent::emergencyUnassignWhenAgentHangs()
{
    QVERIFY(!m_ns.kernelState(m_pair.b).isEmpty());
    m_agent.stopAgent(true);
    // The agent's store given explicitly: the fallback cannot ask the hanging agent for it
    // (installed, both use the machine's store).
    const AgentRun r =
        m_agent.ipseccmd(cmd({u"--store"_s, m_agent.storePath(), u"emergency-unassign"_s}));
    m_agent.stopAgent(false);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"did not answer"_s), qPrintable(r.describe()));
    QVERIFY2(m_ns.kernelState(m_pair.b).isEmpty(),
             qPrintable(m_ns.kernelState(m_pair.b).join(u'\n')));
    QCOMPARE(delivered({1434, 1436}), u"1434:pass 1436:pass"_s);
    // The agent lives on, sees the unassigned store and keeps the kernel empty.
    auto db = m_client->load();
    QVERIFY(db);
    QVERIFY2(!db->assignedPolicy(), qPrintable(r.describe()));
    QTest::qWait(600);
    QCOMPARE(delivered({1434}), u"1434:pass"_s);
    QVERIFY(m_agent.agentRunning());
}

QTEST_GUILESS_MAIN(TestAgent)
#include "TestAgent.moc"
