// The agent keeps its hold on the store while other services of its own (a --dry-run, an
// emergency unassign, a reassign) and other processes (ipseccmd --no-agent) use the same file:
// real processes, a private bus, a namespace of the test.

#include "AgentFixture.h"
#include "client/AgentClient.h"
#include "kernel/NetnsFixture.h"
#include "store/PolicyStore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAgentStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agentKeepsStoreLocks();

private:
    AgentRun run(const QStringList &args)
    {
        return m_agent.ipseccmd(QStringList{u"--netns"_s, m_netns} + args);
    }
    QStringList addRule(const QString &name, int port) const
    {
        return {u"-w"_s, u"REG"_s,  u"-p"_s, u"Blocks"_s,
                u"-r"_s, name,      u"-f"_s, u"*=192.0.2.1:%1:UDP"_s.arg(port),
                u"-n"_s, u"BLOCK"_s};
    }
    // The revision in the file, as another process sees it.
    qint64 fileRevision()
    {
        auto store =
            ipsec::PolicyStore::open(m_agent.storePath(), ipsec::PolicyStore::OpenMode::ReadOnly);
        return store ? store.value()->revision().value() : -1;
    }
    qint64 agentRevision()
    {
        auto client = ipsec::AgentClient::open(m_agent.connect());
        if (!client)
            return -2;
        auto db = client.value()->load();
        return db ? db->revision : -2;
    }
    QStringList deletedFilesOfAgent() const
    {
        QStringList out;
        const QDir fds(u"/proc/%1/fd"_s.arg(m_agent.agentPid()));
        for (const QString &fd : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
            const QString target = QFileInfo(fds.filePath(fd)).symLinkTarget();
            if (target.endsWith(u" (deleted)"_s))
                out << target;
        }
        return out;
    }

    NetnsFixture m_ns;
    AgentFixture m_agent;
    QString m_netns;
    QString m_rootBefore;
};

void TestAgentStore::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("The agent tests need root (namespaces, XFRM); run them as root.");
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
    m_netns = m_ns.create();
    QVERIFY2(!m_netns.isEmpty(), qPrintable(m_ns.lastError()));
    QString error;
    QVERIFY2(m_agent.startBus(&error), qPrintable(error));
}

void TestAgentStore::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot())
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

// The sequence of issue 12, item 1: before, the dry-run service's second open of the store
// closed a plain descriptor of the file, the agent lost its SQLite locks, the next --no-agent
// writer deleted the write-ahead log under it, and the agent went on serving (and writing to)
// a deleted log.
void TestAgentStore::agentKeepsStoreLocks()
{
    const QStringList noAgent{u"--no-agent"_s, u"--store"_s, m_agent.storePath()};
    AgentRun r = run(noAgent + addRule(u"R1510"_s, 1510) + QStringList{u"-x"_s});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QString error;
    QVERIFY2(m_agent.startAgent(m_netns, {}, &error), qPrintable(error));

    r = run(noAgent + addRule(u"R1520"_s, 1520));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    r = run(QStringList{u"--agent"_s, u"--dry-run"_s} + addRule(u"R1530"_s, 1530));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    r = run(QStringList{u"--agent"_s, u"emergency-unassign"_s, u"--dry-run"_s});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    r = run(noAgent + addRule(u"R1540"_s, 1540));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));

    QTRY_COMPARE_WITH_TIMEOUT(agentRevision(), fileRevision(), 5000);
    QCOMPARE(deletedFilesOfAgent(), QStringList());

    // A change through the agent reaches the file, and the kernel holds every stored rule.
    r = run(QStringList{u"--agent"_s} + addRule(u"R1550"_s, 1550));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(agentRevision(), fileRevision());
    auto store =
        ipsec::PolicyStore::open(m_agent.storePath(), ipsec::PolicyStore::OpenMode::ReadOnly);
    QVERIFY(store);
    auto db = store.value()->load();
    QVERIFY(db);
    QStringList rules;
    for (const ipsec::Rule &rule : db->rules)
        if (rule.name.startsWith(u'R'))
            rules << rule.name;
    rules.sort();
    QCOMPARE(rules, (QStringList{u"R1510"_s, u"R1520"_s, u"R1540"_s, u"R1550"_s}));
    // (Ports far apart: neighbours would share one kernel entry with a port mask.)
    // XFRM entries ("dport 1510") or elements of the nftables table ("{ 1510, 1520 }").
    const QString kernel = m_ns.kernelState(m_netns).join(u'\n');
    const auto has = [&kernel](int port) {
        return kernel.contains(QRegularExpression(u"(dport |[{ ,] ?)%1\\b"_s.arg(port)));
    };
    for (const int port : {1510, 1520, 1540, 1550})
        QVERIFY2(has(port), qPrintable(kernel));
    QVERIFY2(!has(1530), qPrintable(kernel));
    QCOMPARE(deletedFilesOfAgent(), QStringList());
}

QTEST_GUILESS_MAIN(TestAgentStore)
#include "TestAgentStore.moc"
