// The window never freezes on the agent: with ipsec-policyd stopped (SIGSTOP) in the middle of
// the session, a change and a reload wait off the GUI thread (busy indicator), events are still
// processed within 100 ms, and Emergency Unassign still works: it falls back to doing it in this
// process, as `ipseccmd emergency-unassign` does. Root: a namespace and a private bus.

#include "UiTestSupport.h"
#include "agent/AgentFixture.h"
#include "kernel/NetnsFixture.h"

#include "MainWindow.h"
#include "Settings.h"
#include "client/AgentClient.h"

#include <QAction>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestUiAgentStopped : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void staysResponsiveAndEmergencyWorks();

private:
    // The project's entries in the namespace: XFRM policies in its priority band and the rules
    // of its nftables table.
    int kernelEntries();
    int m_entriesBefore = 0;

    QTemporaryDir m_settingsDir;
    NetnsFixture m_ns;
    QString m_netns;
    AgentFixture m_agent;
    QDBusConnection m_bus{QString()};
    std::unique_ptr<AgentClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiAgentStopped::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Needs root: a network namespace, XFRM and the policy agent on a private bus.");
    UiTestSupport::isolateSettings(m_settingsDir);
    Settings().setValue(Settings::Key::WatchIntervalMs, 100);
    NetnsFixture::removeStale();
    m_netns = m_ns.create();
    QVERIFY2(!m_netns.isEmpty(), qPrintable(m_ns.lastError()));
    QString error;
    QVERIFY2(m_agent.startBus(&error), qPrintable(error));
    QVERIFY2(m_agent.startAgent(m_netns, {}, &error), qPrintable(error));
    // The console's own fallback (ClientFactory) finds the same bus and runtime state.
    const QProcessEnvironment env = m_agent.environment();
    for (const char *key : {"DBUS_SYSTEM_BUS_ADDRESS", "IPSEC_CONSOLE_RUNTIME_DIR"})
        qputenv(key, env.value(QString::fromLatin1(key)).toUtf8());
    const AgentRun r =
        m_agent.ipseccmd({u"--netns"_s, m_netns, u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-r"_s,
                          u"R"_s, u"-f"_s, u"*=0:1434:UDP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    m_bus = m_agent.connect();
    auto client = AgentClient::open(m_bus);
    QVERIFY2(client, qPrintable(client ? QString() : client.error().message));
    m_client = std::move(client.value());
    m_entriesBefore = kernelEntries();
    QVERIFY2(m_entriesBefore > 0,
             qPrintable(u"%1 entries; %2"_s.arg(m_entriesBefore).arg(r.describe())));
    m_client->setCallTimeout(15000);
    m_window = std::make_unique<MainWindow>(*m_client);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(!m_window->findChild<QProgressBar *>(u"busyIndicator"_s)->isVisible());
}

void TestUiAgentStopped::cleanupTestCase()
{
    m_agent.stopAgent(false);
    m_window.reset();
    m_client.reset();
    m_ns.removeAll();
}

int TestUiAgentStopped::kernelEntries()
{
    // What the kernel of the namespace holds of the project's, as the agent reads it.
    const auto view = m_client ? m_client->kernelView() : Result<KernelView>(Error{});
    if (!view)
        qWarning("kernel view: %s", qPrintable(view.error().message));
    return view ? int(view->owned.size()) : -1;
}

void TestUiAgentStopped::staysResponsiveAndEmergencyWorks()
{
    auto *tree = m_window->findChild<QTreeView *>(u"policyTree"_s);
    QModelIndex p;
    for (int row = 0; row < tree->model()->rowCount(); ++row)
        if (tree->model()->index(row, 0).data().toString() == u"P"_s)
            p = tree->model()->index(row, 0);
    QVERIFY(p.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(p).center());
    m_agent.stopAgent(true);
    // A change and a reload, both waiting for the hanging agent.
    auto *unassign = m_window->findChild<QAction *>(u"unassignAction"_s);
    QVERIFY(unassign->isEnabled());
    unassign->trigger();
    m_window->findChild<QAction *>(u"refreshAction"_s)->trigger();
    auto *busy = m_window->findChild<QProgressBar *>(u"busyIndicator"_s);
    QTRY_VERIFY(busy->isVisible());

    // Events keep flowing: a 10 ms timer never waits 100 ms.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 worst = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        worst = std::max(worst, clock.elapsed() - last);
        last = clock.elapsed();
    });
    tick.start();
    QTest::qWait(1500);
    tick.stop();
    QVERIFY2(worst < 100, qPrintable(u"longest wait %1 ms"_s.arg(worst)));
    QVERIFY(busy->isVisible()); // still waiting for the agent

    // Properties open on what the window shows, without waiting for the agent.
    m_window->findChild<QAction *>(u"propertiesAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QDialog *>(u"policyDialog"_s), 1000);
    m_window->findChild<QDialog *>(u"policyDialog"_s)->reject();

    // The brake works anyway.
    m_window->findChild<QAction *>(u"emergencyUnassignAction"_s)->trigger();
    auto *message = m_window->findChild<QLabel *>(u"emergencyMessage"_s);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && !message->text().isEmpty(), 20000);
    QVERIFY2(!message->text().contains(u"failed"_s), qPrintable(message->text()));
    m_agent.stopAgent(false);
    QTRY_COMPARE(kernelEntries(), 0);
}

QTEST_MAIN(TestUiAgentStopped)
#include "TestUiAgentStopped.moc"
