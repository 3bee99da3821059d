// The window never freezes on the agent: with ipsec-policyd stopped (SIGSTOP) in the middle of
// the session, a change and a reload wait off the GUI thread (busy indicator), events are still
// processed within 100 ms, and Emergency Unassign still works: it falls back to doing it in this
// process, as `ipseccmd emergency-unassign` does. Every other view that asks the agent (the Block
// a Port wizard, snapshot export / import / compare, the Monitor, the Packet Tester, Reassign)
// asks off the GUI thread too. Root: a namespace and a private bus.

#include "UiTestSupport.h"
#include "agent/AgentFixture.h"
#include "kernel/NetnsFixture.h"
#include "uiw/WizardTestSupport.h"

#include "FileDialog.h"
#include "MainWindow.h"
#include "Settings.h"
#include "StateBanner.h"
#include "client/AgentClient.h"
#include "wizards/BlockPortWizard.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestUiAgentStopped : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void everyViewStaysResponsive();
    void staysResponsiveAndEmergencyWorks();

private:
    // Measures the longest pause of the event loop while the test drives the window.
    struct Latency {
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        QTimer tick;
        void start()
        {
            clock.start();
            last = 0;
            worst = 0;
            tick.setInterval(10);
            QObject::connect(&tick, &QTimer::timeout, &tick, [this] {
                worst = std::max(worst, clock.elapsed() - last);
                last = clock.elapsed();
            });
            tick.start();
        }
        // The pause since the last tick counts too (a call that blocks right now).
        qint64 stop()
        {
            worst = std::max(worst, clock.elapsed() - last);
            tick.stop();
            tick.disconnect();
            return worst;
        }
    };
    void waitIdle();
    // The project's block verdicts in the namespace: XFRM block entries or the elements of its
    // nftables table's drop sets (NetnsFixture::enforcedBlocks), backend-neutral.
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

void TestUiAgentStopped::init()
{
    m_agent.stopAgent(false); // a failed test function leaves it running for the next one
}

int TestUiAgentStopped::kernelEntries()
{
    // The project's block verdicts in the namespace, whichever backend holds them (read with
    // the reference tools, not through the agent, which may be stopped).
    return NetnsFixture::enforcedBlocks(m_netns);
}

void TestUiAgentStopped::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<QProgressBar *>(u"busyIndicator"_s)->isVisible(),
                             30000);
}

// With the agent stopped, each view that needs the agent opens at once, says it is waiting, and
// the window keeps processing events; when the agent answers, the views fill in and the
// wizard's change is one undo step.
void TestUiAgentStopped::everyViewStaysResponsive()
{
    waitIdle();
    const QString snapshotFile = m_settingsDir.filePath(u"before.json"_s);
    {
        const auto doc = m_client->exportSnapshot();
        QVERIFY(doc);
        QFile f(snapshotFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(*doc).toJson());
    }
    const int steps = m_window->undoStack()->count();
    auto *busy = m_window->findChild<QProgressBar *>(u"busyIndicator"_s);
    m_agent.stopAgent(true);
    Latency latency;
    latency.start();
    QElapsedTimer total;
    total.start();

    // Block a Port: the policy page lists the policies the window shows, Finish waits off the
    // GUI thread.
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier);
    BlockPortWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = m_window->findChild<BlockPortWizard *>()));
    uiw::click(uiw::child<QWidget>(*wizard, u"protocolUdp"_s));
    uiw::next(*wizard);
    QTest::keyClicks(uiw::child<QLineEdit>(*wizard, u"portsEdit"_s), u"1435"_s);
    uiw::next(*wizard);
    uiw::next(*wizard);
    uiw::next(*wizard);
    uiw::click(uiw::child<QWidget>(*wizard, u"modeStatic"_s));
    uiw::next(*wizard);
    QCOMPARE(wizard->currentId(), int(BlockPortWizard::Page_Policy));
    QCOMPARE(uiw::child<QComboBox>(*wizard, u"existingPolicyCombo"_s)->currentText(),
             u"P (assigned)"_s);
    uiw::next(*wizard);
    QCOMPARE(wizard->currentId(), int(BlockPortWizard::Page_Summary));
    uiw::finish(*wizard);
    QTRY_VERIFY(busy->isVisible());
    QVERIFY(wizard->isVisible()); // waiting for the agent, Finish disabled
    QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
    QTest::qWait(200);

    // Snapshots: export, compare and import ask the agent off the GUI thread.
    const QString exported = m_settingsDir.filePath(u"now.json"_s);
    FileDialog::setNextFileName(exported);
    m_window->findChild<QAction *>(u"exportSnapshotAction"_s)->trigger();
    FileDialog::setNextFileName(snapshotFile);
    m_window->findChild<QAction *>(u"compareSnapshotAction"_s)->trigger();
    FileDialog::setNextFileName(snapshotFile);
    m_window->findChild<QAction *>(u"importSnapshotAction"_s)->trigger();
    QDialog *import = nullptr;
    QTRY_VERIFY((import = m_window->findChild<QDialog *>(u"importSnapshotDialog"_s)));
    QTRY_VERIFY(import->isVisible());
    QVERIFY(!import->findChild<QPushButton *>(u"importButton"_s)->isEnabled()); // still reading
    import->reject();
    QTest::qWait(200);

    // The Monitor and the Packet Tester.
    m_window->findChild<QAction *>(u"monitorDockToggle"_s)->trigger();
    QTRY_VERIFY(m_window->findChild<QDockWidget *>(u"monitorDock"_s)->isVisible());
    QTest::qWait(200);
    m_window->findChild<QAction *>(u"packetTesterDockToggle"_s)->trigger();
    QTRY_VERIFY(m_window->findChild<QDockWidget *>(u"packetTesterDock"_s)->isVisible());
    QTest::keyClicks(m_window->findChild<QLineEdit *>(u"sourceEdit"_s), u"192.0.2.7"_s);
    QTest::keyClicks(m_window->findChild<QLineEdit *>(u"destinationEdit"_s), u"192.0.2.1"_s);
    QTest::mouseClick(m_window->findChild<QPushButton *>(u"evaluateButton"_s), Qt::LeftButton);
    QTest::qWait(500);
    QVERIFY(busy->isVisible()); // everything still waits for the agent
    const qint64 worst = latency.stop();
    qInfo("agent stopped for %lld ms: the longest pause of the event loop was %lld ms",
          total.elapsed(), worst);
    QVERIFY2(worst < 100, qPrintable(u"longest wait %1 ms"_s.arg(worst)));

    // The agent answers: the wizard's change lands as one undo step, the views fill in.
    m_agent.stopAgent(false);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<BlockPortWizard *>(), 30000);
    waitIdle();
    QCOMPARE(m_window->undoStack()->count(), steps + 1);
    QTRY_VERIFY(QFile::exists(exported));
    QTRY_VERIFY(m_window->findChild<QDialog *>(u"compareSnapshotDialog"_s));
    m_window->findChild<QDialog *>(u"compareSnapshotDialog"_s)->reject();
    QTRY_VERIFY(!m_window->findChild<QLabel *>(u"verdictLabel"_s)->text().isEmpty());
    m_window->findChild<QDockWidget *>(u"monitorDock"_s)->hide();
    m_window->findChild<QDockWidget *>(u"packetTesterDock"_s)->hide();
}

void TestUiAgentStopped::staysResponsiveAndEmergencyWorks()
{
    waitIdle();
    const int before = kernelEntries();
    QVERIFY(before > 0);
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
    QCOMPARE(kernelEntries(), 0);

    // Reassign waits for the agent off the GUI thread too; the banner reads the emergency
    // through the client.
    auto *banner = m_window->findChild<StateBanner *>(u"stateBanner"_s);
    QCOMPARE(banner->state(), StateBanner::State::Emergency);
    Latency latency;
    latency.start();
    QTest::mouseClick(banner->findChild<QPushButton *>(u"stateBannerButton"_s), Qt::LeftButton);
    QTest::qWait(500);
    const qint64 reassignWorst = latency.stop();
    QVERIFY2(reassignWorst < 100, qPrintable(u"Reassign: longest wait %1 ms"_s.arg(reassignWorst)));
    QVERIFY(busy->isVisible());

    m_agent.stopAgent(false);
    QTRY_COMPARE_WITH_TIMEOUT(kernelEntries(), before, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(banner->state(), StateBanner::State::None, 10000);
}

QTEST_MAIN(TestUiAgentStopped)
#include "TestUiAgentStopped.moc"
