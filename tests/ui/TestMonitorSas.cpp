// Issue 14: the console's Monitor lists the IKE daemon's main mode (IKE) and quick mode (IPsec)
// security associations with peers, algorithms and lifetimes, read through the real agent off
// the GUI thread; when charon stops, it says plainly that negotiation is unavailable and why.
// Two namespaces with a real charon each; the agent serves A, B is configured by ipseccmd.

#include "UiTestSupport.h"
#include "agent/AgentFixture.h"
#include "kernel/CharonFixture.h"
#include "kernel/NetnsFixture.h"
#include "kernel/TrafficProbe.h"

#include "MainWindow.h"
#include "client/AgentClient.h"

#include <QAction>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestMonitorSas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsIkeAndIpsecSas();
    void saysWhenNegotiationIsUnavailable();

private:
    QTableWidget *table() { return m_window->findChild<QTableWidget *>(u"ikeSasTable"_s); }
    QString status() { return m_window->findChild<QLabel *>(u"ikeStatusLabel"_s)->text(); }
    QString row(int r)
    {
        QStringList cells;
        for (int c = 0; c < table()->columnCount(); ++c)
            cells << (table()->item(r, c) ? table()->item(r, c)->text() : QString());
        return cells.join(u" | "_s);
    }

    QTemporaryDir m_dir;
    NetnsFixture m_ns;
    VethPair m_pair;
    std::unique_ptr<CharonFixture> m_a, m_b;
    AgentFixture m_agent;
    QDBusConnection m_bus{QString()};
    std::unique_ptr<AgentClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestMonitorSas::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Needs root: namespaces, XFRM, charon and the agent on a private bus.");
    if (!CharonFixture::installed())
        QSKIP("strongSwan's charon is not installed (apt install strongswan-charon)");
    UiTestSupport::isolateSettings(m_dir);
    NetnsFixture::removeStale();
    QString error;
    QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
    m_a = std::make_unique<CharonFixture>(m_dir.path(), u"a"_s);
    m_b = std::make_unique<CharonFixture>(m_dir.path(), u"b"_s);
    QVERIFY(m_a->start(m_pair.a));
    QVERIFY(m_b->start(m_pair.b));
    QVERIFY2(m_agent.startBus(&error), qPrintable(error));
    QVERIFY2(m_agent.startAgent(m_pair.a, {u"--vici"_s, m_a->socketPath()}, &error),
             qPrintable(error));

    const QStringList policy{u"-w"_s,
                             u"REG"_s,
                             u"-p"_s,
                             u"Secure"_s,
                             u"-r"_s,
                             u"Port 5001"_s,
                             u"-f"_s,
                             u"*+0:5001:UDP"_s,
                             u"0+*:5001:UDP"_s,
                             u"-n"_s,
                             u"ESP[3DES,SHA]"_s,
                             u"-a"_s,
                             u"PRESHARE:\"k\""_s,
                             u"-x"_s};
    AgentRun r = m_agent.ipseccmd(QStringList{u"--netns"_s, m_pair.a, u"--agent"_s} + policy);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    {
        // B: in-process, with a store and runtime folder of its own (not the agent's).
        QProcessEnvironment env = m_agent.environment();
        env.remove(u"DBUS_SYSTEM_BUS_ADDRESS"_s);
        env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir.filePath(u"run-b"_s));
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(IPSECCMD_PATH),
                QStringList{u"--netns"_s, m_pair.b, u"--no-agent"_s, u"--store"_s,
                            m_dir.filePath(u"b.db"_s), u"--vici"_s, m_b->socketPath()}
                    + policy);
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
    }
    // The first packet makes the kernel ask charon; the IKE SA follows within a second or so.
    const Flow aToB = Flow::udp(m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), 5001);
    QVERIFY(!TrafficProbe::delivered(aToB));
    const QDeadlineTimer deadline(8000);
    bool established = false;
    while (!established && !deadline.hasExpired()) {
        for (const auto &sa : m_a->sas())
            for (const auto &ike : sa.children())
                established = established || ike.valueOf("state") == "ESTABLISHED";
        QTest::qWait(100);
    }
    QVERIFY2(established, m_a->log().right(2000).constData());

    m_bus = m_agent.connect();
    auto client = AgentClient::open(m_bus);
    QVERIFY2(client, qPrintable(client ? QString() : client.error().message));
    m_client = std::move(client.value());
    m_window = std::make_unique<MainWindow>(*m_client);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMonitorSas::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_agent.killAgent();
    m_a.reset();
    m_b.reset();
    m_ns.removeAll();
}

void TestMonitorSas::listsIkeAndIpsecSas()
{
    m_window->findChild<QAction *>(u"monitorDockToggle"_s)->trigger();
    QTRY_VERIFY(m_window->findChild<QDockWidget *>(u"monitorDock"_s)->isVisible());
    QVERIFY(table());
    QTRY_VERIFY_WITH_TIMEOUT(table()->rowCount() >= 1, 10000);
    const QString ike = row(0);
    for (const QString &want :
         {u"Main mode (IKEv1)"_s, u"ipsec-console-r"_s, VethPair::b4().toString(), u"ESTABLISHED"_s,
          u"3DES_CBC"_s, u"HMAC_SHA1_96"_s, u"MODP_1024"_s, u"rekey in"_s})
        QVERIFY2(ike.contains(want), qPrintable(want + u" not in: "_s + ike));
    QVERIFY2(status().contains(u"1 main mode"_s), qPrintable(status()));
    // Quick mode rows: where the kernel has ESP, the IPsec SA with its algorithms; this
    // kernel may have none (its CHILD_SA cannot be installed).
    for (int r = 1; r < table()->rowCount(); ++r)
        QVERIFY2(row(r).contains(u"Quick mode (ESP)"_s) && row(r).contains(u"3DES_CBC"_s),
                 qPrintable(row(r)));
}

void TestMonitorSas::saysWhenNegotiationIsUnavailable()
{
    m_a->stop();
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"Negotiation is unavailable"_s), 10000);
    QVERIFY2(status().contains(u"not running"_s), qPrintable(status()));
    QCOMPARE(table()->rowCount(), 0);
}

QTEST_MAIN(TestMonitorSas)
#include "TestMonitorSas.moc"
