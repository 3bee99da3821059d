// The console's "Keep these changes?" countdown and the SSH guard's "Apply Anyway", for real:
// the process enters a throw-away network namespace first (its own executable), the service
// enforces there, and the store is checked before and after.

#include "UiTestSupport.h"

#include "ConfirmChangesDialog.h"
#include "ConfirmController.h"
#include "InfoBar.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ObjectEditor.h"
#include "Settings.h"
#include "service/PolicyService.h"
#include "util/NetNamespace.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

namespace {

bool ip(const QStringList &args)
{
    QProcess p;
    p.start(u"ip"_s, args);
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("ip %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

class TestConfirmUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void settingSetsTheClientOptions();
    void keepStopsTheCountdown();
    void countdownEndRollsBack();
    void sshRefusalOffersApplyAnyway();

private:
    qint64 policyId(const QString &name);
    QString assigned();
    ConfirmChangesDialog *dialog() { return m_window->findChild<ConfirmChangesDialog *>(); }

    QTemporaryDir m_dir;
    QString m_ns;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestConfirmUi::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root: creates a network namespace and changes its IPsec policy.");
    UiTestSupport::isolateSettings(m_dir);
    const QByteArray runtime = m_dir.filePath(u"run"_s).toUtf8();
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", runtime);
    // The console's own SSH session, as if it ran on B (192.0.2.1) for a user at 192.0.2.7.
    qputenv("SSH_CONNECTION", "192.0.2.7 50022 192.0.2.1 22");

    const QString ns = u"ipsec-confirm-ui-%1"_s.arg(QCoreApplication::applicationPid());
    QVERIFY(ip({u"netns"_s, u"add"_s, ns}));
    m_ns = ns;
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"add"_s, u"eth0"_s, u"type"_s, u"veth"_s, u"peer"_s,
                u"name"_s, u"eth1"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"addr"_s, u"add"_s, u"192.0.2.1/24"_s, u"dev"_s, u"eth0"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"eth0"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"eth1"_s, u"up"_s}));

    const QString store = UiTestSupport::seededStore(m_dir);
    QVERIFY(!store.isEmpty());
    QProcessEnvironment env;
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, QString::fromUtf8(runtime));
    const auto r =
        UiTestSupport::ipseccmd(store,
                                {u"-w"_s, u"REG"_s, u"-p"_s, u"No SSH"_s, u"-r"_s, u"Block SSH"_s,
                                 u"-f"_s, u"*=0:22:TCP"_s, u"-n"_s, u"BLOCK"_s},
                                {}, env);
    QVERIFY2(r.code == 0, qPrintable(r.err));

    auto entered = enterNetworkNamespace(ns);
    QVERIFY2(entered, entered ? "" : qPrintable(entered.error().message));
    Settings().setValue(Settings::Key::KeepChangesSeconds, 15);
    PolicyService::Options o;
    o.storePath = store;
    o.netns = ns;
    auto service = PolicyService::open(o);
    QVERIFY2(service, service ? "" : qPrintable(service.error().message));
    m_service = std::move(service.value());
    QVERIFY(m_service->isEnforcing());
    m_window = std::make_unique<MainWindow>(*m_service);
    m_window->show();
}

void TestConfirmUi::cleanupTestCase()
{
    if (m_service)
        (void)m_service->confirm();
    m_window.reset();
    m_service.reset();
    if (!m_ns.isEmpty())
        (void)ip({u"netns"_s, u"del"_s, m_ns});
}

qint64 TestConfirmUi::policyId(const QString &name)
{
    const auto db = m_service->load();
    const Policy *p = db ? db->policyByName(name) : nullptr;
    return p ? p->id : 0;
}

QString TestConfirmUi::assigned()
{
    const auto db = m_service->load();
    const Policy *p = db ? db->assignedPolicy() : nullptr;
    return p ? p->name : QString();
}

void TestConfirmUi::settingSetsTheClientOptions()
{
    QCOMPARE(m_service->changeOptions().confirmWithinSeconds, 15);
    QCOMPARE(m_service->changeOptions().sshConnection, u"192.0.2.7 50022 192.0.2.1 22"_s);
    auto *menu = m_window->findChild<QMenu *>(u"keepChangesMenu"_s);
    QVERIFY(menu);
    auto *off = m_window->findChild<QAction *>(u"keepChanges0"_s);
    auto *fifteen = m_window->findChild<QAction *>(u"keepChanges15"_s);
    QVERIFY(off && fifteen);
    QVERIFY(fifteen->isChecked());
    off->trigger();
    QCOMPARE(m_service->changeOptions().confirmWithinSeconds, 0);
    QCOMPARE(Settings().integer(Settings::Key::KeepChangesSeconds), 0);
    fifteen->trigger();
    QCOMPARE(m_service->changeOptions().confirmWithinSeconds, 15);
}

void TestConfirmUi::keepStopsTheCountdown()
{
    QVERIFY(assigned().isEmpty());
    QVERIFY(m_window->editor()->assign(policyId(u"Block UDP 1434 Filter"_s)));
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    auto *countdown = dialog()->findChild<QLabel *>(u"confirmChangesCountdown"_s);
    QVERIFY2(countdown->text().contains(u"second"_s), qPrintable(countdown->text()));
    QVERIFY(dialog()->secondsLeft() > 10 && dialog()->secondsLeft() <= 15);
    QVERIFY(m_service->pendingConfirmation());
    dialog()->findChild<QPushButton *>(u"keepChangesButton"_s)->click();
    QVERIFY(!dialog()->isVisible());
    QVERIFY(!m_service->pendingConfirmation());
    QCOMPARE(assigned(), u"Block UDP 1434 Filter"_s);
}

void TestConfirmUi::countdownEndRollsBack()
{
    Settings().setValue(Settings::Key::KeepChangesSeconds, 2);
    m_window->findChild<ConfirmController *>()->applySettings();
    QSignalSpy ended(m_service.get(), &PolicyClient::confirmationEnded);
    QVERIFY(m_window->editor()->unassign());
    QTRY_VERIFY(dialog()->isVisible());
    QVERIFY(assigned().isEmpty());
    QVERIFY(m_window->undoStack()->count() > 0);
    QVERIFY(ended.wait(4000));
    QVERIFY(!dialog()->isVisible());
    auto *info = m_window->findChild<InfoBar *>();
    QVERIFY(info->isVisible());
    QVERIFY2(info->text().contains(u"rolled back"_s), qPrintable(info->text()));
    QCOMPARE(assigned(), u"Block UDP 1434 Filter"_s);
    QCOMPARE(m_window->undoStack()->count(), 0);
    Settings().setValue(Settings::Key::KeepChangesSeconds, 0);
    m_window->findChild<ConfirmController *>()->applySettings();
}

void TestConfirmUi::sshRefusalOffersApplyAnyway()
{
    QCOMPARE(m_service->changeOptions().confirmWithinSeconds, 0);
    // Cancel: refused, nothing changes.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!m_window->editor()->assign(policyId(u"No SSH"_s)));
    QVERIFY2(MessageBox::lastText().contains(u"SSH"_s), qPrintable(MessageBox::lastText()));
    QVERIFY2(MessageBox::lastText().contains(u"\"Block SSH\""_s),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(assigned(), u"Block UDP 1434 Filter"_s);
    // Apply Anyway: the same change again, forced.
    MessageBox::setNextAnswer(QMessageBox::Apply);
    QVERIFY(m_window->editor()->assign(policyId(u"No SSH"_s)));
    QCOMPARE(assigned(), u"No SSH"_s);
    QVERIFY(!m_service->changeOptions().force); // forced once, not from now on
}

QTEST_MAIN(TestConfirmUi)
#include "TestConfirmUi.moc"
