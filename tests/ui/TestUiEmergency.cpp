// One-click emergency unassign and its Undo, for real, inside a throw-away network namespace.
// The process's main (GUI) thread enters the namespace first, so this is its own executable.

#include "UiTestSupport.h"

#include "kernel/NetnsFixture.h"

#include "MainWindow.h"
#include "Settings.h"
#include "StateBanner.h"
#include "service/PolicyService.h"
#include "util/NetNamespace.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

namespace {

bool ip(const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.start(u"ip"_s, args);
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("ip %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

} // namespace

class TestUiEmergency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void unassignAndUndo();
    void titleNamesStoreAndNamespace();
    void driftBannerReapplies();
    void emergencyByAnotherProgramShowsRedBanner();

private:
    // The project's block verdicts in the namespace, whichever backend holds them (XFRM block
    // entries or the elements of the nftables table's drop sets).
    int enforcedBlocks() { return NetnsFixture::enforcedBlocks(m_ns); }

    QTemporaryDir m_dir;
    QString m_ns;
    QString m_store;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiEmergency::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root: creates a network namespace and changes its IPsec policy.");
    UiTestSupport::isolateSettings(m_dir);
    Settings().setValue(Settings::Key::WatchIntervalMs, 100);
    const QByteArray runtime = m_dir.filePath(u"run"_s).toUtf8();
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", runtime);

    NetnsFixture::removeStale(); // e.g. an ipsec-ui-<pid> of a run that crashed
    const QString ns = u"ipsec-ui-%1"_s.arg(QCoreApplication::applicationPid());
    QVERIFY(ip({u"netns"_s, u"add"_s, ns}));
    m_ns = ns;
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"add"_s, u"eth0"_s, u"type"_s, u"veth"_s, u"peer"_s,
                u"name"_s, u"eth1"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"addr"_s, u"add"_s, u"192.0.2.1/24"_s, u"dev"_s, u"eth0"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"eth0"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"eth1"_s, u"up"_s}));

    m_store = m_dir.filePath(u"policy.db"_s);
    QProcessEnvironment env;
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, QString::fromUtf8(runtime));
    const auto r =
        UiTestSupport::ipseccmd(m_store,
                                {u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-r"_s, u"R"_s, u"-f"_s,
                                 u"*=0:1434:UDP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s},
                                ns, env);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(enforcedBlocks() > 0);

    auto entered = enterNetworkNamespace(ns);
    QVERIFY2(entered, entered ? "" : qPrintable(entered.error().message));
    PolicyService::Options o;
    o.storePath = m_store;
    o.netns = ns;
    auto service = PolicyService::open(o);
    QVERIFY2(service, service ? "" : qPrintable(service.error().message));
    m_service = std::move(service.value());
    QVERIFY(m_service->isEnforcing());
    m_window = std::make_unique<MainWindow>(*m_service);
    m_window->show();
}

void TestUiEmergency::cleanupTestCase()
{
    m_window.reset();
    m_service.reset();
    if (!m_ns.isEmpty())
        (void)ip({u"netns"_s, u"del"_s, m_ns});
}

void TestUiEmergency::unassignAndUndo()
{
    const int before = enforcedBlocks();
    QVERIFY(before > 0);
    auto *status = m_window->findChild<QLabel *>(u"assignmentStatus"_s);
    QVERIFY2(status->text().contains(u"Assigned policy: P"_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"in sync"_s), qPrintable(status->text()));

    auto *action = m_window->findChild<QAction *>(u"emergencyUnassignAction"_s);
    QVERIFY(action);
    action->trigger();
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(enforcedBlocks(), 0);
    auto *message = m_window->findChild<QLabel *>(u"emergencyMessage"_s);
    QVERIFY2(message->text().contains(u"removed"_s), qPrintable(message->text()));
    QVERIFY2(message->text().contains(u"\"P\""_s), qPrintable(message->text()));
    auto *undo = m_window->findChild<QToolButton *>(u"emergencyUndoButton"_s);
    QVERIFY(undo && undo->isVisible());
    QTRY_VERIFY2(status->text().contains(u"No policy is assigned"_s), qPrintable(status->text()));

    QTest::mouseClick(undo, Qt::LeftButton);
    QCOMPARE(enforcedBlocks(), before);
    QVERIFY(!undo->isVisible());
    QTRY_VERIFY2(status->text().contains(u"Assigned policy: P"_s), qPrintable(status->text()));
}

void TestUiEmergency::titleNamesStoreAndNamespace()
{
    QVERIFY2(m_window->windowTitle().contains(u"policy.db"_s), qPrintable(m_window->windowTitle()));
    QVERIFY2(m_window->windowTitle().contains(m_ns), qPrintable(m_window->windowTitle()));
}

// The kernel loses the entries behind the console's back: a persistent banner says so until
// Re-apply enforces the stored policy again.
void TestUiEmergency::driftBannerReapplies()
{
    const int before = enforcedBlocks();
    QVERIFY(before > 0);
    auto *banner = m_window->findChild<StateBanner *>(u"stateBanner"_s);
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    // Gone behind the console's back, whichever backend held them.
    QVERIFY(ip({u"-n"_s, m_ns, u"xfrm"_s, u"policy"_s, u"flush"_s}));
    (void)ip({u"netns"_s, u"exec"_s, m_ns, u"nft"_s, u"delete"_s, u"table"_s, u"inet"_s,
              u"ipsec_console"_s});
    QCOMPARE(enforcedBlocks(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QCOMPARE(banner->state(), StateBanner::State::Drift);
    QVERIFY2(banner->text().contains(u"missing"_s), qPrintable(banner->text()));
    auto *button = banner->findChild<QPushButton *>(u"stateBannerButton"_s);
    QVERIFY(QString(button->text()).remove(u'&').contains(u"apply"_s));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(enforcedBlocks(), before);
    QTRY_VERIFY(!banner->isVisible());
}

// Another program (ipseccmd) pulls the emergency brake: the console turns red and offers
// Reassign, which puts everything back.
void TestUiEmergency::emergencyByAnotherProgramShowsRedBanner()
{
    const int before = enforcedBlocks();
    QVERIFY(before > 0);
    const auto r = UiTestSupport::ipseccmd(m_store, {u"emergency-unassign"_s}, m_ns,
                                           QProcessEnvironment::systemEnvironment());
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QCOMPARE(enforcedBlocks(), 0);
    auto *banner = m_window->findChild<StateBanner *>(u"stateBanner"_s);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QCOMPARE(banner->state(), StateBanner::State::Emergency);
    static const QRegularExpression said(
        u"Emergency unassign in effect since \\d\\d:\\d\\d — \\d+ entr(y|ies|\\(y/ies\\)) removed"_s);
    QVERIFY2(said.match(banner->text()).hasMatch(), qPrintable(banner->text()));
    QVERIFY(banner->styleSheet().contains(u"#b00020"_s));
    auto *button = banner->findChild<QPushButton *>(u"stateBannerButton"_s);
    QCOMPARE(button->text(), u"&Reassign"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(enforcedBlocks(), before);
    // The red banner goes, and no drift is reported in its place: the console's view of the
    // kernel and the store follows what Reassign did (no "9 extra" until a reload).
    QTRY_VERIFY2(banner->state() != StateBanner::State::Emergency, qPrintable(banner->text()));
    auto *status = m_window->findChild<QLabel *>(u"assignmentStatus"_s);
    QTRY_VERIFY2(status->text().contains(u"in sync"_s), qPrintable(status->text()));
    QTest::qWait(1500); // a few polls of the state
    QVERIFY2(banner->state() == StateBanner::State::None, qPrintable(banner->text()));
    QVERIFY2(status->text().contains(u"Assigned policy: P."_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"in sync"_s), qPrintable(status->text()));
}

QTEST_MAIN(TestUiEmergency)
#include "TestUiEmergency.moc"
