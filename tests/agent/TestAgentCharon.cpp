// Issue 14: the agent keeps a real strongSwan charon in step when charon restarts. The real
// ipsec-policyd serves a namespace of the test beside a real charon (own /run and VICI socket);
// a Require Security policy with a preshared key is assigned through the agent; charon is
// killed (as a crash) and started again, then stopped and started again: each time the agent
// loads the project's connection and secret into the new charon within a few seconds.

#include "AgentFixture.h"
#include "kernel/CharonFixture.h"
#include "kernel/NetnsFixture.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAgentCharon : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loadsConnectionsAtAssign();
    void reloadsAfterCrash();
    void reloadsAfterRestart();

private:
    QStringList cmd(const QStringList &args) const
    {
        return QStringList{u"--netns"_s, m_netns, u"--agent"_s} + args;
    }
    bool hasOwnConnection() const
    {
        for (const QByteArray &n : m_charon->connections())
            if (n.startsWith("ipsec-console-r"))
                return true;
        return false;
    }
    // The ids of charon's shared keys (get-shared).
    QList<QByteArray> sharedKeys() const;
    // Milliseconds until charon holds the project's connection again, -1 after 10 s.
    qint64 timeUntilReloaded();

    NetnsFixture m_ns;
    QString m_netns;
    AgentFixture m_agent;
    QTemporaryDir m_dir;
    std::unique_ptr<CharonFixture> m_charon;
    QString m_rootBefore;
};

QList<QByteArray> TestAgentCharon::sharedKeys() const
{
    ipsec::vici::Client c(m_charon->socketPath(), 3000);
    auto r = c.call("get-shared");
    return r ? r->itemsOf("keys") : QList<QByteArray>{};
}

qint64 TestAgentCharon::timeUntilReloaded()
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        if (hasOwnConnection())
            return t.elapsed();
        QTest::qWait(20);
    }
    return -1;
}

void TestAgentCharon::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("The agent tests need root (namespaces, XFRM); run them as root.");
    if (!CharonFixture::installed())
        QSKIP("strongSwan's charon is not installed (apt install strongswan-charon)");
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
    m_netns = m_ns.create();
    QVERIFY2(!m_netns.isEmpty(), qPrintable(m_ns.lastError()));
    QVERIFY(m_dir.isValid());
    m_charon = std::make_unique<CharonFixture>(m_dir.path(), u"charon"_s);
    QVERIFY(m_charon->start(m_netns));
    QString error;
    QVERIFY2(m_agent.startBus(&error), qPrintable(error));
    QVERIFY2(m_agent.startAgent(m_netns, {u"--vici"_s, m_charon->socketPath()}, &error),
             qPrintable(error));
}

void TestAgentCharon::cleanupTestCase()
{
    m_agent.killAgent();
    m_charon.reset();
    m_ns.removeAll();
    if (NetnsFixture::isRoot()) // the machine's own SPD must never change
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

void TestAgentCharon::loadsConnectionsAtAssign()
{
    const AgentRun r = m_agent.ipseccmd(cmd(
        {u"-w"_s, u"REG"_s, u"-p"_s, u"Secure"_s, u"-r"_s, u"Port 5001"_s, u"-f"_s,
         u"0+*:5001:UDP"_s, u"-n"_s, u"ESP[3DES,SHA]"_s, u"-a"_s, u"PRESHARE:\"key\""_s, u"-x"_s}));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(timeUntilReloaded() >= 0, qPrintable(m_agent.agentLog()));
    QVERIFY(sharedKeys().size() == 1);
}

void TestAgentCharon::reloadsAfterCrash()
{
    m_charon->crash(); // the socket file stays: the agent must not give up on it
    QTest::qWait(300);
    QVERIFY(m_charon->start(m_netns));
    const qint64 ms = timeUntilReloaded();
    qInfo("connections back %lld ms after charon answered again (crash)", ms);
    QVERIFY2(ms >= 0 && ms < 5000, qPrintable(m_agent.agentLog()));
    QTRY_COMPARE_WITH_TIMEOUT(sharedKeys().size(), 1, 3000);
    QVERIFY2(m_agent.agentLog().contains(u"Negotiation is unavailable"_s),
             qPrintable(m_agent.agentLog()));
}

void TestAgentCharon::reloadsAfterRestart()
{
    m_charon->stop();
    // Away for longer than the longest pause between attempts.
    QTest::qWait(2500);
    QVERIFY(m_charon->start(m_netns));
    const qint64 ms = timeUntilReloaded();
    qInfo("connections back %lld ms after charon answered again (restart)", ms);
    QVERIFY2(ms >= 0 && ms < 5000, qPrintable(m_agent.agentLog()));
    QTRY_COMPARE_WITH_TIMEOUT(sharedKeys().size(), 1, 3000);
}

QTEST_GUILESS_MAIN(TestAgentCharon)
#include "TestAgentCharon.moc"
